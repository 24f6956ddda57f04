"""Ten managers at once: ten browser sessions of one app server open the demo and visit every
page at the same time. Reports the slowest and median time per session, the app server's peak
memory and whether any page showed an error. Never part of the test run.

    python benchmarks/sessions_benchmark.py [--sessions 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from browser_benchmark import CHROMIUM, PAGES, _STATE, _memory_gb, _start_app  # noqa: E402

ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


async def _settled(page) -> None:
    try:
        await page.wait_for_function(f"() => ({_STATE})() === 'running'", timeout=1500,
                                     polling=50)
    except Exception:  # noqa: BLE001 - the run may already be over
        pass
    await page.wait_for_function(f"() => ({_STATE})() === 'notRunning'", timeout=600_000,
                                 polling=50)


async def _manager(browser, url: str) -> tuple[float, int]:
    """One session: open the app (the demo loads), then every page in turn; the seconds it
    took and the error boxes it saw."""
    context = await browser.new_context(viewport={"width": 1440, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(600_000)
    started = time.perf_counter()
    await page.goto(url)
    await _settled(page)
    errors = 0
    for name in PAGES:
        await page.get_by_role("link", name=name, exact=True).click()
        await _settled(page)
        errors += await page.locator(ERRORS).count()
    seconds = time.perf_counter() - started
    await context.close()
    return seconds, errors


async def _run(sessions: int) -> None:
    from playwright.async_api import async_playwright

    proc, url = _start_app()
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM,
                                              args=["--headless=new", "--no-sandbox"])
            started = time.perf_counter()
            results = await asyncio.gather(*(_manager(browser, url) for _ in range(sessions)))
            wall = time.perf_counter() - started
            await browser.close()
        peak = _memory_gb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    times = [s for s, _ in results]
    print(f"| sessions | all done s | per session, median s | slowest s | error boxes | "
          f"server peak memory GB |\n|---:|---:|---:|---:|---:|---:|\n"
          f"| {sessions} | {wall:.1f} | {statistics.median(times):.1f} | {max(times):.1f} | "
          f"{sum(e for _, e in results)} | {peak:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=10)
    asyncio.run(_run(ap.parse_args().sessions))


if __name__ == "__main__":
    main()
