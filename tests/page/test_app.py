"""Every page through Streamlit's AppTest: renders, uploads, corrections, language switch."""

import os

import pytest
from streamlit.testing.v1 import AppTest

from ..shops import transactions_only
from .tabs import open_tab

APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")

GERMAN_EXPORT = (
    "Umsatzexport Filiale Köln\n"
    "Kundennummer;Datum;Betrag;Bon-Nr\n"
    "K1;02.01.2026;1.234,56;B1\n"
    "K2;03.01.2026;12,50 €;B2\n"
    "K1;04.01.2026;7,00;B3\n"
    "K3;32.01.2026;5,00;B4\n"
).encode("cp1252")


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def open_data(at: AppTest) -> AppTest:
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="data_upload").set_value([(name, content, "text/csv")]).run()
    assert not at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_overview_on_demo_data():
    at = new_app()
    labels = [m.label for m in at.metric]
    assert labels == ["Customers", "Active customers", "Orders", "Net revenue",
                      "Average order value", "Repurchase rate", "Churn rate (period)", "NPS",
                      "Member share", "Upselling ratio"]
    assert all(m.help for m in at.metric)
    assert metric(at, "Customers") == "5,000"
    assert "demo data" in at.info[0].value
    assert not at.error


def test_upload_german_export_and_see_it_on_the_overview():
    at = open_data(new_app())
    upload(at, "kasse.csv", GERMAN_EXPORT)
    assert at.selectbox(key=next(s.key for s in at.selectbox if s.key.startswith("data_table_"))
                        ).value == "transactions"
    assert "Windows-1252" in at.caption[0].value or any(
        "Windows-1252" in c.value for c in at.caption)
    at.button(key="data_load").click().run()
    assert not at.exception
    # The file name is the manager's text: its Markdown characters are escaped.
    assert [w.value for w in at.warning] == [r"kasse\.csv: 3 of 4 rows loaded, 1 rejected."]
    assert any("Date not readable" in str(df.value) for df in at.dataframe)
    at.switch_page("pages/overview.py").run()
    assert metric(at, "Customers") == "2"
    assert metric(at, "Net revenue") == "€1,254.06"
    assert not at.info or "demo data" not in at.info[0].value


def test_correcting_a_mapping_changes_the_figures():
    text = ("Bon;Datum;Region;Karte;Betrag\n"
            "1;2026-01-02;Nord;C1;10.00\n2;2026-01-03;Nord;C2;20.00\n"
            "3;2026-01-04;Nord;C3;30.00\n4;2026-01-05;Süd;C1;40.00\n").encode()
    at = open_data(new_app())
    upload(at, "export.csv", text)
    customer = next(s for s in at.selectbox if s.key.split("@")[0].endswith("_customer_id"))
    assert customer.value == "Region"          # the guess from content alone is wrong ...
    customer.set_value("Karte").run()          # ... and the manager corrects it
    at.button(key="data_load").click().run()
    at.switch_page("pages/overview.py").run()
    assert metric(at, "Customers") == "3"


def test_unusable_file_gets_one_sentence():
    at = open_data(new_app())
    upload(at, "workbook.csv", b"PK\x03\x04\x14\x00\x06\x00binary")
    assert len(at.error) == 1
    assert "Excel workbook" in at.error[0].value
    assert at.button(key="data_load").disabled


def test_german_ui():
    at = new_app()
    at.radio(key="app_lang").set_value("de").run()
    assert not at.exception
    assert [m.label for m in at.metric][:4] == ["Kunden", "Aktive Kunden", "Bestellungen",
                                                "Nettoumsatz"]
    assert metric(at, "Kunden") == "5.000"
    assert metric(at, "Wiederkaufrate").endswith("\xa0%")
    assert "Demodaten" in at.info[0].value
    open_data(at)
    assert at.title[0].value == "Ihre Daten"


def test_filters_survive_a_page_switch_and_change_figures():
    at = new_app()
    before = metric(at, "Net revenue")
    channel = next(m for m in at.multiselect if m.key.startswith("app_channels_"))
    channel.set_value(["online"]).run()
    after = metric(at, "Net revenue")
    assert after != before
    open_data(at)
    at.switch_page("pages/overview.py").run()
    assert metric(at, "Net revenue") == after


def test_back_to_demo_and_clear():
    at = open_data(new_app())
    upload(at, "kasse.csv", GERMAN_EXPORT)
    at.button(key="data_load").click().run()
    at.button(key="data_clear").click().run()
    assert not at.exception
    at.switch_page("pages/overview.py").run()
    assert at.warning[0].value.startswith("No transactions are loaded")
    open_data(at)
    at.button(key="data_use_demo").click().run()
    at.switch_page("pages/overview.py").run()
    assert metric(at, "Customers") == "5,000"


def _type_counts(at: AppTest) -> dict:
    frame = next(d.value for d in at.dataframe
                 if d.value.columns[0] in ("Loyalty type", "Treuetyp"))
    # Counts stay numbers in the table (so sorting works); the column config formats them.
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1].astype(int)))


def test_segments_page_threshold_moves_counts():
    at = new_app()
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    before = _type_counts(at)
    assert set(before) == {"Satisfied", "Price-loyal", "Programme-loyal", "Convenience-loyal",
                           "Perk-loyal", "True advocate", "One-time buyers", "Occasional buyers",
                           "Too new to tell"}
    # The demo has every signal: no type is missing.
    assert not any(m.value == "**Cannot be told from this data**" for m in at.markdown)
    # Count a customer as price-loyal from a 10-30 % discount share instead of 30-70 %.
    shares = at.select_slider(key="seg_price_loyal_discount_share@en")
    assert shares.format_func(0.6) == "60%"
    shares.set_value((0.1, 0.3)).run()
    # The rule reads shares, not percent.
    assert at.session_state["seg_price_loyal_discount_share"] == (0.1, 0.3)
    after = _type_counts(at)
    assert after["Price-loyal"] > before["Price-loyal"]
    # In German the range stays and reads with a space before the percent sign.
    at.radio(key="app_lang").set_value("de").run()
    german = at.select_slider(key="seg_price_loyal_discount_share@de")
    assert german.value == (0.1, 0.3) and german.format_func(0.1) == "10\u00a0%"
    assert at.select_slider(key="seg_programme_loyal_logins_per_month@de").format_func(0.6) == "0,6"
    at.radio(key="app_lang").set_value("en").run()
    at.button(key="seg_reset").click().run()
    assert _type_counts(at) == before


def test_segments_page_with_transactions_only():
    at = open_data(new_app())
    upload(at, "cdnow.csv", transactions_only().encode())
    at.button(key="data_load").click().run()
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    # See tests/shops.py: three regulars, one long-ago one-time and two-time buyer, one new.
    assert _type_counts(at) == {"Satisfied": 3, "One-time buyers": 1,
                                "Occasional buyers": 1, "Too new to tell": 1}
    assert at.info[0].value.startswith("What your data can tell: for every customer the "
                                       "lifecycle stage")
    assert at.info[0].value.endswith("Loyalty types it can tell: Satisfied.")
    assert len(at.info) == 1                      # no second note on the missing signals
    summary = next(d.value for d in at.dataframe if d.value.columns[0] == "Loyalty type")
    assert list(summary.columns) == ["Loyalty type", "Customers", "Customer %",
                                     "Revenue %", "Revenue / customer", "Orders / month",
                                     "Churned"]       # no survey answers: no NPS column
    assert any(m.value == "**Cannot be told from this data**" for m in at.markdown)
    # FRESH bought once, 20 days before the end of the data: the drill-down says why no type.
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").input("FRESH").run()
    assert any(c.value == "A loyalty type is given from 60 days after the first purchase and "
               "with at least 3 orders: before that, a few purchases say too little about why "
               "someone buys." for c in at.caption)
    open_tab(at, "seg_tab", "Loyalty types")
    listing = next(m.value for m in at.markdown if m.value.startswith("- **Price-loyal**"))
    assert listing.splitlines()[3] == ("- **Perk-loyal**: needs perk use, e.g. an interactions "
                                       "export with perk_use events")
    assert [line.split("**")[1] for line in listing.splitlines()] == [
        "Price-loyal", "Programme-loyal", "Convenience-loyal", "Perk-loyal", "True advocate"]
    at.radio(key="app_lang").set_value("de").run()
    assert not at.exception
    assert any(m.value == "**Aus diesen Daten nicht erkennbar**" for m in at.markdown)
    assert _type_counts(at) == {"Zufriedene": 3, "Einmalkäufer": 1,
                                "Gelegenheitskäufer": 1, "Noch zu neu": 1}


def test_segments_drill_down_and_export():
    at = new_app()
    at.switch_page("pages/segments.py").run()
    # Tabs run only while open: the drill-down is not built before its tab is chosen.
    with pytest.raises(KeyError):
        at.text_input(key="seg_customer")
    open_tab(at, "seg_tab", "Customer")
    at.text_input(key="seg_customer").input("K100004").run()
    assert not at.exception
    assert any("Price-loyal" in m.value for m in at.markdown)
    assert any("of orders used a discount" in m.value for m in at.markdown)
    at.text_input(key="seg_customer").input("nobody").run()
    assert at.warning[0].value.startswith("No customer nobody")
    open_tab(at, "seg_tab", "Export")
    assert at.main.get("download_button")


def test_type_mix_over_time_in_its_own_tab():
    at = new_app()
    at.switch_page("pages/segments.py").run()
    assert [t.label for t in at.tabs][:2] == ["Loyalty types", "Over time"]
    assert "Type mix by quarter" not in [s.value for s in at.main.subheader]
    charts = len(at.main.get("plotly_chart"))
    open_tab(at, "seg_tab", "Over time")
    assert not at.exception
    assert [s.value for s in at.main.subheader] == ["Type mix by quarter"]
    assert len(at.main.get("plotly_chart")) == 1 and charts == 1    # the type profile


def test_segments_in_german():
    at = new_app()
    at.radio(key="app_lang").set_value("de").run()
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    assert at.title[0].value == "Treuetypen"
    assert "Fürsprecher" in _type_counts(at)


def test_nps_page():
    at = new_app()
    at.switch_page("pages/nps.py").run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Trend", "Groups and periods", "NPS and behaviour",
                                          "Loyalty index and comments"]
    trend = at.dataframe[0].value
    assert list(trend.columns) == ["Period starting", "Answers", "NPS", "95% interval from",
                                   "95% interval to", "Enough answers"]
    assert len(trend) == 6                          # six months in the default period
    # Numbers stay numbers, so sorting by a column sorts by value.
    assert trend["Answers"].dtype.kind == "i"
    assert (trend["95% interval from"] <= trend["NPS"]).all()
    assert (trend["NPS"] <= trend["95% interval to"]).all()
    assert any("statistically meaningful" in m.value for m in at.markdown)
    # Gold against Bronze members: a large, meaningful gap in the demo data.
    assert any(m.value.startswith("Bronze: NPS") and "is statistically meaningful" in m.value
               for m in at.markdown)
    at.radio(key="nps_group@en").set_value("loyalty_type").run()
    assert not at.exception
    at.text_input(key="nps_search").input("teuer").run()
    comments = at.dataframe[-1].value
    assert set(comments["Category"]) == {"Detractors"}
    assert comments["Comment"].str.contains("teuer").all()
    at.radio(key="app_lang").set_value("de").run()
    assert not at.exception and at.tabs[0].label == "Verlauf"


def test_nps_page_without_surveys():
    at = open_data(new_app())
    upload(at, "kasse.csv", GERMAN_EXPORT)
    at.button(key="data_load").click().run()
    at.switch_page("pages/nps.py").run()
    assert not at.exception
    assert at.info[0].value.startswith("Load an NPS survey export")


def test_churn_page():
    at = new_app()
    at.switch_page("pages/churn.py").run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Active base and churn", "Cohorts",
                                          "Who is about to leave", "Churn by group"]
    assert any(c.value.startswith("Suggested from your data:") for c in at.caption)
    movements = at.dataframe[0].value
    assert list(movements.columns)[:3] == ["Month", "Active at month end", "New"]
    open_tab(at, "churn_tab", "Who is about to leave")
    risk = at.dataframe[0].value
    assert len(risk) > 0 and "P(active)" in risk.columns
    before = len(risk)
    at.slider(key="churn_cut").set_value(60).run()
    assert len(at.dataframe[0].value) >= before
    window = next(s for s in at.slider if s.key.startswith("churn_window_"))
    window.set_value(180).run()
    assert not at.exception
    at.radio(key="app_lang").set_value("de").run()
    assert not at.exception and at.title[0].value == "Abwanderung und Bindung"


def test_tiers_page_threshold_above_everyone():
    at = new_app()
    at.switch_page("pages/tiers.py").run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert labels[:3] == ["Upgrades", "Downgrades", "Stayed"]
    assert int(at.metric[0].value.replace(",", "")) > 0
    # Thresholds above every customer's spend: nobody can move up, everyone ends in Bronze.
    # The demo's members file names the tiers in German; the ladder follows it.
    assert at.number_input(key="tiers_floor_1").label == "Silber from"
    at.number_input(key="tiers_floor_1").set_value(999_999.0).run()
    at.number_input(key="tiers_floor_2").set_value(1_000_000.0).run()
    assert not at.exception
    assert at.metric[0].value == "0"
    assert not any("Next tier" in d.value.columns for d in at.dataframe)
    assert any(i.value.startswith("Nobody is this close to the next tier") for i in at.info)



def test_tiers_page_refuses_a_ladder_out_of_order():
    at = new_app()
    at.switch_page("pages/tiers.py").run()
    gold = at.number_input(key="tiers_floor_2").value
    at.number_input(key="tiers_floor_1").set_value(gold + 200).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "Each tier's threshold must be higher than the one below it."]
    # No tier figures from a ladder that ranks Silber above Gold; the points still show.
    assert not any(m.label in ("Upgrades", "Downgrades", "Stayed") for m in at.metric)
    assert [m.label for m in at.metric] == ["Outstanding points", "Points liability", "Redemption rate",
                                           "Breakage"]
    at.number_input(key="tiers_floor_1").set_value(gold - 1).run()
    assert not at.warning and [m.label for m in at.metric][:3] == ["Upgrades", "Downgrades",
                                                                    "Stayed"]

RELOAD_SCRIPT = """
import importlib, sys
sys.path.insert(0, {root!r})
import ui.state
from tests.page.test_app import GERMAN_EXPORT, metric, new_app, open_data, upload
at = upload(open_data(new_app()), "umsatz.csv", GERMAN_EXPORT)
at.button(key="data_load").click().run()
importlib.reload(ui.state)
at.switch_page("pages/overview.py").run()
assert not at.exception, at.exception
print("customers", metric(at, "Customers"))
"""


def test_a_server_reload_keeps_the_sessions_data():
    """Streamlit reloads changed modules while sessions live on: the session's own upload must
    still be there afterwards, not a KeyError. Run in its own process: the reload would leave
    this one with a fresh ui.state under pages that hold the old one."""
    import subprocess
    import sys

    root = os.path.dirname(APP)
    out = subprocess.run([sys.executable, "-c", RELOAD_SCRIPT.format(root=root)], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "customers 2"


def test_tiers_page_says_the_ladder_is_an_example_without_tiers_in_the_data():
    at = open_data(new_app())
    upload(at, "cdnow.csv", transactions_only().encode())
    at.button(key="data_load").click().run()
    at.switch_page("pages/tiers.py").run()
    assert not at.exception
    assert at.info[0].value.startswith("Your data has no tiers (no tier column in the "
                                       "transactions and no members file with one)")


def test_tiers_page_says_when_nobody_is_near_the_next_tier():
    at = open_data(new_app())
    upload(at, "cdnow.csv", transactions_only().encode())
    at.button(key="data_load").click().run()
    at.switch_page("pages/tiers.py").run()
    at.slider(key="tiers_within").set_value(1).run()
    assert not at.exception
    assert any(i.value.startswith("Nobody is this close to the next tier") for i in at.info)


def test_tiers_page_has_no_example_note_on_the_demo():
    at = new_app()
    at.switch_page("pages/tiers.py").run()
    assert not any(i.value.startswith("Your data has no tiers") for i in at.info)


def test_at_risk_on_few_customers_says_the_chances_are_rough():
    at = open_data(new_app())
    upload(at, "cdnow.csv", transactions_only().encode())
    at.button(key="data_load").click().run()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Who is about to leave")
    assert not at.exception
    assert any(w.value.startswith("Only 6 customers: the chances below come from a model")
               for w in at.warning)


def test_nobody_at_risk_when_everyone_still_buys():
    # 40 customers buying on the 5th of every month for 14 months: the model gives each a
    # chance of still being active near 100 %, so nobody is below the 30 % cut.
    rows = ["Kundennummer;Datum;Betrag"] + [
        f"K{c};05.{m % 12 + 1:02d}.{2024 + m // 12};{10 + c},50"
        for c in range(40) for m in range(14)]
    at = open_data(new_app())
    upload(at, "kasse.csv", "\n".join(rows).encode())
    at.button(key="data_load").click().run()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Who is about to leave")
    assert not at.exception
    assert [s.value for s in at.main.subheader] == ["At-risk customers: 0"]
    assert len(at.main.dataframe[0].value) == 0


def test_churn_by_tier_reads_up_the_ladder():
    import json
    at = new_app()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Churn by group")
    chart = next(c for c in at.main.get("plotly_chart") if c.proto.id.endswith("churn_by_tier"))
    assert json.loads(chart.proto.spec)["data"][0]["x"] == ["Bronze", "Silber", "Gold"]


def test_at_risk_on_the_demo_has_no_small_sample_warning():
    at = new_app()
    at.switch_page("pages/churn.py").run()
    open_tab(at, "churn_tab", "Who is about to leave")
    assert at.slider(key="churn_cut")                 # the tab is open
    assert not any("rough guesses" in w.value for w in at.warning)
