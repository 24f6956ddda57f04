"""Named what-if scenarios: their assumptions and results side by side, as CSV and HTML report.

A scenario is plain data (assumptions and headline results as flat name -> value mappings, and
its charts as Plotly JSON), so it can be kept in a session, compared and written out without the
app.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import pandas as pd
import plotly.io as pio

from loyalty.presentation.csvsafe import to_csv_bytes
from loyalty.presentation.i18n import fmt_money, fmt_number, fmt_percent, t

# Headline results in report order, with how each is formatted.
RESULTS = (
    ("tier_up", "count"), ("tier_down", "count"), ("tier_cost_change", "money"),
    ("tier_extra_spend", "money"), ("tier_lost_spend", "money"), ("tier_margin_low", "money"),
    ("tier_margin", "money"), ("tier_margin_high", "money"),
    ("discount_depth", "percent"), ("discount_extra_orders", "count"),
    ("discount_extra_per_customer", "number"),
    ("discount_revenue_change", "money"), ("discount_cost", "money"),
    ("discount_profit_low", "money"), ("discount_profit", "money"),
    ("discount_profit_high", "money"),
    ("retention_cut", "percent"), ("retention_years", "count"),
    ("retention_extra_revenue", "money"), ("retention_profit_low", "money"),
    ("retention_profit", "money"), ("retention_profit_high", "money"),
)

# Assumptions as the report labels and formats them; others are shown as they are.
ASSUMPTIONS = {
    "gross_margin": "percent", "tiers": "text", "thresholds_today": "text",
    "thresholds_planned": "text", "benefits_today": "text", "benefits_planned": "text",
    "points_per_unit": "number", "point_value": "number", "stretch_zone": "percent",
    "stretch_max": "percent", "discount_offered_to": "text", "discount_depth": "percent",
    "response_source": "text", "response_scales": "text", "max_uplift": "text",
    "response_threshold": "percent", "response_width": "percent", "warn_below": "percent",
    "warn_from": "percent", "incremental_share": "percent", "elasticity_base": "number",
    "elasticity_high": "number", "saturation_depth": "percent", "demotion_loss": "percent",
    "churn_rate": "percent", "revenue_per_year": "money", "retention_cost_per_year": "money", "churn_cut": "percent",
    "years": "count",
}


@dataclass
class Scenario:
    name: str
    assumptions: dict
    results: dict
    figures: dict = field(default_factory=dict)   # title key -> Plotly JSON
    saved: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y-%m-%d %H:%M"))

    def to_dict(self) -> dict:
        """Plain values (a workspace keeps scenarios as JSON)."""
        return {"name": self.name, "assumptions": dict(self.assumptions),
                "results": dict(self.results), "figures": dict(self.figures),
                "saved": self.saved}

    @classmethod
    def from_dict(cls, d: dict) -> "Scenario":
        return cls(str(d["name"]), dict(d.get("assumptions", {})), dict(d.get("results", {})),
                   dict(d.get("figures", {})), str(d.get("saved", "")))


def _format(value, kind: str, lang: str) -> str:
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "money":
        return fmt_money(value, lang, 0)
    if kind == "percent":
        return fmt_percent(value, lang)
    if kind == "number":
        return fmt_number(value, lang, 3).rstrip("0").rstrip(".,")
    return fmt_number(value, lang)


def assumptions_table(scenario: Scenario, lang: str = "en") -> pd.DataFrame:
    """The scenario's assumptions, labelled and formatted in ``lang``."""
    rows = [(t(f"assume.{k}", lang) if k in ASSUMPTIONS else k,
             _format(v, ASSUMPTIONS.get(k, "text"), lang)) for k, v in scenario.assumptions.items()]
    return pd.DataFrame(rows, columns=[t("scen.assumptions", lang), ""])


def compare_table(scenarios: list[Scenario], lang: str = "en", formatted: bool = True
                  ) -> pd.DataFrame:
    """One row per headline result, one column per scenario."""
    rows = {}
    for key, kind in RESULTS:
        label = t(f"scen.{key}", lang)
        rows[label] = [(_format(s.results.get(key), kind, lang) if formatted
                        else s.results.get(key)) for s in scenarios]
    return pd.DataFrame(rows, index=[s.name for s in scenarios]).T


def to_csv(scenarios: list[Scenario], lang: str = "en") -> bytes:
    """Long format: scenario, section (assumption or result), name, value; written by the
    formula-safe writer, since scenario and tier names are the manager's own text."""
    rows = []
    for s in scenarios:
        for section, values in (("assumption", s.assumptions), ("result", s.results)):
            for name, value in values.items():
                rows.append({"scenario": s.name, "saved": s.saved, "section": section,
                             "name": name, "value": value})
    frame = pd.DataFrame(rows, columns=["scenario", "saved", "section", "name", "value"])
    return to_csv_bytes(frame, lang)


def html_report(scenarios: list[Scenario], lang: str = "en", dataset: str = "") -> str:
    """A self-contained HTML page: the comparison, then each scenario's assumptions and charts.
    Plotly's script is embedded once so the report opens without an internet connection."""
    parts = [f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>",
             f"<title>{html.escape(t('scen.report_title', lang))}</title>",
             "<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
             "text-align:right}th:first-child,td:first-child{text-align:left}</style>",
             "</head><body>",
             f"<h1>{html.escape(t('scen.report_title', lang))}</h1>",
             f"<p>{html.escape(dataset)} · {dt.date.today().isoformat()}</p>",
             f"<p>{html.escape(t('scen.report_note', lang))}</p>",
             f"<h2>{html.escape(t('scen.compare', lang))}</h2>",
             compare_table(scenarios, lang).to_html(escape=True)]
    first_chart = True
    for s in scenarios:
        parts.append(f"<h2>{html.escape(s.name)}</h2>")
        parts.append(f"<h3>{html.escape(t('scen.assumptions', lang))}</h3>")
        parts.append(assumptions_table(s, lang).to_html(escape=True, header=False, index=False))
        for title, fig_json in s.figures.items():
            parts.append(f"<h3>{html.escape(t(title, lang))}</h3>")
            parts.append(pio.to_html(pio.from_json(fig_json), full_html=False,
                                     include_plotlyjs=first_chart))
            first_chart = False
    parts.append("</body></html>")
    return "\n".join(parts)
