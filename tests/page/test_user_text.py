"""User-provided text (file names, customer ids, sample values, scenario names) is shown as
text: Markdown in it is escaped, so an id like ![x](https://...) loads no image and no link
renders."""

import os

from streamlit.testing.v1 import AppTest

from .tabs import open_tab

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")

BEACON = "![x](https://tracker.example/p.png)"
BEACON_SHOWN = r"\!\[x\]\(https\://tracker\.example/p\.png\)"
NAME = "[click](http://x.example).csv"
NAME_SHOWN = r"\[click\]\(http\://x\.example\)\.csv"
# Two good rows, the first with the beacon as customer id, and one row without a date.
CONTENT = (f"customer_id,date,amount\n{BEACON},2026-01-02,10.00\n"
           "C2,2026-01-03,20.00\nC3,soon,5.00\n").encode()


def shown(at: AppTest) -> list[str]:
    """Every text Streamlit renders as Markdown on the page."""
    out = []
    for kind in ("markdown", "caption", "subheader", "title", "success", "warning", "error",
                 "info", "expander"):
        out += [getattr(e, "label", None) or e.value for e in getattr(at, kind)]
    return out


def data_page_with_upload() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="data_upload").set_value([(NAME, CONTENT, "text/csv")]).run()
    assert not at.exception
    return at


def test_file_name_and_sample_values_are_escaped_on_the_data_page():
    at = data_page_with_upload()
    texts = shown(at)
    assert NAME_SHOWN in texts                                   # the file's heading
    assert f"{BEACON_SHOWN} · C2 · C3" in texts                   # samples of customer_id
    assert not any(NAME in t or BEACON in t for t in texts)
    at.button(key="data_load").click().run()
    assert not at.exception
    texts = shown(at)
    assert f"{NAME_SHOWN}: 2 of 3 rows loaded, 1 rejected." in texts
    assert f"Why rows of {NAME_SHOWN} were rejected" in texts
    assert f"Dataset: Your data: {NAME_SHOWN}" in [c.value for c in at.sidebar.caption]
    assert not any(NAME in t or BEACON in t for t in shown(at))


def test_customer_id_is_escaped_in_the_drill_down():
    at = data_page_with_upload()
    at.button(key="data_load").click().run()
    at.switch_page("pages/segments.py").run()
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").input(BEACON).run()
    assert not at.exception
    assert f"### {BEACON_SHOWN}" in [m.value for m in at.markdown]
    # Not found: the typed text and the similar ids are escaped too.
    at.text_input(key="seg_customer").input("(https").run()
    assert at.warning[0].value == (r"No customer \(https in the selected data. "
                                   f"Similar ids: {BEACON_SHOWN}")
    assert not any(BEACON in t for t in shown(at))


def test_scenario_name_is_escaped_in_the_toast():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/whatif.py").run()
    open_tab(at, "whatif_tab", "Scenarios")
    at.text_input(key="whatif_name").set_value("[Plan](http://x.example) *A*").run()
    at.button(key="whatif_save").click().run()
    assert not at.exception
    assert [t.value for t in at.toast] == [r"Saved '\[Plan\]\(http\://x\.example\) \*A\*'."]


# C2 spends more than C1, so the ladder read from the members file is **Silber**, then [Gold].
TIER_TX = b"customer_id,date,amount\nC1,2026-01-02,10.00\nC2,2026-01-03,500.00\n"
MEMBERS = (b"customer_id,joined,tier\nC2,2025-01-01,[Gold](http://x.example)\n"
           b"C1,2025-02-01,**Silber**\n")


def test_tier_names_from_the_members_file_are_escaped():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="data_upload").set_value(
        [("tx.csv", TIER_TX, "text/csv"), ("members.csv", MEMBERS, "text/csv")]).run()
    at.button(key="data_load").click().run()
    at.switch_page("pages/tiers.py").run()
    assert not at.exception
    labels = [n.label for n in at.number_input if n.key.startswith("tiers_floor_")]
    assert labels == [r"\*\*Silber\*\* from", r"\[Gold\]\(http\://x\.example\) from"]
    at.switch_page("pages/whatif.py").run()
    assert not at.exception
    assert r"**\[Gold\]\(http\://x\.example\)**" in [m.value for m in at.markdown]
