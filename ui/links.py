"""Shareable links: the address bar carries the view, so a copied link opens the same view.

The page is the URL's path (``/net-promoter``); the query carries the open workspace (``ws``),
the language (``lang``), the period (``from``, ``to``), the filters (``tier``, ``channel``, ``store``, repeated for several),
the comparison (``cmp``, with ``cfrom`` and ``cto`` for a custom one) and, on the What-if page,
its settings (``w_<setting>``; ``wl_<setting>`` for a list). The query is rewritten on every run;
it is read once, on a session's first run, to seed the widgets. A link is text anyone can edit:
values that do not fit (an unknown tier, a date outside the data, a number a slider refuses) are
left out without a word, and the widget keeps its default. A link to data the session does not
have yet applies once that data is loaded.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import streamlit as st

from loyalty.analysis.filters import Filters
from loyalty.presentation.i18n import LANGUAGES
from loyalty.analysis.periods import COMPARISONS, Comparison
from loyalty.storage.workspaces import WorkspaceError
from ui import state, workspace

_LANG_READ = "app_link_lang_read"
_WS_READ = "app_link_workspace_read"
# The link the session was opened with ({"params": {parameter: [values]}, "used": whether it
# has been applied to data it fits, "suffix": the dataset it was last looked at for}).
_LINK = "app_link"
# What-if keys set from the link, until the What-if page has drawn them without complaint.
_SEEDED = "app_link_seeded"
# The What-if levers that have drawn since the link seeded them.
_DRAWN = "app_link_drawn"
# Sidebar filter: (query parameter, widget key prefix, key of its choices in filter_choices).
FILTERS = (("tier", "app_tiers", "tiers"), ("channel", "app_channels", "channels"),
           ("store", "app_stores", "stores"))
_WHATIF = "whatif_"
# What-if session keys that are not settings of a scenario: the box that names one.
_NOT_SETTINGS = {"whatif_name"}
_INT = re.compile(r"-?\d{1,15}")


def read_language() -> None:
    """Once per session, before the language is drawn: the link's language."""
    if st.session_state.get(_LANG_READ):
        return
    st.session_state[_LANG_READ] = True
    if st.query_params.get("lang") in LANGUAGES:
        state.keep_language(st.query_params["lang"])


def read_workspace() -> None:
    """Once per session, before its data is opened: the link's workspace, when the visitor has
    it (with sign-in, only their own); otherwise the session opens as it would without."""
    if st.session_state.get(_WS_READ):
        return
    st.session_state[_WS_READ] = True
    wid = st.query_params.get("ws")
    if not wid or workspace.current() is not None:
        return
    try:
        workspace.open_workspace(workspace.spaces().get(wid))
    except WorkspaceError:
        pass


def _dates(first_text, last_text, lowest: dt.date, highest: dt.date):
    """The link's from-to dates moved inside ``lowest``..``highest``; None when unreadable or
    when nothing of them lies inside."""
    try:
        start, end = dt.date.fromisoformat(first_text), dt.date.fromisoformat(last_text)
    except (TypeError, ValueError):
        return None
    start, end = max(start, lowest), min(end, highest)
    return (start, end) if start <= end else None


def _number(text: str):
    """An int or a float as :func:`_write_number` wrote it; None for anything else."""
    if _INT.fullmatch(text):
        return int(text)
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _fits(link: dict, choices: dict) -> bool:
    """Whether the link was most likely made on this data: its period lies wholly inside the
    data and the data has every tier, channel and store it names."""
    try:
        start = dt.date.fromisoformat(link.get("from", [""])[0])
        end = dt.date.fromisoformat(link.get("to", [""])[0])
    except (TypeError, ValueError):
        return False
    return (choices["first"] <= start <= end <= choices["last"]
            and all(v in choices[options] for param, _, options in FILTERS
                    for v in link.get(param, [])))


def _seed_dataset(link: dict, choices: dict, suffix: str) -> None:
    """The link's period, filters and custom comparison period for one dataset's widgets."""
    first, last = choices["first"], choices["last"]
    one = {k: v[0] for k, v in link.items() if v}
    period = _dates(one.get("from"), one.get("to"), first, last)
    if period:
        st.session_state[f"app_dates_{suffix}"] = period
    for param, key, options in FILTERS:
        picked = [v for v in dict.fromkeys(link.get(param, [])) if v in choices[options]]
        if picked:
            st.session_state[f"{key}_{suffix}"] = picked
    custom = _dates(one.get("cfrom"), one.get("cto"), first, last)
    if custom:
        st.session_state[f"app_compare_dates_{suffix}"] = custom


def _seed_session(link: dict) -> None:
    """The link's comparison choice and What-if settings (they belong to no dataset)."""
    if link.get("cmp", [None])[0] in COMPARISONS:
        st.session_state["app_compare"] = link["cmp"][0]
    seeded = []
    for name, values in link.items():
        if name.startswith("w_") and (value := _number(values[0])) is not None:
            key = _WHATIF + name[2:]
        elif name.startswith("wl_"):
            key, value = _WHATIF + name[3:], list(values)
        else:
            continue
        if key not in _NOT_SETTINGS:
            st.session_state[key] = value
            seeded.append(key)
    st.session_state[_SEEDED] = seeded
    st.session_state.pop(_DRAWN, None)


def read_view(choices: dict, suffix: str) -> None:
    """Before the sidebar filters are drawn: on the session's first run, the link's period,
    filters, comparison and What-if settings, for the dataset keyed by ``suffix`` whose
    :func:`ui.state.filter_choices` are ``choices``.

    The link is kept for the session: when it does not fit the data the session opened with (a
    colleague's link to their own data opens on the demo data) and the manager then loads data
    it fits (:func:`_fits`), its period and filters apply to that data, once.
    """
    if _LINK not in st.session_state:
        link = {k: st.query_params.get_all(k) for k in st.query_params}
        st.session_state[_LINK] = {"params": link, "used": _fits(link, choices),
                                   "suffix": suffix}
        _seed_dataset(link, choices, suffix)
        _seed_session(link)
        return
    kept = st.session_state[_LINK]
    if kept["used"] or kept["suffix"] == suffix:
        return
    kept["suffix"] = suffix
    if _fits(kept["params"], choices):
        kept["used"] = True
        _seed_dataset(kept["params"], choices, suffix)


def drop_refused() -> bool:
    """After a What-if part failed to draw: forget the what-if values the link set (a widget
    refused one: out of its range, or of the wrong kind). True when there were any, and the
    page should be drawn again with the defaults."""
    seeded = st.session_state.pop(_SEEDED, [])
    for key in seeded:
        st.session_state.pop(key, None)
    return bool(seeded)


def accepted(lever: str, levers: tuple[str, ...]) -> None:
    """A What-if lever has drawn the settings the link gave without complaint; once every lever
    has (its tabs draw one at a time), they are the manager's."""
    done = st.session_state.setdefault(_DRAWN, set())
    done.add(lever)
    if set(levers) <= done:
        st.session_state.pop(_SEEDED, None)


def _write_number(value) -> str:
    # Floats keep their point ("40.0") so the link gives a float-valued widget a float again.
    return str(value) if isinstance(value, int) else repr(float(value))


def _whatif_params() -> dict:
    out = {}
    for key, value in st.session_state.items():
        if not key.startswith(_WHATIF) or "@" in key or key in _NOT_SETTINGS:
            continue
        name = key[len(_WHATIF):]
        # Buttons and checkboxes hold bools; charts and tables hold their selection (a dict).
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out["w_" + name] = _write_number(value)
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            out["wl_" + name] = list(value)
    return out


def _view_params(lang: str, f: Filters, comparison: Comparison) -> dict:
    out: dict = {"lang": lang}
    if (ws := workspace.current()) is not None:
        out["ws"] = ws.id
    if f.start is not None and f.end is not None:
        out.update({"from": f.start.isoformat(), "to": f.end.isoformat()})
    for param, field in (("tier", "tiers"), ("channel", "channels"), ("store", "stores")):
        if getattr(f, field):
            out[param] = list(getattr(f, field))
    out["cmp"] = comparison.kind
    if comparison.kind == "custom" and comparison.start and comparison.end:
        out.update({"cfrom": comparison.start.isoformat(), "cto": comparison.end.isoformat()})
    return out


def _replace(params: dict) -> None:
    """Make the query ``params``, unless it is already (every write is a message to the
    browser)."""
    wanted = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    if {k: st.query_params.get_all(k) for k in st.query_params} != wanted:
        st.query_params.from_dict(params)


def write(lang: str, f: Filters, comparison: Comparison, whatif: bool) -> None:
    """The view as the query (at the end of every full run); with the What-if settings when
    ``whatif`` (on the What-if page)."""
    params = _view_params(lang, f, comparison)
    if whatif:
        params.update(_whatif_params())
    _replace(params)


def write_whatif() -> None:
    """The What-if settings into the query after a What-if tab alone has rerun."""
    kept = {k: st.query_params.get_all(k) for k in st.query_params
            if not k.startswith(("w_", "wl_"))}
    _replace({k: v if len(v) != 1 else v[0] for k, v in kept.items()} | _whatif_params())
