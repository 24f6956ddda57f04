"""The session's dataset, the current language and filters, and cached computations.

Each browser session gets its own DuckDB database (in ``st.session_state``), so one manager's
upload is never visible to another. Cached results are keyed by the dataset's id and version and
by the filters, and bounded.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import weakref

import pandas as pd
import streamlit as st

from loyalty.analysis import overview
from loyalty.storage.dataset import Dataset, open_demo
from loyalty.analysis.filters import Filters, choices
from loyalty.reading.currency import CHOICES as CURRENCY_CHOICES
from loyalty.reading.currency import dataset_currency
from loyalty.presentation.i18n import t, use_currency
from loyalty.analysis.periods import PREVIOUS, Comparison
from loyalty.settings import server_value
from loyalty.storage.workspaces import WorkspaceError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_DIR = os.path.join(ROOT, "data", "demo")

class _RunViews:
    """Dataset id -> the dataset as the calling script run queries it: through a cursor of the
    run's own (see :meth:`Dataset.cursor_view`).

    A run is told apart by its thread. When a run starts on a thread other than the one that
    queried last, the manager has clicked on while a page was still computing: the old run's
    query is interrupted and its cursor closed, so it stops promptly and never holds the
    connection the new run needs.
    """

    def __init__(self):
        self._bases: "weakref.WeakValueDictionary[str, Dataset]" = weakref.WeakValueDictionary()
        self._views: dict[tuple[str, int, int], Dataset] = {}
        self._lock = threading.Lock()

    def register(self, ds: Dataset) -> Dataset:
        self._bases[ds.uid] = ds
        return ds

    def __getitem__(self, uid: str) -> Dataset:
        base = self._bases[uid]
        key = (uid, base.version, threading.get_ident())
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                return view
            for other in [k for k in self._views if k[0] == uid]:
                _stop(self._views.pop(other))
            view = self._views[key] = base.cursor_view()
            return view

    def forget(self, uid: str) -> None:
        """Close the run views of a dataset that is being replaced."""
        with self._lock:
            for other in [k for k in self._views if k[0] == uid]:
                _stop(self._views.pop(other))


def _stop(view: Dataset) -> None:
    try:
        view.con.interrupt()
        view.con.close()
    except Exception:  # noqa: BLE001 - a cursor already gone needs no stopping
        pass


# Cached functions receive the dataset's id, not the dataset; this finds it again, as the
# calling run's view.
_DATASETS = _RunViews()


def _register(ds: Dataset) -> Dataset:
    return _DATASETS.register(ds)


def engine_options(*directories: str) -> dict:
    """How a session's dataset engine is set up: its share of the server's memory and cores
    (``loyalty.settings``), and locked to ``directories`` (the session's upload folder)."""
    return {"memory_mb": server_value("session_memory_mb"),
            "threads": server_value("session_threads"),
            "allowed_directories": list(directories)}


def dataset() -> Dataset:
    """This session's dataset, as this script run queries it: the open workspace's, else the
    bundled demo data until the manager loads their own."""
    from ui import workspace
    ws = workspace.current()
    if ws is not None:
        try:
            return _DATASETS[_register(workspace.dataset(ws)).uid]
        except WorkspaceError:
            # Held by another program since it was opened: back to the session's own data.
            workspace.leave()
            st.session_state["workspace_busy"] = True
    if "dataset" not in st.session_state:
        st.session_state["dataset"] = _register(_open_demo())
    # Registered again on every run: when the server reloads this module (a new release, or a
    # file changed on disk) the registry starts empty while the session keeps its dataset.
    return _DATASETS[_register(st.session_state["dataset"]).uid]


def base_dataset() -> Dataset:
    """The session's dataset itself (not a run's view of it): what loading changes."""
    from ui import workspace
    view = dataset()
    ws = workspace.current()
    if ws is not None:
        return workspace.dataset(ws)
    return st.session_state.get("dataset", view)


def replace_dataset(ds: Dataset) -> None:
    """Work on ``ds`` (the session's own data) from now on, leaving any open workspace."""
    from ui import workspace
    workspace.leave()
    old = st.session_state.get("dataset")
    st.session_state["dataset"] = _register(ds)
    if old is not None and old is not ds:
        _DATASETS.forget(old.uid)
        old.close()


def _open_demo():
    """The demo on the server's engine (see :mod:`ui.engine`)."""
    from ui import engine
    if engine.engine() == "spark":
        return engine.open_spark_demo(DEMO_DIR, engine.spark_remote())
    return open_demo(DEMO_DIR, **engine_options())


def use_demo() -> None:
    replace_dataset(_open_demo())


def clear_dataset() -> None:
    ds = Dataset(**engine_options())
    ds.label = "empty"
    replace_dataset(ds)


_LANG_KEPT = "app_lang_kept"


def keep_language(value: str | None = None) -> None:
    """Keep the language outside the radio (``value``, or the radio's when it is clicked).

    A radio whose value was set from code (a link's ``lang``) fell back to English on the next
    page: the browser sent the radio's first option. :func:`hold_language` gives the radio the
    kept value before every run draws it."""
    st.session_state[_LANG_KEPT] = value or st.session_state.get("app_lang", "en")


def hold_language() -> None:
    """Before the language radio is drawn: the kept language, if any."""
    if _LANG_KEPT in st.session_state:
        st.session_state["app_lang"] = st.session_state[_LANG_KEPT]


def lang() -> str:
    return st.session_state.get("app_lang", "en")


def tr(key: str, **kwargs) -> str:
    return t(key, lang(), **kwargs)


def currency(ds: Dataset | None = None) -> str:
    """The currency this session's figures are named in: the manager's choice for this dataset,
    else what its exports say (the demo is in euros)."""
    ds = ds or dataset()
    chosen = st.session_state.get("data_currency")
    if chosen and chosen[0] == ds.uid:
        return chosen[1]
    if ds.label == "demo":
        return "EUR"
    found = st.session_state.get("data_currency_found")
    if not found or found[0] != key(ds):
        found = (key(ds), dataset_currency(ds.reports))
        st.session_state["data_currency_found"] = found
    return found[1]


def apply_currency() -> None:
    """Name money in the session's currency for the rest of this run (or fragment run)."""
    use_currency(currency())


def currency_select(lang: str) -> None:
    """Let the manager correct the currency the data was read in (amounts are not converted)."""
    ds = dataset()
    found = currency(ds)
    options = list(dict.fromkeys([found, *CURRENCY_CHOICES]))
    picked = st.selectbox(t("data.currency", lang), options, index=0,
                          key=f"data_currency_{ds.uid}", help=t("data.currency_help", lang))
    if picked != found:
        st.session_state["data_currency"] = (ds.uid, picked)
        st.rerun()


def key(ds: Dataset) -> tuple[str, int]:
    return ds.uid, ds.version


@st.cache_data(max_entries=16, show_spinner=False)
def filter_choices(uid: str, version: int) -> dict:
    return choices(_DATASETS[uid])


@st.cache_data(max_entries=16, show_spinner=False)
def customer_count(uid: str, version: int) -> int:
    """Distinct identified customers in the transactions (shown in the demo note)."""
    tx = _DATASETS[uid].table("transactions")
    return int(tx.customer_id.nunique().execute() or 0)


@st.cache_data(max_entries=16, show_spinner=False)
def customer_ids(uid: str, version: int) -> dict:
    """How the customer ids in the transactions become the customers the figures count."""
    return overview.customer_ids(_DATASETS[uid])


@st.cache_data(max_entries=64, show_spinner=False)
def overview_figures(uid: str, version: int, filters: Filters, churn_days: int,
                     comparison: Comparison = PREVIOUS) -> dict:
    return overview.overview(_DATASETS[uid], filters, churn_days, comparison)


@st.cache_data(max_entries=64, show_spinner=False)
def monthly(uid: str, version: int, filters: Filters):
    return overview.monthly(_DATASETS[uid], filters)


@st.cache_data(max_entries=64, show_spinner=False)
def members_comparison(uid: str, version: int, filters: Filters):
    return overview.members_comparison(_DATASETS[uid], filters)


def current_filters() -> Filters:
    """The filters the sidebar holds now (set by app.py on every run)."""
    return st.session_state.get("app_filters", Filters())


def current_comparison() -> Comparison:
    """What the sidebar says the period is compared with (set by app.py on every run); kept
    apart from the filters so that changing it recomputes only the comparisons."""
    return st.session_state.get("app_comparison", PREVIOUS)


# A resource, not data: st.cache_data would pickle and unpickle this table on every rerun (a
# second per slider move at a million customers). Sharing it is safe because pages only derive
# new frames from it, and pandas' copy-on-write keeps derived frames from writing back.
@st.cache_resource(max_entries=4, show_spinner=False)
def features(uid: str, version: int, filters: Filters) -> pd.DataFrame:
    """Per-customer features at the end of the period (one row per customer), shared by every
    churn window and rule set."""
    from loyalty.analysis.features import customer_features

    return customer_features(_DATASETS[uid], filters.end, filters)


@st.cache_resource(max_entries=8, show_spinner=False)
def customer_base(uid: str, version: int, filters: Filters, churn_days: int) -> dict:
    """Per-customer features, signals (also as ``arrays``, which keep each type's last scores),
    lifecycle stage (and ``churned``, true in the churned stage), RFM and loyalty type (default
    rules) at the end of the period. Read-only: derive new frames, never assign into these."""
    from loyalty.analysis.lifecycle import lifecycle_stage, rfm_scores
    from loyalty.analysis.segments import SignalArrays, primary_types, signals, type_codes

    f = features(uid, version, filters)
    sig = signals(f)
    arrays = SignalArrays(sig)
    lifecycle = lifecycle_stage(f, churn_days)
    return {"features": f, "signals": sig, "arrays": arrays, "lifecycle": lifecycle,
            "churned": (lifecycle == "churned").to_numpy(dtype=bool), "rfm": rfm_scores(f),
            "types": primary_types(type_codes(arrays)[0], sig.index)}


@st.cache_data(max_entries=8, show_spinner=False)
def lifecycle_at(uid: str, version: int, filters: Filters, day: dt.date, churn_days: int):
    """Lifecycle stages on an earlier ``day`` (for flows between two dates)."""
    from loyalty.analysis.features import customer_features
    from loyalty.analysis.lifecycle import lifecycle_stage

    ds = _DATASETS[uid]
    f = customer_features(ds, day, filters)
    return lifecycle_stage(f, churn_days)


@st.cache_data(max_entries=8, show_spinner=False)
def quarterly_signals(uid: str, version: int, filters: Filters, quarters: int = 6) -> dict:
    """Signals at each of the last ``quarters`` quarter ends up to the period end (the type mix
    over time is then cheap to recompute when a threshold moves)."""
    from loyalty.analysis.features import customer_features
    from loyalty.analysis.segments import signals

    ds = _DATASETS[uid]
    return {end: signals(customer_features(ds, end, filters))
            for end in quarter_ends(uid, version, filters, quarters)}


def quarter_ends(uid: str, version: int, filters: Filters, quarters: int = 6) -> list[dt.date]:
    """The last ``quarters`` quarter ends up to the period end that follow the first day of
    data, oldest first."""
    ends = []
    q_end = (pd.Timestamp(filters.end) + pd.offsets.QuarterEnd(0)).date()
    if q_end > filters.end:
        q_end = (pd.Timestamp(filters.end) - pd.offsets.QuarterEnd(1)).date()
    for _ in range(quarters):
        ends.append(q_end)
        q_end = (pd.Timestamp(q_end) - pd.offsets.QuarterEnd(1)).date()
    first = filter_choices(uid, version)["first"]
    return sorted(e for e in ends if e > first)


@st.cache_data(max_entries=64, show_spinner=False)
def purchases_of(uid: str, version: int, customer_id: str):
    """One customer's transactions (date, amount): a short, one-customer frame."""
    tx = _DATASETS[uid].table("transactions")
    one = tx.filter(tx.customer_id == customer_id).select("date", "amount").order_by("date")
    return one.execute()


@st.cache_data(max_entries=8, show_spinner=False)
def customer_value(uid: str, version: int, filters: Filters):
    """BG/NBD p_alive, expected purchases (90 days) and 12-month CLV per customer."""
    from loyalty.analysis.clv import customer_value as value, purchase_histories

    hist = purchase_histories(_DATASETS[uid], filters.end, filters)
    return value(hist).join(hist)


@st.cache_data(max_entries=8, show_spinner=False)
def suggested_window(uid: str, version: int, filters: Filters) -> dict:
    from loyalty.analysis.churn import suggested_window as suggest
    return suggest(_DATASETS[uid], filters)


@st.cache_data(max_entries=16, show_spinner=False)
def movements(uid: str, version: int, filters: Filters, window: int):
    from loyalty.analysis.churn import monthly_movements
    return monthly_movements(_DATASETS[uid], window, filters, filters.end)


@st.cache_data(max_entries=8, show_spinner=False)
def cohorts(uid: str, version: int, filters: Filters):
    from loyalty.analysis.churn import cohorts as table
    return table(_DATASETS[uid], filters)


@st.cache_data(max_entries=8, show_spinner=False)
def latest_nps_category(uid: str, version: int, filters: Filters):
    """Each surveyed customer's category by their latest answer."""
    from loyalty.analysis.filters import filtered_surveys
    from loyalty.analysis.nps import latest_category

    return latest_category(filtered_surveys(_DATASETS[uid], filters))


# Resources, not data, like customer_base: a million customers' spend unpickled on every rerun
# cost the Tiers page a quarter of a second each, and its index rebuilt its lookup table.
# Read-only: derive new series, never assign into these.
@st.cache_resource(max_entries=8, show_spinner=False)
def qualifying_spend(uid: str, version: int, filters: Filters, day: dt.date, months: int):
    from loyalty.analysis.tiers import qualifying_spend as spend
    return spend(_DATASETS[uid], day, months, filters)


@st.cache_resource(max_entries=4, show_spinner=False)
def spend_positions(uid: str, version: int, filters: Filters, before: dt.date, after: dt.date,
                    months: int):
    """Where each customer with spend up to ``before`` is among those up to ``after`` (-1: not
    there): a threshold change re-tiers both lists without looking a million ids up again."""
    from loyalty.analysis.tiers import customer_positions
    return customer_positions(qualifying_spend(uid, version, filters, before, months),
                              qualifying_spend(uid, version, filters, after, months))


@st.cache_data(max_entries=16, show_spinner=False)
def points(uid: str, version: int, filters: Filters, point_value: float):
    """Points per month from the programme's launch (the members file's first join date)."""
    from loyalty.analysis.programme import launch_date
    from loyalty.analysis.tiers import points_over_time
    ds = _DATASETS[uid]
    return points_over_time(ds, "M", point_value, filters, launch_date(ds))


@st.cache_resource(max_entries=4, show_spinner=False)
def member_tiers(uid: str, version: int):
    """The tier each member has in the members file (one row per member)."""
    m = _DATASETS[uid].table("members").select("customer_id", "tier").execute()
    return m.set_index("customer_id")["tier"]
