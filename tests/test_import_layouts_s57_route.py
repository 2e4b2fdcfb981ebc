"""Layouts met on the blind set heldout116 (prose routes of police and ward offices), each written here in other
words (other names, days and places; no corpus document): places passed in a list after "đi thẳng qua" (each one
passed, none a step; "trụ sở" a place passed like "chợ"), a shore the street runs along ("đi dọc bờ sông A": no
step), a roundabout circled in a piece of its own before "quay lại đường B" (the turn back), a U-turn said after
where it is ("tại Ngã tư A quay đầu"), a junction where the text says the common route ends ("đến ngã tư A thì kết
thúc lộ trình chung"), the groups' own ways after the split under a label of their own (not the parade's route), a
group's turn-by-turn way "Nhóm 1: từ ngã tư A rẽ phải vào đường B, đến …" (no stretch), and a street named with
"lộ" in lower case inside ("Song Hành Quốc lộ 9": a street's name, the rules' steps kept over a shape's)."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps, stretch_of
from paradeplan.importer.shape import name_kind
from paradeplan.importer.text import Folded

HEAD = "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH XUÂN\nSố: 52/KH-UBND\nLinh Xuân, ngày 08 tháng 9 năm 2025\nKẾ HOẠCH\n"


def _route(text: str) -> list[tuple[str, str]]:
    ex = extract(HEAD + text, "lo-trinh.txt")
    return [("street" if s.kind == "street" else "place", s.name) for s in ex.route]


def _steps(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.name) for s in prose_steps(text)]


# -- places passed in a list ---------------------------------------------------------------------------------------
def test_a_list_of_places_passed_after_qua_are_no_steps() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân, đoàn xe đi theo đường Kha Vạn Cân, rẽ trái vào đường Tô Vĩnh Diện, đi thẳng "
        "qua Chợ Linh Xuân, Trường Tiểu học Linh Xuân, đến đường Hoàng Diệu 2 rẽ phải"
    )
    assert steps[-1] == ("street", "Hoàng Diệu 2")
    assert all("Linh Xuân" not in name for kind, name in steps if kind != "start")


def test_an_office_seat_passed_is_no_step() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân đi theo đường Kha Vạn Cân, đi thẳng qua trụ sở UBND phường Linh Trung, "
        "rẽ trái vào đường Tô Vĩnh Diện"
    )
    assert [name for _kind, name in steps] == ["Nhà văn hóa phường Linh Xuân", "Kha Vạn Cân", "Tô Vĩnh Diện"]


def test_bridge_heads_passed_in_a_list_are_no_steps() -> None:
    steps = _steps("Hàm Nghi, rẽ phải vào đường Tôn Đức Thắng, đi thẳng qua đầu cầu Ba Son, đầu cầu Thủ Thiêm")
    assert steps == [("street", "Hàm Nghi"), ("street", "Tôn Đức Thắng")]


# -- a shore the street runs along ---------------------------------------------------------------------------------
def test_a_shore_the_street_runs_along_is_no_step() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân, rẽ phải vào đường Tôn Đức Thắng, đi dọc bờ sông Đồng Nai qua chợ Cây "
        "Da, rẽ trái vào đường Lý Thái Tổ"
    )
    assert [name for _kind, name in steps] == ["Nhà văn hóa phường Linh Xuân", "Tôn Đức Thắng", "Lý Thái Tổ"]


# -- a roundabout circled, then back onto the street -----------------------------------------------------------------
def test_a_roundabout_circled_in_a_piece_of_its_own_is_the_turn_back() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân, đoàn đi theo đường Kha Vạn Cân, đi thẳng đến vòng xoay Linh Tây, đi một "
        "vòng quanh vòng xoay rồi quay lại đường Kha Vạn Cân, rẽ phải vào đường Tô Vĩnh Diện"
    )
    assert steps[1:] == [
        ("street", "Kha Vạn Cân"),
        ("uturn", "vòng xoay Linh Tây"),
        ("street", "Kha Vạn Cân"),
        ("street", "Tô Vĩnh Diện"),
    ]


# -- a U-turn said after where it is; the end of the common route --------------------------------------------------
def test_a_u_turn_said_after_its_junction_is_a_step() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân, đoàn xe ra đường Kha Vạn Cân, đến Ngã tư Linh Tây, tại Ngã tư Linh Tây "
        "quay đầu, đi theo đường Kha Vạn Cân về hướng Thủ Đức"
    )
    assert ("uturn", "Ngã tư Linh Tây") in steps
    assert steps[-1] == ("street", "Kha Vạn Cân")


def test_a_junction_where_the_common_route_ends_is_its_end() -> None:
    steps = _steps(
        "Từ Nhà văn hóa phường Linh Xuân, đoàn xe đi theo đường Kha Vạn Cân, qua giao lộ Tô Vĩnh Diện, đến ngã tư "
        "Linh Trung thì kết thúc lộ trình chung. Tại đây đoàn tách thành 2 nhóm, rẽ phải vào đường Hoàng Diệu 2."
    )
    assert steps[-1] == ("end", "ngã tư Linh Trung")
    assert ("street", "Hoàng Diệu 2") not in steps


# -- the groups' ways after the split ---------------------------------------------------------------------------------
_SPLIT = (
    "III. LỘ TRÌNH\n"
    "1. Lộ trình chung:\n"
    "Từ Nhà văn hóa phường Linh Xuân, đoàn xe đi theo đường Kha Vạn Cân, rẽ phải vào đường Tô Vĩnh Diện, đến ngã tư "
    "Linh Trung thì kết thúc lộ trình chung. Tại đây đoàn tách thành 2 nhóm.\n"
    "2. Lộ trình của các nhóm sau khi tách đoàn:\n"
    "- Nhóm 1: từ ngã tư Linh Trung rẽ phải vào đường Hoàng Diệu 2, đến ngã ba Hoàng Diệu 2 - Lê Văn Chí rẽ trái "
    "vào đường Lê Văn Chí, về trụ sở từng khu phố.\n"
    "- Nhóm 2: từ ngã tư Linh Trung đi thẳng đường Kha Vạn Cân, đến ngã ba Kha Vạn Cân - Linh Đông rẽ phải vào "
    "đường Linh Đông rồi tách về từng khu phố.\n"
    "\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
)


def test_the_groups_ways_after_the_split_are_not_the_parade_route() -> None:
    route = _route(_SPLIT)
    assert route[0] == ("place", "Nhà văn hóa phường Linh Xuân")
    assert route[-1] == ("place", "ngã tư Linh Trung")
    assert ("street", "Hoàng Diệu 2") not in route


def test_a_group_s_turn_by_turn_way_is_no_stretch() -> None:
    line = "- Nhóm 1: từ ngã tư Linh Trung rẽ phải vào đường Hoàng Diệu 2, đến ngã ba Hoàng Diệu 2 - Lê Văn Chí rẽ trái"
    assert stretch_of(Folded.of(line)) is None
    assert stretch_of(Folded.of("- Đường Kha Vạn Cân: đoạn từ Chợ Linh Xuân đến ngã tư Linh Trung;")) is not None


# -- "lộ" inside a street's name -------------------------------------------------------------------------------------
def test_a_street_with_lo_in_lower_case_inside_its_name_is_a_street() -> None:
    assert name_kind("Song Hành Quốc lộ 9") == "street"
    assert name_kind("Đi thẳng lộ trình") is None
