"""A dataset: one DuckDB database holding the canonical tables of one manager's data.

Each loaded file becomes its own table; the canonical names (``transactions``, ``members``,
``surveys``, ``interactions``) are views over the union of the files of that kind, with every
canonical field present (NULL where no file had it). Metrics read the views through Ibis.
"""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Callable

import duckdb
import ibis

from .csvsafe import write_cursor
from .db import scalar
from .ingest import REJECTS_TABLE, LoadReport, ensure_support_objects, load_file, report_overlap
from .plan import ReadPlan, make_plan
from .schema import TABLES
from .sqlsafe import ident, internal_name


class Dataset:
    """Canonical tables in a DuckDB database, filled from CSV files.

    Parameters
    ----------
    database:
        A DuckDB file path, or ``":memory:"`` (the default) for a private in-memory database.
    """

    def __init__(self, database: str = ":memory:", *, memory_limit: str | None = None):
        self.con = duckdb.connect(database)
        if memory_limit:
            self.con.execute("SET memory_limit = $m", {"m": memory_limit})
        ensure_support_objects(self.con)
        self.reports: list[LoadReport] = []
        # Identifies this dataset in caches; ``version`` changes whenever its data does.
        self.uid = uuid.uuid4().hex
        self.version = 0
        self.label = "empty"
        self._ibis = ibis.duckdb.from_connection(self.con)
        self._derived_members = False
        # Facts about the data that cost a scan, by (version, name); views share it.
        self._facts: dict = {}
        self._refresh_views()

    # -- loading ---------------------------------------------------------------------------
    def plan(self, path: str, filename: str | None = None, **overrides) -> ReadPlan:
        return make_plan(path, filename, **overrides)

    def load(self, path_or_plan: str | ReadPlan, filename: str | None = None,
             progress: Callable[[str], None] | None = None, **overrides) -> LoadReport:
        """Load one file (or a prepared plan) and refresh the canonical views. ``progress`` hears
        each stage of :data:`loyalty.ingest.LOAD_STAGES` as it starts."""
        plan = (path_or_plan if isinstance(path_or_plan, ReadPlan)
                else make_plan(path_or_plan, filename, **overrides))
        file_id = max((r.file_id for r in self.reports), default=0) + 1
        report = load_file(self.con, plan, file_id, progress)
        if report.table == "transactions" and report.rows_loaded:
            report_overlap(self.con, report, [r for r in self.reports
                                              if r.table == "transactions" and r.rows_loaded])
        self.reports.append(report)
        self._refresh_views()
        self.version += 1
        return report

    def clear(self) -> None:
        for r in self.reports:
            self.con.execute(f"DROP TABLE IF EXISTS {internal_name(r.storage_table)}")
        self.con.execute(f"DELETE FROM {REJECTS_TABLE}")
        self.reports.clear()
        self.label = "empty"
        self._refresh_views()
        self.version += 1

    def _refresh_views(self) -> None:
        for name, table in TABLES.items():
            cols = ", ".join(ident(f.name) for f in table.canonical_fields)
            parts = [f"SELECT {cols} FROM {internal_name(r.storage_table)}"
                     for r in self.reports if r.table == name]
            if name == "members" and (derived := self._members_from_receipts()):
                parts.append(derived)
            if not parts:
                empty = ", ".join(f"CAST(NULL AS {f.sql_type}) AS {ident(f.name)}"
                                  for f in table.canonical_fields)
                parts = [f"SELECT {empty} WHERE false"]
            self.con.execute(f"CREATE OR REPLACE VIEW {internal_name(name)} AS "
                             + " UNION ALL ".join(parts))
        self._derived_members = bool(self._members_from_receipts()) and bool(scalar(
            self.con, "SELECT count(*) FROM _ll_receipt_members"))

    def _members_from_receipts(self) -> str | None:
        """SELECT of one members row per customer whose receipts carry a tier and who is in no
        members file: the tier of their latest receipt (by date), other fields empty.

        Without a members file this is each customer's current tier; a members file, where it
        lists the customer, wins.
        """
        files = [r for r in self.reports
                 if r.table == "transactions" and r.rows_loaded and "tier" in r.plan.mapping]
        if not files:
            return None
        tx = " UNION ALL ".join(f"SELECT customer_id, date, tier FROM "
                                f"{internal_name(r.storage_table)}" for r in files)
        listed = " UNION ALL ".join(f"SELECT customer_id FROM {internal_name(r.storage_table)}"
                                    for r in self.reports if r.table == "members") \
            or "SELECT CAST(NULL AS VARCHAR) AS customer_id WHERE false"
        self.con.execute(f"""
            CREATE OR REPLACE VIEW _ll_receipt_members AS
            SELECT customer_id, arg_max(tier, date) AS tier
            FROM ({tx})
            WHERE customer_id IS NOT NULL AND tier IS NOT NULL AND date IS NOT NULL
              AND customer_id NOT IN (SELECT customer_id FROM ({listed})
                                      WHERE customer_id IS NOT NULL)
            GROUP BY customer_id""")
        out = {"customer_id": "customer_id", "tier": "tier"}
        return "SELECT " + ", ".join(
            f"{out[f.name]} AS {ident(f.name)}" if f.name in out
            else f"CAST(NULL AS {f.sql_type}) AS {ident(f.name)}"
            for f in TABLES["members"].canonical_fields) + " FROM _ll_receipt_members"

    # -- reading ---------------------------------------------------------------------------
    def table(self, name: str) -> ibis.Table:
        """The canonical table ``name`` as an Ibis expression."""
        if name not in TABLES:
            raise KeyError(name)
        return self._ibis.table(name)

    def has(self, name: str) -> bool:
        """Whether table ``name`` has rows. ``members`` also has rows when receipts carry the
        customers' tiers (see ``_members_from_receipts``)."""
        if name == "members" and self._derived_members:
            return True
        return any(r.table == name and r.rows_loaded for r in self.reports)

    def fields(self, name: str) -> set[str]:
        """Canonical fields that some loaded file of table ``name`` actually provides (for
        ``members``, also those taken from the tiers on receipts)."""
        out: set[str] = set()
        for r in self.reports:
            if r.table == name:
                out |= set(r.plan.mapping)
                if {"quantity", "unit_price"} <= set(r.plan.mapping):
                    out.add("amount")
        if name == "members" and self._derived_members:
            out |= {"customer_id", "tier"}
        return out & set(TABLES[name].canonical_names)

    def orders_are_rows(self) -> bool:
        """Whether no two transaction rows share an order id (a till or a one-row-per-order
        export). Orders are then counted as rows: a distinct count per customer costs several
        times a plain count on millions of rows. Checked once per version of the data."""
        key = (self.version, "orders_are_rows")
        if key not in self._facts:
            tx = self.table("transactions")
            numbered = tx.filter(tx.order_id.notnull())
            self._facts[key] = bool((numbered.order_id.nunique() == numbered.count()).execute())
        return self._facts[key]

    def counts(self, name: str) -> dict[str, int]:
        reports = [r for r in self.reports if r.table == name]
        return {"rows_read": sum(r.rows_read for r in reports),
                "rows_loaded": sum(r.rows_loaded for r in reports),
                "rows_rejected": sum(r.rows_rejected for r in reports)}

    def rejects(self, file_id: int | None = None, limit: int | None = None):
        """Rejected records (file, line, reason, original text) as a small pandas frame."""
        sql = f"SELECT file, line, code, reason, raw FROM {REJECTS_TABLE}"
        params: dict = {}
        if file_id is not None:
            sql += " WHERE file_id = $f"
            params["f"] = file_id
        sql += " ORDER BY file_id, line"
        if limit is not None:
            sql += " LIMIT $n"
            params["n"] = int(limit)
        return self.con.execute(sql, params).df()

    def write_rejects_csv(self, out_path: str, file_id: int | None = None) -> int:
        """Write the rejected records to ``out_path`` a chunk at a time (no pandas copy of them
        all), through the formula-safe writer: the original text is whatever the file held."""
        sql = f"SELECT file, line, code, reason, raw FROM {REJECTS_TABLE}"
        params: dict = {}
        if file_id is not None:
            sql += " WHERE file_id = $f ORDER BY line"
            params["f"] = file_id
        else:
            sql += " ORDER BY file_id, line"
        return write_cursor(out_path, self.con.cursor().execute(sql, params))

    def cursor_view(self) -> "Dataset":
        """The same data through a cursor of its own: what one script run queries with, so a
        run that is still busy (the manager clicked on) never holds the connection another run
        needs. The view shares the loaded files; close it, not the dataset, when done."""
        view = copy.copy(self)
        view.con = self.con.cursor()
        view._ibis = ibis.duckdb.from_connection(view.con)
        return view

    def close(self) -> None:
        self.con.close()


def open_demo(directory: str) -> Dataset:
    """A dataset filled from the demo CSVs in ``directory`` (as written by ``loyalty demo``)."""
    ds = Dataset()
    for table in TABLES:
        path = os.path.join(directory, f"{table}.csv")
        if os.path.exists(path):
            ds.load(path, table=table)
    ds.label = "demo"
    return ds
