"""Tables that keep numbers numeric: values stay numbers (so sorting works) and each cell is
shown as money, a percentage, a count or a decimal in the sidebar's language.

The display text comes from a pandas Styler (Streamlit shows it and still sorts by the value),
not from ``column_config`` formats: those follow the reader's browser locale, so a German page
in an English browser would show 1,437.00."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loyalty.presentation.i18n import t
from loyalty.presentation.cells import formatter as _formatter
from ui.state import lang as language

_NUMERIC = ("money", "percent", "count", "decimal", "score")


def column(kind: str, label: str | None = None, help: str | None = None):
    """The column configuration for one kind of value: money, percent (a share 0-1), count,
    decimal (one place), score (one place), date, month or text. It sets the label and help
    only; :func:`show` supplies the display text."""
    if kind in _NUMERIC:
        return st.column_config.NumberColumn(label, help=help)
    if kind in ("date", "month"):
        return st.column_config.DateColumn(label, help=help)
    return st.column_config.TextColumn(label, help=help)


def styled(frame: pd.DataFrame, kinds: dict[str, str], lang: str):
    """``frame`` as a Styler whose cells read in ``lang``; the values underneath are unchanged."""
    formats = {c: f for c, k in kinds.items() if c in frame and (f := _formatter(k, lang))}
    # Missing values read "n/a" in every column (a Styler would write "None" or "nan").
    return frame.style.format(formats, na_rep=t("metric.not_available", lang))


def show(frame: pd.DataFrame, kinds: dict[str, str], key: str,
         helps: dict[str, str] | None = None, **kwargs) -> None:
    """``st.dataframe`` of ``frame`` with each column in ``kinds`` formatted by its kind;
    ``helps`` explain columns whose short header leaves something out."""
    helps = helps or {}
    lang = language()
    # The grid draws a missing value itself ("None", in English) whatever the Styler says.
    kwargs.setdefault("placeholder", t("metric.not_available", lang))
    st.dataframe(styled(frame, kinds, lang), hide_index=True, key=key,
                 column_config={c: column(k, help=helps.get(c)) for c, k in kinds.items()
                                if c in frame},
                 **kwargs)
