"""Review of this session's merge (59 g; other names, places and days than any corpus document): a ceremony the
plan sends no one to is one whose own clause says so or whose line says "không cử"; not one whose line sends someone
("cử 01 lãnh đạo dự, Thường trực không dự") or leaves out only a part of the day ("không dự nội dung này"); a row's
"Đ/c A (sau khi dự Lễ … cấp tỉnh)" gives that ceremony no time of its own."""

from __future__ import annotations

from imported import ceremonies_of
from paradeplan.importer import import_text
from paradeplan.importer.events import nobody_sent


def test_nobody_sent_reads_the_clause_and_the_lines_no_sending() -> None:
    assert nobody_sent("Lễ ra mắt CLB lúc 9 giờ tại Nhà văn hóa A; Hội đưa tin, không cử người dự")
    assert nobody_sent(
        "Lễ khai mạc cấp tỉnh lúc 8 giờ tại Quảng trường B", "thành phần do Sở mời, huyện không cử đại biểu"
    )
    assert not nobody_sent("Dự khai mạc tại phường C", "Phòng GD&ĐT cử 01 lãnh đạo phòng dự, Thường trực không dự")
    assert not nobody_sent("Lúc 8g30 đoàn dự Lễ khai mạc tại Trường D; làm việc với UBND (Sở không dự nội dung này)")
    assert not nobody_sent("Lễ khai mạc lúc 7 giờ tại Trường E", "đồng chí Phó Chủ tịch không dự (dự Hội nghị khác)")


def test_a_ceremony_named_after_sau_khi_du_in_a_row_keeps_the_rows_time_for_the_next() -> None:
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA LAI\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời 2025\n"
        "II. THỜI GIAN, ĐỊA ĐIỂM\n"
        "| Cấp tổ chức | Thời gian | Địa điểm | Lãnh đạo dự |\n"
        "| Cấp tỉnh | 07:30, thứ Tư 01/10/2025 | Trường THPT Chuyên Hùng Vương | Đ/c Lê Văn Hòa, Giám đốc Sở |\n"
        "| Cụm phía Tây | 14:00, thứ Tư 01/10/2025 | Trung tâm học tập cộng đồng xã Ia Grai | Đ/c Lê Văn Hòa "
        "(sau khi dự Lễ khai mạc cấp tỉnh) |\n"
    )
    assert [c[:2] for c in ceremonies_of(import_text(text, "p.txt").data)] == [
        ("2025-10-01", "07:30"),
        ("2025-10-01", "14:00"),
    ]
