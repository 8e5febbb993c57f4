"""The message catalogue and number, money and date formatting for people.

Every user-facing string goes through `t()`, so French and German can be added as new
catalogue entries without touching the views.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "European AI infrastructure map",
        "app.data_error": "The data could not be loaded: {count} problem(s) found. Nothing is drawn "
                          "until they are fixed.",
        "nav.overview": "Overview",
        "filters.header": "Filters",
        "filters.kind": "Kind of site",
        "filters.wave": "Selection wave",
        "filters.wave_help": "AI Factory selection waves; sites without a wave are hidden while a "
                             "wave is chosen.",
        "filters.country": "Country",
        "filters.sector": "Sector",
        "filters.sector_help": "Sites that list at least one of the chosen sectors.",
        "filters.reset": "Clear filters",
        "filters.active_none": "All sites",
        "kind.eurohpc_ai_factory": "EuroHPC AI Factory",
        "kind.antenna": "AI Factory Antenna",
        "kind.national_ai_factory": "National AI factory",
        "kind.gigafactory_candidate": "AI Gigafactory candidate",
        "wave.label": "Wave {wave}",
        "confidence.high": "high",
        "confidence.medium": "medium",
        "confidence.low": "low",
        "unknown": "unknown",
        "overview.title": "Europe's AI infrastructure at a glance",
        "overview.as_of": "Data as of {date}",
        "overview.factories": "EuroHPC AI Factories",
        "overview.antennas": "AI Factory Antennas",
        "overview.countries": "Countries hosting a site",
        "overview.budget": "Published budgets",
        "overview.budget_how": "Budget: sum of the preferred total budgets of {summed} of the "
                               "{sites} AI Factories and Antennas shown (where no total is "
                               "published, the known funders' shares: {partial} site(s)); "
                               "{unknown} have no published budget and are left out, not counted "
                               "as zero. National factories and gigafactory bids are not added.",
        "overview.other_sites": "Also shown: {national} national AI factory(ies) and {giga} AI "
                                "Gigafactory candidate(s).",
        "overview.table": "Every site",
        "overview.search": "Search sites",
        "overview.search_help": "Name, city, country or host.",
        "overview.matches": "{shown} of {total} sites",
        "overview.sources_for": "Sources for a site",
        "overview.chart_title": "Sites per host country",
        "overview.chart_footer": "Source: aimap curated dataset from EuroHPC JU, governments and "
                                 "press; data as of {date}.",
        "overview.no_sites": "No site matches the filters.",
        "col.name": "Site",
        "col.kind": "Kind",
        "col.country": "Country",
        "col.city": "City",
        "col.wave": "Wave",
        "col.selected_on": "Selected",
        "col.host": "Host / coordinator",
        "col.budget": "Budget",
        "col.confidence": "Confidence",
        "col.sources": "Sources",
        "col.main_source": "Main source",
        "source.seed": "seed article {file}",
        "nav.map": "Map",
        "nav.site": "Site detail",
        "metric.label": "Colour countries by",
        "metric.sites": "Sites",
        "metric.factories": "AI Factories",
        "metric.antennas": "Antennas",
        "metric.budget": "Budget",
        "metric.eu_share": "EU share",
        "metric.budget_per_million": "Budget per capita",
        "metric.gpus": "GPUs",
        "metric.legend.sites": "Sites shown",
        "metric.legend.factories": "EuroHPC AI Factories",
        "metric.legend.antennas": "AI Factory Antennas",
        "metric.legend.budget": "Published budget",
        "metric.legend.eu_share": "EU share of budget",
        "metric.legend.budget_per_million": "Budget per million inhabitants",
        "metric.legend.gpus": "GPUs / AI accelerators",
        "metric.title.sites": "Sites per country",
        "metric.title.factories": "EuroHPC AI Factories per country",
        "metric.title.antennas": "AI Factory Antennas per country",
        "metric.title.budget": "Published budgets per country",
        "metric.title.eu_share": "EU share of published budgets",
        "metric.title.budget_per_million": "Published budget per million inhabitants",
        "metric.title.gpus": "GPUs and AI accelerators, where published",
        "map.no_data": "no data",
        "map.no_site": "no site shown",
        "map.or_more": "{low} or more",
        "map.links": "Antenna–AI Factory link",
        "map.show_links": "Antenna links",
        "map.show_links_help": "Draw a line from each Antenna to the AI Factories it connects to.",
        "map.small_country": "small country",
        "map.hover.budget_known": "{known} of {sites} site(s) with a published budget",
        "map.hover.sites": "Sites",
        "map.footer": "Sources: aimap curated dataset (EuroHPC JU, governments, press; every "
                      "figure sourced). Data as of {date}. Boundaries: Natural Earth.",
        "map.not_on_map": "Not on the map (no published location): {names}",
        "map.click_hint": "Click a country or a site for details.",
        "hover.host": "Host",
        "hover.city": "City",
        "hover.wave": "Wave",
        "hover.selected": "Selected",
        "hover.budget": "Budget",
        "hover.confidence": "Confidence",
        "hover.sources": "Sources",
        "map.title": "Where Europe's AI infrastructure is",
        "map.country": "Country details",
        "map.pick_country": "Choose a country or click the map",
        "map.panel.sites": "Sites",
        "map.panel.budgets": "Budget claims",
        "map.panel.no_budgets": "No published budget for these sites.",
        "map.panel.sectors": "Sectors served",
        "map.panel.no_sectors": "No sector published for these sites.",
        "map.panel.milestones": "Next milestones",
        "map.panel.no_milestones": "No planned milestone published.",
        "map.panel.no_sites": "No site shown in {country} with the current filters.",
        "funder.eu": "EU",
        "funder.national": "national",
        "funder.regional": "regional",
        "funder.mixed": "all funders",
        "funder.private": "private",
        "col.label": "What",
        "col.amount": "Amount",
        "col.funder": "Funder",
        "col.preferred": "Shown by default",
        "col.disagreement": "Disagreement",
        "col.basis": "Basis",
        "col.note": "Note",
        "col.when": "When",
        "col.phase": "Phase",
        "col.status": "Status",
        "col.field": "Field",
        "col.value": "Value",
        "col.claim": "Other claim",
        "col.verdict": "Verdict",
        "col.sector": "Sector",
        "col.raw_label": "As written by the source",
        "col.language": "Language",
        "disagreement.rivals": "one of {count} claims",
        "basis.sourced": "sourced",
        "basis.computed": "computed",
        "verdict.alternative": "sources disagree",
        "verdict.error": "shown wrong by other sources",
        "verdict.unverified": "not corroborated",
        "status.done": "done",
        "status.planned": "planned",
        "site.title": "Site detail",
        "site.pick": "Site",
        "site.facts": "Facts",
        "site.facts_sources": "Confidence in these facts: {confidence}. Their sources are listed "
                              "at the end of the page.",
        "site.claims": "Where sources disagree",
        "site.no_claims": "No disagreement recorded for this site.",
        "site.budgets": "Budget claims",
        "site.sectors": "Sectors",
        "site.milestones": "Milestones",
        "site.no_milestones": "No dated milestone published.",
        "site.linked_factories": "AI Factories this Antenna connects to",
        "site.linked_antennas": "Antennas connected to this AI Factory",
        "site.no_links": "No link recorded.",
        "site.sources": "Sources",
        "site.notes": "Notes",
        "site.unknown_id": "No site has the id '{id}'. Choose one from the list.",
        "site.back_to_map": "Show on the map",
        "field.kind": "Kind",
        "field.wave": "Selection wave",
        "field.selected_on": "Selected on",
        "field.country": "Country",
        "field.city": "City",
        "field.host": "Host",
        "field.coordinator": "Coordinator",
        "field.partners": "Partners",
        "field.partner_count": "Number of partners",
        "field.system": "Supercomputer",
        "field.performance": "Performance (as sourced)",
        "field.gpus": "GPUs / AI accelerators",
        "field.status": "Status",
        "field.name": "Name",
        "field.lat": "Latitude",
        "field.lon": "Longitude",
        "field.linked_factories": "Linked AI Factories",
        "field.sector": "Sectors",
        "field.date": "Date",
        "nav.timeline": "Timeline",
        "timeline.title": "When will it be running?",
        "timeline.chart_title": "Deployment phases and milestones",
        "timeline.marker.wave-1": "Wave 1 selected",
        "timeline.marker.wave-2": "Wave 2 selected",
        "timeline.marker.wave-3": "Wave 3 selected",
        "timeline.marker.antennas-2025": "Antennas selected",
        "timeline.footer": "Sources: aimap curated dataset (EuroHPC JU, governments, press; every "
                           "date sourced). Imprecise dates are drawn as the range they stand for. "
                           "Data as of {date}.",
        "timeline.group.antennas": "AI Factory Antennas",
        "timeline.group.other": "Other sites",
        "timeline.group_by": "Group rows by",
        "timeline.sort_by": "Sort rows by",
        "timeline.window": "Window",
        "grouping.wave": "Wave",
        "grouping.country": "Country",
        "grouping.kind": "Kind",
        "sort.selection": "Selection date",
        "sort.country": "Country",
        "sort.next": "Next milestone",
        "timeline.precision": "{date} ({precision} precision)",
        "precision.day": "day",
        "precision.month": "month",
        "precision.quarter": "quarter",
        "precision.half": "half-year",
        "precision.year": "year",
        "timeline.not_confirmed": "planned, date passed, not confirmed",
        "timeline.other_claim": "Other claim: {date} — {source}",
        "timeline.legend.done": "done (solid)",
        "timeline.legend.planned": "planned (hatched / hollow)",
        "timeline.low_confidence": "{level} confidence",
        "timeline.today": "today",
        "timeline.as_of": "data as of",
        "timeline.unplaced": "No dated milestone published for: {names}",
        "timeline.next_90": "Next 90 days",
        "timeline.next_90_none": "No milestone planned in the next 90 days.",
        "timeline.click_hint": "Click a bar to open the site's page.",
        "phase_group.setup": "Call, selection, agreements",
        "phase_group.procurement": "Procurement, contract",
        "phase_group.build": "Construction, installation",
        "phase_group.services": "Launch, services open",
        "phase_group.operational": "Operational",
        "phase_group.end": "End of project",
        "nav.sectors": "Sectors",
        "sectors.title": "Who serves which sector, and where are the gaps?",
        "sectors.chart_title.sites": "Sectors each site serves",
        "sectors.chart_title.countries": "Sectors served in each country",
        "sectors.footer": "Sources: each site's own sources; labels mapped to 18 sectors, the "
                          "original wording in the hover. Data as of {date}.",
        "sectors.not_listed": "not listed by the sources",
        "sectors.legend.listed": "listed by the site's sources",
        "sectors.legend.not_listed": "not listed",
        "sectors.legend.count": "{count} site(s)",
        "sectors.legend.none": "none",
        "sectors.legend.sites": "Sites",
        "sectors.rows": "Rows",
        "sectors.order": "Order",
        "rows.sites": "Sites",
        "rows.countries": "Countries",
        "order.coverage": "Coverage",
        "order.name": "Name",
        "sectors.without": "No sector published for: {names}",
        "sectors.gaps": "Gaps",
        "sectors.gaps_title": "Sites per sector",
        "sectors.gaps_title.region": "Sectors the AI Factories reachable from {country} serve",
        "sectors.gap_label": "no site",
        "sectors.gaps_none": "Every sector is served by at least one site shown.",
        "sectors.gaps_list": "Served by no site shown: {names}.",
        "sectors.region": "Region: the AI Factories a country reaches (its own and those its "
                          "Antennas link to)",
        "sectors.region_all": "All sites shown",
        "sectors.region_sites": "Reachable from {country}: {names}.",
        "sectors.drill": "Who serves a sector?",
        "sectors.pick": "Sector",
        "sectors.pick_placeholder": "Choose a sector",
        "sectors.serving_none": "No site shown lists this sector.",
        "sectors.open_site": "Open a site's page",
        "nav.budgets": "Budgets",
        "site.footer": "Sources: the site's own sources, listed on its page in the app. Data as "
                       "of {date}.",
        "summary.title": "Europe's AI infrastructure: briefing summary",
        "summary.footer": "Sources: aimap curated dataset (EuroHPC JU, governments, press; "
                          "every figure sourced, see SOURCES.txt). Data as of {date}.",
        "summary.next": "Next milestones (12 months)",
        "export.no_chromium": "PNG export needs Chromium, which is not installed here. "
                              "Install it with: {command}",
        "export.button": "Download PNG",
        "present.toggle": "Presentation mode",
        "present.help": "For screen-sharing: no sidebar, larger type, and buttons to step "
                        "through the views with the same filters. Or add ?present=1 to a link.",
        "present.exit": "Exit presentation mode",
        "export.sources_header": "Sources of the European AI infrastructure map briefing pack.\n"
                                 "Filters: {filters}. Data as of {date}.",
        "export.preset": "Size",
        "export.pack": "Download the briefing pack (ZIP)",
        "export.unavailable": "PNG export is unavailable: {reason}",
        "nav.data": "Data",
        "data.title": "The data behind the map",
        "data.intro": "{count} tables, every figure with its sources. Data as of {date}. Download "
                      "them to check a figure or reuse it; column meanings are in README.md.",
        "data.download": "Download",
        "data.bundle": "All tables and README.md (ZIP)",
        "data.col.file": "File",
        "data.col.holds": "What it holds",
        "data.col.rows": "Rows",
        "data.broken": "The data on disk does not pass validation (problems above). The map "
                       "views are closed until it is fixed; a maintainer can restore an "
                       "earlier version below.",
        "data.update": "Update a table",
        "data.read_only": "Editing is off. To enable it, start the app with the environment "
                          "variable AIMAP_ADMIN_TOKEN set to a secret, or put AIMAP_ADMIN_TOKEN "
                          "in .streamlit/secrets.toml; maintainers then enter it here.",
        "data.token": "Maintainer token",
        "data.token_wrong": "That token is not right.",
        "data.table": "Table to replace",
        "data.pick_table": "Choose the table this file replaces",
        "data.upload": "Changed table (CSV, UTF-8, comma-separated)",
        "data.upload_help": "Download the table above, edit it, and upload it here. The whole "
                            "dataset is checked with your file in place before anything is "
                            "written.",
        "data.name_mismatch": "The file is named {file}, which looks like the {named} table, "
                              "but {table} is chosen.",
        "data.refused": "Refused: {count} problem(s). Nothing was written. Each line gives "
                        "file:row:column.",
        "data.no_changes": "This file is the same as the current {table} table.",
        "data.preview": "{added} added, {changed} changed cells, {removed} removed rows.",
        "data.col.change": "Change",
        "data.col.key": "Row",
        "data.col.column": "Column",
        "data.col.before": "Before",
        "data.col.after": "After",
        "data.apply": "Apply this change",
        "data.applied": "Saved {file}. The previous version is kept as {kept}.",
        "data.created": "Saved {file}.",
        "data.history": "Earlier versions",
        "data.no_history": "No earlier versions yet: one is kept each time a change is applied.",
        "data.version": "{file} as it was before {saved_at} UTC",
        "data.restore": "Restore this version",
        "preset.slide": "Slide 16:9 (1920 × 1080)",
        "preset.a4_landscape": "A4 landscape, print (3508 × 2480)",
        "preset.a4_portrait": "A4 portrait, print (2480 × 3508)",
        "preset.square": "Square (1080 × 1080)",
        "budgets.title": "Who pays what?",
        "budgets.group_by": "Group by",
        "group.site": "Site",
        "group.wave": "Wave",
        "group.country": "Country",
        "budgets.all_claims": "Show every claim",
        "budgets.all_claims_help": "Every published figure, not only the one shown by default: "
                                   "where sources disagree, all of them.",
        "budgets.chart_title.site": "Budget of each site, by funder",
        "budgets.chart_title.wave": "Budgets by selection wave, by funder",
        "budgets.chart_title.country": "Budgets by host country, by funder",
        "budgets.chart_title.claims": "Every published budget claim",
        "budgets.footer": "Sources: each claim's own sources (hover). Preferred claims unless "
                          "every claim is shown; unknown budgets are left out, never counted as "
                          "zero. Data as of {date}.",
        "budgets.part.eu": "EU",
        "budgets.part.national": "National",
        "budgets.part.regional": "Regional",
        "budgets.part.private": "Private",
        "budgets.part.unsplit": "Total, split not published",
        "budgets.part.total": "Total",
        "budgets.alternative": "other claim",
        "budgets.range": "Range of disagreeing claims",
        "budgets.announced": "Announced for the wave",
        "budgets.wave.antennas": "AI Factory Antennas",
        "budgets.wave.national": "National AI factories",
        "budgets.unknown": "{count} site(s) shown have no budget published in euros, so they are "
                           "not in the sums: {names}.",
        "budgets.unknown_none": "Every site shown has a published budget.",
        "budgets.bids": "AI Gigafactory bids are not budgets and are not added: {names}.",
        "budgets.per_million_title": "Published budget per million inhabitants",
        "budgets.per_million_unit": "per million inhabitants",
        "budgets.per_million_detail": "budget %{customdata[1]}, population %{customdata[2]}",
        "budgets.per_million_footer": "Budgets: preferred claims of the sites shown. Population: "
                                      "World Bank 2024. Data as of {date}.",
        "budgets.envelopes": "Programme envelopes (context, not added to site sums)",
        "budgets.claims": "The claims behind the chart",
        "budgets.download": "Download this table (CSV)",
        "col.subject": "Subject",
        "subject.programme": "EU programme",
        "subject.wave-1": "Wave 1 (7 AI Factories)",
        "subject.wave-2": "Wave 2 (6 AI Factories)",
        "subject.wave-3": "Wave 3 (6 AI Factories)",
        "subject.antennas-2025": "AI Factory Antennas (13)",
        "subject.gigafactories": "AI Gigafactories",
        "col.period": "Period",
        "site_status.candidate": "candidate",
        "site_status.selected": "selected",
        "site_status.contracted": "contracted",
        "site_status.procurement": "procurement",
        "site_status.installation": "installation",
        "site_status.services_open": "services open",
        "site_status.operational": "operational",
    },
}

_BILLION = 1_000_000_000
_MILLION = 1_000_000


def t(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message `key` in `language` (falling back to English), with `values` filled in."""
    catalogue = MESSAGES.get(language, MESSAGES[DEFAULT_LANGUAGE])
    template = catalogue.get(key, MESSAGES[DEFAULT_LANGUAGE][key])
    return template.format(**values) if values else template


def is_missing(value: object) -> bool:
    """True for None, NaN, NA and empty strings: all mean 'unknown' in our tables."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_money(amount: object, language: str = DEFAULT_LANGUAGE) -> str:
    """Euros for people: '€1.5 bn', '€430 M', '€8.4 M', '€650 k'; 'unknown' when missing."""
    if is_missing(amount):
        return t("unknown", language)
    value = float(amount)  # type: ignore[arg-type]
    if abs(value) >= _BILLION:
        return f"€{_trim(value / _BILLION, 2 if abs(value) < 10 * _BILLION else 1)} bn"
    if abs(value) >= _MILLION:
        return f"€{_trim(value / _MILLION, 1 if abs(value) < 100 * _MILLION else 0)} M"
    if abs(value) >= 1_000:
        return f"€{_trim(value / 1_000, 0)} k"
    return f"€{_trim(value, 0)}"


def format_budget(amount: object, method: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A site's budget; '≥' marks a sum of known shares where no total is published."""
    money = format_money(amount, language)
    return f"≥ {money}" if method == "sum_of_shares" and not is_missing(amount) else money


def format_share(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A fraction as a percentage: 0.45 -> '45%'."""
    if is_missing(value):
        return t("unknown", language)
    return f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]


def format_value(value: object, kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A metric value of a given kind (count, money, share, gpus) for people."""
    if kind == "money":
        return format_money(value, language)
    if kind == "share":
        return format_share(value, language)
    return format_count(value, language)


def format_class(low: float, high: float, kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The legend label of a class [low, high): '€100–250 M', '25–50%', '3', '4 or more'."""
    if kind == "count" and high - low == 1:
        return format_count(low, language)
    if math.isinf(high):
        return t("map.or_more", language, low=format_value(low, kind, language))
    if kind == "money":
        low_text, high_text = format_money(low, language), format_money(high, language)
        if low_text.split()[-1] == high_text.split()[-1]:  # same unit: '€100–250 M'
            low_text = low_text.rsplit(" ", 1)[0]
        return f"{low_text}–{high_text.removeprefix('€')}"
    if kind == "share":
        return f"{low * 100:.0f}–{min(high, 1) * 100:.0f}%"
    return f"{format_count(low, language)}–{format_count(high, language)}"


def format_count(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """A whole number with thousands separators, or 'unknown'."""
    if is_missing(value):
        return t("unknown", language)
    return f"{int(value):,}"  # type: ignore[call-overload]


def format_date(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """'10 Dec 2024', or 'unknown'."""
    if is_missing(value):
        return t("unknown", language)
    day = pd.Timestamp(value).date()  # type: ignore[arg-type]
    return f"{day.day} {day.strftime('%b %Y')}"


def format_period(start: date, precision: str) -> str:
    """A date at the precision the source gave: '10 Dec 2024', 'Dec 2024', 'Q3 2026', 'H1 2026',
    '2027'."""
    start = pd.Timestamp(start).date()
    if precision == "day":
        return format_date(start)
    if precision == "month":
        return start.strftime("%b %Y")
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "half":
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    return str(start.year)


def describe_selection(selection, country_names: dict[str, str], sector_names: dict[str, str],
                       language: str = DEFAULT_LANGUAGE) -> str:
    """The active filters in words, for subtitles: 'Wave 3 · Romania, Spain · Energy'."""
    parts = [
        ", ".join(kind_label(k, language) for k in selection.kinds),
        ", ".join(t("wave.label", language, wave=w) for w in selection.waves),
        ", ".join(country_names.get(c, c) for c in selection.countries),
        ", ".join(sector_names.get(s, s) for s in selection.sectors),
    ]
    return " · ".join(p for p in parts if p) or t("filters.active_none", language)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_escape(value: str) -> str:
    """Text from the data, safe to embed in Markdown (no links, emphasis or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def source_line(source) -> str:
    """A Markdown list item citing one source row: linked title, publisher and date."""
    title = markdown_escape(str(source.title))
    details = ", ".join(markdown_escape(str(v)) for v in (source.publisher,) if not is_missing(v))
    if not is_missing(source.published_on):
        details += f", {format_date(source.published_on)}"
    url = str(source.url)
    if url.startswith("http"):
        safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"- [{title}]({safe_url}) — {details}"
    return f"- {title} — {details} ({t('source.seed', file=markdown_escape(url))})"


#: How a spreadsheet recognises a formula; validation refuses text starting so, and CSV
#: downloads neutralise it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading quote.
    Numbers stay as they are ("-9.04" is a longitude, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def clip(name: str, width: int = 32) -> str:
    """A label cut to `width` characters with an ellipsis: charts must keep their width for
    data, and the full name is in the hover."""
    return name if len(name) <= width else name[:width - 1].rstrip() + "…"


def when(as_written: object, start: date, precision: str) -> str:
    """When a milestone happens: as the source wrote it, else at the precision it gave."""
    return str(as_written) if not is_missing(as_written) else format_period(start, precision)


def kind_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a site kind."""
    return t(f"kind.{kind}", language)
