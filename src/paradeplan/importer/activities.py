"""Rules that read the week's activities (banners, loudspeaker rounds and their schedule by day, book fairs, …),
its slogans and the reports a plan asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from paradeplan.importer.dates import DAY_MONTH, Found, past_year_said
from paradeplan.importer.events import (
    ASKING,
    CEREMONY,
    DatesOf,
    Host,
    Line,
    clauses,
    host_of,
    subject_of,
)
from paradeplan.importer.text import BULLET_MARK, Folded, capitalize, fold, tidy

#: Activities of the week: (kind, folded pattern) — publicity that can be checked off, and events that are not
#: ceremonies.
ACTIVITIES: tuple[tuple[str, str], ...] = (
    ("banners", r"treo (?:cac )?(?:bang ron|khau hieu|co|pano|pa-no|bang)|bang ron|pa-no|pano|co le"),
    ("loudspeaker_round", r"xe loa|xe phat thanh luu dong"),
    ("book_fair", r"hoi sach|ngay hoi doc sach|trien lam sach"),
    ("mobile_library", r"thu vien luu dong"),
    ("exhibition", r"trien lam(?! sach)"),
)
_SLOGAN_HEAD = re.compile(r"khau hieu")
_REPORT = re.compile(
    r"\bbao cao(?=\s+(?:ket qua|tong ket|so ket|tinh hinh|so lieu|ve\b|gui\b|cho\b|ubnd|uy ban|"
    r"phong\b|so\b|bo\b))"
)
_REPORT_TO = re.compile(r"\b(?:gui ve|ve|gui|toi|cho)\s+")


@dataclass
class ActivityFact:
    """An activity of the week (banners, loudspeaker rounds, book fairs, …)."""

    kind: str
    name: str
    host: Host
    start: date | None = None
    end: date | None = None
    where: str | None = None
    items: list[str] = field(default_factory=list)
    days: list[tuple[date, str]] = field(default_factory=list)
    """A schedule by day ("ngày 01/10: các khu phố 1–5; ngày 02/10: …"): each day and where it goes."""


@dataclass
class ReportFact:
    """A report the text asks for: what, by when (None when undated), to whom, from whom."""

    what: str
    due: date | None
    to: str | None = None
    who: str | None = None


#: A clause that prices what it names (a cost estimate's row: "đơn giá", "thành tiền", an amount in đồng): a cost,
#: neither vehicles of a column nor an activity to plan.
PRICED = re.compile(r"\b(?:don gia|thanh tien)\b|\d{1,3}(?:[.,]\d{3}){2,}\s*(?:dong|d|vnd)\b|\btrieu dong\b")


#: What rides in the column or on vehicles, no activity of the week ("01 xe loa … đi đầu đoàn", "xe gắn máy có gắn
#: cờ, băng rôn", "Phương tiện: …") (folded).
_RIDES_ALONG = re.compile(
    r"\b(?:di dau|dan|trong|theo|cuoi|cung|ho tong)\s+doan\b|\bgan\s+(?:co|bang ron|khau hieu)\b|^phuong tien\b"
    r"|\b(?:ghe|xuong|thuyen|xe)\b[^;.]{0,20}\b(?:treo|trang tri|gan)\b"  # "12 ghe máy treo băng rôn"
)
#: A counted vehicle ("01 xe phát thanh", "04 chiếc xe hoa") (folded).
_COUNTED_VEHICLE = re.compile(r"\b\d{1,3}\s+(?:chiec\s+)?(?:xe|o to|mo to)\b")


def read_activities(
    lines: list[Line], dates_of: DatesOf, week: tuple[date | None, date | None], year: int | None = None
) -> tuple[list[ActivityFact], date | None]:
    """Activities of the week by kind, host, dates and places (none a sentence says of a year before ``year``,
    "Năm 2024, các xã tổ chức riêng rẽ với 05 xe loa …"); and the publicity end date."""
    publicity_end: date | None = None
    for ln in lines:
        m = re.search(r"thoi gian tuyen truyen[^.;]*?\b(?:den|toi|het)\s+(?:het\s+)?ngay", ln.body.low)
        if m:
            ds = dates_of(ln.body.low[m.start() :])
            if ds:
                publicity_end = ds[-1].as_date
                break
    out: list[ActivityFact] = []
    for ln in lines:
        for c in clauses(ln.body):
            if (CEREMONY.search(c.low) and not re.search(r"\btreo\b", c.low)) or re.match(r"phoi hop\b", c.low):
                continue
            if PRICED.search(c.low) or len(_COUNTED_VEHICLE.findall(c.low)) >= 2 or _RIDES_ALONG.search(c.low):
                continue  # "01 xe ô tô …, 02 xe mô tô, 01 xe phát thanh lưu động và 04 xe hoa": a column's vehicles
            for kind, rx in ACTIVITIES:
                am = re.search(rx, c.low)
                if not am or past_year_said(c.low, am.start(), year):
                    continue
                sub, vpos = subject_of(c)
                own = host_of(sub) if sub.text.strip() and vpos <= am.start() else Host()
                host = own if not own.empty else (ln.outer or Host())
                # name: the clause from its verb, cut at a sensible length
                text = tidy(c.text[vpos:] if vpos <= am.start() else c.text)
                text = re.split(r"(?<=\S)[;]|\.\s|\s—\s(?=[^:;]{2,40}:)", text)[0]  # a table row: its subject
                if len(text) > 140:
                    cut = text[:140].rsplit(" ", 1)[0]
                    text = cut.rstrip(",;: ") + "…"
                cut_date = re.search(r"\s+(?:tu|trong|den het|den)\s+ngay\b", fold(text))
                if cut_date:
                    text = tidy(text[: cut_date.start()])
                ds = dates_of(c.low)
                start = end = None
                span = re.search(r"\btu\s+(?:ngay\s+)?", c.low)
                if len(ds) >= 2 and span:
                    start, end = ds[0].as_date, ds[1].as_date
                elif ds and re.search(
                    r"\b(?:den|toi|het)\s+(?:het\s+)?ngay\s*$", c.low[max(0, ds[0].start - 16) : ds[0].start]
                ):
                    end = ds[0].as_date
                elif ds:
                    start = end = ds[0].as_date
                where, text = _where_told(c, am.start(), text)
                days = _by_day(c, lines, ln, dates_of) if kind == "loudspeaker_round" else []
                cut = re.search(r"\s*(?:\(|:|\bchay\b|\btheo lich\b|\bngay\b)", fold(text)) if days else None
                if cut and cut.start() > 0:  # "Xe loa lưu động (01 xe, …) chạy theo lịch:": its name
                    text = tidy(text[: cut.start()])
                out.append(ActivityFact(kind, capitalize(text), host, start, end, where, days=days))
    merged: list[ActivityFact] = []
    for a in out:
        same = next((b for b in merged if b.kind == a.kind and _host_key(b.host) == _host_key(a.host)), None)
        if same is None:
            merged.append(a)
            continue
        if a.days and not same.days:
            same.name, same.days = a.name, a.days
        same.where = same.where or a.where
        same.start = same.start or a.start
        same.end = same.end or a.end
        if len(a.name) > len(same.name) and a.host.units and not same.host.units:
            same.name = a.name
    del week
    return merged, publicity_end


def _where_told(c: Folded, at: int, name: str) -> tuple[str | None, str]:
    """Where an activity's clause says it is held ("… tại Thư viện phường, từ ngày …"), and its name without it."""
    tat = re.search(r"\btai\s+", c.low[at:])
    if not tat:
        return None, name
    s = at + tat.end()
    stop = re.search(
        r"[;.]\s|[;.]$|\s(?:de|nham|trong|vao)\s|,\s*(?:khai thac|dong thoi|de|nham|"
        r"tao|gop phan)\b|\s(?:tu|den het|den|truoc)\s+ngay\b",
        c.low[s:],
    )
    where = tidy(c.text[s : s + (stop.start() if stop else len(c.low) - s)]) or None
    cut = re.search(r"\s+tai\s", fold(name))
    return (where[:200] if where else None), (tidy(name[: cut.start()]) if cut else name)


#: A day of a schedule by day: "ngày 01/10 …", "+ Ngày 28/9: …", "Thứ Hai (02/10): …".
_DAY_ITEM = re.compile(r"^\W*(?:(?:thu\s+\w+|chu nhat)\s*[,(]?\s*)?(?:ngay\s+)?" + DAY_MONTH + r"\b")


def _day_items(text: str, low: str, dates_of: DatesOf) -> list[tuple[date, str]]:
    """Days of a schedule in one text: parts split at ";" each opening with its date; [] unless two or more."""
    out: list[tuple[date, str]] = []
    pos = 0
    for part in re.split(r";", low):
        raw = text[pos : pos + len(part)]
        pos += len(part) + 1
        ds = dates_of(part)
        if not _DAY_ITEM.match(part) or not ds:
            continue
        where = _after_day(raw, ds[0])
        if where:
            out.append((ds[0].as_date, where))
    return out if len(out) >= 2 else []


def _after_day(text: str, day: Found) -> str:
    """What a schedule's item says after its day ("Ngày 28/9: các tổ dân phố 1–6;" → "các tổ dân phố 1–6")."""
    return tidy(text[day.end :].lstrip(" :–-)")).rstrip(".;, ")


def _by_day(c: Folded, lines: list[Line], ln: Line, dates_of: DatesOf) -> list[tuple[date, str]]:
    """A schedule by day that goes with an activity: after the clause's colon on its own line, or in the lines
    right below it, each opening with its day ("+ Ngày 28/9: các tổ dân phố 1–6")."""
    whole = ln.body
    colon = whole.low.find(":", max(0, whole.low.find(c.low[:20])))
    if colon >= 0:
        days = _day_items(whole.text[colon + 1 :], whole.low[colon + 1 :], dates_of)
        if days:
            return days
    if not ln.body.low.rstrip().endswith(":"):
        return []
    at = next((k for k, x in enumerate(lines) if x is ln), -1)
    out: list[tuple[date, str]] = []
    for nxt in lines[at + 1 :] if at >= 0 else []:
        if not _DAY_ITEM.match(nxt.body.low):
            break
        found = _day_items(nxt.body.text + ";", nxt.body.low + ";", dates_of) or _one_day(nxt, dates_of)
        out += found
    return out if len(out) >= 2 else []


def _one_day(ln: Line, dates_of: DatesOf) -> list[tuple[date, str]]:
    """The day a line of a schedule opens with, and the rest of the line."""
    ds = dates_of(ln.body.low)
    where = _after_day(ln.body.text, ds[0]) if ds else ""
    return [(ds[0].as_date, where)] if where else []


def _host_key(h: Host) -> tuple[str, ...]:
    units = tuple(
        sorted(("|".join(u.kinds), fold(u.name or ""), "c" if u.collective else "") for u in h.units if not u.bare)
    )
    return (*(";".join(x) for x in units), fold(h.org or ""))


def read_slogans(lines: list[Folded]) -> list[str]:
    """Slogans listed under a "khẩu hiệu" line (numbered or bulleted items), in order, without duplicates."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        f = lines[i]
        if _SLOGAN_HEAD.search(f.low) and (f.text.rstrip().endswith(":") or f.text.isupper() or len(f.text) < 90):
            j = i + 1
            skipped = 0
            while (
                j < len(lines)
                and skipped < 3
                and not re.match(r"^\s*(?:" + BULLET_MARK + r"|\d{1,2}[.)])\s*\S", lines[j].low)
            ):
                skipped += 1
                j += 1
            style = None
            last = 0
            while j < len(lines):
                m = re.match(r"^\s*(" + BULLET_MARK + r"|\d{1,2}[.)])\s*(\S.*)$", lines[j].text)
                if not m or len(m.group(2)) > 250 or re.match(r"^(?:[ivx]+\.|noi nhan)", lines[j].low):
                    break
                kind = "n" if m.group(1)[0].isdigit() else "b"
                if style is not None and kind != style:
                    break
                if kind == "n":
                    n = int(m.group(1)[:-1])
                    if last and n != last + 1:
                        break  # the numbering of the document goes on: the list has ended
                    last = n
                style = kind
                item = tidy(m.group(2))
                if item and item not in out:
                    out.append(item)
                j += 1
            i = j
            continue
        i += 1
    return out


def read_reports(lines: list[Line], dates_of: DatesOf) -> list[ReportFact]:
    """Report requests: "<who> báo cáo … về <to> trước ngày <date>"; undated ones too (``due`` None)."""
    out: list[ReportFact] = []
    for ln in lines:
        cls = clauses(ln.body)
        for k, c in enumerate(cls):
            b = _REPORT.search(c.low)
            if not b:
                continue
            due: date | None = None
            dpos = len(c.low)
            for x in dates_of(c.low):
                before = c.low[max(0, x.start - 25) : x.start]
                if re.search(
                    r"(truoc|cham nhat|han chot|han nop|han cuoi|khong qua|trong(?=\s+ngay))(\s+ngay)?\s*$", before
                ) or (c.low[x.start : x.start + 4] == "ngay" and re.search(r"(truoc|cham nhat|han)\s*$", before)):
                    due, dpos = x.as_date, x.start
                    break
            what_stop = re.search(
                r"\s(?:ve|gui|toi|cho|den|truoc|theo|tai|thong qua|tren dia ban|va|de|dong|"
                r"ubnd|uy ban)\b|[(,:;.]",
                c.low[b.end() : dpos],
            )
            wend = b.end() + what_stop.start() if what_stop else dpos
            what = capitalize(tidy(c.text[b.start() : wend]))[:100] or "Báo cáo"
            to = None
            tos = list(_REPORT_TO.finditer(c.low, b.end(), dpos))
            tos = [t for t in tos if not re.match(r"cho\s+(?:phong|so)?\s*\w*\s*tong hop", c.low[t.start() :])]
            if tos:
                tom = tos[0] if due is None else tos[-1]
                stop2 = re.search(r"\s(?:truoc|theo|thong qua|de|dong thoi|dung)\b|[(,;:.]", c.low[tom.end() : dpos])
                to = tidy(c.text[tom.end() : tom.end() + stop2.start() if stop2 else dpos]) or None
            elif due is None:
                tm = re.match(
                    r"\s+((?:ubnd|uy ban|phong|so|bo|ban)\b[^,;.(]{2,80}?)(?=\s+theo\b|[,;.(]|$)", c.low[b.end() :]
                )
                if tm:
                    to = tidy(c.text[b.end() + tm.start(1) : b.end() + tm.end(1)])
            asks = [a for a in ASKING.finditer(c.low, 0, b.start()) if c.text[a.start()].islower() or a.start() == 0]
            if asks:
                seg = Folded(c.text[asks[-1].end() : b.start()], c.low[asks[-1].end() : b.start()])
                sub, vpos = subject_of(seg)
                if not sub.text.strip():
                    sub, vpos = seg, 0
            else:
                sub, vpos = subject_of(c)
            who = tidy(sub.text) if sub.text.strip() and (asks or vpos <= b.start() + 1) else ""
            if not who and k > 0:
                prev_sub, _ = subject_of(cls[k - 1])
                who = tidy(prev_sub.text)
            if not who and ln.outer is not None:
                who = ln.outer.text
            who = re.sub(r"^(?:\d+(?:\.\d+)*\.?\s*)", "", who)
            if len(who) > 160:
                who = ""
            out.append(ReportFact(what, due, to, capitalize(who) if who else None))
    return out
