"""BG/NBD fitting for 1M customers, and the NPS/churn page computations on generated data.

Customers are simulated from the BG/NBD process itself (purchase rates ~ Gamma(r, alpha),
drop-out after each purchase with probability ~ Beta(a, b)) over 52 weeks, so the fit can also
be checked against the parameters it was simulated from.

    python benchmarks/churn_benchmark.py [--customers 1000000] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from make_transactions import write  # noqa: E402

from loyalty.analysis import churn  # noqa: E402
from loyalty.analysis.clv import fit_bgnbd, purchase_histories  # noqa: E402
from loyalty.storage.dataset import Dataset  # noqa: E402


def simulate(n: int, r=0.25, alpha=4.4, a=0.8, b=2.4, weeks=52.0, seed=3):
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    freq = np.zeros(n)
    rec = np.zeros(n)
    t = np.zeros(n)
    alive = np.ones(n, bool)
    # Weekly steps: each live customer buys with rate lam, then may drop out.
    for _ in range(int(weeks)):
        buys = alive & (rng.random(n) < 1 - np.exp(-lam))
        t += 1
        freq += buys
        rec = np.where(buys, t, rec)
        alive &= ~(buys & (rng.random(n) < p))
    return freq, rec, np.full(n, weeks)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--rows", type=int, default=1_000_000)
    a = ap.parse_args()
    lines = ["| step | size | seconds |", "|---|---:|---:|"]
    x, tx, T = simulate(a.customers)
    t = time.perf_counter()
    model = fit_bgnbd(x, tx, T)
    lines.append(f"| BG/NBD fit (simulated r=0.25, alpha=4.4, a=0.8, b=2.4; got r={model.r:.3f}, "
                 f"alpha={model.alpha:.2f}, a={model.a:.3f}, b={model.b:.3f}) | "
                 f"{a.customers:,} customers | {time.perf_counter() - t:.2f} |")
    print(lines[-1], flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tx.csv")
        write(path, a.rows, "en")
        ds = Dataset()
        ds.load(path, table="transactions")
        for label, fn in (
            ("purchase histories for BG/NBD", lambda: purchase_histories(ds)),
            ("suggested inactivity window", lambda: churn.suggested_window(ds)),
            ("monthly movements", lambda: churn.monthly_movements(ds, 91)),
            ("cohort retention", lambda: churn.cohorts(ds)),
        ):
            t = time.perf_counter()
            fn()
            lines.append(f"| {label} | {a.rows:,} transactions | {time.perf_counter() - t:.2f} |")
            print(lines[-1], flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
