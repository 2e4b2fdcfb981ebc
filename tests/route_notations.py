"""A generator of route notations for the shape reader's tests: real step lists rendered with random separators,
layouts, remarks and surroundings (seeded), and texts that hold no route."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "import_corpus"
#: The corpora whose keys give real step lists (heldout8 and later, the blind sets, are never read here).
SETS = ("", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")


def real_routes() -> list[list[str]]:
    """Step lists of the corpus keys (three steps or more)."""
    out: list[list[str]] = []
    for name in SETS:
        for key in sorted((CORPUS / name).glob("*.key.yaml")):
            route = (yaml.safe_load(key.read_text(encoding="utf-8")) or {}).get("route") or []
            if len(route) >= 3:
                out.append([str(s) for s in route])
    return out


#: Street names the embedded street data writes that are no street (lanes, terminal ramps, directions).
_NOT_STREETS = ("Hướng", "Làn", "Lối", "Ga ", "Hầm", "Hẻm", "hẻm", "Ngõ", "Đường dẫn", "Nút")


def _streetlike(name: str) -> bool:
    return (
        bool(name.strip())
        and "(" not in name
        and "," not in name
        and "/" not in name
        and not name.startswith(_NOT_STREETS)
        and all(w[:1].isupper() or w[:1].isdigit() for w in name.split())
    )


def street_walks(count: int, seed: int) -> list[list[str]]:
    """Step lists of streets that meet in the embedded street data (random walks along its named roads), each
    between two of its named places (schools, markets, …) or a ward's seat: names nobody wrote a key for."""
    import csv

    from paradeplan.geo.streets import load_graph
    from paradeplan.importer.extract import place_kind
    from paradeplan.resources import data_path

    g = load_graph("builtin:quan12")
    rng = random.Random(seed)
    with open(data_path("streets", "quan12-places.csv"), encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        places = sorted({r[0] for r in rows if len(r) > 3 and place_kind(r[0]) and _streetlike(r[0])})
    places += [f"UBND Phường {k}" for k in range(1, 18)]
    starts = sorted(
        (u, v) for u, v, d in g.edges(data=True) if d.get("highway") in ("primary", "secondary", "tertiary")
    )
    out: list[list[str]] = []
    while len(out) < count:
        u, v = rng.choice(starts)
        names: list[str] = []
        prev = u
        for _step in range(400):
            name = next((d.get("name") for d in g.get_edge_data(prev, v, default={}).values()), None)
            if isinstance(name, str) and _streetlike(name) and (not names or names[-1] != name):
                names.append(name)
            nxt = [w for w in g.successors(v) if w != prev]
            if not nxt or len(names) >= rng.randint(3, 7):
                break
            prev, v = v, rng.choice(sorted(nxt))
        if len(names) >= 3:
            home = rng.choice(places)
            out.append([home, *names, home])
    return out


#: Separators by class: arrows of many blocks, dashes, guillemets, private-use glyphs, ASCII arrows, punctuation.
SEPARATORS = (
    " → ",
    " -> ",
    " => ",
    " --> ",
    " ⇒ ",
    " ➜ ",
    " ➡️ ",
    " ⟶ ",
    " ↦ ",
    " ⇨ ",
    " ⮕ ",
    " ► ",
    " ▶ ",
    " » ",
    " › ",
    " \uf0e0 ",
    " \uf0d8 ",
    " – ",
    " — ",
    " - ",
    " ‒ ",
    "–",
    ", ",
    "; ",
    " | ",
    " > ",
    " >> ",
    " ~> ",
    " ⟹ ",
    " ➔ ",
)
BULLETS = ("- ", "+ ", "• ", "* ", "– ", "", "1. ", "a) ", "▪ ", "o ", "➢ ")
TURNS = (
    "rẽ phải vào",
    "rẽ trái vào",
    "quẹo phải sang",
    "ngoặt trái vào",
    "đi thẳng",
    "tiếp tục theo",
    "theo",
    "rẽ phải",
    "rẽ trái sang",
    "chạy dọc",
    "vào",
    "ra",
)
REMARKS = ("(1,2 km)", "(rẽ phải)", "(rẽ trái)", "(0,8 km)", "[đi chậm]", "(chiều đi)", "(đoạn 2)")
CUES = (
    "Lộ trình:",
    "Tuyến diễu hành:",
    "Hành trình của đoàn xe:",
    "Đoàn xe đi theo lộ trình sau:",
    "4. Lộ trình diễu hành",
    "LỘ TRÌNH:",
    "🚩 Lộ trình:",
)


def _is_place(step: str) -> bool:
    from paradeplan.importer.extract import place_kind

    return place_kind(step) is not None


def written(step: str, rng: random.Random) -> str:
    """A step as a document may write it: a street with or without "đường", a remark in brackets."""
    text = step
    if not _is_place(step) and rng.random() < 0.3 and not step.lower().startswith(("quốc lộ", "tỉnh lộ")):
        text = f"đường {step}"
    if rng.random() < 0.15:
        text = f"{text} {rng.choice(REMARKS)}"
    return text


def _line(steps: list[str], rng: random.Random) -> list[str]:
    sep = rng.choice(SEPARATORS)
    return [f"{rng.choice(CUES)} " + sep.join(written(s, rng) for s in steps)]


def _vertical(steps: list[str], rng: random.Random) -> list[str]:
    bullet = rng.choice(BULLETS)
    comma = rng.choice(("", ",", ";", " →", ""))
    return [rng.choice(CUES)] + [f"{bullet}{written(s, rng)}{comma}" for s in steps]


def _row(steps: list[str], rng: random.Random) -> list[str]:
    return ["Thứ tự\t" + "\t".join(str(k + 1) for k in range(len(steps))), "Tuyến\t" + "\t".join(steps)]


def _column(steps: list[str], rng: random.Random) -> list[str]:
    notes = ("", "Điểm xuất phát", "Rẽ phải", "Rẽ trái", "Hướng về trung tâm", "Chiều ngược lại", "Đi chậm")
    gap = rng.choice(("\t", "    ", "      "))
    rows = [f"STT{gap}Tuyến đường / điểm{gap}Ghi chú"]
    for k, s in enumerate(steps):
        rows.append(f"{k + 1}{gap}{s}{gap}{rng.choice(notes)}".rstrip())
    return [rng.choice(CUES)] + rows


def _prose(steps: list[str], rng: random.Random) -> list[str]:
    parts = [f"Đoàn xe xuất phát từ {steps[0]}"]
    # a place inside the route is where the column turns back (a junction only passed is no step of the keys)
    parts += [f"{rng.choice(TURNS)} đường {s}" if not _is_place(s) else f"quay đầu tại {s}" for s in steps[1:-1]]
    parts.append(f"rồi trở về {steps[-1]}")
    return [", ".join(parts) + "."]


def _timed(steps: list[str], rng: random.Random) -> list[str]:
    out = ["Kịch bản diễu hành:"]
    for k, s in enumerate(steps):
        clock = f"{7 + k // 4:02d}{rng.choice(('g', 'h', ':'))}{(k * 15) % 60:02d}"
        what = f"Đoàn xe {rng.choice(TURNS)} đường {s}." if not _is_place(s) else f"Đoàn xe quay đầu tại {s}."
        out.append(f"{clock}{rng.choice((': ', ' - ', ' '))}{what}")
    return out


def _quoted(steps: list[str], rng: random.Random) -> list[str]:
    text = f"3. Lộ trình: {' - '.join(steps)}."
    lines, cur = [], ""
    for word in text.split(" "):
        if len(cur) + len(word) > 60:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    lines.append(cur)
    return ["Kính gửi các khu phố,", "", *(f"> {ln}" for ln in lines), ">", "> TM. ỦY BAN NHÂN DÂN"]


def _page_break(steps: list[str], rng: random.Random) -> list[str]:
    sep = rng.choice(SEPARATORS)
    k = rng.randrange(1, len(steps) - 1)
    head = sep.join(steps[:k]) + sep.rstrip()
    tail = sep.lstrip() + sep.join(steps[k:])
    return [f"Lộ trình: {head}", "2", "", "Kế hoạch số 12/KH-UBND", tail]


def _capitals(steps: list[str], rng: random.Random) -> list[str]:
    sep = rng.choice((" – ", " → ", " - ", " » "))
    return [f"LỘ TRÌNH: {sep.join(s.upper() for s in steps)}"]


def _numbered(steps: list[str], rng: random.Random) -> list[str]:
    form = rng.choice(("({k}) {s}", "{k}. {s}", "Điểm {k}: {s}", "Bước {k} - {s}"))
    sep = rng.choice(("; ", " → ", "; tiếp theo ", ", "))
    return ["Lộ trình cụ thể: " + sep.join(form.format(k=k + 1, s=s) for k, s in enumerate(steps)) + "."]


def _legs(steps: list[str], rng: random.Random) -> list[str]:
    form = rng.choice(("Chặng {k}: {a}{sep}{b}", "- Từ {a} đến {b};", "{k}) {a}{sep}{b}", "Đoạn {k}: từ {a} tới {b}."))
    sep = rng.choice((" – ", " → ", " - ", " đến "))
    legs = zip(steps, steps[1:], strict=False)
    return ["Lộ trình gồm các chặng:", *(form.format(k=k + 1, a=a, b=b, sep=sep) for k, (a, b) in enumerate(legs))]


LAYOUTS = {
    "legs": _legs,
    "capitals": _capitals,
    "numbered": _numbered,
    "line": _line,
    "vertical": _vertical,
    "row": _row,
    "column": _column,
    "prose": _prose,
    "timed": _timed,
    "quoted": _quoted,
    "page break": _page_break,
}

#: Text around a route, from letters that hold none.
HEAD = (
    "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP\nỦY BAN NHÂN DÂN PHƯỜNG 17\nSố: 389/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nPhường 17, ngày 20 tháng 9 năm 2022\nKẾ HOẠCH\nTổ chức diễu hành xe hoa\n"
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/9/2022 của Ủy ban nhân dân quận;\n"
    "- Thời gian: 06 giờ 30 phút, Chủ nhật ngày 02/10/2022.\n- Địa điểm tập trung: sân UBND Phường 17."
)
TAIL = (
    "III. TỔ CHỨC THỰC HIỆN\n1. Công an phường: dẫn đoàn.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nLâm Quốc Bảo"
)


def document(steps: list[str], layout: str, rng: random.Random) -> str:
    """A plan's text with the steps written in one layout."""
    return "\n".join([HEAD, "II. LỘ TRÌNH", *LAYOUTS[layout](steps, rng), TAIL])


#: Texts with lists that are no route: letterheads, "Căn cứ" lists, units, schools, addresses, dates, members.
NEGATIVES = (
    HEAD + "\n" + TAIL,
    "Căn cứ Luật Giáo dục ngày 14/6/2019;\nCăn cứ Quyết định số 1373/QĐ-TTg;\nCăn cứ Kế hoạch số 12/KH-UBND;",
    "Thành phần:\n- Trường THCS Giảng Võ\n- Trường Tiểu học Nguyễn Tri Phương\n"
    "- Trung tâm học tập cộng đồng phường Kim Mã\n- Hội Khuyến học phường Đội Cấn",
    "Kính gửi: UBND Phường 1, UBND Phường 3, UBND Phường 5, UBND Phường 7, UBND Phường 9.",
    "Địa chỉ: số 19 Quang Trung, Phường 10, Quận Gò Vấp, TP. Hồ Chí Minh; ĐT: 028 3894 1234.",
    "Danh sách ban tổ chức:\n1. Ông Nguyễn Văn An - Chủ tịch\n2. Bà Trần Thị Bình - Phó Chủ tịch\n"
    "3. Ông Lê Văn Cường - Ủy viên\n4. Bà Phạm Thị Dung - Ủy viên",
    "Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường, Phạm Thị Dung và Hoàng Văn Em tham dự.",
    "Thời gian: từ ngày 01/10/2023 - 07/10/2023; Thứ Hai, 02/10 - Thứ Ba, 03/10 - Thứ Tư, 04/10.",
    "Đơn vị\tXe hoa\tXe mô tô\tXe ô tô\nUBND phường\t01\t-\t-\nCông an phường\t-\t04\t01\nTổng cộng\t07\t04\t01",
    "Các khu phố 1, 2, 3, 4, 5, 6; các trường THCS, Tiểu học, Mầm non trên địa bàn phường.",
    "Nơi nhận:\n- Thường trực Quận ủy;\n- UBND quận;\n- Phòng Giáo dục và Đào tạo;\n- Lưu: VT.",
    "Nhằm tuyên truyền sâu rộng, tuyên dương các tập thể: Khu phố 1 - Khu phố 2 - Khu phố 3 - Khu phố 4.",
)


_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Hữu", "Quốc", "Ngọc", "Đức")
_GIVEN = ("An", "Bình", "Cường", "Dung", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Vinh")
_ROLES = ("Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Trưởng ban", "thành viên", "Tổ trưởng")
_LEADS = (
    "Thành phần đoàn xe gồm:",
    "Ban tổ chức gồm các đồng chí:",
    "Danh sách khen thưởng:",
    "Mời các đồng chí:",
    "Thành phần tham gia lễ xuất phát:",
    "Phân công trực:",
    "",
)


def person(rng: random.Random) -> str:
    """A Vietnamese full name (named like many streets)."""
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def no_route(rng: random.Random) -> str:
    """A text with a list that is no route: people (with or without titles and roles), units, schools,
    addresses, dates, or a "Căn cứ" list, in a random layout and separator."""
    kind = rng.choice(("people", "titled", "units", "schools", "addresses", "dates"))
    n = rng.randint(3, 7)
    if kind == "people":
        items = [person(rng) for _ in range(n)]
    elif kind == "titled":
        titles = ("Ông", "Bà", "Đồng chí", "Đ/c")
        items = [f"{rng.choice(titles)} {person(rng)} - {rng.choice(_ROLES)}" for _ in range(n)]
    elif kind == "units":
        items = [f"UBND Phường {rng.randint(1, 17)}" for _ in range(n)]
    elif kind == "schools":
        items = [f"Trường {rng.choice(('THCS', 'Tiểu học', 'THPT', 'Mầm non'))} {person(rng)}" for _ in range(n)]
    elif kind == "addresses":
        items = [f"số {rng.randint(1, 300)} {person(rng)}, Phường {rng.randint(1, 17)}" for _ in range(n)]
    else:
        items = [f"ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/20{rng.randint(19, 26)}" for _ in range(n)]
    lead = rng.choice(_LEADS)
    if rng.random() < 0.5:
        body = [lead, *(f"{rng.choice(BULLETS)}{x}{rng.choice(('', ';', ','))}" for x in items)]
    else:
        sep = rng.choice((", ", "; ", " - ", " – ", " | "))
        body = [f"{lead} {sep.join(items)}."]
    return "\n".join([HEAD, "II. THÀNH PHẦN", *body, TAIL])
