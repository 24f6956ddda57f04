"""Settings with defaults, declared once as data with their help text.

The UI builds its controls from these declarations; the CLI and notebooks pass plain values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    key: str
    default: float | int
    minimum: float | int
    maximum: float | int
    step: float | int
    unit: str
    help: str


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("nps_promoter_min", 9, 0, 10, 1, "score",
            "Lowest score that counts as a promoter (standard NPS: 9)."),
    Setting("nps_passive_min", 7, 0, 10, 1, "score",
            "Lowest score that counts as a passive; anything below is a detractor "
            "(standard NPS: 7)."),
    Setting("churn_window_days", 180, 14, 730, 1, "days",
            "A customer with no purchase for this many days before the end of the period "
            "counts as churned."),
)}


def default(key: str):
    return SETTINGS[key].default
