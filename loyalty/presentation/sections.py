"""The board pack's sections, one per dashboard page, from the functions the pages use.

Each page's own default settings apply (the inactivity window the data suggests, the tier
ladder the members file implies, six months around the programme launch): the pack shows what a
page shows when it opens.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from loyalty.presentation import charts, plan_charts

from loyalty.planning import scenarios as scen
from loyalty.analysis.churn import monthly_movements, suggested_window
from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import Filters, filtered_surveys, in_days
from loyalty.presentation.i18n import fmt_date, fmt_money, fmt_number, fmt_percent, t, t_n
from loyalty.analysis.metrics import OVERVIEW, format_delta, format_value, no_change
from loyalty.analysis.nps import MIN_RESPONSES, nps_by_period, period_change, score_distribution
from loyalty.analysis.overview import members_comparison, monthly
from loyalty.analysis.periods import month_coverage
from loyalty.analysis.periods import PREVIOUS, Comparison
from loyalty.analysis.programme import launch_date, launch_effect, retention_by_membership
from loyalty.analysis.segments import TYPE_RULES, TYPES, UNTYPED
from loyalty.planning.tier_plan import today_ladder
from loyalty.analysis.tiers import points_over_time
from loyalty.presentation.cells import frame_table
from loyalty.presentation.model import Chart, Note, Reading, Section, Table
from loyalty.presentation.readings import nps_change_text

# The figures the headline reading puts in words (the table shows them all).
READ_ALOUD = ("net_revenue", "active_customers", "churn_rate", "nps")
TIER_MONTHS = 12        # qualifying spend over the last 12 months, as on the Tiers page
NEAR_TIER = 0.10        # "within 10 % of the next tier", the Tiers page's default
POINT_VALUE = 0.01      # value of a point, the Tiers page's default
LAUNCH_MONTHS = 6       # months before and after the launch, the Programme page's default


def _counted(key: str, n: int, lang: str, **kwargs) -> str:
    """A counted phrase of a reading, singular for one ("1 customer was new")."""
    return t_n(key, int(n), lang, n=fmt_number(n, lang), **kwargs)

def _change_sentence(metric, now, before, lang: str, help_kwargs: dict) -> str:
    label = t(f"metric.{metric.key}", lang, **help_kwargs)
    value = format_value(metric, now, lang)
    change = format_delta(metric, now, before, lang)
    # A change too small to show reads as none, not as "rose by 0.0%".
    if before is None or now is None or now == before or no_change(change):
        return t("pack.unchanged" if before is not None else "pack.value_only", lang,
                 label=label, now=value)
    change = (change or "").lstrip("-\u2212")
    if not change:
        return t("pack.value_only", lang, label=label, now=value)
    if metric.unit == "score":
        change = f"{change} {t('pack.points', lang)}"
    return t("pack.rose" if now > before else "pack.fell", lang, label=label, now=value,
             change=change)


def _signed(change: str | None) -> str:
    """A change with its direction written out: +1.2% as well as -1.2%."""
    if not change:
        return "–"
    if change.startswith(("-", "\u2212")) or no_change(change):
        return change
    return f"+{change}"


def headline_section(figures: dict, churn_days: int, nps_change: dict | None, lang: str
                     ) -> Section:
    """The Overview's tiles as a table (value, previous period, change) and the main changes in
    words. ``figures`` is :func:`loyalty.analysis.overview.overview`; ``nps_change`` is
    :func:`loyalty.analysis.nps.period_change` over the same two periods (None without answers)."""
    now, before = figures["current"], figures["previous"]
    if before is None or not before["orders"]:
        # Nothing to compare with: a change against it would mean nothing (as on the page).
        before = {k: None for k in now}
    rows = []
    for m in OVERVIEW:
        rows.append([t(f"metric.{m.key}", lang), format_value(m, now[m.key], lang),
                     format_value(m, before[m.key], lang) if before[m.key] is not None
                     else t("metric.not_available", lang),
                     _signed(format_delta(m, now[m.key], before[m.key], lang))])
    (start, end), previous = figures["period"], figures["previous_period"]
    blocks: list = []
    if previous is None or before["orders"] is None:
        blocks.append(Reading(t("pack.no_comparison", lang)))
    else:
        metrics = {m.key: m for m in OVERVIEW}
        said = []
        for key in READ_ALOUD:
            if now[key] is None:
                continue
            sentence = _change_sentence(metrics[key], now[key], before[key], lang,
                                        {"days": churn_days} if key == "churn_rate" else {})
            if key == "nps" and nps_change is not None:
                sentence += " " + t("pack.nps_real" if nps_change["significant"]
                                    else "pack.nps_noise", lang,
                                    low=fmt_number(nps_change["low"], lang, 1),
                                    high=fmt_number(nps_change["high"], lang, 1))
            said.append(sentence)
        blocks.append(Reading("\n".join(said)))
    header = [t("pack.col_figure", lang),
              t("pack.col_now", lang, start=fmt_date(start, lang), end=fmt_date(end, lang)),
              (t("pack.col_before", lang, start=fmt_date(previous[0], lang),
                 end=fmt_date(previous[1], lang)) if previous
               else t("pack.col_before_none", lang)),
              t("pack.col_change", lang)]
    blocks.append(Table(header, rows))
    blocks.append(Note(t("pack.headline_note", lang)))
    return Section("headline", t("pack.headline", lang), blocks)


def overview_section(ds: Dataset, f: Filters, figures: dict, lang: str) -> Section:
    """Revenue and active customers by month, members against non-members."""
    m = monthly(ds, f)
    blocks: list = []
    now = figures["current"]
    if len(m):
        best = m.loc[m["revenue"].idxmax()]
        blocks.append(Reading(t("pack.overview_best_month", lang,
                                month=_month_name(best["month"], lang),
                                revenue=fmt_money(best["revenue"], lang, 0))))
    if now["member_revenue_share"] is not None:
        blocks.append(Reading(t("pack.overview_members", lang,
                                share=fmt_percent(now["member_revenue_share"], lang))))
    blocks.append(Chart(t("overview.revenue_chart", lang), charts.revenue_and_active(m, lang)))
    if charts.has_partial_months(m):
        blocks.append(Note(t("chart.partial_note", lang)))
    if ds.has("members"):
        blocks.append(Chart(t("overview.members_chart", lang), charts.members_revenue(m, lang)))
        comparison = members_comparison(ds, f)
        blocks.append(frame_table(charts.members_table(comparison, lang),
                                  charts.members_table_kinds(lang), lang))
    else:
        blocks.append(Note(t("overview.no_members", lang)))
    return Section("overview", t("nav.overview", lang), blocks)


def _month_name(value, lang: str) -> str:
    from babel.dates import format_date

    from loyalty.presentation.i18n import LOCALES
    return format_date(pd.Timestamp(value), "MMMM yyyy", locale=LOCALES[lang])


def segments_section(customers, presence, churn_days: int, lang: str) -> Section:
    """Customers, revenue and churn per loyalty type, and how the types differ, counted by the
    engine from ``customers`` and the data's signal ``presence`` (both from
    :func:`board_pack.customer_table`)."""
    from loyalty.analysis import customer_table as ct
    from loyalty.analysis.type_counts import told_and_missing
    present, known = presence
    untellable = told_and_missing(TYPE_RULES, present, known)[0]
    told = [ty for ty in TYPES if ty not in untellable]
    shown = [*told, *UNTYPED]
    per = ct.type_breakdown(customers, shown)
    blocks: list = []
    typed = per.loc[[ty for ty in told if per.at[ty, "customers"] > 0]]
    if len(typed):
        top = typed["customers"].idxmax()
        blocks.append(Reading(t("pack.types_largest", lang, type=t(f"type.{top}", lang),
                                customers=fmt_number(typed.at[top, "customers"], lang),
                                share=fmt_percent(typed.at[top, "share"], lang),
                                revenue=fmt_percent(typed.at[top, "revenue_share"], lang))))
        richest = typed["revenue_per_customer"].idxmax()
        blocks.append(Reading(t("pack.types_richest", lang, type=t(f"type.{richest}", lang),
                                spend=fmt_money(typed.at[richest, "revenue_per_customer"], lang,
                                                0))))
    frame = pd.DataFrame({
        t("seg.col_type", lang): [t(f"type.{ty}", lang) for ty in shown],
        t("seg.col_customers", lang): per["customers"].to_numpy(),
        t("seg.col_share", lang): per["share"].to_numpy(),
        t("seg.col_revenue_share", lang): per["revenue_share"].to_numpy(),
        t("seg.col_spend", lang): per["revenue_per_customer"].to_numpy(),
        t("seg.col_churn", lang): per["churned"].to_numpy(),
    })
    blocks.append(frame_table(frame, {
        t("seg.col_customers", lang): "count", t("seg.col_share", lang): "percent",
        t("seg.col_revenue_share", lang): "percent", t("seg.col_spend", lang): "money",
        t("seg.col_churn", lang): "percent"}, lang))
    blocks.append(Note(t("seg.summary_help", lang, days=churn_days)))
    if untellable:
        blocks.append(Note(t("seg.cannot_tell", lang) + ": " + "; ".join(
            f"{t(f'type.{ty}', lang)} ({t(f'needs.{ty}', lang)})" for ty in untellable)))
    judged = customers.filter(~customers.loyalty_type.isin(list(UNTYPED)))
    cols = ct.profile_columns(ct.known_columns(judged, list(ct.PROFILE_SIGNALS)))
    profile = ct.type_profile(judged, cols, TYPES)
    if len(profile) >= 2:
        blocks.append(Chart(t("seg.profile", lang), charts.type_profile(profile, lang), 400))
    return Section("segments", t("nav.segments", lang), blocks)


def nps_section(ds: Dataset, f: Filters, lang: str,
                compared: tuple[dt.date, dt.date] | None = None) -> Section:
    """NPS by month with its interval, this period against the ``compared`` dates (the
    sidebar's comparison; none: no comparison), the scores."""
    if not ds.has("surveys"):
        return Section("nps", t("nav.nps", lang), [Note(t("nps.no_surveys", lang))])
    s = filtered_surveys(ds, f)
    surveys = s.filter(in_days(s.date, f.start, f.end))
    change = None
    if compared is not None:
        pstart, pend = compared
        change = period_change(surveys, s.filter(in_days(s.date, pstart, pend)))
    blocks: list = [Reading(nps_change_text(change, pstart, pend, lang) if change
                            else t("nps.compare_missing", lang))]
    trend = nps_by_period(surveys, "M")
    if trend.empty:
        blocks.append(Note(t("nps.no_answers", lang)))
    else:
        blocks.append(Chart(t("nps.trend", lang), charts.nps_trend(trend, lang)))
        if not trend["reliable"].all():
            blocks.append(Note(t("nps.unreliable", lang, n=MIN_RESPONSES)))
        blocks.append(Chart(t("nps.distribution", lang),
                            charts.score_histogram(score_distribution(surveys), lang), 300))
    return Section("nps", t("nav.nps", lang), blocks)


def churn_section(ds: Dataset, f: Filters, first: dt.date, last: dt.date, lang: str,
                  settings=None, presence=None) -> Section:
    """New, reactivated and churned customers per month, churn by loyalty type; the settings'
    churn window in days without a purchase makes a churn (None: what the data suggests).
    ``presence``: the data's signals (:func:`board_pack.customer_table`), which no window
    changes; asked again when not given."""
    from loyalty.analysis import customer_table as ct
    from loyalty.presentation.board_pack import PackSettings
    settings = settings or PackSettings()
    window = settings.churn_window
    suggestion = suggested_window(ds, f)
    chosen = window is not None
    window = int(window if chosen else suggestion["days"])
    m = monthly_movements(ds, window, f, f.end)
    m = m[m["month"] >= pd.Timestamp(f.start).to_period("M").to_timestamp()].copy()
    m["coverage"] = month_coverage(m["month"], max(f.start, first), min(f.end, last)).values
    counts = {k: int(m[k].sum()) for k in ("new", "reactivated", "churned")}
    blocks: list = [Reading(t("pack.churn_reading", lang, days=window,
                              rate=fmt_percent(m["churn_rate"].mean(), lang),
                              **{k: _counted(key, counts[k], lang) for k, key in (
                                  ("new", "pack.n_new"), ("reactivated", "pack.n_back"),
                                  ("churned", "pack.n_churned"))}))]
    if suggestion["gaps"] and not chosen:
        blocks.append(Note(t("churn.window_reason", lang, days=window,
                             share=fmt_percent(suggestion["quantile"], lang, 0),
                             median=fmt_number(suggestion["gap_median"], lang),
                             gaps=fmt_number(suggestion["gaps"], lang))))
    blocks.append(Chart(t("churn.movements", lang), charts.movements(m, lang)))
    if charts.has_partial_months(m):
        blocks.append(Note(t("chart.partial_note", lang)))
    customers = ct.with_types(ct.customer_table(ds, f.end, f, window), settings.rules,
                              settings.min_orders, present=presence)
    by_type = ct.churn_by_in_engine(customers, "loyalty_type")
    if by_type["churn_rate"].fillna(0).gt(0).any():
        blocks.append(Chart(t("churn.by_loyalty_type", lang),
                            charts.share_bars(by_type, lang, lambda v: t(f"type.{v}", lang)),
                            320))
        blocks.append(Note(t("churn.by_help", lang, days=window)))
    else:
        # Bars all at zero would be an empty frame with a "0 %" axis.
        blocks.append(Note(t("pack.churn_none_by_type", lang)))
    return Section("churn", t("nav.churn", lang), blocks)


def tiers_section(ds: Dataset, f: Filters, lang: str, months: int = TIER_MONTHS) -> Section:
    """Customers per tier (qualifying spend over ``months``), movement between the period's
    start and end, points."""
    from loyalty.analysis import tier_counts as tc
    from loyalty.planning.tier_plan import infer_ladder_in_engine
    spend_end = tc.spend_table(ds, f.end, months, f)
    spend_start = tc.spend_table(ds, f.start - dt.timedelta(days=1), months, f)
    inferred = (infer_ladder_in_engine(ds.table("members"), spend_end)
                if ds.has("members") and "tier" in ds.fields("members") else None)
    info = ({"ladder": inferred, "source": "members"} if inferred
            else today_ladder(None, None, lang))
    ladder = tuple(info["ladder"])
    moved = tc.movement(spend_start, spend_end, ladder)
    n_near = int(tc.near_next(spend_end, ladder, NEAR_TIER).count().execute())
    blocks: list = [Reading(t("pack.tiers_reading", lang, start=fmt_date(f.start, lang),
                              end=fmt_date(f.end, lang),
                              up=_counted("pack.n_up", moved["upgrades"], lang),
                              down=_counted("pack.n_down", moved["downgrades"], lang),
                              stay=_counted("pack.n_stay", moved["stays"], lang),
                              near=_counted("pack.n_near", n_near, lang,
                                            within=fmt_percent(NEAR_TIER, lang, 0))))]
    if info["source"] == "default":
        blocks.append(Note(t("tiers.example_ladder", lang)))
    per_tier = tc.distribution(spend_end, ladder)
    total = per_tier.attrs["total"] or 1.0
    rows = []
    for name, floor in ladder:
        count, spend = per_tier.reindex([name]).fillna(0).iloc[0][["customers", "spend"]]
        rows.append([name, fmt_money(floor, lang, 0), fmt_number(int(count), lang),
                     fmt_money(spend, lang, 0), fmt_percent(spend / total, lang)])
    blocks.append(Table([t("field.tier", lang), t("pack.tier_from", lang),
                         t("seg.col_customers", lang), t("tiers.spend", lang),
                         t("seg.col_revenue_share", lang)], rows))
    blocks.append(Note(t("tiers.by_spend", lang, months=months)))
    blocks.append(Chart(t("tiers.movement", lang), charts.tier_matrix(moved["matrix"], lang),
                        320))
    if {"points_earned", "points_redeemed"} & ds.fields("transactions"):
        pts = points_over_time(ds, "M", POINT_VALUE, f, launch_date(ds))
        if len(pts):
            last = pts.iloc[-1]
            blocks.append(Reading(t("pack.points_reading", lang,
                                    outstanding=fmt_number(last["outstanding"], lang),
                                    liability=fmt_money(last["liability"], lang),
                                    value=fmt_money(POINT_VALUE, lang, 3))))
            blocks.append(Chart(t("tiers.points_title", lang), charts.points_chart(pts, lang)))
    return Section("tiers", t("nav.tiers", lang), blocks)


def programme_section(ds: Dataset, f: Filters, first: dt.date, lang: str,
                      compare_with: Comparison = PREVIOUS) -> Section:
    """Members against non-members, and before against after the launch."""
    if not ds.has("members"):
        return Section("programme", t("nav.programme", lang), [Note(t("overview.no_members",
                                                                      lang))])
    comparison = members_comparison(ds, f)
    table = charts.members_table(comparison, lang)
    retention = retention_by_membership(ds, f, compare_with).set_index("group")
    table[t("prog.retention", lang)] = [retention["retention"].get(g)
                                        for g in comparison["group"]]
    blocks: list = []
    found = launch_date(ds)
    # As the page: the launch the members file implies, kept inside the period.
    launch = min(max(found or first + (f.end - first) / 2, first), f.end)
    result = launch_effect(ds, launch, LAUNCH_MONTHS, f)
    if result["effect"] is None:
        blocks.append(Reading(t("prog.no_groups", lang)))
    else:
        clear = result["low"] > 0 or result["high"] < 0
        blocks.append(Reading(t("pack.programme_reading", lang, launch=fmt_date(launch, lang),
                                months=LAUNCH_MONTHS, effect=fmt_money(result["effect"], lang),
                                low=fmt_money(result["low"], lang),
                                high=fmt_money(result["high"], lang))
                              + " " + t("prog.significant" if clear else "prog.not_significant",
                                        lang)))
    blocks.append(frame_table(table, {**charts.members_table_kinds(lang),
                                      t("prog.retention", lang): "percent"}, lang))
    blocks.append(Note(t("prog.retention_help", lang)))
    if result["effect"] is not None:
        blocks.append(Chart(t("prog.launch", lang), plan_charts.launch_chart(result["table"],
                                                                             lang)))
    return Section("programme", t("nav.programme", lang), blocks)


def scenarios_section(saved: list[scen.Scenario], lang: str, none_key: str) -> Section:
    """Saved what-if scenarios side by side, then each one's assumptions and charts;
    ``none_key`` says why there are none."""
    title = t("pack.scenarios", lang)
    if not saved:
        return Section("scenarios", title, [Note(t(none_key, lang))])
    compare = scen.compare_table(saved, lang)
    blocks: list = [Reading(t("pack.scenarios_reading", lang, n=len(saved))),
                    Table([t("scen.compare", lang), *compare.columns],
                          [[str(i), *map(str, row)] for i, row in zip(compare.index,
                                                                    compare.to_numpy())])]
    levers = pd.DataFrame({
        key: [s.results.get(key) for s in saved]
        for key in ("tier_margin", "discount_profit", "retention_profit")},
        index=[s.name for s in saved])
    blocks.append(Chart(t("scen.compare", lang), plan_charts.scenario_bars(levers, lang)))
    for s in saved:
        assumptions = scen.assumptions_table(s, lang)
        # Label and value, both text (a list of benefits is not a figure to right-align).
        blocks.append(Table([f"{s.name} · {t('scen.assumptions', lang)}", ""],
                            [list(map(str, row)) for row in assumptions.to_numpy()],
                            numeric_from=2))
        for key in s.figures:
            blocks.append(Chart(f"{s.name}: {t(key, lang)}", s.figure(key, lang)))
    return Section("scenarios", title, blocks)
