"""Figures per loyalty type: counts, revenue, NPS and churn of each type, and the type's mean
signals, from one type code per customer (its position in :data:`~segments.GROUPS`).

Counting codes with ``np.bincount`` keeps a threshold change on a million customers at a few
milliseconds; grouping a million type names in pandas cost a tenth of a second per figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from loyalty.analysis.segments import GROUPS, TYPES


def _totals(code: np.ndarray):
    """A function summing a per-customer array over each group of :data:`GROUPS` (a code of -1,
    outside the groups, is summed apart and left out)."""
    shifted = np.asarray(code, dtype=np.intp) + 1
    m = len(GROUPS) + 1

    def total(weights=None) -> np.ndarray:
        return np.bincount(shifted, weights=weights, minlength=m)[1:]
    return total


def _known_sums(total, values: np.ndarray, customers: np.ndarray):
    """Per group the count and the sum of the known (not NaN) values. A signal every customer
    has needs no count of its own: the group's customers are it (one pass over a million
    values fewer)."""
    known = ~np.isnan(values)
    if known.all():
        return customers, total(values)
    return total(known.astype(float)), total(np.where(known, values, 0.0))


def _means(total, values: np.ndarray, customers: np.ndarray) -> np.ndarray:
    """Per group the mean of the known (not NaN) values; NaN where the group has none."""
    count, sums = _known_sums(total, values, customers)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, sums / count, np.nan)


def summary_of_codes(code: np.ndarray, groups, revenue: np.ndarray,
                     orders_per_month: np.ndarray, churned: np.ndarray,
                     nps: np.ndarray) -> pd.DataFrame:
    """:func:`type_summary` from each customer's type ``code`` and figures (arrays of one value
    per customer, NaN where unknown; ``churned`` true in the churned lifecycle stage)."""
    total = _totals(code)
    n = len(code)
    customers = total()
    paid = np.clip(np.nan_to_num(np.asarray(revenue, dtype=float)), 0.0, None)
    answered = ~np.isnan(nps)
    with np.errstate(invalid="ignore", divide="ignore"):
        answers = total(answered.astype(float))
        per = pd.DataFrame({
            "customers": customers,
            "share": customers / n if n else np.nan,
            "revenue_share": total(paid) / (paid.sum() or 1.0),
            "revenue_per_customer": _means(total, np.asarray(revenue, dtype=float), customers),
            "orders_per_month": _means(total, np.asarray(orders_per_month, dtype=float),
                                       customers),
            "nps": np.where(answers > 0, 100.0 * (total((nps >= 9).astype(float))
                                                  - total((nps <= 6).astype(float))) / answers,
                            np.nan),
            "churned": np.where(customers > 0,
                                total(np.asarray(churned, dtype=float)) / customers, np.nan),
        }, index=pd.Index(list(GROUPS), name="loyalty_type"))
    out = per.reindex(pd.Index(list(groups), name="loyalty_type"))
    out["customers"] = out["customers"].fillna(0).astype(int)
    out["revenue_share"] = out["revenue_share"].fillna(0.0)
    return out


def type_summary(table: pd.DataFrame, groups: list[str] | tuple[str, ...] = GROUPS
                 ) -> pd.DataFrame:
    """One row per loyalty type or history group in ``groups`` (in that order).

    ``table`` has one row per customer with ``loyalty_type``, ``revenue`` (net),
    ``orders_per_month``, ``lifecycle`` and ``nps`` (latest score, NaN without an answer).

    - ``customers`` and ``share`` of all customers in ``table``;
    - ``revenue_share`` = the group's revenue / all revenue, negative net revenue counted as 0
      (so shares are between 0 and 1);
    - ``revenue_per_customer`` and ``orders_per_month``: means over the group (NaN when empty);
    - ``nps`` = 100 x (promoters - detractors) / answers, NaN without answers;
    - ``churned``: share of the group in the churned lifecycle stage.
    """
    code = pd.Index(list(GROUPS)).get_indexer(table["loyalty_type"].to_numpy(dtype=object))
    return summary_of_codes(code, groups, table["revenue"].to_numpy(dtype=float, na_value=np.nan),
                            table["orders_per_month"].to_numpy(dtype=float, na_value=np.nan),
                            (table["lifecycle"] == "churned").to_numpy(dtype=bool),
                            table["nps"].to_numpy(dtype=float, na_value=np.nan))


def profile_of_codes(code: np.ndarray, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Mean of each signal in ``columns`` (one value per customer, NaN unknown) over the
    customers of each loyalty type: one row per type with customers, in :data:`TYPES` order;
    the columns some typed customer has a value of, in the order given."""
    total = _totals(code)
    k = len(TYPES)
    customers = total()
    typed = customers[:k] > 0
    means = {}
    for name, values in columns.items():
        count, sums = _known_sums(total, np.asarray(values, dtype=float), customers)
        count, sums = count[:k], sums[:k]
        if not count.any():
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            means[name] = np.where(count > 0, sums / count, np.nan)
    profile = pd.DataFrame(means, index=pd.Index(list(TYPES), name="loyalty_type"))
    return profile[typed]
