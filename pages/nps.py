"""NPS: trend with intervals, groups, two-period comparison, behaviour, loyalty index, comments."""

import pandas as pd
import streamlit as st

from loyalty.presentation import charts

from loyalty.analysis import nps
from loyalty.analysis.filters import filtered_surveys, in_days
from loyalty.presentation.i18n import fmt_date, fmt_number
from loyalty.analysis.periods import comparison_dates
from loyalty.settings import default
from loyalty.presentation.readings import nps_change_text
from loyalty.presentation.text import escape_markdown
from loyalty.analysis.segments import GROUPS as TYPE_ORDER
from ui import plan_state, state, tables
from ui.choices import localized
from ui.state import tr
from ui.widgets import guarded, page_title

GROUPS = ("tier", "loyalty_type", "channel", "store")


def _period_surveys(ds, f, start, end):
    s = filtered_surveys(ds, f)
    return s.filter(in_days(s.date, start, end))


def _group_frame(ds, f, column: str):
    """One row per customer with ``column`` (None when nobody has one): a frame from the
    session's per-customer table, or an engine table when the customers stay there."""
    if ds.customers_stay_in_engine:
        from loyalty.analysis.customer_table import customer_table, with_types
        from ui.customer_types import signal_presence
        days = int(default("churn_window_days"))
        t = customer_table(ds, f.end, f, days)
        name = column if column in ("loyalty_type", "tier") else f"top_{column}"
        if column == "loyalty_type":
            t = with_types(t, present=signal_presence(*state.key(ds), f, days))
        elif name not in t.columns:
            return None
        t = t.select("customer_id", **{column: t[name]})
        return t if t[column].notnull().any().execute() else None
    base = state.customer_base(*state.key(ds), f, int(default("churn_window_days")))
    feats = base["features"]
    if column == "loyalty_type":
        values = base["types"]
    elif column == "tier":
        values = feats["tier"] if "tier" in feats else None
    else:
        values = feats.get(f"top_{column}")
    if values is None or values.dropna().empty:
        return None
    frame = values.dropna().rename(column).reset_index()
    frame.columns = ["customer_id", column]
    return frame


def _group_label(column: str):
    if column == "loyalty_type":
        return lambda v: tr(f"type.{v}")
    return str


def _trend_tab(surveys, lang: str) -> None:
    unit = localized(st.radio, tr("nps.unit"), ["W", "M", "Q"], index=1, horizontal=True,
                     format_func=lambda u: tr(f"nps.unit_{u}"), key="nps_unit")
    trend = nps.nps_by_period(surveys, unit)
    if trend.empty:
        st.info(tr("nps.no_answers"))
        return
    st.subheader(tr("nps.trend"), help=tr("nps.trend_help", n=nps.MIN_RESPONSES))
    st.plotly_chart(charts.nps_trend(trend, lang), key="nps_trend")
    if not trend["reliable"].all():
        st.caption(tr("nps.unreliable", n=nps.MIN_RESPONSES))
    table = pd.DataFrame({
        tr("nps.period"): pd.to_datetime(trend["period"]).dt.date.to_numpy(),
        tr("nps.answers"): trend["respondents"].to_numpy(),
        tr("metric.nps"): trend["nps"].to_numpy(),
        tr("nps.low"): trend["low"].to_numpy(),
        tr("nps.high"): trend["high"].to_numpy(),
        tr("nps.reliable"): [tr("nps.yes") if r else tr("nps.too_few") for r in trend["reliable"]],
    })
    tables.show(table, {tr("nps.period"): "date", tr("nps.answers"): "count",
                        tr("metric.nps"): "score", tr("nps.low"): "score",
                        tr("nps.high"): "score"}, key="nps_trend_table")
    left, right = st.columns(2)
    with left:
        st.subheader(tr("nps.shares"), help=tr("nps.shares_help"))
        st.plotly_chart(charts.nps_shares(trend, lang), key="nps_shares")
    with right:
        st.subheader(tr("nps.distribution"), help=tr("nps.distribution_help"))
        st.plotly_chart(charts.score_histogram(nps.score_distribution(surveys), lang),
                        key="nps_distribution")


def _groups_tab(ds, f, surveys, lang: str) -> None:
    column = localized(st.radio, tr("nps.group_by"), list(GROUPS), horizontal=True,
                       format_func=lambda g: tr(f"nps.by_{g}"), key="nps_group")
    frame = _group_frame(ds, f, column)
    if frame is None:
        st.info(tr("nps.no_group", group=tr(f"nps.by_{column}")))
    else:
        groups = nps.nps_by_group(surveys, frame, column)
        if column == "loyalty_type":
            # In the order the Loyalty types page lists them, not by their internal codes.
            groups = groups.set_index("group").reindex(
                [g for g in TYPE_ORDER if g in set(groups["group"])]).reset_index()
        if column == "tier":
            groups = plan_state.tiers_in_ladder_order(groups, ds, f, lang)
        st.plotly_chart(charts.nps_groups(groups, lang, _group_label(column)), key="nps_groups")
        label = _group_label(column)
        tables.show(pd.DataFrame({
            tr(f"nps.by_{column}"): [label(g) for g in groups["group"]],
            tr("nps.answers"): groups["respondents"].to_numpy(),
            tr("metric.nps"): groups["nps"].to_numpy(),
            tr("nps.low"): groups["low"].to_numpy(),
            tr("nps.high"): groups["high"].to_numpy(),
        }), {tr("nps.answers"): "count", tr("metric.nps"): "score", tr("nps.low"): "score",
             tr("nps.high"): "score"}, key="nps_groups_table")
        if len(groups) >= 2:
            _compare_groups(groups, label, lang, column)
    comparison = state.current_comparison()
    st.subheader(tr("nps.compare", what=tr(f"compare.what.{comparison.kind}")),
                 help=tr("nps.compare_help"))
    # Survey answers, not purchases, decide whether there is anything to compare with.
    dates = comparison_dates(*f.period(), comparison)
    if dates is None:
        st.info(tr("compare.unset", start=fmt_date(f.start, lang), end=fmt_date(f.end, lang)))
        return
    pstart, pend = dates
    before = _period_surveys(ds, f, pstart, pend)
    change = nps.period_change(surveys, before)
    if change is None:
        answered = bool(nps.nps_counts(surveys).execute().iloc[0]["respondents"])
        st.info(tr("nps.compare_missing") if not answered else tr(
            "compare.nps_none", pstart=fmt_date(pstart, lang), pend=fmt_date(pend, lang)))
        return
    st.markdown(nps_change_text(change, pstart, pend, lang))


def _compare_groups(groups: pd.DataFrame, label, lang: str, column: str) -> None:
    st.markdown(f"**{tr('nps.compare_groups')}**", help=tr("nps.compare_help"))
    names = list(groups["group"])
    left, right = st.columns(2)
    a = localized(left.selectbox, tr("nps.group_a"), names, index=0, format_func=label,
                  key=f"nps_group_a_{column}")
    b = localized(right.selectbox, tr("nps.group_b"), names, index=1, format_func=label,
                  key=f"nps_group_b_{column}")
    if a == b:
        return
    rows = groups.set_index("group")
    counts = [(int(rows.at[g, "promoters"]), int(rows.at[g, "detractors"]),
               int(rows.at[g, "respondents"])) for g in (a, b)]
    diff = nps.nps_difference(*counts)
    key = "nps.groups_significant" if diff["significant"] else "nps.groups_noise"
    st.markdown(tr(key, a=escape_markdown(label(a)), b=escape_markdown(label(b)),
                   nps_a=fmt_number(nps.nps_from_counts(*counts[0]), lang, 1),
                   nps_b=fmt_number(nps.nps_from_counts(*counts[1]), lang, 1),
                   low=fmt_number(diff["low"], lang, 1), high=fmt_number(diff["high"], lang, 1)))


def _behaviour_tab(ds, f, surveys, lang: str) -> None:
    st.caption(tr("nps.behaviour_help"))
    days = int(default("churn_window_days"))
    if ds.customers_stay_in_engine:
        from loyalty.analysis.customer_table import customer_table
        from ui.customer_types import signal_presence
        known = signal_presence(*state.key(ds), f, days)[1]
        b = nps.behaviour_in_engine(surveys, customer_table(ds, f.end, f, days),
                                    "referrals" in known)
    else:
        base = state.customer_base(*state.key(ds), f, days)
        b = nps.behaviour_by_category(surveys, base["features"], base["lifecycle"] == "churned")
    if b.empty:
        st.info(tr("nps.no_answers"))
        return
    tables.show(pd.DataFrame({
        tr("nps.category"): [tr(f"nps.{c}s") for c in b.index],
        tr("seg.col_customers"): b["customers"].to_numpy(),
        tr("nps.churn_rate"): b["churn_rate"].to_numpy(),
        tr("nps.spend"): b["spend_per_month"].to_numpy(),
        tr("nps.referral_rate"): b["referral_rate"].to_numpy(),
    }), {tr("seg.col_customers"): "count", tr("nps.churn_rate"): "percent",
         tr("nps.spend"): "money", tr("nps.referral_rate"): "percent"}, key="nps_behaviour")


def _index_tab(ds, surveys, lang: str) -> None:
    st.subheader(tr("nps.cli"), help=tr("nps.cli_help"))
    fields = ds.fields("surveys")
    cli = (nps.loyalty_index(surveys)
           if {"repurchase_score", "try_other_score"} <= fields else None)
    if cli is None:
        st.info(tr("nps.cli_missing"))
    else:
        total = cli["respondents"].sum()
        tables.show(pd.DataFrame({
            tr("nps.band"): [tr(f"nps.band_{b}") for b in cli["band"]],
            tr("nps.answers"): cli["respondents"].to_numpy(),
            tr("nps.share"): (cli["respondents"] / total if total else cli["respondents"] * 0.0
                              ).to_numpy(),
            tr("nps.mean_cli"): cli["mean_cli"].to_numpy(),
        }), {tr("nps.answers"): "count", tr("nps.share"): "percent", tr("nps.mean_cli"): "score"},
            key="nps_cli")
    st.subheader(tr("nps.comments"), help=tr("nps.comments_help"))
    if "comment" not in fields:
        st.info(tr("nps.no_comments"))
        return
    term = st.text_input(tr("nps.search"), key="nps_search")
    category = localized(st.multiselect, tr("nps.category"), ["detractor", "passive", "promoter"],
                         default=["detractor", "passive", "promoter"],
                         format_func=lambda c: tr(f"nps.{c}s"), key="nps_categories",
                         select_all=False)
    rows = nps.comments(surveys, term, tuple(category))
    tables.show(pd.DataFrame({
        tr("field.date"): pd.to_datetime(rows["date"]).dt.date.to_numpy(),
        tr("nps.score"): rows["score"].to_numpy(),
        tr("nps.category"): [tr(f"nps.{c}s") for c in rows["category"]],
        tr("field.comment"): rows["comment"],
    }), {tr("field.date"): "date", tr("nps.score"): "count"}, key="nps_comments")


def render() -> None:
    lang = state.lang()
    ds = state.dataset()
    page_title("nps.title")
    if not ds.has("surveys"):
        st.info(tr("nps.no_surveys"))
        return
    f = state.current_filters()
    surveys = _period_surveys(ds, f, f.start, f.end)
    st.caption(tr("nps.intro", start=fmt_date(f.start, lang), end=fmt_date(f.end, lang)))
    tabs = st.tabs([tr("nps.tab_trend"), tr("nps.tab_groups"), tr("nps.tab_behaviour"),
                    tr("nps.tab_index")])
    with tabs[0]:
        _trend_tab(surveys, lang)
    with tabs[1]:
        _groups_tab(ds, f, surveys, lang)
    with tabs[2]:
        _behaviour_tab(ds, f, surveys, lang)
    with tabs[3]:
        _index_tab(ds, surveys, lang)


guarded(render, state.lang())
