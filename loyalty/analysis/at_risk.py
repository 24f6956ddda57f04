"""The Churn page's at-risk list with the customers kept by the engine (Spark): the purchase
model is fitted on the distinct histories and an evenly spread sample, each customer's chance of
still being active is an Ibis expression, and only the list's first rows, the counts per type
and the histogram's distinct histories come back. Gives what :func:`clv.customer_value` and the
page's pandas filter give on one row per customer.
"""

from __future__ import annotations

import datetime as dt

import ibis
import numpy as np
import pandas as pd

from loyalty.analysis.clv import (BGNBD, GAMMA_GAMMA_SAMPLE, GammaGamma, fit_bgnbd_counts,
                                  fit_gamma_gamma, history_table)
from loyalty.analysis.filters import Filters


def fit(ds, observation_end: dt.date, filters: Filters | None, counts: pd.DataFrame
        ) -> tuple[BGNBD, GammaGamma] | None:
    """Both models as :func:`clv.customer_value` fits them (None when the data cannot fit
    them): BG/NBD on the engine-grouped histories ``counts`` (:func:`clv.history_counts`),
    Gamma-Gamma on the same evenly spread sample of customers (by id) with repeat purchases."""
    h = history_table(ds, observation_end, filters)
    keep = h.filter((h.frequency > 0) & (h.monetary > 0))
    n = int(keep.count().execute())
    if n > GAMMA_GAMMA_SAMPLE:
        picks = np.linspace(0, n - 1, GAMMA_GAMMA_SAMPLE).round().astype("int64")
        numbered = keep.mutate(rn=ibis.row_number().over(order_by="customer_id"))
        keep = numbered.join(ibis.memtable(pd.DataFrame({"rn": picks})), "rn")
    rows = keep.order_by("customer_id").select("frequency", "monetary").execute()
    try:
        model = fit_bgnbd_counts(counts["frequency"], counts["recency"], counts["T"],
                                 counts["customers"])
        spend = fit_gamma_gamma(rows["frequency"], rows["monetary"])
    except (ValueError, FloatingPointError):
        return None
    return model, spend


def p_alive(h: ibis.Table, model: BGNBD) -> ibis.Value:
    """:meth:`BGNBD.p_alive` as an expression over a :func:`clv.history_table`."""
    x = h.frequency
    ratio = ibis.ifelse(
        x > 0, model.a / ibis.greatest(model.b + x - 1, 1e-12)
        * ((model.r + x) * ((model.alpha + h.T).ln() - (model.alpha + h.recency).ln())).exp(),
        0.0)
    return 1.0 / (1.0 + ratio)


def p_alive_counts(counts: pd.DataFrame, model: BGNBD) -> pd.DataFrame:
    """``p_alive`` and ``customers`` per distinct history (``counts``, see
    :func:`clv.history_counts`): the histogram's input."""
    return pd.DataFrame({"p_alive": model.p_alive(counts["frequency"], counts["recency"],
                                                  counts["T"]),
                         "customers": counts["customers"].to_numpy()})


def _quantile(t: ibis.Table, column: str, q: float) -> float | None:
    """pandas' ``Series.quantile(q)`` (linear between the two nearest ranks) of the non-null
    ``column``, from the two rows at those ranks."""
    known = t.filter(t[column].notnull())
    n = int(known.count().execute())
    if n == 0:
        return None
    pos = q * (n - 1)
    lo = int(np.floor(pos))
    ranked = known.mutate(rn=ibis.row_number().over(order_by=[known[column]]))
    got = ranked.filter(ranked.rn.isin([lo, min(lo + 1, n - 1)])).order_by("rn")[column]
    values = got.execute().astype(float).tolist()
    return values[0] + (pos - lo) * (values[-1] - values[0])


def at_risk(h: ibis.Table, customers: ibis.Table, model: BGNBD, cut: float,
            top: float) -> ibis.Table:
    """Customers in ``h`` (:func:`clv.history_table`) with a chance of still being active below
    ``cut`` among the ``top`` share by revenue (``customers``: a
    :func:`customer_table.with_types` table), richest first:
    ``customer_id``, ``revenue``, ``p_alive``, the history and ``loyalty_type``."""
    j = h.left_join(customers.select("customer_id", "revenue", "loyalty_type"), "customer_id")
    j = j.drop("customer_id_right")
    j = j.mutate(p_alive=p_alive(j, model))
    floor = _quantile(j, "revenue", 1 - top)
    if floor is None:
        return j.filter(ibis.literal(False))
    risk = j.filter((j.p_alive < cut) & (j.revenue >= floor))
    return risk.order_by([ibis.desc("revenue"), "customer_id"])


def with_values(rows: pd.DataFrame, model: BGNBD, spend: GammaGamma, horizon_days: int = 365,
                next_days: int = 90) -> pd.DataFrame:
    """``rows`` (fetched from :func:`at_risk`) with ``expected_purchases_90d`` and ``clv_12m``
    as :func:`clv.customer_value` works them out."""
    x, tx, T = rows["frequency"], rows["recency"], rows["T"]
    return rows.assign(
        expected_purchases_90d=model.expected_purchases(next_days, x, tx, T),
        clv_12m=model.expected_purchases(horizon_days, x, tx, T)
        * spend.expected_spend(x, rows["monetary"]))
