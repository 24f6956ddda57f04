"""Charts a manager can read: round ticks, no hidden bar setting the axis, readable flows."""

import numpy as np
import pandas as pd

from loyalty.presentation import charts, plan_charts


def test_points_axes_tick_at_round_numbers():
    points = pd.DataFrame({"period": pd.to_datetime(["2025-01-01", "2025-02-01"]),
                           "earned": [862_005, 400_000], "redeemed": [10_000, 20_000],
                           "outstanding": [852_005, 1_232_005]})
    fig = charts.points_chart(points, "en")
    # About five ticks of 1, 2 or 5 times a power of ten: 862,005 / 5 = 172,401 -> 200,000.
    assert fig.layout.yaxis.dtick == 200_000
    assert fig.layout.yaxis2.dtick == 500_000


def test_p_alive_of_exactly_one_stays_in_the_last_bin():
    p = pd.Series(np.r_[np.full(12_000, 1.0), np.linspace(0, 0.9, 1_000)])
    fig = charts.p_alive_histogram(p, 0.3, "en")
    x = np.asarray(fig.data[0].x)
    assert x.max() < 1.0 and len(x) == 13_000
    assert fig.data[0].xbins.end == 1.0


def test_sankey_stays_are_faint_and_moves_coloured():
    m = pd.DataFrame([[9, 1], [2, 8]], index=["Bronze", "Gold"], columns=["Bronze", "Gold"])
    fig = charts.tier_sankey(m, "en")
    colours = list(fig.data[0].link.color)
    # Flows in order: Bronze->Bronze (stay), Bronze->Gold (up), Gold->Bronze (down), Gold->Gold.
    assert colours[0] == colours[3] == "rgba(142,107,191,0.10)"
    assert colours[1].startswith("rgba(63,143,79") and colours[2].startswith("rgba(224,123,57")


def test_monthly_churn_axis_ticks_at_round_shares():
    monthly = pd.DataFrame({"month": pd.to_datetime(["2026-06-01", "2026-07-01"]),
                            "new": [10, 5], "reactivated": [3, 2], "churned": [4, 6],
                            "churn_rate": [0.12, 0.16]})
    fig = charts.movements(monthly, "en")
    # 16 % / 5 = 3.2 % -> ticks every 5 %.
    assert fig.layout.yaxis2.dtick == 0.05


def test_small_counts_tick_at_whole_numbers():
    # Three customers in a month: Plotly alone would tick at 0.5 and print "0 0 1 1 2 2 3".
    m = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "active": [3, 4],
                      "new": [1, 2], "reactivated": [0, 1], "churned": [1, 0],
                      "churn_rate": [0.1, 0.2], "coverage": [1.0, 1.0]})
    assert charts.movements(m, "en").layout.yaxis.dtick == 1
    hist = charts.p_alive_histogram(pd.Series([0.1, 0.5, 0.9]), 0.3, "en")
    assert hist.layout.yaxis.dtick == 1


def test_a_month_of_zeros_ticks_at_whole_numbers():
    # Nobody new, back or gone: Plotly spans -1 to 1 in halves and prints "-1 -1 0 1 1".
    m = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "active": [3, 3],
                      "new": [0, 0], "reactivated": [0, 0], "churned": [0, 0],
                      "churn_rate": [0.0, 0.0], "coverage": [1.0, 1.0]})
    assert charts.movements(m, "en").layout.yaxis.dtick == 1


def test_large_counts_keep_plotlys_own_steps():
    m = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]),
                      "active": [3000, 4000], "new": [100, 200], "reactivated": [50, 60],
                      "churned": [300, 200], "churn_rate": [0.1, 0.2], "coverage": [1.0, 1.0]})
    assert charts.movements(m, "en").layout.yaxis.dtick is None


NBSP = "\u00a0"


def _monthly_churn(rates):
    return pd.DataFrame({"month": pd.to_datetime(["2026-06-01", "2026-07-01"]),
                         "new": [10, 5], "reactivated": [3, 2], "churned": [4, 6],
                         "churn_rate": rates})


def test_german_percent_axis_writes_a_space_before_the_sign():
    fig = charts.movements(_monthly_churn([0.12, 0.16]), "de")
    # Ticks every 5 % (the axis's own step) up to the first tick above 16 %.
    assert fig.layout.yaxis2.tickvals == (0.0, 0.05, 0.1, 0.15, 0.2)
    assert fig.layout.yaxis2.ticktext == (f"0{NBSP}%", f"5{NBSP}%", f"10{NBSP}%", f"15{NBSP}%",
                                          f"20{NBSP}%")
    assert fig.layout.separators == ",."
    # Hover values read the same way: 12,0 % and 16,0 %.
    assert fig.data[-1].text == (f"12,0{NBSP}%", f"16,0{NBSP}%")
    assert "%{text}" in fig.data[-1].hovertemplate


def test_german_small_shares_tick_with_a_decimal_comma():
    frame = pd.DataFrame({"group": ["a", "b"], "churn_rate": [0.01, 0.03], "customers": [50, 80]})
    fig = charts.share_bars(frame, "de")
    # 0 to 3 %: a sixth of that is 0.5 %, so the ticks need one decimal.
    assert fig.layout.yaxis.ticktext == (f"0,0{NBSP}%", f"0,5{NBSP}%", f"1,0{NBSP}%",
                                         f"1,5{NBSP}%", f"2,0{NBSP}%", f"2,5{NBSP}%",
                                         f"3,0{NBSP}%")
    # The hover text must not also print on the bars.
    assert fig.data[0].text == (f"1,0{NBSP}%", f"3,0{NBSP}%")
    assert fig.data[0].textposition == "none"


def test_german_probability_axis_over_its_fixed_range():
    fig = charts.p_alive_histogram(pd.Series([0.1, 0.5, 0.9]), 0.3, "de")
    assert fig.layout.xaxis.ticktext == (f"0{NBSP}%", f"20{NBSP}%", f"40{NBSP}%", f"60{NBSP}%",
                                         f"80{NBSP}%", f"100{NBSP}%")


def test_english_percent_axis_keeps_plotlys_own_format():
    fig = charts.movements(_monthly_churn([0.12, 0.16]), "en")
    assert fig.layout.yaxis2.tickformat == ".0%" and fig.layout.yaxis2.ticktext is None


def test_cohort_cells_and_discount_axis_write_percent_per_language():
    cohorts = pd.DataFrame({"cohort": pd.to_datetime(["2025-01-01", "2025-01-01"]), "k": [0, 1],
                            "retention": [1.0, 0.5]})
    assert list(charts.cohort_heatmap(cohorts, "de").data[0].text[0]) == [f"100{NBSP}%", f"50{NBSP}%"]
    assert list(charts.cohort_heatmap(cohorts, "en").data[0].text[0]) == ["100%", "50%"]
    curve = pd.DataFrame({"depth": [0.0, 0.1, 0.2], "low": [0.0, 5.0, 2.0],
                          "base": [0.0, 10.0, 4.0], "high": [0.0, 15.0, 6.0]})
    assert plan_charts.profit_curve(curve, 0.1, "de").layout.xaxis.ticksuffix == f"{NBSP}%"
    assert plan_charts.profit_curve(curve, 0.1, "en").layout.xaxis.ticksuffix == "%"


def test_names_from_the_data_are_shown_as_text_not_markup():
    # A tier named with markup in the members file: Plotly would draw the link.
    link = '<a href="http://x.example">Gold</a>'
    names = ["Bronze", link]
    matrix = pd.DataFrame([[3, 1], [0, 2]], index=pd.Index(names, name="before"),
                          columns=pd.Index(names, name="after"))
    shown = '&lt;a href="http://x.example"&gt;Gold&lt;/a&gt;'
    heat = charts.tier_matrix(matrix, "en")
    assert list(heat.data[0].x) == ["Bronze", shown] and list(heat.data[0].y) == ["Bronze", shown]
    sankey = charts.tier_sankey(matrix, "en")
    assert shown in " ".join(sankey.data[0].node.label) and link not in sankey.data[0].node.label


def test_customer_timeline_names_months_in_the_ui_language():
    buys = pd.DataFrame({"date": pd.to_datetime(["2025-03-14", "2025-12-02", "2026-10-01"]),
                         "amount": [10.0, -5.0, 20.0]})
    # 20 months: every third month, so no more than eight ticks.
    assert charts.customer_timeline(buys, "de").layout.xaxis.ticktext == (
        "März 2025", "Juni 2025", "Sept. 2025", "Dez. 2025", "März 2026", "Juni 2026",
        "Sept. 2026")
    short = buys.assign(date=pd.to_datetime(["2026-03-14", "2026-03-20", "2026-04-01"]))
    assert charts.customer_timeline(short, "en").layout.xaxis.ticktext[:2] == ("14 Mar", "17 Mar")


def test_scenario_bars_leave_out_a_lever_no_scenario_has():
    levers = pd.DataFrame({"tier_margin": [120.0, -40.0], "discount_profit": [None, 15.0],
                           "retention_profit": [None, None]}, index=["A", "B"])
    fig = plan_charts.scenario_bars(levers, "de")
    assert [trace.name for trace in fig.data] == ["Stufenplan", "Rabatt"]
    assert list(fig.data[0].y) == [120.0, -40.0]
    assert list(fig.data[1].text) == ["", "15\u00a0€"]
    assert fig.layout.yaxis.dtick is None       # Plotly's own ticks for real amounts


def test_scenario_bars_of_no_change_tick_in_whole_euros():
    # A scenario saved with today's settings changes nothing: ticks at halves written in whole
    # euros read "1, 1, 0, -1, -1".
    levers = pd.DataFrame({"tier_margin": [0.0], "discount_profit": [None],
                           "retention_profit": [None]}, index=["Nur Stufen"])
    fig = plan_charts.scenario_bars(levers, "de")
    assert (tuple(fig.layout.yaxis.range), fig.layout.yaxis.dtick) == ((-1, 1), 1)
    assert fig.layout.showlegend and [trace.name for trace in fig.data] == ["Stufenplan"]
    assert list(fig.data[0].text) == ["0\u00a0€"]      # a bar of no height still says so
