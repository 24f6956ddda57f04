"""The customer table: one row per customer with type, scores, reasons, lifecycle and RFM.

Used by the Segments page, its exports and ``python -m loyalty customers``.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.features import customer_features
from loyalty.analysis.filters import Filters
from loyalty.presentation.i18n import fmt_money, fmt_number, fmt_percent, t_n
from loyalty.analysis.lifecycle import lifecycle_stage, rfm_scores
from loyalty.analysis.segments import TYPES, TypeRule, segment, signals

SIGNAL_FORMAT = {
    "discount_share": "percent", "redeem_share": "percent", "channel_share": "percent",
    "logins_per_month": "number1", "perks_per_month": "number1", "orders_per_month": "number1",
    "reviews_per_year": "number1", "categories": "int", "referrals": "int", "orders": "int",
    "nps": "int", "aov": "money", "complaints": "int", "store_share": "percent",
    "tenure_days": "int", "one_order": "int",
}

EXPORT_FIGURES = ("orders", "revenue", "aov", "orders_per_month", "recency_days", "tenure_days",
                  "discount_share", "referrals", "reviews_per_year", "perks_per_month",
                  "logins_per_month", "channel_share", "nps", "p_alive",
                  "expected_purchases_90d", "clv_12m")


def format_signal(name: str, value: float, lang: str = "en") -> str:
    """A signal value as shown to people (rounded as shown, so repeated values format once)."""
    kind = SIGNAL_FORMAT.get(name, "number1")
    if value is None or value != value:
        return _format_signal(kind, value, lang)
    digits = {"percent": 2, "money": 2, "int": 0}.get(kind, 1)
    return _format_signal(kind, round(float(value), digits), lang)


@functools.lru_cache(maxsize=8192)
def _format_signal(kind: str, value, lang: str) -> str:
    if kind == "percent":
        return fmt_percent(value, lang, 0)
    if kind == "money":
        return fmt_money(value, lang)
    if kind == "int":
        return fmt_number(value, lang)
    return fmt_number(value, lang, 1)


def threshold_steps(low: float, high: float, step: float) -> list[float]:
    """The values a rule threshold can take, from ``low`` to ``high`` in ``step``s (rounded, so
    that a rule's default such as 0.3 is one of them exactly)."""
    return [round(low + i * step, 6) for i in range(round((high - low) / step) + 1)]


def threshold_label(name: str, value: float, step: float, lang: str = "en") -> str:
    """A rule threshold as the manager reads it: shares as percent ("60%", "60 %"), the average
    order as money, other signals with as many decimals as their step needs."""
    kind = SIGNAL_FORMAT.get(name, "number1")
    if kind == "percent":
        return fmt_percent(value, lang, 0)
    if kind == "money":
        return fmt_money(value, lang, 0)
    return fmt_number(value, lang, 0 if float(step).is_integer() else 1)


def reason_text(reasons: list[tuple[str, float]], lang: str = "en") -> str:
    """Reason pairs as one plain sentence: "62 % of orders used a discount; referred 3 friends"."""
    return "; ".join(t_n(f"reason.sig.{name}", 1 if value == 1 else 2, lang,
                         value=format_signal(name, value, lang)) for name, value in reasons)


def customer_table(ds: Dataset, observation_end: dt.date | None = None,
                   filters: Filters | None = None, rules: dict[str, TypeRule] | None = None,
                   churn_window_days: int | None = None
                   ) -> tuple[pd.DataFrame, list[str], list[str]]:
    """One row per customer, the signals the data could not provide and the loyalty types it
    cannot tell (nobody has them; their scores are empty)."""
    features = customer_features(ds, observation_end, filters)
    sig = signals(features)
    seg = segment(sig, rules)
    table = seg.table.join(sig.drop(columns=["tenure_days", "recency_days"]), how="left")
    table["revenue"] = features["revenue"]
    table["recency_days"] = features["recency_days"]
    table["tenure_days"] = features["tenure_days"]
    table["first_purchase"] = features["first_purchase"]
    table["last_purchase"] = features["last_purchase"]
    table["lifecycle"] = lifecycle_stage(features, churn_window_days)
    table = table.join(rfm_scores(features))
    if "tier" in features:
        table["tier"] = features["tier"]
    # The model fits need SciPy, a second's import that the Segments page's formatting helpers
    # in this module should not pay for.
    from loyalty.analysis.clv import customer_value, purchase_histories

    table = table.join(customer_value(purchase_histories(ds, observation_end, filters)))
    return table, seg.missing_signals, seg.untellable


def export_frame(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The columns a campaign tool needs, with reasons in words."""
    out = pd.DataFrame(index=table.index)
    out["loyalty_type"] = table["loyalty_type"]
    for ty in TYPES:
        out[f"score_{ty}"] = table[f"score_{ty}"].round(3)
    out["reasons"] = [reason_text(r, lang) for r in table["reasons"]]
    out["lifecycle"] = table["lifecycle"]
    for c in ("R", "F", "M"):
        out[c] = table[c]
    for c in EXPORT_FIGURES:
        if c in table:
            out[c] = table[c].round(4) if table[c].dtype.kind == "f" else table[c]
    return out.reset_index()
