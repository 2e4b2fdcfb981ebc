"""Load test of `paradeplan live` on loopback: hundreds of public clients polling /api/state while reports come in.

Usage: ``python benchmarks/live_load.py [--clients 300] [--polls 10] [--out OUT]``. Without ``--out`` the Quận 12
plan is planned into a temporary folder first. The server runs as a user runs it (``paradeplan live``, uvicorn, one
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
    args = parser.parse_args()
    import shutil

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
