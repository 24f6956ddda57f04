"""Naming a source on Spark: the proposed mapping before anything opens, and one sentence
(an :class:`UnusableFile` with its own code) for a table, path or column that is not there."""

import pandas as pd
import pytest

from loyalty.errors import UnusableFile
from loyalty.storage.mapped import Source, inspect_source
from loyalty.storage.spark import connect, open_spark


@pytest.fixture(scope="module")
def renamed(demo_parquet, tmp_path_factory):
    """The demo's transactions with amount named basket, which no name or content proposes, and
    without quantity and unit price (else amount would be their product)."""
    frame = pd.read_parquet(demo_parquet["transactions"]).rename(columns={"amount": "basket"})
    frame = frame.drop(columns=["quantity", "unit_price"])
    path = str(tmp_path_factory.mktemp("renamed") / "receipts.parquet")
    frame.to_parquet(path)
    return path


def test_inspect_proposes_the_mapping_and_names_what_is_missing(renamed):
    s = inspect_source(connect(None), "transactions", renamed)
    assert "basket" in s.columns and s.mapping["customer_id"] == "customer_id"
    assert "amount" not in s.mapping and s.missing == ["amount"]
    assert s.samples["basket"]


@pytest.mark.parametrize("location, code, kind", [
    ("/nowhere/receipts.parquet", "unknown_source", "path"),
    ("sales.receipts", "unknown_source", "table"),
    ("", "unknown_source", None),
])
def test_a_source_that_is_not_there_is_one_code(location, code, kind):
    with pytest.raises(UnusableFile) as err:
        inspect_source(connect(None), "transactions", location)
    assert err.value.code == code
    if kind:
        assert err.value.params["kind"] == kind


def test_a_mapping_to_an_unknown_column_or_without_amount_is_refused(renamed):
    with pytest.raises(UnusableFile) as err:
        open_spark([Source("transactions", renamed, {"amount": "Umsatz"})])
    assert err.value.code == "unknown_column" and err.value.params["column"] == "Umsatz"
    with pytest.raises(UnusableFile) as err:
        open_spark([Source("transactions", renamed)])
    assert err.value.code == "missing_required"


def test_mapped_by_hand_it_counts_every_row(renamed, duck):
    ds = open_spark([Source("transactions", renamed, {"amount": "basket"})])
    (report,) = ds.reports
    assert report.rows_loaded == duck.counts("transactions")["rows_loaded"]
