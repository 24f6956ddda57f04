"""What-if models on per-type summaries (groundwork for the What-if page, issue 6).

Everything here is NumPy on a few rows (one per loyalty type, or per spend band and type), so a
slider move costs microseconds whatever the size of the data.

Discount response is S-shaped in the depth (Gupta & Cooper 1992): exactly nothing up to a
threshold depth, saturation at depth. The default response sizes per loyalty type are assumptions,
not estimates, and are labelled as such wherever they are shown; only about a third of a
promotion's extra sales are truly new, the rest is pulled forward or stockpiled (Bijmolt, van
Heerde & Pieters 2005).

Whatever the response's source (these defaults or an estimate from the data), the order bump is
bounded by published price elasticities (Bijmolt et al. 2005, 1,851 estimates): at depth d a
type's orders may rise by at most |elasticity| x min(d, saturation depth), before the truly-new
share; the mean elasticity -2.62 bounds the low and base cases, the short-term promotional
elasticity -3.6 the high case. A curve calibrated on a few unusual days, or a large response size
typed in, can therefore never promise more than the literature has ever measured.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class DiscountAssumptions:
    """Documented defaults; every one is shown and editable on the What-if page."""

    # Largest extra share of orders a deep discount brings, per loyalty type.
    max_uplift: tuple[tuple[str, float], ...] = (
        ("price_loyal", 0.80), ("perk_loyal", 0.30), ("programme_loyal", 0.25),
        ("satisfied", 0.15), ("convenience_loyal", 0.05), ("advocate", 0.05),
        ("too_new", 0.20), ("one_time", 0.20), ("occasional", 0.20))
    threshold: float = 0.10      # depth where the response is half way up its slope
    width: float = 0.05          # how quickly it rises around the threshold
    incremental_share: float = 1 / 3   # share of the extra orders that are truly new
    devalue_from: float = 0.40   # deeper discounts make the product look less valuable
    # Discounts below this depth change nothing: the response is 0 there and the page warns.
    too_small_below: float = 0.05
    # Published price elasticities that bound the order bump (Bijmolt, van Heerde & Pieters
    # 2005): the mean over 1,851 estimates, and the short-term promotional one for the high case.
    elasticity_base: float = -2.62
    elasticity_high: float = -3.6
    saturation_depth: float = 0.30   # the bound grows with the depth up to here, then stays


def uplift(depth, max_uplift: float, a: DiscountAssumptions = DiscountAssumptions()) -> np.ndarray:
    """Extra share of orders at discount ``depth`` (0-1), before the bound and the truly-new share:
    a logistic curve shifted so that it is exactly 0 up to ``a.too_small_below`` (the threshold:
    smaller discounts change nothing) and approaches ``max_uplift`` at depth."""
    d = np.asarray(depth, dtype=float)
    s = 1 / (1 + np.exp(-(d - a.threshold) / a.width))
    s0 = 1 / (1 + np.exp(-(a.too_small_below - a.threshold) / a.width))
    return max_uplift * np.clip((s - s0) / (1 - s0), 0.0, None)


def band_elasticity(band: str, a: DiscountAssumptions) -> float:
    """The elasticity that bounds a band's response: the short-term promotional one for the
    high band, the mean one otherwise."""
    return a.elasticity_high if band == "high" else a.elasticity_base


def bound(depth, elasticity: float, a: DiscountAssumptions = DiscountAssumptions()) -> np.ndarray:
    """Largest extra share of orders (before the truly-new share) published elasticities allow at
    ``depth``: |elasticity| x min(depth, saturation depth)."""
    d = np.asarray(depth, dtype=float)
    return abs(elasticity) * np.minimum(d, a.saturation_depth)


def max_uplifts(summary: pd.DataFrame, a: DiscountAssumptions) -> np.ndarray:
    """Each row's largest extra share of orders, by the loyalty type in the index (0 for a type
    the assumptions do not name)."""
    caps = dict(a.max_uplift)
    return np.array([caps.get(t, 0.0) for t in summary.index])


def _gross_uplift(summary: pd.DataFrame, depths: np.ndarray, a: DiscountAssumptions,
                  scale: float, elasticity: float) -> tuple[np.ndarray, np.ndarray]:
    """Per depth (rows) and loyalty type (columns): the extra share of orders before the
    truly-new share, bounded and unbounded."""
    free = np.outer(uplift(depths, 1.0, a), max_uplifts(summary, a) * scale)
    return np.minimum(free, bound(depths, elasticity, a)[:, None]), free


def discount_scenario(summary: pd.DataFrame, depth: float, margin: float,
                      a: DiscountAssumptions = DiscountAssumptions(),
                      scale: float = 1.0, elasticity: float | None = None) -> dict:
    """Orders, revenue, discount cost and gross profit for a year with a discount of ``depth`` on
    every order of the customers in ``summary``, against no discount.

    ``summary`` has one row per loyalty type: ``customers``, ``orders`` (baseline orders in the
    year) and ``aov`` (average order value at full price). ``margin`` is the gross margin at full
    price; ``scale`` multiplies every response (0.5 / 1 / 1.5 give the low / base / high band);
    ``elasticity`` bounds it (default: the mean published elasticity).
    Per type: extra orders = orders x min(S-curve x scale, bound) x truly-new share.
    Identities: revenue = orders x aov x (1 - depth); discount cost = orders x aov x depth;
    gross profit = orders x aov x (margin - depth). ``bounded_orders`` are the extra orders the
    elasticity bound removed; ``extra_per_customer`` and ``orders_per_customer`` are per
    customer of the summary and year.
    """
    elasticity = a.elasticity_base if elasticity is None else elasticity
    base_orders = summary["orders"].to_numpy(dtype=float)
    aov = summary["aov"].to_numpy(dtype=float)
    customers = float(summary["customers"].sum())
    gross, free = _gross_uplift(summary, np.array([depth], dtype=float), a, scale, elasticity)
    extra = base_orders * gross[0] * a.incremental_share
    orders = base_orders + extra
    full = orders * aov
    out = {
        "orders": float(orders.sum()),
        "extra_orders": float(extra.sum()),
        "bounded_orders": float((base_orders * (free[0] - gross[0])).sum() * a.incremental_share),
        "customers": customers,
        "extra_per_customer": float(extra.sum()) / customers if customers else 0.0,
        "orders_per_customer": float(base_orders.sum()) / customers if customers else 0.0,
        "revenue": float((full * (1 - depth)).sum()),
        "discount_cost": float((full * depth).sum()),
        "gross_profit": float((full * (margin - depth)).sum()),
        "baseline_revenue": float((base_orders * aov).sum()),
        "baseline_profit": float((base_orders * aov * margin).sum()),
    }
    out["profit_change"] = out["gross_profit"] - out["baseline_profit"]
    out["warning"] = ("devalues" if depth >= a.devalue_from
                      else "too_small" if 0 < depth < a.too_small_below else None)
    return out


# The low / base / high band of every what-if: half, all and 1.5 times the assumed response.
BANDS = (("low", 0.5), ("base", 1.0), ("high", 1.5))


def profit_curve(summary: pd.DataFrame, margin: float, a: DiscountAssumptions = DiscountAssumptions(),
                 depths=None, bands=BANDS) -> pd.DataFrame:
    """Profit change over discount depths 0-60 % for each response band (name, scale).

    The same arithmetic as :func:`discount_scenario`, for all depths at once (each band bounded
    by :func:`band_elasticity`): with W = sum of orders x aov, the change at depth d is
    -W x d + sum over types of orders x aov x bounded uplift(d) x incremental share x (margin - d).
    """
    depths = np.round(np.arange(0, 0.61, 0.01), 2) if depths is None else np.asarray(depths,
                                                                                    dtype=float)
    value = summary["orders"].to_numpy(dtype=float) * summary["aov"].to_numpy(dtype=float)
    w = value.sum()
    out = pd.DataFrame({"depth": depths})
    for band, scale in bands:
        gross, _ = _gross_uplift(summary, depths, a, scale, band_elasticity(band, a))
        out[band] = -w * depths + (gross @ value) * a.incremental_share * (margin - depths)
    return out


def retention_scenario(revenue_per_year: float, churn_rate: float, churn_cut_points: float,
                       margin: float, years: int = 3, cost_per_year: float = 0.0,
                       bands=BANDS) -> pd.DataFrame:
    """Revenue and gross profit over ``years`` when yearly churn falls by ``churn_cut_points``
    (0.02 = two percentage points), for a customer base that would otherwise shrink by
    ``churn_rate`` a year and is not replenished. Year 1 is the first year after the change.

    ``extra_profit`` = extra revenue x margin - ``cost_per_year`` (what the retention effort
    costs); the band columns (``extra_profit_low`` ...) assume the cut is achieved only in part
    or more than planned (the band's scale times the cut).
    """
    keep_now = 1 - churn_rate
    rows = []
    for y in range(1, years + 1):
        now = revenue_per_year * keep_now ** y
        row = {"year": y, "revenue_now": now}
        for band, scale in bands:
            keep_new = 1 - min(1.0, max(0.0, churn_rate - churn_cut_points * scale))
            new = revenue_per_year * keep_new ** y
            suffix = "" if band == "base" else f"_{band}"
            if band == "base":
                row.update(revenue_new=new, extra_revenue=new - now)
            row["extra_profit" + suffix] = (new - now) * margin - cost_per_year
        rows.append(row)
    return pd.DataFrame(rows)
