"""Net Promoter Score.

NPS = 100 x (promoters - detractors) / respondents, from -100 to +100. Promoters answer
``promoter_min``-10 (default 9-10), passives ``passive_min`` to ``promoter_min - 1`` (7-8),
detractors below ``passive_min`` (0-6).
"""

from __future__ import annotations

import ibis

from .settings import default


def nps_counts(surveys: ibis.Table, promoter_min: int | None = None,
               passive_min: int | None = None) -> ibis.Table:
    """One row: respondents, promoters, passives, detractors (Ibis expression)."""
    promoter_min = default("nps_promoter_min") if promoter_min is None else promoter_min
    passive_min = default("nps_passive_min") if passive_min is None else passive_min
    s = surveys.filter(surveys.score.notnull())
    return s.aggregate(
        respondents=s.count(),
        promoters=(s.score >= promoter_min).cast("int64").sum(),
        passives=((s.score >= passive_min) & (s.score < promoter_min)).cast("int64").sum(),
        detractors=(s.score < passive_min).cast("int64").sum(),
    )


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
    n = respondents + 3
    p = (promoters + 0.75) / n
    d = (detractors + 0.75) / n
    centre = p - d
    se = ((p + d - centre ** 2) / n) ** 0.5
    return (max(-100.0, 100 * (centre - z * se)), 100 * centre,
            min(100.0, 100 * (centre + z * se)))


def nps_difference(a: tuple[int, int, int], b: tuple[int, int, int],
                   z: float = Z95) -> dict:
    """Difference of two NPS values (promoters, detractors, respondents each) and whether it is
    statistically meaningful at 95 % (adjusted Wald standard errors, independent samples)."""
    out = {}
    for name, (pr, de, n) in (("a", a), ("b", b)):
        m = n + 3
        p, d = (pr + 0.75) / m, (de + 0.75) / m
        out[name] = (100 * (p - d), 100 * ((p + d - (p - d) ** 2) / m) ** 0.5)
    diff = out["a"][0] - out["b"][0]
    se = (out["a"][1] ** 2 + out["b"][1] ** 2) ** 0.5
    return {"difference": diff, "low": diff - z * se, "high": diff + z * se,
            "significant": abs(diff) > z * se}
