"""Overview: headline KPIs against the comparison period, revenue and members charts."""

from dataclasses import replace

import streamlit as st

from loyalty.presentation import charts
from loyalty.presentation.i18n import fmt_date
from loyalty.analysis.metrics import OVERVIEW
from loyalty.analysis.overview import months_against
from loyalty.settings import default
from ui import state, tables
from ui.state import tr
from ui.widgets import guarded, kpi_tile, page_start


def _comparison_caption(figures: dict, lang: str) -> str:
    """The period, and what it is compared with or why it is compared with nothing."""
    (start, end), wanted = figures["period"], figures["compared_dates"]
    kind = figures["comparison"].kind
    dates = {"start": fmt_date(start, lang), "end": fmt_date(end, lang)}
    if wanted is None:
        return tr("compare.unset", **dates)
    dates.update(pstart=fmt_date(wanted[0], lang), pend=fmt_date(wanted[1], lang))
    if figures["previous_period"] is None:
        if kind == "previous":
            return tr("overview.period_alone", first=fmt_date(figures["data_first"], lang),
                      **dates)
        return tr("compare.uncovered", first=fmt_date(figures["data_first"], lang),
                  last=fmt_date(figures["data_last"], lang), **dates)
    if not figures["previous"]["orders"]:
        return tr("compare.empty", **dates)
    return tr("compare.period", what=tr(f"compare.what.{kind}"), **dates)


def render() -> None:
    lang = state.lang()
    ds = page_start("overview.title")
    if ds is None:
        return
    f = state.current_filters()
    churn_days = int(default("churn_window_days"))
    figures = state.overview_figures(*state.key(ds), f, churn_days, state.current_comparison())
    now, before = figures["current"], figures["previous"]
    st.caption(_comparison_caption(figures, lang))
    if before is None or not before["orders"]:
        # Nothing to compare with: a change against it would mean nothing.
        before = {k: None for k in now}
    # At most three tiles a row: four money figures side by side were cut off at 1024 px.
    for row in (OVERVIEW[:3], OVERVIEW[3:6], OVERVIEW[6:8], OVERVIEW[8:]):
        for col, metric in zip(st.columns(len(row)), row):
            with col:
                kpi_tile(metric, now[metric.key], before[metric.key], lang,
                         {"days": churn_days} if metric.key == "churn_rate" else None)

    monthly = state.monthly(*state.key(ds), f)
    st.subheader(tr("overview.revenue_chart"), help=tr("overview.revenue_chart_help"))
    against = None
    if figures["previous"] is not None and figures["previous"]["orders"]:
        then = replace(f, start=figures["previous_period"][0], end=figures["previous_period"][1])
        against = months_against(monthly, state.monthly(*state.key(ds), then))
    kind = figures["comparison"].kind
    st.plotly_chart(charts.revenue_and_active(
        monthly, lang, against, tr("compare.line", name=tr(f"compare.name.{kind}"))),
        key="overview_revenue")
    if charts.has_partial_months(monthly):
        st.caption(tr("chart.partial_note"))

    st.subheader(tr("overview.members_chart"), help=tr("overview.members_chart_help"))
    if not ds.has("members"):
        st.info(tr("overview.no_members"))
        return
    # One below the other: beside the chart the table's five columns were cut off at 1440 px.
    st.plotly_chart(charts.members_revenue(monthly, lang), key="overview_members")
    st.markdown(f"**{tr('overview.members_table')}**")
    comparison = state.members_comparison(*state.key(ds), f)
    tables.show(charts.members_table(comparison, lang), charts.members_table_kinds(lang),
                key="overview_members_table")


guarded(render, state.lang())
