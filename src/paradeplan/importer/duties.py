"""Which unit a document charges with the traffic on the route (posts, diversions), read by rules kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paradeplan.importer.events import Line, clauses, subject_of
from paradeplan.importer.text import Folded, capitalize, fold, tidy

#: Traffic tasks on the route as documents word them (folded). A new wording is a new row here.
TRAFFIC_TASKS: tuple[str, ...] = (
    r"phan luong",
    r"dieu tiet(?:,? (?:huong dan|phan luong))?(?: giao thong)?",
    r"(?:huong dan|dieu khien) giao thong",
    r"(?:bao dam|dam bao|giu gin|giu)(?: an ninh,?)?(?: (?:va )?trat tu,?)?(?: va)? an toan giao thong",
    r"(?:chot chan|giu chot|lap chot|canh gac) (?:tai|o|tren) (?:cac )?(?:giao lo|nga|tuyen|lo trinh)",
    r"lam nhiem vu (?:tren|doc) (?:tuyen|lo trinh)",
    r"bao ve lo trinh",
    r"(?:bao dam|dam bao|giu gin|giu)(?: an ninh,?)?(?: va)? trat tu\b[^.;]{0,60}?\b(?:tren|doc) (?:cac )?"
    r"(?:tuyen|lo trinh)",
    r"(?:tam dung|dung|chan|giu) (?:cac )?(?:phuong tien|xe) (?:tai|o) (?:cac )?(?:giao lo|nga)",
)
_TASK_RX = re.compile(r"\b(?:" + "|".join(TRAFFIC_TASKS) + r")\b")
#: A police unit's name (folded): "Công an phường", "Công an Quận 12", "Đội CSGT-TT", "Cảnh sát giao thông".
POLICE_WORDS = r"\b(?:cong an|canh sat giao thong|canh sat trat tu|csgt)\b"
_POLICE_RX = re.compile(POLICE_WORDS)
#: Words of a unit that can hold a duty (folded); "Đoàn xe", "các phương tiện" are not units.
UNIT_WORDS = (
    r"\b(?:cong an|canh sat|csgt|ban chi huy quan su|quan su|dan quan|doan thanh nien|ubnd|uy ban nhan dan|"
    r"phong|doi|ban|trung tam|to dan pho|khu pho|ap|thon)\b"
)
_UNIT_RX = re.compile(UNIT_WORDS)
#: Where a unit's name ends inside a clause: a verb or a joining word after it.
_NAME_END = re.compile(
    r"\s+(?:phoi hop|chu tri|cung|va|bo tri|cu|xay dung|thong bao|lam|thuc hien|trien khai|co trach nhiem|"
    r"tham muu|huy dong|dieu dong|tang cuong|ho tro|chiu trach nhiem|se|duoc giao)\b"
)
#: Requests to the public ("Đề nghị … chấp hành sự hướng dẫn của …"): they name who is on duty, charge no one.
_ASK_PUBLIC = re.compile(
    r"\b(?:de nghi|kinh de nghi)\b.*\b(?:chap hanh|nhan dan|nguoi dan|nguoi tham gia giao thong)\b"
)


#: A request or an assignment that opens a clause ("Đề nghị", "Giao"): the unit named after it is charged.
_REQUEST = re.compile(r"^\W*(?:kinh )?(?:de nghi|giao|yeu cau|phan cong)\s+")
#: Where a unit's own name starts inside a letterhead ("Công an Thành phố … Công an Quận 12", "… Đội CSGT-TT").
_UNIT_START = re.compile(r"\b(?:cong an|doi|phong)\b")


def narrowest(unit: str) -> str:
    """The issuing unit of a letterhead that names its parents first: its last "Công an …/Đội …/Phòng …" part."""
    starts = [m.start() for m in _UNIT_START.finditer(fold(unit))]
    return capitalize(unit[starts[-1] :].strip()) if len(starts) > 1 and starts[0] == 0 else unit


@dataclass(frozen=True)
class TrafficDuty:
    """A unit the document charges with the traffic on the route: its name, whether it is police, the sentence."""

    unit: str
    police: bool
    source: str


def _unit_name(text: str) -> str:
    """A unit's name as written, cut where a verb or a joining word follows it."""
    said = tidy(text).strip(" -–:+•")
    cut = _NAME_END.search(fold(said))
    name = said[: cut.start()] if cut else said
    return capitalize(name.strip(" ,")) if 2 < len(name) <= 80 else ""


def _holder(ln: Line, c: Folded, at: int) -> str:
    """Who the clause charges: the label before ":" ("2. Công an phường: phân luồng …"), else the clause's own
    subject, else the heading the line is under."""
    label = re.match(r"^([^:]{2,80}):\s", c.text[:at])
    if label:
        return _unit_name(label.group(1))
    lead = _REQUEST.match(c.low[:at])  # "Đề nghị Công an quận hỗ trợ … điều tiết giao thông": charged all the same
    before = _unit_name(c.text[lead.end() if lead else 0 : at])
    # "Công an xã xây dựng phương án …", "Đội CSGT … hướng dẫn …", "Lực lượng Cảnh sát giao thông sẽ …"
    if re.match(r"^\W*(?:(?:cac )?luc luong )?" + UNIT_WORDS, fold(before)):
        return before
    sub, vpos = subject_of(c)
    if sub.text.strip() and vpos <= at:
        return _unit_name(sub.text)
    if ln.outer is not None and ln.outer.text:
        return _unit_name(ln.outer.text)
    return ""


def read_traffic_duties(lines: list[Line], issuer: str | None = None) -> list[TrafficDuty]:
    """Every unit a clause charges with a traffic task on the route ("Công an phường: phân luồng, bảo đảm an toàn
    giao thông trên lộ trình"), once each, in the document's order; a police notice's issuer that announces the
    diversion ("Công an quận … thông báo phân luồng") is one too. Requests to the public name no duty."""
    out: list[TrafficDuty] = []
    seen: set[str] = set()
    for ln in lines:
        for c in clauses(ln.body):
            if c.low.startswith("can cu") or _ASK_PUBLIC.search(c.low):
                continue
            task = _TASK_RX.search(c.low)
            if task is None:
                continue
            unit = _holder(ln, c, task.start())
            if not unit and issuer and _POLICE_RX.search(fold(issuer)):
                unit = narrowest(issuer)
            if not unit or not _UNIT_RX.search(fold(unit)) or fold(unit) in seen:
                continue
            seen.add(fold(unit))
            out.append(TrafficDuty(unit, bool(_POLICE_RX.search(fold(unit))), tidy(c.text)[:300]))
    return out
