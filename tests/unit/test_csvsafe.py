"""Every download and CLI output opens in a spreadsheet as text, never as a formula.

Each test reads the bytes back with Python's csv module and checks every cell.
"""

import csv
import io
import subprocess
import sys

import pandas as pd
import pytest

from loyalty.presentation.csvsafe import safe_cell, to_csv_bytes
from loyalty.analysis.customers import export_frame
from loyalty.planning.scenarios import Scenario, to_csv
from loyalty.analysis.tiers import near_next_tier
from tests.unit.test_cli import ROOT

HOSTILE = ['=HYPERLINK("http://x")', "\r=1+1", "@SUM(A1)", "+1", "-2+3", "\t=1", "  =1",
           "\n=1", " \r\n@x"]


def cells(raw: bytes, delimiter: str = ",") -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


def all_quoted(raw: bytes, delimiter: str = ",") -> bool:
    """Every field, also numbers and empty ones, is enclosed in quotes: the bytes are exactly
    what a writer quoting everything makes of the cells read back."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL,
               lineterminator="\r\n").writerows(cells(raw, delimiter))
    return raw.decode("utf-8-sig") == buf.getvalue()


@pytest.mark.parametrize("value,safe", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'), ("\r=1+1", "'\r=1+1"),
    ("@SUM(A1)", "'@SUM(A1)"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("\t=1", "'\t=1"),
    ("  =1", "'  =1"), ("\n=1", "'\n=1"), ("+49 30 1234", "'+49 30 1234"),
    # Text that looks like a number is still text from a file: a spreadsheet reading "-12.50"
    # would turn it into an amount, so it is kept as the characters it was.
    ("-12.50", "'-12.50"), ("K100", "K100"), ("a=b", "a=b"), (" K1", " K1"), ("", ""),
    (-5, -5), (-2.5, -2.5), (None, None),
])
def test_safe_cell(value, safe):
    assert safe_cell(value) == safe


def test_frame_every_cell_checked_and_quoted():
    frame = pd.DataFrame({"customer_id": HOSTILE,
                          "amount": [-5, -2.5, 0, 1, 2, 3, 4, 5, 6]})
    raw = to_csv_bytes(frame)
    assert cells(raw) == [
        ["customer_id", "amount"],
        ["'=HYPERLINK(\"http://x\")", "-5.0"], ["'\r=1+1", "-2.5"], ["'@SUM(A1)", "0.0"],
        ["'+1", "1.0"], ["'-2+3", "2.0"], ["'\t=1", "3.0"], ["'  =1", "4.0"], ["'\n=1", "5.0"],
        ["' \r\n@x", "6.0"]]
    assert all_quoted(raw)
    # The carriage return sits inside quotes, so a reader that breaks lines at CR cannot start
    # a row with "=1+1".
    assert b'"\'\r=1+1","-2.5"\r\n' in raw


def test_integers_and_missing_values_stay_plain():
    frame = pd.DataFrame({"id": ["=A", None], "orders": [-5, 7],
                          "score": [0.25, float("nan")]})
    assert to_csv_bytes(frame) == ('\ufeff"id","orders","score"\r\n"\'=A","-5","0.25"\r\n'
                                   '"","7",""\r\n').encode("utf-8")


def test_formula_column_names_are_neutralised():
    frame = pd.DataFrame({"=Gold": [1], "tier": ["Silber"]})
    assert cells(to_csv_bytes(frame)) == [["'=Gold", "tier"], ["1", "Silber"]]


def test_scenarios_csv_neutralises_scenario_and_tier_names():
    s = Scenario("=cmd|' /C calc'!A0", {"tiers": "=Bronze / +Gold", "gross_margin": 0.4},
                 {"tier_margin": -50.0, "tier_up": 3}, saved="2026-01-02 10:00")
    raw = to_csv([s])
    assert cells(raw) == [
        ["scenario", "saved", "section", "name", "value"],
        ["'=cmd|' /C calc'!A0", "2026-01-02 10:00", "assumption", "tiers", "'=Bronze / +Gold"],
        ["'=cmd|' /C calc'!A0", "2026-01-02 10:00", "assumption", "gross_margin", "0.4"],
        ["'=cmd|' /C calc'!A0", "2026-01-02 10:00", "result", "tier_margin", "-50.0"],
        ["'=cmd|' /C calc'!A0", "2026-01-02 10:00", "result", "tier_up", "3"]]
    assert all_quoted(raw)


def test_near_next_tier_download_neutralises_ids_and_tier_names():
    # Spend 95 is 5 below "+Gold" at 100 (within 10 %); 40 is 60 below and left out.
    spend = pd.Series({"@c1": 95.0, "-c2": 40.0})
    near = near_next_tier(spend, [("=Bronze", 0), ("+Gold", 100)], 0.1)
    assert cells(to_csv_bytes(near.round(2))) == [
        ["customer_id", "tier", "next_tier", "spend", "missing"],
        ["'@c1", "'=Bronze", "'+Gold", "95.0", "5.0"]]


def test_at_risk_download_shape():
    # The columns the churn page exports, with a hostile id and the loyalty type code.
    risk = pd.DataFrame({"customer_id": ["\r=1+1"], "revenue": [-12.5], "p_alive": [0.12],
                         "expected_purchases_90d": [0.3], "clv_12m": [40.0],
                         "loyalty_type": ["satisfied"]})
    assert cells(to_csv_bytes(risk)) == [
        ["customer_id", "revenue", "p_alive", "expected_purchases_90d", "clv_12m",
         "loyalty_type"], ["'\r=1+1", "-12.5", "0.12", "0.3", "40.0", "satisfied"]]


def test_segment_export_neutralises_ids():
    table = pd.DataFrame({"loyalty_type": ["advocate"], "reasons": [[("referrals", 3)]],
                          "lifecycle": ["active"], "R": [5], "F": [4], "M": [3],
                          "orders": [7], **{f"score_{ty}": [0.5] for ty in (
                              "satisfied", "price_loyal", "programme_loyal",
                              "convenience_loyal", "perk_loyal", "advocate")}},
                         index=pd.Index(["@SUM(A1)"], name="customer_id"))
    rows = cells(to_csv_bytes(export_frame(table)))
    assert rows[0][:3] == ["customer_id", "loyalty_type", "score_satisfied"]
    assert rows[1][0] == "'@SUM(A1)"
    assert rows[1][rows[0].index("reasons")] == "referred 3 friends"
    assert rows[1][rows[0].index("orders")] == "7"


HOSTILE_FILE = ('customer_id,date,amount\n'
                '"=HYPERLINK(""http://x"")",2025-01-01,abc\n'
                '@SUM(A1),2025-01-02,xx\n'
                'C1,2025-01-03,-5.00\n'
                '-2+3,2025-01-04,1\n'
                '+1,2025-01-05,\n')


def test_rejects_csv_neutralises_original_text(write_file, dataset, tmp_path):
    dataset.load(write_file("=evil.csv", HOSTILE_FILE))
    out = tmp_path / "rejects.csv"
    assert dataset.write_rejects_csv(str(out)) == 3
    raw = out.read_bytes()
    assert cells(raw) == [
        ["file", "line", "code", "reason", "raw"],
        ["'=evil.csv", "2", "invalid_amount",
         "amount 'abc' is not a number (expected decimal point)",
         '"=HYPERLINK(""http://x"")",2025-01-01,abc'],
        ["'=evil.csv", "3", "invalid_amount",
         "amount 'xx' is not a number (expected decimal point)", "'@SUM(A1),2025-01-02,xx"],
        ["'=evil.csv", "6", "missing_amount", "amount is missing", "'+1,2025-01-05,"]]
    assert all_quoted(raw)


def test_web_rejects_download_neutralises_original_text(write_file, dataset, tmp_path):
    from ui.data_plan import read_rejects_csv, write_rejects
    report = dataset.load(write_file("=evil.csv", HOSTILE_FILE))
    out = tmp_path / "rejected_0_de.csv"
    write_rejects(dataset, report.file_id, str(out), "de")
    raw = read_rejects_csv(str(out))
    # German: split at semicolons, as German Excel expects.
    rows = cells(raw, ";")
    assert len(rows) == 4
    assert [r[1] for r in rows[1:]] == ["2", "3", "6"]
    assert [r[0] for r in rows[1:]] == ["'=evil.csv"] * 3
    assert [r[5] for r in rows[1:]] == ['"=HYPERLINK(""http://x"")",2025-01-01,abc',
                                        "'@SUM(A1),2025-01-02,xx", "'+1,2025-01-05,"]
    assert all_quoted(raw, ";")


def test_cli_rejects_neutralises_original_text(write_file, tmp_path):
    out = tmp_path / "rejects.csv"
    result = subprocess.run(
        [sys.executable, "-m", "loyalty", "kpis", "--transactions",
         write_file("tx.csv", HOSTILE_FILE), "--rejects", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert [r[4] for r in cells(out.read_bytes())] == [
        "raw", '"=HYPERLINK(""http://x"")",2025-01-01,abc', "'@SUM(A1),2025-01-02,xx",
        "'+1,2025-01-05,"]


def test_german_downloads_split_at_semicolons_and_write_decimal_commas():
    frame = pd.DataFrame({"customer_id": ["K1", "=1+1"], "revenue": [1234.5, -5.0],
                          "orders": [3, 12]})
    text = to_csv_bytes(frame, "de").decode("utf-8-sig")
    assert text.splitlines() == ['"customer_id";"revenue";"orders"',
                                 '"K1";"1234,5";"3"',
                                 '"\'=1+1";"-5,0";"12"']
    english = to_csv_bytes(frame, "en").decode("utf-8-sig")
    assert english.splitlines()[1] == '"K1","1234.5","3"'
