"""For the live tests: the Quận 12 plan planned once per session, and `paradeplan live` run as a real server."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

import httpx

from ports import free_port

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "quan12-2023" / "plan.yaml"
TOKEN = "control-room-token-for-tests"
CLI = [sys.executable, "-c", "from paradeplan.cli import main; main()"]


@cache
def planned() -> Path:
    """``paradeplan plan data/quan12-2023/plan.yaml --out TMP`` once per test session (read only: copy it)."""
    tmp = Path(tempfile.mkdtemp(prefix="pp-live-plan-"))
    atexit.register(shutil.rmtree, tmp, True)
    out = tmp / "out"
    run = subprocess.run([*CLI, "plan", str(PLAN), "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return out


def fresh_folder(dest: Path) -> Path:
    """A copy of the planned folder (no reports yet)."""
    target = dest / "out"
    shutil.copytree(planned(), target)
    return target


class LiveServer:
    """``paradeplan live OUT`` in a subprocess on a free loopback port, with the rehearsal clock.

    Parameters
    ----------
    out : Path
        The results folder.
    rehearse : str, optional
        ``--rehearse`` clock start (HH:MM:SS).
    token : str, optional
        ``--token`` (None: let the server generate one and read it from what it prints).
    """

    def __init__(
        self, out: Path, rehearse: str | None = "09:00:00", token: str | None = TOKEN, extra: tuple[str, ...] = ()
    ) -> None:
        self.out = out
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [*CLI, "live", str(out), "--port", str(self.port)]
        if rehearse is not None:
            args += ["--rehearse", rehearse]
        if token is not None:
            args += ["--token", token]
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in __exit__, read while running
        self.proc = subprocess.Popen(
            [*args, *extra],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.token = token or ""
        self._wait()
        if token is None:
            self.token = self.output().split("#token=", 1)[1].split()[0]

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server stopped: {self.output()}")
            try:
                if httpx.get(self.base + "/api/state", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"the server did not answer: {self.output()}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def headers(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}

    def get(self, path: str, token: str | None = None, auth: bool = True) -> httpx.Response:
        return httpx.get(self.base + path, headers=self.headers(token) if auth else {}, timeout=10)

    def police(self) -> dict[str, Any]:
        r = self.get("/api/police/state")
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    def report(self, body: Any, token: str | None = None) -> httpx.Response:
        return httpx.post(self.base + "/api/reports", json=body, headers=self.headers(token), timeout=10)

    def stop(self) -> int:
        """Ctrl-C, as a user stops it; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return int(self.proc.returncode)

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.log.close()


def seconds(hms: str) -> int:
    h, m, s = (int(x) for x in hms.split(":"))
    return h * 3600 + m * 60 + s


def hms(s: int) -> str:
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"
