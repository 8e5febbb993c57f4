"""What changed since a release, as a table: on the What changed page and as a page of the
briefing pack."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from aimap import changes, formatting, query
from aimap.figures import fit, tables
from aimap.figures.common import NARROW_FOOTER, Caption, Frame, footer_room, framed
from aimap.load import Dataset, data_dir
from aimap.selection import Selection
from aimap.text import field_label, plural, t

#: The table's page where none is given (this wide, for wrapping), and its least and most
#: height: taller, export would shrink the type to fit a page; the rest are counted instead.
_WIDTH, _LEAST, _MOST = 1200, 500, 1000
_TOP = 150
_WIDTHS = [2, 3, 2, 3, 3]


def since_release(since: str | None) -> str | None:
    """The release compared with: `since`, else the newest kept (None: none is kept)."""
    kept = changes.releases(data_dir())
    return since if since in kept else (kept[-1] if kept else None)


def shown_changes(dataset: Dataset, selection: Selection, since: str | None,
                  wording: bool = False, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """The changes since the release `since` about the sites `selection` shows."""
    release = since_release(since)
    if release is None:
        return pd.DataFrame(columns=list(changes.COLUMNS))
    folder = data_dir()
    found = changes.compare(folder / changes.RELEASES_DIR / release, folder)
    every_site = set(query.sites(dataset)["id"])
    shown = set(query.shown(dataset, selection)["id"])
    return changes.for_reader(found, every_site, shown, wording, kinds)


def readable(dataset: Dataset, found: pd.DataFrame) -> pd.DataFrame:
    """The changes in words: what kind, about which site, which field, before and now (an
    empty value of a changed field reads 'unknown')."""
    names = query.subject_names(dataset)
    changed = found["field"] != ""  # an empty value of a changed field was unknown

    def value(column: str) -> list[str]:
        return [t("unknown") if was_changed and not v else v
                for v, was_changed in zip(found[column], changed, strict=True)]
    return pd.DataFrame({
        "change": [t(f"changes.kind.{kind}") for kind in found["kind"]],
        "subject": [names.get(s, s) for s in found["subject"]],
        "field": [field_label(f) for f in found["field"]],
        "old": value("old"),
        "new": value("new"),
        "sources": list(found["sources"]),
    })


def changes_figure(dataset: Dataset, selection: Selection, since: str | None = None,
                   wording: bool = False, frame: Frame | None = None) -> go.Figure:
    """The changes since the release `since` (the newest kept by default) for the sites
    shown, as a table on a page (export's `frame`, else at most _MOST px tall): the rows that
    do not fit are counted in a last row (the What changed page lists them all)."""
    release = since_release(since)
    words = readable(dataset, shown_changes(dataset, selection, release, wording))
    when = formatting.format_date(pd.Timestamp(release)) if release else t("unknown")
    subtitle = formatting.describe_selection(selection, query.country_names(dataset),
                                             query.sector_names(dataset))
    caption = Caption(t("changes.title", date=when),
                      f"{subtitle} · {plural('changes.count', len(words))}",
                      t("changes.footer", since=when,
                        date=formatting.format_date(dataset.as_of)))
    bottom = footer_room(caption.footer, NARROW_FOOTER)
    header = [t("col.change"), t("col.name"), t("col.field"), t("col.before"), t("col.now")]
    columns = [list(words[c]) for c in ("change", "subject", "field", "old", "new")]
    width = (frame.width if frame else _WIDTH) - 48
    height = frame.height if frame else max(_LEAST, min(
        _MOST, _TOP + tables.height(header, columns, _WIDTHS, width) + bottom))
    columns = tables.fitted(header, columns, _WIDTHS, width, height - _TOP - bottom,
                            "changes.more")
    figure = go.Figure([tables.trace(header, columns, dict(x=[0, 1], y=[0, 1]), _WIDTHS)])
    figure.update_layout(margin_t=_TOP)
    figure = framed(figure, caption, height=height, legend=None, footer_width=NARROW_FOOTER)
    if frame is not None:
        size = frame.title(24)
        figure.update_layout(title_font_size=size, title_pad_t=fit.title_pad(size))
    return figure
