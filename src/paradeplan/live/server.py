"""The live server: a Starlette/FastAPI app over a results folder and its report store, and how to run it."""

import contextlib
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

from paradeplan.i18n import N_, tr
from paradeplan.live.api import (
    MAX_BODY,
    check_plausible,
    check_sequence,
    log_json,
    parse_report,
    police_state,
    public_state,
    report_json,
    route_json,
    unit_names,
    unit_state,
)
from paradeplan.live.feeds import live_feed
from paradeplan.live.folder import LiveFolder
from paradeplan.live.model import LiveState, Report, retime
from paradeplan.live.store import NoSuchReport, Refused, Store, StoreGone

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)

#: Static files the views load (name → media type); Leaflet comes from the folium-offline package.
STATIC = {
    "live.css": "text/css",
    "live.js": "text/javascript",
    "public.js": "text/javascript",
    "control.js": "text/javascript",
    "unit.js": "text/javascript",
}
#: Seconds a client has to send a request's headers (and to start the next one on a kept-alive connection).
HEADER_TIMEOUT_S = 10.0
#: Seconds a client has to send a report's body.
BODY_TIMEOUT_S = 10.0
#: Open connections beyond which the one idle longest (no request under way) is closed for a new one.
MAX_CONNECTIONS = 1000
#: Requests under way beyond which the public routes answer 503 (the control room and the units still served).
MAX_BUSY = 200
#: Server-sent event streams at most (beyond: 503, the views poll).
MAX_STREAMS = 500
#: Lines of the audit log in the police state (the newest; ``log_count`` says how many there are in all).
LOG_SHOWN = 200
#: Seconds between two events of a stream when nothing changes (the views know they are connected).
TICK_S = 5.0
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


class Broadcast:
    """Wakes the server-sent event streams when the picture changes (reports are stored in worker threads)."""

    def __init__(self) -> None:
        self._loop: Any = None
        self._waiters: set[Any] = set()

    def attach(self) -> None:
        """Remember the event loop the streams run on (called from a stream)."""
        import asyncio

        self._loop = asyncio.get_running_loop()

    def notify(self) -> None:
        """Wake every stream (from any thread)."""
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop is closing
                loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        for f in self._waiters:
            if not f.done():
                f.set_result(None)
        self._waiters.clear()

    async def wait(self, timeout: float) -> None:
        """Until the next change, or ``timeout`` seconds."""
        import asyncio

        f = asyncio.get_running_loop().create_future()
        self._waiters.add(f)
        try:
            await asyncio.wait_for(f, timeout)
        except TimeoutError:
            pass
        finally:
            self._waiters.discard(f)


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
        self._police: tuple[LiveState, bytes] | None = None
        self._log_shown: list[dict[str, Any]] = []
        self._version = 0
        self._reports = store.reports()
        self.broadcast = Broadcast()

    @property
    def version(self) -> int:
        """Bumped whenever a report is stored, withdrawn or amended."""
        return self._version

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
        body = _json_bytes(public_state(self.folder.plan, state, updated))
        with self._lock:
            self._public = (state, body)
        return body

    def police_bytes(self) -> bytes:
        """``GET /api/police/state`` as JSON bytes (with the audit log and the store's health), made once per
        second (and per report)."""
        state, updated = self.state()
        with self._lock:
            cached = self._police
            if cached is not None and cached[0] is state:
                return cached[1]
        data = police_state(self.folder.plan, state, updated, self.links())
        data["log"] = self.log_json()
        data["log_count"] = len(self._log_shown)
        gone = self.store.gone()
        data["store"] = None if gone is None else {"reason": gone.reason, "reason_en": gone.reason_en}
        body = _json_bytes(data)
        with self._lock:
            self._police = (state, body)
        return body

    def log_json(self) -> list[dict[str, Any]]:
        """The last :data:`LOG_SHOWN` lines of the audit log as the API shows them (each line made once)."""
        entries = self.store.log()
        with self._lock:
            shown = self._log_shown
            names = unit_names(self.folder.plan)
            for e in entries[len(shown) :]:
                shown.append(log_json(e, names))
            return shown[-LOG_SHOWN:]

    def _checks(self, confirmed: bool, now_s: int) -> Any:
        plan = self.folder.plan

        def check(so_far: tuple[Report, ...], new: Report) -> None:
            check_sequence(so_far, new)
            check_plausible(plan, so_far, new, confirmed, now_s)

        return check

    def _changed(self) -> None:
        with self._lock:
            self._reports = self.store.reports()
            self._version += 1
        self.broadcast.notify()

    def _recent(self) -> LiveState:
        """The last picture computed (it only decides which passage of a post named twice a report means)."""
        with self._lock:
            cached = self._cache
        return cached[2] if cached is not None else self.state()[0]

    def add_report(self, body: bytes, who: str = "control") -> dict[str, Any]:
        """Check and store one report (serialised by the store's lock); the picture is recomputed."""
        state = self._recent()
        now = self.clock.now()
        now_s = self.clock.now_s(now)
        report = parse_report(body, self.folder.plan, state, now_s)
        stored = self.store.add(
            report.kind,
            report.time_s,
            report.at_m,
            report.post,
            now.isoformat(),
            self._checks(report.confirm, now_s),
            who,
        )
        self._changed()
        log.info("report %d stored: %s at %s", stored.seq, stored.kind, stored.time_s)
        return report_json(stored)

    def withdraw(self, seq: int, who: str = "control") -> dict[str, Any]:
        """Withdraw a report (kept, marked withdrawn, logged); the picture is recomputed without it."""
        old = self.store.withdraw(seq, self.clock.now().isoformat(), who)
        self._changed()
        log.info("report %d withdrawn by %s", seq, who)
        return report_json(old)

    def amend(self, seq: int, body: bytes, who: str = "control") -> dict[str, Any]:
        """Amend a report with a body like a new report's (checked the same way, against the others)."""
        state = self._recent()
        now = self.clock.now()
        now_s = self.clock.now_s(now)
        report = parse_report(body, self.folder.plan, state, now_s)
        new = self.store.amend(
            seq,
            report.kind,
            report.time_s,
            report.at_m,
            report.post,
            now.isoformat(),
            self._checks(report.confirm, now_s),
            who,
        )
        self._changed()
        log.info("report %d amended by %s", seq, who)
        return report_json(new)

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


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _page(view: str, title: str, lang: str, extra: str = "") -> str:
    """A view's HTML shell: everything it shows comes from the API (as text, never as markup), in the words of the
    catalogue (``live.labels``, carried as JSON data that no script runs)."""
    from paradeplan.live.labels import labels_json

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
<script type="application/json" id="pp-labels">{labels_json()}</script>
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
        self.busy = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        api = path.startswith("/api/")
        if path == "/api/events":
            await self._send(scope, receive, send, api)
            return
        if self.busy >= MAX_BUSY and not path.startswith(_PRIORITY):
            # the public is told to come back; the control room and the units are still served
            await send(
                {
                    "type": "http.response.start",
                    "status": 503,
                    "headers": [(b"content-type", b"application/json"), (b"retry-after", b"5")],
                }
            )
            await send({"type": "http.response.body", "body": _BUSY})
            return
        self.busy += 1
        try:
            await self._send(scope, receive, send, api)
        finally:
            self.busy -= 1

    async def _send(self, scope: Any, receive: Any, send: Any, api: bool) -> None:

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


#: The answer to the public when the server is busy (Vietnamese first, and English).
_BUSY = json.dumps(
    {
        "detail": tr(N_("busy: try again in a few seconds"), "vi"),
        "reason_en": tr(N_("busy: try again in a few seconds"), "en"),
    },
    ensure_ascii=False,
).encode()
#: Routes served however busy the server is: the control room's and the units'.
_PRIORITY = ("/api/police/", "/api/units/", "/api/reports", "/control", "/unit/", "/static/")


def _guarded_protocol() -> type:
    """uvicorn's h11 protocol with a deadline for each request's headers and a bound on open connections.

    uvicorn waits forever for the headers of a connection that sends nothing (its keep-alive timer only runs
    between requests) and, past ``limit_concurrency``, answers 503 to everyone. Here a connection must send its
    headers within :data:`HEADER_TIMEOUT_S` (from when it opens, and from the end of its last answer), and past
    :data:`MAX_CONNECTIONS` the connection idle longest (no request under way) is closed to make room: idle or
    slow connections cannot lock the control room out.
    """
    from collections import OrderedDict

    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11(H11Protocol):
        _idle: "OrderedDict[GuardedH11, None]" = OrderedDict()
        _timer: Any = None

        def _wait_for_headers(self) -> None:
            self._idle[self] = None
            self._idle.move_to_end(self)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self.loop.call_later(HEADER_TIMEOUT_S, self._too_slow)

        def _busy(self) -> None:
            self._idle.pop(self, None)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _too_slow(self) -> None:
            self._timer = None
            if self in self._idle and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._wait_for_headers()
            if len(self.connections) > MAX_CONNECTIONS:
                victim = next((c for c in self._idle if c is not self), None)
                if victim is not None:
                    victim._busy()
                    victim.transport.abort()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not None and not self.cycle.response_complete:
                self._busy()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._wait_for_headers()

        def connection_lost(self, exc: Exception | None) -> None:
            self._busy()
            super().connection_lost(exc)

    return GuardedH11


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
    from fastapi import FastAPI

    app = FastAPI(title="paradeplan live", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(_SecurityHeaders)
    _add_pages(app, live)
    _add_reads(app, live)
    _add_events(app, live)
    _add_reports(app, live)
    return app


def _refuse(
    status: int,
    message: str,
    request: "Request | None" = None,
    headers: dict[str, str] | None = None,
    **fmt: object,
) -> "JSONResponse":
    """A refusal: ``detail`` in the view's language (Vietnamese unless it asks for English), and both."""
    from fastapi.responses import JSONResponse

    vi, en = tr(message, "vi", **fmt), tr(message, "en", **fmt)
    detail = en if request is not None and english(request) else vi
    return JSONResponse({"detail": detail, "reason_vi": vi, "reason_en": en}, status_code=status, headers=headers)


def _need(live: Live, request: "Request", unit: str | None = None) -> "JSONResponse | None":
    """None when the request's token opens this (the control room's opens all; a unit's, its own); else the
    refusal (401 without a token, 403 with another's)."""
    role = live.role(request)
    if role is None:
        return _refuse(
            401,
            N_("send the token: Authorization: Bearer TOKEN"),
            request,
            {"WWW-Authenticate": "Bearer"},
        )
    if role == "control" or (unit is not None and role == f"unit:{unit}"):
        return None
    return _refuse(403, N_("this token does not open this"), request)


def _add_pages(app: "FastAPI", live: Live) -> None:
    """The three views (public, control room, a unit's) and their static files."""
    from fastapi.responses import HTMLResponse, Response

    static: dict[str, tuple[str, str]] = _leaflet()
    folder = resources.files("paradeplan.live") / "static"
    for name, media in STATIC.items():
        static[name] = ((folder / name).read_text(encoding="utf-8"), media)
    plan = live.folder.plan
    lang = plan.schedule.event.language if plan.schedule.event.language in ("vi", "en") else "vi"
    event = plan.schedule.event.name

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
            return _refuse(404, N_("no such file"))
        text, media = static[name]
        return Response(text, media_type=media, headers={"Cache-Control": "max-age=300"})


def _add_reads(app: "FastAPI", live: Live) -> None:
    """What the views read: the route, the public state, the closure feeds, the police's and a unit's state."""
    from fastapi import Request
    from fastapi.responses import JSONResponse, Response

    plan = live.folder.plan
    route = json.dumps(
        route_json(live.folder.route_lines, live.folder.route_points, plan, live.folder.basemap),
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()

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
    def api_police_state(request: Request) -> Response:
        denied = _need(live, request)
        if denied is not None:
            return denied
        return Response(live.police_bytes(), media_type="application/json")

    @app.get("/api/units/{unit}/state")
    def api_unit_state(unit: str, request: Request) -> JSONResponse:
        denied = _need(live, request, unit)
        if denied is not None:
            return denied
        state, updated = live.state()
        data = unit_state(plan, state, updated, unit)
        if data is None:
            return _refuse(404, N_("no such unit"), request)
        return JSONResponse(data)


def _add_events(app: "FastAPI", live: Live) -> None:
    """The server-sent events stream (at most :data:`MAX_STREAMS` at once)."""
    from fastapi import Request
    from fastapi.responses import Response

    streams = [0]

    @app.get("/api/events")
    async def api_events(request: Request) -> Response:
        """Server-sent events: ``state`` with the picture's version and the clock, at each change and every
        :data:`TICK_S` seconds (the views then read their state; polling when this cannot be had)."""
        import asyncio

        from fastapi.responses import StreamingResponse

        if streams[0] >= MAX_STREAMS:
            return _refuse(
                503,
                N_("too many live streams: poll /api/state"),
                request,
                {"Retry-After": "10"},
            )
        live.broadcast.attach()
        streams[0] += 1

        async def events() -> Any:
            try:
                yield "retry: 3000\n\n"
                while True:
                    now = live.clock.now()
                    data = json.dumps(
                        {"version": live.version, "now": now.time().isoformat(), "updated": now.isoformat()}
                    )
                    yield f"event: state\ndata: {data}\n\n"  # words as data: the event stream protocol
                    await live.broadcast.wait(TICK_S)
            except asyncio.CancelledError:
                raise
            finally:
                streams[0] -= 1

        return StreamingResponse(
            events(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )


async def _read_body(request: "Request") -> "bytes | JSONResponse":
    """A report's body: JSON, at most :data:`MAX_BODY` bytes, arriving within :data:`BODY_TIMEOUT_S`; else the
    refusal (415, 413, 408)."""
    import asyncio

    from fastapi.responses import JSONResponse

    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        return _refuse(413, N_("a report is at most {n} bytes"), request, n=MAX_BODY)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        return JSONResponse(
            {
                "detail": [
                    reason(
                        "body",
                        tr(N_("send the report as application/json"), "vi"),
                        tr(N_("send the report as application/json"), "en"),
                        request,
                    )
                ]
            },
            status_code=415,
        )
    body = b""
    try:
        async with asyncio.timeout(BODY_TIMEOUT_S):
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return _refuse(413, N_("a report is at most {n} bytes"), request, n=MAX_BODY)
    except TimeoutError:
        return _refuse(
            408,
            N_("the report's body did not arrive within {n} s"),
            request,
            {"Connection": "close"},
            n=f"{BODY_TIMEOUT_S:g}",
        )
    return body


async def _stored(request: "Request", status: int, work: Any, *args: Any) -> "JSONResponse":
    """Run a change of the reports (in a worker thread) and answer: ``status`` with what it returns, or why not
    (422 refused, 409 to confirm, 503 store gone, 404 no such report)."""
    from fastapi.responses import JSONResponse
    from starlette.concurrency import run_in_threadpool

    try:
        done = await run_in_threadpool(work, *args)
    except Refused as exc:
        code = 409 if exc.confirm else 422
        return JSONResponse(
            {"detail": [reason(exc.field, exc.reason, exc.reason_en, request)], "confirm": exc.confirm},
            status_code=code,
        )
    except StoreGone as exc:
        return JSONResponse(
            {
                "detail": exc.reason_en if english(request) else exc.reason,
                "reason_vi": exc.reason,
                "reason_en": exc.reason_en,
            },
            status_code=503,
        )
    except NoSuchReport as exc:
        return JSONResponse(
            {"detail": tr(N_("no report #{seq} in force"), "en" if english(request) else "vi", seq=exc.seq)},
            status_code=404,
        )
    return JSONResponse(done, status_code=status)


def _seq_of(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None


def _add_reports(app: "FastAPI", live: Live) -> None:
    """The control room's reports: send, withdraw, amend."""
    from fastapi import Request
    from fastapi.responses import JSONResponse

    @app.post("/api/reports")
    async def api_reports(request: Request) -> JSONResponse:
        denied = _need(live, request)
        if denied is not None:
            return denied
        body = await _read_body(request)
        if isinstance(body, JSONResponse):
            return body
        return await _stored(request, 201, live.add_report, body, live.role(request) or "control")

    @app.delete("/api/reports/{seq}")
    async def api_withdraw(seq: str, request: Request) -> JSONResponse:
        denied = _need(live, request)
        if denied is not None:
            return denied
        n = _seq_of(seq)
        if n is None:
            return _refuse(404, N_("no such report"), request)
        return await _stored(request, 200, live.withdraw, n, live.role(request) or "control")

    @app.patch("/api/reports/{seq}")
    async def api_amend(seq: str, request: Request) -> JSONResponse:
        denied = _need(live, request)
        if denied is not None:
            return denied
        n = _seq_of(seq)
        if n is None:
            return _refuse(404, N_("no such report"), request)
        body = await _read_body(request)
        if isinstance(body, JSONResponse):
            return body
        return await _stored(request, 200, live.amend, n, body, live.role(request) or "control")


def english(request: "Request") -> bool:
    """The view asked for English (``Accept-Language: en``); Vietnamese otherwise."""
    return request.headers.get("accept-language", "").strip().lower().startswith("en")


def reason(field: str, vi: str, en: str, request: "Request") -> dict[str, str]:
    """A refusal's detail: the field, the reason in the view's language, and both languages."""
    return {"field": field, "reason": en if english(request) else vi, "reason_vi": vi, "reason_en": en}


def serve(live: Live, host: str, port: int) -> None:
    """Run the app with uvicorn until interrupted (Ctrl-C stops it cleanly and closes the store)."""
    import uvicorn

    config = uvicorn.Config(
        create_app(live),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        http=_guarded_protocol(),
        limit_concurrency=None,
        timeout_keep_alive=int(HEADER_TIMEOUT_S),
        timeout_graceful_shutdown=2,
        backlog=4096,
        h11_max_incomplete_event_size=16384,
    )
    server = uvicorn.Server(config)
    try:
        server.run()
    finally:
        live.store.close()
