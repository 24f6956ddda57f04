"""Per-customer results read through Arrow come back exactly as Ibis' own conversion gives
them: same columns, dtypes and values, NULLs included."""

import duckdb
import pandas as pd

from loyalty.storage.db import through_arrow
from loyalty.storage.dataset import _Ibis


def test_through_arrow_matches_ibis_execute():
    raw = duckdb.connect()
    raw.execute("""CREATE TABLE t AS SELECT * FROM (VALUES
        ('A', 3, 10.5, DATE '2025-01-31', TIMESTAMP '2026-01-02 10:30', true),
        ('B', NULL, NULL, NULL, NULL, NULL),
        (NULL, 1, 2.25, DATE '2024-02-29', TIMESTAMP '2025-12-31 00:00', false))
        v(customer_id, orders, revenue, joined, last_purchase, listed)""")
    t = _Ibis.from_connection(raw).table("t").order_by("customer_id")
    expected = t.execute()
    got = through_arrow(t)
    pd.testing.assert_frame_equal(got, expected)
    assert str(got["joined"].dtype) == "datetime64[s]"
    assert got["joined"].iloc[0] == pd.Timestamp("2025-01-31")
    assert pd.isna(got["orders"].iloc[1]) and got["orders"].iloc[0] == 3
