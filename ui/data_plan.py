"""Data page helpers: staging uploads, the manager's corrections to how a file is read, one plan
per file and run, and what a load did with every file in the upload box.

Grain: one entry per file in the upload box. Dialect, plan and load results are kept in
``st.session_state`` so a rerun (any widget change) neither sniffs nor plans a file again unless
one of its settings changed.
"""

from __future__ import annotations

import hashlib
import inspect
import os
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from loyalty.reading import sniff as sniff_module
from loyalty.presentation.csvsafe import write_cursor
from loyalty.storage.dataset import Dataset
from loyalty.errors import UnusableFile
from loyalty.reading.formats import DATE_FORMATS, order_patterns
from loyalty.presentation.i18n import CATALOGUE, LANGUAGES, fmt_number, t
from loyalty.reading.ingest import REJECTS_TABLE, load_summary
from loyalty.reading.plan import ReadPlan, make_plan
from loyalty.reading.schema import TABLES
from loyalty.reading.sniff import WHITESPACE, Dialect, sniff
from loyalty.storage.sqlsafe import ident
from loyalty.presentation.text import escape_markdown
from loyalty.reading.uploads import (WORK_PREFIX, UploadFolder, remove_file, remove_stale,
                                     work_root)
from ui import choices
from ui.choices import localized
from ui.state import tr

AUTO = "auto"
# Escape choice meaning "a quote inside a quoted field is written twice" (escape = quote).
DOUBLED = "doubled"
PREVIEW_ROWS = 20
REJECTS_SHOWN = 500

ENCODINGS = tuple(getattr(sniff_module, "ENCODINGS", (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "mixed")))
DELIMITERS = (",", ";", "\t", "|", " ", WHITESPACE)
QUOTES = ('"', "'", "")
ESCAPES = (DOUBLED, "\\", "")

# Codes of the dialect in i18n keys (data.enc.*, data.delim.*, data.quote.*, data.escape.*).
ENCODING_KEYS = {"utf-8": "utf8", "utf-8-sig": "utf8_bom", "utf-16": "utf16",
                 "utf-16-le": "utf16le", "utf-16-be": "utf16be", "cp1252": "cp1252",
                 "latin-1": "latin1", "mixed": "mixed"}
DELIMITER_KEYS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", " ": "space",
                  WHITESPACE: "whitespace"}
QUOTE_KEYS = {'"': "double", "'": "single", "": "none"}
ESCAPE_KEYS = {DOUBLED: "doubled", "\\": "backslash", "": "none", "\x00": "nul"}

OVERRIDES = ("encoding", "delimiter", "quote", "escape", "header_line")


def _sniff_takes_overrides() -> bool:
    return "delimiter" in inspect.signature(sniff).parameters


SNIFF_TAKES_OVERRIDES = _sniff_takes_overrides()


# -- labels ----------------------------------------------------------------------------------
def encoding_label(code: str, lang: str) -> str:
    return t(f"data.enc.{ENCODING_KEYS.get(code, 'utf8')}", lang)


def delimiter_label(code: str, lang: str) -> str:
    return t(f"data.delim.{DELIMITER_KEYS[code]}", lang)


def quote_label(code: str, lang: str) -> str:
    return t(f"data.quote.{QUOTE_KEYS[code]}", lang)


def escape_code(dialect: Dialect) -> str:
    """The escape of ``dialect`` as a choice of :data:`ESCAPES` (or "\\x00", detected only)."""
    esc = getattr(dialect, "escape", None)
    if esc is None or (esc == dialect.quote and esc):
        return DOUBLED
    return esc if esc in ESCAPE_KEYS else DOUBLED


def escape_label(code: str, lang: str) -> str:
    return t(f"data.escape.{ESCAPE_KEYS[code]}", lang)


def date_layout_label(family: str, lang: str) -> str:
    return t(f"data.datefmt.{family}", lang)


def header_label(dialect: Dialect, lang: str) -> str:
    if dialect.header and dialect.header_line:
        return t("data.header_line", lang, line=dialect.header_line)
    return t("data.no_header", lang)


def read_as(plan: ReadPlan, lang: str) -> str:
    """One sentence saying how the file is read, built from codes (never English labels)."""
    d = plan.dialect
    families = sorted({f.family for f in plan.date_formats.values()})
    dates = ", ".join(date_layout_label(f, lang) for f in families) or "–"
    return t("data.read_as", lang, encoding=encoding_label(d.encoding, lang),
             delimiter=delimiter_label(d.delimiter, lang), decimal=plan.decimal, dates=dates,
             header=header_label(d, lang))


def expected_forms(plan: ReadPlan) -> dict[str, str]:
    """How each number and date field of ``plan`` was read, by field: "decimal:," or
    "date:<layout family>" (plain data, so an outcome keeps it after the plan is gone)."""
    forms = {}
    for f in TABLES[plan.table].fields:
        if f.name not in plan.mapping:
            continue
        if f.kind in ("money", "number"):
            forms[f.name] = f"decimal:{plan.decimal}"
        elif f.kind in ("timestamp", "date") and f.name in plan.date_formats:
            forms[f.name] = f"date:{plan.date_formats[f.name].family}"
    return forms


def _expected(form: str, lang: str) -> str:
    kind, _, value = form.partition(":")
    if kind == "date":
        return date_layout_label(value, lang)
    return t("reason.expect_comma" if value == "," else "reason.expect_point", lang)


def reason_label(code: str, lang: str, forms: dict[str, str] | None = None) -> str:
    """A reject reason code in ``lang``; an unknown code is shown as it is rather than failing.
    With ``forms`` (:func:`expected_forms`), an unreadable number or date says what was
    expected: the manager sees "1234.5" in the line and "expected a decimal comma" here.

    A code with a label of its own comes first: "invalid_encoding" is not field "encoding".
    """
    if f"reason.{code}" in CATALOGUE:
        return t(f"reason.{code}", lang)
    for prefix in ("missing_", "invalid_"):
        name = code[len(prefix):]
        if code.startswith(prefix) and f"field.{name}" in CATALOGUE:
            field_label = t(f"field.{name}", lang)
            if prefix == "invalid_" and forms and name in forms:
                return t("reason.invalid_expected", lang, field=field_label,
                         expected=_expected(forms[name], lang))
            return t(f"reason.{prefix[:-1]}", lang, field=field_label)
    return code


@dataclass(frozen=True)
class Why:
    """Why a file is not loaded, kept as an i18n key so it follows a language switch.

    Its values are file names and the loader's details (which quote the file's own text), so
    :meth:`text` escapes them: the sentence is shown as Markdown.
    """

    key: str
    kwargs: tuple = ()
    # Field names, shown translated in place of ``{fields}``.
    fields: tuple = ()

    def text(self, lang: str) -> str:
        # Numbers are kept as numbers and written in the language's own way (2,000 / 2.000);
        # text from the file is shown as text.
        kw = {k: fmt_number(v, lang) if isinstance(v, int) else escape_markdown(v)
              for k, v in self.kwargs}
        if self.fields:
            kw["fields"] = ", ".join(t(f"field.{f}", lang) for f in self.fields)
        return t(self.key, lang, **kw)


def unusable_why(err: UnusableFile, missing: list[str] | None = None) -> Why:
    if err.code == "required_missing" and missing:
        return Why("err.required_missing", fields=tuple(missing))
    try:
        t(f"err.{err.code}")
    except KeyError:
        return Why("err.unreadable", (("detail", err.message),))
    return Why(f"err.{err.code}", tuple(sorted(err.params.items())))


def unreadable_why(exc: Exception) -> Why:
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
    return Why("err.unreadable", (("detail", detail),))


# -- staging ---------------------------------------------------------------------------------
@dataclass
class Entry:
    """One file of the upload box, written to disk while it is read (DuckDB reads it from
    there) and deleted once loaded; ``source`` keeps the uploader's copy to write it again."""

    fid: str
    name: str
    path: str
    digest: str
    # Set when the file cannot be loaded before any plan is made (same file twice).
    duplicate_of: str | None = None
    source: object = None


def upload_dir() -> str:
    """This session's upload folder; it is removed when the session ends (see
    :class:`loyalty.reading.uploads.UploadFolder`)."""
    folder = st.session_state.get("data_tmp")
    if getattr(folder, "path", None) is None or not os.path.isdir(folder.path):
        folder = st.session_state["data_tmp"] = UploadFolder()
    return folder.path


@st.cache_resource(show_spinner=False)
def clean_stale_uploads() -> list[str]:
    """Once per server process: remove upload and engine work folders a killed server left
    behind."""
    return remove_stale() + remove_stale(work_root(), prefix=WORK_PREFIX)


def on_disk(entry: Entry) -> str:
    """The path of ``entry``, written again from the upload box when a load deleted it and the
    manager now changes how it is read (or loads it again)."""
    if not os.path.exists(entry.path) and entry.source is not None:
        os.makedirs(os.path.dirname(entry.path), exist_ok=True)
        with open(entry.path, "wb") as fh:
            fh.write(entry.source.getbuffer())
    return entry.path


def discard(entries: list[Entry]) -> None:
    """Delete the files of ``entries`` from disk: once loaded, the data is in the session's
    database and the upload box still has them should they be needed again."""
    for entry in entries:
        remove_file(entry.path)


def stage(files) -> list[Entry]:
    """Every file of the upload box, in box order, written to disk once per upload.

    Files that are not (or no longer) stored by Streamlit come back without a name and are left
    out; a file whose bytes equal an earlier one in the box is marked ``duplicate_of``, because
    loading it would count every sale twice.
    """
    known: dict[str, tuple[str, str]] = st.session_state.setdefault("data_paths", {})
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for uf in files or []:
        name = getattr(uf, "name", None)
        if name is None:
            continue
        fid = uf.file_id
        if fid not in known:
            safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[-80:]
            path = os.path.join(upload_dir(), f"{fid}_{safe}")
            data = uf.getbuffer()
            with open(path, "wb") as fh:
                fh.write(data)
            known[fid] = (path, hashlib.sha256(data).hexdigest())
        path, digest = known[fid]
        entry = Entry(fid, name, path, digest, duplicate_of=seen.get(digest), source=uf)
        seen.setdefault(digest, name)
        entries.append(entry)
    current = {e.fid for e in entries}
    for fid in [f for f in known if f not in current]:
        path, _ = known.pop(fid)
        remove_file(path)
        for cache in ("data_dialects", "data_plans"):
            for k in [k for k in st.session_state.get(cache, {}) if k[0] == fid]:
                del st.session_state[cache][k]
    return entries


# -- dialect and plan ------------------------------------------------------------------------
def overrides_from_state(fid: str) -> dict:
    """The manager's dialect choices for one file (``None`` where detection decides)."""
    out = {}
    for name in OVERRIDES:
        value = choices.value(f"data_{name}_{fid}")
        if name == "header_line":
            out[name] = None if value is None else int(value)
        else:
            out[name] = None if value in (None, AUTO) else value
    return out


def overrides_signature(overrides: dict) -> str:
    """A short stable text for a set of overrides (part of widget keys that depend on columns)."""
    text = repr(tuple(overrides.get(k) for k in OVERRIDES))
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def dialect_for(entry: Entry, overrides: dict) -> Dialect:
    """The dialect of ``entry`` with ``overrides``: sniffed once per file and overrides, then
    taken from the session's cache (a failure is cached too and raised again)."""
    cache = st.session_state.setdefault("data_dialects", {})
    key = (entry.fid,) + tuple(overrides.get(k) for k in OVERRIDES)
    if key not in cache:
        try:
            cache[key] = _sniff(entry, overrides)
        except (UnusableFile, ValueError) as err:
            cache[key] = err
    hit = cache[key]
    if isinstance(hit, Exception):
        raise hit
    return hit


def _sniff(entry: Entry, overrides: dict) -> Dialect:
    kwargs = {k: v for k, v in overrides.items() if v is not None}
    on_disk(entry)
    if not kwargs or not SNIFF_TAKES_OVERRIDES:
        return sniff(entry.path)
    if kwargs.get("escape") == DOUBLED:
        quote = kwargs.get("quote")
        if quote is None:
            without = dict(overrides, escape=None)
            quote = dialect_for(entry, without).quote
        kwargs["escape"] = quote
    return sniff(entry.path, **kwargs)


def column_values(dialect: Dialect, column: str) -> list[str]:
    i = dialect.columns.index(column)
    return [r[i] if i < len(r) else "" for r in dialect.sample_rows]


def plan_for(entry: Entry, overrides: dict, table: str | None, mapping: dict,
             decimal: str | None, date_layouts: dict[str, str]
             ) -> tuple[ReadPlan, dict[str, str]]:
    """The read plan for one file with the manager's choices; made once per file content and
    set of choices.

    ``date_layouts`` maps a date field to a family of :data:`loyalty.reading.formats.DATE_FORMATS`;
    ``make_plan`` has no parameter for it, so the plan's format for that field is replaced, with
    the patterns ordered by the sample values as ``make_plan`` does. Returns the plan and the
    date family detected for each date field (before the manager's choice).
    """
    dialect = dialect_for(entry, overrides)
    cache = st.session_state.setdefault("data_plans", {})
    # The upload id comes first (``stage`` drops a removed file's entries by it), the content
    # hash and the dialect choices next.
    base = (entry.fid, entry.digest, overrides_signature(overrides))
    layouts = tuple(sorted(date_layouts.items()))
    key = base + (table, tuple(sorted(mapping.items())), decimal, layouts)
    if key in cache:
        return cache[key]
    plan = make_plan(on_disk(entry), entry.name, dialect=dialect, table=table, mapping=mapping,
                     decimal=decimal)
    detected = {f: fmt.family for f, fmt in plan.date_formats.items()}
    for fname, family in date_layouts.items():
        column = plan.mapping.get(fname)
        if column is None or fname not in plan.date_formats or family not in DATE_FORMATS:
            continue
        plan.date_formats[fname] = order_patterns(DATE_FORMATS[family],
                                                  column_values(plan.dialect, column))
        plan.questions = [q for q in plan.questions
                          if not (q.code == "day_first" and q.column == column)]
    # Once drawn, the plan's widgets report its own table, mapping (every field, None where
    # unmapped) and decimal separator on each later run: those choices get the same plan
    # instead of planning the file again to the same result.
    drawn = base + (plan.table, tuple(sorted((f.name, plan.mapping.get(f.name))
                                             for f in TABLES[plan.table].fields)),
                    plan.decimal, layouts)
    # A file keeps its latest plan only (the samples a plan holds are up to a megabyte).
    for k in [k for k in cache if k[0] == entry.fid]:
        del cache[k]
    cache[key] = cache[drawn] = (plan, detected)
    return plan, detected


def mapping_editor(table: str, columns: list[str], mapping: dict[str, str],
                   samples: dict[str, list[str]], key: str) -> None:
    """One select box per field of ``table`` over ``columns``, starting at ``mapping``, with a
    few values of the chosen column beside it: the mapping screen of a CSV file and of a table
    another engine holds. The choice of field F is kept under ``key + F``."""
    st.markdown(f"**{tr('data.mapping')}**", help=tr("data.mapping_help"))
    options = [""] + list(columns)
    head = st.columns([2, 3, 4])
    head[0].caption(tr("data.field"))
    head[1].caption(tr("data.column"))
    head[2].caption(tr("data.samples"))
    for f in TABLES[table].fields:
        current = mapping.get(f.name) or ""
        row = st.columns([2, 3, 4], vertical_alignment="center")
        row[0].markdown(tr(f"field.{f.name}") + (" \\*" if f.required else ""))
        choice = localized(
            row[1].selectbox, tr(f"field.{f.name}"), options,
            index=options.index(current) if current in options else 0,
            format_func=lambda c: c or tr("data.not_mapped"), label_visibility="collapsed",
            key=key + f.name)
        if choice:
            row[2].caption(" · ".join(escape_markdown(v) for v in samples.get(choice, [])[:3])
                           or "—")


def preview(dialect: Dialect, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first ``rows`` records as the loader splits them, under the file's column names; a
    record with more fields than the header shows them in extra columns ("+1", "+2")."""
    sample = dialect.sample_rows[:rows]
    width = max([len(dialect.columns)] + [len(r) for r in sample])
    names = list(dialect.columns) + [f"+{i}" for i in range(1, width - len(dialect.columns) + 1)]
    return pd.DataFrame([list(r) + [""] * (width - len(r)) for r in sample],
                        columns=names, dtype="string")


# -- results ---------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What happened to one file of the box when the manager pressed load."""

    file: str
    table: str | None = None
    error: Why | None = None
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    notices: dict[str, int] = field(default_factory=dict)
    layout: str | None = None
    orders: int | None = None
    cancelled_orders: int = 0
    refunded_orders: int = 0
    refund_total: float = 0.0
    converted_lines: int = 0
    # How number and date fields were read (expected_forms), for the reject reasons.
    forms: dict[str, str] = field(default_factory=dict)
    rejects: pd.DataFrame | None = None
    # The rejected rows as CSV, one file per UI language (headers and reasons in that language).
    rejects_csv: dict[str, str] = field(default_factory=dict)


def outcome_of(ds: Dataset, report, out_dir: str, n: int) -> Outcome:
    """A loaded file's counts, reasons and first rejected rows, kept apart from ``ds`` (which a
    failed load closes); the full rejected rows go to a CSV file written by DuckDB."""
    o = Outcome(file=report.filename, table=report.table, read=report.rows_read,
                loaded=report.rows_loaded, rejected=report.rows_rejected,
                skipped=report.rows_skipped, reasons=dict(report.reasons), duplicates=dict(report.duplicates),
                notices=dict(report.notices),
                layout=getattr(report, "layout", None), orders=getattr(report, "orders", None),
                cancelled_orders=getattr(report, "cancelled_orders", 0) or 0,
                refunded_orders=getattr(report, "refunded_orders", 0) or 0,
                refund_total=getattr(report, "refund_total", 0.0) or 0.0,
                converted_lines=getattr(report.plan.dialect, "converted_lines", 0) or 0,
                forms=expected_forms(report.plan))
    if report.rows_rejected:
        o.rejects = ds.rejects(report.file_id, limit=REJECTS_SHOWN)
        for lang in LANGUAGES:
            o.rejects_csv[lang] = os.path.join(out_dir, f"rejected_{n}_{lang}.csv")
            write_rejects(ds, report.file_id, o.rejects_csv[lang], lang, o.forms)
    return o


def write_rejects(ds: Dataset, file_id: int, path: str, lang: str = "en",
                  forms: dict[str, str] | None = None) -> None:
    """All rejected records of one file to ``path``, a chunk at a time (no pandas copy of them
    all): file, line, the reason in ``lang``, the loader's detail (English), the code and the
    original text, through the formula-safe writer since that text is whatever the file held.
    """
    codes = [r[0] for r in ds.con.execute(
        f"SELECT DISTINCT code FROM {REJECTS_TABLE} WHERE file_id = $f",
        {"f": file_id}).fetchall()]
    labels = [reason_label(c, lang, forms) for c in codes]
    names = [ident(t(f"rejects.{c}", lang)) for c in ("file", "line", "reason", "detail",
                                                        "code", "raw")]
    write_cursor(path, ds.con.cursor().execute(
        f"SELECT file AS {names[0]}, line AS {names[1]}, "
        f"coalesce(list_extract($labels, list_position($codes, code)), code) "
        f"AS {names[2]}, reason AS {names[3]}, code AS {names[4]}, raw AS {names[5]} "
        f"FROM {REJECTS_TABLE} WHERE file_id = $f ORDER BY line",
        {"f": file_id, "codes": codes, "labels": labels}), lang=lang)


def understood(o: Outcome, lang: str) -> str | None:
    """How a transactions file was read (:func:`loyalty.reading.ingest.load_summary`); None for the
    other tables."""
    if o.table != "transactions":
        return None
    return load_summary(o.read, o.rejected, o.reasons, o.layout, o.orders, o.refunded_orders,
                        o.refund_total, o.cancelled_orders, lang, o.skipped)


def previous_label(ds: Dataset, lang: str) -> str:
    if ds.label == "demo":
        return t("data.previous_demo", lang)
    if ds.reports:
        return t("data.previous_own", lang,
                 files=", ".join(escape_markdown(r.filename) for r in ds.reports))
    return t("data.previous_none", lang)


def read_rejects_csv(path: str) -> bytes:
    """The rejected rows file as written by :func:`write_rejects` (byte-order mark included)."""
    with open(path, "rb") as fh:
        return fh.read()
