"""Plotly figures built from small result frames; pages only place them.

Each function takes the frame and the language and returns a ``plotly.graph_objects.Figure`` with
translated labels and the language's number separators.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from loyalty.presentation.i18n import LOCALES, currency_symbol, fmt_percent, t
from loyalty.analysis.periods import is_partial

# The default template is attached to each new figure without validation; assigning it per
# figure (layout.template=...) validates it every time, about 20 ms a figure, which a slider
# move on the What-if page pays for several figures.
pio.templates.default = "plotly_white"

_SEPARATORS = {"en": ".,", "de": ",."}
COLOURS = {"revenue": "#2f6f8f", "active": "#e07b39", "members": "#2f6f8f",
           "non_members": "#9bbbd0", "anonymous": "#c9c9c9", "before": "#7a7a7a"}


def _named_ticks(fig: go.Figure, ticks, pattern: str, lang: str) -> None:
    """Date ticks at ``ticks`` named in the UI language with the CLDR ``pattern`` (Plotly itself
    only knows English month names)."""
    from babel.dates import format_date

    fig.update_xaxes(tickmode="array", tickvals=ticks,
                     ticktext=[format_date(d, pattern, locale=LOCALES[lang]) for d in ticks])


def _month_axis(fig: go.Figure, months, lang: str) -> None:
    """A tick for each month, named in the UI language."""
    _named_ticks(fig, list(pd.to_datetime(months)), "MMM yyyy", lang)
    fig.update_xaxes(title_text=t("chart.month", lang))


def _date_axis(fig: go.Figure, dates, lang: str) -> None:
    """Ticks for a date axis named in the UI language: the first of every month (every few
    months over a long span), or single days within two months."""
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    if dates.empty:
        return
    first, last = dates.min().normalize(), dates.max().normalize()
    if (last - first).days <= 62:
        step = max(1, (last - first).days // 6)
        _named_ticks(fig, list(pd.date_range(first, last, freq=f"{step}D")),
                     "d MMM" if lang == "en" else "d. MMM", lang)
    else:
        months = pd.date_range(first.to_period("M").to_timestamp(), last, freq="MS")
        _named_ticks(fig, list(months[::max(1, -(-len(months) // 8))]), "MMM yyyy", lang)


def _plain(value):
    """A label from the data shown as text: Plotly renders tags such as ``<a href>`` in labels,
    so a tier or store named with markup would become a link."""
    if isinstance(value, str) and any(c in value for c in "<>&"):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def _plain_text(fig: go.Figure) -> None:
    """Every text a trace takes from the data (categories, labels, legend names) as text."""
    for trace in fig.data:
        for attr in ("x", "y", "labels", "text", "name"):
            value = getattr(trace, attr, None) if attr in trace else None
            if isinstance(value, str):
                trace[attr] = _plain(value)
            elif (isinstance(value, (list, tuple, np.ndarray))
                  and any(isinstance(v, str) for v in value)):
                trace[attr] = [_plain(v) for v in value]
        if trace.type == "sankey" and trace.node.label is not None:
            trace.node.label = [_plain(v) for v in trace.node.label]


def _layout(fig: go.Figure, lang: str, title: str | None = None) -> go.Figure:
    _plain_text(fig)
    fig.update_layout(separators=_SEPARATORS[lang], margin=dict(l=10, r=10, t=40, b=10),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      title=title, height=360)
    _whole_ticks(fig)
    if lang != "en":
        _spaced_percent(fig, lang)
    return fig


def _traces_on(fig: go.Figure, name: str) -> list:
    """The traces drawn on layout axis ``name`` (``yaxis2``, ``xaxis``)."""
    letter = name[0]
    ref = letter + name[len("xaxis"):]
    return [tr for tr in fig.data if (getattr(tr, f"{letter}axis", None) or letter) == ref]


def _axis_values(fig: go.Figure, name: str) -> list[float]:
    """The values the traces drawn on layout axis ``name`` (``yaxis2``, ``xaxis``) put on it."""
    letter = name[0]
    values: list[float] = []
    for trace in _traces_on(fig, name):
        data = getattr(trace, letter, None)
        if data is not None:
            values += [float(v) for v in data if v is not None and v == v
                       and isinstance(v, (int, float))]
    return values


def _spaced_percent(fig: go.Figure, lang: str) -> None:
    """German writes "20 %" with a space, which Plotly's percent format cannot: percent axes get
    their ticks written out (at 1, 2 or 5 times a power of ten, or the axis's own step), and
    percent hover values come from text written the same way."""
    import math

    for name in [k for k in fig.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        axis = fig.layout[name]
        if not (axis.tickformat or "").endswith("%"):
            continue
        if axis.range is not None:
            low, high = (float(v) for v in axis.range)
        else:
            values = _axis_values(fig, name) or [0.0, 1.0]
            low, high = min(0.0, min(values)), max(values)
        # Six rather than five: a 0-100 % axis ticks every 20 % as Plotly's own would.
        step = float(axis.dtick) if axis.dtick is not None else _share_step(high - low, 6)
        decimals = max(0, math.ceil(-math.log10(step * 100) - 1e-9))
        first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        ticks = [round(i * step, 10) for i in range(first, last + 1)]
        axis.update(tickmode="array", tickvals=ticks,
                    ticktext=[fmt_percent(v, lang, decimals) for v in ticks])
    for trace in fig.data:
        template = getattr(trace, "hovertemplate", None) or ""
        found = re.search(r"%\{y:\.(\d)%\}", template)
        if not found or getattr(trace, "text", None) is not None or trace.y is None:
            continue
        trace.update(text=[fmt_percent(v, lang, int(found.group(1))) for v in trace.y],
                     hovertemplate=template.replace(found.group(0), "%{text}"))
        if trace.type == "bar":
            trace.update(textposition="none")


def _whole_ticks(fig: go.Figure) -> None:
    """Count axes (tick format ``,d``) with small values get whole-number steps: Plotly would
    tick at 0.5 and print "0 0 1 1 2"."""
    stacked = fig.layout.barmode in ("stack", "relative")
    for name in [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]:
        axis = fig.layout[name]
        if axis.tickformat != ",d" or axis.dtick is not None:
            continue
        tops: dict = {}
        for tr in _traces_on(fig, name):
            if tr.type == "histogram" and tr.x is not None:
                # Plotly counts the values itself: at most all of them fall in one bar.
                tops[id(tr)] = len(tr.x)
                continue
            if getattr(tr, "y", None) is None:
                continue
            xs = tr.x if getattr(tr, "x", None) is not None else range(len(tr.y))
            for x, y in zip(xs, tr.y):
                if y is None or y != y:
                    continue
                key = x if stacked and tr.type == "bar" else (id(tr), x)
                tops[key] = tops.get(key, 0) + abs(float(y))
        top = max(tops.values(), default=0)
        # All zeros too: Plotly spans -1 to 1 in halves, printed "-1 -1 0 1 1".
        if tops and top < 10:
            axis.update(dtick=1 if top <= 6 else 2, tick0=0)


def _share_step(top: float, ticks: int = 5) -> float:
    """A tick step for shares (0-1): 1, 2 or 5 times a power of ten, about ``ticks`` ticks."""
    import math

    raw = max(top, 1e-6) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw - 1e-12)


def _whole_step(top: int) -> int:
    """A tick step for counts: whole numbers, about five ticks."""
    raw = max(1, top // 5)
    magnitude = 10 ** (len(str(raw)) - 1)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


PARTIAL_OPACITY = 0.4


def _partial(monthly: pd.DataFrame, lang: str) -> tuple[list[float], list[str]]:
    """Per month: bar opacity and a hover note, so that a month the data covers only in part
    does not read as a collapse."""
    from loyalty.presentation.i18n import fmt_percent

    coverage = (monthly["coverage"] if "coverage" in monthly
                else pd.Series(1.0, index=monthly.index)).fillna(1.0)
    opacity = [PARTIAL_OPACITY if is_partial(c) else 1.0 for c in coverage]
    notes = [" (" + t("chart.partial_month", lang, share=fmt_percent(c, lang, 0)) + ")"
             if is_partial(c) else "" for c in coverage]
    return opacity, notes


def has_partial_months(monthly: pd.DataFrame) -> bool:
    """Whether a monthly frame has a month the period or the data covers only in part."""
    return "coverage" in monthly and any(is_partial(c) for c in monthly["coverage"].fillna(1.0))


def revenue_and_active(monthly: pd.DataFrame, lang: str = "en",
                       before: pd.DataFrame | None = None, before_name: str = "") -> go.Figure:
    """Bars of net revenue per month and a line of active customers (second axis); partial
    months (``coverage`` below 1) are drawn lighter and say so on hover. ``before`` (from
    :func:`loyalty.analysis.overview.months_against`) adds the comparison period's revenue as a dashed
    line named ``before_name``, each point naming its own month on hover."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    opacity, notes = _partial(monthly, lang)
    fig.add_trace(go.Bar(x=monthly["month"], y=monthly["revenue"], name=t("chart.revenue", lang),
                         marker=dict(color=COLOURS["revenue"], opacity=opacity),
                         customdata=notes,
                         hovertemplate="%{x|%b %Y}: %{y:,.0f} " + currency_symbol(lang)
                                       + "%{customdata}<extra></extra>"),
                  secondary_y=False)
    fig.add_trace(go.Scatter(x=monthly["month"], y=monthly["active"], mode="lines+markers",
                             name=t("chart.active", lang), line=dict(color=COLOURS["active"]),
                             hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra></extra>"),
                  secondary_y=True)
    if before is not None:
        from babel.dates import format_date

        names = [format_date(m, "MMM yyyy", locale=LOCALES[lang]) for m in before["month_before"]]
        fig.add_trace(go.Scatter(x=before["month"], y=before["revenue_before"],
                                 mode="lines+markers", name=before_name, customdata=names,
                                 line=dict(color=COLOURS["before"], dash="dash"),
                                 hovertemplate="%{customdata}: %{y:,.0f} " + currency_symbol(lang)
                                               + "<extra></extra>"),
                      secondary_y=False)
    fig.update_yaxes(title_text=f"{t('chart.revenue', lang)} ({currency_symbol(lang)})",
                     secondary_y=False,
                     rangemode="tozero", tickformat=",.0f")
    top = max(1, int(monthly["active"].max() or 1)) if len(monthly) else 1
    fig.update_yaxes(title_text=t("chart.active", lang), secondary_y=True, rangemode="tozero",
                     showgrid=False, tickformat=",d", dtick=_whole_step(top))
    _month_axis(fig, monthly["month"], lang)
    return _layout(fig, lang)


def members_revenue(monthly: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Stacked bars: monthly net revenue from members, non-members and anonymous sales."""
    fig = go.Figure()
    opacity, notes = _partial(monthly, lang)
    for key, col in (("members", "revenue_members"), ("non_members", "revenue_non_members"),
                     ("anonymous", "revenue_anonymous")):
        fig.add_trace(go.Bar(x=monthly["month"], y=monthly[col], name=t(f"chart.{key}", lang),
                             marker=dict(color=COLOURS[key], opacity=opacity),
                             customdata=notes,
                             hovertemplate="%{x|%b %Y}: %{y:,.0f} " + currency_symbol(lang)
                                           + "%{customdata}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=f"{t('chart.revenue', lang)} ({currency_symbol(lang)})",
                     rangemode="tozero",
                     tickformat=",.0f")
    _month_axis(fig, monthly["month"], lang)
    return _layout(fig, lang)


def members_table(comparison: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Members versus non-members as a small translated table whose numbers stay numbers;
    :func:`members_table_kinds` says how each column is formatted."""
    return pd.DataFrame({
        t("chart.group", lang): [t(f"chart.{g}", lang) for g in comparison["group"]],
        t("chart.customers", lang): comparison["customers"].to_numpy(),
        t("chart.spend_per_customer", lang): comparison["spend_per_customer"].to_numpy(),
        t("chart.orders_per_customer", lang): comparison["orders_per_customer"].to_numpy(),
        t("chart.aov", lang): comparison["aov"].to_numpy(),
    })


def members_table_kinds(lang: str = "en") -> dict[str, str]:
    """Column -> kind of value (money, count, decimal) for :func:`members_table`."""
    return {t("chart.customers", lang): "count", t("chart.spend_per_customer", lang): "money",
            t("chart.orders_per_customer", lang): "decimal", t("chart.aov", lang): "money"}


TYPE_COLOURS = {"satisfied": "#6c9bd2", "price_loyal": "#e07b39", "programme_loyal": "#8e6bbf",
                "convenience_loyal": "#4aa3a2", "perk_loyal": "#c9a227", "advocate": "#3f8f4f",
                "too_new": "#c9c9c9", "one_time": "#9a9a9a", "occasional": "#b3b3b3"}


def _heatmap(z: pd.DataFrame, text, x_labels, y_labels, lang: str, colorscale="Blues",
             hover: str = "%{y} · %{x}: %{text}<extra></extra>") -> go.Figure:
    fig = go.Figure(go.Heatmap(z=z.values, x=x_labels, y=y_labels, text=text,
                               texttemplate="%{text}", hovertemplate=hover,
                               colorscale=colorscale, showscale=False))
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, lang)


def type_profile(profile: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Heatmap: loyalty types (rows) by signal (columns); colour is the type's mean relative to
    the highest type mean of that signal, the text is the mean itself."""
    from loyalty.analysis.customers import format_signal

    scaled = profile / profile.max().replace(0, 1)
    text = [[format_signal(c, v, lang) if pd.notna(v) else "–" for c, v in row.items()]
            for _, row in profile.iterrows()]
    fig = _heatmap(scaled.fillna(0), text, [t(f"signal.{c}", lang) for c in profile.columns],
                   [t(f"type.{i}", lang) for i in profile.index], lang)
    fig.update_layout(height=320)
    return fig


def type_mix(mix: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Stacked bars: customers by loyalty type at each quarter end (columns are types)."""
    fig = go.Figure()
    labels = [f"Q{(d.month - 1) // 3 + 1} {d.year}" for d in pd.to_datetime(mix.index)]
    for ty in mix.columns:
        fig.add_trace(go.Bar(x=labels, y=mix[ty], name=t(f"type.{ty}", lang),
                             marker_color=TYPE_COLOURS.get(ty)))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=t("chart.customers", lang), tickformat=",d")
    return _layout(fig, lang)


def lifecycle_flows(table: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Heatmap of customers moving between lifecycle stages (rows: before, columns: after)."""
    from loyalty.presentation.i18n import fmt_number

    text = [[fmt_number(v, lang) for v in row] for row in table.values]
    fig = _heatmap(table, text, [t(f"stage.{c}", lang) for c in table.columns],
                   [t(f"stage.{i}", lang) for i in table.index], lang, "Oranges")
    fig.update_xaxes(title_text=t("chart.stage_after", lang), side="top")
    fig.update_yaxes(title_text=t("chart.stage_before", lang))
    return fig


def rfm_grid(cells: pd.DataFrame, lang: str = "en") -> go.Figure:
    """The classic RFM grid: customers by recency score (rows, 5 = most recent) and frequency
    score (columns). ``cells`` has one row per (``R``, ``F``) pair with its ``customers``."""
    from loyalty.presentation.i18n import fmt_number

    grid = cells.pivot_table(index="R", columns="F", values="customers", aggfunc="sum").reindex(
        index=[5, 4, 3, 2, 1], columns=[1, 2, 3, 4, 5]).fillna(0).astype(int)
    text = [[fmt_number(v, lang) for v in row] for row in grid.values]
    fig = _heatmap(grid, text, [f"F{c}" for c in grid.columns], [f"R{i}" for i in grid.index],
                   lang, "Greens")
    fig.update_xaxes(title_text=t("chart.frequency_score", lang))
    fig.update_yaxes(title_text=t("chart.recency_score", lang))
    return fig


def customer_timeline(purchases: pd.DataFrame, lang: str = "en") -> go.Figure:
    """One customer's purchases (and returns) over time: date against amount."""
    colours = ["#c0392b" if a < 0 else COLOURS["revenue"] for a in purchases["amount"]]
    fig = go.Figure(go.Scatter(x=purchases["date"], y=purchases["amount"], mode="markers",
                               marker=dict(color=colours, size=9),
                               hovertemplate="%{x|%d.%m.%Y}: %{y:,.2f} " + currency_symbol(lang)
                                             + "<extra></extra>"))
    fig.update_yaxes(title_text=f"{t('chart.amount', lang)} ({currency_symbol(lang)})",
                     tickformat=",.0f")
    _date_axis(fig, purchases["date"], lang)
    fig.update_layout(height=280)
    return _layout(fig, lang)


def type_scores(scores: pd.Series, lang: str = "en") -> go.Figure:
    """Horizontal bars: one customer's score for each loyalty type."""
    fig = go.Figure(go.Bar(x=scores.values, y=[t(f"type.{i}", lang) for i in scores.index],
                           orientation="h",
                           marker_color=[TYPE_COLOURS.get(i) for i in scores.index],
                           hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    fig.update_xaxes(range=[0, 1], title_text=t("chart.score", lang))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=260)
    return _layout(fig, lang)


def nps_trend(trend: pd.DataFrame, lang: str = "en") -> go.Figure:
    """NPS per period with its 95 % interval as a band; hollow markers where too few answered."""
    x = pd.to_datetime(trend["period"])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(x) + list(x[::-1]),
                             y=list(trend["high"]) + list(trend["low"][::-1]),
                             fill="toself", fillcolor="rgba(47,111,143,0.15)", mode="lines",
                             line=dict(width=0), hoverinfo="skip", name=t("nps.interval", lang)))
    fig.add_trace(go.Scatter(
        x=x, y=trend["nps"], mode="lines+markers", name=t("metric.nps", lang),
        line=dict(color=COLOURS["revenue"]),
        marker=dict(size=9, symbol=["circle" if r else "circle-open" for r in trend["reliable"]]),
        customdata=trend[["low", "high", "respondents"]].to_numpy(),
        hovertemplate="%{x|%d.%m.%Y}: %{y:.1f} (%{customdata[0]:.1f} – %{customdata[1]:.1f}), "
                      "n = %{customdata[2]}<extra></extra>"))
    fig.update_yaxes(title_text=t("metric.nps", lang), range=[-100, 100], zeroline=True)
    _month_axis(fig, x, lang)
    fig.update_xaxes(title_text=t("nps.period", lang))
    return _layout(fig, lang)


def nps_shares(trend: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Stacked shares of promoters, passives and detractors per period."""
    x = pd.to_datetime(trend["period"])
    fig = go.Figure()
    for key, colour in (("detractors", "#c0392b"), ("passives", "#c9c9c9"),
                        ("promoters", "#3f8f4f")):
        fig.add_trace(go.Bar(x=x, y=trend[f"{key}_share"], name=t(f"nps.{key}", lang),
                             marker_color=colour,
                             hovertemplate="%{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(tickformat=".0%", range=[0, 1])
    _month_axis(fig, x, lang)
    fig.update_xaxes(title_text=t("nps.period", lang))
    return _layout(fig, lang)


def score_histogram(distribution: pd.DataFrame, lang: str = "en") -> go.Figure:
    colours = ["#c0392b"] * 7 + ["#c9c9c9"] * 2 + ["#3f8f4f"] * 2
    fig = go.Figure(go.Bar(x=distribution["score"], y=distribution["answers"],
                           marker_color=colours, hovertemplate="%{x}: %{y:,}<extra></extra>"))
    fig.update_xaxes(title_text=t("nps.score", lang), dtick=1)
    fig.update_yaxes(title_text=t("nps.answers", lang), tickformat=",d")
    return _layout(fig, lang)


def nps_groups(groups: pd.DataFrame, lang: str = "en", label=str) -> go.Figure:
    """NPS per group with 95 % intervals as error bars."""
    fig = go.Figure(go.Bar(
        x=[label(g) for g in groups["group"]], y=groups["nps"],
        marker_color=[COLOURS["revenue"] if r else "#9bbbd0" for r in groups["reliable"]],
        error_y=dict(type="data", symmetric=False, array=groups["high"] - groups["nps"],
                     arrayminus=groups["nps"] - groups["low"]),
        customdata=groups[["respondents"]].to_numpy(),
        hovertemplate="%{x}: %{y:.1f}, n = %{customdata[0]}<extra></extra>"))
    fig.update_yaxes(title_text=t("metric.nps", lang), range=[-100, 100])
    return _layout(fig, lang)


def movements(monthly: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Monthly new, reactivated and churned customers (bars) and the churn rate (line); partial
    months (``coverage`` below 1) are drawn lighter."""
    x = pd.to_datetime(monthly["month"])
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    opacity, notes = _partial(monthly, lang)
    for key, colour, sign in (("new", "#3f8f4f", 1), ("reactivated", "#6c9bd2", 1),
                              ("churned", "#c0392b", -1)):
        fig.add_trace(go.Bar(x=x, y=sign * monthly[key], name=t(f"churn.{key}", lang),
                             marker=dict(color=colour, opacity=opacity),
                             customdata=list(zip(monthly[key], notes)),
                             hovertemplate="%{customdata[0]:,}%{customdata[1]}<extra></extra>"),
                      secondary_y=False)
    fig.add_trace(go.Scatter(x=x, y=monthly["churn_rate"], name=t("churn.monthly_rate", lang),
                             mode="lines+markers", line=dict(color="#333333"),
                             hovertemplate="%{y:.1%}<extra></extra>"), secondary_y=True)
    fig.update_layout(barmode="relative")
    fig.update_yaxes(title_text=t("chart.customers", lang), tickformat=",d", secondary_y=False)
    top = float(monthly["churn_rate"].max()) if len(monthly) else 0.0
    fig.update_yaxes(title_text=t("churn.monthly_rate", lang), tickformat=".0%",
                     rangemode="tozero", showgrid=False, secondary_y=True,
                     dtick=_share_step(top if top == top and top > 0 else 1.0))
    _month_axis(fig, x, lang)
    return _layout(fig, lang)


def cohort_heatmap(cohorts: pd.DataFrame, lang: str = "en", value: str = "retention"
                   ) -> go.Figure:
    """Cohorts by first-purchase month (rows) and months since (columns); cells are shares."""
    from babel.dates import format_date

    grid = cohorts.pivot(index="cohort", columns="k", values=value)
    text = [["" if pd.isna(v) else fmt_percent(v, lang, 0) for v in row] for row in grid.values]
    rows = [format_date(c, "MMM yyyy", locale=LOCALES[lang]) for c in grid.index]
    fig = _heatmap(grid, text, [str(k) for k in grid.columns], rows, lang, "Blues",
                   hover="%{y}, +%{x}: %{text}<extra></extra>")
    fig.update_xaxes(title_text=t("churn.months_since", lang), side="top")
    fig.update_layout(height=max(320, 24 * len(rows) + 80))
    return fig


def retention_compare(curves: pd.DataFrame, lang: str = "en") -> go.Figure:
    fig = go.Figure()
    for group, colour in (("before", "#9bbbd0"), ("after", COLOURS["revenue"])):
        part = curves[curves["group"] == group]
        fig.add_trace(go.Scatter(x=part["k"], y=part["retention"], mode="lines+markers",
                                 name=t(f"churn.cohorts_{group}", lang),
                                 line=dict(color=colour),
                                 hovertemplate="+%{x}: %{y:.0%}<extra></extra>"))
    fig.update_xaxes(title_text=t("churn.months_since", lang), dtick=1)
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05], title_text=t("churn.retained", lang))
    return _layout(fig, lang)


def share_bars(frame: pd.DataFrame, lang: str = "en", label=str, value: str = "churn_rate"
               ) -> go.Figure:
    """Bars of a share per group (e.g. churn rate by loyalty type)."""
    fig = go.Figure(go.Bar(x=[label(g) for g in frame["group"]], y=frame[value],
                           marker_color=COLOURS["active"],
                           customdata=frame[["customers"]].to_numpy(),
                           hovertemplate="%{x}: %{y:.1%} (n = %{customdata[0]:,})<extra></extra>"))
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    fig.update_layout(height=300)
    return _layout(fig, lang)


def p_alive_histogram(p_alive: pd.Series, cut: float, lang: str = "en",
                      customers: pd.Series | None = None) -> go.Figure:
    """Customers by their probability of still being active, in 5 % bins: one value per
    customer, or per distinct purchase history with its number of ``customers``."""
    # A probability of exactly 1 would open a bin beyond the axis that still sets its height.
    weighted = {} if customers is None else {"y": customers, "histfunc": "sum"}
    fig = go.Figure(go.Histogram(x=p_alive.clip(upper=0.9999), **weighted,
                                 xbins=dict(start=0, end=1.0, size=0.05),
                                 marker_color=COLOURS["revenue"],
                                 hovertemplate="%{x}: %{y:,}<extra></extra>"))
    fig.add_vline(x=cut, line_dash="dash", line_color="#c0392b")
    fig.update_xaxes(title_text=t("churn.p_alive", lang), tickformat=".0%", range=[0, 1])
    fig.update_yaxes(title_text=t("chart.customers", lang), tickformat=",d")
    fig.update_layout(height=300)
    return _layout(fig, lang)


def tier_matrix(matrix: pd.DataFrame, lang: str = "en", rows: str = "tiers.at_start",
                columns: str = "tiers.at_end") -> go.Figure:
    """Customers by tier at the start (rows) and at the end (columns) of the period, or under
    any two ladders (``rows`` and ``columns`` are the axis titles' catalogue keys)."""
    from loyalty.presentation.i18n import fmt_number

    text = [[fmt_number(v, lang) for v in row] for row in matrix.values]
    fig = _heatmap(matrix, text, list(matrix.columns), list(matrix.index), lang, "Purples")
    fig.update_xaxes(title_text=t(columns, lang), side="top")
    fig.update_yaxes(title_text=t(rows, lang))
    # Room above the top axis's labels and title for the chart toolbar, which covered them.
    fig.update_layout(height=340, margin=dict(t=90))
    return fig


def points_chart(points: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Points earned and redeemed per period (bars) and outstanding points (line)."""
    x = pd.to_datetime(points["period"])
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Bar(x=x, y=points["earned"], name=t("tiers.earned", lang),
                         marker_color="#3f8f4f"), secondary_y=False)
    fig.add_trace(go.Bar(x=x, y=points["redeemed"], name=t("tiers.redeemed", lang),
                         marker_color="#e07b39"), secondary_y=False)
    fig.add_trace(go.Scatter(x=x, y=points["outstanding"], name=t("tiers.outstanding", lang),
                             mode="lines+markers", line=dict(color="#333333")), secondary_y=True)
    bars = max(float(points["earned"].max() or 0), float(points["redeemed"].max() or 0), 1.0)
    line = max(float(points["outstanding"].max() or 0), 1.0)
    fig.update_yaxes(tickformat=",d", secondary_y=False, title_text=t("tiers.points", lang),
                     rangemode="tozero", dtick=_whole_step(int(bars)))
    fig.update_yaxes(tickformat=",d", secondary_y=True, showgrid=False, rangemode="tozero",
                     title_text=t("tiers.outstanding", lang), dtick=_whole_step(int(line)))
    _month_axis(fig, x, lang)
    return _layout(fig, lang)


def tier_sankey(matrix: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Flows of customers from their tier at the start (left) to the end (right)."""
    names = list(matrix.index)
    k = len(names)
    source, target, value = [], [], []
    for i, a in enumerate(names):
        for j, b in enumerate(matrix.columns):
            if matrix.loc[a, b] > 0:
                source.append(i)
                target.append(k + j)
                value.append(int(matrix.loc[a, b]))
    start, end = t("tiers.at_start", lang), t("tiers.at_end", lang)
    # Customers who stay are the widest flows and the labels sit on them: a faint tint keeps the
    # labels readable and lets the moves (green up, orange down) stand out.
    fig = go.Figure(go.Sankey(
        node=dict(label=[f"{n} ({start})" for n in names] + [f"{n} ({end})" for n in
                                                              matrix.columns],
                  pad=18, thickness=16, color="#8e6bbf"),
        link=dict(source=source, target=target, value=value,
                  color=["rgba(63,143,79,0.55)" if tj - k > si else
                         "rgba(224,123,57,0.55)" if tj - k < si else "rgba(142,107,191,0.10)"
                         for si, tj in zip(source, target)]),
        textfont=dict(color="#1f1f1f", size=13)))
    fig.update_layout(height=320)
    return _layout(fig, lang)


def redemption_chart(points: pd.DataFrame, lang: str = "en") -> go.Figure:
    """Redemption rate and breakage per period (shares of the points earned in the period)."""
    x = pd.to_datetime(points["period"])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=points["redemption_rate"], mode="lines+markers",
                             name=t("tiers.redemption_rate", lang), line=dict(color="#e07b39")))
    fig.add_trace(go.Scatter(x=x, y=points["breakage"], mode="lines+markers",
                             name=t("tiers.breakage", lang), line=dict(color="#8e6bbf")))
    fig.update_yaxes(tickformat=".0%")
    _month_axis(fig, x, lang)
    return _layout(fig, lang)
