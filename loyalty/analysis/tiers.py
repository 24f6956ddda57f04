"""Tiers and points: qualifying spend, tier assignment and movement, customers near the next tier,
points earned, redeemed and outstanding.

Groundwork for the Tiers and What-if pages (issue 6); every aggregate is an Ibis expression and
results are one row per customer or per period.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from loyalty.storage.dataset import Dataset
from loyalty.storage.db import by_customer
from loyalty.analysis.filters import Filters, filtered_transactions
from loyalty.analysis.tier_counts import spend_table

# Default tier ladder: tier name and the qualifying spend (rolling 12 months) it starts at.
DEFAULT_TIERS: tuple[tuple[str, float], ...] = (("Bronze", 0.0), ("Silver", 300.0),
                                                 ("Gold", 800.0))


def qualifying_spend(ds: Dataset, as_of: dt.date, months: int = 12,
                     filters: Filters | None = None) -> pd.Series:
    """Net spend per identified customer in the ``months`` before ``as_of`` (inclusive).

    Returns are subtracted (a refund lowers the qualifying spend); anonymous sales count for
    nobody. One value per customer who had any transaction in the window.
    """
    g = spend_table(ds, as_of, months, filters).execute()
    return by_customer(g)["spend"].sort_index()


def thresholds_rise(floors) -> bool:
    """Whether each tier's threshold is above the one below it (``floors`` from the lowest tier
    up). A ladder out of order ranks a Gold customer below Silver and counts moves backwards."""
    return all(b > a for a, b in zip(floors, floors[1:]))


def _ladder_steps(values: np.ndarray, tiers) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ladder from the lowest floor up (names, floors) and each value's step on it: the
    highest floor the value reaches, the lowest step for a value below every floor."""
    ladder = sorted(tiers, key=lambda t: t[1])
    names = np.array([name for name, _ in ladder])
    floors = np.array([floor for _, floor in ladder], dtype=float)
    at = np.clip(np.searchsorted(floors, values, side="right") - 1, 0, len(ladder) - 1)
    return names, floors, at


def assign_tiers(spend: pd.Series, tiers=DEFAULT_TIERS) -> pd.Series:
    """The highest tier whose threshold the spend reaches (spend below every threshold gets the
    lowest tier). Categorical, its categories the ladder from the lowest tier: a million
    customers' tiers are then a million small codes, not a million strings."""
    names, _, at = _ladder_steps(spend.to_numpy(dtype=float), tiers)
    if len(set(names)) < len(names):
        # Two tiers of one name: no categories to code them by.
        return pd.Series(names[at], index=spend.index, dtype=object)
    return pd.Series(pd.Categorical.from_codes(at, names), index=spend.index)


def _ranks(tiers: pd.Series, names: list[str]) -> np.ndarray:
    """Each tier's step on the ladder ``names`` (-1: none, or a name off the ladder)."""
    if isinstance(tiers.dtype, pd.CategoricalDtype) and list(tiers.cat.categories) == names:
        return tiers.cat.codes.to_numpy()
    return pd.Index(names).get_indexer(tiers.to_numpy(dtype=object))


def tier_movement(before: pd.Series, after: pd.Series, tiers=DEFAULT_TIERS,
                  positions: np.ndarray | None = None) -> dict:
    """Customers by tier before (rows) and after (columns), plus upgrades, downgrades and stays.

    Only customers with a tier at both dates are counted. ``positions``, where each of
    ``before``'s customers is in ``after`` (-1: not there; :func:`customer_positions`), may be
    worked out once for two customer lists compared under many ladders.
    """
    names = [n for n, _ in sorted(tiers, key=lambda t: t[1])]
    k = len(names)
    # Ranks on the ladder (-1: no tier, or a name off the ladder), the later tier looked up by
    # the earlier one's customers: one hash lookup instead of aligning two frames.
    if positions is None:
        positions = customer_positions(before, after)
    r0 = _ranks(before, names)
    r1 = np.full(len(positions), -1, dtype=np.int64)
    found = positions >= 0
    r1[found] = _ranks(after, names)[positions[found]]
    both = (r0 >= 0) & (r1 >= 0)
    r0, r1 = r0[both].astype(np.int64), r1[both].astype(np.int64)
    counts = np.bincount(r0 * k + r1, minlength=k * k).reshape(k, k)
    matrix = pd.DataFrame(counts, index=pd.Index(names, name="before"),
                          columns=pd.Index(names, name="after"))
    return {"matrix": matrix, "upgrades": int((r1 > r0).sum()),
            "downgrades": int((r1 < r0).sum()), "stays": int((r1 == r0).sum())}


def customer_positions(before: pd.Series, after: pd.Series) -> np.ndarray:
    """Where each customer of ``before`` is in ``after`` (-1: not there). A million customer ids
    cost a tenth of a second to look up, so a page keeps this for its two dates."""
    return after.index.get_indexer(before.index)


def near_next_tier(spend: pd.Series, tiers=DEFAULT_TIERS, within: float = 0.1) -> pd.DataFrame:
    """Customers whose spend is within ``within`` (a share of the next threshold) below the next
    tier: the "one more purchase to Gold" list, with the amount still missing."""
    values = spend.to_numpy(dtype=float)
    names, floors, at = _ladder_steps(values, tiers)
    has_next = at + 1 < len(floors)
    nxt = np.minimum(at + 1, len(floors) - 1)
    gap = floors[nxt] - values
    keep = has_next & (gap > 0) & (gap <= within * floors[nxt])
    near = pd.DataFrame({"customer_id": spend.index.to_numpy()[keep], "tier": names[at[keep]],
                         "next_tier": names[nxt[keep]], "spend": values[keep],
                         "missing": gap[keep]})
    return near.sort_values("missing", kind="stable").reset_index(drop=True)


def points_over_time(ds: Dataset, unit: str = "M", point_value: float = 0.01,
                     filters: Filters | None = None, launch: dt.date | None = None
                     ) -> pd.DataFrame:
    """Per period: points earned and redeemed, points outstanding at the period's end (all
    earned minus all redeemed so far), the liability (outstanding x ``point_value``), the
    redemption rate (redeemed / earned in the period) and breakage (1 - redemption rate).

    The periods start with the programme's ``launch`` (its period), or without one with the
    first period that has points: before it there were no points to show, and a long run of
    empty months would squeeze the programme's own months.

    Points that expire are not in the data, so outstanding points are an upper bound.
    """
    tx = filtered_transactions(ds, filters or Filters())
    earned = tx.points_earned.fill_null(0)
    redeemed = tx.points_redeemed.fill_null(0)
    g = tx.group_by(tx.date.truncate(unit).name("period")).aggregate(
        earned=earned.sum(), redeemed=redeemed.sum()).order_by("period").execute()
    g["outstanding"] = (g["earned"] - g["redeemed"]).cumsum()
    g["liability"] = g["outstanding"] * point_value
    g["redemption_rate"] = g["redeemed"] / g["earned"].where(g["earned"] > 0)
    g["breakage"] = 1 - g["redemption_rate"]
    if launch is not None:
        start = pd.Timestamp(launch).to_period(unit).start_time
    else:
        active = g.loc[(g["earned"] != 0) | (g["redeemed"] != 0), "period"]
        start = active.min() if len(active) else None
    # A period filter that ends before the launch keeps its months rather than showing none.
    if start is not None and (g["period"] >= start).any():
        g = g[g["period"] >= start].reset_index(drop=True)
    return g


def in_ladder_order(frame: pd.DataFrame, names, column: str = "group") -> pd.DataFrame:
    """``frame`` with its rows in ladder order (lowest tier first) by ``column``; tiers not on
    the ladder keep their order after the others. A chart by tier reads up the ladder, not
    alphabetically (Bronze, Gold, Silber)."""
    rank = {name: i for i, name in enumerate(names)}
    order = frame[column].map(lambda v: rank.get(v, len(rank)))
    return frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)
