"""Each headline metric once: its key, how its value is shown, and whether higher is better.

Labels and one-line definitions live in the catalogue as ``metric.<key>`` and
``metric.<key>.help`` (English and German).
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.presentation.i18n import fmt_money_short, fmt_number, fmt_percent, t


@dataclass(frozen=True)
class Metric:
    key: str
    unit: str          # count | money | percent | ratio | score
    higher_is_better: bool = True
    needs: str | None = None  # table or field the metric needs, else it shows n/a


OVERVIEW = (
    Metric("customers", "count"),
    Metric("active_customers", "count"),
    Metric("orders", "count"),
    Metric("net_revenue", "money"),
    Metric("aov", "money"),
    Metric("repurchase_rate", "percent"),
    Metric("churn_rate", "percent", higher_is_better=False),
    Metric("nps", "score", needs="surveys"),
    Metric("member_revenue_share", "percent", needs="members"),
    Metric("upselling_ratio", "ratio", needs="category"),
)


def format_value(metric: Metric, value, lang: str) -> str:
    """The value as the Overview tile (and the board pack) shows it."""
    if metric.unit == "money":
        return fmt_money_short(value, lang)
    if metric.unit == "percent":
        return fmt_percent(value, lang)
    if metric.unit == "ratio":
        return fmt_number(value, lang, 2)
    if metric.unit == "score":
        return fmt_number(value, lang, 1)
    return fmt_number(value, lang)


def format_delta(metric: Metric, now, before, lang: str) -> str | None:
    """Change versus the previous period: points for shares and scores, % for amounts. A change
    that rounds to nothing is written without a sign ("0.0%", never "-0.0%")."""
    text = _delta_text(metric, now, before, lang)
    if text is not None and no_change(text):
        return text.lstrip("-\u2212")
    return text


def no_change(delta: str | None) -> bool:
    """Whether a written change (:func:`format_delta`) shows no change at all: no digit but 0."""
    return delta is not None and not any(c in "123456789" for c in delta)


def _delta_text(metric: Metric, now, before, lang: str) -> str | None:
    if now is None or before is None or now != now or before != before:
        return None
    if metric.unit == "percent":
        return f"{fmt_number((now - before) * 100, lang, 1)} {t('unit.pp', lang)}"
    if metric.unit in ("score", "ratio"):
        return fmt_number(now - before, lang, 1 if metric.unit == "score" else 2)
    if not before:
        return None
    return fmt_percent((now - before) / abs(before), lang)
