"""Plotly figures built from small result frames; pages only place them.

Each function takes the frame and the language and returns a ``plotly.graph_objects.Figure`` with
translated labels and the language's number separators.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .i18n import CURRENCY, LOCALES, t

_SEPARATORS = {"en": ".,", "de": ",."}
COLOURS = {"revenue": "#2f6f8f", "active": "#e07b39", "members": "#2f6f8f",
           "non_members": "#9bbbd0", "anonymous": "#c9c9c9"}


def _month_axis(fig: go.Figure, months, lang: str) -> None:
    """Month ticks named in the UI language (Plotly itself only knows English names)."""
    from babel.dates import format_date

    months = list(pd.to_datetime(months))
    fig.update_xaxes(title_text=t("chart.month", lang), tickmode="array", tickvals=months,
                     ticktext=[format_date(m, "MMM yyyy", locale=LOCALES[lang]) for m in months])


def _layout(fig: go.Figure, lang: str, title: str | None = None) -> go.Figure:
    fig.update_layout(separators=_SEPARATORS[lang], margin=dict(l=10, r=10, t=40, b=10),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      title=title, template="plotly_white", height=360)
    return fig


def _whole_step(top: int) -> int:
    """A tick step for counts: whole numbers, about five ticks."""
    raw = max(1, top // 5)
    magnitude = 10 ** (len(str(raw)) - 1)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def revenue_and_active(monthly: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Bars of net revenue per month and a line of active customers (second axis)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Bar(x=monthly["month"], y=monthly["revenue"], name=t("chart.revenue", lang),
                         marker_color=COLOURS["revenue"],
                         hovertemplate="%{x|%b %Y}: %{y:,.0f} " + CURRENCY + "<extra></extra>"),
                  secondary_y=False)
    fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["active"], mode="lines+markers",
                             name=t("chart.active", lang), line=dict(color=COLOURS["active"]),
                             hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra></extra>"),
                  secondary_y=True)
    fig.update_yaxes(title_text=f"{t('chart.revenue', lang)} ({CURRENCY})", secondary_y=False,
                     rangemode="tozero", tickformat=",.0f")
    top = max(1, int(monthly["active"].max() or 1)) if len(monthly) else 1
    fig.update_yaxes(title_text=t("chart.active", lang), secondary_y=True, rangemode="tozero",
                     showgrid=False, tickformat=",d", dtick=_whole_step(top))
    _month_axis(fig, monthly["month"], lang)
    return _layout(fig, lang)


def members_revenue(monthly: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Stacked bars: monthly net revenue from members, non-members and anonymous sales."""
    fig = go.Figure()
    for key, col in (("members", "revenue_members"), ("non_members", "revenue_non_members"),
                     ("anonymous", "revenue_anonymous")):
        fig.add_trace(go.Bar(x=monthly["month"], y=monthly[col], name=t(f"chart.{key}", lang),
                             marker_color=COLOURS[key],
                             hovertemplate="%{x|%b %Y}: %{y:,.0f} " + CURRENCY
                                           + "<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=f"{t('chart.revenue', lang)} ({CURRENCY})", rangemode="tozero",
                     tickformat=",.0f")
    _month_axis(fig, monthly["month"], lang)
    return _layout(fig, lang)


def members_table(comparison: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Members versus non-members as a small, formatted, translated table."""
    from .i18n import fmt_money, fmt_number

    rows = []
    for _, r in comparison.iterrows():
        rows.append({
            t("chart.group", lang): t(f"chart.{r['group']}", lang),
            t("chart.customers", lang): fmt_number(r["customers"], lang),
            t("chart.spend_per_customer", lang): fmt_money(r["spend_per_customer"], lang),
            t("chart.orders_per_customer", lang): fmt_number(r["orders_per_customer"], lang, 1),
            t("chart.aov", lang): fmt_money(r["aov"], lang),
        })
    return pd.DataFrame(rows)
