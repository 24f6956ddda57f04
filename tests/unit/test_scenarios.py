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
