"""Typed controls keep their values while the manager looks at other pages or switches the
language, without a workspace; the controls that start from the data start again from the next
data set's."""

from streamlit.testing.v1 import AppTest

from tests.page.tabs import open_tab
from tests.page.test_data_page import load, upload
from tests.page.test_workspace_settings import APP

# Two customers, Gold and Silver: a members file whose ladder is not the demo's.
TX = b"customer_id,date,amount\nC1,2026-01-02,10.00\nC2,2026-01-03,20.00\nC1,2026-02-02,15.00\n"


def demo_on(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_typed_thresholds_and_inputs_outlast_a_page_switch_and_the_language():
    at = demo_on("pages/whatif.py")
    today = at.number_input(key="whatif_floor_2").value
    at.number_input(key="whatif_floor_2").set_value(1234.0).run()
    at.slider(key="whatif_margin").set_value(55).run()
    at.switch_page("pages/tiers.py").run()
    at.number_input(key="tiers_floor_1").set_value(321.0).run()
    at.switch_page("pages/segments.py").run()
    at.number_input(key="seg_min_orders").set_value(5).run()
    at.switch_page("pages/overview.py").run()
    at.radio(key="app_lang").set_value("de").run()
    at.switch_page("pages/whatif.py").run()
    assert not at.exception
    assert today != 1234.0
    assert at.number_input(key="whatif_floor_2").value == 1234.0
    assert at.slider(key="whatif_margin").value == 55
    at.switch_page("pages/tiers.py").run()
    assert at.number_input(key="tiers_floor_1").value == 321.0
    at.switch_page("pages/segments.py").run()
    assert at.number_input(key="seg_min_orders").value == 5


def test_thresholds_typed_for_one_data_set_do_not_carry_into_the_next():
    at = demo_on("pages/tiers.py")
    demo_floor = at.number_input(key="tiers_floor_1").value
    at.number_input(key="tiers_floor_1").set_value(demo_floor + 111).run()
    at.switch_page("pages/whatif.py").run()
    at.slider(key="whatif_margin").set_value(55).run()
    at.switch_page("pages/data.py").run()
    load(upload(at, ("shop.csv", TX)))
    at.switch_page("pages/tiers.py").run()
    assert not at.exception
    # Back to today's ladder (the example ladder: no tiers in a transactions-only file); the
    # margin is the manager's, not the data's, and stays.
    assert at.number_input(key="tiers_floor_1").value == demo_floor
    at.switch_page("pages/whatif.py").run()
    assert at.slider(key="whatif_margin").value == 55


def test_a_customer_looked_up_is_still_there_after_another_tab():
    at = demo_on("pages/segments.py")
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").set_value("K100001").run()
    open_tab(at, "seg_tab", "RFM")
    open_tab(at, "seg_tab", "Customer")
    assert not at.exception
    assert at.text_input(key="seg_customer").value == "K100001"
    assert "### K100001" in [m.value for m in at.markdown]
