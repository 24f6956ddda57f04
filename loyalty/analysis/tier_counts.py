"""The Tiers page's figures counted by the engine, for data that stays there (Spark): tiers are
assigned by an Ibis expression and only one row per tier, one cell per tier pair and the
near-next-tier list's first rows come back. Each gives what its pandas counterpart in
:mod:`loyalty.analysis.tiers` gives on the spend per customer.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pandas as pd

from loyalty.analysis.filters import Filters, filtered_transactions, months_up_to


def spend_table(ds, as_of: dt.date, months: int = 12,
                filters: Filters | None = None) -> ibis.Table:
    """:func:`tiers.qualifying_spend` kept by the engine: ``customer_id``, ``spend``."""
    tx = filtered_transactions(ds, filters or Filters())
    start, stop = months_up_to(as_of, months)
    w = tx.filter(tx.customer_id.notnull() & (tx.date >= start) & (tx.date < stop))
    return w.group_by("customer_id").aggregate(spend=w.amount.sum().cast("float64"))


def _ladder(tiers) -> list[tuple[str, float]]:
    return sorted(((str(n), float(v)) for n, v in tiers), key=lambda t: t[1])


def _step(spend: ibis.Value, tiers) -> ibis.Value:
    """Each spend's step on the ladder from the lowest floor (0 below every floor), as
    :func:`tiers.assign_tiers` decides it: the highest floor the spend reaches."""
    ladder = _ladder(tiers)
    if len(ladder) == 1:
        return ibis.literal(0)
    return ibis.cases(*[(spend >= floor, i) for i, (_, floor) in reversed(list(
        enumerate(ladder)))][:-1], else_=0)


def distribution(spend: ibis.Table, tiers) -> pd.DataFrame:
    """Per tier (ladder order): ``customers`` and their ``spend`` (negative counted as 0), and
    the ``total`` of all customers' spend so counted."""
    paid = ibis.greatest(spend.spend, 0.0)
    g = spend.group_by(step=_step(spend.spend, tiers)).aggregate(
        customers=spend.count(), spend=paid.sum()).execute().set_index("step")
    names = [n for n, _ in _ladder(tiers)]
    out = g.reindex(range(len(names))).fillna(0)
    out.index = pd.Index(names, name="tier")
    out["customers"] = out["customers"].astype(int)
    out.attrs["total"] = float(g["spend"].sum())
    return out


def movement(before: ibis.Table, after: ibis.Table, tiers) -> dict:
    """:func:`tiers.tier_movement` of two spend tables (customers with spend at both dates)."""
    names = [n for n, _ in _ladder(tiers)]
    b = before.select("customer_id", r0=_step(before.spend, tiers))
    a = after.select("customer_id", r1=_step(after.spend, tiers))
    j = b.join(a, "customer_id")
    g = j.group_by(["r0", "r1"]).aggregate(n=j.count()).execute()
    k = len(names)
    counts = [[0] * k for _ in range(k)]
    for r0, r1, n in g[["r0", "r1", "n"]].itertuples(index=False):
        counts[int(r0)][int(r1)] = int(n)
    matrix = pd.DataFrame(counts, index=pd.Index(names, name="before"),
                          columns=pd.Index(names, name="after"))
    return {"matrix": matrix,
            "upgrades": int(g.loc[g["r1"] > g["r0"], "n"].sum()),
            "downgrades": int(g.loc[g["r1"] < g["r0"], "n"].sum()),
            "stays": int(g.loc[g["r1"] == g["r0"], "n"].sum())}


def near_next(spend: ibis.Table, tiers, within: float = 0.1) -> ibis.Table:
    """:func:`tiers.near_next_tier` as an engine table (``customer_id``, ``tier``,
    ``next_tier``, ``spend``, ``missing``), closest first; count it or take its first rows."""
    ladder = _ladder(tiers)
    step = _step(spend.spend, tiers)
    parts = []
    for i, (name, _) in enumerate(ladder[:-1]):
        nxt_name, nxt_floor = ladder[i + 1]
        gap = nxt_floor - spend.spend
        one = spend.filter((step == i) & (gap > 0) & (gap <= within * nxt_floor))
        parts.append(one.select("customer_id", tier=ibis.literal(name),
                                next_tier=ibis.literal(nxt_name), spend=one.spend,
                                missing=nxt_floor - one.spend))
    if not parts:
        return spend.filter(ibis.literal(False)).select(
            "customer_id", tier=ibis.literal(""), next_tier=ibis.literal(""),
            spend=spend.spend, missing=spend.spend)
    out = parts[0]
    for p in parts[1:]:
        out = out.union(p)
    return out.order_by(["missing", "customer_id"])


def members_per_tier(ds) -> pd.Series:
    """Members per tier in the members file."""
    m = ds.table("members")
    m = m.filter(m.tier.notnull())
    g = m.group_by("tier").aggregate(n=m.count()).execute()
    return g.set_index("tier")["n"].astype(int)
