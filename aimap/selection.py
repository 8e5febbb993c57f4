"""The user's filter choices as a frozen value (hashable: figures and the sites shown are
memoised on it). Links are read and written by `aimap.options`."""

from __future__ import annotations

from dataclasses import dataclass

SITE_KINDS = ("eurohpc_ai_factory", "antenna", "national_ai_factory", "gigafactory_candidate",
              "ai_supercomputer")


@dataclass(frozen=True)
class Selection:
    """Which sites to show. An empty tuple means 'no filter' (everything)."""

    kinds: tuple[str, ...] = ()
    waves: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
