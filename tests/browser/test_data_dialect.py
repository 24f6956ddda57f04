"""A manager corrects how a file is read in a real browser: the separator chosen by hand changes
the preview; after the load the reasons and the rejected-rows download are there."""

import csv

import pytest

from ui.data_plan import SNIFF_TAKES_OVERRIDES

from .conftest import choose, idle, shot, wait_for_file_box

pytestmark = [pytest.mark.browser, pytest.mark.skipif(
    not SNIFF_TAKES_OVERRIDES,
    reason="loyalty.reading.sniff.sniff takes dialect overrides from branch 'dialect'")]

EXPORT = ("Kunde;Datum;Betrag\n"
          "K1;02.01.2026;12,50\n"
          "K2;03.01.2026;7,00\n"
          "K3;04.01.2026;3,25\n"
          "K4;05.01.2026;kaputt\n").encode("utf-8")

TEXT = {
    "en": {"lang": "English", "data": "Data", "how": "How the file is read",
           "separator": "Separator", "comma": "comma (,)", "semicolon": "semicolon (;)",
           "load": "Load these files", "loaded": "kasse.csv: 3 of 4 rows loaded, 1 rejected.",
           "reason": "Amount (net) not readable", "download": "Download rejected rows (CSV)"},
    "de": {"lang": "Deutsch", "data": "Daten", "how": "Wie die Datei gelesen wird",
           "separator": "Trennzeichen", "comma": "Komma (,)", "semicolon": "Semikolon (;)",
           "load": "Diese Dateien laden",
           "loaded": "kasse.csv: 3 von 4 Zeilen geladen, 1 abgelehnt.",
           "reason": "Betrag (netto) nicht lesbar",
           "download": "Abgelehnte Zeilen herunterladen (CSV)"},
}


def preview_header(pg) -> list[str]:
    """Column names of the preview (the first table inside the file's expander)."""
    grid = pg.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first
    grid.wait_for()
    return [h.strip() for h in grid.locator('[role="columnheader"]').all_inner_texts()
            if h.strip()]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_switch_separator_see_preview_load_see_reasons(app_url, page, tmp_path, lang):
    text = TEXT[lang]
    export = tmp_path / "kasse.csv"
    export.write_bytes(EXPORT)
    page.goto(app_url)
    idle(page)
    page.get_by_text(text["lang"], exact=True).click()
    idle(page)
    page.get_by_role("link", name=text["data"], exact=True).click()
    idle(page)
    page.set_input_files('input[type="file"]', str(export))
    wait_for_file_box(page)
    idle(page)
    page.get_by_text(text["how"]).click()
    idle(page)
    assert preview_header(page) == ["Kunde", "Datum", "Betrag"]
    shot(page, f"data_dialect_detected_{lang}")

    choose(page, text["separator"], text["comma"])
    header = preview_header(page)
    assert len(header) == 2 and header != ["Kunde", "Datum", "Betrag"]
    shot(page, f"data_dialect_comma_{lang}")

    choose(page, text["separator"], text["semicolon"])
    assert preview_header(page) == ["Kunde", "Datum", "Betrag"]
    page.get_by_role("button", name=text["load"]).click()
    page.get_by_text(text["loaded"]).wait_for()
    idle(page)
    page.get_by_text(text["download"]).wait_for()
    reasons = page.locator('[data-testid="stDataFrame"]').filter(has_text=text["reason"])
    assert reasons.count() >= 1
    shot(page, f"data_dialect_loaded_{lang}")
    with page.expect_download() as info:
        page.get_by_text(text["download"]).click()
    with open(info.value.path(), encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh, delimiter={"en": ",", "de": ";"}[lang]))[:2]
    assert header == {"en": ["file", "line", "reason", "detail", "code", "original text"],
                      "de": ["Datei", "Zeile", "Grund", "Details (englisch)", "Code",
                             "Originaltext"]}[lang]
    assert row[:2] == ["kasse.csv", "5"]
    assert row[-2:] == ["invalid_amount", "K4;05.01.2026;kaputt"]
