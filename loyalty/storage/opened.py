"""Workspaces opened by this process, one engine each.

DuckDB lets one process at a time write a database file, and in that process one engine per
file. So every browser session working on a workspace queries the same dataset (each run
through a cursor of its own), changes go one at a time (the dataset's write lock), and a
change one session makes is seen by the others at their next run (the dataset's version).
Another process holding the file (the command line in the middle of a load) makes opening it
fail with :class:`~loyalty.storage.workspaces.WorkspaceError` ``"busy"``.
"""

from __future__ import annotations

import threading

import duckdb

from loyalty.storage.dataset import Dataset
from loyalty.storage import erase
from loyalty.storage.workspaces import Workspace, WorkspaceError, Workspaces

BUSY = ("This workspace is in use by another program (for example a command-line load); "
        "try again when it has finished.")


def open_dataset(ws: Workspace, **engine) -> Dataset:
    """The dataset stored in workspace ``ws``; ``engine`` as for :class:`Dataset` (the
    workspace's folder is added to ``allowed_directories`` when that is given)."""
    if engine.get("allowed_directories") is not None:
        engine["allowed_directories"] = [*engine["allowed_directories"], ws.folder]
    try:
        ds = Dataset(ws.database, **engine)
    except duckdb.IOException as err:
        if "lock" in str(err).lower():
            raise WorkspaceError("busy", BUSY) from None
        raise
    ds.label = "workspace"
    ds.workspace = ws
    return ds


class OpenWorkspaces:
    """The workspaces this process has open, by database file."""

    def __init__(self):
        self._open: dict[str, Dataset] = {}
        self._lock = threading.RLock()

    def dataset(self, ws: Workspace, **engine) -> Dataset:
        """The open dataset of ``ws``, opened now if it is not; its name follows a rename."""
        with self._lock:
            ds = self._open.get(ws.database)
            if ds is None or ds.closed:
                ds = self._open[ws.database] = open_dataset(ws, **engine)
            ds.workspace = ws
            return ds

    def close(self, ws: Workspace) -> None:
        with self._lock:
            ds = self._open.pop(ws.database, None)
            if ds is not None:
                with ds._write:
                    ds.close()

    def delete(self, workspaces: Workspaces, ws: Workspace) -> None:
        """Close ``ws`` and remove it with everything in it."""
        with self._lock:
            self.close(ws)
            workspaces.delete(ws.id)

    def erase_customer(self, ws: Workspace, customer_id: str, **engine) -> dict[str, int]:
        """Erase one customer from ``ws`` and rewrite its file without them (see
        :mod:`loyalty.storage.erase`); the workspace is opened afresh."""
        with self._lock:
            deleted = erase.erase_customer(self.dataset(ws, **engine), ws.database, customer_id)
            # The closed dataset is replaced by one on the rewritten file.
            self.dataset(ws, **engine)
            return deleted
