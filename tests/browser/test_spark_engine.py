"""The app started against a local Spark session shows every page for the demo data with the
numbers DuckDB shows."""

import shutil

import pytest

from .conftest import idle, serve, shot

pytestmark = pytest.mark.browser

PAGES = ["Overview", "Loyalty types", "NPS", "Churn and retention", "Tiers and points",
         "Programme", "What-if", "Data"]
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
FIGURES = '[data-testid="stMain"] [data-testid="stMetricValue"]'


@pytest.fixture(scope="module")
def spark_app_url(tmp_path_factory):
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: a local Spark session needs one (.ci/run installs "
                    "openjdk-17-jre-headless)")
    yield from serve(str(tmp_path_factory.mktemp("spark-workspaces")),
                     {"LOYALTY_ENGINE": "spark"})


def tour(pg, url: str, name: str) -> dict[str, list[str]]:
    """Every page's headline figures (the metric tiles), as the manager reads them."""
    pg.set_default_timeout(240_000)
    pg.goto(url)
    idle(pg)
    out = {}
    for page_name in PAGES:
        pg.get_by_role("link", name=page_name, exact=True).click()
        idle(pg)
        errors = pg.locator(ERRORS)
        assert errors.count() == 0, f"{name} {page_name}: {errors.first.inner_text()}"
        out[page_name] = pg.locator(FIGURES).all_inner_texts()
        shot(pg, f"{name}_{page_name.lower().replace(' ', '_')}")
    return out


def test_every_page_on_spark_shows_duckdbs_numbers(app_url, spark_app_url, page):
    duck = tour(page, app_url, "duckdb")
    spark = tour(page, spark_app_url, "spark")
    assert sum(len(v) for v in duck.values()) >= 20
    assert "5,000" in duck["Overview"]
    for name in PAGES:
        assert spark[name] == duck[name], name
