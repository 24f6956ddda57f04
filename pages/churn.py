"""Churn and retention: inactivity window, monthly movements, cohorts, who is about to leave."""

import datetime as dt

import pandas as pd
import streamlit as st

from loyalty.presentation import charts
from loyalty.analysis.churn import churn_by, retention_curves
from loyalty.presentation.csvsafe import to_csv_bytes
from loyalty.presentation.i18n import fmt_number, fmt_percent
from loyalty.analysis.lifecycle import lifecycle_stage
from loyalty.analysis.periods import month_coverage
from ui import plan_state, remembered, state, tables
from ui.choices import localized
from ui.state import tr
from ui.widgets import guarded, lazy_tabs, page_start


def _window(ds, f, lang: str) -> int:
    suggestion = state.suggested_window(*state.key(ds), f)
    key = f"churn_window_{ds.uid}_{ds.version}"
    chosen = remembered.value(remembered.CHURN_WINDOW)
    if key not in st.session_state and chosen is not None:
        st.session_state[key] = chosen
    days = st.slider(tr("churn.window"), 14, 365, suggestion["days"], step=7,
                     key=key, help=tr("churn.window_help"))
    # Kept only when the manager moved it: otherwise it follows the data's suggestion.
    remembered.keep(remembered.CHURN_WINDOW, None if days == suggestion["days"] else int(days))
    if suggestion["gaps"]:
        st.caption(tr("churn.window_reason", days=suggestion["days"],
                      share=fmt_percent(suggestion["quantile"], lang, 0),
                      median=fmt_number(suggestion["gap_median"], lang),
                      gaps=fmt_number(suggestion["gaps"], lang)))
    return int(days)


def _movements_tab(ds, f, window: int, lang: str) -> None:
    m = state.movements(*state.key(ds), f, window)
    m = m[m["month"] >= pd.Timestamp(f.start).to_period("M").to_timestamp()].copy()
    choices = state.filter_choices(*state.key(ds))
    m["coverage"] = month_coverage(m["month"], max(f.start, choices["first"]),
                                   min(f.end, choices["last"])).values
    st.subheader(tr("churn.movements"), help=tr("churn.movements_help", days=window))
    st.plotly_chart(charts.movements(m, lang), key="churn_movements")
    if charts.has_partial_months(m):
        st.caption(tr("chart.partial_note"))
    counts = {tr(f"churn.{k}"): m[k].to_numpy() for k in ("active", "new", "reactivated",
                                                          "churned")}
    tables.show(pd.DataFrame({tr("chart.month"): pd.to_datetime(m["month"]).dt.date.to_numpy(),
                              **counts, tr("churn.monthly_rate"): m["churn_rate"].to_numpy()}),
                {tr("chart.month"): "month", **{c: "count" for c in counts},
                 tr("churn.monthly_rate"): "percent"}, key="churn_movements_table")


def _cohorts_tab(ds, f, lang: str) -> None:
    c = state.cohorts(*state.key(ds), f)
    if c.empty:
        st.info(tr("app.no_data"))
        return
    kind = localized(st.radio, tr("churn.cohort_value"), ["retention", "revenue_retention"],
                     horizontal=True, format_func=lambda k: tr(f"churn.{k}"), key="churn_kind")
    st.subheader(tr("churn.cohorts"), help=tr(f"churn.{kind}_help"))
    st.plotly_chart(charts.cohort_heatmap(c, lang, kind), key="churn_cohorts")
    default_launch = None
    if ds.has("members") and "joined" in ds.fields("members"):
        default_launch = ds.table("members").joined.min().execute()
    first, last = c["cohort"].min().date(), c["cohort"].max().date()
    if default_launch is None or pd.isna(default_launch):
        # No programme in the data: a launch is only marked when the manager names one.
        if not st.checkbox(tr("churn.launch_ask"), key="churn_launch_ask",
                           help=tr("churn.launch_ask_help")):
            return
        default_launch = first + (last - first) / 2
    default_launch = pd.Timestamp(default_launch).date()
    launch = st.date_input(tr("churn.launch"), value=min(max(default_launch, first), last),
                           min_value=first, max_value=last, key="churn_launch",
                           help=tr("churn.launch_help"),
                           format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD")
    if isinstance(launch, dt.date):
        curves = retention_curves(c, launch)
        if curves["group"].nunique() == 2:
            st.plotly_chart(charts.retention_compare(curves, lang), key="churn_launch_curves")
            st.caption(tr("churn.launch_caveat"))


# Below this many customers the purchase model's chances are rough guesses.
SMALL_SAMPLE = 200


def _at_risk_tab(ds, f, base, window: int, lang: str) -> None:
    source = _RiskInEngine(ds, f, window) if ds.customers_stay_in_engine else _RiskInMemory(
        ds, f, base)
    if not source.fitted:
        st.info(tr("churn.no_model"))
        return
    st.caption(tr("churn.p_alive_help"))
    if source.customers < SMALL_SAMPLE:
        # A model fitted on a handful of customers gives chances that look precise and are not.
        st.warning(tr("churn.small_sample", n=fmt_number(source.customers, lang),
                      minimum=fmt_number(SMALL_SAMPLE, lang)))
    left, right = st.columns(2)
    # Whole percentages: a slider prints its raw value, and 0.30 reads worse than 30 %.
    cut = left.slider(tr("churn.cut"), 5, 90, 30, 5, format=tr("unit.pct_format"), key="churn_cut",
                      help=tr("churn.cut_help"))
    top = right.slider(tr("churn.top_value"), 5, 100, 30, 5, format=tr("unit.pct_format"), key="churn_top",
                       help=tr("churn.top_value_help"))
    cut, top = cut / 100, top / 100
    chances, weights = source.chances()
    st.plotly_chart(charts.p_alive_histogram(chances, cut, lang, weights), key="churn_palive")
    n, risk, counts, everyone = source.at_risk(cut, top)
    st.subheader(tr("churn.at_risk", n=fmt_number(n, lang)))
    shown = pd.DataFrame({
        tr("field.customer_id"): risk.index,
        tr("seg.col_revenue"): risk["revenue"].to_numpy(),
        tr("churn.p_alive"): risk["p_alive"].to_numpy(),
        tr("churn.expected_90"): risk["expected_purchases_90d"].to_numpy(),
        tr("churn.clv"): risk["clv_12m"].to_numpy(),
        tr("seg.col_type"): [tr(f"type.{t}") for t in risk["loyalty_type"]],
    })
    tables.show(shown, {tr("seg.col_revenue"): "money", tr("churn.p_alive"): "percent",
                        tr("churn.expected_90"): "decimal", tr("churn.clv"): "money"},
                key="churn_risk_table",
                # Short headers keep the list within the page at 1024 px; the help says
                # the figures are the model's expectations.
                helps={tr("churn.expected_90"): tr("churn.expected_90_help"),
                       tr("churn.clv"): tr("churn.clv_help")})
    # One line per type rather than a column: the advice is long and the same for every row
    # of a type, and as a column it ran off the table's right edge.
    if n:
        st.markdown(f"**{tr('seg.col_action')}**")
        st.markdown("\n".join(f"- **{tr(f'type.{t}')}** ({fmt_number(k, lang)}): "
                               f"{tr(f'action.{t}')}" for t, k in counts.items()))

    def export() -> bytes:
        rows = everyone().reset_index()[["customer_id", "revenue", "p_alive",
                                         "expected_purchases_90d", "clv_12m", "loyalty_type"]]
        return to_csv_bytes(rows.round(4), lang)
    # Written when clicked: the whole list is fetched only for the download.
    st.download_button(tr("churn.download"), export, file_name="at_risk.csv", mime="text/csv",
                       key="churn_download", disabled=not n)


def _by_count(counts):
    """Most customers first; types with as many in the order of their names."""
    frame = counts.rename("n").rename_axis("type").reset_index()
    frame = frame.sort_values(["n", "type"], ascending=[False, True])
    return pd.Series(frame["n"].to_numpy(), index=frame["type"].to_numpy())


# The at-risk table shows this many customers; the download has them all.
RISK_SHOWN = 500


class _RiskInMemory:
    """The at-risk figures from the session's per-customer values (DuckDB)."""

    def __init__(self, ds, f, base):
        self.value = state.customer_value(*state.key(ds), f)
        self._base = base
        self.fitted = not self.value["p_alive"].isna().all()
        self.customers = len(self.value)

    def chances(self):
        return self.value["p_alive"], None

    def at_risk(self, cut: float, top: float):
        base = self._base()
        value = self.value
        revenue = base["features"]["revenue"].reindex(value.index)
        valuable = revenue >= revenue.quantile(1 - top)
        risk = value[(value["p_alive"] < cut) & valuable].copy()
        # Reindexed: assigning a longer Series to an empty frame would fill it with everyone.
        risk["revenue"] = revenue.reindex(risk.index)
        risk["loyalty_type"] = base["types"].reindex(risk.index)
        risk = risk.sort_values(["revenue"], ascending=False)
        return (len(risk), risk.head(RISK_SHOWN), _by_count(risk["loyalty_type"].value_counts()),
                lambda: risk)


@st.cache_data(max_entries=8, show_spinner=False)
def _risk_model(uid: str, version: int, f):
    from loyalty.analysis import at_risk as ar
    from loyalty.analysis.clv import history_counts
    ds = state._DATASETS[uid]
    counts = history_counts(ds, f.end, f)
    fitted = ar.fit(ds, f.end, f, counts)
    if fitted is None:
        return None
    return fitted, ar.p_alive_counts(counts, fitted[0]), int(counts["customers"].sum())


@st.cache_data(max_entries=16, show_spinner=False)
def _risk_list(uid: str, version: int, f, window: int, cut: float, top: float):
    from loyalty.analysis import at_risk as ar
    ds = state._DATASETS[uid]
    (model, spend), _, _ = _risk_model(uid, version, f)
    risk = _risk_table(ds, f, window, model, cut, top)
    n = int(risk.count().execute())
    counts = risk.group_by("loyalty_type").aggregate(k=risk.count()).execute()
    counts = _by_count(counts.set_index("loyalty_type")["k"])
    first = risk.limit(RISK_SHOWN).execute().set_index("customer_id")
    return n, ar.with_values(first, model, spend), counts


def _risk_table(ds, f, window: int, model, cut: float, top: float):
    from loyalty.analysis import at_risk as ar
    from loyalty.analysis import customer_table as ct
    from loyalty.analysis.clv import history_table
    customers = ct.with_types(ct.customer_table(ds, f.end, f, window))
    return ar.at_risk(history_table(ds, f.end, f), customers, model, cut, top)


class _RiskInEngine:
    """The at-risk figures counted by the engine (the customers stay there, e.g. in Spark)."""

    def __init__(self, ds, f, window: int):
        self.ds, self.f, self.window = ds, f, window
        self._fit = _risk_model(ds.uid, ds.version, f)
        self.fitted = self._fit is not None
        self.customers = self._fit[2] if self.fitted else 0

    def chances(self):
        counts = self._fit[1]
        return counts["p_alive"], counts["customers"]

    def at_risk(self, cut: float, top: float):
        from loyalty.analysis import at_risk as ar
        n, first, counts = _risk_list(self.ds.uid, self.ds.version, self.f, self.window, cut,
                                      top)
        model, spend = self._fit[0]

        def everyone():
            rows = _risk_table(self.ds, self.f, self.window, model, cut, top).execute()
            return ar.with_values(rows.set_index("customer_id"), model, spend)
        return n, first, counts, everyone


def _groups_tab(ds, f, base, window: int, lang: str) -> None:
    st.caption(tr("churn.by_help", days=window))
    labels = {"loyalty_type": lambda v: tr(f"type.{v}"), "nps_category": lambda v: tr(f"nps.{v}s")}
    cols = st.columns(2)
    groups = (_groups_in_engine(ds.uid, ds.version, f, window) if ds.customers_stay_in_engine
              else _groups_in_memory(ds, f, base(), window))
    for i, (name, frame) in enumerate(groups.items()):
        if name == "tier":
            frame = plan_state.tiers_in_ladder_order(frame, ds, f, lang)
        with cols[i % 2]:
            st.markdown(f"**{tr(f'churn.by_{name}')}**")
            st.plotly_chart(charts.share_bars(frame, lang, labels.get(name, str)),
                            key=f"churn_by_{name}")


def _groups_in_memory(ds, f, base: dict, window: int) -> dict:
    churned = lifecycle_stage(base["features"], window) == "churned"
    feats = base["features"]
    options = {"loyalty_type": base["types"]}
    if "tier" in feats:
        options["tier"] = feats["tier"]
    if ds.has("surveys"):
        options["nps_category"] = state.latest_nps_category(*state.key(ds), f)
    if "top_channel" in feats:
        options["channel"] = feats["top_channel"]
    return {name: churn_by(attribute, churned) for name, attribute in options.items()}


@st.cache_data(max_entries=8, show_spinner=False)
def _groups_in_engine(uid: str, version: int, f, window: int) -> dict:
    """Churn per group counted by the engine (the customers stay there)."""
    from loyalty.analysis import customer_table as ct
    from loyalty.analysis.filters import filtered_surveys
    ds = state._DATASETS[uid]
    t = ct.with_types(ct.customer_table(ds, f.end, f, window))
    out = {"loyalty_type": ct.churn_by_in_engine(t, "loyalty_type")}
    if "tier" in t.columns:
        out["tier"] = ct.churn_by_in_engine(t, "tier")
    if ds.has("surveys"):
        out["nps_category"] = ct.churn_by_nps_category(filtered_surveys(ds, f), t)
    if "top_channel" in t.columns:
        out["channel"] = ct.churn_by_in_engine(t, "top_channel")
    return out


def render() -> None:
    lang = state.lang()
    ds = page_start("churn.title")
    if ds is None:
        return
    f = state.current_filters()
    st.caption(tr("churn.intro"))
    window = _window(ds, f, lang)
    def base() -> dict:
        return state.customer_base(*state.key(ds), f, window)

    lazy_tabs((
        (tr("churn.tab_movements"), lambda: _movements_tab(ds, f, window, lang)),
        (tr("churn.tab_cohorts"), lambda: _cohorts_tab(ds, f, lang)),
        (tr("churn.tab_risk"), lambda: _at_risk_tab(ds, f, base, window, lang)),
        (tr("churn.tab_groups"), lambda: _groups_tab(ds, f, base, window, lang))), "churn_tab")


guarded(render, state.lang())
