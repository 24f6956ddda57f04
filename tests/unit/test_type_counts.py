"""Loyalty types counted by the engine give the counts of the NumPy scoring on the customers'
features, on the demo, with moved thresholds, with a filter and on a shop with few fields."""

import datetime as dt

import pytest

from loyalty.analysis.features import customer_features
from loyalty.analysis.filters import Filters
from loyalty.analysis.segments import TYPE_RULES, segment, signals, with_threshold
from loyalty.analysis.type_counts import type_counts
from tests.shops import transactions_only


def in_pandas(ds, **kw):
    rules = kw.pop("rules", None)
    table = segment(signals(customer_features(ds, **kw)), rules).table
    return table["loyalty_type"].value_counts().sort_index().to_dict()


def test_demo_counts(demo):
    counts = type_counts(demo).to_dict()
    assert counts == in_pandas(demo)
    assert sum(counts.values()) == 5000
    assert set(counts) >= {"satisfied", "price_loyal", "programme_loyal", "convenience_loyal",
                           "perk_loyal", "advocate"}


@pytest.mark.parametrize("type_,signal,low,high", [
    ("price_loyal", "discount_share", 0.1, 0.4),
    ("advocate", "nps", 5.0, 7.0),
    ("convenience_loyal", "channel_share", 0.5, 0.6),
])
def test_moved_thresholds(demo, type_, signal, low, high):
    rules = with_threshold(TYPE_RULES, type_, signal, low, high)
    moved = type_counts(demo, rules=rules).to_dict()
    assert moved == in_pandas(demo, rules=rules)
    assert moved != type_counts(demo).to_dict()


def test_filtered_and_earlier(demo):
    f = Filters(channels=("online",))
    end = dt.date(2026, 3, 31)
    assert type_counts(demo, end, f).to_dict() == in_pandas(demo, observation_end=end,
                                                            filters=f)


def test_a_shop_with_transactions_only(dataset, write_file):
    dataset.load(write_file("tx.csv", transactions_only()), table="transactions")
    counts = type_counts(dataset).to_dict()
    assert counts == in_pandas(dataset)
    # Hand-counted from the shop (tests/shops.py): ONCE one order; TWICE two orders; FRESH
    # bought 20 days before the end; SMALL, TINY and BIG enough history, only repeat buying
    # to tell, so satisfied.
    assert counts == {"one_time": 1, "occasional": 1, "too_new": 1, "satisfied": 3}
