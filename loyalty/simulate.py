"""What-if models on per-type summaries (groundwork for the What-if page, issue 6).

Everything here is NumPy on a few rows (one per loyalty type, or per spend band and type), so a
slider move costs microseconds whatever the size of the data.

Discount response is S-shaped in the depth (Gupta & Cooper 1992): nothing below a threshold,
saturation at depth. The default response sizes per loyalty type are assumptions, not estimates,
and are labelled as such wherever they are shown; only about a third of a promotion's extra sales
are truly new, the rest is pulled forward or stockpiled (Bijmolt, van Heerde & Pieters 2005).
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
        ("too_new", 0.20))
    threshold: float = 0.10      # depth where the response is half way up its slope
    width: float = 0.05          # how quickly it rises around the threshold
    incremental_share: float = 1 / 3   # share of the extra orders that are truly new
    devalue_from: float = 0.40   # deeper discounts make the product look less valuable
    too_small_below: float = 0.05


def uplift(depth, max_uplift: float, a: DiscountAssumptions = DiscountAssumptions()) -> np.ndarray:
    """Extra share of orders at discount ``depth`` (0-1): a logistic curve shifted so that a 0 %
    discount gives exactly 0 and deep discounts approach ``max_uplift``."""
    d = np.asarray(depth, dtype=float)
    s = 1 / (1 + np.exp(-(d - a.threshold) / a.width))
    s0 = 1 / (1 + np.exp(a.threshold / a.width))
    return max_uplift * (s - s0) / (1 - s0)


def max_uplifts(summary: pd.DataFrame, a: DiscountAssumptions) -> np.ndarray:
    """Each row's largest extra share of orders, by the loyalty type in the index (0 for a type
    the assumptions do not name)."""
    caps = dict(a.max_uplift)
    return np.array([caps.get(t, 0.0) for t in summary.index])


def discount_scenario(summary: pd.DataFrame, depth: float, margin: float,
                      a: DiscountAssumptions = DiscountAssumptions(),
                      scale: float = 1.0) -> dict:
    """Orders, revenue, discount cost and gross profit with a discount of ``depth`` on every
    order, against no discount.

    ``summary`` has one row per loyalty type: ``orders`` (baseline orders in the planning period)
    and ``aov`` (average order value at full price). ``margin`` is the gross margin at full price;
    ``scale`` multiplies every response (0.5 / 1 / 1.5 give the low / base / high band).
    Identities: revenue = orders x aov x (1 - depth); discount cost = orders x aov x depth;
    gross profit = orders x aov x (margin - depth).
    """
    base_orders = summary["orders"].to_numpy(dtype=float)
    aov = summary["aov"].to_numpy(dtype=float)
    lift = max_uplifts(summary, a) * scale
    extra = base_orders * uplift(depth, 1.0, a) * lift * a.incremental_share
    orders = base_orders + extra
    full = orders * aov
    out = {
        "orders": float(orders.sum()),
        "extra_orders": float(extra.sum()),
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

    The same arithmetic as :func:`discount_scenario`, for all depths at once: with W = sum of
    orders x aov and C = sum of orders x aov x max uplift over the types, the change at depth d
    is -W x d + uplift(d) x scale x incremental share x C x (margin - d).
    """
    depths = np.round(np.arange(0, 0.61, 0.01), 2) if depths is None else np.asarray(depths,
                                                                                    dtype=float)
    value = summary["orders"].to_numpy(dtype=float) * summary["aov"].to_numpy(dtype=float)
    w = value.sum()
    c = (value * max_uplifts(summary, a)).sum()
    u = uplift(depths, 1.0, a)
    out = pd.DataFrame({"depth": depths})
    for band, scale in bands:
        out[band] = -w * depths + u * scale * a.incremental_share * c * (margin - depths)
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
