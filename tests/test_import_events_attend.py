"""Ceremonies and officials' attendances read by shape: generated plans in several layouts (seeded)."""

from __future__ import annotations

import random
from datetime import time

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.text import fold

PEOPLE = ("Lê Văn Hùng", "Trần Thị Thủy", "Nguyễn Minh Đức", "Phạm Thị Lan", "Hoàng Quốc Việt")
TITLES = ("Phó Chủ tịch UBND huyện", "Trưởng phòng GD&ĐT", "Chủ tịch UBND phường An Lạc", "Giám đốc Sở GD&ĐT")
UNITS = ("xã Tân Phú", "phường Bình Hòa", "xã Đông Thạnh", "phường An Khánh", "xã Vĩnh Lộc")
VENUES = ("Trung tâm học tập cộng đồng", "Nhà văn hóa", "Trường Tiểu học")
SEPARATORS = (" → ", " -> ", "; sau đó dự ", ", rồi dự ", " ➡️ ")


def _ceremonies(r: random.Random) -> list[tuple[str, time]]:
    """Two or three ceremonies at distinct units, in the order of the day."""
    units = r.sample(UNITS, r.randint(2, 3))
    hours = sorted(r.sample((7, 8, 9, 10, 14, 15), len(units)))
    return [(u, time(h, r.choice((0, 30)))) for u, h in zip(units, hours, strict=True)]


def _schedule(r: random.Random, cers: list[tuple[str, time]], venue: str) -> list[str]:
    """The ceremonies in one of several layouts: lettered items under a heading, bullets, labelled lines."""
    layout = r.randrange(3)
    lines = ["2. Lễ khai mạc tại cấp xã" if layout == 0 else "2. Các lễ khai mạc:"]
    for k, (u, t) in enumerate(cers):
        hhmm = f"{t.hour}h{t.minute:02d}" if r.random() < 0.5 else f"{t.hour} giờ {t.minute:02d}"
        if layout == 0:
            lines.append(f"{'abc'[k]}) {u[0].upper()}{u[1:]}: {hhmm} ngày 02/10/2024, tại {venue} {u}.")
        elif layout == 1:
            lines.append(f"- Lễ khai mạc tại {u}: {hhmm} ngày 02/10/2024, tại {venue} {u}.")
        else:
            lines.append(f"- {u[0].upper()}{u[1:]} tổ chức Lễ khai mạc lúc {hhmm} ngày 02/10/2024 tại {venue} {u}.")
    return lines


def _officials(r: random.Random, cers: list[tuple[str, time]]) -> dict[str, list[str]]:
    """Who attends which ceremonies (units, in order), each official at least one."""
    out = {}
    for who in r.sample(PEOPLE, r.randint(1, 3)):
        k = r.randint(1, len(cers))
        out[who] = [u for u, _t in sorted(r.sample(cers, k), key=lambda c: c[1])]
    return out


def _assignment(r: random.Random, who: str, units: list[str]) -> str:
    """One official's line: their title, then their ceremonies joined by any separator."""
    sep = r.choice(SEPARATORS)
    refs = sep.join(f"Lễ khai mạc {u}" for u in units)
    lead = r.choice(("Đ/c", "Đồng chí", "Ông" if "Thị" not in who else "Bà"))
    return f"- {lead} {who}, {r.choice(TITLES)}: {'dự ' if r.random() < 0.5 else ''}{refs}."


@pytest.mark.parametrize("seed", range(4))
def test_officials_sequences_in_any_notation_attach_to_the_ceremonies_read(seed: int) -> None:
    r = random.Random(seed)
    for _ in range(12):
        cers = _ceremonies(r)
        venue = r.choice(VENUES)
        officials = _officials(r, cers)
        text = "\n".join(
            [
                "KẾ HOẠCH",
                "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024",
                *_schedule(r, cers, venue),
                "3. Phân công lãnh đạo dự",
                *(_assignment(r, who, units) for who, units in officials.items()),
                "4. Tổ chức thực hiện",
                "UBND các xã, phường: chuẩn bị lễ khai mạc; báo cáo kết quả trước ngày 15/10/2024.",
            ]
        )
        ex = extract(text, "kh.txt")
        got = sorted((c.time, fold(c.place or "")) for c in ex.events.ceremonies)
        assert got == sorted((t, fold(f"{venue} {u}")) for u, t in cers), text
        read = {fold(o.name): [fold(x) for x in o.targets] for o in ex.events.officials}
        for who, units in officials.items():
            name = next((n for n in read if fold(who) in n), None)
            assert name is not None, text
            want = [fold(f"{venue} {u}") for u in units]  # a target names its ceremony by venue or by unit
            assert len(read[name]) == len(want) and all(t in w for t, w in zip(read[name], want, strict=True)), text


def test_a_delegations_itinerary_goes_to_every_member_and_clock_times_are_no_names() -> None:
    text = (
        "KẾ HOẠCH\nĐoàn công tác dự Lễ khai mạc Tuần lễ năm 2026\n"
        "I. THÀNH PHẦN ĐOÀN\n- Đồng chí Phạm Hoàng Sơn, Phó Chủ tịch UBND tỉnh - Trưởng đoàn;\n"
        "- Đồng chí Ma Thị Nguyệt, Giám đốc Sở Giáo dục và Đào tạo;\n- Đại diện lãnh đạo Văn phòng UBND tỉnh.\n"
        "II. LỊCH TRÌNH (thứ Năm, ngày 01/10/2026)\n- 06h30: Đoàn xuất phát từ trụ sở UBND tỉnh.\n"
        "- 07h30 - 08h30: Dự Lễ khai mạc Tuần lễ tại Trung tâm học tập cộng đồng xã Phú Bình.\n"
        "- 08h30 - 09h15: Di chuyển từ xã Phú Bình đến xã Đại Phúc.\n"
        "- 09h30: Dự Lễ khai mạc Tuần lễ tại Nhà văn hóa xã Đại Phúc, tặng sách cho Thư viện xã.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. UBND xã Phú Bình, xã Đại Phúc: chuẩn bị chương trình lễ khai mạc.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(c.time, c.place) for c in ex.events.ceremonies] == [
        (time(7, 30), "Trung tâm học tập cộng đồng xã Phú Bình"),
        (time(9, 30), "Nhà văn hóa xã Đại Phúc"),
    ]
    assert sorted(o.name for o in ex.events.officials) == ["Ma Thị Nguyệt", "Phạm Hoàng Sơn"]
    assert all(len(o.targets) == 2 for o in ex.events.officials)


def test_a_weekly_calendar_dates_its_ceremonies_by_day_heading_and_shares_a_row_between_officials() -> None:
    text = (
        "LỊCH CÔNG TÁC TUẦN 40\n(Từ ngày 30/9/2019 đến ngày 06/10/2019)\nTHỨ HAI (30/9)\n"
        "- 7h30: Chủ tịch UBND huyện họp giao ban tuần. Địa điểm: Phòng họp số 1.\nTHỨ BA (01/10)\nSáng:\n"
        "- 7h00: Đ/c Lê Văn Hùng, PCT UBND huyện; Đ/c Trần Thị Thủy, Trưởng phòng GD&ĐT dự Lễ khai mạc Tuần lễ "
        "cấp huyện. Địa điểm: Trung tâm Văn hóa - Thể thao huyện.\n"
        "- 9h30: Đ/c Lê Văn Hùng dự Lễ khai mạc Tuần lễ tại TTHTCĐ xã Hải Thượng.\n"
        "THỨ TƯ (02/10)\n- 8h00: Chủ tịch UBND huyện dự Hội nghị Ban Chấp hành. Địa điểm: Hội trường Huyện ủy.\n"
    )
    ex = extract(text, "lich.txt")
    assert [(str(c.date), c.time) for c in ex.events.ceremonies] == [
        ("2019-10-01", time(7, 0)),
        ("2019-10-01", time(9, 30)),
    ]
    targets = {o.name.replace("Đ/c ", ""): len(o.targets) for o in ex.events.officials}
    assert targets == {"Lê Văn Hùng": 2, "Trần Thị Thủy": 1}


@pytest.mark.parametrize("seed", range(3))
def test_a_matrix_of_officials_and_marks_gives_each_official_the_marked_ceremonies_in_row_order(seed: int) -> None:
    from paradeplan.importer.reader import rows_lines

    r = random.Random(seed)
    for _ in range(10):
        cers = _ceremonies(r)
        who = r.sample(PEOPLE, r.randint(2, 4))
        mark = r.choice(("x", "X", "✓", "x"))
        marked = {p: [k for k in range(len(cers)) if r.random() < 0.6] or [0] for p in who}
        header = [r.choice(("Lễ khai mạc", "Lễ", "Buổi lễ"))] + [f"Đ/c {p}, {r.choice(TITLES)}" for p in who]
        rows = [[u] + [mark if k in marked[p] else "" for p in who] for k, (u, _t) in enumerate(cers)]
        lines = rows_lines([header, *rows])
        sched = [
            f"- Lễ khai mạc tại {u}: {t.hour}h{t.minute:02d} ngày 02/10/2024, tại Nhà văn hóa {u}." for u, t in cers
        ]
        text = "\n".join(["KẾ HOẠCH", "1. Các lễ khai mạc:", *sched, "2. Lãnh đạo dự", *lines])
        ex = extract(text, "kh.txt")
        read = {fold(o.name): [fold(x) for x in o.targets] for o in ex.events.officials}
        for p in who:
            name = next((n for n in read if fold(p) in n), None)
            assert name is not None, text
            want = [fold(f"Nhà văn hóa {cers[k][0]}") for k in marked[p]]
            assert len(read[name]) == len(want) and all(t in w for t, w in zip(read[name], want, strict=True)), text


def test_a_matrix_whose_cells_are_not_marks_is_no_attendance_matrix() -> None:
    from paradeplan.importer.tables import matrix_officials

    header = ["Lễ khai mạc", "Đ/c Lê Văn A", "Đ/c Trần Thị B"]
    assert matrix_officials(header, [["Cấp tỉnh", "x", ""], ["Xã C", "", "x"]])
    assert not matrix_officials(header, [["Cấp tỉnh", "7h30", "Hội trường"], ["Xã C", "", "x"]])
    assert not matrix_officials(["Lễ", "Thời gian", "Địa điểm"], [["Cấp tỉnh", "x", "x"]])


NOT_CEREMONIES = (
    "UBND {u}: chuẩn bị lễ khai mạc tại địa phương.",
    "UBND {u}: tổ chức lễ khai mạc cấp xã{d}.",
    "Cùng ngày, các xã, phường còn lại cũng đồng loạt khai mạc Tuần lễ.",
    "Họp Ban tổ chức chuẩn bị Lễ khai mạc lúc 14h00 ngày 25/9/2024 tại phòng họp UBND huyện.",
    "Các xã báo cáo kết quả Lễ khai mạc về UBND huyện trước ngày 15/10/2024.",
    "Đài Truyền thanh huyện đưa tin về Lễ khai mạc.",
    "Văn phòng chuẩn bị hậu cần cho Lễ khai mạc cấp xã.",
)


@pytest.mark.parametrize("seed", range(3))
def test_tasks_meetings_reports_and_others_ceremonies_are_no_new_ceremony(seed: int) -> None:
    r = random.Random(70 + seed)
    for _ in range(15):
        cers = _ceremonies(r)
        venue = r.choice(VENUES)
        u, t = r.choice(cers)
        again = (
            f"UBND {u}: tổ chức lễ khai mạc lúc {t.hour}h{t.minute:02d} ngày 02/10/2024.",
            f"UBND {u} chủ trì tổ chức Lễ khai mạc tại {venue} {u}.",
        )
        days = ("", " ngày 02/10/2024")
        noise = [x.format(u=r.choice(cers)[0], d=r.choice(days)) for x in r.sample(NOT_CEREMONIES, r.randint(1, 4))]
        text = "\n".join(
            ["KẾ HOẠCH", "Tổ chức Tuần lễ năm 2024", *_schedule(r, cers, venue), "3. Tổ chức thực hiện", *noise]
            + r.sample(again, 1)
        )
        got = sorted((str(c.time), fold(c.place or "")) for c in extract(text, "kh.txt").events.ceremonies)
        assert got == sorted((str(t), fold(f"{venue} {u}")) for u, t in cers), text


def test_a_persons_name_and_title_as_offices_write_them() -> None:
    """The plan's person is the name without honorific; the title is kept as the person's role."""
    from paradeplan.importer.weekplan import person_and_title

    cases = {
        "Đ/c Lục Văn Thắng (Phó Chủ tịch UBND tỉnh)": ("Lục Văn Thắng", "Phó Chủ tịch UBND tỉnh"),
        "bà Lê Thị Na, Chủ tịch UBND xã": ("Lê Thị Na", "Chủ tịch UBND xã"),
        "Đồng chí Trần Văn Bình - Bí thư Đảng ủy": ("Trần Văn Bình", "Bí thư Đảng ủy"),
        "ông Hồ Văn Bình, Phó Giám đốc Sở": ("Hồ Văn Bình", "Phó Giám đốc Sở"),
        "Nguyễn Thị Hồng Vân": ("Nguyễn Thị Hồng Vân", None),
        "Chủ tịch UBND xã": ("Chủ tịch UBND xã", None),  # a title alone names no person
        "Lãnh đạo UBND quận": ("Lãnh đạo UBND quận", None),
    }
    for text, want in cases.items():
        assert person_and_title(text) == want, text
