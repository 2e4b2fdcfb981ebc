"""Property test: whatever the text, the importer gives a valid plan or an InputError, never anything else."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.reader import decode_text
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
