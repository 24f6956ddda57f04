"""Type codes scored once per rule, and the figures per type counted from them, on hand-built
customers."""

import numpy as np
import pandas as pd
import pytest

from loyalty.analysis.segments import (GROUPS, TYPE_RULES, SignalArrays, segment, type_codes,
                                       with_threshold)
from loyalty.analysis.type_figures import profile_of_codes, summary_of_codes
from tests.unit.test_segments import customers

SAT, PRICE, PERK, ONE = (GROUPS.index(g) for g in ("satisfied", "price_loyal", "perk_loyal",
                                                   "one_time"))


def test_a_rule_change_scores_only_its_type_again_and_keeps_the_others():
    sig = customers(a=dict(discount_share=0.45), b=dict(discount_share=0.2),
                    c=dict(discount_share=0.9))
    a = SignalArrays(sig)
    type_codes(a, TYPE_RULES)
    satisfied = a.score(TYPE_RULES["satisfied"])
    price = a.score(TYPE_RULES["price_loyal"])
    rules = with_threshold(TYPE_RULES, "price_loyal", "discount_share", low=0.1, high=0.3)
    code, _ = type_codes(a, rules)
    assert a.score(rules["satisfied"]) is satisfied
    assert a.score(rules["price_loyal"]) is not price
    # A ramp from 10 % to 30 %: 45 % and 90 % score 1, 20 % scores a half.
    assert a.score(rules["price_loyal"]).tolist() == pytest.approx([1.0, 0.5, 1.0])
    assert [GROUPS[c] for c in code] == ["price_loyal"] * 3
    # Kept arrays give what a fresh reading of the signals gives.
    fresh = segment(sig, rules, explain=False).table
    kept = segment(sig, rules, explain=False, arrays=a).table
    pd.testing.assert_frame_equal(kept, fresh)
    assert kept["loyalty_type"].tolist() == ["price_loyal"] * 3


def test_a_tie_goes_to_the_type_listed_first():
    # Satisfied is capped at 0.45; price-loyal ramps from 0 to 1, so a discount share of 45 %
    # scores exactly 0.45 (a tie) and 50 % scores 0.5.
    rules = with_threshold(TYPE_RULES, "price_loyal", "discount_share", low=0.0, high=1.0)
    sig = customers(tie=dict(discount_share=0.45, orders_per_month=2.0, categories=3.0),
                    over=dict(discount_share=0.5, orders_per_month=2.0, categories=3.0))
    a = SignalArrays(sig)
    assert a.score(rules["satisfied"]).tolist() == [0.45, 0.45]
    assert a.score(rules["price_loyal"]).tolist() == [0.45, 0.5]
    code, told = type_codes(a, rules)
    assert told[0] == "satisfied"
    assert [GROUPS[c] for c in code] == ["satisfied", "price_loyal"]


def test_summary_of_codes_by_hand():
    code = np.array([SAT, SAT, PRICE, ONE, -1])
    s = summary_of_codes(code, ["satisfied", "price_loyal", "perk_loyal", "one_time"],
                         revenue=np.array([300.0, 100.0, 200.0, -50.0, 400.0]),
                         orders_per_month=np.array([2.0, np.nan, 0.5, 0.1, 1.0]),
                         churned=np.array([False, True, False, True, False]),
                         nps=np.array([10.0, 5.0, np.nan, 9.0, 0.0]))
    # Five customers, one outside the groups asked for: shares of 5 and of 1,000 revenue.
    assert s["customers"].tolist() == [2, 1, 0, 1]
    assert s["share"].tolist() == [0.4, 0.2, 0.0, 0.2]
    assert s["revenue_share"].tolist() == [0.4, 0.2, 0.0, 0.0]
    assert s.loc["satisfied", "revenue_per_customer"] == 200.0
    # The unknown order rate is left out of the mean, not counted as 0.
    assert s.loc["satisfied", "orders_per_month"] == 2.0
    assert s.loc["satisfied", "nps"] == 0.0 and s.loc["one_time", "nps"] == 100.0
    assert pd.isna(s.loc["price_loyal", "nps"]) and pd.isna(s.loc["perk_loyal", "churned"])
    assert s["churned"].tolist()[:2] == [0.5, 0.0]


def test_profile_of_codes_by_hand():
    code = np.array([SAT, SAT, PRICE, ONE, ONE])
    p = profile_of_codes(code, {"aov": np.array([10.0, 30.0, 50.0, 99.0, 99.0]),
                                "nps": np.array([np.nan, 8.0, np.nan, 3.0, 3.0]),
                                "referrals": np.array([np.nan] * 4 + [2.0])})
    # Rows: the types with customers (history groups are not types); referrals only known of a
    # one-time buyer, so no column.
    assert p.index.tolist() == ["satisfied", "price_loyal"]
    assert p.columns.tolist() == ["aov", "nps"]
    assert p["aov"].tolist() == [20.0, 50.0]
    assert p.loc["satisfied", "nps"] == 8.0 and pd.isna(p.loc["price_loyal", "nps"])
