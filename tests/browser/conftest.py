import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTIFACTS = os.path.join(ROOT, "test-artifacts")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def workspace_dir(tmp_path_factory) -> str:
    """Where the test server keeps workspaces (never the checkout's own folder)."""
    return str(tmp_path_factory.mktemp("workspaces"))


def serve(workspace_dir: str, env: dict | None = None, wait: float = 90):
    """Run the app on a free port with ``env`` added to the environment; yields its address."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing at /usr/bin/chromium: run .ci/run, which installs it")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", os.path.join(ROOT, "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "LOYALTY_WORKSPACE_DIR": workspace_dir, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(f"the app did not start within {wait:.0f} s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(workspace_dir):
    yield from serve(workspace_dir)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


_IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && document.querySelector('[data-testid="stMain"] h1') !== null
        && document.querySelector('#root[inert]') === null;
}"""


def idle(pg) -> None:
    """Wait until Streamlit has run the script and the page accepts input again (twice, so a
    run that starts right after the first check is waited for too)."""
    for _ in range(2):
        pg.wait_for_function(_IDLE)
        pg.wait_for_timeout(400)


def open_page(pg, url: str, link: str, tab: str | None = None) -> None:
    """Start on the dashboard, then open the page ``link`` and, if given, its tab ``tab``."""
    pg.goto(url)
    idle(pg)
    pg.get_by_role("link", name=link, exact=True).click()
    idle(pg)
    if tab is not None:
        pg.get_by_role("tab", name=tab).click()
        idle(pg)


_FILE_BOX = """() => {
    const upload = document.querySelector('[data-testid="stMain"] [data-testid="stFileUploader"]');
    if (!upload) return false;
    return [...document.querySelectorAll('[data-testid="stSelectbox"]')].some(
        box => upload.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def wait_for_file_box(pg) -> None:
    """Wait until an uploaded file's box (how it is read, its mapping) is on the Data page."""
    pg.wait_for_function(_FILE_BOX)
    idle(pg)


def open_box(pg, box) -> None:
    """Open the select box ``box``. Scrolled into place first: a box clicked while the page
    still scrolls to it takes the focus without opening, so the keyboard opens it then."""
    box.scroll_into_view_if_needed()
    pg.wait_for_timeout(300)
    box.click()
    if box.get_attribute("aria-expanded") != "true":
        box.press("ArrowDown")


def choose(pg, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` and wait for the rerun."""
    open_box(pg, pg.get_by_role("combobox", name=label, exact=True).first)
    pg.get_by_role("option", name=option, exact=True).click()
    idle(pg)


def shot(pg, name: str) -> str:
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, f"{name}.png")
    pg.screenshot(path=path, full_page=True)
    return path
