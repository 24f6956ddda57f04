"""The board pack: the dashboard's pages as one PDF to take to a meeting.

``board_pack(ds, filters, lang)`` gathers every section from the functions the pages use and
lays it out (:mod:`loyalty.presentation.pdf`). The Streamlit sidebar and ``python -m loyalty
report`` both call it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from loyalty.storage.dataset import Dataset
from loyalty.analysis.filters import Filters, filtered_surveys, in_days
from loyalty.presentation.i18n import fmt_date, t
from loyalty.analysis.nps import period_change
from loyalty.analysis.filters import data_range
from loyalty.analysis.overview import overview
from loyalty.analysis.periods import PREVIOUS, Comparison, comparison_dates
from loyalty.planning.scenarios import Scenario
from loyalty.analysis.segments import MIN_ORDERS, TYPE_RULES
from loyalty.settings import default
from loyalty.presentation import sections
from loyalty.presentation.model import Note, Pack, Section
from loyalty.presentation.pdf import render_pdf
from loyalty.presentation.sections import TIER_MONTHS


@dataclass(frozen=True)
class PackSettings:
    """The page settings the pack is made with: the manager's where they changed them (the
    dashboard passes those), each page's opening defaults otherwise.

    ``churn_window``: days without a purchase before a customer counts as churned (None: what
    the data suggests, as the Churn page opens); ``tier_months``: months of qualifying spend;
    ``rules`` and ``min_orders``: the loyalty-type rules (None: the defaults)."""

    churn_window: int | None = None
    tier_months: int = TIER_MONTHS
    rules: dict | None = None
    min_orders: int = MIN_ORDERS

    def changed(self) -> bool:
        return self != PackSettings()


def customer_table(ds: Dataset, f: Filters, churn_days: int,
                   settings: "PackSettings | None" = None) -> tuple:
    """The per-customer table the Loyalty types and Churn pages start from, with each
    customer's loyalty type under the settings' rules, kept by the engine: the pack counts it
    there on DuckDB and Spark alike (:mod:`loyalty.analysis.customer_table`). With it, the
    signals the data has (:func:`type_counts._present`), asked once."""
    from loyalty.analysis import customer_table as ct
    from loyalty.analysis.type_counts import _present
    settings = settings or PackSettings()
    t = ct.customer_table(ds, f.end, f, churn_days)
    presence = _present(t)
    return ct.with_types(t, settings.rules, settings.min_orders, present=presence), presence


def _settings_text(settings: PackSettings, lang: str) -> str:
    """What the cover says about the settings the pack was made with."""
    if not settings.changed():
        return t("pack.settings_text", lang)
    window = (t("pack.settings_window", lang, days=settings.churn_window)
              if settings.churn_window else t("pack.settings_window_suggested", lang))
    rules = t("pack.settings_rules_changed" if settings.rules not in (None, TYPE_RULES)
              or settings.min_orders != MIN_ORDERS else "pack.settings_rules_default", lang,
              n=settings.min_orders)
    return t("pack.settings_used", lang, window=window, months=settings.tier_months,
             rules=rules)


def _filters_text(f: Filters, lang: str) -> str:
    everything = t("app.filter_all", lang)
    return " · ".join(f"{t(key, lang)}: {', '.join(values) if values else everything}"
                      for key, values in (("app.filter_tier", f.tiers),
                                          ("app.filter_channel", f.channels),
                                          ("app.filter_store", f.stores)))


def _nps_change(ds: Dataset, f: Filters, previous) -> dict | None:
    if not ds.has("surveys") or previous is None:
        return None
    s = filtered_surveys(ds, f)
    return period_change(s.filter(in_days(s.date, f.start, f.end)),
                         s.filter(in_days(s.date, *previous)))


def build_pack(ds: Dataset, f: Filters, lang: str = "en", shop: str = "",
               scenarios: list[Scenario] | None = None, no_scenarios: str = "pack.scenarios_none",
               created: dt.datetime | None = None, comparison: Comparison = PREVIOUS,
               settings: PackSettings | None = None) -> Pack:
    """Every section of the pack for dataset ``ds`` under filters ``f`` (period set), in
    ``lang``, each change against ``comparison`` (as the sidebar chooses it). ``shop`` names
    the shop or dataset; ``scenarios`` are the saved what-if scenarios (``no_scenarios`` is the
    text key saying why there are none); ``settings`` the page settings (see
    :class:`PackSettings`)."""
    created = created or dt.datetime.now()
    settings = settings or PackSettings()
    churn_days = int(default("churn_window_days"))
    first, last = data_range(ds)
    figures = overview(ds, f, churn_days, comparison)
    previous = figures["previous_period"]
    customers, presence = customer_table(ds, f, churn_days, settings)
    # A path's last part names the source (a Spark demo's Parquet sit in a temporary folder).
    files = [os.path.basename(r.filename.rstrip("/")) or r.filename for r in ds.reports] \
        or [t("app.dataset_empty", lang)]
    period = t("pack.period", lang, start=fmt_date(f.start, lang), end=fmt_date(f.end, lang))
    compared = (t("pack.compared", lang, start=fmt_date(previous[0], lang),
                  end=fmt_date(previous[1], lang)) if previous
                else t("pack.not_compared", lang))
    cover = [(t("pack.cover_shop", lang), shop or t("app.dataset_demo", lang)),
             (t("pack.cover_period", lang), f"{period} ({compared})"),
             (t("pack.cover_filters", lang), _filters_text(f, lang)),
             (t("pack.cover_sources", lang), ", ".join(files)),
             (t("pack.cover_created", lang), f"{fmt_date(created, lang)} {created:%H:%M}"),
             (t("pack.cover_settings", lang), _settings_text(settings, lang))]
    parts = [
        sections.headline_section(figures, churn_days, _nps_change(ds, f, previous), lang),
        sections.overview_section(ds, f, figures, lang),
        sections.segments_section(customers, presence, churn_days, lang),
        sections.nps_section(ds, f, lang, comparison_dates(f.start, f.end, comparison)),
        sections.churn_section(ds, f, first, last, lang, settings, presence),
        sections.tiers_section(ds, f, lang, settings.tier_months),
        sections.programme_section(ds, f, first, lang, comparison),
        sections.scenarios_section(list(scenarios or []), lang, no_scenarios),
    ]
    name = shop or t("app.dataset_demo", lang)
    return Pack(lang=lang, title=t("pack.title", lang), subtitle=f"{name} · {period}",
                cover=cover, sections=parts,
                footer=f"Loyalty Lens · {t('pack.title', lang)} · {period}")


def board_pack(ds: Dataset, f: Filters, lang: str = "en", **kwargs) -> bytes:
    """The board pack as PDF bytes (see :func:`build_pack` for the arguments)."""
    return render_pdf(build_pack(ds, f, lang, **kwargs))


def error_pack(message: str, lang: str = "en") -> bytes:
    """A one-page PDF saying why the board pack could not be made (the download has to be a
    file; a traceback would be no use to the reader)."""
    title = t("pack.title", lang)
    return render_pdf(Pack(lang=lang, title=title, subtitle=message, cover=[],
                           sections=[Section("error", title, [Note(message)])]))
