"""A shared link reproduces the view: a manager sets filters, copies the address, and a
colleague opening it in a fresh browser (no shared session) reads the same figures."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import idle, shot
from .test_upload_flow import tile

pytestmark = pytest.mark.browser


def _delta(pg, label: str) -> str:
    metric = pg.locator('[data-testid="stMetric"]').filter(
        has=pg.locator('[data-testid="stMetricLabel"]', has_text=label)).first
    return metric.locator('[data-testid="stMetricDelta"]').inner_text().strip()


def choose(pg, label: str, option: str) -> None:
    pg.get_by_role("combobox", name=label, exact=True).first.click()
    pg.get_by_role("option", name=option, exact=True).click()
    # A multiselect's list stays open (and hides the other boxes) until dismissed.
    pg.keyboard.press("Escape")
    idle(pg)


def _german(pg) -> None:
    # On a freshly started server the very first click on the language can be lost (the same
    # happens on the main branch): click again until the sidebar speaks German.
    for _ in range(3):
        pg.get_by_text("Deutsch", exact=True).click()
        idle(pg)
        if pg.get_by_role("combobox", name="Kanal", exact=True).count():
            return
    raise AssertionError("the language did not switch to German")


def _margin(pg):
    # The slider writes its value into the thumb a moment after the page has drawn it (a CI run
    # once read it empty), so the checks below wait for the text rather than read it once.
    return pg.locator('[data-testid="stSliderThumbValue"]').first


def _fresh(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.goto(url)
    idle(pg)
    return pg


def test_link_reproduces_a_filtered_view_in_a_new_browser(app_url, page, browser):
    page.goto(app_url)
    idle(page)
    _german(page)
    choose(page, "Kanal", "online")
    choose(page, "Filiale", "Online-Shop")
    choose(page, "Vergleichen mit", "Vorjahreszeitraum")
    page.get_by_role("link", name="Übersicht", exact=True).click()
    idle(page)
    shot(page, "link_sender")
    url = page.url
    assert "lang=de" in url and "channel=online" in url and "cmp=year" in url
    assert re.search(r"from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d", url)
    labels = ("Kunden", "Nettoumsatz", "Bestellungen")
    sent = [(tile(page, label), _delta(page, label)) for label in labels]
    caption = page.get_by_text("verglichen mit dem Vorjahreszeitraum").inner_text()

    other = _fresh(browser, url)
    try:
        shot(other, "link_receiver")
        assert [(tile(other, label), _delta(other, label)) for label in labels] == sent
        assert other.get_by_text("verglichen mit dem Vorjahreszeitraum").inner_text() == caption
        # The filters themselves are shown as chosen, not only applied.
        sidebar = other.locator('[data-testid="stSidebar"]').inner_text()
        assert "online" in sidebar and "Online-Shop" in sidebar
    finally:
        other.context.close()


def test_link_carries_the_page_and_what_if_settings(app_url, page, browser):
    page.goto(app_url)
    idle(page)
    page.get_by_role("link", name="What-if", exact=True).click()
    idle(page)
    thumb = page.get_by_role("slider").first
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowRight")
    idle(page)
    page.wait_for_function("() => location.search.includes('w_margin=45')")
    url = page.url
    assert "/what-if?" in url
    expect(_margin(page)).to_have_text(re.compile(r"^45"), timeout=30_000)

    other = _fresh(browser, url)
    try:
        assert other.get_by_role("heading", level=1).inner_text().startswith("What-if")
        expect(_margin(other)).to_have_text(re.compile(r"^45"), timeout=30_000)
    finally:
        other.context.close()


@pytest.mark.parametrize("path,query", [
    ("", "lang=xx&from=yesterday&to=2099-01-01&tier=%3Cb%3E&cmp=nonsense&cfrom=1.1.2025"),
    # A margin of 900 % the slider refuses, and a loyalty type that does not exist.
    ("/what-if", "w_margin=900&wl_types=nobody&w_depth=abc&w_years=nan"),
])
def test_a_broken_link_opens_quietly(app_url, browser, path, query):
    other = _fresh(browser, f"{app_url}{path}?{query}")
    try:
        body = other.locator('[data-testid="stMain"]').inner_text()
        assert "Traceback" not in body and "went wrong" not in body
        if path:
            # the default, not the link's 900
            expect(_margin(other)).to_have_text(re.compile(r"^40"), timeout=30_000)
        else:
            assert tile(other, "Customers") == "5,000"
            # The link is rewritten with what is shown.
            assert "lang=en" in other.url and "cmp=previous" in other.url
    finally:
        other.context.close()


def test_a_german_link_stays_german_on_the_next_page(app_url, browser):
    # The language radio was given the link's language from code; the browser then sent its
    # first option (English) with the next click.
    other = _fresh(browser, f"{app_url}/?lang=de")
    try:
        other.get_by_role("link", name="Stufen und Punkte", exact=True).click()
        idle(other)
        assert other.get_by_role("radio", name="Deutsch").is_checked()
        other.get_by_role("heading", name="Stufen und Punkte").first.wait_for()
        assert "lang=de" in other.url
    finally:
        other.context.close()
