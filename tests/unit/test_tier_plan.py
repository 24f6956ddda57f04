"""Tier what-if on a hand-worked spend distribution: tiers, benefit cost, goal-gradient stretch,
movers, and the ladder a members file implies."""

import numpy as np
import pandas as pd
import pytest

from loyalty.planning.tier_plan import (TierAssumptions, TierBenefit, compare_ladders, evaluate_ladder,
                               infer_ladder, spend_distribution)

SPEND = pd.Series({"a": 100.0, "b": 280.0, "c": 290.0, "d": 700.0, "e": 760.0, "f": 900.0})
NOW = [0.0, 300.0, 800.0]
A = TierAssumptions(points_per_unit=1.0, point_value=0.01, zone=0.1, stretch_max=0.3, margin=0.4,
                    benefits=(TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.02, 1.5, 5.0),
                              TierBenefit(0.05, 2.0, 20.0)))


def test_spend_distribution_rounds_and_counts():
    d = spend_distribution(pd.Series([10.2, 9.8, -5.0, 300.0]))
    # Rounded down: 9.80 stays below 10, as a threshold of 10 would see it.
    assert d.values.tolist() == [[0.0, 1], [9.0, 1], [10.0, 1], [300.0, 1]]


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
    # Nobody is within reach of 10,000, and today's stretchers (b, c, e) are already in the data:
    # no extra spend either way (it used to come out as -10). d, e, f are demoted and lose 15 %
    # of 700 + 760 + 900.
    assert r["change"]["base"]["extra_spend"] == 0.0
    assert r["change"]["base"]["lost_spend"] == pytest.approx(354.0)
    # Today: 3,030 x 0.4 - 150.8 (6.7 + 61.1 + 83); planned: (3,030 - 354) x 0.4 - 30.3.
    assert r["change"]["base"]["margin"] == pytest.approx((3030 - 354) * 0.4 - 30.3
                                                          - (3030 * 0.4 - 150.8))


def test_raising_gold_no_longer_gives_negative_stretch():
    # Gold from 800 to 1,000: e (760) loses its goal within reach, f (900) drops to Silver and is
    # exactly at the edge of the new zone (1,000 - 100): nobody has a new goal to stretch for.
    # Before, e's lost stretch (0.15 x 40) made the extra spend -6.
    r = compare_ladders(spend_distribution(SPEND), NOW, [0.0, 300.0, 1000.0], A, A)
    for band in ("low", "base", "high"):
        assert r["change"][band]["extra_spend"] == 0.0
    assert r["down"] == 1
    assert [r["change"][b]["lost_spend"] for b in ("low", "base", "high")] == pytest.approx(
        [0.225 * 900, 0.15 * 900, 0.075 * 900])


LADDER3 = pd.Series({"x": 350.0, "y": 820.0, "z": 950.0})
FIXED = TierAssumptions(point_value=0.0, zone=0.1, stretch_max=0.3, margin=0.4,
                        demotion_loss=0.15,
                        benefits=(TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.0, 1.0, 5.0),
                                  TierBenefit(0.0, 1.0, 20.0)))


@pytest.mark.parametrize("band,lost,extra,cost", [
    # All three move down one tier (x Silver to Bronze, y and z Gold to Silver): 350 + 820 + 950
    # = 2,120 of demoted spend, 15 % of it lost (22.5 % low, 7.5 % high). z (950) is 50 short of
    # the new Gold at 1,000 (zone 100): p = 0.3 x (1 - 50/100) = 0.15 (half / 1.5x in the bands),
    # spending 50 more and paying Gold's 20 instead of Silver's 5.
    # Benefit cost: today 5 + 20 + 20 = 45; planned 0 + 5 + 5 + p x 15.
    ("low", 0.225 * 2120, 0.075 * 50, 10 + 0.075 * 15 - 45),
    ("base", 0.15 * 2120, 0.15 * 50, 10 + 0.15 * 15 - 45),
    ("high", 0.075 * 2120, 0.225 * 50, 10 + 0.225 * 15 - 45),
])
def test_demotion_costs_a_share_of_the_demoted_spend(band, lost, extra, cost):
    r = compare_ladders(spend_distribution(LADDER3), NOW, [0.0, 400.0, 1000.0], FIXED, FIXED)
    assert (r["up"], r["down"]) == (0, 3)
    c = r["change"][band]
    assert c["lost_spend"] == pytest.approx(lost)
    assert c["extra_spend"] == pytest.approx(extra)
    assert c["benefit_cost"] == pytest.approx(cost)
    assert c["margin"] == pytest.approx((extra - lost) * 0.4 - cost)


def test_same_ladder_changes_nothing_in_any_band():
    r = compare_ladders(spend_distribution(SPEND), NOW, NOW, A, A)
    assert (r["up"], r["down"]) == (0, 0)
    for band in ("low", "base", "high"):
        assert all(v == 0 for v in r["change"][band].values())


def test_a_lower_threshold_gives_a_new_goal():
    r = compare_ladders(spend_distribution(SPEND), NOW, [0.0, 300.0, 750.0], A, A)
    # e (760) reaches Gold; d (700) is now 50 short of 750 (zone 75): p = 0.3 x (1 - 50/75) = 0.1.
    # b and c still aim at 300 as today: what that does is already in their spend.
    assert (r["up"], r["down"]) == (1, 0)
    stretch = [r["change"][b]["stretchers"] for b in ("low", "base", "high")]
    assert stretch == pytest.approx([0.05, 0.1, 0.15])
    assert r["change"]["base"]["extra_spend"] == pytest.approx(0.1 * 50)
    assert r["change"]["base"]["lost_spend"] == 0.0


def test_richer_benefits_cost_more():
    richer = TierAssumptions(**{**A.__dict__, "benefits": (
        TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.02, 1.5, 5.0), TierBenefit(0.10, 2.0, 20.0))})
    r = compare_ladders(spend_distribution(SPEND), NOW, NOW, A, richer)
    # Gold's discount doubles from 5 % to 10 %: f pays 45 more. The thresholds are today's, so
    # nobody gets a new goal to stretch for.
    assert r["change"]["base"]["benefit_cost"] == pytest.approx(45)


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
