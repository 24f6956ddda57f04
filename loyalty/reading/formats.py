"""Recognise how numbers and dates are written in a column, from sample values.

The decisions made here (decimal separator, date format, day/month order) become parameters of
the SQL that converts the whole column in DuckDB; values that do not fit are rejected there with
a reason, so a wrong guess is visible, never silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

CURRENCY = re.compile(r"(?i)(€|\$|£|¥|\b(?:eur|euro|usd|chf|gbp|sfr|fr)\b\.?)")
_SPACES = re.compile(r"[\s\u00a0\u202f']")

_COMMA_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+$")
_DOT_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)\.\d+$")
# Evidence for a separator: a decimal part that cannot be a group of thousands.
_COMMA_EVIDENCE = re.compile(r"^[-+]?(\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,}))$")
_DOT_EVIDENCE = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+\.\d+|\d+\.(\d{1,2}|\d{4,}))$")
_INTEGER = re.compile(r"^[-+]?\d+$")
_GROUPED_COMMA = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+$")
_GROUPED_DOT = re.compile(r"^[-+]?\d{1,3}(,\d{3})+$")


def clean_number_text(value: str) -> str:
    """Strip currency signs and codes, spaces and apostrophes; turn (12.50) and 12.50- into -12.50.

    Mirrors the SQL in :mod:`loyalty.convert` so that sample decisions match the full load.
    """
    v = _SPACES.sub("", CURRENCY.sub("", value))
    if v.startswith("(") and v.endswith(")"):
        v = "-" + v[1:-1]
    if v.endswith("-") and not v.startswith("-"):
        v = "-" + v[:-1]
    return v


def number_matches(value: str, decimal: str) -> bool:
    v = clean_number_text(value)
    if _INTEGER.match(v):
        return True
    if decimal == ",":
        return bool(_COMMA_DECIMAL.match(v) or _GROUPED_COMMA.match(v))
    return bool(_DOT_DECIMAL.match(v) or _GROUPED_DOT.match(v))


def parse_number(value: str, decimal: str) -> float | None:
    """Python twin of the SQL conversion, used for sample previews and tests."""
    if not number_matches(value, decimal):
        return None
    v = clean_number_text(value)
    thousands = "." if decimal == "," else ","
    return float(v.replace(thousands, "").replace(decimal, "."))


@dataclass(frozen=True)
class DateFormat:
    """A date layout: the strptime patterns DuckDB tries, and how to show it to a person."""

    family: str
    label: str
    patterns: tuple[str, ...]
    iso: bool = False


_TIME_SUFFIXES = ("", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f", "T%H:%M:%S", " %I:%M %p",
                  " %I:%M:%S %p")


def _with_times(base: str) -> tuple[str, ...]:
    return tuple(base + t for t in _TIME_SUFFIXES)


ISO = DateFormat("iso", "YYYY-MM-DD", (), iso=True)
DMY_DOT = DateFormat("dmy_dot", "DD.MM.YYYY", _with_times("%d.%m.%Y") + _with_times("%d.%m.%y"))
DMY_SLASH = DateFormat("dmy_slash", "DD/MM/YYYY", _with_times("%d/%m/%Y"))
MDY_SLASH = DateFormat("mdy_slash", "MM/DD/YYYY", _with_times("%m/%d/%Y"))
DMY_DASH = DateFormat("dmy_dash", "DD-MM-YYYY", _with_times("%d-%m-%Y"))
MDY_DASH = DateFormat("mdy_dash", "MM-DD-YYYY", _with_times("%m-%d-%Y"))
YMD_SLASH = DateFormat("ymd_slash", "YYYY/MM/DD", _with_times("%Y/%m/%d"))
COMPACT = DateFormat("compact", "YYYYMMDD", _with_times("%Y%m%d"))
# Month names (read after German names are turned into English ones, see MONTH_NAMES_DE):
# 31-Dec-2025, 31 Dec 2025, 31. Dezember 2025, 31.Dez.25 ...
D_MON_Y = DateFormat("d_mon_y", "DD Mon YYYY", tuple(
    p for sep in ("-", " ", ". ", ".") for mon in ("%b", "%B") for year in ("%Y", "%y")
    for p in _with_times(f"%d{sep}{mon}{' ' if '.' in sep else sep}{year}")))
# Dec 31, 2025 and December 31 2025.
MON_D_Y = DateFormat("mon_d_y", "Mon DD, YYYY", tuple(
    p for mon in ("%b", "%B") for comma in (",", "")
    for p in _with_times(f"{mon} %d{comma} %Y")))
DATE_FORMATS = {f.family: f for f in (ISO, DMY_DOT, DMY_SLASH, MDY_SLASH, DMY_DASH, MDY_DASH,
                                      YMD_SLASH, COMPACT, D_MON_Y, MON_D_Y)}
MONTH_NAME_FAMILIES = ("d_mon_y", "mon_d_y")

# German month names that differ from the English ones, full names before abbreviations.
MONTH_NAMES_DE = (("Januar", "January"), ("Februar", "February"), ("März", "March"),
                  ("Maerz", "March"), ("Juni", "June"), ("Juli", "July"),
                  ("Oktober", "October"), ("Dezember", "December"), ("Mär", "Mar"),
                  ("Mrz", "Mar"), ("Mai", "May"), ("Okt", "Oct"), ("Dez", "Dec"))


# One pass over a value finds any of them (a name listed before its abbreviation wins, as the
# names are replaced one after another in ``month_names_sql``); the sample of a large file has
# thousands of values to try.
_MONTH_DE_RE = re.compile(r"\b(" + "|".join(de for de, _ in MONTH_NAMES_DE) + r")\b",
                          re.IGNORECASE)
_MONTH_EN = {de.lower(): en for de, en in MONTH_NAMES_DE}
_DOT_AFTER_LETTER_RE = re.compile(r"([A-Za-z])\.")
_SPACES_RE = re.compile(r"\s+")


def english_month_names(value: str) -> str:
    """German month names in English, the dot after an abbreviated month dropped and spaces
    collapsed, so that DuckDB's %b and %B read the value: '31. Dez. 2025' -> '31. Dec 2025'.
    The SQL in ingest does the same (``month_names_sql``)."""
    value = _MONTH_DE_RE.sub(lambda m: _MONTH_EN[m.group(1).lower()], value)
    value = _DOT_AFTER_LETTER_RE.sub(r"\1 ", value)
    return _SPACES_RE.sub(" ", value).strip()

_TIME = r"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[AaPp][Mm])?)?"
_ISO_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}" + _TIME + r"(Z|[+-]\d{2}:?\d{2})?$")
_DOT_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})" + _TIME + "$")
_SLASH_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME + "$")
_DASH_RE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})" + _TIME + "$")
_YMD_SLASH_RE = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}" + _TIME + "$")
_COMPACT_RE = re.compile(r"^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_D_MON_Y_RE = re.compile(r"^\d{1,2}(-|\s|\.\s?)" + _MONTH + r"(-|\s)\d{2}(\d{2})?" + _TIME + "$",
                         re.IGNORECASE)
_MON_D_Y_RE = re.compile(r"^" + _MONTH + r"\s\d{1,2},?\s\d{4}" + _TIME + "$", re.IGNORECASE)


@dataclass
class DateGuess:
    fmt: DateFormat | None
    share: float
    ambiguous: bool = False  # day/month order could not be told from the values


def guess_date_format(values: list[str], prefer_day_first: bool) -> DateGuess:
    """Pick the date layout most values follow.

    For slash and dash layouts the order of day and month is decided from the values (a first
    part above 12 must be a day); when every value fits both orders the guess is ``ambiguous``
    and falls back to ``prefer_day_first``.
    """
    vals = [v.strip() for v in values if v and v.strip()]
    if not vals:
        return DateGuess(None, 0.0)
    counts = {"iso": 0, "dot": 0, "slash": 0, "dash": 0, "ymd_slash": 0, "compact": 0,
              "d_mon_y": 0, "mon_d_y": 0}
    firsts: dict[str, list[int]] = {"slash": [], "dash": []}
    seconds: dict[str, list[int]] = {"slash": [], "dash": []}
    for v in vals:
        if _ISO_RE.match(v):
            counts["iso"] += 1
        elif _DOT_RE.match(v):
            counts["dot"] += 1
        elif m := _SLASH_RE.match(v):
            counts["slash"] += 1
            firsts["slash"].append(int(m.group(1)))
            seconds["slash"].append(int(m.group(2)))
        elif m := _DASH_RE.match(v):
            counts["dash"] += 1
            firsts["dash"].append(int(m.group(1)))
            seconds["dash"].append(int(m.group(2)))
        elif _YMD_SLASH_RE.match(v):
            counts["ymd_slash"] += 1
        elif _COMPACT_RE.match(v):
            counts["compact"] += 1
        elif _D_MON_Y_RE.match(named := english_month_names(v)):
            counts["d_mon_y"] += 1
        elif _MON_D_Y_RE.match(named):
            counts["mon_d_y"] += 1
    family, hits = max(counts.items(), key=lambda kv: kv[1])
    share = hits / len(vals)
    if hits == 0:
        return DateGuess(None, 0.0)
    if family in ("slash", "dash"):
        day_first, ambiguous = decide_day_first(firsts[family], seconds[family], prefer_day_first)
        key = ("dmy_" if day_first else "mdy_") + family
        return DateGuess(DATE_FORMATS[key], share, ambiguous)
    key = {"iso": "iso", "dot": "dmy_dot", "ymd_slash": "ymd_slash", "compact": "compact",
           "d_mon_y": "d_mon_y", "mon_d_y": "mon_d_y"}[family]
    return DateGuess(DATE_FORMATS[key], share)


def order_patterns(fmt: DateFormat, values: list[str]) -> DateFormat:
    """The same layout with the strptime patterns most ``values`` match first.

    DuckDB tries the patterns in order, so the common one first makes conversion several times
    faster on large files.
    """
    if fmt.iso or not values:
        return fmt
    sample = [v.strip() for v in values if v and v.strip()][:300]
    if fmt.family in MONTH_NAME_FAMILIES:
        sample = [english_month_names(v) for v in sample]

    def hits(pattern: str) -> int:
        n = 0
        for v in sample:
            try:
                datetime.strptime(v, pattern)
                n += 1
            except ValueError:
                pass
        return n

    ranked = sorted(fmt.patterns, key=lambda pt: -hits(pt))
    return DateFormat(fmt.family, fmt.label, tuple(ranked), fmt.iso)


def decide_day_first(firsts: list[int], seconds: list[int],
                     prefer_day_first: bool) -> tuple[bool, bool]:
    """(day_first, ambiguous) from the first and second parts of slash or dash dates."""
    first_max = max(firsts, default=0)
    second_max = max(seconds, default=0)
    if first_max > 12 >= second_max:
        return True, False
    if second_max > 12 >= first_max:
        return False, False
    return prefer_day_first, True


@dataclass
class ColumnProfile:
    """What the sample says about one column."""

    name: str
    samples: list[str]
    non_empty: int
    number_share: float = 0.0
    integer_share: float = 0.0
    decimal_places_share: float = 0.0
    date: DateGuess | None = None
    distinct_ratio: float = 0.0
    int_min: float | None = None
    int_max: float | None = None
    comma_evidence: int = 0
    dot_evidence: int = 0

    @property
    def date_share(self) -> float:
        return self.date.share if self.date and self.date.fmt else 0.0

    @property
    def is_numeric(self) -> bool:
        return self.non_empty > 0 and self.number_share >= 0.9

    @property
    def is_date(self) -> bool:
        return self.non_empty > 0 and self.date_share >= 0.8

    @property
    def is_score(self) -> bool:
        return (self.non_empty > 0 and self.integer_share >= 0.95 and self.int_min is not None
                and self.int_min >= 0 and self.int_max is not None and self.int_max <= 10)


def decide_decimal(profiles: list[ColumnProfile], delimiter: str,
                   date_families: list[str]) -> tuple[str, bool]:
    """The file's decimal separator and whether the values alone decided it.

    Counts columns whose values can only be read one way ("12,50", "1.234,56" versus "12.50",
    "1,234.56"). A file whose numbers all look like "1.250" gives no evidence: then a semicolon
    separator or day-first dotted dates mean a German export and a decimal comma.
    """
    comma = sum(1 for p in profiles if p.comma_evidence > p.dot_evidence)
    dot = sum(1 for p in profiles if p.dot_evidence > p.comma_evidence)
    if comma != dot:
        return ("," if comma > dot else "."), True
    german = delimiter == ";" or "dmy_dot" in date_families
    return ("," if german else "."), False


def profile_column(name: str, values: list[str], prefer_day_first: bool) -> ColumnProfile:
    vals = [v.strip() for v in values if v is not None and v.strip()]
    p = ColumnProfile(name=name, samples=vals[:5], non_empty=len(vals))
    if not vals:
        return p
    cleaned = [clean_number_text(v) for v in vals]
    numeric = [c for c in cleaned
               if _INTEGER.match(c) or _COMMA_DECIMAL.match(c) or _DOT_DECIMAL.match(c)
               or _GROUPED_COMMA.match(c) or _GROUPED_DOT.match(c)]
    p.number_share = len(numeric) / len(vals)
    ints = [int(c) for c in cleaned if _INTEGER.match(c) and len(c) < 18]
    p.integer_share = len(ints) / len(vals)
    if ints:
        p.int_min, p.int_max = min(ints), max(ints)
    p.comma_evidence = sum(1 for c in cleaned if _COMMA_EVIDENCE.match(c))
    p.dot_evidence = sum(1 for c in cleaned if _DOT_EVIDENCE.match(c))
    p.decimal_places_share = (p.comma_evidence + p.dot_evidence) / len(vals)
    p.date = guess_date_format(vals, prefer_day_first)
    p.distinct_ratio = len(set(vals)) / len(vals)
    return p
