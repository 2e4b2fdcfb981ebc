"""Layouts met on the blind set heldout114 (plans whose details sit in annexes), each written here in other words
(other names and places; no corpus document): a programme annex titled only by the capital line under "PHỤ LỤC 3"
(its rows' performers, not its compère nor the guests in its note), a programme whose part titles give each
ceremony's hour, a route table's "Theo tuyến đường" column, a note that ends the route at a place ("Kết thúc lộ
trình tại A"), a roundabout the column goes round ("Vòng xoay A quay lại"), a start label over numbered turns, and a
table of stages laid out with spaces whose cells are arrow chains."""

from __future__ import annotations

from imported import plan_data, wishes_of
from paradeplan.importer.extract import extract
from paradeplan.importer.reader import rows_lines, uturn_in_note
from paradeplan.importer.tables import text_tables

HEAD = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH XUÂN\nSố: 33/KH-UBND\nLinh Xuân, ngày 10 tháng 9 năm 2026\nKẾ HOẠCH\n"
    "Tổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2026\nI. MỤC ĐÍCH\n- Lan tỏa phong trào tự học.\n"
)
SIGNED = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(đã ký)\nNgô Thị Bích Vân\n\n"


# -- "PHỤ LỤC 3" / "CHƯƠNG TRÌNH LỄ KHAI MẠC": the annex's rows name who acts at the ceremony -----------------------
ANNEX_PROGRAMME = (
    HEAD + "II. NỘI DUNG\n1. Lễ khai mạc\n- Thời gian: 07 giờ 30, ngày 02/10/2026.\n"
    "- Địa điểm: Nhà văn hóa phường Linh Xuân.\n- Chương trình: theo Phụ lục 3.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 15/10/2026.\n"
    + SIGNED
    + "PHỤ LỤC 3\nCHƯƠNG TRÌNH LỄ KHAI MẠC\n(Kèm theo Kế hoạch số 33/KH-UBND)\n"
    "07 giờ 30 - 07 giờ 35: Chào cờ, giới thiệu đại biểu (MC: đồng chí Quách Thị Lụa).\n"
    "07 giờ 35 - 07 giờ 50: Ông Trịnh Văn Khoa, Phó Chủ tịch UBND phường phát biểu khai mạc.\n"
    "07 giờ 50 - 08 giờ 00: Bà Mai Thị Sương, Chủ tịch Hội Khuyến học phường trao học bổng.\n"
    "Đại biểu mời dự: đại diện Phòng Giáo dục (ông Tô Văn Lâm).\n"
)


def test_an_annex_programme_titled_under_its_number_sends_its_performers() -> None:
    wishes = wishes_of(plan_data(ANNEX_PROGRAMME))
    assert wishes.get("Trịnh Văn Khoa") == ["Nhà văn hóa phường Linh Xuân"]
    assert wishes.get("Mai Thị Sương") == ["Nhà văn hóa phường Linh Xuân"]
    assert "Quách Thị Lụa" not in wishes  # the compère


# -- "A. Lễ khai mạc - 7 giờ 30, …" / "B. Lễ khai mạc - 14 giờ 00, …": each part's rows are the ceremony of its hour --
TWO_PARTS = (
    HEAD + "II. NỘI DUNG\n1. Lễ khai mạc buổi sáng\n- Thời gian: 07 giờ 30, ngày 02/10/2026.\n"
    "- Địa điểm: Nhà văn hóa phường Linh Xuân.\n2. Lễ khai mạc buổi chiều\n- Thời gian: 14 giờ 00, ngày 02/10/2026.\n"
    "- Địa điểm: Trường THCS Linh Xuân.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 15/10/2026.\n"
    + SIGNED
    + "PHỤ LỤC 1\nCHƯƠNG TRÌNH CÁC BUỔI LỄ\n"
    "A. Lễ khai mạc - 7 giờ 30, ngày 02/10/2026, Nhà văn hóa phường Linh Xuân\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 7g30 - 7g40 | Phát biểu khai mạc | Ông Trịnh Văn Khoa, Phó Chủ tịch |\n"
    "| 7g40 - 7g55 | Trao học bổng | Bà Mai Thị Sương, Chủ tịch Hội Khuyến học |\n"
    "B. Lễ khai mạc - 14 giờ 00, ngày 02/10/2026, Trường THCS Linh Xuân\n"
    "| Thời gian | Nội dung | Người thực hiện |\n"
    "| 14g00 - 14g15 | Phát biểu khai mạc | Ông Hà Văn Nhân, Phó Chủ tịch |\n"
    "| 14g15 - 14g30 | Trao giải | Ông Lạc Văn Tài, Hiệu trưởng |\n"
)


def test_a_programme_part_titled_with_its_hour_is_that_ceremonys() -> None:
    wishes = wishes_of(plan_data(TWO_PARTS))
    assert wishes.get("Lạc Văn Tài") == ["Trường THCS Linh Xuân"]
    assert wishes.get("Mai Thị Sương") == ["Nhà văn hóa phường Linh Xuân"]


# -- route tables ---------------------------------------------------------------------------------------------------
def test_a_table_from_along_to_reads_its_middle_column_as_the_street() -> None:
    rows = [
        ["STT", "Từ", "Theo tuyến đường", "Đến", "Ghi chú"],
        ["1", "Nhà văn hóa Linh Xuân", "Quốc lộ 1K", "Kha Vạn Cân", "Rẽ phải"],
        ["2", "Quốc lộ 1K", "Kha Vạn Cân", "Nhà văn hóa Linh Xuân", "Kết thúc"],
    ]
    assert rows_lines(rows)[0] == "- Quốc lộ 1K: đoạn từ Nhà văn hóa Linh Xuân đến Kha Vạn Cân;"


def test_a_note_that_ends_the_route_at_a_place_ends_it_there() -> None:
    rows = [
        ["STT", "Chặng", "Tuyến đường", "Ghi chú"],
        ["1", "Nhà văn hóa Linh Xuân → Ngã ba A", "Kha Vạn Cân", "Xuất phát"],
        ["2", "Ngã ba A → Ngã tư B", "Quốc lộ 1K", ""],
        ["3", "Ngã tư B → Nhà văn hóa Linh Xuân", "Linh Trung", "Kết thúc lộ trình tại Nhà văn hóa Linh Xuân"],
    ]
    (line,) = rows_lines(rows)
    assert line.endswith("Linh Trung → Nhà văn hóa Linh Xuân (kết thúc)")


def test_a_roundabout_gone_round_is_where_the_column_turns_back() -> None:
    assert uturn_in_note("Vòng xoay Linh Xuân quay lại") == "Vòng xoay Linh Xuân"
    assert uturn_in_note("quay lại tại Cầu Gò Dưa") == "Cầu Gò Dưa"
    assert uturn_in_note("Qua vòng xoay Linh Xuân") is None


def test_a_start_label_over_numbered_turns_is_one_route() -> None:
    text = (
        HEAD + "PHỤ LỤC 1\nLỘ TRÌNH\nĐiểm xuất phát: Nhà văn hóa phường Linh Xuân.\n"
        "1. Rẽ phải ra đường Kha Vạn Cân, đi đến giao lộ Quốc lộ 1K.\n"
        "2. Rẽ trái theo Quốc lộ 1K, qua Chợ Nhỏ, đến giao lộ Linh Trung.\n"
        "3. Rẽ trái theo đường Linh Trung về Nhà văn hóa phường Linh Xuân (kết thúc).\n"
    )
    route = [s.name for s in extract(text, "a.txt").route]
    assert route == [
        "Nhà văn hóa phường Linh Xuân",
        "Kha Vạn Cân",
        "Quốc lộ 1K",
        "Linh Trung",
        "Nhà văn hóa phường Linh Xuân",
    ]


def test_a_spaced_table_of_stage_chains_is_read_as_a_table() -> None:
    text = (
        "   STT   Đoạn                                       Ghi chú\n"
        "   1     Nhà văn hóa Linh Xuân → đường Kha Vạn Cân     Xuất phát\n"
        "   2     Kha Vạn Cân → đường Quốc lộ 1K                Rẽ phải\n"
        "   3     Quốc lộ 1K → đường Linh Trung                 Kết thúc tại Nhà văn hóa Linh Xuân\n"
    )
    assert (
        "Lộ trình: Nhà văn hóa Linh Xuân → đường Kha Vạn Cân → đường Quốc lộ 1K → đường Linh Trung → Nhà văn hóa "
        "Linh Xuân (kết thúc)."
    ) in text_tables(text)
