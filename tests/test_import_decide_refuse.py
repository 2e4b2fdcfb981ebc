"""What `paradeplan import` refuses: a parade it cannot write (its own facts — assembly, departure, escorts, a parade
title — but no route read) is refused naming what is missing, never written as an empty plan; a cost estimate or a
document with nothing to plan is "nothing to plan"; a ceremony plan with an assembly time is planned. Texts written
here."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paradeplan.cli import app
from paradeplan.errors import InputError
from paradeplan.importer import import_text

HEAD = "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 17\nSố: 41/KH-UBND\nPhường 17, ngày 20 tháng 9 năm 2022\n\n"
PARADE = HEAD + (
    "KẾ HOẠCH\nTổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2022\n\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n- Thời gian tập trung: 06 giờ 30 phút, Chủ nhật ngày 02/10/2022.\n"
    "- Thời gian xuất phát: 07 giờ 00 phút cùng ngày.\n- Địa điểm tập trung: trước trụ sở UBND Phường 17.\n\n"
    "III. LỘ TRÌNH\nĐoàn xe đi theo sơ đồ đính kèm.\n\n"
    "IV. TỔ CHỨC THỰC HIỆN\n1. Công an phường: dẫn đoàn, phân luồng giao thông trên tuyến.\n"
)


def _refused(text: str) -> str:
    with pytest.raises(InputError) as err:
        import_text(text, "doc.txt")
    return str(err.value.problems[0].message)


def test_a_parade_with_no_vehicles_or_route_read_is_refused_naming_what_it_read() -> None:
    said = _refused(PARADE)
    assert "không đọc được lộ trình" in said and "không có gì để lập kế hoạch" not in said
    assert "tập trung" in said and "06:30" in said and "Công an phường" in said


def test_a_parade_whose_vehicles_are_a_matrix_is_refused_the_same_way() -> None:
    matrix = "| Đơn vị | Xe hoa | Xe mô tô |\n| UBND phường | 01 | - |\n| Công an phường | - | 04 |\n"
    said = _refused(PARADE.replace("IV. TỔ CHỨC", "V. PHƯƠNG TIỆN\n" + matrix + "\nIV. TỔ CHỨC"))
    assert "không đọc được lộ trình" in said and "1 Xe hoa" in said and "4 Xe mô tô" in said


COST = HEAD.replace("KH-UBND", "TTr-UBND") + (
    "TỜ TRÌNH\nVề việc đề nghị cấp kinh phí tổ chức diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2022\n"
    "Kính gửi: Ủy ban nhân dân quận.\n"
    "| STT | Nội dung chi | Số lượng | Đơn giá (đồng) | Thành tiền (đồng) |\n"
    "| 1 | Thuê, trang trí xe hoa | 05 xe | 8.000.000 | 40.000.000 |\n"
    "| 2 | Thuê xe loa | 02 xe | 1.500.000 | 3.000.000 |\n"
    "Kính trình Ủy ban nhân dân quận xem xét, quyết định./.\n"
)


def test_a_cost_estimate_for_floats_has_nothing_to_plan() -> None:
    said = _refused(COST)
    assert "không có gì để lập kế hoạch trong doc.txt" in said and "lộ trình" not in said


def test_a_ceremony_plan_with_an_assembly_time_and_police_is_planned() -> None:
    text = HEAD + (
        "KẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời năm 2022\n\n"
        "1. Thời gian: 07 giờ 30 phút, ngày 02/10/2022. Thời gian tập trung: 07 giờ 00.\n"
        "2. Địa điểm: Hội trường UBND Phường 17.\n"
        "3. Công an phường: bảo đảm an ninh trật tự, phân luồng giao thông khu vực buổi lễ.\n"
    )
    res = import_text(text, "doc.txt")
    assert len(res.written_ceremonies()) == 1 and not res.data.get("parades")


def test_import_exits_2_on_a_parade_without_route_and_writes_nothing(tmp_path: Path) -> None:
    src, out = tmp_path / "kh.txt", tmp_path / "kh.yaml"
    src.write_text(PARADE, encoding="utf-8")
    res = CliRunner().invoke(app, ["import", str(src), "-o", str(out)])
    assert res.exit_code == 2 and not out.exists()
    assert "kh.txt" in res.output and "không đọc được lộ trình" in res.output and "Traceback" not in res.output


def test_import_lists_a_postponement_as_a_decision_not_as_not_found(tmp_path: Path) -> None:
    src, out = tmp_path / "hoan.txt", tmp_path / "hoan.yaml"
    src.write_text(
        HEAD.replace("41/KH-UBND", "88/UBND-VX").replace("20 tháng 9", "27 tháng 9")
        + "V/v hoãn buổi diễu hành xe hoa\nKính gửi: Các khu phố\n"
        "Theo Kế hoạch số 70/KH-UBND, đoàn 06 xe hoa diễu hành lúc 15 giờ ngày 29/9/2022 theo lộ trình "
        "UBND Phường 17 → Nguyễn Văn Lượng → Nguyễn Oanh → UBND Phường 17.\n"
        "Do thời tiết xấu, Ủy ban nhân dân phường thông báo hoãn buổi diễu hành sang 15 giờ ngày 06/10/2022.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["import", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "06/10/2022" in res.output and "không tìm thấy: văn bản hoãn" not in res.output


def _refusal(text: str) -> str | None:
    """What refuse_unplannable says of a text (None: it would be planned), without the decisions and validation."""
    from paradeplan.importer.extract import extract
    from paradeplan.importer.refuse import refuse_unplannable
    from paradeplan.importer.writer import build_plan_data

    ex = extract(text, "doc.txt")
    try:
        refuse_unplannable(ex, build_plan_data(ex), "doc.txt")
    except InputError as err:
        return str(err.problems[0].message)
    return None


def _parade_without_route(rng: random.Random) -> str:
    """A parade plan in one of several layouts whose route is only a map or a reference: its assembly and departure,
    and one or more of escorts, a route heading, vehicles."""
    day = f"{rng.randint(1, 7):02d}/10/2022"
    when = rng.choice(
        (
            f"- Thời gian tập trung: 06 giờ 30 phút, ngày {day}.\n- Thời gian xuất phát: 07 giờ 00 phút.\n",
            f"Các xe tập trung lúc 6 giờ 30 ngày {day} tại sân UBND phường; 7 giờ 00 đoàn xe xuất phát.\n",
            f"1. Thời gian: ngày {day}; tập kết 6h30, xuất phát 7h00.\n",
        )
    )
    route = rng.choice(("Theo sơ đồ đính kèm.", "Do Ban tổ chức thông báo sau.", "Xem bản đồ kèm theo kế hoạch này."))
    police = rng.choice(
        ("Công an phường: dẫn đoàn, phân luồng giao thông.\n", "Đề nghị Công an phường hỗ trợ dẫn đoàn.\n")
    )
    vehicles = rng.choice(("", "Phương tiện: 06 xe hoa; 02 xe mô tô của Công an phường.\n"))
    title = rng.choice(("Tổ chức diễu hành xe hoa hưởng ứng Tuần lễ", "Tổ chức đoàn xe tuyên truyền Tuần lễ"))
    return (
        HEAD
        + f"KẾ HOẠCH\n{title} học tập suốt đời năm 2022\n\nI. THỜI GIAN\n{when}\nII. LỘ TRÌNH\n{route}\n\n"
        + (f"III. PHƯƠNG TIỆN\n{vehicles}\nIV. TỔ CHỨC THỰC HIỆN\n{police}")
    )


@pytest.mark.parametrize("seed", range(12))
def test_a_parade_whose_route_is_not_written_is_refused_in_any_layout(seed: int) -> None:
    said = _refusal(_parade_without_route(random.Random(seed)))
    assert said is not None and "không đọc được lộ trình" in said


@pytest.mark.parametrize("seed", range(8))
def test_a_cost_estimate_in_any_layout_has_nothing_to_plan(seed: int) -> None:
    rng = random.Random(100 + seed)
    rows = rng.choice(
        (
            "| STT | Nội dung | Số lượng | Đơn giá | Thành tiền |\n"
            "| 1 | Thuê xe hoa | 05 xe | 8.000.000 | 40.000.000 |\n",
            "1. Thuê, trang trí 05 xe hoa, đơn giá 8.000.000 đồng/xe, thành tiền 40.000.000 đồng.\n",
            "- Thuê xe loa tuyên truyền: 02 xe x 1.500.000 đồng = 3.000.000 đồng.\n",
        )
    )
    text = COST.split("| STT")[0] + rows + "Kính trình Ủy ban nhân dân quận xem xét, quyết định./.\n"
    said = _refusal(text)
    assert said is not None and "không có gì để lập kế hoạch" in said, text
