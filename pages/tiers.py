"""Tiers: distribution, movement between the period's start and end, near the next tier, points."""

import datetime as dt

import pandas as pd
import streamlit as st

from loyalty.presentation import charts
from loyalty.presentation.csvsafe import to_csv_bytes
from loyalty.presentation.i18n import fmt_money, fmt_number, fmt_percent
from loyalty.presentation.text import escape_markdown
from loyalty.analysis.tiers import (assign_tiers, near_next_tier, thresholds_rise,
                                    tier_movement)
from ui import plan_state, state, tables
from ui.state import tr
from ui.widgets import guarded, page_start


def _ladder(ds, f, lang: str) -> tuple:
    """The tier ladder: names and thresholds as the members file implies them (else the
    defaults, named in the UI language); thresholds editable."""
    st.markdown(f"**{tr('tiers.ladder')}**", help=tr("tiers.ladder_help"))
    info = plan_state.today_ladder(*state.key(ds), f, 12, lang)
    today = info["ladder"]
    if info["source"] == "default":
        # Without tiers in the data the ladder is an example: say so before any count.
        st.info(tr("tiers.example_ladder"))
    cols = st.columns(len(today) + 1)
    months = cols[0].number_input(tr("tiers.months"), 1, 36, 12, key="tiers_months",
                                  persist_state="session",
                                  help=tr("tiers.months_help"))
    ladder = []
    for i, (col, (name, floor)) in enumerate(zip(cols[1:], today)):
        value = col.number_input(tr("tiers.threshold", tier=escape_markdown(name)), 0.0,
                                 1_000_000.0, float(floor), step=50.0, format="%.0f",
                                 key=f"tiers_floor_{i}", persist_state="session", disabled=i == 0)
        ladder.append((name, float(value)))
    return tuple(ladder), int(months)


# The near-next-tier table shows this many customers; the download has them all.
NEAR_SHOWN = 500


def _in_memory(ds, f, ladder, months: int, has_tiers: bool) -> dict:
    """The figures from the spend per customer kept by the session (DuckDB)."""
    spend_end = state.qualifying_spend(*state.key(ds), f, f.end, months)
    tier_end = assign_tiers(spend_end, ladder)
    paid = spend_end.clip(lower=0)
    per_tier = paid.groupby(tier_end, observed=False).agg(["size", "sum"]).rename(
        columns={"size": "customers", "sum": "spend"})
    per_tier.attrs["total"] = float(paid.sum())
    in_file = state.member_tiers(*state.key(ds)).value_counts() if has_tiers else None

    def movement() -> dict:
        start = f.start - dt.timedelta(days=1)
        spend_start = state.qualifying_spend(*state.key(ds), f, start, months)
        return tier_movement(assign_tiers(spend_start, ladder), tier_end, ladder,
                             state.spend_positions(*state.key(ds), f, start, f.end, months))

    def near(within: float):
        found = near_next_tier(spend_end, ladder, within)
        return len(found), found.head(NEAR_SHOWN), lambda: found
    return {"per_tier": per_tier, "in_file": in_file, "movement": movement, "near": near}


@st.cache_data(max_entries=16, show_spinner=False)
def _engine_figures(uid: str, version: int, f, ladder, months: int, has_tiers: bool) -> dict:
    from loyalty.analysis import tier_counts as tc
    ds = state._DATASETS[uid]
    end = tc.spend_table(ds, f.end, months, f)
    start = tc.spend_table(ds, f.start - dt.timedelta(days=1), months, f)
    return {"per_tier": tc.distribution(end, ladder),
            "in_file": tc.members_per_tier(ds) if has_tiers else None,
            "movement": tc.movement(start, end, ladder)}


@st.cache_data(max_entries=16, show_spinner=False)
def _engine_near(uid: str, version: int, f, ladder, months: int, within: float):
    from loyalty.analysis import tier_counts as tc
    near = tc.near_next(tc.spend_table(state._DATASETS[uid], f.end, months, f), ladder, within)
    return int(near.count().execute()), near.limit(NEAR_SHOWN).execute()


def _in_engine(ds, f, ladder, months: int, has_tiers: bool) -> dict:
    """The figures counted by the engine (the customers stay there, e.g. in Spark)."""
    from loyalty.analysis import tier_counts as tc
    got = _engine_figures(ds.uid, ds.version, f, ladder, months, has_tiers)

    def near(within: float):
        n, first = _engine_near(ds.uid, ds.version, f, ladder, months, within)
        return n, first, lambda: tc.near_next(tc.spend_table(ds, f.end, months, f), ladder,
                                              within).execute()
    return {**got, "movement": lambda: got["movement"], "near": near}


def render() -> None:
    lang = state.lang()
    ds = page_start("tiers.title")
    if ds is None:
        return
    f = state.current_filters()
    st.caption(tr("tiers.intro"))
    ladder, months = _ladder(ds, f, lang)
    if thresholds_rise([floor for _, floor in ladder]):
        _tier_figures(ds, f, ladder, months, lang)
    else:
        st.warning(tr("plan.thresholds_order"))
    _points(ds, f, lang)


def _tier_figures(ds, f, ladder: tuple, months: int, lang: str) -> None:
    """Customers and spend per tier, movement in the period and the near-next-tier list."""
    st.subheader(tr("tiers.distribution"), help=tr("tiers.distribution_help", months=months))
    # One assignment for the page: the tier each customer's qualifying spend reaches on the
    # ladder above (the What-if page starts from this ladder as the data gives it). The members
    # file's own tiers, set by the loyalty platform at other moments and by its own rules, are
    # shown beside it.
    has_tiers = ds.has("members") and "tier" in ds.fields("members")
    figures = (_in_engine if ds.customers_stay_in_engine else _in_memory)(ds, f, ladder, months,
                                                                          has_tiers)
    st.caption(tr("tiers.by_spend", months=months)
               + (" " + tr("tiers.from_members") if has_tiers else ""))
    per_tier, in_file = figures["per_tier"], figures["in_file"]
    total = per_tier.attrs["total"] or 1.0
    rows = []
    for tier, _ in ladder:
        members, spend = per_tier.reindex([tier]).fillna(0).iloc[0][["customers", "spend"]]
        row = {tr("field.tier"): tier, tr("seg.col_customers"): int(members),
               tr("tiers.spend"): float(spend), tr("seg.col_revenue_share"): float(spend / total)}
        if in_file is not None:
            row[tr("tiers.in_members_file")] = int(in_file.get(tier, 0))
        rows.append(row)
    tables.show(pd.DataFrame(rows), {tr("seg.col_customers"): "count", tr("tiers.spend"): "money",
                                     tr("seg.col_revenue_share"): "percent",
                                     tr("tiers.in_members_file"): "count"},
                key="tiers_distribution")

    st.subheader(tr("tiers.movement"), help=tr("tiers.movement_help"))
    moved = figures["movement"]()
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("tiers.upgrades"), fmt_number(moved["upgrades"], lang), border=True,
              help=tr("tiers.upgrades_help"))
    c2.metric(tr("tiers.downgrades"), fmt_number(moved["downgrades"], lang), border=True,
              help=tr("tiers.downgrades_help"))
    c3.metric(tr("tiers.stays"), fmt_number(moved["stays"], lang), border=True,
              help=tr("tiers.stays_help"))
    left, right = st.columns(2)
    left.plotly_chart(charts.tier_matrix(moved["matrix"], lang), key="tiers_matrix")
    right.plotly_chart(charts.tier_sankey(moved["matrix"], lang), key="tiers_sankey")

    st.subheader(tr("tiers.near"), help=tr("tiers.near_help"))
    within = st.slider(tr("tiers.within"), 1, 50, 10, format=tr("unit.pct_format"), key="tiers_within",
                       help=tr("tiers.within_help")) / 100
    n_near, first, everyone = figures["near"](within)
    st.caption(tr("seg.export_count", n=fmt_number(n_near, lang)))
    if not n_near:
        # An empty table would only say "empty" (Streamlit's word, in English).
        st.info(tr("tiers.near_none"))
    else:
        tables.show(pd.DataFrame({
            tr("field.customer_id"): first["customer_id"].to_numpy(),
            tr("field.tier"): first["tier"].to_numpy(),
            tr("tiers.next"): first["next_tier"].to_numpy(),
            tr("tiers.spend"): first["spend"].to_numpy(),
            tr("tiers.missing"): first["missing"].to_numpy(),
        }), {tr("tiers.spend"): "money", tr("tiers.missing"): "money"},
            key="tiers_near")
        # Written when clicked: a hundred thousand rows of CSV on every rerun cost 0.7 s.
        st.download_button(tr("seg.download"), lambda: to_csv_bytes(everyone().round(2), lang),
                           file_name="near_next_tier.csv", mime="text/csv", key="tiers_download",
                           on_click="ignore")


def _points(ds, f, lang: str) -> None:
    """Points earned and redeemed, outstanding points, liability, redemption and breakage."""
    st.subheader(tr("tiers.points_title"), help=tr("tiers.points_help"))
    fields = ds.fields("transactions")
    if not {"points_earned", "points_redeemed"} & fields:
        st.info(tr("tiers.no_points"))
        return
    value = st.number_input(tr("tiers.point_value"), 0.0, 10.0, 0.01, step=0.005, format="%.3f",
                            key="tiers_point_value", help=tr("tiers.point_value_help"))
    # The input writes a decimal point whatever the language; say the value the reader's way.
    st.caption(tr("tiers.point_value_shown", value=fmt_money(value, lang, 3)))
    pts = state.points(*state.key(ds), f, float(value))
    st.plotly_chart(charts.points_chart(pts, lang), key="tiers_points")
    last = pts.iloc[-1]
    total_rate = pts["redeemed"].sum() / pts["earned"].sum() if pts["earned"].sum() else None
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(tr("tiers.outstanding"), fmt_number(last["outstanding"], lang), border=True,
              help=tr("tiers.outstanding_help"))
    c2.metric(tr("tiers.liability"), fmt_money(last["liability"], lang), border=True,
              help=tr("tiers.liability_help"))
    c3.metric(tr("tiers.redemption_rate"), fmt_percent(total_rate, lang), border=True,
              help=tr("tiers.redemption_help"))
    c4.metric(tr("tiers.breakage"), fmt_percent(None if total_rate is None else 1 - total_rate,
                                                lang), border=True, help=tr("tiers.breakage_help"))
    st.plotly_chart(charts.redemption_chart(pts, lang), key="tiers_redemption")


guarded(render, state.lang())
