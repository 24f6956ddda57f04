"""Loyalty-type rules on hand-built customers, reasons in words, lifecycle, RFM, Excel safety."""

import numpy as np
import pandas as pd
import pytest

from loyalty.analysis.customers import reason_text, threshold_label, threshold_steps
from loyalty.demo import random_signals
from loyalty.analysis.lifecycle import flows, lifecycle_stage, rfm_scores
from loyalty.analysis.segments import (ONE_TIME, OCCASIONAL, TOO_NEW, TYPE_RULES, TYPES, UNTYPED,
                               segment, with_threshold)

# A plain repeat buyer: every signal present, nothing stands out.
BASE = dict(orders=12, orders_per_month=1.0, aov=45.0, discount_share=0.1, member=1.0,
            logins_per_month=0.2, redeem_share=0.0, channel_share=0.6, categories=2.0,
            perks_per_month=0.0, referrals=0.0, reviews_per_year=0.0, nps=np.nan,
            complaints=0.0, recency_days=10, tenure_days=400)


def customers(**rows) -> pd.DataFrame:
    return pd.DataFrame([{**BASE, **changes} for changes in rows.values()], index=list(rows))


CASES = {
    # name: (changes to BASE, expected type, expected reason sentence)
    "bargain": (dict(discount_share=0.8), "price_loyal", "80% of orders used a discount"),
    "points": (dict(logins_per_month=3.0, redeem_share=0.2), "programme_loyal",
               "3.0 app logins a month; redeemed points on 20% of orders"),
    "habit": (dict(channel_share=0.97, categories=1.0), "convenience_loyal",
              "97% of orders through one channel; product categories bought: 1"),
    "wifi": (dict(perks_per_month=2.0, aov=12.0, orders_per_month=0.4), "perk_loyal",
             "used perks 2.0 times a month; average order €12.00"),
    "fan": (dict(referrals=3, reviews_per_year=2.5, nps=10), "advocate",
            "referred 3 friends; 2.5 reviews a year; NPS answer 10"),
    "regular": (dict(orders_per_month=1.5, nps=8, categories=3.0), "satisfied",
                "1.5 orders a month; product categories bought: 3; never complained"),
    "newbie": (dict(orders=2, tenure_days=20), TOO_NEW,
               "first purchase 20 days ago; only 2 orders so far"),
    "busy_newbie": (dict(orders=5, tenure_days=59), TOO_NEW,
                    "first purchase 59 days ago; only 5 orders so far"),
    "once": (dict(orders=1, tenure_days=450), ONE_TIME, "a single order; first purchase 450 days ago"),
    "twice": (dict(orders=2, tenure_days=60), OCCASIONAL,
              "only 2 orders so far; first purchase 60 days ago"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_rule_and_its_reasons(name):
    changes, expected, text = CASES[name]
    seg = segment(customers(**{name: changes})).table
    assert seg.at[name, "loyalty_type"] == expected
    assert reason_text(seg.at[name, "reasons"], "en") == text


def test_reasons_in_german():
    seg = segment(customers(fan=CASES["fan"][0])).table
    assert reason_text(seg.at["fan", "reasons"], "de") == \
        "hat 3 Freunde geworben; 2,5 Bewertungen pro Jahr; NPS-Antwort 10"


@pytest.mark.parametrize("lang,want", [("en", "referred 1 friend; NPS answer 1"),
                                       ("de", "hat 1 Freund geworben; NPS-Antwort 1")])
def test_one_referral_is_one_friend(lang, want):
    assert reason_text([("referrals", 1.0), ("nps", 1.0)], lang) == want


def test_programme_loyalty_needs_membership():
    seg = segment(customers(x=dict(logins_per_month=3.0, redeem_share=0.2, member=0.0))).table
    assert seg.at["x", "score_programme_loyal"] == 0.0
    assert seg.at["x", "loyalty_type"] != "programme_loyal"


def test_a_complaint_lowers_satisfied():
    seg = segment(customers(ok=dict(complaints=0), moaner=dict(complaints=2))).table
    assert seg.at["moaner", "score_satisfied"] == pytest.approx(
        seg.at["ok", "score_satisfied"] * 0.4)


def test_every_customer_gets_exactly_one_type_and_shares_sum_to_one():
    n = 500
    sig = random_signals(n, seed=3)
    seg = segment(sig).table
    assert seg["loyalty_type"].isin([*TYPES, *UNTYPED]).all()
    assert seg["loyalty_type"].notna().all() and len(seg) == n
    assert seg["loyalty_type"].value_counts(normalize=True).sum() == pytest.approx(1.0)
    scores = seg[[f"score_{t}" for t in TYPES]]
    assert ((scores >= 0) & (scores <= 1)).all().all()


def test_missing_signals_are_reported_and_do_not_block():
    sig = customers(bargain=dict(discount_share=0.8)).drop(
        columns=["member", "logins_per_month", "redeem_share", "perks_per_month", "referrals",
                 "reviews_per_year", "nps", "complaints"])
    seg = segment(sig)
    assert seg.table.at["bargain", "loyalty_type"] == "price_loyal"
    # Satisfied is still told and would read NPS; the other lost signals go with their types.
    assert seg.missing_signals == ["nps"]
    assert seg.untellable == ["programme_loyal", "perk_loyal", "advocate"]


def test_moving_a_threshold_moves_customers():
    sig = customers(a=dict(discount_share=0.45), b=dict(discount_share=0.2))
    before = segment(sig).table["loyalty_type"]
    rules = with_threshold(TYPE_RULES, "price_loyal", "discount_share", low=0.1, high=0.3)
    after = segment(sig, rules).table["loyalty_type"]
    assert before["a"] != "price_loyal" and after["a"] == "price_loyal"


FEATURES = pd.DataFrame({
    # customer: orders, tenure, recency, usual gap, largest gap, orders in the last 90 days
    "orders": [2, 20, 20, 20, 20, 10, 10],
    "tenure_days": [30, 600, 600, 600, 600, 600, 600],
    "recency_days": [5, 10, 200, 100, 10, 10, 20],
    "gap_mean": [20, 30, 30, 30, 30, 60, 60],
    "gap_max": [20, 40, 40, 40, 40, 250, 70],
    "orders_last_90": [2, 3, 0, 0, 1, 2, 0],
    "revenue": [50, 900, 900, 800, 700, 500, 400],
}, index=["new", "active", "churned", "at_risk", "declining", "reactivated", "quiet"])


def test_lifecycle_stages():
    stages = lifecycle_stage(FEATURES, churn_window_days=180)
    assert stages.to_dict() == {"new": "new", "active": "active", "churned": "churned",
                                "at_risk": "at_risk", "declining": "declining",
                                "reactivated": "reactivated", "quiet": "declining"}


def test_flows_count_every_customer_once():
    before = pd.Series({"a": "active", "b": "active", "c": "new"})
    after = pd.Series({"a": "churned", "b": "active", "c": "active", "d": "new"})
    table = flows(before, after)
    assert table.loc["active", "churned"] == 1 and table.loc["not_yet", "new"] == 1
    assert table.values.sum() == 4


def test_rfm_quintiles():
    f = pd.DataFrame({"recency_days": range(10), "orders": range(10), "revenue": range(10)},
                     index=[f"c{i}" for i in range(10)])
    rfm = rfm_scores(f)
    assert rfm["R"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert rfm["F"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert rfm["R"].value_counts().tolist() == [2] * 5


def test_type_summary_by_hand():
    import pandas as pd
    from loyalty.analysis.type_figures import type_summary
    table = pd.DataFrame({
        "loyalty_type": ["satisfied", "satisfied", "price_loyal", "one_time"],
        "revenue": [300.0, 100.0, 200.0, -50.0],
        "orders_per_month": [2.0, 1.0, 0.5, 0.1],
        "lifecycle": ["active", "churned", "active", "churned"],
        "nps": [10.0, 5.0, float("nan"), 9.0],
    })
    s = type_summary(table, ["satisfied", "price_loyal", "perk_loyal", "one_time"])
    assert s["customers"].tolist() == [2, 1, 0, 1]
    assert s["share"].tolist() == [0.5, 0.25, 0.0, 0.25]
    # Revenue 300 + 100 + 200, the refund-heavy one-time buyer counted as 0: shares of 600.
    assert s["revenue_share"].tolist() == [400 / 600, 200 / 600, 0.0, 0.0]
    assert s.loc["satisfied", "revenue_per_customer"] == 200.0
    assert s.loc["satisfied", "orders_per_month"] == 1.5
    # One promoter, one detractor out of two answers; price-loyal has no answer.
    assert s.loc["satisfied", "nps"] == 0.0 and s.loc["one_time", "nps"] == 100.0
    assert pd.isna(s.loc["price_loyal", "nps"]) and pd.isna(s.loc["perk_loyal", "churned"])
    assert s["churned"].tolist()[:2] == [0.5, 0.0]
    assert s["share"].sum() == 1.0


def test_rule_thresholds_read_as_percent_money_or_decimal_comma():
    assert threshold_label("discount_share", 0.6, 0.05, "en") == "60%"
    assert threshold_label("discount_share", 0.6, 0.05, "de") == "60\u00a0%"
    assert threshold_label("channel_share", 0.35, 0.01, "de") == "35\u00a0%"
    assert threshold_label("logins_per_month", 2.5, 0.1, "de") == "2,5"
    assert threshold_label("logins_per_month", 2.5, 0.1, "en") == "2.5"
    assert threshold_label("referrals", 2.0, 1.0, "de") == "2"
    assert threshold_label("aov", 40.0, 1.0, "de") == "40\u00a0€"


def test_rule_threshold_steps_hold_the_defaults_exactly():
    # 0.3 to 1.0 in steps of 0.01: 71 values, 0.3 and 0.7 among them without float residue.
    steps = threshold_steps(0.3, 1.0, 0.01)
    assert len(steps) == 71 and steps[0] == 0.3 and steps[-1] == 1.0 and 0.7 in steps
    assert threshold_steps(0.0, 1.0, 0.05)[:3] == [0.0, 0.05, 0.1]
