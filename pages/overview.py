"""Overview: headline KPIs against the previous period, revenue and members charts."""

import streamlit as st

from loyalty.presentation import charts
from loyalty.presentation.i18n import fmt_date
from loyalty.analysis.metrics import OVERVIEW
from loyalty.settings import default
from ui import state, tables
from ui.state import tr
from ui.widgets import guarded, kpi_tile, page_start


def render() -> None:
    lang = state.lang()
    ds = page_start("overview.title")
    if ds is None:
        return
    f = state.current_filters()
    churn_days = int(default("churn_window_days"))
    figures = state.overview_figures(*state.key(ds), f, churn_days)
    (start, end), previous = figures["period"], figures["previous_period"]
    now, before = figures["current"], figures["previous"]
    if previous is None:
        st.caption(tr("overview.period_alone", start=fmt_date(start, lang),
                      end=fmt_date(end, lang), first=fmt_date(figures["data_first"], lang)))
    else:
        st.caption(tr("overview.period", start=fmt_date(start, lang), end=fmt_date(end, lang),
                      pstart=fmt_date(previous[0], lang), pend=fmt_date(previous[1], lang)))
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
    st.plotly_chart(charts.revenue_and_active(monthly, lang), key="overview_revenue")
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
