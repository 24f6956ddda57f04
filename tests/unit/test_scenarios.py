"""Saved scenarios: comparison table, CSV and the HTML report."""

import io

import pandas as pd
import plotly.graph_objects as go

from loyalty.planning.scenarios import Scenario, compare_table, html_report, to_csv

FIG = go.Figure(go.Bar(x=["a"], y=[1])).to_json()
A = Scenario("Gold from 700", {"thresholds_planned": "0 / 300 / 700", "gross_margin": 0.4},
             {"tier_up": 12, "tier_margin": 1234.5, "discount_depth": 0.1}, {"plan.tiers_tab": FIG})
B = Scenario("<b>Rabatt</b> 15 %", {"gross_margin": 0.35},
             {"tier_up": 0, "tier_margin": -50.0, "discount_depth": 0.15}, {"plan.discount_tab": FIG})


def test_compare_table_side_by_side():
    t = compare_table([A, B], "en")
    assert list(t.columns) == ["Gold from 700", "<b>Rabatt</b> 15 %"]
    assert t.loc["Tiers: customers moving up"].tolist() == ["12", "0"]
    assert t.loc["Tiers: margin change"].tolist() == ["€1,234", "-€50"]
    assert t.loc["Discount: depth"].tolist() == ["10.0%", "15.0%"]
    assert compare_table([A], "de").loc["Stufen: Margenänderung", "Gold from 700"] == "1.234\xa0€"


def test_csv_lists_every_assumption_and_result():
    raw = to_csv([A, B])
    assert raw.startswith("\ufeff".encode("utf-8"))
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert len(frame) == 2 + 3 + 1 + 3
    row = frame[(frame["scenario"] == "Gold from 700") & (frame["name"] == "tier_margin")]
    assert row["value"].astype(float).tolist() == [1234.5]


def test_html_report_is_self_contained_and_escaped():
    page = html_report([A, B], "en", "Demo data")
    assert page.count("<h2>") == 3   # the comparison, then one per scenario
    assert "&lt;b&gt;Rabatt&lt;/b&gt; 15 %" in page and "<b>Rabatt</b>" not in page
    # Plotly's library is embedded once, then each chart is a div.
    assert page.count("plotly.js v") == 1 and page.count('class="plotly-graph-div"') == 2
    assert "Tier thresholds" in page and "Discount depth" in page


def test_assumptions_are_labelled_and_formatted():
    from loyalty.planning.scenarios import assumptions_table
    table = assumptions_table(A, "de")
    assert table.values.tolist() == [["Schwellen geplant", "0 / 300 / 700"],
                                     ["Bruttomarge", "40,0\xa0%"]]


# Saved in German, read in English: the values are data, so nothing of the saving language stays.
SAVED_IN_DE = Scenario(
    "Plan", {"tiers": ["Bronze", "Gold"], "thresholds_planned": [0.0, 1250.5],
             "benefits_today": [{"discount": 0.0, "points_multiplier": 1.0, "fixed_cost": 0.0},
                                {"discount": 0.05, "points_multiplier": 2.0, "fixed_cost": 20.0}],
             "discount_offered_to": ["price_loyal", "perk_loyal"], "response_source": "literature",
             "response_scales": {"low": 0.5, "base": 1.0, "high": 1.5},
             "max_uplift": {"price_loyal": 0.4}},
    {}, {"plan.tiers_tab": {"en": go.Figure(layout_title_text="Customers per tier").to_json(),
                            "de": go.Figure(layout_title_text="Kunden je Stufe").to_json()}})


def test_structured_assumptions_read_in_the_report_language():
    from loyalty.planning.scenarios import assumptions_table
    assert assumptions_table(SAVED_IN_DE, "en").values.tolist() == [
        ["Tiers", "Bronze / Gold"],
        ["Thresholds planned", "0 / 1,250.5"],
        ["Benefits today, per tier",
         "0.0% discount, 1× points, €0 a year; 5.0% discount, 2× points, €20 a year"],
        ["Discount offered to", "Price-loyal, Perk-loyal"],
        ["Response to discounts from", "published studies"],
        ["Response scales", "Low 0.5, Base 1, High 1.5"],
        ["Largest extra share of orders per loyalty type", "Price-loyal 40%"]]
    de = dict(assumptions_table(SAVED_IN_DE, "de").values.tolist())
    assert de["Schwellen geplant"] == "0 / 1.250,5"
    assert de["Reaktion auf Rabatte aus"] == "veröffentlichten Studien"
    assert de["Reaktionsfaktoren"] == "Vorsichtig 0,5, Mittel 1, Optimistisch 1,5"


def test_charts_are_kept_per_language_and_old_ones_still_open():
    assert SAVED_IN_DE.figure("plan.tiers_tab", "en").layout.title.text == "Customers per tier"
    assert SAVED_IN_DE.figure("plan.tiers_tab", "de").layout.title.text == "Kunden je Stufe"
    assert A.figure("plan.tiers_tab", "de").data[0].x == ("a",)


def test_csv_writes_lists_out_and_keeps_numbers():
    frame = pd.read_csv(io.BytesIO(to_csv([SAVED_IN_DE], "en")), encoding="utf-8-sig")
    values = dict(zip(frame["name"], frame["value"]))
    assert values["tiers"] == "Bronze / Gold"
    assert values["discount_offered_to"] == "Price-loyal, Perk-loyal"
