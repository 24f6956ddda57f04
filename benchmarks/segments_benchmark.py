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

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from loyalty.customers import reason_text  # noqa: E402
from loyalty.dataset import open_demo  # noqa: E402
from loyalty.features import customer_features  # noqa: E402
from loyalty.segments import TYPE_RULES, segment, signals, with_threshold  # noqa: E402


def synthetic_signals(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "orders": rng.integers(1, 40, n), "orders_per_month": rng.uniform(0, 3, n),
        "aov": rng.uniform(5, 120, n), "discount_share": rng.uniform(0, 1, n),
        "member": rng.integers(0, 2, n).astype(float), "logins_per_month": rng.uniform(0, 4, n),
        "redeem_share": rng.uniform(0, 0.3, n), "channel_share": rng.uniform(0.3, 1, n),
        "categories": rng.integers(1, 6, n).astype(float), "perks_per_month": rng.uniform(0, 3, n),
        "referrals": rng.integers(0, 3, n).astype(float), "reviews_per_year": rng.uniform(0, 3, n),
        "nps": rng.integers(0, 11, n).astype(float), "complaints": rng.integers(0, 2, n),
        "recency_days": rng.integers(0, 400, n), "tenure_days": rng.integers(0, 700, n),
    }, index=[f"C{i}" for i in range(n)])


def main() -> None:
    rows = ["| step | customers | seconds |", "|---|---:|---:|"]
    sig = synthetic_signals(1_000_000)
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
