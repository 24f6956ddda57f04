"""The Data page through Streamlit's AppTest: correcting how a file is read, results for every
file of the upload box (also when nothing loaded), reject labels, the order summary, and no
upload left on disk after loading, removal, session end or a day."""

import gc
import json
import os
import re
import tempfile
import time
import uuid

import pytest
from streamlit.testing.v1 import AppTest

from loyalty.presentation.i18n import CATALOGUE
from loyalty.reading.ingest import _STRUCTURAL
from loyalty.reading.schema import TABLES
from loyalty.reading.uploads import PREFIX, uploads_root
from loyalty.reading.plan import make_plan
from ui.data_plan import (SNIFF_TAKES_OVERRIDES, Outcome, clean_stale_uploads, expected_forms,
                          reason_label, understood)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
APP = os.path.join(ROOT, "app.py")

SEMICOLON = ("Kunde;Datum;Betrag\n"
             "K1;02.01.2026;12,50\n"
             "K2;03.01.2026;7,00\n"
             "K3;04.01.2026;3,25\n").encode()
# No date can be read: every row is rejected, nothing is loaded.
NO_DATES = b"customer_id,date,amount\nC1,yesterday,10\nC2,tomorrow,20\nC3,soon,5\n"
GOOD = b"customer_id,date,amount\nC1,2026-01-02,10.00\nC2,2026-01-03,20.00\n"
MEMBERS = b"customer_id,joined,tier\nC1,2025-01-01,Gold\nC2,2025-02-01,Silver\n"
EXCEL = b"PK\x03\x04\x14\x00\x06\x00binary"


def data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="data_upload").set_value(
        [(name, content, "text/csv") for name, content in files]).run()
    assert not at.exception
    return at


def load(at: AppTest) -> AppTest:
    at.button(key="data_load").click().run()
    assert not at.exception
    return at


def preview_columns(at: AppTest) -> list[str]:
    # The preview is the only table whose every column is text.
    frames = [d.value for d in at.dataframe
              if len(d.value.columns) and all(str(t) == "string" for t in d.value.dtypes)]
    assert len(frames) == 1
    return list(frames[0].columns)


def alerts(at: AppTest) -> list[str]:
    """The alerts as the manager reads them: file names in them are Markdown-escaped
    (``a\\.csv``), which renders as the name itself (tests/page/test_user_text.py checks the
    escaping)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for kind in ("success", "warning", "error", "info")
            for e in getattr(at, kind)]


@pytest.mark.skipif(not SNIFF_TAKES_OVERRIDES,
                    reason="loyalty.reading.sniff.sniff takes dialect overrides from branch 'dialect'")
def test_separator_override_changes_the_columns_shown():
    at = upload(data_page(), ("kasse.csv", SEMICOLON))
    fid = next(s.key for s in at.selectbox if s.key.startswith("data_delimiter_"))
    assert preview_columns(at) == ["Kunde", "Datum", "Betrag"]
    at.selectbox(key=fid).set_value(",").run()
    assert not at.exception
    # Split at commas the header is one field and each row two: "K1;02.01.2026;12" and "50".
    assert preview_columns(at) != ["Kunde", "Datum", "Betrag"]
    assert len(preview_columns(at)) == 2
    at.selectbox(key=fid).set_value("auto").run()
    assert preview_columns(at) == ["Kunde", "Datum", "Betrag"]


def test_no_override_reads_the_semicolon_file_and_labels_are_translated():
    at = upload(data_page(), ("kasse.csv", SEMICOLON))
    assert preview_columns(at) == ["Kunde", "Datum", "Betrag"]
    assert any(c.value.startswith("Read as: UTF-8, separator semicolon (;), decimal ','")
               for c in at.caption)
    at.radio(key="app_lang").set_value("de").run()
    assert any(c.value.startswith("Gelesen als: UTF-8, Trennzeichen Semikolon (;)")
               for c in at.caption)


def test_date_layout_choice_is_used_for_the_load():
    # 13/01 can only be day first; read month first it is not a date and that row is rejected.
    text = b"customer_id,date,amount\nC1,02/01/2026,10\nC2,03/01/2026,20\nC3,13/01/2026,5\n"
    at = upload(data_page(), ("slash.csv", text))
    layout = next(s for s in at.selectbox if s.key.startswith("data_datefmt_"))
    layout.set_value("mdy_slash").run()
    load(at)
    assert "slash.csv: 2 of 3 rows loaded, 1 rejected." in alerts(at)
    reasons = next(d.value for d in at.dataframe if "Reason" in d.value.columns
                   and "Rows" in d.value.columns)
    # The reason names the layout the manager chose, which 13/01/2026 does not fit.
    assert reasons.to_dict("list") == {
        "Reason": ["Date not readable, expected MM/DD/YYYY (12/31/2025)"], "Rows": [1]}


def test_nothing_loaded_still_shows_reasons_rows_and_download():
    at = load(upload(data_page(), ("bad.csv", NO_DATES)))
    shown = alerts(at)
    assert ("No transactions were loaded, so the dashboard still shows the demo data. Why: none "
            "of the 3 rows of bad.csv could be used (see the reasons below).") in shown
    assert "bad.csv: 0 of 3 rows loaded, 3 rejected." in shown
    reasons = next(d.value for d in at.dataframe if list(d.value.columns) == ["Reason", "Rows"])
    assert reasons.to_dict("list") == {
        "Reason": ["Date not readable, expected YYYY-MM-DD (2025-12-31)"], "Rows": [3]}
    assert str(reasons["Rows"].dtype) == "int64"
    frame = next(d for d in at.dataframe if "Original text" in d.value.columns)
    rows = frame.value
    assert rows["Line"].tolist() == [2, 3, 4]
    # Line numbers as whole numbers: Streamlit's "plain" format drew 3702 as 3701.9999999999995.
    assert json.loads(frame.proto.columns)["Line"]["type_config"]["format"] == "%d"
    assert rows["Original text"].tolist() == ["C1,yesterday,10", "C2,tomorrow,20", "C3,soon,5"]
    # The main area's downloads: the sidebar holds the board pack button on every page.
    downloads = at.main.get("download_button")
    assert len(downloads) == 1 and downloads[0].proto.label == "Download rejected rows (CSV)"
    # The demo is still the dataset.
    at.switch_page("pages/overview.py").run()
    assert "demo data" in at.info[0].value


def test_unusable_file_next_to_a_good_one_both_appear_in_the_results():
    at = load(upload(data_page(), ("workbook.csv", EXCEL), ("good.csv", GOOD)))
    shown = alerts(at)
    assert "good.csv: 2 of 2 rows loaded, 0 rejected." in shown
    assert any(a.startswith("workbook.csv: not loaded. This is an Excel workbook") for a in shown)


def test_same_file_twice_is_loaded_once_and_says_so():
    at = load(upload(data_page(), ("a.csv", GOOD), ("a copy.csv", GOOD)))
    shown = alerts(at)
    assert "a.csv: 2 of 2 rows loaded, 0 rejected." in shown
    assert ("a copy.csv: not loaded. This is the same file as a.csv (identical content), so it "
            "is not loaded a second time.") in shown


def test_file_added_to_the_box_later_keeps_the_first_one():
    at = upload(data_page(), ("tx.csv", GOOD))
    box = at.file_uploader(key="data_upload")
    # As in the browser: the first file keeps its upload id when a second one is added.
    box._files = box._get_files_to_register() + [(str(uuid.uuid4()), "members.csv", MEMBERS,
                                                  "text/csv")]
    at.run()
    load(at)
    shown = alerts(at)
    assert "tx.csv: 2 of 2 rows loaded, 0 rejected." in shown
    assert "members.csv: 2 of 2 rows loaded, 0 rejected." in shown


def test_missing_required_column_is_named_in_the_results():
    at = load(upload(data_page(), ("good.csv", GOOD),
                     ("nodate.csv", b"customer_id,amount\nC1,10\nC2,20\n")))
    shown = alerts(at)
    assert "good.csv: 2 of 2 rows loaded, 0 rejected." in shown
    assert any(a.startswith("nodate.csv: not loaded. No column holds Date") for a in shown)


def _loader_codes() -> set[str]:
    codes = {code for code, _ in _STRUCTURAL.values()}
    codes |= {f"missing_{f.name}" for t in TABLES.values() for f in t.fields if f.required}
    codes |= {f"invalid_{f.name}" for t in TABLES.values() for f in t.fields
              if f.kind in ("money", "number", "timestamp", "date", "score")}
    source = "".join(open(os.path.join(ROOT, "loyalty", name), encoding="utf-8").read()
                     for name in os.listdir(os.path.join(ROOT, "loyalty"))
                     if name.endswith(".py"))
    # Codes written into SQL as '<code>' AS code, or as the first item of a check tuple.
    codes |= set(re.findall(r"'([a-z_]+)' AS code", source))
    codes |= set(re.findall(r'checks\.append\((?:_Check\()?\s*"([a-z_]+)"', source))
    return codes | {"wrong_field_count", "duplicate_member", "score_out_of_range",
                    "unreadable_line", "cancelled_order", "order_without_date"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_reject_code_has_a_label(lang):
    unlabelled = sorted(c for c in _loader_codes() if reason_label(c, lang) == c)
    assert unlabelled == []


@pytest.mark.parametrize("code,en,de", [
    ("cancelled_order", "Cancelled or voided order, left out of revenue",
     "Stornierte oder ungültige Bestellung, nicht im Umsatz"),
    ("order_without_date", "Order has no date on any of its rows",
     "Bestellung hat in keiner ihrer Zeilen ein Datum"),
    ("invalid_amount", "Amount (net) not readable", "Betrag (netto) nicht lesbar"),
])
def test_reason_labels(code, en, de):
    assert (reason_label(code, "en"), reason_label(code, "de")) == (en, de)
    assert f"reason.{code}" in CATALOGUE or code.startswith("invalid_")


def test_unreadable_numbers_and_dates_say_what_was_expected(write_file):
    # The rejected line shows "1234.5"; the reason says a decimal comma was expected.
    plan = make_plan(write_file("kasse.csv", "Kunde;Datum;Umsatz\nK1;31.12.2025;1.234,56\n"
                                             "K2;02.01.2026;12,50\n"))
    forms = expected_forms(plan)
    assert forms == {"date": "date:dmy_dot", "amount": "decimal:,"}
    assert reason_label("invalid_amount", "de", forms) == (
        "Betrag (netto) nicht lesbar, erwartet: Dezimalkomma wie in 1.234,50")
    assert reason_label("invalid_date", "en", forms) == (
        "Date not readable, expected DD.MM.YYYY (31.12.2025)")
    assert reason_label("missing_date", "en", forms) == "Date missing"
    assert reason_label("invalid_discount", "en", forms) == "Discount not readable"


@pytest.mark.parametrize("outcome,lang,text", [
    (Outcome("s.csv", table="transactions", read=2237, loaded=2232, rejected=5,
             reasons={"cancelled_order": 3, "invalid_date": 2}, layout="line_items", orders=900,
             refunded_orders=12, refund_total=1234.5, cancelled_orders=1), "en",
     "2,237 rows: 900 orders with their line items; 12 refunds and returns (\u2212€1,234.50); "
     "1 cancelled order left out; 2 rows rejected."),
    (Outcome("s.csv", table="transactions", read=2237, loaded=2236, rejected=1,
             reasons={"cancelled_order": 1}, layout="line_items", orders=900, refunded_orders=1,
             refund_total=-1234.5, cancelled_orders=1), "de",
     "2.237 Zeilen: 900 Bestellungen mit ihren Positionen; 1 Erstattung oder Rückgabe "
     "(\u22121.234,50\xa0€); 1 stornierte Bestellung nicht berücksichtigt."),
    (Outcome("s.csv", table="transactions", read=5, loaded=4, rejected=1,
             reasons={"invalid_amount": 1}, layout="rows"), "en",
     "5 rows: one sale per row; 1 row rejected."),
    (Outcome("m.csv", table="members", read=5, loaded=5), "en", None),
])
def test_order_summary(outcome, lang, text):
    assert understood(outcome, lang) == text


def test_partial_refunds_without_an_amount_are_said_on_the_page():
    # The German wording is checked in Chromium (tests/browser/test_language_switch.py).
    text = (b"Order ID,Date,Customer,Amount,Status\n1,2025-01-01,C1,5.00,paid\n"
            b"2,2025-01-02,C2,6.00,partially_refunded\n")
    at = load(upload(data_page(), ("orders.csv", text)))
    assert ("1 order is partially refunded, but the file has no refunded amount for it: it "
            "counts at full value. Export the refunded amount column to correct this."
            ) in alerts(at)
    assert "2 rows: one sale per row." in [c.value for c in at.caption]


def test_ids_note_words_one_row_and_leaves_out_nothing_it_need_not_say():
    text = b"customer,date,amount\nC1,2025-01-01,5.00\n,2025-01-02,6.00\nC2,2025-01-03,7.00\n"
    at = load(upload(data_page(), ("walkin.csv", text)))
    notes = [c.value for c in at.caption if "customer ids in the transactions" in c.value]
    assert notes == ["2 customer ids in the transactions; 2 of them count as customers. "
                     "1 row has no customer id and counts in revenue only."]


def _upload_folder(at: AppTest) -> str:
    folder = at.session_state["data_tmp"]
    return getattr(folder, "path", folder)


def _staged(at: AppTest) -> list[str]:
    return [path for path, _ in at.session_state["data_paths"].values()]


def test_uploaded_files_are_deleted_once_loaded_and_written_again_when_needed():
    at = upload(data_page(), ("kasse.csv", SEMICOLON))
    staged = _staged(at)
    assert len(staged) == 1 and os.path.exists(staged[0])
    load(at)
    assert "kasse.csv: 3 of 3 rows loaded, 0 rejected." in alerts(at)
    assert not os.path.exists(staged[0])
    # Left in the folder: only the (empty) folder for the results' rejected-rows files.
    folder = _upload_folder(at)
    assert [os.listdir(os.path.join(folder, d)) for d in os.listdir(folder)] == [[]]
    # Changing how a file is read after the load reads it again from the upload box.
    fid = next(s.key for s in at.selectbox if s.key.startswith("data_delimiter_"))
    at.selectbox(key=fid).set_value(",").run()
    assert not at.exception
    assert len(preview_columns(at)) == 2
    at.selectbox(key=fid).set_value("auto").run()
    assert os.path.exists(staged[0])
    load(at)
    assert "kasse.csv: 3 of 3 rows loaded, 0 rejected." in alerts(at)
    assert not os.path.exists(staged[0])


def test_file_removed_from_the_box_is_deleted():
    at = upload(data_page(), ("good.csv", GOOD))
    staged = _staged(at)
    assert os.path.exists(staged[0])
    upload(at)
    assert not os.path.exists(staged[0])


def test_upload_folder_goes_with_the_session():
    at = upload(data_page(), ("good.csv", GOOD))
    folder = _upload_folder(at)
    assert os.path.isdir(folder)
    del at
    gc.collect()
    assert not os.path.exists(folder)


def test_start_up_removes_upload_folders_left_for_a_day():
    old = tempfile.mkdtemp(prefix=PREFIX, dir=uploads_root())
    with open(os.path.join(old, "export.csv"), "w") as fh:
        fh.write("customer_id,date,amount\n")
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (os.path.join(old, "export.csv"), old):
        os.utime(path, (two_days_ago, two_days_ago))
    # Once per server process: forget that this test process already started the app.
    clean_stale_uploads.clear()
    data_page()
    assert not os.path.exists(old)
