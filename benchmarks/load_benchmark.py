"""Load speed and peak memory versus DuckDB's bare read_csv, at 1M and 10M rows.

Each measurement runs in its own process so its peak memory (max RSS) is its own. Results are
printed as a Markdown table (copied into the README) and written to benchmarks/out/load.md.

    python benchmarks/load_benchmark.py            # 1M and 10M rows, both dialects
    python benchmarks/load_benchmark.py --rows 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BARE = """
import duckdb, json, resource, sys, time
con = duckdb.connect()
t = time.perf_counter()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv($p)", {"p": sys.argv[1]})
n = con.execute("SELECT count(*) FROM t").fetchall()[0][0]
print(json.dumps({"seconds": time.perf_counter() - t, "rows": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

OURS = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from loyalty.storage.dataset import Dataset
from loyalty.analysis.kpis import headline
ds = Dataset()
t = time.perf_counter()
r = ds.load(sys.argv[1], table="transactions")
load = time.perf_counter() - t
t = time.perf_counter()
k = headline(ds)
print(json.dumps({"seconds": load, "kpi_seconds": time.perf_counter() - t,
                  "rows": r.rows_loaded, "rejected": r.rows_rejected, "kpis": k,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="*", default=[1_000_000, 10_000_000])
    ap.add_argument("--dialects", nargs="*", default=["en", "de"])
    a = ap.parse_args()
    sys.path.insert(0, HERE)
    from make_transactions import write
    from report import publish

    lines = ["| rows | dialect | file MB | bare read_csv s | Loyalty Lens load s | ratio | "
             "peak MB (ours) | kpis s | customers | net revenue |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in a.rows:
            for dialect in a.dialects:
                path = os.path.join(tmp, f"tx_{dialect}_{rows}.csv")
                write(path, rows, dialect)
                size = os.path.getsize(path) / 1e6
                bare = min((_run(BARE, path) for _ in range(2)), key=lambda r: r["seconds"])
                ours = min((_run(OURS, path, ROOT) for _ in range(2)), key=lambda r: r["seconds"])
                k = ours["kpis"]
                lines.append(
                    f"| {rows:,} | {dialect} | {size:,.0f} | {bare['seconds']:.2f} | "
                    f"{ours['seconds']:.2f} | {ours['seconds'] / bare['seconds']:.2f} | "
                    f"{ours['peak_mb']:,.0f} | {ours['kpi_seconds']:.2f} | {k['customers']:,} | "
                    f"{k['net_revenue']:,.2f} |")
                print(lines[-1], flush=True)
                os.unlink(path)
    publish(lines, "load")


if __name__ == "__main__":
    main()
