"""Churn movements, suggested window and cohorts on a hand-made shop."""

import datetime as dt

import pandas as pd
import pytest

from loyalty.analysis import churn

TX = """customer_id,date,amount
A,2025-01-01,10
A,2025-01-11,20
A,2025-03-01,40
B,2025-02-05,15
C,2025-01-20,-5
,2025-01-03,99
"""
END = dt.date(2025, 3, 31)


@pytest.fixture
def shop(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    return dataset


def test_monthly_movements_by_hand(shop):
    m = churn.monthly_movements(shop, 30, end=END).set_index("month")
    months = [pd.Timestamp(f"2025-0{i}-01") for i in (1, 2, 3)]
    assert list(m.index) == months
    # A: new in Jan; 49 days to the next purchase, so churned 30 days after 11 Jan (10 Feb) and
    # reactivated on 1 Mar; churned again on 31 Mar. B: new on 5 Feb, churned on 7 Mar.
    # C only returned goods and the anonymous sale has no customer: neither is ever active.
    assert m["new"].tolist() == [1, 1, 0]
    assert m["reactivated"].tolist() == [0, 0, 1]
    assert m["churned"].tolist() == [0, 1, 2]
    assert m["active"].tolist() == [1, 1, 0]
    # Churn rate: churned / (active at the end of the month before + new + reactivated).
    assert m["churn_rate"].tolist() == [0.0, 0.5, 1.0]


def test_churn_after_the_end_has_not_happened(shop):
    m = churn.monthly_movements(shop, 30, end=dt.date(2025, 3, 20)).set_index("month")
    assert m["churned"].tolist() == [0, 1, 1]        # A's churn on 31 Mar is still ahead
    assert m["active"].iloc[-1] == 1


def test_suggested_window(shop):
    w = churn.suggested_window(shop)
    # Gaps between purchase days: A 10 and 49 days. 90th percentile 10 + 0.9 x 39 = 45.1,
    # rounded up to whole weeks: 49 days.
    assert (w["days"], w["gap_median"], w["gaps"]) == (49, 29.5, 2)


def test_cohorts(shop):
    c = churn.cohorts(shop).set_index(["cohort", "k"])
    jan, feb = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01")
    assert c.loc[(jan, 0), "retention"] == 1.0 and c.loc[(feb, 0), "retention"] == 1.0
    assert (jan, 1) not in c.index                   # A bought nothing in February
    assert c.loc[(jan, 2), "retention"] == 1.0
    assert c.loc[(jan, 2), "revenue_retention"] == pytest.approx(40 / 30)
    curves = churn.retention_curves(c.reset_index(), dt.date(2025, 2, 1))
    assert set(curves["group"]) == {"before", "after"}


def test_churn_by_group():
    attribute = pd.Series({"a": "Gold", "b": "Gold", "c": "Bronze", "d": None})
    churned = pd.Series({"a": True, "b": False, "c": True, "d": True})
    g = churn.churn_by(attribute, churned).set_index("group")
    assert g.loc["Gold", "churn_rate"] == 0.5 and g.loc["Bronze", "churn_rate"] == 1.0
    assert g["customers"].sum() == 3


def test_the_customer_days_are_computed_once_per_data_version(write_file):
    from loyalty.analysis.churn import purchase_days
    from loyalty.storage.dataset import Dataset
    ds = Dataset()
    ds.load(write_file("a.csv", "customer_id,date,amount\nA,2025-01-01,10\nA,2025-01-05,4\n"
                                "B,2025-01-03,7\n"))
    first = purchase_days(ds)
    # Read through another cursor (another page's run): the same kept table.
    assert purchase_days(ds.cursor_view()).get_name() == first.get_name()
    # Up to the last day with a sale is all of the data: the same table too.
    assert purchase_days(ds, until=__import__("datetime").date(2025, 1, 5)).get_name() \
        == first.get_name()
    assert first.count().execute() == 3
    ds.load(write_file("b.csv", "customer_id,date,amount\nC,2025-02-01,5\n"))
    again = purchase_days(ds)
    assert again.get_name() != first.get_name() and again.count().execute() == 4
    ds.close()
