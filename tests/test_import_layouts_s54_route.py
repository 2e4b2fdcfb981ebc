"""Parade routes and parade facts left open by the blind set heldout99 (city float parades), each layout written
here in other words (other names, days and places; no corpus document): a route told as a table of timed
checkpoints, passed landmarks in turn-by-turn prose, a column that splits into the units' groups, a forces section
whose first part lists the floats, and a later section that moves the parade to another day."""

from __future__ import annotations

from datetime import date

from paradeplan.importer.extract import extract

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG HIỆP BÌNH\nSố: 47/KH-UBND\nHiệp Bình, ngày 16 tháng 9 năm 2024\nKẾ HOẠCH\n"


def _route(body: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    return [(s.kind, s.name) for s in ex.route]


# -- a route told as a table of timed checkpoints, the turns written in the place cells ----------------------------
CHECKPOINTS = (
    "1. Thời gian: tập trung 6 giờ 45, Chủ nhật, ngày 06/10/2024 tại sân Nhà văn hóa Hiệp Bình.\n"
    "2. Lộ trình và giờ qua các điểm:\n"
    "| {clock} | {point} |\n"
    "| 7 giờ 15 | Nhà văn hóa Hiệp Bình (xuất phát), chạy theo đường Hiệp Bình |\n"
    "| 7 giờ 20 | Ngã ba Hiệp Bình – Kha Vạn Cân, quẹo phải vào đường Kha Vạn Cân |\n"
    "| 7 giờ 30 | Chợ Hiệp Bình (đường Kha Vạn Cân) |\n"
    "| 7 giờ 40 | Giao lộ Kha Vạn Cân – Phạm Văn Đồng, rẽ trái vào đường Phạm Văn Đồng |\n"
    "| 7 giờ 50 | Bến xe Hiệp Bình, rẽ trái vào đường Đặng Văn Bi |\n"
    "| 8 giờ 05 | Trở về Nhà văn hóa Hiệp Bình, giải tán |\n"
    "3. Phương tiện: 04 xe hoa.\n"
)


def test_a_table_of_timed_checkpoints_is_the_route_its_cells_turn_along() -> None:
    for clock, point in (
        ("Thời gian", "Điểm qua"),
        ("Giờ dự kiến", "Các điểm đi qua"),
        ("Giờ", "Địa điểm đoàn đi qua"),
    ):
        assert _route(CHECKPOINTS.format(clock=clock, point=point)) == [
            ("place", "Nhà văn hóa Hiệp Bình"),
            ("street", "Hiệp Bình"),
            ("street", "Kha Vạn Cân"),
            ("street", "Phạm Văn Đồng"),
            ("street", "Đặng Văn Bi"),
            ("place", "Nhà văn hóa Hiệp Bình"),
        ]  # the market and the bus station are passed (no move there), the junctions are where it turns
    events = (
        "| Thời gian | Địa điểm đi qua |\n| 7 giờ 00 | Nhà văn hóa Hiệp Bình |\n| 8 giờ 30 | Chợ Hiệp Bình |\n"
        "| 9 giờ 00 | Trường Tiểu học Hiệp Bình |\n"
    )
    assert _route(events) == []  # no move written in its cells: no route


# -- landmarks in turn-by-turn prose: passed under a bridge, or told where the column turns --------------------------
def test_a_bridge_s_foot_passed_and_a_place_where_the_column_turns_are_no_steps() -> None:
    body = (
        "Lộ trình: Từ sân Nhà văn hóa Hiệp Bình, đoàn xe rẽ trái vào đường Hiệp Bình, đi thẳng qua chân cầu Ông Dầu, "
        "rẽ phải vào đường Kha Vạn Cân; chạy tiếp khoảng 1 km tới Bến xe Hiệp Bình thì quẹo phải vào đường Đặng "
        "Văn Bi; rẽ phải vào đường Hiệp Bình, về lại Nhà văn hóa Hiệp Bình.\n"
    )
    assert _route(body) == [
        ("place", "Nhà văn hóa Hiệp Bình"),
        ("street", "Hiệp Bình"),
        ("street", "Kha Vạn Cân"),
        ("street", "Đặng Văn Bi"),
        ("street", "Hiệp Bình"),
        ("place", "Nhà văn hóa Hiệp Bình"),
    ]
    back = (
        "Lộ trình: Từ sân Nhà văn hóa Hiệp Bình, đoàn xe rẽ trái vào đường Hiệp Bình, rẽ phải vào đường Kha Vạn "
        "Cân, đến Chợ Hiệp Bình thì quay đầu, về lại Nhà văn hóa Hiệp Bình.\n"
    )
    assert ("place", "Chợ Hiệp Bình") in _route(back)  # a place the column turns back at is a step


# -- a column that splits into the units' groups after its common route ---------------------------------------------
SPLIT = (
    "3. Lộ trình chung của hai phường:\n"
    "Nhà văn hóa Hiệp Bình – đường Hiệp Bình – đường Kha Vạn Cân – đến ngã tư Kha Vạn Cân – Phạm Văn Đồng{end}.\n"
    "4. Tại ngã tư Kha Vạn Cân – Phạm Văn Đồng, đoàn chia thành hai nhóm:\n"
    "a) Nhóm 1 – phường Linh Tây (xe hoa của phường Linh Tây): quẹo trái vào đường Phạm Văn Đồng, về trụ sở "
    "Ủy ban nhân dân phường Linh Tây.\n"
    "b) Nhóm 2 – phường Hiệp Bình (xe hoa, xe loa của phường): quẹo phải vào đường Phạm Văn Đồng, rẽ phải vào "
    "đường Đặng Văn Bi, trở về Nhà văn hóa Hiệp Bình, kết thúc.\n"
    "5. Phương tiện: 03 xe hoa.\n"
)


def test_a_column_split_into_groups_goes_on_with_the_document_s_own_unit_s_group() -> None:
    assert _route(SPLIT.format(end="")) == [
        ("place", "Nhà văn hóa Hiệp Bình"),
        ("street", "Hiệp Bình"),
        ("street", "Kha Vạn Cân"),
        ("street", "Phạm Văn Đồng"),
        ("street", "Đặng Văn Bi"),
        ("place", "Nhà văn hóa Hiệp Bình"),
    ]  # the other ward's group is that ward's own, and the junction where it splits is where the column turns


def test_a_common_route_that_ends_where_the_column_splits_stays_as_it_is() -> None:
    route = _route(SPLIT.format(end=" (điểm chia nhóm, kết thúc lộ trình chung)"))
    assert [n for _k, n in route][-2:] == ["Kha Vạn Cân", "ngã tư Kha Vạn Cân × Phạm Văn Đồng"]
    assert ("street", "Đặng Văn Bi") not in route


# -- a forces section whose first part lists the floats, the second the escorts --------------------------------------
def test_the_floats_of_a_forces_section_s_first_part_are_the_column_s_too() -> None:
    body = (
        "1. Thời gian: 7 giờ 00, Chủ nhật, ngày 06/10/2024.\n"
        "2. Lộ trình: Nhà văn hóa Hiệp Bình - Hiệp Bình - Kha Vạn Cân - Nhà văn hóa Hiệp Bình.\n"
        "III. PHƯƠNG TIỆN\n"
        "1. Xe hoa, xe loa của các đoàn thể:\n"
        "- 02 Xe hoa (Hội Liên hiệp Phụ nữ phường);\n"
        "- 01 Xe loa (Hội Liên hiệp Phụ nữ phường);\n"
        "- 01 Xe hoa (Hội Cựu chiến binh phường);\n"
        "2. Lực lượng hộ tống:\n"
        "- Công an phường bố trí 03 xe mô tô dẫn đường.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
    )
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + body, "ke-hoach.txt")
    assert [(f.kind, f.count) for f in ex.forces] == [("float", 2), ("loudspeaker", 1), ("float", 1), ("motorbike", 3)]


# -- a later section that moves the parade to another day -----------------------------------------------------------
MOVED = (
    "1. Thời gian: tập trung lúc 6 giờ 30, Thứ Bảy, ngày 05/10/2024 tại Nhà văn hóa Hiệp Bình; xuất phát lúc 7 giờ.\n"
    "2. Lộ trình: Nhà văn hóa Hiệp Bình - Hiệp Bình - Kha Vạn Cân - Nhà văn hóa Hiệp Bình.\n"
    "3. Phương tiện: 04 xe hoa.\n"
    "IV. THAY ĐỔI THỜI GIAN\n"
    "{said}\n"
)


def test_a_later_section_that_moves_the_parade_to_another_day_keeps_its_hours() -> None:
    said = (
        "Do dự báo triều cường, buổi diễu hành xe hoa ngày 05/10/2024 được dời sang Chủ nhật, ngày 06/10/2024; giờ "
        "tập trung, giờ xuất phát giữ nguyên."
    )
    ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + MOVED.format(said=said), "ke-hoach.txt")
    assert (ex.assembly_date, ex.departure_date or ex.assembly_date) == (date(2024, 10, 6), date(2024, 10, 6))
    assert (str(ex.assembly_time), str(ex.departure_time)) == ("06:30:00", "07:00:00")
    for other in (
        "Trường hợp trời mưa lớn, đoàn xe hoa sẽ lùi sang ngày 06/10/2024.",  # a move on a condition
        "Đoàn xe hoa cổ động học tập suốt đời trong hai ngày 05/10/2024 đến 06/10/2024.",  # "đời … đến": none
    ):
        ex = extract(HEAD + "Diễu hành xe hoa năm 2024\n" + MOVED.format(said=other), "ke-hoach.txt")
        assert ex.assembly_date == date(2024, 10, 5)


# -- a gathering told as a labelled line under a title that names the ceremony -------------------------------------
def test_a_gathering_s_labelled_line_is_no_ceremony_of_the_title() -> None:
    text = (
        "TỈNH ĐOÀN VĨNH LONG\nSố: 33-KH/TĐTN\nVĩnh Long, ngày 14 tháng 9 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức Lễ ra quân và diễu hành xe hoa “Thanh niên với sách” năm 2024\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        "- Tập trung xe hoa: 06 giờ 15 phút, Chủ nhật, ngày 06/10/2024, tại sân Nhà văn hóa tỉnh Vĩnh Long.\n"
        "- Lễ ra quân: 06 giờ 45 phút cùng ngày, tại sân Nhà văn hóa tỉnh Vĩnh Long.\n"
        "- Đoàn xe xuất phát: 07 giờ 15 phút.\n"
        "II. LỘ TRÌNH\nNhà văn hóa tỉnh Vĩnh Long - Phạm Thái Bường - Hoàng Thái Hiếu - Nhà văn hóa tỉnh Vĩnh Long.\n"
    )
    ex = extract(text, "ke-hoach.txt")
    assert [(c.date, str(c.time)) for c in ex.ceremonies] == [(date(2024, 10, 6), "06:45:00")]
