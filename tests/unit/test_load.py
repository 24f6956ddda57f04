"""Loading files into DuckDB: every record is loaded or rejected with its line and reason."""

import pytest

from loyalty.storage.db import scalar
from loyalty.errors import UnusableFile

GERMAN_TILL = (
    "Kassenexport Filiale Mitte\n"          # line 1
    "Erstellt am 02.01.2026\n"              # line 2
    "Kunden-Nr;Datum;Umsatz;Rabatt;Bon-Nr;Filiale\n"
    "K001;31.12.2025;1.234,56;0,00;B1;Mitte\n"
    "K002;01.12.2025;12,50 €;1,25;B2;Süd\n"
    "\n"                                    # line 6: empty, not a record
    "K001;15.11.2025 14:30;-20,00;;B3;Mitte\n"
    "K003;32.13.2025;5,00;;B4;Mitte\n"      # line 8: no such date
    "K004;01.10.2025;abc;;B5;Mitte\n"       # line 9: not a number
    ";02.10.2025;7,00;;B6;Mitte\n"          # line 10: anonymous sale, loaded
    "K005;03.10.2025;1.250;;B7;Mitte;x\n"   # line 11: one field too many
    "Summe;;1.234,56;;;\n"                  # line 12: footer, no date
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_german_till_export(write_file, dataset, encoding):
    report = dataset.load(write_file("kasse.csv", GERMAN_TILL, encoding))
    assert report.table == "transactions"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (8, 4, 4)
    rejects = dataset.rejects()
    assert list(zip(rejects.line, rejects.code)) == [
        (8, "invalid_date"), (9, "invalid_amount"), (11, "too_many_fields"), (12, "missing_date")]
    assert rejects.raw[0] == "K003;32.13.2025;5,00;;B4;Mitte"
    assert "32.13.2025" in rejects.reason[0]
    tx = dataset.con.execute(
        "SELECT customer_id, amount, discount, store FROM transactions ORDER BY order_id").fetchall()
    assert tx == [("K001", 1234.56, 0.0, "Mitte"), ("K002", 12.5, 1.25, "Süd"),
                  ("K001", -20.0, None, "Mitte"), (None, 7.0, None, "Mitte")]


def test_quoted_fields_and_line_breaks(write_file, dataset):
    text = ('customer_id,date,amount,category\n'
            'C1,2025-01-02,10.50,"Books, used"\n'
            'C2,2025-01-03,7.25,"say ""hi""\nand bye"\n'
            'C3,2025-01-04,"1,000.00",Toys\n')
    report = dataset.load(write_file("orders.csv", text))
    assert (report.rows_loaded, report.rows_rejected) == (3, 0)
    rows = dataset.con.execute("SELECT category, amount FROM transactions ORDER BY customer_id").fetchall()
    assert rows == [("Books, used", 10.5), ('say "hi"\nand bye', 7.25), ("Toys", 1000.0)]


def test_unclosed_quote_is_rejected_with_its_line(write_file, dataset):
    text = 'customer_id,date,amount\nC1,2025-01-02,1.00\nC2,2025-01-03,"2.00\n'
    report = dataset.load(write_file("orders.csv", text))
    assert (report.rows_loaded, report.rows_rejected) == (1, 1)
    assert dataset.rejects().code.tolist() == ["unclosed_quote"]
    assert dataset.rejects().line.tolist() == [3]


def test_thousands_only_column_in_german_file(write_file, dataset):
    text = "Kunde;Datum;Umsatz\nK1;01.01.2025;1.250\nK2;02.01.2025;2.500\nK3;03.01.2025;750\n"
    dataset.load(write_file("f.csv", text))
    amounts = [r[0] for r in dataset.con.execute(
        "SELECT amount FROM transactions ORDER BY customer_id").fetchall()]
    assert amounts == [1250.0, 2500.0, 750.0]


@pytest.mark.parametrize("day_first,expected", [(True, "2025-04-03"), (False, "2025-03-04")])
def test_ambiguous_day_month_is_asked_and_can_be_chosen(write_file, dataset, day_first, expected):
    text = "customer,date,amount\nC1,03/04/2025,1.00\nC2,01/02/2025,2.00\n"
    path = write_file("f.csv", text)
    plan = dataset.plan(path)
    assert [q.code for q in plan.questions] == ["day_first"]
    dataset.load(path, day_first=day_first)
    first = scalar(dataset.con, "SELECT CAST(date AS DATE) FROM transactions WHERE customer_id='C1'")
    assert first.isoformat() == expected


def test_day_month_decided_by_the_data(write_file, dataset):
    text = "customer,date,amount\nC1,12/31/2025,1.00\nC2,01/02/2025,2.00\n"
    plan = dataset.plan(write_file("f.csv", text))
    assert plan.questions == []
    assert plan.date_formats["date"].label == "MM/DD/YYYY"


@pytest.mark.parametrize("value,stored", [
    ("20251231", "2025-12-31 00:00:00"),
    ("2025-12-31T23:59:00", "2025-12-31 23:59:00"),
    ("31.12.2025 08:05:09", "2025-12-31 08:05:09"),
    ("31-Dec-2025", "2025-12-31 00:00:00"),
    ("31. Dez. 2025", "2025-12-31 00:00:00"),
    ("31. Dezember 2025 08:05", "2025-12-31 08:05:00"),
    ("31.Dez.25", "2025-12-31 00:00:00"),
    ("1. März 2026", "2026-03-01 00:00:00"),
    ("3. Mai 2026", "2026-05-03 00:00:00"),
    ("Dec 31, 2025", "2025-12-31 00:00:00"),
    ("December 31 2025 11:30 PM", "2025-12-31 23:30:00"),
])
def test_date_layouts(write_file, dataset, value, stored):
    text = f"customer;date;amount\nC1;{value};1\nC2;{value};2\n"
    dataset.load(write_file("f.csv", text))
    assert str(scalar(dataset.con, "SELECT min(date) FROM transactions")) == stored


def test_no_header_maps_by_content(write_file, dataset):
    text = ("K17,2025-01-02,10.50,R-1\nK17,2025-01-05,7.25,R-2\nK20,2025-01-06,3.99,R-3\n"
            "K21,2025-01-07,4.00,R-4\nK20,2025-01-08,5.10,R-5\n")
    report = dataset.load(write_file("export.csv", text))
    assert report.table == "transactions"
    assert report.plan.mapping == {"date": "column_2", "amount": "column_3",
                                   "customer_id": "column_1", "order_id": "column_4"}
    assert report.rows_loaded == 5


def test_amount_from_quantity_and_unit_price(write_file, dataset):
    text = "customer_id;date;Menge;Einzelpreis\nC1;01.01.2025;3;2,50\nC2;02.01.2025;2;1,25\n"
    dataset.load(write_file("f.csv", text))
    assert dataset.con.execute(
        "SELECT amount FROM transactions ORDER BY customer_id").fetchall() == [(7.5,), (2.5,)]


def test_mapping_override(write_file, dataset):
    text = "customer_id,date,gross,net\nC1,2025-01-01,12.00,10.00\nC2,2025-01-02,6.00,5.00\n"
    path = write_file("f.csv", text)
    dataset.load(path, mapping={"amount": "net"})
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == 15.0


def test_required_field_missing_is_one_sentence(write_file, dataset):
    with pytest.raises(UnusableFile) as err:
        dataset.load(write_file("f.csv", "customer_id,date,note\nC1,2025-01-01,x\nC2,2025-01-02,y\n"),
                     table="transactions")
    assert err.value.code == "required_missing"
    assert "amount" in err.value.message


def test_surveys_scores_outside_range(write_file, dataset):
    text = ("Datum;Weiterempfehlung;Kundennummer\n"
            "01.01.2025;10;K1\n02.01.2025;11;K2\n03.01.2025;x;K3\n04.01.2025;7,5;K4\n"
            "05.01.2025;0;\n")
    report = dataset.load(write_file("umfrage.csv", text))
    assert report.table == "surveys"
    assert (report.rows_loaded, report.rows_rejected) == (2, 3)
    assert dataset.rejects().code.tolist() == ["score_out_of_range", "invalid_score",
                                               "score_out_of_range"]
    assert dataset.rejects().line.tolist() == [3, 4, 5]


def test_duplicate_members_are_rejected(write_file, dataset):
    text = "customer_id,tier,joined\nC1,Gold,2025-01-01\nC2,Silver,2025-02-01\nC1,Bronze,2025-03-01\n"
    report = dataset.load(write_file("members.csv", text))
    assert report.table == "members"
    assert (report.rows_loaded, report.rows_rejected) == (2, 1)
    assert dataset.rejects().line.tolist() == [4]
    assert dataset.rejects().code.tolist() == ["duplicate_member"]


def test_interaction_kinds_in_german(write_file, dataset):
    text = "Kundennummer;Datum;Art\nK1;01.01.2025;Bewertung\nK2;02.01.2025;Empfehlung\n" \
           "K3;03.01.2025;Beschwerde\nK4;04.01.2025;App-Login\nK5;05.01.2025;Newsletter\n"
    report = dataset.load(write_file("aktivitaeten.csv", text))
    assert report.table == "interactions"
    kinds = [r[0] for r in dataset.con.execute(
        "SELECT kind FROM interactions ORDER BY customer_id").fetchall()]
    assert kinds == ["review", "referral", "complaint", "app_login", "newsletter_signup"]


def test_whitespace_aligned_file(write_file, dataset):
    text = ("customer   date          amount\n"
            "C1         2025-01-02     10.50\n"
            "C22        2025-01-03      7.25\n"
            "\n"
            "C3         2025-02-01      3.00   oops\n"
            "C4         2025-02-02      4.00\n")
    report = dataset.load(write_file("f.txt", text), table="transactions")
    assert (report.rows_loaded, report.rows_rejected) == (3, 1)
    assert dataset.rejects().line.tolist() == [5]
    assert dataset.rejects().code.tolist() == ["wrong_field_count"]


def test_duplicate_order_ids_are_reported(write_file, dataset):
    text = ("customer_id,date,amount,order_id\nC1,2025-01-01,5.00,O1\nC1,2025-01-01,5.00,O1\n"
            "C2,2025-01-02,3.00,O2\nC3,2025-01-05,4.00,O2\n")
    report = dataset.load(write_file("orders.csv", text))
    assert report.rows_loaded == 4
    assert report.duplicates == {"order_ids_reused": 1, "rows_exact_copies": 1}


def test_rejects_csv_keeps_original_text(write_file, dataset, tmp_path):
    dataset.load(write_file("kasse.csv", GERMAN_TILL))
    out = tmp_path / "rejects.csv"
    assert dataset.write_rejects_csv(str(out)) == 4
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == '"file","line","code","reason","raw"'
    assert "K005;03.10.2025;1.250;;B7;Mitte;x" in text


def test_clear_removes_everything(write_file, dataset):
    dataset.load(write_file("kasse.csv", GERMAN_TILL))
    dataset.clear()
    assert scalar(dataset.con, "SELECT count(*) FROM transactions") == 0
    assert dataset.rejects().empty


@pytest.mark.parametrize("name,content,revenue", [
    ("cr_only.csv", "customer,date,amount\rC1,2025-01-01,1.50\rC2,2025-01-02,2.50\r", 4.0),
    ("excel_sep.csv", 'sep=;\nKunde;Datum;Umsatz\nK1;01.02.2025;"1.234,56"\nK2;02.02.2025;12,00\n',
     1246.56),
    ("trailing.csv", "a;b;c;\nK1;2025-01-01;5,00;\nK2;2025-01-02;6,00;\n", 11.0),
    ("french.csv", "client;date;montant\nC1;31/12/2025;1 234,56\nC2;01/12/2025;12,50\n", 1247.06),
    ("tab_crlf.tsv", "customer\tdate\tamount\r\nC1\t2025-01-01\t1.50\r\nC2\t2025-01-02\t2.50\r\n",
     4.0),
])
def test_odd_but_common_layouts(write_file, dataset, name, content, revenue):
    report = dataset.load(write_file(name, content), table="transactions")
    assert (report.rows_loaded, report.rows_rejected) == (2, 0)
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == pytest.approx(revenue)


def test_orders_already_loaded_from_an_earlier_export_count_once(write_file, dataset):
    first = ("customer_id,date,amount,order_id\n"
             "A,2025-01-01,10,O1\nB,2025-01-02,20,O2\nC,2025-01-03,5,O3\n")
    second = ("customer_id,date,amount,order_id\n"
              "B,2025-01-02,20,O2\nC,2025-01-03,5,O3\nD,2025-01-04,7,O4\n")
    assert dataset.load(write_file("jan.csv", first)).duplicates == {}
    r = dataset.load(write_file("jan_feb.csv", second))
    # O2 and O3 are in both: skipped; only O4 is new. 10 + 20 + 5 + 7 = 42.
    assert r.duplicates == {"orders_already_loaded": 2}
    assert (r.rows_read, r.rows_loaded, r.rows_skipped, r.rows_rejected) == (3, 1, 2, 0)
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == 42
    assert scalar(dataset.con, "SELECT count(DISTINCT order_id) FROM transactions") == 4
    # Without January, February's copies of O2 and O3 count again: 20 + 5 + 7 = 32.
    dataset.remove_file(1)
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == 32
    assert (dataset.reports[0].rows_loaded, dataset.reports[0].rows_skipped) == (3, 0)
    assert dataset.reports[0].duplicates == {}


def test_sales_without_order_ids_already_loaded_count_once(write_file, dataset):
    dataset.load(write_file("a.csv", "customer_id,date,amount\nA,2025-01-01,10\n,2025-01-05,3\n"))
    r = dataset.load(write_file("b.csv", "customer_id,date,amount\nA,2025-01-01,10\n"
                                          "A,2025-01-01,10\nA,2025-01-01,11\n,2025-01-05,3\n"))
    # a.csv has A's 10 on 1 Jan once and the anonymous 3 on 5 Jan: one of b's two 10s and its
    # 3 are skipped; the second 10 and the 11 are new. 10 + 3 + 10 + 11 = 34.
    assert r.duplicates == {"rows_already_loaded": 2}
    assert (r.rows_read, r.rows_loaded, r.rows_skipped) == (4, 2, 2)
    assert scalar(dataset.con, "SELECT sum(amount) FROM transactions") == 34


def test_a_later_members_file_updates_the_members_it_lists(write_file, dataset):
    dataset.load(write_file("tx.csv", "customer_id,date,amount\nA,2025-01-01,10\n"))
    dataset.load(write_file("m1.csv", "customer_id,tier\nA,Gold\nB,Silver\n"), table="members")
    dataset.load(write_file("m2.csv", "customer_id,tier\nA,Platinum\n"), table="members")
    rows = dataset.con.execute("SELECT customer_id, tier FROM members ORDER BY 1").fetchall()
    assert rows == [("A", "Platinum"), ("B", "Silver")]


def test_survey_answers_already_loaded_count_once(write_file, dataset):
    dataset.load(write_file("tx.csv", "customer_id,date,amount\nA,2025-01-01,10\n"))
    dataset.load(write_file("s1.csv", "customer_id,date,score\nA,2025-01-02,9\nB,2025-01-03,3\n"),
                 table="surveys")
    r = dataset.load(write_file("s2.csv", "customer_id,date,score\nB,2025-01-03,3\n"
                                          "C,2025-02-01,10\n"), table="surveys")
    assert (r.rows_loaded, r.rows_skipped) == (1, 1)
    assert scalar(dataset.con, "SELECT count(*) FROM surveys") == 3


@pytest.mark.parametrize("header,customer,order", [
    # A Shopify orders export: the order is "Name" (#1001), the customer only an e-mail.
    ("Name,Email,Created at,Total", "Email", "Name"),
    # A real customer number beats the e-mail address.
    ("Kundennummer,E-Mail,Datum,Betrag", "Kundennummer", None),
    ("Order ID,Billing Email,Date,Amount", "Billing Email", "Order ID"),
])
def test_email_as_the_customer_when_there_is_nothing_better(write_file, dataset, header,
                                                             customer, order):
    rows = "\n".join(f"#{1000 + i},c{i % 2}@example.com,2025-12-{10 + i} 10:15:00 +0100,1{i}.50"
                     for i in range(4))
    plan = dataset.plan(write_file("orders.csv", f"{header}\n{rows}\n"))
    assert plan.mapping.get("customer_id") == customer
    assert plan.mapping.get("order_id") == order


def test_load_names_its_stages_in_order(write_file, dataset):
    heard: list[str] = []
    tx = write_file("tx.csv", "customer_id;date;amount\nA;31.12.2025;1.234,56\n",
                    encoding="cp1252")
    dataset.load(tx, progress=heard.append)
    assert heard == ["prepare", "read", "check", "orders"]
    heard.clear()
    dataset.load(write_file("members.csv", "customer_id,joined\nA,2025-01-01\n"),
                 table="members", progress=heard.append)
    assert heard == ["prepare", "read", "check"]
    from loyalty.presentation.i18n import t
    assert [t(f"data.stage.{s}", "de") for s in ("prepare", "read")] == [
        "Datei wird vorbereitet", "Zeilen werden gelesen und umgewandelt"]


def test_guest_numbers_are_sales_without_a_customer(write_file, dataset):
    # Tills and shops write a sale without an account as 0, "Gast", "guest", "-" or "n/a", in
    # any case and with spaces; a number that merely contains one of them is a customer.
    rows = ["0", " GAST ", "Guest", "-", "N/A", "none", "NULL", "00", "guests", "K-0", "gast1"]
    text = "Kunde;Datum;Umsatz\n" + "".join(f"{c};02.01.2026;1,00\n" for c in rows)
    report = dataset.load(write_file("kasse.csv", text))
    assert (report.rows_loaded, report.rows_rejected) == (11, 0)
    ids = dataset.con.execute(
        "SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL "
        "ORDER BY customer_id").fetchall()
    assert [i for (i,) in ids] == ["00", "K-0", "gast1", "guests"]
