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


# The browser's print of a page: the page alone (no sidebar, header, toolbar or controls that do
# nothing on paper), running over as many sheets as it needs (Streamlit's app frame is a
# viewport-high scrolling box, which would print its first screen only), and no chart, tile or
# table split across two sheets.
_PRINT = """
@media print {
    @page { size: A4 landscape; margin: 12mm; }
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
    [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
    [data-testid="stStatusWidget"], [data-testid="stElementToolbar"],
    [data-testid="stPopover"], [data-testid="stButton"], [data-testid="stDownloadButton"],
    [data-testid="stBottom"], .modebar-container { display: none !important; }
    html, body, #root, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"],
    [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
        height: auto !important; min-height: 0 !important; overflow: visible !important;
        position: static !important;
    }
    [data-testid="stMain"] { margin-left: 0 !important; width: 100% !important; }
    [data-testid="stMainBlockContainer"] {
        max-width: none !important; padding: 0 !important;
    }
    /* Columns stay side by side, as on screen: Streamlit's own print style stacks columns
       holding a chart, which put two half-width charts on two sheets; zoomed to the page
       (see _PRINT_FIT) they fit side by side. */
    [data-testid="stHorizontalBlock"] { display: flex !important; flex-wrap: nowrap !important; }
    [data-testid="stColumn"] { width: auto !important; min-width: 0 !important; }
    [data-testid="stPlotlyChart"], [data-testid="stMetric"], [data-testid="stDataFrame"],
    [data-testid="stTable"], [data-testid="stAlert"] {
        break-inside: avoid !important; page-break-inside: avoid !important;
    }
    h1, h2, h3, [data-testid="stHeading"] {
        break-after: avoid !important; page-break-after: avoid !important;
    }
}
"""

# A chart or a table is drawn as wide as the screen (a table only draws the columns that fit, so
# it cannot simply be narrowed). Before printing, each is fixed at its screen width and zoomed by
# page width / screen width, so that it keeps its share of the page and is printed whole; after
# printing the zoom goes again.
_PRINT_FIT = """<script>
(function () {
    if (window.__loyaltyPrintFit) { return; }
    window.__loyaltyPrintFit = true;
    const PAGE_WIDTH = 1000;  // A4 landscape inside 12 mm margins is 1032 CSS pixels.
    const WIDE = '[data-testid="stPlotlyChart"], [data-testid="stDataFrame"]';
    function fit() {
        const main = document.querySelector('[data-testid="stMainBlockContainer"]');
        if (!main) { return; }
        const css = getComputedStyle(main);
        const width = main.getBoundingClientRect().width - parseFloat(css.paddingLeft)
            - parseFloat(css.paddingRight);
        if (width <= PAGE_WIDTH) { return; }
        const zoom = PAGE_WIDTH / width;
        document.querySelectorAll(WIDE).forEach(el => {
            if (el.dataset.llPrint) { return; }
            el.dataset.llPrint = "1";
            el.style.width = el.getBoundingClientRect().width + "px";
            el.style.zoom = zoom;
        });
    }
    function unfit() {
        document.querySelectorAll("[data-ll-print]").forEach(el => {
            el.style.width = "";
            el.style.zoom = "";
            delete el.dataset.llPrint;
        });
    }
    // Before printing the page is still laid out for the screen; once the print style
    // applies, the widths measured would be the paper's.
    window.addEventListener("beforeprint", fit);
    window.addEventListener("afterprint", unfit);
})();
</script>"""


def apply(lang: str) -> None:
    """Add the page-wide style for ``lang`` (once per script run, from app.py)."""
    css = _BASE + _PRINT
    if lang != "en":
        css += _UPLOADER.format(button=json.dumps(t("data.upload_button", lang), ensure_ascii=False),
                                limit=json.dumps(t("data.upload_limit", lang), ensure_ascii=False))
    st.html(f"<style>{css}</style>")
    st.html(_PRINT_FIT, unsafe_allow_javascript=True)
