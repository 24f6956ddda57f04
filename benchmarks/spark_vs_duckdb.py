"""DuckDB (embedded) against Spark local[2] on the same generated transactions: load, the
headline KPIs, and the Overview and Churn pages' computations, uncached.

    python benchmarks/spark_vs_duckdb.py --rows 10000000

DuckDB loads the CSV (every value checked, see load_benchmark.py); the loaded table is written
to Parquet, which Spark reads as a mapped source (its "load" is opening and counting it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from make_transactions import write  # noqa: E402

from loyalty.analysis.churn import cohorts, monthly_movements, suggested_window  # noqa: E402
from loyalty.analysis.filters import Filters, data_range  # noqa: E402
from loyalty.analysis.kpis import headline  # noqa: E402
from loyalty.analysis.overview import monthly, overview  # noqa: E402
from loyalty.analysis.periods import default_period  # noqa: E402
from loyalty.storage.dataset import Dataset  # noqa: E402
from loyalty.storage.mapped import Source  # noqa: E402
from loyalty.storage.parquet import write_parquet  # noqa: E402
from loyalty.storage.spark import open_spark  # noqa: E402


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def pages(ds) -> dict[str, float]:
    """Seconds per step on ``ds``, and the figures, to check both engines agree."""
    out = {}
    kpis, out["kpis"] = timed(lambda: headline(ds))
    f = Filters(*default_period(*data_range(ds)))
    (ov, _), out["overview page"] = timed(lambda: (overview(ds, f), monthly(ds, f)))

    def churn():
        w = suggested_window(ds, f)
        return w, monthly_movements(ds, w["days"], f), cohorts(ds, f)
    (w, mv, co), out["churn page"] = timed(churn)
    out["_figures"] = (kpis["customers"], kpis["orders"], kpis["net_revenue"],
                       round(ov["current"]["churn_rate"], 12), w["days"],
                       int(mv["churned"].sum()) if "churned" in mv else len(mv), len(co))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--cores", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="spark-bench-") as tmp:
        csv = os.path.join(tmp, "tx.csv")
        write(csv, args.rows)
        duck = Dataset()
        _, load_duck = timed(lambda: duck.load(csv, table="transactions"))
        paths, to_parquet = timed(lambda: write_parquet(duck, os.path.join(tmp, "pq")))
        d = pages(duck)
        spark, load_spark = timed(lambda: open_spark(
            [Source("transactions", paths["transactions"])], cores=args.cores))
        s = pages(spark)
        print(f"rows {args.rows:,}; the loaded table written to Parquet in {to_parquet:.1f} s")
        print("same figures:", d["_figures"] == s["_figures"], d["_figures"])
        print("| step | DuckDB s | Spark local[%d] s |" % args.cores)
        print("|---|---:|---:|")
        print(f"| load (DuckDB: CSV checked and loaded; Spark: session started, Parquet opened, "
              f"mapped, counted) "
              f"| {load_duck:.2f} | {load_spark:.2f} |")
        for k in ("kpis", "overview page", "churn page"):
            print(f"| {k} | {d[k]:.2f} | {s[k]:.2f} |")


if __name__ == "__main__":
    main()
