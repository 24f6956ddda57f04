"""Time the dashboard the way a manager meets it: in headless Chromium, upload a generated German
till export, load it, open every page (first and repeat view) and move one control on each
interactive page. A step ends when Streamlit's script state is back to ``notRunning``.

    python benchmarks/browser_benchmark.py --rows 1000000            # prints a markdown table
    python benchmarks/browser_benchmark.py --rows 1000000 10000000 --readme

``--readme`` replaces the table between the ``browser-benchmark`` markers in README.md.
Never part of the test run.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from make_transactions import write  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PAGES = ["Overview", "Loyalty types", "NPS", "Churn and retention", "Tiers and points",
         "Programme", "What-if"]
_STATE = ("() => document.querySelector('[data-testid=\"stApp\"]')"
          "?.getAttribute('data-test-script-state')")
MARK_START, MARK_END = "<!-- browser-benchmark:start -->", "<!-- browser-benchmark:end -->"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_app() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", os.path.join(ROOT, "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless",
         "true", "--browser.gatherUsageStats", "false", "--server.maxUploadSize", "4000"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(180):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the app did not start")


class _Runs:
    """When each script run ended, read from the messages the server sends the page.

    Polling the page's script state misses a run quicker than a render: the state never shows
    "running", and waiting for it timed repeat views of 0.2 s as 1.6 s now and then.
    """

    def __init__(self, page):
        self.ended: list[float] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        if not isinstance(payload, (bytes, bytearray)):
            return
        try:
            msg = ForwardMsg.FromString(bytes(payload))
        except Exception:  # noqa: BLE001 - not a message of ours
            return
        if msg.WhichOneof("type") == "script_finished":
            self.ended.append(time.perf_counter())


def _settled(page, started: float, timeout_s: float = 900) -> float:
    """Seconds from ``started`` until a script run that ended after it is drawn."""
    runs: _Runs = page.runs
    while not any(t > started for t in runs.ended):
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("no script run ended")
        page.wait_for_timeout(5)
    page.wait_for_function(f"() => ({_STATE})() === 'notRunning'", timeout=timeout_s * 1000,
                           polling=10)
    return time.perf_counter() - started


def _click_page(page, name: str) -> float:
    started = time.perf_counter()
    page.get_by_role("link", name=name, exact=True).click()
    return _settled(page, started)


def _move(page, locator) -> float:
    """One step of a slider (keyboard), as a manager nudging it."""
    locator.first.focus()
    started = time.perf_counter()
    locator.first.press("ArrowRight")
    return _settled(page, started)


def _type_into(page, label: str, value: str) -> float:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    started = time.perf_counter()
    box.press("Enter")
    return _settled(page, started)


def run(rows: int, workdir: str) -> list[tuple[str, float]]:
    from playwright.sync_api import sync_playwright

    path = os.path.join(workdir, f"kasse_{rows}.csv")
    if not os.path.exists(path):
        write(path, rows, "de", customers=rows // 10)
    proc, url = _start_app()
    out: list[tuple[str, float]] = []

    def note(step: str, seconds: float) -> None:
        out.append((step, seconds))
        # Memory after each step shows which step sets the peak (stderr only).
        print(f"{rows:,} rows | {step} | {seconds:.2f} s | server now "
              f"{_memory_gb(proc.pid, 'VmRSS'):.2f} GB, peak {_memory_gb(proc.pid):.2f} GB",
              file=sys.stderr, flush=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM,
                                        args=["--headless=new", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.set_default_timeout(60_000)
            page.runs = _Runs(page)
            page.goto(url)
            page.wait_for_function(f"() => ({_STATE})() === 'notRunning'", timeout=600_000)
            _click_page(page, "Data")
            started = time.perf_counter()
            page.set_input_files('input[type="file"]', path)
            page.get_by_role("button", name="Load these files").wait_for()
            note("upload and read plan", _settled(page, started))
            started = time.perf_counter()
            page.get_by_role("button", name="Load these files").click()
            page.get_by_text(" rows loaded, ").first.wait_for()
            note("load", _settled(page, started))
            for name in PAGES:
                note(f"{name}, first view", _click_page(page, name))
            for name in PAGES:
                note(f"{name}, repeat view", _click_page(page, name))
            _click_page(page, "Loyalty types")
            page.get_by_text("Rules and thresholds").click()
            note("Loyalty types: a rule slider moved",
                 _move(page, page.locator('[data-testid="stExpander"] input[type="range"]')))
            _click_page(page, "Tiers and points")
            note("Tiers: a threshold changed", _type_into(page, "Silver from", "350"))
            _click_page(page, "What-if")
            note("What-if: a tier threshold changed", _type_into(page, "Gold from", "900"))
            # What-if draws the open tab only: opening another runs the page for it.
            started = time.perf_counter()
            page.get_by_role("tab", name="Discount depth").click()
            page.locator('.st-key-whatif_depth input[type="range"]').first.wait_for()
            note("What-if: another lever's tab opened", _settled(page, started))
            note("What-if: discount depth moved",
                 _move(page, page.locator('.st-key-whatif_depth input[type="range"]')))
            errors = page.locator('[data-testid="stException"], '
                                  '[data-testid="stAlertContentError"]').count()
            if errors:
                print(f"warning: {errors} error box(es) on the last page", file=sys.stderr)
            browser.close()
        out.append(("server peak memory, GB", _memory_gb(proc.pid)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def _memory_gb(pid: int, field: str = "VmHWM") -> float:
    """The app server's resident set in GB: its highest so far (Linux ``VmHWM``) or now
    (``VmRSS``)."""
    with open(f"/proc/{pid}/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
    return kb / 2**20


# Issue 11's own measurements on the same kind of 1M-row file, before the work it asked for.
BEFORE_1M = {"upload and read plan": "2.2", "load": "3.6-4.4", "Overview, first view": "0.6",
             "Loyalty types, first view": "9.8", "NPS, first view": "0.2",
             "Churn and retention, first view": "15.0-17.1",
             "Tiers and points, first view": "2.1", "Programme, first view": "0.4",
             "What-if, first view": "1.2"}


def table(results: dict[int, list[tuple[str, float]]]) -> str:
    cores = os.cpu_count()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    sizes = sorted(results)
    head = ("| step | 1M rows, before (issue 11) s | "
            + " | ".join(f"{n // 1_000_000}M rows, now s" if n % 1_000_000 == 0
                         else f"{n:,} rows, now s" for n in sizes) + " |")
    lines = [f"Machine: {cores} cores, {mem:.0f} GB; Chromium headless, German till export "
             f"(one customer per ten rows).", "", head,
             "|---|---:|" + "---:|" * len(sizes)]
    steps = [s for s, _ in results[sizes[0]]]
    for step in steps:
        cells = [f"{dict(results[n]).get(step, float('nan')):.1f}" for n in sizes]
        lines.append(f"| {step} | {BEFORE_1M.get(step, '')} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _write_readme(text: str) -> None:
    readme = os.path.join(ROOT, "README.md")
    body = open(readme, encoding="utf-8").read()
    start, end = body.index(MARK_START) + len(MARK_START), body.index(MARK_END)
    with open(readme, "w", encoding="utf-8") as fh:
        fh.write(body[:start] + "\n" + text + "\n" + body[end:])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    ap.add_argument("--workdir", default=tempfile.gettempdir())
    ap.add_argument("--readme", action="store_true")
    a = ap.parse_args()
    results = {n: run(n, a.workdir) for n in a.rows}
    text = table(results)
    print(text)
    if a.readme:
        _write_readme(text)
