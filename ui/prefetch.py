"""The per-customer features of a large dataset, computed on a thread of their own as soon as a
dataset version is first shown.

At ten million rows the features take seconds on the session's one engine thread: started while
the manager reads the Overview (the page every load lands on), they are mostly ready when the
Loyalty types, Churn or What-if page asks for them. The work runs on a cursor of its own, so it
never holds the connection a page run needs; only the first filters a version is shown with are
prefetched, so a manager who never opens those pages costs the server one computation per load.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd

from loyalty.analysis.filters import Filters
from loyalty.storage.dataset import Dataset

# Below this many loaded rows a page computes the features in about a second: nothing to win.
MIN_ROWS = 500_000

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="loyalty-prefetch")
_LOCK = threading.Lock()
# (dataset id, version, filters) -> the features being computed and the cursor computing them;
# taken by the first page that needs them.
_JOBS: dict[tuple, tuple[Future, Dataset]] = {}
# Dataset id -> the last version a prefetch was started for (one per version, whatever the
# filters shown later).
_STARTED: dict[str, int] = {}


def _features(view: Dataset, filters: Filters) -> pd.DataFrame:
    from loyalty.analysis.features import customer_features
    try:
        return customer_features(view, filters.end, filters)
    finally:
        view.con.close()


def _stop(job: Future, view: Dataset) -> None:
    """A prefetch for a version nobody will look at again (a newer load replaced it)."""
    if not job.cancel():
        try:
            view.con.interrupt()
        except Exception:  # noqa: BLE001 - a cursor already closed needs no stopping
            pass


def start(base: Dataset, filters: Filters) -> None:
    """Begin computing the features for ``filters`` if ``base`` is large and this version has
    had none started yet."""
    if filters.end is None or base.counts("transactions")["rows_loaded"] < MIN_ROWS:
        return
    with _LOCK:
        if _STARTED.get(base.uid) == base.version:
            return
        _STARTED[base.uid] = base.version
        for key in [k for k in _JOBS if k[0] == base.uid]:
            _stop(*_JOBS.pop(key))
        view = base.cursor_view()
        _JOBS[(base.uid, base.version, filters)] = (_POOL.submit(_features, view, filters), view)


def take(uid: str, version: int, filters: Filters) -> pd.DataFrame | None:
    """The prefetched features for exactly these filters (waiting for them if still being
    computed), or None: the caller computes them itself, as it would without a prefetch."""
    with _LOCK:
        job = _JOBS.pop((uid, version, filters), None)
    if job is None:
        return None
    try:
        return job[0].result()
    except Exception:  # noqa: BLE001 - a failed prefetch only means computing it again
        return None
