"""The Loyalty types page's figures counted by the engine (for data that stays in Spark) equal
those worked out in pandas from one row per customer: on the demo, with moved thresholds and a
filter, and on a hand-worked five-customer shop."""

import datetime as dt

import pandas as pd
import pytest

from loyalty.analysis import customer_table as ct
from loyalty.analysis.features import customer_features
from loyalty.analysis.filters import Filters
from loyalty.analysis.lifecycle import flows, lifecycle_stage, rfm_scores
from loyalty.analysis.segments import (GROUPS, TYPE_RULES, segment, signals,
                                       with_threshold)
from loyalty.analysis.type_counts import _present, told_and_missing
from loyalty.analysis.type_figures import type_summary
from tests.shops import transactions_only

PERIOD = Filters(dt.date(2025, 7, 1), dt.date(2026, 6, 30))


def in_pandas(ds, f: Filters, rules=None, days: int = 180):
    """The page's per-customer table as the DuckDB sessions build it."""
    feats = customer_features(ds, f.end, f)
    sig = signals(feats)
    seg = segment(sig, rules, explain=False)
    table = seg.table.join(sig.drop(columns=["tenure_days", "recency_days"]))
    table["revenue"] = feats["revenue"]
    table["lifecycle"] = lifecycle_stage(feats, days)
    return table.join(rfm_scores(feats)), seg


@pytest.mark.parametrize("rules,f", [
    (None, PERIOD),
    (with_threshold(TYPE_RULES, "price_loyal", "discount_share", 0.1, 0.4), PERIOD),
    (None, Filters(PERIOD.start, PERIOD.end, channels=("online",))),
])
def test_type_summary_counted_by_the_engine(demo, rules, f):
    table, seg = in_pandas(demo, f, rules)
    t = ct.customer_table(demo, f.end, f, 180)
    typed = ct.with_types(t, rules)
    got = ct.type_breakdown(typed, GROUPS)
    want = type_summary(table, GROUPS)
    assert got["customers"].tolist() == want["customers"].tolist()
    assert int(got["customers"].sum()) == len(table)
    pd.testing.assert_frame_equal(got, want, rtol=1e-9, check_dtype=False)
    present, known = _present(t)
    assert told_and_missing(rules or TYPE_RULES, present, known) == (seg.untellable,
                                                                     seg.missing_signals)


def test_stages_rfm_and_flows_counted_by_the_engine(demo):
    table, _ = in_pandas(demo, PERIOD)
    t = ct.customer_table(demo, PERIOD.end, PERIOD, 180)
    assert ct.stage_counts(t).to_dict() == {
        s: int(table["lifecycle"].eq(s).sum()) for s in
        ("new", "active", "reactivated", "declining", "at_risk", "churned")}
    cells = ct.rfm_counts(t).set_index(["R", "F"])["customers"].sort_index()
    want = table.groupby(["R", "F"]).size().sort_index()
    assert cells.tolist() == want.tolist() and list(cells.index) == list(want.index)
    before_day = PERIOD.start - dt.timedelta(days=1)
    before = lifecycle_stage(customer_features(demo, before_day, PERIOD), 180)
    got = ct.stage_flows(ct.customer_table(demo, before_day, PERIOD, 180), t)
    want = flows(before, table["lifecycle"])
    assert got.values.tolist() == want.values.tolist()
    assert list(got.index) == list(want.index) and list(got.columns) == list(want.columns)


def test_profile_one_customer_and_an_export(demo):
    table, _ = in_pandas(demo, PERIOD)
    typed = ct.with_types(ct.customer_table(demo, PERIOD.end, PERIOD, 180))
    cols = ["discount_share", "nps", "aov"]
    types = ["price_loyal", "advocate"]
    got = ct.type_profile(typed, cols, types)
    want = table[table["loyalty_type"].isin(types)].groupby("loyalty_type")[cols].mean()
    pd.testing.assert_frame_equal(got, want.reindex(types), rtol=1e-9, check_names=False)
    cid = table.index[7]
    row = ct.one_customer(typed, cid)
    assert row.loc[cid, "loyalty_type"] == table.loc[cid, "loyalty_type"]
    assert row.loc[cid, "revenue"] == pytest.approx(table.loc[cid, "revenue"], rel=1e-12)
    assert ct.one_customer(typed, "nobody").empty
    advocates = ct.chosen(typed, "type", "advocate").execute()
    assert sorted(advocates["customer_id"]) == sorted(
        table.index[table["loyalty_type"] == "advocate"])
    assert ct.chosen(typed, "rfm", (5, 5)).count().execute() == int(
        ((table["R"] == 5) & (table["F"] == 5)).sum())


def test_a_hand_worked_shop(dataset, write_file):
    dataset.load(write_file("tx.csv", transactions_only()), table="transactions")
    t = ct.customer_table(dataset)
    typed = ct.with_types(t).order_by("customer_id").execute().set_index("customer_id")
    # tests/shops.py: ONCE one order, TWICE two, FRESH bought 20 days before the end, SMALL,
    # TINY and BIG enough history with repeat buying only (satisfied).
    assert typed["loyalty_type"].to_dict() == {
        "BIG": "satisfied", "FRESH": "too_new", "ONCE": "one_time", "SMALL": "satisfied",
        "TINY": "satisfied", "TWICE": "occasional"}
    # Six customers in five frequency quintiles: ranks 1..6 -> ceil(rank / 6 x 5).
    assert sorted(typed["F"].tolist()) == [1, 2, 3, 4, 5, 5]
    assert ct.ids_like(typed_table := ct.with_types(t), "i") == ["BIG", "TINY", "TWICE"]
    assert ct.first_id(typed_table) == "BIG"


@pytest.mark.parametrize("column", ["loyalty_type", "tier", "channel"])
def test_nps_by_group_with_the_groups_kept_by_the_engine(demo, column):
    from loyalty.analysis.filters import filtered_surveys
    from loyalty.analysis.nps import nps_by_group
    table, _ = in_pandas(demo, PERIOD)
    feats = customer_features(demo, PERIOD.end, PERIOD)
    name = column if column in ("loyalty_type", "tier") else f"top_{column}"
    values = table["loyalty_type"] if column == "loyalty_type" else feats[name]
    frame = values.dropna().rename(column).rename_axis("customer_id").reset_index()
    t = ct.with_types(ct.customer_table(demo, PERIOD.end, PERIOD, 180))
    kept = t.select("customer_id", **{column: t[name]})
    surveys = filtered_surveys(demo, PERIOD)
    got, want = nps_by_group(surveys, kept, column), nps_by_group(surveys, frame, column)
    assert len(got) >= 2
    pd.testing.assert_frame_equal(got, want, rtol=1e-9, check_dtype=False)


def test_nps_behaviour_with_the_customers_kept_by_the_engine(demo):
    from loyalty.analysis.filters import filtered_surveys
    from loyalty.analysis.nps import behaviour_by_category, behaviour_in_engine
    table, _ = in_pandas(demo, PERIOD)
    feats = customer_features(demo, PERIOD.end, PERIOD)
    surveys = filtered_surveys(demo, PERIOD)
    want = behaviour_by_category(surveys, feats, table["lifecycle"] == "churned")
    got = behaviour_in_engine(surveys, ct.customer_table(demo, PERIOD.end, PERIOD, 180), True)
    assert list(got.index) == ["promoter", "passive", "detractor"]
    assert int(got["customers"].sum()) == int(surveys.customer_id.nunique().execute())
    pd.testing.assert_frame_equal(got, want, rtol=1e-9, check_dtype=False)


@pytest.mark.parametrize("column", ["loyalty_type", "tier", "top_channel", "nps_category"])
def test_churn_by_group_counted_by_the_engine(demo, column):
    from loyalty.analysis.churn import churn_by
    from loyalty.analysis.filters import filtered_surveys
    from loyalty.analysis.nps import latest_category
    window = 49
    feats = customer_features(demo, PERIOD.end, PERIOD)
    churned = lifecycle_stage(feats, window) == "churned"
    t = ct.with_types(ct.customer_table(demo, PERIOD.end, PERIOD, window))
    surveys = filtered_surveys(demo, PERIOD)
    if column == "nps_category":
        want = churn_by(latest_category(surveys), churned)
        got = ct.churn_by_nps_category(surveys, t)
    else:
        attribute = (segment(signals(feats), explain=False).table["loyalty_type"]
                     if column == "loyalty_type" else feats[column])
        want = churn_by(attribute, churned)
        got = ct.churn_by_in_engine(t, column)
    assert len(got) >= 2
    pd.testing.assert_frame_equal(got, want, rtol=1e-9, check_dtype=False)
