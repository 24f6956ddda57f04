"""Data page: the canonical tables mapped onto tables Spark already holds (a catalog table or a
Parquet/Delta path), on a local session or a Spark Connect server, with the CSV mapping screen.

A source's columns are read once per connection and location and kept in the session: every
widget change reruns the page, and each read is a Spark job.
"""

from __future__ import annotations

import hashlib
import shutil

import streamlit as st

from loyalty.errors import UnusableFile
from loyalty.presentation.i18n import fmt_number
from loyalty.presentation.text import escape_markdown
from loyalty.reading.mapping import missing_required
from loyalty.reading.schema import TABLES
from ui import choices, state
from ui.choices import localized
from ui.data_plan import Why, mapping_editor
from ui.state import tr

LOCAL, REMOTE = "local", "remote"
_UNSET = object()


def spark_why(err: UnusableFile) -> Why:
    """One sentence for what the Spark side refused, kept as an i18n key."""
    p = err.params
    if err.code == "unknown_source":
        return Why("spark.err.unknown_table" if p.get("kind") == "table"
                   else "spark.err.unknown_path", (("location", p.get("location", "")),))
    if err.code == "missing_required":
        return Why("spark.err.required_missing", fields=tuple(p.get("fields", ())))
    if err.code == "unknown_column":
        return Why("spark.err.unknown_column", (("column", p["column"]),
                   ("field", tr(f"field.{p['field']}")), ("location", p.get("location", ""))))
    keys = {"spark_address": ("address",), "spark_unreachable": ("host", "port"),
            "spark_mixed": (),
            "unreadable_source": ("location", "detail")}
    if err.code in keys:
        return Why(f"spark.err.{err.code}", tuple((k, p.get(k, "")) for k in keys[err.code]))
    return Why("spark.err.failed", (("detail", err.message[:160]),))


def failed_why(exc: Exception) -> Why:
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
    return Why("spark.err.failed", (("detail", detail),))


def connection_target(kind: str, address: str) -> tuple[str | None, Why | None]:
    """(the Spark Connect address, or None for a local session; why it cannot be used). The
    address is checked for its form only; whether a server answers is found when it is used."""
    if kind == LOCAL:
        return None, None
    if not address.strip():
        return None, Why("spark.address_needed")
    from loyalty.storage.spark import check_remote
    try:
        check_remote(address)
    except UnusableFile as err:
        return None, spark_why(err)
    return address.strip(), None


def _connect(remote: str | None):
    """The Ibis connection, or why there is none (no Java for a local session, no server)."""
    if remote is None and shutil.which("java") is None:
        return None, Why("spark.err.no_java")
    try:
        from loyalty.storage.spark import connect
        return connect(remote), None
    except ImportError:
        return None, Why("spark.err.no_pyspark")
    except UnusableFile as err:
        return None, spark_why(err)
    except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
        return None, failed_why(exc)


def inspected(remote: str | None, table: str, location: str):
    """(the source's columns and proposed mapping, or why it cannot be read); read once per
    connection and location. A connection that failed is not remembered: the server may be
    started meanwhile."""
    seen = st.session_state.setdefault("data_spark_seen", {})
    key = (remote, table, location)
    if key in seen:
        return seen[key]
    con, why = _connect(remote)
    if why is not None:
        return None, why
    from loyalty.storage.mapped import inspect_source
    try:
        with st.spinner(tr("spark.reading", location=escape_markdown(location))):
            seen[key] = inspect_source(con, table, location), None
    except UnusableFile as err:
        seen[key] = None, spark_why(err)
    except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
        seen[key] = None, failed_why(exc)
    return seen[key]


def map_key(remote: str | None, table: str, location: str) -> str:
    """The mapping widgets' key prefix: another source starts from its own proposal."""
    sig = hashlib.sha1(repr((remote, location)).encode()).hexdigest()[:8]
    return f"data_spark_map_{table}_{sig}_"


def chosen_mapping(key: str, proposed: dict[str, str], table: str) -> dict[str, str | None]:
    """Every field of ``table`` with the column chosen for it (None: left out): the manager's
    choice where the widget was drawn, else the proposal."""
    out = {}
    for f in TABLES[table].fields:
        column = choices.value(key + f.name, _UNSET)
        out[f.name] = proposed.get(f.name) if column is _UNSET else (column or None)
    return out


def _source_box(remote: str | None, table: str, location: str):
    """The mapping screen of one source; its full mapping, or None when it cannot be used."""
    lang = state.lang()
    with st.container(border=True):
        st.markdown("**" + tr("spark.source_header", table=tr(f"table.{table}"),
                              location=escape_markdown(location)) + "**")
        suggestion, why = inspected(remote, table, location)
        if why is not None:
            st.error(why.text(lang))
            return None
        key = map_key(remote, table, location)
        mapping_editor(table, suggestion.columns, suggestion.mapping, suggestion.samples, key)
        mapping = chosen_mapping(key, suggestion.mapping, table)
        if missing := missing_required(table, {f: c for f, c in mapping.items() if c}):
            st.error(Why("spark.err.required_missing", fields=tuple(missing)).text(lang))
            return None
        return mapping


def _open(remote: str | None, sources) -> None:
    from loyalty.storage.spark import open_spark
    lang = state.lang()
    try:
        with st.spinner(tr("spark.opening")):
            ds = open_spark(sources, remote=remote, label="spark")
    except UnusableFile as err:
        st.error(spark_why(err).text(lang))
        return
    except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
        st.error(failed_why(exc).text(lang))
        return
    state.replace_dataset(ds)
    st.session_state.pop("data_results", None)
    st.session_state["data_spark_results"] = ds.uid
    st.rerun()


def _show_results() -> None:
    ds = state.base_dataset()
    if st.session_state.get("data_spark_results") != getattr(ds, "uid", None):
        return
    lang = state.lang()
    for r in ds.reports:
        text = tr("spark.result", table=tr(f"table.{r.table}"),
                  location=escape_markdown(r.filename), loaded=fmt_number(r.rows_loaded, lang),
                  read=fmt_number(r.rows_read, lang), rejected=fmt_number(r.rows_rejected, lang))
        (st.warning if r.rows_rejected else st.success)(text)
    st.caption(tr("spark.opened"))


def _text_input(label: str, key: str, **kwargs) -> str:
    """A text input whose value outlives a visit to another page: Streamlit forgets the state of
    a widget that a run does not draw, and the manager comes back to change a mapping."""
    kept = f"{key}_kept"
    if key not in st.session_state and kept in st.session_state:
        st.session_state[key] = st.session_state[kept]
    value = st.text_input(label, key=key, **kwargs)
    st.session_state[kept] = value
    return (value or "").strip()


def section() -> None:
    """The "Data already in Spark" expander of the Data page."""
    lang = state.lang()
    locations = {t: (st.session_state.get(f"data_spark_source_{t}_kept") or "").strip()
                 for t in TABLES}
    opened = st.session_state.get("data_spark_results") == getattr(state.base_dataset(), "uid",
                                                                   None)
    with st.expander(tr("spark.title"), expanded=opened or any(locations.values()),
                     icon=":material/hub:"):
        st.caption(tr("spark.intro"))
        kind = localized(st.radio, tr("spark.connection"), [LOCAL, REMOTE],
                         key="data_spark_connection", horizontal=True,
                         format_func=lambda k: tr(f"spark.{k}"),
                         help=tr("spark.connection_help"))
        address = ""
        if kind == REMOTE:
            address = _text_input(tr("spark.address"), "data_spark_address",
                                  placeholder="sc://host:15002", help=tr("spark.address_help"))
        remote, why = connection_target(kind, address)
        if why is not None:
            (st.info if why.key == "spark.address_needed" else st.error)(why.text(lang))
        for t in TABLES:
            label = "spark.source_required" if t == "transactions" else "spark.source"
            locations[t] = _text_input(
                tr(label, table=tr(f"table.{t}")), f"data_spark_source_{t}",
                placeholder="sales.receipts" if t == "transactions" else f"/data/{t}.parquet",
                help=tr("spark.source_help"))
        sources, ready = [], why is None
        if ready:
            from loyalty.storage.mapped import Source
            for t, location in locations.items():
                if location:
                    mapping = _source_box(remote, t, location)
                    ready = ready and mapping is not None
                    if mapping is not None:
                        sources.append(Source(t, location, mapping))
        if not locations["transactions"]:
            st.info(tr("spark.need_transactions"))
            ready = False
        if st.button(tr("spark.open"), type="primary", key="data_spark_open",
                     disabled=not ready):
            _open(remote, sources)
        _show_results()
