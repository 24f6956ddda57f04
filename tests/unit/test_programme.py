"""Programme results on a hand-worked shop: members against non-members, difference in
differences around the launch, ROI, and the yearly churn the retention what-if starts from."""

import datetime as dt
import math

import pytest

from loyalty.analysis.churn import yearly_churn
from loyalty.analysis.filters import Filters
from loyalty.analysis.programme import launch_date, launch_effect, programme_roi, retention_by_membership

from ..shops import PROGRAMME_MEMBERS, PROGRAMME_TX


@pytest.fixture
def shop(write_file, dataset):
    # Plus an anonymous sale, which counts for nobody.
    dataset.load(write_file("tx.csv", PROGRAMME_TX + ",2025-07-11,999\n"))
    dataset.load(write_file("members.csv", PROGRAMME_MEMBERS))
    return dataset


def test_launch_date_is_the_first_join(shop):
    assert launch_date(shop) == dt.date(2025, 7, 1)


def test_difference_in_differences_by_hand(shop):
    r = launch_effect(shop, dt.date(2025, 7, 1), months=2)
    t = r["table"].set_index("group")
    # Per month before -> after: M1 100 -> 150, M2 30 -> 50; N1 80 -> 90, N2 20 -> 0.
    # N3 (first bought after the launch) and M3 (nothing before) are not in the panel.
    assert t.loc["members", ["customers", "before", "after", "change"]].tolist() == [
        2, 65.0, 100.0, 35.0]
    assert t.loc["non_members", ["customers", "before", "after", "change"]].tolist() == [
        2, 50.0, 45.0, -5.0]
    assert r["effect"] == pytest.approx(40.0)
    # Changes 50, 20 and 10, -20: sample variance 450 in each group; SE = sqrt(450/2 + 450/2).
    se = math.sqrt(450.0)
    assert (r["low"], r["high"]) == pytest.approx((40 - 1.96 * se, 40 + 1.96 * se))
    assert r["members"] == 2
    assert (r["before_start"], r["after_end"]) == (dt.date(2025, 5, 1), dt.date(2025, 8, 31))


def test_no_effect_without_a_comparison_group(shop):
    r = launch_effect(shop, dt.date(2024, 6, 15), months=1)   # only M1 bought before
    assert r["effect"] is None and r["low"] is None


def test_retention_by_membership(shop):
    f = Filters(start=dt.date(2025, 7, 1), end=dt.date(2025, 8, 31))
    r = retention_by_membership(shop, f).set_index("group")
    # Bought in May-Jun: M1, M2 (both again in Jul-Aug); N1 (again), N2 (not).
    assert r.loc["members", ["customers", "retained", "retention"]].tolist() == [2, 2, 1.0]
    assert r.loc["non_members", ["customers", "retained", "retention"]].tolist() == [2, 1, 0.5]


def test_roi_identities():
    r = programme_roi(40.0, members=2, months=2, margin=0.5, cost=50.0)
    assert r == {"incremental_revenue": 160.0, "incremental_profit": 80.0, "net": 30.0,
                 "roi": 0.6}
    assert programme_roi(40.0, 2, 2, 0.5, 0.0)["roi"] is None


def test_yearly_churn(shop):
    y = yearly_churn(shop, dt.date(2025, 8, 31))
    # Sep 2023 - Aug 2024: Y and M1 bought; only M1 again from Sep 2024. Revenue of identified
    # customers since Sep 2024: 500 + 160 + 340 + 40 + 500 + 10 (M3); the anonymous 999 is out.
    assert (y["customers"], y["retained"], y["churn_rate"]) == (2, 1, 0.5)
    assert y["revenue"] == pytest.approx(1550.0)
    # The data starts on 1 Mar 2024: of Sep 2023 - Aug 2024 it covers Mar - Aug, six months.
    assert y["months_before"] == 6
    # Two years to 1 Mar 2026 start on 2 Mar 2024, after the first purchase: all covered.
    assert yearly_churn(shop, dt.date(2026, 3, 1))["months_before"] == 12
