"""What-if speed with 1M customers: what a slider move costs once the data is aggregated.

Part 1 times the models and figures on the aggregates the page caches (a qualifying-spend
distribution of 1M synthetic customers, seven loyalty types). Part 2 loads 4M transactions of 1M
customers, opens the What-if page through Streamlit's AppTest (the first view runs the queries)
and then times whole page reruns after moving the discount slider and a tier threshold: the
script's work for a re-render, without the browser's drawing.

    python benchmarks/whatif_benchmark.py            # both parts
    python benchmarks/whatif_benchmark.py --models   # part 1 only
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from loyalty.presentation import plan_charts  # noqa: E402
from loyalty.presentation.charts import tier_matrix  # noqa: E402
from loyalty.planning.simulate import (DiscountAssumptions, discount_scenario, profit_curve,  # noqa: E402
                              retention_scenario)
from loyalty.planning.tier_plan import (DEFAULT_BENEFITS as BENEFITS, TierAssumptions,  # noqa: E402
                               compare_ladders, spend_distribution)


def _median_ms(fn, repeats: int = 20) -> float:
    times = []
    for i in range(repeats):
        t = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def models() -> list[str]:
    rng = np.random.default_rng(7)
    spend = pd.Series(rng.lognormal(5.5, 1.0, 1_000_000))
    t = time.perf_counter()
    dist = spend_distribution(spend)
    rows = [f"| aggregate 1,000,000 customers' spend into a distribution (once, cached) | "
            f"{(time.perf_counter() - t) * 1000:.0f} ms ({len(dist):,} rows) |"]
    a = TierAssumptions(benefits=BENEFITS)
    names = ["Bronze", "Silver", "Gold"]

    def tier_move(i):
        r = compare_ladders(dist, [0, 300, 800], [0, 250 + i, 800], a, a)
        plan_charts.tier_compare(r["now"]["per_tier"], r["new"]["per_tier"], names).to_json()
        tier_matrix(r["moves"].set_axis(names, axis=0).set_axis(names, axis=1)).to_json()

    rows.append(f"| tier threshold moved: both ladders x 3 bands, movers, two figures | "
                f"{_median_ms(tier_move):.0f} ms |")
    kinds = [k for k, _ in DiscountAssumptions().max_uplift]
    summary = pd.DataFrame({"customers": rng.integers(50_000, 250_000, len(kinds)),
                            "orders": rng.integers(200_000, 900_000, len(kinds)).astype(float),
                            "aov": rng.uniform(20, 70, len(kinds))}, index=kinds)

    def discount_move(i):
        depth = (i % 60) / 100
        for scale in (0.5, 1.0, 1.5):
            discount_scenario(summary, depth, 0.4, DiscountAssumptions(), scale)
        plan_charts.profit_curve(profit_curve(summary, 0.4), depth).to_json()

    rows.append(f"| discount depth moved: 3 bands, profit curve over 61 depths, figure | "
                f"{_median_ms(discount_move):.0f} ms |")

    def retention_move(i):
        table = retention_scenario(5e7, 0.3, (i % 20) / 100, 0.4, 3)
        plan_charts.retention_chart(table).to_json()

    rows.append(f"| churn cut moved: 3 years x 3 bands, figure | "
                f"{_median_ms(retention_move):.0f} ms |")
    return rows


def end_to_end() -> list[str]:
    from streamlit.testing.v1 import AppTest

    from loyalty.storage.dataset import Dataset
    from make_transactions import write

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tx.csv")
        write(path, 4_000_000, "en", customers=1_000_000)
        ds = Dataset()
        t = time.perf_counter()
        ds.load(path)
        rows.append(f"| load 4,000,000 transactions of 1,000,000 customers | "
                    f"{time.perf_counter() - t:.1f} s |")
        at = AppTest.from_file(os.path.join(ROOT, "app.py"), default_timeout=1800)
        at.session_state["dataset"] = ds
        from ui.state import _register
        _register(ds)
        at.run()
        t = time.perf_counter()
        at.switch_page("pages/whatif.py").run()
        assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
        rows.append(f"| first view of the What-if page (queries run, then cached) | "
                    f"{time.perf_counter() - t:.1f} s |")

        def rerun(widget, values):
            times = []
            for v in values:
                t = time.perf_counter()
                widget().set_value(v).run()
                times.append((time.perf_counter() - t) * 1000)
                assert not at.exception
            return statistics.median(times)

        ms = rerun(lambda: at.slider(key="whatif_depth"), [5, 10, 15, 20, 25, 30, 35, 40, 45, 50])
        rows.append(f"| whole page rerun after a discount slider move (median of 10) | "
                    f"{ms:.0f} ms |")
        ms = rerun(lambda: at.number_input(key="whatif_floor_2"),
                   [700.0 + 10 * k for k in range(10)])
        rows.append(f"| whole page rerun after a tier threshold move (median of 10) | "
                    f"{ms:.0f} ms |")
        ds.close()
    return rows


def main() -> None:
    rows = ["| step | time |", "|---|---:|", *models()]
    if "--models" not in sys.argv:
        rows += end_to_end()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
