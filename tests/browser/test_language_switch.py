"""Switching the language after a file is staged changes every label on the Data page."""

import pytest

from .conftest import idle, open_page, shot, wait_for_file_box

pytestmark = pytest.mark.browser

EXPORT = ("Bon;Datum;Karte;Betrag;Filiale\n"
          "1;02.01.2026;C1;10,00;Nord\n2;03.01.2026;C2;20,00;Nord\n").encode("cp1252")


def stage(page, app_url: str, path) -> None:
    """Open the Data page in English and put ``path`` in the upload box."""
    open_page(page, app_url, "Data")
    page.set_input_files('input[type="file"]', str(path))
    wait_for_file_box(page)
    idle(page)


def test_staged_file_follows_the_language(app_url, page, tmp_path):
    export = tmp_path / "kasse.csv"
    export.write_bytes(EXPORT)
    stage(page, app_url, export)
    assert page.get_by_role("combobox", name="Recognised as").input_value() == "Transactions"
    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    page.get_by_text("Erkannt als").first.wait_for()
    idle(page)
    shot(page, "data_staged_then_german")
    assert page.get_by_role("combobox", name="Erkannt als").input_value() == "Umsätze"
    body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    assert "not in this file" not in body
    assert "Transactions" not in body


def test_choices_made_in_english_read_german_after_the_switch(app_url, page):
    open_page(page, app_url, "What-if", "Discount depth")
    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    page.get_by_text("Was-wäre-wenn").first.wait_for()
    page.get_by_role("tab", name="Rabatthöhe").click()
    idle(page)
    shot(page, "whatif_after_switch_de")
    body = page.locator("[data-testid='stMain']").first.inner_text()
    for english in ("Price-loyal", "Programme-loyal", "Satisfied"):
        assert english not in body


def test_radio_labels_follow_the_switch(app_url, page):
    open_page(page, app_url, "Churn and retention", "Cohorts")
    page.get_by_text("Customers retained").first.wait_for(state="attached")
    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    # The open tab stays open across the switch (tabs build only while open).
    page.get_by_text("Gehaltene Kunden").first.wait_for(state="attached")
    assert page.get_by_text("Customers retained").count() == 0


def test_load_results_follow_the_switch(app_url, page, tmp_path):
    export = tmp_path / "orders.csv"
    export.write_bytes(b"Order ID,Date,Customer,Amount,Status\n1,2025-01-01,C1,5.00,paid\n"
                       b"2,2025-01-02,C2,6.00,partially_refunded\n")
    stage(page, app_url, export)
    page.get_by_role("button", name="Load these files").click()
    page.get_by_text("orders.csv: 2 of 2 rows loaded, 0 rejected.").wait_for()
    page.get_by_text("1 order is partially refunded").wait_for()
    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    page.get_by_text("1 Bestellung ist teilweise erstattet").wait_for()
    page.get_by_text("2 Zeilen: ein Verkauf je Zeile.").wait_for()
    shot(page, "data_loaded_then_german")


def test_the_open_workspace_survives_a_switch_and_an_upload(app_url, page, tmp_path):
    # The browser sent the workspace box's English label back after the switch; read against the
    # German labels it was taken for a pick of a workspace of that name ("no such workspace").
    export = tmp_path / "kasse.csv"
    export.write_bytes(EXPORT)
    open_page(page, app_url, "Data")
    for language in ("Deutsch", "English", "Deutsch"):
        page.get_by_text(language, exact=True).click()
        idle(page)
    page.set_input_files('input[type="file"]', str(export))
    wait_for_file_box(page)
    idle(page)
    shot(page, "data_switch_then_upload")
    main = page.locator("[data-testid='stMain']").first
    assert page.get_by_role("combobox", name="Geöffnet").input_value() == \
        "Demo-Shop (schreibgeschützt)"
    assert "Diesen Arbeitsbereich gibt es nicht" not in main.inner_text()
    assert main.locator("[data-testid='stAlertContentError']").count() == 0


def test_a_radio_choice_carries_over_the_switch(app_url, page):
    # The radio's English label came back from the browser after the switch and matched no
    # German option: nothing was chosen and the cohorts were drawn for an unknown value.
    open_page(page, app_url, "Churn and retention", "Cohorts")
    page.get_by_text("Revenue retained").first.click()
    idle(page)
    for language in ("Deutsch", "English", "Deutsch"):
        page.get_by_text(language, exact=True).click()
        idle(page)
    page.get_by_text("Gehaltener Umsatz").first.wait_for(state="attached")
    shot(page, "cohorts_choice_after_switches")
    checked = page.locator("[data-testid='stMain'] [role='radiogroup'] input:checked")
    assert [c.evaluate("e => e.closest('label').innerText") for c in checked.all()] == [
        "Gehaltener Umsatz"]


def test_a_what_if_select_slider_keeps_its_value_over_the_switch(app_url, page):
    # The churn cut came back from the browser as "2.5 pp", which no German step reads as, and
    # fell back to its default 2 pp without a word.
    open_page(page, app_url, "What-if", "Retention")
    cut = page.get_by_role("slider", name="Reduce churn by (percentage points)")
    cut.focus()
    cut.press("ArrowRight")
    idle(page)
    for language in ("Deutsch", "English", "Deutsch"):
        page.get_by_text(language, exact=True).click()
        idle(page)
    page.get_by_role("tab", name="Kundenbindung").click()
    idle(page)
    shot(page, "whatif_churn_cut_after_switches")
    value = page.get_by_role("slider", name="Abwanderung senken um (Prozentpunkte)")
    assert value.get_attribute("aria-valuetext") == "2,5 Pp."
