"""What-if tab: tier thresholds and per-tier benefits against today's ladder."""

from dataclasses import asdict, replace

import pandas as pd
import streamlit as st

from loyalty.presentation import charts, plan_charts
from loyalty.presentation.i18n import fmt_money, fmt_money_short, fmt_number
from loyalty.presentation.text import escape_markdown
from loyalty.analysis.tiers import thresholds_rise
from loyalty.planning.tier_plan import DEFAULT_BENEFITS, TierAssumptions, TierBenefit, compare_ladders
from ui import plan_state, state, tables
from ui.state import tr
from ui.unseen import drawn
from ui.widgets import band, decimal_note

MONTHS = 12


_EDITED = "whatif_planned_edited"


def _follow(key: str) -> None:
    """A planned benefit follows today's value until the manager edits the planned one, so
    correcting today's benefits does not show up as a planned change."""
    planned = key.replace("whatif_now_", "whatif_new_")
    if planned not in st.session_state.get(_EDITED, set()):
        st.session_state[planned] = st.session_state[key]


def _edited(key: str) -> None:
    st.session_state.setdefault(_EDITED, set()).add(key)


def _benefit_inputs(ui, names, prefix: str, defaults: tuple[TierBenefit, ...]) -> tuple:
    """Discount %, points multiplier and fixed cost per tier, one column per tier, starting from
    ``defaults`` (the last one serves any further tiers)."""
    starts = [defaults[min(i, len(defaults) - 1)] for i in range(len(names))]
    for col, name in zip(ui.columns(len(names)), names):
        col.markdown(f"**{escape_markdown(name)}**")
    values: list[list[float]] = [[] for _ in names]
    callback = _follow if prefix == "whatif_now" else _edited
    # A row of columns per field, so that a note under one tier's box ("= 1,5") does not push
    # the next field of that tier below the others'.
    for field, label, top, start_of, step in (
            ("disc", "plan.discount_pct", 50.0, lambda b: b.discount * 100, 0.5),
            ("mult", "plan.multiplier", 10.0, lambda b: b.points_multiplier, 0.5),
            ("fixed", "plan.fixed_cost", 1000.0, lambda b: b.fixed_cost, 1.0)):
        for i, col in enumerate(ui.columns(len(names))):
            key = f"{prefix}_{field}_{i}"
            # "%g" writes 2 and 1.5, not 2.00: fewer decimal points for a German reader.
            values[i].append(col.number_input(tr(label), 0.0, top, float(start_of(starts[i])),
                                              step=step, format="%g", key=key,
                                              persist_state="session",
                                              help=tr(f"{label}_help"),
                                              on_change=callback, args=(key,)))
            decimal_note(col, values[i][-1], state.lang(), 1)
    return tuple(TierBenefit(v[0] / 100, v[1], v[2]) for v in values)


# The tier assumptions' controls: (field of TierAssumptions, label key (help: label + "_help"),
# widget key, lowest, highest, step, format). Percent fields (format with %%) are shown x 100.
# Defaults come from the dataclass.
_ASSUMPTIONS = (
    ("points_per_unit", "plan.points_per_unit", "whatif_ppu", 0.0, 100.0, 0.5, "%.1f"),
    ("point_value", "tiers.point_value", "whatif_point_value", 0.0, 10.0, 0.005, "%.3f"),
    ("zone", "plan.zone", "whatif_zone", 0, 50, 1, "%d %%"),
    ("stretch_max", "plan.stretch", "whatif_stretch", 0, 100, 1, "%d %%"),
    ("demotion_loss", "plan.demotion_loss", "whatif_demotion_loss", 0, 100, 1, "%d %%"))


def _assumption_inputs(ui) -> dict:
    a = TierAssumptions()
    out = {}
    cols = ui.columns(len(_ASSUMPTIONS))
    for col, (name, label, key, low, high, step, fmt) in zip(cols, _ASSUMPTIONS):
        if "%%" in fmt:
            out[name] = col.slider(tr(label), low, high, int(round(getattr(a, name) * 100)),
                                   step=step, format=tr("unit.pct_format"), key=key,
                                   persist_state="session", help=tr(f"{label}_help")) / 100
        else:
            out[name] = col.number_input(tr(label), low, high, float(getattr(a, name)),
                                         step=step, format=fmt, key=key,
                                         persist_state="session", help=tr(f"{label}_help"))
            decimal_note(col, out[name], state.lang(), int(fmt[-2]))
    return out


def tier_tab(ds, f, margin: float, lang: str, ui=st) -> dict:
    """Draw the tier lever (``ui`` is ``st``) or only work it out (:data:`ui.unseen.UNSEEN`);
    either way, its assumptions, results and figure for a scenario."""
    info = plan_state.today_ladder(*state.key(ds), f, MONTHS, lang)
    ladder = info["ladder"]
    names = [n for n, _ in ladder]
    ui.caption(tr("plan.ladder_members" if info["source"] == "members" else "plan.ladder_default"))
    dist = plan_state.spend_distribution(*state.key(ds), f, MONTHS)
    if not dist["customers"].sum():
        ui.info(tr("plan.no_customers"))
        return {}

    ui.markdown(f"**{tr('plan.new_thresholds')}**", help=tr("plan.new_thresholds_help"))
    cols = ui.columns(len(ladder))
    floors_new = []
    for i, (col, (name, floor)) in enumerate(zip(cols, ladder)):
        value = col.number_input(tr("tiers.threshold", tier=escape_markdown(name)), 0.0,
                                 1_000_000.0, float(floor), step=10.0, format="%.0f", key=f"whatif_floor_{i}",
                                 persist_state="session",
                                 disabled=i == 0,
                                 help=tr("plan.today_from", value=fmt_money(floor, lang, 0)))
        floors_new.append(float(value))
    if not thresholds_rise(floors_new):
        ui.warning(tr("plan.thresholds_order"))
        return {}

    with ui.expander(tr("plan.benefits_today")):
        today = _benefit_inputs(ui, names, "whatif_now", DEFAULT_BENEFITS)
    ui.markdown(f"**{tr('plan.benefits_new')}**", help=tr("plan.benefits_help"))
    planned = _benefit_inputs(ui, names, "whatif_new", today)
    with ui.expander(tr("plan.tier_assumptions")):
        values = _assumption_inputs(ui)
    base = TierAssumptions(**values, margin=margin)
    ppu, pv, zone, stretch = (values[k] for k in ("points_per_unit", "point_value", "zone",
                                                   "stretch_max"))
    r = compare_ladders(dist, [fl for _, fl in ladder], floors_new,
                        replace(base, benefits=today), replace(base, benefits=planned))
    change = r["change"]

    if drawn(ui):
        _draw(r, names, lang)
    return {"assumptions": {
                "tiers": list(names),
                "thresholds_today": [float(fl) for _, fl in ladder],
                "thresholds_planned": [float(fl) for fl in floors_new],
                "benefits_today": [asdict(b) for b in today],
                "benefits_planned": [asdict(b) for b in planned],
                "points_per_unit": ppu, "point_value": pv, "stretch_zone": zone,
                "stretch_max": stretch, "demotion_loss": values["demotion_loss"]},
            "results": {"tier_up": r["up"], "tier_down": r["down"],
                        "tier_cost_change": change["base"]["benefit_cost"],
                        "tier_extra_spend": change["base"]["extra_spend"],
                        "tier_lost_spend": change["base"]["lost_spend"],
                        "tier_margin_low": min(change["low"]["margin"], change["high"]["margin"]),
                        "tier_margin": change["base"]["margin"],
                        "tier_margin_high": max(change["low"]["margin"],
                                                change["high"]["margin"])},
            "figures": {"plan.tiers_tab": lambda lng: plan_charts.tier_compare(
                r["now"]["per_tier"], r["new"]["per_tier"], names, lng)}}


def _draw(r: dict, names: list[str], lang: str) -> None:
    """The lever's results: movers, costs and margin, the tiers today and planned."""
    change = r["change"]
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("plan.moving_up"), fmt_number(r["up"], lang), border=True,
              help=tr("plan.moving_up_help"))
    c2.metric(tr("plan.moving_down"), fmt_number(r["down"], lang), border=True,
              help=tr("plan.moving_down_help"))
    c3.metric(tr("plan.lost_spend"), fmt_money_short(change["base"]["lost_spend"], lang),
              border=True, help=tr("plan.lost_spend_help"))
    c4, c5, c6 = st.columns(3)
    c4.metric(tr("plan.cost_change"), fmt_money_short(change["base"]["benefit_cost"], lang),
              border=True, help=tr("plan.cost_change_help"))
    c5.metric(tr("plan.stretch_spend"), fmt_money_short(change["base"]["extra_spend"], lang),
              border=True, help=tr("plan.stretch_spend_help"))
    c6.metric(tr("plan.margin_change"), fmt_money_short(change["base"]["margin"], lang),
              border=True, help=tr("plan.margin_change_help"))
    band(change["low"]["margin"], change["high"]["margin"], lang)
    fig = plan_charts.tier_compare(r["now"]["per_tier"], r["new"]["per_tier"], names, lang)
    st.plotly_chart(fig, key="whatif_tier_chart")
    moves = r["moves"].set_axis(names, axis=0).set_axis(names, axis=1)
    st.plotly_chart(charts.tier_matrix(moves, lang, "plan.tier_today", "plan.tier_planned"),
                    key="whatif_movers")
    rows = []
    for i, name in enumerate(names):
        a, b = r["now"]["per_tier"].iloc[i], r["new"]["per_tier"].iloc[i]
        rows.append({tr("field.tier"): name,
                     tr("plan.customers_today"): int(a["customers"]),
                     tr("plan.customers_planned"): int(b["customers"]),
                     tr("plan.cost_today"): round(float(a["cost"])),
                     tr("plan.cost_planned"): round(float(b["cost"]))})
    tables.show(pd.DataFrame(rows), {
        tr("plan.customers_today"): "count", tr("plan.customers_planned"): "count",
        tr("plan.cost_today"): "money", tr("plan.cost_planned"): "money"},
        key="whatif_tier_table")
