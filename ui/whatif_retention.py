"""What-if tab: a cut in yearly churn and what it brings over one to three years."""

import streamlit as st

from loyalty.presentation import plan_charts
from loyalty.presentation.i18n import fmt_money, fmt_money_short, fmt_number, fmt_percent
from loyalty.planning.simulate import retention_scenario
from ui import plan_state, state
from ui.choices import localized
from ui.state import tr
from ui.unseen import drawn
from ui.widgets import band, decimal_note, money_note

_CUTS = [i / 2 for i in range(41)]


def retention_tab(ds, f, margin: float, lang: str, ui=st) -> dict:
    """Draw the retention lever (``ui`` is ``st``) or only work it out
    (:data:`ui.unseen.UNSEEN`); either way, its assumptions, results and figure for a scenario."""
    base = plan_state.yearly_churn(*state.key(ds), f)
    if base["churn_rate"] is None:
        ui.info(tr("plan.no_year"))
        return {}
    ui.caption(tr("plan.retention_from_data", customers=fmt_number(base["customers"], lang),
                  churn=fmt_percent(base["churn_rate"], lang),
                  revenue=fmt_money(base["revenue"], lang, 0)))
    if base["months_before"] < 12:
        ui.warning(tr("plan.short_year", months=fmt_number(base["months_before"], lang)))
    c1, c2, c3 = ui.columns(3)
    churn = c1.number_input(tr("plan.churn_rate"), 0.0, 100.0,
                            round(base["churn_rate"] * 100, 1), step=0.5, key="whatif_churn",
                            persist_state="session",
                            help=tr("plan.churn_rate_help")) / 100
    decimal_note(c1, churn * 100, lang, 1, "\u00a0%")
    revenue = c2.number_input(tr("plan.revenue_year"), 0.0, 1e12, round(base["revenue"], 0),
                              step=1000.0, format="%.0f", key="whatif_revenue",
                              persist_state="session",
                              help=tr("plan.revenue_year_help"))
    money_note(c2, revenue, lang)
    cost = c3.number_input(tr("plan.retention_cost"), 0.0, 1e9, 0.0, step=1000.0, format="%.0f",
                           key="whatif_retention_cost",
                           persist_state="session", help=tr("plan.retention_cost_help"))
    money_note(c3, cost, lang)
    c1, c2 = ui.columns(2)
    # A select slider so the points read with a decimal comma in German (a slider's format
    # always writes a point).
    pp = tr("unit.pp")
    cut = localized(c1.select_slider, tr("plan.churn_cut"), _CUTS, value=2.0,
                    key="whatif_churn_cut",
                    format_func=lambda v: f"{fmt_number(v, lang, 1)} {pp}",
                    help=tr("plan.churn_cut_help")) / 100
    years = c2.radio(tr("plan.years"), [1, 2, 3], index=2, horizontal=True, key="whatif_years",
                     persist_state="session",
                     help=tr("plan.years_help"))
    if churn <= 0:
        ui.info(tr("plan.no_churn"))
        return {}
    table = retention_scenario(revenue, churn, cut, margin, int(years), cost)
    total = table.sum()
    if drawn(ui):
        _draw(table, total, int(years), lang)
    return {"assumptions": {"churn_rate": churn, "revenue_per_year": revenue,
                            "retention_cost_per_year": cost, "churn_cut": cut, "years": years},
            "results": {"retention_cut": cut, "retention_years": years,
                        "retention_extra_revenue": total["extra_revenue"],
                        "retention_profit_low": total["extra_profit_low"],
                        "retention_profit": total["extra_profit"],
                        "retention_profit_high": total["extra_profit_high"]},
            "figures": {"plan.retention_tab": lambda lng: plan_charts.retention_chart(table, lng)}}


def _draw(table, total, years: int, lang: str) -> None:
    """The lever's results: extra revenue and profit over the years, year by year."""
    c1, c2 = st.columns(2)
    c1.metric(tr("plan.extra_revenue"), fmt_money_short(total["extra_revenue"], lang), border=True,
              help=tr("plan.extra_revenue_help", years=years))
    c2.metric(tr("plan.extra_profit"), fmt_money_short(total["extra_profit"], lang), border=True,
              help=tr("plan.extra_profit_help", years=years))
    band(total["extra_profit_low"], total["extra_profit_high"], lang)
    fig = plan_charts.retention_chart(table, lang)
    st.plotly_chart(fig, key="whatif_retention_chart")
