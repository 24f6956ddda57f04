"""The files loaded into a database, kept in the database itself.

One row per loaded file: its load report (counts, reasons, duplicates, how it was read) as
JSON. A workspace opened next week shows the same history and builds the same canonical views
from it. The report's read plan is kept only as far as it matters after the load (table,
column mapping, layout, how the file was read), never sample rows, which hold customer data.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from loyalty.storage.db import run
from loyalty.reading.ingest import LoadReport

FILES_TABLE = "_ll_files"

DDL = f"CREATE TABLE IF NOT EXISTS {FILES_TABLE} (file_id INTEGER PRIMARY KEY, record VARCHAR)"

_COUNTS = ("rows_loaded", "rows_rejected", "rows_skipped", "rows_erased", "layout", "orders",
           "cancelled_orders", "refunded_orders", "refund_total", "amount_level", "currency",
           "loaded_at")


@dataclass
class StoredDialect:
    columns: list[str]
    encoding: str = "utf-8"
    delimiter: str = ","
    converted_lines: int = 0


@dataclass
class StoredPlan:
    """What a load report needs of its read plan once the file is loaded."""

    filename: str
    table: str
    mapping: dict[str, str]
    layout: str
    decimal: str
    dialect: StoredDialect


def ensure(con) -> None:
    run(con, DDL)


def to_record(report: LoadReport) -> dict:
    plan = report.plan
    d = plan.dialect
    return {
        "file_id": report.file_id, "filename": report.filename, "table": report.table,
        **{k: getattr(report, k) for k in _COUNTS},
        "reasons": dict(report.reasons), "duplicates": dict(report.duplicates),
        "notices": dict(report.notices), "warnings": list(report.warnings),
        "plan": {"mapping": dict(plan.mapping), "layout": plan.layout, "decimal": plan.decimal,
                 "columns": list(d.columns), "encoding": d.encoding, "delimiter": d.delimiter,
                 "converted_lines": int(getattr(d, "converted_lines", 0) or 0)},
    }


def from_record(record: dict) -> LoadReport:
    p = record["plan"]
    plan = StoredPlan(record["filename"], record["table"], dict(p["mapping"]), p["layout"],
                      p["decimal"], StoredDialect(list(p["columns"]), p["encoding"],
                                                  p["delimiter"], p["converted_lines"]))
    report = LoadReport(file_id=int(record["file_id"]), filename=record["filename"],
                        table=record["table"], plan=plan)
    for k in _COUNTS:
        if k in record:
            setattr(report, k, record[k])
    report.reasons = dict(record.get("reasons", {}))
    report.duplicates = dict(record.get("duplicates", {}))
    report.notices = dict(record.get("notices", {}))
    report.warnings = list(record.get("warnings", []))
    return report


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def save(con, report: LoadReport) -> None:
    """Write (or rewrite) ``report``'s row."""
    run(con, f"INSERT OR REPLACE INTO {FILES_TABLE} VALUES ($id, $r)",
        {"id": report.file_id, "r": json.dumps(to_record(report))})


def forget(con, file_id: int) -> None:
    run(con, f"DELETE FROM {FILES_TABLE} WHERE file_id = $id", {"id": file_id})


def reports(con) -> list[LoadReport]:
    """The loaded files in load order."""
    rows = con.execute(f"SELECT record FROM {FILES_TABLE} ORDER BY file_id").fetchall()
    return [from_record(json.loads(r[0])) for r in rows]
