"""Which stretch of time a figure is compared with, whether the data covers it, and how much of
each month the data covers.

The manager chooses the comparison (:class:`Comparison`): the previous period of equal length,
the same dates a year earlier, or a period of their own. A comparison with a period the data does
not reach would show a collapse or a jump that never happened, and so would a month at either end
that holds only a few days: both are decided here once, for every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

# What a period can be compared with: the period of equal length just before it, the same dates
# one year earlier, or dates the manager picks.
COMPARISONS = ("previous", "year", "custom")

# Share of the previous period the data must cover before a change against it is shown.
MIN_COMPARISON_COVERAGE = 0.95
# A month whose days the period and the data cover less than this is drawn as partial: a month
# missing a day or two still reads true, one with a week or more missing would not.
PARTIAL_MONTH_BELOW = 0.9


def is_partial(coverage: float) -> bool:
    """Whether a month covered to this share must be shown as partial."""
    return coverage < PARTIAL_MONTH_BELOW


@dataclass(frozen=True)
class Comparison:
    """What the period's figures are compared with: ``kind`` is one of :data:`COMPARISONS`;
    ``start`` and ``end`` are the manager's own period (``custom`` only)."""

    kind: str = "previous"
    start: dt.date | None = None
    end: dt.date | None = None


PREVIOUS = Comparison()


def year_before(day: dt.date) -> dt.date:
    """The same date one year earlier; 29 February becomes 28 February."""
    return (pd.Timestamp(day) - pd.DateOffset(years=1)).date()


def comparison_dates(start: dt.date, end: dt.date, comparison: Comparison = PREVIOUS
                     ) -> tuple[dt.date, dt.date] | None:
    """The period ``start``..``end`` is compared with, whatever the data holds: the period of
    equal length ending the day before ``start`` (``previous``), the same dates one year earlier
    (``year``), or the manager's own dates (``custom``; None while they are not set).

    >>> comparison_dates(dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    (datetime.date(2024, 12, 29), datetime.date(2025, 6, 30))
    >>> comparison_dates(dt.date(2025, 7, 1), dt.date(2025, 12, 31), Comparison("year"))
    (datetime.date(2024, 7, 1), datetime.date(2024, 12, 31))
    """
    if comparison.kind == "year":
        return year_before(start), year_before(end)
    if comparison.kind == "custom":
        c_start, c_end = comparison.start, comparison.end
        if c_start is None or c_end is None or c_end < c_start:
            return None
        return c_start, c_end
    days = (end - start).days + 1
    return start - dt.timedelta(days=days), start - dt.timedelta(days=1)


def comparison_period(start: dt.date, end: dt.date, data_first: dt.date | None,
                      comparison: Comparison = PREVIOUS, data_last: dt.date | None = None
                      ) -> tuple[dt.date, dt.date] | None:
    """The :func:`comparison_dates` of ``start``..``end``, or None when the data (from
    ``data_first`` to ``data_last``, open-ended when that is None) covers less than
    :data:`MIN_COMPARISON_COVERAGE` of them.

    >>> comparison_period(dt.date(2025, 7, 1), dt.date(2025, 12, 31), dt.date(2025, 1, 1))
    (datetime.date(2024, 12, 29), datetime.date(2025, 6, 30))
    >>> comparison_period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 1, 1)) is None
    True
    """
    dates = comparison_dates(start, end, comparison)
    if dates is None or data_first is None:
        return None
    pstart, pend = dates
    covered = (min(pend, data_last or pend) - max(pstart, data_first)).days + 1
    return dates if covered / ((pend - pstart).days + 1) >= MIN_COMPARISON_COVERAGE else None


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
