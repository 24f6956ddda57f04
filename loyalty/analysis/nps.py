"""Net Promoter Score.

NPS = 100 x (promoters - detractors) / respondents, from -100 to +100. Promoters answer
``promoter_min``-10 (default 9-10), passives ``passive_min`` to ``promoter_min - 1`` (7-8),
detractors below ``passive_min`` (0-6).
"""

from __future__ import annotations

import ibis
import pandas as pd

from loyalty.settings import default


def _answer_counts(s: ibis.Table, promoter_min: int | None, passive_min: int | None) -> dict:
    """respondents, promoters, passives, detractors as Ibis reductions over answers ``s``."""
    promoter_min = default("nps_promoter_min") if promoter_min is None else promoter_min
    passive_min = default("nps_passive_min") if passive_min is None else passive_min
    return dict(
        respondents=s.count(),
        promoters=(s.score >= promoter_min).cast("int64").sum(),
        passives=((s.score >= passive_min) & (s.score < promoter_min)).cast("int64").sum(),
        detractors=(s.score < passive_min).cast("int64").sum(),
    )


def nps_counts(surveys: ibis.Table, promoter_min: int | None = None,
               passive_min: int | None = None) -> ibis.Table:
    """One row: respondents, promoters, passives, detractors (Ibis expression)."""
    s = surveys.filter(surveys.score.notnull())
    return s.aggregate(**_answer_counts(s, promoter_min, passive_min))


def nps_from_counts(promoters: int, detractors: int, respondents: int) -> float | None:
    """100 x (promoters - detractors) / respondents; None without respondents."""
    if not respondents:
        return None
    return 100.0 * (promoters - detractors) / respondents


def nps_summary(surveys: ibis.Table, **bands) -> dict:
    row = nps_counts(surveys, **bands).execute().iloc[0]
    counts = {k: int(row[k] or 0) for k in ("respondents", "promoters", "passives", "detractors")}
    counts["nps"] = nps_from_counts(counts["promoters"], counts["detractors"],
                                    counts["respondents"])
    return counts


Z95 = 1.959963984540054


def nps_interval(promoters: int, detractors: int, respondents: int,
                 z: float = Z95) -> tuple[float, float, float] | None:
    """NPS with a 95 % interval by the adjusted Wald method (Rocks 2016).

    Add 3 to n and 0.75 to the promoter and detractor counts; with p, d the adjusted shares the
    standard error of NPS/100 is sqrt((p + d - (p - d)^2) / n). Returns (low, adjusted NPS, high)
    on the -100..100 scale, clipped to it; None without respondents.
    """
    if respondents <= 0:
        return None
    centre, se = _adjusted_wald(promoters, detractors, respondents)
    return (max(-100.0, centre - z * se), centre, min(100.0, centre + z * se))


def _adjusted_wald(promoters: int, detractors: int, respondents: int) -> tuple[float, float]:
    """Adjusted NPS and its standard error, both on the -100..100 scale."""
    n = respondents + 3
    p = (promoters + 0.75) / n
    d = (detractors + 0.75) / n
    return 100 * (p - d), 100 * ((p + d - (p - d) ** 2) / n) ** 0.5


def nps_difference(a: tuple[int, int, int], b: tuple[int, int, int],
                   z: float = Z95) -> dict:
    """Difference of two NPS values (promoters, detractors, respondents each) and whether it is
    statistically meaningful at 95 % (adjusted Wald standard errors, independent samples)."""
    (nps_a, se_a), (nps_b, se_b) = _adjusted_wald(*a), _adjusted_wald(*b)
    diff = nps_a - nps_b
    se = (se_a ** 2 + se_b ** 2) ** 0.5
    return {"difference": diff, "low": diff - z * se, "high": diff + z * se,
            "significant": abs(diff) > z * se}


def period_change(current: ibis.Table, previous: ibis.Table) -> dict | None:
    """NPS of the answers ``current`` against those of ``previous``: ``now``, ``before`` and
    :func:`nps_difference` of the two (``difference``, ``low``, ``high``, ``significant``).
    None when either has no answer."""
    a, b = (_count_tuple(s) for s in (current, previous))
    if not a[2] or not b[2]:
        return None
    return {"now": nps_from_counts(*a), "before": nps_from_counts(*b), **nps_difference(a, b)}


def _count_tuple(surveys: ibis.Table) -> tuple[int, int, int]:
    row = nps_counts(surveys).execute().iloc[0]
    return (int(row["promoters"] or 0), int(row["detractors"] or 0),
            int(row["respondents"] or 0))


MIN_RESPONSES = 30  # fewer answers in a period make its NPS unreliable (interval wider than ±30)


def _with_intervals(counts: pd.DataFrame, min_responses: int = MIN_RESPONSES) -> pd.DataFrame:
    """Add nps, low, high, the three shares and ``reliable`` to rows of counts."""
    out = counts.copy()
    rows = [nps_interval(int(p), int(d), int(n)) if n else None
            for p, d, n in zip(out["promoters"], out["detractors"], out["respondents"])]
    out["nps"] = [nps_from_counts(int(p), int(d), int(n))
                  for p, d, n in zip(out["promoters"], out["detractors"], out["respondents"])]
    out["low"] = [r[0] if r else None for r in rows]
    out["high"] = [r[2] if r else None for r in rows]
    n = out["respondents"].where(out["respondents"] > 0)
    for c in ("promoters", "passives", "detractors"):
        out[f"{c}_share"] = out[c] / n
    out["reliable"] = out["respondents"] >= min_responses
    return out


def nps_by_period(surveys: ibis.Table, unit: str = "M", promoter_min: int | None = None,
                  passive_min: int | None = None) -> pd.DataFrame:
    """One row per week (``W``), month (``M``) or quarter (``Q``): counts, NPS, 95 % interval
    (adjusted Wald), shares and whether the period has enough answers to rely on."""
    s = surveys.filter(surveys.score.notnull())
    period = s.date.truncate(unit).name("period")
    g = s.group_by(period).aggregate(**_answer_counts(s, promoter_min, passive_min))
    g = g.order_by("period").execute()
    return _with_intervals(g)


def nps_by_group(surveys: ibis.Table, groups: pd.DataFrame | ibis.Table, column: str,
                 promoter_min: int | None = None, passive_min: int | None = None) -> pd.DataFrame:
    """NPS per value of ``column`` in ``groups`` (one row per customer: customer_id and the
    attribute, a frame or an engine table), joined to the answers in the backend; answers
    without a group are left out."""
    if isinstance(groups, ibis.Table):
        # Kept by the engine (data that stays in Spark): joined there, nothing comes back.
        attrs = groups.filter(groups[column].notnull()).select(
            "customer_id", group=groups[column].cast("string"))
    else:
        attrs = ibis.memtable(groups[["customer_id", column]].rename(columns={column: "group"}))
    s = surveys.filter(surveys.score.notnull() & surveys.customer_id.notnull())
    j = s.join(attrs, "customer_id")
    g = j.group_by("group").aggregate(**_answer_counts(j, promoter_min, passive_min))
    g = g.order_by("group").execute()
    return _with_intervals(g)


def score_distribution(surveys: ibis.Table) -> pd.DataFrame:
    """Answers per score 0-10 (all eleven scores, zero where nobody answered)."""
    s = surveys.filter(surveys.score.notnull())
    g = s.group_by("score").aggregate(answers=s.count()).execute()
    full = pd.DataFrame({"score": range(11)})
    return full.merge(g, on="score", how="left").fillna({"answers": 0}).astype(int)


def category_of(score, promoter_min: int | None = None, passive_min: int | None = None) -> str:
    promoter_min = default("nps_promoter_min") if promoter_min is None else promoter_min
    passive_min = default("nps_passive_min") if passive_min is None else passive_min
    if score >= promoter_min:
        return "promoter"
    return "passive" if score >= passive_min else "detractor"


CLI_BANDS = ((40.0, "below_average"), (75.0, "average"), (100.0, "above_average"))


def loyalty_index(surveys: ibis.Table) -> pd.DataFrame | None:
    """Customer Loyalty Index per band: CLI = 10 x mean of the recommend, buy-again and
    try-other answers (0-100) for respondents who answered all three; bands 0-40 below average,
    40-75 average, over 75 above average. None when the survey lacks the two extra questions."""
    s = surveys.filter(surveys.score.notnull() & surveys.repurchase_score.notnull()
                       & surveys.try_other_score.notnull())
    # A float before the arithmetic: Spark reads 10.0 as a decimal and would round the mean.
    cli = (s.score + s.repurchase_score + s.try_other_score).cast("float64") * 10.0 / 3.0
    band = ibis.cases((cli < 40, "below_average"), (cli <= 75, "average"),
                      else_="above_average")
    g = s.mutate(cli=cli, band=band).group_by("band").aggregate(
        respondents=ibis._.count(), mean_cli=ibis._.cli.mean()).execute()
    if g.empty:
        return None
    return g.set_index("band").reindex([b for _, b in CLI_BANDS]).fillna(
        {"respondents": 0}).reset_index()


def latest_score(s: ibis.Table) -> ibis.Value:
    """Per group (a customer): the score of the latest answer. Two answers on the same latest
    day count as the lower score, so every engine picks the same one (an arg max over tied
    dates is any of them)."""
    return s.score.argmax(s.date.epoch_seconds() * 16 - s.score)


def latest_categories(surveys: ibis.Table) -> ibis.Table:
    """One row per customer who answered: ``customer_id`` and the ``category`` of their latest
    answer (promoter, passive or detractor), kept by the engine."""
    promoter_min, passive_min = default("nps_promoter_min"), default("nps_passive_min")
    s = surveys.filter(surveys.score.notnull() & surveys.customer_id.notnull())
    last = s.group_by("customer_id").aggregate(score=latest_score(s))
    return last.select("customer_id", category=ibis.cases((last.score >= promoter_min, "promoter"),
                                                          (last.score >= passive_min, "passive"),
                                                          else_="detractor"))


def latest_category(surveys: ibis.Table) -> pd.Series:
    """Promoter, passive or detractor per customer, by their latest answer (one row per
    customer who answered)."""
    last = latest_categories(surveys).execute()
    return pd.Series(last["category"].to_numpy(), index=last["customer_id"].to_numpy())


def behaviour_by_category(surveys: ibis.Table, features: pd.DataFrame, churned: pd.Series
                          ) -> pd.DataFrame:
    """For promoters, passives and detractors (by each customer's latest answer): customers,
    share churned by the end of the period, revenue per month and share who referred someone.

    ``features`` is one row per customer (:func:`loyalty.analysis.features.customer_features`) and
    ``churned`` a boolean per customer; both are small per-customer frames.
    """
    category = latest_category(surveys)
    last = pd.DataFrame({"customer_id": category.index, "category": category.to_numpy()})
    f = features.reindex(last["customer_id"])
    months = (f["tenure_days"].clip(lower=30) / 30.4).to_numpy()
    referrals = f[[c for c in ("referral", "referred_members") if c in f]].max(axis=1) \
        if {"referral", "referred_members"} & set(f.columns) else pd.Series(float("nan"),
                                                                            index=f.index)
    frame = pd.DataFrame({
        "category": last["category"].to_numpy(),
        "churned": churned.reindex(last["customer_id"]).fillna(False).to_numpy(dtype=float),
        "spend_per_month": (f["revenue"].to_numpy() / months),
        "referred": (referrals.to_numpy() > 0).astype(float)
        if referrals.notna().any() else float("nan"),
    })
    g = frame.groupby("category").agg(customers=("category", "size"), churn_rate=("churned", "mean"),
                                      spend_per_month=("spend_per_month", "mean"),
                                      referral_rate=("referred", "mean"))
    return g.reindex([c for c in ("promoter", "passive", "detractor") if c in g.index])


def behaviour_in_engine(surveys: ibis.Table, customers: ibis.Table,
                        referrals_known: bool) -> pd.DataFrame:
    """:func:`behaviour_by_category` with the customers kept by the engine (``customers``: a
    :func:`loyalty.analysis.customer_table.customer_table`): one row per category comes back."""
    last = latest_categories(surveys)
    c = customers
    j = last.left_join(c.select("customer_id", "lifecycle", "revenue", "tenure_days",
                                "referrals"), "customer_id")
    months = ibis.greatest(j.tenure_days, 30.0) / 30.4
    g = j.group_by("category").aggregate(
        customers=j.count(),
        churn_rate=(j.lifecycle == "churned").fill_null(False).cast("float64").mean(),
        spend_per_month=(j.revenue / months).mean(),
        referral_rate=(j.referrals > 0).fill_null(False).cast("float64").mean(),
    ).execute().set_index("category")
    if not referrals_known:
        g["referral_rate"] = float("nan")
    return g.reindex([k for k in ("promoter", "passive", "detractor") if k in g.index])


def comments(surveys: ibis.Table, term: str = "", categories: tuple[str, ...] = (
        "detractor", "passive", "promoter"), limit: int = 200) -> pd.DataFrame:
    """Survey comments containing ``term`` (any case), detractors first, newest first within a
    category, then lowest score and comment (so every engine lists the same rows); at most
    ``limit`` rows (date, score, category, comment)."""
    promoter_min, passive_min = default("nps_promoter_min"), default("nps_passive_min")
    s = surveys.filter(surveys.comment.notnull() & (surveys.comment.strip() != "")
                       & surveys.score.notnull())
    if term.strip():
        s = s.filter(s.comment.lower().contains(term.strip().lower()))
    category = ibis.cases((s.score >= promoter_min, "promoter"),
                          (s.score >= passive_min, "passive"), else_="detractor")
    s = s.mutate(category=category).filter(ibis._.category.isin(list(categories)))
    rank = ibis.cases((s.category == "detractor", 0), (s.category == "passive", 1), else_=2)
    return (s.mutate(rank=rank).order_by(["rank", ibis.desc("date"), "score", "comment"])
            .limit(limit)
            .select("date", "score", "category", "comment").execute())
