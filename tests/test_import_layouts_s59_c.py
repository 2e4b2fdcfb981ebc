"""Layouts met on the blind set heldout126 (joint plans signed by several organs, details in task-assignment tables,
per-unit duty lists), each written here in other words (other names, days and places; no corpus document): a
sentence that opens with "Cử" (send) and names the official sent to another level's ceremony with its own hour and
venue ("cử" folds like "cũ", the old wording an amended plan quotes)."""

from __future__ import annotations

from imported import ceremonies_of, plan_data, wishes_of

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 10\nSố: 51/KH-UBND\n"
    "Phường 10, ngày 19 tháng 9 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
)
TAIL = "III. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả trước ngày 11/10/2024.\n"

# -- "Cử ông A … dự Lễ khai mạc cấp quận lúc … tại …": a visit, not the old wording of an amended plan ----------------
SENT = (
    HEAD + "I. LỄ KHAI MẠC CỦA PHƯỜNG\n"
    "Thời gian: 07 giờ 00 phút, thứ Tư, ngày 02/10/2024.\n"
    "Địa điểm: Trường Tiểu học Lê Đức Thọ.\n"
    "Bà Kha Thị Mỹ, Chủ tịch UBND phường, phát biểu khai mạc.\n"
    "II. THAM DỰ HOẠT ĐỘNG CẤP QUẬN\n"
    "Cử ông Tạ Quang Lộc, Phó Chủ tịch Ủy ban nhân dân phường, dự Lễ khai mạc Tuần lễ cấp quận lúc 14 giờ 30 phút, "
    "thứ Tư, ngày 02/10/2024, tại Trung tâm Văn hóa Quận Gò Vấp. Văn phòng UBND phường bố trí xe.\n" + TAIL
)


def test_a_sentence_opening_with_cu_sends_an_official_to_another_levels_ceremony() -> None:
    data = plan_data(SENT)
    assert ("2024-10-02", "14:30", "Trung tâm Văn hóa Quận Gò Vấp") in ceremonies_of(data)
    assert wishes_of(data).get("Tạ Quang Lộc") == ["Trung tâm Văn hóa Quận Gò Vấp"]
