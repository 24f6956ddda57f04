"""A real shop's transaction log, transactions only, in dollars (the CDNOW layout): the figures
claim nothing the data cannot show."""

import datetime as dt

import pytest

from .conftest import idle, shot, wait_for_file_box
from .test_upload_flow import TEXT, open_data_page, tile

pytestmark = pytest.mark.browser


def cdnow_like() -> bytes:
    """Whitespace-aligned, CRLF, a header that does not line up: 60 customers over 18 months.
    Customers 1-20 buy once and 21-30 twice, all first in Jan 1997 (long-standing); 31-55
    buy every month from Jan 1997; 56-60 buy once in June 1998, the last month."""
    rows = [" customer_id  date number_of_cds  dollar_value"]
    for c in range(1, 61):
        if c <= 20:
            days = [dt.date(1997, 1, 10)]
        elif c <= 30:
            days = [dt.date(1997, 1, 10), dt.date(1997, 3, 10)]
        elif c <= 55:
            days = [dt.date(1997 + (m // 12), m % 12 + 1, 15) for m in range(18)]
        else:
            days = [dt.date(1998, 6, 20)]
        rows += [f" {c:05d} {d:%Y%m%d}  2   25.00" for d in days]
    return ("\r\n".join(rows) + "\r\n").encode()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_transactions_only_dollar_log(app_url, page, tmp_path, lang):
    text = TEXT[lang]
    log = tmp_path / "CDNOW_master.txt"
    log.write_bytes(cdnow_like())
    page.set_viewport_size({"width": 1024, "height": 2200})
    open_data_page(page, app_url, text)
    shot(page, f"real_data_upload_box_{lang}")
    page.set_input_files('input[type="file"]', str(log))
    wait_for_file_box(page)
    idle(page)
    page.get_by_role("button", name=text["load"]).click()
    idle(page)
    # 20 + 2 x 10 + 18 x 25 + 5 = 495 rows, all loaded.
    loaded = {"en": "495 of 495 rows loaded, 0 rejected",
              "de": "495 von 495 Zeilen geladen, 0 abgelehnt"}[lang]
    page.get_by_text(loaded).wait_for()
    page.get_by_role("link", name=text["overview"], exact=True).click()
    idle(page)
    # A dollar shop in dollars: 495 x $25.00 over the whole data; the default period is the
    # last six months (Jan - Jun 1998): 25 x 6 monthly buyers + 5 new ones = 155 orders.
    revenue = tile(page, text["revenue"])
    assert revenue == {"en": "$3,875.00", "de": "3.875,00\xa0$"}[lang]
    page.get_by_role("link", name={"en": "Loyalty types", "de": "Treuetypen"}[lang],
                     exact=True).click()
    idle(page)
    shot(page, f"real_data_types_{lang}")
    # "What to do" lists the groups customers are in; "Cannot be told" the types that need
    # other data ("needs ..."): nobody is perk-loyal, programme-loyal or an advocate, and the
    # long-standing one- and two-time buyers are not "too new".
    needs = {"en": "needs", "de": "braucht"}[lang]
    items = page.locator('[data-testid="stMain"] li').all_inner_texts()
    groups = {i.split(":")[0].strip() for i in items if needs not in i}
    assert groups == {"en": {"Satisfied", "One-time buyers", "Occasional buyers",
                             "Too new to tell"},
                      "de": {"Zufriedene", "Einmalkäufer", "Gelegenheitskäufer",
                             "Noch zu neu"}}[lang]
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert {"en": "Cannot be told from this data",
            "de": "Aus diesen Daten nicht erkennbar"}[lang].lower() in main.lower()
    errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    assert errors.count() == 0
