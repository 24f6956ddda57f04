"""Which stretch of time a figure may be compared with, and how much of each month the data
covers.

A comparison with a period the data does not reach would show a collapse or a jump that never
happened, and so would a month at either end that holds only a few days: both are decided here
once, for every page.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

# Share of the previous period the data must cover before a change against it is shown.
MIN_COMPARISON_COVERAGE = 0.95
# A month whose days the period and the data cover less than this is drawn as partial: a month
# missing a day or two still reads true, one with a week or more missing would not.
PARTIAL_MONTH_BELOW = 0.9


def is_partial(coverage: float) -> bool:
    """Whether a month covered to this share must be shown as partial."""
    return coverage < PARTIAL_MONTH_BELOW


def comparison_period(start: dt.date, end: dt.date, data_first: dt.date | None
                      ) -> tuple[dt.date, dt.date] | None:
    """The period of equal length just before ``start``..``end``, or None when the data (which
    starts on ``data_first``) covers less than :data:`MIN_COMPARISON_COVERAGE` of it.

    >>> comparison_period(dt.date(2025, 7, 1), dt.date(2025, 12, 31), dt.date(2025, 1, 1))
    (datetime.date(2024, 12, 29), datetime.date(2025, 6, 30))
    >>> comparison_period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 1, 1)) is None
    True
    """
    days = (end - start).days + 1
    pstart, pend = start - dt.timedelta(days=days), start - dt.timedelta(days=1)
    if data_first is None:
        return None
    covered = (pend - max(pstart, data_first)).days + 1
    return (pstart, pend) if covered / days >= MIN_COMPARISON_COVERAGE else None


def month_coverage(months, first: dt.date, last: dt.date) -> pd.Series:
    """For each month (any day in it), the share of its days that lie in ``first``..``last``.

    One value per month, in the order given: 1.0 for a month the data covers fully, 2/31 for a
    December whose data starts on the 30th.
    """
    out = []
    for m in pd.to_datetime(pd.Series(list(months))):
        m_first = m.to_period("M").start_time.date()
        m_last = m.to_period("M").end_time.date()
        inside = (min(m_last, last) - max(m_first, first)).days + 1
        out.append(max(inside, 0) / ((m_last - m_first).days + 1))
    return pd.Series(out, dtype=float)


def default_period(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The last six months when there is more than a year of data (so the previous period has
    data too), else everything."""
    if (last - first).days > 365:
        return last - dt.timedelta(days=182), last
    return first, last
