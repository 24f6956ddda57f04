"""The six loyalty types, scored per customer from behaviour and survey signals, with reasons.

No published method classifies these types from transactions (see the domain brief), so the rules
are ours: each type is a weighted set of signals, each signal a ramp from ``low`` (scores 0) to
``high`` (scores 1). Rules are data (:data:`TYPE_RULES`), overridable per call, and every weight
and threshold is shown to the manager with the rule's rationale (catalogue key ``rule.<type>``).
A customer's primary type is the highest score; the reasons are the signals that contributed most
to it.

A type is only told where the data holds its defining evidence (``TypeRule.evidence``, decided
once per data set, catalogue key ``needs.<type>`` says which export adds it): small orders alone do
not make anyone perk-loyal when nobody's perk use is recorded. Customers with too little history
are not typed: recent first buyers are ``too_new``, long-standing customers with one order are
``one_time`` and with fewer than the minimum orders ``occasional``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

TYPES = ("satisfied", "price_loyal", "programme_loyal", "convenience_loyal", "perk_loyal",
         "advocate")
TOO_NEW = "too_new"
ONE_TIME = "one_time"
OCCASIONAL = "occasional"
# Customers with too little history for a type, in the order the page lists them.
UNTYPED = (ONE_TIME, OCCASIONAL, TOO_NEW)
GROUPS = (*TYPES, *UNTYPED)


@dataclass(frozen=True)
class Signal:
    """One behaviour signal: ``low`` scores 0, ``high`` scores 1 (``low > high`` reverses it)."""

    name: str
    low: float
    high: float
    weight: float
    # Read this signal instead where the data lacks ``name`` (same thresholds): a till export
    # with several stores but no channel column still shows where a customer habitually buys.
    fallback: str | None = None


@dataclass(frozen=True)
class TypeRule:
    """How one type is scored, and what the data must hold before the type is told at all.

    ``evidence``: the type is told only when the data set has at least one of these signals
    (some customer with a known, non-zero value), and a customer scores on it only with one of
    them non-zero; empty means always. ``requires``: a 0/1 signal
    that must be 1 for a customer, checked where the data knows it (without a members file, app
    logins or point redemptions are the programme evidence on their own).
    """

    type: str
    signals: tuple[Signal, ...]
    cap: float = 1.0                   # highest score the type can reach
    requires: str | None = None        # a 0/1 signal that must be 1 (e.g. programme membership)
    penalty: tuple[str, float] | None = None  # (signal, factor) applied when the signal is > 0
    evidence: tuple[str, ...] = ()


TYPE_RULES: dict[str, TypeRule] = {r.type: r for r in (
    TypeRule("price_loyal", (Signal("discount_share", 0.30, 0.70, 1.0),),
             evidence=("discount_share",)),
    TypeRule("programme_loyal", (Signal("logins_per_month", 0.6, 2.0, 0.7),
                                 Signal("redeem_share", 0.02, 0.10, 0.3)),
             requires="member", evidence=("member", "logins_per_month", "redeem_share")),
    TypeRule("convenience_loyal", (Signal("channel_share", 0.78, 0.95, 0.7,
                                          fallback="store_share"),
                                   Signal("categories", 2.5, 1.0, 0.3)),
             evidence=("channel_share", "store_share")),
    TypeRule("perk_loyal", (Signal("perks_per_month", 0.3, 1.5, 0.7),
                            Signal("aov", 40.0, 15.0, 0.3)),
             evidence=("perks_per_month",)),
    TypeRule("advocate", (Signal("referrals", 0.0, 1.0, 0.45),
                          Signal("reviews_per_year", 0.5, 2.0, 0.45),
                          Signal("nps", 8.0, 9.5, 0.1)),
             evidence=("referrals", "reviews_per_year", "nps")),
    # Repeat buying is always in the data; the minimum orders make sure it is there.
    TypeRule("satisfied", (Signal("orders_per_month", 0.6, 1.4, 0.4),
                           Signal("nps", 7.0, 8.5, 0.3),
                           Signal("categories", 1.5, 3.0, 0.3)),
             cap=0.45, penalty=("complaints", 0.4), evidence=("orders_per_month",)),
)}

MIN_ORDERS = 3
MIN_TENURE_DAYS = 60

# Slider ranges for each signal's thresholds on the Segments page: (minimum, maximum, step).
SIGNAL_BOUNDS = {
    "discount_share": (0.0, 1.0, 0.05), "logins_per_month": (0.0, 10.0, 0.1),
    "redeem_share": (0.0, 0.5, 0.01), "channel_share": (0.3, 1.0, 0.01),
    "store_share": (0.3, 1.0, 0.01), "categories": (1.0, 8.0, 0.5), "perks_per_month": (0.0, 5.0, 0.1), "aov": (0.0, 200.0, 1.0),
    "referrals": (0.0, 5.0, 1.0), "reviews_per_year": (0.0, 6.0, 0.1), "nps": (0.0, 10.0, 0.5),
    "orders_per_month": (0.0, 5.0, 0.1),
}


def signals(features: pd.DataFrame) -> pd.DataFrame:
    """The signal values the rules use, derived from :func:`loyalty.analysis.features.customer_features`.

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
    s["store_share"] = col("top_store_share")
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


def _zero_nan(values: np.ndarray) -> np.ndarray:
    """NaN as 0 (a cheaper np.nan_to_num: the signals hold no infinities)."""
    return np.where(np.isnan(values), 0.0, values)


def _ramp(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.clip((values - low) / (high - low), 0.0, 1.0)


def present_signals(sig: pd.DataFrame) -> frozenset[str]:
    """The signals this data set has: some customer with a known, non-zero value.

    Decided once for the whole data set (not per customer): a column of zeros only, such as perk
    uses from an interactions export without perk_use events, is no evidence either.
    """
    return frozenset(c for c in sig.columns
                     if sig[c].notna().any() and sig[c].fillna(0).ne(0).any())


def tellable(rule: TypeRule, present: frozenset[str]) -> bool:
    """Whether the data holds the rule's evidence and at least one signal to score it with."""
    has_evidence = not rule.evidence or any(e in present for e in rule.evidence)
    return has_evidence and bool(_usable(rule, present))


def untellable_types(sig: pd.DataFrame | SignalArrays,
                     rules: dict[str, TypeRule] | None = None) -> list[str]:
    """The types this data set (its signals, or the signals read once) cannot tell, in
    :data:`TYPES` order."""
    rules = rules or TYPE_RULES
    present = sig.present if isinstance(sig, SignalArrays) else present_signals(sig)
    return [t for t in TYPES if not tellable(rules[t], present)]


def _usable(rule: TypeRule, present: frozenset[str]) -> list[Signal]:
    """The rule's signals the data has, each under the name it is read from."""
    out = []
    for s in rule.signals:
        if s.name in present:
            out.append(s)
        elif s.fallback and s.fallback in present:
            out.append(replace(s, name=s.fallback))
    return out


@dataclass
class Segmentation:
    """Result of :func:`segment`: one row per customer.

    ``untellable`` lists the types the data set has no evidence for: nobody gets them and their
    scores are NaN (unknown rather than 0). ``missing_signals`` are the signals the told types
    would read but the data lacks.
    """

    table: pd.DataFrame
    missing_signals: list[str] = field(default_factory=list)
    untellable: list[str] = field(default_factory=list)


class SignalArrays:
    """One customer table's signals as NumPy arrays, each read once when first asked for.

    Re-scoring a million customers after a threshold change is then NumPy only (pandas'
    column-by-column frames cost several times that), and the scores of the rules that did not
    change are kept: a slider moves one type's rule, so only that type is scored again.
    ``present`` are the data set's signals (:func:`present_signals` of ``sig`` unless given, so
    a slice of customers is scored as in the whole data).
    """

    def __init__(self, sig: pd.DataFrame, present: frozenset[str] | None = None):
        self.sig = sig
        self.n = len(sig)
        self.present = present_signals(sig) if present is None else present
        self._values: dict[str, np.ndarray] = {}
        self._known: dict[str, bool] = {}
        # type -> (rule, score): the last score of each type (one per type bounds the memory).
        self._scores: dict[str, tuple[TypeRule, np.ndarray]] = {}
        self._history: dict[tuple[int, int], np.ndarray] = {}

    def values(self, name: str) -> np.ndarray:
        if name not in self._values:
            self._values[name] = self.sig[name].to_numpy(dtype=float, na_value=np.nan)
        return self._values[name]

    def known(self, name: str) -> bool:
        """Whether some customer has a value of ``name`` (0 included)."""
        if name not in self._known:
            self._known[name] = name in self.sig and bool((~np.isnan(self.values(name))).any())
        return self._known[name]

    def score(self, rule: TypeRule) -> np.ndarray:
        """The type's score of every customer under ``rule`` (NaN when the type cannot be
        told), kept until the type's rule changes."""
        kept = self._scores.get(rule.type)
        if kept is None or kept[0] != rule:
            kept = (rule, _score(self, rule)[0])
            self._scores[rule.type] = kept
        return kept[1]

    def history_codes(self, min_orders: int, min_tenure_days: int) -> np.ndarray:
        """Per customer the position in :data:`GROUPS` of its :func:`history_group`, -1 with
        enough history to type."""
        key = (min_orders, min_tenure_days)
        if key not in self._history:
            orders, tenure = self.values("orders"), self.values("tenure_days")
            code = np.full(self.n, -1, dtype=np.int8)
            code[orders < min_orders] = GROUPS.index(OCCASIONAL)
            code[orders <= 1] = GROUPS.index(ONE_TIME)
            code[tenure < min_tenure_days] = GROUPS.index(TOO_NEW)
            self._history[key] = code
        return self._history[key]


def _score(a: SignalArrays, rule: TypeRule, parts: bool = False
           ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """One type's score (0-1) of every customer and, with ``parts``, each signal's weighted part
    of it. A signal the data lacks is left out and the other weights count proportionally more;
    a customer missing a signal the data has (no survey answer) scores 0 on it."""
    if not tellable(rule, a.present):
        return np.full(a.n, np.nan), {}
    usable = _usable(rule, a.present)
    total = sum(s.weight for s in usable)
    contrib = {}
    score = np.zeros(a.n)
    for s in usable:
        part = _zero_nan(_ramp(a.values(s.name), s.low, s.high)) * (s.weight / total)
        score += part
        if parts:
            contrib[s.name] = part
    # Known, even if 0 for everybody, is enough: a members file that names none of these
    # customers says they are not members.
    if rule.requires and a.known(rule.requires):
        score = score * (_zero_nan(a.values(rule.requires)) > 0)
    if rule.penalty and a.known(rule.penalty[0]):
        hit = _zero_nan(a.values(rule.penalty[0])) > 0
        score = np.where(hit, score * rule.penalty[1], score)
    score = np.minimum(score, rule.cap) if rule.cap < 1 else score
    # The customer needs some of the evidence too: small orders alone never make anyone
    # perk-loyal, a perk use has to be on record.
    shown = [e for e in rule.evidence if e in a.present]
    if shown:
        score = np.where(np.any([_zero_nan(a.values(e)) != 0 for e in shown], axis=0), score,
                         0.0)
    return score, contrib


def _missing(rules: dict[str, TypeRule], a: SignalArrays) -> list[str]:
    """The signals the rules read that the data set lacks (a membership requirement nobody's
    value is known of included)."""
    missing = set()
    for t in TYPES:
        rule = rules[t]
        missing |= {s.name for s in rule.signals
                    if s.name not in a.present and not (s.fallback and s.fallback in a.present)}
        if rule.requires and not a.known(rule.requires):
            missing.add(rule.requires)
    return sorted(missing)


def score_types(sig: pd.DataFrame, rules: dict[str, TypeRule] | None = None,
                present: frozenset[str] | None = None
                ) -> tuple[pd.DataFrame, dict[str, pd.DataFrame], list[str]]:
    """Type scores (0-1, one column per type) and each signal's weighted part of each score.

    ``present`` are the data set's signals (:func:`present_signals` of ``sig`` unless given, so a
    slice of customers is scored as in the whole data). A signal the data lacks is left out and
    the other weights of its type count proportionally more; a customer missing a signal the data
    has (no survey answer) scores 0 on it. A type without evidence scores NaN.
    """
    rules = rules or TYPE_RULES
    a = SignalArrays(sig, present)
    scores, parts = {}, {}
    for t in TYPES:
        scores[t], contrib = _score(a, rules[t], parts=True)
        parts[t] = pd.DataFrame(contrib, index=sig.index)
    return pd.DataFrame(scores, index=sig.index), parts, _missing(rules, a)


def history_group(sig: pd.DataFrame, min_orders: int = MIN_ORDERS,
                  min_tenure_days: int = MIN_TENURE_DAYS) -> pd.Series:
    """Per customer: ``too_new``, ``one_time``, ``occasional`` or NaN (enough history to type).

    Too new: first purchase under ``min_tenure_days`` before the observation end, whatever the
    orders. Long-standing customers are one-time buyers with a single order and occasional with
    fewer than ``min_orders``: they had the time to come back and did not, so they are not new.
    """
    code = SignalArrays(sig, frozenset()).history_codes(min_orders, min_tenure_days)
    names = np.array([*GROUPS, np.nan], dtype=object)
    return pd.Series(names[code], index=sig.index, dtype=object)


def type_codes(a: SignalArrays, rules: dict[str, TypeRule] | None = None,
               min_orders: int = MIN_ORDERS, min_tenure_days: int = MIN_TENURE_DAYS
               ) -> tuple[np.ndarray, list[str]]:
    """Per customer the position in :data:`GROUPS` of its primary type or history group, and
    the types the data can tell (in :data:`TYPES` order).

    The primary type is the highest score among the told types, the first of them on a tie
    (satisfied when the data can tell no other).
    """
    rules = rules or TYPE_RULES
    told = [t for t in TYPES if tellable(rules[t], a.present)] or ["satisfied"]
    # A running maximum: stacking six scores of a million customers to take an arg max costs
    # three times as much.
    best = np.nan_to_num(a.score(rules[told[0]]), nan=0.0)
    code = np.full(a.n, GROUPS.index(told[0]), dtype=np.int8)
    for t in told[1:]:
        score = a.score(rules[t])
        code[score > best] = GROUPS.index(t)
        np.fmax(best, score, out=best)
    group = a.history_codes(min_orders, min_tenure_days)
    return np.where(group >= 0, group, code).astype(np.int8), told


def primary_types(code: np.ndarray, index: pd.Index) -> pd.Series:
    """The names of :func:`type_codes` (types and history groups), one per customer."""
    return pd.Series(np.asarray(GROUPS, dtype=object)[code], index=index, dtype=object)


def segment(sig: pd.DataFrame, rules: dict[str, TypeRule] | None = None,
            min_orders: int = MIN_ORDERS, min_tenure_days: int = MIN_TENURE_DAYS,
            explain: bool = True, arrays: SignalArrays | None = None) -> Segmentation:
    """Primary loyalty type per customer (or a group from :func:`history_group`), with scores
    and reasons.

    The primary type is the highest score among the types the data can tell (satisfied when the
    data can tell no other). ``reasons`` holds up to three (signal, value) pairs, strongest first
    (text comes from :func:`loyalty.analysis.customers.reason_text`). ``explain=False`` skips them, which
    is what a threshold change needs to recount the types quickly; :func:`reasons_for` adds them
    later for the customers shown or exported. ``arrays`` are ``sig`` read once
    (:class:`SignalArrays`), kept by a caller who scores the same customers again.
    """
    rules = rules or TYPE_RULES
    a = arrays if arrays is not None else SignalArrays(sig)
    code, told = type_codes(a, rules, min_orders, min_tenure_days)
    primary = primary_types(code, sig.index)
    table = pd.DataFrame({f"score_{t}": a.score(rules[t]) for t in TYPES}, index=sig.index)
    table.insert(0, "loyalty_type", primary)
    if explain:
        parts = {t: pd.DataFrame(_score(a, rules[t], parts=True)[1], index=sig.index)
                 for t in TYPES}
        table["reasons"] = _reasons(sig, primary, parts)
    return Segmentation(table=table, missing_signals=missing_signals(a, rules, told),
                        untellable=[t for t in TYPES if t not in told])


def missing_signals(a: SignalArrays, rules: dict[str, TypeRule], told: list[str]) -> list[str]:
    """The signals the told types would read but the data lacks (the signals of the types the
    data cannot tell at all are named with those types instead)."""
    read = set().union(*(_reads(rules[t]) for t in told))
    return [m for m in _missing(rules, a) if m in read]


def _reads(rule: TypeRule) -> set[str]:
    """Every signal a rule reads, including its membership requirement."""
    return {s.name for s in rule.signals} | ({rule.requires} if rule.requires else set())


def reasons_for(sig: pd.DataFrame, table: pd.DataFrame,
                rules: dict[str, TypeRule] | None = None,
                present: frozenset[str] | None = None) -> pd.Series:
    """Reasons for the customers in ``table`` (a slice of a :func:`segment` result), weighed
    with the signals of the whole data set: ``sig`` or, when the whole data set stays in the
    engine, its ``present`` signals (``sig`` then holds only these customers)."""
    sub = sig.loc[table.index]
    _, parts, _ = score_types(sub, rules, present_signals(sig) if present is None else present)
    return _reasons(sub, table["loyalty_type"], parts)


def _reasons(sig: pd.DataFrame, primary: pd.Series, parts: dict[str, pd.DataFrame]) -> pd.Series:
    orders = sig["orders"].to_numpy(dtype=float)
    tenure = sig["tenure_days"].to_numpy(dtype=float)
    kind = primary.to_numpy()
    reasons = []
    for k, n, d in zip(kind, orders, tenure):
        if k == TOO_NEW:
            reasons.append([("tenure_days", float(d)),
                            ("one_order", 1.0) if n == 1 else ("orders", float(n))])
        elif k == ONE_TIME:
            reasons.append([("one_order", 1.0), ("tenure_days", float(d))])
        else:
            reasons.append([("orders", float(n)), ("tenure_days", float(d))])
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
            # Nothing stood out (a satisfied customer by default): name the type's first signal
            # rather than nothing.
            picked = picked or [(names[o[0]], float(v[0]))]
            if e:
                picked = picked[:2] + [("complaints", 0.0)]
            reasons[i] = picked
    return pd.Series(reasons, index=sig.index, dtype=object)


def with_threshold(rules: dict[str, TypeRule], type_: str, signal: str, low: float | None = None,
                   high: float | None = None) -> dict[str, TypeRule]:
    """A copy of ``rules`` with one signal's thresholds changed."""
    rule = rules[type_]
    sigs = tuple(replace(s, low=s.low if low is None else low, high=s.high if high is None else high)
                 if s.name == signal else s for s in rule.signals)
    return {**rules, type_: replace(rule, signals=sigs)}
