"""Segmentation speed: scoring 1M customers, and re-scoring after a threshold moves.

The signals table (one row per customer) is synthetic here: segmentation itself only needs it,
and producing it from transactions is measured by the load and overview benchmarks. A second
figure measures the whole Segments computation on the bundled demo data.

    python benchmarks/segments_benchmark.py
"""

from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from loyalty.analysis.customers import reason_text  # noqa: E402
from loyalty.storage.dataset import open_demo  # noqa: E402
from loyalty.demo import random_signals  # noqa: E402
from loyalty.analysis.features import customer_features  # noqa: E402
from loyalty.analysis.segments import TYPE_RULES, segment, signals, with_threshold  # noqa: E402


def main() -> None:
    rows = ["| step | customers | seconds |", "|---|---:|---:|"]
    sig = random_signals(1_000_000)
    t = time.perf_counter()
    seg = segment(sig)
    rows.append(f"| score six types, pick the type and its reasons | 1,000,000 | "
                f"{time.perf_counter() - t:.2f} |")
    rules = with_threshold(TYPE_RULES, "price_loyal", "discount_share", low=0.2, high=0.5)
    t = time.perf_counter()
    segment(sig, rules, explain=False)
    rows.append(f"| re-score after a threshold change (types and scores, no reasons) | "
                f"1,000,000 | {time.perf_counter() - t:.2f} |")
    t = time.perf_counter()
    [reason_text(r) for r in seg.table["reasons"].head(100_000)]
    rows.append(f"| reasons in words (export) | 100,000 | {time.perf_counter() - t:.2f} |")
    ds = open_demo(os.path.join(os.path.dirname(HERE), "data", "demo"))
    t = time.perf_counter()
    f = customer_features(ds)
    rows.append(f"| customer features from transactions (demo) | {len(f):,} | "
                f"{time.perf_counter() - t:.2f} |")
    t = time.perf_counter()
    segment(signals(f))
    rows.append(f"| signals and types (demo) | {len(f):,} | {time.perf_counter() - t:.2f} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
