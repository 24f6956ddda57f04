"""The session's workspace: which one is open, and the engine every session on it shares.

A workspace's dataset is opened once per server process (:class:`OpenWorkspaces`, a cached
resource) and each session queries it through its own cursor; the session keeps only the
workspace's id. With sign-in, each user lists and opens only their own workspaces.
"""

from __future__ import annotations

import streamlit as st

from loyalty.storage.dataset import Dataset
from loyalty.storage.opened import OpenWorkspaces
from loyalty.storage.workspaces import Workspace, WorkspaceError, Workspaces, data_dir, owner_root
from loyalty.reading.uploads import uploads_root
from ui import auth
from ui.state import engine_options

KEY = "workspace_id"


@st.cache_resource(show_spinner=False)
def opened() -> OpenWorkspaces:
    """The workspaces this server process has open (shared by every session)."""
    return OpenWorkspaces()


def spaces() -> Workspaces:
    """The workspaces of whoever is signed in (everyone's, without sign-in)."""
    return Workspaces(owner_root(data_dir(), auth.user_key()))


def engine() -> dict:
    """A workspace engine's limits, and the folders it may read: every session's uploads
    (sessions share it) and the workspace's own folder (added when it opens)."""
    return engine_options(uploads_root())


def current() -> Workspace | None:
    """The workspace this session has open, None for the demo or unsaved data. A workspace
    deleted meanwhile (in another session) is closed with a note."""
    wid = st.session_state.get(KEY)
    if not wid:
        return None
    try:
        return spaces().get(wid)
    except WorkspaceError:
        st.session_state.pop(KEY, None)
        st.session_state["workspace_gone"] = True
        return None


def dataset(ws: Workspace) -> Dataset:
    return opened().dataset(ws, **engine())


def open_workspace(ws: Workspace) -> Dataset:
    """Open ``ws`` in this session (raises WorkspaceError "busy" when another program holds
    it); the settings kept in it replace the session's."""
    ds = dataset(ws)
    st.session_state[KEY] = ws.id
    return ds


def leave() -> None:
    """This session stops working on its workspace (it stays open for other sessions)."""
    st.session_state.pop(KEY, None)
