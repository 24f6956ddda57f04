"""Load one CSV file into a DuckDB table, accounting for every record.

DuckDB reads the file with the dialect of the :class:`~loyalty.reading.plan.ReadPlan` (no guessing of its
own), every field as text; one ``CREATE TABLE AS`` then converts the mapped columns to canonical
types and notes, per record, why it cannot be used. Records with a reason are moved to the
rejects table with their line number and original text; records DuckDB itself could not split
(too many fields, an unclosed quote) come from its rejects table. So for every file

    rows_loaded + rows_rejected = records in the file

where a record is a non-empty line (or several lines joined by a quoted line break) after the
header. Line numbers count records from the top of the file, as a spreadsheet numbers rows.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import duckdb

from loyalty.reading import orders, unclosed
from loyalty.storage.db import columns, scalar
from loyalty.errors import UnusableFile
from loyalty.reading.formats import MONTH_NAME_FAMILIES, MONTH_NAMES_DE
from loyalty.presentation.i18n import fmt_money, fmt_number, t, t_n
from loyalty.reading.orders import POSITION, cancelled_sql
from loyalty.reading.plan import ReadPlan
from loyalty.reading.schema import TABLES, Field
from loyalty.reading.sniff import MIXED, WHITESPACE, csv_options, transcode_to_utf8
from loyalty.reading.typed import TypedRead, plain_number_sql, typed_read
from loyalty.storage.sqlsafe import ident, internal_name

REJECTS_TABLE = "_ll_rejects"
KIND_MAP_TABLE = "_ll_kind_map"

# A number as DuckDB's reader reads it is tried first (see loyalty.reading.typed: a typed read
# must give what this gives), then grouped numbers; the test for an empty value costs a trim.
MACROS = r"""
CREATE OR REPLACE MACRO ll_finite(x) AS CASE WHEN isfinite(x) THEN x END;
CREATE OR REPLACE MACRO ll_clean_number(v) AS
    regexp_replace(regexp_replace(regexp_replace(
        v, '(?i)(€|\$|£|¥|\b(eur|euro|usd|chf|gbp|sfr|fr)\b\.?)|[\s\x{00a0}\x{202f}'']', '', 'g'),
        '^\((.*)\)$', '-\1'),
        '^([^-].*)-$', '-\1');
CREATE OR REPLACE MACRO ll_number_comma(v) AS coalesce(""" + plain_number_sql("v", ",") + r""",
    CASE
        WHEN regexp_full_match(v, '[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?')
            THEN TRY_CAST(replace(replace(v, '.', ''), ',', '.') AS DOUBLE)
        WHEN v IS NULL OR trim(v) = '' THEN NULL
        WHEN regexp_full_match(ll_clean_number(v), '[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?')
            THEN TRY_CAST(replace(replace(ll_clean_number(v), '.', ''), ',', '.') AS DOUBLE)
    END);
CREATE OR REPLACE MACRO ll_number_dot(v) AS coalesce(""" + plain_number_sql("v", ".") + r""",
    CASE
        WHEN regexp_full_match(v, '[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?')
            THEN TRY_CAST(replace(v, ',', '') AS DOUBLE)
        WHEN v IS NULL OR trim(v) = '' THEN NULL
        WHEN regexp_full_match(ll_clean_number(v), '[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?')
            THEN TRY_CAST(replace(ll_clean_number(v), ',', '') AS DOUBLE)
    END);
CREATE OR REPLACE MACRO ll_csv_field(v, d) AS
    CASE WHEN v IS NULL THEN ''
         WHEN contains(v, d) OR contains(v, '"') OR contains(v, chr(10)) OR contains(v, chr(13))
            THEN '"' || replace(v, '"', '""') || '"'
         ELSE v END;
"""

REJECTS_DDL = f"""
CREATE TABLE IF NOT EXISTS {REJECTS_TABLE} (
    file_id INTEGER, file VARCHAR, line BIGINT, code VARCHAR, reason VARCHAR, raw VARCHAR,
    ordinal BIGINT
)"""

_STRUCTURAL = {
    "TOO MANY COLUMNS": ("too_many_fields", "the line has more fields than the header"),
    "MISSING COLUMNS": ("too_few_fields", "the line has fewer fields than the header"),
    "UNQUOTED VALUE": ("unclosed_quote", "a quoted field is not closed properly"),
    "LINE SIZE OVER MAXIMUM": ("line_too_long", "the line is longer than 8 MB"),
    "INVALID ENCODING": ("invalid_encoding", "the line contains bytes that are not valid text"),
    "INVALID UNICODE": ("invalid_encoding", "the line contains bytes that are not valid text"),
    "CAST": ("invalid_value", "a value could not be read"),
}


@dataclass
class LoadReport:
    """What happened to one file."""

    file_id: int
    filename: str
    table: str
    plan: ReadPlan
    rows_loaded: int = 0
    rows_rejected: int = 0
    # Rows an earlier loaded file already holds (see loyalty.reading.overlap): kept, but not counted.
    rows_skipped: int = 0
    # Rows deleted later at a customer's request (see Dataset.erase_customer).
    rows_erased: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    # Other things the manager should know, by code (the UI words them): partially refunded
    # orders without a refunded amount.
    notices: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # How the rows were understood (transactions): "rows" (one sale per row) or "line_items".
    layout: str = "rows"
    # Distinct orders loaded from a line-item file (None for other layouts).
    orders: int | None = None
    cancelled_orders: int = 0
    # Orders (or sales without order id) with a negative row: refunds and returns.
    refunded_orders: int = 0
    # Sum refunded and returned, as a positive amount.
    refund_total: float = 0.0
    # Line-item files: whether the amount column held order totals ("order"), line values
    # ("line"), or was worked out from quantity and unit price ("derived").
    amount_level: str | None = None
    # The currency the file names (None when it says nothing), found while it is planned.
    currency: str | None = None
    # When the file was loaded (ISO text, UTC), for a workspace's history.
    loaded_at: str | None = None
    # True when no order id is on two of the rows loaded (None: not known), so a dataset of
    # this file alone need not ask again (see ReadSide.orders_are_rows).
    order_ids_unique: bool | None = None

    @property
    def rows_read(self) -> int:
        return self.rows_loaded + self.rows_rejected + self.rows_skipped + self.rows_erased

    @property
    def storage_table(self) -> str:
        return f"{self.table}__f{self.file_id}"

    def summary(self) -> dict:
        return {
            "file": self.filename, "table": self.table, "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded, "rows_rejected": self.rows_rejected,
            "rows_skipped": self.rows_skipped, "rows_erased": self.rows_erased,
            "reasons": dict(self.reasons), "duplicates": dict(self.duplicates),
            "notices": dict(self.notices),
            "warnings": list(self.warnings), "layout": self.layout, "orders": self.orders,
            "cancelled_orders": self.cancelled_orders, "refunded_orders": self.refunded_orders,
            "refund_total": self.refund_total,
        }

    def understood(self, lang: str = "en") -> str:
        """How the file was read, in one sentence (see :func:`load_summary`); for a file of
        another table, its loaded and rejected rows."""
        if self.table != "transactions":
            return t("data.understood_other", lang, loaded=fmt_number(self.rows_loaded, lang),
                     read=fmt_number(self.rows_read, lang),
                     skipped=fmt_number(self.rows_skipped, lang),
                     rejected=fmt_number(self.rows_rejected, lang))
        return load_summary(self.rows_read, self.rows_rejected, self.reasons, self.layout,
                            self.orders, self.refunded_orders, self.refund_total,
                            self.cancelled_orders, lang, self.rows_skipped)


def load_summary(read: int, rejected: int, reasons: dict[str, int], layout: str | None,
                 orders: int | None, refunded_orders: int, refund_total: float,
                 cancelled_orders: int, lang: str = "en", skipped: int = 0) -> str:
    """How a transactions file was read, in one sentence in ``lang``: rows read, orders,
    refunds, cancellations and other rejected rows, e.g. "2,237 rows: 900 orders with their
    line items; 12 refunds and returns (−€1,234.50); 1 cancelled order left out; 2 rows
    rejected." The command line and the Data page both say it this way."""
    rows = fmt_number(read, lang)
    if layout == "line_items":
        parts = [t_n("data.understood_items", read, lang, rows=rows,
                     orders=fmt_number(orders or 0, lang))]
    else:
        parts = [t_n("data.understood_rows", read, lang, rows=rows)]
    if refunded_orders:
        amount = fmt_money(-abs(refund_total), lang).replace("-", "\u2212")
        parts.append(t_n("data.understood_refunds", refunded_orders, lang,
                         n=fmt_number(refunded_orders, lang), amount=amount))
    if cancelled_orders:
        parts.append(t_n("data.understood_cancelled", cancelled_orders, lang,
                         n=fmt_number(cancelled_orders, lang)))
    if skipped:
        parts.append(t_n("data.understood_skipped", skipped, lang, n=fmt_number(skipped, lang)))
    other = rejected - reasons.get("cancelled_order", 0)
    if other:
        parts.append(t_n("data.understood_rejected", other, lang, n=fmt_number(other, lang)))
    return "; ".join(parts) + "."


class _Params:
    """Collects query parameters so no value is ever formatted into SQL text."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def __call__(self, value) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return "$" + name


def ensure_support_objects(con: duckdb.DuckDBPyConnection) -> None:
    from loyalty.reading.schema import INTERACTION_KINDS

    con.execute(MACROS)
    con.execute(REJECTS_DDL)
    con.execute(f"CREATE TABLE IF NOT EXISTS {KIND_MAP_TABLE} (raw VARCHAR PRIMARY KEY, "
                "kind VARCHAR)")
    if scalar(con, f"SELECT count(*) FROM {KIND_MAP_TABLE}") == 0:
        pairs = {re.sub(r"[\s-]+", "_", k.lower()): v for k, v in INTERACTION_KINDS.items()}
        con.executemany(f"INSERT INTO {KIND_MAP_TABLE} VALUES (?, ?)", list(pairs.items()))


# Customer "numbers" web shops and tills write for a sale without an account.
GUEST_IDS = ("0", "guest", "gast", "-", "n/a", "none", "null")
_GUEST_PATTERN = "(?i)" + "|".join(re.escape(g) for g in GUEST_IDS)
_GUEST_LENGTH = max(len(g.encode()) for g in GUEST_IDS)


def _convert(f: Field, raw: str, plan: ReadPlan, p: _Params) -> str:
    """SQL turning the text column ``raw`` into field ``f``'s canonical type (before range checks)."""
    if f.name == "customer_id" and plan.table == "transactions":
        # One pattern, not lower() and a list lookup, and only on values short enough to be a
        # guest: a third of the cost on every sale.
        return (f"CASE WHEN strlen(trim({raw})) <= {p(_GUEST_LENGTH)} "
                f"AND regexp_full_match(trim({raw}), {p(_GUEST_PATTERN)}) THEN NULL "
                f"ELSE NULLIF(trim({raw}), '') END")
    if f.kind in ("id", "text"):
        return f"NULLIF(trim({raw}), '')"
    if f.kind == "kind":
        return f"NULLIF(regexp_replace(lower(trim({raw})), '[\\s-]+', '_', 'g'), '')"
    if f.kind in ("money", "number"):
        macro = "ll_number_comma" if plan.decimal == "," else "ll_number_dot"
        return f"{macro}({raw})"
    if f.kind == "score":
        return f"TRY_CAST(replace(trim({raw}), ',', '.') AS DOUBLE)"
    fmt = plan.date_formats[f.name]
    # A value read as it stands needs no trim (most are: a trim on every value costs a third of
    # a date's conversion); the rest are read trimmed, as before.
    if fmt.iso:
        return f"coalesce(TRY_CAST({raw} AS TIMESTAMP), TRY_CAST(trim({raw}) AS TIMESTAMP))"
    if fmt.family in MONTH_NAME_FAMILIES:
        return f"try_strptime({month_names_sql(raw, p)}, {p(list(fmt.patterns))})"
    # The plan puts the layout most sample values use first; DuckDB stops at the first match.
    return (f"coalesce(try_strptime({raw}, {p(fmt.patterns[0])}), "
            f"try_strptime(trim({raw}), {p(list(fmt.patterns))}))")


def month_names_sql(raw: str, p: _Params) -> str:
    """SQL doing what :func:`loyalty.reading.formats.english_month_names` does in Python."""
    text = raw
    for de, en in MONTH_NAMES_DE:
        pattern = r"\b" + de + r"\b"
        text = f"regexp_replace({text}, {p(pattern)}, {p(en)}, 'gi')"
    dot_after_month, keep_letter, spaces = p(r"([A-Za-z])\."), p(r"\1 "), p(r"\s+")
    text = f"regexp_replace({text}, {dot_after_month}, {keep_letter}, 'g')"
    return f"trim(regexp_replace({text}, {spaces}, ' ', 'g'))"


def _finish(f: Field, u: str) -> str:
    """Range rules on a converted value ``u``: what is out of range becomes NULL."""
    if f.kind == "score":
        return f"CASE WHEN {u} BETWEEN 0 AND 10 AND {u} = floor({u}) THEN CAST({u} AS INTEGER) END"
    if f.kind in ("timestamp", "date"):
        # Years outside 1900-2100 are typing errors, not history.
        checked = f"CASE WHEN year({u}) BETWEEN 1900 AND 2100 THEN {u} END"
        return f"CAST({checked} AS DATE)" if f.kind == "date" else checked
    if f.name == "discount":
        # A discount is an amount granted; exports write it as -0.50 (Square) as often as 0.50.
        return f"abs({u})"
    return u


def _label(name: str) -> str:
    return name.replace("_", " ")


class _Check(NamedTuple):
    """One way a record can fail: its code, condition and message (SQL), and a cheap condition
    the condition implies (None: none known)."""

    code: str
    condition: str
    message: str
    guard: str | None = None


def _flag(checks: list[_Check]) -> str:
    """SQL that is true for a record failing any of ``checks``.

    In a projection DuckDB works out every operand of an OR on every record; behind a CASE on
    the guards (is a converted value missing?) the full conditions run only for the few records
    that may fail: about a tenth of a second per check on ten million records.
    """
    guarded = [c for c in checks if c.guard]
    parts = [f"({c.condition})" for c in checks if not c.guard]
    if guarded:
        guards = " OR ".join(dict.fromkeys(f"({c.guard})" for c in guarded))
        full = " OR ".join(f"({c.condition})" for c in guarded)
        parts.append(f"CASE WHEN {guards} THEN {full} ELSE false END")
    return " OR ".join(parts) or "false"


def _checks(plan: ReadPlan, raw_of: dict[str, str], p: _Params,
            pm: _Params | None = None) -> list[_Check]:
    """Each way a record can fail, in order of importance.

    Conditions refer to the converted field (``"date"``) and to its text (``raw_of[field]``).
    Message parameters go to ``pm`` (default ``p``), so a query using only the conditions can
    leave them out. Every check of a field implies that its converted value is missing (a score
    that is not a number has no value either): that is its guard.
    """
    pm = pm or p
    checks = []
    if plan.dialect.delimiter == WHITESPACE:
        # Aligned text is split into fields by us, so a wrong field count is a check of ours.
        width = len(plan.dialect.columns)
        checks.append(_Check("wrong_field_count", f"len(_fields) <> {p(width)}",
                             f"{pm('the line has ')} || len(_fields) || "
                             f"{pm(f' fields, expected {width}')}"))
    table = TABLES[plan.table]
    for f in table.fields:
        v = ident(f.name)
        raw = raw_of.get(f.name)
        nullable = plan.table == "transactions" and f.name == "customer_id"
        if f.required and not nullable:
            empty = f"({raw} IS NULL OR trim({raw}) = '')" if raw else "true"
            # A line of an order takes date and amount from the order's other rows; an order
            # without them anywhere is rejected as a whole later (loyalty.reading.orders).
            of_order = (f" AND {ident('order_id')} IS NULL" if plan.layout == "line_items"
                        else "")
            checks.append(_Check(f"missing_{f.name}", f"{v} IS NULL AND {empty}{of_order}",
                                 pm(f"{_label(f.name)} is missing"), f"{v} IS NULL"))
        if raw is None or f.stage_only:
            # Input-only fields steer refunds and cancellations; an unreadable one does not
            # make the sale unusable.
            continue
        if f.kind in ("money", "number", "timestamp", "date", "score"):
            if f.kind in ("timestamp", "date"):
                what = f"is not a valid date (expected {plan.date_formats[f.name].label})"
            elif f.kind == "score":
                what = "is not a number"
            else:
                sep = "decimal comma" if plan.decimal == "," else "decimal point"
                what = f"is not a number (expected {sep})"
            valid = f"TRY_CAST(replace(trim({raw}), ',', '.') AS DOUBLE)" if f.kind == "score" \
                else None
            cond = (f"{valid} IS NULL AND trim({raw}) <> ''" if valid
                    else f"{v} IS NULL AND trim({raw}) <> ''")
            checks.append(_Check(
                f"invalid_{f.name}", cond,
                f"{pm(_label(f.name) + ' ')} || '''' || {raw} || '''' || {pm(' ' + what)}",
                f"{v} IS NULL"))
        if f.kind == "score":
            checks.append(_Check(
                "score_out_of_range", f"{v} IS NULL AND {valid} IS NOT NULL",
                f"{pm(_label(f.name) + ' ')} || trim({raw}) || "
                f"{pm(' is outside 0-10 (must be a whole number from 0 to 10)')}",
                f"{v} IS NULL"))
    return checks


def _source_sql(plan: ReadPlan, path: str, p: _Params, rejects: str, scans: str,
                typed: TypedRead | None = None) -> tuple[str, list[str]]:
    """SELECT over the file: every column as text, or (``typed``) some converted by DuckDB's
    reader. Records DuckDB cannot read go to table ``rejects``."""
    d = plan.dialect
    raw_names = [f"c{i}" for i in range(len(d.columns))]
    # DuckDB's skip counts records, not lines: a header with a quoted line break is one record.
    common = (f"header=false, skip={p(d.skip_records)}, auto_detect=false, store_rejects=true, "
              f"rejects_table={p(rejects)}, rejects_scan={p(scans)}, "
              f"max_line_size=8388608")
    if typed is not None:
        # One reject decides that the file is read again: keeping the text of every bad line
        # of a file bad throughout would hold a second copy of it in memory.
        common += ", rejects_limit=1" + "".join(f", {k}={p(v)}" for k, v in typed.options.items())
    if d.delimiter == WHITESPACE:
        # Empty lines come through as rows without fields, so the row position is the line.
        source = (f"SELECT string_split_regex(trim(line), {p(d.whitespace_pattern)}) AS _parts, "
                  f"row_number() OVER () - 1 AS _o "
                  f"FROM read_csv({p(path)}, delim={p(chr(31))}, quote='', escape='', "
                  f"columns={{'line': 'VARCHAR'}}, {common})")
        cols = ", ".join(f"_parts[{i + 1}] AS {internal_name(n)}" for i, n in enumerate(raw_names))
        return (f"SELECT {cols}, _parts AS _fields, _o FROM ({source}) WHERE _parts IS NOT NULL",
                raw_names)
    column_types = dict.fromkeys(raw_names, "VARCHAR")
    for f, duck_type in (typed.types if typed else {}).items():
        column_types[raw_names[d.columns.index(plan.mapping[f])]] = duck_type
    columns = "{" + ", ".join(f"'{n}': '{t}'" for n, t in column_types.items()) + "}"
    # DuckDB takes the escaped spelling of a carriage return, not the character itself.
    new_line = f", new_line={p(chr(92) + 'r')}" if d.newline == "\r" else ""
    return (f"SELECT *, CAST(NULL AS VARCHAR[]) AS _fields, CAST(NULL AS BIGINT) AS _o "
            f"FROM read_csv({p(path)}, delim={p(d.delimiter)}, quote={p(d.quote)}, "
            f"escape={p(d.duckdb_escape)}, columns={columns}{new_line}, {common})", raw_names)


LOAD_STAGES = ("prepare", "read", "check", "orders")
"""What a load is doing, in order, as :func:`load_file` reports it: making a UTF-8 copy when the
file needs one, reading and converting every record, checking rejects and duplicates, and
(transactions) applying returns and refunds."""


def load_file(con: duckdb.DuckDBPyConnection, plan: ReadPlan, file_id: int,
              work_dir: str | None = None,
              progress: Callable[[str], None] | None = None) -> LoadReport:
    """Load the file described by ``plan`` into table ``<table>__f<file_id>``.

    Temporary copies (re-encoded, or without a line that opens a quote and never closes it) go
    under ``work_dir``, the system's temporary directory when None: a locked engine reads only
    where it is allowed to. ``progress`` is called with each stage of :data:`LOAD_STAGES` as it
    starts (a stage may be skipped, or repeated when a line with an unclosed quote makes the read
    start over). Raises :class:`~loyalty.errors.UnusableFile` when a required field has no
    column.
    """
    tell = progress or (lambda stage: None)
    tell("prepare")
    plan.check_usable()
    ensure_support_objects(con)
    report = LoadReport(file_id=file_id, filename=plan.filename, table=plan.table, plan=plan)
    target = internal_name(report.storage_table)
    with _utf8_source(plan, work_dir) as path, \
            tempfile.TemporaryDirectory(prefix="loyalty-", dir=work_dir) as tmp:
        source = unclosed.Source(path, tmp, "utf-8" if plan.dialect.needs_transcoding
                                 else plan.dialect.codec)
        source.read(lambda src: _stage(con, plan, src, target, report, tell))
    return report


_GLOB_CHARACTERS = frozenset("*?[]{}")


@contextlib.contextmanager
def _utf8_source(plan: ReadPlan, work_dir: str | None = None):
    """The path DuckDB should read: the file itself, or a temporary UTF-8 copy of it.

    DuckDB reads a path with glob characters (``sales[1]*.csv``) as a pattern, which may match
    other files or none; such a file is read through a link with a plain name. After a
    transcoded copy is written, ``plan.dialect.converted_lines`` holds the exact count of lines
    read as Windows-1252 (the sniff only estimates it for very large files).
    """
    d = plan.dialect
    with tempfile.TemporaryDirectory(prefix="loyalty-", dir=work_dir) as tmp:
        if not d.needs_transcoding:
            yield _literal_path(plan.path, tmp)
            return
        copy = os.path.join(tmp, "utf8.csv")
        converted = transcode_to_utf8(plan.path, d.encoding, copy,
                                      nul_escaped_quote=d.quote if d.escape == "\x00" else None)
        if d.encoding == MIXED:
            d.converted_lines = converted
        yield _literal_path(copy, tmp)


def _literal_path(path: str, tmp: str) -> str:
    """``path``, or a link to it named without glob characters, inside directory ``tmp``."""
    if not _GLOB_CHARACTERS & set(path):
        return path
    link = os.path.join(tmp, "source.csv")
    try:
        os.symlink(os.path.abspath(path), link)
    except OSError:
        shutil.copyfile(path, link)
    return link


def _values_sql(plan: ReadPlan, source: str, raw_names: list[str], p: _Params,
                typed: frozenset[str] = frozenset()) -> tuple[str, dict]:
    """SELECT of canonical fields (plus the raw columns) over ``source``; and field -> raw column.

    Fields in ``typed`` arrive converted by DuckDB's reader; their range rules still apply."""
    table = TABLES[plan.table]
    col_index = {c: i for i, c in enumerate(plan.dialect.columns)}
    raw_of = {f: internal_name(raw_names[col_index[c]]) for f, c in plan.mapping.items()}
    inner = []
    for f in table.fields:
        if f.name in raw_of:
            raw = raw_of[f.name]
            if f.name not in typed:
                value = _convert(f, raw, plan, p)
            else:
                # As in the checking conversion, a number that is not finite is not one.
                value = f"ll_finite({raw})" if f.kind in ("money", "number") else raw
            inner.append(f"{value} AS {ident('u_' + f.name)}")
    derived = "amount" not in raw_of and {"quantity", "unit_price"} <= raw_of.keys()
    outer = []
    for f in table.fields:
        u = ident("u_" + f.name)
        if f.name == "customer_id" and "customer_email" in raw_of:
            # A guest (no customer number, or 0) is known by their e-mail address.
            value = _finish(f, u) if f.name in raw_of else "NULL"
            outer.append(f"coalesce({value}, {ident('u_customer_email')}) AS {ident(f.name)}")
        elif f.name in raw_of:
            outer.append(f"{_finish(f, u)} AS {ident(f.name)}")
        elif derived and f.name == "amount":
            outer.append(f"{ident('u_quantity')} * {ident('u_unit_price')} AS {ident(f.name)}")
        else:
            outer.append(f"CAST(NULL AS {f.sql_type}) AS {ident(f.name)}")
    raws = ", ".join(internal_name(n) for n in raw_names)
    sql = (f"SELECT {raws}, _fields, _o, {', '.join(outer)} FROM ("
           f"SELECT *, {', '.join(inner)} FROM ({source}))")
    return sql, raw_of


def _stage(con, plan: ReadPlan, src: unclosed.Source, target: str, report: LoadReport,
           tell: Callable[[str], None]) -> None:
    tell("read")
    rejects, scans = f"_ll_rej_{report.file_id}", f"_ll_scan_{report.file_id}"
    for name in (rejects, scans):
        con.execute(f"DROP TABLE IF EXISTS {internal_name(name)}")
    con.execute(f"DROP TABLE IF EXISTS {target}")
    d = plan.dialect
    whitespace = d.delimiter == WHITESPACE
    if _read_typed(con, plan, src.path, target, report.file_id):
        tell("check")
        reject_lines = _structural_rejects(con, plan, report, None)
    else:
        raw_names = _read_checked(con, plan, src, target, rejects, scans)
        tell("check")
        reject_lines = _structural_rejects(con, plan, report, rejects)
        if scalar(con, f"SELECT count(*) FROM {target} WHERE _bad"):
            _value_rejects(con, plan, target, report, raw_names)
    if plan.table == "members":
        _reject_duplicate_members(con, plan, target, report)
    if plan.table == "transactions":
        report.layout = plan.layout
        _reject_orders(con, plan, target, report)
    con.execute(f"DELETE FROM {target} WHERE _bad")
    if plan.table == "interactions" and "kind" in plan.mapping:
        con.execute(f"UPDATE {target} SET kind = m.kind FROM {KIND_MAP_TABLE} m "
                    f"WHERE {target}.kind = m.raw")
    rejected = scalar(con, f"SELECT count(*) FROM {REJECTS_TABLE} WHERE file_id = $f",
                      {"f": report.file_id})
    if not whitespace and rejected:
        records = scalar(con, f"SELECT count(*) FROM {target}") + rejected
        if _lines_differ_from_records(src.path, d.encoding, d.skip_lines, records):
            _fix_line_numbers(con, plan, src, report, reject_lines)
    _reject_dropped_lines(con, src, report)

    report.rows_loaded = scalar(con, f"SELECT count(*) FROM {target}")
    counts = con.execute(
        f"SELECT code, count(*) FROM {REJECTS_TABLE} WHERE file_id = $f "
        "GROUP BY code ORDER BY 2 DESC, 1", {"f": report.file_id}).fetchall()
    report.reasons = dict(counts)
    report.rows_rejected = sum(report.reasons.values())
    if plan.table == "transactions":
        tell("orders")
        if "order_id" in plan.mapping and plan.layout == "rows":
            _report_duplicate_orders(con, target, report)
        orders.apply_returns_and_refunds(con, plan, report)
        if orders.adds_refund_rows(plan.mapping):
            report.order_ids_unique = None
    for name in (rejects, scans):
        con.execute(f"DROP TABLE IF EXISTS {internal_name(name)}")


def _create(con, plan: ReadPlan, target: str, values: str, bad: str, fields: str,
            p: _Params, stored: list[str] | None = None) -> None:
    """One pass over the file keeps the canonical values (of the fields ``stored``, default
    all) and a flag; the text of a record is kept only where it is needed (rejected records, and
    small tables that check duplicates)."""
    names = ", ".join(ident(f) for f in stored or TABLES[plan.table].field_names)
    keep = "_bad"
    if plan.table == "members" or plan.layout == "line_items":
        keep = "true"
    elif plan.table == "transactions" and (cancel := cancelled_sql(plan.mapping, p)):
        keep = f"_bad OR coalesce({cancel}, false)"
    con.execute(f"CREATE TABLE {target} AS SELECT {names}, _bad, "
                f"CASE WHEN {keep} THEN {fields} END AS _fields, _o "
                f"FROM (SELECT *, ({bad}) AS _bad FROM ({values}))", p.values)
    con.execute(f"SET VARIABLE ll_row_base = (SELECT coalesce(min(rowid), 0) FROM {target})")


def _read_checked(con, plan: ReadPlan, src: unclosed.Source, target: str, rejects: str,
                  scans: str) -> list[str]:
    """Read every field as text and convert it in SQL, flagging records that fail a check;
    DuckDB's rejects go to table ``rejects``. Returns the raw column names."""
    p = _Params()
    source, raw_names = _source_sql(plan, src.path, p, rejects, scans)
    values, raw_of = _values_sql(plan, source, raw_names, p)
    fields = ("_fields" if plan.dialect.delimiter == WHITESPACE
              else "[" + ", ".join(internal_name(n) for n in raw_names) + "]")
    _create(con, plan, target, values, _flag(_checks(plan, raw_of, p, _Params())), fields, p)
    if not src.gave_up and (s := unclosed.swallowed(con, internal_name(rejects),
                                                    plan.dialect.quote)):
        if not src.may_drop:
            raise UnusableFile("unclosed_quotes", unclosed.TOO_MANY)
        raise s
    return raw_names


def _read_typed(con, plan: ReadPlan, path: str, target: str, file_id: int) -> bool:
    """Read the file with DuckDB converting the columns its sample proves clean (see
    :mod:`loyalty.reading.typed`); True when every record was read and none fails a check.

    Otherwise nothing is kept and False tells the caller to read the file the checking way,
    which finds each reject's line and reason; a typed read has no text to show for them. (A
    failed statement would end the load's transaction, so DuckDB keeps the records it cannot
    read instead of stopping at the first.)
    """
    typed = typed_read(plan, con)
    if typed is None:
        return False
    p = _Params()
    rejects = [f"_ll_trej_{file_id}", f"_ll_tscan_{file_id}"]
    for name in rejects:
        con.execute(f"DROP TABLE IF EXISTS {internal_name(name)}")
    source, raw_names = _source_sql(plan, path, p, *rejects, typed)
    values, raw_of = _values_sql(plan, source, raw_names, p, frozenset(typed.types))
    text_of = {f: raw for f, raw in raw_of.items() if f not in typed.types}
    checks = _checks(plan, text_of, p, _Params())
    for f in typed.types:
        # A value converted but out of range (a year 0025, a number inf) is NULL after it.
        checks.append(_Check(f"invalid_{f}", f"{ident(f)} IS NULL AND {raw_of[f]} IS NOT NULL",
                             "NULL", f"{ident(f)} IS NULL"))
    _create(con, plan, target, values, _flag(checks), "CAST(NULL AS VARCHAR[])", p,
            _stored_fields(plan, raw_of))
    clean = not scalar(con, f"SELECT count(*) FROM {internal_name(rejects[0])}") \
        and not scalar(con, f"SELECT count(*) FROM {target} WHERE _bad")
    for name in [internal_name(n) for n in rejects] + ([] if clean else [target]):
        con.execute(f"DROP TABLE {name}")
    return clean


# What the load's later stages of a file read typed refer to, mapped or not.
_ALWAYS_STORED = ("customer_id", "date", "amount", "order_id")


def _stored_fields(plan: ReadPlan, raw_of: dict[str, str]) -> list[str]:
    """The fields a file read typed stores: its mapped ones and those the load's later stages
    use. Leaving out the rest saves writing a column of NULLs per field (half a second and
    most of a gigabyte in memory on ten million records); the views read them as NULL (see
    :func:`loyalty.storage.db.stored_select`). Refund rows copy columns a file may not map,
    so a file that may add them stores every field."""
    names = TABLES[plan.table].field_names
    if orders.adds_refund_rows(plan.mapping):
        return list(names)
    return [f for f in names if f in raw_of or f in _ALWAYS_STORED]


def _raw_text(plan: ReadPlan, raw_names: list[str], p: _Params) -> str:
    if plan.dialect.delimiter == WHITESPACE:
        return f"array_to_string(_fields, {p(' ')})"
    delim = p(plan.dialect.delimiter)
    return f" || {delim} || ".join(f"ll_csv_field({internal_name(n)}, {delim})" for n in raw_names)


def _insert_rejects(con, select_sql: str, params: dict, plan: ReadPlan, report: LoadReport) -> None:
    """Add rejects from ``select_sql`` (columns o, code, reason, raw; o = record position).

    The line follows from the position, shifted by the records DuckDB itself rejected before it
    (listed in ``_ll_struct_pos`` by the position they would have had).
    """
    con.execute(f"""
        INSERT INTO {REJECTS_TABLE}
        SELECT $f, $name, $base + o + 1 + (SELECT count(*) FROM _ll_struct_pos WHERE pos <= o),
               code, reason, raw, o
        FROM ({select_sql})""",
                {**params, "f": report.file_id, "name": report.filename,
                 "base": plan.dialect.skip_lines})


def _value_rejects(con, plan: ReadPlan, target: str, report: LoadReport,
                   raw_names: list[str]) -> None:
    # Reasons are worked out again only for the flagged records, from their kept text.
    p = _Params()
    cols = ", ".join(f"_fields[{i + 1}] AS {internal_name(n)}" for i, n in enumerate(raw_names))
    source = f"SELECT {cols}, _fields, {POSITION} AS _o FROM {target} WHERE _bad"
    values, raw_of = _values_sql(plan, source, raw_names, p)
    checks = _checks(plan, raw_of, p)
    code = "CASE " + " ".join(f"WHEN {c.condition} THEN {p(c.code)}" for c in checks) + " END"
    reason = "concat_ws('; ', " + ", ".join(f"CASE WHEN {c.condition} THEN {c.message} END"
                                             for c in checks) + ")"
    select = (f"SELECT _o AS o, {code} AS code, {reason} AS reason, "
              f"{_raw_text(plan, raw_names, p)} AS raw FROM ({values})")
    _insert_rejects(con, select, p.values, plan, report)


def _reject_duplicate_members(con, plan: ReadPlan, target: str, report: LoadReport) -> None:
    p = _Params()
    raw_names = [f"c{i}" for i in range(len(plan.dialect.columns))]
    cols = ", ".join(f"_fields[{i + 1}] AS {internal_name(n)}" for i, n in enumerate(raw_names))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ll_dups AS
        SELECT rid FROM (
            SELECT rowid AS rid,
                   row_number() OVER (PARTITION BY customer_id ORDER BY {POSITION}) AS k
            FROM {target} WHERE NOT _bad AND customer_id IS NOT NULL)
        WHERE k > 1""")
    select = (f"SELECT o, 'duplicate_member' AS code, 'customer id ' || customer_id || "
              f"' is listed more than once (the first row is kept)' AS reason, "
              f"{_raw_text(plan, raw_names, p)} AS raw FROM ("
              f"SELECT {cols}, _fields, {POSITION} AS o, customer_id FROM {target} "
              f"WHERE rowid IN (SELECT rid FROM _ll_dups))")
    _insert_rejects(con, select, p.values, plan, report)
    con.execute(f"UPDATE {target} SET _bad = true WHERE rowid IN (SELECT rid FROM _ll_dups)")


def _reject_orders(con, plan: ReadPlan, target: str, report: LoadReport) -> None:
    """Reject every row of cancelled orders, and of orders with no date or amount on any row."""
    p = _Params()
    select = orders.rejects_sql(plan, target, p)
    if select is None:
        return
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ll_order_rej AS {select}", p.values)
    report.cancelled_orders = int(scalar(
        con, "SELECT count(DISTINCT k) FROM _ll_order_rej WHERE code = 'cancelled_order'"))
    if not scalar(con, "SELECT count(*) FROM _ll_order_rej"):
        return
    p = _Params()
    raw_names = [f"c{i}" for i in range(len(plan.dialect.columns))]
    cols = ", ".join(f"t._fields[{i + 1}] AS {internal_name(n)}" for i, n in enumerate(raw_names))
    select = (f"SELECT o, code, reason, {_raw_text(plan, raw_names, p)} AS raw FROM ("
              f"SELECT {cols}, t._fields, r.o, r.code, r.reason FROM {target} t "
              f"JOIN _ll_order_rej r ON t.rowid = r.rid)")
    _insert_rejects(con, select, p.values, plan, report)
    con.execute(f"UPDATE {target} SET _bad = true WHERE rowid IN (SELECT rid FROM _ll_order_rej)")


def _structural_rejects(con, plan: ReadPlan, report: LoadReport,
                        rejects: str | None) -> list[int]:
    """Records DuckDB could not split into fields (none without a ``rejects`` table); returns
    their line numbers."""
    base = plan.dialect.skip_lines
    # DuckDB numbers records, counting skipped ones; a quoted line break in the header makes
    # the data start more lines than records down.
    shift = plan.dialect.skip_lines - plan.dialect.skip_records
    structural = [] if rejects is None else con.execute(f"""
        SELECT line + $shift, min(error_type), min(csv_line), min(error_message)
        FROM {internal_name(rejects)} GROUP BY line ORDER BY line""",
                                                        {"shift": shift}).fetchall()
    rows = []
    for line, etype, text, message in structural:
        code, reason = _STRUCTURAL.get(etype, ("unreadable_line", message.splitlines()[0]))
        rows.append((report.file_id, report.filename, line, code, reason,
                     (text or "").strip("\r\n"), None))
    if rows:
        con.executemany(f"INSERT INTO {REJECTS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    lines = [r[0] for r in structural]
    con.execute("CREATE OR REPLACE TEMP TABLE _ll_struct_pos (pos BIGINT)")
    if lines:
        con.executemany("INSERT INTO _ll_struct_pos VALUES (?)",
                        [(line - base - 1 - j,) for j, line in enumerate(lines)])
    return lines


def _lines_differ_from_records(path: str, encoding: str, skip_lines: int, records: int) -> bool:
    """True when the file has more lines than header, preamble and records take: empty lines
    between records (DuckDB skips them) or quoted line breaks (DuckDB counts records, not lines)
    shift the line numbers DuckDB gives."""
    if encoding.startswith("utf-16"):
        return True  # NUL bytes hide the pattern; such files are small, so check the slow way
    lines, last = 0, b""
    crs = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(8 << 20):
            lines += chunk.count(b"\n")
            crs += chunk.count(b"\r")
            last = chunk[-1:]
    if lines == 0:
        lines = crs  # a file with carriage returns only
    if last not in (b"\n", b"\r", b""):
        lines += 1
    return lines != skip_lines + records


def _reject_dropped_lines(con, src: unclosed.Source, report: LoadReport) -> None:
    """Lines dropped for an unclosed quote become rejects; the other rejects get the line
    numbers of the original file."""
    dropped = src.dropped
    if not dropped:
        return
    expr, params = src.renumber_sql()
    con.execute(f"UPDATE {REJECTS_TABLE} SET line = {expr} WHERE file_id = ?",
                params + [report.file_id])
    code, reason = _STRUCTURAL["UNQUOTED VALUE"]
    con.executemany(f"INSERT INTO {REJECTS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(report.file_id, report.filename, line, code,
                      reason + "; reading went on with the next line", text, None)
                     for line, text in dropped])


def _fix_line_numbers(con, plan: ReadPlan, src: unclosed.Source, report: LoadReport,
                      reject_lines: list[int]) -> None:
    """Set the physical line of each reject by reading the file's records again in Python.

    Only run when the numbers DuckDB gives cannot be right (see
    :func:`_lines_differ_from_records`) and there are rejects, so the normal load stays in
    DuckDB.
    """
    wanted = {r[0] for r in con.execute(
        f"SELECT ordinal FROM {REJECTS_TABLE} WHERE file_id = $f AND ordinal IS NOT NULL",
        {"f": report.file_id}).fetchall()}
    structural = set(reject_lines)
    if not wanted and not structural:
        return
    found: dict[int, int] = {}
    moved: dict[int, int] = {}
    d = plan.dialect
    with open(src.path, encoding=src.encoding, errors="loyalty_latin1", newline="") as fh:
        for _ in range(d.skip_lines):
            fh.readline()
        lines = fh
        if d.escape == "\x00":
            lines = (text.replace("\x00" + d.quote, d.quote * 2) for text in fh)
        reader = csv.reader(lines, **csv_options(d.delimiter, d.quote, d.escape))
        k = 0
        start = d.skip_lines + 1
        for i, row in enumerate(reader):
            # A quoted line break makes a record span lines: it starts where the last one ended.
            line, start = start, d.skip_lines + reader.line_num + 1
            # DuckDB numbers the i-th record after the skipped ones like this (blank ones too).
            numbered = d.skip_lines + i + 1
            if numbered in structural:
                moved[numbered] = line
                continue
            if not row:
                continue
            if k in wanted:
                found[k] = line
            k += 1
            if len(found) == len(wanted) and len(moved) == len(structural):
                break
    values = [(line, report.file_id, k) for k, line in found.items()]
    if values:
        con.executemany(f"UPDATE {REJECTS_TABLE} SET line = ? WHERE file_id = ? AND ordinal = ?",
                        values)
    # Lines only move down: the last first, so no reject is moved twice.
    values = [(moved[old], report.file_id, old) for old in sorted(moved, reverse=True)
              if moved[old] != old]
    if values:
        con.executemany(f"UPDATE {REJECTS_TABLE} SET line = ? WHERE file_id = ? AND line = ? "
                        "AND ordinal IS NULL", values)


def _report_duplicate_orders(con, target: str, report: LoadReport) -> None:
    # A field the file's table does not store is missing on every row: it tells no rows apart.
    stored = columns(con, report.storage_table)
    fields = ", ".join(ident(f) for f in TABLES["transactions"].canonical_names if f in stored)
    # Only order ids on several rows need a closer look; most exports have none, and then one
    # grouping of the ids is all it costs.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ll_multi AS
        SELECT order_id FROM {target} WHERE order_id IS NOT NULL
        GROUP BY order_id HAVING count(*) > 1""")
    repeated = exact = 0
    report.order_ids_unique = not scalar(con, "SELECT count(*) FROM _ll_multi")
    if not report.order_ids_unique:
        repeated, exact = con.execute(f"""
            WITH multi AS (
                SELECT * FROM {target} WHERE order_id IN (SELECT order_id FROM _ll_multi))
            SELECT
                (SELECT count(*) FROM (SELECT order_id FROM multi GROUP BY order_id
                                       HAVING count(DISTINCT customer_id) > 1
                                           OR count(DISTINCT CAST(date AS DATE)) > 1)),
                (SELECT coalesce(sum(n - 1), 0) FROM (
                    SELECT count(*) AS n FROM multi GROUP BY {fields} HAVING count(*) > 1))
        """).fetchall()[0]
    con.execute("DROP TABLE _ll_multi")
    if repeated:
        report.duplicates["order_ids_reused"] = int(repeated)
        report.warnings.append(
            f"{repeated} order ids appear for different customers or on different days; "
            "check whether the export mixes order numbers from several systems.")
    if exact:
        report.duplicates["rows_exact_copies"] = int(exact)
        report.warnings.append(
            f"{exact} rows are exact copies of another row with the same order id (loaded, "
            "but they may be a double export).")


def count_records(plan: ReadPlan) -> int:
    """Records in the file as a load would count them (loaded + rejected), without loading.

    One pass of DuckDB's reader with the plan's dialect; used by ``inspect``.
    """
    con = duckdb.connect()
    try:
        with _utf8_source(plan) as path, tempfile.TemporaryDirectory(prefix="loyalty-") as tmp:
            source = unclosed.Source(path, tmp, "utf-8")

            def count(src: unclosed.Source) -> int:
                p = _Params()
                con.execute("DROP TABLE IF EXISTS _ll_count_rej")
                con.execute("DROP TABLE IF EXISTS _ll_count_scan")
                sql, _ = _source_sql(plan, src.path, p, "_ll_count_rej", "_ll_count_scan")
                good = scalar(con, f"SELECT count(*) FROM ({sql})", p.values)
                if src.may_drop and (s := unclosed.swallowed(con, "_ll_count_rej",
                                                             plan.dialect.quote)):
                    raise s
                return good

            good = source.read(count)
            bad = scalar(con, "SELECT count(DISTINCT line) FROM _ll_count_rej")
        return int(good) + int(bad) + len(source.dropped)
    finally:
        con.close()
