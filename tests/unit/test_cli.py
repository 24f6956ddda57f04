"""The command line, run as a user would: in a subprocess."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args):
    return subprocess.run([sys.executable, "-m", "loyalty", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


GERMAN = ("Kundennummer;Datum;Umsatz;Bon-Nr;Filiale\n"
          "K1;31.12.2025;1.234,56;B1;Köln\nK2;01.12.2025;12,50;B2;Köln\n"
          "K1;05.12.2025;x;B3;Düren\n")


def test_inspect_json(write_file):
    out = run("inspect", write_file("kasse.csv", GERMAN, "cp1252"), "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["table"] == "transactions"
    assert info["encoding"] == "Windows-1252"
    assert info["delimiter"] == "semicolon (;)"
    assert (info["decimal_separator"], info["thousands_separator"]) == (",", ".")
    assert info["date_format"] == "DD.MM.YYYY"
    assert info["mapping"] == {"customer_id": "Kundennummer", "date": "Datum",
                               "amount": "Umsatz", "order_id": "Bon-Nr", "store": "Filiale"}
    assert info["records"] == 3


def test_inspect_text(write_file):
    out = run("inspect", write_file("kasse.csv", GERMAN))
    assert out.returncode == 0
    assert "Separator:   semicolon (;)" in out.stdout


def test_kpis_json_and_rejects(write_file, tmp_path):
    nps = write_file("nps.csv", "date,score\n2025-01-01,10\n2025-01-02,3\n2025-01-03,12\n")
    rejects = tmp_path / "rejects.csv"
    out = run("kpis", "--transactions", write_file("kasse.csv", GERMAN), "--surveys", nps,
              "--rejects", str(rejects), "--json")
    assert out.returncode == 0, out.stderr
    k = json.loads(out.stdout)
    assert (k["rows_read"], k["rows_loaded"], k["rows_rejected"]) == (3, 2, 1)
    assert (k["customers"], k["orders"], k["net_revenue"]) == (2, 2, 1247.06)
    assert (k["first_date"], k["last_date"]) == ("2025-12-01", "2025-12-31")
    assert k["nps"] == 0.0
    assert k["surveys"] == {"rows_read": 3, "rows_loaded": 2, "rows_rejected": 1}
    assert rejects.read_text().count("\n") == 3  # header + two rejected records


def test_kpis_map_override(write_file):
    text = "kunde,tag,brutto,netto\nA,2025-01-01,12.00,10.00\nB,2025-01-02,6.00,5.00\n"
    out = run("kpis", "--transactions", write_file("f.csv", text), "--map", "customer_id=kunde",
              "--map", "date=tag", "--map", "amount=netto", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["net_revenue"] == 15.0


def test_kpis_unusable_file_exits_non_zero(write_file):
    out = run("kpis", "--transactions", write_file("empty.csv", ""))
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error: The file is empty")
    assert len(out.stderr.strip().splitlines()) == 1


def test_demo_writes_all_tables_reproducibly(tmp_path):
    for name in ("a", "b"):
        out = run("demo", "--out", str(tmp_path / name), "--customers", "60", "--seed", "5")
        assert out.returncode == 0, out.stderr
    for table in ("transactions", "members", "surveys", "interactions", "truth"):
        a = (tmp_path / "a" / f"{table}.csv").read_bytes()
        assert a == (tmp_path / "b" / f"{table}.csv").read_bytes()
        assert a.count(b"\n") > 1


def test_demo_german_dialect_loads_cleanly(tmp_path):
    out = run("demo", "--out", str(tmp_path), "--customers", "60", "--seed", "5", "--dialect", "de")
    assert out.returncode == 0, out.stderr
    raw = (tmp_path / "transactions.csv").read_bytes()
    assert raw.startswith("Kundennummer;Datum;Umsatz".encode("cp1252"))
    out = run("kpis", *[x for t in ("transactions", "members", "surveys", "interactions")
                        for x in (f"--{t}", str(tmp_path / f"{t}.csv"))], "--json")
    k = json.loads(out.stdout)
    assert k["rows_rejected"] == 0
    assert k["rows_loaded"] == raw.count(b"\n") - 1
    assert k["members"]["rows_rejected"] == 0


def test_customers_writes_one_row_per_customer(write_file, tmp_path):
    tx = ("customer_id,date,amount,order_id,discount\n"
          + "".join(f"A,2025-0{m}-01,10.00,A{m},2.00\n" for m in range(1, 7))
          + "".join(f"=B,2025-0{m}-03,20.00,B{m},0\n" for m in range(1, 3)))
    out = tmp_path / "customers.csv"
    result = run("customers", "--transactions", write_file("tx.csv", tx), "--out", str(out))
    assert result.returncode == 0, result.stderr
    import csv
    with open(out, encoding="utf-8-sig") as fh:
        rows = {r["customer_id"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {"A", "'=B"}          # a formula-like id is defused for Excel
    assert rows["A"]["loyalty_type"] == "price_loyal"
    assert rows["A"]["reasons"] == "100% of orders used a discount"
    # Two orders, the first 149 days before the last day of the data: occasional, not new.
    assert rows["'=B"]["loyalty_type"] == "occasional"
    assert rows["A"]["score_perk_loyal"] == ""        # no perk data: unknown, not 0
    assert ("cannot be told from this data: Perk-loyal: needs perk use, e.g. an interactions "
            "export with perk_use events") in result.stdout.splitlines()
    assert {"score_advocate", "lifecycle", "R", "F", "M", "orders", "discount_share", "p_alive",
            "expected_purchases_90d", "clv_12m"} <= set(rows["A"])


def test_programme_difference_in_differences(write_file):
    from ..shops import PROGRAMME_MEMBERS, PROGRAMME_TX
    out = run("programme", "--transactions", write_file("tx.csv", PROGRAMME_TX),
              "--members", write_file("members.csv", PROGRAMME_MEMBERS), "--months", "2",
              "--cost", "50", "--margin", "0.5", "--json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["launch"] == "2025-07-01"
    assert r["effect_per_member_month"] == 40.0       # (+35) - (-5), see tests/shops.py
    assert r["roi"] == {"incremental_revenue": 160.0, "incremental_profit": 80.0, "net": 30.0,
                        "roi": 0.6}
    text = run("programme", "--transactions", write_file("tx2.csv", PROGRAMME_TX),
               "--launch", "2025-06-01", "--months", "1")
    assert text.returncode == 0 and "Not enough members" in text.stdout


def test_report_writes_the_board_pack(tmp_path):
    from pypdf import PdfReader
    out = tmp_path / "pack.pdf"
    done = run("report", "--out", str(out), "--lang", "de", "--period", "01.05.2026:31.10.2026")
    assert done.returncode == 0, done.stderr
    assert "Management-Bericht, Demodaten, 01.05.2026 – 31.10.2026" in done.stdout
    reader = PdfReader(str(out))
    assert [o.title for o in reader.outline] == [
        "Kennzahlen auf einen Blick", "Übersicht", "Treuetypen", "NPS", "Abwanderung und Bindung",
        "Stufen und Punkte", "Programm", "Gespeicherte Was-wäre-wenn-Szenarien"]
    cover = reader.pages[0].extract_text()
    assert "transactions.csv, members.csv, surveys.csv, interactions.csv" in cover
    # Scenarios live in a dashboard session: the command line says there are none, and why.
    assert "Keine Was-wäre-wenn-Szenarien" in reader.pages[-1].extract_text()


def test_report_rejects_a_period_it_cannot_read(tmp_path):
    done = run("report", "--out", str(tmp_path / "pack.pdf"), "--period", "2026-13-01:2026-10-31")
    assert done.returncode == 2
    assert "is not a date like 2026-05-01 or 01.05.2026" in done.stderr
    assert not (tmp_path / "pack.pdf").exists()
