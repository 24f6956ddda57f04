"""The browser's print of a page: the page alone, charts whole. Printed to PDF by Chromium
(as a manager's "Print" or "Save as PDF" does) from a wide window, where the charts are wider
than the paper, and read back with a PDF library."""

import io

import pytest
from pypdf import PdfReader

from .conftest import idle

pytestmark = pytest.mark.browser

# A4 landscape inside the 12 mm margins of the print style, in CSS pixels (96 per inch).
PAPER = {"width": round((297 - 24) / 25.4 * 96), "height": round((210 - 24) / 25.4 * 96)}

_WIDTHS = """() => [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"], [data-testid="stDataFrame"]')]
    .map(el => el.getBoundingClientRect().width)"""


def _wide_overview(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    return pg


def _open(pg, url: str) -> None:
    pg.goto(url)
    idle(pg)
    pg.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .bars path')"
                         ".length >= 12")


def test_printed_page_is_the_page_alone(app_url, browser):
    pg = _wide_overview(browser)
    try:
        _open(pg, app_url)
        reader = PdfReader(io.BytesIO(pg.pdf(prefer_css_page_size=True)))
        # After printing the screen shows the charts as before.
        assert pg.locator("[data-ll-print]").count() == 0
    finally:
        pg.context.close()
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)          # A4 landscape
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Overview" in text and "Net revenue and active customers by month" in text
    assert "Members and non-members" in text
    # No sidebar (navigation, filters) and no toolbar on paper.
    for sidebar in ("Churn and retention", "Compare with", "Filters", "Language", "Deploy"):
        assert sidebar not in text


def test_wide_charts_and_tables_are_shrunk_to_the_paper_not_cut_off(app_url, browser):
    pg = _wide_overview(browser)
    try:
        _open(pg, app_url)
        # On a wide screen the charts and the table are wider than the paper: printed as they
        # are, their right part would be cut off.
        assert max(pg.evaluate(_WIDTHS)) > PAPER["width"]
        # The browser announces a print while the page is still laid out for the screen.
        pg.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        widths = pg.evaluate(_WIDTHS)
        assert len(widths) == 3 and max(widths) <= PAPER["width"]
        pg.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        assert max(pg.evaluate(_WIDTHS)) > PAPER["width"]
    finally:
        pg.context.close()
