"""Rewriting a database file so that deleted data is gone from it, not only unreachable.

DuckDB marks deleted rows and reuses their space later; until then their bytes stay in the
file. After a customer is erased the workspace's file is copied, live data only, into a new
file that replaces the old one (and its write-ahead log), so nothing of the customer remains
in it.
"""

from __future__ import annotations

import os

import duckdb

from loyalty.storage.db import run


def erase_customer(ds, path: str, customer_id: str) -> dict[str, int]:
    """Erase one customer from dataset ``ds`` (see ``Dataset.erase_customer``), close it and
    rewrite its database file ``path`` without them; returns the rows deleted per table."""
    with ds._write:
        deleted = ds.erase_customer(customer_id)
        ds.close()
        rewrite(path)
    return deleted


def rewrite(path: str) -> None:
    """Replace the database file ``path`` by a copy of its live data. The file must not be open
    (close every connection first)."""
    fresh = path + ".rewrite"
    for leftover in (fresh, fresh + ".wal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    con = duckdb.connect(fresh)
    try:
        run(con, "ATTACH $p AS old (READ_ONLY)", {"p": path})
        run(con, f"COPY FROM DATABASE old TO {_current(con)}")
        run(con, "DETACH old")
        run(con, "CHECKPOINT")
    finally:
        con.close()
    os.replace(fresh, path)
    if os.path.exists(path + ".wal"):
        os.remove(path + ".wal")


def _current(con) -> str:
    name = con.execute("SELECT current_database()").fetchall()[0][0]
    return '"' + name.replace('"', '""') + '"'
