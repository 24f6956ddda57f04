"""Numbers and dates: sample decisions and the SQL conversion must agree on literal values."""

import duckdb
import pytest

from loyalty.reading.formats import decide_day_first, guess_date_format, parse_number
from loyalty.reading.ingest import MACROS

CASES = [
    # (text, decimal separator of the file, value)
    ("1.234,56", ",", 1234.56),
    ("1.250", ",", 1250.0),
    ("12,50 €", ",", 12.5),
    ("EUR 12,50", ",", 12.5),
    ("-20,00", ",", -20.0),
    ("20,00-", ",", -20.0),
    ("1.234.567,8", ",", 1234567.8),
    ("7", ",", 7.0),
    ("$74.69", ".", 74.69),
    ("EUR 12.50", ".", 12.5),
    ("1,234.56", ".", 1234.56),
    ("(12.50)", ".", -12.5),
    ("USD 1,000", ".", 1000.0),
    ("CHF 1'234.50", ".", 1234.5),
    ("0.5", ".", 0.5),
]
BAD = [("abc", ","), ("12.50", ","), ("1,2,3", "."), ("12..5", "."), ("--5", ".")]


@pytest.mark.parametrize("text,decimal,value", CASES)
def test_python_number_parsing(text, decimal, value):
    assert parse_number(text, decimal) == pytest.approx(value)


@pytest.mark.parametrize("text,decimal,value", CASES)
def test_sql_number_conversion(text, decimal, value):
    con = duckdb.connect()
    con.execute(MACROS)
    macro = "ll_number_comma" if decimal == "," else "ll_number_dot"
    assert con.execute(f"SELECT {macro}($v)", {"v": text}).fetchall()[0][0] == pytest.approx(value)


@pytest.mark.parametrize("text,decimal", BAD)
def test_bad_numbers_are_not_numbers(text, decimal):
    con = duckdb.connect()
    con.execute(MACROS)
    macro = "ll_number_comma" if decimal == "," else "ll_number_dot"
    assert con.execute(f"SELECT {macro}($v)", {"v": text}).fetchall()[0][0] is None
    assert parse_number(text, decimal) is None


@pytest.mark.parametrize("values,family,ambiguous", [
    (["2025-12-31", "2025-01-02 10:00:00"], "iso", False),
    (["2025-12-31T10:00:00Z", "2025-01-02T08:15:00+01:00"], "iso", False),
    (["31.12.2025", "01.02.2025 14:30"], "dmy_dot", False),
    (["12/31/2025", "01/02/2025"], "mdy_slash", False),
    (["31/12/2025", "01/02/2025"], "dmy_slash", False),
    (["03/04/2025", "01/02/2025"], "dmy_slash", True),
    (["20251231", "20250102"], "compact", False),
    (["31-12-2025", "02-01-2025"], "dmy_dash", False),
    (["31-Dec-2025", "02-JAN-2025"], "d_mon_y", False),
    (["31. Dez. 2025", "1. März 2026 10:15", "3 Mai 25"], "d_mon_y", False),
    (["Dec 31, 2025", "January 2 2025"], "mon_d_y", False),
])
def test_date_format_guess(values, family, ambiguous):
    g = guess_date_format(values, prefer_day_first=True)
    assert g.fmt.family == family
    assert g.ambiguous is ambiguous


def test_ambiguous_order_follows_preference():
    assert guess_date_format(["03/04/2025"], prefer_day_first=False).fmt.family == "mdy_slash"


@pytest.mark.parametrize("firsts,seconds,expected", [
    ([31, 1], [12, 2], (True, False)),
    ([12, 1], [31, 2], (False, False)),
    ([3, 1], [4, 2], (True, True)),
])
def test_decide_day_first(firsts, seconds, expected):
    assert decide_day_first(firsts, seconds, prefer_day_first=True) == expected
