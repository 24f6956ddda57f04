"""Year-on-year figures on the Overview, worked out by hand on a tiny shop.

The period is March-April 2025 (61 days). Same period last year: 1 Mar - 30 Apr 2024. Previous
period of equal length: 30 Dec 2024 - 28 Feb 2025. The data runs from 20 Feb 2024 (E) to 30 Apr
2025, so it covers both.
"""

import datetime as dt

import pytest

from loyalty.presentation import charts

from loyalty.analysis import overview
from loyalty.analysis.filters import Filters
from loyalty.analysis.periods import Comparison

TX = """customer_id,date,amount,order_id
E,2024-02-20,15.00,O0
A,2024-03-05,100.00,O1
B,2024-03-20,50.00,O2
A,2024-04-10,30.00,O3
C,2024-09-15,40.00,O4
A,2025-01-15,20.00,O5
A,2025-03-02,60.00,O6
C,2025-03-15,90.00,O7
C,2025-04-20,-10.00,O7R
D,2025-04-30,30.00,O8
"""
PERIOD = Filters(start=dt.date(2025, 3, 1), end=dt.date(2025, 4, 30))
YEAR = Comparison("year")


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    return dataset


def test_year_on_year_figures(shop):
    o = overview.overview(shop, PERIOD, 30, YEAR)
    assert o["previous_period"] == (dt.date(2024, 3, 1), dt.date(2024, 4, 30))
    now, before = o["current"], o["previous"]
    # This year: 60 (A) + 90 (C) - 10 (C's return) + 30 (D) = 170 in orders O6 O7 O8.
    assert (now["net_revenue"], now["orders"], now["active_customers"]) == (170.0, 3, 3)
    # Last year: 100 (A) + 50 (B) + 30 (A) = 180 in orders O1 O2 O3, from A and B.
    assert (before["net_revenue"], before["orders"], before["active_customers"]) == (180.0, 3, 2)
    # Customers with a purchase up to the period's end: A B C D E now; E A B a year earlier.
    assert (now["customers"], before["customers"]) == (5, 3)
    # Repurchase: A (O1 O3 O5 O6) and C (O4 O7) of five now; A (O1 O3) of three then.
    assert now["repurchase_rate"] == pytest.approx(2 / 5)
    assert before["repurchase_rate"] == pytest.approx(1 / 3)


def test_previous_period_figures_differ(shop):
    o = overview.overview(shop, PERIOD, 30)
    assert o["previous_period"] == (dt.date(2024, 12, 30), dt.date(2025, 2, 28))
    # Only A's 20.00 (O5, 15 Jan 2025) lies in the previous period.
    assert (o["previous"]["net_revenue"], o["previous"]["orders"]) == (20.0, 1)


def test_year_on_year_without_last_years_data(shop):
    # March-April 2024 a year earlier is March-April 2023: before the data starts.
    spring_2024 = Filters(start=dt.date(2024, 3, 1), end=dt.date(2024, 4, 30))
    o = overview.overview(shop, spring_2024, 30, YEAR)
    assert o["previous"] is None and o["previous_period"] is None
    assert o["compared_dates"] == (dt.date(2023, 3, 1), dt.date(2023, 4, 30))
    assert (o["data_first"], o["data_last"]) == (dt.date(2024, 2, 20), dt.date(2025, 4, 30))


def test_last_years_months_line_up_with_this_years(shop):
    now = overview.monthly(shop, PERIOD)
    before = overview.monthly(shop, Filters(start=dt.date(2024, 3, 1), end=dt.date(2024, 4, 30)))
    against = overview.months_against(now, before)
    assert [m.strftime("%Y-%m") for m in against["month"]] == ["2025-03", "2025-04"]
    assert [m.strftime("%Y-%m") for m in against["month_before"]] == ["2024-03", "2024-04"]
    # March 2024: A 100 + B 50; April 2024: A 30.
    assert against["revenue_before"].tolist() == [150.0, 30.0]
    fig = charts.revenue_and_active(now, "en", against, "Net revenue, same period last year")
    line = next(tr for tr in fig.data if tr.name == "Net revenue, same period last year")
    assert list(line.y) == [150.0, 30.0] and list(line.customdata) == ["Mar 2024", "Apr 2024"]


def test_months_that_do_not_line_up_get_no_line(shop):
    now = overview.monthly(shop, PERIOD)
    # The previous period, 30 Dec 2024 - 28 Feb 2025, touches three months (December for two
    # days) against March and April: nothing to set side by side.
    before = overview.monthly(shop, Filters(start=dt.date(2024, 12, 30),
                                            end=dt.date(2025, 2, 28)))
    assert overview.months_against(now, before) is None
    # Two months each, but the first covered for 2 of its 31 days against a whole March.
    half = overview.monthly(shop, Filters(start=dt.date(2025, 1, 30), end=dt.date(2025, 2, 28)))
    assert overview.months_against(now, half) is None
