"""Which columns DuckDB's own reader may convert while it reads (typed reading).

Converting text after reading costs more than reading itself: on ten million records the
checking conversion of :mod:`loyalty.reading.ingest` takes about twice the read. For a column
whose sample values are all plain numbers or dates of one layout, DuckDB's reader converts the
column as it splits the lines. The result is the same as the checking conversion's, value for
value, because both use DuckDB's own number and date parsers: the checking conversion tries
exactly that parse first (``ll_number_dot``, ``ll_number_comma``, the date's first layout) and
goes on to grouped numbers, currency signs and other layouts only when it fails. A value the
typed read cannot convert makes the whole read fail, and the load reads the file again with the
checking conversion, which names the line and the reason. So the sample only decides which read
is tried first; it never decides what a value means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from loyalty.reading.formats import MONTH_NAME_FAMILIES
from loyalty.reading.orders import cancelled_sql
from loyalty.reading.plan import ReadPlan
from loyalty.reading.schema import TABLES
from loyalty.reading.sniff import WHITESPACE

NUMBER_KINDS = ("money", "number")
DATE_KINDS = ("timestamp",)


@dataclass
class TypedRead:
    """DuckDB types by canonical field, and the reader options they need."""

    types: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)


def plain_number_sql(v: str, decimal: str) -> str:
    """SQL reading text ``v`` as DuckDB's reader reads a DOUBLE column with ``decimal`` as its
    separator; NULL when it cannot, or when the number is not finite (``inf``, ``nan``)."""
    if decimal == ",":
        return (f"CASE WHEN NOT contains({v}, '.') THEN "
                f"ll_finite(TRY_CAST(replace({v}, ',', '.') AS DOUBLE)) END")
    return f"ll_finite(TRY_CAST({v} AS DOUBLE))"


def eligible(plan: ReadPlan) -> bool:
    """Whether the load keeps no record's text but rejected ones: then a typed read, which has
    no text of its converted columns, can stand in for the checking one."""
    return (plan.table != "members" and plan.layout == "rows"
            and plan.dialect.delimiter != WHITESPACE
            and cancelled_sql(plan.mapping, lambda v: "NULL") is None)


def typed_read(plan: ReadPlan, con: duckdb.DuckDBPyConnection) -> TypedRead | None:
    """The columns of ``plan`` whose every sample value the typed read converts; None when
    there are none or the plan cannot be read typed at all (see :func:`eligible`).

    ``con`` runs the test on the sample (DuckDB's parsers, the ingest macros installed).
    """
    if not eligible(plan):
        return None
    read = TypedRead()
    for f in TABLES[plan.table].fields:
        col = plan.mapping.get(f.name)
        if col is None or f.stage_only:
            continue
        values = [v for v in _sample(plan, col) if v != ""]
        if not values:
            continue
        if f.kind in NUMBER_KINDS:
            # DuckDB refuses a decimal separator that also splits or quotes fields.
            d = plan.dialect
            if plan.decimal in (d.delimiter, d.quote, d.escape):
                continue
            if _all_convert(con, plain_number_sql("v", plan.decimal), values):
                read.types[f.name] = "DOUBLE"
        elif f.kind in DATE_KINDS:
            fmt = plan.date_formats.get(f.name)
            if fmt is None or fmt.family in MONTH_NAME_FAMILIES:
                continue
            if fmt.iso:
                if _all_convert(con, "TRY_CAST(v AS TIMESTAMP)", values):
                    read.types[f.name] = "TIMESTAMP"
            elif "timestampformat" not in read.options and _all_convert(
                    con, "try_strptime(v, $pattern)", values, {"pattern": fmt.patterns[0]}):
                read.types[f.name] = "TIMESTAMP"
                read.options["timestampformat"] = fmt.patterns[0]
    if not read.types:
        return None
    if plan.decimal == "," and "DOUBLE" in read.types.values():
        read.options["decimal_separator"] = ","
    return read


def _sample(plan: ReadPlan, column: str) -> list[str]:
    i = plan.dialect.columns.index(column)
    return [r[i] if i < len(r) else "" for r in plan.dialect.sample_rows]


def _all_convert(con, expr: str, values: list[str], params: dict | None = None) -> bool:
    failed = con.execute(
        f"SELECT count(*) FROM (SELECT unnest($values) AS v) WHERE ({expr}) IS NULL",
        {"values": values, **(params or {})}).fetchall()[0][0]
    return failed == 0
