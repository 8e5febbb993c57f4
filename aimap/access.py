"""Who may edit: the maintainers' token must be long enough to resist guessing, and wrong
tokens are limited across every session of the server, not per browser tab."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

#: A token shorter than this (after stripping spaces) leaves editing off.
MIN_TOKEN_LENGTH = 16


def token_problem(token: str) -> str | None:
    """Why `token` cannot switch editing on ('blank' or 'short'), or None when it can."""
    if not token.strip():
        return "blank"
    if len(token.strip()) < MIN_TOKEN_LENGTH:
        return "short"
    return None


class WrongTokens:
    """Wrong tokens over the whole server: `per_minute` are allowed in any minute; after that,
    nobody may try for a wait that doubles with each further wrong token (at most `longest_s`)."""

    def __init__(self, per_minute: int = 5, longest_s: float = 600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._per_minute, self._longest_s, self._clock = per_minute, longest_s, clock
        self._recent: deque[float] = deque()
        self._over = 0  # wrong tokens beyond the allowance, since the last quiet minute
        self._blocked_until = 0.0
        self._lock = threading.Lock()

    def wait_s(self) -> float:
        """Seconds until anyone may try again (0: now)."""
        with self._lock:
            return max(0.0, self._blocked_until - self._clock())

    def failed(self) -> None:
        """Record one wrong token."""
        with self._lock:
            now = self._clock()
            while self._recent and now - self._recent[0] >= 60:
                self._recent.popleft()
            if not self._recent:
                self._over = 0
            self._recent.append(now)
            if len(self._recent) > self._per_minute:
                self._over += 1
                wait = min(self._longest_s, 2.0 ** self._over)
                self._blocked_until = max(self._blocked_until, now + wait)
