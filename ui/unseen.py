"""A stand-in for ``st`` that draws nothing: a What-if lever computed while its tab is closed.

A lever's tab is written once, against a ``ui`` that is either ``streamlit`` itself or
:data:`UNSEEN`. Drawn, every control is a widget; unseen, a control answers with the value the
manager left in it (kept in the session by ``persist_state``) or, never touched, with the
widget's own start value, and every other call does nothing. So the Scenarios tab saves what
each lever would show without drawing three tabs on every run.
"""

from __future__ import annotations

import math

import streamlit as st


def _number(key: str | None, low, high, start):
    """What a number input or slider keyed ``key`` holds: the kept value when it is a number
    the widget would accept (a link can carry anything), else its start value."""
    kept = st.session_state.get(key, start) if key else start
    if isinstance(kept, bool) or not isinstance(kept, (int, float)) or not math.isfinite(kept):
        return start
    if (low is not None and kept < low) or (high is not None and kept > high):
        return start
    return kept


class _Unseen:
    """Answers controls from the session; swallows everything else."""

    def number_input(self, label, min_value=None, max_value=None, value=None, *args, key=None,
                     **kwargs):
        return _number(key, min_value, max_value, value)

    def slider(self, label, min_value=None, max_value=None, value=None, *args, key=None,
               **kwargs):
        return _number(key, min_value, max_value, value)

    def select_slider(self, label, options=(), value=None, *args, key=None, **kwargs):
        kept = st.session_state.get(key, value) if key else value
        return kept if kept in list(options) else value

    def radio(self, label, options=(), index=0, *args, key=None, **kwargs):
        options = list(options)
        start = options[index] if options and index is not None else None
        kept = st.session_state.get(key, start) if key else start
        return kept if kept in options else start

    def multiselect(self, label, options=(), default=None, *args, key=None, **kwargs):
        options = list(options)
        kept = st.session_state.get(key, default) if key else default
        if not isinstance(kept, (list, tuple)) or not all(k in options for k in kept):
            kept = default
        return list(kept or [])

    def columns(self, spec, *args, **kwargs):
        return [self] * (spec if isinstance(spec, int) else len(spec))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __getattr__(self, name):
        # Markdown, captions, metrics, charts, expanders, messages: nothing to draw.
        return lambda *args, **kwargs: self


UNSEEN = _Unseen()


def drawn(ui) -> bool:
    """Whether ``ui`` draws (``streamlit``), rather than being :data:`UNSEEN`."""
    return ui is not UNSEEN
