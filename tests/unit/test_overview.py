"""Overview figures on a hand-worked dataset (see the comments for each expected value)."""

import datetime as dt

import pytest

from loyalty.presentation import charts

from loyalty.analysis import overview
from loyalty.analysis.filters import Filters
from loyalty.analysis.periods import comparison_dates

TX = """customer_id,date,amount,order_id,category,channel
A,2025-01-10,10.00,O1,Books,online
A,2025-02-10,20.00,O2,Toys,online
B,2025-02-15,30.00,O3,Books,store
B,2025-02-20,-30.00,O3R,Books,store
C,2024-12-20,5.00,O4,Books,store
D,2024-12-25,4.00,O6,Toys,store
D,2025-02-05,8.00,O7,Toys,store
,2025-02-01,7.00,O5,Books,store
"""
MEMBERS = "customer_id,tier,joined\nA,Gold,2024-06-01\n"
SURVEYS = "date,score,customer_id\n2025-01-05,10,A\n2025-02-01,3,B\n2024-12-01,9,C\n"
PERIOD = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 2, 28))


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    dataset.load(write_file("members.csv", MEMBERS), table="members")
    dataset.load(write_file("surveys.csv", SURVEYS), table="surveys")
    return dataset


def test_current_period(shop):
    f = overview.period_figures(shop, PERIOD, *PERIOD.period(), churn_window_days=30)
    assert f["net_revenue"] == 45.0            # 10 + 20 + 30 - 30 + 8 + 7 (anonymous)
    assert f["orders"] == 5                    # O1 O2 O3 O7 O5; the return O3R is no order
    assert f["aov"] == 9.0                     # 45 / 5
    assert f["customers"] == 4                 # A B C D bought by 28 Feb
    assert f["active_customers"] == 3          # A B D bought in the period
    assert f["repurchase_rate"] == 0.5         # A and D have two orders, B and C one
    # Active in the 30 days before 1 Jan: C (20 Dec) and D (25 Dec); in the 30 days before
    # 1 Mar only D of them: C churned.
    assert f["churn_rate"] == 0.5
    assert f["nps"] == 0.0                     # one promoter (10), one detractor (3)
    assert f["nps_respondents"] == 2
    assert f["member_revenue_share"] == pytest.approx(30 / 45)   # A is the only member
    assert f["upselling_ratio"] == 0.5         # A bought two categories; B and D one each


def test_previous_period(shop):
    before = comparison_dates(*PERIOD.period())
    assert before == (dt.date(2024, 11, 3), dt.date(2024, 12, 31))
    f = overview.period_figures(shop, PERIOD, *before, churn_window_days=30)
    assert (f["net_revenue"], f["orders"], f["customers"], f["active_customers"]) == (9.0, 2, 2, 2)
    assert f["repurchase_rate"] == 0.0
    assert f["nps"] == 100.0                   # C's 9 on 1 Dec


def test_filters_apply(shop):
    online = Filters(start=PERIOD.start, end=PERIOD.end, channels=("online",))
    f = overview.period_figures(shop, online, *online.period(), churn_window_days=30)
    assert (f["net_revenue"], f["orders"], f["active_customers"]) == (30.0, 2, 1)
    gold = Filters(start=PERIOD.start, end=PERIOD.end, tiers=("Gold",))
    g = overview.period_figures(shop, gold, *gold.period(), churn_window_days=30)
    assert (g["net_revenue"], g["customers"], g["nps"]) == (30.0, 1, 100.0)


def test_monthly_split_adds_up(shop):
    m = overview.monthly(shop, PERIOD)
    assert [d.strftime("%Y-%m") for d in m["month"]] == ["2025-01", "2025-02"]
    assert m["revenue"].tolist() == [10.0, 35.0]
    assert m["active"].tolist() == [1, 3]
    assert m["revenue_members"].tolist() == [10.0, 20.0]
    assert m["revenue_non_members"].tolist() == [0.0, 8.0]
    assert m["revenue_anonymous"].tolist() == [0.0, 7.0]
    parts = m["revenue_members"] + m["revenue_non_members"] + m["revenue_anonymous"]
    assert parts.tolist() == m["revenue"].tolist()


def test_members_comparison(shop):
    c = overview.members_comparison(shop, PERIOD).set_index("group")
    assert c.loc["members", "customers"] == 1 and c.loc["members", "spend_per_customer"] == 30.0
    assert c.loc["non_members", "customers"] == 2                 # B and D
    assert c.loc["non_members", "spend_per_customer"] == 4.0       # (0 + 8) / 2
    assert c.loc["non_members", "orders_per_customer"] == 1.0      # O3 and O7


def test_charts_carry_the_numbers(shop):
    m = overview.monthly(shop, PERIOD)
    fig = charts.revenue_and_active(m, "de")
    assert [tr.name for tr in fig.data] == ["Nettoumsatz", "Aktive Kunden"]
    assert list(fig.data[0].y) == [10.0, 35.0]
    assert fig.layout.separators == ",."
    assert list(fig.layout.xaxis.ticktext) == ["Jan. 2025", "Feb. 2025"]
    stacked = charts.members_revenue(m, "en")
    assert [tr.name for tr in stacked.data] == ["Members", "Non-members", "Anonymous sales"]
    table = charts.members_table(overview.members_comparison(shop, PERIOD), "de")
    # A: two orders (O1, O2) worth 30 in all; the numbers stay numbers (sortable)
    assert table.iloc[0].tolist() == ["Mitglieder", 1, 30.0, 2.0, 15.0]
    assert charts.members_table_kinds("de")["Umsatz pro Kunde"] == "money"


def test_months_without_sales_are_zero_not_missing(write_file, dataset):
    from loyalty.analysis.filters import Filters
    from loyalty.analysis.overview import monthly
    import datetime as dt
    dataset.load(write_file("gap.csv", "customer,date,amount\nC1,2025-01-05,10.00\n"
                                       "C2,2025-01-20,5.00\nC1,2025-04-02,7.00\n"))
    m = monthly(dataset, Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 4, 30)))
    assert [d.strftime("%Y-%m") for d in m["month"]] == ["2025-01", "2025-02", "2025-03",
                                                         "2025-04"]
    assert list(m["revenue"]) == [15.0, 0.0, 0.0, 7.0]
    assert list(m["active"]) == [2, 0, 0, 1]
