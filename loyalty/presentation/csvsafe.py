"""The one CSV writer behind every download and every CLI output: safe to open in Excel.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and
some readers do the same after a leading tab, carriage return or line feed, or after leading
spaces. Every text cell that starts like that gets a leading apostrophe, so it opens as the text
it is. Whether a cell is a number is decided by its type, never by its look: an amount (numeric
dtype or a Python number) is written as it is, so -5 stays -5, while the text "-2+3" or "+1"
from an upload is text and is neutralised.

Every field is quoted: unquoted, a value holding a carriage return would be split by a reader
that takes CR as a line break, and the part after it would start a new row, past any apostrophe
put in front.
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable
from typing import BinaryIO

import pandas as pd

# Characters that make a spreadsheet read a cell as a formula, and the whitespace that some
# readers skip before looking.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NEUTRALISER = "'"
# Excel recognises a UTF-8 file by its byte-order mark; without it umlauts come out garbled.
BOM = "\ufeff"
QUOTING = csv.QUOTE_ALL
LINE_END = "\r\n"
# Separator and decimal sign per language, as that language's Excel opens a CSV file by a
# double click: German Excel splits at ";" and reads "12,5" as a number (with "," it would put
# every row into one cell).
STYLE = {"en": (",", "."), "de": (";", ",")}


def safe_cell(value):
    """``value`` as it can be written to a CSV cell without a spreadsheet running it.

    Text that starts with a formula character, also after leading whitespace, gets an
    apostrophe in front; numbers, dates and missing values are left alone.
    """
    if isinstance(value, str) and (value.startswith(FORMULA_START)
                                   or value.lstrip().startswith(FORMULA_START)):
        return NEUTRALISER + value
    return value


def _is_number_column(series: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)
            or pd.api.types.is_datetime64_any_dtype(series))


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are safe (see :func:`safe_cell`).

    Columns of a numeric, boolean or date type keep their values; in a column of mixed Python
    objects (a scenario's values) each cell is judged by its own type.
    """
    out = frame.copy()
    for c in out.columns:
        if not _is_number_column(out[c]):
            out[c] = out[c].astype(object).map(safe_cell)
    out.columns = [safe_cell(str(c)) for c in out.columns]
    return out


def _text(value, decimal: str = ".") -> str:
    """One cell's text: empty for a missing value, numbers as Python writes them with
    ``decimal`` as the decimal sign."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        text = str(value)
        return text.replace(".", decimal) if isinstance(value, numbers.Real) else text
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def write_rows(fh, header: list[str] | None, rows: Iterable[Iterable], lang: str = "en") -> int:
    """Write ``header`` (when given) and ``rows`` to the text stream ``fh``, every cell made
    safe and quoted, separator and decimal sign as ``lang`` writes them (:data:`STYLE`);
    returns the number of rows written (without the header)."""
    delimiter, decimal = STYLE.get(lang, STYLE["en"])
    writer = csv.writer(fh, delimiter=delimiter, quoting=QUOTING, lineterminator=LINE_END)
    if header is not None:
        writer.writerow([_text(safe_cell(str(h))) for h in header])
    n = 0
    for row in rows:
        writer.writerow([_text(safe_cell(v), decimal) for v in row])
        n += 1
    return n


def write_frame(fh, frame: pd.DataFrame, header: bool = True, lang: str = "en") -> int:
    """Write ``frame`` (without its index) to the text stream ``fh``; see :func:`write_rows`."""
    safe = safe_frame(frame)
    return write_rows(fh, list(safe.columns) if header else None,
                      safe.itertuples(index=False, name=None), lang)


def to_csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """``frame`` as a download: UTF-8 with a byte-order mark, every cell safe and quoted, in
    ``lang``'s separator and decimal sign."""
    buf = io.StringIO()
    buf.write(BOM)
    write_frame(buf, frame, lang=lang)
    return buf.getvalue().encode("utf-8")


def write_cursor(out: BinaryIO | str, cursor, chunk_rows: int = 50_000,
                 lang: str = "en") -> int:
    """Write the result of a DuckDB query (``cursor`` after ``execute``) as CSV to the path or
    binary stream ``out``, a chunk at a time so a large result never sits in memory whole;
    returns the number of rows. UTF-8 with a byte-order mark and ``lang``'s separator and
    decimal sign, like every download."""
    header = [d[0] for d in cursor.description]
    own = isinstance(out, str)
    fh = open(out, "wb") if own else out
    try:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
        text.write(BOM)
        n = 0
        write_rows(text, header, (), lang)
        while rows := cursor.fetchmany(chunk_rows):
            n += write_rows(text, None, rows, lang)
        text.flush()
        text.detach()
    finally:
        if own:
            fh.close()
    return n
