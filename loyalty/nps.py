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
