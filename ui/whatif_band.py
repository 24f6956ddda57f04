"""The low-to-high line every What-if tab shows under its result."""

import streamlit as st

from loyalty.i18n import fmt_money
from ui.state import tr


def band(low: float, high: float, lang: str) -> None:
    """The low-to-high range under the result, unless the assumptions make no difference."""
    if round(low) != round(high):
        st.caption(tr("plan.band_caption", range=tr(
            "plan.range", low=fmt_money(min(low, high), lang, 0),
            high=fmt_money(max(low, high), lang, 0))))
