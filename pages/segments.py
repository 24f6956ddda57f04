"""Segments: loyalty types with reasons, adjustable rules, lifecycle, RFM, drill-down, export."""


import pandas as pd
import streamlit as st

from loyalty.presentation import charts
from loyalty.presentation.csvsafe import to_csv_bytes
from loyalty.analysis.customers import (export_frame, format_signal, reason_text, threshold_label,
                               threshold_steps)
from loyalty.presentation.i18n import fmt_date, fmt_money, fmt_number
from loyalty.analysis.lifecycle import STAGES
from loyalty.analysis.segments import (GROUPS, MIN_ORDERS, MIN_TENURE_DAYS, SIGNAL_BOUNDS,
                                       TYPE_RULES, TYPES, UNTYPED)
from loyalty.settings import default
from loyalty.presentation.text import escape_markdown
from ui import customer_types, remembered, state, tables
from loyalty.analysis.customer_table import profile_columns
from ui.choices import localized
from ui.rules import rules_from_widgets
from ui.state import tr
from ui.widgets import guarded, lazy_tabs, page_start

def _nearest(steps: list[float], value: float) -> float:
    return min(steps, key=lambda v: abs(v - value))


def _rule_editor(untellable: list[str]) -> None:
    lang = state.lang()
    with st.expander(tr("seg.rules"), icon=":material/tune:"):
        st.caption(tr("seg.rules_help"))
        st.number_input(tr("seg.min_orders"), 1, 20, MIN_ORDERS, key="seg_min_orders",
                        persist_state="session",
                        help=tr("seg.min_orders_help"))
        for ty in TYPES:
            rule = TYPE_RULES[ty]
            st.markdown(f"**{tr(f'type.{ty}')}**")
            st.caption(tr(f"rule.{ty}", cap=fmt_number(rule.cap, lang, 2)))
            if ty in untellable:
                st.caption(f"{tr('seg.cannot_tell')}: {tr(f'needs.{ty}')}")
            cols = st.columns(len(rule.signals))
            for col, s in zip(cols, rule.signals):
                lo, hi, step = SIGNAL_BOUNDS[s.name]
                steps = threshold_steps(lo, hi, step)
                direction = "seg.reversed" if s.low > s.high else "seg.ramp"
                # A select slider, since a slider's format can neither write a share as percent
                # nor a German decimal comma; the choice stays in the rule's own units.
                localized(col.select_slider, f"{tr(f'signal.{s.name}')} · {tr('seg.weight')} "
                          f"{fmt_number(s.weight, lang, 2)}", steps,
                          value=(_nearest(steps, min(s.low, s.high)),
                                 _nearest(steps, max(s.low, s.high))),
                          format_func=lambda v, n=s.name, d=step: threshold_label(n, v, d, lang),
                          key=f"seg_{ty}_{s.name}", help=tr(direction))
        if st.button(tr("seg.reset"), key="seg_reset"):
            remembered.forget("seg_")
            for k in [k for k in st.session_state if str(k).startswith("seg_")
                      and k not in ("seg_reset",)]:
                del st.session_state[k]
            st.rerun()


def _summary(types, shown: list[str]) -> pd.DataFrame:
    per = types.summary(shown)
    frame = pd.DataFrame({
        tr("seg.col_type"): [tr(f"type.{ty}") for ty in shown],
        tr("seg.col_customers"): per["customers"].to_numpy(),
        tr("seg.col_share"): per["share"].to_numpy(),
        tr("seg.col_revenue_share"): per["revenue_share"].to_numpy(),
        tr("seg.col_spend"): per["revenue_per_customer"].to_numpy(),
        tr("seg.col_frequency"): per["orders_per_month"].to_numpy(),
        tr("seg.col_nps"): per["nps"].to_numpy(),
        tr("seg.col_churn"): per["churned"].to_numpy(),
    })
    # Without any survey answer an NPS column would be n/a in every row.
    return frame if types.has_nps() else frame.drop(columns=tr("seg.col_nps"))


def _evidence(untellable: list[str], told: list[str]) -> None:
    """What the data can tell first, then the types it cannot tell and the export that adds
    each."""
    st.info(tr("seg.can_tell", types=", ".join(tr(f"type.{ty}") for ty in told)))
    if untellable:
        st.markdown(f"**{tr('seg.cannot_tell')}**", help=tr("seg.cannot_tell_help"))
        st.markdown("\n".join(f"- **{tr(f'type.{ty}')}**: {tr(f'needs.{ty}')}"
                              for ty in untellable))
    if told == ["satisfied"]:
        st.caption(tr("seg.satisfied_orders_only"))


def _types_tab(types, lang: str, churn_days: int) -> None:
    missing, untellable = types.missing, types.untellable
    told = [ty for ty in TYPES if ty not in untellable]
    shown = [*told, *UNTYPED]
    _evidence(untellable, told)
    # With Satisfied alone the caption above already says what is not known.
    if missing and told != ["satisfied"]:
        st.info(tr("seg.missing", signals=", ".join(tr(f"signal.{m}") for m in missing)))
    tables.show(_summary(types, shown), {
        tr("seg.col_customers"): "count", tr("seg.col_share"): "percent",
        tr("seg.col_revenue_share"): "percent", tr("seg.col_spend"): "money",
        tr("seg.col_frequency"): "decimal", tr("seg.col_nps"): "score",
        tr("seg.col_churn"): "percent"}, key="seg_summary")
    st.caption(tr("seg.summary_help", days=churn_days))
    st.subheader(tr("seg.col_action"))
    st.markdown("\n".join(f"- **{tr(f'type.{ty}')}**: {tr(f'action.{ty}')}" for ty in shown))
    profile = types.profile()
    # A comparison needs two types to compare; with one, the table above says it all.
    if len(profile) >= 2:
        st.subheader(tr("seg.profile"), help=tr("seg.profile_help"))
        st.plotly_chart(charts.type_profile(profile, lang), key="seg_profile")
    elif profile.empty:
        st.caption(tr("seg.no_typed"))


def _mix_tab(types, lang: str) -> None:
    st.subheader(tr("seg.mix"), help=tr("seg.mix_help"))
    mix = types.mix()
    if mix.empty:
        st.info(tr("seg.mix_none"))
        return
    st.plotly_chart(charts.type_mix(mix, lang), key="seg_mix")


def _lifecycle_tab(types, lang: str, f, churn_days: int) -> None:
    counts = types.stage_counts()
    for col, stage in zip(st.columns(len(STAGES)), STAGES):
        col.metric(tr(f"stage.{stage}"), fmt_number(int(counts.get(stage, 0)), lang),
                   help=tr(f"stage_help.{stage}", days=churn_days), border=True)
    st.subheader(tr("seg.flows", start=fmt_date(f.start, lang)), help=tr("seg.flows_help"))
    st.plotly_chart(charts.lifecycle_flows(types.flows(), lang), key="seg_flows")


def _rfm_tab(types, lang: str) -> None:
    st.caption(tr("seg.rfm_help"))
    st.plotly_chart(charts.rfm_grid(types.rfm_cells(), lang), key="seg_rfm")


def _customer_tab(types, min_orders: int, lang: str, ds) -> None:
    example = types.example_id()
    if example is None:
        st.caption(tr("seg.no_typed"))
        return
    typed = st.text_input(tr("seg.search"), key="seg_customer", persist_state="session",
                          placeholder=tr("seg.search_placeholder", example=example))
    if not typed:
        return
    cid = typed.strip()
    row = types.customer(cid)
    if row is None:
        near = types.near(cid)
        st.warning(tr("seg.not_found", customer=escape_markdown(cid))
                   + (" " + tr("seg.did_you_mean", ids=", ".join(map(escape_markdown, near)))
                      if near else ""))
        return
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"### {escape_markdown(cid)}")
        st.markdown(f"**{tr('seg.col_type')}:** {tr('type.' + row['loyalty_type'])}")
        st.markdown(f"**{tr('seg.why')}:** {reason_text(row['reasons'], lang)}")
        if row["loyalty_type"] in UNTYPED:
            st.caption(tr("seg.untyped_why", days=MIN_TENURE_DAYS, orders=min_orders))
        st.markdown(f"**{tr('seg.lifecycle')}:** {tr('stage.' + row['lifecycle'])} · "
                    f"R{row['R']} F{row['F']} M{row['M']}")
        facts = {tr(f"signal.{c}"): format_signal(c, row[c], lang)
                 for c in profile_columns(types.known()) if pd.notna(row[c])}
        facts[tr("seg.col_revenue")] = fmt_money(row["revenue"], lang)
        st.dataframe(pd.DataFrame({tr("seg.figure"): list(facts), tr("seg.value"):
                                   list(facts.values())}), hide_index=True, key="seg_facts")
    with right:
        scores = row[[f"score_{t}" for t in TYPES]].astype(float)
        scores.index = list(TYPES)
        scores = scores.dropna()
        st.plotly_chart(charts.type_scores(scores, lang), key="seg_scores")
        st.plotly_chart(charts.customer_timeline(state.purchases_of(*state.key(ds), cid), lang),
                        key="seg_timeline")


def _export_tab(types, lang: str) -> None:
    untellable = types.untellable
    kind = localized(st.radio, tr("seg.export_by"), ["type", "lifecycle", "rfm"],
                     horizontal=True, format_func=lambda k: tr(f"seg.export_{k}"),
                     key="seg_export_kind")
    if kind == "type":
        value = localized(st.selectbox, tr("seg.col_type"),
                          [ty for ty in GROUPS if ty not in untellable],
                          format_func=lambda v: tr(f"type.{v}"), key="seg_export_type")
        name = value
    elif kind == "lifecycle":
        value = localized(st.selectbox, tr("seg.lifecycle"), list(STAGES),
                          format_func=lambda v: tr(f"stage.{v}"), key="seg_export_stage")
        name = value
    else:
        c1, c2 = st.columns(2)
        r = c1.selectbox("R", [5, 4, 3, 2, 1], key="seg_export_r")
        fq = c2.selectbox("F", [5, 4, 3, 2, 1], key="seg_export_f")
        value = (r, fq)
        name = f"rfm_R{r}_F{fq}"
    n = types.count(kind, value)
    st.caption(tr("seg.export_count", n=fmt_number(n, lang)))
    # Written when clicked: an export of many customers is not prepared on every rerun.
    st.download_button(tr("seg.download"),
                       lambda: to_csv_bytes(export_frame(types.export(kind, value), lang), lang),
                       file_name=f"customers_{name}.csv", mime="text/csv",
                       key="seg_download", disabled=n == 0)


def render() -> None:
    lang = state.lang()
    ds = page_start("seg.title")
    if ds is None:
        return
    st.caption(tr("seg.intro"))
    f = state.current_filters()
    churn_days = int(default("churn_window_days"))
    _rule_editor(customer_types.untellable_by_default(ds, f, churn_days))
    rules, min_orders = rules_from_widgets()
    # Reasons are worked out only for the customers shown or exported: recounting the types
    # after a threshold change stays fast on large customer bases.
    types = customer_types.for_page(ds, f, churn_days, rules, min_orders)
    lazy_tabs((
        (tr("seg.tab_types"), lambda: _types_tab(types, lang, churn_days)),
        (tr("seg.tab_mix"), lambda: _mix_tab(types, lang)),
        (tr("seg.tab_lifecycle"), lambda: _lifecycle_tab(types, lang, f, churn_days)),
        (tr("seg.tab_rfm"), lambda: _rfm_tab(types, lang)),
        (tr("seg.tab_customer"), lambda: _customer_tab(types, min_orders, lang, ds)),
        (tr("seg.tab_export"), lambda: _export_tab(types, lang))), "seg_tab")


guarded(render, state.lang())
