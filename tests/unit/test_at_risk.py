"""The at-risk list with the customers kept by the engine (for data that stays in Spark) equals
the one worked out from one row per customer: same customers, order, chances and values."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from loyalty.analysis import at_risk as ar
from loyalty.analysis import customer_table as ct
from loyalty.analysis.clv import (customer_value, history_counts, history_table,
                                  purchase_histories)
from loyalty.analysis.features import customer_features
from loyalty.analysis.filters import Filters
from loyalty.analysis.segments import segment, signals

PERIOD = Filters(dt.date(2025, 7, 1), dt.date(2026, 6, 30))


@pytest.mark.parametrize("cut,top", [(0.3, 0.3), (0.5, 1.0), (0.1, 0.05)])
def test_the_list_as_from_one_row_per_customer(demo, cut, top):
    hist = purchase_histories(demo, PERIOD.end, PERIOD)
    value = customer_value(hist).join(hist)
    feats = customer_features(demo, PERIOD.end, PERIOD)
    types = segment(signals(feats), explain=False).table["loyalty_type"]
    revenue = feats["revenue"].reindex(value.index)
    want = value[(value["p_alive"] < cut) & (revenue >= revenue.quantile(1 - top))].assign(
        revenue=revenue, loyalty_type=types).sort_values("revenue", ascending=False)
    model, spend = ar.fit(demo, PERIOD.end, PERIOD, history_counts(demo, PERIOD.end, PERIOD))
    customers = ct.with_types(ct.customer_table(demo, PERIOD.end, PERIOD, 49))
    got = ar.at_risk(history_table(demo, PERIOD.end, PERIOD), customers, model, cut, top)
    got = ar.with_values(got.execute().set_index("customer_id"), model, spend)
    assert len(got) > 0
    assert list(got.index) == list(want.index)
    assert (got["loyalty_type"] == want["loyalty_type"]).all()
    for c in ("revenue", "p_alive", "expected_purchases_90d", "clv_12m"):
        np.testing.assert_allclose(got[c], want[c], rtol=1e-9, err_msg=c)


def test_the_histogram_from_distinct_histories(demo):
    hist = purchase_histories(demo, PERIOD.end, PERIOD)
    value = customer_value(hist)
    histories = history_counts(demo, PERIOD.end, PERIOD)
    model, _ = ar.fit(demo, PERIOD.end, PERIOD, histories)
    counts = ar.p_alive_counts(histories, model)
    assert int(counts["customers"].sum()) == len(value)
    bins = dict(bins=20, range=(0, 1))
    np.testing.assert_array_equal(
        np.histogram(counts["p_alive"], weights=counts["customers"], **bins)[0],
        np.histogram(value["p_alive"], **bins)[0])


@pytest.mark.parametrize("q", [0.0, 0.25, 0.5, 0.7, 1.0])
def test_the_revenue_floor_is_pandas_quantile(dataset, write_file, q):
    # Five customers' revenue 10, 20, 20, 50, 100 (and one without a purchase, left out).
    import ibis
    t = ibis.memtable(pd.DataFrame({"customer_id": list("abcdef"),
                                    "revenue": [20.0, 10.0, 100.0, None, 50.0, 20.0]}))
    expected = {0.0: 10.0, 0.25: 20.0, 0.5: 20.0, 0.7: 44.0, 1.0: 100.0}[q]
    assert ar._quantile(t, "revenue", q) == pytest.approx(expected)
    assert pd.Series([10.0, 20.0, 20.0, 50.0, 100.0]).quantile(q) == pytest.approx(expected)
