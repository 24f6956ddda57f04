"""A read-only dataset over tables another engine already holds (Spark tables, Parquet or Delta
paths): each canonical table is an Ibis expression that renames and casts the source's columns,
so the metrics run where the data is and only their results come back.

The mapping is proposed from the source's column names the way a CSV header is mapped (English
and German synonyms, then a sample's content) and can be overridden field by field.
"""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import ibis
import ibis.expr.datatypes as dt

from loyalty.errors import UnusableFile
from loyalty.reading.formats import profile_column
from loyalty.reading.mapping import map_by_name, missing_required
from loyalty.reading.schema import TABLES
from loyalty.storage.readside import ReadSide

# Canonical storage kinds as Ibis types (the DuckDB types of loyalty.reading.schema).
IBIS_TYPES = {"id": dt.string, "timestamp": dt.timestamp, "date": dt.date,
              "money": dt.float64, "number": dt.float64, "score": dt.int32,
              "text": dt.string, "kind": dt.string}

# Rows read to propose a mapping from the content, as for a CSV file's sample.
SAMPLE_ROWS = 200


@dataclass(frozen=True)
class Source:
    """Where one canonical table comes from: a table name the engine knows (``sales.receipts``)
    or a Parquet or Delta path, and the columns mapped onto canonical fields."""

    table: str
    location: str
    mapping: dict[str, str | None] = field(default_factory=dict)


@dataclass
class SourceReport:
    """What a source gave, shaped like a loaded file's report for the pages and the CLI."""

    table: str
    filename: str
    mapping: dict[str, str]
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0
    rows_erased: int = 0
    # A table says nothing about its currency: the euro, as for a CSV file that names none.
    currency: str | None = None

    @property
    def rows_read(self) -> int:
        return self.rows_loaded + self.rows_rejected

    def summary(self) -> dict:
        return {"file": self.filename, "table": self.table, "rows_read": self.rows_read,
                "rows_loaded": self.rows_loaded, "rows_rejected": self.rows_rejected,
                "mapping": dict(self.mapping)}

    def understood(self, lang: str = "en") -> str:
        from loyalty.presentation.i18n import fmt_number, t
        return t("data.understood_source", lang, loaded=fmt_number(self.rows_loaded, lang),
                 read=fmt_number(self.rows_read, lang),
                 rejected=fmt_number(self.rows_rejected, lang))


def is_path(location: str) -> bool:
    return location.startswith("delta:") or "://" in location or os.sep in location \
        or location.endswith(".parquet")


def open_location(con, location: str) -> ibis.Table:
    """The source table: a path (``.parquet``, a folder of Parquet files, or a Delta table's
    folder, also as ``delta:PATH``) or the name of a table the engine's catalog holds.

    A location the engine cannot read raises :class:`UnusableFile` (``unknown_source`` for a
    table or path that is not there, ``unreadable_source`` otherwise) with the engine's first
    line, not the engine's own exception: the manager typed it, so the answer is one sentence.
    """
    location = location.strip()
    if not location:
        raise UnusableFile("unknown_source", "no table or path given", {"location": location})
    try:
        return _open_location(con, location)
    except UnusableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - every engine has its own exceptions
        missing = any(m in _first_line(exc) for m in _NOT_THERE) or type(exc).__name__ in (
            "TableNotFound", "FileNotFoundError")
        raise _unusable("unknown_source" if missing else "unreadable_source", location,
                        exc) from exc


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _unusable(code: str, location: str, exc: Exception) -> UnusableFile:
    """The engine's failure on ``location`` as one sentence for the manager who typed it."""
    detail = _first_line(exc)
    return UnusableFile(code, f"{location}: {detail[:300]}",
                        {"location": location, "kind": "path" if is_path(location) else "table",
                         "detail": detail[:160]})


# How engines say a table or path does not exist (Spark's error classes, Ibis, DuckDB).
_NOT_THERE = ("TABLE_OR_VIEW_NOT_FOUND", "PATH_NOT_FOUND", "SCHEMA_NOT_FOUND",
              "does not exist", "not found", "No files found")


def _open_location(con, location: str) -> ibis.Table:
    if location.startswith("delta:"):
        return con.read_delta(location.removeprefix("delta:"))
    if is_path(location):
        path = location.removeprefix("file://")
        if os.path.isdir(path) and os.path.isdir(os.path.join(path, "_delta_log")):
            return con.read_delta(path)
        return con.read_parquet(location)
    database, _, name = location.rpartition(".")
    return con.table(name, database=database or None)


@dataclass
class Suggestion:
    """A source's columns, a few values of each, and the mapping its names and sample suggest:
    what a mapping screen shows before the manager changes anything."""

    table: str
    location: str
    columns: list[str]
    samples: dict[str, list[str]]
    mapping: dict[str, str]

    @property
    def missing(self) -> list[str]:
        return missing_required(self.table, self.mapping)


def suggest(table: str, raw: ibis.Table, location: str = "") -> Suggestion:
    """The mapping of ``raw``'s columns that names and a small sample suggest, as for a CSV
    header; one engine query (the sample)."""
    columns = list(raw.columns)
    sample = raw.limit(SAMPLE_ROWS).execute()
    values = {c: ["" if v is None or v != v else str(v) for v in sample[c].tolist()]
              for c in columns}
    profiles = {c: profile_column(c, values[c], prefer_day_first=True) for c in columns}
    mapping = {f: c for f, c in map_by_name(TABLES[table], columns, profiles, values).items()
               if f in TABLES[table].field_names}
    samples = {c: [v for v in values[c] if v.strip()][:3] for c in columns}
    return Suggestion(table, location, columns, samples, mapping)


def inspect_source(con, table: str, location: str) -> Suggestion:
    """What :class:`MappedDataset` would propose for ``location`` as ``table``, without
    opening a dataset: for a screen that lets the manager correct it first."""
    if table not in TABLES:
        raise UnusableFile("unknown_table", f"no canonical table {table!r}: the tables are "
                           + ", ".join(TABLES), {"table": table})
    raw = open_location(con, location)
    try:
        return suggest(table, raw, location.strip())
    except Exception as exc:  # noqa: BLE001 - a sample the engine cannot read is one sentence
        raise _unusable("unreadable_source", location.strip(), exc) from exc


def propose(table: str, raw: ibis.Table, overrides: dict[str, str | None]) -> dict[str, str]:
    """{field: column} for ``raw``'s columns: names and a small sample decide, as for a CSV
    header; ``overrides`` win (a field mapped to None is left out)."""
    columns = list(raw.columns)
    mapping = suggest(table, raw).mapping
    for f, c in overrides.items():
        if f not in TABLES[table].field_names:
            raise UnusableFile("unknown_field", f"{table} has no field {f!r}: the fields are "
                               + ", ".join(TABLES[table].canonical_names), {"field": f})
        mapping.pop(f, None)
        if c:
            mapping = {k: v for k, v in mapping.items() if v != c}
            mapping[f] = c
    for f, c in mapping.items():
        if c not in columns:
            raise UnusableFile("unknown_column", f"{table}: the source has no column {c!r} "
                               f"for {f}; its columns are " + ", ".join(columns),
                               {"column": c, "field": f, "table": table})
    if missing := missing_required(table, mapping):
        raise UnusableFile("missing_required", f"{table}: no column for "
                           + ", ".join(missing) + " (map one with FIELD=COLUMN)",
                           {"fields": missing})
    return mapping


def canonical(table: str, raw: ibis.Table, mapping: dict[str, str]) -> ibis.Table:
    """``raw`` with exactly the canonical fields of ``table``, each of its canonical type, as
    a file of that table loads (text trimmed and empty as missing, kinds lower-case)."""
    out = {}
    for f in TABLES[table].canonical_fields:
        ty = IBIS_TYPES[f.kind]
        if f.name in mapping:
            col = raw[mapping[f.name]]
            if f.kind in ("id", "text", "kind"):
                col = col.cast(dt.string).strip()
                col = col.nullif("")
                if f.kind == "kind":
                    col = col.lower()
            out[f.name] = col.cast(ty)
        elif f.name == "amount" and {"quantity", "unit_price"} <= set(mapping):
            out[f.name] = (raw[mapping["quantity"]].cast(dt.float64)
                           * raw[mapping["unit_price"]].cast(dt.float64))
        else:
            out[f.name] = ibis.null(ty)
    expr = raw.select(**out)
    required = [f for f in TABLES[table].required if f != "customer_id" or table != "transactions"]
    return expr.filter(*[expr[f].notnull() for f in required if f in expr.columns])


class MappedDataset(ReadSide):
    """The read side of :class:`loyalty.storage.dataset.Dataset` over an Ibis connection to an
    engine that already holds the data. Rows whose required fields are missing (or do not cast)
    count as rejected and are left out, as a file's would be."""

    customers_stay_in_engine = True

    def __init__(self, con, sources: list[Source], label: str = "",
                 cache: Callable[[ibis.Table], ibis.Table] | None = None,
                 run_handle: Callable[[], object] | None = None):
        self.con = con
        self._run_handle = run_handle
        self.uid = uuid.uuid4().hex
        self.version = 0
        self.label = label or "engine"
        self.closed = False
        self._facts: dict = {}
        self._cache = cache
        self._tables: dict[str, ibis.Table] = {}
        self.reports: list[SourceReport] = []
        for s in sources:
            if s.table not in TABLES:
                raise UnusableFile("unknown_table", f"no canonical table {s.table!r}: the "
                                   "tables are " + ", ".join(TABLES), {"table": s.table})
            raw = open_location(con, s.location)
            try:
                mapping = propose(s.table, raw, s.mapping)
            except UnusableFile as err:
                # The sentence names the source: several tables may be opened at once.
                err.params.setdefault("location", s.location)
                raise
            self._tables[s.table] = canonical(s.table, raw, mapping)
            total, kept = _counts(raw, self._tables[s.table])
            self.reports.append(SourceReport(s.table, s.location, mapping, kept, total - kept))
        self._settings: dict = {}

    def table(self, name: str) -> ibis.Table:
        if name not in TABLES:
            raise KeyError(name)
        if name not in self._tables:
            schema = ibis.schema({f.name: IBIS_TYPES[f.kind]
                                  for f in TABLES[name].canonical_fields})
            self._tables[name] = ibis.memtable({c: [] for c in schema.names}, schema=schema)
        return self._tables[name]

    def has(self, name: str) -> bool:
        return any(r.table == name and r.rows_loaded for r in self.reports)

    def fields(self, name: str) -> set[str]:
        out: set[str] = set()
        for r in self.reports:
            if r.table == name:
                out |= set(r.mapping)
                if {"quantity", "unit_price"} <= set(r.mapping):
                    out.add("amount")
        return out & set(TABLES[name].canonical_names)

    def materialize(self, name: str, key, build: Callable[[], ibis.Table]) -> ibis.Table:
        """``build()``, kept by the engine (Spark caches it) when the dataset was given a cache;
        otherwise the expression itself."""
        if self._cache is None:
            return build()
        return self.fact(("materialized", name, key), lambda ds: self._cache(build()))

    def cursor_view(self) -> "MappedDataset":
        """The dataset as one script run queries it: with a run handle (Spark), the view's
        ``con`` can ``interrupt()`` that run's queries, as a DuckDB cursor can; the tables are
        shared."""
        if self._run_handle is None:
            return self
        view = copy.copy(self)
        view.con = self._run_handle()
        return view

    def settings(self) -> dict:
        return dict(self._settings)

    def keep_settings(self, values: dict) -> None:
        self._settings.update(values)

    def forget_settings(self, names) -> None:
        for n in names:
            self._settings.pop(n, None)

    def close(self) -> None:
        self.closed = True


def _counts(raw: ibis.Table, kept: ibis.Table) -> tuple[int, int]:
    """Rows in the source and rows the canonical table keeps, in one engine query each."""
    return int(raw.count().execute()), int(kept.count().execute())
