"""The maintainers' token: long enough, and wrong guesses limited across all sessions."""

from __future__ import annotations

import pytest

from aimap.access import MIN_TOKEN_LENGTH, WrongTokens, token_problem


@pytest.mark.parametrize(("token", "problem"), [
    ("", "blank"), (" ", "blank"), ("\t \n", "blank"), ("s3cret", "short"),
    (" " + "x" * (MIN_TOKEN_LENGTH - 1) + " ", "short"), ("x" * MIN_TOKEN_LENGTH, None)])
def test_blank_and_short_tokens_leave_editing_off(token, problem):
    assert token_problem(token) == problem


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_tokens_a_minute_are_allowed_then_the_wait_doubles():
    clock = Clock()
    wrong = WrongTokens(per_minute=5, clock=clock)
    for _ in range(5):
        wrong.failed()
        assert wrong.wait_s() == 0
    wrong.failed()
    assert wrong.wait_s() == 2
    clock.now += 2
    wrong.failed()
    assert wrong.wait_s() == 4
    clock.now += 4
    wrong.failed()
    assert wrong.wait_s() == 8


def test_the_wait_has_a_ceiling_and_a_quiet_minute_resets_it():
    clock = Clock()
    wrong = WrongTokens(per_minute=1, longest_s=10, clock=clock)
    for _ in range(8):
        wrong.failed()
    assert wrong.wait_s() == 10
    clock.now += 61
    assert wrong.wait_s() == 0
    wrong.failed()
    assert wrong.wait_s() == 0  # the first wrong token of a quiet minute is allowed
