"""A manager plans in a real browser: load a small shop, move a tier threshold, read the changed
figures, save the scenario and download the report."""

import io
from csv import DictReader

import pytest

from ..shops import PROGRAMME_MEMBERS as MEMBERS, PROGRAMME_TX as TX
from .conftest import idle, shot
from .test_upload_flow import open_data_page, tile

pytestmark = pytest.mark.browser


TEXT = {
    "en": {"lang": "English", "data": "Data", "load": "Load these files", "whatif": "What-if",
           "gold": "Gold from", "up": "Customers moving up", "cost": "Change in benefit cost",
           "cost_value": "€65.00", "scenarios": "Scenarios", "name": "Scenario name",
           "save": "Save scenario", "html": "Download report (HTML)", "csv": "Download CSV"},
    "de": {"lang": "Deutsch", "data": "Daten", "load": "Diese Dateien laden",
           "whatif": "Was-wäre-wenn", "gold": "Gold ab", "up": "Kunden steigen auf",
           "cost": "Veränderung der Vorteilskosten", "cost_value": "65,00\xa0€",
           "scenarios": "Szenarien", "name": "Name des Szenarios", "save": "Szenario speichern",
           "html": "Bericht herunterladen (HTML)", "csv": "CSV herunterladen"},
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_move_a_threshold_and_download_the_report(app_url, page, tmp_path, lang):
    text = TEXT[lang]
    tx, members = tmp_path / "umsatz.csv", tmp_path / "mitglieder.csv"
    tx.write_text(TX)
    members.write_text(MEMBERS)
    open_data_page(page, app_url, text)
    page.set_input_files('input[type="file"]', [str(tx), str(members)])
    page.get_by_role("button", name=text["load"]).wait_for()
    idle(page)
    page.get_by_role("button", name=text["load"]).click()
    idle(page)
    page.get_by_role("link", name=text["whatif"], exact=True).click()
    idle(page)
    assert tile(page, text["up"]) == "0"

    gold = page.get_by_label(text["gold"], exact=True)
    gold.fill("500")
    gold.press("Enter")
    page.wait_for_function(
        """([label, want]) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(
            m => m.innerText.includes(label) && m.innerText.includes(want))""",
        arg=[text["up"], "2"])
    idle(page)
    # M1 and N3 (500 each) reach Gold: 5 % + 2 % + 20 = 55 instead of 2 % + 1.5 % + 5 = 22.50.
    assert tile(page, text["up"]) == "2"
    assert tile(page, text["cost"]) == text["cost_value"]
    shot(page, f"whatif_threshold_{lang}")

    page.get_by_role("tab", name=text["scenarios"]).click()
    page.get_by_label(text["name"]).fill("Gold ab 500")
    page.get_by_label(text["name"]).press("Enter")
    idle(page)
    page.get_by_role("button", name=text["save"]).click()
    idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name=text["html"]).click()
    report = (tmp_path / "report.html")
    download.value.save_as(report)
    content = report.read_text(encoding="utf-8")
    assert "Gold ab 500" in content and "plotly-graph-div" in content
    assert "0 / 300 / 500" in content          # the planned thresholds are in the report
    with page.expect_download() as download:
        page.get_by_role("button", name=text["csv"]).click()
    csv = tmp_path / "scenarios.csv"
    download.value.save_as(csv)
    # German Excel splits at semicolons and reads decimal commas.
    sep, point = {"en": (",", "."), "de": (";", ",")}[lang]
    rows = list(DictReader(io.StringIO(csv.read_text(encoding="utf-8-sig")), delimiter=sep))
    cost = next(r for r in rows if r["name"] == "tier_cost_change")
    assert (cost["scenario"], cost["value"]) == ("Gold ab 500", f"65{point}0")
    shot(page, f"whatif_scenarios_{lang}")
