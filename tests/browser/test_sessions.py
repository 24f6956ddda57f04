"""Two managers at the same time, in two browser sessions of one server: each uploads a
different export and each sees only its own figures (every session has its own database)."""

import pytest

from .conftest import idle
from .test_upload_flow import TEXT, open_data_page, tile

pytestmark = pytest.mark.browser

# Shop A: two customers, 10 + 20 = 30.00. Shop B: three customers, 100 + 200 + 300 = 600.00.
SHOP_A = "customer_id,date,amount\nA1,2026-03-02,10.00\nA2,2026-03-03,20.00\n"
SHOP_B = ("customer_id,date,amount\nB1,2026-03-02,100.00\nB2,2026-03-03,200.00\n"
          "B3,2026-03-04,300.00\n")


def test_two_sessions_loading_at_once_see_only_their_own_data(app_url, browser, tmp_path):
    text = TEXT["en"]
    pages = []
    for name, content in (("shop_a.csv", SHOP_A), ("shop_b.csv", SHOP_B)):
        path = tmp_path / name
        path.write_text(content)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        open_data_page(pg, app_url, text)
        pg.set_input_files('input[type="file"]', str(path))
        pg.get_by_role("button", name=text["load"]).wait_for()
        idle(pg)
        pages.append(pg)
    # Both loads are sent before either is waited for: the server runs them side by side.
    for pg in pages:
        pg.get_by_role("button", name=text["load"]).click()
    pages[0].get_by_text("2 of 2 rows loaded").wait_for()
    pages[1].get_by_text("3 of 3 rows loaded").wait_for()
    expected = [("2", "€30.00"), ("3", "€600.00")]
    for _ in range(2):
        # Twice: the first session's figures still hold after the second one has loaded.
        for pg, (customers, revenue) in zip(pages, expected):
            pg.get_by_role("link", name=text["overview"], exact=True).click()
            idle(pg)
            assert (tile(pg, text["customers"]), tile(pg, text["revenue"])) == (
                customers, revenue)
            pg.get_by_role("link", name=text["data"], exact=True).click()
            idle(pg)
    for pg in pages:
        pg.context.close()
