"""Online geocoding (Nominatim via geopy), always mocked: failures become one clear NetworkError, the cache
survives failures, corruption and interrupted writes, and the usage policy (1 request/s, own User-Agent) holds."""

from __future__ import annotations

import json
import logging
import os
import socket
import urllib.error
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from geopy import exc as gx
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.errors import NetworkError
from paradeplan.geo import geocode
from paradeplan.geo.geocode import cached_geocode, geocode_online, resolve_place
from paradeplan.plan.model import Place

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "quan12-2023" / "plan.yaml"
QUERY = "Chợ Không Có Thật, Quận 12, Thành phố Hồ Chí Minh"
HIT = Location("Chợ Không Có Thật, Quận 12", (10.8601234, 106.6501234), {})


class FakeNominatim:
    """Stands in for geopy's Nominatim: records how it was built and called, answers from ``behaviour``."""

    instances: list[FakeNominatim] = []
    behaviour: Callable[[str], Any] = staticmethod(lambda q: [HIT])

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.calls: list[tuple[str, dict[str, Any]]] = []
        FakeNominatim.instances.append(self)

    def geocode(self, query: str, **kwargs: Any) -> Any:
        self.calls.append((query, kwargs))
        return FakeNominatim.behaviour(query)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """geopy's RateLimiter on a fake clock: its waits are recorded instead of slept."""
    clock = [1000.0]
    waits: list[float] = []

    def sleep(self: Any, seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(RateLimiter, "_clock", lambda self: clock[0])
    monkeypatch.setattr(RateLimiter, "_sleep", sleep)
    return waits


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> Path:
    """A private cache folder (returns the cache file's path), geopy's Nominatim faked, a fresh rate limiter."""
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("PARADEPLAN_CACHE", str(folder))
    monkeypatch.setattr(geocode, "_lookup", None)
    monkeypatch.setattr("geopy.geocoders.Nominatim", FakeNominatim)
    monkeypatch.setattr(FakeNominatim, "instances", [])
    monkeypatch.setattr(FakeNominatim, "behaviour", staticmethod(lambda q: [HIT]))
    return folder / "geocode.json"


def _fail_with(exc: BaseException) -> Callable[[str], Any]:
    def raise_it(q: str) -> Any:
        raise exc

    return raise_it


def _calls() -> int:
    return sum(len(n.calls) for n in FakeNominatim.instances)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


FAILURES = [
    pytest.param(gx.GeocoderTimedOut("Service timed out"), "did not answer within 10 s", id="timeout"),
    pytest.param(gx.GeocoderInsufficientPrivileges("Non-successful status code 403"), "HTTP 403", id="403"),
    pytest.param(
        gx.GeocoderRateLimited("Non-successful status code 429", retry_after=30), "retry after 30 s", id="429"
    ),
    pytest.param(gx.GeocoderQuotaExceeded("Non-successful status code 402"), "HTTP 429", id="quota"),
    pytest.param(gx.GeocoderUnavailable("Service not available"), "could not be reached", id="unavailable"),
    pytest.param(gx.GeocoderServiceError("Non-successful status code 502"), "answered with an error", id="502"),
    pytest.param(OSError(101, "Network is unreachable"), "could not be reached", id="oserror"),
    pytest.param(
        urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution")),
        "could not be reached",
        id="urlerror",
    ),
]


@pytest.mark.parametrize(("error", "phrase"), FAILURES)
@pytest.mark.usefixtures("english")
def test_failures_become_one_clear_network_error(cache: Path, error: BaseException, phrase: str) -> None:
    FakeNominatim.behaviour = staticmethod(_fail_with(error))
    with pytest.raises(NetworkError) as exc:
        geocode_online(QUERY, online=True)
    lines = exc.value.lines()
    assert len(lines) == 1 and "\n" not in lines[0]
    msg = lines[0]
    assert phrase in msg and f"'{QUERY}'" in msg
    assert "Retry later" in msg and "lat: and lon:" in msg and "gazetteer" in msg and "without --online" in msg
    assert exc.value.exit_code == 2
    assert _calls() == 1  # no retry hammering the service
    assert not cache.exists() and _leftovers(cache.parent) == []  # a failure is never cached


@pytest.mark.usefixtures("english")
def test_no_network_through_the_real_geopy_stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real Nominatim class and HTTP adapter, with DNS failing as it does without a network."""
    monkeypatch.setenv("PARADEPLAN_CACHE", str(tmp_path))
    monkeypatch.setattr(geocode, "_lookup", None)

    def no_dns(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(NetworkError) as exc:
        geocode_online(QUERY, online=True, timeout=2)
    assert "could not be reached" in str(exc.value) and QUERY in str(exc.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("english")
def test_offline_without_cache_says_online_is_needed(cache: Path) -> None:
    with pytest.raises(NetworkError, match="needs --online"):
        geocode_online(QUERY)
    assert _calls() == 0


def test_success_is_cached_and_reused_offline(cache: Path) -> None:
    first = geocode_online(QUERY, online=True)
    assert first == [(10.8601234, 106.6501234, "Chợ Không Có Thật, Quận 12")]
    assert json.loads(cache.read_text(encoding="utf-8")) == {QUERY: [list(first[0])]}
    assert geocode_online(QUERY) == first  # offline: from the cache
    assert geocode_online(QUERY, online=True) == first  # online: still from the cache
    assert _calls() == 1
    place = Place(id="cho", name="Chợ Không Có Thật")
    rp = resolve_place(place, area="Quận 12, Thành phố Hồ Chí Minh")  # offline run reads the cache
    assert (rp.lat, rp.lon, rp.source, rp.approximate) == (10.8601234, 106.6501234, "nominatim", True)


def test_empty_answer_is_cached(cache: Path) -> None:
    FakeNominatim.behaviour = staticmethod(lambda q: None)
    assert geocode_online(QUERY, online=True) == []
    assert cached_geocode(QUERY) == []


def test_usage_policy_one_request_a_second_and_own_user_agent(cache: Path, sleeps: list[float]) -> None:
    geocode_online("Chợ A, Quận 12", online=True, timeout=7)
    geocode_online("Chợ B, Quận 12", online=True)
    assert len(FakeNominatim.instances) == 1  # one geocoder and one rate limiter for the process
    agent = FakeNominatim.instances[0].kwargs["user_agent"]
    assert agent == geocode.USER_AGENT and agent.startswith("paradeplan/") and "geopy" not in agent
    calls = FakeNominatim.instances[0].calls
    assert [c[0] for c in calls] == ["Chợ A, Quận 12", "Chợ B, Quận 12"]
    assert calls[0][1]["timeout"] == 7 and calls[1][1]["timeout"] == 10.0
    assert sleeps == [pytest.approx(1.0)]  # the second request waited its second


def test_failure_leaves_existing_cache_byte_identical(cache: Path) -> None:
    geocode_online(QUERY, online=True)
    before = cache.read_bytes()
    stat = cache.stat()
    for error in (gx.GeocoderTimedOut("t"), gx.GeocoderRateLimited("429"), OSError("down")):
        FakeNominatim.behaviour = staticmethod(_fail_with(error))
        with pytest.raises(NetworkError):
            geocode_online(f"Other place {error!r}", online=True)
    assert cache.read_bytes() == before and cache.stat().st_ino == stat.st_ino
    assert _leftovers(cache.parent) == []


@pytest.mark.usefixtures("english")
def test_unreadable_answer_is_not_cached(cache: Path) -> None:
    FakeNominatim.behaviour = staticmethod(lambda q: [Location("x", (10.8, 106.6), {}), object()])
    with pytest.raises(NetworkError, match="could not be read"):
        geocode_online(QUERY, online=True)
    assert not cache.exists()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b'{"Ch\xe1\xbb\xa3 A": [[10.8, 106.6, "A"]', id="truncated"),
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b"", id="empty"),
        pytest.param(b"[1, 2, 3]", id="list"),
        pytest.param(b"null", id="null"),
    ],
)
def test_corrupted_cache_file_is_moved_aside(cache: Path, caplog: pytest.LogCaptureFixture, content: bytes) -> None:
    cache.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="paradeplan.geo.geocode"):
        assert cached_geocode(QUERY) is None
    assert "corrupted" in caplog.text and str(cache) in caplog.text
    assert (cache.parent / "geocode.json.corrupt").read_bytes() == content and not cache.exists()
    caplog.clear()
    assert geocode_online(QUERY, online=True)[0][0] == 10.8601234  # the next lookup rebuilds the cache
    assert json.loads(cache.read_text(encoding="utf-8")) == {
        QUERY: [[10.8601234, 106.6501234, "Chợ Không Có Thật, Quận 12"]]
    }
    assert "corrupted" not in caplog.text


def test_malformed_entries_are_ignored(cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    good = [[10.85, 106.65, "Good"]]
    cache.write_text(
        json.dumps(
            {
                "good": good,
                "str": "oops",
                "short": [[10.8, 106.6]],
                "types": [["a", "b", "c"]],
                "bool": [[True, 1, "x"]],
                "range": [[999, 106.6, "x"]],
                "nested": {"lat": 1},
                QUERY: [[10.8, None, "x"]],
            }
        ),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="paradeplan.geo.geocode"):
        assert cached_geocode("good") == [(10.85, 106.65, "Good")]
        for key in ("str", "short", "types", "bool", "range", "nested"):
            assert cached_geocode(key) is None
    assert "7 malformed entries" in caplog.text
    geocode_online(QUERY, online=True)  # looked up again, the bad entries dropped on the way
    assert set(json.loads(cache.read_text(encoding="utf-8"))) == {"good", QUERY}


def test_interrupted_write_keeps_old_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    geocode_online(QUERY, online=True)
    before = cache.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with caplog.at_level(logging.WARNING, logger="paradeplan.geo.geocode"):
        got = geocode_online("Chợ Mới, Quận 12", online=True)
    assert got and got[0][0] == 10.8601234  # the answer is still used for this run
    assert "could not save" in caplog.text and "No space left" in caplog.text
    assert cache.read_bytes() == before and _leftovers(cache.parent) == []

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        geocode_online("Chợ Cũ, Quận 12", online=True)
    assert cache.read_bytes() == before and _leftovers(cache.parent) == []
    assert cached_geocode("Chợ Cũ, Quận 12") is None


@pytest.mark.usefixtures("english")
def test_resolve_place_names_file_and_field(cache: Path) -> None:
    FakeNominatim.behaviour = staticmethod(_fail_with(gx.GeocoderTimedOut("t")))
    with pytest.raises(NetworkError) as exc:
        resolve_place(
            Place(id="cho", name="Chợ Không Có Thật"),
            online=True,
            area="Quận 12, Thành phố Hồ Chí Minh",
            file="plan.yaml",
            field="parades[0].route[6].place",
            line=42,
        )
    (line,) = exc.value.lines()
    assert line.startswith("plan.yaml:42: parades[0].route[6].place: online lookup of place 'Chợ Không Có Thật, ")
    assert "did not answer" in line


def _plan_with_unknown_place(tmp_path: Path) -> Path:
    data: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    data["places"].append({"id": "nowhere", "name": "Chợ Không Có Thật"})
    route = data["parades"][0]["route"]
    idx = next(i for i, s in enumerate(route) if s.get("place") == "nga_3_tham_luong")
    route[idx] = {"place": "nowhere", "uturn": True}
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return plan


@pytest.mark.parametrize("command", ["route", "plan"])
def test_cli_online_failure_exit_code_and_one_message(cache: Path, tmp_path: Path, command: str) -> None:
    FakeNominatim.behaviour = staticmethod(_fail_with(gx.GeocoderRateLimited("429", retry_after=60)))
    plan = _plan_with_unknown_place(tmp_path)
    out = tmp_path / "out"
    args = [command, str(plan), "--online"] + (["--out", str(out)] if command == "plan" else [])
    r = CliRunner().invoke(app, args)
    assert r.exit_code == NetworkError.exit_code, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(str(plan)) and "Chợ Không Có Thật" in lines[0] and "HTTP 429" in lines[0]
    assert "Traceback" not in r.output and "Traceback" not in r.stderr
    assert not out.exists() and not cache.exists()
    assert _calls() == 1
