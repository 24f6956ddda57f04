"""Typed reading: DuckDB converts the columns a sample proves clean, and the result is the
checking read's, value for value; anything else falls back to the checking read."""

import duckdb
import pytest

from loyalty.reading import ingest
from loyalty.reading.ingest import ensure_support_objects
from loyalty.reading.plan import make_plan
from loyalty.reading.sniff import SAMPLE_RECORDS
from loyalty.reading.typed import typed_read
from loyalty.storage.dataset import Dataset
from loyalty.storage.db import columns, scalar

# Enough clean records that a value after them is outside the plan's sample.
CLEAN = SAMPLE_RECORDS + 100


@pytest.fixture
def con():
    c = duckdb.connect()
    ensure_support_objects(c)
    yield c
    c.close()


@pytest.fixture
def reads(monkeypatch):
    """The outcome of each typed read tried: True (kept) or False (read again, checking)."""
    seen = []
    original = ingest._read_typed

    def spy(*args, **kwargs):
        seen.append(original(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(ingest, "_read_typed", spy)
    return seen


@pytest.mark.parametrize("name,text,types,options", [
    ("en.csv", "customer_id,date,amount,discount\nC1,2025-01-02,10.50,0.5\nC2,2025-01-03,7,\n",
     {"date": "TIMESTAMP", "amount": "DOUBLE", "discount": "DOUBLE"}, {}),
    # A grouped amount needs the checking conversion; the discount and the date do not.
    ("de.csv", "Kunde;Datum;Umsatz;Rabatt\nK1;31.12.2025 10:15;1.234,56;0,50\n"
               "K2;01.12.2025 09:00;12,50;0,00\n",
     {"date": "TIMESTAMP", "discount": "DOUBLE"},
     {"timestampformat": "%d.%m.%Y %H:%M", "decimal_separator": ","}),
    ("de_plain.csv", "Kunde;Datum;Umsatz\nK1;31.12.2025;1234,56\nK2;01.12.2025;12,50\n",
     {"date": "TIMESTAMP", "amount": "DOUBLE"},
     {"timestampformat": "%d.%m.%Y", "decimal_separator": ","}),
    ("money.csv", "customer_id,date,amount\nC1,2025-01-02,€10.50\nC2,2025-01-03,€7.00\n",
     {"date": "TIMESTAMP"}, {}),
    # A decimal comma that also separates fields is not a reader option DuckDB takes.
    ("comma.csv", 'customer_id,date,amount\nC1,2025-01-02,"10,50"\nC2,2025-01-03,"7,25"\n',
     {"date": "TIMESTAMP"}, {}),
    ("months.csv", "customer_id,date,amount\nC1,Mar 1 2025,10.50\nC2,Mar 2 2025,7.00\n",
     {"amount": "DOUBLE"}, {}),
])
def test_which_columns_are_read_typed(write_file, con, name, text, types, options):
    read = typed_read(make_plan(write_file(name, text)), con)
    assert (read.types, read.options) == (types, options)


@pytest.mark.parametrize("name,text", [
    # The text of cancelled orders, line items and members is kept: a typed read has none.
    ("status.csv", "customer_id,date,amount,status\nC1,2025-01-02,10.50,paid\n"
                   "C2,2025-01-03,7.00,cancelled\n"),
    ("items.csv", "order_id,customer_id,date,amount,item\nO1,C1,2025-01-02,10.50,a\n"
                  "O1,C1,2025-01-02,10.50,b\nO2,C2,2025-01-03,7.00,c\n"),
    ("members.csv", "customer_id,joined,tier\nC1,2025-01-02,Gold\nC2,2025-01-03,Silver\n"),
    ("nothing.csv", "customer_id,date,amount\nC1,Mar 1 2025,€10.50\nC2,Mar 2 2025,€7.00\n"),
])
def test_files_read_the_checking_way_only(write_file, con, name, text):
    assert typed_read(make_plan(write_file(name, text)), con) is None


def _file(last: str, header="customer_id,date,amount", row="C{i},2025-01-02,1.50") -> str:
    rows = [header] + [row.format(i=i) for i in range(CLEAN)] + [last]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("value,amount,typed", [
    ("12.50", 12.5, True),
    ("1e5", 100000.0, True),
    ("1.5E-3", 0.0015, True),
    (".5", 0.5, True),
    ("5.", 5.0, True),
    ("+5", 5.0, True),
    (" 5 ", 5.0, True),
    ("1_000", 1000.0, True),
    ("-0", 0.0, True),
    # The reader cannot convert these: the checking read does, as it always has.
    ('"1,234.50"', 1234.5, False),
    ("$7.25", 7.25, False),
    ("(3.00)", -3.0, False),
    # ... or rejects them, with the line and the reason.
    ("inf", None, False),
    ("nan", None, False),
    ('"1,5"', None, False),
    ("abc", None, False),
])
def test_a_value_after_the_sample_reads_as_the_checking_read_does(
        write_file, dataset, reads, monkeypatch, value, amount, typed):
    path = write_file("tx.csv", _file(f"LAST,2025-01-03,{value}"))
    report = dataset.load(path)
    assert reads == [typed]
    assert report.rows_read == CLEAN + 1
    got = dataset.con.execute(
        "SELECT amount FROM transactions WHERE customer_id = 'LAST'").fetchall()
    if amount is None:
        assert (report.rows_loaded, got) == (CLEAN, [])
        rejects = dataset.rejects()
        assert list(zip(rejects.line, rejects.code)) == [(CLEAN + 2, "invalid_amount")]
    else:
        assert (report.rows_loaded, got) == (CLEAN + 1, [(amount,)])

    # The checking read alone gives the same.
    monkeypatch.setattr(ingest, "typed_read", lambda plan, con: None)
    other = Dataset()
    try:
        again = other.load(path)
        same = other.con.execute(
            "SELECT amount FROM transactions WHERE customer_id = 'LAST'").fetchall()
        assert (again.rows_loaded, same) == (report.rows_loaded, got)
        assert other.rejects().code.tolist() == dataset.rejects().code.tolist()
    finally:
        other.close()


@pytest.mark.parametrize("value,stored,typed", [
    ("2025-03-01 10:15:00", "2025-03-01 10:15:00", True),
    ("2025-03-01T09:14:03.000+00:00", "2025-03-01 09:14:03", True),
    ("2025-3-1", "2025-03-01 00:00:00", True),
    (" 2025-03-01 ", "2025-03-01 00:00:00", False),
    ("0025-03-01", None, False),
    ("2025-02-30", None, False),
])
def test_a_date_after_the_sample_reads_as_the_checking_read_does(
        write_file, dataset, reads, value, stored, typed):
    report = dataset.load(write_file("tx.csv", _file(f'LAST,"{value}",1.00')))
    assert reads == [typed]
    got = dataset.con.execute(
        "SELECT CAST(date AS VARCHAR) FROM transactions WHERE customer_id = 'LAST'").fetchall()
    assert got == ([] if stored is None else [(stored,)])
    if stored is None:
        assert dataset.rejects().code.tolist() == ["invalid_date"]


def test_a_german_file_with_bad_lines_after_the_sample(write_file, dataset, reads):
    header = "Kunde;Datum;Umsatz;Rabatt"
    row = "K{i};31.12.2025 10:15;2,50;0,10"
    rows = [header] + [row.format(i=i) for i in range(CLEAN)]
    rows += ["X1;31.12.2025 10:15;12.50;0,10",      # a decimal point in a decimal-comma file
             "X2;31.02.2025 10:15;3,00;0,10",       # no such day
             "X3;01.03.25 10:15;3,00;0,10",         # a two-digit year where four are written
             "X4;01.03.2025 10:15;1.234,50;0,10",   # grouped: read by the checking read
             "X5;01.03.2025 10:15;4,00;0,10;x"]     # one field too many
    report = dataset.load(write_file("kasse.csv", "\n".join(rows) + "\n", "cp1252"))
    assert reads == [False]
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (CLEAN + 5,
                                                                           CLEAN + 1, 4)
    rejects = dataset.rejects()
    first = CLEAN + 2
    assert list(zip(rejects.line, rejects.code)) == [
        (first, "invalid_amount"), (first + 1, "invalid_date"), (first + 2, "invalid_date"),
        (first + 4, "too_many_fields")]
    assert dataset.con.execute(
        "SELECT amount FROM transactions WHERE customer_id = 'X4'").fetchall() == [(1234.5,)]


def test_a_clean_file_is_read_once_and_typed(write_file, dataset, reads):
    text = ("Kunde;Datum;Umsatz;Rabatt\nK1;31.12.2025 10:15;1234,56;0,50\n"
            "K2;01.12.2025 09:00;-12,50;\n0;02.12.2025 09:00;7,00;0,00\n")
    report = dataset.load(write_file("kasse.csv", text))
    assert reads == [True]
    assert (report.rows_loaded, report.rows_rejected) == (3, 0)
    assert dataset.con.execute(
        "SELECT customer_id, CAST(date AS VARCHAR), amount, discount FROM transactions "
        "ORDER BY amount").fetchall() == [
        ("K2", "2025-12-01 09:00:00", -12.5, None),
        (None, "2025-12-02 09:00:00", 7.0, 0.0),
        ("K1", "2025-12-31 10:15:00", 1234.56, 0.5)]


def test_a_file_read_typed_stores_only_what_it_holds(write_file, dataset, reads):
    report = dataset.load(write_file("tx.csv", "customer_id,date,amount,channel\n"
                                               "C1,2025-01-02,10.50,web\nC2,2025-01-03,7,\n"))
    assert reads == [True]
    assert columns(dataset.con, report.storage_table) == {
        "customer_id", "date", "amount", "order_id", "channel", "_bad", "_fields", "_o"}
    # The other fields read as missing, as from any file without them.
    assert dataset.con.execute(
        "SELECT customer_id, channel, store, quantity FROM transactions "
        "ORDER BY customer_id").fetchall() == [("C1", "web", None, None), ("C2", None, None, None)]
    assert scalar(dataset.con, "SELECT typeof(quantity) FROM transactions LIMIT 1") == "DOUBLE"


def test_a_file_with_refunded_amounts_stores_every_field(write_file, dataset, reads):
    report = dataset.load(write_file("tx.csv", "order_id,customer_id,date,amount,refunded_amount\n"
                                               "O1,C1,2025-01-02,10.50,\nO2,C2,2025-01-03,7,2\n"))
    assert reads == [True]
    assert {"store", "tier", "refund_date"} <= columns(dataset.con, report.storage_table)
    assert dataset.con.execute("SELECT amount FROM transactions ORDER BY amount").fetchall() == [
        (-2.0,), (7.0,), (10.5,)]


@pytest.mark.parametrize("text,seeded,unique", [
    ("order_id,customer_id,date,amount\nO1,C1,2025-01-02,10\nO2,C2,2025-01-03,7\n", True, True),
    # Line items: the load folds them into one row per order and leaves the question open.
    ("order_id,customer_id,date,amount\nO1,C1,2025-01-02,10\nO1,C1,2025-01-02,7\n", False, True),
    # Refund rows share their sale's order id.
    ("order_id,customer_id,date,amount,refunded_amount\nO1,C1,2025-01-02,10,\n"
     "O2,C2,2025-01-03,7,2\n", False, False),
])
def test_the_load_answers_whether_orders_are_rows(write_file, dataset, text, seeded, unique):
    dataset.load(write_file("tx.csv", text))
    assert ((dataset.version, "orders_are_rows") in dataset._facts) == seeded
    assert dataset.orders_are_rows() == unique


def test_a_second_sales_file_is_asked_again(write_file, dataset):
    dataset.load(write_file("a.csv", "order_id,customer_id,date,amount\nO1,C1,2025-01-02,10\n"))
    dataset.load(write_file("b.csv", "order_id,customer_id,date,amount\nO2,C2,2025-02-02,5\n"
                                     "O3,C2,2025-02-03,5\n"))
    assert (dataset.version, "orders_are_rows") not in dataset._facts
    assert dataset.orders_are_rows() is True


def test_a_file_bad_after_its_sample_is_read_again_in_full(write_file, dataset, reads):
    # Every amount after the sample has a decimal point in a decimal-comma file.
    rows = ["Kunde;Datum;Umsatz"] + [f"K{i};31.12.2025;2,50" for i in range(CLEAN)]
    rows += [f"X{i};31.12.2025;2.50" for i in range(500)]
    report = dataset.load(write_file("kasse.csv", "\n".join(rows) + "\n"))
    assert reads == [False]
    assert (report.rows_loaded, report.rows_rejected) == (CLEAN, 500)
    assert report.reasons == {"invalid_amount": 500}
    assert dataset.rejects().line.tolist() == list(range(CLEAN + 2, CLEAN + 502))
