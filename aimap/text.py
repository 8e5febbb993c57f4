"""The message catalogue: every user-facing string goes through `t()`, so French and German
can be added as new catalogue entries without touching the views."""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.plural import PluralRule

DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "European AI infrastructure map",
        "app.data_error.one": "The data could not be loaded: 1 problem found. Nothing is drawn "
                              "until it is fixed.",
        "app.data_error.other": "The data could not be loaded: {count} problems found. Nothing "
                                "is drawn until they are fixed.",
        "load.problems.one": "1 data problem:",
        "load.problems.other": "{count} data problems:",
        "count.sites.one": "1 site",
        "count.sites.other": "{count} sites",
        "count.national.one": "1 national AI factory",
        "count.national.other": "{count} national AI factories",
        "count.giga.one": "1 AI Gigafactory candidate",
        "count.giga.other": "{count} AI Gigafactory candidates",
        "count.supercomputer.one": "1 AI supercomputer",
        "count.supercomputer.other": "{count} AI supercomputers",
        "nav.overview": "Overview",
        "url.dropped": "This link's {name} {value} is not something this view can show, so it "
                       "was left out.",
        "url.adjusted": "This link's {name} {value} is shown as {shown}: in order, and within "
                        "the dates the data covers.",
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
        "kind.ai_supercomputer": "AI supercomputer",
        "programme.eurohpc": "EuroHPC JU (with its hosting country)",
        "programme.national": "National or private, not EuroHPC",
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
        "overview.budget_how": "Published budgets: the sum of the preferred total budgets of "
                               "{summed} of the {sites} AI Factories, Antennas and national AI "
                               "factories shown (where no total is published, the known "
                               "funders' shares: {partial}); no budget is published for "
                               "{unknown}: left out, not counted as zero. AI Gigafactory "
                               "bids are not budgets and are not added.",
        "overview.other_sites": "Also shown: {sites}.",
        "overview.table": "Every site",
        "overview.search": "Search sites",
        "overview.search_help": "Name, city, country or host.",
        "overview.matches": "{shown} of {total} sites",
        "overview.sources_for": "Sources for a site",
        "overview.chart_title": "Sites per host country",
        "overview.other_countries.one": "1 other country",
        "overview.other_countries.other": "{count} other countries",
        "overview.chart_footer": "Sources: EuroHPC JU, governments and press, each figure "
                                 "sourced in the app. Data as of {date}.",
        "overview.no_sites": "No site matches the filters.",
        "about.title": "About this data",
        "about.intro": "The kinds of site on these charts, in the words of the EuroHPC Joint "
                       "Undertaking and the EU's regulation.",
        "about.eurohpc_ai_factory": "An AI Factory offers an AI supercomputing service: an "
                                    "AI-optimised supercomputer (new, or an upgraded EuroHPC "
                                    "system), its data centre, dedicated access and support "
                                    "services, and the people trained to use them. Its hosts "
                                    "are selected and co-funded by the EuroHPC Joint "
                                    "Undertaking; it is a one-stop shop for start-ups, SMEs, "
                                    "researchers and industry.",
        "about.antenna": "An AI Factory Antenna gives a country's AI ecosystem support "
                         "services, training and access to talent, and access to the "
                         "supercomputer of the AI Factory it is linked to, without the country "
                         "buying a supercomputer of its own; some add a smaller AI system for "
                         "fine-tuning and testing. Antennas are selected by the EuroHPC Joint "
                         "Undertaking.",
        "about.gigafactory_candidate": "An AI Gigafactory is a state-of-the-art, large-scale "
                                       "facility with more than 100,000 advanced AI processors, "
                                       "for training very large AI models, selected under the "
                                       "amended EuroHPC regulation. A candidate is a bid made "
                                       "public by its promoters or government: none had been "
                                       "selected when the data was last updated, and a bid's "
                                       "figures are not budgets.",
        "about.ai_supercomputer": "An AI supercomputer here is a supercomputer built or "
                                  "upgraded for AI work that an AI Factory or Antenna runs on, "
                                  "or that a country operates for AI: the EuroHPC Joint "
                                  "Undertaking's systems, co-funded with their hosting "
                                  "countries and shared by its participating states, and "
                                  "national ones. Shown with the machine's accelerators "
                                  "and performance where a source gives them; an AI figure "
                                  "(low precision) is not comparable with an FP64 one.",
        "about.national_ai_factory": "A national AI factory is a supercomputing centre for AI "
                                     "that a government or operator calls an AI factory, "
                                     "funded nationally and not selected by the EuroHPC Joint "
                                     "Undertaking. This is this map's term, not an EU one; "
                                     "these sites are not counted among the EuroHPC AI "
                                     "Factories.",
        "about.wave_term": "Selection wave",
        "about.wave": "The EuroHPC Joint Undertaking selected AI Factories in rounds: its calls "
                      "stayed open with a cut-off date every three months, and the proposals of "
                      "each cut-off were evaluated together. Each round of selections is a "
                      "wave; the Timeline shows when each was announced.",
        "about.own_term": "This map's own definition; no outside source.",
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
        "source.seed": "no web address: one of the articles this dataset started from",
        "note.seed": "the French article “{title}”",
        "note.seed_start": "The French article “{title}”",
        "nav.map": "Map",
        "nav.site": "Site detail",
        "metric.label": "Colour countries by",
        "metric.sites": "Sites",
        "metric.factories": "AI Factories",
        "metric.antennas": "Antennas",
        "metric.budget": "Budget",
        "metric.eu_share": "EU share",
        "metric.budget_per_capita": "Budget, € per inhabitant",
        "metric.gpus": "GPUs",
        "metric.legend.sites": "Sites shown",
        "metric.legend.factories": "EuroHPC AI Factories",
        "metric.legend.antennas": "AI Factory Antennas",
        "metric.legend.budget": "Published budget",
        "metric.legend.eu_share": "EU share of budget",
        "metric.legend.budget_per_capita": "Budget, € per inhabitant",
        "metric.legend.gpus": "GPUs / AI accelerators",
        "metric.title.sites": "Sites per country",
        "metric.title.factories": "EuroHPC AI Factories per country",
        "metric.title.antennas": "AI Factory Antennas per country",
        "metric.title.budget": "Published budgets per country",
        "metric.title.eu_share": "EU share of published budgets",
        "metric.title.budget_per_capita": "Published budget, € per inhabitant",
        "metric.title.gpus": "GPUs and AI accelerators, where published",
        "map.no_data": "no data",
        "map.no_site": "no site shown",
        "map.or_more": "{low} or more",
        "map.links": "Antenna–AI Factory link",
        "map.show_supercomputers": "AI supercomputers",
        "map.show_supercomputers_help": "Show the AI supercomputers the AI Factories run on, and "
                                        "national ones (stars).",
        "map.show_links": "Antenna links",
        "map.show_links_help": "Draw a line from each Antenna to the AI Factories it connects to.",
        "map.small_country": "small country",
        "map.hover.budget_known.one": "{known} of 1 site with a published budget",
        "map.hover.budget_known.other": "{known} of {count} sites with a published budget",
        "map.hover.sites": "Sites",
        "map.footer": "Sources: EuroHPC JU, governments and press, each figure sourced in the "
                      "app; boundaries: Natural Earth. Data as of {date}.",
        "map.not_on_map": "Not on the map (no published location): {names}",
        "map.click_hint": "Click a country or a site for details.",
        "hover.host": "Host",
        "hover.city": "City",
        "hover.wave": "Wave",
        "hover.selected": "Selected",
        "hover.budget": "Budget",
        "hover.bid": "Bid (not a published budget)",
        "hover.gpus": "GPUs / AI accelerators",
        "hover.status": "Status",
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
        "map.click.no_site": "{country} hosts no site shown under the current filters.",
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
        "site.more_claims.one": "… and 1 more claim: see the site's page in the app",
        "site.more_claims.other": "… and {count} more claims: see the site's page in the app",
        "site.budgets": "Budget claims",
        "site.sectors": "Sectors",
        "site.milestones": "Milestones",
        "site.no_milestones": "No dated milestone published.",
        "site.linked_factories": "AI Factories this Antenna connects to",
        "site.linked_antennas": "Antennas and AI supercomputers linked to this site",
        "site.serves": "AI Factories and Antennas on this supercomputer",
        "site.never_verified": "not yet checked",
        "site.no_links": "No link recorded.",
        "site.sources": "Sources",
        "site.notes": "Notes",
        "site.unknown_id": "No site has the id '{id}'. Choose one from the list.",
        "site.back_to_map": "Show on the map",
        "field.programme": "Programme",
        "field.serves": "Serves",
        "field.table": "Table",
        "field.verified_on": "Last checked against its sources",
        "field.row": "Row",
        "field.result": "Result of the check",
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
        "field.amount_eur": "Amount (€)",
        "field.as_written": "Date as written",
        "field.basis": "Basis",
        "field.confidence": "Confidence",
        "field.end": "End",
        "field.eu_member": "EU Member State",
        "field.eurohpc_participating": "EuroHPC participating state",
        "field.field": "Field",
        "field.funder": "Funder",
        "field.id": "Id",
        "field.iso3": "Country code",
        "field.key": "Key",
        "field.label": "Label",
        "field.language": "Language",
        "field.name_de": "German name",
        "field.name_en": "English name",
        "field.name_fr": "French name",
        "field.notes": "Notes",
        "field.other_countries": "Other host countries",
        "field.period": "Period",
        "field.phase": "Phase",
        "field.population": "Population",
        "field.population_year": "Population year",
        "field.precision": "Date precision",
        "field.preferred": "Shown by default",
        "field.published_on": "Published on",
        "field.publisher": "Publisher",
        "field.raw_label": "Label as written",
        "field.scope": "Scope",
        "field.short_name": "Short name",
        "field.sources": "Sources",
        "field.start": "Start",
        "field.subject": "About",
        "field.title": "Title",
        "field.url": "Address",
        "field.value": "Value",
        "field.verdict": "Verdict",
        "nav.changes": "What changed",
        "changes.title": "What changed since the release of {date}",
        "changes.intro": "The data now against the release of {date} (kept in data/releases): "
                         "sites added and removed, figures and statuses changed, corrections "
                         "and new disagreements, each with the sources of the new value.",
        "changes.since": "Compared with the release of",
        "changes.kinds": "Kinds of change",
        "changes.kinds_placeholder": "Every kind",
        "changes.wording": "Also wording and source changes",
        "changes.wording_help": "Notes reworded, sources added to a row, source titles: "
                                "left out by default, as they change no figure.",
        "changes.none": "Nothing changed since that release for the sites shown.",
        "changes.no_release": "No earlier release is kept in data/releases, so there is "
                              "nothing to compare with yet.",
        "changes.download": "Download these changes (CSV)",
        "changes.footer": "Compared with the release of {since}; each new value's sources "
                          "are listed in the app. Data as of {date}.",
        "changes.more.one": "… and 1 more change: see What changed in the app",
        "changes.more.other": "… and {count} more changes: see What changed in the app",
        "changes.kind.site_added": "Site added",
        "changes.kind.site_removed": "Site removed",
        "changes.kind.status": "Status changed",
        "changes.kind.figure": "Figure changed",
        "changes.kind.correction": "Error corrected",
        "changes.kind.disagreement": "New disagreement",
        "changes.kind.row_added": "Added",
        "changes.kind.row_removed": "Removed",
        "changes.kind.note": "Wording or sources",
        "changes.count.one": "1 change",
        "changes.count.other": "{count} changes",
        "data.worklist": "Worklist for the next refresh",
        "data.worklist_intro": "Where the next check of the data starts, on {today}: rows not "
                               "checked against their sources for six months, planned "
                               "milestones whose date has passed with no report (a source must "
                               "say done, slipped or refuted), figures still unknown, and claims "
                               "resting on a single source.",
        "data.worklist_download": "Download the whole worklist (CSV)",
        "data.worklist_show": "List",
        "data.worklist_more": "The first {shown} of {total} are listed; the CSV has them all.",
        "worklist.reason.not_verified": "Not verified for 6 months",
        "worklist.never_verified": "never checked against its sources",
        "worklist.last_verified": "last checked on {day}",
        "worklist.reason.overdue": "Date passed, not confirmed",
        "worklist.reason.unknown": "Unknown figure",
        "worklist.reason.single_source": "Single source",
        "col.reason": "To do",
        "site.open": "Open its page",
        "col.row": "Row",
        "col.about": "About",
        "col.what": "What",
        "col.change": "Change",
        "col.before": "Before",
        "col.now": "Now",
        "col.table": "Table",
        "nav.timeline": "Timeline",
        "timeline.title": "When will it be running?",
        "timeline.chart_title": "Deployment phases and milestones",
        "timeline.marker.wave": "Wave {wave} selected",
        "timeline.marker.antennas-2025": "Antennas selected",
        "timeline.marker.scoped": "{label} · {scope} only",
        "timeline.marker.band_level": "{label} · {level} confidence",
        "timeline.footer": "Sources: EuroHPC JU, governments and press, each date sourced in the"
                           " app. Imprecise dates are drawn as the range they stand for. Data as"
                           " of {date}.",
        "timeline.group.antennas": "AI Factory Antennas",
        "timeline.group.other": "Other sites",
        "timeline.group.supercomputers": "AI supercomputers",
        "timeline.show_supercomputers": "AI supercomputers",
        "timeline.show_supercomputers_help": "Add the rows of the AI supercomputers: their "
                                             "inaugurations, contracts and upgrades.",
        "timeline.group_by": "Group rows by",
        "timeline.sort_by": "Sort rows by",
        "timeline.window": "Window",
        "timeline.window_widened": "The window is shown at least {days} days wide.",
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
        "timeline.legend.programme": "programme date (dotted)",
        "timeline.legend.as_of": "data as of (dashed)",
        "timeline.legend.today": "today (red)",
        "timeline.legend.scoped": "claim on some rows only (grey)",
        "timeline.legend.scoped_level": "claim on some rows only<br>(grey, {level} confidence)",
        "timeline.legend.day": "one-day step (diamond)",
        "timeline.today": "today",
        "timeline.as_of": "data as of {date}",
        "timeline.unplaced": "No dated milestone published for: {names}",
        "timeline.next_90": "Next 90 days",
        "timeline.next_90_none": "No milestone planned in the next 90 days.",
        "timeline.next_90_stale": "This list counts from today ({today}), but the data dates "
                                  "from {date}: a planned step may have happened, moved or been "
                                  "dropped since.",
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
        "sectors.footer": "Sources: each site's own, listed in the app with the original wording"
                          " mapped to {sectors} sectors. Data as of {date}.",
        "sectors.not_listed": "not listed by the sources",
        "sectors.legend.listed": "listed by the site's sources",
        "sectors.legend.not_listed": "not listed",
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
        "summary.footer": "Sources: EuroHPC JU, governments and press, each figure sourced in "
                          "SOURCES.txt. Data as of {date}.",
        "summary.next": "Next milestones (12 months)",
        "export.no_chromium": "PNG export needs Chromium, which is not installed here. "
                              "Install it with: {command}",
        "export.browser_failed": "PNG export could not start Chromium ({browser}): it closed "
                                 "at once. Check that it runs, or reinstall it with: {command}",
        "export.button": "Download PNG",
        "present.toggle": "Presentation mode",
        "present.help": "For screen-sharing: no sidebar, larger type, and buttons to step "
                        "through the views with the same filters. Or add ?present=1 to a link.",
        "present.exit": "Exit presentation mode",
        "present.options": "Options",
        "present.rows": "Rows {first}–{last}",
        "present.rows_of": "Rows {first}–{last} of {total}",
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
        "data.bundle": "All tables, README.md and datapackage.json (ZIP)",
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
        "data.reason": "Why (one line, kept in the history)",
        "data.reason_placeholder": "e.g. corrected the IT4LIA budget from the CINECA release",
        "data.stale": "{file} was changed by another maintainer after this preview was shown "
                      "({time}); applying it now would undo their change. What changed since:",
        "data.stale_entry": "{time}: {reason}",
        "data.no_reason": "(no reason given)",
        "data.fresh_preview": "Preview again against the table as it is now",
        "chart.failed": "This chart cannot be drawn with the current data; the rest of the "
                        "page still works, and the details are in the server's log.",
        "data.write_failed": "{file} could not be written ({reason}); nothing was changed.",
        "data.history_damaged.one": "1 earlier version cannot be restored (the others can):",
        "data.history_damaged.other": "{count} earlier versions cannot be restored (the others "
                                      "can):",
        "data.token_wait": "Too many wrong tokens: nobody can try again for {seconds} s.",
        "data.token_blank": "Editing is off: the maintainers' token (AIMAP_ADMIN_TOKEN) is "
                            "blank.",
        "data.token_short": "Editing is off: the maintainers' token (AIMAP_ADMIN_TOKEN) must "
                            "have at least {length} characters.",
        "data.table": "Table to replace",
        "data.pick_table": "Choose the table this file replaces",
        "data.upload": "Changed table (CSV, UTF-8, comma-separated)",
        "data.upload_help": "Download the table above, edit it, and upload it here. The whole "
                            "dataset is checked with your file in place before anything is "
                            "written.",
        "data.name_mismatch": "The file is named {file}, which looks like the {named} table, "
                              "but {table} is chosen.",
        "data.refused.one": "Refused: 1 problem. Nothing was written. The line gives "
                            "file:row:column.",
        "data.refused.other": "Refused: {count} problems. Nothing was written. Each line gives "
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
        "budgets.chart_title.claims": "Every published budget claim, by site",
        "budgets.total": "Published budgets: {total}",
        "budgets.claims_per_site": "Every claim is drawn per site: a claim is about one site. "
                                   "Turn off Show every claim to group by wave or country.",
        "budgets.footer": "Sources: each claim's own sources, listed in the app. Preferred "
                          "claims unless every claim is shown; unknown budgets are left out, "
                          "never counted as zero. Data as of {date}.",
        "budgets.part.eu": "EU",
        "budgets.part.national": "National",
        "budgets.part.regional": "Regional",
        "budgets.part.private": "Private",
        "budgets.part.unsplit": "Total, split not published",
        "budgets.part.total": "Total",
        "budgets.alternative": "other claim",
        "budgets.value_up_to": "{value}, claims up to {high}",
        "budgets.range": "Range of disagreeing claims",
        "budgets.announced": "Announced for the wave",
        "budgets.wave.antennas": "AI Factory Antennas",
        "budgets.wave.national": "National AI factories",
        "budgets.unknown.one": "1 site shown has no budget published in euros, so it is not in "
                               "the sums: {names}.",
        "budgets.unknown.other": "{count} sites shown have no budget published in euros, so they "
                                 "are not in the sums: {names}.",
        "budgets.unknown_none": "Every site shown has a published budget.",
        "budgets.bids": "AI Gigafactory bids are not budgets and are not added: {names}.",
        "budgets.per_capita_title": "Published budget, € per inhabitant",
        "budgets.per_capita_unit": "per inhabitant",
        "budgets.per_capita_detail": "budget %{customdata[1]}, population %{customdata[2]}",
        "budgets.per_capita_footer": "Sources: the preferred budget claims of the sites shown; "
                                     "population: World Bank 2024. Data as of {date}.",
        "budgets.envelopes": "Programme envelopes (context, not added to site sums)",
        "budgets.claims": "The claims behind the chart",
        "budgets.download": "Download this table (CSV)",
        "col.subject": "Subject",
        "subject.programme": "EU programme",
        "subject.wave": "AI Factories of wave {wave}",
        "subject.antennas-2025": "AI Factory Antennas",
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

def t(key: str, **values: object) -> str:
    """The message `key`, with `values` filled in."""
    template = MESSAGES[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template


@cache
def _plural_rule(language: str) -> PluralRule:
    """CLDR's plural rule of `language`, parsed once (hovers ask for it per country)."""
    return Locale.parse(language).plural_form


def plural(key: str, count: int, **values: object) -> str:
    """The message `key` in the plural form CLDR's rules give `count` in the language
    (`key.one`, `key.other`, …), so no reader meets "site(s)"."""
    messages = MESSAGES[DEFAULT_LANGUAGE]
    form = _plural_rule(DEFAULT_LANGUAGE)(count)
    template = messages.get(f"{key}.{form}", messages[f"{key}.other"])
    return template.format(count=count, **values)


def field_label(name: str) -> str:
    """A column's name for people ('gpus' -> 'GPUs / AI accelerators'); a name the catalogue
    does not know (none, or a column no longer in the schema) as it is."""
    key = f"field.{name}"
    return t(key) if key in MESSAGES[DEFAULT_LANGUAGE] else name


def kind_label(kind: str) -> str:
    """Display name of a site kind."""
    return t(f"kind.{kind}")
