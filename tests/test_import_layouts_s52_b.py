"""Plans of offices never seen, each wording written here in variants (other names, days and places; no corpus
document): schools the plan does not name, told to launch the week at their Monday flag ceremony with no day of
their own ("Các trường … tổ chức lễ phát động … trong tiết chào cờ thứ Hai"), which is their own task, no ceremony
to plan (with a day of its own it stays one grouped launch per ward); units told to hold their own opening "tại
địa phương" in a department's plan whose "THỜI GIAN, ĐỊA ĐIỂM" tells the department's own ceremony, whose hour and
venue are not theirs; and a departure line that says since when the vehicles wait ("… chờ sẵn trước cổng từ lúc
kết thúc buổi lễ"), which is a moment, not the place the column sets off from."""

from __future__ import annotations

import pytest

from imported import ceremonies_of, place_names, plan_data

# -- schools not named, launching at their flag ceremony -------------------------------------------------------------
SCHOOLS = (
    "UBND THÀNH PHỐ HÀ NỘI\nỦY BAN NHÂN DÂN QUẬN ĐỐNG ĐA\nSố: 310/KH-UBND\nĐống Đa, ngày 20 tháng 9 năm 2023\n\n"
    "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 trên địa bàn quận\n\n"
    "I. NỘI DUNG\n"
    "1. Lễ khai mạc cấp quận\n"
    "- Thời gian: 8 giờ 00, thứ Bảy, ngày 30/9/2023.\n"
    "- Địa điểm: Cung Văn hóa Thiếu nhi quận Đống Đa.\n"
    "2. Tại các trường học\n"
    "{schools}; các thư viện trường mở cửa phục vụ bạn đọc trong suốt Tuần lễ.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Phòng Giáo dục và Đào tạo tổng hợp kết quả, báo cáo UBND quận trước ngày 15/10/2023.\n"
)


@pytest.mark.parametrize(
    "schools",
    [
        "Các trường mầm non và tiểu học tổ chức lễ phát động hưởng ứng trong tiết chào cờ thứ Hai",
        "Các cơ sở giáo dục mầm non và tiểu học tổ chức lễ phát động trong buổi chào cờ đầu tuần",
        "Các trường THCS tổ chức Lễ phát động Tuần lễ lồng vào giờ chào cờ sáng thứ Hai",
        # the schools' area said beside them is no holder of its own ("trên địa bàn quận")
        "Những trường tiểu học, THCS trên địa bàn quận tổ chức lễ phát động trong tiết chào cờ thứ Hai",
        "Các trường học thuộc quận tổ chức lễ phát động Tuần lễ vào giờ chào cờ đầu tuần",
    ],
)
def test_unnamed_schools_launching_at_their_flag_ceremony_are_no_ceremony(schools: str) -> None:
    data = plan_data(SCHOOLS.format(schools=schools))
    assert ceremonies_of(data) == [("2023-09-30", "08:00", "Cung Văn hóa Thiếu nhi quận Đống Đa")]
    said = [q["question"] for q in data["open_items"] if q["field"] == "ceremonies"]
    assert len([q for q in said if "tự tổ chức" in q]) == 1


def test_unnamed_schools_given_a_day_of_their_own_are_one_launch_per_ward() -> None:
    told = "Các trường tiểu học tổ chức lễ phát động đồng loạt vào giờ chào cờ sáng thứ Hai (ngày 02/10/2023)"
    held = ceremonies_of(plan_data(SCHOOLS.format(schools=told)))
    launches = [c for c in held if c[0] == "2023-10-02"]
    assert len(launches) > 5 and {c[1] for c in launches} == {"07:00"}


# -- units holding their own opening "tại địa phương" under a document whose fields are its own ceremony's ----------
DEPARTMENT = (
    "UBND TỈNH THÁI BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1520/KH-SGDĐT\nThái Bình, ngày 15 tháng 9 năm 2023\n\n"
    "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2023 cấp tỉnh\n\n"
    "I. YÊU CẦU\n"
    "Buổi lễ được tổ chức trang trọng, tiết kiệm; thu hút đông đảo giáo viên, học sinh tham gia.\n\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "1. Thời gian: 14 giờ 00, thứ Hai, ngày 02 tháng 10 năm 2023.\n"
    "2. Địa điểm: Nhà Văn hóa Thanh niên tỉnh Thái Bình.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Văn phòng Sở: chuẩn bị khánh tiết, âm thanh cho buổi lễ.\n"
    "2. Phòng Giáo dục và Đào tạo các huyện, thành phố\n"
    "- {units}, trong thời gian Tuần lễ từ ngày 01/10 đến ngày 07/10/2023.\n"
    "- Gửi báo cáo kết quả về Sở trước ngày 14/10/2023.\n"
)


@pytest.mark.parametrize(
    "units",
    [
        "Tham mưu UBND các huyện, thành phố tổ chức khai mạc Tuần lễ tại địa phương",
        "Đề xuất UBND huyện, thành phố tổ chức Lễ khai mạc Tuần lễ tại đơn vị",
        "Phối hợp các xã, phường, thị trấn tổ chức lễ phát động Tuần lễ tại cơ sở",
    ],
)
def test_units_own_opening_does_not_take_the_documents_hour_and_venue(units: str) -> None:
    data = plan_data(DEPARTMENT.format(units=units))
    assert ceremonies_of(data) == [("2023-10-02", "14:00", "Nhà Văn hóa Thanh niên tỉnh Thái Bình")]


# -- since when the vehicles wait is no place ------------------------------------------------------------------------
SINCE = (
    "UBND QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 10\nSố: 64/KH-UBND\nPhường 10, ngày 19 tháng 9 năm 2024\n\n"
    "KẾ HOẠCH\nDiễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024\n\n"
    "1. Phương tiện: 02 xe hoa, 01 xe loa.\n"
    "2. Thời gian xuất phát: 7 giờ 15, thứ Bảy ngày 05/10/2024; các xe chờ sẵn trước cổng công viên {since}.\n"
    "3. Lộ trình: Công viên Làng Hoa - đường Nguyễn Văn Lượng - đường Quang Trung - đường Lê Đức Thọ - "
    "Công viên Làng Hoa (kết thúc).\n"
)


@pytest.mark.parametrize(
    "since", ["từ lúc kết thúc buổi chào cờ", "từ khi ban tổ chức điểm danh", "từ sau phần khai mạc"]
)
def test_since_when_the_vehicles_wait_is_no_start_place(since: str) -> None:
    data = plan_data(SINCE.format(since=since))
    [parade] = data["parades"]
    assert place_names(data)[parade["assembly_place"]] == "Công viên Làng Hoa"
