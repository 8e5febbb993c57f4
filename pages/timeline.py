"""Timeline: when each site's phases happen, planned against done, with what comes next."""

from datetime import date

import streamlit as st

from aimap import formatting, query, timeline
from aimap.figures.common import read_click
from aimap.figures.timeline import timeline_figure
from aimap.safety import plain_join
from aimap.text import t
from aimap.ui import charts, state, tables
from aimap.ui.app import open_view
from aimap.views import page_of

page = open_view("timeline")
data, selection = page.data, page.selection
today = date.today()

page.title(t("timeline.title"))
controls = st.columns(2)
grouping = page.option("group", controls[0])
sort = page.option("sort", controls[1])
span, layer = st.columns([3, 1], vertical_alignment="bottom")
window = page.option("window", span)
supercomputers = page.option("supercomputer_rows", layer)
shown = query.layered(page.shown, supercomputers)
drawn = timeline.widen(window, timeline.window_bounds(data))
if drawn != window:
    st.caption(t("timeline.window_widened", days=timeline.MIN_WINDOW_DAYS))

click = read_click(state.new_clicks("timeline"))
if click and click[0] == "site":
    st.switch_page(page_of("site"), query_params={"id": click[1]})
charts.view_chart(timeline_figure, data, selection, "timeline", key="timeline",
                  grouping=grouping, sort=sort, window=drawn, today=today,
                  supercomputers=supercomputers)
st.caption(t("timeline.click_hint"))
missing = timeline.unplaced(data, shown)
if not missing.empty:
    st.caption(t("timeline.unplaced", names=plain_join(missing["name"])))

st.subheader(t("timeline.next_90"))
upcoming = timeline.coming_up(data, shown, today)
if timeline.is_stale(data, today):
    st.warning(t("timeline.next_90_stale", today=formatting.format_date(today),
                 date=formatting.format_date(data.as_of)))
if upcoming.empty:
    st.caption(t("timeline.next_90_none"))
else:
    tables.milestone_table(data, upcoming)
