"""Small UI pieces used by several pages."""

from __future__ import annotations

import streamlit as st

from loyalty.presentation.i18n import fmt_money, fmt_number, t
from loyalty.analysis.metrics import Metric, format_delta, format_value, no_change


def kpi_tile(metric: Metric, now, before, lang: str, help_kwargs: dict | None = None) -> None:
    delta = format_delta(metric, now, before, lang)
    # Neither arrow nor colour for a change that rounds to nothing: not good, not bad.
    flat = no_change(delta)
    st.metric(
        t(f"metric.{metric.key}", lang),
        format_value(metric, now, lang),
        delta=delta,
        delta_color="off" if flat else "normal" if metric.higher_is_better else "inverse",
        delta_arrow="off" if flat else "auto",
        help=t(f"metric.{metric.key}.help", lang, **(help_kwargs or {})),
        border=True,
    )


def decimal_note(container, value, lang: str, decimals: int, suffix: str = "") -> None:
    """Under a number input holding a fraction, the value with a decimal comma for a German
    reader: Streamlit's number inputs always write a decimal point."""
    if lang != "de" or value is None or float(value).is_integer():
        return
    container.caption(t("input.shown_as", lang, value=fmt_number(value, lang, decimals) + suffix))


def money_note(container, value, lang: str) -> None:
    """Under a money input, the amount as the language writes money ("= 1.234.567 €"): a number
    input shows neither thousands separators nor the currency."""
    if value:
        container.caption(t("input.shown_as", lang, value=fmt_money(value, lang, 0)))


def lazy_tabs(parts, key: str) -> None:
    """Tabs that build only while open: a page's first view computes one tab, not all.

    ``parts`` are (label, build) pairs; ``build()`` fills its tab when that tab is open. The
    widget is keyed per language (its state is the open tab's label); the open tab's position
    is kept under ``key`` so switching the language keeps the same tab open.
    """
    from ui import state

    labels = [label for label, _ in parts]
    widget = f"{key}@{state.lang()}"
    index = min(int(st.session_state.get(key, 0)), len(labels) - 1)

    def remember() -> None:
        picked = st.session_state.get(widget)
        if picked in labels:
            st.session_state[key] = labels.index(picked)

    tabs = st.tabs(labels, key=widget, default=labels[index], on_change=remember)
    for tab, (_, build) in zip(tabs, parts):
        with tab:
            if tab.open:
                build()


def guarded(render, lang: str):
    """Run a page body (or part of one) and return what it returns; an unexpected error becomes
    one sentence, never a traceback, and None."""
    from ui import state

    try:
        # A fragment rerun does not pass through app.py: name money here too.
        state.apply_currency()
        return render()
    except Exception as exc:  # noqa: BLE001 - the page must not show a traceback
        st.error(t("app.unexpected", lang, error=type(exc).__name__))
        return None


# The technical terms each page uses, explained in its glossary popover.
PAGE_TERMS = {
    "overview.title": ["pp", "churn", "nps"],
    "seg.title": ["rfm", "churn", "nps"],
    "nps.title": ["nps", "interval", "cli", "pp"],
    "churn.title": ["churn", "cohort", "bgnbd", "p_alive", "clv"],
    "tiers.title": ["breakage", "liability", "goal_gradient"],
    "prog.title": ["did", "interval"],
    "plan.title": ["goal_gradient", "interval", "pp"],
}


def page_title(title_key: str) -> None:
    """The page's title and, where it uses technical terms, the popover that explains them."""
    from ui import state

    lang = state.lang()
    st.title(t(title_key, lang))
    if title_key in PAGE_TERMS:
        glossary(PAGE_TERMS[title_key], lang, key=f"glossary_{title_key.split('.')[0]}")


def page_start(title_key: str):
    """A page's title, then this session's dataset; None (after saying so) when no transactions
    are loaded, which every page except Data needs."""
    from ui import state

    page_title(title_key)
    ds = state.dataset()
    if not ds.has("transactions"):
        st.warning(t("app.no_data", state.lang()))
        return None
    return ds


def band(low: float, high: float, lang: str) -> None:
    """The low-to-high range under a what-if result, unless the assumptions make no
    difference."""
    if round(low) != round(high):
        st.caption(t("plan.band_caption", lang, range=t(
            "plan.range", lang, low=fmt_money(min(low, high), lang, 0),
            high=fmt_money(max(low, high), lang, 0))))


def glossary(terms: list[str], lang: str, key: str) -> None:
    """A popover explaining the technical terms a page uses, in plain words."""
    with st.popover(t("glossary.button", lang), icon=":material/menu_book:", key=key):
        st.markdown("\n\n".join(f"**{t(f'glossary.{term}', lang)}**: "
                                  f"{t(f'glossary.{term}.text', lang)}" for term in terms))
