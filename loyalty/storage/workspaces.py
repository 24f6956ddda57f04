"""Workspaces on disk: one folder per workspace, holding its DuckDB database and its name.

::

    <root>/                     the data directory (setting ``workspace_dir``)
        <id>/workspace.json     {"name": ..., "created": ...}
        <id>/data.duckdb        canonical tables, file history, mappings, settings, scenarios

With sign-in, each user's workspaces live under ``<root>/users/<key>/`` (:func:`owner_root`),
so one user never lists another's. Listing reads the small JSON files only: a database held by
another process does not stop it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass

ENV = "LOYALTY_WORKSPACE_DIR"
APP_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DIR = os.path.join(APP_ROOT, "workspaces")
DATABASE = "data.duckdb"
INFO = "workspace.json"
MAX_NAME = 80
_ID = re.compile(r"^[0-9a-f]{12}$")


class WorkspaceError(ValueError):
    """A workspace request that cannot be done (name taken, no such workspace ...); ``code``
    names the case for the UI."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Workspace:
    id: str
    name: str
    created: str
    folder: str

    @property
    def database(self) -> str:
        return os.path.join(self.folder, DATABASE)


def data_dir() -> str:
    """Where workspaces live: ``LOYALTY_WORKSPACE_DIR`` when set, else ``workspaces/`` next to
    the app."""
    return os.path.abspath(os.environ.get(ENV) or DEFAULT_DIR)


def owner_root(root: str, user: str | None) -> str:
    """The folder of one signed-in ``user``'s workspaces (by a hash of their e-mail or subject,
    so no name reaches the file system); ``root`` itself without sign-in."""
    if not user:
        return root
    key = hashlib.sha256(user.strip().lower().encode()).hexdigest()[:24]
    return os.path.join(root, "users", key)


def clean_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise WorkspaceError("name_empty", "Give the workspace a name.")
    if len(name) > MAX_NAME:
        raise WorkspaceError("name_long", f"A workspace name has at most {MAX_NAME} characters.")
    return name


class Workspaces:
    """The workspaces in one folder."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)

    def list(self) -> list[Workspace]:
        """Every workspace, by name."""
        if not os.path.isdir(self.root):
            return []
        found = []
        for entry in os.listdir(self.root):
            if _ID.match(entry) and os.path.isfile(os.path.join(self.root, entry, INFO)):
                try:
                    found.append(self.get(entry))
                except WorkspaceError:
                    continue
        return sorted(found, key=lambda w: (w.name.casefold(), w.created))

    def get(self, workspace_id: str) -> Workspace:
        if not _ID.match(str(workspace_id)):
            raise WorkspaceError("not_found", "There is no such workspace.")
        folder = os.path.join(self.root, workspace_id)
        try:
            with open(os.path.join(folder, INFO), encoding="utf-8") as fh:
                info = json.load(fh)
        except (OSError, ValueError):
            raise WorkspaceError("not_found", "There is no such workspace.") from None
        return Workspace(workspace_id, str(info.get("name", workspace_id)),
                         str(info.get("created", "")), folder)

    def find(self, name_or_id: str) -> Workspace:
        """The workspace with this id, or this name (case does not matter)."""
        if _ID.match(str(name_or_id)) and os.path.isdir(os.path.join(self.root, name_or_id)):
            return self.get(name_or_id)
        wanted = " ".join(str(name_or_id).split()).casefold()
        for w in self.list():
            if w.name.casefold() == wanted:
                return w
        raise WorkspaceError("not_found", f"There is no workspace called {name_or_id!r}.")

    def _taken(self, name: str, other_than: str | None = None) -> bool:
        return any(w.name.casefold() == name.casefold() and w.id != other_than
                   for w in self.list())

    def create(self, name: str) -> Workspace:
        name = clean_name(name)
        if self._taken(name):
            raise WorkspaceError("name_taken", f"A workspace called {name!r} exists already.")
        workspace_id = uuid.uuid4().hex[:12]
        folder = os.path.join(self.root, workspace_id)
        os.makedirs(folder, mode=0o700)
        created = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._write_info(folder, {"name": name, "created": created})
        return self.get(workspace_id)

    def rename(self, workspace_id: str, name: str) -> Workspace:
        name = clean_name(name)
        w = self.get(workspace_id)
        if self._taken(name, other_than=w.id):
            raise WorkspaceError("name_taken", f"A workspace called {name!r} exists already.")
        self._write_info(w.folder, {"name": name, "created": w.created})
        return self.get(workspace_id)

    def delete(self, workspace_id: str) -> None:
        """Remove the workspace's folder: its database, its log and its name. Irreversible."""
        w = self.get(workspace_id)
        shutil.rmtree(w.folder)

    @staticmethod
    def _write_info(folder: str, info: dict) -> None:
        # Written aside and renamed: a crash never leaves half a name file.
        tmp = os.path.join(folder, INFO + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(info, fh, ensure_ascii=False)
        os.replace(tmp, os.path.join(folder, INFO))
