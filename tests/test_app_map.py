"""AppTest of the map and site pages: URL state, the country panel, clicks, site details."""

from __future__ import annotations

from apptest import as_read, link_labels, run_page
from streamlit.testing.v1 import AppTest

from aimap import query, text


def _links(app: AppTest) -> list[str]:
    return link_labels(app)


def test_country_in_the_url_opens_its_panel_with_sites_and_sourced_budgets(dataset):
    app = run_page("pages/map.py", country="ROU", metric="budget")
    assert app.selectbox(key="country").value == "ROU"
    assert app.segmented_control(key="metric").value == "budget"
    assert {"RO AI Factory", "Black Sea AI Gigafactory"} <= set(_links(app))
    budgets = app.dataframe[0].value
    ro = dataset.budgets[dataset.budgets["subject"] == "ro-ai"]
    assert len(budgets) == len(ro)
    assert budgets["source"].dropna().str.startswith("http").all()


def test_disagreeing_budget_claims_sit_side_by_side(dataset):
    app = run_page("pages/map.py", country="ITA")
    budgets = app.dataframe[0].value
    totals = budgets[budgets["amount"].isin(["€430 M", "€420 M"])]
    assert len(totals) == 2 and totals.index[1] - totals.index[0] == 1  # next to each other
    assert totals["disagreement"].str.contains("one of").all()
    assert totals["preferred"].sum() == 1


def test_unknown_country_or_metric_in_the_url_falls_back(dataset):
    app = run_page("pages/map.py", country="ATL", metric="nonsense")
    assert app.selectbox(key="country").value is None
    assert app.segmented_control(key="metric").value == "sites"


def test_clicking_a_country_opens_its_panel():
    app = run_page("pages/map.py")
    app.session_state["map"] = {"selection": {"points": [
        {"customdata": ["country", "ESP"], "location": "ESP"}]}}
    app.run()
    assert not app.exception
    assert app.selectbox(key="country").value == "ESP"
    assert "BSC AI Factory (BSC AIF)" in _links(app)
    assert app.query_params["country"] == "ESP"


def test_clicking_a_site_opens_itsrun_page():
    app = run_page("pages/map.py")
    app.session_state["map"] = {"selection": {"points": [{"customdata": ["site", "gaia"]}]}}
    app.run()
    assert not app.exception
    assert as_read(app.title[0].value) == "Gaia AI Factory"


def test_metric_and_links_are_written_to_the_url():
    app = run_page("pages/map.py")
    app.segmented_control(key="metric").set_value("eu_share").run()
    app.toggle(key="links").set_value(True).run()
    assert app.query_params["metric"] == "eu_share"
    assert app.query_params["links"] == "1"


def test_site_page_shows_every_fact_with_sources(dataset):
    app = run_page("pages/site.py", id="ro-ai")
    assert as_read(app.title[0].value) == "RO AI Factory"
    facts = app.table[0].value
    assert facts.loc[text.t("field.city")].iloc[0] == "Bucharest"
    sources = "\n".join(m.value for m in app.markdown)
    site = dataset.factories.set_index("id").loc["ro-ai"]
    listed = query.sources_of(dataset, site["sources"])["url"]
    for url in listed[listed.str.startswith("http")]:
        assert url.replace("(", "%28").replace(")", "%29") in sources
    assert "000\\_eba5d41ea655a116" in sources  # the seed article, named, not linked


def test_site_page_shows_the_seed_error_next_to_the_corrected_value():
    app = run_page("pages/site.py", id="rs-national")
    claims = next(frame.value for frame in app.dataframe if "claim" in frame.value.columns)
    city = claims[claims["field"] == text.t("field.city")].iloc[0]
    assert city["value"] == "Kragujevac"
    assert "GIFT City" in city["claim"]
    assert city["verdict"] == text.t("verdict.error")


def test_site_page_lists_linked_sites(dataset):
    app = run_page("pages/site.py", id="be-aifa")
    names = query.sites(dataset).set_index("id")["name"]
    assert {names["jaif"], names["lumi-aif"]} <= set(_links(app))
    app = run_page("pages/site.py", id="jaif")
    assert names["be-aifa"] in _links(app) and names["hunaifa"] in _links(app)


def test_unknown_site_id_says_so():
    app = run_page("pages/site.py", id="atlantis")
    assert "atlantis" in app.warning[0].value


def _click(app: AppTest, key: str, iso3: str) -> None:
    app.session_state[key] = {"selection": {"points": [
        {"customdata": ["country", iso3], "location": iso3}]}}
    app.run()


def test_a_country_clicked_again_after_the_picker_chose_another_counts():
    app = run_page("pages/map.py")
    _click(app, "map", "ESP")
    app.selectbox(key="country").set_value("ITA").run()
    assert app.query_params["country"] == "ITA"
    # The picker changed the click's choice: the chart is drawn afresh under a new key, so
    # the browser's selection no longer holds Spain and a click on Spain is new.
    _click(app, "map.1", "ESP")
    assert app.selectbox(key="country").value == "ESP"
    assert app.query_params["country"] == "ESP"
