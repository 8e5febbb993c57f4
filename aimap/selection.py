"""The user's filter choices as a frozen value, and its codec to and from URL query parameters.

A shared or reloaded link restores the same view: `Selection.from_query(params)` reads what
`selection.to_query()` wrote. Unknown or malformed values are dropped, never fatal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

from aimap import schema

SITE_KINDS = ("eurohpc_ai_factory", "antenna", "national_ai_factory", "gigafactory_candidate")

#: query parameter -> Selection field; values are comma-separated. Plural names leave the
#: singular ones (`country`, `id`) free for the views' own drill-down state.
QUERY_KEYS = {"kinds": "kinds", "waves": "waves", "countries": "countries", "sectors": "sectors"}


@dataclass(frozen=True)
class Selection:
    """Which sites to show. An empty tuple means 'no filter' (everything)."""

    kinds: tuple[str, ...] = ()
    waves: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def to_query(self) -> dict[str, str]:
        """Query parameters for this selection; filters not set are left out."""
        return {key: ",".join(getattr(self, name)) for key, name in QUERY_KEYS.items()
                if getattr(self, name)}

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]]) -> Selection:
        """Parse query parameters (as written by `to_query`); repeated keys are merged."""
        values = {}
        for key, name in QUERY_KEYS.items():
            raw = params.get(key, "")
            parts = raw if isinstance(raw, list) else [raw]
            items = [item.strip() for part in parts for item in str(part).split(",")]
            values[name] = _unique(item for item in items if item)
        return cls(**values).restricted(kinds=SITE_KINDS, waves=schema.WAVES)

    def restricted(self, **allowed: Iterable[str]) -> Selection:
        """A copy keeping only allowed values, e.g. `restricted(countries=known_iso3)`."""
        changes = {}
        for name, options in allowed.items():
            keep = set(options)
            changes[name] = tuple(v for v in getattr(self, name) if v in keep)
        return replace(self, **changes)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
