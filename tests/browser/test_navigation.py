"""An impatient manager: clicking to the next page before the last one has finished never leaves
an error on any page."""

import pytest

from .conftest import idle, shot

pytestmark = pytest.mark.browser

PAGES = ["Loyalty types", "Churn and retention", "Tiers and points", "What-if", "NPS",
         "Programme", "Overview", "Churn and retention", "Loyalty types", "Overview"]
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def test_clicking_through_pages_half_a_second_apart_leaves_no_error(app_url, page):
    # A new session has its own dataset, so nothing is cached yet: every page computes while
    # the next click comes.
    page.goto(app_url)
    idle(page)
    for name in PAGES:
        page.get_by_role("link", name=name, exact=True).click()
        page.wait_for_timeout(500)
    idle(page)
    for name in PAGES[:7]:
        page.get_by_role("link", name=name, exact=True).click()
        idle(page)
        errors = page.locator(ERRORS)
        assert errors.count() == 0, f"{name}: {errors.first.inner_text()}"
    shot(page, "navigation_after_fast_clicks")
