"""A manager's path in a real browser: upload a German export, fix a mapping, read the result."""

import csv

import pytest

from .conftest import idle, open_box, open_page, shot, wait_for_file_box

pytestmark = pytest.mark.browser

# A till export: Windows-1252, semicolons, decimal commas. "Region" holds few repeated values, so
# judged by content alone it looks like a customer number; the manager picks "Karte" instead.
EXPORT = ("Bon;Datum;Region;Karte;Betrag\n"
          "1;02.01.2026;Nord;C1;10,00\n2;03.01.2026;Nord;C2;20,00\n"
          "3;04.01.2026;Nord;C3;30,00\n4;05.01.2026;Süd;C1;1.040,00\n"
          "5;06.01.2026;Süd;C4;kaputt\n").encode("cp1252")

TEXT = {
    "en": {"lang": "English", "data": "Data", "customer": "Customer id", "load": "Load these files",
           "loaded": "4 of 5 rows loaded, 1 rejected", "overview": "Overview",
           "customers": "Customers", "revenue": "Net revenue", "revenue_value": "€1,100.00"},
    "de": {"lang": "Deutsch", "data": "Daten", "customer": "Kundennummer", "load": "Diese Dateien laden",
           "loaded": "4 von 5 Zeilen geladen, 1 abgelehnt", "overview": "Übersicht",
           "customers": "Kunden", "revenue": "Nettoumsatz", "revenue_value": "1.100,00\xa0€"},
}


def open_data_page(pg, url: str, text: dict) -> None:
    """Start where a manager starts, on the dashboard, then choose language and the Data page."""
    pg.goto(url)
    idle(pg)
    pg.get_by_text(text["lang"], exact=True).click()
    idle(pg)
    pg.get_by_role("link", name=text["data"], exact=True).click()
    idle(pg)


def tile(pg, label: str) -> str:
    metric = pg.locator('[data-testid="stMetric"]').filter(
        has=pg.locator('[data-testid="stMetricLabel"]', has_text=label)).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_upload_correct_mapping_and_read_customers(app_url, page, tmp_path, lang):
    text = TEXT[lang]
    export = tmp_path / "kassenexport.csv"
    export.write_bytes(EXPORT)
    open_data_page(page, app_url, text)
    page.set_input_files('input[type="file"]', str(export))
    wait_for_file_box(page)
    idle(page)
    customer = page.get_by_role("combobox", name=text["customer"], exact=True)
    assert customer.input_value() == "Region"
    open_box(page, customer)
    page.get_by_role("option", name="Karte", exact=True).click()
    idle(page)
    shot(page, f"data_mapping_{lang}")
    page.get_by_role("button", name=text["load"]).click()
    page.get_by_text(text["loaded"]).wait_for()
    idle(page)
    shot(page, f"data_loaded_{lang}")
    page.get_by_role("link", name=text["overview"]).click()
    page.wait_for_selector('[data-testid="stMetric"]')
    idle(page)
    shot(page, f"overview_{lang}")
    # C1, C2, C3 (C4's row is rejected); with the wrong column it would be 2 (Nord, Süd)
    assert tile(page, text["customers"]) == "3"
    assert tile(page, text["revenue"]) == text["revenue_value"]


def test_rejected_rows_download(app_url, page, tmp_path):
    export = tmp_path / "kassenexport.csv"
    export.write_bytes(EXPORT)
    open_data_page(page, app_url, TEXT["en"])
    page.set_input_files('input[type="file"]', str(export))
    wait_for_file_box(page)
    idle(page)
    page.get_by_role("button", name="Load these files").click()
    page.get_by_text("Download rejected rows (CSV)").wait_for()
    with page.expect_download() as info:
        page.get_by_text("Download rejected rows (CSV)").click()
    with open(info.value.path(), encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["file", "line", "reason", "detail", "code", "original text"]
    assert rows[1][:4] == ["kassenexport.csv", "6",
                           "Amount (net) not readable, expected a decimal comma, as in 1.234,50",
                           "amount 'kaputt' is not a number (expected decimal comma)"]
    assert rows[1][4:] == ["invalid_amount", "5;06.01.2026;Süd;C4;kaputt"]
    # The same download in German: headers and reason in the manager's language.
    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    with page.expect_download() as info:
        page.get_by_text("Abgelehnte Zeilen herunterladen (CSV)").click()
    with open(info.value.path(), encoding="utf-8-sig", newline="") as fh:
        # Semicolons, as German Excel splits a CSV file.
        german = list(csv.reader(fh, delimiter=";"))
    assert german[0] == ["Datei", "Zeile", "Grund", "Details (englisch)", "Code", "Originaltext"]
    assert german[1][:3] == ["kassenexport.csv", "6",
                             "Betrag (netto) nicht lesbar, erwartet: Dezimalkomma wie in 1.234,50"]


def test_segment_export_downloads_and_opens(app_url, page):
    open_page(page, app_url, "Loyalty types", "Export")
    page.get_by_text("Download the list (CSV for Excel)").wait_for()
    shot(page, "segments_export")
    with page.expect_download() as info:
        page.get_by_text("Download the list (CSV for Excel)").click()
    assert info.value.suggested_filename == "customers_satisfied.csv"
    with open(info.value.path(), encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 100
    assert {r["loyalty_type"] for r in rows} == {"satisfied"}
    assert all(r["reasons"] for r in rows)
    assert rows[0]["customer_id"].startswith("K")
