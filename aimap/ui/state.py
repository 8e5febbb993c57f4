"""The URL and the widgets kept in step: options seeded from the link once, written back as
they change, so a reloaded or shared link restores what is shown."""

from __future__ import annotations

import streamlit as st

from aimap.load import Dataset
from aimap.options import Notice, Option
from aimap.text import t


def url_params() -> dict[str, list[str]]:
    """Every query parameter with all its values (a repeated key keeps each of them)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def keep_in_url(key: str, wanted: str | None) -> None:
    """Make the URL hold `key=wanted` once, or no `key` at all for None (a default)."""
    if wanted is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != [wanted]:
        st.query_params[key] = wanted


def drop_from_url(keys: list[str]) -> None:
    for key in keys:
        keep_in_url(key, None)


def seed_option(option: Option, data: Dataset, given: list[str]) -> list[Notice]:
    """Give the option's widget its value the first time it is drawn in this session: what the
    link `given` says, else the default. A kept value the data no longer allows (the data was
    updated) falls back to the default."""
    if option.name in st.session_state:
        if not _still_allowed(option, data, st.session_state[option.name]):
            st.session_state[option.name] = option.default_for(data)
        return []
    st.session_state[option.name], notices = option.read(given, data)
    return notices


def _still_allowed(option: Option, data: Dataset, value: object) -> bool:
    if option.kind == "choice":
        return value is None or value in option.allowed(data)
    if option.kind == "window":
        first, last = option.bounds(data)
        return first <= value[0] < value[1] <= last
    return True


def option_widget(option: Option, data: Dataset, where=st, disabled_help: str | None = None,
                  ) -> object:
    """Draw the option's declared widget in `where` (a column, the sidebar) and keep its
    value in the URL; returns the value shown. With `disabled_help` (a message key) the widget
    is greyed out and its help says why: the view does not use it for now."""
    label = t(option.label)
    help_text = t(disabled_help or option.help) if (disabled_help or option.help) else None
    disabled = disabled_help is not None
    if option.widget == "toggle":
        value = where.toggle(label, key=option.name, help=help_text, disabled=disabled)
    elif option.widget == "slider":
        first, last = option.bounds(data)
        value = tuple(where.slider(label, min_value=first, max_value=last, key=option.name,
                                   format="MMM YYYY", help=help_text, disabled=disabled))
    elif option.widget == "select":
        extra = {} if option.required else {
            "index": None, "placeholder": t(option.placeholder) if option.placeholder else None}
        value = where.selectbox(label, option.allowed(data), key=option.name, help=help_text,
                                format_func=lambda v: option.show(data, v), disabled=disabled,
                                **extra)
    else:
        value = where.segmented_control(label, option.allowed(data), key=option.name,
                                        format_func=lambda v: option.show(data, v),
                                        required=True, help=help_text, disabled=disabled)
    keep_in_url(option.name, option.write(value))
    return value


def new_clicks(key: str) -> list[dict]:
    """The points clicked on chart `key` since the last run, else []. A chart keeps its
    selection across reruns, and an old click must not undo a later choice; a cleared
    selection is forgotten, so clicking the same point again counts."""
    state = st.session_state.get(key) or {}
    points = list((state.get("selection") or {}).get("points") or [])
    seen = f"aimap.click.{key}"
    if not points:
        st.session_state.pop(seen, None)
        return []
    if st.session_state.get(seen) == points:
        return []
    st.session_state[seen] = points
    return points


def click_key(name: str, chosen: object) -> str:
    """The key to draw clickable chart `name` under. The browser keeps a chart's selection:
    once the choice a click made was changed elsewhere (a picker, `chosen` now), a new key
    draws the chart afresh, else clicking the same point again would first unselect it. The
    figure itself must not change with a click: to Streamlit a new figure is a new chart, and
    a click made before the browser had it would be lost."""
    made, generation = f"aimap.made.{name}", f"aimap.generation.{name}"
    if made in st.session_state and st.session_state[made] != chosen:
        del st.session_state[made]
        st.session_state[generation] = st.session_state.get(generation, 0) + 1
    count = st.session_state.get(generation, 0)
    return f"{name}.{count}" if count else name


def clicked(name: str, choice: object) -> None:
    """Remember the choice a click on chart `name` made (see `click_key`)."""
    st.session_state[f"aimap.made.{name}"] = choice
