"""Real exports in odd dialects: every record is loaded, or rejected with its line and a reason.

Expected figures are worked out by hand from the few rows written in each test.
"""

import json
import os
import subprocess
import sys

import pytest

from loyalty.storage.db import scalar
from loyalty.reading.ingest import count_records
from loyalty.analysis.kpis import headline
from loyalty.reading.plan import make_plan
from loyalty.reading.sniff import (DELIMITER_CHOICES, ENCODINGS, ESCAPE_CHOICES, QUOTE_CHOICES,
                           WHITESPACE, sniff)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def figures(ds):
    h = headline(ds)
    return (h["rows_loaded"], h["rows_rejected"], h["customers"], h["orders"],
            h["net_revenue"], h["first_date"], h["last_date"])


# The CDNOW master log layout (lifetimes package): a leading space, single spaces between id
# and date, the header not aligned with the data, CRLF line ends.
CDNOW = (" customer_id  date number_of_cds  dollar_value\r\n"
         " 00001 19970101  1   11.77\r\n"
         " 00002 19970112  5   77.00\r\n"
         " 00002 19970113  1   12.00\r\n"
         " 00003 19970102  2   20.76\r\n"
         " 00003 19970330  2   20.76\r\n"
         " 00003 19970402  0    0.00\r\n"
         " 00004 19970101  2   29.33\r\n"
         " 00004 19970118  2   29.73\r\n"
         " 00005 19970101  2   29.33\r\n"
         " 00007 19980322  9  138.50\r\n"
         " 00007 19980620  1  -12.00\r\n")
# 11 records, customers 00001-00005 and 00007 = 6; orders = rows with a positive amount = 9
# (the 0.00 and the -12.00 are not orders); net revenue 11.77 + 77 + 12 + 20.76 + 20.76 + 0
# + 29.33 + 29.73 + 29.33 + 138.50 - 12 = 357.18.
CDNOW_FIGURES = (11, 0, 6, 9, 357.18, "1997-01-01", "1998-06-20")


def test_cdnow_layout_splits_id_and_date(write_file, dataset):
    path = write_file("CDNOW_master.txt", CDNOW)
    d = sniff(path)
    assert d.delimiter == WHITESPACE
    assert d.columns == ["customer_id", "date", "number_of_cds", "dollar_value"]
    assert d.sample_rows[0] == ["00001", "19970101", "1", "11.77"]
    report = dataset.load(path)
    assert report.table == "transactions"
    assert {f: c for f, c in report.plan.mapping.items() if f != "quantity"} == {
        "customer_id": "customer_id", "date": "date", "amount": "dollar_value"}
    assert figures(dataset) == CDNOW_FIGURES
    rows = dataset.con.execute("SELECT customer_id, CAST(date AS DATE)::VARCHAR, amount "
                               "FROM transactions WHERE customer_id = '00007' "
                               "ORDER BY date").fetchall()
    assert rows == [("00007", "1998-03-22", 138.5), ("00007", "1998-06-20", -12.0)]


def test_cdnow_number_of_cds_is_the_quantity(write_file, dataset):
    report = dataset.load(write_file("CDNOW_master.txt", CDNOW))
    assert report.plan.mapping.get("quantity") == "number_of_cds"


def test_cdnow_on_the_command_line(write_file):
    path = write_file("CDNOW_master.txt", CDNOW)
    out = subprocess.run([sys.executable, "-m", "loyalty", "kpis", "--transactions", path,
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert (info["rows_loaded"], info["rows_rejected"], info["customers"], info["orders"],
            info["net_revenue"], info["first_date"], info["last_date"]) == CDNOW_FIGURES


@pytest.mark.parametrize("text,pattern,first", [
    # Names of one, two and three words: splitting at any space is not consistent.
    ("name         date         amount\n"
     "Max Müller   2025-01-02   10.50\n"
     "Li           2025-01-03    7.25\n"
     "Anna M. Ott  2025-01-04    3.00\n",
     r"\s{2,}|\t", ["Max Müller", "2025-01-02", "10.50"]),
    # Every name has two words, but the header's own split has three columns.
    ("name         date         amount\n"
     "Max Müller   2025-01-02   10.50\n"
     "Li Wu        2025-01-03    7.25\n"
     "Anna Ott     2025-01-04    3.00\n",
     r"\s{2,}|\t", ["Max Müller", "2025-01-02", "10.50"]),
    # One space between values everywhere, agreeing with the header.
    ("customer date amount\nC1 2025-01-02 10.50\nC22 2025-01-03 7.25\nC3 2025-01-04 3.00\n",
     None, ["C1", "2025-01-02", "10.50"]),
])
def test_spaces_inside_values_keep_the_two_space_split(write_file, text, pattern, first):
    d = sniff(write_file("f.txt", text))
    assert d.sample_rows[0] == first
    assert len(d.columns) == 3
    if pattern:
        assert (d.delimiter, d.whitespace_pattern) == (WHITESPACE, pattern)


def test_single_space_separated_csv_with_quoted_values(write_file, dataset):
    text = ('id date amount category\n'
            '1 2025-01-02 10.50 "two words"\n'
            '2 2025-01-03 7.25 single\n'
            '3 2025-01-04 3.00 "a b c"\n'
            '4 2025-01-05 x "bad one"\n')          # line 5: not a number
    path = write_file("space.csv", text)
    d = sniff(path)
    assert (d.delimiter, d.delimiter_key, d.delimiter_label) == (" ", "space", "space")
    report = dataset.load(path, table="transactions")
    assert (report.rows_loaded, report.rows_rejected) == (3, 1)
    assert dataset.rejects().line.tolist() == [5]
    assert dataset.rejects().code.tolist() == ["invalid_amount"]
    assert dataset.con.execute("SELECT customer_id, category, amount FROM transactions "
                               "ORDER BY customer_id").fetchall() == [
        ("1", "two words", 10.5), ("2", "single", 7.25), ("3", "a b c", 3.0)]


def test_single_quote_as_quote_character(write_file, dataset):
    text = ("customer_id,date,amount,category\n"
            "C1,2025-01-02,10.50,'Books, used'\n"
            "C2,2025-01-03,7.25,Toys\n"
            "C3,2025-01-04,3.00,'Garden, tools, small'\n"
            "C4,2025-01-05,1.00,O'Brien's\n"
            "C5,2025-01-06,'1,000.00','Music'\n")
    path = write_file("quotes.csv", text)
    d = sniff(path)
    assert (d.quote, d.escape, d.quote_key) == ("'", "'", "single")
    report = dataset.load(path)
    assert (report.rows_loaded, report.rows_rejected) == (5, 0)
    assert dataset.con.execute("SELECT category, amount FROM transactions "
                               "ORDER BY customer_id").fetchall() == [
        ("Books, used", 10.5), ("Toys", 7.25), ("Garden, tools, small", 3.0),
        ("O'Brien's", 1.0), ("Music", 1000.0)]


@pytest.mark.parametrize("escape,written,key", [
    ("\\", b'"say \\"hi\\""', "backslash"),
    ("\x00", b'"say \x00"hi\x00""', "nul"),
])
def test_escape_characters(write_file, dataset, escape, written, key):
    content = (b"customer_id,date,amount,category\n"
               b"C1,2025-01-02,10.50," + written + b"\n"
               b'C2,2025-01-03,7.25,"a, b"\n'
               b"C3,2025-01-04,3.00,plain\n"
               b"C4,2025-13-45,4.00,plain\n")      # line 5: no such date
    path = write_file("escaped.csv", content)
    d = sniff(path)
    assert (d.quote, d.escape, d.escape_key) == ('"', escape, key)
    report = dataset.load(path)
    assert (report.rows_loaded, report.rows_rejected) == (3, 1)
    assert list(zip(dataset.rejects().line, dataset.rejects().code)) == [(5, "invalid_date")]
    assert dataset.con.execute("SELECT category FROM transactions "
                               "ORDER BY customer_id").fetchall() == [
        ('say "hi"',), ("a, b",), ("plain",)]


def test_nul_bytes_elsewhere_are_still_binary(write_file):
    from loyalty.errors import UnusableFile
    with pytest.raises(UnusableFile) as err:
        sniff(write_file("f.csv", b"a,b\n1,x\x00y\n2,z\n"))
    assert err.value.code == "binary_file"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_header_with_a_quoted_line_break(write_file, dataset, newline):
    text = newline.join(['"customer', 'id",date,amount',      # lines 1-2: one header record
                         "C1,2025-01-02,10.50",               # line 3
                         "C2,2025-01-03,7.25,x",              # line 4: one field too many
                         "C3,2025-01-04,abc",                 # line 5: not a number
                         "C4,2025-01-05,3.00"]) + newline     # line 6
    path = write_file("f.csv", text)
    d = sniff(path)
    assert (d.header_line, d.skip_lines, d.skip_records) == (1, 2, 1)
    report = dataset.load(path)
    assert (report.rows_loaded, report.rows_rejected) == (2, 2)
    assert list(zip(dataset.rejects().line, dataset.rejects().code)) == [
        (4, "too_many_fields"), (5, "invalid_amount")]
    assert dataset.con.execute("SELECT customer_id, amount FROM transactions "
                               "ORDER BY customer_id").fetchall() == [("C1", 10.5), ("C4", 3.0)]
    assert count_records(make_plan(path)) == 4


MIXED = ("customer_id;date;amount;category\n".encode()
         + "C1;02.01.2025;10,50;Müller\n".encode("utf-8")
         + "C2;03.01.2025;7,25;Müller\n".encode("cp1252")
         + "C3;04.01.2025;3,00;Jäger € 5\n".encode("utf-8")
         + "C4;05.01.2025;1,00;Jäger € 5\n".encode("cp1252")
         + "C5;06.01.2025;2,00;Straße\n".encode("cp1252")
         + "C6;07.01.2025;4,00;plain\n".encode())


def test_mixed_utf8_and_windows_1252_lines(write_file, dataset):
    path = write_file("mixed.csv", MIXED)
    d = sniff(path)
    assert (d.encoding, d.encoding_label) == ("mixed", "UTF-8 (some lines Windows-1252)")
    assert d.converted_lines == 3                       # C2, C4, C5
    report = dataset.load(path)
    assert (report.rows_loaded, report.rows_rejected) == (6, 0)
    assert report.plan.dialect.converted_lines == 3
    assert [r[0] for r in dataset.con.execute(
        "SELECT category FROM transactions ORDER BY customer_id").fetchall()] == [
        "Müller", "Müller", "Jäger € 5", "Jäger € 5", "Straße", "plain"]
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == pytest.approx(27.75)


def test_pure_windows_1252_stays_windows_1252(write_file):
    d = sniff(write_file("f.csv", MIXED.replace("Müller".encode(), "Müller".encode("cp1252"))
                         .replace("Jäger € 5".encode(), "Jäger € 5".encode("cp1252"))))
    assert (d.encoding, d.converted_lines) == ("cp1252", 0)


@pytest.mark.parametrize("name,neighbour", [
    ("sales[1]*.csv", "sales1-other.csv"),
    ("c?.csv", "cd.csv"),
])
def test_paths_with_glob_characters_are_read_literally(tmp_path, dataset, name, neighbour):
    (tmp_path / name).write_text("customer_id,date,amount\nC1,2025-01-01,5.00\n"
                                 "C2,2025-01-02,6.00\n")
    # A file the pattern would match: reading it too would add 100.00 and customer X1.
    (tmp_path / neighbour).write_text("customer_id,date,amount\nX1,2025-02-01,100.00\n")
    path = str(tmp_path / name)
    dataset.load(path)
    assert figures(dataset) == (2, 0, 2, 2, 11.0, "2025-01-01", "2025-01-02")
    assert count_records(make_plan(path)) == 2


def test_paths_with_glob_characters_in_a_windows_1252_file(tmp_path, dataset):
    (tmp_path / "k[1].csv").write_bytes("Kunde;Datum;Umsatz\nKö;01.01.2025;5,00\n"
                                        .encode("cp1252"))
    (tmp_path / "k1.csv").write_text("Kunde;Datum;Umsatz\nX;01.01.2025;100,00\n")
    dataset.load(str(tmp_path / "k[1].csv"))
    assert dataset.con.execute("SELECT customer_id, amount FROM transactions").fetchall() == [
        ("Kö", 5.0)]


AMBIGUOUS = "a;b,c,d\n1;2,3,4\n5;6,7,8\n9;1,2,3\n"


def test_override_delimiter(write_file):
    path = write_file("f.csv", AMBIGUOUS)
    assert sniff(path).delimiter == ","
    d = sniff(path, delimiter=";")
    assert (d.delimiter, d.delimiter_key) == (";", "semicolon")
    assert d.columns == ["a", "b,c,d"]
    assert d.sample_rows[0] == ["1", "2,3,4"]


def test_override_no_header(write_file, dataset):
    text = "customer_id,date,amount\nC1,2025-01-02,10.50\nC2,2025-01-03,7.25\n"
    path = write_file("f.csv", text)
    d = sniff(path, header_line=0)
    assert (d.header, d.header_line, d.skip_lines) == (False, None, 0)
    assert d.columns == ["column_1", "column_2", "column_3"]
    assert d.sample_rows[0] == ["customer_id", "date", "amount"]
    report = dataset.load(path, table="transactions", dialect=d,
                          mapping={"customer_id": "column_1", "date": "column_2",
                                   "amount": "column_3"})
    # The header is now a record of its own, and not a sale: its date is not a date.
    assert (report.rows_loaded, report.rows_rejected) == (2, 1)
    assert list(zip(dataset.rejects().line, dataset.rejects().code)) == [(1, "invalid_date")]


def test_override_header_line(write_file):
    text = "Export 2025\nmore notes here\nid,when,total\nC1,2025-01-02,10.50\nC2,2025-01-03,7.25\n"
    d = sniff(write_file("f.csv", text), header_line=3)
    assert (d.header, d.header_line, d.skip_lines) == (True, 3, 3)
    assert d.columns == ["id", "when", "total"]


def test_override_encoding_quote_and_escape(write_file):
    path = write_file("f.csv", "k;n\nK1;'Köln; Mitte'\nK2;x\nK3;y\nK4;z\n".encode("cp1252"))
    d = sniff(path, encoding="latin-1", quote="'", escape="\\")
    assert (d.encoding, d.quote, d.escape) == ("latin-1", "'", "\\")
    assert d.sample_rows[0] == ["K1", "Köln; Mitte"]
    assert sniff(path, quote="").sample_rows[0] == ["K1", "'Köln", " Mitte'"]


@pytest.mark.parametrize("override", [
    {"encoding": "ebcdic"}, {"delimiter": ":"}, {"quote": "`"}, {"escape": "/"},
    {"header_line": -1},
])
def test_override_outside_the_choices(write_file, override):
    with pytest.raises(ValueError):
        sniff(write_file("f.csv", "a,b\n1,2\n3,4\n"), **override)


def test_choices_are_the_documented_codes():
    assert ENCODINGS == ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252",
                         "latin-1", "mixed")
    assert DELIMITER_CHOICES == (",", ";", "\t", "|", " ", "whitespace")
    assert QUOTE_CHOICES == ('"', "'", "")
    assert ESCAPE_CHOICES[:4] == ('"', "'", "\\", "")


def test_line_numbers_after_a_quoted_line_break_in_the_data(write_file, dataset):
    text = ('customer_id,date,amount,category\n'
            'C1,2025-01-02,1.00,"two\nlines"\n'      # lines 2-3: one record
            'C2,2025-01-03,2.00,x,y\n'                # line 4: one field too many
            '\n'                                      # line 5: empty, not a record
            'C3,2025-01-04,zz,x\n'                    # line 6: not a number
            'C4,2025-01-05,4.00,"a\nb\nc"\n'          # lines 7-9
            'C5,2025-01-06,"3\n')                     # line 10: quote never closed
    report = dataset.load(write_file("f.csv", text))
    assert (report.rows_loaded, report.rows_rejected) == (2, 3)
    assert list(zip(dataset.rejects().line, dataset.rejects().code)) == [
        (4, "too_many_fields"), (6, "invalid_amount"), (10, "unclosed_quote")]


def _records(n: int, broken: dict[int, str], sep: str = ",", newline: str = "\n") -> str:
    """Header plus records 1..n (record k on line k + 1); ``broken`` replaces records."""
    lines = [sep.join(["customer_id", "date", "amount", "note"])]
    for k in range(1, n + 1):
        lines.append(broken.get(k, sep.join([f"C{k}", f"2025-01-{k % 28 + 1:02d}", "1.00",
                                             '"fine"' if k % 5 == 0 else "fine"])))
    return newline.join(lines) + newline


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_unclosed_quote_rejects_only_its_own_line(write_file, dataset, newline):
    # The case: 42 records, record 21 opens a quote it never closes. Records 25, 30,
    # 35 and 40 quote their note properly, so DuckDB's swallowed field ends in the middle.
    text = _records(42, {21: 'C21,2025-01-22,1.00,"14" pizza', 33: "C33,2025-01-06,zz,x"},
                    newline=newline)
    report = dataset.load(write_file("f.csv", text))
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (42, 40, 2)
    rejects = dataset.rejects()
    assert list(zip(rejects.line, rejects.code)) == [(22, "unclosed_quote"),
                                                     (34, "invalid_amount")]
    assert rejects.raw[0] == 'C21,2025-01-22,1.00,"14" pizza'
    assert headline(dataset)["net_revenue"] == 40.0


def test_several_unclosed_quotes_in_a_windows_1252_file(write_file, dataset):
    lines = ["Kunde;Datum;Betrag;Notiz"] + [f"K{k};{k:02d}.01.2025;1,00;ok" for k in range(1, 13)]
    lines[2] = 'K2;02.01.2025;1,00;"Müller'
    lines[3] = 'K3;03.01.2025;1,00;"Weiß'
    lines[9] = 'K9;09.01.2025;1,00;Bäcker "Nord'  # a quote inside a value is just a character
    lines[11] = 'K11;11.01.2025;1,00;"Nord'
    report = dataset.load(write_file("f.csv", "\n".join(lines) + "\n", "cp1252"))
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (12, 9, 3)
    assert list(dataset.rejects().line) == [3, 4, 12]
    assert dataset.rejects().raw[1] == 'K3;03.01.2025;1,00;"Weiß'


def test_inspect_counts_the_records_after_an_unclosed_quote(write_file):
    from loyalty.reading.ingest import count_records
    from loyalty.reading.plan import make_plan
    path = write_file("f.csv", _records(10, {4: 'C4,2025-01-05,1.00,"open'}))
    assert count_records(make_plan(path)) == 10


def test_a_file_broken_on_every_line_gets_one_sentence_not_endless_rereading(write_file,
                                                                              dataset):
    from loyalty.errors import UnusableFile
    from loyalty.reading.unclosed import MAX_DROPPED
    lines = ["customer_id,date,amount,note"] + [f'C{k},2025-01-01,1.00,"open {k}'
                                                 for k in range(1, MAX_DROPPED + 11)]
    with pytest.raises(UnusableFile) as err:
        dataset.load(write_file("f.csv", "\n".join(lines) + "\n"))
    assert err.value.code == "unclosed_quotes"
    assert err.value.message.startswith("More than 20 lines open a quote")
