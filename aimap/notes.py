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


def _seed_title(dataset: Dataset, number: str) -> str | None:
    """The first words of seed article `number`'s title: its file ('003_….txt') is its url."""
    files = dataset.sources["url"].fillna("").astype(str)
    titles = dataset.sources.loc[files.str.startswith(f"{number}_"), "title"].dropna()
    if titles.empty or not str(titles.iloc[0]).strip():
        return None
    title = str(titles.iloc[0])
    words = title.split()
    if len(words) <= _TITLE_WORDS:
        return title
    return " ".join(words[:_TITLE_WORDS]).rstrip("….,;:!? ") + "…"


def readable(note: str, dataset: Dataset) -> str:
    """`note` with ids replaced by names and 'seed 003' by the article's title."""
    pattern, names = _names(dataset)
    if pattern is not None:
        note = pattern.sub(lambda m: names[m.group(0)], note)

    def seed(match: re.Match[str]) -> str:
        title = _seed_title(dataset, match.group(2))
        if title is None:
            return match.group(0)
        key = "note.seed_start" if match.group(1) == "S" else "note.seed"
        return text.t(key, title=title)
    return _SEED.sub(seed, note)
