"""Load test of `paradeplan live` on loopback: hundreds of public clients polling /api/state while reports come in.

Usage: ``python benchmarks/live_load.py [--clients 300] [--polls 10] [--out OUT]``. Without ``--out`` the Quận 12
plan is planned into a temporary folder first. ``--stored 2000 --sequential 50`` instead measures one control
room alone with 2,000 reports already in the store: the time to answer each new report, police state and public
state (one after the other, so each state request re-times the plan after the report before it).
The server runs as a user runs it (``paradeplan live``, uvicorn, one
process), the clients in this process (asyncio, one httpx connection pool of ``--clients`` connections, each
client polling as the public page does but back to back, without its 5-second pause). The control room posts a
report every second meanwhile and reads the police state. Prints a Markdown table row of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


async def _client(
    http: Any, base: str, polls: int, interval: float, latencies: list[float], failures: list[str]
) -> None:
    import random

    await asyncio.sleep(random.random() * interval)  # clients open the page at different moments
    for i in range(polls):
        if i and interval:
            await asyncio.sleep(interval)
        t0 = time.perf_counter()
        try:
            r = await http.get(base + "/api/state")
            if r.status_code != 200 or "closures" not in r.json():
                failures.append(f"status {r.status_code}")
        except Exception as exc:  # noqa: BLE001 - every failure is counted, whatever it is
            failures.append(type(exc).__name__)
        latencies.append(time.perf_counter() - t0)


async def _control(http: Any, base: str, token: str, stop: asyncio.Event, results: list[int], first_s: int) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    i = 0
    while not stop.is_set():
        t = first_s + i * 7
        body = {
            "kind": "tail",
            "km": round(0.2 + i * 0.05, 3),
            "time": f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}",
        }
        r = await http.post(base + "/api/reports", json=body, headers=headers)
        results.append(r.status_code)
        police = await http.get(base + "/api/police/state", headers=headers)
        results.append(police.status_code)
        i += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


async def _run(base: str, token: str, clients: int, polls: int, interval: float) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    failures: list[str] = []
    control: list[int] = []
    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        stop = asyncio.Event()
        ctl = asyncio.create_task(_control(http, base, token, stop, control, 8 * 3600 + 120))
        t0 = time.perf_counter()
        await asyncio.gather(*(_client(http, base, polls, interval, latencies, failures) for _ in range(clients)))
        wall = time.perf_counter() - t0
        stop.set()
        await ctl
    lat = sorted(latencies)
    return {
        "requests": len(lat),
        "failures": len(failures),
        "failure_kinds": sorted(set(failures)),
        "wall_s": wall,
        "rps": len(lat) / wall,
        "p50_ms": statistics.median(lat) * 1000,
        "p95_ms": lat[int(0.95 * (len(lat) - 1))] * 1000,
        "p99_ms": lat[int(0.99 * (len(lat) - 1))] * 1000,
        "max_ms": lat[-1] * 1000,
        "reports": control.count(201) // 1,
        "control_failures": sum(1 for c in control if c not in (200, 201)),
    }


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _preload(out: Path, n: int) -> None:
    """Put ``n`` tail reports (every 5 m, every second from 08:02) into a new store of ``out``, written with the
    plain table every version of the store reads (older versions included, to measure them the same way)."""
    import hashlib
    import sqlite3

    digest = hashlib.sha256((out / "schedule.json").read_bytes()).hexdigest()
    with sqlite3.connect(out / "live.sqlite") as db:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE reports (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, time_s INTEGER NOT NULL,"
            " at_m INTEGER, post TEXT, received TEXT NOT NULL);"
        )
        db.execute("INSERT INTO meta VALUES ('schedule', ?), ('version', '1')", (digest,))
        db.executemany(
            "INSERT INTO reports(kind, time_s, at_m, post, received) VALUES ('tail', ?, ?, NULL, ?)",
            [(8 * 3600 + 120 + i, 200 + 5 * i, "2023-10-02T08:00:00+07:00") for i in range(n)],
        )
    db.close()


def _sequential(base: str, token: str, n: int, stored: int) -> dict[str, list[float]]:
    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    out: dict[str, list[float]] = {"report": [], "police": [], "public": []}
    with httpx.Client(timeout=60) as http:
        for i in range(n):
            t = 8 * 3600 + 120 + stored + i
            body = {"kind": "tail", "km": round((200 + 5 * (stored + i)) / 1000, 3), "time": _hms(t)}
            t0 = time.perf_counter()
            r = http.post(base + "/api/reports", json=body, headers=headers)
            out["report"].append(time.perf_counter() - t0)
            assert r.status_code == 201, r.text
            t0 = time.perf_counter()
            assert http.get(base + "/api/police/state", headers=headers).status_code == 200
            out["police"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            assert http.get(base + "/api/state").status_code == 200
            out["public"].append(time.perf_counter() - t0)
    return out


def _hms(t: int) -> str:
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"


def main() -> None:
    from live_support import LiveServer, planned

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--polls", type=int, default=10)
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="seconds between a client's polls (the public page waits 5; 0: back to back)",
    )
    parser.add_argument("--out", type=Path, help="a results folder of `paradeplan plan` (copied)")
    parser.add_argument("--stored", type=int, default=0, help="reports already in the store")
    parser.add_argument("--sequential", type=int, default=0, help="one control room: this many report + reads")
    args = parser.parse_args()
    import shutil

    if args.sequential:
        with tempfile.TemporaryDirectory(prefix="pp-live-load-") as tmp:
            out = Path(tmp) / "out"
            shutil.copytree(args.out or planned(), out)
            (out / "live.sqlite").unlink(missing_ok=True)
            _preload(out, args.stored)
            with LiveServer(out, rehearse="10:00:00") as server:
                times = _sequential(server.base, server.token, args.sequential, args.stored)
        print(f"load average before {os.getloadavg()[0]:.1f}; {args.stored} reports stored, {args.sequential} rounds")
        print("| request | p50 ms | p95 ms | max ms |")
        print("|---|---:|---:|---:|")
        for name, lat in times.items():
            lat = sorted(lat)
            print(
                f"| {name} | {statistics.median(lat) * 1000:.1f} | {lat[int(0.95 * (len(lat) - 1))] * 1000:.1f} | "
                f"{lat[-1] * 1000:.1f} |"
            )
        return

    with tempfile.TemporaryDirectory(prefix="pp-live-load-") as tmp:
        out = Path(tmp) / "out"
        shutil.copytree(args.out or planned(), out)
        with LiveServer(out, rehearse="09:00:00") as server:
            cpu0 = _cpu_s(server.proc.pid)
            figures = asyncio.run(_run(server.base, server.token, args.clients, args.polls, args.interval))
            figures["server_cpu_ms"] = (_cpu_s(server.proc.pid) - cpu0) * 1000 / max(1, figures["requests"])
    load = os.getloadavg()[0]
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average before {load:.1f}"
    )
    print(
        "| clients | polls each | interval s | requests | failures | wall s | req/s | p50 ms | p95 ms | p99 ms | "
        "max ms | server CPU ms/req | reports stored | control failures |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    f = figures
    print(
        f"| {args.clients} | {args.polls} | {args.interval:g} | {f['requests']} | {f['failures']} | "
        f"{f['wall_s']:.1f} | {f['rps']:.0f} | {f['p50_ms']:.0f} | {f['p95_ms']:.0f} | {f['p99_ms']:.0f} | "
        f"{f['max_ms']:.0f} | {f['server_cpu_ms']:.2f} | {f['reports']} | {f['control_failures']} |"
    )
    if f["failures"]:
        print("failures:", ", ".join(f["failure_kinds"]))


if __name__ == "__main__":
    main()
