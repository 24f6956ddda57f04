"""A quote that is opened and never closed rejects its own line, not the rest of the file.

DuckDB's reader, meeting ``x,"broken`` with no closing quote, reads every following line into
that one field and rejects the lot as a single record: a file of 10,000 rows can load 20.
This module notices such a record in DuckDB's rejects (its text spans several lines and its
first line holds an odd number of quotes), drops that first line from a copy of the file and
lets the load read the copy again, so reading resumes at the next line. The dropped lines
become rejects of their own (code ``unclosed_quote``, with their line number and text) and
every other reject's line number is moved back to the original file's numbering.

DuckDB still does all the parsing; Python only removes whole lines.
"""

from __future__ import annotations

import os

# Each dropped line costs one more read of the file (about a second per million rows). A file
# with more such lines is refused with TOO_MANY, so it cannot stall the app: its quote character
# is most likely not a quote at all.
MAX_DROPPED = 20
TOO_MANY = (f"More than {MAX_DROPPED} lines open a quote (\") and never close it: in this file "
            "the quote character is probably an ordinary character. Choose \"none\" as the "
            "quote character under \"How the file is read\" on the Data page and load "
            "it again.")
_CHUNK = 8 << 20


class Swallowed(Exception):
    """Raised by the load when a record swallowed the lines after its unclosed quote."""

    def __init__(self, byte_position: int, first_line: str):
        super().__init__(first_line)
        self.byte_position = byte_position
        self.first_line = first_line


def swallowed(con, rejects_table: str, quote: str) -> Swallowed | None:
    """The first record in DuckDB's rejects table that swallowed later lines, if any."""
    if not quote:
        return None
    rows = con.execute(f"""
        SELECT line_byte_position, csv_line FROM {rejects_table}
        WHERE error_type = 'UNQUOTED VALUE'
          AND (contains(csv_line, chr(10)) OR contains(csv_line, chr(13)))
        ORDER BY line LIMIT 20""").fetchall()
    for position, text in rows:
        # After a CRLF DuckDB's record starts at the LF.
        lead = len(text) - len(text.lstrip("\r\n"))
        first = text[lead:].replace("\r\n", "\n").replace("\r", "\n").split("\n", 1)[0]
        if first.count(quote) % 2 == 1 and position is not None:
            return Swallowed(int(position) - 1 + lead, first)  # DuckDB counts bytes from 1
    return None


class Source:
    """The file the load reads: ``path`` itself, or a copy of it without the dropped lines.

    ``dropped`` holds ``(line, text)`` of each dropped line, numbered as in ``path``.
    """

    def __init__(self, path: str, tmp: str, encoding: str):
        self.original = path
        self.path = path
        self.encoding = encoding
        self._tmp = tmp
        self.dropped: list[tuple[int, str]] = []
        self.gave_up = False

    @property
    def may_drop(self) -> bool:
        return not self.gave_up and len(self.dropped) < MAX_DROPPED

    def read(self, attempt):
        """``attempt(self)`` until it runs without raising :class:`Swallowed`, dropping the
        line each raise names; its result. A line that cannot be found ends the dropping."""
        while True:
            try:
                return attempt(self)
            except Swallowed as s:
                if not self.drop(s):
                    self.gave_up = True

    def drop(self, s: Swallowed) -> bool:
        """Drop the line ``s`` starts on; False when it cannot be found (nothing changes).

        The copy is written in chunks: a large file is never held in memory."""
        first = s.first_line.encode("utf-8", errors="surrogateescape")
        copy = os.path.join(self._tmp, f"resumed-{len(self.dropped)}.csv")
        with open(self.path, "rb") as fh:
            head = fh.read(1 << 20)
            newline = b"\n" if b"\n" in head or b"\r" not in head else b"\r"
            start = None
            for at in (s.byte_position, s.byte_position - 1, s.byte_position + 1):
                if at < 0:
                    continue
                fh.seek(max(at - 1, 0))
                before = fh.read(1) if at > 0 else newline
                if fh.read(len(first)) == first and before in (b"\n", b"\r"):
                    start = at
                    break
            if start is None:
                return False
            fh.seek(0)
            lines = 0
            with open(copy, "wb") as out:
                left = start
                while left:
                    chunk = fh.read(min(left, _CHUNK))
                    lines += chunk.count(newline)
                    out.write(chunk)
                    left -= len(chunk)
                rest = b""
                while newline not in rest:
                    more = fh.read(_CHUNK)
                    if not more:
                        break
                    rest += more
                cut = rest.find(newline)
                out.write(rest[cut + 1:] if cut != -1 else b"")
                while chunk := fh.read(_CHUNK):
                    out.write(chunk)
        self.dropped.append((self._original_line(lines + 1), s.first_line))
        if self.path != self.original:
            os.remove(self.path)
        self.path = copy
        return True

    def _original_line(self, line: int) -> int:
        """Line ``line`` of the current copy, numbered as in the original file."""
        for dropped, _ in sorted(self.dropped):
            if line >= dropped:
                line += 1
        return line

    def renumber_sql(self) -> tuple[str, list[int]]:
        """SQL expression (over column ``line``) moving a line number of the copy to the
        original file's numbering, with its parameters."""
        thresholds = [line - i for i, (line, _) in enumerate(sorted(self.dropped))]
        return ("line + (SELECT count(*) FROM unnest(?::BIGINT[]) t(x) WHERE x <= line)",
                [thresholds])
