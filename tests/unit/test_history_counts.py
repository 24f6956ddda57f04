"""The BG/NBD histories grouped by the engine are the per-customer histories counted, and fit
to the same parameters."""

import pandas as pd
import pytest

from loyalty.analysis.clv import (fit_bgnbd, fit_bgnbd_counts, history_counts,
                                  purchase_histories)

CSV = """customer_id,date,amount
A,2025-01-01,10
A,2025-01-11,10
A,2025-01-11,5
B,2025-01-01,20
B,2025-01-11,20
C,2025-01-21,7
D,2025-01-21,3
E,2025-01-05,4
E,2025-01-05,-4
E,2025-01-25,9
E,2025-01-31,9
"""


def test_counts_by_hand(dataset, write_file):
    dataset.load(write_file("tx.csv", CSV), table="transactions")
    c = history_counts(dataset)
    # Observation end 31 Jan. A and B: two purchase days 10 days apart, first 30 days before
    # the end; C and D: one day, 10 days before; E: 5 Jan nets 0 (not a purchase), so 25 and
    # 31 Jan, 6 days apart, first 6 days before.
    assert c.to_dict("records") == [
        {"frequency": 0, "recency": 0.0, "T": 10.0, "customers": 2},
        {"frequency": 1, "recency": 6.0, "T": 6.0, "customers": 1},
        {"frequency": 1, "recency": 10.0, "T": 30.0, "customers": 2}]


def test_same_as_per_customer_histories(dataset, write_file):
    from loyalty.demo import generate
    frames = generate(customers=400, seed=3)
    path = write_file("tx.csv", frames["transactions"].to_csv(index=False))
    dataset.load(path, table="transactions")
    h = purchase_histories(dataset)
    c = history_counts(dataset)
    grouped = h.groupby(["frequency", "recency", "T"]).size().reset_index(name="customers")
    pd.testing.assert_frame_equal(c, grouped.astype(c.dtypes.to_dict()))
    a = fit_bgnbd(h["frequency"], h["recency"], h["T"])
    b = fit_bgnbd_counts(c["frequency"], c["recency"], c["T"], c["customers"])
    assert (b.r, b.alpha, b.a, b.b) == pytest.approx((a.r, a.alpha, a.a, a.b), rel=1e-4)
