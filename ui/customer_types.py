"""What the Loyalty types page shows, from one of two places.

- :class:`InMemory` (DuckDB, embedded): one row per customer kept by the session, so a rule
  slider re-scores everybody with NumPy in milliseconds.
- :class:`InEngine` (Spark): the engine keeps the per-customer table and counts it
  (:mod:`loyalty.analysis.customer_table`); what comes back is one row per type, stage or cell,
  one customer for the drill-down and the chosen customers for an export.

Both offer the same methods, and the parity tests hold them to the same numbers.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import streamlit as st

from loyalty.analysis import customer_table as ct
from loyalty.analysis.customer_table import PROFILE_SIGNALS, profile_columns
from loyalty.analysis.filters import Filters
from loyalty.analysis.lifecycle import STAGES, flows
from loyalty.analysis.segments import (GROUPS, TYPE_RULES, TYPES, UNTYPED, missing_signals,
                                       primary_types, reasons_for, score_types, segment, type_codes,
                                       untellable_types)
from loyalty.analysis.type_figures import profile_of_codes, summary_of_codes
from loyalty.analysis.type_counts import _present, told_and_missing, type_counts

def _mix_frame(counts: dict) -> pd.DataFrame:
    """Customers per type (columns, in :data:`GROUPS` order) at each quarter end (rows); empty
    when there is no quarter to show."""
    if not counts:
        return pd.DataFrame()
    mix = pd.DataFrame(counts).T.fillna(0)
    return mix[[c for c in GROUPS if c in mix.columns]]


def _rfm_cells(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.groupby(["R", "F"]).size().rename("customers").reset_index()


class InMemory:
    """The page's figures from the session's per-customer base (``state.customer_base``).

    A rule change costs one type code per customer (:func:`segments.type_codes`, which scores
    again only the type whose rule moved) and the figures counted from those codes; the table of
    customers with their scores is built only for the customers shown or exported.
    """

    def __init__(self, ds, f: Filters, base: dict, rules: dict, min_orders: int,
                 lifecycle_before):
        self.base, self.sig, self.arrays = base, base["signals"], base["arrays"]
        self.code, told = type_codes(self.arrays, rules, min_orders)
        self.rules, self.min_orders, self._ds, self._f = rules, min_orders, ds, f
        self.untellable = [t for t in TYPES if t not in told]
        self.missing = missing_signals(self.arrays, rules, told)
        self._before = lifecycle_before

    def summary(self, groups) -> pd.DataFrame:
        a = self.arrays
        return summary_of_codes(self.code, groups,
                                self.base["features"]["revenue"].to_numpy(dtype=float),
                                a.values("orders_per_month"), self.base["churned"],
                                a.values("nps"))

    def has_nps(self) -> bool:
        return self.arrays.known("nps")

    def profile(self) -> pd.DataFrame:
        return profile_of_codes(self.code, {c: self.arrays.values(c)
                                            for c in profile_columns(self.known())})

    def stage_counts(self) -> pd.Series:
        return self.base["lifecycle"].value_counts().reindex(list(STAGES), fill_value=0)

    def flows(self) -> pd.DataFrame:
        return flows(self._before(), self.base["lifecycle"])

    def rfm_cells(self) -> pd.DataFrame:
        return _rfm_cells(self.base["rfm"])

    def mix(self) -> pd.DataFrame:
        from ui import state
        quarterly = state.quarterly_signals(*state.key(self._ds), self._f)
        return _mix_frame({end: segment(sig, self.rules, self.min_orders, explain=False)
                           .table["loyalty_type"].value_counts()
                           for end, sig in quarterly.items()})

    def example_id(self) -> str | None:
        return str(self.sig.index[0]) if len(self.sig) else None

    def near(self, text: str) -> list[str]:
        return [str(i) for i in self.sig.index if text.lower() in str(i).lower()][:10]

    def _rows(self, positions: np.ndarray) -> pd.DataFrame:
        """The customers at ``positions``: type, scores, signals, revenue, lifecycle and RFM."""
        sig = self.sig.iloc[positions]
        table = pd.DataFrame({"loyalty_type": primary_types(self.code[positions], sig.index)})
        for t in TYPES:
            table[f"score_{t}"] = self.arrays.score(self.rules[t])[positions]
        table = table.join(sig.drop(columns=["tenure_days", "recency_days"]))
        table["revenue"] = self.base["features"]["revenue"].iloc[positions]
        table["lifecycle"] = self.base["lifecycle"].iloc[positions]
        return table.join(self.base["rfm"].iloc[positions])

    def customer(self, customer_id: str) -> pd.Series | None:
        """One customer's row with ``reasons`` and ``score_<type>``; None when unknown."""
        at = self.sig.index.get_indexer([customer_id])
        if at[0] < 0:
            return None
        rows = self._rows(at)
        row = rows.iloc[0].copy()
        row["reasons"] = reasons_for(self.sig, rows, self.rules, self.arrays.present).iloc[0]
        return row

    def known(self) -> list[str]:
        return [c for c in self.sig.columns if self.arrays.known(c)]

    def count(self, kind: str, value) -> int:
        return len(self._chosen(kind, value))

    def export(self, kind: str, value) -> pd.DataFrame:
        chosen = self._rows(self._chosen(kind, value))
        return chosen.assign(reasons=reasons_for(self.sig, chosen, self.rules,
                                                 self.arrays.present))

    def _chosen(self, kind: str, value) -> np.ndarray:
        """Positions of the customers of one type, lifecycle stage or (R, F) cell."""
        if kind == "type":
            return np.flatnonzero(self.code == GROUPS.index(value))
        if kind == "lifecycle":
            return np.flatnonzero((self.base["lifecycle"] == value).to_numpy())
        r, f = value
        rfm = self.base["rfm"]
        return np.flatnonzero(((rfm["R"] == r) & (rfm["F"] == f)).to_numpy())


# Engine answers are cached at the UI edge: one Spark job per figure, not per rerun.
def _typed(ds, f: Filters, days: int, rules: dict, min_orders: int):
    return ct.with_types(ct.customer_table(ds, f.end, f, days), rules, min_orders,
                         present=signal_presence(ds.uid, ds.version, f, days))


def _cached(fn):
    return st.cache_data(max_entries=32, show_spinner=False)(fn)


@_cached
def signal_presence(uid: str, version: int, f: Filters, days: int):
    """The signals some customer has non-zero and those some customer has at all, in the
    engine's per-customer table (asked once per data version, filters and window)."""
    from ui.state import _DATASETS
    return _present(ct.customer_table(_DATASETS[uid], f.end, f, days))


@_cached
def _summary(uid, version, f, days, rules, min_orders, groups):
    from ui.state import _DATASETS
    return ct.type_breakdown(_typed(_DATASETS[uid], f, days, rules, min_orders), groups)


@_cached
def _profile(uid, version, f, days, rules, min_orders):
    from ui.state import _DATASETS
    t = _typed(_DATASETS[uid], f, days, rules, min_orders)
    judged = t.filter(~t.loyalty_type.isin(list(UNTYPED)))
    return ct.type_profile(judged, profile_columns(ct.known_columns(judged,
                                                                    list(PROFILE_SIGNALS))),
                           TYPES)


@_cached
def _stages(uid, version, f, days):
    from ui.state import _DATASETS
    return ct.stage_counts(ct.customer_table(_DATASETS[uid], f.end, f, days))


@_cached
def _flows(uid, version, f, days, before: dt.date):
    from ui.state import _DATASETS
    ds = _DATASETS[uid]
    return ct.stage_flows(ct.customer_table(ds, before, f, days),
                          ct.customer_table(ds, f.end, f, days))


@_cached
def _rfm(uid, version, f, days):
    from ui.state import _DATASETS
    return ct.rfm_counts(ct.customer_table(_DATASETS[uid], f.end, f, days))


@_cached
def _mix(uid, version, f, rules, min_orders):
    from ui.state import _DATASETS, quarter_ends
    ds = _DATASETS[uid]
    return _mix_frame({end: type_counts(ds, end, f, rules, min_orders)
                       for end in quarter_ends(uid, version, f)})


@_cached
def _count(uid, version, f, days, rules, min_orders, kind, value):
    from ui.state import _DATASETS
    t = _typed(_DATASETS[uid], f, days, rules, min_orders)
    return int(ct.chosen(t, kind, value).count().execute())


class InEngine:
    """The page's figures counted by the engine (the dataset keeps customers there)."""

    def __init__(self, ds, f: Filters, churn_days: int, rules: dict, min_orders: int):
        self.ds, self.f, self.days, self.rules, self.min_orders = (ds, f, churn_days, rules,
                                                                   min_orders)
        self._key = (ds.uid, ds.version, f, churn_days)
        self.present, self.known_signals = signal_presence(*self._key)
        self.untellable, self.missing = told_and_missing(rules, self.present, self.known_signals)

    def _table(self):
        return _typed(self.ds, self.f, self.days, self.rules, self.min_orders)

    def summary(self, groups) -> pd.DataFrame:
        return _summary(*self._key, self.rules, self.min_orders, tuple(groups))

    def has_nps(self) -> bool:
        return "nps" in self.known_signals

    def profile(self) -> pd.DataFrame:
        return _profile(*self._key, self.rules, self.min_orders)

    def stage_counts(self) -> pd.Series:
        return _stages(*self._key)

    def flows(self) -> pd.DataFrame:
        return _flows(*self._key, self.f.start - dt.timedelta(days=1))

    def rfm_cells(self) -> pd.DataFrame:
        return _rfm(*self._key)

    def mix(self) -> pd.DataFrame:
        return _mix(self.ds.uid, self.ds.version, self.f, self.rules, self.min_orders)

    def example_id(self) -> str | None:
        return ct.first_id(self._table())

    def near(self, text: str) -> list[str]:
        return ct.ids_like(self._table(), text)

    def _scored(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``rows`` (customers from the engine) with their scores and reasons, weighed with
        the whole data set's signals."""
        scores, _, _ = score_types(rows, self.rules, self.present)
        rows = rows.join(scores.add_prefix("score_"))
        return rows.assign(reasons=reasons_for(rows, rows, self.rules, self.present))

    def customer(self, customer_id: str) -> pd.Series | None:
        row = ct.one_customer(self._table(), customer_id)
        return None if row.empty else self._scored(row).iloc[0]

    def known(self) -> list[str]:
        return sorted(self.known_signals)

    def count(self, kind: str, value) -> int:
        return _count(*self._key, self.rules, self.min_orders, kind, value)

    def export(self, kind: str, value) -> pd.DataFrame:
        rows = ct.chosen(self._table(), kind, value).order_by("customer_id").execute()
        rows = self._scored(rows.set_index("customer_id"))
        # The columns and types the in-memory table has: the history columns only decide the
        # reasons, and orders are whole numbers.
        return rows.drop(columns=["tenure_days", "recency_days"]).astype({"orders": "int64"})


def untellable_by_default(ds, f: Filters, churn_days: int) -> list[str]:
    """The types the data cannot tell under the default rules (named in the rule editor)."""
    if ds.customers_stay_in_engine:
        present, known = signal_presence(ds.uid, ds.version, f, churn_days)
        return told_and_missing(TYPE_RULES, present, known)[0]
    from ui import state
    return untellable_types(state.customer_base(*state.key(ds), f, churn_days)["arrays"])


def for_page(ds, f: Filters, churn_days: int, rules: dict, min_orders: int):
    """The page's source of figures for ``ds``."""
    if ds.customers_stay_in_engine:
        return InEngine(ds, f, churn_days, rules, min_orders)
    from ui import state
    base = state.customer_base(*state.key(ds), f, churn_days)
    return InMemory(ds, f, base, rules, min_orders,
                    lambda: state.lifecycle_at(*state.key(ds), f,
                                               f.start - dt.timedelta(days=1), churn_days))
