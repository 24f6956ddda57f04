"""Periods and currency as a manager sees them: no comparison before the data, no programme
launch for a shop without a programme, dollars for a dollar shop."""

from tests.page.tabs import open_tab
from tests.page.test_app import metric, new_app, open_data, upload

DOLLAR_SHOP = (
    "customer_id,date,amount\n"
    "C1,2025-01-10,$10.00\n"
    "C2,2025-02-11,$20.00\n"
    "C1,2025-03-12,$30.00\n"
    "C3,2025-04-13,$40.00\n"
).encode()


def _load_dollar_shop():
    at = open_data(new_app())
    upload(at, "orders.csv", DOLLAR_SHOP)
    at.button(key="data_load").click().run()
    assert not at.exception
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    return at


def test_whole_period_says_there_is_nothing_to_compare_with():
    at = _load_dollar_shop()
    caption = at.caption[0].value
    assert caption.startswith("10 Jan 2025 – 13 Apr 2025. No comparison: your data starts on "
                              "10 Jan 2025")
    assert all(not m.delta for m in at.metric)


def test_dollar_shop_shows_dollars():
    at = _load_dollar_shop()
    assert metric(at, "Net revenue") == "$100.00"
    assert metric(at, "Average order value") == "$25.00"
    at.radio(key="app_lang").set_value("de").run()
    assert metric(at, "Nettoumsatz") == "100,00\u00a0$"


def test_currency_can_be_corrected_on_the_data_page():
    at = _load_dollar_shop()
    at.switch_page("pages/data.py").run()
    box = next(s for s in at.selectbox if s.key.startswith("data_currency_"))
    assert box.value == "USD"
    box.set_value("CAD").run()
    at.switch_page("pages/overview.py").run()
    assert metric(at, "Net revenue") == "CAD\u00a0100.00"


def test_no_programme_launch_without_a_programme():
    at = _load_dollar_shop()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Cohorts")
    assert not at.exception
    assert at.checkbox(key="churn_launch_ask")        # the tab is open
    assert not [d for d in at.date_input if d.key == "churn_launch"]
    ask = at.checkbox(key="churn_launch_ask")
    assert ask.value is False
    ask.check().run()
    assert [d for d in at.date_input if d.key == "churn_launch"]


def test_demo_programme_launch_comes_from_the_members_file():
    at = new_app()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Cohorts")
    launch = [d for d in at.date_input if d.key == "churn_launch"]
    assert launch and not [c for c in at.checkbox if c.key == "churn_launch_ask"]


def test_every_page_explains_its_terms_in_both_languages():
    at = new_app()
    for page, term in (("pages/churn.py", "**BG/NBD model**"), ("pages/tiers.py", "**Breakage**"),
                       ("pages/overview.py", "**pp (percentage points)**")):
        at.switch_page(page).run()
        assert any(term in m.value for m in at.markdown), page
    at.radio(key="app_lang").set_value("de").run()
    assert any("**Pp. (Prozentpunkte)**" in m.value for m in at.markdown)


def test_data_page_says_which_ids_are_left_out():
    at = open_data(new_app())
    upload(at, "orders.csv", b"customer_id,date,amount\nA,2025-01-01,10.00\nB,2025-01-02,0.00\n"
                             b",2025-01-03,5.00\nC,2025-01-04,7.00\n")
    at.button(key="data_load").click().run()
    assert not at.exception
    # A and C bought; B has only a zero sale; one row is anonymous.
    assert ("3 customer ids in the transactions; 2 of them count as customers. 1 is left out "
            "of customer figures because it has no purchase above zero (only zero-value sales "
            "or returns). 1 row has no customer id and counts in revenue only."
            ) in [c.value for c in at.caption]
