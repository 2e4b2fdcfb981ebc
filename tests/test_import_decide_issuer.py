"""Who issues a document and whom a clause charges, read from the letterhead and the clause: the issuing unit is the
one named last (the superior one above it is context), a unit's name wrapped over two lines is one name, and "giao"
inside "Cảnh sát giao thông" asks nothing. Texts written here."""

from __future__ import annotations

import pytest

from paradeplan.importer.events import read_issuer, subject_of
from paradeplan.importer.text import Folded


@pytest.mark.parametrize(
    ("letterhead", "issuer"),
    [
        (["ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "ỦY BAN NHÂN DÂN PHƯỜNG 17"], "Ủy Ban Nhân Dân Phường 17"),
        (["ỦY BAN NHÂN DÂN", "PHƯỜNG AN PHÚ ĐÔNG"], "Ủy Ban Nhân Dân Phường An Phú Đông"),
        (["UBND TỈNH KHÁNH HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Sở Giáo Dục Và Đào Tạo"),
        (["CÔNG AN QUẬN 12", "ĐỘI CẢNH SÁT GIAO THÔNG - TRẬT TỰ"], "Đội Cảnh Sát Giao Thông - Trật Tự"),
        (
            ["ĐẢNG ỦY - HĐND - UBND - UBMTTQ", "PHƯỜNG TRUNG MỸ TÂY"],
            "Đảng Ủy - HĐND - UBND - UBMTTQ Phường Trung Mỹ Tây",
        ),
    ],
)
def test_the_issuer_is_the_unit_the_letterhead_names_last(letterhead: list[str], issuer: str) -> None:
    lines = [Folded.of(x) for x in [*letterhead, "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH"]]
    said, _units = read_issuer(lines)
    assert said is not None and said.startswith(issuer)


def test_a_letterhead_keeps_the_superior_units_name_for_the_area() -> None:
    lines = [Folded.of(x) for x in ("ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "ỦY BAN NHÂN DÂN PHƯỜNG 17", "Số: 1/KH")]
    _said, units = read_issuer(lines)
    assert any("GÒ VẤP" in u.text for u in units) and any("PHƯỜNG 17" in u.text for u in units)


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        ("Đội Cảnh sát giao thông Công an quận bố trí 02 xe mô tô dẫn đoàn", "Đội Cảnh sát giao thông Công an quận"),
        ("Giao Công an phường chủ trì phân luồng giao thông", "Công an phường"),
        ("Phòng Giáo dục và Đào tạo chủ trì, tổng hợp", "Phòng Giáo dục và Đào tạo"),
    ],
)
def test_a_clauses_subject_keeps_cảnh_sát_giao_thông_whole(clause: str, subject: str) -> None:
    assert subject_of(Folded.of(clause))[0].text.strip() == subject


def test_each_letterhead_line_names_its_own_units() -> None:
    lines = [Folded.of(x) for x in ("ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "ỦY BAN NHÂN DÂN PHƯỜNG 7", "Số: 1/PA-UBND")]
    _said, units = read_issuer(lines)
    assert [u.text for u in units if u.name] == ["QUẬN GÒ VẤP", "PHƯỜNG 7"]
