"""AppTest of app.py and every page: no exception, and the numbers the tables say."""

from __future__ import annotations

import pytest
from apptest import APP, TIMEOUT, run_page
from streamlit.testing.v1 import AppTest

from aimap import formatting, query, text
from aimap.selection import Selection
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
    assert metrics[text.t("overview.factories")] == str(numbers.factories)
    assert metrics[text.t("overview.antennas")] == str(numbers.antennas)
    assert metrics[text.t("overview.countries")] == str(numbers.countries)
    assert metrics[text.t("overview.budget")] == formatting.format_money(
        numbers.budgets.total_eur)
    assert formatting.budget_note(numbers.budgets) in [c.value for c in app.caption]


def test_filters_come_from_the_url_and_apply(dataset):
    wave = query.waves(dataset)[-1]
    app = run_page(waves=wave)
    assert app.sidebar.multiselect[1].value == [wave]
    numbers = query.headline(dataset, query.shown(dataset, Selection(waves=(wave,))))
    metrics = _metrics(app)
    assert metrics[text.t("overview.factories")] == str(numbers.factories) != "0"
    assert metrics[text.t("overview.antennas")] == "0"  # Antennas have no wave
    assert app.query_params["waves"] == wave


def test_unknown_filter_values_in_the_url_are_ignored(dataset):
    country = query.sites(dataset)["country"].iloc[0]
    app = run_page(countries=f"{country},XXX", waves="999")
    assert app.sidebar.multiselect[2].value == [country]
    assert app.sidebar.multiselect[1].value == []
    assert app.query_params["countries"] == country
    assert "waves" not in app.query_params


def test_changing_a_filter_writes_the_url(dataset):
    app = run_page()
    app.sidebar.multiselect[0].set_value(["antenna"]).run()
    assert app.query_params["kinds"] == "antenna"
    assert _metrics(app)[text.t("overview.factories")] == "0"
    app.sidebar.button[0].click().run()
    assert "kinds" not in app.query_params
    everything = query.headline(dataset, query.sites(dataset))
    assert _metrics(app)[text.t("overview.factories")] == str(everything.factories)


def test_search_narrows_the_table(dataset):
    city = dataset.factories["city"].dropna().iloc[0]
    app = run_page()
    app.text_input[0].input(city).run()
    frame = app.dataframe[0].value
    assert set(frame["name"]) == set(query.search_sites(query.sites(dataset), dataset.countries,
                                                        city)["name"])
    assert 0 < len(frame) < len(query.sites(dataset))


def test_table_shows_unknown_and_partial_budgets_for_people(dataset):
    app = run_page()
    shown = app.dataframe[0].value.set_index("name")["budget_eur"]
    totals = query.budget_totals(dataset)
    for site in query.budget_sites(query.sites(dataset)).itertuples():
        if site.id not in totals.index:
            assert shown[site.name] == text.t("unknown")
        elif totals.loc[site.id, "method"] == "sum_of_shares":
            assert shown[site.name].startswith("≥ €")
        else:
            assert shown[site.name] == formatting.format_money(totals.loc[site.id, "amount_eur"])


def test_sources_of_the_chosen_site_are_listed_as_links(dataset):
    app = run_page()
    site = dataset.factories.iloc[-1]
    app.selectbox(key="sources_of").set_value(site["id"]).run()
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
    assert "factories.csv:1:-: the header lacks" in app.code[0].value
    assert not app.metric


@pytest.mark.parametrize(("page", "module", "builder"), [
    ("pages/map.py", "aimap.figures.map", "map_figure"),
    ("pages/timeline.py", "aimap.figures.timeline", "timeline_figure"),
    ("pages/budgets.py", "aimap.figures.budgets", "budget_figure"),
])
def test_a_chart_that_cannot_be_drawn_is_said_so_and_the_page_stays(monkeypatch, page,
                                                                   module, builder):
    def broken(*args, **kwargs):
        raise ValueError("a figure builder failed")

    monkeypatch.setattr(f"{module}.{builder}", broken)
    app = run_page(page)
    assert text.t("chart.failed") in [w.value for w in app.warning]
    assert app.title and not app.exception
