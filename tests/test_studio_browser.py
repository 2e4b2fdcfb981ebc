"""The studio in headless Chromium on a real server: drop a document, fix its required items by clicks only, make
the plan, open the plan book and the police map; the same for a ceremony document; screenshots."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import ARGS, CHROMIUM
from studio_support import DATA, SEED_000, TOKEN, studio_server

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("PP_SHOTS", Path(__file__).resolve().parents[1] / "test-artifacts" / "studio"))

if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (tools/test.sh installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with studio_server(tmp_path_factory.mktemp("studio-browser")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="pp-chrome-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": 1600, "height": 1000}
        )
        blocked: list[str] = []

        def route(r: Any) -> None:
            if r.request.url.startswith(("http://127.0.0.1:", "blob:", "data:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        ctx.blocked = blocked  # type: ignore[attr-defined]
        try:
            yield ctx
        finally:
            ctx.close()


def open_studio(ctx: Any, base: str, size: tuple[int, int] = (1600, 1000)) -> tuple[Any, list[str]]:
    page = ctx.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and "status of 4" not in m.text else None,
    )
    page.goto(f"{base}/#token={TOKEN}")
    page.wait_for_selector("#drop")
    return page, errors


def drop(page: Any, path: Path) -> None:
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#checklist .item, #checklist .ok", timeout=60000)
    page.wait_for_selector("#routebox h2, #ceremonybox h2", state="attached", timeout=30000)
    settle(page)


def settle(page: Any) -> None:
    """Wait until the page has no request under way (it shows the latest state)."""
    page.wait_for_function("() => document.body.dataset.pending === '0'", timeout=60000)


def required_items(page: Any) -> list[Any]:
    return list(page.query_selector_all("#checklist .item.req"))


def fix_required_by_clicks(page: Any) -> int:
    """Click each required item's one-click fix: a candidate, else a pin put on the map and saved."""
    for fixed in range(20):
        items = required_items(page)
        if not items:
            return fixed
        item = items[0]
        ident = item.get_attribute("data-item")
        cand = item.query_selector("button.cand")
        if cand is not None:
            cand.click()
        else:
            item.query_selector("button.pinbtn").click()
            box = page.query_selector("#map").bounding_box()
            page.mouse.click(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.4)  # the pin moves there
            page.query_selector(f'#checklist .item[data-item="{ident}"] button.savepin').click()
        page.wait_for_selector(f'#checklist .item[data-item="{ident}"]', state="detached", timeout=30000)
        settle(page)
    raise AssertionError("required items do not go away")


def run_plan(page: Any, shot: str | None = None) -> str:
    page.click("#run")
    page.wait_for_selector("#progress", timeout=10000)
    if shot:
        page.wait_for_function("() => document.querySelector('#stage').textContent.length > 0", timeout=30000)
        page.screenshot(path=str(SHOTS / shot))
    page.wait_for_selector("#run-done, #run-failed", timeout=240000)
    text = str(page.inner_text("#runout"))
    assert page.query_selector("#run-failed") is None, f"the studio could not make the plan: {text}"
    return text


def open_output(page: Any, ctx: Any, name: str) -> Any:
    with ctx.expect_page() as info:
        page.click(f'#runout a[data-file="{name}"]')
    out = info.value
    out.wait_for_load_state("load")
    return out


def test_own_parade_document_by_clicks(base: str, browser: Any) -> None:
    page, errors = open_studio(browser, base)
    page.screenshot(path=str(SHOTS / "studio-start-desktop.png"))
    drop(page, DATA / "dieu-hanh-xe-hoa.txt")
    assert len(required_items(page)) == 3
    text = page.inner_text("#checklist")
    assert "Chưa có tọa độ" in text and "Bắt buộc" in text
    # the theme's '<vì mọi người>' is shown as text, never parsed as markup
    assert page.input_value('input[name="event.theme"]') == "Học tập suốt đời <vì mọi người>"
    assert page.evaluate("() => document.querySelectorAll('vì').length") == 0
    assert "Lộ trình tìm được" in page.inner_text("#route-status")
    page.screenshot(path=str(SHOTS / "studio-imported-desktop.png"))
    assert fix_required_by_clicks(page) == 3
    assert not required_items(page)
    # undo brings the last fixed item back, and it goes away again by a click
    n = len(page.query_selector_all("#checklist .item"))
    page.click("#undo")
    page.wait_for_function(f"() => document.querySelectorAll('#checklist .item').length === {n + 1}")
    settle(page)
    assert fix_required_by_clicks(page) == 1
    # the route is resolved as it is edited: a street the data does not know is marked, with the reason
    n_steps = len(page.query_selector_all("#routebox .step[data-step]"))
    page.fill("#newstep", "Đường Không Có Thật")
    page.click("#addstep")
    page.wait_for_selector("#route-status.bad")
    settle(page)
    added = n_steps - 1  # put before the end step
    assert page.query_selector(f'#routebox .step[data-step="{added}"] .bad') is not None
    assert "Đường Không Có Thật" in page.inner_text("#routebox .why")
    assert len(page.query_selector_all("#routebox .step .bad")) == 1
    page.screenshot(path=str(SHOTS / "studio-route-unresolved-desktop.png"))
    page.click(f'#routebox .step[data-step="{added}"] button.rm')
    page.wait_for_selector("#route-status.ok")
    settle(page)
    # a form field shows the plan file's own message next to it, and the change is refused
    page.fill('input[name="parades[0].groups[0].count"]', "-2")
    page.press('input[name="parades[0].groups[0].count"]', "Tab")
    page.wait_for_function(
        "() => document.querySelector('[data-for=\"parades[0].groups[0].count\"]').textContent.length > 0"
    )
    assert "count" in page.inner_text('[data-for="parades[0].groups[0].count"]')
    out = run_plan(page)
    assert "Sổ kế hoạch" in out and "Bản đồ cảnh sát" in out
    assert "Chưa đáp ứng đủ" in out  # 4 motorbikes cannot hold every post: the shortfall in words
    page.screenshot(path=str(SHOTS / "studio-planned-desktop.png"), full_page=False)
    book = open_output(page, browser, "index.html")
    assert book.title()
    book.screenshot(path=str(SHOTS / "studio-plan-book.png"))
    book.close()
    police = open_output(page, browser, "map.html")
    police.wait_for_function("() => document.querySelectorAll('.leaflet-interactive').length > 0", timeout=30000)
    police.screenshot(path=str(SHOTS / "studio-police-map.png"))
    police.close()
    # the laptop screen
    page.set_viewport_size({"width": 1366, "height": 768})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "studio-planned-1366x768.png"))
    assert not errors, errors
    assert not browser.blocked, browser.blocked
    page.close()


def test_two_tabs_do_not_lose_changes(base: str, browser: Any) -> None:
    a, _ = open_studio(browser, base)
    drop(a, DATA / "dieu-hanh-xe-hoa.txt")
    url = a.url
    b = browser.new_page()
    b.goto(url)
    b.wait_for_selector("#checklist .item")
    a.fill('input[name="event.theme"]', "Chủ đề từ thẻ A")
    a.press('input[name="event.theme"]', "Tab")
    a.wait_for_function("() => document.querySelector('#undo').disabled === false")
    b.fill('input[name="event.name"]', "Tên từ thẻ B")
    b.press('input[name="event.name"]', "Tab")
    b.wait_for_selector("#banner.show.err")
    assert "thẻ khác" in b.inner_text("#banner")
    b.wait_for_function("() => document.querySelector('input[name=\"event.theme\"]').value === 'Chủ đề từ thẻ A'")
    a.close()
    b.close()


def test_ceremony_document_by_clicks(base: str, browser: Any) -> None:
    page, errors = open_studio(browser, base, (1366, 768))
    drop(page, DATA / "le-khai-mac.txt")
    assert page.query_selector("#ceremonybox fieldset") is not None
    # accept each venue where it stands and each placeholder as it is, by clicks
    for _ in range(10):
        item = page.query_selector("#checklist .item button.cand, #checklist .item button.keep")
        if item is None:
            break
        ident = item.evaluate("b => b.closest('.item').dataset.item")
        item.click()
        page.wait_for_selector(f'#checklist .item[data-item="{ident}"]', state="detached", timeout=30000)
        settle(page)
    assert "Không còn việc nào" in page.inner_text("#checklist")

    def slow_save(r: Any) -> None:  # a loaded server: the change is still on its way when "make the plan" is clicked
        time.sleep(1.5)
        r.continue_()

    page.route("**/fixes*", slow_save)
    page.fill('input[name="ceremonies[0].window_start"]', "08:00")
    page.press('input[name="ceremonies[0].window_start"]', "Tab")
    page.wait_for_function(
        "() => document.querySelector('input[name=\"ceremonies[0].window_start\"]').value === '08:00'"
    )
    out = run_plan(page)
    assert "Sổ kế hoạch" in out
    page.screenshot(path=str(SHOTS / "studio-ceremonies-1366x768.png"))
    page.click("#lang")  # the English switch
    page.wait_for_function("() => document.querySelector('#run').textContent === 'Make the plan'")
    page.wait_for_selector("#run-done")
    settle(page)
    assert page.inner_text("#lang") == "Tiếng Việt" and "To do" in page.inner_text("#checklist")
    page.screenshot(path=str(SHOTS / "studio-ceremonies-english-1366x768.png"))
    page.click("#lang")
    page.wait_for_function("() => document.querySelector('#run').textContent === 'Lập kế hoạch'")
    page.wait_for_selector("#run-done")
    settle(page)
    book = open_output(page, browser, "index.html")
    assert "Lễ khai mạc" in book.inner_text("body")
    book.close()
    assert not errors, errors
    page.close()


@pytest.mark.skipif(not SEED_000.exists(), reason="seed 000 is not in this checkout")
def test_seed_000_by_clicks(base: str, browser: Any) -> None:
    page, errors = open_studio(browser, base)
    drop(page, SEED_000)
    page.screenshot(path=str(SHOTS / "studio-seed000-imported-desktop.png"))
    assert fix_required_by_clicks(page) >= 3
    # the column's speed is not stated: the importer took the plan's default, listed among the decisions (issue 24);
    # the clerk overturns it by typing the speed into the parade's form
    speed = page.locator('#decisions .dec[data-field="parades[0].speed_limit_kmh"]')
    assert "Tốc độ tối đa (km/h): 20 km/giờ" in speed.inner_text()
    assert not page.query_selector('#checklist .item[data-field="parades[0].speed_limit_kmh"]')
    page.fill('input[name="parades[0].speed_limit_kmh"]', "15")
    page.press('input[name="parades[0].speed_limit_kmh"]', "Tab")
    page.wait_for_function("() => document.querySelector('input[name=\"parades[0].speed_limit_kmh\"]').value === '15'")
    settle(page)
    page.wait_for_function("() => document.querySelector('#decisions').textContent.includes('15 (đã đổi')")
    assert "15 (đã đổi)" in speed.inner_text()
    # a decision with no alternatives to pick is changed in its own field: its button goes there
    page.locator('#decisions .dec[data-field="parades[0].staging"] button.change').click()
    page.wait_for_function("() => document.activeElement.getAttribute('name') === 'parades[0].staging'")
    # the plan file downloaded from the page is what `paradeplan validate` accepts
    with page.expect_download() as dl:
        page.click("#download")
    target = Path(tempfile.mkdtemp(prefix="pp-studio-dl-")) / "plan.yaml"
    dl.value.save_as(str(target))
    assert "speed_limit_kmh: 15" in target.read_text(encoding="utf-8")  # the overturned default is saved
    done = subprocess.run(
        [sys.executable, "-c", "from paradeplan.cli import main; main()", "validate", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "chưa có tọa độ" not in done.stderr
    out = run_plan(page, "studio-seed000-running-desktop.png")
    assert "Sổ kế hoạch" in out
    book = open_output(page, browser, "index.html")
    book.close()
    police = open_output(page, browser, "map.html")
    police.wait_for_function("() => document.querySelectorAll('.leaflet-interactive').length > 0", timeout=30000)
    police.close()
    page.screenshot(path=str(SHOTS / "studio-seed000-planned-desktop.png"))
    page.set_viewport_size({"width": 1366, "height": 768})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / "studio-seed000-1366x768.png"))
    assert not errors, errors
    page.close()
