"""What-if: tier thresholds and benefits, discount depth, churn reduction; saved scenarios.

Each lever is a tab of its own module in ui/; this page places them (a view draws the open tab
only), works out every lever from its kept controls when a scenario is saved, and compares and
downloads saved scenarios.
"""

import pandas as pd
import streamlit as st

from loyalty.presentation import plan_charts

from loyalty.planning import scenarios
from loyalty.presentation.i18n import LANGUAGES
from loyalty.presentation.text import escape_markdown
from ui import links, remembered, state, workspace
from ui.choices import localized
from ui.state import tr
from ui.whatif_discount import discount_tab
from ui.whatif_retention import retention_tab
from ui.whatif_tiers import tier_tab
from ui.unseen import UNSEEN
from ui.widgets import guarded, lazy_tabs, page_start


def _scenarios_tab(current, ds, lang: str) -> None:
    """Save, compare and download scenarios; ``current(levers)`` is what those levers show
    now."""
    saved: dict = st.session_state.setdefault("whatif_scenarios", {})
    st.caption(tr("scen.intro"))
    names = [build.__name__ for _, build in LEVERS]
    titles = {build.__name__: tr(label) for label, build in LEVERS}
    levers = localized(st.multiselect, tr("scen.levers"), names, default=names,
                       key="whatif_save_levers", format_func=titles.get,
                       placeholder=tr("scen.no_levers"), select_all=False,
                       help=tr("scen.levers_help"))
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    name = c1.text_input(tr("scen.name"), key="whatif_name", persist_state="session",
                         placeholder=tr("scen.name_placeholder", n=len(saved) + 1))
    if c2.button(tr("scen.save"), key="whatif_save", icon=":material/bookmark_add:",
                 disabled=not levers, help=None if levers else tr("scen.no_levers")):
        label = name.strip() or tr("scen.name_placeholder", n=len(saved) + 1)
        replaced = label in saved
        now = current(levers)
        # Each chart in every language, so a report in the other language reads whole.
        figures = {title: {lng: make(lng).to_json() for lng in LANGUAGES}
                   for title, make in now["figures"].items()}
        saved[label] = scenarios.Scenario(label, now["assumptions"], now["results"], figures)
        remembered.sync()
        st.toast(tr("scen.replaced" if replaced else "scen.saved", name=escape_markdown(label)))
    if not saved:
        st.info(tr("scen.none_workspace" if workspace.current() else "scen.none"))
        return
    chosen = [saved[k] for k in saved]
    st.dataframe(scenarios.compare_table(chosen, lang), key="whatif_compare")
    levers = {"tier_margin": [s.results.get("tier_margin") for s in chosen],
              "discount_profit": [s.results.get("discount_profit") for s in chosen],
              "retention_profit": [s.results.get("retention_profit") for s in chosen]}
    st.plotly_chart(plan_charts.scenario_bars(pd.DataFrame(levers, index=[s.name for s in chosen]),
                                              lang), key="whatif_scenario_chart")
    c1, c2, c3 = st.columns(3)
    # Built when clicked: the report embeds Plotly's script (several MB), too much for every rerun.
    c1.download_button(tr("scen.csv"), lambda: scenarios.to_csv(chosen, lang),
                       file_name="scenarios.csv", mime="text/csv", key="whatif_csv",
                       icon=":material/download:", on_click="ignore")
    label = tr("app.dataset_demo") if ds.label == "demo" else ", ".join(
        r.filename for r in ds.reports)
    c2.download_button(tr("scen.html"), lambda: scenarios.html_report(chosen, lang, label),
                       file_name="scenarios.html", mime="text/html", key="whatif_html",
                       icon=":material/description:", on_click="ignore")
    if c3.button(tr("scen.clear"), key="whatif_clear"):
        saved.clear()
        remembered.sync()
        st.rerun()


LEVERS = (("plan.tiers_tab", tier_tab), ("plan.discount_tab", discount_tab),
          ("plan.retention_tab", retention_tab))


@st.fragment
def _lever(build, ds, f, margin: float, lang: str) -> None:
    """One lever's tab as a fragment: moving one of its controls reruns only this tab."""
    remembered.sync()
    part = guarded(lambda: build(ds, f, margin, lang), lang)
    if part is None and links.drop_refused():
        st.rerun()
    if part is not None:
        links.accepted(build.__name__, tuple(b.__name__ for _, b in LEVERS))
    links.write_whatif()


def _current(ds, f, margin: float, lang: str, levers: list[str]) -> dict:
    """The ``levers`` (by function name) worked out from their kept controls, drawn or not (one
    failing leaves the others)."""
    current = {"assumptions": {"gross_margin": margin}, "results": {}, "figures": {}}
    for _, build in LEVERS:
        if build.__name__ not in levers:
            continue
        part = guarded(lambda: build(ds, f, margin, lang, ui=UNSEEN), lang) or {}
        for k in current:
            current[k].update(part.get(k, {}))
    return current


@st.fragment
def _scenarios(ds, f, lang: str) -> None:
    margin = st.session_state["whatif_margin"] / 100
    _scenarios_tab(lambda levers: _current(ds, f, margin, lang, levers), ds, lang)


def render() -> bool | None:
    lang = state.lang()
    ds = page_start("plan.title")
    if ds is None:
        return
    st.caption(tr("plan.intro"))
    f = state.current_filters()
    margin = st.slider(tr("plan.margin"), 0, 90, 40, format=tr("unit.pct_format"),
                       key="whatif_margin",
                       persist_state="session", help=tr("plan.margin_help")) / 100
    # Lazy: a view draws the open lever only; the others keep their controls' values.
    lazy_tabs([(tr(label), lambda build=build: _lever(build, ds, f, margin, lang))
               for label, build in LEVERS]
              + [(tr("plan.scenarios_tab"), lambda: _scenarios(ds, f, lang))], key="whatif_tab")
    return True


if guarded(render, state.lang()) is None and links.drop_refused():
    # A setting from a shared link that a control refused: start again without the link's.
    st.rerun()
