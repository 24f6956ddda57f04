"""The board pack's download button, placed once in the sidebar so it is on every page.

The PDF is built only when the button is clicked (Streamlit runs the callable then, on a thread
of its own), never on an ordinary rerun.
"""

from __future__ import annotations

import streamlit as st

from loyalty.analysis.filters import Filters
from loyalty.presentation.i18n import t, use_currency
from loyalty.analysis.segments import TYPE_RULES
from loyalty.presentation.board_pack import PackSettings, board_pack, error_pack
from loyalty.presentation.sections import TIER_MONTHS
from ui import remembered, state
from ui.rules import rules_from_widgets


def shop_name(ds, lang: str) -> str:
    """The dataset as the sidebar names it: the workspace, the demo, or the loaded files."""
    if getattr(ds, "workspace", None) is not None:
        return ds.workspace.name
    if ds.label == "demo":
        return t("app.dataset_demo", lang)
    return ", ".join(r.filename for r in ds.reports) or t("app.dataset_empty", lang)


def pack_settings(ds) -> PackSettings:
    """The settings the manager has on the pages now (the Churn page's window when moved off
    the suggestion, the Tiers page's months, the Loyalty types page's rules)."""
    rules, min_orders = rules_from_widgets()
    window = st.session_state.get(f"churn_window_{ds.uid}_{ds.version}")
    if window is not None and window == state.suggested_window(
            *state.key(ds), state.current_filters())["days"]:
        # Drawn at the suggestion (the Churn page was opened, its window not moved).
        window = None
    if window is None:
        window = remembered.value(remembered.CHURN_WINDOW)
    return PackSettings(churn_window=int(window) if window is not None else None,
                        tier_months=int(st.session_state.get("tiers_months", TIER_MONTHS)),
                        rules=None if rules == TYPE_RULES else rules, min_orders=min_orders)


def pack_maker(base, f: Filters, lang: str, currency: str, shop: str, saved: dict,
               comparison=None, settings: PackSettings | None = None):
    """A callable that builds the pack on its own cursor (the click's thread must not share the
    page run's) and, should that fail, a one-page PDF that says why instead of a traceback.

    ``saved`` is the session's scenario dict itself, read at the click: a scenario saved
    further down the page in the same run is then in the pack too."""
    def make() -> bytes:
        use_currency(currency)
        view = base.cursor_view()
        try:
            return board_pack(view, f, lang, shop=shop, scenarios=list(saved.values()),
                              settings=settings,
                              **({"comparison": comparison} if comparison else {}))
        except Exception as exc:  # noqa: BLE001 - the reader gets one sentence, not a traceback
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return error_pack(t("pack.failed", lang, reason=first), lang)
        finally:
            view.con.close()
    return make


def download_button(ds) -> None:
    """The sidebar's "Board pack (PDF)" button, for a dataset with transactions."""
    lang = state.lang()
    f = state.current_filters()
    if not ds.has("transactions") or f.start is None or f.end is None:
        return
    saved = st.session_state.setdefault("whatif_scenarios", {})
    name = f"loyalty-lens-{'management-bericht' if lang == 'de' else 'board-pack'}-" \
           f"{f.start:%Y%m%d}-{f.end:%Y%m%d}.pdf"
    st.download_button(t("pack.prepare", lang),
                       pack_maker(state.base_dataset(), f, lang, state.currency(ds),
                                  shop_name(ds, lang), saved, state.current_comparison(),
                                  pack_settings(ds)),
                       file_name=name, mime="application/pdf", key="app_board_pack",
                       icon=":material/picture_as_pdf:", help=t("pack.prepare_help", lang),
                       on_click="ignore", width="stretch")
