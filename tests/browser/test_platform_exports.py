"""Each platform export in tests/fixtures/exports/ loads on the Data page in Chromium with the
counts and summary worked out by hand in tests/unit/test_platform_exports.py, and the Overview
shows its orders."""

import os

import pytest

from .conftest import idle, shot, wait_for_file_box
from .test_upload_flow import TEXT, open_data_page, tile

pytestmark = pytest.mark.browser

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures",
                        "exports")

# file: (result line, summary line, orders in the Overview). Orders are those with a positive
# amount (the hand-worked "orders" of the unit test); the default period covers every fixture.
CASES = {
    "shopify_orders_export.csv": (
        "9 of 11 rows loaded, 2 rejected",
        "11 rows: 5 orders with their line items; 2 refunds and returns (\u2212€70.00); "
        "1 cancelled order left out.", "5"),
    "woocommerce_advanced_order_export.csv": (
        "4 of 5 rows loaded, 1 rejected",
        "5 rows: 3 orders with their line items; 1 refund or return (\u2212€10.00); "
        "1 cancelled order left out.", "3"),
    "lightspeed_x_series_sales_history.csv": (
        "13 of 15 rows loaded, 2 rejected",
        "15 rows: 3 orders with their line items; 1 refund or return (\u2212€10.00); "
        "1 cancelled order left out.", "3"),
    "shopware6_default_orders_profile.csv": (
        "4 of 4 rows loaded, 0 rejected", "4 rows: one sale per row.", "4"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_platform_export_on_the_data_page(app_url, page, name):
    result, summary, orders = CASES[name]
    text = TEXT["en"]
    open_data_page(page, app_url, text)
    page.set_input_files('input[type="file"]', os.path.join(FIXTURES, name))
    wait_for_file_box(page)
    idle(page)
    page.get_by_role("button", name=text["load"]).click()
    page.get_by_text(f"{name}: {result}").wait_for()
    page.get_by_text(summary).wait_for()
    idle(page)
    shot(page, f"platform_{name.split('.')[0]}")
    page.get_by_role("link", name=text["overview"], exact=True).click()
    idle(page)
    assert tile(page, "Orders") == orders
