"""Cached inputs of the Programme and What-if pages: each runs its queries once per dataset
version and filters; moving a what-if control then only reruns NumPy on these small results."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from loyalty.analysis.filters import Filters
from loyalty.analysis.periods import Comparison
from ui.state import _DATASETS, customer_base, member_tiers, qualifying_spend


@st.cache_data(max_entries=8, show_spinner=False)
def launch_date(uid: str, version: int):
    from loyalty.analysis.programme import launch_date as launch
    return launch(_DATASETS[uid])


@st.cache_data(max_entries=16, show_spinner=False)
def launch_effect(uid: str, version: int, filters: Filters, launch: dt.date, months: int):
    from loyalty.analysis.programme import launch_effect as effect
    return effect(_DATASETS[uid], launch, months, filters)


@st.cache_data(max_entries=16, show_spinner=False)
def retention_by_membership(uid: str, version: int, filters: Filters, comparison: Comparison):
    from loyalty.analysis.programme import retention_by_membership as retention
    return retention(_DATASETS[uid], filters, comparison)


@st.cache_data(max_entries=8, show_spinner=False)
def spend_distribution(uid: str, version: int, filters: Filters, months: int):
    """Customers per qualifying-spend value at the period's end."""
    from loyalty.planning import tier_plan
    ds = _DATASETS[uid]
    if ds.customers_stay_in_engine:
        from loyalty.analysis.tier_counts import spend_table
        return tier_plan.spend_distribution_in_engine(
            spend_table(ds, filters.end, months, filters))
    return tier_plan.spend_distribution(qualifying_spend(uid, version, filters, filters.end,
                                                         months))


@st.cache_data(max_entries=8, show_spinner=False)
def today_ladder(uid: str, version: int, filters: Filters, months: int, lang: str) -> dict:
    """Today's tier ladder: as the members file implies it, else the default thresholds with
    tier names in the UI language. ``source`` says which."""
    from loyalty.planning import tier_plan

    ds = _DATASETS[uid]
    has_tiers = ds.has("members") and "tier" in ds.fields("members")
    if ds.customers_stay_in_engine:
        from loyalty.analysis.tier_counts import spend_table
        inferred = (tier_plan.infer_ladder_in_engine(
            ds.table("members"), spend_table(ds, filters.end, months, filters))
            if has_tiers else None)
        return ({"ladder": inferred, "source": "members"} if inferred
                else tier_plan.today_ladder(None, None, lang))
    tiers = member_tiers(uid, version) if has_tiers else None
    return tier_plan.today_ladder(tiers, qualifying_spend(uid, version, filters, filters.end,
                                                          months), lang)


@st.cache_data(max_entries=8, show_spinner=False)
def type_summary(uid: str, version: int, filters: Filters, churn_days: int):
    from loyalty.planning.discount_response import type_summary as summary
    ds = _DATASETS[uid]
    if ds.customers_stay_in_engine:
        from loyalty.analysis.customer_table import customer_table, with_types
        types = with_types(customer_table(ds, filters.end, filters, churn_days))
    else:
        types = customer_base(uid, version, filters, churn_days)["types"]
    return summary(ds, types, filters.end, 12, filters)


@st.cache_data(max_entries=8, show_spinner=False)
def discount_estimate(uid: str, version: int, filters: Filters) -> dict:
    from loyalty.planning.discount_response import daily_discounts, estimate_response

    ds = _DATASETS[uid]
    if "discount" not in ds.fields("transactions"):
        return {"estimated": False, "reason": "no_column", "days": 0, "discount_days": 0}
    return estimate_response(daily_discounts(ds, filters))


@st.cache_data(max_entries=8, show_spinner=False)
def yearly_churn(uid: str, version: int, filters: Filters) -> dict:
    from loyalty.analysis.churn import yearly_churn as churn
    return churn(_DATASETS[uid], filters.end, filters)


def tiers_in_ladder_order(frame, ds, f, lang: str):
    """``frame`` (one row per tier in its ``group`` column) in the order of today's ladder."""
    from loyalty.analysis.tiers import in_ladder_order
    ladder = today_ladder(ds.uid, ds.version, f, 12, lang)["ladder"]
    return in_ladder_order(frame, [name for name, _ in ladder])
