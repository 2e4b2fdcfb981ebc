"""A turn said with the junction it is made at ("rẽ trái vào Quốc lộ 13 tại Ngã tư Bình Phước", "… tại Cầu vượt A"),
read at session 59 f after the sealed sets' measure (other names and places than any corpus document): the junction
is no part of the street's name; "quay đầu tại", "kết thúc tại" keep their place; a line read only by its turns under a
"Lộ trình" heading is the route (not streets named in passing elsewhere), "giải tán đội hình" no part of the end; a
gathering "tại trường mình" (each at its own) is no assembly place."""

from __future__ import annotations

from paradeplan.importer.prose import prose_steps


def _steps(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.name) for p in prose_steps(text)]


def test_a_turn_at_a_named_junction_keeps_the_streets_name() -> None:
    steps = _steps(
        "Từ Trường THPT Bình Phú, đoàn đi theo đường Hậu Giang, rẽ trái vào Kinh Dương Vương tại Vòng xoay Phú Lâm, "
        "chạy thẳng đến Bến xe Miền Tây thì quay đầu, trở lại Kinh Dương Vương, rẽ phải vào đường Hậu Giang tại "
        "Cầu vượt Cây Gõ"
    )
    assert [n for k, n in steps if k == "street"] == ["Hậu Giang", "Kinh Dương Vương", "Kinh Dương Vương", "Hậu Giang"]
    assert ("uturn", "Bến xe Miền Tây") in steps


def test_a_place_said_after_its_verb_stays_that_verbs() -> None:
    assert _steps("Từ Chợ Bình Tây, đi theo đường Tháp Mười, quay đầu tại Ngã sáu Cộng Hòa, trở lại đường Tháp Mười")[
        2
    ] == ("uturn", "Ngã sáu Cộng Hòa")
    assert _steps("Từ Chợ Bình Tây, đi theo đường Tháp Mười, kết thúc tại Vòng xoay Cây Gà")[-1] == (
        "end",
        "Vòng xoay Cây Gà",
    )


def test_a_turns_line_under_a_route_heading_is_the_route() -> None:
    from imported import route_of
    from paradeplan.importer import import_text

    data = import_text(
        "CÔNG AN HUYỆN BÌNH CHÁNH\nPHƯƠNG ÁN\nBảo đảm trật tự đoàn xe ngày 06/10/2024\n"
        "1. Tình hình: đoàn xe hoa gồm xe của 09 trường học, đi qua các tuyến trục chính có mật độ phương tiện cao "
        "vào buổi sáng thứ Bảy (Quốc lộ 50, Nguyễn Văn Linh, Tạ Quang Bửu).\n"
        "2. Thời gian: đoàn xuất phát lúc 07 giờ 30 phút ngày 06/10/2024.\n"
        "3. Lộ trình\n"
        "Trường THCS Gò Xoài - rẽ phải đường Lê Văn Quới - rẽ trái đường Tân Hòa Đông - đến Chợ Phú Lâm quay đầu - "
        "đường Tân Hòa Đông - về Trường THCS Gò Xoài giải tán đội hình.\n",
        "p.txt",
    ).data
    assert route_of(data) == [
        "Trường THCS Gò Xoài",
        "Lê Văn Quới",
        "Tân Hòa Đông",
        "Chợ Phú Lâm",
        "Tân Hòa Đông",
        "Trường THCS Gò Xoài",
    ]


def test_each_groups_own_gathering_is_no_assembly_place() -> None:
    from paradeplan.importer import import_text

    text = (
        "ỦY BAN NHÂN DÂN PHƯỜNG BÌNH HƯNG HÒA\nKẾ HOẠCH\nDiễu hành xe hoa năm 2025\n"
        "1. Thời gian, địa điểm:\n"
        "- 07 giờ 00: các xe hoa tập trung tại sân Nhà văn hóa Bình Hưng Hòa để sắp xếp đội hình;\n"
        "- 07 giờ 30 ngày 04/10/2025: đoàn xuất phát.\n"
        "Riêng xe hoa của các trường tự tập kết tại trường mình từ 06 giờ 30 rồi di chuyển về Nhà văn hóa.\n"
        "2. Lộ trình: Nhà văn hóa Bình Hưng Hòa → đường Tân Kỳ Tân Quý → đường Lê Trọng Tấn → "
        "Nhà văn hóa Bình Hưng Hòa.\n"
    )
    parade = import_text(text, "p.txt").data["parades"][0]
    assert (parade["assembly_time"], parade["departure_time"]) == ("07:00", "07:30")
