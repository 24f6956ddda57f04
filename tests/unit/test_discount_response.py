"""Baseline orders by loyalty type, and the discount response estimated from daily data."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from loyalty.planning.discount_response import (clip_estimate, daily_discounts, estimate_response,
                                       response_bands, type_summary)
from loyalty.planning.simulate import DiscountAssumptions

TX = """customer_id,date,amount,order_id,discount
A,2025-01-05,90,O1,10
A,2025-06-05,50,O2,0
A,2025-06-05,30,O2,0
B,2025-03-01,40,O3,0
B,2025-03-02,-40,O3R,0
C,2025-04-01,20,O4,0
C,2023-01-01,500,O0,0
,2025-03-01,10,O5,0
"""


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    return dataset


def test_type_summary_by_hand(shop):
    types = pd.Series({"A": "price_loyal", "B": "advocate", "C": "price_loyal"})
    s = type_summary(shop, types, dt.date(2025, 6, 30))
    # Last 12 months: A two orders at full price 100 and 80; C one of 20 (its 2023 order is
    # out); B one of 40 (the return is not an order).
    assert s.loc["price_loyal"].tolist() == [2, 3, pytest.approx(200 / 3)]
    assert s.loc["advocate"].tolist() == [1, 1, 40.0]


def test_daily_discounts(shop):
    d = daily_discounts(shop).set_index("day")
    assert d.loc[pd.Timestamp("2025-01-05"), ["orders", "depth"]].tolist() == [1, 0.1]
    assert d.loc[pd.Timestamp("2025-03-01"), "orders"] == 2   # B and the anonymous sale


def _days(n: int, b: float, every: int = 4, depth: float = 0.1) -> pd.DataFrame:
    days = pd.date_range("2025-01-01", periods=n, freq="D")
    dep = np.where(np.arange(n) % every == 0, depth, 0.0)
    return pd.DataFrame({"day": days, "orders": 100 * np.exp(b * dep), "depth": dep})


def test_estimate_recovers_a_known_response():
    e = estimate_response(_days(120, b=3.0))
    assert e["estimated"] and e["b"] == pytest.approx(3.0) and e["se"] < 1e-6
    assert e["reference_depth"] == pytest.approx(0.1)
    assert e["uplift"] == pytest.approx(math.exp(0.3) - 1)
    assert e["discount_days"] == 30 and e["days"] == 120


@pytest.mark.parametrize("frame,reason", [
    (_days(40, 3.0), "few_days"),                       # under 60 days
    (_days(120, 3.0, every=10), "few_days"),            # 12 discounted days, under 20
    (_days(120, 3.0, every=1, depth=0.05), "no_variation"),   # the same depth every day
])
def test_no_estimate_when_the_data_cannot_say(frame, reason):
    e = estimate_response(frame)
    assert not e["estimated"] and e["reason"] == reason


def test_bands_default_without_an_estimate():
    summary = pd.DataFrame({"orders": [100.0], "aov": [50.0]}, index=["price_loyal"])
    assert response_bands(summary, {"estimated": False}) == (
        ("low", 0.5), ("base", 1.0), ("high", 1.5))


def test_bands_calibrate_the_model_to_the_estimate_within_the_bound():
    summary = pd.DataFrame({"orders": [100.0], "aov": [50.0]}, index=["price_loyal"])
    est = {"estimated": True, "reference_depth": 0.1, "uplift": 0.2, "uplift_low": -0.1,
           "uplift_high": 0.3}
    # At the default threshold (10 %) the S-curve, zero up to 5 %, is (e - 1) / (2e) of the way
    # up; price-loyal reach at most 80 %. 0.2 and 0.3 are under the bounds 0.262 and 0.36.
    model = 0.8 * (math.e - 1) / (2 * math.e)
    bands = dict(response_bands(summary, est, DiscountAssumptions()))
    assert bands == pytest.approx({"low": 0.0, "base": 0.2 / model, "high": 0.3 / model})


def test_an_estimate_above_the_published_bound_is_clipped():
    summary = pd.DataFrame({"orders": [100.0], "aov": [50.0]}, index=["price_loyal"])
    est = {"estimated": True, "reference_depth": 0.1, "uplift": 0.9, "uplift_low": 0.5,
           "uplift_high": 1.4}
    # At 10 %: the mean elasticity allows 2.62 x 0.1 = 26.2 % more orders (low and base), the
    # promotional one 3.6 x 0.1 = 36 % (high).
    c = clip_estimate(est)
    assert c["clipped"] and c["bound"] == pytest.approx(0.262)
    assert (c["uplift_low"], c["uplift"], c["uplift_high"]) == pytest.approx((0.262, 0.262, 0.36))
    model = 0.8 * (math.e - 1) / (2 * math.e)
    bands = dict(response_bands(summary, est, DiscountAssumptions()))
    assert bands == pytest.approx({"low": 0.262 / model, "base": 0.262 / model,
                                   "high": 0.36 / model})
    assert not clip_estimate({**est, "uplift": 0.2})["clipped"]
