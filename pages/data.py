"""Data: upload exports, check and correct how each is read, load, see what happened to every
file and every rejected row."""

import os
import shutil
import tempfile

import pandas as pd
import streamlit as st

from loyalty.storage.dataset import Dataset
from loyalty.errors import UnusableFile
from loyalty.reading.formats import DATE_FORMATS
from loyalty.presentation.i18n import fmt_number, t_n
from loyalty.reading.plan import ReadPlan
from loyalty.reading.schema import TABLES
from loyalty.presentation.text import escape_markdown
from ui import choices, data_spark, data_workspace, state, tables, workspace
from ui.choices import localized
from ui.data_plan import (AUTO, DELIMITERS, ENCODINGS, ESCAPES, QUOTES, Entry, Outcome, Why,
                          date_layout_label, delimiter_label, dialect_for, discard,
                          encoding_label, escape_code, escape_label, mapping_editor, on_disk,
                          outcome_of, overrides_from_state, overrides_signature, plan_for, preview,
                          previous_label, quote_label, read_as, read_rejects_csv, reason_label,
                          stage, unreadable_why, understood, unusable_why, upload_dir)
from ui.state import tr
from ui.widgets import guarded

# Where on a file's stretch of the progress bar each load stage starts: reading and converting
# the records takes most of a load (measured on 1M-row till exports).
LOAD_STAGE_SHARE = {"prepare": 0.0, "read": 0.05, "check": 0.8, "orders": 0.9}

UPLOAD_TYPES = ["csv", "txt", "tsv", "tab", "dat"]
_UNSET = object()


def _auto(label: str | None) -> str:
    return tr("data.auto", value=label) if label else tr("data.auto_unknown")


def _dialect_controls(entry: Entry, detected) -> None:
    """Encoding, separator, quote, escape and header line; "automatic" keeps what was found."""
    lang = state.lang()
    fid = entry.fid
    cols = st.columns(3) + st.columns(3)
    localized(cols[0].selectbox,
        tr("data.encoding"), (AUTO,) + ENCODINGS, key=f"data_encoding_{fid}",
        format_func=lambda c: _auto(detected and encoding_label(detected.encoding, lang))
        if c == AUTO else encoding_label(c, lang), help=tr("data.encoding_help"))
    localized(cols[1].selectbox,
        tr("data.delimiter"), (AUTO,) + DELIMITERS, key=f"data_delimiter_{fid}",
        format_func=lambda c: _auto(detected and delimiter_label(detected.delimiter, lang))
        if c == AUTO else delimiter_label(c, lang), help=tr("data.delimiter_help"))
    localized(cols[3].selectbox,
        tr("data.quote"), (AUTO,) + QUOTES, key=f"data_quote_{fid}",
        format_func=lambda c: _auto(detected and quote_label(detected.quote, lang))
        if c == AUTO else quote_label(c, lang), help=tr("data.quote_help"))
    localized(cols[4].selectbox,
        tr("data.escape"), (AUTO,) + ESCAPES, key=f"data_escape_{fid}",
        format_func=lambda c: _auto(detected and escape_label(escape_code(detected), lang))
        if c == AUTO else escape_label(c, lang), help=tr("data.escape_help"))
    found = (detected.header_line or 0) if detected is not None and detected.header else 0
    cols[2].number_input(
        tr("data.header_input"), min_value=0, value=None, step=1, format="%d",
        key=f"data_header_line_{fid}", help=tr("data.header_input_help"),
        placeholder=(tr("data.header_auto", line=found) if detected is not None
                     else tr("data.auto_unknown")))


def _format_controls(entry: Entry, plan: ReadPlan, detected_dates: dict[str, str],
                     layout_key: str) -> None:
    """Decimal separator and, per date field, the date layout."""
    cols = st.columns(3)
    localized(cols[0].selectbox, tr("data.decimal"), [",", "."],
                      index=[",", "."].index(plan.decimal),
                      format_func=lambda d: tr("data.decimal_comma" if d == "," else
                                               "data.decimal_point"),
                      key=f"data_dec_{entry.fid}", help=tr("data.decimal_help"))
    lang = state.lang()
    for i, fname in enumerate(plan.date_formats):
        found = detected_dates.get(fname)
        localized(
            cols[1 + i % 2].selectbox,
            tr("data.date_layout", field=tr(f"field.{fname}")), [AUTO] + list(DATE_FORMATS),
            key=f"{layout_key}{fname}", help=tr("data.date_layout_help"),
            format_func=lambda c, found=found: _auto(found and date_layout_label(found, lang))
            if c == AUTO else date_layout_label(c, lang))


def _plan_file(entry: Entry) -> tuple[ReadPlan | None, Why | None]:
    """Show how one file will be read and let the manager correct it.

    Returns the plan, or None and why the file cannot be loaded. The file is sniffed and planned
    at most once per run: the choices are read from the session before the widgets are drawn.
    """
    lang = state.lang()
    fid = entry.fid
    if entry.duplicate_of:
        why = Why("data.same_file", (("other", entry.duplicate_of),))
        st.info(why.text(lang))
        return None, why
    overrides = overrides_from_state(fid)
    sig = overrides_signature(overrides)
    table_key = f"data_table_{fid}_{sig}"
    table = choices.value(table_key)
    map_key = f"data_map_{fid}_{sig}_{table}_"
    layout_key = f"data_datefmt_{fid}_{sig}_{table}_"
    mapping, layouts = {}, {}
    if table is not None:
        for f in TABLES[table].fields:
            column = choices.value(map_key + f.name, _UNSET)
            if column is not _UNSET:
                mapping[f.name] = column or None
            layout = choices.value(layout_key + f.name)
            if layout not in (None, AUTO):
                layouts[f.name] = layout

    plan, detected_dates, why, dialect, kept = None, {}, None, None, None
    try:
        dialect = dialect_for(entry, overrides)
        decimal = choices.value(f"data_dec_{fid}")
        if table is None and workspace.current() is not None:
            # A header the workspace has seen: read as last time, without asking again.
            kept = state.base_dataset().layout_for(dialect.columns)
            if kept is not None:
                st.session_state[f"data_kept_{fid}"] = True
                table, decimal, layouts = kept["table"], kept["decimal"], dict(kept["date_layouts"])
                mapping = {f.name: kept["mapping"].get(f.name) for f in TABLES[table].fields}
        plan, detected_dates = plan_for(entry, overrides, table, mapping, decimal, layouts)
    except UnusableFile as err:
        why = unusable_why(err)
    except ValueError as err:
        # An override that does not fit the file (a header line beyond the sample, ...).
        why = (Why("data.override_failed") if any(v is not None for v in overrides.values())
               else unreadable_why(err))
    except Exception as exc:  # noqa: BLE001 - a sentence, never a traceback
        why = unreadable_why(exc)
    if why is not None:
        st.error(tr("data.unusable", file=escape_markdown(entry.name), message=why.text(lang)))

    if plan is not None:
        names = list(TABLES)
        # The first control of the box (tests wait for it): the expander below starts closed.
        localized(st.selectbox, tr("data.recognised"), names, index=names.index(plan.table),
                  format_func=lambda x: tr(f"table.{x}"), key=table_key,
                  help=tr("data.recognised_help"))
        st.caption(read_as(plan, lang))
        if st.session_state.get(f"data_kept_{fid}"):
            st.caption(tr("data.layout_kept"), help=tr("data.layout_kept_help"))
    converted = getattr(dialect, "converted_lines", 0) if dialect is not None else 0
    if converted:
        st.caption(tr("data.converted", n=fmt_number(converted, lang)))
    with st.expander(tr("data.how_read"), expanded=why is not None
                     or any(v is not None for v in overrides.values())):
        st.caption(tr("data.how_read_help"))
        _dialect_controls(entry, _detected(entry, overrides, dialect))
        if plan is not None:
            _format_controls(entry, plan, detected_dates,
                             f"data_datefmt_{fid}_{sig}_{plan.table}_")
        if dialect is not None:
            st.markdown(f"**{tr('data.preview')}**", help=tr("data.preview_help"))
            st.dataframe(preview(dialect), hide_index=True, key=f"data_preview_{fid}")
    if plan is None:
        return None, why

    for q in plan.questions:
        if q.code != "table":
            # The question quotes the file's column names and values.
            st.warning(tr("data.question", message=escape_markdown(q.message)),
                       icon=":material/help:")
    _mapping_editor(plan, f"data_map_{fid}_{sig}_{plan.table}_")
    if plan.missing:
        why = Why("err.required_missing", fields=tuple(plan.missing))
        st.error(why.text(lang))
        return None, why
    return plan, None


def _detected(entry: Entry, overrides: dict, dialect):
    """The dialect found without any override (for the "automatic (...)" labels); cached."""
    if not any(v is not None for v in overrides.values()):
        return dialect
    try:
        return dialect_for(entry, {k: None for k in overrides})
    except (UnusableFile, ValueError):
        return None


def _mapping_editor(plan: ReadPlan, key: str) -> None:
    mapping_editor(plan.table, plan.dialect.columns, plan.mapping,
                   {c: p.samples for c, p in plan.profiles.items()}, key)


def _load(boxes: list[tuple[Entry, ReadPlan | None, Why | None]]) -> None:
    """Load every plan into a new dataset; it replaces the current one only when transactions
    were loaded. Every file of the box gets an outcome, whatever happened."""
    lang = state.lang()
    old_dir = st.session_state.pop("data_results_dir", None)
    if old_dir:
        shutil.rmtree(old_dir, ignore_errors=True)
    out_dir = tempfile.mkdtemp(prefix="results-", dir=upload_dir())
    st.session_state["data_results_dir"] = out_dir
    outcomes: list[Outcome | None] = [
        None if plan is not None else Outcome(file=e.name, error=why or Why("data.not_ready"))
        for e, plan, why in boxes]
    todo = sorted(((i, plan) for i, (_, plan, _) in enumerate(boxes) if plan is not None),
                  key=lambda ip: list(TABLES).index(ip[1].table))
    for entry, plan, _ in boxes:
        if plan is not None:
            on_disk(entry)
    ws = workspace.current()
    if ws is not None:
        # Added to the workspace: the files already in it stay, orders already in it count once.
        ds = state.base_dataset()
    else:
        ds = Dataset(**state.engine_options(upload_dir()))
        ds.label = "own"
    bar = st.progress(0.0)
    for k, (i, plan) in enumerate(todo):
        def show_stage(name: str, k=k, plan=plan) -> None:
            done = (k + LOAD_STAGE_SHARE[name]) / len(todo)
            bar.progress(done, text=tr("data.loading", file=escape_markdown(plan.filename),
                                       stage=tr(f"data.stage.{name}")))

        try:
            report = ds.load(plan, progress=show_stage)
            outcomes[i] = outcome_of(ds, report, out_dir, i)
            if ws is not None:
                ds.keep_layout(plan)
        except UnusableFile as err:
            outcomes[i] = Outcome(file=plan.filename, table=plan.table,
                                  error=unusable_why(err, plan.missing))
        except Exception as exc:  # noqa: BLE001 - one file's failure must not hide the others
            outcomes[i] = Outcome(file=plan.filename, table=plan.table,
                                  error=unreadable_why(exc))
    bar.progress(1.0, text=tr("data.loaded_all", n=len(todo)))
    discard([e for e, _, _ in boxes])
    if ws is not None:
        st.session_state["data_results"] = {"outcomes": outcomes, "replaced": True,
                                            "previous": None}
        # The upload box empties: its files are in the workspace now.
        st.session_state["data_upload_round"] = st.session_state.get("data_upload_round", 0) + 1
        st.rerun()
    replaced = ds.has("transactions")
    results = {"outcomes": outcomes, "replaced": replaced,
               "previous": previous_label(state.dataset(), lang) if not replaced else None}
    st.session_state["data_results"] = results
    if not replaced:
        ds.close()
        return
    state.replace_dataset(ds)
    # Run again so the sidebar (dataset, filters) and the demo note reflect the new data.
    st.rerun()


def _kept_reason(outcomes: list[Outcome], lang: str) -> str:
    tx = [o for o in outcomes if o.table == "transactions"]
    failed = [o for o in tx if o.error is not None]
    empty = [o for o in tx if o.error is None]
    if empty:
        return "; ".join(tr("data.kept_zero", file=escape_markdown(o.file),
                            read=fmt_number(o.read, lang))
                         for o in empty)
    if failed:
        return tr("data.kept_failed", files=", ".join(escape_markdown(o.file) for o in failed))
    return tr("data.kept_no_transactions")


def _show_results() -> None:
    results = st.session_state.get("data_results")
    if not results:
        return
    lang = state.lang()
    outcomes = results["outcomes"]
    if not results["replaced"]:
        st.warning(tr("data.kept_previous", previous=results["previous"],
                      why=_kept_reason(outcomes, lang)), icon=":material/info:")
    for i, o in enumerate(outcomes):
        if o.error is not None:
            st.error(tr("data.not_loaded", file=escape_markdown(o.file),
                        message=o.error.text(lang)))
            continue
        text = tr("data.result_skipped" if o.skipped else "data.result",
                  file=escape_markdown(o.file), loaded=fmt_number(o.loaded, lang),
                  read=fmt_number(o.read, lang), rejected=fmt_number(o.rejected, lang),
                  skipped=fmt_number(o.skipped, lang))
        (st.warning if o.rejected else st.success)(text)
        summary = understood(o, lang)
        if summary:
            st.caption(summary)
        if o.converted_lines:
            st.caption(tr("data.converted", n=fmt_number(o.converted_lines, lang)))
        for kind, n in o.duplicates.items():
            st.info(tr(f"data.dup_{kind}", n=fmt_number(n, lang)))
        for kind, n in o.notices.items():
            st.warning(t_n(f"data.notice_{kind}", n, lang, n=fmt_number(n, lang)))
        if o.rejected:
            _show_rejects(o, i)


def _show_rejects(o: Outcome, i: int) -> None:
    lang = state.lang()
    reason, rows = tr("data.reason"), tr("data.rows")
    with st.expander(tr("data.reasons_of", file=escape_markdown(o.file)), expanded=True):
        tables.show(pd.DataFrame({
            reason: [reason_label(c, lang, o.forms) for c in o.reasons],
            rows: pd.array(list(o.reasons.values()), dtype="int64")}),
            {rows: "count"}, key=f"data_reasons_{i}")
        if o.rejects is not None:
            shown = o.rejects
            st.markdown(f"**{tr('data.rejected_rows')}**"
                        + (f" ({tr('data.first_n', n=fmt_number(len(shown), lang))})"
                           if o.rejected > len(shown) else ""))
            line = tr("data.col_line")
            st.dataframe(pd.DataFrame({
                line: shown["line"].astype("int64"),
                reason: [reason_label(c, lang, o.forms) for c in shown["code"]],
                tr("data.col_text"): shown["raw"]}), hide_index=True,
                key=f"data_rejects_{i}",
                column_config={line: st.column_config.NumberColumn(line, format="%d")})
        path = o.rejects_csv.get(lang)
        if path and os.path.exists(path):
            st.download_button(
                tr("data.download_rejects"), lambda p=path: read_rejects_csv(p),
                file_name=f"rejected_{os.path.splitext(o.file)[0]}.csv", mime="text/csv",
                key=f"data_download_{i}", on_click="ignore")


def _show_current() -> None:
    ds = state.dataset()
    lang = state.lang()
    st.divider()
    st.subheader(tr("data.current"))
    in_workspace = workspace.current() is not None
    if ds.label == "demo":
        st.caption(tr("app.dataset_demo"))
    if in_workspace:
        data_workspace.history(ds)
    elif ds.reports:
        rows, rejected = tr("data.rows"), tr("data.rejected_rows")
        tables.show(pd.DataFrame({
            tr("data.col_file"): [r.filename for r in ds.reports],
            tr("data.col_table"): [tr(f"table.{r.table}") for r in ds.reports],
            rows: pd.array([r.rows_loaded for r in ds.reports], dtype="int64"),
            rejected: pd.array([r.rows_rejected for r in ds.reports], dtype="int64")}),
            {rows: "count", rejected: "count"}, key="data_current")
    else:
        st.caption(tr("app.dataset_empty"))
    if ds.has("transactions"):
        ids = state.customer_ids(*state.key(ds))
        if ids["without_purchase"] or ids["anonymous_rows"]:
            parts = [tr("data.ids_count", ids=fmt_number(ids["ids"], lang),
                        customers=fmt_number(ids["customers"], lang))]
            if ids["without_purchase"]:
                parts.append(t_n("data.ids_left_out", ids["without_purchase"], lang,
                                 n=fmt_number(ids["without_purchase"], lang)))
            if ids["anonymous_rows"]:
                parts.append(t_n("data.rows_anonymous", ids["anonymous_rows"], lang,
                                 n=fmt_number(ids["anonymous_rows"], lang)))
            st.caption(" ".join(parts))
    if ds.reports and ds.label != "demo":
        state.currency_select(lang)
    if in_workspace:
        return
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
    guarded(data_workspace.panel, state.lang())
    st.divider()
    ws = workspace.current()
    label = tr("data.upload_add", name=escape_markdown(ws.name)) if ws else tr("data.upload")
    upload_round = st.session_state.get("data_upload_round", 0)
    files = st.file_uploader(label, type=UPLOAD_TYPES, accept_multiple_files=True,
                             key=f"data_upload_{upload_round}" if upload_round else "data_upload",
                             help=tr("data.upload_help"))
    entries = stage(files)
    boxes: list[tuple[Entry, ReadPlan | None, Why | None]] = []
    for entry in entries:
        with st.container(border=True):
            st.subheader(tr("data.file_header", file=escape_markdown(entry.name)))
            plan, why = guarded(lambda entry=entry: _plan_file(entry), state.lang()) or (
                None, Why("data.not_ready"))
            boxes.append((entry, plan, why))
    if entries:
        if not any(p is not None and p.table == "transactions" for _, p, _ in boxes):
            st.info(tr("data.need_transactions"))
        if st.button(tr("data.load"), type="primary", key="data_load",
                     disabled=not any(p is not None for _, p, _ in boxes)):
            _load(boxes)
    _show_results()
    guarded(data_spark.section, state.lang())
    _show_current()


guarded(render, state.lang())
