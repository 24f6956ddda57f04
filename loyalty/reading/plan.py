"""How a file will be read: the dialect, the table it holds, the column mapping and the formats.

A :class:`ReadPlan` is what ``python -m loyalty inspect`` prints and what the Data page shows
before loading; every decision in it can be overridden by the caller.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from loyalty.errors import UnusableFile
from loyalty.reading.formats import (DATE_FORMATS, ColumnProfile, DateFormat, decide_decimal, order_patterns,
                      profile_column)
from loyalty.reading.mapping import best_table, missing_required, propose_mapping, table_scores
from loyalty.reading.orders import detect_layout
from loyalty.reading.schema import TABLES
from loyalty.reading.sniff import Dialect, sniff


@dataclass
class Question:
    """Something the data leaves open; the plan states the answer it assumed."""

    code: str
    column: str | None
    message: str
    assumed: str
    options: list[str] = field(default_factory=list)


@dataclass
class ReadPlan:
    path: str
    filename: str
    dialect: Dialect
    table: str
    table_scores: dict[str, float]
    mapping: dict[str, str]
    decimal: str
    date_formats: dict[str, DateFormat]
    profiles: dict[str, ColumnProfile]
    questions: list[Question]
    day_first: bool | None = None
    # "rows": one sale per row; "line_items": an order spans several rows (see loyalty.reading.orders).
    layout: str = "rows"

    @property
    def thousands(self) -> str:
        return "." if self.decimal == "," else ","

    @property
    def missing(self) -> list[str]:
        return missing_required(self.table, self.mapping)

    def date_format_label(self) -> str:
        labels = sorted({f.label for f in self.date_formats.values()})
        return ", ".join(labels) if labels else "-"

    def check_usable(self) -> None:
        """Raise :class:`UnusableFile` when a required field has no column."""
        missing = self.missing
        if missing:
            table = TABLES[self.table]
            names = ", ".join(missing)
            extra = ""
            if "amount" in missing and table.substitutes.get("amount"):
                extra = " (or both quantity and unit_price)"
            raise UnusableFile(
                "required_missing",
                f"This {self.table} file has no column for {names}{extra}: choose the column "
                f"that holds it in the mapping, or check that you exported the right file.")

    def to_dict(self) -> dict:
        d = self.dialect
        return {
            "file": self.filename,
            "table": self.table,
            "table_scores": {k: round(v, 2) for k, v in self.table_scores.items()},
            "encoding": d.encoding_label,
            "delimiter": d.delimiter_label,
            "decimal_separator": self.decimal,
            "thousands_separator": self.thousands,
            "date_format": self.date_format_label(),
            "layout": self.layout,
            "layout_label": LAYOUT_LABELS[self.layout],
            "header": d.header,
            "header_line": d.header_line,
            "skipped_lines_before_data": d.skip_lines,
            "columns": [
                {"name": c,
                 "type": _column_type(self.profiles[c]),
                 "maps_to": next((f for f, col in self.mapping.items() if col == c), None),
                 "samples": self.profiles[c].samples[:3]}
                for c in d.columns
            ],
            "mapping": dict(self.mapping),
            "missing_required": self.missing,
            "sample_records": len(d.sample_rows),
            "questions": [q.__dict__ for q in self.questions],
        }


LAYOUT_LABELS = {"rows": "one sale per row",
                 "line_items": "line items: orders span several rows"}


def _column_type(p: ColumnProfile) -> str:
    if p.non_empty == 0:
        return "empty"
    if p.is_date:
        return "date"
    if p.is_numeric:
        return "integer" if p.integer_share >= 0.99 else "number"
    return "text"


def _column_values(dialect: Dialect) -> dict[str, list[str]]:
    return {c: [r[i] if i < len(r) else "" for r in dialect.sample_rows]
            for i, c in enumerate(dialect.columns)}


def make_plan(path: str, filename: str | None = None, *, table: str | None = None,
              mapping: dict[str, str | None] | None = None, day_first: bool | None = None,
              decimal: str | None = None, dialect: Dialect | None = None,
              layout: str | None = None) -> ReadPlan:
    """Decide how to read ``path``; keyword arguments override what would be guessed.

    ``mapping`` overrides single fields (``{"amount": "Umsatz"}``; ``None`` unmaps a field);
    ``day_first`` settles the day/month order of slash and dash dates; ``layout`` ("rows" or
    "line_items") whether an order may span several rows.
    """
    filename = filename or os.path.basename(path)
    dialect = dialect or sniff(path)
    values = _column_values(dialect)
    european = dialect.delimiter == ";"
    prefer_day_first = european if day_first is None else day_first
    profiles = {c: profile_column(c, values[c], prefer_day_first) for c in dialect.columns}
    scores = table_scores(dialect.columns, profiles, values, filename)
    if table is not None and table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    table = table or best_table(scores)
    proposed = propose_mapping(table, dialect.columns, profiles, values)
    for fname, col in (mapping or {}).items():
        if fname not in TABLES[table].field_names:
            raise ValueError(f"{table} has no field {fname!r}")
        if col is None or col == "":
            proposed.pop(fname, None)
            continue
        if col not in dialect.columns:
            raise ValueError(f"the file has no column {col!r}")
        for other, c in list(proposed.items()):
            if c == col and other != fname:
                del proposed[other]
        proposed[fname] = col

    date_fields = [f.name for f in TABLES[table].fields if f.kind in ("timestamp", "date")]
    families = [profiles[proposed[f]].date.fmt.family for f in date_fields
                if f in proposed and profiles[proposed[f]].date and profiles[proposed[f]].date.fmt]
    dec, decided = decide_decimal(
        [profiles[c] for c in proposed.values()] or list(profiles.values()),
        dialect.delimiter, families)
    questions: list[Question] = []
    if decimal is not None:
        if decimal not in (",", "."):
            raise ValueError("decimal separator must be ',' or '.'")
        dec = decimal
    elif not decided and any(profiles[c].is_numeric and profiles[c].integer_share < 1
                             for c in proposed.values()):
        questions.append(Question(
            "decimal_separator", None,
            f"Numbers such as 1.250 could mean 1250 or 1.25; read with '{dec}' as the decimal "
            "separator because of how the file is laid out.", dec, [",", "."]))

    date_formats: dict[str, DateFormat] = {}
    for f in date_fields:
        col = proposed.get(f)
        if col is None:
            continue
        guess = profiles[col].date
        fmt = guess.fmt if guess and guess.fmt else None
        if fmt is None:
            fmt = DATE_FORMATS["dmy_dot"] if european else DATE_FORMATS["iso"]
        if day_first is not None and fmt.family.split("_")[0] in ("dmy", "mdy") \
                and fmt.family != "dmy_dot":
            fmt = DATE_FORMATS[("dmy_" if day_first else "mdy_") + fmt.family.split("_")[1]]
        elif guess and guess.ambiguous:
            questions.append(Question(
                "day_first", col,
                f"Dates in column '{col}' (e.g. {profiles[col].samples[0]}) fit both day/month "
                f"and month/day order; read as {fmt.label}. Choose the order if this is wrong.",
                fmt.label, ["day_first", "month_first"]))
        date_formats[f] = order_patterns(fmt, values[col])

    ordered = sorted(scores.items(), key=lambda kv: -kv[1])
    if table == ordered[0][0] and ordered[1][1] >= ordered[0][1] - 0.5 and ordered[0][1] > 0:
        questions.append(Question(
            "table", None,
            f"This file could be {ordered[0][0]} or {ordered[1][0]}; read as {table}.",
            table, list(TABLES)))
    if layout is not None and layout not in LAYOUT_LABELS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUT_LABELS)}")
    if layout == "line_items" and ("order_id" not in proposed or table != "transactions"):
        raise ValueError("line items need an order id column in a transactions file")
    layout = layout or detect_layout(table, proposed, values)
    return ReadPlan(path=path, filename=filename, dialect=dialect, table=table,
                    table_scores=scores, mapping=proposed, decimal=dec,
                    date_formats=date_formats, profiles=profiles, questions=questions,
                    day_first=day_first, layout=layout)
