"""The live server: a Starlette/FastAPI app over a results folder and its report store, and how to run it."""

import hashlib
import hmac
import html
import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from paradeplan.live.api import (
    MAX_BODY,
    check_sequence,
    parse_report,
    police_state,
    public_state,
    report_json,
    route_json,
    unit_state,
)
from paradeplan.live.feeds import live_feed
from paradeplan.live.folder import LiveFolder
from paradeplan.live.model import LiveState, retime
from paradeplan.live.store import Refused, Store

if TYPE_CHECKING:
    from fastapi import FastAPI, Request

log = logging.getLogger(__name__)

#: Static files the views load (name → media type); Leaflet comes from the folium-offline package.
STATIC = {
    "live.css": "text/css",
    "live.js": "text/javascript",
    "public.js": "text/javascript",
    "control.js": "text/javascript",
    "unit.js": "text/javascript",
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class LiveClock:
    """The event's clock: now in its time zone, or a rehearsal clock that starts at a given time of the event day.

    Parameters
    ----------
    timezone : str
        The event's IANA time zone.
    rehearse_from_s : int, optional
        Start the clock at this time of day (seconds since midnight) on the parade's date, running from the
        moment the clock is made.
    day : date, optional
        The rehearsal's date (the parade's).
    """

    timezone: str
    rehearse_from_s: int | None = None
    day: date | None = None
    started: float = 0.0

    @classmethod
    def make(cls, timezone: str, rehearse_from_s: int | None = None, day: date | None = None) -> "LiveClock":
        """A clock running from now."""
        return cls(timezone, rehearse_from_s, day, time.monotonic())

    def now(self) -> datetime:
        """The current time, aware, in the event's time zone."""
        tz = ZoneInfo(self.timezone)
        if self.rehearse_from_s is None:
            return datetime.now(tz).replace(microsecond=0)
        day = self.day or datetime.now(tz).date()
        start = datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(seconds=self.rehearse_from_s)
        return (start + timedelta(seconds=time.monotonic() - self.started)).replace(microsecond=0)

    def now_s(self, at: datetime | None = None) -> int:
        """Seconds since midnight now (or at ``at``), in the event's time zone."""
        t = at or self.now()
        return t.hour * 3600 + t.minute * 60 + t.second


def unit_token(token: str, unit: str) -> str:
    """The token of one unit's view: derived from the control token, so links stay valid for the same token."""
    return hmac.new(token.encode(), f"unit:{unit}".encode(), hashlib.sha256).hexdigest()[:32]


def new_token() -> str:
    """A fresh control token (URL-safe, 192 bits)."""
    return secrets.token_urlsafe(24)


class Live:
    """The state of a running server: folder, store, clock, tokens and the last computed picture."""

    def __init__(self, folder: LiveFolder, store: Store, token: str, clock: LiveClock) -> None:
        self.folder = folder
        self.store = store
        self.clock = clock
        self.token = token
        self.unit_tokens = {u.unit: unit_token(token, u.unit) for u in folder.schedule.units}
        self._lock = threading.Lock()
        self._cache: tuple[int, int, LiveState] | None = None
        self._public: tuple[LiveState, bytes] | None = None
        self._version = 0
        self._reports = store.reports()

    def state(self) -> tuple[LiveState, str]:
        """The picture now (recomputed at most once a second and whenever a report is stored)."""
        now = self.clock.now()
        now_s = self.clock.now_s(now)
        with self._lock:
            cached = self._cache
            if cached is not None and cached[0] == self._version and cached[1] == now_s:
                return cached[2], now.isoformat()
            state = retime(self.folder.plan, self._reports, now_s)
            self._cache = (self._version, now_s, state)
            return state, now.isoformat()

    def public_bytes(self) -> bytes:
        """``GET /api/state`` as JSON bytes, made once per second (and per report) however many ask."""
        state, updated = self.state()
        with self._lock:
            cached = self._public
            if cached is not None and cached[0] is state:
                return cached[1]
        body = json.dumps(
            public_state(self.folder.plan, state, updated), ensure_ascii=False, separators=(",", ":")
        ).encode()
        with self._lock:
            self._public = (state, body)
        return body

    def add_report(self, body: bytes) -> dict[str, Any]:
        """Check and store one report (serialised by the store's lock); the picture is recomputed."""
        state, _ = self.state()
        now = self.clock.now()
        report = parse_report(body, self.folder.plan, state, self.clock.now_s(now))
        stored = self.store.add(report.kind, report.time_s, report.at_m, report.post, now.isoformat(), check_sequence)
        with self._lock:
            self._reports = self.store.reports()
            self._version += 1
        log.info("report %d stored: %s at %s", stored.seq, stored.kind, stored.time_s)
        return report_json(stored)

    def links(self) -> dict[str, str]:
        """Unit id → the path of its view (with its token in the fragment, never sent to the server)."""
        from urllib.parse import quote

        return {u: f"/unit/{quote(u, safe='')}#token={t}" for u, t in self.unit_tokens.items()}

    def role(self, request: "Request") -> str | None:
        """``control``, ``unit:ID`` or ``wrong`` for a bearer token, None when there is none."""
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return None
        value = value.strip()
        if hmac.compare_digest(value.encode(), self.token.encode()):
            return "control"
        for unit, t in self.unit_tokens.items():
            if hmac.compare_digest(value.encode(), t.encode()):
                return f"unit:{unit}"
        return "wrong"


def _page(view: str, title: str, lang: str, extra: str = "") -> str:
    """A view's HTML shell: everything it shows comes from the API (as text, never as markup)."""
    t = html.escape(title)
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{t}</title>
<link rel="stylesheet" href="/static/leaflet.css">
<link rel="stylesheet" href="/static/live.css">
</head>
<body class="view-{view}" data-view="{view}" data-lang="{html.escape(lang)}">
{extra}
<script src="/static/leaflet.js"></script>
<script src="/static/live.js"></script>
<script src="/static/{view}.js"></script>
</body>
</html>
"""


def _leaflet() -> dict[str, tuple[str, str]]:
    import folium.folium as ff

    from paradeplan.maps.assets import asset

    js = dict(ff._default_js)["leaflet"]
    css = dict(ff._default_css)["leaflet_css"]
    return {"leaflet.js": (asset(js), "text/javascript"), "leaflet.css": (asset(css), "text/css")}


class _SecurityHeaders:
    """ASGI middleware: every answer gets the content security policy (nothing but this server) and no caching of
    the API (a plain ASGI wrapper: much cheaper per request than Starlette's ``BaseHTTPMiddleware``)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(live: Live) -> "FastAPI":
    """The ASGI app: three views, their static files and the API.

    Parameters
    ----------
    live : Live
        The folder, store, clock and tokens to serve.

    Returns
    -------
    fastapi.FastAPI
    """
    from fastapi import FastAPI, Request
    from fastapi.responses import HTMLResponse, JSONResponse, Response

    app = FastAPI(title="paradeplan live", docs_url=None, redoc_url=None, openapi_url=None)
    static: dict[str, tuple[str, str]] = _leaflet()
    folder = resources.files("paradeplan.live") / "static"
    for name, media in STATIC.items():
        static[name] = ((folder / name).read_text(encoding="utf-8"), media)
    plan = live.folder.plan
    lang = plan.schedule.event.language if plan.schedule.event.language in ("vi", "en") else "vi"
    event = plan.schedule.event.name
    route = json.dumps(
        route_json(live.folder.route_lines, live.folder.route_points, plan, live.folder.basemap),
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()

    app.add_middleware(_SecurityHeaders)

    def refuse(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"detail": reason}, status_code=status, headers=headers)

    def need(request: Request, unit: str | None = None) -> JSONResponse | None:
        role = live.role(request)
        if role is None:
            return refuse(401, "send the token: Authorization: Bearer TOKEN", {"WWW-Authenticate": "Bearer"})
        if role == "control" or (unit is not None and role == f"unit:{unit}"):
            return None
        return refuse(403, "this token does not open this")

    @app.get("/", response_class=HTMLResponse)
    def public_page() -> HTMLResponse:
        return HTMLResponse(_page("public", event, lang))

    @app.get("/control", response_class=HTMLResponse)
    def control_page() -> HTMLResponse:
        return HTMLResponse(_page("control", event, lang))

    @app.get("/unit/{unit}", response_class=HTMLResponse)
    def unit_page(unit: str) -> HTMLResponse:
        return HTMLResponse(_page("unit", event, "vi"))

    @app.get("/static/{name}")
    def static_file(name: str) -> Response:
        if name not in static:
            return refuse(404, "no such file")
        text, media = static[name]
        return Response(text, media_type=media, headers={"Cache-Control": "max-age=300"})

    @app.get("/api/route")
    async def api_route() -> Response:
        return Response(route, media_type="application/json")

    @app.get("/api/state")
    async def api_state() -> Response:
        return Response(live.public_bytes(), media_type="application/json")

    @app.get("/feeds/wzdx.geojson")
    def feed_wzdx() -> Response:
        state, updated = live.state()
        body = live_feed("wzdx", live.folder.schedule, state, updated, live.folder.schedule.event.name)
        return Response(body, media_type="application/geo+json")

    @app.get("/feeds/waze.json")
    def feed_waze() -> Response:
        state, updated = live.state()
        body = live_feed("waze", live.folder.schedule, state, updated, live.folder.schedule.event.name)
        return Response(body, media_type="application/json")

    @app.get("/api/police/state")
    def api_police_state(request: Request) -> JSONResponse:
        denied = need(request)
        if denied is not None:
            return denied
        state, updated = live.state()
        return JSONResponse(police_state(plan, state, updated, live.links()))

    @app.get("/api/units/{unit}/state")
    def api_unit_state(unit: str, request: Request) -> JSONResponse:
        denied = need(request, unit)
        if denied is not None:
            return denied
        state, updated = live.state()
        data = unit_state(plan, state, updated, unit)
        if data is None:
            return refuse(404, "no such unit")
        return JSONResponse(data)

    @app.post("/api/reports")
    async def api_reports(request: Request) -> JSONResponse:
        denied = need(request)
        if denied is not None:
            return denied
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return refuse(413, f"a report is at most {MAX_BODY} bytes")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            return JSONResponse(
                {"detail": [{"field": "body", "reason": "send the report as application/json"}]}, status_code=415
            )
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return refuse(413, f"a report is at most {MAX_BODY} bytes")
        from starlette.concurrency import run_in_threadpool

        try:
            stored = await run_in_threadpool(live.add_report, body)
        except Refused as exc:
            return JSONResponse({"detail": [{"field": exc.field, "reason": exc.reason}]}, status_code=422)
        return JSONResponse(stored, status_code=201)

    return app


def serve(live: Live, host: str, port: int) -> None:
    """Run the app with uvicorn until interrupted (Ctrl-C stops it cleanly and closes the store)."""
    import uvicorn

    config = uvicorn.Config(
        create_app(live),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        limit_concurrency=2000,
        timeout_keep_alive=10,
        h11_max_incomplete_event_size=16384,
    )
    server = uvicorn.Server(config)
    try:
        server.run()
    finally:
        live.store.close()
