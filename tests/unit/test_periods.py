"""No comparison with a period the data does not reach; partial months are marked as partial."""

import datetime as dt

import pytest

from loyalty.presentation import charts

from loyalty.analysis import overview
from loyalty.analysis.filters import Filters
from loyalty.analysis.periods import Comparison, comparison_dates, comparison_period, month_coverage

D = dt.date


@pytest.mark.parametrize("start,end,first,expected", [
    # Six months with a year of data before them: the previous six months are all there.
    (D(2025, 7, 1), D(2025, 12, 31), D(2025, 1, 1), (D(2024, 12, 29), D(2025, 6, 30))),
    # The whole data selected: the previous period lies before the data.
    (D(2025, 1, 1), D(2025, 12, 31), D(2025, 1, 1), None),
    # 30 days, data from 3 Jan: the previous 30 days (2 Jan - 31 Jan) miss one day, 29/30 >= 95 %.
    (D(2025, 2, 1), D(2025, 3, 2), D(2025, 1, 3), (D(2025, 1, 2), D(2025, 1, 31))),
    # Data from 5 Jan: 27 of 30 days (90 %) is not enough.
    (D(2025, 2, 1), D(2025, 3, 2), D(2025, 1, 5), None),
    (D(2025, 2, 1), D(2025, 3, 2), None, None),
])
def test_comparison_period(start, end, first, expected):
    assert comparison_period(start, end, first) == expected


YEAR = Comparison("year")


@pytest.mark.parametrize("start,end,comparison,expected", [
    (D(2025, 7, 1), D(2025, 12, 31), Comparison(), (D(2024, 12, 29), D(2025, 6, 30))),
    (D(2025, 7, 1), D(2025, 12, 31), YEAR, (D(2024, 7, 1), D(2024, 12, 31))),
    # A leap day has no date a year earlier: the last day of that February stands in.
    (D(2024, 2, 1), D(2024, 2, 29), YEAR, (D(2023, 2, 1), D(2023, 2, 28))),
    (D(2025, 3, 1), D(2025, 3, 31), Comparison("custom", D(2024, 12, 1), D(2024, 12, 24)),
     (D(2024, 12, 1), D(2024, 12, 24))),
    # A custom comparison without its dates, or with them the wrong way round, is none.
    (D(2025, 3, 1), D(2025, 3, 31), Comparison("custom"), None),
    (D(2025, 3, 1), D(2025, 3, 31), Comparison("custom", D(2024, 12, 24), D(2024, 12, 1)), None),
])
def test_comparison_dates(start, end, comparison, expected):
    assert comparison_dates(start, end, comparison) == expected


@pytest.mark.parametrize("comparison,first,last,expected", [
    # March 2025 a year earlier is March 2024: data from 1 Jan 2024 covers it.
    (YEAR, D(2024, 1, 1), D(2025, 3, 31), (D(2024, 3, 1), D(2024, 3, 31))),
    # Data from 3 Mar 2024 covers 29 of its 31 days (93.5 %): not enough.
    (YEAR, D(2024, 3, 3), D(2025, 3, 31), None),
    # Data from 2 Mar 2024 covers 30 of 31 days (96.8 %): enough.
    (YEAR, D(2024, 3, 2), D(2025, 3, 31), (D(2024, 3, 1), D(2024, 3, 31))),
    # A custom period after the data's last day (10 Jan 2025) is not covered.
    (Comparison("custom", D(2025, 1, 1), D(2025, 1, 31)), D(2024, 1, 1), D(2025, 1, 10), None),
    (Comparison("custom", D(2024, 6, 1), D(2024, 6, 30)), D(2024, 1, 1), D(2025, 1, 10),
     (D(2024, 6, 1), D(2024, 6, 30))),
])
def test_comparison_period_by_choice(comparison, first, last, expected):
    assert comparison_period(D(2025, 3, 1), D(2025, 3, 31), first, comparison, last) == expected


def test_month_coverage():
    cov = month_coverage(["2025-12-01", "2026-01-15", "2026-02-01", "2026-04-01"],
                         D(2025, 12, 30), D(2026, 2, 14))
    # December: 30th and 31st of 31 days; January whole; 14 of 28 February days; April none.
    assert cov.tolist() == pytest.approx([2 / 31, 1.0, 0.5, 0.0])


TX = """customer_id,date,amount
A,2025-01-30,10.00
A,2025-02-10,20.00
B,2025-03-02,30.00
"""


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    return dataset


def test_whole_data_selected_has_no_comparison(shop):
    f = Filters(start=D(2025, 1, 30), end=D(2025, 3, 2))
    o = overview.overview(shop, f, 30)
    assert o["previous"] is None and o["previous_period"] is None
    assert o["data_first"] == D(2025, 1, 30)
    assert o["current"]["net_revenue"] == 60.0


def test_monthly_marks_the_partial_months(shop):
    f = Filters(start=D(2025, 1, 30), end=D(2025, 3, 2))
    m = overview.monthly(shop, f)
    # January: 30th-31st of 31 days; February whole; March: 1st-2nd of 31 days.
    assert m["coverage"].tolist() == pytest.approx([2 / 31, 1.0, 2 / 31])
    fig = charts.revenue_and_active(m, "en")
    assert list(fig.data[0].marker.opacity) == [charts.PARTIAL_OPACITY, 1.0,
                                                charts.PARTIAL_OPACITY]
    assert fig.data[0].customdata[0] == " (partial month: data for 6% of its days)"
    assert fig.data[0].customdata[1] == ""
    assert charts.has_partial_months(m)


def test_whole_months_are_not_marked(shop):
    f = Filters(start=D(2025, 2, 1), end=D(2025, 2, 28))
    m = overview.monthly(shop, f)
    assert m["coverage"].tolist() == [1.0]
    assert not charts.has_partial_months(m)


def test_a_month_missing_a_day_or_two_is_not_partial(shop):
    # February from the 3rd: 26 of 28 days (93 %) still reads as a whole month.
    m = overview.monthly(shop, Filters(start=D(2025, 2, 3), end=D(2025, 2, 28)))
    assert m["coverage"].tolist() == pytest.approx([26 / 28])
    assert not charts.has_partial_months(m)


IDS = """customer_id,date,amount
A,2025-01-01,10.00
A,2025-01-02,-10.00
B,2025-01-03,0.00
C,2025-01-04,-5.00
,2025-01-05,7.00
,2025-01-06,3.00
D,2025-01-07,1.00
"""


def test_customer_ids_left_out_are_counted(write_file, dataset):
    dataset.load(write_file("ids.csv", IDS))
    # A and D bought something; B only a zero sale and C only a return; two anonymous rows.
    assert overview.customer_ids(dataset) == {"ids": 4, "customers": 2, "without_purchase": 2,
                                              "anonymous_rows": 2}
