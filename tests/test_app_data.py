"""The data page under AppTest: downloads for everyone; for maintainers, upload, preview,
apply with history, restore; bad files refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest import as_read, run_page
from conftest import read_rows, write_rows
from test_bad_inputs import CORPUS, EXPECTED, fingerprint

from aimap import access, datastore, schema
from aimap.load import load_dataset
from aimap.safety import plain
from aimap.text import plural, t
from aimap.ui import maintain

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(autouse=True)
def no_earlier_wrong_tokens(monkeypatch):
    """Wrong tokens count across sessions; each test starts with none."""
    monkeypatch.setattr(maintain, "WRONG_TOKENS", access.WrongTokens())


@pytest.fixture
def folder(data_copy: Path, monkeypatch) -> Path:
    monkeypatch.setenv("AIMAP_DATA_DIR", str(data_copy))
    return data_copy


def _maintainer(monkeypatch):
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", TOKEN)
    app = run_page("pages/data.py")
    app.text_input(key="data.token").set_value(TOKEN).run()
    assert not app.exception
    return app


def _upload(app, name: str, content: bytes):
    """Upload a file; the table it replaces is chosen from its name."""
    app.file_uploader[0].set_value((name, content, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_everyone_can_download_and_editing_is_off_without_a_token(folder, monkeypatch):
    monkeypatch.delenv("AIMAP_ADMIN_TOKEN", raising=False)
    app = run_page("pages/data.py")
    labels = [b.label for b in app.get("download_button")]
    assert labels[0] == t("data.bundle")
    assert "factories.csv" in labels
    assert len(labels) == 1 + len(schema.TABLES) + 1  # the ZIP, each table, the worklist
    assert labels[-1] == t("data.worklist_download")
    assert t("data.read_only") in [i.value for i in app.info]
    assert not app.file_uploader and not app.text_input


def test_a_wrong_token_does_not_unlock_editing(folder, monkeypatch):
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", TOKEN)
    app = run_page("pages/data.py")
    app.text_input(key="data.token").set_value("guess").run()
    assert t("data.token_wrong") in [e.value for e in app.error]
    assert not app.file_uploader


@pytest.mark.parametrize(("token", "message"), [
    (" ", "data.token_blank"), ("s3cret", "data.token_short")])
def test_a_blank_or_short_token_leaves_editing_off_and_says_why(folder, monkeypatch, token,
                                                                 message):
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", token)
    app = run_page("pages/data.py")
    assert t(message, length=access.MIN_TOKEN_LENGTH) in [w.value for w in app.warning]
    assert not app.text_input and not app.file_uploader


def test_wrong_tokens_from_every_session_count_and_then_nobody_may_try(folder, monkeypatch):
    monkeypatch.setattr(maintain, "WRONG_TOKENS", access.WrongTokens(per_minute=2))
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", TOKEN)
    for guess in ("guess-1", "guess-2", "guess-3"):  # each from a new session (browser tab)
        app = run_page("pages/data.py")
        app.text_input(key="data.token").set_value(guess).run()
        assert t("data.token_wrong") in [e.value for e in app.error]
    app = run_page("pages/data.py")
    app.text_input(key="data.token").set_value(TOKEN).run()  # even the right one, for now
    assert [e.value for e in app.error] == [t("data.token_wait", seconds=2)]
    assert not app.file_uploader


def test_a_wrong_token_left_in_the_box_counts_once(folder, monkeypatch):
    monkeypatch.setattr(maintain, "WRONG_TOKENS", access.WrongTokens(per_minute=1))
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", TOKEN)
    app = run_page("pages/data.py")
    app.text_input(key="data.token").set_value("guess").run()
    for _ in range(3):  # reruns (a download click, a filter) are not new guesses
        app.run()
    assert [e.value for e in app.error] == [t("data.token_wrong")]
    assert maintain.WRONG_TOKENS.wait_s() == 0


@pytest.mark.parametrize("name", ["factories.script_name.csv", "factories.binary.csv",
                                  "budgets.negative_amount.csv", "factories.semicolon.csv"])
def test_a_bad_upload_is_refused_with_its_location_and_nothing_changes(folder, monkeypatch,
                                                                       name):
    app = _maintainer(monkeypatch)
    before = fingerprint(folder)
    _upload(app, name, (CORPUS / name).read_bytes())
    assert app.selectbox[0].value == datastore.table_of_file(name)
    assert app.error[0].value.startswith(plural("data.refused", 1)[:8])
    assert EXPECTED[name] in app.code[-1].value
    assert not [b for b in app.button if b.label == t("data.apply")]
    assert fingerprint(folder) == before


def test_a_good_upload_is_previewed_applied_kept_and_restorable(folder, monkeypatch):
    original = (folder / "factories.csv").read_bytes()
    rows = read_rows(folder / "factories.csv")
    rows[0]["city"] = "Barcelona (Sant Cugat)"
    edited = folder.parent / "factories (edited).csv"
    write_rows(edited, rows)
    app = _upload(_maintainer(monkeypatch), edited.name, edited.read_bytes())
    assert t("data.preview", added=0, changed=1, removed=0) in [m.value for m in app.markdown]
    assert (folder / "factories.csv").read_bytes() == original  # nothing before "apply"
    app.text_input(key="data.apply.reason").set_value("Corrected a city").run()
    app.button(key="data.apply").click().run()
    assert (folder / "factories.csv").read_bytes() == edited.read_bytes()
    kept = datastore.versions(folder)[0]
    assert kept.path.read_bytes() == original
    assert t("data.applied", file="factories.csv", kept=kept.path.name) in [
        s.value for s in app.success]
    app.text_input(key="data.restore.reason").set_value("Back to the sourced value").run()
    app.button(key="data.restore").click().run()
    assert (folder / "factories.csv").read_bytes() == original
    assert len(datastore.versions(folder)) == 2


def test_a_file_with_an_unknown_name_waits_for_the_table_to_be_chosen(folder, monkeypatch):
    content = (folder / "meta.csv").read_bytes()
    app = _upload(_maintainer(monkeypatch), "export.csv", content)
    assert app.selectbox[0].value is None and not app.code and not app.error
    app.selectbox[0].set_value("meta").run()
    assert t("data.no_changes", table="meta") in [i.value for i in app.info]
    app.selectbox[0].set_value("claims").run()
    assert not app.warning  # nothing in the name to contradict the choice
    assert app.error  # meta rows are not claims


def test_a_file_named_after_another_table_is_flagged(folder, monkeypatch):
    app = _upload(_maintainer(monkeypatch), "meta.csv", (folder / "meta.csv").read_bytes())
    assert app.selectbox[0].value == "meta" and not app.warning
    app.selectbox[0].set_value("claims").run()
    shown = t("data.name_mismatch", file=plain("meta.csv"), named="meta",
              table="claims")
    assert shown in [
        w.value for w in app.warning]


def test_changing_the_token_locks_unlocked_sessions(folder, monkeypatch):
    app = _maintainer(monkeypatch)
    assert app.file_uploader
    monkeypatch.setenv("AIMAP_ADMIN_TOKEN", "a-new-token-for-tests")
    app.run()
    assert not app.file_uploader


def test_the_page_still_opens_when_the_data_on_disk_is_broken(folder, monkeypatch):
    (folder / "budgets.csv").write_bytes((CORPUS / "budgets.negative_amount.csv").read_bytes())
    monkeypatch.delenv("AIMAP_ADMIN_TOKEN", raising=False)
    app = run_page("pages/data.py")
    assert t("data.broken") in [w.value for w in app.warning]
    assert EXPECTED["budgets.negative_amount.csv"] in app.code[0].value
    assert app.get("download_button")


def test_after_apply_every_view_shows_the_new_data(folder, monkeypatch):
    rows = read_rows(folder / "factories.csv")
    rows[0]["name"] = "Renamed AI Factory"
    edited = folder.parent / "factories.csv"
    write_rows(edited, rows)
    app = _upload(_maintainer(monkeypatch), edited.name, edited.read_bytes())
    app.text_input(key="data.apply.reason").set_value("Corrected a city").run()
    app.button(key="data.apply").click().run()
    app.query_params["id"] = rows[0]["id"]
    app.switch_page("pages/site.py").run()
    assert not app.exception
    assert as_read(app.title[0].value) == "Renamed AI Factory"


def test_a_full_disk_on_apply_says_so_and_changes_nothing(folder, monkeypatch):
    app = _upload(_maintainer(monkeypatch), *_edited_factories(folder, 0, "Sant Cugat"))
    before = fingerprint(folder)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(datastore, "apply", full_disk)
    app.text_input(key="data.apply.reason").set_value("Corrected a city").run()
    app.button(key="data.apply").click().run()
    assert not app.exception
    assert t("data.write_failed", file="factories.csv", reason="No space left on device") in [
        e.value for e in app.error]
    assert fingerprint(folder) == before


def test_damaged_history_is_listed_and_the_rest_stays_restorable(folder, monkeypatch):
    rows = read_rows(folder / "meta.csv")
    rows[-1]["value"] = rows[-1]["value"] + " (edited)"
    edited = folder.parent / "meta.csv"
    write_rows(edited, rows)
    datastore.apply(folder, "meta", edited.read_bytes())
    (folder / datastore.HISTORY_DIR / "20260101T000000000000Z.sources.csv").mkdir()
    app = _maintainer(monkeypatch)
    assert plural("data.history_damaged", 1) in [w.value for w in app.warning]
    assert "20260101T000000000000Z.sources.csv: is a folder" in app.code[-1].value
    app.text_input(key="data.restore.reason").set_value("Back to the sourced value").run()
    app.button(key="data.restore").click().run()
    assert (folder / "meta.csv").read_bytes() != edited.read_bytes()


def _edited_factories(folder: Path, index: int, city: str) -> tuple[str, bytes]:
    rows = read_rows(folder / "factories.csv")
    rows[index]["city"] = city
    path = folder.parent / f"factories ({index}).csv"
    write_rows(path, rows)
    return path.name, path.read_bytes()


def _apply(app, key: str, reason: str):
    app.text_input(key=f"{key}.reason").set_value(reason).run()
    app.button(key=key).click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_stale_preview_cannot_undo_another_maintainers_change(folder, monkeypatch):
    first = _upload(_maintainer(monkeypatch), *_edited_factories(folder, 0, "Sant Cugat"))
    first.text_input(key="data.apply.reason").set_value("Sant Cugat campus").run()
    second = _upload(_maintainer(monkeypatch), *_edited_factories(folder, 1, "Bologna DAMA"))
    _apply(second, "data.apply", "DAMA Tecnopolo is the site")
    after_second = (folder / "factories.csv").read_bytes()
    first.button(key="data.apply").click().run()  # its preview predates the second change
    assert not first.exception
    assert (folder / "factories.csv").read_bytes() == after_second
    assert t("data.stale", file="factories.csv", time="")[:40] in first.warning[0].value
    assert any("DAMA Tecnopolo is the site" in item.value for item in first.text)
    assert not [b for b in first.button if b.key == "data.apply"]  # every click is refused
    first.button(key=[b.key for b in first.button if b.key.endswith(".fresh")][0]).click().run()
    assert [b for b in first.button if b.key == "data.apply"]  # a fresh preview, from now
    _apply(first, "data.apply", "Sant Cugat campus, after review")
    assert {e.reason for e in datastore.applied(folder, "factories")} == {
        "DAMA Tecnopolo is the site", "Sant Cugat campus, after review"}


def test_a_restore_previewed_before_another_change_is_refused(folder, monkeypatch):
    datastore.apply(folder, "factories", _edited_factories(folder, 0, "Sant Cugat")[1],
                    reason="first edit")
    restorer = _maintainer(monkeypatch)
    chosen = restorer.selectbox(key="data.version").value
    datastore.apply(folder, "factories", _edited_factories(folder, 1, "Bologna DAMA")[1],
                    reason="second edit")
    before = (folder / "factories.csv").read_bytes()
    restorer.run()
    assert restorer.selectbox(key="data.version").value == chosen  # not the newer version
    assert not [b for b in restorer.button if b.key == "data.restore"]
    assert "second edit" in " ".join(item.value for item in restorer.text)
    assert (folder / "factories.csv").read_bytes() == before


def test_the_history_says_why_each_version_was_replaced(folder, monkeypatch):
    datastore.apply(folder, "factories", _edited_factories(folder, 0, "Sant Cugat")[1],
                    reason="  moved\nto the campus  ")  # one line, whatever was typed
    (kept,) = datastore.versions(folder)
    assert kept.reason == "moved to the campus"
    app = _maintainer(monkeypatch)
    assert maintain.version_label(kept).endswith("· moved to the campus")
    assert app.selectbox(key="data.version").value == kept.path.name


def _break(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "binary":
        path.write_bytes(b"\x00\x01\x02binary")
    elif how == "missing column":
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(line.split(",", 1)[-1] for line in lines) + "\n",
                        encoding="utf-8")
    elif how == "bad date":  # meta.csv: the as-of date
        path.write_text(path.read_text(encoding="utf-8").replace("2026-06-30", "2025-02-30"),
                        encoding="utf-8")


_HOW = ("deleted", "empty", "binary", "missing column")


@pytest.mark.parametrize(("table", "how"), [
    *[(spec.name, _HOW[i % len(_HOW)]) for i, spec in enumerate(schema.TABLES)],
    ("meta", "bad date")], ids=lambda v: str(v))
def test_a_table_broken_on_disk_is_shown_and_restored_through_the_page(folder, monkeypatch,
                                                                      table, how):
    path = folder / schema.TABLES_BY_NAME[table].file
    good = path.read_bytes()
    datastore.apply(folder, table, good, reason="a version to come back to")
    _break(path, how)
    app = _maintainer(monkeypatch)
    assert not app.exception
    assert t("data.broken") in [w.value for w in app.warning]
    app.selectbox(key="data.version").set_value(datastore.versions(folder)[0].path.name).run()
    _apply(app, "data.restore", f"repair after the {how} file")
    assert path.read_bytes() == good
    assert load_dataset(folder).meta["as_of"]
