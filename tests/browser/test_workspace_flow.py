"""Issue 13's path in a real browser: a workspace outlives the browser, next month's export is
added to it with the overlap counted once, and an erased customer is gone from the file."""

import glob
import os

import pytest

from .conftest import choose, idle, shot

pytestmark = pytest.mark.browser

HEADER = "Bon;Datum;Kunde;Betrag\n"
JANUARY = (HEADER + "1001;05.01.2026;K100001;10,00\n1002;12.01.2026;K100002;20,00\n"
           "1003;26.01.2026;K100003;30,00\n1004;30.01.2026;K100001;40,00\n")
# The last week of January again (orders 1003 and 1004), then February.
FEBRUARY = (HEADER + "1003;26.01.2026;K100003;30,00\n1004;30.01.2026;K100001;40,00\n"
            "1005;03.02.2026;K100002;50,00\n1006;20.02.2026;K100004;60,00\n")


def tile(pg, label: str) -> str:
    metric = pg.locator('[data-testid="stMetric"]').filter(
        has=pg.locator('[data-testid="stMetricLabel"]', has_text=label)).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def go(pg, link: str) -> None:
    pg.get_by_role("link", name=link, exact=True).click()
    idle(pg)


def overview(pg) -> tuple[str, str, str]:
    go(pg, "Overview")
    return tile(pg, "Net revenue"), tile(pg, "Orders"), tile(pg, "Customers")


def load(pg, path) -> None:
    pg.set_input_files('input[type="file"]', str(path))
    pg.get_by_role("button", name="Load these files").wait_for()
    idle(pg)
    pg.get_by_role("button", name="Load these files").click()
    idle(pg)


def data_page(browser, url: str):
    """A fresh browser session (as after closing the browser) on the Data page."""
    pg = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    pg.set_default_timeout(60_000)
    pg.goto(url)
    idle(pg)
    go(pg, "Data")
    return pg


def pick_workspace(pg, name: str) -> None:
    choose(pg, "Open", name)


def test_a_workspace_keeps_data_and_scenarios_adds_february_and_erases_a_customer(
        app_url, browser, tmp_path, workspace_dir):
    jan, feb = tmp_path / "januar.csv", tmp_path / "februar.csv"
    jan.write_bytes(JANUARY.encode("cp1252"))
    feb.write_bytes(FEBRUARY.encode("cp1252"))

    pg = data_page(browser, app_url)
    pg.get_by_text("New workspace or import").click()
    pg.get_by_label("Name of the new workspace").fill("Laden Nord")
    pg.get_by_role("button", name="Create", exact=True).click()
    idle(pg)
    load(pg, jan)
    pg.get_by_text("januar.csv: 4 of 4 rows loaded, 0 rejected").wait_for()
    # 10 + 20 + 30 + 40; three customers.
    assert overview(pg) == ("€100.00", "4", "3")
    go(pg, "What-if")
    pg.get_by_role("tab", name="Scenarios").click()
    idle(pg)
    pg.get_by_label("Scenario name").fill("Board plan")
    pg.get_by_role("button", name="Save scenario").click()
    idle(pg)
    pg.context.close()

    # Next week: a new browser session finds the workspace, its figures and its scenario.
    pg = data_page(browser, app_url)
    pick_workspace(pg, "Laden Nord")
    assert "Laden Nord" in pg.locator('[data-testid="stSidebar"]').inner_text()
    assert overview(pg) == ("€100.00", "4", "3")
    go(pg, "What-if")
    pg.get_by_role("tab", name="Scenarios").click()
    idle(pg)
    assert pg.get_by_text("Board plan").count() >= 1

    # February, overlapping January's last week: its two orders count once.
    go(pg, "Data")
    pg.set_input_files('input[type="file"]', str(feb))
    pg.get_by_text("Columns mapped as for your last export with this header.").wait_for()
    idle(pg)
    pg.get_by_role("button", name="Load these files").click()
    idle(pg)
    pg.get_by_text("februar.csv: 2 of 4 rows loaded, 2 already loaded from an earlier file "
                   "(skipped), 0 rejected.").wait_for()
    pg.get_by_text("2 orders of this file were already loaded from an earlier file").wait_for()
    shot(pg, "workspace_february_en")
    # 100 + 50 + 60 = 210 over six orders and four customers.
    assert overview(pg) == ("€210.00", "6", "4")

    # Erase K100001 (orders 1001 and 1004): 210 - 10 - 40 = 160.
    go(pg, "Data")
    pg.get_by_text("Manage this workspace").click()
    pg.get_by_label("Customer number or e-mail").fill("K100001")
    pg.get_by_text("I understand this cannot be undone").click()
    idle(pg)
    pg.get_by_role("button", name="Erase", exact=True).click()
    idle(pg)
    pg.get_by_text("Customer K100001 erased: 2 rows deleted.").wait_for()
    shot(pg, "workspace_erased_en")
    assert overview(pg) == ("€160.00", "4", "3")
    from loyalty.storage.workspaces import Workspaces
    folder = Workspaces(workspace_dir).find("Laden Nord").folder
    files = glob.glob(os.path.join(folder, "data.duckdb*"))
    data = b"".join(open(f, "rb").read() for f in files)
    assert b"K100002" in data and b"K100001" not in data
    pg.context.close()


def test_a_second_session_on_the_workspace_sees_what_the_first_loaded(
        app_url, browser, tmp_path, workspace_dir):
    from loyalty.storage.workspaces import Workspaces
    Workspaces(workspace_dir).create("Zwei Fenster")
    jan = tmp_path / "januar.csv"
    jan.write_bytes(JANUARY.encode("cp1252"))
    pages = [data_page(browser, app_url) for _ in range(2)]
    for pg in pages:
        pick_workspace(pg, "Zwei Fenster")
    writer, reader = pages
    load(writer, jan)
    writer.get_by_text("januar.csv: 4 of 4 rows loaded, 0 rejected").wait_for()
    # The other window's next click shows the new data.
    assert overview(reader) == ("€100.00", "4", "3")
    # Its address opens the same workspace and view in a browser that never chose it.
    assert "ws=" in reader.url
    shared = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    shared.set_default_timeout(60_000)
    shared.goto(reader.url)
    idle(shared)
    assert (tile(shared, "Net revenue"), tile(shared, "Orders")) == ("€100.00", "4")
    assert "Zwei Fenster" in shared.locator('[data-testid="stSidebar"]').inner_text()
    for pg in [*pages, shared]:
        pg.context.close()
