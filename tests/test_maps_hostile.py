"""Names are text in the output maps (issue 27): a plan whose place, station and event names are markup is planned,
and map.html and map-public.html are opened in headless Chromium with every tooltip and popup opened."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browser import CHROMIUM
from live_support import CLI, PLAN

pytestmark = pytest.mark.browser

if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (tools/test.sh installs it)", allow_module_level=True)

STYLE = "<style>body{background:yellow}</style>"
IMG = "<img src=x onerror=alert(1)>"
NAMES = {
    "Ngã 4 Chùa Khánh An": f"Ngã 4 {STYLE}",  # a reserve's station
    "Ngã 3 Tham Lương": f"Ngã 3 {IMG}",  # the U-turn
    "Trụ sở Ủy ban nhân dân Quận 12": f"Trụ sở {STYLE}{IMG}",  # start, finish and assembly
    "Công an Quận 12 (Đội Cảnh sát giao thông)": f"Công an {IMG}",  # the police units' base
}
#: Hover and click every layer of the map, collecting the text of every tooltip and popup that opens.
OPEN_ALL = """() => {
  const texts = [];
  const layers = document.querySelectorAll('.leaflet-interactive, .leaflet-marker-icon');
  layers.forEach(el => {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    document.querySelectorAll('.leaflet-tooltip, .leaflet-popup-content').forEach(t => texts.push(t.textContent));
    el.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
  });
  return {texts: texts, layers: layers.length};
}"""


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-maps")
    text = PLAN.read_text(encoding="utf-8")
    for name, bad in NAMES.items():
        assert f"name: {name}\n" in text, name
        text = text.replace(f"name: {name}\n", f"name: '{bad}'\n", 1)
    plan = tmp / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp / "out"
    r = subprocess.run([*CLI, "plan", str(plan), "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.parametrize("page", ["map.html", "map-public.html"])
def test_hostile_names_are_text_in_every_tooltip_and_popup(hostile_out: Path, page: str) -> None:
    from playwright.sync_api import sync_playwright

    from browser import ARGS

    errors: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            p = browser.new_page(viewport={"width": 1400, "height": 900})
            p.on("pageerror", lambda e: errors.append(str(e)))

            def dialog(d: Any) -> None:
                dialogs.append(d.message)
                d.dismiss()

            p.on("dialog", dialog)
            p.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            p.goto((hostile_out / page).as_uri(), wait_until="load")
            p.wait_for_timeout(500)
            opened = p.evaluate(OPEN_ALL)
            p.wait_for_timeout(300)
            texts = " ".join(opened["texts"])
            assert opened["layers"] > 10
            # the names are shown as they are written, markup included, as text
            assert "Trụ sở " + STYLE + IMG in texts, texts[:500]
            if page == "map.html":
                assert "Ngã 4 " + STYLE in texts or "Ngã 4 " + STYLE in p.inner_text("body")
            injected = p.evaluate(
                """() => ({
                  imgs: document.querySelectorAll('img[src="x"]').length,
                  styles: [...document.querySelectorAll('style')].filter(s => s.textContent.includes('yellow')).length,
                  background: getComputedStyle(document.body).backgroundColor,
                })"""
            )
            assert injected == {"imgs": 0, "styles": 0, "background": injected["background"]}, injected
            assert injected["background"] != "rgb(255, 255, 0)"
            assert not dialogs and not errors, (dialogs, errors)
        finally:
            browser.close()
