"""The route reader of shapes (importer.shape) on notations it was not written for: real step lists rendered with
random separators of every class, layouts (line, vertical list, table row and column, space-aligned columns, prose,
timed script, quoted e-mail, page break with a running header) and remarks; and texts with lists that are no
route."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
import tests.route_notations as rn

from paradeplan.importer import shape
from paradeplan.importer.extract import extract
from paradeplan.importer.text import fold


def _key(name: str) -> str:
    name = re.sub(r"\s*[(\[].*$", "", name)
    return fold(re.sub(r"^(?:đường|phố)\s+", "", name)).strip()


def _read(text: str, last: str) -> list[str]:
    run = shape.best_run(shape.layout_lines(text))
    return [_key(last) if p.kind == "back" else _key(p.name) for p in run.steps] if run else []


ROUTES = rn.real_routes()


def test_the_corpus_gives_step_lists() -> None:
    assert len(ROUTES) >= 60


@pytest.mark.parametrize("layout", sorted(rn.LAYOUTS))
def test_every_layout_reads_back_its_steps(layout: str) -> None:
    rng = random.Random(f"shape-{layout}")
    missed = []
    for _k in range(40):
        steps = rng.choice(ROUTES)
        text = rn.document(steps, layout, rng)
        got = _read(text, steps[-1])
        if got != [_key(s) for s in steps]:
            missed.append((steps, got))
    assert not missed, missed[:3]


@pytest.fixture(scope="module")
def walks() -> list[list[str]]:
    return rn.street_walks(160, 28)


def test_streets_that_meet_in_the_street_data_read_back_in_every_layout(walks: list[list[str]]) -> None:
    """Step lists nobody wrote a key for: random walks along the embedded street data's named roads."""
    rng = random.Random("walks")
    missed = []
    for steps in walks:
        layout = rng.choice(sorted(rn.LAYOUTS))
        got = _read(rn.document(steps, layout, rng), steps[-1])
        if got != [_key(s) for s in steps]:
            missed.append((layout, steps, got))
    assert not missed, missed[:3]


def test_generated_lists_that_are_no_route_give_none() -> None:
    """People (named as streets are), units, schools, addresses and dates listed in random layouts."""
    rng = random.Random("no route")
    found = []
    for _k in range(200):
        text = rn.no_route(rng)
        run = shape.best_run(shape.layout_lines(text))
        if run is not None:
            found.append(([p.name for p in run.steps], text[-300:]))
    assert not found, found[:2]


def test_random_notations_through_the_importer() -> None:
    """The whole extraction (rules first, the shape reader when they read nothing) keeps every step in order."""
    rng = random.Random(24)
    wrong = []
    for _k in range(30):
        steps = rng.choice(ROUTES)
        layout = rng.choice(sorted(rn.LAYOUTS))
        ex = extract(rn.document(steps, layout, rng), "x.txt")
        got = [_key(r.name) for r in ex.route]
        want = [_key(s) for s in steps]
        # the start may be given again by the assembly place when a route begins on a street; compare the steps
        if got[-len(want) :] != want and got != want:
            wrong.append((layout, want, got))
    assert not wrong, wrong[:3]


def _symbols() -> list[str]:
    """Every symbol of Unicode's arrow, dingbat-arrow, supplemental-arrow and misc-symbols-and-arrows blocks."""
    blocks = ((0x2190, 0x2200), (0x2794, 0x27C0), (0x27F0, 0x2800), (0x2900, 0x2980), (0x2B00, 0x2C00))
    return [chr(c) for a, b in blocks for c in range(a, b) if unicodedata.category(chr(c)) in ("Sm", "So")]


def test_every_arrow_like_symbol_separates_steps() -> None:
    """No list of arrows: a symbol standing between two names separates them, whichever it is."""
    symbols = _symbols()
    assert len(symbols) > 400
    steps = ["Chợ Bến Cát", "Dương Quảng Hàm", "Phạm Huy Thông", "Phan Văn Trị", "Chợ Bến Cát"]
    bad = [a for a in symbols if _read(f"Lộ trình: {f' {a} '.join(steps)}", steps[-1]) != [_key(s) for s in steps]]
    assert not bad, [unicodedata.name(a, a) for a in bad[:5]]


def test_private_use_glyphs_and_emoji_arrows_separate_steps() -> None:
    steps = ["Nhà Văn hóa Lao động Quận 12", "Nguyễn Ảnh Thủ", "Quốc lộ 1A", "Lê Văn Khương"]
    for sep in ("\uf0e0", "\uf0f0", "\ue000", "➡️", "⬅️", "🔜", "»", "›"):
        assert _read(f"Lộ trình: {f' {sep} '.join(steps)}", steps[-1]) == [_key(s) for s in steps], sep


@pytest.mark.parametrize("text", rn.NEGATIVES)
def test_lists_that_are_no_route_give_none(text: str) -> None:
    assert shape.best_run(shape.layout_lines(text)) is None


def test_a_u_turn_and_the_way_back_to_the_start() -> None:
    text = (
        "Lộ trình:\n1\tĐình thần Giao Khẩu\tĐiểm xuất phát\n2\tHà Huy Giáp\tHướng về Ngã tư Ga\n"
        "3\tNgã tư Tu viện Khánh An\tQuay đầu\n4\tHà Huy Giáp\tChiều ngược lại\n"
        "5\tTô Ngọc Vân\tRẽ phải\nSau đó đoàn xe trở về điểm xuất phát."
    )
    run = shape.best_run(shape.layout_lines(text))
    assert run is not None
    assert [p.name for p in run.steps[:4]] == [
        "Đình thần Giao Khẩu",
        "Hà Huy Giáp",
        "Ngã tư Tu viện Khánh An",
        "Hà Huy Giáp",
    ]
    assert run.steps[2].uturn and run.steps[-1].kind == "back" and run.steps[-1].end


def test_columns_laid_out_with_spaces_and_a_wrapped_cell() -> None:
    text = (
        "4. Lộ trình:\n"
        "     STT   Tuyến đường / điểm          Ghi chú\n"
        "     1     Đình thần Giao Khẩu         Điểm xuất phát\n"
        "     2     Quốc lộ 1A                  Rẽ trái, hướng Cầu Bình\n"
        "                                       Phước\n"
        "     3     Tô Ngọc Vân                 Rẽ phải\n"
        "     4     Đình thần Giao Khẩu         Kết thúc, giải tán\n"
    )
    run = shape.best_run(shape.layout_lines(text))
    assert run is not None
    assert [p.name for p in run.steps] == ["Đình thần Giao Khẩu", "Quốc lộ 1A", "Tô Ngọc Vân", "Đình thần Giao Khẩu"]
    assert run.steps[-1].end


def test_an_abbreviation_the_document_defines_names_its_place() -> None:
    ex = extract(
        rn.HEAD.replace("sân UBND Phường 17", "bãi xe QTSC")
        + "\n2. Địa điểm lễ: Công viên phần mềm Quang Trung (QTSC), cổng chính đường Tô Ký.\n"
        "4. Lộ trình: QTSC – (rẽ phải) Tô Ký – (rẽ trái) Nguyễn Văn Quá – (rẽ phải) Trường Chinh – QTSC (giải tán).\n",
        "a.txt",
    )
    assert [r.name for r in ex.route] == [
        "Công viên phần mềm Quang Trung",
        "Tô Ký",
        "Nguyễn Văn Quá",
        "Trường Chinh",
        "Công viên phần mềm Quang Trung",
    ]
    assert ex.route[-1].end and "QTSC" in (ex.route[0].note or "")
    assert ex.assembly_place == "Công viên phần mềm Quang Trung"


def test_a_quoted_mail_is_read_as_the_letter_it_quotes() -> None:
    from paradeplan.importer.text import clean, logical_lines

    mail = (
        "Kính gửi các khu phố,\n\n> ỦY BAN NHÂN DÂN PHƯỜNG 11\n> Số: 268/KH-UBND\n>\n"
        "> 1. Thời gian: thứ Hai, ngày 03/10/2022. Các xe tập kết lúc 6:30 sáng, xuất\n> phát lúc 7:00 sáng.\n"
        "> 3. Lộ trình: Chợ Võ Thành Trang - Trường Chinh - Âu Cơ - Lạc Long Quân -\n"
        "> Hồng Lạc - Đồng Đen - Chợ Võ Thành Trang (kết\n> thúc).\n>\n> TM. ỦY BAN NHÂN DÂN\n"
    )
    lines = logical_lines(clean(mail))
    assert "1. Thời gian: thứ Hai, ngày 03/10/2022. Các xe tập kết lúc 6:30 sáng, xuất phát lúc 7:00 sáng." in lines
    ex = extract(mail, "m.txt")
    assert [r.name for r in ex.route] == [
        "Chợ Võ Thành Trang",
        "Trường Chinh",
        "Âu Cơ",
        "Lạc Long Quân",
        "Hồng Lạc",
        "Đồng Đen",
        "Chợ Võ Thành Trang",
    ]
    # a route whose lines go on with "> C > D" is no quoted mail
    assert clean("Lộ trình: A > B >\n> C > D") == "Lộ trình: A > B >\n> C > D"


@pytest.mark.parametrize(
    "text",
    [
        "Lễ ra quân diễu hành tổ chức tại Quảng trường 2 Tháng 4, đường Trần Phú, phường Lộc Thọ.",
        "Địa điểm xuất phát: Nhà văn hóa Thanh niên, số 4 Phạm Ngọc Thạch, Phường Bến Nghé, Quận 1.",
        "Đoàn xe của Công an phường do đồng chí Nguyễn Văn An, Trưởng Công an phường, chỉ huy.",
    ],
)
def test_an_address_or_a_sentence_near_route_words_is_no_route(text: str) -> None:
    assert shape.best_run(shape.layout_lines(text)) is None
