"""A place written as a known place with words before it ("bãi giữ xe Chợ An Nhơn") is taken at that place, as a
decision the user can overturn; a name that only shares words with known places is left to the user. Texts
written here."""

from __future__ import annotations

import pytest

from paradeplan.importer import import_text

DOC = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 6\nSố: 77/KH-UBND\nPhường 6, ngày 20 tháng 9 năm 2023\n\n"
    "KẾ HOẠCH\nDiễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2023\n\n"
    "1. Thời gian: tập trung lúc 6 giờ 30 tại {place}; xuất phát lúc 7 giờ 00, ngày 02/10/2023.\n"
    "2. Phương tiện: 05 xe hoa; 02 xe mô tô của Công an phường dẫn đoàn.\n"
    "3. Lộ trình: Chợ An Nhơn → Lê Đức Thọ → Nguyễn Oanh → Lê Đức Thọ → Chợ An Nhơn.\n"
)
ROUTE = "Chợ An Nhơn → Lê Đức Thọ → Nguyễn Oanh → Lê Đức Thọ → Chợ An Nhơn"
STREETS_ONLY = "Lê Đức Thọ → Nguyễn Oanh → Lê Đức Thọ → Nguyễn Văn Lượng"  # the known place named nowhere else


@pytest.mark.parametrize(
    "place", ["bãi giữ xe Chợ An Nhơn", "khu vực bãi đỗ xe Chợ An Nhơn", "bãi tập kết xe hoa Chợ An Nhơn"]
)
def test_a_place_written_with_words_before_a_known_place_is_taken_there(place: str) -> None:
    res = import_text(DOC.format(place=place).replace(ROUTE, STREETS_ONLY), "kh.txt")
    [entry] = [p for p in res.data["places"] if p["name"] == place]
    assert abs(entry["lat"] - 10.84) < 0.02 and abs(entry["lon"] - 106.68) < 0.03
    assert any("Chợ An Nhơn" in d.chosen and "cuối tên" in d.reason for d in res.decisions)


@pytest.mark.parametrize("place", ["bãi giữ xe Chợ An Nhơn", "khu vực bãi đỗ xe Chợ An Nhơn", "khu vực Chợ An Nhơn"])
def test_a_place_described_by_where_at_the_routes_own_place_is_that_place_as_a_decision(place: str) -> None:
    res = import_text(DOC.format(place=place), "kh.txt")
    parade = res.data["parades"][0]
    assert parade["assembly_place"] == parade["route"][0]["place"]
    [entry] = [p for p in res.data["places"] if p["id"] == parade["assembly_place"]]
    assert entry["name"] == "Chợ An Nhơn" and place in entry["aliases"]
    assert any(d.chosen == "Chợ An Nhơn" and place in d.reason for d in res.decisions)


def test_a_name_that_only_shares_words_with_a_known_place_is_not_taken() -> None:
    res = import_text(DOC.format(place="bãi giữ xe Chợ An Nhơn Mới"), "kh.txt")
    assembly = res.data["parades"][0]["assembly_place"]
    [entry] = [p for p in res.data["places"] if p["id"] == assembly]
    assert "Chợ An Nhơn Mới" in entry["name"] and entry.get("lat") is None
