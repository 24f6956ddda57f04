"""The manager's settings, kept in the open workspace: type-rule thresholds, the tier ladder,
the churn window, the what-if and programme inputs, and saved scenarios.

The controls stay ordinary widgets. At the start of each run (and of each what-if fragment
run) :func:`sync` keeps in the workspace whatever kept control changed since it was last
kept, and gives a kept control that is not in the session yet (a fresh session, a workspace
just opened, a page not shown since) its kept value before the page draws it.
"""

from __future__ import annotations

import re

import streamlit as st

from loyalty.planning.scenarios import Scenario
from loyalty.analysis.segments import TYPE_RULES
from ui import workspace
from ui.state import base_dataset

_RULE_KEYS = {f"seg_{ty}_{s.name}" for ty, rule in TYPE_RULES.items() for s in rule.signals}
_KEPT = re.compile(
    r"^(seg_min_orders|tiers_months|tiers_floor_\d+"
    r"|whatif_(margin|depth|types|cap_\w+|threshold|width|incremental|too_small|devalue"
    r"|saturation|elasticity_base|elasticity_high|ppu|point_value|zone|stretch|demotion_loss"
    r"|floor_\d+|(now|new)_(disc|mult|fixed)_\d+|churn|revenue|retention_cost|churn_cut|years)"
    r"|prog_(cost|margin|months))$")
# Controls that start from the data (today's tier ladder, the churn rate and revenue): typed for
# one data set, they mean nothing for the next.
_FROM_DATA = re.compile(r"^(tiers_floor_\d+|whatif_floor_\d+|whatif_churn|whatif_revenue)$")
_DATA_SEEN = "remembered_data"
SCENARIOS = "whatif_scenarios"
CHURN_WINDOW = "churn_window"
_CACHE = "remembered"


def kept(key: str) -> bool:
    """Whether the session-state entry ``key`` is a setting the workspace keeps."""
    return key in _RULE_KEYS or bool(_KEPT.match(key))


def _store() -> dict | None:
    """The settings kept in the open workspace (read once per workspace and session)."""
    ws = workspace.current()
    if ws is None:
        return None
    cached = st.session_state.get(_CACHE)
    if not cached or cached[0] != ws.id:
        cached = st.session_state[_CACHE] = (ws.id, base_dataset().settings())
    return cached[1]


def _scenario_values(saved: dict) -> list[dict]:
    return [s.to_dict() for s in saved.values()]


def sync() -> None:
    """Keep changed settings in the open workspace; give kept settings to the session."""
    store = _store()
    if store is None:
        return
    changed = {}
    for key in [k for k in st.session_state if isinstance(k, str) and kept(k)]:
        value = st.session_state[key]
        if isinstance(value, list):
            value = list(value)
        if store.get(key) != value:
            changed[key] = value
    if SCENARIOS in st.session_state:
        values = _scenario_values(st.session_state[SCENARIOS])
        if store.get(SCENARIOS) != values:
            changed[SCENARIOS] = values
    if changed:
        base_dataset().keep_settings(changed)
        store.update(changed)
    for key, value in store.items():
        if key == SCENARIOS:
            if SCENARIOS not in st.session_state:
                st.session_state[SCENARIOS] = {d["name"]: Scenario.from_dict(d) for d in value}
        elif kept(key) and key not in st.session_state:
            st.session_state[key] = value


def follow_data(ds) -> None:
    """Forget the controls that start from the data once the session's data changed (another
    file loaded, a file added), outside a workspace: the controls keep their values across pages
    (``persist_state="session"``), which must not carry one shop's tier ladder into the next's.
    A workspace keeps its own settings with its data."""
    seen = (ds.uid, ds.version)
    before = st.session_state.get(_DATA_SEEN)
    st.session_state[_DATA_SEEN] = seen
    if before is None or before == seen or workspace.current() is not None:
        return
    for key in [k for k in st.session_state if isinstance(k, str) and _FROM_DATA.match(k)]:
        del st.session_state[key]


def value(name: str):
    """A setting a page keeps itself (the churn window), or None."""
    store = _store()
    return None if store is None else store.get(name)


def keep(name: str, setting) -> None:
    """Keep (``None``: forget) a setting a page keeps itself."""
    store = _store()
    if store is None or store.get(name) == setting:
        return
    ds = base_dataset()
    if setting is None:
        ds.forget_settings([name])
        store.pop(name, None)
    else:
        ds.keep_settings({name: setting})
        store[name] = setting


def forget(prefix: str) -> None:
    """Forget the kept settings whose names start with ``prefix`` (a page's "reset")."""
    store = _store()
    if store is None:
        return
    names = [k for k in store if k.startswith(prefix)]
    base_dataset().forget_settings(names)
    for k in names:
        store.pop(k, None)


def clear_session() -> None:
    """Drop the session's kept settings (before another workspace's are given to it)."""
    for key in [k for k in st.session_state if isinstance(k, str)
                and (kept(k.split("@")[0]) or k.split("@")[0] == SCENARIOS
                     or k.startswith("churn_window_"))]:
        del st.session_state[key]
    st.session_state.pop(_CACHE, None)
