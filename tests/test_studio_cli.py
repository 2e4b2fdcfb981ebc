"""`paradeplan studio` as a user starts it: the URL with the token, nothing opened with --no-browser, the plans kept
in --dir across a restart, and clear refusals (exit 2) for a bad token, a taken port or a missing file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from studio_support import DATA, TOKEN, free_port

MAIN = "from paradeplan.cli import main; main()"


def studio(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, BROWSER="false")  # no browser would open anyway with --no-browser
    return subprocess.Popen(
        [sys.executable, "-c", MAIN, "studio", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_listening(port: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError("the studio did not start")


def stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    return out


def test_start_print_the_url_and_keep_plans_across_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "studio"
    port = free_port()
    proc = studio(
        str(DATA / "dieu-hanh-xe-hoa.txt"), "--dir", str(folder), "--port", str(port), "--token", TOKEN, "--no-browser"
    )
    try:
        wait_listening(port, proc)
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
        ) as c:  # a loaded machine: the first request after a restart reads the plan again
            plans = c.get("/api/plans").json()["plans"]
            assert len(plans) == 1
            pid = plans[0]["id"]
            st = c.get(f"/api/plans/{pid}").json()
            st = c.post(f"/api/plans/{pid}/fixes", json={"field": "event.theme", "value": "Chủ đề mới"}).json()
            assert st["plan"]["event"]["theme"] == "Chủ đề mới"
    finally:
        out = stop(proc)
    assert f"http://127.0.0.1:{port}/#token={TOKEN}&plan={pid}" in out
    assert "3 việc bắt buộc" in out  # in the user's language (Vietnamese by default)
    assert (folder / "studio.sqlite").is_file()
    port = free_port()
    proc = studio("--dir", str(folder), "--port", str(port), "--token", TOKEN, "--no-browser")
    try:
        wait_listening(port, proc)
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
        ) as c:  # a loaded machine: the first request after a restart reads the plan again
            st = c.get(f"/api/plans/{pid}").json()
            assert st["plan"]["event"]["theme"] == "Chủ đề mới"
            assert len(st["history"]) == 2
            assert c.post(f"/api/plans/{pid}/undo").json()["plan"]["event"]["theme"] != "Chủ đề mới"
    finally:
        stop(proc)


def test_refusals_exit_2_with_one_clear_message(tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-c", MAIN, "studio", "--token", "short", "--no-browser", "--dir", str(tmp_path / "a")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "--token" in bad.stderr and "Traceback" not in bad.stderr
    missing = subprocess.run(
        [
            sys.executable,
            "-c",
            MAIN,
            "studio",
            str(tmp_path / "nope.docx"),
            "--no-browser",
            "--dir",
            str(tmp_path / "b"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and "nope.docx" in missing.stderr and "Traceback" not in missing.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        busy = subprocess.run(
            [sys.executable, "-c", MAIN, "studio", "--port", str(taken), "--no-browser", "--dir", str(tmp_path / "c")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert busy.returncode == 2 and "--port" in busy.stderr
