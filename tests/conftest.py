"""Test setup: the network is blocked for every test (loopback stays open for local browser pages)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO_PLAN = ROOT / "data" / "quan12-2023" / "plan.yaml"


class NetworkBlocked(RuntimeError):
    """Raised when a test tries to reach the network."""


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return isinstance(address, (str, bytes))  # unix sockets


def _install_network_block() -> None:
    """Block every non-loopback connection and DNS lookup for the whole test session."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(self: socket.socket, address: object) -> object:
        if not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    def guard_ex(self: socket.socket, address: object) -> object:
        if not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach the network: {address!r}")
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def no_dns(*args: object, **kwargs: object) -> object:
        host = args[0] if args else kwargs.get("host")
        if host in ("localhost", "127.0.0.1", "::1", None):
            return real_getaddrinfo(*args, **kwargs)  # type: ignore[arg-type]
        raise NetworkBlocked(f"test tried to resolve {host!r}")

    socket.socket.connect = guard  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = guard_ex  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = no_dns  # type: ignore[assignment]


def pytest_configure(config: pytest.Config) -> None:
    _install_network_block()


@pytest.fixture
def demo_plan() -> Path:
    """Path of the shipped Quận 12 2023 plan."""
    return DEMO_PLAN


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English for a test that matches their English text: the CLI (LANGUAGE=en, as a user would set
    it) and the core called in-process (the current language)."""
    from paradeplan.i18n import _current

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    token = _current.set("en")
    try:
        yield
    finally:
        _current.reset(token)
