"""Small helpers for DuckDB 2.0 result handling.

DuckDB 2.0 streams results: a result read only partly (``fetchone``) keeps the connection busy,
and Ibis' relational calls then fail. These helpers always read results to the end.
"""

from __future__ import annotations

import duckdb


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None):
    """The single value of a one-row, one-column query."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0][0] if rows else None


def run(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> None:
    """Execute a statement and finish its result."""
    con.execute(sql, params or {}).fetchall()
