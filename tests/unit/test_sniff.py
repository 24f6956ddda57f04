"""Dialect detection on tiny hand-written files."""

import codecs

import pytest

from loyalty.errors import UnusableFile
from loyalty.reading.sniff import WHITESPACE, sniff

EN = "customer_id,date,amount\nC1,2025-01-02,10.50\nC2,2025-01-03,7.25\nC1,2025-02-01,3.00\n"
DE = "Kundennummer;Datum;Umsatz\nK1;02.01.2025;10,50\nK2;03.01.2025;1.234,56\nK1;01.02.2025;3,00\n"


@pytest.mark.parametrize("text,delimiter", [
    (EN, ","),
    (DE, ";"),
    (EN.replace(",", "\t"), "\t"),
    (EN.replace(",", "|"), "|"),
])
def test_delimiter(write_file, text, delimiter):
    d = sniff(write_file("f.csv", text))
    assert d.delimiter == delimiter
    assert d.header is True
    assert d.skip_lines == 1
    assert len(d.columns) == 3


def test_german_decimal_commas_do_not_make_comma_the_separator(write_file):
    # Every row has exactly one decimal comma, so splitting on commas is consistent too.
    text = "Kunde;Datum;Betrag\nK1;02.01.2025;10,50\nK2;03.01.2025;7,25\nK3;04.01.2025;3,00\n"
    assert sniff(write_file("f.csv", text)).delimiter == ";"


def test_whitespace_aligned_columns(write_file):
    text = ("customer   date          amount\n"
            "C1         2025-01-02     10.50\n"
            "C22        2025-01-03      7.25\n"
            "C3         2025-02-01      3.00\n")
    d = sniff(write_file("f.txt", text))
    assert d.delimiter == WHITESPACE
    assert d.columns == ["customer", "date", "amount"]


def test_preamble_lines_are_skipped(write_file):
    text = "Umsatzexport Filiale 3\nErstellt: 02.01.2026\n\n" + DE
    d = sniff(write_file("f.csv", text))
    assert d.header_line == 4
    assert d.skip_lines == 4
    assert d.columns == ["Kundennummer", "Datum", "Umsatz"]


def test_no_header_is_recognised(write_file):
    d = sniff(write_file("f.csv", "C1,2025-01-02,10.50\nC2,2025-01-03,7.25\nC3,2025-01-04,1.00\n"))
    assert d.header is False
    assert d.skip_lines == 0
    assert d.columns == ["column_1", "column_2", "column_3"]


def test_quoted_fields_with_separators_quotes_and_line_breaks(write_file):
    text = ('id,comment,amount\n1,"Hello, ""world""",2.50\n2,"two\nlines",3.00\n'
            '3,plain,4.00\n')
    d = sniff(write_file("f.csv", text))
    assert d.delimiter == ","
    assert d.sample_rows[0] == ["1", 'Hello, "world"', "2.50"]
    assert d.sample_rows[1] == ["2", "two\nlines", "3.00"]


@pytest.mark.parametrize("encoding,bom,expected", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("utf-16-le", b"", "utf-16-le"),
    ("cp1252", b"", "cp1252"),
])
def test_encodings(write_file, encoding, bom, expected):
    text = "Kunde;Stadt;Betrag\nK1;Köln;12,50 €\nK2;Düsseldorf;3,00 €\nK3;Gießen;1,00 €\n"
    d = sniff(write_file("f.csv", bom + text.encode(encoding)))
    assert d.encoding == expected
    assert d.sample_rows[0] == ["K1", "Köln", "12,50 €"]


def test_latin1_bytes_undefined_in_cp1252(write_file):
    # 0x81 is undefined in Windows-1252: the file can only be Latin-1.
    d = sniff(write_file("f.csv", b"a;b\nx\x81;\xe4\ny;z\nw;v\n"))
    assert d.encoding == "latin-1"


@pytest.mark.parametrize("content,code", [
    (b"", "empty_file"),
    (b"\n\n  \n", "empty_file"),
    (b"PK\x03\x04\x14\x00\x06\x00", "excel_file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "excel_file"),
    (b"%PDF-1.7\n", "pdf_file"),
    (b"\x00\x01\x02\x03\xff\xfe\x00\x00\x10", "binary_file"),
    (b"customer_id;date;amount\n", "header_only"),
    (b"just one column\nof words\nhere\n", "no_columns"),
])
def test_unusable_files_get_one_clear_sentence(write_file, content, code):
    with pytest.raises(UnusableFile) as err:
        sniff(write_file("f.csv", content))
    assert err.value.code == code
    assert err.value.message.endswith(".")
    assert "\n" not in err.value.message
