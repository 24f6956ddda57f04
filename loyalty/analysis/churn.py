"""Churn and retention, inferred from purchases: retail has no cancellation.

A customer is *active* from a purchase until ``window`` days pass without another one; on that
day they *churn*; a later purchase *reactivates* them. Purchases are days with a positive net
amount for an identified customer (returns and anonymous sales never make anyone active).
"""

from __future__ import annotations

import datetime as dt
import math

import ibis
import numpy as np
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import (Filters, data_range, day_start, filtered_transactions,
                                      months_up_to)


def daily_purchases(ds: Dataset, f: Filters | None = None, until: dt.date | None = None
                    ) -> ibis.Table:
    """One row per customer and purchase day: a day with a positive net amount (``value``), up
    to and including ``until``. Shared by the churn and customer-value models."""
    tx = filtered_transactions(ds, f or Filters())
    tx = tx.filter(tx.customer_id.notnull())
    if until is not None:
        tx = tx.filter(tx.date < day_start(until + dt.timedelta(days=1)))
    daily = tx.group_by(["customer_id", tx.date.date().name("day")]).aggregate(
        value=tx.amount.sum())
    return daily.filter(daily.value > 0)


def purchase_days(ds: Dataset, f: Filters | None = None, until: dt.date | None = None
                  ) -> ibis.Table:
    """:func:`daily_purchases` with the previous and next purchase day (NULL at the ends).

    Computed once per version of the data, filters and ``until`` (see
    :meth:`Dataset.materialize`): the window suggestion, the monthly movements, the cohorts and
    the customer-value model all read it."""
    def build() -> ibis.Table:
        daily = daily_purchases(ds, f, until)
        w = ibis.window(group_by="customer_id", order_by="day")
        return daily.mutate(next_day=daily.day.lead().over(w), prev_day=daily.day.lag().over(w))
    # Up to the data's last day is all of it: one table for both.
    last = ds.fact("last_day", lambda d: data_range(d)[1])
    key = None if until is None or (last is not None and until >= last) else until
    return ds.materialize("purchase_days", (f or Filters(), key), build)


def suggested_window(ds: Dataset, f: Filters | None = None, quantile: float = 0.9) -> dict:
    """The inactivity window the data suggests: the ``quantile`` of the gaps between consecutive
    purchases, rounded up to whole weeks and kept between 30 and 365 days.

    Returns ``days``, ``gap_median`` and ``gaps`` (how many gaps it is based on).
    """
    d = purchase_days(ds, f)
    gaps = d.filter(d.prev_day.notnull()).mutate(gap=(d.day - d.prev_day).cast("int64"))
    row = gaps.aggregate(q=gaps.gap.quantile(quantile), median=gaps.gap.quantile(0.5),
                         n=gaps.count()).execute().iloc[0]
    n = int(row["n"] or 0)
    if not n:
        return {"days": 180, "gap_median": None, "gaps": 0, "quantile": quantile}
    days = int(min(365, max(30, math.ceil(float(row["q"]) / 7) * 7)))
    return {"days": days, "gap_median": float(row["median"]), "gaps": n, "quantile": quantile}


def monthly_movements(ds: Dataset, window: int, f: Filters | None = None,
                      end: dt.date | None = None) -> pd.DataFrame:
    """Per calendar month: new, reactivated and churned customers, the active base at the month's
    end and the churn rate: churned / customers active at some point in the month (active at the
    end of the month before, plus new and reactivated).

    The active base follows from the movements: active(m) = active(m-1) + new + reactivated -
    churned. A churn is dated ``window`` days after the purchase that was not followed within
    the window; churns after ``end`` (the data's last day by default) have not happened yet.
    """
    d = purchase_days(ds, f, end)
    if end is None:
        end = d.day.max().execute()
        end = end.date() if hasattr(end, "date") and not isinstance(end, dt.date) else end
    window_days = ibis.interval(days=window)
    month = lambda col: col.truncate("M")  # noqa: E731 - a one-line helper for three uses

    first = d.group_by("customer_id").aggregate(day=d.day.min())
    new = first.group_by(month(first.day).name("month")).aggregate(new=first.count())
    react = d.filter(d.prev_day.notnull() & ((d.day - d.prev_day).cast("int64") > window))
    react = react.group_by(month(react.day).name("month")).aggregate(
        reactivated=react.customer_id.nunique())
    lapse = d.filter(d.next_day.isnull() | ((d.next_day - d.day).cast("int64") > window))
    lapse = lapse.mutate(churn_day=lapse.day + window_days)
    lapse = lapse.filter(lapse.churn_day <= ibis.literal(end))
    churned = lapse.group_by(month(lapse.churn_day).name("month")).aggregate(
        churned=lapse.count())
    frames = [x.execute() for x in (new, react, churned)]
    months = pd.period_range(pd.Timestamp(frames[0]["month"].min()).to_period("M"),
                             pd.Timestamp(end).to_period("M"), freq="M").to_timestamp()
    out = pd.DataFrame({"month": months})
    for frame in frames:
        frame["month"] = pd.to_datetime(frame["month"]).dt.to_period("M").dt.to_timestamp()
        out = out.merge(frame, on="month", how="left")
    out = out.fillna(0)
    for c in ("new", "reactivated", "churned"):
        out[c] = out[c].astype(int)
    out["active"] = (out["new"] + out["reactivated"] - out["churned"]).cumsum()
    exposed = out["active"].shift(1).fillna(0) + out["new"] + out["reactivated"]
    out["churn_rate"] = out["churned"] / exposed.where(exposed > 0)
    return out


def cohorts(ds: Dataset, f: Filters | None = None, months: int = 12) -> pd.DataFrame:
    """Retention by first-purchase month: for each cohort and month k after the first purchase
    (k = 0 .. ``months``), customers who bought in that month and their net revenue.

    ``retention`` = customers buying in month k / cohort size (1 at k = 0);
    ``revenue_retention`` = revenue in month k / revenue in month 0.
    """
    d = purchase_days(ds, f)
    d = d.mutate(month=d.day.truncate("M"))
    first = d.group_by("customer_id").aggregate(cohort=d.month.min())
    j = d.join(first, "customer_id")
    k = ((j.month.year() - j.cohort.year()) * 12 + j.month.month() - j.cohort.month()).name("k")
    j = j.mutate(k=k).filter(k <= months)
    g = j.group_by(["cohort", "k"]).aggregate(customers=j.customer_id.nunique(),
                                             revenue=j.value.sum()).execute()
    g["cohort"] = pd.to_datetime(g["cohort"])
    base = g[g["k"] == 0].set_index("cohort")
    g["size"] = g["cohort"].map(base["customers"])
    g["retention"] = g["customers"] / g["size"]
    g["revenue_retention"] = g["revenue"] / g["cohort"].map(base["revenue"])
    return g.sort_values(["cohort", "k"]).reset_index(drop=True)


def retention_curves(cohort_table: pd.DataFrame, launch: dt.date) -> pd.DataFrame:
    """Mean retention by month k for cohorts that started before and after ``launch``, weighted
    by cohort size; only months every cohort of the group has reached."""
    c = cohort_table.copy()
    c["group"] = np.where(c["cohort"] < pd.Timestamp(launch), "before", "after")
    g = c.groupby(["group", "k"]).apply(
        lambda x: np.average(x["retention"], weights=x["size"]), include_groups=False)
    return g.rename("retention").reset_index()


def churn_by(attribute: pd.Series, churned: pd.Series) -> pd.DataFrame:
    """Churn rate per value of a customer attribute (both indexed by customer)."""
    frame = pd.DataFrame({"group": attribute, "churned": churned.reindex(attribute.index)})
    frame = frame.dropna(subset=["group"])
    g = frame.groupby("group")["churned"].agg(["size", "mean"])
    return g.rename(columns={"size": "customers", "mean": "churn_rate"}).reset_index()


def yearly_churn(ds: Dataset, end: dt.date, f: Filters | None = None) -> dict:
    """The yearly figures the retention what-if starts from, at ``end``.

    ``customers``: identified customers who bought in the 12 months before the last 12;
    ``retained``: how many of them bought again in the last 12 months;
    ``churn_rate`` = 1 - retained / customers (None without customers);
    ``revenue``: identified customers' net revenue in the last 12 months;
    ``months_before``: whole months of the year before last that the data covers (12 when it
    starts early enough; fewer leave only recent customers in ``customers``, so churn looks
    lower than it is).
    """
    tx = filtered_transactions(ds, f or Filters())
    tx = tx.filter(tx.customer_id.notnull())
    first, stop = months_up_to(end, 24)
    mid, _ = months_up_to(end, 12)
    last_year = (tx.date >= mid) & (tx.date < stop)
    year_before = (tx.date >= first) & (tx.date < mid)
    per = tx.group_by("customer_id").aggregate(
        before=(year_before & (tx.amount > 0)).any(), again=(last_year & (tx.amount > 0)).any(),
        revenue=tx.amount.sum(where=last_year).fill_null(0), first=tx.date.min())
    row = per.aggregate(customers=per.before.sum(), retained=(per.before & per.again).sum(),
                        revenue=per.revenue.sum(), data_first=per.first.min()
                        ).execute().iloc[0]
    customers = int(row["customers"] or 0)
    retained = int(row["retained"] or 0)
    data_first = pd.Timestamp(row["data_first"])
    uncovered = 0 if pd.isna(data_first) or data_first <= pd.Timestamp(first) else (
        (data_first.year - first.year) * 12 + data_first.month - first.month
        + (data_first.day > 1))
    return {"customers": customers, "retained": retained,
            "churn_rate": 1 - retained / customers if customers else None,
            "revenue": float(row["revenue"] or 0.0),
            "months_before": max(0, 12 - uncovered)}
