"""The six loyalty types, scored per customer from behaviour and survey signals, with reasons.

No published method classifies these types from transactions (see the domain brief), so the rules
are ours: each type is a weighted set of signals, each signal a ramp from ``low`` (scores 0) to
``high`` (scores 1). Rules are data (:data:`TYPE_RULES`), overridable per call, and every weight
and threshold is shown to the manager with the rule's rationale (catalogue key ``rule.<type>``). A customer's primary type is the highest score;
the reasons are the signals that contributed most to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

TYPES = ("satisfied", "price_loyal", "programme_loyal", "convenience_loyal", "perk_loyal",
         "advocate")
TOO_NEW = "too_new"


@dataclass(frozen=True)
class Signal:
    """One behaviour signal: ``low`` scores 0, ``high`` scores 1 (``low > high`` reverses it)."""

    name: str
    low: float
    high: float
    weight: float


@dataclass(frozen=True)
class TypeRule:
    type: str
    signals: tuple[Signal, ...]
    cap: float = 1.0                   # highest score the type can reach
    requires: str | None = None        # a 0/1 signal that must be 1 (e.g. programme membership)
    penalty: tuple[str, float] | None = None  # (signal, factor) applied when the signal is > 0


TYPE_RULES: dict[str, TypeRule] = {r.type: r for r in (
    TypeRule("price_loyal", (Signal("discount_share", 0.30, 0.70, 1.0),)),
    TypeRule("programme_loyal", (Signal("logins_per_month", 0.6, 2.0, 0.7),
                                 Signal("redeem_share", 0.02, 0.10, 0.3)),
             requires="member"),
    TypeRule("convenience_loyal", (Signal("channel_share", 0.78, 0.95, 0.7),
                                   Signal("categories", 2.5, 1.0, 0.3))),
    TypeRule("perk_loyal", (Signal("perks_per_month", 0.3, 1.5, 0.7),
                            Signal("aov", 40.0, 15.0, 0.3))),
    TypeRule("advocate", (Signal("referrals", 0.0, 1.0, 0.45),
                          Signal("reviews_per_year", 0.5, 2.0, 0.45),
                          Signal("nps", 8.0, 9.5, 0.1))),
    TypeRule("satisfied", (Signal("orders_per_month", 0.6, 1.4, 0.4),
                           Signal("nps", 7.0, 8.5, 0.3),
                           Signal("categories", 1.5, 3.0, 0.3)),
             cap=0.45, penalty=("complaints", 0.4)),
)}

MIN_ORDERS = 3
MIN_TENURE_DAYS = 60

# Slider ranges for each signal's thresholds on the Segments page: (minimum, maximum, step).
SIGNAL_BOUNDS = {
    "discount_share": (0.0, 1.0, 0.05), "logins_per_month": (0.0, 10.0, 0.1),
    "redeem_share": (0.0, 0.5, 0.01), "channel_share": (0.3, 1.0, 0.01),
    "categories": (1.0, 8.0, 0.5), "perks_per_month": (0.0, 5.0, 0.1), "aov": (0.0, 200.0, 1.0),
    "referrals": (0.0, 5.0, 1.0), "reviews_per_year": (0.0, 6.0, 0.1), "nps": (0.0, 10.0, 0.5),
    "orders_per_month": (0.0, 5.0, 0.1),
}



def signals(features: pd.DataFrame) -> pd.DataFrame:
    """The signal values the rules use, derived from :func:`loyalty.features.customer_features`.

    A column is missing (all NaN) when the data cannot provide it.
    """
    f = features
    months = np.maximum(f["tenure_days"], 30) / 30.4
    nan = pd.Series(np.nan, index=f.index)

    def col(name):
        return f[name] if name in f else nan

    s = pd.DataFrame(index=f.index)
    s["orders"] = f["orders"]
    s["orders_per_month"] = f["orders_per_month"]
    s["aov"] = f["aov"]
    s["discount_share"] = col("discount_share") if "discount_total" in f and f[
        "discount_total"].abs().sum() > 0 else nan
    s["member"] = col("member").astype(float) if "member" in f else nan
    s["logins_per_month"] = col("app_login") / months
    s["redeem_share"] = col("redeem_orders") / f["orders"].where(f["orders"] > 0)
    s["channel_share"] = col("top_channel_share")
    s["categories"] = col("categories")
    s["perks_per_month"] = col("perk_use") / months
    referrals = pd.concat([col("referral"), col("referred_members")], axis=1)
    s["referrals"] = referrals.max(axis=1, skipna=True) if referrals.notna().any().any() else nan
    s["reviews_per_year"] = col("review") / months * 12
    s["nps"] = col("nps_last")
    s["complaints"] = col("complaint")
    s["recency_days"] = f["recency_days"]
    s["tenure_days"] = f["tenure_days"]
    return s


def _ramp(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.clip((values - low) / (high - low), 0.0, 1.0)


@dataclass
class Segmentation:
    """Result of :func:`segment`: one row per customer."""

    table: pd.DataFrame
    missing_signals: list[str] = field(default_factory=list)


def score_types(sig: pd.DataFrame, rules: dict[str, TypeRule] | None = None
                ) -> tuple[pd.DataFrame, dict[str, pd.DataFrame], list[str]]:
    """Type scores (0-1, one column per type) and each signal's weighted part of each score.

    A signal the data lacks entirely is left out and the other weights of its type count
    proportionally more; a customer missing a signal the data has (no survey answer) scores 0 on
    it.
    """
    rules = rules or TYPE_RULES
    scores = pd.DataFrame(index=sig.index)
    parts: dict[str, pd.DataFrame] = {}
    missing: set[str] = set()
    for t in TYPES:
        rule = rules[t]
        usable = [s for s in rule.signals if s.name in sig and sig[s.name].notna().any()]
        missing |= {s.name for s in rule.signals if s not in usable}
        total = sum(s.weight for s in usable)
        contrib = pd.DataFrame(index=sig.index)
        for s in usable:
            values = sig[s.name].to_numpy(dtype=float)
            contrib[s.name] = np.nan_to_num(_ramp(values, s.low, s.high)) * s.weight / total
        score = contrib.sum(axis=1) if usable else pd.Series(0.0, index=sig.index)
        if rule.requires:
            if rule.requires in sig and sig[rule.requires].notna().any():
                score = score * (sig[rule.requires].fillna(0) > 0)
            else:
                missing.add(rule.requires)
                score = score * 0
        if rule.penalty and rule.penalty[0] in sig and sig[rule.penalty[0]].notna().any():
            hit = sig[rule.penalty[0]].fillna(0) > 0
            score = score.where(~hit, score * rule.penalty[1])
        scores[t] = np.minimum(score, rule.cap) if rule.cap < 1 else score
        parts[t] = contrib
    return scores, parts, sorted(missing)


def segment(sig: pd.DataFrame, rules: dict[str, TypeRule] | None = None,
            min_orders: int = MIN_ORDERS, min_tenure_days: int = MIN_TENURE_DAYS,
            explain: bool = True) -> Segmentation:
    """Primary loyalty type per customer (or ``too_new``), with scores and reasons.

    ``reasons`` holds up to three (signal, value) pairs, strongest first (text comes from
    :func:`loyalty.customers.reason_text`). ``explain=False`` skips them, which is what a
    threshold change needs to recount the types quickly; :func:`reasons_for` adds them later for
    the customers shown or exported.
    """
    scores, parts, missing = score_types(sig, rules)
    primary = scores[list(TYPES)].idxmax(axis=1)
    too_new = (sig["orders"] < min_orders) | (sig["tenure_days"] < min_tenure_days)
    primary = primary.where(~too_new, TOO_NEW)
    table = scores.add_prefix("score_")
    table.insert(0, "loyalty_type", primary)
    if explain:
        table["reasons"] = _reasons(sig, primary, parts)
    return Segmentation(table=table, missing_signals=missing)


def reasons_for(sig: pd.DataFrame, table: pd.DataFrame,
                rules: dict[str, TypeRule] | None = None) -> pd.Series:
    """Reasons for the customers in ``table`` (a slice of a :func:`segment` result)."""
    sub = sig.loc[table.index]
    _, parts, _ = score_types(sub, rules)
    return _reasons(sub, table["loyalty_type"], parts)


def _reasons(sig: pd.DataFrame, primary: pd.Series, parts: dict[str, pd.DataFrame]) -> pd.Series:
    reasons = [[("orders", float(v))] for v in sig["orders"]]
    never_complained = (sig["complaints"].fillna(-1) == 0 if "complaints" in sig
                        else pd.Series(False, index=sig.index))
    for t in TYPES:
        rows = np.flatnonzero((primary == t).to_numpy())
        contrib = parts[t]
        if not len(rows) or contrib.empty:
            continue
        names = np.array(contrib.columns)
        values = contrib.to_numpy()[rows]
        order = np.argsort(-values, axis=1, kind="stable")[:, :3]
        top = np.take_along_axis(values, order, axis=1)
        raw = sig[list(names)].to_numpy(dtype=float)[rows]
        top_raw = np.take_along_axis(raw, order, axis=1)
        extra = never_complained.to_numpy()[rows] if t == "satisfied" else np.zeros(len(rows), bool)
        for i, o, c, v, e in zip(rows, order, top, top_raw, extra):
            picked = [(names[k], float(x)) for k, w, x in zip(o, c, v) if w > 0]
            if e:
                picked = picked[:2] + [("complaints", 0.0)]
            if picked:
                reasons[i] = picked
    return pd.Series(reasons, index=sig.index, dtype=object)


def with_threshold(rules: dict[str, TypeRule], type_: str, signal: str, low: float | None = None,
                   high: float | None = None) -> dict[str, TypeRule]:
    """A copy of ``rules`` with one signal's thresholds changed."""
    rule = rules[type_]
    sigs = tuple(replace(s, low=s.low if low is None else low, high=s.high if high is None else high)
                 if s.name == signal else s for s in rule.signals)
    return {**rules, type_: replace(rule, signals=sigs)}
