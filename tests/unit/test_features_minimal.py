"""Customer features from the smallest usable export: customer, date, amount (no order ids, no
discount column). A regression test: the discount signals used to fail on such files."""

import datetime as dt
import math

from loyalty.analysis.features import customer_features

TX = """customer_id,date,amount
A,2025-01-05,90
A,2025-02-05,30
B,2025-03-01,40
"""


def test_features_without_order_ids_or_discounts(write_file, dataset):
    dataset.load(write_file("tx.csv", TX))
    f = customer_features(dataset, dt.date(2025, 3, 31))
    assert f.loc["A", "orders"] == 2 and f.loc["A", "revenue"] == 120.0
    assert f.loc["B", "orders"] == 1
    # Unknown, not "never uses discounts".
    assert math.isnan(f.loc["A", "discount_share"]) and math.isnan(f.loc["A", "discount_rate"])


# Two files: a till export with one row per receipt and a shop export whose order 7 spans two
# rows (two categories), one of them discounted, and a row without an order id.
RECEIPTS = """order_id,customer_id,date,amount,discount
1,A,2024-12-20,90,0
2,A,2025-03-20,30,5
3,B,2025-03-01,40,0
"""
LINES = """order_id,customer_id,date,amount,discount,category
7,C,2025-03-10,20,0,Shoes
7,C,2025-03-10,15,3,Socks
8,C,2025-03-12,25,0,Shoes
,C,2025-03-30,10,0,Shoes
"""


def test_orders_counted_as_rows_only_while_no_order_spans_rows(write_file, dataset):
    dataset.load(write_file("receipts.csv", RECEIPTS))
    assert dataset.orders_are_rows()
    f = customer_features(dataset, dt.date(2025, 3, 31))
    assert (f.loc["A", "orders"], f.loc["A", "discounted"], f.loc["A", "orders_last_90"]) == (2, 1, 1)
    dataset.load(write_file("lines.csv", LINES))
    assert not dataset.orders_are_rows()
    f = customer_features(dataset, dt.date(2025, 3, 31))
    # Orders 7 and 8 plus the row without an id; order 7 counts once as discounted.
    assert (f.loc["C", "orders"], f.loc["C", "discounted"]) == (3, 1)
    assert f.loc["C", "revenue"] == 70.0 and f.loc["A", "orders"] == 2


# A: online twice, store once; B: one each (a tie); C: two rows on one day, then 10 days later.
HABITS = """customer_id,date,amount,channel
A,2025-03-01,10,online
A,2025-03-05,10,store
A,2025-03-09,10,online
B,2025-03-02,10,store
B,2025-03-03,10,online
C,2025-03-10,10,online
C,2025-03-10,10,online
C,2025-03-20,10,online
"""


def test_channel_habit_and_gaps_between_purchase_days(write_file, dataset):
    dataset.load(write_file("tx.csv", HABITS))
    f = customer_features(dataset, dt.date(2025, 3, 31))
    assert f.loc["A", "top_channel_share"] == 2 / 3 and f.loc["A", "top_channel"] == "online"
    # A tie goes to the first channel in alphabetical order, the same on every run.
    assert f.loc["B", "top_channel_share"] == 0.5 and f.loc["B", "top_channel"] == "online"
    assert f.loc["C", "top_channel_share"] == 1.0
    # Gaps between purchase days: A 4 and 4, B 1, C 10 (its two rows on the 10th are one day).
    assert f[["gap_mean", "gap_max"]].loc[["A", "B", "C"]].values.tolist() == [
        [4.0, 4.0], [1.0, 1.0], [10.0, 10.0]]
    assert list(f.index) == ["A", "B", "C"]


def test_many_stores_take_the_grouping_and_give_the_same_shares(write_file, dataset):
    rows = ["customer_id,date,amount,store"] + [
        f"Z,2025-03-{d:02d},10,S{d:02d}" for d in range(1, 21)] + [
        "Z,2025-03-21,10,S01", "Y,2025-03-01,10,S02"]
    dataset.load(write_file("tx.csv", "\n".join(rows) + "\n"))
    f = customer_features(dataset, dt.date(2025, 3, 31))
    # 20 stores: more than are counted in the main pass. Z bought twice of 21 times in S01.
    assert f.loc["Z", "top_store_share"] == 2 / 21 and f.loc["Z", "top_store"] == "S01"
    assert f.loc["Y", "top_store_share"] == 1.0 and math.isnan(f.loc["Y", "gap_max"])
