"""Page-wide style: what Streamlit's own widgets do not let the app set through their API."""

from __future__ import annotations

import json

import streamlit as st

from loyalty.i18n import t

# Tile labels wrap instead of being cut off ("Veränderung der V…" at 1024 px).
_BASE = """
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
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
