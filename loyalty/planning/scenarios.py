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

# Assumptions as the report labels and formats them; others are shown as they are. Values are
# kept as numbers, keys and lists (never as text in the language they were saved in), so a
# scenario saved in German reads in English in an English report. Scenarios saved before that
# hold text, which is shown as it is.
ASSUMPTIONS = {
    "gross_margin": "percent", "tiers": "names", "thresholds_today": "amounts",
    "thresholds_planned": "amounts", "benefits_today": "benefits",
    "benefits_planned": "benefits",
    "points_per_unit": "number", "point_value": "number", "stretch_zone": "percent",
    "stretch_max": "percent", "discount_offered_to": "types", "discount_depth": "percent",
    "response_source": "source", "response_scales": "scales", "max_uplift": "type_percents",
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
    figures: dict = field(default_factory=dict)   # title key -> {lang: Plotly JSON}
    saved: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y-%m-%d %H:%M"))

    def to_dict(self) -> dict:
        """Plain values (a workspace keeps scenarios as JSON)."""
        return {"name": self.name, "assumptions": dict(self.assumptions),
                "results": dict(self.results), "figures": dict(self.figures),
                "saved": self.saved}

    def figure(self, key: str, lang: str):
        """The chart saved under ``key`` in ``lang`` (scenarios saved before charts were kept per
        language have one, in the language they were saved in)."""
        saved = self.figures[key]
        if isinstance(saved, dict):
            saved = saved.get(lang) or next(iter(saved.values()))
        return pio.from_json(saved)

    @classmethod
    def from_dict(cls, d: dict) -> "Scenario":
        return cls(str(d["name"]), dict(d.get("assumptions", {})), dict(d.get("results", {})),
                   dict(d.get("figures", {})), str(d.get("saved", "")))


def _short(value, lang: str) -> str:
    """A plain number with up to three decimals and no trailing zeros (0.005, 1.5, 700)."""
    text = fmt_number(value, lang, 3)
    sep = "," if lang == "de" else "."
    return text.rstrip("0").rstrip(sep) if sep in text else text


def _benefit(b: dict, lang: str) -> str:
    return t("assume.benefit", lang, discount=fmt_percent(b.get("discount", 0.0), lang),
             multiplier=_short(b.get("points_multiplier", 1.0), lang),
             fixed=fmt_money(b.get("fixed_cost", 0.0), lang, 0))


# How each structured kind reads; lists and mappings of the saved values.
_KINDS = {
    "names": lambda v, lang: " / ".join(map(str, v)),
    "amounts": lambda v, lang: " / ".join(_short(x, lang) for x in v),
    "benefits": lambda v, lang: "; ".join(_benefit(b, lang) for b in v),
    "types": lambda v, lang: ", ".join(t(f"type.{k}", lang) for k in v),
    "source": lambda v, lang: t(f"assume.source_{v}", lang),
    "scales": lambda v, lang: ", ".join(f"{t(f'plan.{k}', lang)} {_short(x, lang)}"
                                        for k, x in v.items()),
    "type_percents": lambda v, lang: ", ".join(f"{t(f'type.{k}', lang)} "
                                               f"{fmt_percent(x, lang, 0)}"
                                               for k, x in v.items()),
}


def _format(value, kind: str, lang: str) -> str:
    if kind in _KINDS and (kind == "source" or not isinstance(value, str)):
        return _KINDS[kind](value, lang)
    if kind == "text" or isinstance(value, (str, list, dict)):
        return str(value)
    if kind == "money":
        return fmt_money(value, lang, 0)
    if kind == "percent":
        return fmt_percent(value, lang)
    if kind == "number":
        return _short(value, lang)
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
    """Long format: scenario, section (assumption or result), name, value; numbers stay numbers,
    lists (tiers, benefits, types) are written out in ``lang``. Written by the formula-safe
    writer, since scenario and tier names are the manager's own text."""
    rows = []
    for s in scenarios:
        for section, values in (("assumption", s.assumptions), ("result", s.results)):
            for name, value in values.items():
                if isinstance(value, (list, dict)):
                    value = _format(value, ASSUMPTIONS.get(name, "text"), lang)
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
        for title in s.figures:
            parts.append(f"<h3>{html.escape(t(title, lang))}</h3>")
            parts.append(pio.to_html(s.figure(title, lang), full_html=False,
                                     include_plotlyjs=first_chart))
            first_chart = False
    parts.append("</body></html>")
    return "\n".join(parts)
