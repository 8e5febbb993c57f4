"""AppTest of app.py and every page: no exception, and the numbers the tables say."""

from __future__ import annotations

import pytest
from apptest import APP, TIMEOUT, run_page
from streamlit.testing.v1 import AppTest

from aimap import formatting, query, text
from aimap.views import VIEWS


def _metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_every_page_runs_without_exception(view):
    app = run_page(view.page)
    assert not app.error


def test_overview_headline_equals_the_tables(dataset):
    app = run_page()
    numbers = query.headline(dataset, query.sites(dataset))
    metrics = _metrics(app)
    assert metrics[text.t("overview.factories")] == "19"
    assert metrics[text.t("overview.antennas")] == "13"
    assert metrics[text.t("overview.countries")] == str(numbers.countries)
    assert metrics[text.t("overview.budget")] == formatting.format_money(
        numbers.budgets.total_eur)
    assert formatting.budget_note(numbers.budgets) in [c.value for c in app.caption]


def test_filters_come_from_the_url_and_apply(dataset):
    app = run_page(waves="3")
    assert app.sidebar.multiselect[1].value == ["3"]
    metrics = _metrics(app)
    assert metrics[text.t("overview.factories")] == "6"
    assert metrics[text.t("overview.antennas")] == "0"
    assert app.query_params["waves"] == "3"


def test_unknown_filter_values_in_the_url_are_ignored():
    app = run_page(countries="ROU,XXX", waves="9")
    assert app.sidebar.multiselect[2].value == ["ROU"]
    assert app.sidebar.multiselect[1].value == []
    assert app.query_params["countries"] == "ROU"
    assert "waves" not in app.query_params


def test_changing_a_filter_writes_the_url():
    app = run_page()
    app.sidebar.multiselect[0].set_value(["antenna"]).run()
    assert app.query_params["kinds"] == "antenna"
    assert _metrics(app)[text.t("overview.factories")] == "0"
    app.sidebar.button[0].click().run()
    assert "kinds" not in app.query_params
    assert _metrics(app)[text.t("overview.factories")] == "19"


def test_search_narrows_the_table(dataset):
    app = run_page()
    app.text_input[0].input("Kraków").run()
    frame = app.dataframe[0].value
    assert set(frame["name"]) == set(dataset.factories.loc[
        dataset.factories["city"] == "Kraków", "name"])


def test_table_shows_unknown_and_partial_budgets_for_people():
    app = run_page()
    frame = app.dataframe[0].value.set_index("name")
    assert frame.filter(like="MIMER", axis=0)["budget_eur"].tolist() == ["unknown"]
    assert frame.filter(like="Icelandic", axis=0)["budget_eur"].iloc[0].startswith("≥ €")
    assert frame.filter(like="IT4LIA", axis=0)["budget_eur"].tolist() == ["€430 M"]


def test_sources_of_the_chosen_site_are_listed_as_links(dataset):
    app = run_page()
    site = dataset.factories.set_index("id").loc["ro-ai"]
    app.selectbox(key="sources_of").set_value("ro-ai").run()
    markdown = "\n".join(m.value for m in app.markdown)
    web = query.sources_of(dataset, site["sources"])
    for url in web.loc[web["url"].str.startswith("http"), "url"]:
        assert url.replace("(", "%28").replace(")", "%29") in markdown


def test_a_filter_matching_nothing_says_so():
    app = run_page(kinds="antenna", waves="1")
    assert text.t("overview.no_sites") in [i.value for i in app.info]


def test_bad_data_shows_the_problems_instead_of_charts(monkeypatch, data_copy):
    (data_copy / "factories.csv").write_text("id\n")
    monkeypatch.setenv("AIMAP_DATA_DIR", str(data_copy))
    app = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not app.exception
    assert app.error and "problem" in app.error[0].value
    assert "factories.csv:1:-: missing column(s)" in app.code[0].value
    assert not app.metric
