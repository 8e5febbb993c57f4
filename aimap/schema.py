"""The curated tables described as data: one Column row per column, one Table per CSV file.

Adding a column means adding a row here and a line in data/README.md (a test checks both agree).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CONFIDENCE = ("high", "medium", "low")
FACTORY_KINDS = ("eurohpc_ai_factory", "national_ai_factory", "gigafactory_candidate",
                 "ai_supercomputer")
#: Who an AI supercomputer belongs to: the EuroHPC Joint Undertaking or a country.
PROGRAMMES = ("eurohpc", "national")
FACTORY_STATUS = (
    "candidate",
    "selected",
    "contracted",
    "procurement",
    "installation",
    "services_open",
    "operational",
)
FUNDERS = ("eu", "national", "regional", "mixed", "private")
BUDGET_SCOPES = ("site", "component", "envelope")
BUDGET_BASES = ("sourced", "computed")
PHASES = (
    "call",
    "selection",
    "agreement",
    "kickoff",
    "procurement",
    "contract",
    "construction",
    "installation",
    "launch",
    "services",
    "operational",
    "project_end",
    "policy",
)
PRECISIONS = ("day", "month", "quarter", "half", "year")
MILESTONE_STATUS = ("done", "planned")
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "lt", "lv", "fi",
             "sv", "el", "hu", "ro", "bg", "sr", "mk", "is", "ca", "gl", "other")
#: Programme-wide subjects; each selection wave is a subject too, as 'wave-<number>'.
PROGRAMME_SUBJECTS = ("programme", "antennas-2025", "gigafactories")
WAVE_SUBJECT = "wave-{wave}"
CLAIM_FIELDS = ("name", "city", "lat", "lon", "host", "coordinator", "system", "performance",
                "gpus", "selected_on", "linked_factories", "partner_count", "status", "kind",
                "sector", "date")


@dataclass(frozen=True)
class Column:
    """One column: its type, whether a value is required, allowed values and what it means."""

    name: str
    kind: str  # text | id | int | wave | float | date | bool | enum | ref | reflist |
    #            url_or_seed | rowref (a row's key in the table another column names)
    help: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    #: for ref/reflist: "sites", "subjects", "countries", "sources", "sectors", "factories"
    ref: str = ""


@dataclass(frozen=True)
class Table:
    """One CSV file in data/: its columns and the column whose values must be unique."""

    name: str
    help: str
    columns: tuple[Column, ...]
    key: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _conf() -> Column:
    return Column("confidence", "enum", "How sure the identification is: high, medium or low.",
                  required=True, allowed=CONFIDENCE)


def _sources(required: bool = True) -> Column:
    return Column("sources", "reflist", "Ids from sources.csv, separated by ';'.",
                  required=required, ref="sources")


def _notes() -> Column:
    return Column("notes", "text", "Disagreements, seed errors and caveats, in plain words.")


def _lat_lon() -> tuple[Column, Column]:
    return (Column("lat", "float", "Latitude, WGS84 decimal degrees (city centroid)."),
            Column("lon", "float", "Longitude, WGS84 decimal degrees (city centroid)."))


SOURCES = Table("sources", "Every source a figure comes from.", (
    Column("id", "id", "Short stable id used in the sources column of other tables.",
           required=True),
    Column("title", "text", "Title of the page, or a description where the title was not recorded.",
           required=True),
    Column("publisher", "text", "Outlet or institution (usually the web domain).", required=True),
    Column("url", "url_or_seed", "Web address, or the seed file name for the five seed articles.",
           required=True),
    Column("published_on", "date", "Publication date where known (YYYY-MM-DD)."),
    Column("language", "enum", "Language of the source (ISO 639-1).", allowed=LANGUAGES),
), key="id")

COUNTRIES = Table("countries", "Countries drawn on the map, with population for per-capita "
                  "figures.", (
    Column("iso3", "id", "ISO 3166-1 alpha-3 code (Kosovo: XKX).", required=True),
    Column("name_en", "text", "English name.", required=True),
    Column("name_fr", "text", "French name.", required=True),
    Column("name_de", "text", "German name.", required=True),
    Column("population", "int", "Population (World Bank SP.POP.TOTL); empty where not sourced."),
    Column("population_year", "int", "Year of the population figure."),
    Column("eu_member", "bool", "EU Member State.", required=True),
    Column("eurohpc_participating", "bool",
           "EuroHPC JU participating state; empty if not sourced."),
    _sources(required=False),
), key="iso3")

#: The longest label a chart gives a site: longer names need a `short_name`, so no chart ever
#: cuts a name (a cut name cannot be recovered from a pasted PNG).
LABEL_WIDTH = 32

FACTORIES = Table("factories", "AI Factories, national AI factories, AI Gigafactory "
                  "candidates and the AI supercomputers they run on.", (
    Column("id", "id", "Stable id, e.g. 'it4lia'.", required=True),
    Column("name", "text", "Official name.", required=True),
    Column("short_name", "text", f"Chart label: the site's own acronym or a sourced short form, "
           f"at most {LABEL_WIDTH} characters; required when the name is longer."),
    Column("kind", "enum", "What the site is.", required=True, allowed=FACTORY_KINDS),
    Column("wave", "wave", "EuroHPC selection wave (1, 2, 3, …: waves are content, a new one "
           "needs no code); empty for other kinds."),
    Column("selected_on", "date", "Date of EuroHPC selection (YYYY-MM-DD)."),
    Column("country", "ref", "Host country, ISO3.", required=True, ref="countries"),
    Column("other_countries", "reflist",
           "Further host countries of multi-site candidates, ISO3 ';'.", ref="countries"),
    Column("city", "text", "Host city as used on the map."),
    *_lat_lon(),
    Column("host", "text", "Host institution."),
    Column("partners", "text", "Consortium partners, short."),
    Column("system", "text", "Supercomputer: name and whether new, upgrade or existing."),
    Column("performance", "text", "Performance exactly as sourced, with its unit."),
    Column("gpus", "int", "Number of GPUs or AI accelerators as sourced (lower bound where the "
           "source says 'more than'; see notes)."),
    Column("programme", "enum", "For an AI supercomputer: eurohpc (a EuroHPC JU system) or "
           "national.", allowed=PROGRAMMES),
    Column("serves", "reflist", "For an AI supercomputer: ids of the AI Factories and "
           "Antennas that run on it or upgrade it, ';'.", ref="sites"),
    Column("status", "enum", "Deployment status on the data's as-of date.", required=True,
           allowed=FACTORY_STATUS),
    _conf(),
    _sources(),
    _notes(),
), key="id")

ANTENNAS = Table("antennas", "AI Factory Antennas: national access points linked to AI "
                 "Factories.", (
    Column("id", "id", "Stable id, e.g. 'be-aifa'.", required=True),
    Column("name", "text", "Official name.", required=True),
    Column("short_name", "text", f"Chart label: the site's own acronym or a sourced short form, "
           f"at most {LABEL_WIDTH} characters; required when the name is longer."),
    Column("country", "ref", "Host country, ISO3.", required=True, ref="countries"),
    Column("city", "text", "City of the coordinator."),
    *_lat_lon(),
    Column("coordinator", "text", "Coordinating institution."),
    Column("partner_count", "int", "Number of consortium partners as sourced."),
    Column("linked_factories", "reflist", "Ids of the AI Factories it connects to, ';'.",
           ref="factories"),
    Column("selected_on", "date", "Date of selection (YYYY-MM-DD).", required=True),
    _conf(),
    _sources(),
    _notes(),
), key="id")

BUDGETS = Table("budgets", "One row per budget claim; disagreeing claims are separate rows.", (
    Column("id", "id", "Stable id of the claim.", required=True),
    Column("subject", "ref", "A factory or antenna id, a wave (wave-1…), 'antennas-2025', "
           "'gigafactories' or 'programme'.", required=True, ref="subjects"),
    Column("label", "text", "What the money is, in a few words.", required=True),
    Column("amount_eur", "float", "Amount in euros; empty if only a share is known.", ),
    Column("funder", "enum", "Who pays: eu, national, regional, mixed (several) or private.",
           required=True, allowed=FUNDERS),
    Column("scope", "enum", "site = the subject's own budget (total or one funder's share); "
           "component = a contract or part of it (never added to site sums); "
           "envelope = programme money (context).", required=True, allowed=BUDGET_SCOPES),
    Column("basis", "enum", "sourced = a figure a source gives; computed = arithmetic on sourced "
           "components (see notes).", required=True, allowed=BUDGET_BASES),
    Column("period", "text", "Period the money covers or date of the statement."),
    Column("preferred", "bool", "The claim shown by default among claims that compete.",
           required=True),
    _conf(),
    _sources(),
    _notes(),
), key="id")

MILESTONES = Table("milestones", "Dated phases and events; imprecise dates are ranges.", (
    Column("id", "id", "Stable id.", required=True),
    Column("subject", "ref", "A factory or antenna id, a wave, 'antennas-2025', 'gigafactories' "
           "or 'programme'.", required=True, ref="subjects"),
    Column("phase", "enum", "Kind of step.", required=True, allowed=PHASES),
    Column("label", "text", "What happens, in a few words.", required=True),
    Column("start", "date", "First day of the range the date stands for.", required=True),
    Column("end", "date", "Last day of the range (same as start for a single day).", required=True),
    Column("precision", "enum", "How precise the source is.", required=True, allowed=PRECISIONS),
    Column("as_written", "text", "The date as the source wrote it, e.g. 'mid-2026'."),
    Column("status", "enum", "done or planned on the as-of date.", required=True,
           allowed=MILESTONE_STATUS),
    _conf(),
    _sources(),
    _notes(),
), key="id")

SECTORS = Table("sectors", "Which sectors a site serves, one row per raw label.", (
    Column("subject", "ref", "A factory or antenna id.", required=True, ref="sites"),
    Column("sector", "ref", "Id from sector_taxonomy.csv.", required=True, ref="sectors"),
    Column("raw_label", "text", "The label exactly as the source wrote it.", required=True),
    Column("language", "enum", "Language of raw_label.", required=True, allowed=LANGUAGES),
    _sources(),
))

SECTOR_TAXONOMY = Table("sector_taxonomy", "The normalised sectors (18).", (
    Column("id", "id", "S01…S18.", required=True),
    Column("name_en", "text", "English name.", required=True),
    Column("name_fr", "text", "French name.", required=True),
    Column("name_de", "text", "German name.", required=True),
    Column("scope", "text", "What falls under it.", required=True),
), key="id")

CLAIMS = Table("claims", "Field-level claims that disagree with the value in the main tables, "
               "including seed errors, so a reader sees both.", (
    Column("id", "id", "Stable id.", required=True),
    Column("subject", "ref", "A factory or antenna id, or a programme subject.", required=True,
           ref="subjects"),
    Column("field", "enum", "The field the claim is about.", required=True, allowed=CLAIM_FIELDS),
    Column("value", "text", "The value as the source gives it.", required=True),
    Column("verdict", "enum", "How the claim stands: alternative (sources disagree), error "
           "(shown wrong by other sources), unverified.", required=True,
           allowed=("alternative", "error", "unverified")),
    _conf(),
    _sources(),
    _notes(),
), key="id")

#: The tables whose rows are checked against their sources, and what a check can find.
VERIFIED_TABLES = ("factories", "antennas", "budgets", "milestones", "claims", "sectors")
VERIFICATION_RESULTS = ("agree", "corrected", "filled", "resolved", "partial", "source_missing")

VERIFICATIONS = Table("verifications", "Each check of a row against its sources: when, and what "
                      "it found; a row's last check is its verification date.", (
    Column("table", "enum", "The table of the row checked.", required=True,
           allowed=VERIFIED_TABLES),
    Column("row", "rowref", "The row checked: its id; for sectors.csv, "
           "'subject | sector | raw_label'.", required=True),
    Column("verified_on", "date", "Day of the check (YYYY-MM-DD).", required=True),
    Column("result", "enum", "agree, corrected, filled (an unknown found), resolved (an overdue "
           "milestone settled), partial, or source_missing (not found in the stored copies).",
           required=True, allowed=VERIFICATION_RESULTS),
    _notes(),
))

META = Table("meta", "Facts about the dataset itself, one per row.", (
    Column("key", "id", "as_of, title, licence, …", required=True),
    Column("value", "text", "The value.", required=True),
), key="key")

TABLES: tuple[Table, ...] = (SOURCES, COUNTRIES, FACTORIES, ANTENNAS, BUDGETS, MILESTONES,
                             SECTORS, SECTOR_TAXONOMY, CLAIMS, VERIFICATIONS, META)
TABLES_BY_NAME = {t.name: t for t in TABLES}



def row_key(table: Table, row: Mapping[str, str]) -> str:
    """A row's identity as text: its key column, or (sectors) its subject, sector and label."""
    if table.key:
        return row.get(table.key) or ""
    return " | ".join(row.get(c) or "" for c in ("subject", "sector", "raw_label"))


#: Bounding box every site must fall in (lon_min, lat_min, lon_max, lat_max).
EUROPE_BOUNDS = (-25.0, 34.0, 45.0, 72.0)
