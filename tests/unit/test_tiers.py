"""Tier assignment, movement, near-threshold list and points on hand-worked data."""

import datetime as dt

import pandas as pd
import pytest

from loyalty.analysis.tiers import (assign_tiers, customer_positions, near_next_tier, points_over_time,
                           qualifying_spend, thresholds_rise, tier_movement)

TX = """customer_id,date,amount,points_earned,points_redeemed
A,2024-12-15,500,500,0
A,2025-06-01,400,400,500
B,2025-03-01,290,290,0
B,2025-04-01,-20,0,0
C,2025-05-01,100,100,0
,2025-05-02,50,0,0
"""


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    return dataset


def test_qualifying_spend_rolling_twelve_months(shop):
    spend = qualifying_spend(shop, dt.date(2025, 12, 1))
    # Window 2 Dec 2024 - 1 Dec 2025: A 500 + 400, B 290 - 20 (the refund counts), C 100.
    assert spend.to_dict() == {"A": 900.0, "B": 270.0, "C": 100.0}
    assert qualifying_spend(shop, dt.date(2026, 1, 1)).to_dict() == {"A": 400.0, "B": 270.0,
                                                                      "C": 100.0}


@pytest.mark.parametrize("spend,tier", [(0, "Bronze"), (299.99, "Bronze"), (300, "Silver"),
                                        (799, "Silver"), (800, "Gold"), (5000, "Gold"),
                                        (-10, "Bronze")])
def test_assign_tiers(spend, tier):
    assert assign_tiers(pd.Series({"x": spend}))["x"] == tier


def test_threshold_above_everyone_moves_everyone_down():
    spend = pd.Series({"a": 900.0, "b": 400.0, "c": 50.0})
    before = assign_tiers(spend)
    after = assign_tiers(spend, (("Bronze", 0.0), ("Silver", 10_000.0), ("Gold", 20_000.0)))
    moved = tier_movement(before, after)
    assert (moved["upgrades"], moved["downgrades"], moved["stays"]) == (0, 2, 1)
    assert moved["matrix"].loc["Gold", "Bronze"] == 1 and moved["matrix"].values.sum() == 3



def test_movement_follows_customers_between_lists_in_another_order():
    before = assign_tiers(pd.Series({"a": 900.0, "b": 400.0, "x": 10.0}))
    after = assign_tiers(pd.Series({"y": 400.0, "b": 900.0, "a": 100.0}))
    positions = customer_positions(before, after)
    assert positions.tolist() == [2, 1, -1]
    # a falls from Gold to Bronze, b rises from Silver to Gold; x left and y is new: not counted.
    for moved in (tier_movement(before, after), tier_movement(before, after, positions=positions)):
        assert (moved["upgrades"], moved["downgrades"], moved["stays"]) == (1, 1, 0)
        assert moved["matrix"].loc["Gold", "Bronze"] == 1 and moved["matrix"].loc["Silver", "Gold"] == 1
        assert moved["matrix"].values.sum() == 2


@pytest.mark.parametrize("floors,rise", [([0, 300, 800], True), ([0, 1200, 1000], False),
                                         ([0, 300, 300], False), ([0], True)])
def test_thresholds_rise(floors, rise):
    assert thresholds_rise(floors) is rise

def test_near_next_tier():
    spend = pd.Series({"a": 760.0, "b": 700.0, "c": 280.0, "d": 900.0, "e": 300.0})
    near = near_next_tier(spend, within=0.1)
    # a misses 40 of Gold's 800 (within 80), c misses 20 of Silver's 300 (within 30);
    # b misses 100, d is at the top, e has just reached Silver.
    assert near[["customer_id", "next_tier", "missing"]].values.tolist() == [
        ["c", "Silver", 20.0], ["a", "Gold", 40.0]]


def test_points_over_time(shop):
    p = points_over_time(shop, "M", point_value=0.01).set_index("period")
    assert p["earned"].sum() == 1290 and p["redeemed"].sum() == 500
    assert p["outstanding"].iloc[-1] == 790 and p["liability"].iloc[-1] == pytest.approx(7.9)
    june = p.loc[pd.Timestamp("2025-06-01")]
    assert june["redemption_rate"] == pytest.approx(500 / 400)


def test_tiers_in_ladder_order_not_alphabetical():
    from loyalty.analysis.tiers import in_ladder_order
    frame = pd.DataFrame({"group": ["Bronze", "Gold", "Platin", "Silber"], "n": [1, 2, 3, 4]})
    ordered = in_ladder_order(frame, ["Bronze", "Silber", "Gold"])
    assert ordered["group"].tolist() == ["Bronze", "Silber", "Gold", "Platin"]
    assert ordered["n"].tolist() == [1, 4, 2, 3]


def test_points_start_at_the_launch(shop):
    # A launch on 10 Mar 2025: the chart starts with March; the points of December still
    # count in what is outstanding: 500 earned in December + 290 in March.
    p = points_over_time(shop, "M", point_value=0.01, launch=dt.date(2025, 3, 10))
    assert p["period"].iloc[0] == pd.Timestamp("2025-03-01")
    assert p["outstanding"].iloc[0] == 790


def test_points_without_a_launch_start_with_the_first_points(write_file, dataset):
    dataset.load(write_file("tx.csv", "customer_id,date,amount,points_earned,points_redeemed\n"
                                      "A,2025-01-15,50,0,0\nA,2025-02-15,50,0,0\n"
                                      "A,2025-03-15,50,50,0\nA,2025-04-15,50,50,20\n"))
    p = points_over_time(dataset, "M")
    assert p["period"].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-04-01")]
    assert p["outstanding"].tolist() == [50, 80]


def test_movement_between_two_ladders_of_one_name_and_a_plain_series():
    spend = pd.Series({"a": 900.0, "b": 400.0, "c": 50.0})
    # Tiers kept as plain text (as read from a members file) against assigned ones.
    before = pd.Series({"a": "Silver", "b": "Silver", "c": "Platinum", "d": "Gold"})
    moved = tier_movement(before, assign_tiers(spend))
    # a moves up to Gold, b stays; c's Platinum is off the ladder and d has no spend: not counted.
    assert (moved["upgrades"], moved["downgrades"], moved["stays"]) == (1, 0, 1)
    twice = assign_tiers(spend, (("Club", 0.0), ("Club", 500.0)))
    assert twice.tolist() == ["Club", "Club", "Club"]
