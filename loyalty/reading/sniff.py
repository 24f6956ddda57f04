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

from loyalty.errors import UnusableFile
from loyalty.reading.schema import TABLES, normalise_header

SAMPLE_BYTES = 1 << 20
# Shop and till exports have tens of columns, the widest platform exports a few hundred. A file
# with thousands is no export the dashboard can use (or is split at the wrong separator), and
# planning, previewing and mapping it would only keep the session busy.
MAX_COLUMNS = 2000
SAMPLE_RECORDS = 2000
FULL_ENCODING_CHECK_BYTES = 64 << 20
DELIMITERS = ("\t", ";", ",", "|")
WHITESPACE = "whitespace"
SPACE = " "
MIXED = "mixed"

# Codes the caller may pass to :func:`sniff` to override what would be detected.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1",
             MIXED)
DELIMITER_CHOICES = (",", ";", "\t", "|", SPACE, WHITESPACE)
QUOTE_CHOICES = ('"', "'", "")
# "\x00" is only ever detected (a NUL byte written before quotes), never a useful choice, but a
# detected dialect must still be one of the choices.
ESCAPE_CHOICES = ('"', "'", "\\", "", "\x00")

_LOOSE, _TIGHT = r"\s+", r"\s{2,}|\t"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


def _latin1_fallback(err: UnicodeDecodeError):
    # Bytes that Windows-1252 leaves undefined are read as Latin-1 so no byte is ever dropped.
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("loyalty_latin1", _latin1_fallback)


class _MixedDecoder(codecs.IncrementalDecoder):
    """Each line as UTF-8 when it is valid UTF-8, else as Windows-1252.

    ``converted`` counts the lines read as Windows-1252. A line break never sits inside a
    multi-byte UTF-8 character, so cutting at line breaks cannot split one.
    """

    def __init__(self, errors: str = "strict"):
        super().__init__(errors)
        self._pending = b""
        self.converted = 0

    def decode(self, data: bytes, final: bool = False) -> str:
        data = self._pending + bytes(data)
        if final:
            self._pending = b""
        else:
            cut = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
            data, self._pending = data[:cut], data[cut:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        out = []
        for line in data.splitlines(keepends=True):
            try:
                out.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode("cp1252", errors="loyalty_latin1"))
                self.converted += 1
        return "".join(out)

    def reset(self) -> None:
        self._pending = b""

    def getstate(self):
        return self._pending, 0

    def setstate(self, state) -> None:
        self._pending = state[0]


def _mixed_codec(name: str):
    if name != "loyalty_mixed":
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name="loyalty_mixed", encode=utf8.encode,
        decode=lambda data, errors="strict": (_MixedDecoder().decode(data, True), len(data)),
        incrementalencoder=utf8.incrementalencoder, incrementaldecoder=_MixedDecoder,
        streamreader=utf8.streamreader, streamwriter=utf8.streamwriter)


codecs.register(_mixed_codec)


def python_codec(encoding: str) -> str:
    """The Python codec that reads a file of encoding code ``encoding``."""
    return "loyalty_mixed" if encoding == MIXED else encoding


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
    # None means "same as the quote": a quote inside a quoted field is written twice.
    escape: str | None = None
    # Records (not lines: a quoted line break joins lines) before the data; DuckDB's ``skip``
    # counts these. None means the same as ``skip_lines``.
    skip_records: int | None = None
    # Lines of a "mixed" file read as Windows-1252 (see :func:`detect_encoding`).
    converted_lines: int = 0

    def __post_init__(self):
        if self.escape is None:
            self.escape = self.quote
        if self.skip_records is None:
            self.skip_records = self.skip_lines

    @property
    def delimiter_label(self) -> str:
        return {"\t": "tab", ";": "semicolon (;)", ",": "comma (,)", "|": "pipe (|)",
                SPACE: "space", WHITESPACE: "aligned with spaces"}[self.delimiter]

    @property
    def delimiter_key(self) -> str:
        """A stable code of the separator, for translated labels."""
        return {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", SPACE: "space",
                WHITESPACE: "whitespace"}[self.delimiter]

    @property
    def quote_key(self) -> str:
        return {'"': "double", "'": "single", "": "none"}[self.quote]

    @property
    def escape_key(self) -> str:
        """How a quote is written inside a quoted field: "doubled", "backslash", "nul", "none"."""
        if self.escape == self.quote and self.quote:
            return "doubled"
        return {"\\": "backslash", "\x00": "nul", "": "none", '"': "double",
                "'": "single"}[self.escape]

    @property
    def encoding_label(self) -> str:
        return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16",
                "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
                "cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)",
                MIXED: "UTF-8 (some lines Windows-1252)"}[self.encoding]

    @property
    def codec(self) -> str:
        """The Python codec for this file's bytes."""
        return python_codec(self.encoding)

    @property
    def needs_transcoding(self) -> bool:
        # DuckDB reads only UTF-8, and has no NUL escape: the copy writes such quotes doubled.
        return self.encoding not in ("utf-8", "utf-8-sig") or self.escape == "\x00"

    @property
    def duckdb_escape(self) -> str:
        """The escape DuckDB reads with (after a NUL escape was rewritten in the copy)."""
        return self.quote if self.escape == "\x00" else self.escape


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


def _nul_only_before_quotes(head: bytes) -> bool:
    """True when every NUL byte is written right before a quote: an escape, not binary data."""
    nuls = head.count(b"\x00")
    return nuls > 0 and head.count(b'\x00"') + head.count(b"\x00'") == nuls


def detect_encoding(path: str, head: bytes) -> str:
    """Name the text encoding of a file (a code of :data:`ENCODINGS`).

    Byte-order marks decide first; UTF-16 without a mark shows as NUL bytes in every other
    position; otherwise UTF-8 is tried over the whole file (or, for very large files, over
    chunks spread across it), then per line (``"mixed"``: valid UTF-8 lines next to
    Windows-1252 ones), then Windows-1252, then Latin-1.
    """
    return _detect_encoding(path, head)[0]


def _detect_encoding(path: str, head: bytes) -> tuple[str, int]:
    """The encoding code and, for ``"mixed"``, the number of lines in Windows-1252."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 0
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    if len(head) >= 4:
        half = len(head) // 2
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * half and even < 0.05 * half:
            return "utf-16-le", 0
        if even > 0.3 * half and odd < 0.05 * half:
            return "utf-16-be", 0
    if b"\x00" in head and not _nul_only_before_quotes(head):
        raise UnusableFile("binary_file", "This file holds binary data, not text: export the "
                                          "data as a CSV text file and upload that.")
    scan = _scan_utf8(path)
    if scan.invalid_lines == 0:
        return "utf-8", 0
    if scan.has_utf8:
        return MIXED, scan.invalid_lines
    if scan.cp1252_undefined:
        return "latin-1", 0
    return "cp1252", 0


_NON_ASCII_LINE = re.compile(rb"^[^\x80-\xff\r\n]*[\x80-\xff]", re.M)


@dataclass
class _Utf8Scan:
    invalid_lines: int = 0      # lines that are not valid UTF-8
    has_utf8: bool = False      # some line with non-ASCII characters is valid UTF-8
    cp1252_undefined: bool = False
    estimated: bool = False


def _scan_utf8(path: str) -> _Utf8Scan:
    """Count lines that are not valid UTF-8; note whether non-ASCII lines are valid UTF-8.

    Files up to ``FULL_ENCODING_CHECK_BYTES`` are read whole, so the counts are exact; of larger
    files 33 chunks spread across the file are read and ``invalid_lines`` is an estimate scaled
    to the file's size (``estimated`` is then True).
    """
    scan = _Utf8Scan()
    size = os.path.getsize(path)
    seen = 0
    for chunk in _line_chunks(path, size):
        seen += len(chunk)
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            scan.has_utf8 = scan.has_utf8 or not text.isascii()
            continue
        if any(b in chunk for b in _CP1252_UNDEFINED):
            scan.cp1252_undefined = True
        # Decoding with the invalid bytes dropped leaves non-ASCII only where UTF-8 is valid.
        if chunk.decode("utf-8", "ignore").isascii():
            # No UTF-8 character anywhere: every non-ASCII line is Windows-1252.
            scan.invalid_lines += len(_NON_ASCII_LINE.findall(chunk))
            continue
        for line in chunk.splitlines():
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                scan.has_utf8 = True
            except UnicodeDecodeError:
                scan.invalid_lines += 1
    if size > FULL_ENCODING_CHECK_BYTES and seen:
        scan.estimated = True
        scan.invalid_lines = round(scan.invalid_lines * size / seen)
    return scan


def _line_chunks(path: str, size: int):
    """Pieces of the file that end at line breaks (whole file, or spread samples if large)."""
    with open(path, "rb") as fh:
        if size <= FULL_ENCODING_CHECK_BYTES:
            rest = b""
            while data := fh.read(8 << 20):
                data = rest + data
                cut = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
                if cut == 0:
                    rest = data
                    continue
                rest = data[cut:]
                yield data[:cut]
            if rest:
                yield rest
            return
        step = size // 32
        for i in range(33):
            pos = min(i * step, max(size - (256 << 10), 0))
            fh.seek(pos)
            data = fh.read(256 << 10)
            # Whole lines only: a chunk may start and end inside a line (or a character).
            if pos > 0:
                first = min((k for k in (data.find(b"\n"), data.find(b"\r")) if k >= 0),
                            default=len(data))
                data = data[first + 1:]
            if fh.tell() < size:
                data = data[:max(data.rfind(b"\n"), data.rfind(b"\r")) + 1]
            if data:
                yield data


def _decode_sample(head: bytes, encoding: str, complete: bool) -> str:
    decoder = codecs.getincrementaldecoder(python_codec(encoding))(errors="loyalty_latin1")
    text = decoder.decode(head, final=complete)
    if not complete:
        # Drop the last, probably cut, line.
        cut = max(text.rfind("\n"), text.rfind("\r"))
        if cut > 0:
            text = text[:cut + 1]
    return text.lstrip("\ufeff")


def _parse(text: str, delimiter: str, quote: str = '"', escape: str | None = None,
           limit: int = SAMPLE_RECORDS) -> list[tuple[int, list[str]]]:
    """Records of ``text`` as (1-based line where the record starts, fields)."""
    escape = quote if escape is None else escape
    if escape == "\x00":
        text = text.replace("\x00" + quote, quote + quote)
    reader = csv.reader(io.StringIO(text, newline=""), **csv_options(delimiter, quote, escape))
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


def csv_options(delimiter: str, quote: str, escape: str) -> dict:
    """Keyword arguments for :func:`csv.reader` reading this dialect.

    A NUL escape is not among them: the text must have its NUL-escaped quotes doubled first.
    """
    if escape == "\x00":
        escape = quote
    options: dict = {"delimiter": delimiter, "strict": False}
    if not quote:
        options["quoting"] = csv.QUOTE_NONE
        return options
    options.update(quotechar=quote, doublequote=escape == quote)
    if escape and escape != quote:
        options["escapechar"] = escape
    return options


def _lines(text: str) -> list[str]:
    # Only the line breaks DuckDB knows (str.splitlines also splits at form feeds and others).
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _split_whitespace(text: str, pattern: str, limit: int = SAMPLE_RECORDS):
    out = []
    for i, line in enumerate(_lines(text)[:limit], start=1):
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


def _detect_quote(text: str, delimiter: str) -> str:
    """``'`` when more fields start and end with it than with ``"``; else ``"``."""
    d = re.escape(delimiter)

    def quoted(q: str) -> int:
        # Most exports quote nothing; the patterns below cost ~10 ms each on a large sample.
        if q not in text:
            return 0
        starts = len(re.findall(rf"(?:^|{d}){q}", text, re.M))
        ends = len(re.findall(rf"{q}(?={d}|\r?$)", text, re.M))
        return min(starts, ends)

    return "'" if quoted("'") > quoted('"') else '"'


def _detect_escape(text: str, quote: str, delimiter: str) -> str:
    """How a quote inside a quoted field is written: doubled (the quote itself), ``\\`` or NUL."""
    if not quote:
        return ""
    if quote not in text:
        return quote
    if "\x00" + quote in text:
        return "\x00"
    q, d = re.escape(quote), re.escape(delimiter)
    backslashed = len(re.findall(rf"(?<!\\)\\{q}", text))
    doubled = (len(re.findall(rf"(?<![\\\x00]){q}{q}", text))
               - len(re.findall(rf"(?:^|{d}){q}{q}(?={d}|\r?$)", text, re.M)))
    return "\\" if backslashed and backslashed >= doubled else quote


@dataclass
class _Layout:
    delimiter: str
    pattern: str | None
    records: list
    width: int
    quote: str = '"'
    escape: str = '"'


def _csv_layout(text: str, delimiter: str, quote: str | None, escape: str | None) -> _Layout:
    q = _detect_quote(text, delimiter) if quote is None else quote
    e = _detect_escape(text, q, delimiter) if escape is None else escape
    records = _parse(text, delimiter, q, e)
    _, width = _consistency(records)
    return _Layout(delimiter, None, records, width, q, e)


def _single_space_layout(text: str, quote: str | None, escape: str | None) -> _Layout | None:
    """A CSV with one space between fields (values with spaces quoted), if the text is one.

    Aligned columns (several spaces, leading spaces) show as empty fields and are left to the
    whitespace reader.
    """
    layout = _csv_layout(text, SPACE, quote, escape)
    score, width = _consistency(layout.records)
    rows = [r for _, r in layout.records if r and any(v.strip() for v in r)]
    if width < 2 or score < 0.9 or not rows or len(rows[0]) != width:
        return None
    with_empty = sum(1 for r in rows if "" in r)
    return layout if with_empty <= 0.05 * len(rows) else None


def _whitespace_layout(text: str, forced: bool = False) -> _Layout | None:
    """Fields separated by runs of spaces: split at any run when that is consistent and agrees
    with the header's own split; at two or more spaces (or tabs) when single spaces sit inside
    values ("Max Müller") and the split at any run is not consistent."""
    loose = _split_whitespace(text, _LOOSE)
    tight = _split_whitespace(text, _TIGHT)
    loose_score, loose_width = _consistency(loose)
    tight_score, tight_width = _consistency(tight)
    # Both lists hold one entry per line, so an index found in one is the same line in the other.
    named = _header_index(tight)
    named = _header_index(loose) if named is None else named
    agrees = named is None or len(loose[named][1]) == loose_width
    enough = len(loose) >= 3 or forced
    if loose_width >= 2 and loose_score >= max(0.75, tight_score) and agrees and enough:
        return _Layout(WHITESPACE, _LOOSE, loose, loose_width, "", "")
    if tight_width >= 2 and tight_score >= 0.75 and enough:
        return _Layout(WHITESPACE, _TIGHT, tight, tight_width, "", "")
    if forced:
        best = max(((loose_score, loose, _LOOSE, loose_width),
                    (tight_score, tight, _TIGHT, tight_width)), key=lambda c: c[0])
        return _Layout(WHITESPACE, best[2], best[1], max(best[3], 1), "", "")
    return None


def _choose_layout(text: str, delimiter: str | None = None, quote: str | None = None,
                   escape: str | None = None) -> _Layout:
    if delimiter == WHITESPACE:
        return _whitespace_layout(text, forced=True)
    if delimiter is not None:
        layout = _csv_layout(text, delimiter, quote, escape)
        layout.width = max(layout.width, 1)
        return layout
    candidates = []
    for delim in DELIMITERS:
        layout = _csv_layout(text, delim, quote, escape)
        score, width = _consistency(layout.records)
        if width >= 2:
            candidates.append((score, width, layout, _header_index(layout.records) is not None))
    # A German file split on commas can look consistent too ("12,50" in every row), but gives
    # fewer columns than the real separator, whose consistency damaged rows may lower: weigh
    # consistency by the number of columns. Half the records agreeing is still a clear signal.
    # A separator that splits a line into known column names wins outright.
    usable = [c for c in candidates if c[0] >= 0.5 or c[3]]
    best = max(usable, key=lambda c: (c[3], c[0] * c[1], c[0]), default=None)
    if best:
        return best[2]
    # A single space is tried only now: in most files it sits inside values.
    layout = _single_space_layout(text, quote, escape) or _whitespace_layout(text)
    if layout:
        return layout
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


def _check_width(width: int) -> None:
    if width > MAX_COLUMNS:
        raise UnusableFile(
            "too_many_columns",
            f"The file has more than {MAX_COLUMNS:,} columns, far more than any shop or till "
            "export: check that it is the right file, or export only the columns you need.",
            {"limit": MAX_COLUMNS})


def _check_choice(name: str, value, choices) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, "
                         f"got {value!r}")


def sniff(path: str, *, encoding: str | None = None, delimiter: str | None = None,
          quote: str | None = None, escape: str | None = None,
          header_line: int | None = None) -> Dialect:
    """Work out the dialect of the text file at ``path``; keyword arguments override parts of it.

    Parameters
    ----------
    encoding, delimiter, quote, escape:
        Codes from :data:`ENCODINGS`, :data:`DELIMITER_CHOICES`, :data:`QUOTE_CHOICES` and
        :data:`ESCAPE_CHOICES`; ``None`` detects them. ``escape`` equal to ``quote`` means a
        quote inside a quoted field is written twice.
    header_line:
        The 1-based line of the header; ``0`` when the file has no header (data then starts
        where the header would have been, after any preamble); ``None`` detects it.

    Raises :class:`UnusableFile` with one sentence for the user when the file is empty, binary,
    has no recognisable columns, more than :data:`MAX_COLUMNS` columns or a header but no data,
    and ``ValueError`` for an override that is not one of the choices.
    """
    _check_choice("encoding", encoding, ENCODINGS)
    _check_choice("delimiter", delimiter, DELIMITER_CHOICES)
    _check_choice("quote", quote, QUOTE_CHOICES)
    _check_choice("escape", escape, ESCAPE_CHOICES)
    if header_line is not None and (not isinstance(header_line, int) or header_line < 0):
        raise ValueError(f"header_line must be 0 (no header) or a line number, got {header_line!r}")
    size = os.path.getsize(path)
    if size == 0:
        raise UnusableFile("empty_file", "The file is empty: export it again and check that "
                                         "the export contains rows.")
    with open(path, "rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    _sniff_binary(head)
    if encoding is None:
        encoding, converted = _detect_encoding(path, head)
    else:
        converted = _scan_utf8(path).invalid_lines if encoding == MIXED else 0
    text = _decode_sample(head, encoding, complete=size <= SAMPLE_BYTES)
    if not text.strip():
        raise UnusableFile("empty_file", "The file contains no data, only empty lines.")
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")
    if quote == "" and escape is None:
        escape = ""
    layout = _choose_layout(text, delimiter, quote, escape)
    records, width = layout.records, layout.width
    # Checked before the header is looked for: a header longer than the sample (a million
    # columns) is cut there and would otherwise pass for "a header but no data".
    _check_width(width)

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
    if header_line:
        start = max((i for i, (line, _) in enumerate(records) if line <= header_line),
                    default=None)
        if start is None or not widths[start]:
            raise ValueError(f"line {header_line} is not a line of the file's first "
                             f"{len(records)} records, or it is empty")
        width = len(records[start][1])
    elif named is not None:
        start, width = named, len(records[named][1])
    else:
        start = next((i for i, w in enumerate(widths) if w == width and settled(i)),
                     widths.index(width) if width in widths else
                     next(i for i, w in enumerate(widths) if w))
    _check_width(width)
    first_line, first = records[start]
    body = [r for _, r in records[start + 1:start + 200] if r and any(v.strip() for v in r)]
    if header_line is None:
        header = _looks_like_header(first, body, _known_names())
    else:
        header = header_line > 0
    if header and not body:
        raise UnusableFile("header_only", "The file has a header line but no data rows: export "
                                          "it again with the rows included.")
    data_index = start + 1 if header else start
    if data_index < len(records):
        data_start = records[data_index][0]
    else:
        data_start = first_line + 1
    sample = [r for _, r in records[data_index:] if r and any(v.strip() for v in r)]
    return Dialect(
        encoding=encoding,
        delimiter=layout.delimiter,
        header=header,
        skip_lines=data_start - 1,
        skip_records=data_index,
        columns=_column_names(first, width, header),
        quote=layout.quote,
        escape=layout.escape,
        newline=newline,
        whitespace_pattern=layout.pattern,
        header_line=first_line if header else None,
        sample_rows=sample,
        sample_truncated=size > SAMPLE_BYTES,
        converted_lines=converted,
    )


def transcode_to_utf8(path: str, encoding: str, out_path: str, chunk: int = 8 << 20,
                      nul_escaped_quote: str | None = None) -> int:
    """Stream ``path`` into a UTF-8 copy, so DuckDB can read encodings it does not support.

    With ``nul_escaped_quote`` a NUL byte before that quote (an escape DuckDB cannot take) is
    written as a doubled quote. Returns the number of lines read as Windows-1252 (encoding
    ``"mixed"``; 0 otherwise).
    """
    decoder = codecs.getincrementaldecoder(python_codec(encoding))(errors="loyalty_latin1")
    q = nul_escaped_quote
    with open(path, "rb") as src, open(out_path, "w", encoding="utf-8", newline="") as dst:
        first = True
        held = ""
        while True:
            data = src.read(chunk)
            text = held + decoder.decode(data, final=not data)
            if first:
                text = text.lstrip("\ufeff")
                first = False
            held = ""
            if q:
                # A NUL at the end may belong to a quote in the next piece.
                if data and text.endswith("\x00"):
                    text, held = text[:-1], "\x00"
                text = text.replace("\x00" + q, q + q)
            dst.write(text)
            if not data:
                break
    return getattr(decoder, "converted", 0)
