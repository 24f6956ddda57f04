"""Page-wide style: what Streamlit's own widgets do not let the app set through their API."""

from __future__ import annotations

import json

import streamlit as st

from loyalty.presentation.i18n import t

# Tile labels wrap between words instead of being cut off ("Veränderung der V…" at 1024 px)
# or split inside one ("Acti ve"). Tile values shrink with the tile's width (container query
# units) instead of ending in "…" ("€38…" in a row of six tiles at 1024 px).
_BASE = """
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
    word-break: normal !important; overflow-wrap: normal !important; hyphens: auto;
}
[data-testid="stMetric"] { container-type: inline-size; }
/* A word wider than the whole tile ("Punkteverbindlichkeit" in a row of four at 1024 px) breaks
   inside its box instead of running under the help icon; shorter words still wrap whole. */
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] * {
    overflow-wrap: break-word !important; min-width: 0;
}
/* Below 1200 px the wide layout's 5rem side margins and a 300 px sidebar cost tables their
   last columns (they scrolled sideways at 1024 px): small margins and a narrower sidebar. */
@media (max-width: 1200px) {
    [data-testid="stMainBlockContainer"] {
        padding-left: 0.75rem !important; padding-right: 0.75rem !important;
    }
    [data-testid="stSidebar"][data-collapsed="false"] {
        width: 268px !important; min-width: 268px !important;
    }
    [data-testid="stSidebarContent"], [data-testid="stSidebarUserContent"] {
        padding-left: 0.5rem !important; padding-right: 0.5rem !important;
    }
}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
    font-size: clamp(0.95rem, 12cqi, 2.25rem) !important;
    overflow: visible !important; text-overflow: clip !important;
}
"""

# The file uploader writes its button and limit in English whatever the app's language; the
# text is swapped for the language's own.
_UPLOADER = """
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{
    font-size: 0 !important;
}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {{
    content: {button}; font-size: 0.875rem;
}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
    content: {limit}; font-size: 0.875rem;
}}
"""


def apply(lang: str) -> None:
    """Add the page-wide style for ``lang`` (once per script run, from app.py)."""
    css = _BASE
    if lang != "en":
        css += _UPLOADER.format(button=json.dumps(t("data.upload_button", lang), ensure_ascii=False),
                                limit=json.dumps(t("data.upload_limit", lang), ensure_ascii=False))
    st.html(f"<style>{css}</style>")
