""""About this data": what each kind of site and a selection wave are, in the EuroHPC Joint
Undertaking's and the EU's own terms, each with the sources the definition comes from."""

from __future__ import annotations

from typing import NamedTuple

from aimap.load import Dataset


class Term(NamedTuple):
    """One defined term: its name and definition (catalogue keys) and its sources (ids)."""

    name: str
    definition: str
    sources: tuple[str, ...]


TERMS = (
    Term("kind.eurohpc_ai_factory", "about.eurohpc_ai_factory",
         ("eurohpc-ju-ai-factory-pillar", "eumonitor-eurohpc-ai-factory-pillar")),
    Term("kind.antenna", "about.antenna", ("cy-portal-ai-factory-antennas-call",
                                           "lumi-ai-factory-1415")),
    Term("kind.gigafactory_candidate", "about.gigafactory_candidate",
         ("ep-oeil-eurohpc-ai-gigafactories", "eurohpc-ju-faqs-ai-gigafactories-en")),
    Term("kind.national_ai_factory", "about.national_ai_factory", ()),
    Term("kind.ai_supercomputer", "about.ai_supercomputer",
         ("actuia-eurohpc-inaugurates-vega", "eurohpc-ju-way-open-building-eurohpc-wo")),
    Term("about.wave_term", "about.wave", ("eurohpc-ju-ai-factories-calls",)),
)


def sources_in(dataset: Dataset, term: Term) -> tuple[str, ...]:
    """The term's sources that the data still lists (a maintainer may have removed one)."""
    known = set(dataset.sources["id"])
    return tuple(s for s in term.sources if s in known)
