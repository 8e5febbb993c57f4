"""The maintainers' worklist, on the fixture: what is overdue on a given day, what is
unknown, what rests on one source."""

from __future__ import annotations

import shutil
from datetime import date

from apptest import run_page
from conftest import FIXTURE

from aimap import worklist
from aimap.formatting import format_date
from aimap.load import load_dataset
from aimap.text import t
from aimap.ui import tables
from aimap.views import page_of


def _items(fixture, today=date(2026, 7, 1)):
    return worklist.worklist(fixture, today)


def test_a_planned_milestone_is_overdue_the_day_after_its_last_day(fixture):
    steps = fixture.milestones.set_index("id")
    install = steps.loc["m-alpha-install"]
    assert install["status"] == "planned" and str(install["end"].date()) == "2026-06-30"
    on_the_day = _items(fixture, date(2026, 6, 30))
    after = _items(fixture, date(2026, 7, 1))
    overdue = after[after["reason"] == "overdue"]
    assert "m-alpha-install" in set(overdue["id"])
    assert "m-alpha-install" not in set(on_the_day[on_the_day["reason"] == "overdue"]["id"])
    assert "m-alpha-services" not in set(overdue["id"])  # ends 2026-12-31
    assert set(steps.loc[list(overdue["id"]), "status"]) == {"planned"}


def test_every_empty_site_figure_and_missing_budget_is_listed(fixture):
    unknown = _items(fixture)
    unknown = unknown[unknown["reason"] == "unknown"]
    factories = fixture.factories.set_index("id")
    for row in unknown[unknown["table"] == "factories"].itertuples():
        assert factories.isna().loc[row.id, row.detail], row
    empty_gpus = set(factories.index[factories["gpus"].isna()])
    assert set(unknown[(unknown["table"] == "factories") & (unknown["detail"] == "gpus")]["id"]) \
        == empty_gpus
    budgets = unknown[unknown["table"] == "budgets"]
    assert set(budgets["id"]).isdisjoint(set(fixture.budgets["subject"]))


def test_single_source_rows_cite_exactly_one(fixture):
    single = _items(fixture)
    single = single[single["reason"] == "single_source"]
    assert len(single) and all(len(sources) == 1 for sources in single["sources"])
    expected = sum(len(getattr(fixture, table).query("sources.str.len() == 1"))
                   for table in ("budgets", "milestones", "claims"))
    assert len(single) == expected


def test_items_come_in_order_and_are_counted(fixture):
    items = _items(fixture)
    order = [worklist.REASONS.index(r) for r in items["reason"]]
    assert order == sorted(order)
    assert sum(worklist.counts(items).values()) == len(items)


def test_the_data_page_lists_one_kind_of_work_at_a_time_with_links_to_sites(on_fixture):
    app = run_page(page_of("data"))
    expected = worklist.worklist(on_fixture, date.today())
    counts = worklist.counts(expected)
    assert {m.label: m.value for m in app.metric if m.label.startswith(tuple(
        t(f"worklist.reason.{r}") for r in worklist.REASONS))} == {
        t(f"worklist.reason.{r}"): str(n) for r, n in counts.items()}
    first = next(r for r, n in counts.items() if n)
    table = next(frame.value for frame in app.dataframe if "reason" in frame.value)
    assert set(table["reason"]) == {t(f"worklist.reason.{first}")}
    assert len(table) == counts[first]
    checks = table["what"]
    assert t("worklist.never_verified") in set(checks)
    assert t("worklist.last_verified", day=format_date("2025-12-01")) in set(checks)
    links = [link for link in table["page"] if isinstance(link, str)]
    assert links and all(link.startswith("/site?id=") for link in links)
    assert t("data.worklist_download") in [b.label for b in app.get("download_button")]
    app.segmented_control(key="worklist.reason").set_value("single_source").run()
    table = next(frame.value for frame in app.dataframe if "reason" in frame.value)
    assert len(table) == counts["single_source"]
    assert set(table["reason"]) == {t("worklist.reason.single_source")}


def test_the_worklist_csv_has_every_item(on_fixture):
    items = worklist.worklist(on_fixture, date.today())
    rows = tables.worklist_rows(on_fixture, items)
    assert len(rows) == len(items) and set(rows["reason"]) == {
        t(f"worklist.reason.{r}") for r, n in worklist.counts(items).items() if n}


def test_rows_never_checked_or_checked_over_six_months_ago_are_due(fixture):
    items = _items(fixture, date(2026, 7, 1))
    due = items[items["reason"] == "not_verified"].set_index(["table", "id"])["detail"]
    assert ("factories", "alpha-aif") not in due.index  # its last check, 2026-06-15, is recent
    assert due[("factories", "beta-aif")] == "2025-12-01"  # 7 months before
    assert due[("factories", "gamma-aif")] == ""  # never checked
    assert ("budgets", "b-alpha-total") not in due.index
    assert ("sectors", "alpha-aif | S02 | climate") in due.index
    rows = sum(len(getattr(fixture, name)) for name in worklist.schema.VERIFIED_TABLES)
    assert len(due) == rows - 2


def test_a_sectors_row_is_checked_by_its_subject_sector_and_label(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    with (folder / "verifications.csv").open("a") as handle:
        handle.write("sectors,alpha-aif | S01 | health,2026-05-20,partial,One source missing.\n")
    items = worklist.worklist(load_dataset(folder), date(2026, 7, 1))
    due = set(zip(items["table"], items["id"]))
    assert ("sectors", "alpha-aif | S01 | health") not in due
    assert ("sectors", "alpha-aif | S02 | climate") in due


def test_a_check_falls_due_six_months_after_it(fixture):
    before = _items(fixture, date(2026, 12, 1))
    after = _items(fixture, date(2026, 12, 2))
    budget = ("not_verified", "budgets", "b-alpha-total")
    assert budget not in set(zip(before["reason"], before["table"], before["id"]))
    assert budget in set(zip(after["reason"], after["table"], after["id"]))


def test_last_verified_is_the_latest_check_of_a_row(fixture):
    last = worklist.last_verified(fixture)
    assert str(last[("factories", "alpha-aif")].date()) == "2026-06-15"
