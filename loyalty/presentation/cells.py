"""How a table cell of each kind of value reads: money, percent (a share 0-1), count, decimal
and score (one place), date, month. The pages' tables and the board pack format alike."""

from __future__ import annotations

import pandas as pd

from loyalty.presentation.i18n import fmt_date, fmt_money, fmt_number, fmt_percent, t
from loyalty.presentation.model import Table


def formatter(kind: str, lang: str):
    """A function turning one value of ``kind`` into text in ``lang``; None for plain text."""
    if kind == "money":
        return lambda v: fmt_money(v, lang)
    if kind == "percent":
        return lambda v: fmt_percent(v, lang)
    if kind == "count":
        return lambda v: fmt_number(v, lang)
    if kind in ("decimal", "score"):
        return lambda v: fmt_number(v, lang, 1)
    if kind == "date":
        return lambda v: fmt_date(v, lang)
    if kind == "month":
        # Month names differ by language; 2026-05 reads the same in both.
        return lambda v: "" if pd.isna(v) else f"{pd.Timestamp(v):%Y-%m}"
    return None


def frame_table(frame: pd.DataFrame, kinds: dict[str, str], lang: str) -> Table:
    """``frame`` (first column: row labels) as a pack table, each column in ``kinds`` formatted
    by its kind, missing values as n/a."""
    missing = t("metric.not_available", lang)
    columns = []
    for name in frame.columns:
        fmt = formatter(kinds.get(name, "text"), lang) or str
        columns.append([missing if _missing(v) else fmt(v) for v in frame[name]])
    return Table([str(c) for c in frame.columns], [list(r) for r in zip(*columns)])


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
