"""A dataset: one DuckDB database holding the canonical tables of one manager's data.

Each loaded file becomes its own table; the canonical names (``transactions``, ``members``,
``surveys``, ``interactions``) are views over the union of the files of that kind, with every
canonical field present (NULL where no file had it). Metrics read the views through Ibis.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import tempfile
import threading
import uuid
import weakref
from collections.abc import Callable, Sequence

import duckdb
import ibis
from ibis.backends.duckdb import Backend as _IbisDuckDB

from loyalty.reading import overlap
from loyalty.presentation.csvsafe import write_cursor
from loyalty.reading.currency import file_currency
from loyalty.storage.db import columns, run, scalar, stored_select
from loyalty.errors import UnusableFile
from loyalty.reading.ingest import REJECTS_TABLE, LoadReport, ensure_support_objects, load_file
from loyalty.reading.plan import ReadPlan, make_plan
from loyalty.reading.uploads import WORK_PREFIX, work_root
from loyalty.reading.schema import TABLES
from loyalty.storage.sqlsafe import ident, internal_name
from loyalty.storage import history, keep
from loyalty.storage.readside import ReadSide


# The side database of materialized tables, and how many it keeps.
SIDE_DB = "ll_side"
MATERIALIZED = 3


class Dataset(ReadSide):
    """Canonical tables in a DuckDB database, filled from CSV files.

    A database file keeps what was loaded: opened again, the dataset has the same files (and
    their load reports) as when it was last changed. Each change (a load, a file removed, a
    customer erased) is one transaction: a process killed half-way leaves the file as it was.

    Parameters
    ----------
    database:
        A DuckDB file path, or ``":memory:"`` (the default) for a private in-memory database.
    memory_mb, threads:
        The engine's limits in megabytes and threads; DuckDB's defaults (80 % of the memory,
        every core) when not given. A web session passes its share of the server (see
        ``loyalty.settings``).
    allowed_directories:
        When given, the engine is locked once set up: it reads and writes only inside these
        directories and a private work directory (the loader's temporary copies, spilled
        data), loads no extension, and its configuration cannot be changed any more. ``None``
        (the CLI) leaves it open.

        A private database (``":memory:"``) of a locked engine is kept as a file in the work
        directory, removed with it: DuckDB compresses what it writes to a file and not what it
        keeps in memory, so ten million transactions take about 200 MB of the session's memory
        instead of 1.3 GB.
    """

    def __init__(self, database: str = ":memory:", *, memory_mb: int | None = None,
                 threads: int | None = None,
                 allowed_directories: Sequence[str] | None = None):
        self.work_dir: str | None = None
        self._remove_work_dir: weakref.finalize | None = None
        if allowed_directories is not None:
            self.work_dir = tempfile.mkdtemp(prefix=WORK_PREFIX, dir=work_root())
            # Removed with the dataset, also when a session ends without closing it.
            self._remove_work_dir = weakref.finalize(self, shutil.rmtree, self.work_dir, True)
            if database == ":memory:":
                database = os.path.join(self.work_dir, "data.duckdb")
        config: dict[str, object] = {}
        if memory_mb:
            # MiB: the settings count megabytes of 2**20 bytes; DuckDB's "MB" is 10**6.
            config["memory_limit"] = f"{int(memory_mb)}MiB"
        if threads:
            config["threads"] = int(threads)
        self.memory_mb = int(memory_mb) if memory_mb else None
        self.con = duckdb.connect(database, config=config)
        ensure_support_objects(self.con)
        # What Ibis sets on each connection it is given, set once for every cursor: a locked
        # engine refuses Ibis' own SET (see ``_Ibis``).
        run(self.con, "SET GLOBAL TimeZone = 'UTC'")
        run(self.con, "SET GLOBAL python_enable_replacements = false")
        if self.work_dir is not None:
            _lock(self.con, [*allowed_directories, self.work_dir], self.work_dir)
        history.ensure(self.con)
        keep.ensure(self.con)
        self.reports: list[LoadReport] = history.reports(self.con)
        self.closed = False
        # One change at a time: sessions sharing a workspace share this dataset's engine.
        self._write = threading.RLock()
        # Identifies this dataset in caches; ``version`` changes whenever its data does.
        self.uid = uuid.uuid4().hex
        self.version = 0
        self.label = "empty"
        self._ibis = _Ibis.from_connection(self.con)
        self._derived_members = False
        # Facts about the data that cost a scan, by (version, name); views share it.
        self._facts: dict = {}
        # Intermediate tables several pages read (see ``materialize``); views share them.
        self._materialized: dict = {}
        self._materialize_lock = threading.Lock()
        self._refresh_views()

    # -- loading ---------------------------------------------------------------------------
    def plan(self, path: str, filename: str | None = None, **overrides) -> ReadPlan:
        return make_plan(path, filename, **overrides)

    def load(self, path_or_plan: str | ReadPlan, filename: str | None = None,
             progress: Callable[[str], None] | None = None, **overrides) -> LoadReport:
        """Load one file (or a prepared plan) and refresh the canonical views. ``progress`` hears
        each stage of :data:`loyalty.reading.ingest.LOAD_STAGES` as it starts."""
        plan = (path_or_plan if isinstance(path_or_plan, ReadPlan)
                else make_plan(path_or_plan, filename, **overrides))
        with self._write:
            file_id = max((r.file_id for r in self.reports), default=0) + 1
            run(self.con, "BEGIN TRANSACTION")
            try:
                report = load_file(self.con, plan, file_id, self.work_dir, progress)
                report.currency = file_currency(plan)
                report.loaded_at = history.now()
                self._leave_out_erased(report)
                overlap.mark(self.con, report, self.reports)
                history.save(self.con, report)
                self._refresh_views([*self.reports, report])
                run(self.con, "COMMIT")
            except duckdb.OutOfMemoryException:
                self._rollback()
                if self.memory_mb is None:
                    raise
                raise UnusableFile(
                    "out_of_memory",
                    f"Loading this file needs more than the {self.memory_mb:,} MB of memory a "
                    "session may use: load a shorter export (fewer months, or only the columns "
                    "you need), or ask whoever runs the dashboard to raise the limit.",
                    {"limit": self.memory_mb}) from None
            except BaseException:
                self._rollback()
                raise
            self.reports.append(report)
            self.version += 1
            # The load has just checked what the pages ask first (a second scan of every order
            # id at ten million rows): when this file alone holds the sales, it is the answer.
            sales = [r for r in self.reports if r.table == "transactions" and r.rows_loaded]
            if sales == [report] and report.order_ids_unique:
                self._facts[(self.version, "orders_are_rows")] = True
            return report

    def _rollback(self) -> None:
        """Undo the change under way; the data stays as it was before it."""
        try:
            run(self.con, "ROLLBACK")
        except duckdb.Error:
            pass
        self._refresh_views()

    def _leave_out_erased(self, report: LoadReport) -> None:
        """Drop the rows of customers erased on request from a file just loaded: an export made
        before the request still holds them. They count as erased, with a notice."""
        if not scalar(self.con, f"SELECT count(*) FROM {keep.ERASED_TABLE}"):
            return
        target = internal_name(report.storage_table)
        ids = [c for c in ("customer_id", "customer_email", "referred_by")
               if c in columns(self.con, report.storage_table)]
        if "customer_id" not in ids:
            return
        erased = f"SELECT hash FROM {keep.ERASED_TABLE}"
        hit = f"sha256(customer_id) IN ({erased})"
        if "customer_email" in ids:
            hit += f" OR sha256(customer_email) IN ({erased})"
        n = scalar(self.con, f"SELECT count(*) FROM {target} WHERE {hit}")
        run(self.con, f"DELETE FROM {target} WHERE {hit}")
        if "referred_by" in ids:
            run(self.con, f"UPDATE {target} SET referred_by = NULL, _fields = NULL "
                          f"WHERE sha256(referred_by) IN ({erased})")
        if n:
            report.rows_loaded -= n
            report.rows_erased += n
            report.notices["erased_customers"] = int(n)

    def remove_file(self, file_id: int) -> LoadReport:
        """Remove one loaded file: its rows, its rejected records and its history entry. The
        later files of its table are checked again for rows it held (see
        :mod:`loyalty.reading.overlap`): those count again."""
        with self._write:
            gone = next(r for r in self.reports if r.file_id == file_id)
            kept = [r for r in self.reports if r.file_id != file_id]
            run(self.con, "BEGIN TRANSACTION")
            try:
                run(self.con, f"DROP TABLE IF EXISTS {internal_name(gone.storage_table)}")
                run(self.con, f"DELETE FROM {REJECTS_TABLE} WHERE file_id = $f", {"f": file_id})
                history.forget(self.con, file_id)
                for i, r in enumerate(kept):
                    if r.table == gone.table and r.file_id > file_id:
                        overlap.mark(self.con, r, kept[:i])
                        history.save(self.con, r)
                self._refresh_views(kept)
                run(self.con, "COMMIT")
            except BaseException:
                self._rollback()
                self.reports[:] = history.reports(self.con)
                raise
            self.reports[:] = kept
            self.version += 1
            return gone

    def erase_customer(self, customer_id: str) -> dict[str, int]:
        """Delete everything held about one customer (a data-protection request): their rows in
        every table, the rejected records that name them, and their number where another member
        names them as referrer. Returns the rows deleted per table. The deleted rows' bytes may
        stay in the database file until it is rewritten (see :mod:`loyalty.storage.erase`)."""
        cid = str(customer_id).strip()
        if not cid:
            raise ValueError("no customer id given")
        deleted: dict[str, int] = {}
        with self._write:
            run(self.con, "BEGIN TRANSACTION")
            try:
                for r in self.reports:
                    target = internal_name(r.storage_table)
                    who = "customer_id = $c"
                    if "customer_email" in columns(self.con, r.storage_table):
                        who += " OR customer_email = $c"
                    known = (f"{overlap.KNOWN} IS TRUE" if r.rows_skipped else "false")
                    n, skipped = self.con.execute(
                        f"SELECT count(*), count(*) FILTER ({known}) FROM {target} "
                        f"WHERE {who}", {"c": cid}).fetchall()[0]
                    run(self.con, f"DELETE FROM {target} WHERE {who}", {"c": cid})
                    if r.table == "members":
                        run(self.con, f"UPDATE {target} SET referred_by = NULL, _fields = NULL "
                                      "WHERE referred_by = $c", {"c": cid})
                    if n:
                        r.rows_loaded -= n - skipped
                        r.rows_skipped -= skipped
                        r.rows_erased += n
                        deleted[r.table] = deleted.get(r.table, 0) + n - skipped
                        history.save(self.con, r)
                # The rejected records keep each line's text: those naming the customer go.
                pattern = r"(^|[^0-9A-Za-z@._-])" + re.escape(cid) + r"($|[^0-9A-Za-z@._-])"
                n = scalar(self.con, f"SELECT count(*) FROM {REJECTS_TABLE} WHERE "
                                     "regexp_matches(raw, $p) OR regexp_matches(reason, $p)",
                           {"p": pattern})
                run(self.con, f"DELETE FROM {REJECTS_TABLE} WHERE regexp_matches(raw, $p) "
                              "OR regexp_matches(reason, $p)", {"p": pattern})
                if n:
                    deleted["rejected"] = n
                run(self.con, f"INSERT OR IGNORE INTO {keep.ERASED_TABLE} "
                              "VALUES (sha256($c), current_date)", {"c": cid})
                self._refresh_views()
                run(self.con, "COMMIT")
            except BaseException:
                self._rollback()
                self.reports[:] = history.reports(self.con)
                raise
            self.version += 1
            return deleted

    def clear(self) -> None:
        for r in self.reports:
            self.con.execute(f"DROP TABLE IF EXISTS {internal_name(r.storage_table)}")
            history.forget(self.con, r.file_id)
        self.con.execute(f"DELETE FROM {REJECTS_TABLE}")
        self.reports.clear()
        self.label = "empty"
        self._refresh_views()
        self.version += 1

    def _refresh_views(self, reports: list[LoadReport] | None = None) -> None:
        reports = self.reports if reports is None else reports
        for name, table in TABLES.items():
            cols = ", ".join(ident(f.name) for f in table.canonical_fields)
            files = [r for r in reports if r.table == name]
            stored = {r.file_id: stored_select(self.con, r.storage_table, table.canonical_fields)
                      for r in files}
            parts = [f"SELECT {stored[r.file_id]} FROM {internal_name(r.storage_table)}"
                     f"{overlap.visible(self.con, r.storage_table) if r.rows_skipped else ''}"
                     for r in files]
            if name == "members" and len(files) > 1:
                # A member listed in several files is as the latest file says.
                numbered = " UNION ALL ".join(
                    f"SELECT {stored[r.file_id]}, {int(r.file_id)} AS _ll_file "
                    f"FROM {internal_name(r.storage_table)}" for r in files)
                parts = [f"SELECT {cols} FROM ({numbered}) QUALIFY row_number() OVER "
                         "(PARTITION BY customer_id ORDER BY _ll_file DESC) = 1"]
            if name == "members" and (derived := self._members_from_receipts(reports)):
                parts.append(derived)
            if not parts:
                empty = ", ".join(f"CAST(NULL AS {f.sql_type}) AS {ident(f.name)}"
                                  for f in table.canonical_fields)
                parts = [f"SELECT {empty} WHERE false"]
            self.con.execute(f"CREATE OR REPLACE VIEW {internal_name(name)} AS "
                             + " UNION ALL ".join(parts))
        self._derived_members = bool(self._members_from_receipts(reports)) and bool(scalar(
            self.con, "SELECT count(*) FROM _ll_receipt_members"))

    def _members_from_receipts(self, reports: list[LoadReport]) -> str | None:
        """SELECT of one members row per customer whose receipts carry a tier and who is in no
        members file: the tier of their latest receipt (by date), other fields empty.

        Without a members file this is each customer's current tier; a members file, where it
        lists the customer, wins.
        """
        files = [r for r in reports
                 if r.table == "transactions" and r.rows_loaded and "tier" in r.plan.mapping]
        if not files:
            return None
        tx = " UNION ALL ".join(f"SELECT customer_id, date, tier FROM "
                                f"{internal_name(r.storage_table)}" for r in files)
        listed = " UNION ALL ".join(f"SELECT customer_id FROM {internal_name(r.storage_table)}"
                                    for r in reports if r.table == "members") \
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

    def materialize(self, name: str, key, build: Callable[[], ibis.Table]) -> ibis.Table:
        """The table ``build()`` describes, computed once per version of the data and ``key``
        and kept in an in-memory side database that every cursor of this dataset sees: the
        customer-day purchases several churn and value figures read, instead of each query
        grouping the raw rows again. At most :data:`MATERIALIZED` tables are kept; when one
        does not fit in the engine's memory, the expression is returned as it is."""
        k = (self.version, name, key)
        with self._materialize_lock:
            table_name = self._materialized.get(k)
            if table_name is None:
                # Tables of an older version go; then the oldest, to make room for this one.
                kept = [old for old in self._materialized if old[0] == self.version]
                for old in [o for o in self._materialized if o not in kept] \
                        + kept[:max(0, len(kept) - MATERIALIZED + 1)]:
                    run(self.con, f"DROP TABLE IF EXISTS {SIDE_DB}."
                                  f"{internal_name(self._materialized.pop(old))}")
                if not self._materialized:
                    run(self.con, f"ATTACH IF NOT EXISTS ':memory:' AS {SIDE_DB}")
                table_name = f"{name}_{uuid.uuid4().hex[:12]}"
                try:
                    self._ibis.create_table(table_name, build(), database=(SIDE_DB, "main"))
                except duckdb.OutOfMemoryException:
                    return build()
                self._materialized[k] = table_name
        return self._ibis.table(table_name, database=(SIDE_DB, "main"))

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
        view._ibis = _Ibis.from_connection(view.con)
        # The dataset owns its work folder: closing a view must leave it.
        view._remove_work_dir = None
        return view

    # -- what a workspace remembers (see loyalty.storage.keep) -----------------------------
    def settings(self) -> dict:
        return keep.settings(self.con)

    def keep_settings(self, values: dict) -> None:
        with self._write:
            keep.put(self.con, values)

    def forget_settings(self, names) -> None:
        with self._write:
            keep.forget(self.con, names)

    def layout_for(self, columns: list[str]) -> dict | None:
        return keep.layout_for(self.con, columns)

    def keep_layout(self, plan) -> None:
        """Remember how ``plan``'s file was read, for the next file with the same header."""
        dates = {f: fmt.family for f, fmt in plan.date_formats.items()}
        with self._write:
            keep.remember_layout(self.con, plan.dialect.columns, plan.table, plan.mapping,
                                 plan.decimal, dates)

    def close(self) -> None:
        self.closed = True
        self.con.close()
        if self._remove_work_dir is not None:
            self._remove_work_dir()


class _Ibis(_IbisDuckDB):
    """Ibis on a DuckDB connection without Ibis' connection-time SET statements (time zone UTC,
    no Python replacement scans): ``Dataset`` sets both globally before it may lock the
    configuration, after which any SET fails. Overrides a private hook of Ibis 12."""

    def _post_connect(self, extensions=None) -> None:
        self._record_batch_readers_consumed = {}


def _lock(con: duckdb.DuckDBPyConnection, directories: list[str], work_dir: str) -> None:
    """Lock the engine after set-up (issue 12): files only inside ``directories``, data that
    does not fit in memory spilled to ``work_dir``, no extension installed or loaded on the fly
    (those needed are built in), and no later change to any of this."""
    # A trailing separator, or /tmp/upload-1 would also allow /tmp/upload-10.
    allowed = [os.path.join(os.path.abspath(d), "") for d in directories]
    run(con, "SET temp_directory = $d", {"d": os.path.join(work_dir, "spill")})
    run(con, "SET allowed_directories = $d", {"d": allowed})
    run(con, "SET enable_external_access = false")
    run(con, "SET autoinstall_known_extensions = false")
    run(con, "SET autoload_known_extensions = false")
    run(con, "SET lock_configuration = true")


def open_demo(directory: str, **engine) -> Dataset:
    """A dataset filled from the demo CSVs in ``directory`` (as written by ``loyalty demo``);
    ``engine`` as for :class:`Dataset` (``directory`` is added to ``allowed_directories``)."""
    if engine.get("allowed_directories") is not None:
        engine["allowed_directories"] = [*engine["allowed_directories"], directory]
    ds = Dataset(**engine)
    for table in TABLES:
        path = os.path.join(directory, f"{table}.csv")
        if os.path.exists(path):
            ds.load(path, table=table)
    ds.label = "demo"
    return ds
