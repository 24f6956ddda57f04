"""Plain-words statements about figures, shared by the pages and the board pack."""

from __future__ import annotations

import datetime as dt

from loyalty.presentation.i18n import fmt_date, fmt_number, t


def nps_change_text(change: dict, pstart: dt.date, pend: dt.date, lang: str) -> str:
    """Whether NPS changed against ``pstart``..``pend`` beyond chance, from
    :func:`loyalty.analysis.nps.period_change`."""
    key = "nps.compare_significant" if change["significant"] else "nps.compare_noise"
    return t(key, lang, before=fmt_number(change["before"], lang, 1),
             now=fmt_number(change["now"], lang, 1), low=fmt_number(change["low"], lang, 1),
             high=fmt_number(change["high"], lang, 1), pstart=fmt_date(pstart, lang),
             pend=fmt_date(pend, lang))
