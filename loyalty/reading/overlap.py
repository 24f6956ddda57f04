"""Rows of a newly loaded file that an earlier loaded file of the same table already holds.

Managers export monthly, and consecutive exports often overlap by a few days. A row already
loaded stays in its new file's table but is marked ``_ll_known`` and left out of the canonical
views, so it counts once. When the earlier file is removed again, the later files are marked
afresh (:func:`mark`, file by file in load order) and their rows count again.

What is "the same":

- transactions with order ids (in this file and every earlier one): the same order id; every
  row of such an order is left out, so an order is kept as it was first loaded;
- transactions without order ids: the same customer, time and amount, as many times as the
  earlier files have it (two equal sales in the new file and one earlier: one is new);
- surveys and interactions: a row equal in every field, counted the same way;
- members are not marked: a later members file updates the members it lists (see
  :meth:`loyalty.storage.dataset.Dataset._refresh_views`).
"""

from __future__ import annotations

from loyalty.storage.db import columns, run, scalar, stored_select
from loyalty.reading.schema import TABLES
from loyalty.storage.sqlsafe import ident, internal_name

KNOWN = "_ll_known"


def visible(con, table: str) -> str:
    """A WHERE clause (possibly empty) leaving out the known rows of storage table ``table``."""
    return f" WHERE {KNOWN} IS NOT TRUE" if KNOWN in columns(con, table) else ""


def mark(con, report, earlier: list) -> None:
    """Mark the rows of ``report``'s file that the files of ``earlier`` (same table, loaded
    before it) hold, and count them in ``report``: ``rows_skipped`` (rows), ``rows_loaded``
    (rows that count) and ``duplicates`` (orders with ids, else rows)."""
    table = report.storage_table
    if KNOWN in columns(con, table):
        # Marked before (an earlier file was removed since): the rows count again first.
        known_before = scalar(con, f"SELECT count(*) FROM {internal_name(table)} "
                                   f"WHERE {KNOWN}")
        run(con, f"UPDATE {internal_name(table)} SET {KNOWN} = NULL")
        report.rows_loaded += known_before
        report.rows_skipped = 0
    for kind in ("orders_already_loaded", "rows_already_loaded"):
        report.duplicates.pop(kind, None)
    earlier = [r for r in earlier if r.table == report.table and r.rows_loaded]
    if not earlier or report.table == "members" or not report.rows_loaded:
        return
    target = internal_name(table)
    if report.table == "transactions" and "order_id" in report.plan.mapping and all(
            "order_id" in r.plan.mapping for r in earlier):
        before = " UNION ALL ".join(
            f"SELECT order_id FROM {internal_name(r.storage_table)}"
            f"{visible(con, r.storage_table)}" for r in earlier)
        hit = f"order_id IN (SELECT order_id FROM ({before}) WHERE order_id IS NOT NULL)"
        rows, orders = con.execute(f"SELECT count(*), count(DISTINCT order_id) FROM {target} "
                                   f"WHERE {hit}").fetchall()[0]
        if rows:
            _add_column(con, target)
            run(con, f"UPDATE {target} SET {KNOWN} = true WHERE {hit}")
            _count(report, rows, "orders_already_loaded", orders)
        return
    spec = TABLES[report.table]
    fields = ([spec.field(c) for c in ("customer_id", "date", "amount")]
              if report.table == "transactions" else list(spec.canonical_fields))
    cols = [f.name for f in fields]
    names = ", ".join(ident(c) for c in cols)
    before = " UNION ALL ".join(
        f"SELECT {stored_select(con, r.storage_table, fields)} "
        f"FROM {internal_name(r.storage_table)}{visible(con, r.storage_table)}"
        for r in earlier)
    same = " AND ".join(f"c.{ident(c)} IS NOT DISTINCT FROM p.{ident(c)}" for c in cols)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ll_known_rows AS
        SELECT c.rid FROM (
            SELECT rid, {names}, row_number() OVER (PARTITION BY {names} ORDER BY rid) AS k
            FROM (SELECT rowid AS rid, {stored_select(con, table, fields)} FROM {target})
            WHERE date IS NOT NULL) c
        JOIN (SELECT {names}, count(*) AS n FROM ({before}) GROUP BY ALL) p ON {same}
        WHERE c.k <= p.n""")
    rows = scalar(con, "SELECT count(*) FROM _ll_known_rows")
    if rows:
        _add_column(con, target)
        run(con, f"UPDATE {target} SET {KNOWN} = true "
                 "WHERE rowid IN (SELECT rid FROM _ll_known_rows)")
        _count(report, rows, "rows_already_loaded", rows)
    run(con, "DROP TABLE IF EXISTS _ll_known_rows")


def _add_column(con, target: str) -> None:
    run(con, f"ALTER TABLE {target} ADD COLUMN IF NOT EXISTS {KNOWN} BOOLEAN")


def _count(report, rows: int, kind: str, n: int) -> None:
    report.rows_skipped = int(rows)
    report.rows_loaded -= int(rows)
    report.duplicates[kind] = int(n)
