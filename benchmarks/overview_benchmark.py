"""Overview page computation time at 1M and 10M transactions, and time from upload to first chart.

"Upload to first chart" is: read plan + load into DuckDB + overview figures (two periods) +
monthly series + building the Plotly figure, i.e. everything between the manager pressing "Load"
and the first chart being ready to send to the browser. Repeat views are served from Streamlit's
cache (keyed by dataset version and filters) and cost nothing measurable.

    python benchmarks/overview_benchmark.py [--rows 1000000 10000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from make_transactions import write  # noqa: E402
from report import publish  # noqa: E402

from loyalty.presentation import charts  # noqa: E402

from loyalty.analysis import overview
from loyalty.storage.dataset import Dataset  # noqa: E402
from loyalty.analysis.filters import Filters  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="*", default=[1_000_000, 10_000_000])
    a = ap.parse_args()
    lines = ["| transactions | load s | overview (2 periods) s | monthly s | first chart after "
             "upload s | overview, filtered by channel s |", "|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in a.rows:
            path = os.path.join(tmp, f"tx_{rows}.csv")
            write(path, rows, "en")
            t0 = time.perf_counter()
            ds = Dataset()
            ds.load(path, table="transactions")
            load = time.perf_counter() - t0
            f = Filters(start=dt.date(2026, 5, 1), end=dt.date(2026, 10, 31))
            t = time.perf_counter()
            overview.overview(ds, f)
            ov = time.perf_counter() - t
            t = time.perf_counter()
            m = overview.monthly(ds, f)
            charts.revenue_and_active(m, "en")
            mon = time.perf_counter() - t
            first = time.perf_counter() - t0
            g = Filters(start=f.start, end=f.end, channels=("online",))
            t = time.perf_counter()
            overview.overview(ds, g)
            filt = time.perf_counter() - t
            lines.append(f"| {rows:,} | {load:.2f} | {ov:.2f} | {mon:.2f} | {first:.2f} | "
                         f"{filt:.2f} |")
            print(lines[-1], flush=True)
            ds.close()
            os.unlink(path)
    publish(lines, "overview")


if __name__ == "__main__":
    main()
