"""Vehicle counts read by pairing a count with its kind in either order — within a clause, in a table row, in a
units × kinds matrix — fuzzed with phrasings and tables generated here (seeded), never a corpus document. A clock
time is never a count; a total with its parts is read as its parts; a count for each of N units is one group."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from paradeplan.importer.extract import extract
from paradeplan.importer.text import fold
from paradeplan.importer.vehicles import count_first

HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 17\nSố: 12/KH-UBND\nPhường 17, ngày 20 tháng 9 năm 2022\n\n"
    "KẾ HOẠCH\nDiễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2022\n\n"
)
#: (kind read, the kind as written, an owner, a task) — police cars are cars of the police.
KINDS = (
    ("float", "xe hoa", "của các khu phố", ""),
    ("loudspeaker", "xe loa", "của phường", "tuyên truyền"),
    ("motorbike", "xe mô tô", "của Công an phường", "dẫn đoàn"),
    ("police_car", "xe ô tô", "của Công an phường", "dẫn đường"),
    ("other", "xe cứu thương", "của Trạm Y tế phường", "đi cuối đoàn"),
)
WORDS = {1: "Một", 2: "Hai", 3: "Ba", 4: "Bốn", 5: "Năm", 6: "Sáu", 7: "Bảy", 8: "Tám", 9: "Chín"}


def _phrase(rng: random.Random, written: str, n: int, owner: str, task: str) -> str:
    """One group, its count before or after its kind, with or without its owner and task."""
    police = "Công an" in owner and "ô tô" in written  # a car is the police's when the text says so
    tail = " ".join(x for x in (task if rng.random() < 0.5 else "", owner if police or rng.random() < 0.6 else "") if x)
    num = rng.choice((f"{n:02d}", str(n)))
    forms = [
        f"{num} {written} {tail}",
        f"{num} chiếc {written} {tail}",
        f"{written} {tail} {num} chiếc",
        f"{written} {tail} {num} xe",
        f"{written} {tail} ({num} chiếc)",
        f"{written} {tail}, số lượng {num} chiếc",
        f"{written} {tail} – {num} chiếc",
        f"{written} {tail} gồm {num} chiếc",
        f"{written} {num} chiếc {tail}",
    ]
    if not police:
        forms.append(f"{written} {num} chiếc")
    if n in WORDS:
        forms.append(f"{WORDS[n]} ({n:02d}) {written} {tail}")
    said = rng.choice(forms)
    return " ".join(said.split())


def _groups(rng: random.Random) -> list[tuple[str, str, int, str, str]]:
    picked = rng.sample(KINDS, rng.randint(2, 4))
    return [(kind, written, rng.randint(1, 16), owner, task) for kind, written, owner, task in picked]


def _clause_text(rng: random.Random, groups: list[tuple[str, str, int, str, str]]) -> str:
    """The groups in one line after a label, in one list of bullets, or in a running sentence."""
    said = [_phrase(rng, w, n, o, t) for _k, w, n, o, t in groups]
    when = rng.choice(("Các xe tập kết lúc 6:30 sáng", "Các xe tập trung lúc 06 giờ 30", "Tập trung: 6h30"))
    layout = rng.randrange(4)
    if layout == 0:
        body = "3. Phương tiện: " + "; ".join(said) + "."
    elif layout == 1:
        body = "3. Phương tiện tham gia:\n" + "\n".join(f"- {s};" for s in said)
    elif layout == 2:
        body = "Đoàn gồm " + "; ".join(said) + "."
    else:  # a table laid out with spaces (pdftotext -layout): kind, count, who
        gap = " " * rng.randint(3, 9)
        body = "\n".join(
            f"   {w.capitalize()}{gap}{n:02d} chiếc{gap}{o.removeprefix('của ')}" for _k, w, n, o, _t in groups
        )
    return HEAD + f"I. THỜI GIAN\n{when}, ngày 02/10/2022 tại UBND Phường 17.\n\nII. PHƯƠNG TIỆN\n{body}\n"


def _read(text: str) -> Counter[tuple[str, int]]:
    return Counter((f.kind, f.count) for f in extract(text, "doc.txt").forces)


def _want(groups: list[tuple[str, str, int, str, str]]) -> Counter[tuple[str, int]]:
    return Counter((k, n) for k, _w, n, _o, _t in groups)


@pytest.mark.parametrize("seed", range(150))
def test_counts_and_kinds_pair_in_either_order(seed: int) -> None:
    rng = random.Random(seed)
    groups = _groups(rng)
    text = _clause_text(rng, groups)
    assert _read(text) == _want(groups), text


def _row_table(rng: random.Random, groups: list[tuple[str, str, int, str, str]]) -> str:
    """A table of a kind and its count a row, its columns in any order and named any way ("Số lượng", "SL",
    "Số xe (chiếc)", none), perhaps numbered, with "N chiếc" or bare counts."""
    names = rng.choice(
        (("Loại xe", "Số lượng", "Đơn vị"), ("Phương tiện", "SL", "Đơn vị bố trí"), ("Xe", "Số xe (chiếc)", "Ghi chú"))
    )
    order = rng.sample(range(3), 3)
    numbered = rng.random() < 0.5
    lines = ["| " + " | ".join((["STT"] if numbered else []) + [names[k] for k in order]) + " |"]
    for i, (_k, w, n, o, _t) in enumerate(groups, start=1):
        cells = (w.capitalize(), f"{n:02d}{rng.choice((' chiếc', '', ' xe'))}", o.removeprefix("của "))
        lines.append("| " + " | ".join(([str(i)] if numbered else []) + [cells[k] for k in order]) + " |")
    return HEAD + "III. PHƯƠNG TIỆN\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(50))
def test_a_table_row_pairs_its_kind_and_its_count(seed: int) -> None:
    rng = random.Random(500 + seed)
    groups = _groups(rng)
    text = _row_table(rng, groups)
    assert _read(text) == _want(groups), text


UNITS = ("UBND phường", "Các khu phố (06 khu phố)", "Công an phường", "Trường THCS Lý Tự Trọng", "Đoàn Thanh niên")


def _matrix(rng: random.Random) -> tuple[str, Counter[tuple[str, int]]]:
    """A units × kinds matrix with "-" cells and perhaps a total row: one group per counted cell."""
    cols = rng.sample([k for k in KINDS if k[0] != "police_car"], rng.randint(2, 3))
    units = rng.sample(UNITS, rng.randint(2, 4))
    want: Counter[tuple[str, int]] = Counter()
    rows = ["| Đơn vị | " + " | ".join(w.capitalize() for _k, w, _o, _t in cols) + " |"]
    totals = [0] * len(cols)
    for unit in units:
        cells = []
        for j, (kind, _w, _o, _t) in enumerate(cols):
            n = rng.choice((0, 0, rng.randint(1, 12)))
            cells.append(f"{n:02d}" if n else rng.choice(("-", "–", "")))
            totals[j] += n
            if n:
                police = kind == "other" and unit == "Công an phường"
                want[("other" if not police else "other", n) if kind == "other" else (kind, n)] += 1
        rows.append(f"| {unit} | " + " | ".join(cells) + " |")
    if rng.random() < 0.7:
        rows.append("| Tổng cộng | " + " | ".join(f"{t:02d}" for t in totals) + " |")
    if rng.random() < 0.4:  # the same matrix turned: the kinds down the first column, a unit a column
        grid = [[c.strip() for c in r.strip("|").split("|")] for r in rows]
        rows = ["| " + " | ".join(col) + " |" for col in zip(*grid, strict=True)]
        rows[0] = rows[0].replace("Đơn vị", "Loại xe", 1)
    return HEAD + "IV. LỰC LƯỢNG, PHƯƠNG TIỆN\n" + "\n".join(rows) + "\n", want


@pytest.mark.parametrize("seed", range(50))
def test_a_matrix_gives_one_group_per_counted_cell_and_none_for_its_total(seed: int) -> None:
    text, want = _matrix(random.Random(900 + seed))
    assert _read(text) == want, text


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Xe hoa của 9 khu phố, mỗi khu phố một xe.", {("float", 9)}),
        ("Xe hoa 15 chiếc (10 của các khu phố, 05 của các trường học).", {("float", 10), ("float", 5)}),
        ("Các xe tập kết lúc 6:30 sáng; 11 xe hoa (mỗi khu phố 01 xe).", {("float", 11)}),
    ],
)
def test_a_per_unit_count_a_total_with_parts_and_a_clock_time(said: str, want: set[tuple[str, int]]) -> None:
    assert set(_read(HEAD + "II. PHƯƠNG TIỆN\n" + said + "\n")) == want


def test_escorts_said_together_share_their_owner_and_task() -> None:
    text = HEAD + "4. Phương tiện: 11 xe hoa, 01 xe ô tô và 02 xe mô tô của Công an phường dẫn đoàn.\n"
    got = {(f.kind, f.count): (f.role, f.owner) for f in extract(text, "doc.txt").forces}
    assert got[("police_car", 1)] == got[("motorbike", 2)] == ("lead", "Công an phường")
    assert got[("float", 11)][0] is None


def test_a_kind_first_clause_keeps_its_length_and_alignment() -> None:
    text = "xe mô tô dẫn đoàn của Công an phường 02 chiếc; xe cứu thương 01 chiếc"
    said, low = count_first(text, fold(text))
    assert len(said) == len(text) and fold(said) == low
    assert " ".join(said.split()) == "02 xe mô tô dẫn đoàn của Công an phường ; 01 xe cứu thương"
