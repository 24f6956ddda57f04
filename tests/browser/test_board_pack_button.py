"""The board pack from the sidebar button, as a manager gets it: a scenario saved in German and
the pack then made in English reads English throughout, with the figures the pages show."""

import io

import pytest
from pypdf import PdfReader

from .conftest import idle, open_page, shot
from .test_upload_flow import tile

pytestmark = pytest.mark.browser

# Words of the German scenario and charts that must not reach an English pack.
GERMAN = ("Schwellen", "Rabatt", "Vorteile", "Kunden je", "Stufe ", "Literatur", "vorsichtig")


def test_pack_button_gives_the_shown_figures_in_the_chosen_language(app_url, page, tmp_path):
    open_page(page, app_url, "Overview")
    revenue, customers = tile(page, "Net revenue"), tile(page, "Customers")

    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    page.get_by_role("link", name="Was-wäre-wenn", exact=True).click()
    idle(page)
    # Open every lever once, so the scenario holds all three, as a manager's usually does.
    for tab in ("Rabatthöhe", "Kundenbindung", "Szenarien"):
        page.get_by_role("tab", name=tab).click()
        idle(page)
    page.get_by_label("Name des Szenarios").fill("Plan Herbst")
    page.get_by_label("Name des Szenarios").press("Enter")
    idle(page)
    page.get_by_role("button", name="Szenario speichern").click()
    idle(page)

    page.get_by_text("English", exact=True).click()
    idle(page)
    button = page.get_by_role("button", name="Board pack (PDF)")
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = tmp_path / "pack.pdf"
    download.value.save_as(path)
    assert download.value.suggested_filename.startswith("loyalty-lens-board-pack-")
    shot(page, "board_pack_button_en")

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    # Words as the reader sees them; a table cell may wrap a label across lines.
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    titles = [o.title for o in reader.outline]
    assert titles == ["Headline figures", "Overview", "Loyalty types", "NPS", "Churn and retention",
                      "Tiers and points", "Programme", "Saved what-if scenarios"]
    assert revenue in text and customers in text
    assert "Plan Herbst" in text and "Benefits today, per tier" in text
    assert "Response to discounts from your data" in text
    for word in GERMAN:
        assert word not in text, word
