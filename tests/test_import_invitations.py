"""Invitations (GIẤY MỜI, THƯ MỜI), generated in several layouts: one to a ceremony plans that ceremony with the
letter's own time, date and venue, each person invited by name attending it; one to a meeting is nothing to plan
(exit 2), whatever the meeting's agenda says about the coming ceremony or parade."""

from __future__ import annotations

import random
from datetime import date, time

import pytest

from paradeplan.errors import InputError
from paradeplan.importer import import_text

DAY_WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
PEOPLE = (
    ("Vũ Thị Thu Hà", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Ngô Quang Huy", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("Đặng Văn Khải", "Chủ tịch Hội Khuyến học tỉnh"),
)
VENUES = ("Trung tâm học tập cộng đồng phường Hạ Long", "Trung tâm Văn hóa - Nghệ thuật tỉnh Lâm Đồng")


def _head(r: random.Random, year: int) -> str:
    issuer = r.choice(("ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"))
    return f"{issuer}\nSố: {r.randint(10, 900)}/GM-UBND\nHạ Long, ngày 20 tháng 9 năm {year}\n"


def _when(r: random.Random, day: date, at: time) -> str:
    if day.day <= 10 and r.random() < 0.4:
        d = f"ngày mùng {DAY_WORDS[day.day]} tháng Mười năm {day.year}"
    else:
        d = f"ngày {day.day:02d}/{day.month:02d}/{day.year}"
    t = r.choice(
        (f"{at.hour}h{at.minute:02d}'", f"{at.hour:02d} giờ {at.minute:02d} phút", f"{at.hour}g{at.minute:02d}")
    )
    return f"{t}, thứ {r.choice(('Năm', 'Sáu'))}, {d}"


@pytest.mark.parametrize("seed", range(3))
def test_an_invitation_to_a_ceremony_plans_it_with_its_invitees(seed: int) -> None:
    r = random.Random(seed)
    for _ in range(8):
        year = r.choice((2022, 2024, 2026))
        day, at = date(year, 10, r.randint(1, 10)), time(r.choice((8, 14)), r.choice((0, 30)))
        venue = r.choice(VENUES)
        kind = r.choice(("Lễ khai mạc", "Lễ phát động"))
        subject = f"Dự {kind} Tuần lễ hưởng ứng học tập suốt đời năm {year}"
        title = f"GIẤY MỜI\n{subject}" if r.random() < 0.5 else f"THƯ MỜI {subject}"
        people = r.sample(PEOPLE, r.randint(1, 3))
        invited = "".join(f"- Đồng chí {n}, {t};\n" for n, t in people)
        invited += "- Đại diện lãnh đạo các phòng, ban, đơn vị thuộc phường.\n"
        when = _when(r, day, at)
        fields = (
            f"| Thời gian | {when} |\n| Địa điểm | {venue}, số 15 đường Lê Thánh Tông |\n"
            if r.random() < 0.5
            else f"Thời gian: {when}.\nĐịa điểm: {venue} (số 15 đường Lê Thánh Tông).\n"
        )
        text = (
            _head(r, year)
            + title
            + f"\nBan Tổ chức trân trọng kính mời:\n{invited}Tới dự {kind}.\n{fields}"
            + "Đề nghị các đại biểu có mặt trước 15 phút.\nTM. BAN TỔ CHỨC\nTRƯỞNG BAN\nBùi Thị Lan\n"
        )
        data = import_text(text, "gm.docx").data
        [c] = data["ceremonies"]
        place = {p["id"]: p["name"] for p in data["places"]}[c["venue"]]
        assert (c["date"], c["window_start"][:5]) == (day, at.strftime("%H:%M")), text
        assert place.startswith(venue), text  # its address may follow ("…, số 15 đường Lê Thánh Tông")
        assert sorted(p["name"] for p in data["people"]) == sorted(n for n, _t in people), text
        assert all(p["wishes"] == [c["id"]] for p in data["people"]), text


@pytest.mark.parametrize(
    "subject",
    [
        "Họp triển khai kế hoạch tổ chức Tuần lễ học tập suốt đời",
        "Dự Hội nghị triển khai Tuần lễ hưởng ứng học tập suốt đời",
        "Họp Ban Chỉ đạo xây dựng xã hội học tập",
        "V/v dự cuộc họp chuẩn bị Lễ khai mạc và đoàn xe diễu hành",
    ],
)
def test_an_invitation_to_a_meeting_is_nothing_to_plan(subject: str) -> None:
    text = (
        _head(random.Random(1), 2025)
        + f"GIẤY MỜI\n{subject}\nỦy ban nhân dân phường trân trọng kính mời:\n- Đồng chí Võ Thanh Tùng, Phó Chủ tịch;\n"
        "Nội dung: góp ý dự thảo kế hoạch (Lễ khai mạc, diễu hành xe hoa tuyên truyền).\n"
        "Thời gian: 14 giờ 00, thứ Tư, ngày 24/9/2025.\nĐịa điểm: Phòng họp số 2, UBND phường.\n"
    )
    with pytest.raises(InputError) as err:
        import_text(text, "gm.txt")
    assert "cuộc họp" in str(err.value) or "meeting" in str(err.value)
