"""'Published budgets' means one thing: the Overview, the map, the Budgets view, the briefing
pack's summary and the command line give the same sum for every kind and wave filter."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
from apptest import run_page
from conftest import ROOT

from aimap import formatting, metrics, money, options, query, text
from aimap.figures.budgets import budget_figure
from aimap.figures.headline import headline_figure, summary_figure
from aimap.selection import SITE_KINDS, Selection


def _selections(dataset) -> list[Selection]:
    waves = options.FILTERS[1].allowed(dataset)
    return [Selection(kinds=kinds, waves=wave)
            for kinds, wave in itertools.product([(), *((k,) for k in SITE_KINDS)],
                                                 [(), *((w,) for w in waves)])]


def _annotations(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations]


def test_every_view_sums_the_same_published_budgets(dataset):
    for selection in _selections(dataset):
        shown = query.shown(dataset, selection)
        total = query.published_budgets(dataset, shown).total_eur
        assert query.headline(dataset, shown).budgets.total_eur == total
        by_country = metrics.country_values(dataset, shown, "budget")["value"]
        assert by_country.sum() == pytest.approx(total), selection
        for grouping in money.GROUPINGS:
            assert money.grouped(dataset, shown, grouping)["total"].sum() == \
                pytest.approx(total), (selection, grouping)
        shown_money = f"<b>{formatting.format_money(total)}</b>"
        assert shown_money in _annotations(headline_figure(dataset, selection))
        assert shown_money in _annotations(summary_figure(dataset, selection))
        line = text.t("budgets.total", total=formatting.format_money(total))
        assert line in budget_figure(dataset, selection).layout.title.text


def test_gigafactory_bids_are_never_added(dataset):
    bids = query.shown(dataset, Selection(kinds=("gigafactory_candidate",)))
    counted = query.published_budgets(dataset, bids)
    assert (counted.total_eur, counted.sites) == (0, 0)


@pytest.mark.parametrize("kind", SITE_KINDS)
def test_the_overview_card_shows_that_sum(dataset, kind):
    app = run_page(kinds=kind)
    cards = {m.label: m.value for m in app.metric}
    total = query.published_budgets(dataset, query.shown(dataset, Selection(kinds=(kind,))))
    assert cards[text.t("overview.budget")] == formatting.format_money(total.total_eur)
    assert formatting.budget_note(total) in [c.value for c in app.caption]


def test_the_command_line_reports_that_sum(dataset):
    result = subprocess.run([sys.executable, "-m", "aimap", "validate"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    total = query.published_budgets(dataset, query.sites(dataset)).total_eur
    assert f"published budgets {formatting.format_money(total)}" in result.stdout
