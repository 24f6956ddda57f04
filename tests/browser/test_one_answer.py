"""One question, one answer, as a manager reads it in the browser: the Tiers page and the
What-if page show the same customers per tier today."""

import re

import pytest

from .conftest import idle, open_page

pytestmark = pytest.mark.browser


def table(page, column: str) -> list[dict]:
    """The rows of the first table that has a column ``column``, read from the grid's accessible
    cells (which carry the values, not the formatted text)."""
    grid = page.locator('[data-testid="stDataFrame"]').filter(
        has=page.locator('[role="columnheader"]').filter(
            has_text=re.compile(f"^{re.escape(column)}$"))).first
    grid.locator('[role="gridcell"]').first.wait_for(state="attached")
    heads = grid.locator('[role="columnheader"]').all_inner_texts()
    cells = grid.locator('[role="gridcell"]').all_inner_texts()
    width = len(heads)
    return [dict(zip(heads, cells[i:i + width])) for i in range(0, len(cells), width)]


def test_tiers_and_whatif_show_the_same_customers_per_tier(app_url, page):
    open_page(page, app_url, "Tiers and points")
    tiers = {r["Tier"]: int(r["Customers"]) for r in table(page, "Qualifying spend")}
    page.get_by_role("link", name="What-if", exact=True).click()
    idle(page)
    whatif = {r["Tier"]: int(r["Customers today"]) for r in table(page, "Customers today")}
    assert list(tiers) == ["Bronze", "Silber", "Gold"]
    assert whatif == tiers
    assert sum(tiers.values()) > 1000
