"""Loyalty Lens: the frame. Page config, navigation, and the shared sidebar."""

import streamlit as st

from loyalty.analysis.filters import Filters
from loyalty.presentation.i18n import LANGUAGES, fmt_number
from loyalty.analysis.periods import COMPARISONS, Comparison, comparison_dates, default_period
from loyalty.presentation.text import escape_markdown
from ui import auth, board_pack, links, remembered, state, style, workspace
from ui.choices import localized
from ui.data_plan import clean_stale_uploads
from ui.state import tr

st.set_page_config(page_title="Loyalty Lens", page_icon="💠", layout="wide")
clean_stale_uploads()

links.read_language()
state.hold_language()
with st.sidebar:
    st.radio(tr("app.language"), list(LANGUAGES), format_func=LANGUAGES.get, key="app_lang",
             horizontal=True, on_change=state.keep_language)

# Nobody's data is opened, and no page is listed, before the visitor has signed in.
if not auth.gate():
    st.stop()

links.read_workspace()
ds = state.dataset()
lang = state.lang()
# Kept settings of the open workspace reach the session before anything reads or draws them.
remembered.sync()
remembered.follow_data(ds)
state.apply_currency()
style.apply(lang)

# URL paths differ from the file names on purpose: Streamlit's AppTest otherwise mistakes the
# pages/ folder for old-style multipage discovery and runs a page without this frame.
PAGES = (
    ("pages/overview.py", "nav.overview", ":material/dashboard:", "dashboard"),
    ("pages/segments.py", "nav.segments", ":material/groups:", "loyalty-types"),
    ("pages/nps.py", "nav.nps", ":material/sentiment_satisfied:", "net-promoter"),
    ("pages/churn.py", "nav.churn", ":material/trending_down:", "churn-retention"),
    ("pages/tiers.py", "nav.tiers", ":material/military_tech:", "tiers-points"),
    ("pages/programme.py", "nav.programme", ":material/card_membership:", "programme-roi"),
    ("pages/whatif.py", "nav.whatif", ":material/tune:", "what-if"),
    ("pages/data.py", "nav.data", ":material/upload_file:", "your-data"),
)
page = st.navigation([st.Page(path, title=tr(label), icon=icon, url_path=url, default=i == 0)
                      for i, (path, label, icon, url) in enumerate(PAGES)])


def _date_range(label: str, default, key: str, help_text: str, first, last):
    """A from-to date picker within ``first``..``last``; while a range is half picked, the last
    complete one. The complete range is kept under ``key``; the widget is keyed per language,
    because its date format follows the language and Streamlit resets a widget whose format
    changes (switching to German used to throw the chosen period away)."""
    wkey = f"{key}@{lang}"
    kept = st.session_state.get(key)
    if wkey not in st.session_state and kept is not None:
        st.session_state[wkey] = kept
    picked = st.date_input(label, value=default, min_value=first, max_value=last, key=wkey,
                           help=help_text, format="DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD")
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        st.session_state[key] = tuple(picked)
        return tuple(picked)
    return kept or default


def _sidebar_comparison(ch: dict, suffix: str, start, end) -> Comparison:
    kind = localized(st.selectbox, tr("compare.label"), COMPARISONS, key="app_compare",
                     format_func=lambda k: tr(f"compare.option.{k}"), help=tr("compare.help"))
    if kind != "custom":
        return Comparison(kind)
    # Starts from the previous period, moved inside the data.
    pstart, pend = comparison_dates(start, end)
    default = (max(pstart, ch["first"]), max(pend, ch["first"]))
    c_start, c_end = _date_range(tr("compare.custom_dates"), default, f"app_compare_dates_{suffix}",
                                 tr("compare.custom_dates_help"), ch["first"], ch["last"])
    return Comparison("custom", c_start, c_end)


def _sidebar_filters() -> tuple[Filters, Comparison]:
    if not ds.has("transactions"):
        return Filters(), Comparison()
    ch = state.filter_choices(*state.key(ds))
    # Selections belong to one dataset: widgets keyed by the dataset start afresh when it
    # changes, and keep their values across page switches while it does not.
    suffix = f"{ds.uid}_{ds.version}"
    links.read_view(ch, suffix)
    default = default_period(ch["first"], ch["last"])
    st.subheader(tr("app.filters"))
    start, end = _date_range(tr("app.filter_dates"), default, f"app_dates_{suffix}",
                             tr("app.filter_dates_help"), ch["first"], ch["last"])
    comparison = _sidebar_comparison(ch, suffix, start, end)
    all_label = tr("app.filter_all")
    # No "Select all" entry: nothing chosen already means all, and Streamlit writes that entry in
    # English whatever the language.
    tiers = st.multiselect(tr("app.filter_tier"), ch["tiers"], key=f"app_tiers_{suffix}",
                           placeholder=all_label, select_all=False) if ch["tiers"] else []
    channels = st.multiselect(tr("app.filter_channel"), ch["channels"],
                              key=f"app_channels_{suffix}", placeholder=all_label,
                              select_all=False) if ch["channels"] else []
    stores = st.multiselect(tr("app.filter_store"), ch["stores"], key=f"app_stores_{suffix}",
                            placeholder=all_label, select_all=False) if ch["stores"] else []
    return Filters(start=start, end=end, tiers=tuple(tiers), channels=tuple(channels),
                   stores=tuple(stores)), comparison


with st.sidebar:
    if (ws := workspace.current()) is not None:
        st.caption(f"{tr('app.workspace')}: **{escape_markdown(ws.name)}**",
                   help=tr("app.workspace_help"))
    elif ds.label == "demo":
        st.caption(f"{tr('app.dataset')}: {tr('app.dataset_demo')}")
    elif ds.reports:
        names = ", ".join(escape_markdown(r.filename) for r in ds.reports)
        st.caption(f"{tr('app.dataset')}: {tr('app.dataset_own', files=names)}")
    else:
        st.caption(f"{tr('app.dataset')}: {tr('app.dataset_empty')}")
    st.session_state["app_filters"], st.session_state["app_comparison"] = _sidebar_filters()
    board_pack.download_button(ds)

if ds.label == "demo":
    customers = state.customer_count(*state.key(ds))
    st.info(tr("app.demo_note", customers=fmt_number(customers, lang)), icon=":material/info:")

page.run()
# After the page, so that the What-if page's settings drawn in this run are in the link too.
links.write(lang, state.current_filters(), state.current_comparison(),
            whatif=page.url_path == "what-if")
