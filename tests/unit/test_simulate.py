"""What-if models: hand-worked cases and the identities they must keep."""

import pandas as pd
import pytest

from loyalty.simulate import (DiscountAssumptions, discount_scenario, profit_curve,
                              retention_scenario, uplift)

SUMMARY = pd.DataFrame({"orders": [1000.0, 500.0], "aov": [40.0, 60.0]},
                       index=["price_loyal", "advocate"])


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


def test_response_is_s_shaped_and_by_type():
    a = DiscountAssumptions()
    low, mid, high = uplift([0.02, 0.10, 0.40], 1.0, a)
    assert 0 < low < 0.1 and mid == pytest.approx(0.5, abs=0.1) and high > 0.95
    # At 20 %: price-loyal 0.8 x u x 1/3 x 1000 orders, advocates 0.05 x u x 1/3 x 500.
    u = float(uplift(0.2, 1.0, a))
    r = discount_scenario(SUMMARY, 0.2, margin=0.4)
    assert r["extra_orders"] == pytest.approx(u / 3 * (0.8 * 1000 + 0.05 * 500))


def test_warnings():
    assert discount_scenario(SUMMARY, 0.02, 0.4)["warning"] == "too_small"
    assert discount_scenario(SUMMARY, 0.5, 0.4)["warning"] == "devalues"
    assert discount_scenario(SUMMARY, 0.15, 0.4)["warning"] is None


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


@pytest.mark.parametrize("depth", [0.0, 0.03, 0.12, 0.35, 0.6])
def test_profit_curve_agrees_with_the_scenario(depth):
    curve = profit_curve(SUMMARY, margin=0.4, depths=[depth]).iloc[0]
    for band, scale in (("low", 0.5), ("base", 1.0), ("high", 1.5)):
        assert curve[band] == pytest.approx(
            discount_scenario(SUMMARY, depth, 0.4, scale=scale)["profit_change"], abs=1e-9)
