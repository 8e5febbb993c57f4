"""AppTest of the map and site pages: URL state, the country panel, clicks, site details.
They run on the fixture dataset (tests/fixtures/data), so a data update does not move them."""

from __future__ import annotations

import pytest
from apptest import as_read, link_labels, run_page
from streamlit.testing.v1 import AppTest

from aimap import text


def _links(app: AppTest) -> list[str]:
    return link_labels(app)


def test_country_in_the_url_opens_its_panel_with_sites_and_sourced_budgets(on_fixture):
    app = run_page("pages/map.py", country="POL", metric="budget")
    assert app.selectbox(key="country").value == "POL"
    assert app.segmented_control(key="metric").value == "budget"
    assert {"Gamma AI Factory", "Epsilon National AI Factory"} <= set(_links(app))
    budgets = app.dataframe[0].value
    assert len(budgets) == 2  # Gamma's and Epsilon's totals
    assert budgets["source"].tolist() == ["https://example.net/news"] * 2


def test_disagreeing_budget_claims_sit_side_by_side(on_fixture):
    app = run_page("pages/map.py", country="ESP")
    budgets = app.dataframe[0].value
    totals = budgets[budgets["amount"].isin(["€100 M", "€110 M"])]
    assert len(totals) == 2 and totals.index[1] - totals.index[0] == 1  # next to each other
    assert totals["disagreement"].str.contains("one of").all()
    assert totals["preferred"].sum() == 1


@pytest.mark.parametrize("metric", ["nonsense", "budget_per_million"])  # an old link's too
def test_unknown_country_or_metric_in_the_url_falls_back(on_fixture, metric):
    app = run_page("pages/map.py", country="ATL", metric=metric)
    assert not app.exception
    assert app.selectbox(key="country").value is None
    assert app.segmented_control(key="metric").value == "sites"


def test_clicking_a_country_opens_its_panel(on_fixture):
    app = run_page("pages/map.py")
    app.session_state["map"] = {"selection": {"points": [
        {"customdata": ["country", "ESP"], "location": "ESP"}]}}
    app.run()
    assert not app.exception
    assert app.selectbox(key="country").value == "ESP"
    assert "Alpha AI Factory" in _links(app)
    assert app.query_params["country"] == "ESP"


def test_clicking_a_site_opens_its_page(on_fixture):
    app = run_page("pages/map.py")
    app.session_state["map"] = {"selection": {"points": [{"customdata": ["site", "gamma-aif"]}]}}
    app.run()
    assert not app.exception
    assert as_read(app.title[0].value) == "Gamma AI Factory"


def test_metric_and_links_are_written_to_the_url(on_fixture):
    app = run_page("pages/map.py")
    app.segmented_control(key="metric").set_value("eu_share").run()
    app.toggle(key="links").set_value(True).run()
    assert app.query_params["metric"] == "eu_share"
    assert app.query_params["links"] == "1"


def test_site_page_shows_every_fact_with_sources(on_fixture):
    app = run_page("pages/site.py", id="delta-aif")
    assert as_read(app.title[0].value) == "Delta AI Factory"
    facts = app.table[0].value
    assert facts.loc[text.t("field.city")].iloc[0] == "Bucharest"
    sources = "\n".join(m.value for m in app.markdown)
    assert "https://example.net/news" in sources
    assert "Fixture seed article" in sources  # the seed article: its title, not its file name
    assert "0123456789abcdef" not in sources


def test_site_page_shows_the_seed_error_next_to_the_corrected_value(on_fixture):
    app = run_page("pages/site.py", id="delta-aif")
    claims = next(frame.value for frame in app.dataframe if "claim" in frame.value.columns)
    city = claims[claims["field"] == text.t("field.city")].iloc[0]
    assert city["value"] == "Bucharest"
    assert "Cluj" in city["claim"]
    assert city["verdict"] == text.t("verdict.error")


def test_site_page_lists_linked_sites(on_fixture):
    app = run_page("pages/site.py", id="theta-ant")
    assert {"Beta AI Factory", "Gamma AI Factory"} <= set(_links(app))
    app = run_page("pages/site.py", id="beta-aif")
    assert "Theta AI Factory Antenna" in _links(app)
    assert "Eta AI Factory Antenna" not in _links(app)  # linked to Alpha only


def test_unknown_site_id_says_so(on_fixture):
    app = run_page("pages/site.py", id="atlantis")
    assert "atlantis" in app.warning[0].value


def _click(app: AppTest, key: str, iso3: str) -> None:
    app.session_state[key] = {"selection": {"points": [
        {"customdata": ["country", iso3], "location": iso3}]}}
    app.run()


def test_a_country_clicked_again_after_the_picker_chose_another_counts(on_fixture):
    app = run_page("pages/map.py")
    _click(app, "map", "ESP")
    app.selectbox(key="country").set_value("ITA").run()
    assert app.query_params["country"] == "ITA"
    # The picker changed the click's choice: the chart is drawn afresh under a new key, so
    # the browser's selection no longer holds Spain and a click on Spain is new.
    _click(app, "map.1", "ESP")
    assert app.selectbox(key="country").value == "ESP"
    assert app.query_params["country"] == "ESP"


def test_site_page_tables_neither_repeat_the_site_nor_show_its_id(on_fixture):
    """The page's title names the site: its tables keep their width for what varies."""
    app = run_page("pages/site.py", id="alpha-aif")
    shown = [frame.value for frame in app.dataframe]
    assert any("raw_label" in f.columns for f in shown)  # the sectors table is there
    assert [list(f.columns) for f in shown if "site" in f.columns] == []
    assert not any(f.astype(str).isin(["alpha-aif"]).any().any() for f in shown)


def test_clicking_a_country_without_a_site_says_so(on_fixture):
    app = run_page("pages/map.py")
    _click(app, "map", "FRA")  # the fixture has no site in France
    assert not app.exception
    assert app.selectbox(key="country").value is None
    assert [toast.value for toast in app.toast] == [
        text.t("map.click.no_site", country="France")]


def test_a_click_on_a_host_country_brings_its_panel_into_view(on_fixture):
    def scripts(app: AppTest) -> list[str]:
        return [element.proto.srcdoc for element in app.main if element.type == "iframe"]
    app = run_page("pages/map.py", country="ESP")
    assert scripts(app) == []  # opened from a link: the page starts at its top
    _click(app, "map", "POL")
    (script,) = scripts(app)
    assert '".st-key-" + target' in script and '"country-panel"' in script
