"""The per-customer table as the engine keeps it, and the breakdowns the Loyalty types page
counts from it, so that on an engine such as Spark only result-sized frames come back.

Each function gives what its pandas counterpart gives on :func:`features.customer_features`:
:func:`customer_table` the signals (:func:`segments.signals`), the lifecycle stage
(:func:`lifecycle.lifecycle_stage`) and the RFM scores (:func:`lifecycle.rfm_scores`);
:func:`type_breakdown` the rows of :func:`type_figures.type_summary`. The parity tests hold both
sides to the same numbers.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pandas as pd

from loyalty.analysis.features import feature_table
from loyalty.analysis.filters import Filters
from loyalty.analysis.lifecycle import STAGES
from loyalty.analysis.segments import MIN_ORDERS, MIN_TENURE_DAYS, TypeRule
from loyalty.analysis.type_counts import _present, _signal_values, type_expression
from loyalty.settings import default


def _stage(t: ibis.Table, window: int, new_days: int = 90, at_risk_factor: float = 2.0,
           at_risk_min_days: int = 45) -> ibis.Value:
    """:func:`lifecycle.lifecycle_stage` as one expression (the first case that holds wins, as
    the last mask written wins there)."""
    tenure, recency, orders = t.tenure_days, t.recency_days, t.orders
    usual_gap = ibis.greatest(t.gap_mean.fill_null(tenure), 1.0)
    rate_90 = orders / ibis.greatest(tenure, 90.0) * 90
    return ibis.cases(
        (recency > window, "churned"),
        (tenure <= new_days, "new"),
        ((t.gap_max.fill_null(0) > window) & (recency <= new_days), "reactivated"),
        (recency > ibis.greatest(at_risk_factor * usual_gap, float(at_risk_min_days)),
         "at_risk"),
        ((tenure >= 180) & (t.orders_last_90 < 0.5 * rate_90), "declining"),
        else_="active")


def _quintile(t: ibis.Table, value: ibis.Value) -> ibis.Value:
    """Scores 1-5 by rank of ``value`` (ties broken by customer id, as pandas' ``rank(method=
    "first")`` breaks them by the id-sorted row order): ceil(rank / n x 5)."""
    rank = (ibis.row_number().over(order_by=[value, t.customer_id]) + 1).cast("float64")
    n = t.count().cast("float64")
    return ibis.least(ibis.greatest((rank / n * 5).ceil(), 1), 5).cast("int64")


# The signals a type profile compares, in the order it shows them.
PROFILE_SIGNALS = ("discount_share", "logins_per_month", "channel_share", "store_share",
                   "perks_per_month", "referrals", "reviews_per_year", "nps", "orders_per_month",
                   "aov")


def profile_columns(known) -> list[str]:
    """The profile signals the data has (``known``); the store share only stands in for a
    missing channel share, as in the convenience rule."""
    cols = [c for c in PROFILE_SIGNALS if c in known]
    return [c for c in cols if not (c == "store_share" and "channel_share" in cols)]


# Attributes a page groups customers by, kept when the data has them.
ATTRIBUTES = ("tier", "top_channel", "top_store")


def customer_table(ds, observation_end: dt.date | None = None, filters: Filters | None = None,
                   churn_window_days: int | None = None) -> ibis.Table:
    """One row per customer (kept by the engine per data version, filters and window): the
    signals, ``revenue`` (net), ``recency_days``, ``lifecycle``, ``R``, ``F``, ``M`` and the
    :data:`ATTRIBUTES` the data has."""
    window = churn_window_days or default("churn_window_days")

    def build() -> ibis.Table:
        t, end = feature_table(ds, observation_end, filters)
        values = _signal_values(t, end, ds.fields("transactions"))
        recency = (ibis.literal(end) - t.last_purchase.date()).cast("int64").cast("float64")
        base = t.select("customer_id", **values, revenue=t.revenue.cast("float64"),
                        recency_days=recency, gap_mean=t.gap_mean.cast("float64"),
                        gap_max=t.gap_max.cast("float64"),
                        orders_last_90=t.orders_last_90.cast("float64"),
                        **{c: t[c] for c in ATTRIBUTES if c in t.columns})
        return base.mutate(lifecycle=_stage(base, window),
                           R=_quintile(base, -base.recency_days),
                           F=_quintile(base, base.orders),
                           M=_quintile(base, base.revenue.fill_null(0)))
    key = (observation_end, filters or Filters(), window)
    return ds.materialize("customer_table", key, build)


def with_types(t: ibis.Table, rules: dict[str, TypeRule] | None = None,
               min_orders: int = MIN_ORDERS, min_tenure_days: int = MIN_TENURE_DAYS, *,
               present=None) -> ibis.Table:
    """``t`` with each customer's ``loyalty_type`` (:func:`segments.segment`'s choice)."""
    return t.mutate(loyalty_type=type_expression(t, rules, min_orders, min_tenure_days,
                                                 present or _present(t)))


def type_breakdown(t: ibis.Table, groups) -> pd.DataFrame:
    """:func:`type_figures.type_summary` of a :func:`with_types` table, counted by the engine (one
    row per type comes back)."""
    nps = t.nps
    g = t.group_by("loyalty_type").aggregate(
        customers=t.count(), paid=ibis.greatest(t.revenue, 0.0).sum(),
        revenue_per_customer=t.revenue.mean(), orders_per_month=t.orders_per_month.mean(),
        churned=(t.lifecycle == "churned").cast("float64").mean(),
        promoters=(nps >= 9).cast("int64").sum(), detractors=(nps <= 6).cast("int64").sum(),
        answered=nps.count()).execute().set_index("loyalty_type")
    per = g.reindex(list(groups))
    customers = per["customers"].fillna(0).astype(int)
    total = int(g["customers"].sum())
    paid = float(g["paid"].sum())
    answered = per["answered"].fillna(0)
    return pd.DataFrame({
        "customers": customers,
        "share": customers / total if total else float("nan"),
        "revenue_share": per["paid"].fillna(0) / (paid or 1.0),
        "revenue_per_customer": per["revenue_per_customer"].astype(float),
        "orders_per_month": per["orders_per_month"].astype(float),
        "nps": 100.0 * (per["promoters"] - per["detractors"]) / answered.where(answered > 0),
        "churned": per["churned"].astype(float),
    }, index=pd.Index(list(groups), name="loyalty_type"))


def type_profile(t: ibis.Table, columns: list[str], types) -> pd.DataFrame:
    """Mean of each signal in ``columns`` per loyalty type in ``types`` (those with customers),
    over a :func:`with_types` table."""
    typed = t.filter(t.loyalty_type.isin(list(types)))
    g = typed.group_by("loyalty_type").aggregate(
        **{c: typed[c].mean() for c in columns}).execute().set_index("loyalty_type")
    return g.reindex([ty for ty in types if ty in g.index])[columns].astype(float)


def known_columns(t: ibis.Table, columns: list[str]) -> list[str]:
    """The ``columns`` some customer has a value in."""
    row = t.aggregate(**{c: t[c].notnull().any() for c in columns}).execute().iloc[0]
    return [c for c in columns if bool(row[c])]


def stage_counts(t: ibis.Table) -> pd.Series:
    """Customers per lifecycle stage, in :data:`STAGES` order."""
    g = t.group_by("lifecycle").aggregate(n=t.count()).execute().set_index("lifecycle")["n"]
    return g.reindex(list(STAGES), fill_value=0).astype(int)


def stage_flows(before: ibis.Table, after: ibis.Table) -> pd.DataFrame:
    """:func:`lifecycle.flows` of two :func:`customer_table` s, counted by the engine."""
    b = before.select("customer_id", was=before.lifecycle)
    j = after.left_join(b, "customer_id")
    g = j.group_by(was=j.was.fill_null("not_yet"), now=j.lifecycle).aggregate(
        n=j.count()).execute()
    table = g.pivot(index="was", columns="now", values="n").fillna(0).astype(int)
    rows = [s for s in ("not_yet",) + STAGES if s in table.index]
    cols = [s for s in STAGES if s in table.columns]
    table = table.loc[rows, cols]
    table.index.name, table.columns.name = None, None
    return table


def rfm_counts(t: ibis.Table) -> pd.DataFrame:
    """Customers per (R, F) score pair: the grid of :func:`charts.rfm_grid`, as one row per
    customer-free cell (``R``, ``F``, ``customers``)."""
    return t.group_by(["R", "F"]).aggregate(customers=t.count()).execute()


def one_customer(t: ibis.Table, customer_id: str) -> pd.DataFrame:
    """The row of one customer (empty when there is no such customer), indexed by id."""
    row = t.filter(t.customer_id == customer_id).execute()
    return row.set_index("customer_id")


def ids_like(t: ibis.Table, text: str, limit: int = 10) -> list[str]:
    """Up to ``limit`` customer ids containing ``text`` (any case), sorted."""
    hit = t.filter(t.customer_id.lower().contains(text.lower())).select("customer_id")
    return [str(v) for v in hit.order_by("customer_id").limit(limit).execute()["customer_id"]]


def first_id(t: ibis.Table) -> str | None:
    got = t.select("customer_id").order_by("customer_id").limit(1).execute()["customer_id"]
    return str(got.iloc[0]) if len(got) else None


def chosen(t: ibis.Table, kind: str, value) -> ibis.Table:
    """The customers of one loyalty type, lifecycle stage or (R, F) cell."""
    if kind == "type":
        return t.filter(t.loyalty_type == value)
    if kind == "lifecycle":
        return t.filter(t.lifecycle == value)
    r, f = value
    return t.filter((t.R == r) & (t.F == f))


def churn_by_in_engine(t: ibis.Table, column: str) -> pd.DataFrame:
    """:func:`churn.churn_by` over a :func:`customer_table` (its window decides ``churned``):
    customers and churn rate per value of ``column``, one row per value back."""
    kept = t.filter(t[column].notnull())
    g = kept.group_by(group=kept[column]).aggregate(
        customers=kept.count(),
        churn_rate=(kept.lifecycle == "churned").cast("float64").mean())
    return g.order_by("group").execute()


def churn_by_nps_category(surveys: ibis.Table, t: ibis.Table) -> pd.DataFrame:
    """Churn rate per NPS category (each customer's latest answer) over a :func:`customer_table`;
    answering customers without a purchase count as customers with an unknown churn."""
    from loyalty.analysis.nps import latest_categories
    last = latest_categories(surveys).rename(group="category")
    j = last.left_join(t.select("customer_id", "lifecycle"), "customer_id")
    g = j.group_by("group").aggregate(
        customers=j.count(),
        churn_rate=ibis.ifelse(j.lifecycle.isnull(), ibis.null("float64"),
                               (j.lifecycle == "churned").cast("float64")).mean())
    return g.order_by("group").execute()
