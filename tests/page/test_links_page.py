"""A shared link opens the view it names; whatever in it does not fit is left out quietly."""

import datetime as dt
import os

from streamlit.testing.v1 import AppTest

from tests.page.tabs import open_tab

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")
# The demo data runs from 1 Nov 2024 to 31 Oct 2026.
DEMO_FIRST, DEMO_LAST = dt.date(2024, 11, 1), dt.date(2026, 10, 31)


def _open(params: dict, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception and not at.error
    return at


def _sidebar(at, prefix: str):
    return next(w for w in [*at.date_input, *at.multiselect] if w.key.startswith(prefix))


def test_link_sets_language_period_filters_and_comparison():
    at = _open({"lang": "de", "from": "2025-03-01", "to": "2025-04-30",
                "channel": ["online", "app"], "cmp": "year"})
    assert at.radio(key="app_lang").value == "de"
    assert _sidebar(at, "app_dates_").value == (dt.date(2025, 3, 1), dt.date(2025, 4, 30))
    assert _sidebar(at, "app_channels_").value == ["online", "app"]
    assert at.selectbox(key="app_compare@de").value == "year"
    # 1 Mar - 30 Apr 2024 lies before the demo data.
    assert at.caption[0].value.startswith("01.03.2025 – 30.04.2025. Kein Vergleich")
    assert at.query_params["channel"] == ["online", "app"] and at.query_params["cmp"] == "year"


def test_what_does_not_fit_is_left_out():
    at = _open({"lang": "xx", "from": "2020-01-01", "to": "2099-12-31", "channel": "phone",
                "store": "<script>", "cmp": "tomorrow", "cfrom": "soon"})
    assert at.radio(key="app_lang").value == "en"
    # Dates beyond the data are moved inside it; unknown filter values and choices are dropped.
    assert _sidebar(at, "app_dates_").value == (DEMO_FIRST, DEMO_LAST)
    assert _sidebar(at, "app_channels_").value == []
    assert _sidebar(at, "app_stores_").value == []
    assert at.selectbox(key="app_compare@en").value == "previous"
    # The address is rewritten with what is shown.
    assert at.query_params["lang"] == "en" and "channel" not in at.query_params
    assert at.query_params["from"] == DEMO_FIRST.isoformat()


def test_period_outside_the_data_is_ignored():
    at = _open({"from": "2019-01-01", "to": "2019-12-31"})
    # The default: the last six months of the data.
    assert _sidebar(at, "app_dates_").value == (dt.date(2026, 5, 2), DEMO_LAST)


def test_what_if_settings_from_a_link():
    at = _open({"w_margin": "55", "w_depth": "20", "w_churn_cut": "3.5", "wl_types": ["one_time"]},
               "pages/whatif.py")
    assert at.slider(key="whatif_margin").value == 55
    # Settings of tabs not yet open stay in the address until their tab draws them.
    assert at.query_params["w_margin"] == "55" and at.query_params["w_depth"] == "20"
    open_tab(at, "whatif_tab", "Discount depth")
    assert at.slider(key="whatif_depth").value == 20
    assert at.multiselect(key="whatif_types@en").value == ["one_time"]
    open_tab(at, "whatif_tab", "Retention")
    assert at.select_slider(key="whatif_churn_cut@en").value == 3.5


def test_what_if_settings_a_control_refuses_fall_back_to_its_defaults():
    at = _open({"w_margin": "900", "w_years": "7"}, "pages/whatif.py")
    assert at.slider(key="whatif_margin").value == 40
    open_tab(at, "whatif_tab", "Retention")
    assert at.radio(key="whatif_years").value == 3


def test_a_refused_setting_in_a_tab_opened_later_falls_back_too():
    at = _open({"w_margin": "55", "w_years": "7"}, "pages/whatif.py")
    assert at.slider(key="whatif_margin").value == 55
    open_tab(at, "whatif_tab", "Retention")
    assert not at.exception and at.radio(key="whatif_years").value == 3
    # Saved before the tab was opened, the scenario would have used the default too.
    open_tab(at, "whatif_tab", "Scenarios")
    at.button(key="whatif_save").click().run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Scenario 1" in d.value.columns)
    assert table.loc["Retention: years", "Scenario 1"] == "3"


def test_link_to_own_data_applies_once_that_data_is_loaded():
    # Made on a shop with stores Nord and Süd; the session opens on the demo data.
    at = _open({"from": "2026-01-03", "to": "2026-01-04", "store": "Süd", "cmp": "year"})
    assert _sidebar(at, "app_stores_").value == []
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="data_upload").set_value([("kasse.csv", (
        "Bon;Datum;Filiale;Karte;Betrag\n1;2026-01-02;Nord;C1;10.00\n2;2026-01-03;Nord;C2;20.00\n"
        "3;2026-01-04;Süd;C3;30.00\n4;2026-01-05;Süd;C1;40.00\n").encode(), "text/csv")]).run()
    at.button(key="data_load").click().run()
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert _sidebar(at, "app_dates_").value == (dt.date(2026, 1, 3), dt.date(2026, 1, 4))
    assert _sidebar(at, "app_stores_").value == ["Süd"]
    # Only C3's 30.00 on 4 Jan in Süd.
    assert next(m.value for m in at.metric if m.label == "Net revenue") == "€30.00"
