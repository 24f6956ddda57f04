"""Choice widgets whose option labels follow the language, keeping the manager's choice.

Streamlit keeps showing a selectbox's old label when only its ``format_func`` output changes
(streamlit/streamlit#13788): after switching to German a staged file still said
"Transactions". And a selectbox or radio gets its choice back from the browser as the option's
label: an English label read against German ones came back as the label itself, so a radio
showed nothing chosen and the page worked with a value it does not know. So the widget's key
carries the language, and the choice itself lives under the plain key, from which a widget drawn
in the other language starts.
"""

from __future__ import annotations

import streamlit as st

from ui.state import lang


def _widget_key(key: str) -> str:
    return f"{key}@{lang()}"


def value(key: str, default=None):
    """The current choice of the widget ``key``, also before it is drawn in this run."""
    wkey = _widget_key(key)
    if wkey in st.session_state:
        return st.session_state[wkey]
    return st.session_state.get(key, default)


def _fits(choice, options: list) -> bool:
    if isinstance(choice, (list, tuple)):
        return all(c in options for c in choice)
    return choice in options


def localized(widget, label: str, options, *, key: str, **kwargs):
    """Draw ``widget`` (``st.selectbox``, ``container.selectbox`` ...) under a language-specific
    key; the choice carries over a language switch. ``index`` / ``default`` apply only to the
    first drawing; ``value`` (a select slider's start) is replaced by a choice carried over."""
    options = list(options)
    wkey = _widget_key(key)
    carried = wkey not in st.session_state and key in st.session_state \
        and _fits(st.session_state[key], options)
    if carried and "value" in kwargs:
        # A select slider learns from its start value whether it picks a range, so it always
        # gets one: the carried choice comes in as that start.
        kwargs["value"] = st.session_state[key]
    elif carried:
        st.session_state[wkey] = st.session_state[key]
    if wkey in st.session_state and not _fits(st.session_state[wkey], options):
        del st.session_state[wkey]
    if wkey in st.session_state:
        # Streamlit warns when a widget gets a default and a value from the session at once.
        kwargs.pop("index", None)
        kwargs.pop("default", None)
    if "format_func" in kwargs:
        # Worded now, in this run's language, not whenever Streamlit calls it again.
        words = [kwargs["format_func"](o) for o in options]
        kwargs["format_func"] = lambda o: next((w for x, w in zip(options, words) if x == o),
                                               str(o))
    choice = widget(label, options, key=wkey, **kwargs)
    st.session_state[key] = choice
    return choice
