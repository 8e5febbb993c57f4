"""Entry point: page config and navigation over the views (each page draws the shared filters)."""

import streamlit as st

from aimap.text import t
from aimap.views import VIEWS

st.set_page_config(page_title=t("app.title"), page_icon="🗺️", layout="wide")

pages = [st.Page(view.page, title=t(view.title_key), icon=view.icon, url_path=view.key,
                 default=index == 0) for index, view in enumerate(VIEWS)]
st.navigation(pages).run()
