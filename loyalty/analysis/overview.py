"""Overview figures for a period and the one before it, as Ibis expressions.

All figures respect the global filters. Returns are negative amounts: they lower revenue but are
not orders and do not make anyone a customer. Anonymous sales (no customer id) count in revenue
and orders, never in customer figures.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import (Filters, data_range, day_start, filtered_surveys,
                      filtered_transactions, flag, in_days, order_count)
from loyalty.analysis.nps import nps_counts, nps_from_counts
from loyalty.analysis.periods import (PREVIOUS, Comparison, comparison_dates, comparison_period,
                      month_coverage)
from loyalty.analysis.programme import member_group
from loyalty.settings import default


def _num(value, empty=0):
    """A plain number from an aggregate result; NULL and NaN (an empty sum) become ``empty``."""
    if value is None or pd.isna(value):
        return empty
    return value


def period_figures(ds: Dataset, f: Filters, start: dt.date, end: dt.date,
                   churn_window_days: int | None = None) -> dict:
    """The overview metrics for ``start``..``end`` (whole days), one value each.

    customers: identified customers with a purchase up to ``end``; active_customers: with a
    purchase in the period; repurchase_rate: customers with 2+ orders up to ``end`` / customers;
    churn_rate: customers with a purchase in the ``churn_window_days`` before ``start`` who have
    none in the window before the day after ``end`` / the former; upselling_ratio: active
    customers with 2+ categories in the period / those with exactly one.
    """
    window = dt.timedelta(days=churn_window_days or default("churn_window_days"))
    tx = filtered_transactions(ds, f)
    fields = ds.fields("transactions")
    has_orders = "order_id" in fields
    end1 = day_start(end + dt.timedelta(days=1))
    start0 = day_start(start)

    p = tx.filter(in_days(tx.date, start, end))
    purchases = p.amount > 0
    orders = order_count(ds, p, where=purchases)
    head = p.aggregate(net_revenue=p.amount.sum(), orders=orders).execute().iloc[0]

    known = tx.filter(tx.customer_id.notnull() & (tx.date < end1))
    buy = known.amount > 0
    in_period = buy & (known.date >= start0)
    # Whether a customer has one order or several only needs the smallest and largest order id
    # (and likewise for categories): far cheaper than counting distinct values per customer.
    metrics = dict(
        purchases=flag(buy).sum(),
        active=flag(in_period).max(),
        at_start=flag(buy & (known.date >= start0 - window) & (known.date < start0)).max(),
        at_end=flag(buy & (known.date >= end1 - window)).max(),
    )
    if has_orders:
        metrics["first_order"] = known.order_id.min(where=buy)
        metrics["last_order"] = known.order_id.max(where=buy)
        # Purchases without an order number (a file without them beside one with them) are
        # orders of their own.
        metrics["unnumbered"] = flag(buy & known.order_id.isnull()).sum()
    if "category" in fields:
        metrics["cat_min"] = known.category.min(where=in_period)
        metrics["cat_max"] = known.category.max(where=in_period)
    per = known.group_by("customer_id").aggregate(**metrics)
    several = (((per.first_order != per.last_order).fill_null(False) | (per.unnumbered >= 2)
                | ((per.unnumbered >= 1) & per.first_order.notnull()))
               if has_orders else (per.purchases >= 2))
    agg = dict(
        customers=flag(per.purchases >= 1).sum(),
        repeaters=flag((per.purchases >= 1) & several.fill_null(False)).sum(),
        active_customers=per.active.sum(),
        at_start=per.at_start.sum(),
        churned=flag((per.at_start == 1) & (per.at_end == 0)).sum(),
    )
    if "category" in fields:
        agg["multi_category"] = flag((per.cat_min != per.cat_max).fill_null(False)).sum()
        agg["single_category"] = flag((per.cat_min == per.cat_max).fill_null(False)).sum()
    c = per.aggregate(**agg).execute().iloc[0]

    revenue = float(_num(head["net_revenue"]))
    n_orders = int(_num(head["orders"]))
    customers = int(_num(c["customers"]))
    at_start = int(_num(c["at_start"]))
    out = {
        "customers": customers,
        "active_customers": int(_num(c["active_customers"])),
        "orders": n_orders,
        "net_revenue": revenue,
        "aov": revenue / n_orders if n_orders else None,
        "repurchase_rate": int(_num(c["repeaters"])) / customers if customers else None,
        "churn_rate": int(_num(c["churned"])) / at_start if at_start else None,
        "nps": None, "nps_respondents": 0,
        "member_revenue_share": None,
        "upselling_ratio": None,
    }
    if "category" in fields and int(_num(c["single_category"])):
        out["upselling_ratio"] = int(_num(c["multi_category"])) / int(_num(c["single_category"]))
    if ds.has("surveys"):
        s = filtered_surveys(ds, f)
        row = nps_counts(s.filter(in_days(s.date, start, end))).execute().iloc[0]
        n = int(_num(row["respondents"]))
        out["nps"] = nps_from_counts(int(_num(row["promoters"])), int(_num(row["detractors"])), n)
        out["nps_respondents"] = n
    if ds.has("members") and revenue:
        m = ds.table("members")
        share = p.filter(p.customer_id.isin(m.customer_id)).amount.sum().execute()
        out["member_revenue_share"] = float(_num(share)) / revenue
    return out


def overview(ds: Dataset, f: Filters, churn_window_days: int | None = None,
             comparison: Comparison = PREVIOUS) -> dict:
    """Figures for the filter period and for the period it is compared with (``comparison``:
    the previous period of equal length, the same period last year, or the manager's own).

    ``previous`` and ``previous_period`` are None when the data does not cover the comparison
    period (see :func:`loyalty.analysis.periods.comparison_period`): a change against a stretch without
    data would mean nothing. ``compared_dates`` are the comparison's dates all the same (None
    for a custom comparison without dates), so the page can name what is missing.
    ``data_first`` and ``data_last`` are the first and last day of the data.
    """
    start, end = f.period()
    first, last = data_range(ds)
    before = comparison_period(start, end, first, comparison, last)
    return {"current": period_figures(ds, f, start, end, churn_window_days),
            "previous": (period_figures(ds, f, *before, churn_window_days) if before else None),
            "period": (start, end), "previous_period": before, "comparison": comparison,
            "compared_dates": comparison_dates(start, end, comparison),
            "data_first": first, "data_last": last}


def monthly(ds: Dataset, f: Filters) -> pd.DataFrame:
    """One row per month of the period: net revenue (split by members, non-members, anonymous
    sales), active customers, and ``coverage``, the share of the month's days that both the
    period and the data cover (below 1 for a partial month at either end)."""
    start, end = f.period()
    tx = filtered_transactions(ds, f)
    p = tx.filter(in_days(tx.date, start, end))
    month = p.date.truncate("M").name("month")
    anonymous = p.customer_id.isnull()
    if ds.has("members"):
        member = p.customer_id.isin(ds.table("members").customer_id)
    else:
        member = ibis.literal(False)
    g = p.group_by(month).aggregate(
        revenue=p.amount.sum(),
        active=p.customer_id.nunique(where=p.amount > 0),
        revenue_members=p.amount.sum(where=member & ~anonymous),
        revenue_non_members=p.amount.sum(where=~member & ~anonymous),
        revenue_anonymous=p.amount.sum(where=anonymous),
    ).order_by("month")
    df = g.execute()
    first, last = data_range(ds)
    if len(df) and first is not None:
        # A month without any sale is a month of zero, not a gap the chart closes over.
        lo = pd.Timestamp(max(start, first)).to_period("M").to_timestamp()
        hi = pd.Timestamp(min(end, last)).to_period("M").to_timestamp()
        months = pd.date_range(min(lo, df["month"].min()), max(hi, df["month"].max()),
                               freq="MS")
        df["month"] = pd.to_datetime(df["month"])
        df = df.set_index("month").reindex(months).rename_axis("month").reset_index()
        df["active"] = df["active"].fillna(0).astype(int)
    df = df.fillna({c: 0.0 for c in df.columns if c.startswith("revenue")})
    if first is not None:
        df["coverage"] = month_coverage(df["month"], max(start, first), min(end, last)).values
    else:
        df["coverage"] = pd.Series(dtype=float)
    return df


def months_against(now: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame | None:
    """The comparison period's months (``before``, as :func:`monthly` returns them) set against
    the period's (``now``) in order: one row per month of ``now`` with ``revenue_before`` and
    ``month_before``.

    None unless both have as many months and each pair is covered alike (within 10 points):
    the same months a year earlier line up, but a period that starts mid-month against one that
    starts on the first would set a few days against a whole month.
    """
    if len(now) != len(before) or not len(now):
        return None
    gap = now["coverage"].reset_index(drop=True) - before["coverage"].reset_index(drop=True)
    if (gap.abs() > 0.1).any():
        return None
    return pd.DataFrame({"month": now["month"].to_numpy(),
                         "month_before": pd.to_datetime(before["month"]).to_numpy(),
                         "revenue_before": before["revenue"].to_numpy()})


def members_comparison(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Members versus identified non-members in the period: customers, spend per customer,
    orders per customer and average order value (one row per group)."""
    start, end = f.period()
    tx = filtered_transactions(ds, f)
    p = tx.filter(in_days(tx.date, start, end) & tx.customer_id.notnull())
    p = p.mutate(group=member_group(ds, p))
    orders = order_count(ds, p, where=p.amount > 0)
    per = p.group_by(["group", "customer_id"]).aggregate(spend=p.amount.sum(), orders=orders)
    g = per.group_by("group").aggregate(
        customers=per.count(), spend=per.spend.sum(), orders=per.orders.sum()).execute()
    g["spend_per_customer"] = g["spend"] / g["customers"]
    g["orders_per_customer"] = g["orders"] / g["customers"]
    g["aov"] = g["spend"] / g["orders"].where(g["orders"] > 0)
    return g.sort_values("group").reset_index(drop=True)


def customer_ids(ds: Dataset) -> dict:
    """How the customer ids in the transactions become the customers the figures count.

    ``ids``: distinct non-empty customer ids; ``customers``: those with at least one purchase
    (a positive amount), which is what every customer figure counts; ``without_purchase``: ids
    left out because they only have zero-value sales or returns; ``anonymous_rows``:
    transactions without a customer id (in revenue, never in customer figures).
    """
    tx = ds.table("transactions")
    known = tx.filter(tx.customer_id.notnull())
    per = known.group_by("customer_id").aggregate(buys=flag(known.amount > 0).max())
    row = per.aggregate(ids=per.count(), customers=per.buys.sum()).execute().iloc[0]
    anonymous = tx.filter(tx.customer_id.isnull()).count().execute()
    ids, customers = int(_num(row["ids"])), int(_num(row["customers"]))
    return {"ids": ids, "customers": customers, "without_purchase": ids - customers,
            "anonymous_rows": int(anonymous)}

