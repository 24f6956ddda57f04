"""A manager on the DuckDB app opens the demo's tables as Parquet on a local Spark session from
the Data page, maps the renamed amount column by hand, and the Overview shows DuckDB's figures."""

import os
import shutil

import pandas as pd
import pytest

from loyalty.storage.dataset import open_demo
from loyalty.storage.parquet import write_parquet

from .conftest import ROOT, choose, idle, serve, shot

pytestmark = pytest.mark.browser

FIGURES = '[data-testid="stMain"] [data-testid="stMetricValue"]'
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
LABELS = {"transactions": "Transactions (required)", "members": "Members",
          "surveys": "NPS surveys", "interactions": "Interactions"}


@pytest.fixture(scope="module")
def parquet(tmp_path_factory) -> dict[str, str]:
    """The demo's canonical tables as Parquet, the transactions' amount named basket: neither
    its name nor its values propose it, so only the mapping screen can. Quantity and unit price
    are left out (no figure reads them), else amount would be taken as their product."""
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: a local Spark session needs one (.ci/run installs "
                    "openjdk-17-jre-headless)")
    out = str(tmp_path_factory.mktemp("demo-parquet"))
    ds = open_demo(os.path.join(ROOT, "data", "demo"))
    paths = write_parquet(ds, out)
    ds.close()
    frame = pd.read_parquet(paths["transactions"]).rename(columns={"amount": "basket"})
    frame = frame.drop(columns=["quantity", "unit_price"])
    paths["transactions"] = os.path.join(out, "receipts.parquet")
    frame.to_parquet(paths["transactions"])
    return paths


@pytest.fixture(scope="module")
def duck_app_url(tmp_path_factory):
    """A server of its own: the local Spark session it starts stays out of the other tests'."""
    yield from serve(str(tmp_path_factory.mktemp("spark-ui-workspaces")))


def test_open_the_demo_from_spark_on_the_data_page(duck_app_url, parquet, page):
    page.set_default_timeout(240_000)
    page.goto(duck_app_url)
    idle(page)
    duck = page.locator(FIGURES).all_inner_texts()
    assert "5,000" in duck

    page.get_by_role("link", name="Data", exact=True).click()
    idle(page)
    page.get_by_text("Data already in Spark", exact=True).click()
    for table, label in LABELS.items():
        box = page.get_by_label(f"{label}: Spark table or Parquet/Delta path", exact=True)
        box.fill(parquet[table])
        box.press("Enter")
        idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert "No column holds Amount (net)" in main.inner_text()
    assert page.get_by_role("button", name="Open in Spark").is_disabled()

    choose(page, "Amount (net)", "basket")
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    page.get_by_role("button", name="Open in Spark").click()
    # The open ends in a rerun; between the two runs the page reads as idle for a moment.
    page.get_by_text("Every page now shows figures computed by Spark.").wait_for()
    idle(page)
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    text = main.inner_text()
    assert ("Transactions from " + parquet["transactions"] + ": 111,502 of 111,502 rows used, "
            "0 left out") in text
    shot(page, "data_spark_en")

    page.get_by_role("link", name="Overview", exact=True).click()
    idle(page)
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    assert page.locator(FIGURES).all_inner_texts() == duck
    shot(page, "data_spark_overview_en")

    page.get_by_text("Deutsch", exact=True).click()
    idle(page)
    page.get_by_role("link", name="Daten", exact=True).click()
    idle(page)
    text = main.inner_text()
    assert "Daten, die schon in Spark liegen" in text
    assert "Alle Seiten zeigen jetzt von Spark berechnete Kennzahlen." in text
    # Back from another page, the sources and the hand-made mapping are still there.
    assert "Umsätze aus " + parquet["transactions"] in text
    assert page.get_by_role("combobox", name="Betrag (netto)").first.input_value() == "basket"
    shot(page, "data_spark_de")
