"""Data: upload exports, check how each was read, correct table and mapping, load, see rejects."""

import os
import tempfile

import pandas as pd
import streamlit as st

from loyalty.dataset import Dataset
from loyalty.errors import UnusableFile
from loyalty.i18n import fmt_number
from loyalty.plan import ReadPlan, make_plan
from loyalty.schema import TABLES
from loyalty.sniff import sniff
from ui import state
from ui.state import tr
from ui.widgets import guarded

UPLOAD_TYPES = ["csv", "txt", "tsv", "tab", "dat"]
SLASH_FAMILIES = {"dmy_slash", "mdy_slash", "dmy_dash", "mdy_dash"}


def reason_label(code: str) -> str:
    """A reject reason code in the UI language."""
    for prefix in ("missing_", "invalid_"):
        if code.startswith(prefix):
            field = code[len(prefix):]
            return tr(f"reason.{prefix[:-1]}", field=tr(f"field.{field}"))
    return tr(f"reason.{code}")


def unusable_message(err: UnusableFile, plan_table: str | None = None,
                     missing: list[str] | None = None) -> str:
    if err.code == "required_missing" and missing:
        return tr("err.required_missing", fields=", ".join(tr(f"field.{f}") for f in missing))
    return tr(f"err.{err.code}")


def _upload_dir() -> str:
    if "data_tmp" not in st.session_state:
        st.session_state["data_tmp"] = tempfile.mkdtemp(prefix="loyalty-upload-")
    return st.session_state["data_tmp"]


def _stage(files) -> list[tuple[str, str, str]]:
    """Write each uploaded file to disk once; DuckDB reads it from there."""
    paths = st.session_state.setdefault("data_paths", {})
    staged = []
    for uf in files or []:
        fid = uf.file_id
        if fid not in paths:
            safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in uf.name)[-80:]
            path = os.path.join(_upload_dir(), f"{fid}_{safe}")
            with open(path, "wb") as fh:
                fh.write(uf.getbuffer())
            paths[fid] = path
        staged.append((fid, uf.name, paths[fid]))
    current = {fid for fid, _, _ in staged}
    for fid in [f for f in paths if f not in current]:
        try:
            os.unlink(paths.pop(fid))
        except OSError:
            pass
    return staged


def _dialect(fid: str, path: str):
    cache = st.session_state.setdefault("data_dialects", {})
    if fid not in cache:
        cache[fid] = sniff(path)
    return cache[fid]


def _plan_editor(fid: str, name: str, path: str) -> ReadPlan | None:
    """Show how the file will be read and let the manager correct it; None if unusable."""
    try:
        dialect = _dialect(fid, path)
        guess = make_plan(path, name, dialect=dialect)
    except UnusableFile as err:
        st.error(tr("data.unusable", file=name, message=unusable_message(err)))
        return None
    tables = list(TABLES)
    table = st.selectbox(tr("data.recognised"), tables, index=tables.index(guess.table),
                         format_func=lambda x: tr(f"table.{x}"), key=f"data_table_{fid}",
                         help=tr("data.recognised_help"))
    order_key, dec_key = f"data_order_{fid}", f"data_dec_{fid}"
    day_first = st.session_state.get(order_key)
    decimal = st.session_state.get(dec_key)
    proposed = make_plan(path, name, table=table, dialect=dialect,
                         day_first=None if day_first is None else day_first == "day",
                         decimal=decimal)

    st.caption(tr("data.read_as", encoding=proposed.dialect.encoding_label,
                  delimiter=proposed.dialect.delimiter_label, decimal=proposed.decimal,
                  dates=proposed.date_format_label(),
                  header=(tr("data.header_line", line=proposed.dialect.header_line)
                          if proposed.dialect.header else tr("data.no_header"))))
    for q in proposed.questions:
        if q.code != "table":
            st.warning(tr("data.question", message=q.message), icon=":material/help:")

    st.markdown(f"**{tr('data.mapping')}**", help=tr("data.mapping_help"))
    columns = proposed.dialect.columns
    options = [""] + columns
    mapping: dict[str, str | None] = {}
    head = st.columns([2, 3, 4])
    head[0].caption(tr("data.field"))
    head[1].caption(tr("data.column"))
    head[2].caption(tr("data.samples"))
    for f in TABLES[table].fields:
        current = proposed.mapping.get(f.name, "")
        row = st.columns([2, 3, 4], vertical_alignment="center")
        row[0].markdown(tr(f"field.{f.name}") + (" \\*" if f.required else ""))
        choice = row[1].selectbox(
            tr(f"field.{f.name}"), options, index=options.index(current),
            format_func=lambda c: c or tr("data.not_mapped"), label_visibility="collapsed",
            key=f"data_map_{fid}_{table}_{f.name}")
        mapping[f.name] = choice or None
        if choice:
            row[2].caption(" · ".join(proposed.profiles[choice].samples[:3]) or "—")

    left, right = st.columns(2)
    if any(fmt.family in SLASH_FAMILIES for fmt in proposed.date_formats.values()):
        current_order = "day" if any(fmt.family.startswith("dmy")
                                     for fmt in proposed.date_formats.values()) else "month"
        left.radio(tr("data.day_first"), ["day", "month"],
                   index=["day", "month"].index(current_order), horizontal=True,
                   format_func=lambda o: tr("data.order_day" if o == "day" else "data.order_month"),
                   key=order_key, help=tr("data.day_first_help"))
    right.selectbox(tr("data.decimal"), [",", "."], index=[",", "."].index(proposed.decimal),
                    format_func=lambda d: tr("data.decimal_comma" if d == "," else
                                             "data.decimal_point"),
                    key=dec_key, help=tr("data.decimal_help"))

    plan = make_plan(path, name, table=table, dialect=dialect, mapping=mapping,
                     day_first=None if day_first is None else day_first == "day",
                     decimal=decimal)
    if plan.missing:
        st.error(tr("err.required_missing",
                    fields=", ".join(tr(f"field.{m}") for m in plan.missing)))
        return None
    return plan


def _load(plans: dict[str, ReadPlan]) -> None:
    ds = Dataset()
    ds.label = "own"
    results = []
    bar = st.progress(0.0)
    ordered = sorted(plans.values(), key=lambda p: list(TABLES).index(p.table))
    for i, plan in enumerate(ordered):
        bar.progress(i / len(ordered), text=tr("data.loading", file=plan.filename))
        try:
            report = ds.load(plan)
        except UnusableFile as err:
            results.append({"file": plan.filename, "error": unusable_message(err, plan.table,
                                                                              plan.missing)})
            continue
        except Exception as exc:  # noqa: BLE001 - one file's failure must not hide the others
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
            results.append({"file": plan.filename, "error": tr("err.unreadable", detail=detail)})
            continue
        results.append({"file": report.filename, "table": report.table,
                        "file_id": report.file_id, "read": report.rows_read,
                        "loaded": report.rows_loaded, "rejected": report.rows_rejected,
                        "reasons": dict(report.reasons), "duplicates": dict(report.duplicates)})
    bar.progress(1.0, text=tr("data.loaded_all", n=len(ordered)))
    if not ds.has("transactions"):
        st.warning(tr("data.need_transactions"))
        ds.close()
        st.session_state["data_results"] = results
        return
    state.replace_dataset(ds)
    st.session_state["data_results"] = results
    st.session_state["data_results_for"] = state.key(ds)
    # Run again so the sidebar (dataset, filters) and the demo note reflect the new data.
    st.rerun()


def _show_results() -> None:
    results = st.session_state.get("data_results")
    if not results:
        return
    ds = state.dataset()
    lang = state.lang()
    same = st.session_state.get("data_results_for") == state.key(ds)
    for r in results:
        if "error" in r:
            st.error(tr("data.unusable", file=r["file"], message=r["error"]))
            continue
        text = tr("data.result", file=r["file"], loaded=fmt_number(r["loaded"], lang),
                  read=fmt_number(r["read"], lang), rejected=fmt_number(r["rejected"], lang))
        (st.warning if r["rejected"] else st.success)(text)
        for kind, n in r["duplicates"].items():
            st.info(tr(f"data.dup_{kind}", n=fmt_number(n, lang)))
        if r["rejected"] and same:
            with st.expander(tr("data.reasons"), expanded=True):
                st.dataframe(pd.DataFrame(
                    [{tr("data.reason"): reason_label(c), tr("data.rows"): n}
                     for c, n in r["reasons"].items()]), hide_index=True,
                    key=f"data_reasons_{r['file_id']}")
                rejects = ds.rejects(r["file_id"])
                st.markdown(f"**{tr('data.rejected_rows')}**")
                st.dataframe(pd.DataFrame({
                    tr("data.col_line"): rejects["line"],
                    tr("data.reason"): [reason_label(c) for c in rejects["code"]],
                    tr("data.col_text"): rejects["raw"]}).head(500), hide_index=True,
                    key=f"data_rejects_{r['file_id']}")
                st.download_button(
                    tr("data.download_rejects"), rejects.to_csv(index=False).encode("utf-8-sig"),
                    file_name=f"rejected_{os.path.splitext(r['file'])[0]}.csv",
                    mime="text/csv", key=f"data_download_{r['file_id']}")


def _show_current() -> None:
    ds = state.dataset()
    lang = state.lang()
    st.divider()
    st.subheader(tr("data.current"))
    if ds.label == "demo":
        st.caption(tr("app.dataset_demo"))
    if ds.reports:
        st.dataframe(pd.DataFrame([{
            tr("data.col_file"): r.filename, tr("data.col_table"): tr(f"table.{r.table}"),
            tr("data.rows"): fmt_number(r.rows_loaded, lang),
            tr("data.rejected_rows"): fmt_number(r.rows_rejected, lang)} for r in ds.reports]),
            hide_index=True, key="data_current")
    else:
        st.caption(tr("app.dataset_empty"))
    if ds.reports and ds.label != "demo":
        state.currency_select(lang)
    left, right = st.columns(2)
    if left.button(tr("data.use_demo"), key="data_use_demo", disabled=ds.label == "demo"):
        state.use_demo()
        st.session_state.pop("data_results", None)
        st.rerun()
    if right.button(tr("data.clear"), key="data_clear", disabled=not ds.reports):
        state.clear_dataset()
        st.session_state.pop("data_results", None)
        st.toast(tr("data.cleared"))
        st.rerun()


def render() -> None:
    st.title(tr("data.title"))
    st.write(tr("data.intro"))
    files = st.file_uploader(tr("data.upload"), type=UPLOAD_TYPES, accept_multiple_files=True,
                             key="data_upload", help=tr("data.upload_help"))
    staged = _stage(files)
    plans: dict[str, ReadPlan] = {}
    for fid, name, path in staged:
        with st.container(border=True):
            st.subheader(tr("data.file_header", file=name))
            try:
                plan = _plan_editor(fid, name, path)
            except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
                detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:160]
                st.error(tr("data.unusable", file=name,
                            message=tr("err.unreadable", detail=detail)))
                plan = None
            if plan is not None:
                plans[fid] = plan
    if staged:
        if not any(p.table == "transactions" for p in plans.values()):
            st.info(tr("data.need_transactions"))
        if st.button(tr("data.load"), type="primary", key="data_load", disabled=not plans):
            _load(plans)
    _show_results()
    _show_current()


guarded(render, state.lang())
