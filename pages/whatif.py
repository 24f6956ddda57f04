"""What-if: tier thresholds and benefits, discount depth, churn reduction; saved scenarios."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from loyalty import charts, plan_charts, scenarios
from loyalty.discount_response import response_bands
from loyalty.i18n import fmt_money, fmt_money_short, fmt_number, fmt_percent
from loyalty.settings import default
from loyalty.simulate import DiscountAssumptions, discount_scenario, profit_curve, retention_scenario
from loyalty.tier_plan import DEFAULT_BENEFITS, TierAssumptions, TierBenefit, compare_ladders
from ui import plan_state, state
from ui.state import tr
from ui.widgets import guarded, page_start

MONTHS = 12


def _band(low: float, high: float, lang: str) -> None:
    """The low-to-high range under the result, unless the assumptions make no difference."""
    if round(low) != round(high):
        st.caption(tr("plan.band_caption", range=tr(
            "plan.range", low=fmt_money(min(low, high), lang, 0),
            high=fmt_money(max(low, high), lang, 0))))


_EDITED = "whatif_planned_edited"


def _follow(key: str) -> None:
    """A planned benefit follows today's value until the manager edits the planned one, so
    correcting today's benefits does not show up as a planned change."""
    planned = key.replace("whatif_now_", "whatif_new_")
    if planned not in st.session_state.get(_EDITED, set()):
        st.session_state[planned] = st.session_state[key]


def _edited(key: str) -> None:
    st.session_state.setdefault(_EDITED, set()).add(key)


def _benefit_inputs(names, prefix: str, defaults) -> tuple:
    """Discount %, points multiplier and fixed cost per tier, one column per tier."""
    cols = st.columns(len(names))
    out = []
    for i, (col, name) in enumerate(zip(cols, names)):
        d, m, c = defaults[i] if i < len(defaults) else defaults[-1]
        col.markdown(f"**{name}**")
        values = []
        for field, label, top, start, step in (("disc", "plan.discount_pct", 50.0, d, 0.5),
                                                 ("mult", "plan.multiplier", 10.0, m, 0.5),
                                                 ("fixed", "plan.fixed_cost", 1000.0, c, 1.0)):
            key = f"{prefix}_{field}_{i}"
            callback = _follow if prefix == "whatif_now" else _edited
            values.append(col.number_input(tr(label), 0.0, top, float(start), step=step,
                                           key=key, help=tr(f"{label}_help"),
                                           on_change=callback, args=(key,)))
        out.append(TierBenefit(values[0] / 100, values[1], values[2]))
    return tuple(out)


def _tier_tab(ds, f, margin: float, lang: str) -> dict:
    info = plan_state.today_ladder(*state.key(ds), f, MONTHS, lang)
    ladder = info["ladder"]
    names = [n for n, _ in ladder]
    st.caption(tr("plan.ladder_members" if info["source"] == "members" else "plan.ladder_default"))
    dist = plan_state.spend_distribution(*state.key(ds), f, MONTHS)

    st.markdown(f"**{tr('plan.new_thresholds')}**", help=tr("plan.new_thresholds_help"))
    cols = st.columns(len(ladder))
    floors_new = []
    for i, (col, (name, floor)) in enumerate(zip(cols, ladder)):
        value = col.number_input(tr("tiers.threshold", tier=name), 0.0, 1_000_000.0, float(floor),
                                 step=10.0, format="%.0f", key=f"whatif_floor_{i}",
                                 disabled=i == 0,
                                 help=tr("plan.today_from", value=fmt_money(floor, lang, 0)))
        floors_new.append(float(value))
    if any(b <= a for a, b in zip(floors_new, floors_new[1:])):
        st.warning(tr("plan.thresholds_order"))
        return {}

    with st.expander(tr("plan.benefits_today")):
        today = _benefit_inputs(names, "whatif_now", [(b.discount * 100, b.points_multiplier,
                                                       b.fixed_cost) for b in DEFAULT_BENEFITS])
    st.markdown(f"**{tr('plan.benefits_new')}**", help=tr("plan.benefits_help"))
    planned = _benefit_inputs(names, "whatif_new", [(b.discount * 100, b.points_multiplier,
                                                     b.fixed_cost) for b in today])
    with st.expander(tr("plan.tier_assumptions")):
        c1, c2, c3, c4 = st.columns(4)
        ppu = c1.number_input(tr("plan.points_per_unit"), 0.0, 100.0, 1.0, step=0.5,
                              key="whatif_ppu", help=tr("plan.points_per_unit_help"))
        pv = c2.number_input(tr("tiers.point_value"), 0.0, 10.0, 0.01, step=0.005, format="%.3f",
                             key="whatif_point_value", help=tr("tiers.point_value_help"))
        zone = c3.slider(tr("plan.zone"), 0, 50, 10, format="%d %%", key="whatif_zone",
                         help=tr("plan.zone_help")) / 100
        stretch = c4.slider(tr("plan.stretch"), 0, 100, 30, format="%d %%", key="whatif_stretch",
                            help=tr("plan.stretch_help")) / 100
    base = TierAssumptions(points_per_unit=ppu, point_value=pv, zone=zone, stretch_max=stretch,
                           margin=margin)
    r = compare_ladders(dist, [fl for _, fl in ladder], floors_new,
                        replace(base, benefits=today), replace(base, benefits=planned))
    change = r["change"]

    c1, c2 = st.columns(2)
    c1.metric(tr("plan.moving_up"), fmt_number(r["up"], lang), border=True,
              help=tr("plan.moving_up_help"))
    c2.metric(tr("plan.moving_down"), fmt_number(r["down"], lang), border=True,
              help=tr("plan.moving_down_help"))
    c3, c4, c5 = st.columns(3)
    c3.metric(tr("plan.cost_change"), fmt_money_short(change["base"]["benefit_cost"], lang),
              border=True, help=tr("plan.cost_change_help"))
    c4.metric(tr("plan.stretch_spend"), fmt_money_short(change["base"]["extra_spend"], lang),
              border=True, help=tr("plan.stretch_spend_help"))
    c5.metric(tr("plan.margin_change"), fmt_money_short(change["base"]["margin"], lang),
              border=True, help=tr("plan.margin_change_help"))
    _band(change["low"]["margin"], change["high"]["margin"], lang)
    fig = plan_charts.tier_compare(r["now"]["per_tier"], r["new"]["per_tier"], names, lang)
    st.plotly_chart(fig, key="whatif_tier_chart")
    moves = r["moves"].set_axis(names, axis=0).set_axis(names, axis=1)
    st.plotly_chart(charts.tier_matrix(moves, lang, "plan.tier_today", "plan.tier_planned"),
                    key="whatif_movers")
    rows = []
    for i, name in enumerate(names):
        a, b = r["now"]["per_tier"].iloc[i], r["new"]["per_tier"].iloc[i]
        rows.append({tr("field.tier"): name,
                     tr("plan.customers_today"): fmt_number(a["customers"], lang),
                     tr("plan.customers_planned"): fmt_number(b["customers"], lang),
                     tr("plan.cost_today"): fmt_money(a["cost"], lang, 0),
                     tr("plan.cost_planned"): fmt_money(b["cost"], lang, 0)})
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="whatif_tier_table")
    return {"assumptions": {
                "tiers": " / ".join(names),
                "thresholds_today": " / ".join(f"{fl:g}" for _, fl in ladder),
                "thresholds_planned": " / ".join(f"{fl:g}" for fl in floors_new),
                "benefits_today": "; ".join(f"{b.discount:.1%} {b.points_multiplier:g}x "
                                            f"{b.fixed_cost:g}" for b in today),
                "benefits_planned": "; ".join(f"{b.discount:.1%} {b.points_multiplier:g}x "
                                              f"{b.fixed_cost:g}" for b in planned),
                "points_per_unit": ppu, "point_value": pv, "stretch_zone": zone,
                "stretch_max": stretch},
            "results": {"tier_up": r["up"], "tier_down": r["down"],
                        "tier_cost_change": change["base"]["benefit_cost"],
                        "tier_extra_spend": change["base"]["extra_spend"],
                        "tier_margin_low": min(change["low"]["margin"], change["high"]["margin"]),
                        "tier_margin": change["base"]["margin"],
                        "tier_margin_high": max(change["low"]["margin"],
                                                change["high"]["margin"])},
            "figures": {"plan.tiers_tab": fig.to_json()}}


def _discount_assumptions(lang: str) -> DiscountAssumptions:
    a = DiscountAssumptions()
    with st.expander(tr("plan.discount_assumptions")):
        st.caption(tr("plan.discount_assumptions_help"))
        caps = []
        cols = st.columns(4)
        for i, (kind, cap) in enumerate(a.max_uplift):
            value = cols[i % 4].number_input(tr(f"type.{kind}"), 0, 500, int(round(cap * 100)),
                                             step=5, key=f"whatif_cap_{kind}",
                                             help=tr("plan.cap_help"))
            caps.append((kind, value / 100))
        c1, c2, c3 = st.columns(3)
        threshold = c1.slider(tr("plan.threshold"), 1, 40, int(a.threshold * 100), format="%d %%",
                              key="whatif_threshold", help=tr("plan.threshold_help")) / 100
        width = c2.slider(tr("plan.width"), 1, 15, int(a.width * 100), format="%d pp",
                          key="whatif_width", help=tr("plan.width_help")) / 100
        incremental = c3.slider(tr("plan.incremental"), 0, 100, round(a.incremental_share * 100),
                                format="%d %%", key="whatif_incremental",
                                help=tr("plan.incremental_help")) / 100
        c1, c2 = st.columns(2)
        too_small = c1.slider(tr("plan.too_small"), 0, 20, int(a.too_small_below * 100),
                              format="%d %%", key="whatif_too_small",
                              help=tr("plan.too_small_help")) / 100
        devalue = c2.slider(tr("plan.devalue"), 10, 60, int(a.devalue_from * 100), format="%d %%",
                            key="whatif_devalue", help=tr("plan.devalue_help")) / 100
    return replace(a, max_uplift=tuple(caps), threshold=threshold, width=width,
                   incremental_share=incremental, devalue_from=devalue, too_small_below=too_small)


def _discount_tab(ds, f, margin: float, lang: str) -> dict:
    summary = plan_state.type_summary(*state.key(ds), f, int(default("churn_window_days")))
    if summary.empty:
        st.info(tr("plan.no_customers"))
        return {}
    estimate = plan_state.discount_estimate(*state.key(ds), f)
    if estimate["estimated"]:
        st.success(tr("plan.estimated", depth=fmt_percent(estimate["reference_depth"], lang),
                      uplift=fmt_percent(estimate["uplift"], lang, 0),
                      low=fmt_percent(estimate["uplift_low"], lang, 0),
                      high=fmt_percent(estimate["uplift_high"], lang, 0),
                      days=fmt_number(estimate["days"], lang)))
    else:
        st.info(tr("plan.literature", reason=tr(f"plan.reason_{estimate['reason']}")))
    kinds = list(summary.index)
    target = st.multiselect(tr("plan.offer_to"), kinds, default=kinds, key="whatif_types",
                            format_func=lambda k: tr(f"type.{k}"), help=tr("plan.offer_to_help"))
    depth = st.slider(tr("plan.depth"), 0, 60, 10, format="%d %%", key="whatif_depth",
                      help=tr("plan.depth_help")) / 100
    a = _discount_assumptions(lang)
    if not target:
        st.info(tr("plan.pick_types"))
        return {}
    chosen = summary.loc[target]
    # The estimate is the whole shop's response, so it calibrates the model over all types.
    bands = dict(response_bands(summary, estimate, a))
    res = {band: discount_scenario(chosen, depth, margin, a, scale) for band, scale in bands.items()}
    base = res["base"]
    if base["warning"]:
        st.warning(tr(f"plan.warn_{base['warning']}"))
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
    lows = [res[b]["profit_change"] for b in res]
    _band(min(lows), max(lows), lang)
    curve = profit_curve(chosen, margin, a, bands=tuple(bands.items()))
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
        tr("seg.col_customers"): [fmt_number(v, lang) for v in chosen["customers"]],
        tr("plan.orders_year"): [fmt_number(v, lang) for v in chosen["orders"]],
        tr("plan.aov_full"): [fmt_money(v, lang) for v in chosen["aov"]]})
    st.dataframe(per_type, hide_index=True, key="whatif_type_table")
    return {"assumptions": {
                "discount_offered_to": ", ".join(tr(f"type.{k}") for k in target),
                "discount_depth": depth,
                "response_source": "data" if estimate["estimated"] else "literature",
                "response_scales": ", ".join(f"{k} {v:.2f}" for k, v in bands.items()),
                "max_uplift": ", ".join(f"{tr(f'type.{k}')} {fmt_percent(v, lang, 0)}"
                                        for k, v in a.max_uplift),
                "response_threshold": a.threshold, "response_width": a.width,
                "incremental_share": a.incremental_share, "warn_below": a.too_small_below,
                "warn_from": a.devalue_from},
            "results": {"discount_depth": depth, "discount_extra_orders": base["extra_orders"],
                        "discount_revenue_change": base["revenue"] - base["baseline_revenue"],
                        "discount_cost": base["discount_cost"],
                        "discount_profit_low": min(lows),
                        "discount_profit": base["profit_change"],
                        "discount_profit_high": max(lows)},
            "figures": {"plan.discount_tab": fig.to_json()}}


def _retention_tab(ds, f, margin: float, lang: str) -> dict:
    base = plan_state.yearly_churn(*state.key(ds), f)
    if base["churn_rate"] is None:
        st.info(tr("plan.no_year"))
        return {}
    st.caption(tr("plan.retention_from_data", customers=fmt_number(base["customers"], lang),
                  churn=fmt_percent(base["churn_rate"], lang),
                  revenue=fmt_money(base["revenue"], lang, 0)))
    c1, c2, c3 = st.columns(3)
    churn = c1.number_input(tr("plan.churn_rate"), 0.0, 100.0,
                            round(base["churn_rate"] * 100, 1), step=0.5, key="whatif_churn",
                            help=tr("plan.churn_rate_help")) / 100
    revenue = c2.number_input(tr("plan.revenue_year"), 0.0, 1e12, round(base["revenue"], 0),
                              step=1000.0, format="%.0f", key="whatif_revenue", help=tr("plan.revenue_year_help"))
    cost = c3.number_input(tr("plan.retention_cost"), 0.0, 1e9, 0.0, step=1000.0,
                           key="whatif_retention_cost", help=tr("plan.retention_cost_help"))
    c1, c2 = st.columns(2)
    cut = c1.slider(tr("plan.churn_cut"), 0.0, 20.0, 2.0, step=0.5, format="%.1f pp",
                    key="whatif_churn_cut", help=tr("plan.churn_cut_help")) / 100
    years = c2.radio(tr("plan.years"), [1, 2, 3], index=2, horizontal=True, key="whatif_years",
                     help=tr("plan.years_help"))
    table = retention_scenario(revenue, churn, cut, margin, int(years), cost)
    total = table.sum()
    c1, c2 = st.columns(2)
    c1.metric(tr("plan.extra_revenue"), fmt_money_short(total["extra_revenue"], lang), border=True,
              help=tr("plan.extra_revenue_help", years=years))
    c2.metric(tr("plan.extra_profit"), fmt_money_short(total["extra_profit"], lang), border=True,
              help=tr("plan.extra_profit_help", years=years))
    _band(total["extra_profit_low"], total["extra_profit_high"], lang)
    fig = plan_charts.retention_chart(table, lang)
    st.plotly_chart(fig, key="whatif_retention_chart")
    return {"assumptions": {"churn_rate": churn, "revenue_per_year": revenue,
                            "retention_cost_per_year": cost, "churn_cut": cut, "years": years},
            "results": {"retention_cut": cut, "retention_years": years,
                        "retention_extra_revenue": total["extra_revenue"],
                        "retention_profit_low": total["extra_profit_low"],
                        "retention_profit": total["extra_profit"],
                        "retention_profit_high": total["extra_profit_high"]},
            "figures": {"plan.retention_tab": fig.to_json()}}


def _scenarios_tab(current: dict, ds, lang: str) -> None:
    saved: dict = st.session_state.setdefault("whatif_scenarios", {})
    st.caption(tr("scen.intro"))
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    name = c1.text_input(tr("scen.name"), key="whatif_name",
                         placeholder=tr("scen.name_placeholder", n=len(saved) + 1))
    if c2.button(tr("scen.save"), key="whatif_save", icon=":material/bookmark_add:"):
        label = name.strip() or tr("scen.name_placeholder", n=len(saved) + 1)
        saved[label] = scenarios.Scenario(label, current["assumptions"], current["results"],
                                          current["figures"])
        st.toast(tr("scen.saved", name=label))
    if not saved:
        st.info(tr("scen.none"))
        return
    chosen = [saved[k] for k in saved]
    st.dataframe(scenarios.compare_table(chosen, lang), key="whatif_compare")
    levers = {"tier_margin": [s.results.get("tier_margin") for s in chosen],
              "discount_profit": [s.results.get("discount_profit") for s in chosen],
              "retention_profit": [s.results.get("retention_profit") for s in chosen]}
    st.plotly_chart(plan_charts.scenario_bars(pd.DataFrame(levers, index=[s.name for s in chosen]),
                                              lang), key="whatif_scenario_chart")
    c1, c2, c3 = st.columns(3)
    # Built when clicked: the report embeds Plotly's script (several MB), too much for every rerun.
    c1.download_button(tr("scen.csv"), lambda: scenarios.to_csv(chosen),
                       file_name="scenarios.csv", mime="text/csv", key="whatif_csv",
                       icon=":material/download:", on_click="ignore")
    label = tr("app.dataset_demo") if ds.label == "demo" else ", ".join(
        r.filename for r in ds.reports)
    c2.download_button(tr("scen.html"), lambda: scenarios.html_report(chosen, lang, label),
                       file_name="scenarios.html", mime="text/html", key="whatif_html",
                       icon=":material/description:", on_click="ignore")
    if c3.button(tr("scen.clear"), key="whatif_clear"):
        saved.clear()
        st.rerun()


_PARTS = "whatif_parts"
_MARGIN = "whatif_margin_value"


@st.fragment
def _lever(name: str, ds, f, margin: float, lang: str) -> None:
    """One tab as a fragment: moving one of its controls reruns only this tab. Its assumptions
    and results are kept for the Scenarios tab."""
    build = {"_tier_tab": _tier_tab, "_discount_tab": _discount_tab,
             "_retention_tab": _retention_tab}[name]
    st.session_state.setdefault(_PARTS, {})[name] = _guarded_part(build, ds, f, margin, lang)


def _guarded_part(build, ds, f, margin: float, lang: str) -> dict:
    try:
        return build(ds, f, margin, lang)
    except Exception as exc:  # noqa: BLE001 - one tab failing must not take the page down
        st.error(tr("app.unexpected", error=type(exc).__name__))
        return {}


@st.fragment
def _scenarios(ds, lang: str) -> None:
    current = {"assumptions": {"gross_margin": st.session_state.get(_MARGIN)}, "results": {},
               "figures": {}}
    for part in st.session_state.get(_PARTS, {}).values():
        for k in current:
            current[k].update(part.get(k, {}))
    _scenarios_tab(current, ds, lang)


def render() -> None:
    lang = state.lang()
    ds = page_start("plan.title")
    if ds is None:
        return
    st.caption(tr("plan.intro"))
    f = state.current_filters()
    margin = st.slider(tr("plan.margin"), 0, 90, 40, format="%d %%", key="whatif_margin",
                       help=tr("plan.margin_help")) / 100
    tabs = st.tabs([tr("plan.tiers_tab"), tr("plan.discount_tab"), tr("plan.retention_tab"),
                    tr("plan.scenarios_tab")])
    st.session_state[_MARGIN] = margin
    for tab, build in zip(tabs[:3], (_tier_tab, _discount_tab, _retention_tab)):
        with tab:
            _lever(build.__name__, ds, f, margin, lang)
    with tabs[3]:
        _scenarios(ds, lang)


guarded(render, state.lang())
