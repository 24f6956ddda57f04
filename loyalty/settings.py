"""Settings with defaults, declared once as data with their help text.

The UI builds its controls from these declarations; the CLI and notebooks pass plain values.
Server settings (the per-session limits) are not shown in the UI: whoever runs the server may
set them through the environment variable ``LOYALTY_<KEY>`` (``LOYALTY_SESSION_MEMORY_MB``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    key: str
    default: float | int
    minimum: float | int
    maximum: float | int
    step: float | int
    unit: str
    help: str


def _total_memory_mb() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (AttributeError, OSError, ValueError):
        # A system that does not say: assume a small server rather than none.
        return 8192


# The server is sized for ten managers working at once.
SESSIONS = 10


def session_share(total_mb: int, cores: int) -> tuple[int, int]:
    """Memory (MB, a multiple of 64) and threads of one session on a machine of ``total_mb``
    and ``cores``.

    Ten sessions' engines together may take three quarters of the memory; the rest stays for
    Python, Streamlit and the results each session keeps in pandas. The 1 GB floor keeps a
    million-row export loadable (its load peaks near 460 MB, see the README's load benchmark):
    a small machine then fits fewer sessions at full size rather than ten that cannot load.
    Half the cores per session, and at least two where the machine has two: one manager's
    large load still runs in parallel but leaves the other half of a larger machine for
    everyone else's page views (DuckDB's default, every core, lets one load starve them). On
    two cores, half would be one thread: a manager alone would wait twice as long for every
    first view of ten million rows, while managers working at once share the cores anyway.
    """
    return (max(1024, total_mb * 3 // 4 // SESSIONS // 64 * 64),
            max(min(2, cores), cores // 2))


_MEMORY_MB = _total_memory_mb()
_CORES = os.cpu_count() or 1
_SESSION_MEMORY_MB, _SESSION_THREADS = session_share(_MEMORY_MB, _CORES)

SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("nps_promoter_min", 9, 0, 10, 1, "score",
            "Lowest score that counts as a promoter (standard NPS: 9)."),
    Setting("nps_passive_min", 7, 0, 10, 1, "score",
            "Lowest score that counts as a passive; anything below is a detractor "
            "(standard NPS: 7)."),
    Setting("churn_window_days", 180, 14, 730, 1, "days",
            "A customer with no purchase for this many days before the end of the period "
            "counts as churned."),
    Setting("session_memory_mb", _SESSION_MEMORY_MB, 64, max(_MEMORY_MB, 1024), 64, "MB",
            "Memory the data engine of one browser session may use. A load that needs more "
            "stops with a message and the session keeps its earlier data. Default: three "
            "quarters of the machine's memory shared by ten sessions, at least 1 GB."),
    Setting("session_threads", _SESSION_THREADS, 1, _CORES, 1, "threads",
            "Cores the data engine of one browser session may use at once. Default: half the "
            "machine's cores, at least two (one on a one-core machine)."),
)}


def default(key: str):
    return SETTINGS[key].default


def server_value(key: str) -> int:
    """A server setting: ``LOYALTY_<KEY>`` from the environment when it is a whole number
    (held to the setting's range), else the default."""
    s = SETTINGS[key]
    raw = os.environ.get(f"LOYALTY_{key.upper()}", "").strip()
    if not raw.isdigit():
        return int(s.default)
    return int(min(max(int(raw), s.minimum), s.maximum))
