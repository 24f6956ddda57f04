"""Settings tuned in a workspace are there in the next session (issue 13), and a reset forgets
them."""

import os

from streamlit.testing.v1 import AppTest

from loyalty.storage.workspaces import Workspaces, data_dir

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")
DEMO = os.path.join(os.path.dirname(APP), "data", "demo", "transactions.csv")


def session_on(workspace_id: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["workspace_id"] = workspace_id
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_tuned_rules_and_tier_months_come_back_in_a_new_session():
    ws = Workspaces(data_dir()).create("Kept settings")
    from loyalty.storage.opened import open_dataset
    ds = open_dataset(ws)
    ds.load(DEMO)
    ds.close()

    first = session_on(ws.id, "pages/segments.py")
    first.number_input(key="seg_min_orders").set_value(4).run()
    first.switch_page("pages/tiers.py").run()
    first.number_input(key="tiers_months").set_value(6).run()
    # The change is kept at the start of the next run (any click).
    first.run()
    assert not first.exception

    second = session_on(ws.id, "pages/segments.py")
    assert second.number_input(key="seg_min_orders").value == 4
    second.switch_page("pages/tiers.py").run()
    assert second.number_input(key="tiers_months").value == 6

    # Reset on the Loyalty types page forgets the kept rules, not the tier months.
    second.switch_page("pages/segments.py").run()
    second.button(key="seg_reset").click().run()
    third = session_on(ws.id, "pages/segments.py")
    assert third.number_input(key="seg_min_orders").value == 3
    third.switch_page("pages/tiers.py").run()
    assert third.number_input(key="tiers_months").value == 6


def test_the_demo_keeps_nothing():
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.switch_page("pages/segments.py").run()
    at.number_input(key="seg_min_orders").set_value(5).run()
    again = AppTest.from_file(APP, default_timeout=180)
    again.run()
    again.switch_page("pages/segments.py").run()
    assert again.number_input(key="seg_min_orders").value == 3
