"""Lifecycle stages and RFM scores per customer, from :func:`loyalty.analysis.features.customer_features`.

Stages at ``observation_end`` (first rule that applies wins):

- ``churned``: no purchase for more than the churn window (default 180 days);
- ``new``: first purchase within the last ``new_days`` (90);
- ``reactivated``: came back after a gap longer than the churn window, last purchase within
  ``new_days``;
- ``at_risk``: no purchase for longer than ``at_risk_factor`` (2) times the customer's usual gap
  between purchases, and at least ``at_risk_min_days`` (45);
- ``declining``: fewer orders in the last 90 days than half their usual 90-day rate;
- ``active``: everyone else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from loyalty.settings import default

STAGES = ("new", "active", "reactivated", "declining", "at_risk", "churned")


def lifecycle_stage(features: pd.DataFrame, churn_window_days: int | None = None,
                    new_days: int = 90, at_risk_factor: float = 2.0,
                    at_risk_min_days: int = 45) -> pd.Series:
    """One stage per customer (index as in ``features``)."""
    window = churn_window_days or default("churn_window_days")
    f = features
    usual_gap = f["gap_mean"].fillna(f["tenure_days"]).clip(lower=1)
    rate_90 = f["orders"] / np.maximum(f["tenure_days"], 90) * 90
    stage = pd.Series("active", index=f.index, dtype=object)
    declining = (f["tenure_days"] >= 180) & (f["orders_last_90"] < 0.5 * rate_90)
    at_risk = f["recency_days"] > np.maximum(at_risk_factor * usual_gap, at_risk_min_days)
    reactivated = (f["gap_max"].fillna(0) > window) & (f["recency_days"] <= new_days)
    new = f["tenure_days"] <= new_days
    churned = f["recency_days"] > window
    for mask, name in ((declining, "declining"), (at_risk, "at_risk"),
                       (reactivated, "reactivated"), (new, "new"), (churned, "churned")):
        stage[mask] = name
    return stage


def _quintile(values: pd.Series, ascending: bool = True) -> pd.Series:
    ranks = values.rank(method="first", ascending=ascending)
    return (np.ceil(ranks / len(values) * 5)).clip(1, 5).astype(int)


def rfm_scores(features: pd.DataFrame) -> pd.DataFrame:
    """R, F and M scores 1-5 by quintile: R from recency (recent = 5), F from orders, M from
    revenue. Ties are broken by order so each quintile holds a fifth of the customers."""
    f = features
    return pd.DataFrame({
        "R": _quintile(-f["recency_days"]),
        "F": _quintile(f["orders"]),
        "M": _quintile(f["revenue"].fillna(0)),
    }, index=f.index)


def flows(before: pd.Series, after: pd.Series) -> pd.DataFrame:
    """Customers by stage at the earlier date (rows) and the later date (columns); customers
    who had not bought yet at the earlier date are in row ``not_yet``."""
    b = before.reindex(after.index).fillna("not_yet")
    table = pd.crosstab(b, after)
    rows = [s for s in ("not_yet",) + STAGES if s in table.index]
    cols = [s for s in STAGES if s in table.columns]
    return table.loc[rows, cols]
