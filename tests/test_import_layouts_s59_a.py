"""Layouts read at session 59 (a) (other names, days and places than any corpus document): a route's end place
followed by what the column goes there for ("… về Chợ A để giải tán"), a table of a route's steps named by their
roles ("Xuất phát | Chặng đi | Điểm quay đầu | Chặng về | Về đích"), a street that joins the next ("A nối sang B"),
a plain car in the line-up ("01 xe ô tô hậu cần"), the assembly said "tại đây" after the ceremony's place, a
flag-raising ceremony ("Lễ thượng cờ"), another level's ceremony told only for the readers to know, the leader
of a delegation in a section "Tham dự Lễ …", and a vehicle whose bracket names its kind."""

from __future__ import annotations

from imported import ceremonies_of, plan_data, route_of, wishes_of
from paradeplan.importer.prose import prose_steps
from paradeplan.importer.reader import rows_lines

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN 12\nỦY BAN NHÂN DÂN PHƯỜNG THẠNH XUÂN\nSố: 57/KH-UBND\n"
    "Thạnh Xuân, ngày 02 tháng 3 năm 2025\nKẾ HOẠCH\nTổ chức đoàn xe tuyên truyền Ngày Môi trường năm 2025\n"
    "I. MỤC ĐÍCH\n- Nâng cao ý thức giữ gìn vệ sinh môi trường trong Nhân dân.\n"
)
TAIL = "IV. TỔ CHỨC THỰC HIỆN\n- Các khu phố báo cáo kết quả về UBND phường trước ngày 28/3/2025.\n"


# -- "… rồi trở về Chợ A để giải tán": the place, not what the column does there ----------------------------------
def test_an_end_place_is_read_without_what_the_column_goes_there_for() -> None:
    steps = prose_steps(
        "Xuất phát từ Chợ Thạnh Xuân, theo đường Hà Huy Giáp, rẽ phải vào đường Thạnh Xuân 25, "
        "rồi trở về Chợ Thạnh Xuân để giải tán."
    )
    assert steps[-1].kind == "end"
    assert steps[-1].name == "Chợ Thạnh Xuân"


# -- a table of steps named by their roles ------------------------------------------------------------------------
def test_a_table_of_steps_named_by_their_roles_reads_as_the_route() -> None:
    rows = [
        ["Vị trí", "Địa điểm", "Ghi chú"],
        ["Điểm xuất phát", "Cổng chính Chợ Thạnh Xuân", "đi ra đường Hà Huy Giáp"],
        ["Chặng đi", "Đường Hà Huy Giáp, hướng về phía cầu", "tổ hậu cần phát nước"],
        ["Điểm quay đầu", "Trước cổng Chợ Cầu Đồng", "có người giữ chốt"],
        ["Chặng về", "Đường Hà Huy Giáp, chiều ngược lại", ""],
        ["Về đích", "Chợ Thạnh Xuân", "trao kỷ niệm chương"],
    ]
    assert rows_lines(rows) == [
        "Lộ trình: Cổng chính Chợ Thạnh Xuân → Đường Hà Huy Giáp → Trước cổng Chợ Cầu Đồng (quay đầu) → "
        "Đường Hà Huy Giáp → Chợ Thạnh Xuân (kết thúc)"
    ]


def test_a_table_whose_first_column_is_no_role_is_not_read_so() -> None:
    rows = [
        ["Tổ", "Địa điểm", "Ghi chú"],
        ["Tổ 1", "Chợ Thạnh Xuân", ""],
        ["Tổ 2", "Chợ Cầu Đồng", ""],
        ["Tổ 3", "Chợ An Nhơn", ""],
    ]
    assert not any(line.startswith("Lộ trình") for line in rows_lines(rows))


# -- "A nối sang B": the street joins the next one ----------------------------------------------------------------
JOINS = (
    HEAD + "II. NỘI DUNG\n1. Thời gian: 07 giờ 00, Chủ nhật ngày 16/3/2025.\n2. Lộ trình\n"
    "(1) Chợ Thạnh Xuân, đi ra đường Hà Huy Giáp;\n"
    "(2) Hà Huy Giáp đến giao lộ Thạnh Xuân 25, rẽ trái;\n"
    "(3) Thạnh Xuân 25 nối sang Thạnh Xuân 22;\n"
    "(4) Thạnh Xuân 22 ra đường Hà Huy Giáp, về lại Chợ Thạnh Xuân (kết thúc).\n"
    "3. Phương tiện: 01 xe loa tuyên truyền của UBND phường.\n" + TAIL
)


def test_a_street_that_joins_the_next_is_two_steps() -> None:
    route = route_of(plan_data(JOINS))
    assert "Thạnh Xuân 25" in route and "Thạnh Xuân 22" in route
    assert not any("nối" in step for step in route)


# -- a plain car in the line-up -----------------------------------------------------------------------------------
CARS = (
    HEAD + "II. NỘI DUNG\n1. Thời gian: 07 giờ 00, Chủ nhật ngày 16/3/2025.\n"
    "2. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n"
    "3. Đội hình đoàn xe:\n- 01 xe loa tuyên truyền đi đầu;\n- 02 xe ô tô hậu cần (chở nước, dụng cụ) đi cuối đoàn;\n"
    "- 01 xe ô tô cứu thương của Trạm Y tế phường.\n" + TAIL
)


def test_a_plain_car_in_the_line_up_is_a_car_and_an_ambulance_is_not() -> None:
    groups = plan_data(CARS)["parades"][0]["groups"]
    kinds = {g["name"]: g["kind"] for g in groups}
    assert [k for n, k in kinds.items() if "hậu cần" in n] == ["car"]
    assert [k for n, k in kinds.items() if "cứu thương" in n] == ["other"]


# -- the assembly "tại đây", after the ceremony's place -----------------------------------------------------------
HERE = (
    HEAD + "II. NỘI DUNG\n1. Thời gian: sáng Chủ nhật ngày 16/3/2025.\n"
    "2. Lễ ra quân: 06 giờ 30 phút tại sân Chợ Thạnh Xuân (đường Hà Huy Giáp). Các xe tập trung tại đây lúc "
    "06 giờ 00 phút; đoàn xe xuất phát lúc 07 giờ 00 phút.\n"
    "3. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n"
    "4. Phương tiện: 01 xe loa tuyên truyền của UBND phường.\n" + TAIL
)


def test_an_assembly_said_here_is_at_the_place_the_line_named_before() -> None:
    data = plan_data(HERE)
    names = {p["id"]: p["name"] for p in data["places"]}
    parade = data["parades"][0]
    assert names.get(parade["assembly_place"]) == "Chợ Thạnh Xuân"
    assert str(parade["assembly_time"])[:5] == "06:00"


# -- a flag-raising ceremony, and another level's ceremony told for the readers to know ---------------------------
FLAG = (
    HEAD + "II. LỄ THƯỢNG CỜ\n- Thời gian: 06 giờ 15 phút, thứ Hai ngày 10/3/2025.\n"
    "- Địa điểm: sân Chợ Thạnh Xuân.\n- Chủ trì: đồng chí Đoàn Minh Khôi – Chủ tịch UBND phường.\n"
    "III. ĐOÀN XE\n- Xuất phát: 07 giờ 00 phút cùng ngày.\n"
    "- Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n"
    "- Phương tiện: 01 xe loa tuyên truyền của UBND phường.\n" + TAIL
)


def test_a_flag_raising_ceremony_is_a_ceremony() -> None:
    assert ceremonies_of(plan_data(FLAG)) == [("2025-03-10", "06:15", "Chợ Thạnh Xuân")]


TOLD = (
    HEAD + "II. NỘI DUNG\n1. Lễ ra quân: 06 giờ 30 phút, Chủ nhật ngày 16/3/2025, tại sân Chợ Thạnh Xuân.\n"
    "2. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n"
    "3. Phương tiện: 01 xe loa tuyên truyền của UBND phường.\n"
    "III. THÔNG TIN KHÁC\nQuận tổ chức Lễ khai mạc Hội thi môi trường xanh vào 08 giờ 00 ngày 22/3/2025 tại "
    "Chợ Cầu Đồng (để các khu phố thông tin cho Nhân dân biết).\n" + TAIL
)


def test_another_levels_ceremony_told_for_the_readers_to_know_is_no_ceremony_of_the_plan() -> None:
    assert ceremonies_of(plan_data(TOLD)) == [("2025-03-16", "06:30", "Chợ Thạnh Xuân")]


# -- a section about attending another level's ceremony -----------------------------------------------------------
DELEGATION = (
    HEAD + "II. NỘI DUNG\n1. Tham dự Lễ phát động cấp quận\n"
    "Ủy ban nhân dân quận tổ chức Lễ phát động Ngày Môi trường lúc 07 giờ 30, thứ Bảy ngày 08/3/2025, tại "
    "Chợ Cầu Đồng.\n"
    "Phường cử đoàn 15 người, do đồng chí Võ Thị Kim Liên – Phó Chủ tịch UBND phường làm trưởng đoàn.\n"
    "2. Lễ ra quân cấp phường\n- Thời gian: 06 giờ 30 phút, Chủ nhật ngày 16/3/2025.\n"
    "- Địa điểm: sân Chợ Thạnh Xuân.\n"
    "- Thành phần: đồng chí Đoàn Minh Khôi – Chủ tịch UBND phường (phát biểu phát động); 120 đoàn viên.\n"
    "- Dẫn chương trình: đồng chí Lưu Ngọc Trâm – cán bộ Văn phòng UBND phường.\n"
    "3. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n" + TAIL
)


def test_the_leader_of_a_delegation_in_a_section_about_attending_a_ceremony_attends_it() -> None:
    wishes = wishes_of(plan_data(DELEGATION))
    assert wishes.get("Võ Thị Kim Liên") == ["Chợ Cầu Đồng"]
    assert wishes.get("Đoàn Minh Khôi") == ["Chợ Thạnh Xuân"]


# -- a vehicle whose bracket says its kind ------------------------------------------------------------------------
MODEL = (
    HEAD + "II. NỘI DUNG\n1. Thời gian: 19 giờ 00, Chủ nhật ngày 16/3/2025.\n"
    "2. Lộ trình: Chợ Thạnh Xuân → đường Hà Huy Giáp → đường Thạnh Xuân 25 → Chợ Thạnh Xuân.\n"
    "3. Đội hình:\n- 01 xe loa tuyên truyền đi đầu;\n"
    "- 02 xe mô hình “Trái Đất xanh” (xe hoa tuyên truyền) do Hội Phụ nữ phường trang trí.\n" + TAIL
)


def test_a_vehicle_whose_bracket_names_its_kind_is_of_that_kind() -> None:
    groups = plan_data(MODEL)["parades"][0]["groups"]
    assert [g["kind"] for g in groups if "mô hình" in g["name"]] == ["flower_float"]
