"""Customer features from the smallest usable export: customer, date, amount (no order ids, no
discount column). A regression test: the discount signals used to fail on such files."""

import datetime as dt
import math

from loyalty.features import customer_features

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
