"""Tables written in text as lines the rules read: pandoc grid tables ("+---+" borders, a cell wrapped over several
lines), pipe tables ("| a | b |"), tables pasted as TAB-separated lines or laid out with spaces, and tables exported
one cell per line (a header of column names, then rows that start with their number), each row turned into one
labelled line like a Word table's (``reader.rows_lines``)."""

from __future__ import annotations

import re

from paradeplan.geo.names import CAPITAL_LETTERS
from paradeplan.importer.dates import DAY_MONTH
from paradeplan.importer.events import FAMILY_NAMES, HONORIFIC_FOLDED, generic_role, persons
from paradeplan.importer.text import fold

#: A grid table's border line ("+-----+----+", "+=====+====+").
_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
#: A pipe table's line, and its header rule ("|---|:--:|").
_PIPE = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
#: Most lines a table exported one cell per line may hold (header included).
MAX_CELL_LINES = 2000


def _grid(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A grid table starting at line ``i`` (a border): its rows (a cell's lines joined) and the next line."""
    border = lines[i].strip()
    cuts = [k for k, c in enumerate(border) if c == "+"]
    if len(cuts) < 3:
        return None
    rows: list[list[str]] = []
    cell_lines: list[list[str]] = [[] for _ in cuts[:-1]]
    j = i + 1
    while j < len(lines):
        line = lines[j].strip()
        if _BORDER.match(line):
            if any(cell_lines):
                rows.append([" ".join(" ".join(p.split()) for p in parts if p.strip()) for parts in cell_lines])
            cell_lines = [[] for _ in cuts[:-1]]
            j += 1
            if j >= len(lines) or not lines[j].strip().startswith(("|", "+")):
                break
            continue
        if not line.startswith("|"):
            break
        for k in range(len(cuts) - 1):
            cell_lines[k].append(line[cuts[k] + 1 : cuts[k + 1]].strip(" |"))
        j += 1
    return (rows, j) if rows else None


def _pipes(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    j = i
    while j < len(lines) and _PIPE.match(lines[j]):
        if not _PIPE_RULE.match(lines[j]):
            rows.append([c.strip() for c in lines[j].strip().strip("|").split("|")])
        j += 1
    return rows, j


def _column_names(lines: list[str], i: int) -> int:
    """How many lines from ``i`` on are column names of a table exported one cell per line ("STT", "Thời gian",
    "Nội dung", …): 3 or more, the first "STT"/"TT", else 0."""
    from paradeplan.importer.reader import is_column_heading

    if fold(lines[i]).strip(" :.") not in ("stt", "tt"):
        return 0
    n = 1
    while i + n < len(lines) and is_column_heading(fold(lines[i + n]).strip(" :.")):
        n += 1
    return n if n >= 3 else 0


def _cells(lines: list[str], i: int, n: int) -> tuple[list[list[str]], int]:
    """Rows of ``n`` cells, one a line, after a header of ``n`` column names at ``i``: each row starts with its
    number (1, 2, 3 …); they end at the first line that does not."""
    rows = [[ln.strip() for ln in lines[i : i + n]]]
    j = i + n
    number = 1
    while j + n <= len(lines) and j - i < MAX_CELL_LINES and lines[j].strip().rstrip(".") == str(number):
        rows.append([ln.strip() for ln in lines[j : j + n]])
        j += n
        number += 1
    return rows, j


def _tabbed(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table pasted as TAB-separated lines (a Word table copied into plain text): two lines or more in a row,
    each with a TAB between cells; its rows and the next line."""
    j = i
    rows: list[list[str]] = []
    while j < len(lines) and "\t" in lines[j].strip(" \n"):
        cells = [c.strip() for c in lines[j].strip(" \n").split("\t")]
        if rows and not cells[0]:  # a wrapped cell's next line ("\t29/9\t\t"): the row above's
            for k, c in enumerate(cells):
                if c and k < len(rows[-1]):
                    rows[-1][k] = f"{rows[-1][k]} {c}".strip()
        else:
            rows.append([c.strip() for c in re.split(r"\t+", lines[j].strip())])
        j += 1
    return (rows, j) if len(rows) >= 2 else None


#: A gap between two columns of a table laid out with spaces (a PDF's or a console's text): three spaces or more.
_SPACE_GAP = re.compile(r"[ ]{3,}|\t+")


#: A column of a route's table ("Tuyến đường / điểm", "Lộ trình", "Đoạn", "Từ", "Đến") (folded).
_ROUTE_HEAD = re.compile(r"^(?:tuyen|lo trinh|hanh trinh|duong\b|doan\b|tu$|den$)")


def _spaced(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """A table laid out with spaces ("Chốt   Vị trí      Lực lượng   Chỉ huy" over its rows): a header of three
    column names or more (no digit: no row of its own), then lines of two cells or more each; its rows and the
    next line (three rows at least)."""
    from paradeplan.importer.reader import chain_column

    head = _SPACE_GAP.split(lines[i].strip())
    if len(head) < 3 or any(re.search(r"\d", h) for h in head):
        return None
    rows = [head]
    j = i + 1
    while j < len(lines) and len(cells := _SPACE_GAP.split(lines[j].strip())) >= 2:
        rows.append(cells)
        j += 1
    if any(_ROUTE_HEAD.match(fold(h)) for h in head) and chain_column(rows[1:], 0) is None:
        return None  # (a route's table laid out so is read by its gaps, importer.shape; not its stages' arrows)
    return (rows, j) if len(rows) >= 3 else None


def text_tables(text: str) -> str:
    """The text with each table written in it (grid, pipe, one cell per line) replaced by its rows' lines."""
    from paradeplan.importer.reader import rows_lines

    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found: tuple[list[list[str]], int] | None = None
        if _BORDER.match(line):
            found = _grid(lines, i)
        elif _PIPE.match(line):
            found = _pipes(lines, i)
        elif "\t" in line.strip():
            found = _tabbed(lines, i)
        elif _SPACE_GAP.search(line.strip()):
            found = _spaced(lines, i)  # (no "STT" alone on its line, as a table of one cell a line starts)
        elif (n := _column_names(lines, i)) > 0:
            rows, j = _cells(lines, i, n)
            found = (rows, j) if len(rows) > 1 else None
        if found is None:
            out.append(line)
            i += 1
            continue
        rows, i = found
        out += ["", *rows_lines(rows), ""]
    return "\n".join(out)


#: An officials' table (rules kept as data, folded column names): who, their office, where they go
#: ("Đồng chí | Chức vụ | Dự", "Họ và tên | Chức danh | Lịch dự").
OFFICIAL_PERSON_HEADS = ("dong chi", "ho va ten", "ho ten", "lanh dao", "nguoi du", "dai bieu", "ten")
OFFICIAL_ROLE_HEADS = ("chuc vu", "chuc danh", "don vi")
OFFICIAL_VISIT_HEADS = (
    "du",
    "tham du",
    "lich du",
    "du le",
    "noi dung du",
    "hoat dong du",
    "phan cong",
    "phan cong du",
    "lich cong tac",
)
#: A column of where the official goes, by its first words ("Dự lễ tại", "Tham dự tại", "Lịch dự buổi sáng",
#: "Địa điểm dự") (folded), besides :data:`OFFICIAL_VISIT_HEADS`.
_VISIT_HEAD = re.compile(r"^(?:(?:tham\s+)?du\b|lich\s+du\b|dia diem du\b|noi dung du\b|hoat dong du\b|phan cong du\b)")
#: A column of where the official goes next ("Sau đó", "Tiếp theo", "Sau đó dự") (folded).
_THEN_HEAD = re.compile(r"^(?:sau do|tiep theo|tiep do|roi)\b")
#: A column of one day or part of a day in an officials' table ("Ngày 01/10/2024", "Thứ Ba (01/10)", "Sáng 02/10")
#: (folded).
_DAY_HEAD = re.compile(r"^(?:ngay|thu\s+\w+|chu nhat|sang|chieu|toi|buoi\s+\w+)\b.{0,30}" + DAY_MONTH)
_PERSON_WORD = re.compile(r"^" + HONORIFIC_FOLDED + r"\s")
_VISIT_WORD = re.compile(r"^(?:tham du|du|chu tri|phat bieu)\b")
#: A visit column whose cells are the places the official goes ("Dự tại", "Tham dự tại", "Nơi dự", "Địa điểm dự")
#: (folded): a cell that names no ceremony is a place ("TTHTCĐ xã A" → "dự tại TTHTCĐ xã A").
_AT_HEAD = re.compile(r"^(?:(?:tham\s+)?du\s+(?:le\s+)?tai|(?:noi|dia diem)\s+(?:tham\s+)?du)$")
#: A column of when the official goes, beside the visit column ("Thời gian", "Ngày giờ", "Thời gian dự", "Giờ, ngày")
#: (folded).
_WHEN_HEAD = re.compile(
    r"^(?:thoi gian(?:\s+(?:tham\s+)?du|\s+to chuc)?|thoi diem|ngay gio|gio,?\s+ngay|ngay,?\s+gio)$"
)
#: A column of where the visit is held, beside what it is ("Địa điểm", "Nơi tổ chức", "Địa điểm tổ chức") (folded).
_WHERE_HEAD = re.compile(r"^(?:dia diem|noi to chuc|dia diem to chuc)$")
#: A visit cell that names what the official attends ("Lễ khai mạc cấp thị xã", "Buổi lễ …", "Khai mạc …") (folded).
_EVENT_CELL = re.compile(r"^(?:le|buoi|chuong trinh|ngay hoi|hoi nghi|khai mac|phat dong|khai truong|ra mat)\b")
#: The dash between a ceremony and its venue in one cell ("Lễ khai mạc cấp thị xã – Hội trường UBND thị xã A").
_EVENT_DASH_PLACE = re.compile(r"\s+[–—-]\s+(?=[" + CAPITAL_LETTERS + r"])")


#: A matrix cell that marks attendance ("x", "X", "✓", "có", "•"), folded.
_MARK = re.compile(r"^(?:x|✓|✔|☑|v|co|•|\+|\*)$")


def matrix_officials(header: list[str], rows: list[list[str]]) -> list[str]:
    """A matrix of officials across the header and ceremonies down the first column, a mark where one attends
    ("Lễ khai mạc | Đ/c A, chức vụ | Đ/c B …" / "Cấp tỉnh | x | | x"), as one sentence an official in row order:
    "Đ/c A, chức vụ: dự Lễ khai mạc Cấp tỉnh; dự Lễ khai mạc Thị xã B."; [] for any other table."""
    head = [fold(c).strip() for c in header]
    people = [k for k, h in enumerate(head) if k and _PERSON_WORD.match(h + " ")]
    if len(people) < 2 or len(people) < len(head) - 2 or not rows:
        return []
    marks = [fold(c).strip() for cells in rows for k, c in enumerate(cells) if k in people]
    if not any(_MARK.match(m) for m in marks) or any(m and not _MARK.match(m) for m in marks):
        return []
    kind = header[0].strip(" .;:") if head[0].startswith("le ") else "Lễ"
    out = []
    for k in people:
        seen = [cells[0].strip(" .;:") for cells in rows if k < len(cells) and _MARK.match(fold(cells[k]).strip())]
        if seen:
            out.append(f"{header[k].strip(' .;:')}: " + "; ".join(f"dự {kind} {s}" for s in seen) + ".")
    return out


#: A work schedule's column of days ("Ngày", "Thứ, ngày", "Thời gian" over "Thứ Hai 29/9, sáng") (folded).
_DAYS_COLUMN = re.compile(r"^(?:thu,?\s*)?ngay(?:,?\s*thu)?(?:\s+thang)?$|^thu$|^thoi gian$|^buoi$")
#: Where a schedule's cell starts an item: a time or a part of the day before a colon, at the cell's start or
#: after a sentence ("7g30: Chào cờ. 14g00: Họp …", "Cả ngày: Đi công tác", "Chiều: Kiểm tra …").
_CELL_ITEM = re.compile(
    r"(?:^|(?<=[.;])\s+)(?=(?:\d{1,2}\s*(?:g|h|giờ|:)\s*\d{0,2}(?:\s*phút)?|cả ngày|sáng|chiều|tối)\s*:)", re.I
)


def _leader(cell: str) -> str | None:
    """A column heading that names one person with their title ("PCT Hồ Thị Lệ Thu", "Chủ tịch UBND tỉnh Đặng Văn
    Thành", "Đ/c Lê Quang Hưng, Chủ tịch UBND tỉnh") as an itinerary's heading ("Đồng chí Hồ Thị Lệ Thu, PCT");
    None for another heading."""
    named = persons(cell)
    if len(named) == 1 and named[0][1] == 0:  # "Đ/c Lê Quang Hưng, Chủ tịch UBND tỉnh": the name, then the title
        title = cell[named[0][2] :].strip(" ,;:–-")
        return f"Đồng chí {named[0][0]}, {title}" if title else f"Đồng chí {named[0][0]}"
    words = cell.split()
    at = next((k for k, w in enumerate(words) if fold(w) in FAMILY_NAMES and k), None)
    name = words[at:] if at is not None else []
    if len(name) < 2 or not all(w[:1].isupper() for w in name):
        return None
    return f"Đồng chí {' '.join(name)}, {' '.join(words[:at])}"


def leader_columns(header: list[str], rows: list[list[str]]) -> list[str]:
    """A work schedule with a column of days and a column per leader ("Ngày | PCT A | PCT B" / "Thứ Ba 01/10 | 7 giờ
    30: Dự Lễ khai mạc … tại X. 15g00: Làm việc …"), as each leader's itinerary: a heading line, then one line per
    item with its day ("Đồng chí A, PCT:" / "- 7 giờ 30, Thứ Ba 01/10: Dự Lễ khai mạc … tại X."); [] for another
    table."""
    if not rows or not _DAYS_COLUMN.match(fold(header[0]).strip(" .:")):
        return []
    leaders = {k: who for k, cell in enumerate(header) if k and (who := _leader(cell.strip(" .;:")))}
    if len(leaders) < max(1, len(header) - 2):
        return []
    out: list[str] = []
    for k, who in leaders.items():
        out.append(f"{who}:")
        for cells in rows:
            if k >= len(cells) or not cells[k].strip():
                continue
            for item in (x.strip() for x in _CELL_ITEM.split(cells[k]) if x.strip()):
                when, _colon, what = item.partition(":")
                out.append(f"- {when.strip()}, {cells[0].strip()}: {what.strip()}" if what else f"- {item}")
    return out


#: A column named by the number of a ceremony listed elsewhere ("(1)", "1", "Lễ số 2") (folded).
_NUMBERED_COLUMN = re.compile(r"^(?:le\s+)?(?:so\s+)?\(?(\d{1,2})\)?$")


def marked_officials(header: list[str], rows: list[list[str]]) -> list[str]:
    """A matrix of officials down a names column and ceremonies across, a mark where one attends ("TT | Họ và tên |
    Chức vụ | (1) | (2) | …" / "1 | Nguyễn Thị A | Trưởng phòng | x | | x"), as one sentence an official: "Đồng chí
    A, Trưởng phòng: dự buổi lễ số 1; dự buổi lễ số 3." when the columns number the ceremonies a list gives,
    "…: dự Lễ khai mạc Cấp tỉnh" when they name them; [] for any other table."""
    head = [fold(c).strip(" .;:") for c in header]
    person = next((k for k, h in enumerate(head) if h in OFFICIAL_PERSON_HEADS), None)
    role = next((k for k, h in enumerate(head) if h in OFFICIAL_ROLE_HEADS), None)
    if person is None or not rows:
        return []
    columns = []
    for k in range(len(head)):
        cells = [fold(r[k]).strip() for r in rows if k < len(r)]
        if k not in (person, role) and head[k] and any(cells) and all(_MARK.match(c) for c in cells if c):
            columns.append(k)
    if len(columns) < 2:
        return []
    out = []
    for cells in rows:
        if person >= len(cells) or not _a_person(cells[person]):
            continue  # "Lãnh đạo UBND 16 phường", "Hiệu trưởng các trường": a group, no one to schedule
        visits = []
        for k in columns:
            if k < len(cells) and _MARK.match(fold(cells[k]).strip()):
                number = _NUMBERED_COLUMN.match(head[k])
                name = header[k].strip(" .;:")
                visits.append(f"dự buổi lễ số {number.group(1)}" if number else f"dự {name}")
        if visits:
            out.append(f"{_official(cells, person, role)}: " + "; ".join(visits) + ".")
    return out


def _a_person(cell: str) -> bool:
    """Whether a names column's cell names a person: after an honorific, capitalised words from a family name on."""
    words = _PERSON_WORD.sub("", fold(cell).strip() + " ").split()
    written = cell.split()[-len(words) :] if words else []
    return len(words) >= 2 and words[0] in FAMILY_NAMES and all(w[:1].isupper() for w in written)


def _official(cells: list[str], person: int, role: int | None) -> str:
    """A table row's official as a sentence names one: "Đồng chí A, chức vụ" (the honorific added when the name
    cell has none and names no office's role, "Đại diện Hội Khuyến học": no one named; the role cell's title after
    a comma)."""
    who = cells[person].strip(" .;:")
    who = who if _PERSON_WORD.match(fold(who) + " ") or generic_role(who) else "Đồng chí " + who
    office = cells[role].strip(" .;:") if role is not None and role < len(cells) else ""
    return f"{who}{', ' + office if office else ''}"


def official_lines(head: list[str], rows: list[list[str]]) -> list[str]:
    """An officials' table as the sentences documents write: "Đồng chí X, chức vụ: dự <cell>" (the visit cell as
    written, "dự" added when it starts with the ceremony; "tại <place> lúc <time>" after it when columns of the
    venue and the time go beside it; a row with no name and no number goes on with the official above, one
    sentence each); [] for any other table."""
    person = next((k for k, h in enumerate(head) if h in OFFICIAL_PERSON_HEADS), None)
    visit = next((k for k, h in enumerate(head) if h in OFFICIAL_VISIT_HEADS or _VISIT_HEAD.match(h)), None)
    days = [k for k, h in enumerate(head) if k != person and _DAY_HEAD.match(h)]
    if person is not None and visit is None and days:  # "Đại biểu | Chức vụ | Ngày 01/10 | Ngày 03/10": a day each
        visit, then = days[0], days[1:]
    elif person is None or visit is None:
        return []
    else:
        then = [k for k, h in enumerate(head) if k > visit and _THEN_HEAD.match(h)]  # "… | Dự lễ tại | Sau đó"
    role = next((k for k, h in enumerate(head) if h in OFFICIAL_ROLE_HEADS), None)
    at = _AT_HEAD.match(head[visit]) is not None
    held = _held_columns(head, (person, visit, *then))
    out: list[str] = []
    who = ""
    for cells in rows:
        if max(person, visit) >= len(cells) or not cells[visit].strip():
            continue
        if cells[person].strip():
            who = _official(cells, person, role)
        elif not who or any(c.strip() for c in cells[: person + 1]):
            continue  # a numbered row with no name; a row with no name and no number goes on with the one above
        visits = [_visit(cells[k], at) for k in [visit, *then] if k < len(cells) and cells[k].strip(" .;:-–")]
        visits[0] = visits[0].rstrip(" .;") + _held_at(cells, *held)
        out.append(f"{who}: " + "; sau đó ".join(v.rstrip(" .;") for v in visits))
    return out


def _held_columns(head: list[str], taken: tuple[int, ...]) -> tuple[int | None, int | None]:
    """The columns of an officials' table that say where and when the visit is held ("Địa điểm", "Thời gian"),
    besides the columns ``taken`` (who, where they go)."""
    free = [k for k in range(len(head)) if k not in taken]
    where = next((k for k in free if _WHERE_HEAD.match(head[k])), None)
    when = next((k for k in free if _WHEN_HEAD.match(head[k])), None)
    return where, when


def _held_at(cells: list[str], where: int | None, when: int | None) -> str:
    """What an officials' row says of where and when its visit is held, as a sentence goes on: " tại <place>",
    " lúc <time>" (", <day>" for a cell that starts with no hour: "Sáng 02/10")."""
    out = ""
    if where is not None and where < len(cells) and cells[where].strip(" .;:-–"):
        out += " tại " + cells[where].strip(" .;")
    said = cells[when].strip(" .;") if when is not None and when < len(cells) else ""
    if re.match(r"\d{1,2}\s*(?:h|g|giờ|:)", said, re.I):
        out += " lúc " + said
    elif said.strip(" :-–"):
        out += ", " + said
    return out


def _visit(cell: str, at: bool = False) -> str:
    """A cell of where an official goes, as a sentence says it: "dự <cell>" unless it says its verb; numbers of the
    ceremonies a list gives ("(1), sau đó (2)") as "dự buổi lễ số 1; dự buổi lễ số 2"; in a column of places
    ("Dự tại"), "dự tại <place>" for a cell that names no ceremony, "dự <ceremony> tại <place>" for one that names
    both ("Lễ khai mạc cấp thị xã – Hội trường A")."""
    what = cell.strip()
    if re.fullmatch(r"\(?\d{1,2}\)?(?:\s*(?:,|;|và|sau đó|,\s*sau đó)\s*\(?\d{1,2}\)?)*", what):
        # "(1), sau đó (2)": the ceremonies the document lists by number
        return "; ".join(f"dự buổi lễ số {n}" for n in re.findall(r"\d{1,2}", what))
    if _VISIT_WORD.match(fold(what)):
        return what
    if at and not _EVENT_CELL.match(fold(what)):
        return "dự tại " + what
    if at:
        what = _EVENT_DASH_PLACE.sub(" tại ", what, count=1)
    first = what.split(" ", 1)[0]
    return "dự " + (what if first.isupper() and len(first) > 1 else what[:1].lower() + what[1:])
