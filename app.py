"""Entry point: page config and navigation over the views (each page draws the shared filters)."""

import streamlit as st

from aimap.text import t
from aimap.views import VIEWS

st.set_page_config(page_title=t("app.title"), layout="wide")

pages = [st.Page(view.page, title=t(view.title_key), url_path=view.url_path or None,
                 default=not view.url_path) for view in VIEWS]
st.navigation(pages).run()
