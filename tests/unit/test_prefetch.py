"""Features prefetched on a thread of their own: the page takes exactly what it would compute,
once, and only for the filters and version they were started for."""

import datetime as dt

import pytest

from loyalty.analysis.filters import Filters
from ui import prefetch

TX = ("customer_id,date,amount\nA,2026-01-02,10.00\nA,2026-01-20,30.00\nB,2026-01-05,5.00\n"
      "B,2026-01-05,7.50\n")
JANUARY = Filters(start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31))


@pytest.fixture
def shop(write_file, dataset, monkeypatch):
    monkeypatch.setattr(prefetch, "MIN_ROWS", 0)
    dataset.load(write_file("kasse.csv", TX))
    return dataset


def test_prefetched_features_are_taken_once_for_their_filters(shop):
    prefetch.start(shop, JANUARY)
    other = Filters(start=JANUARY.start, end=JANUARY.end, channels=("online",))
    assert prefetch.take(shop.uid, shop.version, other) is None
    features = prefetch.take(shop.uid, shop.version, JANUARY)
    # A: 2 orders, 40.00, purchase days 18 days apart; B: 2 rows on one day.
    assert features.loc["A", ["orders", "revenue", "gap_max"]].tolist() == [2, 40.0, 18]
    assert features.loc["B", ["orders", "revenue"]].tolist() == [2, 12.5]
    assert prefetch.take(shop.uid, shop.version, JANUARY) is None


def test_one_prefetch_per_version_and_none_for_a_small_shop(shop, write_file, monkeypatch):
    prefetch.start(shop, JANUARY)
    prefetch.start(shop, Filters(start=JANUARY.start, end=dt.date(2026, 1, 15)))
    assert prefetch.take(shop.uid, shop.version,
                         Filters(start=JANUARY.start, end=dt.date(2026, 1, 15))) is None
    shop.load(write_file("februar.csv", "customer_id,date,amount\nC,2026-02-01,9.00\n"))
    monkeypatch.setattr(prefetch, "MIN_ROWS", 10)
    prefetch.start(shop, JANUARY)          # 5 rows: computed by the page when asked
    assert prefetch.take(shop.uid, shop.version, JANUARY) is None
