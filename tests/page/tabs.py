"""Opening a tab in AppTest: lazy tabs run only the open one, and AppTest cannot click."""


def open_tab(at, key: str, label: str, lang: str = "en"):
    """Open the tab ``label`` of the tabs kept under ``key`` (see ``ui.widgets.lazy_tabs``)."""
    at.session_state[f"{key}@{lang}"] = label
    return at.run()
