"""Sign-in in a real browser: with ``[auth]`` configured the app shows only a sign-in button;
the manager signs in at an OpenID Connect provider (a local mock) and comes back to the
dashboard, signed in under their own name."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import CHROMIUM, ROOT, _free_port, idle, open_box

pytestmark = pytest.mark.browser


def _wait_for(url: str, proc: subprocess.Popen) -> None:
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{url}: the server stopped")
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within 90 s")


@pytest.fixture
def signed_app(tmp_path):
    """The app with sign-in configured against a mock provider; yields the app's URL."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing at /usr/bin/chromium: run .ci/run, which installs it")
    idp_port, app_port = _free_port(), _free_port()
    idp = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port", str(idp_port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    idp_url = f"http://127.0.0.1:{idp_port}"
    app_url = f"http://127.0.0.1:{app_port}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-some-length"\n'
        'client_id = "loyalty-lens"\n'
        'client_secret = "not-a-real-secret"\n'
        f'server_metadata_url = "{idp_url}/.well-known/openid-configuration"\n')
    app = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", os.path.join(ROOT, "app.py"),
         "--server.port", str(app_port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--secrets.files", str(secrets)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "LOYALTY_WORKSPACE_DIR": str(tmp_path / "workspaces")})
    try:
        _wait_for(idp_url + "/.well-known/openid-configuration", idp)
        _wait_for(app_url + "/_stcore/health", app)
        yield app_url
    finally:
        for proc in (app, idp):
            proc.terminate()
            proc.wait(timeout=20)


def test_sign_in_then_sign_out(signed_app, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(signed_app)
    page.get_by_role("button", name="Sign in").wait_for()
    # Nothing of the dashboard before signing in: no page list, no demo figures.
    assert page.get_by_role("link", name="Overview").count() == 0
    assert page.locator('[data-testid="stMetric"]').count() == 0
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="sub"]').fill("anna@shop.example")
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text("Signed in as anna@shop.example").wait_for()
    idle(page)
    assert page.get_by_role("link", name="Overview").count() == 1
    assert page.locator('[data-testid="stMetric"]').count() > 0
    page.get_by_role("button", name="Sign out").click()
    # The provider asks to end its session too, then sends the manager back.
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.locator('[data-testid="stMetric"]').count() == 0
    context.close()


def _sign_in(browser, url: str, user: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    page.locator('input[name="sub"]').fill(user)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(f"Signed in as {user}").wait_for()
    idle(page)
    page.get_by_role("link", name="Data", exact=True).click()
    idle(page)
    return page


def _workspace_names(page) -> list[str]:
    open_box(page, page.get_by_role("combobox", name="Open", exact=True))
    names = [o.inner_text().strip() for o in page.get_by_role("option").all()]
    page.keyboard.press("Escape")
    return names


def test_each_user_sees_only_their_own_workspaces(signed_app, browser):
    anna = _sign_in(browser, signed_app, "anna@shop.example")
    anna.get_by_text("New workspace or import").click()
    anna.get_by_label("Name of the new workspace").fill("Annas Laden")
    anna.get_by_role("button", name="Create", exact=True).click()
    idle(anna)
    assert "Annas Laden" in _workspace_names(anna)
    ben = _sign_in(browser, signed_app, "ben@shop.example")
    assert _workspace_names(ben) == ["Demo shop (read-only)"]
    for page in (anna, ben):
        page.context.close()
