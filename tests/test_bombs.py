"""Hostile files through the real CLI: each bomb is refused in seconds and little memory, exit 2, one message.

Every bomb is generated inside its test (nothing large is committed). Each runs the installed ``paradeplan``
console script in a subprocess; its CPU time (user + system) and peak resident memory come from ``os.wait4``
(``ru_utime``/``ru_stime``, ``ru_maxrss``). CPU time, not wall time, is held to the limit: on a loaded machine
a refusal that costs 2 s of CPU can take 12 s of wall time. A child still running after 120 s is killed (and
fails). The limits are in docs/limits.md.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

#: These tests match the messages' English text (the catalogue's source); Vietnamese is tested in test_words.
pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).parent / "paradeplan")
MAX_S = 10.0
MAX_MB = 400.0


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float  # CPU time (user + system) of the child
    wall: float
    peak_mb: float


#: Runs the command its arguments give and writes the command's exit code, CPU time (user + system) and peak
#: resident memory (kB) to the file named first. The command is started from this small process, not from the test
#: session: Linux counts in a child's ``ru_maxrss`` the memory of the process it was started from (its copy of it,
#: until it runs its own program), so a command started from a test session grown to 500 MB would "peak" at 500 MB.
LAUNCHER = """
import os, subprocess, sys, threading
proc = subprocess.Popen(sys.argv[2:])
killer = threading.Timer(120, proc.kill)  # a hung child must not hang the suite
killer.start()
_, status, usage = os.wait4(proc.pid, 0)
killer.cancel()
with open(sys.argv[1], "w") as f:
    f.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
"""


def run_cli(args: list[str], tmp: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``paradeplan ARGS``; its exit code, output, CPU and wall time and peak RSS (MB) from ``os.wait4``
    (in :data:`LAUNCHER`)."""
    out, err, used = tmp / "cli.out", tmp / "cli.err", tmp / "cli.usage"
    full_env = {**os.environ, "PARADEPLAN_CACHE": str(tmp / "cache"), **(env or {})}
    with out.open("wb") as o, err.open("wb") as e:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(used), CLI, *args],
            stdout=o,
            stderr=e,
            env=full_env,
            cwd=tmp,
            timeout=150,
        )
        wall = time.perf_counter() - t0
    code, cpu, peak_kb = used.read_text(encoding="utf-8").split()
    return Run(
        int(code),
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
        float(cpu),
        wall,
        int(peak_kb) / 1024,
    )


def assert_refused(r: Run, file: Path, *words: str) -> str:
    """Exit 2 in under 10 s of CPU and 400 MB, with exactly one message naming ``file`` and the limit's words."""
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.code == 2, (r.code, r.stderr[-2000:])
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(file)), lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert "Traceback" not in r.stderr and "<input>" not in r.stderr
    assert r.seconds < MAX_S, f"{r.seconds:.1f} s of CPU"
    assert r.peak_mb < MAX_MB, f"{r.peak_mb:.0f} MB"
    print(f"{file.name}: exit {r.code}, {r.seconds:.2f} s CPU ({r.wall:.2f} s wall), {r.peak_mb:.0f} MB: {lines[0]}")
    return lines[0]


# ------------------------------------------------------------------------------------------------ plan YAML


def alias_bomb(levels: int = 8, width: int = 9) -> str:
    """``a: &a [x,x,…]``, ``b: &b [*a,*a,…]``, … : ``width ** (levels + 1)`` values in a few hundred bytes."""
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = ["a: &a [" + ",".join(["x"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * width) + "]")
    lines.append(f"{names[levels]}: [" + ",".join([f"*{names[levels - 1]}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", ["validate", "plan"])
def test_yaml_alias_bomb(tmp_path: Path, command: str) -> None:
    text = alias_bomb()
    assert len(text.encode()) <= 310  # about 300 bytes; 9**9 = 387 million values once expanded
    f = tmp_path / "bomb.yaml"
    f.write_text(text, encoding="utf-8")
    args = [command, str(f)] + (["--out", str(tmp_path / "out")] if command == "plan" else [])
    assert_refused(run_cli(args, tmp_path), f, "limit of 100,000 values", "aliases")
    assert not (tmp_path / "out").exists()


def test_yaml_alias_bomb_in_a_real_plan(tmp_path: Path) -> None:
    """A bomb under a real field still stops at the budget (the plan's own values count too)."""
    plan = (ROOT / "data" / "quan12-2023" / "plan.yaml").read_text(encoding="utf-8")
    f = tmp_path / "plan.yaml"
    f.write_text(plan + "x_bomb:\n" + "".join("  " + ln + "\n" for ln in alias_bomb().splitlines()), encoding="utf-8")
    assert_refused(run_cli(["validate", str(f)], tmp_path), f, "limit of 100,000 values")


def test_plan_within_the_budget_still_loads(tmp_path: Path) -> None:
    """Aliases are fine in a plan whose expansion stays under the budget (3**4 = 81 values)."""
    plan = yaml.safe_load((ROOT / "data" / "bachsam-2024" / "plan.yaml").read_text(encoding="utf-8"))
    f = tmp_path / "plan.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = run_cli(["validate", str(f)], tmp_path)
    assert r.code == 0, r.stderr


@pytest.mark.parametrize("shape", ["flow", "block"])
def test_yaml_deep_nesting(tmp_path: Path, shape: str) -> None:
    f = tmp_path / "deep.yaml"
    if shape == "flow":
        f.write_text("event: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    else:
        f.write_text("".join("  " * i + f"k{i}:\n" for i in range(500)) + "  " * 500 + "v: 1\n", encoding="utf-8")
    line = assert_refused(run_cli(["validate", str(f)], tmp_path), f)
    assert "nested deeper than the limit of 40 levels" in line, line


def test_yaml_many_values(tmp_path: Path) -> None:
    f = tmp_path / "wide.yaml"
    f.write_text("event: [" + ",".join(["1"] * 1_500_000) + "]\n", encoding="utf-8")  # 3 MB, under the size limit
    assert_refused(run_cli(["validate", str(f)], tmp_path), f, "limit of 100,000 values")


def test_yaml_recursive_alias(tmp_path: Path) -> None:
    f = tmp_path / "cycle.yaml"
    f.write_text("a: &a [*a, *a]\n", encoding="utf-8")
    assert_refused(run_cli(["validate", str(f)], tmp_path), f, "limit of 40 levels")


# ------------------------------------------------------------------------------------------------ .docx

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"


class _RepeatDeflate:
    """A deflate compressor that compresses one repeated chunk once (full flush: same input, same bytes)."""

    def __init__(self, chunk: bytes) -> None:
        self._z = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._chunk = chunk
        self._block: bytes | None = None

    def compress(self, data: bytes) -> bytes:
        if data is self._chunk:
            if self._block is None:
                self._block = self._z.compress(data) + self._z.flush(zlib.Z_FULL_FLUSH)
            return self._block
        return self._z.compress(data) + self._z.flush(zlib.Z_FULL_FLUSH)

    def flush(self) -> bytes:
        return self._z.flush()


def write_docx_bomb(path: Path, unpacked_mb: int, *, force_zip64: bool = True) -> None:
    """A valid .docx whose ``word/document.xml`` is one paragraph of ``unpacked_mb`` MB of spaces, streamed out
    (about 1 KB of zip per MB unpacked; never more than 1 MB in memory)."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        info = zipfile.ZipInfo("word/document.xml", (2024, 10, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=force_zip64) as f:
            f._compressor = _RepeatDeflate(chunk)  # type: ignore[attr-defined]  # same bytes, much faster
            f.write(_HEAD)
            for _ in range(unpacked_mb):
                f.write(chunk)
            f.write(_TAIL)


def test_docx_bomb_2gb(tmp_path: Path) -> None:
    f = tmp_path / "bomb.docx"
    write_docx_bomb(f, 2048)
    assert f.stat().st_size < 3_000_000
    with zipfile.ZipFile(f) as z:
        assert z.getinfo("word/document.xml").file_size > 2 * 1024**3
    assert_refused(
        run_cli(["import", str(f), "-o", str(tmp_path / "x.yaml")], tmp_path),
        f,
        "word/document.xml",
        "limit of 10 MB per member",
    )
    assert not (tmp_path / "x.yaml").exists()


def _lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the central directory so that ``member`` declares ``declared`` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        assert at >= 0
        n = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + n].decode() == member:
            break
        at += 4
    data[at + 24 : at + 28] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_docx_member_bigger_than_it_declares(tmp_path: Path) -> None:
    """A member that declares 100 KB but streams 1 GB: no reader ever gets more than the declared size."""
    f = tmp_path / "liar.docx"
    write_docx_bomb(f, 1024, force_zip64=False)
    _lie_about_size(f, "word/document.xml", 100_000)
    with zipfile.ZipFile(f) as z:
        info = z.getinfo("word/document.xml")
        assert info.file_size == 100_000 and info.compress_size > 1_000_000 / 1030
    line = assert_refused(run_cli(["import", str(f)], tmp_path), f, "word/document.xml")
    assert "CRC" in line or "declared" in line, line


def _docx_with_body(path: Path, body: str) -> None:
    """A .docx with this body, stored uncompressed (so the size and ratio checks pass and the XML scan decides)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
        )


@pytest.mark.parametrize(
    ("kind", "body", "words"),
    [
        (
            "table",
            "<w:tbl>" + ("<w:tr>" + "<w:tc><w:p/></w:tc>" * 50 + "</w:tr>") * 1000 + "</w:tbl>",
            ("limit of 20,000 table cells",),
        ),
        ("deep", "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3000, ("limit of 64 levels",)),
        ("paragraphs", "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 100_000, ("limit of 20,000 paragraphs",)),
        ("entities", "", ("entities",)),
    ],
    ids=["table", "deep", "paragraphs", "entities"],
)
def test_docx_hostile_body(tmp_path: Path, kind: str, body: str, words: tuple[str, ...]) -> None:
    f = tmp_path / f"{kind}.docx"
    if kind == "entities":  # billion laughs in word/document.xml
        with zipfile.ZipFile(f, "w") as z:
            z.writestr("[Content_Types].xml", _CONTENT_TYPES)
            z.writestr("_rels/.rels", _RELS)
            ents = "".join(f'<!ENTITY e{i} "' + f"&e{i - 1};" * 10 + '">' for i in range(1, 10))
            z.writestr(
                "word/document.xml",
                f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "lol">{ents}]>'
                f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&e9;</w:t></w:r>'
                "</w:p></w:body></w:document>",
            )
    else:
        _docx_with_body(f, body)
    assert_refused(run_cli(["import", str(f)], tmp_path), f, *words)


# ------------------------------------------------------------------------------------------------ PDF, text


def write_pdf_pages(path: Path, pages: int) -> None:
    """A valid PDF of ``pages`` empty pages (a few MB for a hundred thousand), with a correct xref table."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Count {pages} /Kids [".encode()
        + b" ".join(f"{i + 3} 0 R".encode() for i in range(pages))
        + b"] >>",
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    path.write_bytes(pdf_bytes(objs))


def pdf_bytes(objs: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalogue) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_page_bomb(tmp_path: Path) -> None:
    f = tmp_path / "pages.pdf"
    write_pdf_pages(f, 100_000)
    assert f.stat().st_size < 20 * 1024 * 1024  # under the document size limit: the page count refuses it
    assert_refused(run_cli(["import", str(f)], tmp_path), f, "limit of 200 pages")


def test_pdf_under_the_page_limit_is_read(tmp_path: Path) -> None:
    """The page count is not a false alarm: a short PDF passes it (and, empty, has no text layer)."""
    f = tmp_path / "short.pdf"
    write_pdf_pages(f, 3)
    r = run_cli(["import", str(f)], tmp_path)
    assert r.code == 2 and "no text layer" in r.stderr, r.stderr


def test_text_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:
        fh.truncate(9 * 1024 * 1024)  # sparse: refused on its size, before reading
    assert_refused(run_cli(["import", str(f)], tmp_path), f, "8 MB limit")


# ------------------------------------------------------------------------------------------------ street data


def write_gzip_bomb(path: Path, head: bytes, unpacked_mb: int, tail: bytes, *, lie: bool = False) -> None:
    """A gzip file of ``head`` + ``unpacked_mb`` MB of spaces + ``tail``, streamed out (a few KB per GB)."""
    chunk = b" " * (1 << 20)
    comp = _RepeatDeflate(chunk)
    crc, size = 0, 0
    with path.open("wb") as fh:
        fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        for piece in [head] + [chunk] * unpacked_mb + [tail]:
            fh.write(comp.compress(piece))
            crc, size = zlib.crc32(piece, crc), size + len(piece)
        fh.write(comp.flush())
        fh.write(crc.to_bytes(4, "little") + ((1000 if lie else size) & 0xFFFFFFFF).to_bytes(4, "little"))


_GRAPHML_HEAD = (
    b'<?xml version="1.0" encoding="utf-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    b'<graph edgedefault="directed"><!--'
)
_GRAPHML_TAIL = b"--></graph></graphml>"


def _plan_with_streets(tmp: Path, streets: str) -> Path:
    plan = yaml.safe_load((ROOT / "data" / "quan12-2023" / "plan.yaml").read_text(encoding="utf-8"))
    plan["streets"] = streets
    f = tmp / "plan.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f


@pytest.mark.parametrize("lie", [False, True], ids=["honest-trailer", "lying-trailer"])
def test_graphml_gzip_bomb_in_a_plan(tmp_path: Path, lie: bool) -> None:
    g = tmp_path / "streets.graphml.gz"
    write_gzip_bomb(g, _GRAPHML_HEAD, 2048, _GRAPHML_TAIL, lie=lie)
    assert g.stat().st_size < 3_000_000
    with gzip.open(g) as fh:  # a valid gzip file
        assert fh.read(len(_GRAPHML_HEAD)) == _GRAPHML_HEAD
    plan = _plan_with_streets(tmp_path, "streets.graphml.gz")
    assert_refused(run_cli(["plan", str(plan), "--out", str(tmp_path / "out")], tmp_path), g, "limit of 150 MB")
    assert not (tmp_path / "out").exists()


def test_graphml_entity_bomb(tmp_path: Path) -> None:
    g = tmp_path / "lol.graphml"
    ents = "".join(f'<!ENTITY e{i} "' + f"&e{i - 1};" * 10 + '">' for i in range(1, 10))
    g.write_text(
        f'<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY e0 "lol">{ents}]><graphml xmlns="http://'
        'graphml.graphdrawing.org/xmlns"><key id="d0" for="node" attr.name="x"/><graph '
        'edgedefault="directed"><node id="n0"><data key="d0">&e9;</data></node></graph></graphml>',
        encoding="utf-8",
    )
    plan = _plan_with_streets(tmp_path, "lol.graphml")
    assert_refused(run_cli(["route", str(plan)], tmp_path), g, "entities")


def test_osm_file_too_large(tmp_path: Path) -> None:
    f = tmp_path / "huge.osm.pbf"
    with f.open("wb") as fh:
        fh.truncate(300 * 1024 * 1024)  # sparse: refused on its size
    assert_refused(
        run_cli(["streets", "import", str(f), "--out", str(tmp_path / "g.graphml")], tmp_path), f, "limit of 250 MB"
    )


def test_osm_node_count_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import paradeplan.geo.osm as osm
    from paradeplan.errors import InputError

    monkeypatch.setattr(osm, "MAX_OSM_NODES", 3)
    with pytest.raises(InputError) as err:
        osm.import_osm(ROOT / "tests" / "data" / "osm" / "tiny.osm")
    assert "limit of 3 nodes" in err.value.lines()[0] and "tiny.osm" in err.value.lines()[0]


# ------------------------------------------------------------------------------------------------ JSON files


def test_posts_json_deep_nesting(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 5_000_000 + "]" * 5_000_000, encoding="utf-8")
    assert_refused(
        run_cli(["posts", "solve", str(f), "--out", str(tmp_path / "s.json")], tmp_path), f, "at most 50 allowed"
    )


def test_posts_json_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.json"
    with f.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    assert_refused(
        run_cli(["posts", "solve", str(f), "--out", str(tmp_path / "s.json")], tmp_path), f, "limit of 20,000,000 bytes"
    )


@pytest.mark.parametrize("kind", ["deep", "large"])
def test_geocode_cache_bomb(tmp_path: Path, kind: str) -> None:
    """A hostile geocoding cache is moved aside with a warning naming it and the limit; the plan's own refusal
    (an unknown place, offline) still names the plan file."""
    cache = tmp_path / "cache"
    cache.mkdir()
    bomb = cache / "geocode.json"
    if kind == "deep":
        bomb.write_text("[" * 5_000_000, encoding="utf-8")
    else:
        with bomb.open("wb") as fh:
            fh.truncate(25 * 1024 * 1024)
    plan = yaml.safe_load((ROOT / "data" / "quan12-2023" / "plan.yaml").read_text(encoding="utf-8"))
    plan["places"].append({"id": "nowhere", "name": "Nơi không có thật"})
    plan["parades"][0]["assembly_place"] = "nowhere"
    f = tmp_path / "plan.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = run_cli(["plan", str(f), "--out", str(tmp_path / "out")], tmp_path)
    assert r.code == 2, r.stderr
    assert r.seconds < MAX_S and r.peak_mb < MAX_MB, (r.seconds, r.peak_mb)
    warning = [ln for ln in r.stderr.splitlines() if "geocoding cache" in ln]
    assert len(warning) == 1 and str(bomb) in warning[0], r.stderr
    assert ("limit of 20 MB" if kind == "large" else "nested deeper than the limit") in warning[0], warning
    assert (cache / "geocode.json.corrupt").exists() and not bomb.exists()
    refusal = [ln for ln in r.stderr.splitlines() if "geocoding cache" not in ln and ln.strip()]
    assert refusal and all(ln.startswith(f"{f}:") for ln in refusal), refusal
    print(f"geocode cache ({kind}): exit {r.code}, {r.seconds:.2f} s, {r.peak_mb:.0f} MB: {warning[0]}")


# ------------------------------------------------------------------------------------------------ no <input>


def _seeds() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "seeds").is_dir():
            return base / "shared" / "seeds"
    return None


@pytest.mark.skipif(_seeds() is None, reason="seed documents not available")
@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_imported_seed_messages_name_the_plan_file(tmp_path: Path, seed: str) -> None:
    """Import a seed, then validate and plan it: every message names the plan file (with a line), never <input>."""
    seeds = _seeds()
    assert seeds is not None
    doc = next(seeds.glob(f"{seed}_*.txt"))
    plan = tmp_path / f"{seed}.yaml"
    r = run_cli(["import", str(doc), "-o", str(plan)], tmp_path)
    assert r.code == 0, r.stderr
    for args in (["validate", str(plan)], ["plan", str(plan), "--out", str(tmp_path / "out")]):
        r = run_cli(args, tmp_path)
        assert "<input>" not in r.stdout + r.stderr
        for ln in (ln for ln in r.stderr.splitlines() if ln.strip()):
            assert ln.startswith(f"{plan}:"), ln
        if r.code == 2:  # a refusal points at the plan's line
            first = r.stderr.splitlines()[0]
            assert first.split(":")[1].isdigit(), first


def test_problem_without_a_file_has_no_placeholder() -> None:
    from paradeplan.errors import InputError, Problem

    assert (
        Problem("unknown language 'xx'", field="--lang", hint="use vi or en").format()
        == "--lang: unknown language 'xx' (use vi or en)"
    )
    err = InputError(problems=[Problem("has no coordinates", field="ceremonies[0].venue")])
    located = err.located("plan.yaml", lambda f: (19, 3))
    assert located.lines() == ["plan.yaml:19:3: ceremonies[0].venue: has no coordinates"]


def zeros_zlib(mib: int) -> bytes:
    """A valid zlib stream of ``mib`` MiB of zero bytes, built from one repeated deflate block (no time spent)."""
    chunk = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    steady = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH) == steady  # each further MiB packs the same
    adler = (((mib << 20) % 65521) << 16) | 1  # Adler-32 of zeros: a = 1, b = length mod 65521
    return b"\x78\xda" + first + steady * (mib - 1) + c.flush() + adler.to_bytes(4, "big")


def write_pdf_stream(path: Path, unpacked_mib: int) -> None:
    """A one-page PDF whose content stream, packed twice with Flate, unpacks to ``unpacked_mib`` MiB."""
    packed = zlib.compress(zeros_zlib(unpacked_mib), 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(packed)} /Filter [/FlateDecode /FlateDecode] >>\nstream\n".encode() + packed + b"\nendstream",
    ]
    path.write_bytes(pdf_bytes(objs))


def test_zeros_zlib_is_a_valid_stream() -> None:
    assert zlib.decompress(zeros_zlib(5)) == bytes(5 << 20)


def test_pdf_flate_bomb_stops_at_the_memory_cap(tmp_path: Path) -> None:
    """10 KB that unpack to 4 GiB: the reading child runs out of its 256 MB address space, in about a second."""
    f = tmp_path / "flate.pdf"
    write_pdf_stream(f, 4096)
    assert f.stat().st_size < 20_000
    assert_refused(run_cli(["import", str(f)], tmp_path), f, "256 MB of memory")


def test_pdf_stream_over_the_stream_limit(tmp_path: Path) -> None:
    """A stream of 48 MiB fits the memory cap but would take pdfminer half a minute to parse: refused unpacked."""
    f = tmp_path / "stream.pdf"
    write_pdf_stream(f, 48)
    assert_refused(run_cli(["import", str(f)], tmp_path), f, "unpacks to more than the limit of 8 MB")


def test_pdf_stream_under_the_limit_is_parsed(tmp_path: Path) -> None:
    """The stream limit is not a false alarm: 1 MiB of content is unpacked and parsed (it holds no text)."""
    f = tmp_path / "small.pdf"
    write_pdf_stream(f, 1)
    r = run_cli(["import", str(f)], tmp_path)
    assert r.code == 2 and "no text layer" in r.stderr, r.stderr


def test_pdf_columns_far_apart_stop_at_the_text_limit(tmp_path: Path) -> None:
    """Rows of columns are written with their gaps as spaces: a PDF whose tiny rows put their last word at the far
    edge of a page as wide as PDF allows would unfold to millions of spaces; it is refused at the text limit."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(unit="pt", format=(14000, 800))
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=1)
    pdf.set_auto_page_break(False)
    for _page in range(2):
        pdf.add_page()
        for k in range(100):
            pdf.text(10, 10 + 6 * k, "a b c")
            pdf.text(13900, 10 + 6 * k, "d")
    f = tmp_path / "wide.pdf"
    pdf.output(str(f))
    assert f.stat().st_size < 1024 * 1024
    assert_refused(run_cli(["import", str(f)], tmp_path), f, "2,000,000 characters")


# ------------------------------------------------------------------------------------------------ the importer's rules
#: A person's attendance written over and over in one paragraph: the rules' cost grows faster than a paragraph's
#: length (a 30 KB line took 6–8 s, a 700 KB one did not end in two minutes before the limit); this one holds 61 KB.
_ONE_CLAUSE = "Đ/c Nguyễn Văn A dự Lễ khai mạc tại Trường THCS B, "
_PLAN_HEAD = "ỦY BAN NHÂN DÂN PHƯỜNG 5\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"


def test_a_paragraph_longer_than_the_rules_read_is_refused_naming_its_line(tmp_path: Path) -> None:
    from paradeplan.importer.reader import MAX_LINE_CHARS

    f = tmp_path / "one-long-paragraph.txt"
    f.write_text(_PLAN_HEAD + "Thời gian: 7 giờ 30 ngày 02/10/2024.\n" + _ONE_CLAUSE * 1_200 + "\n", encoding="utf-8")
    line = assert_refused(run_cli(["import", str(f)], tmp_path), f, f"{MAX_LINE_CHARS:,}", "paragraph")
    assert line.startswith(f"{f}:5:"), line  # the paragraph's own line
    assert "break it into shorter paragraphs" in line


def test_a_document_longer_than_the_rules_read_is_refused(tmp_path: Path) -> None:
    from paradeplan.importer.reader import MAX_IMPORT_CHARS

    f = tmp_path / "many-ceremonies.txt"
    rows = "".join(
        f"- Đ/c Nguyễn Văn {i} dự Lễ khai mạc tại Trường THCS số {i}, lúc 7 giờ 30 ngày 02/10/2024.\n"
        for i in range(MAX_IMPORT_CHARS // 80)
    )
    f.write_text(_PLAN_HEAD + rows, encoding="utf-8")
    assert_refused(run_cli(["import", str(f)], tmp_path), f, f"{MAX_IMPORT_CHARS:,}", "characters")


def test_a_long_paragraph_under_the_limit_is_read(tmp_path: Path) -> None:
    """The limit is no false alarm: a plan's paragraph of some thousands of characters (a long "Căn cứ" list) is
    read, and the plan still comes out."""
    from paradeplan.importer.reader import MAX_LINE_CHARS

    basis = "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/9/2024 của Ủy ban nhân dân Quận về học tập suốt đời; "
    long_line = basis * (MAX_LINE_CHARS // len(basis) - 1)
    f = tmp_path / "long-basis.txt"
    f.write_text(
        _PLAN_HEAD + long_line + "\nLễ khai mạc tổ chức lúc 7 giờ 30 ngày 02/10/2024 tại Trường THCS Nguyễn Ảnh Thủ.\n",
        encoding="utf-8",
    )
    r = run_cli(["import", str(f), "--out", str(tmp_path / "plan.yaml")], tmp_path)
    assert r.code == 0, r.stderr[-2000:]
    assert "07:30" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
