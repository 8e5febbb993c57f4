"""Notes as people read them. The data's editors write ids ('gf-cand-fi-nokia',
'm-rs-contract-2024') and 'seed 003' for the article a fact came from: on a page, each
becomes the site's name, the milestone's words or the article's title."""

from __future__ import annotations

import re
from functools import lru_cache

from aimap import query, text
from aimap.load import Dataset

_SEED = re.compile(r"\b([Ss])eed (\d{3})\b")
#: Words of a seed article's title quoted in a note: enough to find it among the sources.
_TITLE_WORDS = 6


@lru_cache(maxsize=4)
def _names(dataset: Dataset) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """A pattern matching every site and milestone id as a whole word, and id -> words."""
    names = {**dict(zip(dataset.milestones["id"], dataset.milestones["label"])),
             **query.site_labels(dataset)}
    if not names:
        return None, names
    ids = "|".join(re.escape(i) for i in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{ids})(?![\w-])"), names


@lru_cache(maxsize=4)
def _seed_titles(dataset: Dataset) -> dict[str, str]:
    """Seed article number ('003') -> the first words of its title: a seed's file
    ('003_….txt') is its url. Built once, not for every note of every table on a rerun."""
    titles = {}
    for url, title in zip(dataset.sources["url"], dataset.sources["title"]):
        number = str(url).split("_", 1)[0] if isinstance(url, str) and "_" in url else ""
        if len(number) == 3 and number.isdigit() and isinstance(title, str) and title.strip() \
                and number not in titles:
            words = title.split()
            titles[number] = title if len(words) <= _TITLE_WORDS else \
                " ".join(words[:_TITLE_WORDS]).rstrip("….,;:!? ") + "…"
    return titles


def readable(note: str, dataset: Dataset) -> str:
    """`note` with ids replaced by names and 'seed 003' by the article's title."""
    pattern, names = _names(dataset)
    if pattern is not None:
        note = pattern.sub(lambda m: names[m.group(0)], note)

    def seed(match: re.Match[str]) -> str:
        title = _seed_titles(dataset).get(match.group(2))
        if title is None:
            return match.group(0)
        key = "note.seed_start" if match.group(1) == "S" else "note.seed"
        return text.t(key, title=title)
    return _SEED.sub(seed, note)
