"""Columns of several blocks (s58 b): a vehicle named by the organisers alone is their car; "tập kết tại 02 điểm"
counts places and names none, the first group's row names the assembly; a paragraph that only names the blocks is
not the line-up when a counted one follows it; a place reached and turned back at ("đến Ngã ba A vòng quay lại theo
đường B") is a U-turn. Invented offices, streets and places; no corpus document."""

from __future__ import annotations

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps


def _fleet(text: str) -> list[tuple[str, int]]:
    return [(x.kind, x.count) for x in extract(text).forces]


def test_vehicle_named_by_the_organisers_alone_is_their_car() -> None:
    for said in ("01 xe Ban Tổ chức", "01 Xe BTC (xe bán tải)", "01 xe của Ban tổ chức"):
        text = (
            "KẾ HOẠCH\nDiễu hành xe hoa ngày 03/10/2024.\n"
            "Lộ trình: Nhà văn hóa phường Phú Lâm → Hàm Nghi → Trần Hưng Đạo → Nhà văn hóa phường Phú Lâm.\n"
            f"Đội hình: 02 xe hoa của các khu phố; {said}.\n"
        )
        assert ("car", 1) in _fleet(text), said


def test_places_counted_name_no_assembly_place() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa năm 2024\n"
        "II. THỜI GIAN, ĐIỂM TẬP KẾT\n"
        "Thứ Năm, ngày 03 tháng 10 năm 2024. Đoàn xe gồm 02 nhóm tập kết tại 02 điểm:\n"
        "Nhóm 1 tập trung: xe hoa phường, xe loa — Thời gian: 6 giờ 30; Địa điểm: Trường Tiểu học Phú Lâm;"
        " Phụ trách: Công an phường.\n"
        "Nhóm 2 tập trung: xe hoa các khu phố — Thời gian: 6 giờ 40; Địa điểm: Chợ Phú Lâm; Phụ trách: Khu phố.\n"
        "Nhóm 1 xuất phát — Thời gian: 7 giờ 00; Địa điểm: Trường Tiểu học Phú Lâm.\n"
        "Lộ trình: Trường Tiểu học Phú Lâm → Hàm Nghi → Trần Hưng Đạo → Trường Tiểu học Phú Lâm.\n"
    )
    assert extract(text).assembly_place == "Trường Tiểu học Phú Lâm"


def test_blocks_named_above_the_counted_line_up_are_not_it() -> None:
    text = (
        "KẾ HOẠCH\nDiễu hành xe hoa ngày 03/10/2024.\n"
        "1. Đội hình đoàn gồm 02 khối:\n"
        "- Khối A tập trung tại Nhà văn hóa phường Phú Lâm lúc 6 giờ 30, gồm xe dẫn đường, xe hoa và xe loa.\n"
        "- Khối B tập trung tại Chợ Phú Lâm lúc 6 giờ 45, gồm xe hoa các khu phố.\n"
        "2. Phương tiện tham gia:\n"
        "- 01 Xe hoa của phường;\n- 02 Xe loa tuyên truyền;\n- 03 Xe hoa của các khu phố;\n"
        "3. Lộ trình: Nhà văn hóa phường Phú Lâm → Hàm Nghi → Trần Hưng Đạo → Ngã tư Phú Lâm (tách đoàn).\n"
        "4. Lộ trình riêng sau khi tách đoàn:\n"
        "Nhóm 1 — Thành phần: xe hoa khu phố 1, 2; 01 xe loa; Lộ trình: Hàm Nghi → Lê Lai.\n"
        "Nhóm 2 — Thành phần: xe hoa khu phố 3; 01 xe loa; Lộ trình: Trần Hưng Đạo → Lê Lai.\n"
    )
    assert sorted(_fleet(text)) == [("float", 1), ("float", 3), ("loudspeaker", 2)]


def test_place_reached_and_turned_back_at_is_a_u_turn() -> None:
    text = (
        "Đoàn xuất phát từ Chợ Phú Lâm, theo đường Hàm Nghi, rẽ phải vào đường Trần Hưng Đạo, đến Ngã ba Cây Gõ"
        " vòng quay lại theo đường Trần Hưng Đạo, trở về đường Hàm Nghi và kết thúc tại Chợ Phú Lâm"
    )
    steps = [(s.kind, s.name) for s in prose_steps(text)]
    assert ("uturn", "Ngã ba Cây Gõ") in steps
    assert [n for k, n in steps if k == "street"] == ["Hàm Nghi", "Trần Hưng Đạo", "Trần Hưng Đạo", "Hàm Nghi"]
