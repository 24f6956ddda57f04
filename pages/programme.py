"""Programme: members against non-members, before against after the launch, and ROI."""

import streamlit as st

from loyalty.presentation import charts, plan_charts
from loyalty.presentation.i18n import fmt_date, fmt_money, fmt_number, fmt_percent
from loyalty.analysis.programme import programme_roi
from ui import plan_state, state, tables
from ui.state import tr
from ui.widgets import guarded, money_note, page_start


def _members_section(ds, f, lang: str) -> None:
    st.subheader(tr("prog.compare"), help=tr("prog.compare_help"))
    comparison = state.members_comparison(*state.key(ds), f)
    table = charts.members_table(comparison, lang)
    retention = plan_state.retention_by_membership(*state.key(ds), f,
                                                   state.current_comparison()).set_index("group")
    table[tr("prog.retention")] = [retention["retention"].get(g) for g in comparison["group"]]
    tables.show(table, {**charts.members_table_kinds(lang), tr("prog.retention"): "percent"},
                key="prog_compare")
    st.caption(tr("prog.retention_help") if len(retention)
               else tr("compare.retention_none"))


def _launch_section(ds, f, lang: str) -> dict | None:
    st.subheader(tr("prog.launch"), help=tr("prog.launch_help"))
    choices = state.filter_choices(*state.key(ds))
    # The launch is picked within the period; the comparison itself reads all the data.
    first, last = choices["first"], f.end
    found = plan_state.launch_date(*state.key(ds))
    c1, c2 = st.columns(2)
    # The period filter may end before the launch: keep the default inside what can be picked.
    start = min(max(found or first + (last - first) / 2, first), last)
    launch = c1.date_input(tr("prog.launch_date"), value=start,
                           min_value=first, max_value=last, key="prog_launch",
                           format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD",
                           help=tr("prog.launch_date_help"))
    months = c2.slider(tr("prog.months"), 1, 12, 6, key="prog_months", persist_state="session",
                       help=tr("prog.months_help"))
    if found:
        st.caption(tr("prog.launch_found", date=fmt_date(found, lang)))
    result = plan_state.launch_effect(*state.key(ds), f, launch, int(months))
    if result["before_start"] < first or result["after_end"] > choices["last"]:
        st.warning(tr("prog.window_outside", start=fmt_date(result["before_start"], lang),
                      end=fmt_date(result["after_end"], lang), first=fmt_date(first, lang),
                      last=fmt_date(choices["last"], lang)))
    if result["effect"] is None:
        st.info(tr("prog.no_groups"))
        return None
    counts = result["table"].set_index("group")["customers"]
    st.caption(tr("prog.panel", members=fmt_number(counts["members"], lang),
                  non_members=fmt_number(counts["non_members"], lang), months=months,
                  start=fmt_date(result["before_start"], lang),
                  end=fmt_date(result["after_end"], lang)))
    st.plotly_chart(plan_charts.launch_chart(result["table"], lang), key="prog_launch_chart")
    c1, c2 = st.columns(2)
    c1.metric(tr("prog.effect"), fmt_money(result["effect"], lang), border=True,
              help=tr("prog.effect_help"))
    c2.metric(tr("prog.interval"), f"{fmt_money(result['low'], lang)} – "
              f"{fmt_money(result['high'], lang)}", border=True, help=tr("prog.interval_help"))
    clear = result["low"] > 0 or result["high"] < 0
    st.caption(tr("prog.significant" if clear else "prog.not_significant"))
    return result


def _roi_section(result: dict, lang: str) -> None:
    st.subheader(tr("prog.roi"), help=tr("prog.roi_help"))
    c1, c2 = st.columns(2)
    cost = c1.number_input(tr("prog.cost", months=result["months"]), 0.0, 1e9, 0.0, step=1000.0,
                           format="%.0f", key="prog_cost",
                           persist_state="session", help=tr("prog.cost_help"))
    money_note(c1, cost, lang)
    margin = c2.slider(tr("plan.margin"), 0, 90, 40, format=tr("unit.pct_format"), key="prog_margin",
                       persist_state="session",
                       help=tr("plan.margin_help")) / 100
    rows = {band: programme_roi(result[key], result["members"], result["months"], margin, cost)
            for band, key in (("low", "low"), ("base", "effect"), ("high", "high"))}
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("prog.incremental_revenue"), fmt_money(rows["base"]["incremental_revenue"], lang, 0),
              border=True, help=tr("prog.incremental_revenue_help"))
    c2.metric(tr("prog.net"), fmt_money(rows["base"]["net"], lang, 0), border=True,
              help=tr("prog.net_help"))
    roi = rows["base"]["roi"]
    c3.metric(tr("prog.roi_value"), fmt_percent(roi, lang, 0) if roi is not None
              else tr("prog.enter_cost"), border=True, help=tr("prog.roi_value_help"))
    if cost > 0:
        st.caption(tr("prog.roi_range", low=fmt_percent(rows["low"]["roi"], lang, 0),
                      high=fmt_percent(rows["high"]["roi"], lang, 0)))


def render() -> None:
    lang = state.lang()
    ds = page_start("prog.title")
    if ds is None:
        return
    st.caption(tr("prog.intro"))
    if not ds.has("members"):
        st.info(tr("overview.no_members"))
        return
    f = state.current_filters()
    _members_section(ds, f, lang)
    result = _launch_section(ds, f, lang)
    if result is not None:
        _roi_section(result, lang)
    with st.expander(tr("prog.caveats_title")):
        st.markdown(tr("prog.caveats"))


guarded(render, state.lang())
