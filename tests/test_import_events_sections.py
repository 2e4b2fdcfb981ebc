"""Ceremonies told under headings and in officials' itineraries: each ceremony's own time and venue, never the one
before's; an area is no venue; units told to hold a ceremony "or combine it" get no placeholder. Each test writes
its own text (no corpus document) and checks one rule."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer import import_text
from paradeplan.importer.extract import extract

PLAN = (
    "ỦY BAN NHÂN DÂN\nHUYỆN CỦ CHI\nSố: 902/KH-UBND\nCủ Chi, ngày 08 tháng 9 năm 2023\nKẾ HOẠCH\n"
    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 trên địa bàn huyện\n"
    "II. NỘI DUNG\n"
    "1. Lễ phát động cấp huyện\n"
    "Vào lúc 7 giờ 15, thứ Hai ngày 02/10/2023 tại Hội trường Ủy ban nhân dân huyện Củ Chi.\n"
    "2. Lễ phát động tại địa bàn phía Tây của huyện\n"
    "Sáng hôm sau, lúc 8 giờ 15, tại Nhà văn hóa xã Tân Thạnh Đông. Giao UBND xã Tân Thạnh Đông chủ trì.\n"
    "3. Cấp xã\n"
    "Các xã, thị trấn tổ chức lễ phát động hoặc lồng ghép phát động trong ngày 02/10/2023 cho phù hợp.\n"
    "III. PHÂN CÔNG\n"
    "- Ông Phạm Quốc Việt, Phó Chủ tịch UBND huyện: dự Lễ phát động cấp huyện tại Hội trường Ủy ban nhân dân "
    "huyện Củ Chi, sau đó dự Lễ phát động cấp xã tại Trường Tiểu học Phước Thạnh (xã Phước Thạnh) "
    "lúc 10 giờ 30 cùng ngày.\n"
)


def _got(ex):
    return [(c.date, c.time, c.place) for c in ex.events.ceremonies if c.date or c.time or c.place]


def test_a_headings_paragraph_gives_its_ceremony_time_venue_and_relative_day_and_an_area_is_no_venue():
    ex = extract(PLAN, "kh.txt")
    got = _got(ex)
    assert (date(2023, 10, 3), time(8, 15), "Nhà văn hóa xã Tân Thạnh Đông") in got
    assert not any("phía Tây" in (p or "") for _d, _t, p in got)
    west = next(c for c in ex.events.ceremonies if c.time == time(8, 15))
    assert [u.name for u in west.host.units] == ["Tân Thạnh Đông"]  # "Giao UBND xã Tân Thạnh Đông chủ trì"


def test_a_second_visit_in_an_itinerary_is_its_own_ceremony_with_its_own_venue_and_unit():
    ex = extract(PLAN, "kh.txt")
    visit = [c for c in ex.events.ceremonies if c.time == time(10, 30)]
    assert [(c.date, c.place) for c in visit] == [(date(2023, 10, 2), "Trường Tiểu học Phước Thạnh")]
    assert [u.name for u in visit[0].host.units] == ["Phước Thạnh"]
    official = ex.events.officials[0]
    assert official.targets == ["Hội trường Ủy ban nhân dân huyện Củ Chi", "Trường Tiểu học Phước Thạnh"]


def test_units_told_to_hold_or_combine_a_ceremony_get_one_open_item_and_no_placeholder():
    res = import_text(PLAN, "kh.txt")
    written = res.written_ceremonies()
    assert sorted((c["date"], c["time"]) for c in written) == [
        ("2023-10-02", "07:15"),
        ("2023-10-02", "10:30"),
        ("2023-10-03", "08:15"),
    ]
    assert not any("hoặc" in c["name"] for c in written)
    assert len([o for o in res.data["open_items"] if o["field"] == "ceremonies"]) == 1
    assert [len(p["wishes"]) for p in res.data["people"]] == [2]


def test_a_ceremony_venue_the_street_data_names_is_located_there_not_at_the_seat():
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN CHÁNH HIỆP\nSố: 64/KH-UBND\nTân Chánh Hiệp, ngày 12 tháng 9 năm 2023\n"
        "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2023\n"
        "1. Lễ khai mạc cấp phường: lúc 7 giờ 30 ngày 02/10/2023 tại Trường Mầm non Họa Mi 2.\n"
    )
    res = import_text(text, "kh.txt")
    venue = next(p for p in res.data["places"] if p["name"] == "Trường Mầm non Họa Mi 2")
    assert not venue.get("approximate") and abs(venue["lat"] - 10.8772) < 0.001 and abs(venue["lon"] - 106.6408) < 0.001
    assert not [o for o in res.data["open_items"] if o["field"] == "ceremonies[0].venue"]
    # the venue's pin, and the ceremony's length (its start only is stated: the plan's usual length, issue 24)
    assert [d["field"] for d in res.data["decisions"]] == ["ceremonies[0].window_end", "places[0]"]


DISTRICT = (
    "ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\nSố: 3300/KH-UBND\nGò Vấp, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"
    "1. Lễ khai mạc cấp quận: lúc 7 giờ 00 ngày 01/10/2024 tại Hội trường Ủy ban nhân dân quận Gò Vấp.\n"
    "2. UBND phường tổ chức Lễ khai mạc cấp phường lúc 8 giờ 30 ngày 02/10/2024 tại Trung tâm học tập cộng đồng.\n"
)


def test_a_bare_kind_below_the_issuer_is_every_unit_unnamed_one_open_item_no_placeholders():
    res = import_text(DISTRICT, "kh.txt")
    assert [(c["date"], c["time"]) for c in res.written_ceremonies()] == [("2024-10-01", "07:00")]
    assert len([o for o in res.data["open_items"] if o["field"] == "ceremonies"]) == 1


def test_a_bare_kind_that_is_the_issuers_own_holds_its_ceremony():
    ward = DISTRICT.replace("QUẬN GÒ VẤP", "PHƯỜNG THẠNH LỘC").replace("Gò Vấp, ngày", "Thạnh Lộc, ngày")
    res = import_text(ward.replace("1. Lễ khai mạc cấp quận", "1. Buổi gặp mặt"), "kh.txt")
    assert [(c["date"], c["time"]) for c in res.written_ceremonies()] == [("2024-10-02", "08:30")]


def test_a_schools_own_yard_is_the_issuing_school():
    text = (
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN GÒ VẤP\nTRƯỜNG THCS AN NHƠN\nSố: 12/KH-THCS\n"
        "Gò Vấp, ngày 20 tháng 9 năm 2024\nKẾ HOẠCH\nLễ ra quân Tuần lễ học tập suốt đời\n"
        "II. THỜI GIAN, ĐỊA ĐIỂM\nThứ Tư, 02/10/2024, tại sân trường.\nIII. CHƯƠNG TRÌNH\n"
        "| Thời gian | Nội dung | Phụ trách |\n"
        "| 7g00 - 7g20 | Lễ ra quân: chào cờ, đọc thư phát động | Ban Giám hiệu |\n"
    )
    got = [(c.date, c.time, c.place) for c in extract(text, "kh.txt").events.ceremonies]
    assert got == [(date(2024, 10, 2), time(7, 0), "Trường THCS An Nhơn")]


def test_an_invitations_lead_time_is_no_part_of_the_ceremonys_name():
    text = (
        "UBND TỈNH BÌNH DƯƠNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 310/GM-SGDĐT\nBình Dương, ngày 22 tháng 9 năm 2024\n"
        "GIẤY MỜI\nKính mời: Đại diện lãnh đạo các phòng, ban.\nĐến dự Lễ khai mạc Tuần lễ học tập suốt đời năm 2024.\n"
        "Thời gian: 08 giờ 00 phút, thứ Ba ngày 01/10/2024.\nĐịa điểm: Hội trường Sở Giáo dục và Đào tạo.\n"
        "Đề nghị đại biểu có mặt trước giờ khai mạc 20 phút.\n"
    )
    written = import_text(text, "gm.txt").written_ceremonies()
    assert [(c["date"], c["time"]) for c in written] == [("2024-10-01", "08:00")]
    assert "phút" not in written[0]["name"]


def test_in_a_plan_of_one_ceremony_a_person_who_attends_goes_to_that_ceremony():
    text = (
        "ỦY BAN NHÂN DÂN\nQUẬN TÂN BÌNH\nSố: 512/KH-UBND\nTân Bình, ngày 05 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Lễ phát động Tuần lễ học tập suốt đời năm 2024\n1. Thời gian, địa điểm\n"
        "Lễ phát động được tổ chức vào 19 giờ 30 phút tối thứ Sáu, ngày 04/10/2024 tại Nhà Văn hóa Thiếu nhi.\n"
        "2. Thành phần\nĐồng chí Trần Văn Hải, Phó Chủ tịch UBND quận, dự và phát biểu; các phường cử 30 đại biểu.\n"
    )
    ex = extract(text, "kh.txt")
    assert [(o.name, o.targets) for o in ex.events.officials] == [
        ("Đồng chí Trần Văn Hải, Phó Chủ tịch UBND quận", ["Nhà Văn hóa Thiếu nhi"])
    ]


def test_a_ceremony_heading_with_its_own_time_and_venue_keeps_it_when_an_official_goes_on_to_another() -> None:
    """ "1. Lễ phát động cấp phường / - Thời gian … / - Địa điểm … / - Đồng chí A dự Lễ phát động, sau đó dự Lễ khai
    mạc cấp quận lúc 9 giờ tại B": two ceremonies; the heading is no list title of the district one."""
    import random

    r = random.Random(7)
    for _ in range(12):
        kind = r.choice(("Lễ phát động", "Lễ khai mạc", "Lễ ra quân"))
        other = r.choice(("Lễ khai mạc Tuần lễ cấp quận", "Lễ khai mạc cấp huyện", "Lễ phát động cấp tỉnh"))
        venue = r.choice(("sân trụ sở UBND Phường 5", "Nhà văn hóa xã Tân Thông", "Trường THCS Lý Tự Trọng"))
        text = (
            "ỦY BAN NHÂN DÂN PHƯỜNG 5\nPhường 5, ngày 21 tháng 9 năm 2020\nKẾ HOẠCH\nTổ chức Tuần lễ học tập\n"
            "II. NỘI DUNG HOẠT ĐỘNG\n"
            f"1. {kind} Tuần lễ cấp phường\n"
            "- Thời gian: 07 giờ 30 phút, thứ Bảy ngày 03/10/2020.\n"
            f"- Địa điểm: {venue}.\n"
            f"- Đồng chí Võ Thị Lan, Bí thư Đảng ủy dự {kind}, sau đó dự {other} lúc 09 giờ 00 cùng ngày tại "
            "Trung tâm Văn hóa quận Gò Vấp.\n"
            "2. Báo cáo\nCác bộ phận báo cáo kết quả trước ngày 12/10/2020.\n"
        )
        got = sorted(_got(extract(text, "x.txt")), key=lambda c: c[1])
        assert [(d, t) for d, t, _ in got] == [(date(2020, 10, 3), time(7, 30)), (date(2020, 10, 3), time(9, 0))], text
        assert "Trung tâm Văn hóa quận Gò Vấp" in (got[1][2] or ""), text


def test_and_inside_an_institutions_name_keeps_the_venue_whole_and_before_a_verb_or_a_place_ends_it() -> None:
    import random

    r = random.Random(11)
    names = (
        "Trung tâm Văn hóa - Thông tin và Thể thao huyện Bố Trạch",
        "Hội trường Phòng Giáo dục và Đào tạo huyện Krông Pắc",
        "Trung tâm Văn hóa, Thể thao và Du lịch thị xã Ba Đồn",
        "Nhà văn hóa xã Tân Thông",
    )
    for _ in range(12):
        venue = r.choice(names)
        tail = r.choice(("", " và tổ chức diễu hành xe hoa sau buổi lễ", " và Trường Tiểu học Hoàn Lão"))
        text = (
            "ỦY BAN NHÂN DÂN HUYỆN\nNgày 15 tháng 9 năm 2022\nKẾ HOẠCH\nTuần lễ học tập suốt đời\n"
            f"1. Lễ khai mạc cấp huyện được tổ chức lúc 7 giờ 30 phút ngày 03/10/2022 tại {venue}{tail}.\n"
        )
        got = _got(extract(text, "x.txt"))
        assert [p for _, _, p in got] == [venue], text
