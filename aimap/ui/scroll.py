"""Bring a part of the page into view after a click: Streamlit has no call for it, so a
tiny iframe runs a fixed script in the page (no text from the data in it)."""

from __future__ import annotations

import json

import streamlit as st

_SCRIPT = """<script>
const target = %s, request = %s;
let tries = 0;
function reveal() {
  const found = window.parent.document.querySelector(".st-key-" + target);
  if (found) { found.scrollIntoView({block: "start"}); }
  else if (tries++ < 50) { setTimeout(reveal, 100); }
}
reveal();
</script>"""


def into_view(key: str, request: str) -> None:
    """Scroll the page to the container made with `st.container(key=key)`, once it is drawn.
    Streamlit keeps an unchanged iframe, so each `request` (what was clicked) runs anew."""
    st.iframe(_SCRIPT % (json.dumps(key), json.dumps(request)), height=1)
