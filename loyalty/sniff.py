"""Decide how a text export is written: encoding, separator, preamble, header.

Only a sample of the file is read here; DuckDB parses the whole file later with exactly the
dialect decided here (``auto_detect=false``), so the two can never disagree about the layout.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from .errors import UnusableFile
from .schema import TABLES, normalise_header

SAMPLE_BYTES = 1 << 20
SAMPLE_RECORDS = 2000
FULL_ENCODING_CHECK_BYTES = 64 << 20
DELIMITERS = ("\t", ";", ",", "|")
WHITESPACE = "whitespace"

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _latin1_fallback(err: UnicodeDecodeError):
    # Bytes that Windows-1252 leaves undefined are read as Latin-1 so no byte is ever dropped.
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("loyalty_latin1", _latin1_fallback)


@dataclass
class Dialect:
    """How one file is laid out; everything DuckDB needs to read it without guessing."""

    encoding: str
    delimiter: str
    header: bool
    skip_lines: int
    columns: list[str]
    quote: str = '"'
    newline: str = "\n"
    whitespace_pattern: str | None = None
    header_line: int | None = None
    sample_rows: list[list[str]] = field(default_factory=list)
    sample_truncated: bool = False

    @property
    def delimiter_label(self) -> str:
        return {"\t": "tab", ";": "semicolon (;)", ",": "comma (,)", "|": "pipe (|)",
                WHITESPACE: "aligned with spaces"}[self.delimiter]

    @property
    def encoding_label(self) -> str:
        return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16",
                "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
                "cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}[self.encoding]

    @property
    def needs_transcoding(self) -> bool:
        return self.encoding not in ("utf-8", "utf-8-sig")


def _sniff_binary(head: bytes) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise UnusableFile(
            "excel_file",
            "This is an Excel workbook (.xlsx), not a CSV file: open it in Excel and use "
            "'Save as' > 'CSV UTF-8', then upload the CSV.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableFile(
            "excel_file",
            "This is an old Excel workbook (.xls), not a CSV file: open it in Excel and use "
            "'Save as' > 'CSV UTF-8', then upload the CSV.")
    if head.startswith(b"%PDF"):
        raise UnusableFile("pdf_file", "This is a PDF document, not a CSV export: export the "
                                       "data as CSV from your shop or till system instead.")
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        raise UnusableFile("archive_file", "This is a compressed archive: unpack it and upload "
                                           "the CSV file inside.")


def detect_encoding(path: str, head: bytes) -> str:
    """Name the text encoding of a file (a Python codec name).

    Byte-order marks decide first; UTF-16 without a mark shows as NUL bytes in every other
    position; otherwise UTF-8 is tried over the whole file (or, for very large files, over
    chunks spread across it), then Windows-1252, then Latin-1.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4:
        half = len(head) // 2
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * half and even < 0.05 * half:
            return "utf-16-le"
        if even > 0.3 * half and odd < 0.05 * half:
            return "utf-16-be"
    if b"\x00" in head:
        raise UnusableFile("binary_file", "This file holds binary data, not text: export the "
                                          "data as a CSV text file and upload that.")
    bad = _first_non_utf8_chunk(path)
    if bad is None:
        return "utf-8"
    if any(b in _CP1252_UNDEFINED for b in bad):
        return "latin-1"
    return "cp1252"


def _chunks_to_check(path: str):
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        if size <= FULL_ENCODING_CHECK_BYTES:
            while chunk := fh.read(8 << 20):
                yield chunk, fh.tell() >= size
            return
        step = size // 32
        for i in range(33):
            fh.seek(min(i * step, max(size - (256 << 10), 0)))
            chunk = fh.read(256 << 10)
            # A chunk may start inside a multi-byte character: skip continuation bytes.
            start = 0
            while start < len(chunk) and start < 4 and 0x80 <= chunk[start] < 0xC0:
                start += 1
            yield chunk[start:], fh.tell() >= size


def _first_non_utf8_chunk(path: str) -> bytes | None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    for chunk, final in _chunks_to_check(path):
        try:
            decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            return chunk
        if not final:
            decoder = codecs.getincrementaldecoder("utf-8")()
    return None


def _decode_sample(head: bytes, encoding: str, complete: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="loyalty_latin1")
    text = decoder.decode(head, final=complete)
    if not complete:
        # Drop the last, probably cut, line.
        cut = max(text.rfind("\n"), text.rfind("\r"))
        if cut > 0:
            text = text[:cut + 1]
    return text.lstrip("\ufeff")


def _parse(text: str, delimiter: str, limit: int = SAMPLE_RECORDS) -> list[tuple[int, list[str]]]:
    """Records of ``text`` as (1-based line where the record starts, fields)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        doublequote=True, strict=False)
    out: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            out.append((line, row))
            line = reader.line_num + 1
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def _split_whitespace(text: str, pattern: str, limit: int = SAMPLE_RECORDS):
    out = []
    for i, line in enumerate(text.splitlines()[:limit], start=1):
        stripped = line.strip()
        out.append((i, re.split(pattern, stripped) if stripped else []))
    return out


def _consistency(records) -> tuple[float, int]:
    """Share of non-blank records (from the first one of the modal width on) with that width."""
    widths = [len(r) for _, r in records if r and any(v.strip() for v in r)]
    if not widths:
        return 0.0, 0
    mode, _ = Counter(widths).most_common(1)[0]
    if mode < 2:
        return 0.0, mode
    first = widths.index(mode)
    tail = widths[first:]
    return sum(1 for w in tail if w == mode) / len(tail), mode


@functools.lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    names = {normalise_header(s) for t in TABLES.values() for f in t.fields for s in f.synonyms}
    names |= {normalise_header(f.name) for t in TABLES.values() for f in t.fields}
    return frozenset(names)


def _header_index(records) -> int | None:
    """Index of the first record that reads as a line of known column names."""
    known = _known_names()
    return next((i for i, (_, r) in enumerate(records[:50])
                 if len(r) >= 2 and sum(1 for v in r if normalise_header(v) in known) >= 2),
                None)


def _choose_layout(text: str):
    candidates = []
    for delim in DELIMITERS:
        records = _parse(text, delim)
        score, width = _consistency(records)
        if width >= 2:
            candidates.append((score, width, delim, records,
                               _header_index(records) is not None))
    # A German file split on commas can look consistent too ("12,50" in every row), but gives
    # fewer columns than the real separator, whose consistency damaged rows may lower: weigh
    # consistency by the number of columns. Half the records agreeing is still a clear signal.
    # A separator that splits a line into known column names wins outright.
    usable = [c for c in candidates if c[0] >= 0.5 or c[4]]
    best = max(usable, key=lambda c: (c[4], c[0] * c[1], c[0]), default=None)
    if best:
        return best[2], None, best[3], best[1]
    for pattern in (r"\s{2,}|\t", r"\s+"):
        records = _split_whitespace(text, pattern)
        score, width = _consistency(records)
        if width >= 2 and score >= 0.75 and len(records) >= 3:
            return WHITESPACE, pattern, records, width
    raise UnusableFile(
        "no_columns",
        "Could not find columns in this file: it needs one record per line with fields "
        "separated by a comma, semicolon, tab or pipe (or aligned with spaces).")


_NUMERIC = re.compile(r"^[-+(]?\s*[€$£]?\s*[0-9][0-9.,' ]*\s*[€$£]?\)?-?$")
_DATEISH = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _is_typed(value: str) -> bool:
    v = value.strip()
    return bool(v) and bool(_NUMERIC.match(v) or _DATEISH.match(v))


def _looks_like_header(first: list[str], rest: list[list[str]], known: frozenset[str]) -> bool:
    names = [normalise_header(v) for v in first]
    if any(n in known for n in names if n):
        return True
    if any(_is_typed(v) for v in first):
        return False
    if not any(v.strip() for v in first):
        return False
    for i, value in enumerate(first):
        column = [r[i] for r in rest if i < len(r) and r[i].strip()]
        if column and sum(_is_typed(v) for v in column) / len(column) >= 0.5:
            return True
    # All text both above and below: a header if its values never recur below it.
    return all(value not in {r[i] for r in rest if i < len(r)} for i, value in enumerate(first))


def _column_names(first: list[str], width: int, header: bool) -> list[str]:
    names: list[str] = []
    seen: Counter[str] = Counter()
    for i in range(width):
        raw = first[i].strip() if header and i < len(first) else ""
        name = raw or f"column_{i + 1}"
        name = "".join(c if ord(c) >= 32 else " " for c in name)[:120]
        seen[name] += 1
        if seen[name] > 1:
            name = f"{name}_{seen[name]}"
        names.append(name)
    return names


def sniff(path: str) -> Dialect:
    """Work out the dialect of the text file at ``path``.

    Raises :class:`UnusableFile` with one sentence for the user when the file is empty, binary,
    has no recognisable columns or holds a header but no data.
    """
    size = os.path.getsize(path)
    if size == 0:
        raise UnusableFile("empty_file", "The file is empty: export it again and check that "
                                         "the export contains rows.")
    with open(path, "rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    _sniff_binary(head)
    encoding = detect_encoding(path, head)
    text = _decode_sample(head, encoding, complete=size <= SAMPLE_BYTES)
    if not text.strip():
        raise UnusableFile("empty_file", "The file contains no data, only empty lines.")
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
    delimiter, pattern, records, width = _choose_layout(text)

    # The header (or first data row) is the first record of the modal width followed by others
    # of that width; anything above it is a preamble (report titles, export dates).
    widths = [len(r) if any(v.strip() for v in r) else 0 for _, r in records]

    def settled(i: int) -> bool:
        ahead = [x for x in widths[i + 1:] if x][:3]
        return sum(1 for x in ahead if x == width) >= min(2, len(ahead))

    # A line of known column names is the header and fixes the number of columns, however many
    # damaged rows follow it; otherwise the header or first data row is the first record of the
    # modal width followed by others of that width. Anything above it is a preamble.
    named = _header_index(records)
    if named is not None:
        start, width = named, len(records[named][1])
    else:
        start = next((i for i, w in enumerate(widths) if w == width and settled(i)),
                     widths.index(width))
    first_line, first = records[start]
    body = [r for _, r in records[start + 1:start + 200] if r and any(v.strip() for v in r)]
    header = _looks_like_header(first, body, _known_names())
    if header and not body:
        raise UnusableFile("header_only", "The file has a header line but no data rows: export "
                                          "it again with the rows included.")
    if header:
        data_start = records[start + 1][0] if start + 1 < len(records) else first_line + 1
        sample = [r for _, r in records[start + 1:]]
    else:
        data_start = first_line
        sample = [r for _, r in records[start:]]
    sample = [r for r in sample if r and any(v.strip() for v in r)]
    return Dialect(
        encoding=encoding,
        delimiter=delimiter,
        header=header,
        skip_lines=data_start - 1,
        columns=_column_names(first, width, header),
        newline=newline,
        whitespace_pattern=pattern,
        header_line=first_line if header else None,
        sample_rows=sample,
        sample_truncated=size > SAMPLE_BYTES,
    )


def transcode_to_utf8(path: str, encoding: str, out_path: str, chunk: int = 8 << 20) -> None:
    """Stream ``path`` into a UTF-8 copy, so DuckDB can read encodings it does not support."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="loyalty_latin1")
    with open(path, "rb") as src, open(out_path, "w", encoding="utf-8", newline="") as dst:
        first = True
        while data := src.read(chunk):
            text = decoder.decode(data)
            if first:
                text = text.lstrip("\ufeff")
                first = False
            dst.write(text)
        dst.write(decoder.decode(b"", final=True))
