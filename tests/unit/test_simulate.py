"""What-if models: hand-worked cases and the identities they must keep."""

import math

import pandas as pd
import pytest

from loyalty.planning.simulate import (DiscountAssumptions, band_elasticity, discount_scenario,
                              profit_curve, retention_scenario, uplift)

SUMMARY = pd.DataFrame({"customers": [100, 50], "orders": [1000.0, 500.0], "aov": [40.0, 60.0]},
                       index=["price_loyal", "advocate"])
PRICE_LOYAL = SUMMARY.loc[["price_loyal"]]
# With the default curve (half way at 10 %, width 5 pp, zero up to 5 %), the share of the way up
# at 10 % is (1/2 - 1/(1+e)) / (1 - 1/(1+e)) = (e - 1) / (2e).
U10 = (math.e - 1) / (2 * math.e)


def test_zero_discount_changes_nothing():
    r = discount_scenario(SUMMARY, 0.0, margin=0.4)
    assert r["extra_orders"] == 0.0 and r["discount_cost"] == 0.0
    assert r["revenue"] == r["baseline_revenue"] == 70_000.0      # 1000 x 40 + 500 x 60
    assert r["profit_change"] == 0.0


@pytest.mark.parametrize("depth", [0.05, 0.1, 0.2, 0.5])
def test_identities(depth):
    r = discount_scenario(SUMMARY, depth, margin=0.4)
    full = r["revenue"] + r["discount_cost"]
    assert r["revenue"] == pytest.approx(full * (1 - depth))
    assert r["gross_profit"] == pytest.approx(full * (0.4 - depth))
    assert r["orders"] == pytest.approx(1500.0 + r["extra_orders"])


def test_response_is_s_shaped_and_zero_below_the_threshold():
    a = DiscountAssumptions()
    none, start, mid, high = uplift([0.03, 0.05, 0.10, 0.40], 1.0, a)
    assert (none, start) == (0.0, 0.0)
    assert mid == pytest.approx(U10) and high > 0.99


def test_by_type_and_per_customer_at_ten_percent():
    # Price-loyal 0.8 x U10 = 25.3 % more orders (under the bound 2.62 x 10 % = 26.2 %), advocates
    # 0.05 x U10; a third of it new: (800 + 25) x U10 / 3 = 86.92 extra orders from 150 customers
    # who place 1,500 today.
    r = discount_scenario(SUMMARY, 0.10, margin=0.4)
    assert r["extra_orders"] == pytest.approx(825 * U10 / 3)
    assert r["bounded_orders"] == 0.0
    assert r["customers"] == 150.0 and r["orders_per_customer"] == 10.0
    assert r["extra_per_customer"] == pytest.approx(825 * U10 / 3 / 150)


@pytest.mark.parametrize("depth,scale,band,extra", [
    # At 20 % the S-curve is 0.837 of the way up: 0.8 x 0.837 = 67 % more orders, over the
    # bound 2.62 x 20 % = 52.4 %: 1,000 orders x 0.524 / 3 = 174.67 new ones.
    (0.20, 1.0, "base", 1000 * 2.62 * 0.20 / 3),
    # High band: 1.5 x 0.8 x 0.837 = 100 % against 3.6 x 20 % = 72 %: 240 new orders.
    (0.20, 1.5, "high", 1000 * 3.6 * 0.20 / 3),
    # At 50 % the bound stops growing at the 30 % saturation depth: 2.62 x 30 % = 78.6 %
    # against 0.8 x 0.9995 = 80 %: 262 new orders.
    (0.50, 1.0, "base", 1000 * 2.62 * 0.30 / 3),
])
def test_published_elasticity_bounds_the_response(depth, scale, band, extra):
    a = DiscountAssumptions()
    free = 1000 * 0.8 * scale * float(uplift(depth, 1.0, a)) / 3
    r = discount_scenario(PRICE_LOYAL, depth, 0.4, a, scale, band_elasticity(band, a))
    assert free > extra
    assert r["extra_orders"] == pytest.approx(extra)
    assert r["bounded_orders"] == pytest.approx(free - extra)
    assert r["extra_per_customer"] == pytest.approx(extra / 100)


def test_a_huge_response_size_stays_within_the_bound():
    a = DiscountAssumptions(max_uplift=(("price_loyal", 50.0),))
    assert discount_scenario(PRICE_LOYAL, 0.2, 0.4, a)["extra_orders"] == pytest.approx(
        1000 * 2.62 * 0.2 / 3)


@pytest.mark.parametrize("depth,warning,extra", [
    (0.03, "too_small", 0.0),      # below the 5 % threshold: nothing changes, and the page says so
    (0.05, None, 0.0),             # at the threshold the curve starts from 0
    (0.10, None, 825 * U10 / 3),
    (0.50, "devalues", None),
])
def test_warnings_agree_with_the_response(depth, warning, extra):
    r = discount_scenario(SUMMARY, depth, 0.4)
    assert r["warning"] == warning
    if extra is not None:
        assert r["extra_orders"] == pytest.approx(extra)


def test_profit_curve_bands_are_ordered():
    curve = profit_curve(SUMMARY, margin=0.4, depths=[0.0, 0.1, 0.3])
    assert curve.loc[0, ["low", "base", "high"]].tolist() == [0.0, 0.0, 0.0]
    assert (curve["low"] <= curve["base"]).all() and (curve["base"] <= curve["high"]).all()


def test_retention_scenario_by_hand():
    r = retention_scenario(100_000.0, churn_rate=0.2, churn_cut_points=0.05, margin=0.3, years=2)
    # Keep 80 % a year now, 85 % with the change: year 1 80,000 vs 85,000; year 2 64,000 vs 72,250.
    assert r["revenue_now"].tolist() == pytest.approx([80_000.0, 64_000.0])
    assert r["revenue_new"].tolist() == pytest.approx([85_000.0, 72_250.0])
    assert r["extra_profit"].tolist() == pytest.approx([1_500.0, 2_475.0])


def test_retention_bands_and_cost():
    r = retention_scenario(100_000.0, churn_rate=0.2, churn_cut_points=0.04, margin=0.5, years=1,
                           cost_per_year=1000.0).iloc[0]
    # Keep 80 % today; 84 % with the cut (86 % high, 82 % low): 4,000 / 6,000 / 2,000 more
    # revenue, half of it profit, minus 1,000 cost.
    assert r["extra_revenue"] == 4000.0
    assert (r["extra_profit_low"], r["extra_profit"], r["extra_profit_high"]) == (0.0, 1000.0,
                                                                                   2000.0)


@pytest.mark.parametrize("depth", [0.0, 0.03, 0.12, 0.2, 0.35, 0.6])
def test_profit_curve_agrees_with_the_scenario(depth):
    curve = profit_curve(SUMMARY, margin=0.4, depths=[depth]).iloc[0]
    for band, scale, elasticity in (("low", 0.5, -2.62), ("base", 1.0, -2.62),
                                    ("high", 1.5, -3.6)):
        assert curve[band] == pytest.approx(
            discount_scenario(SUMMARY, depth, 0.4, scale=scale,
                              elasticity=elasticity)["profit_change"], abs=1e-9)
