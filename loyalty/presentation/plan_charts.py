"""Figures for the Programme and What-if pages, built from small result frames."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loyalty.presentation.charts import _layout
from loyalty.presentation.i18n import currency_symbol, fmt_money, t

_NOW, _NEW = "#9bbbd0", "#2f6f8f"


def launch_chart(table: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Spend per customer and month before and after the launch, members and non-members, with
    the members' path had they changed like non-members (dashed)."""
    g = table.set_index("group")
    x = [t("prog.before", lang), t("prog.after", lang)]
    fig = go.Figure()
    for group, colour in (("members", _NEW), ("non_members", _NOW)):
        fig.add_trace(go.Scatter(x=x, y=[g.loc[group, "before"], g.loc[group, "after"]],
                                 mode="lines+markers", name=t(f"chart.{group}", lang),
                                 line=dict(color=colour, width=3)))
    expected = g.loc["members", "before"] + g.loc["non_members", "change"]
    fig.add_trace(go.Scatter(x=x, y=[g.loc["members", "before"], expected], mode="lines",
                             name=t("prog.counterfactual", lang),
                             line=dict(color=_NEW, dash="dash")))
    fig.update_yaxes(title_text=f"{t('prog.spend_month', lang)} ({currency_symbol(lang)})",
                     rangemode="tozero",
                     tickformat=",.0f")
    return _layout(fig, lang)


def tier_compare(now: pd.DataFrame, new: pd.DataFrame, names, lang: str = "en") -> go.Figure:
    """Customers per tier today and under the planned thresholds (grouped bars)."""
    fig = go.Figure()
    for frame, label, colour in ((now, "plan.today", _NOW), (new, "plan.planned", _NEW)):
        fig.add_trace(go.Bar(x=list(names), y=frame["customers"], name=t(label, lang),
                             marker_color=colour, texttemplate="%{y:,.0f}",
                             textposition="outside"))
    fig.update_yaxes(title_text=t("seg.col_customers", lang), tickformat=",d", rangemode="tozero")
    return _layout(fig, lang)


def profit_curve(curve: pd.DataFrame, chosen: float, lang: str = "en") -> go.Figure:
    """Change in gross profit over discount depth: the base line inside the low-high band, the
    best depth and the chosen depth marked."""
    x = curve["depth"] * 100
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=curve["high"], mode="lines", line=dict(width=0),
                             showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=x, y=curve["low"], mode="lines", line=dict(width=0),
                             fill="tonexty", fillcolor="rgba(47,111,143,0.18)",
                             name=t("plan.band", lang), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=x, y=curve["base"], mode="lines", name=t("plan.base", lang),
                             line=dict(color=_NEW, width=3)))
    best = curve.loc[curve["base"].idxmax()]
    fig.add_trace(go.Scatter(x=[best["depth"] * 100], y=[best["base"]], mode="markers+text",
                             marker=dict(size=12, color="#3f8f4f"),
                             text=[t("plan.best", lang)], textposition="top center",
                             name=t("plan.best", lang)))
    fig.add_vline(x=chosen * 100, line_dash="dot", line_color="#e07b39")
    fig.add_hline(y=0, line_color="#888888")
    fig.update_xaxes(title_text=t("plan.depth_axis", lang), ticksuffix="\u00a0%" if lang == "de" else "%")
    fig.update_yaxes(title_text=f"{t('plan.profit_change', lang)} ({currency_symbol(lang)})",
                     tickformat=",.0f")
    return _layout(fig, lang)


def retention_chart(table: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Extra gross profit per year after the churn cut, base with the low-high range."""
    y = table["extra_profit"]
    fig = go.Figure(go.Bar(
        x=[t("plan.year_n", lang, n=int(n)) for n in table["year"]], y=y, marker_color=_NEW,
        name=t("plan.extra_profit", lang),
        error_y=dict(type="data", symmetric=False, array=table["extra_profit_high"] - y,
                     arrayminus=y - table["extra_profit_low"], color="#555555")))
    fig.update_yaxes(title_text=f"{t('plan.extra_profit', lang)} ({currency_symbol(lang)})",
                     tickformat=",.0f")
    return _layout(fig, lang)


def scenario_bars(compare: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Margin change of each saved scenario (one bar per scenario and lever)."""
    fig = go.Figure()
    # Levers a scenario does not hold are None, which leaves a column of objects.
    compare = compare.astype(float)
    for lever in compare.columns:
        if compare[lever].isna().all():
            # A lever no scenario could work out (no churn to cut, no discounts in the data)
            # would stand in the legend with no bar to find.
            continue
        values = compare[lever]
        # Each bar says its amount: a change of nothing is a bar of no height, which read as
        # a scenario that failed to draw.
        fig.add_trace(go.Bar(x=list(compare.index), y=values, name=t(f"plan.{lever}", lang),
                             text=["" if pd.isna(v) else fmt_money(v, lang, 0)
                                   for v in values],
                             textposition="outside", cliponaxis=False))
    fig.update_yaxes(title_text=f"{t('plan.profit_change', lang)} ({currency_symbol(lang)})",
                     tickformat=",.0f")
    if not (compare.abs() >= 1).to_numpy().any():
        # Changes of nothing (a scenario with today's settings): Plotly's own ticks at halves
        # would read "1, 1, 0, -1, -1" in whole euros.
        fig.update_yaxes(range=[-1, 1], dtick=1)
    fig = _layout(fig, lang)
    # Plotly hides the legend of a single trace: a scenario of one lever would not say which.
    fig.update_layout(barmode="group", showlegend=True)
    return fig
