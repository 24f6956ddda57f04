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
