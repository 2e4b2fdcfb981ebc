"""Forces on foot ordered to keep order along the route (marshals), read by rules kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from paradeplan.importer.events import Line, clauses, subject_of
from paradeplan.importer.text import Folded, capitalize, fold, tidy

#: Forces on foot as documents name them (folded patterns). A new way of naming them is a new row here.
MARSHAL_FORCES: tuple[str, ...] = (
    r"luc luong (?:canh sat )?(?:dieu tiet|dieu khien|huong dan|phan luong)(?: va \w+ \w+)?(?: giao thong)?",
    r"luc luong (?:giu gin|bao dam|dam bao|giu|bao ve|duy tri)(?: an ninh,?)?(?: trat tu)(?:,? an toan giao thong)?",
    r"luc luong (?:an ninh co so|bao ve an ninh,? trat tu o co so|tu quan|xung kich)",
    r"luc luong (?:chot chan|chot giu|giu chot|canh gac)",
    r"(?:luc luong )?(?<!nhan )dan quan(?: tu ve| thuong truc)?",  # not "Ủy ban nhân dân quận"
    r"(?:luc luong |to |doi )?bao ve dan pho",
    r"(?:luc luong |to |doi )?dan phong",
    r"(?:doan vien(?: thanh nien)?|thanh nien tinh nguyen|tinh nguyen vien|doi hinh tinh nguyen)",
)
#: The plan's group kind of a force on foot, by its name (folded); a force not listed is of kind "other".
MARSHAL_KINDS: tuple[tuple[str, str], ...] = ((r"\bdan quan\b", "militia"),)
_FORCE_RX = re.compile(r"\b(?:" + "|".join(MARSHAL_FORCES) + r")\b")
#: Verbs that order a unit to provide the force ("Cử", "bố trí", "huy động" …).
ORDER_VERBS = r"\b(?:cu|bo tri|huy dong|phan cong|dieu dong|tang cuong|chuan bi)\b"
#: What the force is for: the route, traffic or order (one of these must appear in the clause).
ROUTE_CONTEXT = (
    r"giao thong|trat tu|an ninh|lo trinh|tuyen duong|dieu hanh|dien hanh|dieu tiet|phan luong|chot|rao chan|"
    r"giao lo|nga (?:3|4|ba|tu)|doan xe"
)
#: A head count written before the force ("30 đồng chí dân quân") or after it ("dân quân (30 người)").
_PEOPLE = r"(?:nguoi|dong chi|d/c|chien si|can bo|doan vien|thanh vien|dan quan)"
_COUNT_BEFORE = re.compile(r"(?<![\d/.,:])\b(\d{1,4})\s+(?:" + _PEOPLE + r"\s+)?$")
_COUNT_AFTER = re.compile(
    r"^(?:\s+[^\s:;,.]+){0,3}?[\s:(,]*(?:gom|voi|khoang|so luong|toi thieu|it nhat)?\s*:?\s*(\d{1,4})\s+" + _PEOPLE
)
#: A task along the route written beside a counted force ("20 đồng chí, làm nhiệm vụ rào chắn tại các hẻm"): a
#: force listed with its number and its task is ordered for the route, with or without an ordering verb.
ROUTE_TASK = r"\b(?:lam nhiem vu|rao chan|dieu tiet|chot chan|giu trat tu|phan luong)\b"


@dataclass(frozen=True)
class MarshalFact:
    """A force on foot a document orders for the route: what it is, which unit gives it, how many (None when the
    document gives no number), and the sentence it comes from."""

    name: str
    owner: str | None
    count: int | None
    source: str

    @property
    def kind(self) -> str:
        """The plan's group kind (:data:`MARSHAL_KINDS`)."""
        low = fold(self.name)
        return next((kind for rx, kind in MARSHAL_KINDS if re.search(rx, low)), "other")


def _count(c: Folded, start: int, end: int) -> int | None:
    before = _COUNT_BEFORE.search(c.low[:start])
    after = _COUNT_AFTER.match(c.low[end : end + 40])
    m = before or after
    if m is None:
        return None
    n = int(m.group(1))
    return n if 1 <= n <= 10000 else None


def _owner(ln: Line, c: Folded, verb_at: int) -> str | None:
    """The unit giving the force: the clause's own subject ("Công an phường bố trí …"), else the heading or
    paragraph it is under ("6. Công an Quận 12:" / "Cử lực lượng …")."""
    sub, vpos = subject_of(c)
    own = tidy(sub.text) if sub.text.strip() and vpos <= verb_at else ""
    if not own:  # "2. Ban Chỉ huy Quân sự phường: cử 30 đồng chí dân quân …": the label before the order
        label = re.match(r"^([^:]{2,80}):\s", c.text[:verb_at])
        own = tidy(label.group(1)) if label else ""
    own = re.split(r"\s+(?:phối hợp|chủ trì|cùng)\b", own, maxsplit=1)[0] if own else own
    if own and 2 < len(own) <= 80:
        return capitalize(own)
    if ln.outer is not None and ln.outer.text:
        return capitalize(tidy(ln.outer.text))[:80] or None
    return None


def read_marshals(lines: list[Line]) -> list[MarshalFact]:
    """Every force on foot a clause orders for the route ("Công an phường bố trí lực lượng điều tiết giao thông
    trên các tuyến đường diễu hành"), one per force and unit, with its head count when the clause gives one."""
    out: list[MarshalFact] = []
    seen: set[tuple[str, str | None]] = set()
    for ln in lines:
        for c in clauses(ln.body):
            if c.low.startswith("can cu"):
                continue  # "Căn cứ Kế hoạch …": the legal basis orders nothing
            verb = re.search(ORDER_VERBS, c.low) or re.search(ROUTE_TASK, c.low)
            if verb is None or not re.search(ROUTE_CONTEXT, c.low):
                continue
            start = verb.end() if verb.re.pattern == ORDER_VERBS else 0
            for m in _FORCE_RX.finditer(c.low, start):
                if start == 0 and _count(c, m.start(), m.end()) is None:
                    continue  # a task without an order: only a force listed with its number
                if re.search(r"\bxe\b", c.low[max(0, m.start() - 8) : m.start()]):
                    continue  # "xe … dẫn đường": vehicles, read by the force rules
                name = capitalize(tidy(c.text[m.start() : m.end()]))
                owner = _owner(ln, c, verb.start())
                key = (name.casefold(), (owner or "").casefold())
                if key in seen:
                    continue
                seen.add(key)
                out.append(MarshalFact(name, owner, _count(c, m.start(), m.end()), tidy(c.text)[:300]))
    return out
