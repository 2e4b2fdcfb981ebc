"""The studio server: a FastAPI app over the plan store (import, fixes, undo, runs, results) and how to run it."""

import hashlib
import hmac
import html
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paradeplan.errors import InputError
from paradeplan.i18n import NP_, Msg, gettext, number, tr
from paradeplan.resources import lone_surrogate
from paradeplan.studio import adapter
from paradeplan.studio.store import Stale, Step, Store

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)

STATIC = {"studio.css": "text/css", "studio.js": "text/javascript"}
#: Outputs open in the browser with their own inline scripts and styles; they still load nothing from elsewhere.
RESULT_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
MAX_FIX = 1_000_000
COOKIE = "pp_studio"
#: What the worker is doing, by the stage module that writes its log lines (shown as progress).
STAGES: tuple[tuple[str, Msg], ...] = (
    ("paradeplan.geo", NP_("studio", "Reading the street data")),
    ("paradeplan.route", NP_("studio", "Finding the route on the streets")),
    ("paradeplan.parade", NP_("studio", "Timing the column")),
    ("paradeplan.posts", NP_("studio", "Placing police vehicles at the posts")),
    ("paradeplan.ceremonies", NP_("studio", "Scheduling the ceremonies")),
    ("paradeplan.render", NP_("studio", "Writing the plan book and documents")),
    ("paradeplan.maps", NP_("studio", "Drawing the maps")),
    ("paradeplan.outputs", NP_("studio", "Writing the results")),
)
STARTING: Msg = NP_("studio", "Starting")


@dataclass
class Job:
    """One run of ``paradeplan plan`` in a worker process."""

    step: int
    started: float
    stage: Msg = STARTING
    lines: list[str] = field(default_factory=list)
    result: dict[str, Any] | None = None
    status: int = 0
    done: threading.Event = field(default_factory=threading.Event)


def new_token() -> str:
    """A fresh studio token (URL-safe, 192 bits)."""
    return secrets.token_urlsafe(24)


class Studio:
    """The running studio: store, token, the checker with its street graphs, and the runs."""

    def __init__(self, folder: Path, token: str) -> None:
        self.folder = folder
        self.store = Store(folder)
        self.token = token
        self.cookie = hmac.new(token.encode(), b"studio-cookie", hashlib.sha256).hexdigest()
        self.checker = adapter.Checker(folder)
        self._lock = threading.Lock()
        self._check_lock = threading.Lock()
        self.jobs: dict[str, Job] = {}

    # ---------------------------------------------------------------- plans

    def add(self, filename: str, data: bytes) -> tuple[str, Step]:
        """Import an upload and store it as a new plan (its first step)."""
        imp = adapter.import_upload(filename, data)
        plan = adapter.load(imp.yaml)
        with self._check_lock:
            adapter.suggest_pins(imp.open_items, plan, self.checker.graph(plan))
        items = sorted(imp.open_items, key=lambda it: (not it["required"], _num(it["id"])))
        first = Step("", 1, imp.yaml, items, imp.decisions, f"nhập {Path(filename).name}", "")
        ident = self.store.create(imp.name, Path(filename).name, first)
        step = self.store.current(ident)
        assert step is not None
        return ident, step

    def state(self, step: Step, lang: str = "vi") -> dict[str, Any]:
        """``GET /api/plans/{id}``: the plan as JSON, open items, decisions, and what ``validate`` says."""
        data = adapter.load(step.yaml)
        with self._check_lock:
            problems, _ = self.checker.check(data)
        items = []
        for it in step.open_items:
            out = dict(it)
            if lang == "en":
                out["question"] = it["question_en"]
            items.append(out)
        return {
            "id": step.plan,
            "version": step.seq,
            "plan": json.loads(json.dumps(data, ensure_ascii=False, default=str)),
            "open_items": items,
            "decisions": step.decisions,
            "valid": not problems,
            "problems": problems,
            "note": step.note,
            "history": [{"step": s, "note": n, "at": a} for s, n, a in self.store.history(step.plan)],
        }

    def fix(self, ident: str, base: int | None, fix: dict[str, Any]) -> Step:
        """Apply one fix as a new step (``base``: the step the client saw; stale → :class:`Stale`)."""
        step = self.store.current(ident)
        assert step is not None
        if base is not None and base != step.seq:
            raise Stale(step.seq)
        data, items, decisions, note = adapter.apply_fix(adapter.load(step.yaml), step.open_items, step.decisions, fix)
        new = Step(ident, 0, adapter.dump(data), items, decisions, note, "")
        return self.store.push(ident, step.seq if base is None else base, new)

    def route(self, ident: str, step: Step, basemap: bool = False) -> dict[str, Any]:
        """Each parade's route resolved on the street graph: lines, marked points, and why a step fails (and the
        faint streets around it for the offline map, when ``basemap``)."""
        data = adapter.load(step.yaml)
        with self._check_lock:
            problems, routes = self.checker.check(data)
        out = []
        for i, parade in enumerate(data.get("parades") or []):
            r = routes.get(i)
            steps = []
            for k, s in enumerate(parade.get("route") or []):
                where = f"parades[{i}].route[{k}]"
                why = [p["message"] for p in problems if p["field"].startswith(where)]
                steps.append({"step": s, "ok": not why, "why": why})  # unresolved: only the steps with a reason
            lines = [[list(c) for c in st.coords] for st in r.stretches] if r is not None else []
            points = [{"kind": p.kind, "name": p.name, "lat": p.lat, "lon": p.lon} for p in r.points] if r else []
            out.append(
                {
                    "parade": i,
                    "resolved": r is not None,
                    "length_m": round(r.total_m) if r is not None else None,
                    "lines": lines,
                    "points": points,
                    "steps": steps,
                    "problems": [p for p in problems if p["field"].startswith(f"parades[{i}]")],
                }
            )
        places = [
            {
                "id": p["id"],
                "name": p["name"],
                "lat": p.get("lat"),
                "lon": p.get("lon"),
                "approximate": bool(p.get("approximate")),
            }
            for p in data.get("places") or []
        ]
        answer: dict[str, Any] = {"parades": out, "places": places}
        if basemap:
            answer["basemap"] = self._basemap(data, out, places)
        return answer

    def _basemap(self, data: dict[str, Any], parades: list[dict[str, Any]], places: list[dict[str, Any]]) -> Any:
        pts = [pt for p in parades for line in p["lines"] for pt in line]
        pts += [[p["lat"], p["lon"]] for p in places if p["lat"] is not None]
        with self._check_lock:
            try:
                graph = self.checker.graph(data)
            except InputError:
                return []
        if graph is None or not pts:
            return []
        from paradeplan.maps.basemap import street_lines

        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        return street_lines(graph, [[min(lats), min(lons)], [max(lats), max(lons)]], max_edges=20000)

    # ---------------------------------------------------------------- runs

    def plan_dir(self, ident: str) -> Path:
        """Where the plan's file and results live."""
        return self.folder / "plans" / ident

    def start_run(self, ident: str, step: Step, lang: str = "vi") -> Job:
        """Run ``paradeplan plan`` on the current step in a worker process (one run per plan at a time)."""
        with self._lock:
            job = self.jobs.get(ident)
            if job is not None and not job.done.is_set():
                return job
            job = Job(step.seq, time.monotonic())
            self.jobs[ident] = job
        folder = self.plan_dir(ident)
        folder.mkdir(parents=True, exist_ok=True)
        plan_path = folder / "plan.yaml"
        from paradeplan.outputs import write_file_atomic

        write_file_atomic(plan_path, step.yaml)
        threading.Thread(target=self._run, args=(job, plan_path, folder / "out", lang), daemon=True).start()
        return job

    def _run(self, job: Job, plan_path: Path, out: Path, lang: str) -> None:
        main = "from paradeplan.cli import main; main()"
        cmd = [sys.executable, "-c", main, "-v", "plan", str(plan_path), "--out", str(out)]
        env = dict(os.environ, PYTHONUNBUFFERED="1", LANGUAGE=lang)  # the worker's messages in the page's language
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=env,
                cwd=plan_path.parent,
            )
            errors: list[str] = []

            def read_err() -> None:
                assert proc.stderr is not None
                for line in proc.stderr:
                    line = line.rstrip("\n")
                    m = re.match(r"^(DEBUG|INFO|WARNING) (\S+): (.*)$", line)
                    if m:
                        for prefix, label in STAGES:
                            if m.group(2).startswith(prefix):
                                job.stage = label
                        job.lines.append(m.group(3)[:200])
                        del job.lines[:-8]
                    else:
                        errors.append(line)

            reader = threading.Thread(target=read_err, daemon=True)
            reader.start()
            assert proc.stdout is not None
            stdout = proc.stdout.read()
            code = proc.wait(timeout=900)
            reader.join(timeout=5)
        except (OSError, subprocess.TimeoutExpired) as exc:
            job.status, job.result = (
                422,
                {"problems": [{"field": "", "message": gettext("the worker failed: {error}").format(error=exc)}]},
            )
            job.done.set()
            return
        # the lines a person reads; those naming the server's folders are left to the output links
        summary = [ln for ln in stdout.splitlines() if ln.strip() and str(out) not in ln and not ln.startswith("  ")]
        if code in (0, 3):
            files = sorted(
                str(p.relative_to(out))
                for p in out.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
            )
            job.status = 200
            job.result = {"exit": code, "summary": summary, "shortfall": errors if code == 3 else [], "files": files}
        else:
            job.status = 422
            job.result = {"exit": code, "problems": [_problem_line(e, plan_path) for e in errors if e.strip()]}
        job.done.set()

    def role(self, request: "Request", cookie_ok: bool = False) -> bool:
        """Whether the request carries the token (header; the cookie too for pages opened in a new tab)."""
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode()):
            return True
        if cookie_ok:
            c = request.cookies.get(COOKIE, "")
            return bool(c) and hmac.compare_digest(c.encode(), self.cookie.encode())
        return False


def _num(ident: str) -> int:
    digits = re.sub(r"\D", "", ident)
    return int(digits) if digits else 0


def _problem_line(line: str, plan_path: Path) -> dict[str, str]:
    rest = line.removeprefix(f"{plan_path}:").strip()
    m = re.match(r"^(?:\d+:(?:\d+:)?\s*)?([A-Za-z_][\w\[\].]*): (.*)$", rest)
    return {"field": m.group(1), "message": m.group(2)} if m else {"field": "", "message": rest}


def _leaflet() -> dict[str, tuple[str, str]]:
    """Leaflet's script and style, from the files the folium-offline package ships (nothing from a CDN)."""
    import folium.folium as ff

    from paradeplan.maps.assets import asset

    js = dict(ff._default_js)["leaflet"]
    css = dict(ff._default_css)["leaflet_css"]
    return {"leaflet.js": (asset(js), "text/javascript"), "leaflet.css": (asset(css), "text/css")}


class _Headers:
    """ASGI middleware: the studio's pages and API load nothing but this server (CSP), the API is never cached;
    an output (plan book, maps) gets a policy that lets its own inline scripts run, still without the network."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope["path"])
        output = path.startswith("/api/plans/") and "/results/" in path

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", (RESULT_CSP if output else CSP).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                if not output:
                    headers.append((b"x-frame-options", b"DENY"))
                if path.startswith("/api/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _page(lang: str) -> str:
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>paradeplan studio</title>
<link rel="stylesheet" href="/static/leaflet.css">
<link rel="stylesheet" href="/static/studio.css">
</head>
<body>
<script src="/static/leaflet.js"></script>
<script src="/static/studio.js"></script>
</body>
</html>
"""


def create_app(studio: Studio) -> "FastAPI":
    """The ASGI app: the page, its static files and the API (``docs/studio.md``)."""
    from fastapi import FastAPI

    app = FastAPI(title="paradeplan studio", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(_Headers)

    async def refused(_request: "Request", exc: Exception) -> "JSONResponse":
        assert isinstance(exc, _Refusal)
        return exc.response

    app.add_exception_handler(_Refusal, refused)
    _add_page(app, studio)
    _add_upload(app, studio)
    _add_edits(app, studio)
    _add_runs(app, studio)
    return app


def _refuse(status: int, reason: str, problems: list[dict[str, str]] | None = None, **extra: Any) -> "JSONResponse":
    """A refusal: ``detail``, the problems when there are some, and anything else the view needs."""
    from fastapi.responses import JSONResponse

    body: dict[str, Any] = {"detail": reason}
    if problems is not None:
        body["problems"] = problems
    body.update(extra)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


class _Refusal(Exception):
    """A request refused before its handler's work (no token, no such plan): the app answers ``response``."""

    def __init__(self, response: "JSONResponse") -> None:
        super().__init__(response.status_code)
        self.response = response


def _allow(studio: Studio, request: "Request", cookie_ok: bool = False) -> None:
    """Go on when the request carries the token (or, where ``cookie_ok``, the session cookie); else a 401."""
    if not studio.role(request, cookie_ok):
        raise _Refusal(_refuse(401, gettext("send the token: Authorization: Bearer TOKEN")))


def _plan(studio: Studio, request: "Request", ident: str, cookie_ok: bool = False) -> Step:
    """The plan's current step, for a request allowed to see it (else a 401, or a 404 when there is no such plan)."""
    _allow(studio, request, cookie_ok)
    step = _current(studio, ident)
    if step is None:
        raise _Refusal(_refuse(404, gettext("no such plan")))
    return step


def _current(studio: Studio, ident: str) -> Step | None:
    """The plan's current step (None when there is no such plan)."""
    return studio.store.current(ident) if re.fullmatch(r"[0-9a-f]{12}", ident) else None


def _lang_of(request: "Request") -> str:
    return "en" if request.query_params.get("lang") == "en" else "vi"


def _answer(state: dict[str, Any], status: int = 200) -> "JSONResponse":
    """A plan's state, tagged with its version."""
    from fastapi.responses import JSONResponse

    return JSONResponse(state, status_code=status, headers={"ETag": f'"{state["version"]}"'})


def _base_of(request: "Request", body: dict[str, Any]) -> int | None:
    """The version a change was made on: ``If-Match``, else the body's ``version``."""
    tag = request.headers.get("if-match", "").strip().strip('"').removeprefix("W/").strip('"')
    if tag.isdigit():
        return int(tag)
    v = body.get("version")
    return v if isinstance(v, int) and not isinstance(v, bool) else None


async def _read_body(request: "Request", limit: int) -> bytes | None:
    """The request's body, None when it is over ``limit`` bytes."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return body


def _add_page(app: "FastAPI", studio: Studio) -> None:
    """The page, its static files (messages in both languages), the session cookie and the list of plans."""
    from fastapi import Request
    from fastapi.responses import HTMLResponse, JSONResponse, Response

    from paradeplan.studio.messages import page_messages

    static: dict[str, tuple[str, str]] = _leaflet()
    folder = resources.files("paradeplan.studio") / "static"
    for name, media in STATIC.items():
        static[name] = ((folder / name).read_text(encoding="utf-8"), media)
    for code in ("vi", "en"):
        static[f"messages.{code}.json"] = (json.dumps(page_messages(code), ensure_ascii=False), "application/json")

    @app.get("/", response_class=HTMLResponse)
    def page() -> HTMLResponse:
        return HTMLResponse(_page("vi"))

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/{name}")
    def static_file(name: str) -> Response:
        if name not in static:
            return _refuse(404, gettext("no such file"))
        text, media = static[name]
        return Response(text, media_type=media, headers={"Cache-Control": "no-cache"})

    @app.post("/api/session")
    def session(request: Request) -> Response:
        _allow(studio, request)
        resp = JSONResponse({"ok": True})
        resp.set_cookie(COOKIE, studio.cookie, httponly=True, samesite="strict", path="/api/plans/")
        return resp

    @app.get("/api/plans")
    def list_plans(request: Request) -> Response:
        _allow(studio, request)
        return JSONResponse({"plans": studio.store.plans()})


def _add_upload(app: "FastAPI", studio: Studio) -> None:
    """A document uploaded: imported into a new plan."""
    from fastapi import Request
    from fastapi.responses import JSONResponse, Response
    from starlette.concurrency import run_in_threadpool

    @app.post("/api/plans")
    async def upload(request: Request) -> Response:
        _allow(studio, request)
        ctype = request.headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            return _refuse(415, gettext("send the file as multipart/form-data, field 'file'"))
        raw = await _read_body(request, adapter.MAX_UPLOAD + 64_000)
        if raw is None:
            return _refuse(
                413, gettext("a file is at most {n} bytes (the importer's limit)").format(n=number(adapter.MAX_UPLOAD))
            )

        async def again() -> dict[str, Any]:
            return {"type": "http.request", "body": raw, "more_body": False}

        from starlette.requests import Request as Req

        form = await Req(request.scope, again).form(max_files=1, max_fields=4)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            return _refuse(422, gettext("no file: send it in the multipart field 'file'"))
        data = await upload.read()
        name = upload.filename or "document.txt"
        if len(data) > adapter.MAX_UPLOAD:
            return _refuse(
                413, gettext("a file is at most {n} bytes (the importer's limit)").format(n=number(adapter.MAX_UPLOAD))
            )
        try:
            ident, step = await run_in_threadpool(studio.add, name, data)
        except InputError as err:
            status = 413 if adapter.over_limit(err) else 422
            return _refuse(status, gettext("the importer refused the file"), adapter.problems_of(err))
        return JSONResponse(
            {"id": ident, "open_items": step.open_items, "decisions": step.decisions, "version": step.seq},
            status_code=201,
            headers={"Location": f"/api/plans/{ident}"},
        )


def _add_edits(app: "FastAPI", studio: Studio) -> None:
    """A plan's state, its fixes, undo, and its route."""
    from fastapi import Request
    from fastapi.responses import JSONResponse, Response
    from starlette.concurrency import run_in_threadpool

    @app.get("/api/plans/{ident}")
    async def get_plan(ident: str, request: Request) -> Response:
        step = _plan(studio, request, ident)
        return _answer(await run_in_threadpool(studio.state, step, _lang_of(request)))

    @app.post("/api/plans/{ident}/fixes")
    async def post_fix(ident: str, request: Request) -> Response:
        _plan(studio, request, ident)
        raw = await _read_body(request, MAX_FIX)
        if raw is None:
            return _refuse(413, gettext("a fix is at most {n} bytes").format(n=number(MAX_FIX)))
        try:
            body = json.loads(raw)
        except ValueError:
            return _refuse(422, gettext("send the fix as JSON"))
        if not isinstance(body, dict):
            return _refuse(422, gettext("send the fix as a JSON object"))
        if lone_surrogate(raw.decode("utf-8", "replace"), body) is not None:
            return _refuse(422, gettext("holds an escaped half of a character, which is no text"))
        try:
            step = await run_in_threadpool(studio.fix, ident, _base_of(request, body), body)
        except Stale as exc:
            return _refuse(
                409, gettext("the plan changed in another tab: reload it and fix again"), version=exc.current
            )
        except adapter.FixRefused as exc:
            return _refuse(422, exc.reason, exc.details)
        return _answer(await run_in_threadpool(studio.state, step, _lang_of(request)))

    @app.post("/api/plans/{ident}/undo")
    async def undo(ident: str, request: Request) -> Response:
        step = _plan(studio, request, ident)
        raw = await _read_body(request, MAX_FIX) or b"{}"
        try:
            body = json.loads(raw) if raw.strip() else {}
        except ValueError:
            body = {}
        base = _base_of(request, body if isinstance(body, dict) else {})
        try:
            prev = studio.store.undo(ident, step.seq if base is None else base)
        except Stale as exc:
            return _refuse(409, gettext("the plan changed in another tab or window: reload it"), version=exc.current)
        if prev is None:
            return _refuse(422, gettext("nothing to undo: this is the imported plan"))
        return _answer(await run_in_threadpool(studio.state, prev, _lang_of(request)))

    @app.get("/api/plans/{ident}/route")
    async def route(ident: str, request: Request) -> Response:
        step = _plan(studio, request, ident)
        want = request.query_params.get("basemap") == "1"
        return JSONResponse(await run_in_threadpool(studio.route, ident, step, want))


def _add_runs(app: "FastAPI", studio: Studio) -> None:
    """Running ``plan`` on a plan, its progress, its results and its plan file."""
    from fastapi import Request
    from fastapi.responses import FileResponse, JSONResponse, Response
    from starlette.concurrency import run_in_threadpool

    @app.post("/api/plans/{ident}/run")
    async def run(ident: str, request: Request) -> Response:
        step = _plan(studio, request, ident)
        state = await run_in_threadpool(studio.state, step)
        if not state["valid"]:
            return _refuse(422, gettext("the plan is not ready: fix these first"), state["problems"])
        job = studio.start_run(ident, step, _lang_of(request))
        await run_in_threadpool(job.done.wait)
        assert job.result is not None
        if job.status != 200:
            return _refuse(422, gettext("the plan could not be made"), job.result.get("problems", []))
        return JSONResponse(job.result)

    @app.get("/api/plans/{ident}/run")
    def progress(ident: str, request: Request) -> Response:
        _allow(studio, request)
        job = studio.jobs.get(ident)
        if job is None:
            return JSONResponse({"running": False})
        return JSONResponse(
            {
                "running": not job.done.is_set(),
                "stage": tr(job.stage, _lang_of(request)),
                "seconds": round(time.monotonic() - job.started),
                "lines": job.lines[-3:],
                "result": job.result if job.done.is_set() and job.status == 200 else None,
            }
        )

    @app.get("/api/plans/{ident}/results/{path:path}")
    def result(ident: str, path: str, request: Request) -> Response:
        _plan(studio, request, ident, cookie_ok=True)
        root = (studio.plan_dir(ident) / "out").resolve()
        parts = path.split("/")
        if not path or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts) or path.startswith("/"):
            return _refuse(404, gettext("no such output"))
        target = (root / path).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            return _refuse(404, gettext("no such output"))
        return FileResponse(target)

    @app.get("/api/plans/{ident}/plan.yaml")
    def plan_yaml(ident: str, request: Request) -> Response:
        step = _plan(studio, request, ident, cookie_ok=True)
        return Response(
            step.yaml,
            media_type="application/yaml; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="plan.yaml"', "ETag": f'"{step.seq}"'},
        )


def serve(studio: Studio, host: str, port: int) -> None:
    """Run the app with uvicorn until interrupted; the store is closed afterwards."""
    import uvicorn

    config = uvicorn.Config(
        create_app(studio), host=host, port=port, log_level="warning", access_log=False, timeout_keep_alive=10
    )
    try:
        uvicorn.Server(config).run()
    finally:
        studio.store.close()


__all__ = ["Studio", "create_app", "new_token", "serve"]
