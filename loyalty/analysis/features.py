"""Per-customer behaviour summary: the signals the loyalty types and lifecycle stages use.

Every aggregate is an Ibis expression over the canonical tables; each result comes back with one
row per customer and the pieces are joined in pandas. Purchases are rows with a positive amount
and a customer id, up to and including ``observation_end``; returns lower revenue but are not
orders.
"""

from __future__ import annotations

import datetime as dt

import ibis
import numpy as np
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.storage.db import by_customer, through_arrow
from loyalty.analysis.nps import latest_score
from loyalty.analysis.filters import Filters, day_start, filtered_transactions, orders_span_rows

INTERACTION_KINDS = ("referral", "review", "perk_use", "complaint", "app_login", "social_follow")


def _top_share(t: ibis.Table, column: str) -> ibis.Table:
    """Per customer: the share of their purchases in their most used value of ``column``."""
    per = t.filter(t[column].notnull()).group_by(["customer_id", column]).aggregate(n=ibis._.count())
    return per.group_by("customer_id").aggregate(
        **{f"top_{column}_share": per.n.max() / per.n.sum(), f"top_{column}": per[column].argmax(per.n)})


# Up to this many channels (or stores) are counted per customer in the main pass, one
# conditional count each; more take a grouping of their own.
FEW_VALUES = 16


def _values(ds: Dataset, column: str) -> list[str] | None:
    """The distinct values of a transactions column when there are at most FEW_VALUES (sorted),
    else None; worked out once per data version."""
    def read(d: Dataset) -> list[str] | None:
        t = d.table("transactions")
        values = t.filter(t[column].notnull()).select(column).distinct().limit(FEW_VALUES + 1)
        found = sorted(str(v) for v in values.execute()[column])
        return found if len(found) <= FEW_VALUES else None
    return ds.fact(f"values_{column}", read)


def _top_from_counts(t: ibis.Table, column: str, values: list[str]) -> ibis.Table:
    """``top_<column>`` and its share from the per-value counts of the main pass (the first
    value in sorted order wins a tie; no purchase with a value: both null)."""
    counts = [t[f"_{column}_{i}"] for i in range(len(values))]
    most = ibis.greatest(*counts)
    total = counts[0]
    for c in counts[1:]:
        total = total + c
    top = ibis.cases(*[(c == most, v) for c, v in zip(counts, values)])
    return t.mutate(**{f"top_{column}_share": most / total.nullif(0),
                       f"top_{column}": ibis.ifelse(total > 0, top, ibis.null("string"))}
                    ).drop(*[f"_{column}_{i}" for i in range(len(values))])


def _orders(buy: ibis.Table, discounted: ibis.BooleanValue) -> ibis.Table:
    """One row per purchase order (``customer_id``, ``last`` date, ``discounted``): rows that
    share an order id fold into one, a row without an order id is an order of its own. Needed
    only where orders span rows; counting them is then a plain count, a fraction of the cost of
    a distinct count per customer."""
    marked = buy.mutate(discounted=discounted)
    numbered = marked.filter(marked.order_id.notnull())
    # An order counts as discounted when any of its rows is.
    folded = numbered.group_by(["customer_id", "order_id"]).aggregate(
        last=numbered.date.max(), discounted=numbered.discounted.any()).drop("order_id")
    loose = marked.filter(marked.order_id.isnull())
    return folded.union(loose.select("customer_id", last=loose.date, discounted=loose.discounted))


def customer_features(ds: Dataset, observation_end: dt.date | None = None,
                      filters: Filters | None = None) -> pd.DataFrame:
    """One row per customer with the behaviour signals, indexed by ``customer_id``.

    Columns (NaN where the data lacks the field):

    - ``orders``: purchases (distinct order ids, or rows without order ids);
      ``revenue``: net amount including returns; ``aov`` = purchase amount / orders.
    - ``first_purchase``, ``last_purchase``; ``tenure_days`` and ``recency_days`` counted to
      ``observation_end``; ``orders_per_month`` = orders / max(tenure, 30 days) x 30.4.
    - ``gap_mean``, ``gap_max``: mean and longest days between purchase days;
      ``orders_last_90``: orders in the last 90 days.
    - ``discount_share``: share of orders with a discount; ``discount_rate``: discount / gross.
    - ``points_earned``, ``points_redeemed``, ``redeem_orders`` (orders using points).
    - ``categories``: distinct product categories; ``top_channel_share``, ``top_store_share``
      (only when the data has more than one channel or store).
    - interaction counts ``referral``, ``review``, ``perk_use``, ``complaint``, ``app_login``,
      ``social_follow``; ``referred_members`` (members naming this customer as referrer).
    - ``nps_last``, ``nps_mean``, ``nps_answers``; ``member`` (in the members file or a tier on
      a receipt), ``tier``, ``joined``.
    """
    joined, observation_end = feature_table(ds, observation_end, filters)
    fields = ds.fields("transactions")
    # Sorted by the engine: a million string ids sort there in a fraction of pandas' time.
    out = by_customer(through_arrow(joined.order_by("customer_id")))
    for k in INTERACTION_KINDS:
        if k in out:
            out[k] = out[k].fillna(0)
    if "referred_members" in out:
        out["referred_members"] = out["referred_members"].fillna(0)
    # A tier printed on a customer's receipts shows programme membership without a members
    # file; a members file lists its members.
    member = out.pop("receipt_member").fillna(0) > 0 if "receipt_member" in out else None
    if "listed" in out:
        listed = out.pop("listed").eq(True)
        member = listed if member is None else listed | member
    if member is not None:
        out["member"] = member

    end = pd.Timestamp(observation_end)
    first = pd.to_datetime(out["first_purchase"])
    last = pd.to_datetime(out["last_purchase"])
    out["tenure_days"] = (end - first.dt.normalize()).dt.days
    out["recency_days"] = (end - last.dt.normalize()).dt.days
    out["orders_per_month"] = out["orders"] / np.maximum(out["tenure_days"], 30) * 30.4
    out["aov"] = out["purchase_amount"] / out["orders"].where(out["orders"] > 0)
    if "discount" in fields:
        out["discount_share"] = out["discounted"] / out["orders"].where(out["orders"] > 0)
        gross = out["purchase_amount"] + out["discount_total"]
        out["discount_rate"] = out["discount_total"] / gross.where(gross > 0)
    else:
        # Unknown, not zero: a shop without a discount column says nothing about price loyalty.
        out["discount_share"] = out["discount_rate"] = np.nan
    return out


def feature_table(ds: Dataset, observation_end: dt.date | None = None,
                  filters: Filters | None = None) -> tuple[ibis.Table, dt.date]:
    """The engine's side of :func:`customer_features`: one row per customer with the
    aggregates (no derived ratios yet), and the observation end it counted to."""
    f = filters or Filters()
    tx = filtered_transactions(ds, f)
    if observation_end is None:
        observation_end = tx.date.max().execute().date()
    end1 = day_start(observation_end + dt.timedelta(days=1))
    fields = ds.fields("transactions")
    tx = tx.filter(tx.customer_id.notnull() & (tx.date < end1))
    bought = tx.amount > 0
    buy = tx.filter(bought)
    since_90 = end1 - dt.timedelta(days=90)
    agg = dict(
        purchase_amount=tx.amount.sum(where=bought),
        revenue=tx.amount.sum(),
        first_purchase=tx.date.min(where=bought),
        last_purchase=tx.date.max(where=bought),
    )
    if "discount" in fields:
        agg["discount_total"] = tx.discount.fill_null(0).sum(where=bought)
    if "points_earned" in fields:
        agg["points_earned"] = tx.points_earned.sum(where=bought)
    if "points_redeemed" in fields:
        agg["points_redeemed"] = tx.points_redeemed.sum(where=bought)
        agg["redeem_orders"] = tx.count(where=bought & (tx.points_redeemed > 0))
    if "category" in fields:
        agg["categories"] = tx.category.nunique(where=bought)
    if "tier" in fields:
        agg["receipt_member"] = tx.count(where=bought & tx.tier.notnull())
    pieces = []
    if orders_span_rows(ds):
        orders = _orders(buy, (buy.discount.fill_null(0) > 0) if "discount" in fields
                         else ibis.literal(False))
        counts = dict(orders=orders.count(), orders_last_90=orders.count(
            where=orders.last >= since_90))
        if "discount" in fields:
            counts["discounted"] = orders.count(where=orders.discounted)
        pieces.append(orders.group_by("customer_id").aggregate(**counts))
    else:
        # Each row an order: counted in the same pass as the sums.
        agg["orders"] = tx.count(where=bought)
        agg["orders_last_90"] = tx.count(where=bought & (tx.date >= since_90))
        if "discount" in fields:
            agg["discounted"] = tx.count(where=bought & (tx.discount.fill_null(0) > 0))
    counted = {}
    for column, chosen in (("channel", f.channels), ("store", f.stores)):
        # One channel for everybody says nothing about habit: every share would be 100 %.
        if column not in fields or len(chosen) == 1:
            continue
        values = _values(ds, column)
        if values is None:
            pieces.append(_top_share(buy, column))
        elif len(values) > 1:
            counted[column] = values
            agg.update({f"_{column}_{i}": tx.count(where=bought & (tx[column] == v))
                        for i, v in enumerate(values)})
    per_customer = tx.group_by("customer_id").aggregate(**agg)
    per_customer = per_customer.filter(per_customer.first_purchase.notnull())
    for column, values in counted.items():
        per_customer = _top_from_counts(per_customer, column, values)

    # Gaps between purchase days, from the purchase rows themselves: a second purchase on the
    # same day makes a gap of 0, which the positive gaps leave out, so each positive gap is one
    # between consecutive purchase days (no distinct pass over ten million rows first).
    days = buy.select("customer_id", day=buy.date.date())
    w = ibis.window(group_by="customer_id", order_by="day")
    gaps = days.mutate(gap=(days.day - days.day.lag().over(w)).cast("int64"))
    new_day = gaps.gap > 0
    pieces.append(gaps.group_by("customer_id").aggregate(
        gap_mean=gaps.gap.mean(where=new_day), gap_max=gaps.gap.max(where=new_day)))
    if ds.has("interactions"):
        it = ds.table("interactions")
        it = it.filter(it.date < end1)
        pieces.append(it.group_by("customer_id").aggregate(
            **{k: it.count(where=it.kind == k) for k in INTERACTION_KINDS}))
    if ds.has("surveys"):
        s = ds.table("surveys")
        s = s.filter(s.customer_id.notnull() & s.score.notnull() & (s.date < end1))
        pieces.append(s.group_by("customer_id").aggregate(
            nps_last=latest_score(s), nps_mean=s.score.mean(), nps_answers=s.count()))
    if ds.has("members"):
        m = ds.table("members")
        pieces.append(m.select("customer_id", "tier", "joined", listed=ibis.literal(True)))
        if "referred_by" in ds.fields("members"):
            pieces.append(m.filter(m.referred_by.notnull()).group_by(
                customer_id=m.referred_by).aggregate(referred_members=ibis._.count()))

    # The engine joins the pieces and returns one result: no pandas merge on string keys.
    joined = per_customer
    for piece in pieces:
        joined = joined.left_join(piece, "customer_id").drop("customer_id_right")
    return joined, observation_end
