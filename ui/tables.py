"""Tables that keep numbers numeric: values stay numbers (so sorting works) and the column
configuration formats them as money, percentages, counts or decimals.

Streamlit formats these in the number format of the reader's browser (a German browser shows
1.437,00 €, 27,48 %); decimals are rounded to one place here and shown the same way."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from loyalty.i18n import currency

# Streamlit's own currency formats follow the reader's browser locale; other currencies get
# their ISO code after the amount.
_PRESETS = {"EUR": "euro", "USD": "dollar", "JPY": "yen"}


def column(kind: str, label: str | None = None, help: str | None = None):
    """The column configuration for one kind of value: money, percent (a share 0-1), count,
    decimal (one place), score (one place), date, month or text."""
    if kind == "money":
        fmt = _PRESETS.get(currency(), f"%.2f {currency()}")
        return st.column_config.NumberColumn(label, help=help, format=fmt)
    if kind == "percent":
        return st.column_config.NumberColumn(label, help=help, format="percent")
    if kind == "count":
        return st.column_config.NumberColumn(label, help=help, format="localized")
    if kind in ("decimal", "score"):
        return st.column_config.NumberColumn(label, help=help, format="localized")
    if kind == "date":
        return st.column_config.DateColumn(label, help=help, format="localized")
    if kind == "month":
        # Month names would be English in any browser; 2026-05 reads the same in both languages.
        return st.column_config.DateColumn(label, help=help, format="YYYY-MM")
    return st.column_config.TextColumn(label, help=help)


def show(frame: pd.DataFrame, kinds: dict[str, str], key: str, **kwargs) -> None:
    """``st.dataframe`` of ``frame`` with each column in ``kinds`` formatted by its kind."""
    decimals = [c for c, k in kinds.items() if k in ("decimal", "score") and c in frame]
    if decimals:
        frame = frame.copy()
        frame[decimals] = frame[decimals].astype(float).round(1)
    st.dataframe(frame, hide_index=True, key=key,
                 column_config={c: column(k) for c, k in kinds.items() if c in frame},
                 **kwargs)
