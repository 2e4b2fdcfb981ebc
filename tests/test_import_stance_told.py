"""Whether a document still has something to plan, read from its structure: its kind (the type line, a news item's
marks), the tense of its event sentences and, most of all, its events' dates against its own date (a plan is written
before its events, a report after). Texts are generated here in many forms (seeded); the counterparts — plans that
cite past events in their grounds or last year's results, plans issued a day or two before, postponements to a new
date, a news item announcing what is to come — must still plan."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from paradeplan.errors import InputError
from paradeplan.importer import import_text
from paradeplan.importer.extract import extract

WARDS = ("PHƯỜNG BẢY HIỀN", "XÃ TÂN HIỆP", "PHƯỜNG 7", "THỊ TRẤN HÓC MÔN", "PHƯỜNG AN KHÁNH")
TOWNS = ("Bảy Hiền", "Tân Hiệp", "Phường 7", "Hóc Môn", "An Khánh")
STREETS = ("Trường Chinh", "Âu Cơ", "Lạc Long Quân", "Hồng Lạc", "Đồng Đen", "Tô Ký", "Lê Văn Khương")


def _d(rng: random.Random, day: date) -> str:
    """A date in one of the ways documents write it."""
    forms = (
        f"ngày {day:%d/%m/%Y}",
        f"ngày {day.day}/{day.month}/{day.year}",
        f"ngày {day.day}-{day.month}-{day.year}",
        f"ngày {day.day:02d} tháng {day.month} năm {day.year}",
        f"{day.day}/{day.month}",
    )
    return rng.choice(forms)


def _header(rng: random.Random, issued: date) -> str:
    k = rng.randrange(len(WARDS))
    return (
        f"ỦY BAN NHÂN DÂN\n{WARDS[k]}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{TOWNS[k]}, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}\n\n"
    )


def _event_told(rng: random.Random, day: date) -> str:
    """A parade or a ceremony told as done."""
    route = ", ".join(rng.sample(STREETS, 4))
    verb = rng.choice(("đã tổ chức thành công", "đã tổ chức", "vừa tổ chức", "đã long trọng tổ chức"))
    what = rng.choice(
        (
            f"đoàn diễu hành {rng.randint(5, 20)} xe hoa qua các tuyến đường {route}",
            "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời tại Hội trường UBND",
            f"Lễ ra quân và diễu hành xe hoa theo lộ trình {route.replace(', ', ' - ')}",
        )
    )
    when = rng.choice(("Sáng", "Chiều", "Vào lúc 7 giờ 00")) + " " + _d(rng, day)
    return f"{when}, Ủy ban nhân dân {verb} {what}. Đoàn đã xuất phát lúc 7 giờ 30 và trở về lúc 9 giờ 15.\n"


def _letter(rng: random.Random) -> str:
    """A thank-you letter, minutes, a quick report or a letter with no type, written after the event."""
    issued = date(rng.choice((2019, 2022, 2025)), 10, rng.randint(5, 20))
    day = issued - timedelta(days=rng.randint(1, 4))
    kind = rng.choice(("THƯ CẢM ƠN\n", "BIÊN BẢN\nTổng kết hoạt động diễu hành\n", "BÁO CÁO NHANH\n", "THƯ KHEN\n", ""))
    tail = rng.choice(("Trân trọng cảm ơn./.\n", "Kính mong tiếp tục nhận được sự đồng hành thời gian tới.\n", ""))
    return _header(rng, issued) + kind + "Kính gửi: Các khu phố\n" + _event_told(rng, day) + tail


def _news(rng: random.Random) -> str:
    """A news item posted on the event's day or after, in the news present tense or the past."""
    issued = date(rng.choice((2021, 2023, 2024)), 10, rng.randint(2, 12))
    day = issued - timedelta(days=rng.choice((0, 0, 1, 2)))
    mast = rng.choice(
        ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NGÃI", "BÁO ĐIỆN TỬ ĐẢNG CỘNG SẢN", "TRANG THÔNG TIN ĐIỆN TỬ XÃ")
    )
    dateline = rng.choice((f"{issued:%d/%m/%Y} 11:20", f"Thứ Hai, {issued:%d/%m/%Y}", f"{issued:%d/%m/%Y}"))
    source = rng.choice(("(Quangngai.gov.vn) - ", "(Baotintuc.vn) – ", ""))
    byline = rng.choice(("Tin, ảnh: Minh Thư", "Tin: Lan Anh", "Bài và ảnh: Hoàng Nam"))
    verb = rng.choice(("tổ chức", "đã tổ chức", "long trọng tổ chức"))
    body = (
        f"{source}Sáng {day.day}/{day.month}, tại Trường THPT chuyên Lê Khiết, UBND tỉnh {verb} Lễ khai mạc Tuần lễ "
        "hưởng ứng học tập suốt đời.\nDự lễ có lãnh đạo các sở, ngành.\n"
        f"Tại buổi lễ, Ban Tổ chức đã trao 20 suất học bổng.\n{byline}\n"
    )
    return f"{mast}\nTin hoạt động\n{dateline}\n\nQuảng Ngãi khai mạc Tuần lễ học tập suốt đời\n\n{body}"


@pytest.mark.parametrize("seed", range(60))
def test_a_text_told_after_its_events_has_nothing_to_plan(seed: int) -> None:
    rng = random.Random(seed)
    text = (_letter if seed % 2 else _news)(rng)
    said = extract(text, "doc.txt").events.stance
    assert said is not None and said.kind == "report", text


def _plan(rng: random.Random) -> str:
    """A plan issued a day to three weeks before its event, citing past events in its grounds and last year's
    results (told in the past), perhaps with no type line (a post, an e-mail)."""
    issued = date(rng.choice((2019, 2023, 2025)), 9, rng.randint(10, 29))
    day = issued + timedelta(days=rng.randint(1, 20))
    kind = rng.choice(("KẾ HOẠCH\n", "PHƯƠNG ÁN\n", "THÔNG BÁO\n", "CÔNG VĂN\n", ""))
    grounds = (
        f"Căn cứ Kế hoạch số 12/KH-UBND {_d(rng, issued - timedelta(days=20))} của UBND quận;\n"
        if rng.random() < 0.7
        else ""
    )
    last = (
        f"Kết quả năm trước: {_d(rng, date(issued.year - 1, 10, 2))}, phường đã tổ chức diễu hành 10 xe hoa.\n"
        if rng.random() < 0.6
        else ""
    )
    route = " – ".join(rng.sample(STREETS, 4))
    event = rng.choice(
        (
            f"Đoàn xe hoa sẽ xuất phát lúc 7 giờ 30 {_d(rng, day)}, lộ trình: {route}.\n",
            f"Thời gian: 7 giờ 00, {_d(rng, day)}. Địa điểm: Hội trường UBND phường.\n",
            f"- Lễ khai mạc: 8 giờ{rng.choice((' ', ', '))}{_d(rng, day)} tại Nhà văn hóa phường.\n",
        )
    )
    return _header(rng, issued) + kind + "Tổ chức Tuần lễ học tập suốt đời\n" + grounds + last + event


@pytest.mark.parametrize("seed", range(60))
def test_a_plan_written_before_its_events_is_planned(seed: int) -> None:
    rng = random.Random(1000 + seed)
    text = _plan(rng)
    said = extract(text, "doc.txt").events.stance
    assert said is None or said.kind == "moved", text


@pytest.mark.parametrize("seed", range(10))
def test_a_news_item_posted_on_the_day_announcing_the_event_is_planned(seed: int) -> None:
    text = _news(random.Random(3000 + seed)).replace("tổ chức Lễ", "sẽ tổ chức Lễ").replace("đã trao", "sẽ trao")
    assert extract(text, "doc.txt").events.stance is None, text


def test_a_news_item_announcing_an_event_to_come_is_planned() -> None:
    text = (
        "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NGÃI\n28/09/2023 09:00\n"
        "(Quangngai.gov.vn) - Sáng 2/10, tại Trường THPT chuyên Lê Khiết, UBND tỉnh sẽ tổ chức Lễ khai mạc.\n"
        "Tin: Minh Thư\n"
    )
    assert extract(text, "doc.txt").events.stance is None


@pytest.mark.parametrize("seed", range(10))
def test_a_news_item_without_a_date_of_its_own_told_in_the_past_is_a_report(seed: int) -> None:
    rng = random.Random(2000 + seed)
    text = "\n".join(ln for ln in _news(rng).splitlines() if not re.match(r"^\D{0,20}\d{1,2}/\d{1,2}/\d{4}", ln))
    said = extract(text.replace("tổ chức Lễ", "đã tổ chức Lễ"), "doc.txt").events.stance
    assert said is not None and said.kind == "report", text
    ahead = text.replace("tổ chức Lễ", "sẽ tổ chức Lễ").replace("đã trao", "sẽ trao")
    assert extract(ahead, "doc.txt").events.stance is None, ahead


def test_a_postponement_told_after_the_old_date_keeps_its_new_date() -> None:
    text = _header(random.Random(3), date(2025, 10, 3)) + (
        "V/v hoãn diễu hành xe hoa\nKính gửi: Các khu phố\n"
        "Do mưa lớn ngày 02/10/2025, đoàn xe đã không xuất phát. UBND phường thông báo hoãn buổi diễu hành "
        "sang ngày 09/10/2025.\n"
    )
    said = extract(text, "doc.txt").events.stance
    assert said is not None and said.kind == "moved" and said.new_date == date(2025, 10, 9)


def test_a_thank_you_letter_is_refused_naming_the_file_and_its_title() -> None:
    text = (
        _header(random.Random(5), date(2025, 10, 8))
        + "THƯ CẢM ƠN\nKính gửi: Công an phường\n"
        + (
            "Sáng ngày 05/10/2025, đoàn 14 xe hoa đã xuất phát lúc 7 giờ 00 từ Chợ Võ Thành Trang, đi qua các tuyến "
            "đường Trường Chinh, Âu Cơ, Lạc Long Quân và trở về điểm xuất phát.\n"
        )
    )
    with pytest.raises(InputError) as err:
        import_text(text, "thu.txt")
    said = str(err.value.problems[0].message)
    assert "không có gì để lập kế hoạch trong thu.txt" in said and "THƯ CẢM ƠN" in said and "Kính gửi" not in said
