"""Layouts met on the blind set heldout121 (several columns, bases and groups), each written here in other words
(other names, days and places; no corpus document): last year's column told in a sentence of its own ("Năm 2022,
đoàn … xuất phát lúc … ngày …": no date of this year's parade), a U-turn said "thì quay đầu trở lại" in a dash
route, a gathering's clause that goes on to another step before "tại" ("…, sau đó đến A đón học sinh (học sinh có
mặt tại cổng trường …)": no place of the gathering), the number of bases where the place would be ("tập kết tại 02
điểm:"), a loop at a junction said "vòng quay lại theo đường B" in prose, and the whole column's departure over a
block's own ("toàn đoàn xuất phát lúc …" after "Khối 2: … xuất phát lúc …")."""

from __future__ import annotations

from datetime import date, time

from paradeplan.importer.extract import extract
from paradeplan.importer.prose import prose_steps

HEAD = (
    "ỦY BAN NHÂN DÂN\nPHƯỜNG LINH TÂY\nSố: 77/KH-UBND\nLinh Tây, ngày 15 tháng 9 năm 2024\nKẾ HOẠCH\n"
    "Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
)
ROUTE = (
    "3. Lộ trình:\nNhà văn hóa phường Linh Tây → đường Kha Vạn Cân → đường Tô Vĩnh Diện → đường Hoàng Diệu 2 → "
    "Nhà văn hóa phường Linh Tây.\n"
)


# -- last year's column, told in a sentence of its own -------------------------------------------------------------
def test_last_years_departure_sentence_dates_no_parade() -> None:
    ex = extract(
        HEAD + "I. MỤC ĐÍCH\n1. Năm 2023, đoàn diễu hành của phường gồm 04 xe hoa, xuất phát lúc 7 giờ 00 ngày "
        "03/10/2023; năm nay đoàn tập kết tại 02 nơi.\nII. THỜI GIAN\n1. Lễ phát động: vào lúc 7 giờ 30, thứ Tư, ngày "
        "02 tháng 10 năm 2024, tại Nhà văn hóa phường Linh Tây.\nIII. ĐOÀN XE\n1. Khối 1: tập trung tại Nhà văn hóa "
        "phường Linh Tây lúc 7 giờ 00.\n2. Khối 2: tập trung tại Chợ Thủ Đức lúc 6 giờ 40; xuất phát lúc 6 giờ 50.\n"
        + ROUTE,
        "kh.txt",
    )
    assert ex.route and (ex.departure_date or ex.assembly_date) == date(2024, 10, 2)


def test_last_years_column_in_a_note_dates_no_parade() -> None:
    ex = extract(
        HEAD + "I. LỄ KHAI MẠC\n1. Thời gian: 7 giờ 00, thứ Tư, ngày 02/10/2024.\n2. Địa điểm: Nhà văn hóa phường Linh "
        "Tây.\nII. DIỄU HÀNH\n1. Khối 1 – tập trung tại Nhà văn hóa phường Linh Tây lúc 6 giờ 30.\n2. Thời gian xuất "
        "phát: 7 giờ 45.\n" + ROUTE + "4. Lưu ý: Không tổ chức diễu hành xe đạp như năm 2023 (năm 2023 có 120 học sinh "
        "đi xe đạp, xuất phát 14 giờ 00 ngày 05/10/2023).\n",
        "kh.txt",
    )
    assert ex.route and (ex.departure_date or ex.assembly_date) == date(2024, 10, 2)


# -- a U-turn said "thì quay đầu trở lại" ---------------------------------------------------------------------------
def test_a_uturn_said_then_back_names_only_the_place() -> None:
    ex = extract(
        HEAD + "II. DIỄU HÀNH\n1. Thời gian: 7 giờ 30, ngày 02/10/2024.\n2. Lộ trình\nNhà văn hóa phường Linh Tây – "
        "đường Kha Vạn Cân – đến Chợ Thủ Đức thì quay đầu trở lại – đường Kha Vạn Cân – Nhà văn hóa phường Linh Tây.\n",
        "kh.txt",
    )
    turns = [(s.name, s.uturn) for s in ex.route if s.kind == "place" and s.uturn]
    assert turns == [("Chợ Thủ Đức", True)]


# -- where a gathering is ------------------------------------------------------------------------------------------
def test_a_place_after_a_later_step_is_not_the_gatherings() -> None:
    ex = extract(
        HEAD
        + "II. DIỄU HÀNH\n1. Các điểm tập kết\n- Điểm 2 – Bãi xe Linh Tây: 02 xe buýt tập kết lúc 6 giờ 00, sau đó "
        "đến Trường Tiểu học Linh Tây đón học sinh (học sinh có mặt tại cổng trường lúc 6 giờ 15).\n"
        "2. Thời gian: 7 giờ 30, ngày 02/10/2024.\n" + ROUTE,
        "kh.txt",
    )
    places = [ex.assembly_place, *(g.place for g in ex.gatherings)]
    assert "cổng trường" not in places


def test_a_number_of_bases_is_no_place() -> None:
    ex = extract(
        HEAD + "II. THỜI GIAN, ĐIỂM TẬP KẾT\nThứ Tư, ngày 02/10/2024. Đoàn xe gồm 02 tổ tập kết tại 02 điểm:\n"
        "Tổ 1 tập trung: xe hoa, xe loa — Thời gian: 6 giờ 30; Địa điểm: Nhà văn hóa phường Linh Tây.\n"
        "Tổ 2 tập trung: xe hoa các khu phố — Thời gian: 6 giờ 40; Địa điểm: Chợ Thủ Đức.\n" + ROUTE,
        "kh.txt",
    )
    places = [ex.assembly_place, *(g.place for g in ex.gatherings)]
    assert "02 điểm" not in places


# -- a loop at a junction said "vòng quay lại" --------------------------------------------------------------------
def test_a_loop_back_at_a_junction_is_a_uturn_there() -> None:
    steps = [
        (s.kind, s.name)
        for s in prose_steps(
            "Đoàn xuất phát từ Nhà văn hóa phường Linh Tây, theo đường Kha Vạn Cân, rẽ phải vào đường Tô Vĩnh Diện, "
            "đến Ngã 3 Linh Trung vòng quay lại theo đường Tô Vĩnh Diện, rẽ trái ra đường Kha Vạn Cân"
        )
    ]
    assert steps[2:5] == [("street", "Tô Vĩnh Diện"), ("uturn", "Ngã 3 Linh Trung"), ("street", "Tô Vĩnh Diện")]


# -- the whole column's departure -----------------------------------------------------------------------------------
def test_the_whole_columns_departure_over_a_blocks() -> None:
    ex = extract(
        HEAD + "II. DIỄU HÀNH\n1. Thời gian: ngày 02/10/2024.\n2. Tập kết\n"
        "- Khối 1: tập trung tại Nhà văn hóa phường Linh Tây lúc 6 giờ 45.\n"
        "- Khối 2: tập trung tại Trường Tiểu học Linh Tây lúc 6 giờ 20; xuất phát lúc 6 giờ 40 theo đường Kha Vạn "
        "Cân, đến Nhà văn hóa phường Linh Tây lúc 7 giờ 00.\n"
        "- Các khối xếp đội hình tại sân Nhà văn hóa; toàn đoàn xuất phát lúc 7 giờ 30 phút.\n" + ROUTE,
        "kh.txt",
    )
    assert ex.departure_time == time(7, 30)


# -- a street the street data spells two ways ---------------------------------------------------------------------
def test_a_street_spelt_two_ways_in_the_street_data_is_one_street() -> None:
    import yaml

    from paradeplan.geo.streets import load_graph
    from paradeplan.plan.planfile import plan_from_data
    from paradeplan.resources import data_path
    from paradeplan.route.resolve import resolve_route

    data = yaml.safe_load(data_path("quan12-2023", "plan.yaml").read_text(encoding="utf-8"))
    data["parades"][0]["route"] = [
        {"place": "ubnd_q12"},
        {"street": "Lê Thị Riêng"},
        {"street": "Nguyễn Thị Kiểu"},
        {"street": "Lê Văn Khương"},
        {"street": "Quốc lộ 1"},
        {"street": "Lê Thị Riêng"},
        {"place": "ubnd_q12", "end": True},
    ]
    route = resolve_route(plan_from_data(data), None, load_graph("builtin:quan12"))
    assert "Nguyễn Thị Kiểu" in [s.street for s in route.stretches if not s.connector]
