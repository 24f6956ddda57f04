"""Folders that hold uploaded exports on disk, and their removal.

DuckDB reads an upload from a file, so each session writes its uploads to a folder of its own.
Those files are customer data: they are deleted as soon as they are loaded, the folder goes when
the session ends, and folders left behind by a server that was killed (no chance to clean up)
are removed at the next start once they are a day old. The same holds for the work folders of
the sessions' engines (their database files).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import weakref

PREFIX = "loyalty-upload-"
# A session engine's work folder: its database file, the loader's copies and spilled data.
WORK_PREFIX = "loyalty-work-"
# Older than this, a folder belongs to no live session: sessions end when their browser tab
# closes, and a server start leaves none of the previous server's sessions alive.
STALE_AFTER_SECONDS = 24 * 3600


def _private_root(kind: str) -> str:
    """``loyalty-<kind>-<uid>`` in the temporary folder, readable by this user only."""
    root = os.path.join(tempfile.gettempdir(), f"loyalty-{kind}-{os.getuid()}")
    os.makedirs(root, mode=0o700, exist_ok=True)
    return root


def uploads_root() -> str:
    """The folder that holds every session's upload folder (private to this user): a
    workspace's engine, shared by sessions, may read uploads inside it and nowhere else."""
    return _private_root("uploads")


def work_root() -> str:
    """The folder that holds every session engine's work folder (private to this user), apart
    from the uploads: a workspace's engine may read uploads, not other sessions' databases."""
    return _private_root("work")


class UploadFolder:
    """A session's upload folder, removed with everything in it when this object is garbage
    collected (the session that held it ended) or the process exits."""

    def __init__(self, root: str | None = None):
        self.path = tempfile.mkdtemp(prefix=PREFIX, dir=root or uploads_root())
        self._finalizer = weakref.finalize(self, shutil.rmtree, self.path, True)

    def remove(self) -> None:
        self._finalizer()

    def __str__(self) -> str:
        return self.path


def remove_file(path: str) -> None:
    """Delete ``path``; a file already gone is fine."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _last_change(path: str) -> float:
    """The newest modification time of ``path`` and anything in it (links not followed)."""
    newest = os.lstat(path).st_mtime
    for folder, dirs, files in os.walk(path):
        for name in dirs + files:
            try:
                newest = max(newest, os.lstat(os.path.join(folder, name)).st_mtime)
            except OSError:
                continue
    return newest


def remove_stale(root: str | None = None, max_age: float = STALE_AFTER_SECONDS,
                 now: float | None = None, prefix: str = PREFIX) -> list[str]:
    """Remove folders named ``prefix``... (upload folders) in ``root`` (:func:`uploads_root`)
    that this user owns and in which nothing changed for ``max_age`` seconds; returns the
    removed paths."""
    root = root or uploads_root()
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        try:
            if (not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False)
                    or entry.stat(follow_symlinks=False).st_uid != os.getuid()):
                continue
            if now - _last_change(entry.path) > max_age:
                shutil.rmtree(entry.path)
                removed.append(entry.path)
        except OSError:
            # Another server removing the same folder, or a file in use: try again next start.
            continue
    return removed
