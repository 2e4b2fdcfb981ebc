"""Property test: whatever the text, the importer gives a valid plan or an InputError, never anything else."""

from __future__ import annotations

import contextlib
import html
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.reader import decode_text, read_document
from paradeplan.plan.planfile import plan_from_text

WORDS = [
    "Lộ trình:",
    "→",
    "->",
    "-",
    "–",
    "đường",
    "Ngã 3",
    "Ngã 4",
    "UBND",
    "quận",
    "phường",
    "(quay đầu)",
    "(kết thúc)",
    "Vòng xoay",
    "Cầu",
    "Trường THCS",
    "Quốc lộ 1",
    "Lê Lợi",
    "Xe hoa:",
    "06",
    "xe",
    "cảnh sát",
    "(02 xe mở đường, 04 xe bảo vệ lộ trình)",
    "mô tô",
    "xe loa",
    "của",
    "Thời gian tập trung:",
    "7 giờ 30 phút",
    "7h30",
    "07:30",
    "ngày",
    "02/10/2023",
    "tháng 10 năm 2023",
    "từ ngày",
    "đến ngày",
    "Lễ khai mạc",
    "tại",
    "trước ngày 11/10/2023",
    "báo cáo",
    "không quá 15 km/giờ",
    "Địa điểm xuất phát:",
    "tập trung tại",
    "\n",
    "\n\n",
    ":",
    ".",
    ",",
    ";",
    "(",
    ")",
    "**",
    "“",
    "”",
    "Chủ đề",
    "KẾ HOẠCH",
    "99999 xe",
    "31/02/2023",
    "0 xe hoa",
    "24h61",
    "Số: 12/KH",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    try:
        result = import_text(text, "random.txt")
    except InputError:
        return
    plan_from_text(result.yaml_text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_plan_like_text_gives_a_valid_plan(text):
    try:
        result = import_text(text, "words.txt")
    except InputError:
        return
    plan = plan_from_text(result.yaml_text)
    assert plan.event.name
    summary = result.summary()
    for f in summary["forces"]:
        assert f["count"] >= 1


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_decode_or_input_error(data):
    try:
        text = decode_text(data, "bytes.txt")
    except InputError as err:
        assert "bytes.txt" in err.lines()[0]
        return
    with contextlib.suppress(InputError):
        import_text(text, "bytes.txt")


# ---------------------------------------------------------------------------------------- hostile documents

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_TYPES = [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "text/plain",
    "",
]


def _real_docx(tmp_path_factory_dir: Path) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH Tổ chức diễu hành ngày 02/10/2023. Lộ trình: Lê Văn Khương → Quốc lộ 1 (quay đầu)")
    t = d.add_table(rows=3, cols=3)
    for r in t.rows:
        for c in r.cells:
            c.text = "06 xe"
    path = tmp_path_factory_dir / "real.docx"
    d.save(str(path))
    return path.read_bytes()


def _expect_clean(path: Path) -> None:
    """Reading ``path`` gives text or one InputError naming the file; nothing else escapes."""
    try:
        text = read_document(path)
    except InputError as err:
        lines = err.lines()
        assert len(lines) == 1 and lines[0].startswith(str(path)), lines
        return
    assert isinstance(text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 20_000), flips=st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 255)), max_size=8))
def test_broken_zip_is_refused_cleanly(tmp_path: Path, cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(_REAL.get("docx") or _real_docx(tmp_path))
    _REAL["docx"] = bytes(data)
    for at, value in flips:
        data[at % len(data)] = value
    f = tmp_path / "broken.docx"
    f.write_bytes(bytes(data[: len(data) - cut % len(data)] if cut else data))
    _expect_clean(f)


_REAL: dict[str, bytes] = {}


def _docx(path: Path, content_type: str, body: str, extra: dict[str, str] | None = None) -> None:
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{content_type}"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
        )
        for name, text in (extra or {}).items():
            z.writestr(name, text)


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(html.escape)
_paragraph = _cell.map(lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
_table = st.tuples(st.integers(1, 300), st.integers(1, 120), _cell).map(
    lambda s: (
        "<w:tbl>"
        + ("<w:tr>" + f"<w:tc><w:p><w:r><w:t>{s[2]}</w:t></w:r></w:p></w:tc>" * s[1] + "</w:tr>") * s[0]
        + "</w:tbl>"
    )
)
_deep = st.integers(1, 400).map(lambda n: "<w:tbl><w:tr><w:tc>" * n + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * n)
_junk = st.binary(max_size=200).map(lambda b: b.decode("latin-1"))


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    content_type=st.sampled_from([_MAIN, *_OTHER_TYPES]),
    parts=st.lists(st.one_of(_paragraph, _table, _deep, _junk), max_size=4),
)
def test_hostile_docx_is_read_or_refused_cleanly(tmp_path: Path, content_type: str, parts: list[str]) -> None:
    """Wrong content types, huge tables, deep nesting and junk in the XML: text, or one clean refusal."""
    f = tmp_path / "hostile.docx"
    _docx(f, content_type, "".join(parts))
    _expect_clean(f)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".docx", ".pdf", ".md", ""]))
def test_binary_junk_with_any_suffix_is_refused_cleanly(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = tmp_path / f"junk{suffix}"
    f.write_bytes(data)
    _expect_clean(f)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    head=st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"]),
    tail=st.binary(max_size=2000),
)
def test_broken_pdf_is_refused_cleanly(tmp_path: Path, head: bytes, tail: bytes) -> None:
    f = tmp_path / "broken.pdf"
    f.write_bytes(head + tail)
    _expect_clean(f)
