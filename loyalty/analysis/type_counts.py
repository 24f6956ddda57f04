"""Customers per loyalty type, scored by the engine: the rules of :mod:`loyalty.analysis.segments`
as Ibis expressions (each ramp a clipped linear function), so only one row per type comes back
however many customers there are. Gives the counts :func:`segments.segment` gives on the
customers' features in pandas.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pandas as pd

from loyalty.analysis.features import INTERACTION_KINDS, feature_table
from loyalty.analysis.filters import Filters
from loyalty.analysis.segments import (MIN_ORDERS, MIN_TENURE_DAYS, ONE_TIME, OCCASIONAL,
                                       TOO_NEW, TYPE_RULES, TYPES, TypeRule, _reads, _usable,
                                       tellable)


def _signal_values(t: ibis.Table, end: dt.date, fields: set[str]) -> dict[str, ibis.Value]:
    """The signals of :func:`segments.signals` as expressions over a :func:`feature_table`."""
    cols = set(t.columns)
    null = ibis.null("float64")

    def col(name, fill=False):
        if name not in cols:
            return null
        return t[name].fill_null(0).cast("float64") if fill else t[name].cast("float64")

    end_day = ibis.literal(end)
    tenure = (end_day - t.first_purchase.date()).cast("int64")
    months = ibis.greatest(tenure, 30).cast("float64") / 30.4
    orders = t.orders.cast("float64")
    per_order = orders.nullif(0)
    member = None
    if "receipt_member" in cols:
        member = t.receipt_member.fill_null(0) > 0
    if "listed" in cols:
        listed = t.listed.fill_null(False)
        member = listed if member is None else listed | member
    kinds = {k: col(k, fill=True) for k in INTERACTION_KINDS}
    referred = col("referred_members", fill=True)
    if "referral" in cols and "referred_members" in cols:
        referrals = ibis.greatest(kinds["referral"], referred)
    else:
        referrals = kinds["referral"] if "referral" in cols else referred
    return dict(
        orders=orders,
        orders_per_month=orders / ibis.greatest(tenure, 30).cast("float64") * 30.4,
        aov=t.purchase_amount.cast("float64") / per_order,
        discount_share=(t.discounted.cast("float64") / per_order if "discount" in fields
                        else null),
        discount_total=col("discount_total"),
        member=member.cast("float64") if member is not None else null,
        logins_per_month=kinds["app_login"] / months,
        redeem_share=col("redeem_orders") / per_order,
        channel_share=col("top_channel_share"),
        store_share=col("top_store_share"),
        categories=col("categories"),
        perks_per_month=kinds["perk_use"] / months,
        referrals=referrals,
        reviews_per_year=kinds["review"] / months * 12,
        nps=col("nps_last"),
        complaints=kinds["complaint"],
        tenure_days=tenure.cast("float64"),
    )


def signal_table(ds, observation_end: dt.date | None = None,
                 filters: Filters | None = None) -> ibis.Table:
    """One row per customer: the signals of :func:`segments.signals`, NULL where unknown."""
    t, end = feature_table(ds, observation_end, filters)
    return t.select("customer_id", **_signal_values(t, end, ds.fields("transactions")))


# Columns of a per-customer table that are not signals the rules could read.
NOT_SIGNALS = frozenset({"customer_id", "revenue", "recency_days", "gap_mean", "gap_max",
                         "orders_last_90", "lifecycle", "R", "F", "M", "tier", "top_channel",
                         "top_store", "loyalty_type"})


def _present(sig: ibis.Table) -> tuple[frozenset[str], frozenset[str]]:
    """The signals some customer has known and non-zero (:func:`segments.present_signals`),
    and those some customer has known at all: one engine query."""
    names = [c for c in sig.columns if c not in NOT_SIGNALS]
    row = sig.aggregate(
        **{f"p_{c}": (sig[c].fill_null(0) != 0).any() for c in names},
        **{f"k_{c}": sig[c].notnull().any() for c in names},
        discounts=sig.discount_total.abs().sum()).execute().iloc[0]
    present = {c for c in names if bool(row[f"p_{c}"])}
    known = {c for c in names if bool(row[f"k_{c}"])}
    if not (row["discounts"] == row["discounts"] and float(row["discounts"]) > 0):
        # As in segments.signals: without any discount the share says nothing.
        present.discard("discount_share")
        known.discard("discount_share")
    return frozenset(present), frozenset(known)


def _ramp(x, low: float, high: float):
    r = (x - low) / (high - low)
    return ibis.ifelse(r < 0, 0.0, ibis.ifelse(r > 1, 1.0, r))


def _zero(x):
    return x.fill_null(0.0)


def type_expression(sig: ibis.Table, rules: dict[str, TypeRule] | None = None,
                    min_orders: int = MIN_ORDERS, min_tenure_days: int = MIN_TENURE_DAYS,
                    present: tuple[frozenset[str], frozenset[str]] | None = None) -> ibis.Value:
    """Each customer's primary type or history group, as :func:`segments.segment` decides it."""
    rules = rules or TYPE_RULES
    present, known = present or _present(sig)
    told = [t for t in TYPES if tellable(rules[t], present)] or ["satisfied"]
    scores = {}
    for t in told:
        rule = rules[t]
        usable = _usable(rule, present)
        total = sum(s.weight for s in usable)
        parts = [_zero(_ramp(sig[s.name], s.low, s.high)) * (s.weight / total) for s in usable]
        score = ibis.literal(0.0)
        for i, p in enumerate(parts):
            score = p if i == 0 else score + p
        if rule.requires and rule.requires in known:
            score = ibis.ifelse(_zero(sig[rule.requires]) > 0, score, 0.0)
        if rule.penalty and rule.penalty[0] in known:
            score = ibis.ifelse(_zero(sig[rule.penalty[0]]) > 0, score * rule.penalty[1],
                                score)
        if rule.cap < 1:
            score = ibis.least(score, rule.cap)
        shown = [e for e in rule.evidence if e in present]
        if shown:
            has = None
            for e in shown:
                nz = _zero(sig[e]) != 0
                has = nz if has is None else has | nz
            score = ibis.ifelse(has, score, 0.0)
        scores[t] = _zero(score)
    # The first type with the highest score wins, as NumPy's argmax picks the first maximum.
    best, top = ibis.literal(told[0]), scores[told[0]]
    for t in told[1:]:
        better = scores[t] > top
        best = ibis.ifelse(better, t, best)
        top = ibis.ifelse(better, scores[t], top)
    return (ibis.cases((sig.tenure_days < min_tenure_days, TOO_NEW),
                       (sig.orders <= 1, ONE_TIME),
                       (sig.orders < min_orders, OCCASIONAL),
                       else_=best))


def told_and_missing(rules: dict[str, TypeRule], present: frozenset[str],
                     known: frozenset[str]) -> tuple[list[str], list[str]]:
    """The types the data cannot tell and the signals the told types miss, as
    :func:`segments.segment` reports them (``untellable``, ``missing_signals``)."""
    told = [t for t in TYPES if tellable(rules[t], present)] or ["satisfied"]
    missing = set()
    for t in TYPES:
        rule = rules[t]
        missing |= {s.name for s in rule.signals
                    if s.name not in present and not (s.fallback and s.fallback in present)}
        if rule.requires and rule.requires not in known:
            missing.add(rule.requires)
    read = set().union(*(_reads(rules[t]) for t in told))
    return [t for t in TYPES if t not in told], sorted(m for m in missing if m in read)


def type_counts(ds, observation_end: dt.date | None = None, filters: Filters | None = None,
                rules: dict[str, TypeRule] | None = None, min_orders: int = MIN_ORDERS,
                min_tenure_days: int = MIN_TENURE_DAYS) -> pd.Series:
    """Customers per loyalty type or history group, counted by the engine."""
    sig = signal_table(ds, observation_end, filters)
    kind = type_expression(sig, rules, min_orders, min_tenure_days).name("loyalty_type")
    g = sig.group_by(kind).aggregate(customers=sig.count()).execute()
    return g.set_index("loyalty_type")["customers"].astype("int64").sort_index()
