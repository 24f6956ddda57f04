"""Tier what-if on a hand-worked spend distribution: tiers, benefit cost, goal-gradient stretch,
movers, and the ladder a members file implies."""

import numpy as np
import pandas as pd
import pytest

from loyalty.tier_plan import (TierAssumptions, TierBenefit, compare_ladders, evaluate_ladder,
                               infer_ladder, spend_distribution)

SPEND = pd.Series({"a": 100.0, "b": 280.0, "c": 290.0, "d": 700.0, "e": 760.0, "f": 900.0})
NOW = [0.0, 300.0, 800.0]
A = TierAssumptions(points_per_unit=1.0, point_value=0.01, zone=0.1, stretch_max=0.3, margin=0.4,
                    benefits=(TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.02, 1.5, 5.0),
                              TierBenefit(0.05, 2.0, 20.0)))


def test_spend_distribution_rounds_and_counts():
    d = spend_distribution(pd.Series([10.2, 9.8, -5.0, 300.0]))
    assert d.values.tolist() == [[0.0, 1], [10.0, 2], [300.0, 1]]


def test_ladder_by_hand():
    r = evaluate_ladder(spend_distribution(SPEND), NOW, A)
    assert r["per_tier"]["customers"].tolist() == [3, 2, 1]
    # Cost per member: tier 1 = 1 % points; tier 2 = 2 % + 1.5 % + 5; tier 3 = 5 % + 2 % + 20.
    assert r["per_tier"]["cost"].tolist() == pytest.approx([6.7, 61.1, 83.0])
    # Stretchers: b misses 20 of 300 (zone 30): p = 0.3 x (1 - 20/30) = 0.1; c misses 10: 0.2;
    # e misses 40 of 800 (zone 80): 0.15. a, d are too far, f is at the top.
    assert r["stretchers"] == pytest.approx(0.45)
    assert r["extra_spend"] == pytest.approx(0.1 * 20 + 0.2 * 10 + 0.15 * 40)
    # Stretchers get the higher tier's benefits on the threshold amount (15.5 and 76).
    cost = 1 + (0.9 * 2.8 + 0.1 * 15.5) + (0.8 * 2.9 + 0.2 * 15.5) + 29.5 + (
        0.85 * 31.6 + 0.15 * 76) + 83
    assert r["benefit_cost"] == pytest.approx(cost)
    assert r["margin"] == pytest.approx((3030 + 10) * 0.4 - cost)


def test_threshold_above_everyone_moves_everyone_down():
    r = compare_ladders(spend_distribution(SPEND), NOW, [0.0, 10_000.0, 20_000.0], A, A)
    assert (r["up"], r["down"]) == (0, 3)
    assert r["moves"].values.tolist() == [[3, 0, 0], [2, 0, 0], [1, 0, 0]]
    assert r["new"]["benefit_cost"] == pytest.approx(30.3)   # everyone at 1 % points
    assert r["change"]["base"]["extra_spend"] == pytest.approx(-10.0)
    assert r["change"]["base"]["margin"] == pytest.approx(3030 * 0.4 - 30.3 - 1054.75)


def test_same_ladder_changes_nothing_in_any_band():
    r = compare_ladders(spend_distribution(SPEND), NOW, NOW, A, A)
    assert (r["up"], r["down"]) == (0, 0)
    for band in ("low", "base", "high"):
        assert all(v == 0 for v in r["change"][band].values())


def test_lower_threshold_moves_the_near_customers_up():
    r = compare_ladders(spend_distribution(SPEND), NOW, [0.0, 250.0, 800.0], A, A)
    assert (r["up"], r["down"]) == (2, 0)
    # b and c are now Silver without stretching: their 0.1 + 0.2 expected stretchers are gone
    # (half and 1.5 times that in the low and high band); a still misses 150 of 250.
    stretch = [r["change"][b]["stretchers"] for b in ("low", "base", "high")]
    assert stretch == pytest.approx([-0.15, -0.3, -0.45])


def test_richer_benefits_cost_more():
    richer = TierAssumptions(**{**A.__dict__, "benefits": (
        TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.02, 1.5, 5.0), TierBenefit(0.10, 2.0, 20.0))})
    r = compare_ladders(spend_distribution(SPEND), NOW, NOW, A, richer)
    # Gold's discount doubles from 5 % to 10 %: f pays 45 more, the Gold stretcher e 0.15 x 40.
    assert r["change"]["base"]["benefit_cost"] == pytest.approx(45 + 0.15 * 40)


def test_one_benefit_per_tier_is_required():
    with pytest.raises(ValueError):
        evaluate_ladder(spend_distribution(SPEND), [0.0, 300.0], A)


def test_infer_ladder_from_a_members_file():
    tiers = pd.Series({"a": "Bronze", "b": "Bronze", "c": "Bronze", "d": "Silber", "e": "Silber",
                       "f": "Silber", "g": "Gold", "h": "Gold"})
    spend = pd.Series({"a": 10.0, "b": 100.0, "c": 250.0, "d": 310.0, "e": 500.0, "f": 790.0,
                       "g": 820.0, "h": 2000.0})
    # Bronze tops out at 250, Silber starts at 310: the roundest amount between is 300.
    # Silber ends at 790, Gold starts at 820: 800.
    assert infer_ladder(tiers, spend) == [("Bronze", 0.0), ("Silber", 300.0), ("Gold", 800.0)]
    assert infer_ladder(tiers[tiers == "Gold"], spend) is None


def test_infer_ladder_tolerates_a_member_placed_on_an_older_spend():
    tiers = pd.Series(["Bronze"] * 3 + ["Silver"] * 4, index=list("abcdefg"))
    spend = pd.Series([10.0, 100.0, 250.0, 200.0, 310.0, 500.0, 790.0], index=list("abcdefg"))
    # A cut at 200 or at 300 puts one member on the wrong side (c or d); both are equally
    # round, and the lower one is kept.
    assert infer_ladder(tiers, spend)[1] == ("Silver", 200.0)


def test_a_million_customers_are_a_few_thousand_rows():
    rng = np.random.default_rng(1)
    d = spend_distribution(pd.Series(rng.lognormal(5, 1, 1_000_000)))
    assert d["customers"].sum() == 1_000_000 and len(d) < 20_000
