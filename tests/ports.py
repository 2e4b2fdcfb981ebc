"""Loopback ports for the test servers: each xdist worker draws from its own range, below the kernel's own.

A port the kernel hands out (``bind(("127.0.0.1", 0))``) is free only until the socket closes; a server started a
moment later in another worker could be given the same one, and a test then talks to a server it did not start
(CI saw a live server answer with another test's empty store). Ports here come from a range no other worker and no
kernel-chosen port uses, and are checked free before they are handed out.
"""

from __future__ import annotations

import itertools
import os
import socket

_FIRST, _SPAN = 20_000, 1_500  # 20000-31999: below Linux's ephemeral range (32768-60999)


def _worker() -> int:
    name = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    digits = "".join(ch for ch in name if ch.isdigit())
    return int(digits or 0) % 8


_next = itertools.cycle(range(_FIRST + _worker() * _SPAN + os.getpid() % 200, _FIRST + (_worker() + 1) * _SPAN))


def free_port() -> int:
    """A loopback port no other test worker can be given, free right now."""
    for port in itertools.islice(_next, _SPAN):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError("no free loopback port in this worker's range")
