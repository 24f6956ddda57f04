"""Global filters (period, tier, channel, store) applied the same way on every page, and the
small pieces every metric selects and counts transactions with (whole days, months up to a
date, orders)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ibis
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.periods import PREVIOUS, Comparison, comparison_period


@dataclass(frozen=True)
class Filters:
    """What the manager selected in the sidebar; empty tuples mean "all"."""

    start: dt.date | None = None
    end: dt.date | None = None
    tiers: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    stores: tuple[str, ...] = ()

    def period(self) -> tuple[dt.date, dt.date]:
        if self.start is None or self.end is None:
            raise ValueError("the period is not set")
        return self.start, self.end


def data_range(ds: Dataset) -> tuple[dt.date | None, dt.date | None]:
    """First and last day with a transaction (any filter aside)."""
    tx = ds.table("transactions")
    row = tx.aggregate(first=tx.date.min(), last=tx.date.max()).execute().iloc[0]
    if pd.isna(row["first"]):
        return None, None
    return row["first"].date(), row["last"].date()


def compared_period(ds: Dataset, f: Filters, comparison: Comparison = PREVIOUS
                    ) -> tuple[dt.date, dt.date] | None:
    """The period ``f``'s period is compared with (:func:`loyalty.analysis.periods.comparison_dates`),
    or None when the data does not cover it: every page's "against" comes from here."""
    first, last = data_range(ds)
    return comparison_period(*f.period(), first, comparison, last)


def day_start(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day)


def months_up_to(end: dt.date, months: int) -> tuple[dt.datetime, dt.datetime]:
    """The ``months`` calendar months up to and including ``end`` as (start, stop), for
    start <= date < stop: 12 months to 31 Aug 2025 run from 1 Sep 2024."""
    stop = day_start(end + dt.timedelta(days=1))
    return (pd.Timestamp(stop) - pd.DateOffset(months=months)).to_pydatetime(), stop


def in_days(col, start: dt.date, end: dt.date):
    """``start`` <= col < the day after ``end`` (whole days, any time of day)."""
    return (col >= day_start(start)) & (col < day_start(end + dt.timedelta(days=1)))


def flag(cond) -> ibis.Value:
    """1 where ``cond`` holds, else 0: summed it counts rows, maximised it says "any"."""
    return ibis.ifelse(cond, 1, 0)


def order_count(ds: Dataset, t: ibis.Table, where=None) -> ibis.Value:
    """Orders in ``t`` (a reduction): distinct order ids, plus one per row without an order id
    (a file without order numbers loaded beside one with them); ``where`` limits which rows
    count."""
    if orders_span_rows(ds):
        return transaction_orders(t, where)
    return t.count(where=where)


def orders_span_rows(ds: Dataset) -> bool:
    """Whether some order has more than one transaction row (line items, categories): orders
    are then counted by order id; otherwise each row is an order."""
    return "order_id" in ds.fields("transactions") and not ds.orders_are_rows()


def transaction_orders(t: ibis.Table, where=None) -> ibis.Value:
    """Distinct order ids, plus each row that has none."""
    unnumbered = t.order_id.isnull() if where is None else where & t.order_id.isnull()
    return t.order_id.nunique(where=where) + t.count(where=unnumbered)


def filtered_transactions(ds: Dataset, f: Filters) -> ibis.Table:
    """Transactions restricted by tier, channel and store (not by date)."""
    tx = ds.table("transactions")
    if f.channels:
        tx = tx.filter(tx.channel.isin(list(f.channels)))
    if f.stores:
        tx = tx.filter(tx.store.isin(list(f.stores)))
    if f.tiers and ds.has("members"):
        m = ds.table("members")
        tx = tx.filter(tx.customer_id.isin(m.filter(m.tier.isin(list(f.tiers))).customer_id))
    return tx


def filtered_surveys(ds: Dataset, f: Filters) -> ibis.Table:
    """Surveys restricted by tier (through the member's customer id); channel and store do not
    apply to survey answers."""
    s = ds.table("surveys")
    if f.tiers and ds.has("members"):
        m = ds.table("members")
        s = s.filter(s.customer_id.isin(m.filter(m.tier.isin(list(f.tiers))).customer_id))
    return s


def choices(ds: Dataset) -> dict[str, list[str]]:
    """The values each filter can take, and the date range of the data."""
    out: dict = {"tiers": [], "channels": [], "stores": [], "first": None, "last": None}
    if ds.has("transactions"):
        tx = ds.table("transactions")
        for key, col in (("channels", "channel"), ("stores", "store")):
            vals = tx.select(v=tx[col]).filter(lambda x: x.v.notnull()).distinct().order_by("v")
            out[key] = [str(v) for v in vals.execute()["v"]]
        row = tx.aggregate(first=tx.date.min(), last=tx.date.max()).execute().iloc[0]
        out["first"], out["last"] = row["first"].date(), row["last"].date()
    if ds.has("members"):
        m = ds.table("members")
        vals = m.select(v=m.tier).filter(lambda x: x.v.notnull()).distinct().order_by("v")
        out["tiers"] = [str(v) for v in vals.execute()["v"]]
    return out
