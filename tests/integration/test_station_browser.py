"""The console in a real browser: Debian's chromium driven by Playwright.

Sign in, watch two bot-driven headless games on loopback, inject a call and
flag a moment for one of them, then open that trainee's report from the
dashboard and find the flag. Screenshots of the console go to
``$FRONTPORCH_SCREENSHOTS`` when it is set (for a person to look at).
No request may leave the machine: every one the page makes is checked.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from game.scenario import load_scenario
from game.station.running import start_station
from game.station.trainee import HeadlessTrainee

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASS, CODE = "browser-pass-7", "CLASS9"


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():  # a fresh machine: the same step `make test` runs first
        subprocess.run([str(REPO / "tools" / "ensure-test-deps")], check=True, timeout=900)
    assert CHROMIUM.exists(), "Debian's chromium is needed: apt-get install -y chromium"
    return CHROMIUM


def test_sign_in_watch_inject_flag_and_find_the_flag_in_the_report(chromium: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("FRONTPORCH_SCREENSHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)
    station = start_station(PASS, CODE, tmp_path / "academy.db")
    first_day = load_scenario(REPO / "scenarios" / "first-day.yaml")
    with_events = load_scenario(REPO / "scenarios" / "low-trust-block.yaml")  # Ben's has events
    games = [HeadlessTrainee(station.address, CODE, name, scenario, seed, ticks_per_update=ticks,
                             updates_per_second=10.0, store=tmp_path / f"{name}.db")
             for name, scenario, seed, ticks in (("Ana Reyes", first_day, 3, 6),
                                                 ("Ben Okafor", with_events, 4, 12))]  # twice as long
    threads = [threading.Thread(target=game.play, daemon=True) for game in games]
    elsewhere: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.on("request", lambda r: elsewhere.append(r.url)
                    if urlsplit(r.url).netloc != station.address else None)
            page.goto(station.url)
            page.fill("input[name=passphrase]", PASS)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Class console")
            for thread in threads:
                thread.start()
            ana = page.locator('article.card[data-trainee="Ana Reyes"]')
            ben = page.locator('article.card[data-trainee="Ben Okafor"]')
            expect(ana).to_contain_text("Trust", timeout=20_000)
            expect(ben).to_contain_text("Trust", timeout=20_000)
            first_clock = ana.locator(".row b").first.inner_text()
            expect(ana.locator(".row b").first).not_to_have_text(first_clock, timeout=10_000)  # live
            page.screenshot(path=str(shots / "console-class.png"))

            ana.click()
            detail = page.locator("#detail")
            expect(detail).to_contain_text("Ana Reyes")
            page.select_option("#one-pool", index=0)
            page.click("#one-inject")
            page.fill("#one-note", "Parked two blocks from the market call")
            page.click("#one-flag")
            marks = page.locator("#detail-marks")
            expect(marks).to_contain_text("flag: Parked two blocks from the market call", timeout=10_000)
            expect(marks).to_contain_text("call:", timeout=10_000)
            expect(page.locator("#one-events")).to_have_count(0)  # first-day has no events
            page.screenshot(path=str(shots / "console-detail.png"))

            ben.click()
            expect(detail).to_contain_text("Ben Okafor")
            page.select_option("#one-events", index=2)  # the block club, due late in the shift
            page.click("#one-start-event")
            expect(marks).to_contain_text("event: block-club", timeout=10_000)
            expect(marks.locator("li.refused")).to_have_count(0)
            marks.scroll_into_view_if_needed()
            page.screenshot(path=str(shots / "console-event.png"))
            ana.click()

            expect(page.locator("#detail-sessions a")).to_have_count(1, timeout=60_000)  # uploaded
            page.click("text=Class dashboard")
            expect(page.locator("h1")).to_have_text("Class dashboard")
            expect(page.locator("table").last).to_contain_text("Ben Okafor", timeout=10_000)
            expect(page.locator("section", has_text="Trends over days")).to_contain_text("Ana Reyes")
            page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
            page.locator("tr", has_text="Ana Reyes").locator("a").click()
            report = page.locator("body")
            expect(report).to_contain_text("The instructor's flags and calls")
            expect(report).to_contain_text("Parked two blocks from the market call")
            expect(report).to_contain_text("injected call")
            page.locator("h2", has_text="The instructor's flags and calls").scroll_into_view_if_needed()
            page.screenshot(path=str(shots / "report-flags.png"))
            browser.close()
    finally:
        for thread in threads:
            thread.join(timeout=60)
        station.stop()
    assert elsewhere == []  # the console works with the network cable pulled
    assert all((shots / name).stat().st_size > 0 for name in ("console-class.png", "console-detail.png"))
