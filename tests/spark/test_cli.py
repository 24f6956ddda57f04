"""``python -m loyalty kpis --engine spark`` on the demo Parquet prints DuckDB's figures."""

import os

import pandas as pd

from loyalty.__main__ import main
from tests.spark.conftest import DEMO


def figures(out: str) -> list[str]:
    """The figure lines (name, value), without the per-file lines that name the files."""
    return [line for line in out.splitlines() if not line.startswith(("/", "transactions.csv",
                                                                      "members.csv",
                                                                      "surveys.csv",
                                                                      "interactions.csv"))]


def test_kpis_on_spark_print_duckdbs_figures(demo_parquet, spark, capsys):
    assert main(["kpis", *[a for t in ("transactions", "members", "surveys", "interactions")
                           for a in (f"--{t}", os.path.join(DEMO, f"{t}.csv"))]]) == 0
    duck = capsys.readouterr().out
    assert main(["kpis", "--engine", "spark",
                 *[a for t, p in demo_parquet.items() for a in ("--table", f"{t}={p}")]]) == 0
    out = capsys.readouterr().out
    assert figures(out) == figures(duck)
    # The demo's figures as the DuckDB load of the CSV files gives them (README, issue 1).
    assert "customers        5000" in out and "net_revenue      5150193.43" in out
    assert "111,502 of 111,502 rows used" in out


def test_a_source_column_is_mapped_by_name_or_by_map(demo_parquet, spark, tmp_path, capsys):
    frame = pd.read_parquet(demo_parquet["transactions"]).rename(
        columns={"amount": "net_value", "customer_id": "Kundennummer"})
    path = str(tmp_path / "receipts.parquet")
    frame.to_parquet(path)
    assert main(["kpis", "--engine", "spark", "--table", f"transactions={path}",
                 "--map", "amount=net_value", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"net_revenue": 5150193.43' in out and '"customers": 5000' in out
    assert '"customer_id": "Kundennummer"' in out


def test_an_unknown_column_is_one_sentence(demo_parquet, spark, capsys):
    assert main(["kpis", "--engine", "spark", "--table",
                 f"transactions={demo_parquet['transactions']}",
                 "--map", "amount=net_value"]) == 2
    err = capsys.readouterr().err
    assert "no column 'net_value' for amount" in err
