"""Small helpers for DuckDB 2.0 result handling.

DuckDB 2.0 streams results: a result read only partly (``fetchone``) keeps the connection busy,
and Ibis' relational calls then fail. These helpers always read results to the end, and index
per-customer results the way pandas looks them up fastest.
"""

from __future__ import annotations

import duckdb
import pandas as pd


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None):
    """The single value of a one-row, one-column query."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0][0] if rows else None


def run(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> None:
    """Execute a statement and finish its result."""
    con.execute(sql, params or {}).fetchall()


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The column names of ``table`` in the connection's own database."""
    return {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = $t "
        "AND database_name = current_database()", {"t": table}).fetchall()}


def stored_select(con: duckdb.DuckDBPyConnection, table: str, fields) -> str:
    """Select list of ``fields`` (schema fields) from the loaded file's table ``table``: a field
    the table does not store (a file read typed keeps only its own columns) is NULL."""
    from loyalty.storage.sqlsafe import ident

    have = columns(con, table)
    return ", ".join(ident(f.name) if f.name in have
                     else f"CAST(NULL AS {f.sql_type}) AS {ident(f.name)}" for f in fields)


def by_customer(result: pd.DataFrame) -> pd.DataFrame:
    """A per-customer result indexed by its ``customer_id`` column as plain Python strings:
    every lookup, slice and join on an Arrow-backed string index rebuilds its hash table
    through an object copy, and pages slice per-customer tables many times per run."""
    return result.set_index(pd.Index(result.pop("customer_id").to_numpy(dtype=object),
                                     dtype=object, name="customer_id"))


def through_arrow(expr) -> pd.DataFrame:
    """``expr.execute()``, by way of Arrow: Ibis' own conversion copies every column again
    into pandas blocks (about 0.8 s per million customers' rows of features). Date columns
    come back as Ibis gives them (``datetime64[s]``)."""
    import pyarrow as pa

    arrow = expr.to_pyarrow()
    frame = arrow.to_pandas(date_as_object=False)
    for field in arrow.schema:
        if pa.types.is_date(field.type):
            frame[field.name] = frame[field.name].astype("datetime64[s]")
    return frame
