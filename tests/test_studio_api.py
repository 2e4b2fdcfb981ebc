"""The studio's HTTP API on a real uvicorn server: token, upload limits and refusals, fixes, undo, stale writes,
runs, results without path traversal, and the downloaded plan file validating."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from studio_support import DATA, SEED_000, TOKEN, studio_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with studio_server(tmp_path_factory.mktemp("studio")) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, headers=AUTH, timeout=120) as c:
        yield c


def upload(client: httpx.Client, path: Path, name: str | None = None) -> httpx.Response:
    return client.post("/api/plans", files={"file": (name or path.name, path.read_bytes(), "text/plain")})


@pytest.fixture(scope="module")
def parade(client: httpx.Client) -> dict[str, object]:
    r = upload(client, DATA / "dieu-hanh-xe-hoa.txt")
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_every_call_needs_the_token(base: str, parade: dict[str, object]) -> None:
    pid = parade["id"]
    calls = [
        ("GET", f"/api/plans/{pid}"),
        ("GET", "/api/plans"),
        ("POST", f"/api/plans/{pid}/fixes"),
        ("POST", f"/api/plans/{pid}/undo"),
        ("POST", f"/api/plans/{pid}/run"),
        ("GET", f"/api/plans/{pid}/plan.yaml"),
        ("GET", f"/api/plans/{pid}/results/index.html"),
        ("GET", f"/api/plans/{pid}/route"),
        ("POST", "/api/plans"),
    ]
    with httpx.Client(base_url=base) as anon:
        for method, path in calls:
            for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}):
                r = anon.request(method, path, headers=headers)
                assert r.status_code == 401, (method, path, r.status_code)
        page = anon.get("/")
        assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
        assert "http" not in page.text.replace("http-equiv", "")  # no CDN: every asset from this server
        assert anon.get("/static/leaflet.js").status_code == 200


def test_upload_answers_with_the_exact_names(parade: dict[str, object]) -> None:
    assert set(parade) >= {"id", "open_items", "decisions"}
    items = parade["open_items"]
    assert isinstance(items, list) and items
    for it in items:
        assert set(it) >= {"id", "field", "question", "source", "required", "kind", "candidates"}
        assert it["kind"] in ("choose", "pin", "value")
        for c in it["candidates"]:
            assert set(c) >= {"label", "lat", "lon"}
    required = [it["required"] for it in items]
    assert required == sorted(required, reverse=True), "required items come first"
    # in plain Vietnamese
    assert any("Chưa có tọa độ" in it["question"] for it in items)


def test_state_fixes_undo_and_stale_writes(client: httpx.Client, parade: dict[str, object]) -> None:
    pid = parade["id"]
    s = client.get(f"/api/plans/{pid}")
    assert s.status_code == 200
    st = s.json()
    assert set(st) >= {"id", "plan", "open_items", "decisions", "valid", "problems"}
    v0 = st["version"]
    assert s.headers["etag"] == f'"{v0}"'
    pin = next(it for it in st["open_items"] if it["kind"] in ("pin", "choose") and it["field"].startswith("places["))
    # a point off the Earth is refused, nothing changed
    bad = client.post(f"/api/plans/{pid}/fixes", json={"item": pin["id"], "lat": 123, "lon": 106})
    assert bad.status_code == 422
    assert client.get(f"/api/plans/{pid}").json()["version"] == v0
    # an invalid direct edit: the plan file's own message with its field
    bad = client.post(f"/api/plans/{pid}/fixes", json={"field": "parades[0].groups[0].count", "value": -3})
    assert bad.status_code == 422 and any("groups[0].count" in p["field"] for p in bad.json()["problems"])
    # half of a UTF-16 pair is valid JSON but no text: refused, not a 500 when the plan is written
    half = b'{"field": "event.theme", "value": "Tu\\ud800n"}'
    bad = client.post(f"/api/plans/{pid}/fixes", content=half, headers={"Content-Type": "application/json"})
    assert bad.status_code == 422 and client.get(f"/api/plans/{pid}").json()["version"] == v0
    assert "YAML" not in bad.text, bad.text  # said as what it is, not as the plan file's YAML failing to load
    ok = client.post(
        f"/api/plans/{pid}/fixes",
        json={"item": pin["id"], "lat": 10.8632, "lon": 106.6547},
        headers={"If-Match": f'"{v0}"'},
    )
    assert ok.status_code == 200, ok.text
    after = ok.json()
    assert after["version"] == v0 + 1
    assert pin["id"] not in {it["id"] for it in after["open_items"]}, "a fixed item disappears"
    index = int(pin["field"][len("places[") : -1])
    assert after["plan"]["places"][index]["lat"] == pytest.approx(10.8632)
    assert all(o["field"] != pin["field"] for o in after["plan"].get("open_items", [])), "nothing asked twice"
    # a second tab still on v0 is refused
    stale = client.post(
        f"/api/plans/{pid}/fixes", json={"field": "event.theme", "value": "x"}, headers={"If-Match": f'"{v0}"'}
    )
    assert stale.status_code == 409
    stale = client.post(f"/api/plans/{pid}/undo", headers={"If-Match": f'"{v0}"'})
    assert stale.status_code == 409
    back = client.post(f"/api/plans/{pid}/undo", headers={"If-Match": f'"{v0 + 1}"'})
    assert back.status_code == 200 and back.json()["version"] == v0
    assert pin["id"] in {it["id"] for it in back.json()["open_items"]}
    assert client.post(f"/api/plans/{pid}/undo").status_code == 422  # nothing before the import


def test_hostile_and_oversized_uploads(client: httpx.Client, tmp_path: Path) -> None:
    r = client.post("/api/plans", files={"file": ("x.txt", b"\x00\x01\x02" * 100, "text/plain")})
    assert r.status_code == 422 and r.json()["problems"]
    r = client.post("/api/plans", files={"file": ("x.docx", b"PK\x03\x04 not a zip", "application/octet-stream")})
    assert r.status_code == 422
    bomb = b"a: &a [1,1,1,1,1,1,1,1,1,1]\n" + b"".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n".encode()
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    r = client.post("/api/plans", files={"file": ("bomb.yaml", bomb, "application/yaml")})
    assert r.status_code == 413, r.text  # over a limit of the plan file reader, told in Vietnamese
    assert "giới hạn" in r.json()["problems"][0]["message"], r.text
    docx = tmp_path / "bom.docx"
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 3_000_000)  # packed about 1,000 times: a zip bomb
    r = client.post("/api/plans", files={"file": ("bom.docx", docx.read_bytes(), "application/octet-stream")})
    assert r.status_code == 413 and "giới hạn" in r.json()["problems"][0]["message"], r.text
    big = b"a" * 20_000_100
    r = client.post("/api/plans", files={"file": ("big.txt", big, "text/plain")})
    assert r.status_code == 413
    r = client.post("/api/plans", content=b"{}", headers={"Content-Type": "application/json"})
    assert r.status_code == 415


def test_run_results_and_plan_file(client: httpx.Client, tmp_path: Path) -> None:
    r = upload(client, DATA / "dieu-hanh-xe-hoa.txt")
    pid = r.json()["id"]
    st = client.get(f"/api/plans/{pid}").json()
    for it in [i for i in st["open_items"] if i["required"]]:
        fix = {"item": it["id"], "choice": 0} if it["candidates"] else {"item": it["id"], "lat": 10.876, "lon": 106.646}
        st = client.post(f"/api/plans/{pid}/fixes", json=fix).json()
    assert not [i for i in st["open_items"] if i["required"]] and st["valid"], st["problems"]
    run = client.post(f"/api/plans/{pid}/run")
    assert run.status_code == 200, run.text
    res = run.json()
    assert res["exit"] in (0, 3) and res["summary"] and "index.html" in res["files"] and "map.html" in res["files"]
    if res["exit"] == 3:
        assert res["shortfall"]
    book = client.get(f"/api/plans/{pid}/results/index.html")
    assert book.status_code == 200 and "text/html" in book.headers["content-type"]
    import http.client

    host, port = str(client.base_url.host), int(client.base_url.port or 80)
    for evil in (
        "../plan.yaml",
        "..%2Fplan.yaml",
        "%2e%2e/%2e%2e/studio.sqlite",
        "/etc/passwd",
        "calendars/../../plan.yaml",
    ):
        conn = http.client.HTTPConnection(host, port, timeout=10)  # sends the path as it is (no dot removal)
        conn.request("GET", f"/api/plans/{pid}/results/{evil}", headers=AUTH)
        status, body = conn.getresponse().status, b""
        conn.close()
        assert status == 404, (evil, status, body)
    text = client.get(f"/api/plans/{pid}/plan.yaml").text
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", "from paradeplan.cli import main; main()", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "chưa có tọa độ" not in out.stderr, "validate must not repeat a pinned place's item"


def test_names_are_data_not_markup(client: httpx.Client) -> None:
    """The document's theme holds '<vì mọi người>': the API gives it as data; the page puts it in as text."""
    r = upload(client, DATA / "dieu-hanh-xe-hoa.txt")
    st = client.get(f"/api/plans/{r.json()['id']}").json()
    assert "<vì mọi người>" in st["plan"]["event"]["theme"]
    js = client.get("/static/studio.js").text
    assert "innerHTML" not in js and ".bindTooltip(el(" in js


@pytest.mark.skipif(not SEED_000.exists(), reason="seed 000 is not in this checkout")
def test_seed_000_decision_overturned(client: httpx.Client) -> None:
    r = upload(client, SEED_000)
    assert r.status_code == 201
    body = r.json()
    assert sum(it["required"] for it in body["open_items"]) == 3
    dec = next(d for d in body["decisions"] if d["field"].startswith("places[") and len(d["alternatives"]) > 1)
    st = client.post(f"/api/plans/{body['id']}/fixes", json={"item": dec["id"], "choice": 1}).json()
    index = int(dec["field"][len("places[") : -1])
    alt = dec["alternatives"][1]
    assert st["plan"]["places"][index]["lat"] == pytest.approx(alt["lat"])
    assert next(d for d in st["decisions"] if d["id"] == dec["id"])["overturned"]
    assert "đã đổi trong xưởng kế hoạch" in str(st["plan"]["decisions"])  # in the user's language


@pytest.mark.skipif(not SEED_000.exists(), reason="seed 000 is not in this checkout")
def test_seed_000_decisions_changed_by_editing_their_fields(client: httpx.Client) -> None:
    """A decision without alternatives (the policy's speed, the line-up at the assembly place) is overturned by
    editing its field: shown as changed in the studio and in the plan file's own decisions (issue 24)."""
    body = upload(client, SEED_000).json()
    by_field = {d["field"]: d for d in body["decisions"]}
    assert {"parades[0].speed_limit_kmh", "parades[0].staging"} <= set(by_field)
    url = f"/api/plans/{body['id']}/fixes"
    st = client.post(url, json={"field": "parades[0].speed_limit_kmh", "value": 12}).json()
    speed = next(d for d in st["decisions"] if d["field"] == "parades[0].speed_limit_kmh")
    assert speed["overturned"] and speed["chosen"] == "12"
    assert not next(d for d in st["decisions"] if d["field"] == "parades[0].staging")["overturned"]
    st = client.post(url, json={"field": "parades[0].staging", "value": "Lê Thị Riêng"}).json()
    assert st["plan"]["parades"][0]["staging"]["street"] == "Lê Thị Riêng"
    saved = {d["field"]: d for d in st["plan"]["decisions"]}
    assert saved["parades[0].staging"]["chosen"] == "Lê Thị Riêng"
    assert saved["parades[0].speed_limit_kmh"]["reason"].startswith("đã đổi trong xưởng kế hoạch")
    assert by_field["streets"]["chosen"] == saved["streets"]["chosen"]  # untouched decisions stay as they were
