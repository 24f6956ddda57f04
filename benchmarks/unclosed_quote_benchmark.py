"""What an unclosed quote costs a load: 1,000,000 rows with two lines that open a quote and
never close it, against the same file without them. Each broken line means one more read of the
file (the line is dropped from a copy and the load reads on).

    python benchmarks/unclosed_quote_benchmark.py [--rows N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def write(path: str, rows: int, broken: set[int]) -> None:
    with open(path, "w") as f:
        f.write("customer,date,amount,note\n")
        for i in range(1, rows + 1):
            note = '"broken' if i in broken else "ok"
            f.write(f"C{i % 100000},2025-{i % 12 + 1:02d}-{i % 28 + 1:02d},"
                    f"{(i % 5000) / 100:.2f},{note}\n")


def timed_load(path: str) -> tuple[float, object, list]:
    from loyalty.storage.dataset import Dataset
    ds = Dataset()
    t = time.perf_counter()
    report = ds.load(path)
    seconds = time.perf_counter() - t
    return seconds, report, list(ds.rejects(report.file_id)["line"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    rows = ap.parse_args().rows
    with tempfile.TemporaryDirectory() as tmp:
        clean, broken = os.path.join(tmp, "clean.csv"), os.path.join(tmp, "broken.csv")
        write(clean, rows, set())
        write(broken, rows, {10, rows // 2})
        c, _, _ = timed_load(clean)
        b, report, lines = timed_load(broken)
    print("| rows | clean file s | two unclosed quotes s | loaded | rejected (lines) |")
    print("|---:|---:|---:|---:|---|")
    print(f"| {rows:,} | {c:.1f} | {b:.1f} | {report.rows_loaded:,} | "
          f"{report.rows_rejected} ({', '.join(f'{x:,}' for x in lines)}) |")


if __name__ == "__main__":
    main()
