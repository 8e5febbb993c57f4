"""Entry point: page config, the shared sidebar filters, and navigation over the views."""

import streamlit as st

from aimap import ui
from aimap.text import t
from aimap.views import VIEWS

st.set_page_config(page_title=t("app.title"), page_icon="🗺️", layout="wide")

pages = [st.Page(view.page, title=t(view.title_key), icon=view.icon, url_path=view.key,
                 default=index == 0) for index, view in enumerate(VIEWS)]
navigation = st.navigation(pages)
ui.sidebar_filters(ui.dataset())
navigation.run()
