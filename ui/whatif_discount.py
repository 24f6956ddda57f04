"""What-if tab: discount depth by loyalty type, with the response from the data or the
literature."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from loyalty.presentation import plan_charts
from loyalty.planning.discount_response import clip_estimate, response_bands
from loyalty.presentation.i18n import fmt_money, fmt_money_short, fmt_number, fmt_percent
from loyalty.settings import default
from loyalty.planning.simulate import (DiscountAssumptions, band_elasticity, discount_scenario,
                              profit_curve)
from ui import plan_state, state, tables
from ui.choices import localized
from ui.state import tr
from ui.unseen import drawn
from ui.widgets import band, decimal_note


# The response's shape, in percent of the depth: (field of DiscountAssumptions, label key (its
# help is label + "_help"), widget key, lowest, highest, format). Defaults come from the dataclass.
_SHAPE = (("threshold", "plan.threshold", "whatif_threshold", 1, 40, "%d %%"),
          ("width", "plan.width", "whatif_width", 1, 15, "%d pp"),
          ("incremental_share", "plan.incremental", "whatif_incremental", 0, 100, "%d %%"),
          ("too_small_below", "plan.too_small", "whatif_too_small", 0, 20, "%d %%"),
          ("devalue_from", "plan.devalue", "whatif_devalue", 10, 60, "%d %%"),
          ("saturation_depth", "plan.saturation", "whatif_saturation", 5, 60, "%d %%"))
# The published elasticities that bound the response: (field, label key, widget key).
_BOUND = (("elasticity_base", "plan.elasticity_base", "whatif_elasticity_base"),
          ("elasticity_high", "plan.elasticity_high", "whatif_elasticity_high"))


def _discount_assumptions(ui, lang: str) -> DiscountAssumptions:
    a = DiscountAssumptions()
    with ui.expander(tr("plan.discount_assumptions")):
        ui.caption(tr("plan.discount_assumptions_help"))
        caps = []
        cols = ui.columns(4)
        for i, (kind, cap) in enumerate(a.max_uplift):
            value = cols[i % 4].number_input(tr(f"type.{kind}"), 0, 500, int(round(cap * 100)),
                                             step=5, key=f"whatif_cap_{kind}",
                                             persist_state="session",
                                             help=tr("plan.cap_help"))
            caps.append((kind, value / 100))
        values = {"max_uplift": tuple(caps)}
        cols = ui.columns(3)
        for i, (name, label, key, low, high, fmt) in enumerate(_SHAPE):
            values[name] = cols[i % 3].slider(tr(label), low, high,
                                              int(round(getattr(a, name) * 100)),
                                              format=tr("unit.pct_format") if "%%" in fmt else fmt,
                                              key=key, persist_state="session",
                                              help=tr(f"{label}_help")) / 100
        ui.caption(tr("plan.bound_help"))
        cols = ui.columns(len(_BOUND))
        for col, (name, label, key) in zip(cols, _BOUND):
            values[name] = col.number_input(tr(label), -10.0, 0.0, getattr(a, name), step=0.1,
                                            format="%.2f", key=key, persist_state="session",
                                            help=tr(f"{label}_help"))
            decimal_note(col, values[name], state.lang(), 2)
    return replace(a, **values)


def discount_tab(ds, f, margin: float, lang: str, ui=st) -> dict:
    """Draw the discount lever (``ui`` is ``st``) or only work it out
    (:data:`ui.unseen.UNSEEN`); either way, its assumptions, results and figure for a scenario."""
    summary = plan_state.type_summary(*state.key(ds), f, int(default("churn_window_days")))
    if summary.empty:
        ui.info(tr("plan.no_customers"))
        return {}
    estimate = plan_state.discount_estimate(*state.key(ds), f)
    message = ui.empty()
    kinds = list(summary.index)
    target = localized(ui.multiselect, tr("plan.offer_to"), kinds, default=kinds,
                       key="whatif_types", format_func=lambda k: tr(f"type.{k}"),
                       help=tr("plan.offer_to_help"), select_all=False)
    depth = ui.slider(tr("plan.depth"), 0, 60, 10, format=tr("unit.pct_format"),
                      key="whatif_depth", persist_state="session", help=tr("plan.depth_help")) / 100
    a = _discount_assumptions(ui, lang)
    # Said above the controls, but after them: the clip depends on the assumed bound.
    if estimate["estimated"]:
        clipped = clip_estimate(estimate, a)
        note = tr("plan.estimate_clipped", bound=fmt_percent(clipped["bound"], lang, 0)) if \
            clipped["clipped"] else ""
        message.success(tr("plan.estimated", depth=fmt_percent(estimate["reference_depth"], lang),
                           uplift=fmt_percent(estimate["uplift"], lang, 0),
                           low=fmt_percent(estimate["uplift_low"], lang, 0),
                           high=fmt_percent(estimate["uplift_high"], lang, 0),
                           days=fmt_number(estimate["days"], lang)) + note)
    else:
        message.info(tr("plan.literature", reason=tr(f"plan.reason_{estimate['reason']}")))
    if not target:
        ui.info(tr("plan.pick_types"))
        return {}
    chosen = summary.loc[target]
    # The estimate is the whole shop's response, so it calibrates the model over all types.
    bands = dict(response_bands(summary, estimate, a))
    res = {band: discount_scenario(chosen, depth, margin, a, scale, band_elasticity(band, a))
           for band, scale in bands.items()}
    base = res["base"]
    lows = [res[b]["profit_change"] for b in res]
    curve = profit_curve(chosen, margin, a, bands=tuple(bands.items()))
    if drawn(ui):
        _draw(base, lows, curve, chosen, depth, a, lang)
    return {"assumptions": {
                "discount_offered_to": list(target),
                "discount_depth": depth,
                "response_source": "data" if estimate["estimated"] else "literature",
                "response_scales": {k: float(v) for k, v in bands.items()},
                "max_uplift": {k: float(v) for k, v in a.max_uplift},
                "response_threshold": a.threshold, "response_width": a.width,
                "incremental_share": a.incremental_share, "warn_below": a.too_small_below,
                "warn_from": a.devalue_from, "elasticity_base": a.elasticity_base,
                "elasticity_high": a.elasticity_high, "saturation_depth": a.saturation_depth},
            "results": {"discount_depth": depth, "discount_extra_orders": base["extra_orders"],
                        "discount_extra_per_customer": base["extra_per_customer"],
                        "discount_revenue_change": base["revenue"] - base["baseline_revenue"],
                        "discount_cost": base["discount_cost"],
                        "discount_profit_low": min(lows),
                        "discount_profit": base["profit_change"],
                        "discount_profit_high": max(lows)},
            "figures": {"plan.discount_tab": lambda lng: plan_charts.profit_curve(curve, depth, lng)}}


def _draw(base: dict, lows: list, curve, chosen, depth: float, a: DiscountAssumptions,
          lang: str) -> None:
    """The lever's results: extra orders, revenue, cost and profit, the best depth, the
    profit curve and the types offered."""
    if base["warning"]:
        st.warning(tr(f"plan.warn_{base['warning']}"))
    if base["bounded_orders"] >= 0.5:
        st.info(tr("plan.bounded", removed=fmt_number(base["bounded_orders"], lang),
                   bound=fmt_percent(min(depth, a.saturation_depth) * abs(a.elasticity_base),
                                     lang, 0),
                   depth=fmt_percent(depth, lang, 0)))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(tr("plan.extra_orders"), fmt_number(base["extra_orders"], lang), border=True,
              help=tr("plan.extra_orders_help"))
    c2.metric(tr("plan.revenue_change"),
              fmt_money_short(base["revenue"] - base["baseline_revenue"], lang), border=True,
              help=tr("plan.revenue_change_help"))
    c3.metric(tr("plan.discount_cost"), fmt_money_short(base["discount_cost"], lang), border=True,
              help=tr("plan.discount_cost_help"))
    c4.metric(tr("plan.profit_change"), fmt_money_short(base["profit_change"], lang), border=True,
              help=tr("plan.profit_change_help"))
    c1, c2, c3 = st.columns(3)
    c1.metric(tr("plan.customers_offered"), fmt_number(base["customers"], lang), border=True,
              help=tr("plan.customers_offered_help"))
    c2.metric(tr("plan.orders_per_customer"), fmt_number(base["orders_per_customer"], lang, 1),
              border=True, help=tr("plan.orders_per_customer_help"))
    c3.metric(tr("plan.extra_per_customer"), fmt_number(base["extra_per_customer"], lang, 2),
              border=True, help=tr("plan.extra_per_customer_help"))
    band(min(lows), max(lows), lang)
    best = curve.loc[curve["base"].idxmax()]
    if best["depth"] > 0:
        st.markdown(tr("plan.best_depth", depth=fmt_percent(best["depth"], lang, 0),
                       profit=fmt_money(best["base"], lang, 0)))
    else:
        st.markdown(tr("plan.no_depth_pays"))
    fig = plan_charts.profit_curve(curve, depth, lang)
    st.plotly_chart(fig, key="whatif_profit_curve")
    per_type = pd.DataFrame({
        tr("plan.type"): [tr(f"type.{k}") for k in chosen.index],
        tr("seg.col_customers"): chosen["customers"].to_numpy(),
        tr("plan.orders_year"): chosen["orders"].round().to_numpy(),
        tr("plan.aov_full"): chosen["aov"].to_numpy()})
    tables.show(per_type, {tr("seg.col_customers"): "count", tr("plan.orders_year"): "count",
                           tr("plan.aov_full"): "money"}, key="whatif_type_table")
