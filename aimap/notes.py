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


#: A word that may be an id: letters, digits, '_' and '-', with '.'-joined parts
#: ('lumi-aif', 'm-rs-contract-2024', 'lumi-aif.x2'), not glued to a word before it.
_WORD = re.compile(r"(?<![\w-])\w[\w-]*(?:\.[\w-]+)*")


@lru_cache(maxsize=4)
def _names(dataset: Dataset) -> dict[str, str]:
    """Every site and milestone id -> the words people read for it."""
    return {**dict(zip(dataset.milestones["id"], dataset.milestones["label"])),
            **query.site_labels(dataset)}


def _named(word: str, names: dict[str, str]) -> str:
    """`word` with the id it starts with as a name: the whole word, else its '.'-joined
    head ('lumi-aif.' ends a sentence). Looked up, not matched against one pattern of every
    id, which grows with the data and made a large dataset's tables take seconds."""
    parts = word.split(".")
    for end in range(len(parts), 0, -1):
        head = ".".join(parts[:end])
        if head in names:
            return names[head] + word[len(head):]
    return word


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


@lru_cache(maxsize=8192)
def readable(note: str, dataset: Dataset) -> str:
    """`note` with ids replaced by names and 'seed 003' by the article's title (memoised:
    every table row's notes are read again on each rerun)."""
    names = _names(dataset)
    note = _WORD.sub(lambda m: _named(m.group(0), names), note)

    def seed(match: re.Match[str]) -> str:
        title = _seed_titles(dataset).get(match.group(2))
        if title is None:
            return match.group(0)
        key = "note.seed_start" if match.group(1) == "S" else "note.seed"
        return text.t(key, title=title)
    return _SEED.sub(seed, note)
