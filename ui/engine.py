"""Which engine a session's data lives in: DuckDB (the default: files are loaded into it) or
Spark (the canonical tables are mapped onto tables or Parquet/Delta paths Spark reads).

``LOYALTY_ENGINE=spark`` starts the app on Spark; ``LOYALTY_SPARK_REMOTE=sc://host:15002`` names
a Spark Connect server (else a local session); the demo is then read from Parquet files written
once per server process.
"""

from __future__ import annotations

import os
import tempfile
import threading

from loyalty.storage.dataset import open_demo

_DEMO_PARQUET: dict[str, str] = {}
_LOCK = threading.Lock()


def engine() -> str:
    return "spark" if os.environ.get("LOYALTY_ENGINE", "").strip().lower() == "spark" \
        else "duckdb"


def spark_remote() -> str | None:
    return os.environ.get("LOYALTY_SPARK_REMOTE", "").strip() or None


def demo_parquet(demo_dir: str) -> dict[str, str]:
    """The demo's canonical tables as Parquet, written on first use by this process."""
    from loyalty.storage.parquet import write_parquet
    with _LOCK:
        if not _DEMO_PARQUET:
            ds = open_demo(demo_dir)
            _DEMO_PARQUET.update(write_parquet(ds, tempfile.mkdtemp(prefix="loyalty-demo-")))
            ds.close()
        return dict(_DEMO_PARQUET)


def open_spark_demo(demo_dir: str, remote: str | None = None):
    from loyalty.storage.mapped import Source
    from loyalty.storage.spark import open_spark
    ds = open_spark([Source(t, p) for t, p in demo_parquet(demo_dir).items()], remote=remote)
    ds.label = "demo"
    return ds
