"""Every page every example plan writes works offline: no network URL in src/href, Leaflet loads, no page error.

What counts as a network load (docs/limits.md, "Offline pages"): any ``http(s):`` or protocol-relative ``//`` URL
in an attribute that makes the browser fetch something (``src``, ``srcset``, ``poster``, ``data``, ``action``,
``href`` of anything but a plain ``<a>`` link, e.g. ``<link rel=stylesheet>``), in a CSS ``url(…)`` or
``@import``. A plain ``<a href>`` (the © OpenStreetMap copyright link) is navigation the reader chooses, not a
load. Map tiles are the maps' one optional online layer: Leaflet asks for them at run time and the pages work
without them (the browser check below blocks them and allows nothing else).
"""

from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
PLANS = sorted((ROOT / "data").glob("*/plan.yaml"))

_NET = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(
    r"""url\(\s*['"]?\s*((?:https?:)?//[^'")\s]+)|@import\s+(?:url\()?\s*['"]?((?:https?:)?//[^'")\s;]+)""",
    re.IGNORECASE,
)
_LOAD_ATTRS = {"src", "srcset", "poster", "data", "action", "href", "background", "formaction", "xlink:href"}

_OFFLINE_RUN = """
import sys
sys.path.insert(0, {tests!r})
import conftest
conftest._install_network_block()
from paradeplan.cli import main
sys.argv = ["paradeplan", *{argv!r}]
main()
"""


class _Scan(html.parser.HTMLParser):
    """Collects every network URL a page would load (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self._css(value)
            if name not in _LOAD_ATTRS or (tag == "a" and name == "href"):
                continue
            urls = [u.strip().split(" ")[0] for u in value.split(",")] if name == "srcset" else [value]
            self.loads += [f"<{tag} {name}={u}>" for u in urls if _NET.match(u)]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, text: str) -> None:
        self.loads += [f"css {a or b}" for a, b in _CSS_URL.findall(text)]


def network_loads(page: str) -> list[str]:
    """The network URLs an HTML page would load by itself (no script run)."""
    scan = _Scan()
    scan.feed(page)
    scan.close()
    return scan.loads


def test_scanner_finds_what_it_should() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="https://cdn.example/x.css"/>'
        '<script src="//cdn.example/x.js"></script><style>.a{background:url("https://e.x/i.png")}'
        '@import "http://e.x/more.css";.b{background:url(images/layers.png)}</style></head>'
        '<body><a href="https://www.openstreetmap.org/copyright">©</a><img src="data:image/png;base64,AA">'
        '<img srcset="a.png 1x, https://e.x/b.png 2x"><iframe src="https://e.x/f"></iframe>'
        '<div style="background-image:url(//e.x/bg.png)"></div><script>var u="https://not.scanned/";</script>'
        "</body></html>"
    )
    found = network_loads(page)
    assert found == [
        "<link href=https://cdn.example/x.css>",
        "<script src=//cdn.example/x.js>",
        "css https://e.x/i.png",
        "css http://e.x/more.css",
        "<img srcset=https://e.x/b.png>",
        "<iframe src=https://e.x/f>",
        "css //e.x/bg.png",
    ]


def _plan_offline(plan: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    code = _OFFLINE_RUN.format(tests=str(ROOT / "tests"), argv=["plan", str(plan), "--out", str(out), *extra])
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``plan/relative.html`` → path, for every page `paradeplan plan` writes for every example plan."""
    assert len(PLANS) >= 5
    pages: dict[str, Path] = {}
    root = tmp_path_factory.mktemp("offline")
    for plan in PLANS:
        out = root / plan.parent.name
        r = _plan_offline(plan, out)
        assert r.returncode == 0, (plan, r.stderr)
        for f in sorted(out.rglob("*.html")):
            pages[f"{plan.parent.name}/{f.relative_to(out).as_posix()}"] = f
    return pages


def test_every_example_plan_writes_its_pages(written: dict[str, Path]) -> None:
    maps = [k for k in written if k.endswith("map.html") or k.endswith("map-public.html")]
    assert {k.split("/")[0] for k in written} == {p.parent.name for p in PLANS}  # a plan book each
    assert "quan12-2023/map.html" in maps and "quan12-2023/map-public.html" in maps
    assert {
        "longan-2021/ceremonies/map.html",
        "longbien-2023/ceremonies/map.html",
        "bachsam-2024/ceremonies/map.html",
    } <= set(maps)


def test_no_page_loads_from_the_network(written: dict[str, Path]) -> None:
    found = {k: network_loads(p.read_text(encoding="utf-8")) for k, p in written.items()}
    assert {k: v for k, v in found.items() if v} == {}


def test_cdn_is_honoured_by_the_ceremonies_map(tmp_path: Path) -> None:
    out = tmp_path / "cdn"
    r = _plan_offline(ROOT / "data" / "bachsam-2024" / "plan.yaml", out, "--cdn")
    assert r.returncode == 0, r.stderr
    loads = network_loads((out / "ceremonies" / "map.html").read_text(encoding="utf-8"))
    assert any("leaflet" in u and u.startswith("<script src=https://") for u in loads), loads
    assert network_loads((out / "index.html").read_text(encoding="utf-8")) == []


def test_ceremonies_map_is_byte_identical_run_to_run(written: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "again"
    r = _plan_offline(ROOT / "data" / "longbien-2023" / "plan.yaml", out)
    assert r.returncode == 0, r.stderr
    for rel in ("ceremonies/map.html", "ceremonies/solver.json", "index.html"):
        assert (out / rel).read_bytes() == (written["longbien-2023/index.html"].parent / rel).read_bytes(), rel
    assert "solve_s" not in (out / "ceremonies" / "solver.json").read_text(encoding="utf-8")


def _chromium_ok() -> bool:
    return Path("/usr/bin/chromium").exists()


class _Block:
    """Route handler: local URLs go through, every other request is recorded and aborted."""

    def __init__(self, blocked: list[str], local: Any) -> None:
        self.blocked, self.local = blocked, local

    def __call__(self, r: Any) -> None:
        if self.local(r.request.url):
            r.continue_()
        else:
            self.blocked.append(r.request.url)
            r.abort()


def _open_all(pages: dict[str, Path], shots: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Open every page in one headless Chromium with every non-local request blocked; what each page did."""
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM, _local

    found: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="pp-chrome-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": 1400, "height": 900}
        )
        try:
            for key, path in pages.items():
                rep: dict[str, Any] = {"blocked": [], "errors": [], "console": []}

                page = ctx.new_page()
                page.route("**/*", _Block(rep["blocked"], _local))
                page.on("pageerror", lambda e, rep=rep: rep["errors"].append(str(e)))
                page.on("console", lambda m, rep=rep: rep["console"].append(m.text) if m.type == "error" else None)
                t0 = time.perf_counter()
                page.goto(path.resolve().as_uri(), wait_until="load", timeout=60000)
                page.wait_for_timeout(300)
                rep["load_s"] = time.perf_counter() - t0
                rep["leaflet"] = page.evaluate("typeof window.L === 'object' && typeof window.L.map === 'function'")
                rep["maps"] = page.evaluate("document.querySelectorAll('.leaflet-container').length")
                rep["drawn"] = page.evaluate(
                    "document.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive, canvas').length"
                )
                if key in shots:
                    shots[key].parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(shots[key]))
                page.close()
                found[key] = rep
        finally:
            ctx.close()
    return found


@pytest.mark.browser
@pytest.mark.skipif(not _chromium_ok(), reason="no Chromium")
def test_every_page_opens_offline_in_chromium(written: dict[str, Path]) -> None:
    shots = {
        k: ARTIFACTS / f"offline-{k.replace('/', '-').removesuffix('.html')}.png"
        for k in written
        if k.endswith("ceremonies/map.html")
    }
    seen = _open_all(written, shots)
    for key, rep in seen.items():
        assert rep["errors"] == [], (key, rep["errors"])
        assert [e for e in rep["console"] if "net::ERR_FAILED" not in e and "Failed to load resource" not in e] == [], (
            key,
            rep["console"],
        )
        is_map = key.endswith(("map.html", "map-public.html"))
        if is_map:
            assert rep["leaflet"] is True, key
            assert rep["maps"] == 1 and rep["drawn"] >= 2, (key, rep)
            assert all(u.startswith("https://tile.openstreetmap.org/") for u in rep["blocked"]), (key, rep["blocked"])
        else:  # the plan book: no script, no map, nothing fetched
            assert rep["blocked"] == [] and rep["maps"] == 0, (key, rep)


HOSTILE = "<img src=x onerror=window.__pwned=1></script><script>window.__pwned=2</script>"


def _hostile_ceremonies_map(tmp: Path, lang: str = "vi") -> str:
    import yaml

    from paradeplan.ceremonies.solver import schedule_ceremonies
    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.ceremonies import ceremonies_map_data

    data = yaml.safe_load((ROOT / "data" / "longbien-2023" / "plan.yaml").read_text(encoding="utf-8"))
    data["event"]["name"] += HOSTILE
    for key in ("places", "ceremonies", "attendees"):
        for item in data.get(key) or []:
            if "name" in item:
                item["name"] += HOSTILE
    path = tmp / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from paradeplan.maps.ceremonies import render_ceremonies_map

    return render_ceremonies_map(ceremonies_map_data(schedule_ceremonies(load_plan(path))), lang=lang)


def test_ceremonies_map_escapes_names(tmp_path: Path) -> None:
    page = _hostile_ceremonies_map(tmp_path)
    assert "<img src=x" not in page and "</script><script>window.__pwned" not in page
    assert "&lt;img src=x" in page  # the title, escaped
    assert network_loads(page) == []


@pytest.mark.browser
@pytest.mark.skipif(not _chromium_ok(), reason="no Chromium")
def test_ceremonies_map_hostile_names_run_nothing(tmp_path: Path) -> None:
    from browser import open_page

    path = tmp_path / "map.html"
    path.write_text(_hostile_ceremonies_map(tmp_path, "en"), encoding="utf-8")
    open_all = (
        "(function(){document.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive')"
        ".forEach(function(e){e.dispatchEvent(new MouseEvent('click',{bubbles:true}));"
        "e.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));});})()"
    )
    rep = open_page(
        path,
        actions=open_all,
        screenshot=ARTIFACTS / "offline-ceremonies-hostile.png",
        evaluate={
            "pwned": "typeof window.__pwned",
            "text": "document.body.innerText",
            "popup": "(document.querySelector('.leaflet-popup-content')||{}).innerText||''",
            "pins": "document.querySelectorAll('.pp-pin').length",
        },
    )
    assert rep.page_errors == [] and rep.dialogs == []
    assert rep.values["pwned"] == "undefined"
    assert "<img src=x" in rep.values["text"] and rep.values["pins"] >= 10
    assert "Guests and teams" in rep.values["popup"] and "<img src=x" in rep.values["popup"]
