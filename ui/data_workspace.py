"""Data page: the workspace panel (open, create, rename, export, import, delete, erase a
customer) and the open workspace's file history (with removing a file)."""

from __future__ import annotations

import os
import tempfile

import duckdb
import pandas as pd
import streamlit as st

from loyalty.presentation.i18n import fmt_number, t_n
from loyalty.storage import archive
from loyalty.storage.workspaces import Workspace, WorkspaceError
from loyalty.presentation.text import escape_markdown
from loyalty.reading.uploads import remove_file
from ui import remembered, state, tables, workspace
from ui.data_plan import upload_dir
from ui.state import tr

DEMO = "__demo__"
SESSION = "__session__"


def _error(err: Exception) -> None:
    if isinstance(err, archive.ArchiveError):
        st.error(tr("ws.err.archive"), icon=":material/error:")
        return
    code = getattr(err, "code", None)
    key = f"ws.err.{code}" if code else None
    try:
        text = tr(key) if key else str(err)
    except KeyError:
        text = str(err)
    st.error(escape_markdown(text), icon=":material/error:")


def _switch(ws: Workspace | None) -> None:
    """Open ``ws`` (None: back to the demo) and start its settings afresh in this session."""
    remembered.clear_session()
    st.session_state.pop("data_results", None)
    if ws is None:
        workspace.leave()
        state.use_demo()
        return
    workspace.open_workspace(ws)


def _on_pick(key: str) -> None:
    picked = st.session_state.get(key)
    try:
        if picked == DEMO:
            _switch(None)
        elif picked not in (SESSION, None):
            _switch(workspace.spaces().get(picked))
    except WorkspaceError as err:
        st.session_state["data_ws_error"] = err


def panel() -> None:
    """Which workspace is open, and the ways to change it."""
    st.subheader(tr("ws.title"), help=tr("ws.help"))
    if st.session_state.pop("workspace_gone", False):
        st.warning(tr("ws.gone"))
    if st.session_state.pop("workspace_busy", False):
        st.warning(tr("ws.err.busy"))
    if err := st.session_state.pop("data_ws_error", None):
        _error(err)
    spaces = workspace.spaces()
    found = spaces.list()
    current = workspace.current()
    ds = state.dataset()
    names = {DEMO: tr("ws.demo")}
    if current is None and ds.label != "demo":
        names[SESSION] = tr("ws.session")
    names.update({w.id: w.name for w in found})
    chosen = current.id if current else (DEMO if ds.label == "demo" else SESSION)
    # Keyed by what is open: a workspace opened or left elsewhere starts the box afresh. And by
    # the language: the browser sends back the option's label, and an English label read
    # against German ones came back as a pick of a workspace called "Demo shop (read-only)"
    # (see ui/choices.py). The box always shows what is open, so there is no choice to carry.
    key = f"data_ws_pick_{chosen}@{state.lang()}"
    st.selectbox(tr("ws.open"), list(names), index=list(names).index(chosen),
                 format_func=names.get, key=key, on_change=_on_pick, args=(key,),
                 help=tr("ws.open_help"))
    if current is None:
        st.caption(tr("ws.demo_note" if ds.label == "demo" else "ws.session_note"))
    else:
        st.caption(tr("ws.where", folder=escape_markdown(current.folder)))
    with st.expander(tr("ws.new"), icon=":material/add:"):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        name = c1.text_input(tr("ws.name"), key="data_ws_new_name", max_chars=80)
        if c2.button(tr("ws.create"), key="data_ws_create", type="primary"):
            try:
                created = spaces.create(name)
                _switch(created)
                st.rerun()
            except WorkspaceError as err:
                _error(err)
        _import(spaces)
    if current is not None:
        _manage(spaces, current)


def _import(spaces) -> None:
    # Drawn only when asked for: the Data page's one file box is for exports.
    if not st.toggle(tr("ws.import"), key="data_ws_import_on", help=tr("ws.import_help")):
        return
    up = st.file_uploader(tr("ws.import_file"), type=["zip"], key="data_ws_import_file")
    if up is None or not st.button(tr("ws.import_go"), key="data_ws_import"):
        return
    path = os.path.join(upload_dir(), "import.zip")
    with open(path, "wb") as fh:
        fh.write(up.getbuffer())
    created = None
    try:
        manifest = archive.read_manifest(path)
        name = manifest.get("name") or "Imported"
        taken = {w.name.casefold() for w in spaces.list()}
        base, n = name, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
        created = spaces.create(name)
        ds = workspace.dataset(created)
        archive.restore(ds, path, ds.work_dir)
        _switch(created)
        st.session_state["data_ws_done"] = tr("ws.imported", name=escape_markdown(name))
        st.rerun()
    except (archive.ArchiveError, WorkspaceError) as err:
        _error(err)
    except duckdb.Error:
        _error(archive.ArchiveError("unreadable"))
    finally:
        remove_file(path)
        if created is not None and workspace.current() is None:
            workspace.opened().delete(spaces, created)


def _manage(spaces, ws: Workspace) -> None:
    if done := st.session_state.pop("data_ws_done", None):
        st.success(done)
    with st.expander(tr("ws.manage"), icon=":material/settings:"):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        new = c1.text_input(tr("ws.rename"), value=ws.name, key=f"data_ws_rename_{ws.id}",
                            max_chars=80)
        if c2.button(tr("ws.rename_go"), key="data_ws_rename_go"):
            try:
                spaces.rename(ws.id, new)
                st.rerun()
            except WorkspaceError as err:
                _error(err)
        st.download_button(tr("ws.export"), lambda: _export(ws), file_name=_zip_name(ws),
                           mime="application/zip", key="data_ws_export",
                           icon=":material/download:", on_click="ignore",
                           help=tr("ws.export_help"))
        st.divider()
        st.markdown(f"**{tr('ws.erase')}**", help=tr("ws.erase_help"))
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        who = c1.text_input(tr("ws.erase_id"), key="data_ws_erase_id")
        sure = st.checkbox(tr("ws.erase_confirm"), key="data_ws_erase_sure")
        if c2.button(tr("ws.erase_go"), key="data_ws_erase_go", disabled=not (who.strip()
                                                                           and sure)):
            deleted = workspace.opened().erase_customer(ws, who.strip(), **workspace.engine())
            n = sum(deleted.values())
            st.session_state["data_ws_done"] = t_n(
                "ws.erased", n, state.lang(), id=escape_markdown(who.strip()),
                n=fmt_number(n, state.lang()))
            # The last load's messages describe rows that are gone now.
            st.session_state.pop("data_results", None)
            for k in ("data_ws_erase_id", "data_ws_erase_sure"):
                st.session_state.pop(k, None)
            st.rerun()
        st.divider()
        st.markdown(f"**{tr('ws.delete')}**", help=tr("ws.delete_help"))
        sure = st.checkbox(tr("ws.delete_confirm", name=escape_markdown(ws.name)),
                           key="data_ws_delete_sure")
        if st.button(tr("ws.delete_go"), key="data_ws_delete_go", disabled=not sure,
                     type="primary"):
            workspace.opened().delete(spaces, ws)
            st.session_state.pop("data_ws_delete_sure", None)
            _switch(None)
            st.rerun()


def _zip_name(ws: Workspace) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in ws.name)[:60] or "workspace"
    return f"{safe}.zip"


def _export(ws: Workspace) -> bytes:
    ds = workspace.dataset(ws)
    with tempfile.TemporaryDirectory(prefix="loyalty-zip-", dir=ds.work_dir) as tmp:
        out = os.path.join(tmp, "workspace.zip")
        archive.export(ds, ws.name, out, ds.work_dir)
        with open(out, "rb") as fh:
            return fh.read()


def history(ds) -> None:
    """The open workspace's loaded files, each with its load report, and removing one."""
    lang = state.lang()
    if not ds.reports:
        st.caption(tr("ws.no_files"))
        return
    loaded, skipped, rejected = tr("ws.col_loaded"), tr("ws.col_skipped"), tr("data.rejected_rows")
    when = tr("ws.col_when")
    tables.show(pd.DataFrame({
        tr("data.col_file"): [r.filename for r in ds.reports],
        tr("data.col_table"): [tr(f"table.{r.table}") for r in ds.reports],
        when: pd.to_datetime([r.loaded_at for r in ds.reports], utc=True, errors="coerce")
        .tz_localize(None),
        loaded: pd.array([r.rows_loaded for r in ds.reports], dtype="int64"),
        skipped: pd.array([r.rows_skipped for r in ds.reports], dtype="int64"),
        rejected: pd.array([r.rows_rejected for r in ds.reports], dtype="int64"),
        tr("ws.col_report"): [r.understood(lang) for r in ds.reports]}),
        {loaded: "count", skipped: "count", rejected: "count", when: "date"},
        key="data_history")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    ids = [r.file_id for r in ds.reports]
    label = {r.file_id: f"{r.filename} ({tr(f'table.{r.table}')}, "
                        f"{fmt_number(r.rows_loaded, lang)})" for r in ds.reports}
    # Keyed by the labels: Streamlit keeps showing old labels when only they change.
    pick_key = "data_ws_remove_pick_" + str(abs(hash(tuple(label.items()))))
    fid = c1.selectbox(tr("ws.remove"), ids, format_func=label.get, key=pick_key,
                       help=tr("ws.remove_help"))
    sure = st.checkbox(tr("ws.remove_confirm"), key="data_ws_remove_sure")
    if c2.button(tr("ws.remove_go"), key="data_ws_remove_go", disabled=not sure):
        gone = state.base_dataset().remove_file(fid)
        st.session_state.pop("data_ws_remove_sure", None)
        # The last load's messages describe the files as they were.
        st.session_state.pop("data_results", None)
        st.session_state["data_ws_done"] = tr("ws.removed", file=escape_markdown(gone.filename))
        st.rerun()
