"""Programme results: members against non-members, and before against after the launch.

A member is a customer listed in the members file. The launch comparison is a difference in
differences: the change in members' spend from before to after the launch, minus the change in
non-members' spend over the same months. Non-members absorb what happened to everyone (season,
prices, the economy); what is left is the programme's effect only if members would otherwise have
developed like non-members. Customers who choose to join are usually keener to begin with, so the
figure is an upper bound more often than not; the page says so.
"""

from __future__ import annotations

import datetime as dt
import math

import ibis
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import Filters, compared_period, filtered_transactions, in_days
from loyalty.analysis.periods import PREVIOUS, Comparison


def launch_date(ds: Dataset) -> dt.date | None:
    """The earliest join date in the members file: the programme's launch as the data shows it."""
    if not ds.has("members") or "joined" not in ds.fields("members"):
        return None
    m = ds.table("members")
    first = m.joined.min().execute()
    if first is None or pd.isna(first):
        return None
    return pd.Timestamp(first).date()


def member_group(ds: Dataset, t: ibis.Table) -> ibis.Value:
    """'members' for customers in the members file, else 'non_members'."""
    return ibis.ifelse(t.customer_id.isin(ds.table("members").customer_id), "members",
                       "non_members")


def retention_by_membership(ds: Dataset, f: Filters, comparison: Comparison = PREVIOUS
                            ) -> pd.DataFrame:
    """Per group (members, non-members): customers who bought in the comparison period (see
    :func:`loyalty.analysis.filters.compared_period`), how many of them bought again in this period, and
    the share (retention).

    One row per group; buying means a positive amount on an identified customer's row. No rows
    when the data does not cover the comparison period.
    """
    start, end = f.period()
    before_dates = compared_period(ds, f, comparison)
    if before_dates is None:
        return pd.DataFrame({"group": [], "customers": [], "retained": [], "retention": []})
    p_start, p_end = before_dates
    tx = filtered_transactions(ds, f)
    buy = tx.filter(tx.customer_id.notnull() & (tx.amount > 0))
    before = buy.filter(in_days(buy.date, p_start, p_end)).select("customer_id").distinct()
    now = buy.filter(in_days(buy.date, start, end)).select(
        "customer_id", kept=ibis.literal(1)).distinct()
    j = before.left_join(now, "customer_id")
    j = j.mutate(group=member_group(ds, j))
    g = j.group_by("group").aggregate(customers=j.count(),
                                      retained=j.kept.fill_null(0).sum()).execute()
    g["retention"] = g["retained"] / g["customers"]
    return g.sort_values("group").reset_index(drop=True)


def launch_effect(ds: Dataset, launch: dt.date, months: int = 6,
                  filters: Filters | None = None) -> dict:
    """Difference in differences around ``launch``, per customer and month.

    The panel is every identified customer who bought in the ``months`` before the launch
    (decided before anyone could react to the programme), split into members and non-members.
    For each customer, spend per month before and after (zero when they stopped buying); per
    group the means of before, after and their difference, with its variance.

    Returns ``table`` (one row per group: customers, before, after, change), ``effect`` (members'
    change minus non-members' change, in money per member and month), ``low`` and ``high`` (a 95 %
    interval: effect +/- 1.96 standard errors, Welch) and ``members`` (members in the panel).
    ``effect`` is None when either group is empty.
    """
    tx = filtered_transactions(ds, filters or Filters())
    tx = tx.filter(tx.customer_id.notnull())
    offset = pd.DateOffset(months=months)
    b_start = (pd.Timestamp(launch) - offset).date()
    a_end = (pd.Timestamp(launch) + offset).date() - dt.timedelta(days=1)
    before = in_days(tx.date, b_start, launch - dt.timedelta(days=1))
    after = in_days(tx.date, launch, a_end)
    per = tx.group_by("customer_id").aggregate(
        before=tx.amount.sum(where=before).fill_null(0) / months,
        after=tx.amount.sum(where=after).fill_null(0) / months,
        bought_before=(before & (tx.amount > 0)).any())
    per = per.filter(per.bought_before)
    per = per.mutate(group=member_group(ds, per), change=per.after - per.before)
    g = per.group_by("group").aggregate(
        customers=per.count(), before=per.before.mean(), after=per.after.mean(),
        change=per.change.mean(), var=per.change.var(how="sample")).execute()
    g = g.set_index("group").reindex(["members", "non_members"])
    table = g[["customers", "before", "after", "change"]].reset_index()
    table["customers"] = table["customers"].fillna(0).astype(int)
    out = {"table": table, "effect": None, "low": None, "high": None,
           "members": int(table.loc[0, "customers"]), "months": months,
           "before_start": b_start, "after_end": a_end}
    if g["customers"].isna().any() or (g["customers"] < 2).any():
        return out
    effect = float(g.loc["members", "change"] - g.loc["non_members", "change"])
    se = math.sqrt(sum(float(g.loc[k, "var"]) / float(g.loc[k, "customers"])
                       for k in ("members", "non_members")))
    out.update(effect=effect, low=effect - 1.96 * se, high=effect + 1.96 * se)
    return out


def programme_roi(effect_per_member_month: float, members: int, months: int, margin: float,
                  cost: float) -> dict:
    """Return on the programme's cost over ``months``.

    incremental revenue = effect per member and month x members x months;
    incremental profit = incremental revenue x gross ``margin``;
    ROI = (incremental profit - cost) / cost (None when the cost is zero).
    """
    revenue = effect_per_member_month * members * months
    profit = revenue * margin
    roi = (profit - cost) / cost if cost > 0 else None
    return {"incremental_revenue": revenue, "incremental_profit": profit, "net": profit - cost,
            "roi": roi}
