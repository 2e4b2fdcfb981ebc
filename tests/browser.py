"""Open a local page in headless Chromium (no network): collect errors, blocked requests and a screenshot."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class PageReport:
    """What happened while the page was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    load_s: float = 0.0
    values: dict[str, Any] = field(default_factory=dict)


def _local(url: str) -> bool:
    return url.startswith(("file:", "data:", "blob:", "about:")) or url.startswith(
        ("http://localhost", "http://127.0.0.1", "https://localhost", "https://127.0.0.1")
    )


def open_page(
    path_or_url: str | Path,
    *,
    screenshot: Path | None = None,
    evaluate: dict[str, str] | None = None,
    actions: str | None = None,
    size: tuple[int, int] = (1400, 900),
    settle_ms: int = 400,
) -> PageReport:
    """Open a page, wait for load, run ``evaluate`` expressions and take a screenshot.

    Parameters
    ----------
    path_or_url : str or Path
        A file path or a file:// / localhost URL.
    screenshot : Path, optional
        Where to save a PNG.
    evaluate : dict, optional
        Name → JavaScript expression, evaluated after load; results in ``values``.
    actions : str, optional
        JavaScript run after load (e.g. open every popup) before the expressions.
    size : tuple
        Viewport width and height.
    settle_ms : int
        Wait after load before measuring.

    Returns
    -------
    PageReport
    """
    from playwright.sync_api import sync_playwright

    is_url = isinstance(path_or_url, str) and ":" in path_or_url[:8]
    url = path_or_url if is_url else Path(path_or_url).resolve().as_uri()
    report = PageReport()
    with tempfile.TemporaryDirectory(prefix="pp-chrome-") as profile, sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": size[0], "height": size[1]}
        )
        try:

            def route(r: Any) -> None:
                if _local(r.request.url):
                    r.continue_()
                else:
                    report.blocked.append(r.request.url)
                    r.abort()

            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("console", lambda m: report.console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: report.page_errors.append(str(e)))

            def dialog(d: Any) -> None:
                report.dialogs.append(d.message)
                d.dismiss()

            page.on("dialog", dialog)
            t0 = time.perf_counter()
            page.goto(str(url), wait_until="load", timeout=60000)
            report.load_s = time.perf_counter() - t0
            page.wait_for_timeout(settle_ms)
            if actions:
                page.evaluate(actions)
                page.wait_for_timeout(200)
            for name, expr in (evaluate or {}).items():
                report.values[name] = page.evaluate(expr)
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot))
        finally:
            ctx.close()
    return report


def tile_errors_only(report: PageReport) -> list[str]:
    """Console errors other than failed loads of blocked remote resources (map tiles)."""
    return [e for e in report.console_errors if "net::ERR_FAILED" not in e and "Failed to load resource" not in e]
