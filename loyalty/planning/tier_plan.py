"""What-if for the tier ladder: thresholds, benefits, their cost and the goal-gradient stretch.

Everything runs on the distribution of qualifying spend (customers per spend value, rounded to
whole currency units), not on customers: a million customers are a few thousand rows, so a
slider move costs milliseconds.

Assumptions, each editable on the What-if page:

- Next year's qualifying spend equals the last ``months``' (no trend).
- Benefit cost per member of a tier = spend x discount + spend x points per unit x multiplier x
  value of a point + fixed cost per member.
- Goal gradient (Kivetz, Urminsky & Zheng 2006): a customer short of a threshold by at most
  ``zone`` of it stretches to reach it with a probability that falls linearly from
  ``stretch_max`` (right below the threshold) to 0 (at the edge of the zone); a stretcher spends
  exactly the missing amount and then gets the higher tier's benefits. Customers at the top tier
  have nothing to stretch for, matching Liu (2007): heavy buyers claim rewards without changing.
- When a planned ladder is compared with today's, only customers whose next threshold the plan
  changes stretch: the spend in the data was made under today's thresholds, so whatever those
  made customers do is already in it. (Counting today's stretch as extra too, and subtracting it,
  made "extra spend from stretching" negative whenever a threshold moved away from a crowded
  spend range: the plan was charged for stretch the data had never credited it with.)
- Demotion has a cost (Wagner, Hennig-Thurau & Rudolph 2009, Journal of Marketing: customers
  moved down a tier lower their loyalty intentions and spending, by more than a promotion raises
  them). A demoted customer loses ``demotion_loss`` of their yearly spend; the 15 % default is an
  assumption, not a figure from the paper. Benefit costs stay on the spend before the loss (a
  slightly cautious simplification).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ibis
import numpy as np
import pandas as pd

from loyalty.presentation.i18n import t
from loyalty.planning.simulate import BANDS
from loyalty.analysis.tiers import DEFAULT_TIERS


@dataclass(frozen=True)
class TierBenefit:
    discount: float = 0.0          # share of the member's spend given back as discount
    points_multiplier: float = 1.0
    fixed_cost: float = 0.0        # per member and year (cards, gifts, free delivery)


# Today's benefits per tier position (lowest first) until the manager enters their own: the
# lowest tier earns plain points, the middle one a little discount and 1.5x points, the top one
# 5 % and double points with a yearly gift.
DEFAULT_BENEFITS = (TierBenefit(0.0, 1.0, 0.0), TierBenefit(0.02, 1.5, 5.0),
                    TierBenefit(0.05, 2.0, 20.0))


@dataclass(frozen=True)
class TierAssumptions:
    points_per_unit: float = 1.0   # points earned per unit of currency spent at multiplier 1
    point_value: float = 0.01      # what a redeemed point costs
    zone: float = 0.10             # stretch zone: share of the threshold below it
    stretch_max: float = 0.30      # chance of stretching right below a threshold
    margin: float = 0.40           # gross margin at full price
    demotion_loss: float = 0.15    # share of a demoted customer's yearly spend that is lost
    benefits: tuple[TierBenefit, ...] = field(default_factory=tuple)


def spend_distribution(spend: pd.Series, step: float = 1.0) -> pd.DataFrame:
    """Customers per qualifying-spend value rounded down to ``step``: columns ``spend`` (the
    rounded value) and ``customers``. Negative spend counts as 0. Rounding down moves nobody
    across a threshold that is a multiple of ``step`` (299.60 stays below 300, as on the Tiers
    page)."""
    values = np.floor(np.clip(spend.to_numpy(dtype=float), 0, None) / step) * step
    uniq, counts = np.unique(values, return_counts=True)
    return pd.DataFrame({"spend": uniq, "customers": counts})


def spend_distribution_in_engine(spend, step: float = 1.0) -> pd.DataFrame:
    """:func:`spend_distribution` of an engine table (``customer_id``, ``spend``: see
    :func:`loyalty.analysis.tier_counts.spend_table`): one row per rounded value comes back."""
    rounded = (ibis.greatest(spend.spend, 0.0) / step).floor().cast("float64") * step
    g = spend.group_by(spend=rounded).aggregate(customers=spend.count()).order_by("spend")
    out = g.execute()
    return pd.DataFrame({"spend": out["spend"].to_numpy(dtype=float),
                         "customers": out["customers"].to_numpy(dtype=np.int64)})


def _tier_index(spend: np.ndarray, floors: np.ndarray) -> np.ndarray:
    return np.clip(np.searchsorted(floors, spend, side="right") - 1, 0, len(floors) - 1)


def _benefit_cost(spend: np.ndarray, tier: np.ndarray, a: TierAssumptions) -> np.ndarray:
    disc = np.array([b.discount for b in a.benefits])[tier]
    mult = np.array([b.points_multiplier for b in a.benefits])[tier]
    fixed = np.array([b.fixed_cost for b in a.benefits])[tier]
    return spend * disc + spend * a.points_per_unit * mult * a.point_value + fixed


def evaluate_ladder(dist: pd.DataFrame, floors, a: TierAssumptions, scale: float = 1.0) -> dict:
    """One ladder over the spend distribution.

    ``floors`` are the tiers' thresholds, lowest tier first (the lowest is normally 0); ``a``
    carries one :class:`TierBenefit` per tier. ``scale`` multiplies ``stretch_max`` (the
    low/base/high band).

    Returns ``per_tier`` (customers, spend, benefit cost per tier, before any stretch),
    ``benefit_cost`` (total, including stretchers' new benefits), ``stretchers`` (expected
    customers who stretch), ``extra_spend`` (their expected extra spend), ``lost_spend`` (0 for
    a ladder on its own: see :func:`compare_ladders`) and ``margin`` (gross profit after benefit
    cost: (spend + extra spend - lost spend) x margin - benefit cost).
    """
    return _evaluate(dist, floors, a, (scale,))[0]


def _goal(spend: np.ndarray, floors: np.ndarray) -> np.ndarray:
    """The next threshold above each spend value (infinity at the top tier)."""
    tier = _tier_index(spend, floors)
    return np.where(tier + 1 < len(floors), floors[np.minimum(tier + 1, len(floors) - 1)], np.inf)


def _evaluate(dist: pd.DataFrame, floors, a: TierAssumptions, scales, floors_now=None,
              loss_scales=None) -> list[dict]:
    """:func:`evaluate_ladder` for several stretch scales, sharing the work that does not
    depend on the scale (a slider move evaluates two ladders in three bands).

    With ``floors_now`` (today's ladder) only customers whose next threshold differs from today's
    stretch, and customers in a lower tier than today lose ``demotion_loss`` x the matching entry
    of ``loss_scales`` of their spend.
    """
    floors = np.asarray(floors, dtype=float)
    if len(a.benefits) != len(floors):
        raise ValueError("one benefit per tier is needed")
    s = dist["spend"].to_numpy(dtype=float)
    n = dist["customers"].to_numpy(dtype=float)
    k = len(floors)
    tier = _tier_index(s, floors)
    cost_now = _benefit_cost(s, tier, a)

    up = np.minimum(tier + 1, k - 1)
    target = floors[up]
    gap = target - s
    reach = (up > tier) & (gap > 0) & (gap <= a.zone * target)
    demoted_spend = 0.0
    if floors_now is not None:
        today = np.asarray(floors_now, dtype=float)
        reach &= _goal(s, floors) != _goal(s, today)
        demoted_spend = float((s * n)[tier < _tier_index(s, today)].sum())
    loss_scales = [1.0] * len(scales) if loss_scales is None else loss_scales
    zone = np.where(target > 0, a.zone * target, 1.0)
    p_unit = np.where(reach, a.stretch_max * (1 - gap / zone), 0.0)
    gain = np.where(reach, gap, 0.0) * n
    cost_step = (_benefit_cost(target, up, a) - cost_now) * n

    per_tier = pd.DataFrame({"customers": np.bincount(tier, n, k),
                             "spend": np.bincount(tier, s * n, k),
                             "cost": np.bincount(tier, cost_now * n, k)})
    per_tier.index.name = "tier"
    spend_total = float((s * n).sum())
    cost_base = float((cost_now * n).sum())
    out = []
    for scale, loss_scale in zip(scales, loss_scales):
        p = np.clip(p_unit * scale, 0, 1)
        extra = float((p * gain).sum())
        lost = demoted_spend * min(1.0, a.demotion_loss * loss_scale)
        cost = cost_base + float((p * cost_step).sum())
        out.append({"per_tier": per_tier, "benefit_cost": cost, "stretchers": float((p * n).sum()),
                    "extra_spend": extra, "lost_spend": lost, "spend": spend_total,
                    "margin": (spend_total + extra - lost) * a.margin - cost})
    return out


def movers(dist: pd.DataFrame, floors_now, floors_new) -> pd.DataFrame:
    """Customers by tier today (rows, by position) and under the new thresholds (columns)."""
    s = dist["spend"].to_numpy(dtype=float)
    now = _tier_index(s, np.asarray(floors_now, dtype=float))
    new = _tier_index(s, np.asarray(floors_new, dtype=float))
    k = len(floors_now)
    m = np.bincount(now * k + new, dist["customers"].to_numpy(dtype=float), k * k)
    return pd.DataFrame(m.reshape(k, k).astype(int))


def compare_ladders(dist: pd.DataFrame, floors_now, floors_new, a_now: TierAssumptions,
                    a_new: TierAssumptions) -> dict:
    """Today's ladder against the planned one, with the low/base/high band on the stretch and
    the demotion loss.

    Today's ladder produced the data, so it adds no stretch and no loss; under the plan, customers
    with a new next threshold may stretch and demoted customers lose part of their spend (see the
    module's assumptions). The low band takes the high band's scale for the demotion loss and
    the other way round, so that low stays the cautious case. ``now`` and ``new`` are the base
    evaluations; ``change`` holds, per band, the new minus today's benefit cost, extra spend
    (never negative), lost spend, margin and stretchers; ``moves`` the mover matrix with ``up``
    and ``down`` totals.
    """
    scales = [scale for _, scale in BANDS]
    now = _evaluate(dist, floors_now, a_now, scales, floors_now)
    new = _evaluate(dist, floors_new, a_new, scales, floors_now, scales[::-1])
    change = {band: {k: new[i][k] - now[i][k] for k in ("benefit_cost", "extra_spend",
                                                         "lost_spend", "margin", "stretchers")}
              for i, (band, _) in enumerate(BANDS)}
    base = scales.index(1.0)
    m = movers(dist, floors_now, floors_new)
    values = m.to_numpy()
    return {"now": now[base], "new": new[base], "change": change, "moves": m,
            "up": int(np.triu(values, 1).sum()), "down": int(np.tril(values, -1).sum())}


_STEPS = (1000, 500, 100, 50, 10, 5, 1)


def _threshold(lo: np.ndarray, hi: np.ndarray) -> float:
    """A threshold between two neighbouring tiers' spend (each sorted): the roundest amount a
    manager would have set among those that misclassify at most 1 % more members than the best
    one (members' tiers were often set on a slightly different date or spend definition)."""
    cand = np.unique(np.concatenate([lo, hi]))
    # For t in (cand[j-1], cand[j]] the members on the wrong side are the same: lower-tier
    # members at or above t and upper-tier members below t.
    wrong = (len(lo) - np.searchsorted(lo, cand, side="left")) + np.searchsorted(
        hi, cand, side="left")
    allowed = wrong <= wrong.min() + int(0.01 * (len(lo) + len(hi)))
    starts = np.concatenate([[cand[0] - 1], cand[:-1]])
    for step in _STEPS:
        best = None
        for j in np.flatnonzero(allowed):
            x = np.floor(starts[j] / step) * step + step
            if x <= cand[j] and (best is None or wrong[j] < best[0]):
                best = (wrong[j], x)
        if best is not None:
            return float(best[1])
    return float(cand[int(np.argmin(wrong))])


def infer_ladder(tiers: pd.Series, spend: pd.Series) -> list[tuple[str, float]] | None:
    """The ladder a members file implies: its tier names ordered by their members' median
    qualifying spend, each threshold placed by :func:`_threshold`. None when fewer than two
    tiers have spend."""
    frame = pd.DataFrame({"tier": tiers, "spend": spend.reindex(tiers.index)}).dropna()
    if frame.empty:
        return None
    medians = frame.groupby("tier")["spend"].median().sort_values()
    if len(medians) < 2:
        return None
    names = list(medians.index)
    ladder = [(str(names[0]), 0.0)]
    for lower, upper in zip(names, names[1:]):
        lo = np.sort(frame.loc[frame["tier"] == lower, "spend"].to_numpy())
        hi = np.sort(frame.loc[frame["tier"] == upper, "spend"].to_numpy())
        ladder.append((str(upper), max(ladder[-1][1] + 1, _threshold(lo, hi))))
    return ladder


def infer_ladder_in_engine(members: ibis.Table, spend: ibis.Table
                           ) -> list[tuple[str, float]] | None:
    """:func:`infer_ladder` with the members (``customer_id``, ``tier``) and their spend (see
    :func:`loyalty.analysis.tier_counts.spend_table`) kept by the engine: per tier one median,
    per pair of neighbouring tiers one row per threshold step comes back."""
    frame = members.filter(members.tier.notnull()).select("customer_id", "tier").join(
        spend, "customer_id")
    medians = frame.group_by("tier").aggregate(median=frame.spend.median()).execute()
    if len(medians) < 2:
        return None
    names = list(medians.sort_values("median", kind="stable")["tier"])
    ladder = [(str(names[0]), 0.0)]
    for lower, upper in zip(names, names[1:]):
        pair = frame.filter(frame.tier.isin([lower, upper]))
        n_lo, n_hi = pair.count(where=pair.tier == lower), pair.count(where=pair.tier == upper)
        cand = pair.group_by("spend").aggregate(lo=n_lo, hi=n_hi)
        # For t in (cand[j-1], cand[j]] the members on the wrong side are the lower tier's at
        # or above cand[j] and the upper tier's below it.
        w = ibis.window(order_by="spend", preceding=None, following=0)
        w_all = ibis.window()
        cand = cand.mutate(lo_below=cand.lo.sum().over(w) - cand.lo,
                           hi_below=cand.hi.sum().over(w) - cand.hi,
                           lo_total=cand.lo.sum().over(w_all), hi_total=cand.hi.sum().over(w_all),
                           start=cand.spend.lag().over(ibis.window(order_by="spend")))
        cand = cand.mutate(wrong=cand.lo_total - cand.lo_below + cand.hi_below,
                           start=cand.start.fill_null(cand.spend - 1))
        cand = cand.mutate(allowed=cand.wrong <= cand.wrong.min().over(w_all)
                           + ((cand.lo_total + cand.hi_total) * 0.01).floor())
        xs = {step: (cand.start / step).floor() * step + step for step in _STEPS}
        fits = {step: cand.allowed & (x <= cand.spend) for step, x in xs.items()}
        best = cand.aggregate(
            low=cand.wrong.min(), **{f"b{step}": cand.wrong.min(where=fits[step])
                                     for step in _STEPS}).execute().iloc[0]
        picks = cand.aggregate(
            fallback=cand.spend.min(where=cand.wrong == int(best["low"])),
            **{f"x{step}": xs[step].min(where=fits[step] & (cand.wrong == best[f"b{step}"]))
               for step in _STEPS if pd.notna(best[f"b{step}"])}).execute().iloc[0]
        found = next((float(picks[f"x{step}"]) for step in _STEPS
                      if pd.notna(best[f"b{step}"])), float(picks["fallback"]))
        ladder.append((str(upper), max(ladder[-1][1] + 1, found)))
    return ladder


def today_ladder(tiers: pd.Series | None, spend: pd.Series, lang: str = "en") -> dict:
    """Today's ladder: as the members file's tiers (``tiers``, one per member; None without
    them) imply it from qualifying ``spend``, else the default thresholds with tier names in
    ``lang``. ``source`` says which ("members" or "default")."""
    if tiers is not None:
        ladder = infer_ladder(tiers, spend)
        if ladder:
            return {"ladder": ladder, "source": "members"}
    names = [t(f"tier.{name.lower()}", lang) for name, _ in DEFAULT_TIERS]
    return {"ladder": [(n, floor) for n, (_, floor) in zip(names, DEFAULT_TIERS)],
            "source": "default"}
