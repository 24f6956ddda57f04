"""Sign-in: Streamlit's own OpenID Connect login (``st.login``) when ``[auth]`` is configured in
``.streamlit/secrets.toml``; without it the app is open (and listens on this machine only)."""

from __future__ import annotations

import streamlit as st

from loyalty.presentation.text import escape_markdown
from ui.state import tr


def configured() -> bool:
    """Whether the secrets hold an ``[auth]`` section (a missing secrets file means no)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - Streamlit raises its own error for a missing file
        return False


def gate() -> bool:
    """True when the visitor may see the dashboard (and then names them in the sidebar, with a
    sign-out button); otherwise shows only the sign-in screen, before any data is opened."""
    if not configured():
        return True
    if st.user.is_logged_in:
        with st.sidebar:
            who = st.user.get("email") or st.user.get("name") or st.user.get("sub") or ""
            st.caption(tr("auth.signed_in", user=escape_markdown(str(who))))
            st.button(tr("auth.sign_out"), on_click=st.logout, key="auth_sign_out")
        return True
    # A navigation of its own: without one Streamlit would list the files in pages/.
    st.navigation([st.Page(_sign_in_page, title=tr("auth.sign_in"), url_path="sign-in")],
                  position="hidden").run()
    return False


def _sign_in_page() -> None:
    st.title("Loyalty Lens")
    st.write(tr("auth.intro"))
    st.button(tr("auth.sign_in"), on_click=st.login, type="primary", key="auth_sign_in")


def user_key() -> str | None:
    """Who is signed in, as the key their workspaces are kept under (their subject, else
    e-mail); None without sign-in."""
    if not configured() or not st.user.is_logged_in:
        return None
    return str(st.user.get("sub") or st.user.get("email") or "") or None
