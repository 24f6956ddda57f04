"""What the data says about discounts: baseline orders by loyalty type, and the response to
discount depth estimated from days with different average discounts.

The estimate is a regression on one row per day (small, whatever the data size):
log(orders) = a + b x depth + weekday + month effects, where depth is the day's discount /
(net amount + discount). Month effects absorb the season, weekday effects the week's rhythm, so b
comes from days of the same month that were discounted more or less. exp(b x d) - 1 is then the
extra share of orders at an average discount of d, with a 95 % interval from b's standard error.
This holds for the depths the data has seen; beyond them the S-shaped curve's form is an
assumption. Days and months with sales only are used; at least 60 days, 20 of them discounted,
and visible variation in depth are required, otherwise the literature defaults stay in place.
An estimate above what published elasticities allow at its depth (see :mod:`loyalty.planning.simulate`)
is clipped to that bound before it is used, and the page says so.
"""

from __future__ import annotations

import datetime as dt

import ibis
import numpy as np
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import Filters, filtered_transactions, months_up_to, order_count
from loyalty.planning.simulate import BANDS, DiscountAssumptions, band_elasticity, bound, max_uplifts, uplift

MIN_DAYS = 60
MIN_DISCOUNT_DAYS = 20
MIN_DEPTH_SPREAD = 0.005


def type_summary(ds: Dataset, types: pd.Series | ibis.Table, end: dt.date, months: int = 12,
                 filters: Filters | None = None) -> pd.DataFrame:
    """One row per loyalty type: customers, orders and full-price order value in the ``months``
    up to ``end``.

    ``types`` is the loyalty type per customer (a series, or an engine table with
    ``customer_id`` and ``loyalty_type``). Orders are rows with a positive amount (or
    distinct order ids); the full price is the net amount plus the discount, so that a
    what-if discount is applied to what customers would pay without one.
    """
    tx = filtered_transactions(ds, filters or Filters())
    start, stop = months_up_to(end, months)
    buy = tx.filter(tx.customer_id.notnull() & (tx.amount > 0) & (tx.date >= start)
                    & (tx.date < stop))
    fields = ds.fields("transactions")
    gross = buy.amount + (buy.discount.fill_null(0) if "discount" in fields else 0)
    per = buy.group_by("customer_id").aggregate(orders=order_count(ds, buy), gross=gross.sum())
    if isinstance(types, ibis.Table):
        # Types kept by the engine (data that stays in Spark): joined and summed there.
        j = per.join(types.select("customer_id", "loyalty_type"), "customer_id")
        g = j.group_by("loyalty_type").aggregate(
            customers=j.count(), orders=j.orders.sum(),
            gross=j.gross.cast("float64").sum()).execute().set_index("loyalty_type")
        g = g.sort_index()
    else:
        per = per.execute().set_index("customer_id").join(types.rename("loyalty_type"),
                                                          how="inner")
        g = per.groupby("loyalty_type").agg(customers=("orders", "size"),
                                            orders=("orders", "sum"), gross=("gross", "sum"))
    g["aov"] = g["gross"] / g["orders"].where(g["orders"] > 0)
    return g[["customers", "orders", "aov"]].fillna(0.0)


def daily_discounts(ds: Dataset, filters: Filters | None = None) -> pd.DataFrame:
    """One row per day with sales: ``orders`` and ``depth`` = discount / (net + discount)."""
    tx = filtered_transactions(ds, filters or Filters())
    buy = tx.filter(tx.amount > 0)
    g = buy.group_by(buy.date.date().name("day")).aggregate(
        orders=order_count(ds, buy), net=buy.amount.sum(),
        discount=buy.discount.fill_null(0).sum()).execute()
    g["day"] = pd.to_datetime(g["day"])
    g["depth"] = g["discount"] / (g["net"] + g["discount"])
    return g.sort_values("day").reset_index(drop=True)


def estimate_response(daily: pd.DataFrame) -> dict:
    """Semi-elasticity of daily orders to the day's average discount depth.

    Returns ``estimated`` (False with a ``reason`` when the data cannot say), ``b``, ``se``,
    ``days``, ``discount_days``, ``reference_depth`` (the 90th percentile of the discounted days'
    depth) and ``uplift``, ``uplift_low``, ``uplift_high`` at that depth.
    """
    d = daily[(daily["orders"] > 0) & daily["depth"].notna()].copy()
    out = {"estimated": False, "days": int(len(d)),
           "discount_days": int((d["depth"] > 0.001).sum())}
    if len(d) < MIN_DAYS or out["discount_days"] < MIN_DISCOUNT_DAYS:
        return {**out, "reason": "few_days"}
    if d["depth"].std() < MIN_DEPTH_SPREAD:
        return {**out, "reason": "no_variation"}
    weekday = pd.get_dummies(d["day"].dt.day_of_week, prefix="w", drop_first=True, dtype=float)
    month = pd.get_dummies(d["day"].dt.to_period("M").astype(str), prefix="m", drop_first=True,
                           dtype=float)
    X = np.column_stack([np.ones(len(d)), d["depth"].to_numpy(), weekday.to_numpy(),
                         month.to_numpy()])
    y = np.log(d["orders"].to_numpy(dtype=float))
    coef, _, rank, _ = np.linalg.lstsq(X, y, rcond=None)
    dof = len(y) - rank
    if rank < X.shape[1] or dof < 10:
        return {**out, "reason": "no_variation"}
    resid = y - X @ coef
    sigma2 = float(resid @ resid) / dof
    cov = sigma2 * np.linalg.inv(X.T @ X)
    b, se = float(coef[1]), float(np.sqrt(cov[1, 1]))
    ref = float(np.quantile(d.loc[d["depth"] > 0.001, "depth"], 0.9))
    return {**out, "estimated": True, "b": b, "se": se, "reference_depth": ref,
            "uplift": float(np.expm1(b * ref)),
            "uplift_low": float(np.expm1((b - 1.96 * se) * ref)),
            "uplift_high": float(np.expm1((b + 1.96 * se) * ref))}


_BAND_KEYS = (("low", "uplift_low"), ("base", "uplift"), ("high", "uplift_high"))


def clip_estimate(estimate: dict, a: DiscountAssumptions = DiscountAssumptions()) -> dict:
    """The estimate with each of ``uplift_low``, ``uplift`` and ``uplift_high`` at most what its
    band's published elasticity allows at the reference depth (:func:`loyalty.planning.simulate.bound`);
    ``clipped`` says whether the central estimate was cut, ``bound`` is its bound."""
    if not estimate.get("estimated"):
        return {**estimate, "clipped": False}
    out = dict(estimate)
    for band, key in _BAND_KEYS:
        out[key] = min(estimate[key], float(bound(estimate["reference_depth"],
                                                  band_elasticity(band, a), a)))
    out["bound"] = float(bound(estimate["reference_depth"], a.elasticity_base, a))
    out["clipped"] = estimate["uplift"] > out["uplift"]
    return out


def response_bands(summary: pd.DataFrame, estimate: dict,
                   a: DiscountAssumptions = DiscountAssumptions()) -> tuple:
    """The low/base/high scales for :func:`loyalty.planning.simulate.discount_scenario`.

    Without an estimate: the default 0.5 / 1 / 1.5 around the literature assumptions. With one:
    the scales that make the model's total order uplift at the reference depth (before the
    incremental share, as the daily data also contains pulled-forward orders) equal the estimate
    and the ends of its interval, each first clipped by :func:`clip_estimate`; never below 0.
    """
    if not estimate.get("estimated"):
        return BANDS
    estimate = clip_estimate(estimate, a)
    orders = summary["orders"].to_numpy(dtype=float)
    lift = max_uplifts(summary, a)
    model = float((orders * lift).sum() / orders.sum() * uplift(estimate["reference_depth"], 1.0,
                                                                  a)) if orders.sum() else 0.0
    if model <= 0:
        return BANDS
    return tuple((band, max(0.0, estimate[key] / model)) for band, key in _BAND_KEYS)
