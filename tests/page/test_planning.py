"""The Programme and What-if pages through AppTest: every control, on a hand-worked shop where
the figures can be checked by hand, and on the demo data."""

import datetime as dt
import math
import os

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from .tabs import open_tab
from ..shops import PROGRAMME_MEMBERS, PROGRAMME_TX

TX, MEMBERS = PROGRAMME_TX.encode(), PROGRAMME_MEMBERS.encode()
APP = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                   "app.py")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def metrics(at: AppTest) -> dict:
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def shop() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    run(at)
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="data_upload").set_value(
        [("tx.csv", TX, "text/csv"), ("members.csv", MEMBERS, "text/csv")]).run()
    at.button(key="data_load").click().run()
    assert not at.exception
    return at


@pytest.fixture
def demo() -> AppTest:
    return run(AppTest.from_file(APP, default_timeout=120))


def test_programme_page_by_hand(shop):
    shop.switch_page("pages/programme.py").run()
    assert shop.date_input(key="prog_launch").value.isoformat() == "2025-07-01"
    # Six months either side reach beyond the data: the page says so.
    assert "months without data count as no spend" in shop.warning[0].value
    shop.slider(key="prog_months").set_value(2).run()
    assert not shop.warning
    assert any(c.value == "Compared: 2 members and 2 non-members who bought in the 2 months "
               "before the launch; spend from 1 May 2025 to 31 Aug 2025." for c in shop.caption)
    assert metric(shop, "Programme effect per member and month") == "€40.00"
    assert metric(shop, "95% interval") == "-€1.58 – €81.58"     # 40 +/- 1.96 x sqrt(450)
    assert "includes zero" in shop.caption[-1].value or any(
        "includes zero" in c.value for c in shop.caption)
    assert metric(shop, "Programme ROI") == "enter the cost"
    shop.number_input(key="prog_cost").set_value(50.0).run()
    shop.slider(key="prog_margin").set_value(50).run()
    # 40 x 2 members x 2 months = 160 extra revenue; x 50 % - 50 cost = 30; ROI 30 / 50.
    assert metric(shop, "Extra revenue from members") == "€160"
    assert metric(shop, "Extra profit after cost") == "€30"
    assert metric(shop, "Programme ROI") == "60%"
    assert any(c.value == "ROI at the ends of the effect's 95% interval: -106% to 226%."
               for c in shop.caption)


def test_programme_members_table_and_launch_control(shop):
    shop.switch_page("pages/programme.py").run()
    table = next(d.value for d in shop.dataframe if "Retention" in d.value.columns)
    assert table["Group"].tolist() == ["Members", "Non-members"]
    # Default period 2 Mar - 31 Aug 2025; in the previous one (31 Aug 2024 - 1 Mar 2025) only
    # M3 bought, and not again; no non-member bought then.
    assert table["Retention"].iloc[0] == 0.0 and pd.isna(table["Retention"].iloc[1])
    period = next(d for d in shop.date_input if d.key.startswith("app_dates_"))
    period.set_value((dt.date(2025, 7, 1), dt.date(2025, 8, 31))).run()
    # Previous period May - June: M1, M2 both bought again; of N1, N2 only N1.
    table = next(d.value for d in shop.dataframe if "Retention" in d.value.columns)
    assert table["Retention"].tolist() == [1.0, 0.5]
    shop.date_input(key="prog_launch").set_value(dt.date(2025, 6, 1)).run()
    shop.slider(key="prog_months").set_value(1).run()
    # Only N1 bought in May among non-members: no comparison group.
    assert shop.info[-1].value.startswith("The comparison needs at least two members")


def test_programme_without_members_file(demo):
    demo.switch_page("pages/data.py").run()
    demo.file_uploader(key="data_upload").set_value([("tx.csv", TX, "text/csv")]).run()
    demo.button(key="data_load").click().run()
    demo.switch_page("pages/programme.py").run()
    assert not demo.exception
    assert demo.info[-1].value.startswith("Load a members file")


def test_whatif_tiers_by_hand(shop):
    shop.switch_page("pages/whatif.py").run()
    # No tier column: default ladder 0 / 300 / 800. Qualifying spend since Sep 2024: M1 500,
    # N1 340, N3 500 are Silver; nobody is within 10 % of a threshold.
    assert shop.caption[1].value.startswith("No tiers in the data")
    m = metrics(shop)
    assert (m["Customers moving up"], m["Change in benefit cost"], m["Change in margin"]) == (
        "0", "€0.00", "€0.00")
    shop.number_input(key="whatif_floor_2").set_value(500.0).run()
    # M1 and N3 reach Gold: benefit cost at 500 goes from 2 % + 1.5 % + 5 = 22.50 to
    # 5 % + 2 % + 20 = 55.00 each.
    m = metrics(shop)
    assert (m["Customers moving up"], m["Customers moving down"]) == ("2", "0")
    assert m["Change in benefit cost"] == "€65.00"
    assert m["Change in margin"] == "-€65.00"
    # Planned Gold without its fixed cost: each of the two costs 5 % + 2 % of 500 = 35.
    shop.number_input(key="whatif_new_fixed_2").set_value(0.0).run()
    assert metric(shop, "Change in benefit cost") == "€25.00"       # 2 x (35 - 22.50)
    # Correcting today's Silver discount to 0 % carries over to the (unedited) planned Silver:
    # today M1, N1, N3 are Silver at 1.5 % + 5; planned M1, N3 Gold at 35, N1 Silver as today.
    shop.number_input(key="whatif_now_disc_1").set_value(0.0).run()
    assert shop.number_input(key="whatif_new_disc_1").value == 0.0
    assert metric(shop, "Change in benefit cost") == "€45.00"       # 2 x (35 - 12.50)
    # An edited planned value stays when today's changes.
    shop.number_input(key="whatif_new_mult_1").set_value(3.0).run()
    shop.number_input(key="whatif_now_mult_1").set_value(2.0).run()
    assert shop.number_input(key="whatif_new_mult_1").value == 3.0
    # N1 (340) planned at 3 points per euro x 0.01 against today's 2: 3.40 more; M1 and N3
    # today now 2 % points + 5 = 15 each: planned 2 x 35 - 2 x 15 = 40.
    assert metric(shop, "Change in benefit cost") == "€43.40"


def test_whatif_tier_stretch_and_assumptions(shop):
    shop.switch_page("pages/whatif.py").run()
    shop.number_input(key="whatif_floor_1").set_value(170.0).run()
    # M2 (160) misses 10 of 170: p = 0.3 x (1 - 10 / 17) -> 1.24 extra spend.
    assert metric(shop, "Extra spend from stretching") == "€1.24"
    shop.slider(key="whatif_stretch").set_value(60).run()
    assert metric(shop, "Extra spend from stretching") == "€2.47"   # twice the chance
    shop.slider(key="whatif_zone").set_value(5).run()
    assert metric(shop, "Extra spend from stretching") == "€0.00"   # 10 > 5 % of 170


def test_whatif_demotion_costs_spend(shop):
    shop.switch_page("pages/whatif.py").run()
    shop.number_input(key="whatif_floor_1").set_value(400.0).run()
    # N1 (340) drops from Silver to Bronze and is 60 short of 400 (zone 40): no stretch. Benefit
    # cost 2 % + 1.5 % of 340 + 5 = 16.90 becomes 1 % points = 3.40; N1 loses 15 % of 340 = 51.
    m = metrics(shop)
    assert (m["Customers moving down"], m["Extra spend from stretching"],
            m["Lost spend from demoted customers"], m["Change in benefit cost"]) == (
        "1", "€0.00", "€51.00", "-€13.50")
    assert m["Change in margin"] == "-€6.90"                         # -51 x 40 % + 13.50
    shop.slider(key="whatif_demotion_loss").set_value(30).run()
    m = metrics(shop)
    assert (m["Lost spend from demoted customers"], m["Change in margin"]) == (
        "€102.00", "-€27.30")                                          # -102 x 40 % + 13.50
    shop.slider(key="whatif_demotion_loss").set_value(0).run()
    assert metric(shop, "Change in margin") == "€13.50"


def test_whatif_points_assumptions(shop):
    shop.switch_page("pages/whatif.py").run()
    shop.number_input(key="whatif_floor_2").set_value(500.0).run()
    # M1 and N3 (500 each) move from Silver to Gold. Without points: 2 % + 5 -> 5 % + 20.
    shop.number_input(key="whatif_ppu").set_value(0.0).run()
    assert metric(shop, "Change in benefit cost") == "€60.00"       # 2 x (45 - 15)
    # One point per euro worth 2 cents: Silver 1.5 x 2 % = 3 %, Gold 2 x 2 % = 4 % on top.
    shop.number_input(key="whatif_ppu").set_value(1.0).run()
    shop.number_input(key="whatif_point_value").set_value(0.02).run()
    assert metric(shop, "Change in benefit cost") == "€70.00"       # 2 x (65 - 30)
    # Today's Silver fixed cost 0 carries over to planned Silver; planned Gold discount 0 %.
    shop.number_input(key="whatif_now_fixed_1").set_value(0.0).run()
    shop.number_input(key="whatif_new_disc_2").set_value(0.0).run()
    # Today Silver 2 % + 3 % of 500 = 25; planned Gold 4 % of 500 + 20 = 40.
    assert metric(shop, "Change in benefit cost") == "€30.00"       # 2 x (40 - 25)


def test_whatif_thresholds_out_of_order_warn(shop):
    shop.switch_page("pages/whatif.py").run()
    shop.number_input(key="whatif_floor_1").set_value(900.0).run()
    assert shop.warning[0].value == "Each tier's threshold must be higher than the one below it."


def _money(value: float) -> str:
    return f"-€{-value:,.2f}" if value < 0 else f"€{value:,.2f}"


def _uplift(depth: float, threshold: float, width: float, start: float = 0.05) -> float:
    """The S-curve written out: logistic in the depth, shifted so that it is 0 up to ``start``."""
    s = 1 / (1 + math.exp(-(depth - threshold) / width))
    s0 = 1 / (1 + math.exp(-(start - threshold) / width))
    return max(0.0, (s - s0) / (1 - s0))


def whatif(at, tab: str = "Tier thresholds"):
    """The What-if page with the lever ``tab`` open (its tabs draw only the open one)."""
    at.switch_page("pages/whatif.py").run()
    return open_tab(at, "whatif_tab", tab) if tab != "Tier thresholds" else at


def test_whatif_discount_controls(shop):
    whatif(shop, "Discount depth")
    assert any("no discount column" in i.value for i in shop.info)
    shop.slider(key="whatif_depth").set_value(0).run()
    m = metrics(shop)
    assert (m["Extra orders per year"], m["Discount cost"], m["Change in gross profit"]) == (
        "0", "€0.00", "€0.00")
    # No extra order is new: 10 % off the 1,550 identified customers spent at full price.
    shop.slider(key="whatif_depth").set_value(10).run()
    shop.slider(key="whatif_incremental").set_value(0).run()
    m = metrics(shop)
    assert (m["Extra orders per year"], m["Discount cost"], m["Change in gross profit"]) == (
        "0", "€155.00", "-€155.00")
    # Every type responds up to 100 % and every extra order is new. At 10 % the S-curve is
    # 31.6 % of the way up, over the published bound 2.62 x 10 % = 26.2 %: 13 orders by 6
    # customers in the last 12 months give 13 x 0.262 = 3.4 extra orders, 0.57 per customer;
    # the change in profit is -1,550 x 10 % + 0.262 x 1,550 x (40 % - 10 %).
    for kind in ("price_loyal", "perk_loyal", "programme_loyal", "satisfied",
                 "convenience_loyal", "advocate", "too_new", "one_time", "occasional"):
        shop.number_input(key=f"whatif_cap_{kind}").set_value(100).run()
    shop.slider(key="whatif_incremental").set_value(100).run()
    m = metrics(shop)
    assert (m["Customers offered the discount"], m["Orders per customer and year today"],
            m["Extra orders per year"], m["Extra orders per customer and year"]) == (
        "6", "2.2", "3", "0.57")
    assert m["Change in gross profit"] == _money(-155 + 0.262 * 1550 * 0.3)
    assert any("capped at what published price elasticities allow" in i.value
               for i in shop.info)
    # A (much) larger elasticity lifts the bound above the curve: 13 x 0.316 = 4.1 extra orders.
    shop.number_input(key="whatif_elasticity_base").set_value(-10.0).run()
    m = metrics(shop)
    assert (m["Extra orders per year"], m["Extra orders per customer and year"]) == ("4", "0.68")
    assert m["Change in gross profit"] == _money(-155 + _uplift(0.1, 0.10, 0.05) * 1550 * 0.3)
    shop.slider(key="whatif_width").set_value(10).run()
    assert metric(shop, "Change in gross profit") == _money(
        -155 + _uplift(0.1, 0.10, 0.10) * 1550 * 0.3)
    shop.slider(key="whatif_threshold").set_value(20).run()
    assert metric(shop, "Change in gross profit") == _money(
        -155 + _uplift(0.1, 0.20, 0.10) * 1550 * 0.3)
    # Warnings and where they start: below the threshold the response is 0 as the warning says.
    assert not discount_warnings(shop)
    shop.slider(key="whatif_too_small").set_value(15).run()
    assert any("rarely change behaviour" in w.value for w in shop.warning)
    m = metrics(shop)
    assert (m["Extra orders per year"], m["Extra orders per customer and year"],
            m["Change in gross profit"]) == ("0", "0.00", "-€155.00")
    shop.slider(key="whatif_depth").set_value(50).run()
    assert any("less valuable" in w.value for w in shop.warning)
    shop.slider(key="whatif_devalue").set_value(60).run()
    assert not discount_warnings(shop)
    shop.multiselect(key="whatif_types@en").set_value([]).run()
    assert any(i.value == "Pick at least one loyalty type." for i in shop.info)


def discount_warnings(at) -> list[str]:
    """The discount tab's warnings (the retention tab warns of this shop's short history)."""
    return [w.value for w in at.warning if "change behaviour" in w.value
            or "less valuable" in w.value]


def test_whatif_retention_by_hand(shop):
    whatif(shop, "Retention")
    # Of Y and M1 (bought Sep 2023 - Aug 2024) only M1 came back: churn 50 %; revenue 1,550.
    assert shop.number_input(key="whatif_churn").value == 50.0
    assert shop.number_input(key="whatif_revenue").value == 1550.0
    assert any(w.value.startswith("Your data covers only 6 of the 12 months before the last "
                                  "year") for w in shop.warning)
    shop.radio(key="whatif_years").set_value(1).run()
    # Keep 52 % instead of 50 %: 2 % of 1,550 = 31 more revenue, 40 % of it profit.
    assert metric(shop, "Extra revenue") == "€31.00"
    assert metric(shop, "Extra profit after cost") == "€12.40"
    shop.number_input(key="whatif_revenue").set_value(10_000.0).run()
    assert any(c.value == "= €10,000" for c in shop.caption)
    shop.number_input(key="whatif_retention_cost").set_value(10.0).run()
    shop.select_slider(key="whatif_churn_cut@en").set_value(5.0).run()
    shop.number_input(key="whatif_churn").set_value(0.0).run()
    assert any(i.value.startswith("With a yearly churn of 0% there is no churn to cut")
               for i in shop.info)
    shop.number_input(key="whatif_churn").set_value(20.0).run()
    shop.slider(key="whatif_margin").set_value(50).run()
    # Keep 85 % instead of 80 % of 10,000: 500 more, half of it profit, minus 10.
    assert metric(shop, "Extra revenue") == "€500.00"
    assert metric(shop, "Extra profit after cost") == "€240.00"
    shop.radio(key="app_lang").set_value("de").run()
    open_tab(shop, "whatif_tab", "Kundenbindung", "de")
    assert any(c.value == "= 10.000\u00a0€" for c in shop.caption)


def test_scenarios_save_compare_clear(demo):
    whatif(demo, "Scenarios")
    assert demo.info[-1].value.startswith("No scenarios saved yet")
    demo.text_input(key="whatif_name").set_value("Base").run()
    demo.button(key="whatif_save").click().run()
    open_tab(demo, "whatif_tab", "Discount depth")
    demo.slider(key="whatif_depth").set_value(20).run()
    open_tab(demo, "whatif_tab", "Scenarios")
    demo.text_input(key="whatif_name").set_value("Deeper").run()
    demo.button(key="whatif_save").click().run()
    assert not demo.exception
    table = next(d.value for d in demo.dataframe if "Deeper" in d.value.columns)
    assert list(table.columns) == ["Base", "Deeper"]
    assert table.loc["Discount: depth"].tolist() == ["10.0%", "20.0%"]
    demo.button(key="whatif_clear").click().run()
    assert demo.info[-1].value.startswith("No scenarios saved yet")


def test_a_scenario_holds_every_lever_as_its_tab_shows_it(shop):
    # A view draws the open lever only; saving works out the others from their kept controls.
    whatif(shop, "Retention")
    shop.radio(key="whatif_years").set_value(1).run()
    assert metric(shop, "Extra revenue") == "€31.00"
    open_tab(shop, "whatif_tab", "Scenarios")
    shop.button(key="whatif_save").click().run()
    assert not shop.exception
    saved = next(d.value for d in shop.dataframe if "Scenario 1" in d.value.columns)["Scenario 1"]
    # 2 % of 1,550 kept for one year, as the Retention tab showed.
    assert (saved["Retention: years"], saved["Retention: extra revenue"]) == ("1", "€31")
    # The discount tab was never opened: its start, 10 % for every type, as it then shows.
    assert saved["Discount: depth"] == "10.0%"
    open_tab(shop, "whatif_tab", "Discount depth")
    assert saved["Discount: profit change"] == _whole(metric(shop, "Change in gross profit"))
    open_tab(shop, "whatif_tab", "Tier thresholds")
    assert saved["Tiers: margin change"] == _whole(metric(shop, "Change in margin"))


def test_a_scenario_holds_only_the_levers_chosen(shop):
    # A scenario about tier thresholds alone must not carry the discount tab's start (10 % for
    # everyone, a loss) into the comparison.
    whatif(shop, "Scenarios")
    levers = shop.multiselect(key="whatif_save_levers@en")
    assert levers.value == ["tier_tab", "discount_tab", "retention_tab"]
    levers.set_value(["tier_tab"]).run()
    shop.text_input(key="whatif_name").set_value("Tiers only").run()
    shop.button(key="whatif_save").click().run()
    assert not shop.exception
    saved = next(d.value for d in shop.dataframe if "Tiers only" in d.value.columns)["Tiers only"]
    assert saved["Discount: depth"] == saved["Discount: profit change"] == "n/a"
    assert saved["Retention: extra revenue"] == "n/a"
    open_tab(shop, "whatif_tab", "Tier thresholds")
    assert saved["Tiers: margin change"] == _whole(metric(shop, "Change in margin"))
    open_tab(shop, "whatif_tab", "Scenarios")
    shop.multiselect(key="whatif_save_levers@en").set_value([]).run()
    assert shop.button(key="whatif_save").disabled


def _whole(money: str) -> str:
    """A tile's amount ("-€146.61") as the scenario table writes it, in whole euros ("-€147")."""
    sign = "-" if money.startswith("-") else ""
    return f"{sign}€{round(float(money.lstrip('-€').replace(',', ''))):,}"


def test_whatif_demo_reads_ladder_from_members_and_german(demo):
    demo.switch_page("pages/whatif.py").run()
    assert demo.caption[1].value.startswith("Today's thresholds are read from the members file")
    assert [demo.number_input(key=f"whatif_floor_{i}").value for i in range(3)] == [
        0.0, 300.0, 800.0]
    assert demo.number_input(key="whatif_floor_1").label == "Silber from"
    open_tab(demo, "whatif_tab", "Discount depth")
    assert any(s.value.startswith("Response estimated from your data") for s in demo.success)
    demo.radio(key="app_lang").set_value("de").run()
    open_tab(demo, "whatif_tab", "Stufenschwellen", "de")
    assert not demo.exception
    assert demo.title[0].value == "Was-wäre-wenn-Planung"
    assert "Kunden steigen auf" in [m.label for m in demo.metric]
    # Number inputs write a decimal point in any language; the value with a comma sits below.
    captions = [c.value for c in demo.caption]
    assert "= 0,010" in captions and "= 1,5" in captions
    open_tab(demo, "whatif_tab", "Kundenbindung", "de")
    assert demo.select_slider(key="whatif_churn_cut@de").format_func(2.5) == "2,5 Pp."
    demo.switch_page("pages/programme.py").run()
    assert demo.title[0].value == "Programmerfolg" and not demo.exception


@pytest.mark.parametrize("page", ["pages/programme.py", "pages/whatif.py"])
def test_planning_pages_with_anonymous_sales_only(demo, page):
    demo.switch_page("pages/data.py").run()
    demo.file_uploader(key="data_upload").set_value(
        [("kasse.csv", b"customer_id,date,amount\n,2025-01-01,10\n,2025-02-01,20\n",
          "text/csv")]).run()
    demo.button(key="data_load").click().run()
    demo.switch_page(page).run()
    assert not demo.exception and not demo.error
    assert demo.info[0].value in ("Load a members file to compare members with non-members.",
                                  "No identified customers bought in the last 12 months.")


@pytest.mark.parametrize("page", ["pages/programme.py", "pages/whatif.py"])
def test_planning_pages_without_data(demo, page):
    demo.switch_page("pages/data.py").run()
    demo.button(key="data_clear").click().run()
    demo.switch_page(page).run()
    assert not demo.exception and not demo.error
    assert demo.warning[0].value.startswith("No transactions are loaded")


def test_tiers_page_controls_by_hand(shop):
    shop.switch_page("pages/tiers.py").run()
    table = next(d.value for d in shop.dataframe if "Qualifying spend" in d.value.columns)
    # Twelve months to 31 Aug 2025: M1 500, N3 500, N1 340 Silver; M2 160, N2 40, M3 10 Bronze.
    assert table["Tier"].tolist() == ["Bronze", "Silver", "Gold"]
    assert table["Customers"].tolist() == [3, 3, 0]
    shop.number_input(key="tiers_months").set_value(1).run()
    # August only: M1 150 and N1 90, both Bronze.
    table = next(d.value for d in shop.dataframe if "Qualifying spend" in d.value.columns)
    assert table.values.tolist()[0] == ["Bronze", 2, 240.0, 1.0]
    assert table["Customers"].tolist() == [2, 0, 0]
    shop.number_input(key="tiers_months").set_value(12).run()
    assert not any("Next tier" in d.value.columns for d in shop.dataframe)
    assert any(i.value.startswith("Nobody is this close to the next tier") for i in shop.info)
    shop.slider(key="tiers_within").set_value(50).run()
    # Within half the next threshold: M2 misses 140 of 300; M1, N3 miss 300 of 800.
    near = next(d.value for d in shop.dataframe if "Next tier" in d.value.columns)
    assert near["Customer id"].tolist() == ["M2", "M1", "N3"]
    assert shop.info[-1].value == "The transactions have no points columns."


def test_tiers_page_points_on_demo(demo):
    demo.switch_page("pages/tiers.py").run()
    table = next(d.value for d in demo.dataframe if "Qualifying spend" in d.value.columns)
    assert table["Tier"].tolist() == ["Bronze", "Silber", "Gold"]     # the ladder's order
    m = metrics(demo)
    outstanding = int(m["Outstanding points"].replace(",", ""))
    assert m["Points liability"] == f"€{outstanding * 0.01:,.2f}"
    demo.number_input(key="tiers_point_value").set_value(0.02).run()
    assert metric(demo, "Points liability") == f"€{outstanding * 0.02:,.2f}"
    rate = float(m["Redemption rate"].rstrip("%")) / 100
    assert m["Breakage"] == f"{1 - rate:.1%}"


def test_tiers_and_whatif_agree_on_todays_tiers(demo):
    # One question, one answer: customers per tier today, on both pages.
    demo.switch_page("pages/tiers.py").run()
    table = next(d.value for d in demo.dataframe if "Qualifying spend" in d.value.columns)
    tiers_page = dict(zip(table["Tier"], table["Customers"]))
    assert "In the members file" in table.columns       # the file's own count stays visible
    demo.switch_page("pages/whatif.py").run()
    plan = next(d.value for d in demo.dataframe if "Customers today" in d.value.columns)
    whatif = {row.iloc[0]: int(str(row["Customers today"]).replace(",", ""))
              for _, row in plan.iterrows()}
    assert whatif == tiers_page
    assert sum(whatif.values()) > 1000


def test_programme_when_the_period_ends_before_the_launch(shop):
    period = next(d for d in shop.date_input if d.key.startswith("app_dates_"))
    period.set_value((dt.date(2025, 3, 2), dt.date(2025, 6, 15))).run()
    shop.switch_page("pages/programme.py").run()
    assert not shop.exception and not shop.error
    assert shop.date_input(key="prog_launch").value == dt.date(2025, 6, 15)


def test_price_loyal_respond_more_than_the_average_customer(demo):
    # The demo's discounts vary, so the response's size is estimated from the whole shop; how
    # it splits over the types follows the assumptions (price-loyal strongest). Offering the
    # discount to price-loyal customers only must keep their stronger response, not spread the
    # shop's average over them.
    whatif(demo, "Discount depth")
    everyone = list(demo.multiselect(key="whatif_types@en").value)

    def extra_per_order(kinds) -> float:
        demo.multiselect(key="whatif_types@en").set_value(kinds).run()
        table = next(d.value for d in demo.dataframe if "Orders in the last 12 months" in
                     d.value.columns)
        orders = table["Orders in the last 12 months"].sum()
        return int(metric(demo, "Extra orders per year").replace(",", "")) / orders

    average, price = extra_per_order(everyone), extra_per_order(["price_loyal"])
    assert price > 1.5 * average


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/segments.py", "pages/nps.py",
                                  "pages/churn.py", "pages/tiers.py", "pages/programme.py",
                                  "pages/whatif.py"])
def test_every_figure_has_its_definition(demo, page):
    demo.switch_page(page).run()
    assert not demo.exception and not demo.error
    assert [m.label for m in demo.metric if not m.help] == []
    # Lazy tabs build only the open one: open each in turn.
    key = {"pages/segments.py": "seg_tab", "pages/churn.py": "churn_tab",
           "pages/whatif.py": "whatif_tab"}.get(page)
    for label in [t.label for t in demo.tabs] if key else []:
        open_tab(demo, key, label)
        assert not demo.exception and not demo.error, label
        assert [m.label for m in demo.metric if not m.help] == [], label


def test_saving_under_an_existing_name_replaces_the_scenario(demo):
    whatif(demo, "Scenarios")
    demo.text_input(key="whatif_name").set_value("Plan").run()
    demo.button(key="whatif_save").click().run()
    open_tab(demo, "whatif_tab", "Discount depth")
    demo.slider(key="whatif_depth").set_value(30).run()
    open_tab(demo, "whatif_tab", "Scenarios")
    demo.button(key="whatif_save").click().run()
    assert [t.value for t in demo.toast][-1] == "Replaced 'Plan' with the current settings."
    table = next(d.value for d in demo.dataframe if "Plan" in d.value.columns)
    assert list(table.columns) == ["Plan"]
    assert table.loc["Discount: depth", "Plan"] == "30.0%"


def test_no_data_warning_when_the_data_goes_beyond_the_period(shop):
    # The comparison reads all the data: a period ending mid-July does not make August empty.
    period = next(d for d in shop.date_input if d.key.startswith("app_dates_"))
    period.set_value((dt.date(2025, 3, 2), dt.date(2025, 7, 15))).run()
    shop.switch_page("pages/programme.py").run()
    shop.slider(key="prog_months").set_value(2).run()
    assert not shop.warning            # July-August is in the data though not in the period
    assert metric(shop, "Programme effect per member and month") == "€40.00"
