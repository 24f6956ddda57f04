"""Each headline metric once: its key, how its value is shown, and whether higher is better.

Labels and one-line definitions live in the catalogue as ``metric.<key>`` and
``metric.<key>.help`` (English and German).
"""

from __future__ import annotations

from dataclasses import dataclass


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
