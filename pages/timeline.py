"""Timeline: when each site's phases happen, planned against done, with what comes next."""

from datetime import date

import streamlit as st

from aimap import query, timeline, ui
from aimap.figures.common import read_click
from aimap.figures.timeline import timeline_figure
from aimap.text import t

data = ui.dataset()
selection = ui.sidebar_filters(data, "timeline")
shown = query.filter_sites(query.sites(data), selection, data.sectors)
today = date.today()

st.title(t("timeline.title"))
ui.seed_from_url("group", timeline.GROUPINGS, timeline.DEFAULT_GROUPING)
ui.seed_from_url("sort", timeline.SORTS, timeline.DEFAULT_SORT)
ui.seed_from_url("window", [], timeline.DEFAULT_WINDOW, parse=timeline.parse_window)
controls = st.columns(2)
grouping = controls[0].segmented_control(t("timeline.group_by"), timeline.GROUPINGS, key="group",
                                         format_func=lambda g: t(f"grouping.{g}"), required=True)
sort = controls[1].segmented_control(t("timeline.sort_by"), timeline.SORTS, key="sort",
                                     format_func=lambda s: t(f"sort.{s}"), required=True)
window = st.slider(t("timeline.window"), min_value=date(2024, 1, 1),
                            max_value=date(2028, 12, 31), key="window", format="MMM YYYY")

click = read_click(ui.new_clicks("timeline"))
if click and click[0] == "site":
    st.switch_page("pages/site.py", query_params={"id": click[1]})
ui.view_chart(timeline_figure, data, selection, "timeline", key="timeline", grouping=grouping,
              sort=sort, window=tuple(window), today=today)
st.caption(t("timeline.click_hint"))
missing = timeline.unplaced(data, shown)
if not missing.empty:
    st.caption(t("timeline.unplaced", names=", ".join(missing["name"])))

st.subheader(t("timeline.next_90"))
upcoming = timeline.coming_up(data, shown, today)
if upcoming.empty:
    st.caption(t("timeline.next_90_none"))
else:
    ui.milestone_table(data, upcoming)

ui.keep_in_url("group", grouping, timeline.DEFAULT_GROUPING)
ui.keep_in_url("sort", sort, timeline.DEFAULT_SORT)
ui.keep_in_url("window", timeline.format_window(tuple(window)),
               timeline.format_window(timeline.DEFAULT_WINDOW))
