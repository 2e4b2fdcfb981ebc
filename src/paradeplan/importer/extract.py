"""Rules that read the facts of a Vietnamese administrative plan: route, forces, times, places, deadlines."""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from paradeplan.geo.names import CAPITAL_LETTERS, JUNCTION_WORDS, name_key, written_out_units
from paradeplan.i18n import _
from paradeplan.importer import activities as act
from paradeplan.importer import attend, when
from paradeplan.importer import events as ev
from paradeplan.importer.dates import (
    CLOCK,
    CLOCK_COLON,
    DATE_WRITTEN,
    DAY_MONTH,
    FULL_DATE,
    WEEKDAY,
    Found,
    find_dates,
    find_times,
    label_colon,
    main_year,
    past_year_said,
)
from paradeplan.importer.duties import TrafficDuty, read_traffic_duties
from paradeplan.importer.invite import (
    Invitation,
    amended_ceremony,
    invitees_attend,
    later_amendment,
    read_invitation,
)
from paradeplan.importer.marshals import MarshalFact, read_marshals
from paradeplan.importer.participants import Participants
from paradeplan.importer.prose import RENAMED, TURN, has_moves, named_by_kind, named_tail
from paradeplan.importer.routes import (
    GROUP_CELL,
    GROUP_HEAD,
    STEP_LABEL,
    Cue,
    defined_aliases,
    described_place,
    end_said,
    ended_after,
    initials_aliases,
    place_phrase,
    seat_name,
)
from paradeplan.importer.stance import CONDITIONAL, MOVED_TO, Stance, amendment, stance, subject_lines
from paradeplan.importer.structure import ROW, Section, parse
from paradeplan.importer.tables import text_tables
from paradeplan.importer.text import (
    ARROWS,
    BULLET_CHARS,
    BULLET_MARK,
    LEAD,
    Folded,
    capitalize,
    clean,
    fold,
    logical_lines,
    single_spaced,
    tidy,
    whole_words,
)
from paradeplan.importer.vehicles import (
    TOTAL_SAID,
    Part,
    bracket_parts,
    coordinated,
    count_first,
    kind_count_rows,
    owners_only,
    places_only,
    whole_count,
)

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------- vocabulary
# Every pattern below runs on folded text (no accents, lower case): "Ngã 3" → "nga 3".

_PLACE_KINDS: tuple[tuple[str, str], ...] = (
    (r"(ubnd|uy ban nhan dan|tru so|hdnd|quan uy|huyen uy|thanh uy|tinh uy|dang uy|van phong)\b", "office"),
    (r"(nga|nga [3456]|nga (ba|tu|nam|sau)|giao lo|nut giao|nga re|mui tau)\b", "junction"),  # "Mũi tàu A": a wedge
    (r"(vong xoay|bung binh|vong quay)\b", "roundabout"),
    (r"cau\b", "bridge"),
    (
        r"truong\s+(tieu hoc|trung hoc|thcs|thpt|th|mn|mam non|mau giao|dai hoc|cao dang|trung cap|pho thong|"
        r"pt|ptth|quoc te|chuyen|nang khieu|chinh tri|boi duong|day nghe|nghe|ngoai ngu|lien cap|"
        r"tu thuc|dan lap|"
        r"[a-z]{1,5} ?\d)\b",
        "school",
    ),
    # a school by its level alone ("THCS An Phú Đông", "Tiểu học Lê Văn Thọ")
    (r"(thcs|thpt|ptth|tieu hoc|trung hoc co so|trung hoc pho thong|mam non)\s+(?=\S)", "school"),
    (r"(trung tam hoc tap cong dong|tthtcd|trung tam htcd)\b", "community_learning_centre"),
    (
        r"(nha van hoa|nvh|trung tam van hoa|cung van hoa|nha thieu nhi|cung thieu nhi|trung tam vh|ttvh)",
        "culture_centre",
    ),
    (r"(cong vien|vuon hoa)\b", "park"),
    (r"(quang truong)\b", "square"),
    (r"(chua|tu vien|nha tho|dinh|den)\b", "pagoda"),
    (r"(cong an|don cong an|doi canh sat|tram csgt)\b", "police_station"),
    (r"(cho|sieu thi|trung tam thuong mai)\b", "market"),
    (
        r"(san van dong|svd|nha thi dau|cung the thao|cung huu nghi|ben xe|ben pha|ben|ga|benh vien|buu dien|"
        r"tuong dai|dai tuong niem|"
        r"khu di tich|khu dan cu|khu do thi|khu cong nghiep|kcn|trung tam|hoi truong|nha hat|bao tang|hoi cho|"
        r"trien lam|khu trien lam|"
        r"thu vien|"
        r"cong|san|diem|tram|khu)\b",
        "other",
    ),
    # a village or hamlet by its local word ("làng Đăk Ung", "thôn Mậu Long", "ấp Nhơn Lộc 1", "bản Y Tý", "buôn A",
    # "khối phố 5", "tổ dân phố 9", "khu phố 3"), a place where its people gather, no street
    (r"(lang|thon|ap|ban|buon|soc|khoi pho|to dan pho|khu pho|xom)\s+(?=\S)", "village"),
)
_PLACE_RX = [(re.compile(r"^" + rx), kind) for rx, kind in _PLACE_KINDS]
_STREET_RX = re.compile(
    r"^(duong|d\.|pho|quoc lo|ql|tinh lo|tl|dt|huong lo|xa lo|dai lo|cao toc|hem|ngo|ngach|kiet|tuyen|"
    r"ton duc|le|nguyen|tran)\b"
)

_COUNT = r"(\d{1,5}|muoi (?:mot|hai)|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
_VEHICLE = r"(?:(?:chiec|cai|doan)\s+)?(?:xe\b|o to\b|oto\b|mo ?to\b|mo-to\b)"
_FORCE_INLINE = re.compile(r"(?<![\d/.,:])\b" + _COUNT + r"\b\s*" + _VEHICLE)
#: A labelled count ("Xe hoa của UBND phường: 01 xe", "Xe hoa của các trường (A, B, C): 03 xe"; a bracket in the
#: label counts as one character), not a clock time nor a speed ("Tốc độ đoàn xe: 15 - 20 km/h") (folded).
_FORCE_LABEL = re.compile(
    r"^(?P<label>(?:[^:()]|\([^():]{0,160}\)){2,80}):\s*(?P<count>"
    + _COUNT[1:-1]
    + r")(?!\s*(?:gio|h\b|h\d|phut|[/:.]\d|(?:[-–]\s*\d{1,3}\s*)?km\b))\s*(?:chiec|cai|xe)?\b"
)
#: A vehicle named by the service it does, not by who owns it (folded): a fire engine ("xe cứu hỏa", "xe chữa
#: cháy", "xe ô tô chữa cháy mini"), an ambulance ("xe cứu thương", "xe cấp cứu"), a rescue truck ("xe cứu hộ",
#: "xe cứu nạn"): no kind of the plan's, "other", and never a police car, whoever owns it.
SERVICE_VEHICLE = re.compile(
    r"\bxe\s+(?:(?:o ?to|oto|chuyen dung)\s+)?(?:cuu hoa|chua chay|cuu thuong|cap cuu|cuu ho|cuu nan)\b"
)
_KINDS: tuple[tuple[str, str], ...] = (
    ("bicycle", r"\bxe dap\b"),
    ("float", r"xe hoa|xe trang tri|xe tai trang tri|xe dieu hanh (?:hoa|trang tri)|xe hoa dieu hanh"),
    (
        "car",
        r"\bxe (?:o ?to|oto|con|\d+ cho)\b[^;:]{0,60}?\b(?:cho|dua don|phuc vu)\s+(?:cac\s+)?"
        r"(?:dai bieu|lanh dao|khach)|\bxe (?:cho )?dai bieu\b|\bxe (?:con|du lich)\b",
    ),
    ("loudspeaker", r"xe loa|xe (?:o ?to\s+)?(?:phat thanh|co dong|tuyen truyen|gan loa)"),
    (
        "bus",
        r"\bxe (?:buyt|bus|khach)\b|\bxe (?:dua don|cho)\s+(?:hoc sinh|sinh vien|nhan dan|doan vien)\b"
        r"|\bxe (?:o ?to\s+)?(?:[2-5]\d) cho\b",  # "xe 29 chỗ", "xe ô tô 45 chỗ": a coach
    ),
    ("motorbike", r"mo ?to|mo-to|xe (?:gan )?may|xe (2|hai) banh|xe bo\b|xe phan khoi lon"),
    ("other", SERVICE_VEHICLE.pattern),  # a fire engine or an ambulance, even the fire police's ("Cảnh sát PCCC")
    (
        "police_car",
        r"canh sat|csgt|cong an|tuan tra|xe dan doan|xe dan duong|xe mo duong|xe chuyen dung|xe cs\b"
        # "xe đặc chủng", "xe bán tải đặc chủng": a police (or army) car; not "xe mô tô đặc chủng", a motorbike
        r"|\bxe (?!(?:mo ?to|may|gan may)\b)(?:\w+ ){0,2}dac chung\b",
    ),
)
_LEAD = re.compile(r"mo duong|dan duong|dan doan|di dau|dan dau|hoa tieu|mo doan")
_GUARD = re.compile(r"bao ve|ho tong|chot chan|dieu tiet|phan luong|canh gac|khoa duoi|chot|ho ve|bao dam an toan")
#: A bracket that only names the unit the vehicles come from ("(Phường Thạnh Lộc)", "(Trường THCS A)") (folded).
_UNIT_OWNER = re.compile(
    r"(?:phuong|xa|thi tran|quan|huyen|truong|ubnd|uy ban|hoi|doan|cong an|trung tam)\s+[^\d,;:]{2,60}"
)
#: Where an owner's name ends: the vehicles' task after it ("của Công an phường dẫn đoàn").
_OWNER_END = re.compile(
    r"\s+(?:cung cap|dam nhan|bo tri|phu trach|dan doan|dan duong|mo duong|ho tong|bao ve|hoa tieu|khoa duoi)\b"
)
#: A clause about the police: its cars are police cars ("Công an phường bố trí 01 xe ô tô …"); so are the cars a
#: police unit's own plan counts (its issuer, in the header's first lines, is the police).
_POLICE = re.compile(r"\b(?:canh sat|csgt|cong an|ca\s+(?:phuong|xa|thi tran|quan|huyen|tinh|thanh pho|tp))\b")
_CAR = re.compile(r"\bo ?to\b|chuyen dung")
#: A section title naming an event that is not the parade: a ceremony, a festival, a contest, a talk ("2. Ngày hội
#: đọc sách và giao lưu …": its "Thời gian:" is that event's) (folded).
_OTHER_EVENT = re.compile(
    ev.CEREMONY.pattern + r"|\b(?:ngay hoi|hoi thi|cuoc thi|hoi sach|toa dam|hoi thao|giao luu|trien lam|chuyen de"
    r"|noi chuyen|tap huan|hoi nghi)\b"
)
#: A section that assigns tasks to units (folded title).
_DUTIES_HEAD = re.compile(r"\b(?:phan cong|to chuc thuc hien|nhiem vu|trach nhiem)\b")
#: Vehicles said to stay out of the column ("các xe này không tham gia đoàn diễu hành", "không đi cùng đoàn"): they
#: bring people, they do not ride (folded).
_NOT_IN_COLUMN = re.compile(
    r"\bkhong\s+(?:tham gia|di cung|di theo|nam trong|chay trong)\s+(?:vao\s+)?(?:doan|dieu hanh)"
)
#: A sentence saying what the column is made of ("Đoàn xe gồm 16 xe hoa", "đoàn diễu hành có 08 xe hoa").
_COLUMN_HAS = re.compile(
    r"\b(?:doan (?:xe(?: hoa)?|dieu hanh|xe dieu hanh)|doi hinh(?: doan(?: xe)?)?)\s+(?:gom|co|bao gom)\s+"
    r"(?:[^.;]{0,60}?,\s*)?"  # "Đoàn diễu hành gồm khoảng 450 người đi bộ và xe đạp, 05 xe hoa, 01 xe loa"
    + _COUNT
    + r"|^(?:\d{1,2}\.\s*)?(?:quy mo|thanh phan|co cau|doi hinh)(?:\s+doan(?:\s+(?:xe|dieu hanh))?)?\s*:\s*"
    r"(?:[^.;]{0,60}?,\s*)?"  # "Thành phần đoàn: khoảng 500 người của 16 phường, 05 xe hoa (…)"
     + _COUNT  # "2. Quy mô: 16 xe hoa (…), 02 xe loa", "3. Thành phần đoàn xe: 01 xe hoa …"
)
#: A line labelled as what the column is made of ("2. Quy mô:", "Thành phần đoàn:") (folded, no bullet).
_COLUMN_LABEL = re.compile(
    r"^(?:\d{1,2}\.\s*)?(?:quy mo|thanh phan|co cau|doi hinh)(?:\s+doan(?:\s+(?:xe|dieu hanh))?)?\s*:"
)
_FORCES_HEAD = re.compile(r"(luc luong|phuong tien|thanh phan|so luong xe|doi hinh)")
_BULLET = re.compile(r"^\s*(?:" + BULLET_MARK + r"|\d{1,2}(?:\.\d{1,2})*[.)]|\(\d{1,2}\)|[a-zđ][.)])\s*")
#: A numbered road named as a street where it runs ("Quốc lộ 1A (đường Đỗ Mười)", "QL22 (đoạn đường Trường Chinh)").
_ROAD_NAMED = re.compile(
    r"(?i)\b((?:quốc lộ|tỉnh lộ|ql|tl|đt)\s*\d{1,3}[A-Z]?)\s*\(\s*(?:đoạn\s+)?(?:(?:đường|phố)\s+)?"
    r"(?!đoạn\b|từ\b|qua\b|cũ\b)(\w[^()]{1,40}?)\s*\)"
)
#: A section about streets closed to traffic or traffic diverted, not the column's route (folded).
_CLOSURES = re.compile(r"\b(?:tam cam|cam (?:phuong tien|xe|luu thong|dung|do)|phan luong|han che|dieu tiet)\b")
#: Where a route in prose says its end ("… thì dừng", "… kết thúc tại D", "giải tán"): no next line goes on with it.
_ROUTE_ENDS = re.compile(r"\b(?:ket thuc|giai tan|dung lai|thi dung|tan doan)\b")
_HEADING = re.compile(r"^\s*(?:[ivxlc]+\.|\d{1,2}(?:\.\d{1,2})*\.?)\s+\S")

_ROUTE_LABEL = re.compile(
    r"^(?:lo trinh|hanh trinh|tuyen duong|tuyen dieu hanh|tuyen dieu hanh|duong di)\b[^:]{0,60}:\s*"
)
_ARROW_SPLIT = re.compile(r"\s*(?:" + "|".join(re.escape(a) for a in ARROWS) + r")\s*")
#: A table row's labelled fields after its subject ("subject — Thời gian: …; Địa điểm: …", ``reader.rows_lines``).
_ROW_FIELDS = re.compile(r"\s—\s(?=[^:—–]{2,40}:)")
#: A clause after a listed route's last place that has the column wait there or join another, no step ("Mũi tàu
#: A, dừng chờ Khối 2", "Chợ B, nhập vào sau đoàn 1", "Ngã tư C, đợi đoàn xe hoa") (folded).
_WAIT_CLAUSE = re.compile(
    r",\s*(?![^()]*\))(?:(?:dung(?:\s+lai)?|tam dung)\s+)?(?:de\s+)?"
    r"(?:cho|doi|nhap vao|nhap doan|hop doan|di sau|di theo sau|noi duoi)\b"
)


def _without_clause(part: str) -> str:
    """A route's last listed step without a clause that has the column wait or join there."""
    m = _WAIT_CLAUSE.search(fold(part))
    return part[: m.start()] if m and m.start() else part


#: A route the document gives up ("Lộ trình cũ (bỏ):", "Tuyến đường cũ (không áp dụng)") (folded).
#: A route that replaces the one a plan gave ("Lộ trình điều chỉnh:", "Lộ trình mới", "… thay thế toàn bộ lộ trình
#: cũ") (folded).
_NEW_ROUTE = re.compile(
    r"\blo trinh\s+(?:dieu chinh|moi|sau (?:khi )?dieu chinh|thay the)\b|\bthay the (?:toan bo )?lo trinh cu\b"
)
_OLD_ROUTE = re.compile(
    r"\b(?:lo trinh|tuyen(?: duong)?|hanh trinh)\s+cu\b[^:]*:|\((?:bo|huy(?: bo)?|khong (?:ap dung|thuc hien))\)\s*:"
)
#: A label over the ways the column's groups take once it splits ("2. Lộ trình của các cụm sau khi tách đoàn:",
#: "Lộ trình riêng của từng nhóm:") (folded): no parade's route while the document writes the common one.
_GROUPS_AFTER_SPLIT = re.compile(
    r"\bsau khi\s+(?:tach|chia)\s+(?:doan|cum|nhom|khoi)\b"
    r"|\b(?:lo trinh|tuyen(?: duong)?)\s+(?:rieng\s+)?cua\s+(?:cac|tung)\s+(?:cum|nhom|khoi)\b"
)
_DASH_SPLIT = re.compile(r"\s*[–—]\s*|\s+-\s+")
#: A junction named by its two streets with a dash between them ("ngã tư A – B", "giao lộ A - B").
_CORNER_DASH = re.compile(r"(?i)\b(?:ngã\s+(?:ba|tư|năm|sáu)|giao lộ|nút giao)\s+[^,;–—]{2,40}?(?:\s*[–—]\s*|\s+-\s+)")
_HYPHEN_SPLIT = re.compile(r"(?<=[^\s\d])-(?=[^\s\d])")
#: What separates the steps of a route written on a line of its own under its label, besides arrows and dashes,
#: two at least: semicolons, commas ("A; đường B; đường C", "A, đường B, đường C").
_STEP_SEPARATORS = (re.compile(r";"), re.compile(r",\s"))
#: The words of a U-turn, with the "(trở) lại" that may follow them ("quay đầu trở lại", "vòng trở lại") (folded).
_UTURN = re.compile(
    r"quay\s*dau(\s*xe)?(?:\s+(?:tro\s+)?lai\b)?|vong\s*(?:tro\s+)?lai|quay\s*(?:tro\s+)?lai|quay\s*vong"
)
_END = re.compile(r"ket\s*thuc|diem\s*cuoi|ve\s*dich|diem\s*ve|giai\s*tan(?:\s+(?:doi\s+hinh|doan(?:\s+xe)?)\b)?")
#: A street whose bracket says the column goes back to where it started ("Lê Lợi (về lại điểm xuất phát)", "đường A
#: (trở về Trường B)"): the street, then the place, the end of the route.
_BACK_IN_BRACKET = re.compile(
    r"^(?P<street>[^()]+?)\s*\(\s*(?:(?:rồi|và|sau đó)\s+)?(?:về\s+lại|trở\s+về|quay\s+về|về)\s+"
    r"(?P<back>[^()]+?)\s*\)\s*$",
    re.IGNORECASE,
)
#: A clause after an end place that says the column breaks up there ("…, các xe giải tán", "; toàn đoàn tự giải
#: tán", ", đội hình giải tán") (folded).
_BREAKS_UP = re.compile(
    r"\s*[,;]\s*(?:cac\s+(?:xe|doan|don vi|luc luong)|(?:toan|ca)\s+doan|doan(?:\s+xe)?|doi\s+hinh)"
    r"\s+(?:tu\s+)?giai\s*tan\b.*$"
)
#: A sentence's end inside a step's text: a full stop after a word of three letters or more, then a capital
#: ("… chợ Lạc Quang. Chiều dài …"; not "TP. Hồ Chí Minh").
_SENTENCE_END = re.compile(
    r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_]\s\d)|(?<=[^\W\d_]\s\d\d))\.\s+(?=[^\W\d_])(?=[" + CAPITAL_LETTERS + r"])"
)  # "… Hồng Gấm 1. Đi đầu đoàn …": a name's number ends the sentence too


#: The ends of a route said after its streets: "điểm đầu và điểm cuối là A", "điểm đầu tại B", "điểm cuối: C"
#: (folded; the place's name follows).
_ENDS_SAID = re.compile(
    r"\b(?:(?P<start>diem dau|diem xuat phat)(?:\s+va\s+(?P<end2>diem cuoi|diem ket thuc))?"
    r"|(?P<end>diem cuoi|diem ket thuc))\s*(?:la|tai|o|:)\s+(?=\S)"
)
_LEAD_WORDS = re.compile(
    r"^(?:" + TURN + r"(?:\s+(?:vao|sang|ra))?"
    r"|(?:di|chay|tiep tuc|re)\s+(?:theo|vao|qua|sang|ra|ve)"
    r"|tro ve|quay ve|ve lai|ve|den|toi|vao|qua|theo|sang"
    r"|xuat phat tu|xuat phat tai|xuat phat|bat dau tu|tu|tai"
    r"|(?:diem|noi)\s+(?:xuat phat|bat dau|tap ket|tap trung|ket thuc|cuoi|giai tan)(?:\s+(?:tai|o|la))?"
    r"|(?:diem|noi)\s+(?:tai|o|la))\s+(?!(?:ban dau|cu|truoc)\b)"  # "về điểm tập kết ban đầu": the start, by role
)
#: The words of :data:`_LEAD_WORDS` as written with their accents: a name's first word that folds like one but is
#: written otherwise ("Tú Xương", "Vỏ", "Tài") stays the name's.
_LEAD_WRITTEN = frozenset(
    [
        "rẽ",
        "quẹo",
        "ngoặt",
        "trái",
        "phải",
        "tay",
        "vào",
        "vô",
        "sang",
        "ra",
        "đi",
        "chạy",
        "tiếp",
        "tục",
        "theo",
        "qua",
        "về",
        "trở",
        "quay",
        "lại",
        "đến",
        "tới",
        "xuất",
        "phát",
        "tại",
        "bắt",
        "đầu",
        "từ",
        "điểm",
        "nơi",
        "tập",
        "kết",
        "trung",
        "thúc",
        "cuối",
        "giải",
        "tán",
        "ở",
        "là",
    ]
)
_ASSEMBLY_LABEL = re.compile(
    r"^(?P<head>(?:thoi gian|dia diem|diem|noi|gio|ngay|thoi diem)?[^:]{0,25}?\b"
    # not "lúc 06:30"; not a sentence's own colon ("… xuất phát từ A, đi theo lộ trình: …": its place said before)
    r"(?P<what>tap trung|tap ket|xuat phat|khoi hanh)\b(?![^:]*\btu\s+[^:]*,)[^:]{0,40})(?<!\d):\s*(?P<value>.*)$"
)
#: A team or a force at a label's head ("Tổ bảo vệ điểm tập trung", "Lực lượng giữ xe tại điểm tập kết") (folded).
_TEAM_LABEL = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?(?:to|doi(?!\s+hinh)|nhom|kip|bo phan|luc luong)\s+\S")


#: The noun of a place before "tập trung/tập kết" ("điểm tập trung", "khu vực tập kết"): the assembly point named,
#: not a gathering said (folded, up to the verb).
_POINT_NOUN = re.compile(r"\b(?:diem|dia diem|khu vuc|noi|vi tri|bai)\s+$")


def _assembly_point_named(before: str) -> bool:
    """Whether "tập trung/tập kết" after ``before`` is part of a place's noun ("điểm tập trung"), not a gathering."""
    return _POINT_NOUN.search(before) is not None


#: What moves a sentence on to another step between a gathering's verb and a place ("… tập kết lúc 6 giờ 00, sau đó
#: đến A đón học sinh (… tại cổng trường)"): the place is that step's (folded).
_LATER_STEP = re.compile(r"\b(?:sau do|tiep do|tiep theo)\b")


def _place_of_a_later_step(between: str) -> bool:
    """Whether the text between a gathering's verb and "tại X" moves on to another step, so that X is not where
    the gathering is."""
    return _LATER_STEP.search(between) is not None


def _team_named_by_place(head: str) -> bool:
    """Whether an assembly-like label names a team by the place it works at ("Tổ bảo vệ điểm tập trung"): its
    times are the team's, not the column's."""
    return _TEAM_LABEL.match(head) is not None


#: A departure's verb right after a time ("7h00 xuất phát", "7 giờ thì lăn bánh") (folded).
_SETS_OFF_NEXT = re.compile(r"\s*(?:phut\s+)?(?:thi\s+)?(?:xuat phat|khoi hanh|lan banh)\b")
#: A line labelled with the day a parade is held ("Ngày: …", "Ngày diễu hành: …", "Ngày tổ chức: …") (folded).
_DAY_LABEL = re.compile(r"^ngay(?:\s+(?:dien ra|to chuc|dieu hanh|thuc hien|xuat phat))?\s*:")
#: The place and date a document is issued ("Gia Viễn, ngày 10 tháng 9 năm 2024", "Gia Viễn, ngày 10/09/2024"),
#: folded, the date in any of its written forms.
_OWN_DATE_LINE = re.compile(r"^(.{2,60}?),\s*ngay\s+(" + FULL_DATE + ")")
#: A clause that tells of a plan issued before ("UBND phường ban hành Kế hoạch số 74/KH-UBND về …") (folded): its
#: date is the plan's, its times the plan's own.
_ISSUED = re.compile(r"\bban hanh\s+(?:ke hoach|thong bao|quyet dinh|cong van|chuong trinh|van ban)\b")
#: What is done once the parade is over ("Sau khi kết thúc diễu hành, xe loa tiếp tục …", "sau buổi diễu hành")
#: (folded): its days are not the parade's, its vehicles told before are the column's own.
_ONCE_PARADE_OVER = re.compile(
    r"\bsau\s+(?:khi\s+)?(?:ket thuc\s+|hoan thanh\s+)?(?:cuoc\s+|buoi\s+|dot\s+)?(?:dieu hanh|dien hanh)\b"
)
#: What says a gathering comes after the parade ("điểm tập kết xe hoa sau diễu hành") (folded, in its label).
_AFTER_PARADE = re.compile(r"\bsau\s+(?:khi\s+)?(?:dieu hanh|dien hanh|ket thuc|giai tan)\b")
_TIME_LINE = re.compile(
    r"^(?:(?P<subject>(?:[^:]|" + CLOCK_COLON + r"){0,60}?\b(?:dieu hanh|dien hanh|doan xe|xe hoa|xe loa|tap trung"
    r"|xuat phat)\b(?:[^:]|" + CLOCK_COLON + r"){0,160}?)"
    r"\s[—–-]\s*)?(?:thoi gian|ngay gio|thoi diem|ngay(?=\s+(?:dieu hanh|dien hanh|to chuc|thuc hien)\s*:))"
    r"\s*(?:dieu hanh|dien hanh|to chuc|thuc hien)?\s*:\s*"
)
#: A bullet of a day's programme: its time, then what happens ("- 07 giờ 15 phút: đoàn xe xuất phát"); "Lúc"
#: before a time labelled by its colon ("Lúc 7h30: …", "Lúc 07:30: …"), not a clock's own ("Vào lúc 15:00 ngày …").
_TIMED_ITEM = re.compile(
    r"^\s*(?P<bullet>" + BULLET_MARK + r"\s*)?(?:(?:vao\s+)?luc\s+(?=\d(?:\d?:\d{2})?[^:,;.]{0,16}:(?!\d{2})))?"
    r"(?P<time>\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?)"
    r"(?:\s?[-–]\s?\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?)?"  # "- 06g30 - 07g00: …": from its start
    r"(?:\s*:\s+|(?(bullet)(?!)|\s+(?=[^\W\d])))"  # a programme's row "06g30 - 07g00 Tập trung …" needs no ":"
)
_ASSEMBLY_ROW = re.compile(r"^(?:tap (?:trung|ket)|xuat phat)\b(?:[^:]|" + CLOCK_COLON + r"){0,80}\s[—–]\s")
#: A table row of one group's assembly, the lead group's first ("Tổ 1 tập trung: xe dẫn đường, xe hoa — Thời gian: …;
#: Địa điểm: X") (folded).
_GROUP_ASSEMBLY_ROW = re.compile(
    r"^(?:to|khoi|cum|nhom)\s+\w{1,3}\s+tap (?:trung|ket)\b:?(?:[^:]|" + CLOCK_COLON + r"){0,160}\s[—–]\s"
)
_PARADE_ROW = re.compile(
    r"^(?:to chuc\s+)?(?:dieu hanh|dien hanh|doan xe)\b(?:[^:]|" + CLOCK_COLON + r"){0,160}\s[—–]\s"
)
_DEPART_AFTER_TIME = re.compile(
    r"\s*(?:phut\s*)?[,:]?\s*(?:thi\s+)?(?:(?:doan|cac)(?:\s+(?:xe|dieu hanh))?\s+)?"
    r"(?:bat dau\s+)?(?:xuat phat|khoi hanh|lan banh|(?<=bat dau )(?:dieu hanh|dien hanh|di chuyen)"
    # "6g45 đoàn chạy"
    r"|(?:(?<=doan )|(?<=doan xe ))(?:chay|di|di chuyen|dieu hanh)(?!\s+(?:qua|tren|theo|ve|den|toi)\b))\b"
)
#: A place's address written after it, in a bracket or after a comma ("(đường Thống Nhất, Phường 11)", ", số 12
#: đường Lê Lợi"), as written: group ``street`` the street it names.
_ADDRESS_STREET = re.compile(
    r"(?i)\s*[(,]\s*(?:(?:địa chỉ\s*:?\s*)?số\s+[\w/-]+\s*,?\s+(?:(?:đường|phố)\s+)?|(?:đường|phố)\s+)"
    r"(?P<street>[^,;()]{2,60}?)"
    r"\s*(?:[,;)]|$)"
)
#: The column as a sentence's subject ("đoàn xe hoa", "đoàn diễu hành", "các xe hoa").
#: A clause that opens with its time ("Vào lúc 15 giờ 00 ngày …, 03 xe hoa … tập trung tại …"), folded.
_CLAUSE_HEAD = re.compile(r"^\s*(?:(?:vao\s+)?(?:luc|dung)|tu)\s+\d")
_CLAUSE_HEAD_WORDS = r"^(?:vao\s+)?(?:luc|dung)\s+[^,]*,\s*"
#: What names the column itself, not its loudspeaker car alone ("03 xe hoa và 01 xe loa …"), folded.
_COLUMN_WORDS = re.compile(r"\bxe hoa\b|\bdoan\b")
_COLUMN_SUBJECT = re.compile(r"\b(?:doan (?:xe|dieu hanh|dien hanh|xe hoa|dieu hanh xe)|cac xe hoa)\b")
_SPEED = re.compile(
    r"(\d{1,3})(?:\s*(?:-|–|den)\s*(\d{1,3}))?\s*(?:km\s*/\s*(?:h|gio|g)\b|km\s*(?:mot|1)\s*gio|"
    r"kilomet\s*/\s*gio|km/h)"
)
_SPEED_CONTEXT = re.compile(r"toc do|khong qua|toi da|duoi|khong vuot|chay|di chuyen|dieu hanh")
_CEREMONY = ev.CEREMONY
_DEADLINE_BEFORE = re.compile(
    r"(truoc|cham nhat|han chot|han nop|han cuoi|khong qua|truoc het|trong(?=\s+ngay))"
    r"(?:\s+\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut|['’′])?,?)?(\s+ngay)?(?:\s+" + WEEKDAY + r",?(?:\s+ngay)?)?\s*$"
)  # "chậm nhất thứ Hai 02/10", "trước 17 giờ ngày thứ Sáu, ngày 04/10", "trước 16 giờ, thứ Năm, ngày 03/10"
#: What joins a span's two clock times ("06 giờ 30 phút – 07 giờ 00 phút", "7h00 đến 7h30") (folded).
_SPAN_JOIN = re.compile(r"\s*(?:[-–—]|den|toi)\s*")


def _departs_before(low: str) -> bool:
    """Whether the text between a gathering and a time sets the column off first ("tập trung tại A, sau Lễ khai mạc
    đoàn xuất phát lúc 8 giờ 00"): that time is the departure's, not the gathering's."""
    return when.EVENT_VERBS["departure"].search(low) is not None


def _times_right_before(low: str, at: int, reach: int = 12) -> list[Found]:
    """The clock times written right before position ``at`` (ending within ``reach`` characters of it), a span
    whole however long its times are written ("06 giờ 30 phút – 07 giờ 00 phút tập trung": both, its start first)."""
    times = find_times(low[:at])
    k = next((k for k, t in enumerate(times) if t.end >= at - reach), len(times))
    while 0 < k < len(times) and _SPAN_JOIN.fullmatch(low[times[k - 1].end : times[k].start]):
        k -= 1
    return times[k:]


#: How far before a date :data:`_DEADLINE_BEFORE` looks (folded characters): its longest lead, the cue with an hour
#: in full words and a weekday ("chậm nhất 16 giờ 00 phút ngày thứ Năm, ngày 02/10" has 44).
_DEADLINE_REACH = 48
#: A term moved to a new date, written before that date ("Thời hạn gửi báo cáo điều chỉnh từ ngày 05/10 thành ngày
#: 08/10", "hạn nộp … lùi sang ngày 08/10", "gia hạn đến ngày 08/10", "nay gia hạn đến 16 giờ 00 ngày 08/10": an
#: hour may come first) (folded, up to the new date): the new date is the term now; the old one ("từ ngày 05/10")
#: none. ``move`` starts at the words of the move.
_TERM_MOVED_TO = re.compile(
    r"\b(?:thoi han|han nop|han gui|han chot)\b.*?(?P<move>\b(?:dieu chinh|lui|doi|chuyen|gia han)\b.{0,40}?)"
    r"\b(?:thanh|sang|den|toi|len)\s+(?:\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?,?\s+)?(?:ngay\s+)?$"
)
#: A line labelled by its term ("- Hạn chót nộp danh sách xe: 17h00 ngày 01/10", "- Deadline DS tài xế (các KP):
#: 17h00 T4 01/10/2025") (folded): a date within the first words of the value after the match is the term.
_TERM_LABEL = re.compile("^" + LEAD + r"(?:han chot|han cuoi|han nop|thoi han|deadline)\b(?P<what>[^:;.]{0,80}):\s*")
#: "trình" the verb (to submit), not the second word of a noun ("lộ trình", "chương trình", "quá trình") (folded).
_SUBMIT = r"(?<!\blo )(?<!\bchuong )(?<!\bqua )(?<!\bhanh )(?<!\bcong )(?<!\btien )(?<!\bgiao )\btrinh\b"
#: The words of a report or a paper due to someone ("báo cáo", "gửi", "nộp", "trình", "báo số lượng … về") (folded).
_DEADLINE_CONTEXT = re.compile(
    r"bao cao|gui|nop|dang ky|xac nhan|" + _SUBMIT + r"|du thao|kich ban|danh sach|tong hop"
    r"|\bbao\s+(?:lai\s+)?(?:so luong|ket qua)\b"
)
#: The readers of who attends which ceremony (:mod:`paradeplan.importer.attend`), in the order their findings merge.
_ATTENDANCE_READERS = (
    attend.read_attendances,
    attend.section_attendees,
    attend.attendees_under,
    attend.attendees_after_ceremony,
    attend.attendees_told_after,
    attend.attendees_said_of,
    attend.attendees_at_named,
    attend.actors_in_titled_section,
    attend.actors_in_attendee_section,
    attend.actors_in_tasks,
    attend.actors_in_task_clauses,
    attend.companions,
    attend.companions_by_given,
    attend.sent_in_place,
    attend.attendees_by_given,
    attend.attendees_listed_below,
    attend.visits_by_number,
    attend.visits_by_label,
    attend.group_itineraries,
    attend.script_participants,
    attend.starters_after_ceremony,
    attend.starters_at_the_ceremony,
    attend.session_attendees,
    attend.programme_by_hour,
)
#: An amended plan's route kept as the plan it amends wrote it, the steps in brackets ("Giữ nguyên lộ trình tại điểm
#: b … (UBND Phường 16 – đường Lê Đức Thọ – … – về UBND Phường 16)") (folded; group 1 the steps).
_KEPT_ROUTE = re.compile(r"\b(?:giu nguyen|van theo|van giu)\s+lo trinh\b[^()]{0,120}\(([^()]{10,600})\)")
#: A street of the kept route replaced ("riêng đoạn đi trên đường A được thay bằng đường B", "đổi đường A thành
#: đường B") (folded; groups 1 and 2 the streets).
_STREET_REPLACED = re.compile(
    r"\bduong\s+([^,;()]{2,40}?)\s+(?:duoc\s+)?(?:thay|doi)\s+(?:bang|thanh|sang)\s+(?:duong\s+)?([^,;.()]{2,40}?)"
    r"(?=\s*[,;.(]|\s+(?:tu|doan)\b|$)"
)
#: A step reached along a street said in brackets ("Ngã tư Tân Thới Hiệp (theo đường Lê Thị Riêng)", "Chợ A (qua
#: đường B)"), as written.
_REACHED_ALONG = re.compile(
    r"^\s*(?P<at>[^()]{3,80}?)\s*\(\s*(?:theo|qua|dọc|đi theo|chạy theo)\s+"
    r"(?P<street>(?:đường|phố|tuyến|quốc lộ)\s+[^()]{2,60})\)\s*$",
    re.IGNORECASE,
)
#: A span of days ("từ ngày 01/10/2022 đến ngày 07/10/2022") (folded).
_DAYS_SPAN = re.compile(
    r"\btu\s+(?:ngay\s+)?" + DATE_WRITTEN + r"\S*\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?" + DAY_MONTH
)
#: A table row's term ("<task> — Đơn vị thực hiện: …; Thời hạn: Trước ngày …") (folded): the task ends at
#: ``task``, the term's value follows the match.
_ROW_TERM = re.compile(
    r"(?:(?P<task>\s[—–]\s).*?|;\s*)\b(?:thoi han|han chot|han hoan thanh|thoi gian hoan thanh)\s*:\s*"
)
#: A table row's time that is a term ("<task> — Mục: II.2; Thời gian: Trước 16g00 ngày 26/9/2024", "…; Thời gian:
#: chậm nhất 28/9") (folded): the task ends at ``task``, the term's value follows the match.
_ROW_TIME_TERM = re.compile(r"(?P<task>\s[—–]\s).*?\bthoi gian\s*:\s*(?=(?:truoc|cham nhat|han chot|khong qua)\b)")
#: A time that is a term, at the head of a "Thời gian: …" value ("Trước 17:00 ngày 25/9", "Hoàn thành trước ngày
#: 29/9", "chậm nhất 28/9", "hạn chót 16g00 ngày 26/9") (folded): a task's deadline, no event's time.
_TERM_VALUE = re.compile(r"\s*(?:hoan thanh\s+|nop\s+|gui\s+)?(?:truoc|cham nhat|han chot|han cuoi|khong qua)\b")
#: A term that is one day alone ("ngày 11/10/2024", "11/10") (folded).
_DAY_ALONE = re.compile(r"\s*(?:ngay\s+)?" + DATE_WRITTEN + r"\s*(?:[.;]|$)")
#: A term that names what is handed in, then its date ("Nộp kịch bản trước 28/9/2023", "Gửi danh sách chậm nhất ngày
#: 30/9") (folded, up to the lead of the date).
_TASK_THEN_TERM = re.compile(r"\s*(?:nop|gui|hoan thanh|bao cao|dang ky|cap nhat)\b[^;.\d]{0,40}?\s(?=truoc|cham nhat)")
#: A rehearsal or a meeting, no task due by a date ("tổng duyệt xong trước 16 giờ …", "Họp triển khai …") (folded).
_REHEARSAL_OR_MEETING = re.compile(r"\b(?:" + ev.REHEARSAL_WORDS + r"|hop trien khai|hop ban|cuoc hop|hoi nghi)\b")
#: A chat's closing particle after a place ("… ở chợ em nha", "… tại trường nhé", "… ở cổng ạ") (folded).
_CHAT_PARTICLE = r"\s(?:(?:em|anh|chi|ban|cac ban|moi nguoi)\s+)?(?:nha|nhe|nhen|nghen|a)(?=\s*(?:[,.!;]|$))"
#: The column arriving where a ceremony is then held ("Khi đoàn về đến Công viên A, …", "đoàn diễu hành tới …")
#: (folded, before the ceremony's name).
_COLUMN_ARRIVES = re.compile(r"\bdoan(?:\s+(?:xe|dieu hanh|dien hanh))?\s+(?:ve den|ve toi|ve|den|toi)\b")
#: Where the route ends, said before a ceremony held there ("Tại điểm kết thúc, tổ chức Lễ tuyên dương …", "ở điểm
#: cuối lộ trình, …") (folded): the column arrives there, the ceremony is on the parade's day.
_AT_ROUTE_END = re.compile(r"\b(?:tai|o)\s+(?:dia\s+)?diem\s+(?:ket thuc|cuoi|giai tan)(?:\s+lo trinh)?\b")
#: A web page's publication stamp alone on its line ("Thứ Ba, 08/10/2024, 17:20 (GMT+7)", "08/10/2024 09:15",
#: "Cập nhật: 08/10/2024", the date and time in any of their forms) (folded): the document's date.
_PUBLISHED = re.compile(
    r"^(?:(?:cap nhat|dang|ngay dang|xuat ban)\s*:?\s*)?(?:(?:thu\s+\w+|chu nhat)\s*,?\s*)?(" + FULL_DATE + r")"
    r"(?:\s*[,|-]?\s*" + CLOCK + r"(?::\d{2})?)?(?:\s*\(gmt\s*[+-]\s*\d{1,2}(?::\d{2})?\))?\s*$"
)
#: A labelled row's owner, first ("Bộ phận: Tổ Thư viện; Nhiệm vụ: …") (folded): group 1.
_OWNER_LABEL = re.compile(r"^(?:bo phan|don vi|nguoi thuc hien|phu trach|to)\s*:\s*([^;]{2,80})")
#: A labelled row's task ("Nhiệm vụ: …", "Nội dung công việc: …") (folded): the value follows the match.
_TASK_LABEL = re.compile(r"(?:^|;\s*)(?:nhiem vu|cong viec|noi dung(?: cong viec)?)\s*:\s*")
#: A date a task is due before ("trang trí khánh tiết … trước ngày 29/9/2025", "… trước 01/10") (folded).
_BEFORE_DAY = re.compile(r"\btruoc\s+(?:ngay\s+)?" + DAY_MONTH)
#: A clock time something is due by, before its date ("trước 17 giờ 00 ngày 03/10") (folded, up to the date).
_BEFORE_HOUR = re.compile(r"\btruoc\s+\d{1,2}\s?(?:gio|h|g|:)\s?\d{0,2}(?:\s?phut)?,?\s+(?:ngay\s+)?$")
#: A clause that asks a unit to do something ("Đề nghị Ủy ban nhân dân các phường …", "3. Yêu cầu Đội A …") (folded):
#: a date it gives the task to be done by ("trước ngày 03/10") is a term.
_ASKED_OF = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:de nghi|yeu cau)\s+(?!(?:quy\s+)?(?:cha me|phu huynh|ba con|nguoi dan)\b)"
)
#: A clause whose subject is private persons, not a unit ("Quý Cha mẹ vui lòng …", "Phụ huynh học sinh gửi …", "Đề
#: nghị bà con …") (folded): a date it gives them is no unit's term.
_PERSONS_DUE = re.compile(
    r"^\W*(?:(?:de nghi|kinh mong|mong)\s+)?(?:quy\s+)?"
    r"(?:cha me(?:\s+hoc sinh)?|phu huynh(?:\s+hoc sinh)?|ba con|nguoi dan)\b"
)
#: A date something is done within ("trong ngày 02/10/2025") (folded, up to the date).
_WITHIN_DAY = re.compile(r"\btrong\s+ngay\s+\S{0,5}$")
#: A calendar's item that opens on a term, after its part of the day and hour ("- Chiều: 16h30 Hạn cuối …", "+ 17
#: giờ: Hạn chót nộp …", "- Hết hạn gửi …") (folded, up to the term's words).
_TERM_ITEM = re.compile(
    "^" + LEAD + r"(?:(?:sang|chieu|toi|trua|ca ngay)\s*:?\s*)?"
    r"(?:\d{1,2}\s?(?:h|g|gio|:)\s?\d{0,2}(?:\s?phut)?\s*[:,–-]?\s*)?(?:han cuoi|han chot|han nop|het han)\b"
)
#: The verb of a term item's task, after the units it charges ("… các tổ dân phố gửi báo cáo …") (folded).
_TASK_VERB = re.compile(r"(?:^|\s)(?:nop|gui|hoan thanh|bao cao|dang ky|cap nhat)\b")
#: Words that make a date a deadline whatever the task ("chậm nhất ngày", "hạn chót") (folded).
_DUE_SAID = re.compile(r"\b(?:cham nhat|han chot|han nop|han cuoi|deadline)\b")
#: A task due by a date that is not a report ("hoàn thành trang trí xe hoa trước 17 giờ ngày …"): its name.
_TASK_DUE = re.compile(r"\bhoan (?:thanh|tat|thien)\b|\bxong\b")
_NO_LEAVING = re.compile(r"khong (?:duoc )?(?:tach|roi|ra khoi|bo) (?:doan|doi hinh|hang)")
_OWN_ROUTE = re.compile(r"lo trinh (?:rieng )?(?:cua )?(?:cac |tung )?(phuong|xa|don vi|dia phuong)|lo trinh rieng")
_DOC_TYPE = re.compile(
    r"^(ke hoach|huong dan|phuong an|thong bao|chuong trinh|cong van|to trinh|quyet dinh|bao cao|kich ban)\b"
)


# ---------------------------------------------------------------------------------------------- facts
@dataclass
class RouteItem:
    """One route step as written: a street (name without "đường") or a place (name as written)."""

    kind: str
    name: str
    uturn: bool = False
    end: bool = False
    note: str | None = None


@dataclass
class Force:
    """Vehicles of one kind and role ("06 xe cảnh sát giao thông (02 xe mở đường, …)" gives two)."""

    kind: str
    count: int
    role: str | None = None
    owner: str | None = None
    label: str = ""
    role_text: str | None = None
    per_unit: bool = False
    """A count for each unit ("mỗi cụm trường 01 xe hoa"), not a group of its own when a total is also said."""


@dataclass
class GatheringFact:
    """A gathering that is not the parade's assembly (the loudspeaker vehicle at 06:30 elsewhere)."""

    what: str
    place: str | None
    date: date | None
    time: time | None


@dataclass
class CeremonyFact:
    """A ceremony as one clause of the text states it: name, date, time, venue and who holds it."""

    name: str
    date: date | None
    time: time | None = None
    place: str | None = None
    launch_group: bool = False
    note: str | None = None
    held_by: str | None = None


@dataclass
class DeadlineFact:
    """A report due date."""

    what: str
    due: date
    to: str | None = None
    who: str | None = None
    line: int = field(default=-1, compare=False)
    """The logical line it is read from."""


#: National weeks a document may name without dating them: (folded pattern, month, day of their usual first
#: day). The Lifelong Learning Week is held in the first week of October (Quyết định 281/QĐ-TTg, 2014).
NATIONAL_WEEKS: tuple[tuple[str, int, int], ...] = ((r"\bhoc tap suot doi\b", 10, 1),)


@dataclass
class Extraction:
    """Everything the rules read from one document; ``unresolved`` says what they could not find."""

    source: str | None = None
    event: str | None = None
    theme: str | None = None
    document: str | None = None
    document_date: date | None = None
    area: str | None = None
    week_start: date | None = None
    week_end: date | None = None
    parade_name: str | None = None
    assembly_date: date | None = None
    assembly_time: time | None = None
    assembly_place: str | None = None
    departure_date: date | None = None
    departure_time: time | None = None
    route: list[RouteItem] = field(default_factory=list)
    route_text: str | None = None
    on_water: str | None = None
    """A parade of boats on a river, as the document tells it ("diễu hành ghe, xuồng trên sông Tiền …"): no street
    route to plan."""
    forces: list[Force] = field(default_factory=list)
    marshals: list[MarshalFact] = field(default_factory=list)
    """Forces on foot ordered for the route (``importer.marshals``), with their head count when stated."""
    duties: list[TrafficDuty] = field(default_factory=list)
    """Units charged with the traffic on the route (``importer.duties``)."""
    gatherings: list[GatheringFact] = field(default_factory=list)
    ceremonies: list[CeremonyFact] = field(default_factory=list)
    deadlines: list[DeadlineFact] = field(default_factory=list)
    speed_limit_kmh: float | None = None
    no_leaving_before_end: bool | None = None
    own_route_owner: str | None = None
    issuer: str | None = None
    year: int | None = None
    events: ev.EventFacts = field(default_factory=ev.EventFacts)
    """Who holds which ceremony and activity, officials, slogans and report requests (``importer.events``)."""
    unresolved: list[str] = field(default_factory=list)
    participants: Participants | None = None
    """The column's own people when it walks or rides bicycles (:mod:`paradeplan.importer.participants`)."""
    addresses: dict[str, str] = field(default_factory=dict)
    """The street a place's address names where the document writes it beside the place ("Sân vận động A (đường
    B, Phường 11)", "Nhà văn hóa C, số 12 đường D"), by the place's name as read."""
    more_parades: list[Extraction] = field(default_factory=list)
    """The document's other parades, each read from its own section (:mod:`paradeplan.importer.parades`)."""
    column_said: bool = False
    """Whether a line of the document names a column (diễu hành, đoàn xe, xe hoa, …): an assembly and a departure
    with no such line are an official's trip."""

    @property
    def placeholder_day(self) -> date | None:
        """The day given to an event whose date is not stated (an open item says so): the week's first day as
        the document states it, else the usual first day of the national week it names (:data:`NATIONAL_WEEKS`)
        in the document's year; never the document's own date, which dates the document, not an event."""
        if self.week_start is not None:
            return self.week_start
        said = fold(" ".join(x for x in (self.event, self.theme) if x))
        for rx, month, day in NATIONAL_WEEKS:
            if self.year is not None and re.search(rx, said):
                return date(self.year, month, day)
        return None

    @property
    def has_parade(self) -> bool:
        """True when the document describes a vehicle parade (a route or forces)."""
        return bool(self.route or self.forces)

    def summary(self) -> dict[str, Any]:
        """The normalized summary printed by ``paradeplan import --json``.

        Returns
        -------
        dict
            Keys route, forces, assembly, departure, week, gatherings, ceremonies, deadlines, unresolved
            (as issue 7 specifies), then event, theme and speed_limit_kmh.
        """

        def d(v: date | None) -> str | None:
            return v.isoformat() if v else None

        def t(v: time | None) -> str | None:
            return v.strftime("%H:%M") if v else None

        return {
            "route": [{"kind": r.kind, "name": r.name, "uturn": r.uturn} for r in self.route],
            "forces": [{"kind": f.kind, "count": f.count, "role": f.role, "owner": f.owner} for f in self.forces],
            "assembly": {
                "date": d(self.assembly_date),
                "time": t(self.assembly_time),
                "place": self.assembly_place,
            },
            "departure": (
                {"date": d(self.departure_date or self.assembly_date), "time": t(self.departure_time)}
                if self.departure_time
                else None
            ),
            "week": {"from": d(self.week_start), "to": d(self.week_end)} if self.week_start else None,
            "gatherings": [
                {"what": g.what, "place": g.place, "date": d(g.date), "time": t(g.time)} for g in self.gatherings
            ],
            "ceremonies": [
                {"name": c.name, "date": d(c.date), "time": t(c.time), "place": c.place, "held_by": c.held_by}
                for c in self.ceremonies
            ],
            "deadlines": [{"what": x.what, "due": d(x.due), "to": x.to, "who": x.who} for x in self.deadlines],
            "unresolved": list(self.unresolved),
            "event": self.event,
            "theme": self.theme,
            "speed_limit_kmh": self.speed_limit_kmh,
        }


# ---------------------------------------------------------------------------------------------- helpers
#: "từ" before a place ("xuất phát từ Trường THCS A"), not before a moment ("tập kết sẵn từ lúc kết thúc phần văn
#: nghệ", "từ khi …", "từ sau Lễ khai mạc", "từ 7 giờ", "từ sáng ngày …") (folded).
_FROM_PLACE = re.compile(r"\btu\s(?!\s*(?:luc|khi|sau|truoc|ngay|gio|sang|trua|chieu|toi|dem|hom|bay gio|nay|\d))")


def _unbullet(f: Folded) -> Folded:
    m = _BULLET.match(f.low)
    return Folded(f.text[m.end() :], f.low[m.end() :]) if m else f


#: The marker of an item in a route listed by the points the column passes ("Điểm 2. Nút giao A – B: …", "Vị trí
#: 3: …", "Mốc số 1 – Xuất phát: …") (folded).
_POINT_ITEM = re.compile(r"^\s*(?:diem|vi tri|moc)\s+(?:so\s+)?\d{1,2}\s*(?:[.:)]|\s[–-])\s*")


#: A note among a route's list items ("Lưu ý: …", "Ghi chú: …", "Chú ý: …", "NB: …") (folded).
_NOTE_ITEM = re.compile(r"^(?:luu y|ghi chu|chu y|nb)\s*:")


def _note_item(low: str) -> bool:
    """Whether a route's list item is a note to the column ("3. Lưu ý: đoạn … đang thi công"): no step, and the
    list goes on below it."""
    return _NOTE_ITEM.match(low) is not None


def _item_number(low: str) -> int | None:
    """The number a list item is marked with ("3. …", "3) …"), None for an item without one."""
    m = re.match(r"\s*(\d{1,2})\s*[.)]\s", low)
    return int(m.group(1)) if m else None


def _turned_at_item(f: Folded) -> str | None:
    """A list item naming a place, then the U-turn made there ("Ngã tư A: vòng xoay quay lại đường B"): the place
    turned at, then the street after it (as steps joined by arrows); None for any other item."""
    at = label_colon(f.text)
    if at <= 0 or place_kind(f.text[:at]) is None:
        return None
    rest = f.low[at + 1 :]
    turn = _UTURN.search(rest)
    if turn is None:
        return None
    onto = re.search(r"\b(?:duong|pho)\s+", rest[turn.end() :])
    back = f.text[at + 1 + turn.end() + onto.end() :].rstrip(" .;") if onto else ""
    return f"{f.text[:at].strip()} (quay đầu)" + (f" → {back}" if back else "")


#: A road's class before its name or number ("Xa lộ Đại Hàn", "Tỉnh lộ 15", "Cao tốc …"): no street's own name.
_ROAD_CLASS = re.compile(r"(?i)^(?:xa lộ|quốc lộ|tỉnh lộ|liên tỉnh lộ|hương lộ|cao tốc|ql|tl|đt)\b")


def _road_class_name(name: str) -> bool:
    """Whether a numbered road's second name in brackets is another highway name ("Quốc lộ 1A (Xa lộ Đại Hàn)"),
    not the street it is named now ("Quốc lộ 1A (đường Đỗ Mười)"): the road keeps the name written first."""
    return _ROAD_CLASS.match(tidy(name)) is not None


def _legs_go_further(legs: tuple[str, int] | None, stretches: list[str]) -> bool:
    """Whether a route's numbered legs ("Đoạn 3: đường A, đến ngã ba A - B") run on over more lines than the
    stretches read from them ("từ X đến Y" only in the first legs): the legs are the route."""
    return legs is not None and legs[1] > len(stretches)


def _unitemed(f: Folded) -> Folded:
    """A route's list item without its marker: a bullet, a number, or the point it is ("Điểm 2. …")."""
    m = _POINT_ITEM.match(f.low)
    return Folded(f.text[m.end() :], f.low[m.end() :]) if m else _unbullet(f)


#: A direction written after a street's name ("Lê Đức Thọ hướng về phía đường Nguyễn Oanh", "theo hướng …",
#: "chiều đi …"): the street is the name before it (folded).
DIRECTION_WORDS = (
    r"\s+(?:(?:theo\s+|ve\s+)?huong\s+(?:ve\s+|di\s+)?(?:phia\s+)?|ve\s+phia\s+|chieu\s+(?:ve|di)\s+)\S.*$"
)


#: The document types of :data:`_DOC_TYPE` with their accents ("PHƯƠNG ÁN" is one, "PHƯỜNG AN NHƠN" is a ward).
_DOC_TYPE_WORDS = (
    "kế hoạch",
    "hướng dẫn",
    "phương án",
    "thông báo",
    "chương trình",
    "công văn",
    "tờ trình",
    "quyết định",
    "báo cáo",
    "kịch bản",
)


def _typed_as(words: str) -> bool:
    """Whether words a document type folds to are that type as written with its accents (or written without)."""
    low = unicodedata.normalize("NFC", words).lower()
    return low == fold(low) or low in _DOC_TYPE_WORDS


#: A gate or a yard before a place's name, as written ("Cổng UBND …", "cổng chính Trường A", "sân Đình B"): the
#: marks tell "Cổng" (a gate) from "Công" (a word of names).
_GATE = re.compile(r"^(?:[Tt]rước\s+)?(?:[Cc]ổng(?:\s+(?:chính|phụ|sau))?|[Ss]ân(?!\s+[Vv]ận\s+[Đđ]ộng\b))\s+")


def _strip_words(text: str, *patterns: str) -> str:
    """Remove folded-text patterns (accent-free) from an original string."""
    for rx in patterns:
        m = re.search(rx, fold(text))
        if m:
            text = text[: m.start()] + text[m.end() :]
    return tidy(text)


#: Place words that fold to a street's first word ("Cổng" and "Cộng Hòa", "Đình" and "Đinh Tiên Hoàng", "Đền" and
#: "Đến", "Sân" and "San"): with accents written, the place word only as written with its own accents.
_ACCENTED_KIND_WORDS = {
    "cong": "cổng",
    "dinh": "đình",
    "den": "đền",
    "san": "sân",
    "cho": "chợ",
    "ben": "bến",
    "chua": "chùa",
    "cau": "cầu",
    "diem": "điểm",
    "tram": "trạm",
}
#: The same for the first word of a kind named in several words ("Trường THCS …" and "Trương Thị Hoa").
_ACCENTED_KIND_HEADS = {"truong": "trường"}


def _accents_say_street(name: str) -> bool:
    """A name whose first word folds to a place word but is written with other accents ("Cộng Hòa")."""
    first = unicodedata.normalize("NFC", tidy(name)).split(" ", 1)[0].lower()
    low = fold(first)
    want = _ACCENTED_KIND_WORDS.get(low) or _ACCENTED_KIND_HEADS.get(low)
    return want is not None and first != low and first != want


def place_kind(name: str) -> str | None:
    """The place kind a name starts with (office, junction, bridge, school…), or None for a street.

    Parameters
    ----------
    name : str
        A route step or place as written.

    Returns
    -------
    str or None
    """
    low = fold(tidy(name))
    if _STREET_RX.match(low) and not low.startswith(("nga", "cau ")):
        return None
    for rx, kind in _PLACE_RX:
        m = rx.match(low)
        if m is None:
            continue
        accented = m.group(0).strip() in _ACCENTED_KIND_WORDS or m.group(0).split(" ", 1)[0] in _ACCENTED_KIND_HEADS
        if not (accented and _accents_say_street(name)):
            return kind
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else ev.NUMWORDS.get(word, 0)  # every word _COUNT matches is in the table


#: A clause that opens with a total ("tổng cộng 20 xe hoa", "Tổng số: 13 xe") (folded).
#: A kind's count raised to a new total ("nâng tổng số xe hoa tham gia lên 04 xe") (folded).
_RAISED_TO = re.compile(
    r"\bnang tong so\s+(?P<what>(?:xe|o to|mo ?to)\b[^,;.]{0,30}?)\s+(?:tham gia\s+)?len\s+(?P<n>\d{1,3})\b"
)
#: The words a total starts with (folded).
_TOTAL_WORDS = r"(?:tong cong|tong so|tong|tat ca|cong)"
_TOTAL_FIRST = re.compile(r"^\s*" + _TOTAL_WORDS + r"\s*:?\s*\d")
#: Where a clause's first sentence ends before another that opens with a count ("tổng cộng 05 xe hoa. 01 xe …")
#: (folded; clauses are cut only before a capital letter).
_NEXT_SENTENCE = re.compile(r"\.\s+(?=\d)")
#: A gathering's place written after the street it lies on ("tập trung trên đường A, trước cổng Trường B, lúc …",
#: "tập kết dọc tuyến đường A, phía trước Chợ B"): the place follows the match (folded, matched after the verb).
_AT_ON_STREET = re.compile(
    r"\s+(?:tren|doc|ben)\s+(?:tuyen\s+)?(?:duong|pho)\s+[^,;.()]{2,40},\s*"
    r"(?=(?:phia\s+)?(?:truoc|sau|ben canh|canh|doi dien|trong khuon vien|khuon vien)\s)"
)
#: A place named only as each group's own ("tại trường mình", "tại đơn vị của mình", "tại trụ sở mỗi đơn vị")
#: (folded): each group gathers at its own, no one place.
_EACH_AT_ITS_OWN = re.compile(r"\b(?:(?:cua\s+)?minh|moi\s+(?:don vi|truong|phuong|xa|khu pho))\s*$")
#: A gathering's place said with a position word and no "tại" ("tập kết trước cổng chính của trường từ 6 giờ 15",
#: "tập trung bên cạnh Nhà văn hóa A", "tập trung 8 giờ 15 trước sân Nhà văn hóa X"), not a time it is due by ("tập
#: trung trước 6 giờ"): the place starts at the position word (folded, searched after the verb).
_AT_BESIDE = re.compile(
    r"\s+(?=(?:phia\s+)?(?:truoc|ben canh|doi dien)\s+"
    r"(?:cong|san|khuon vien|tru so|hoi truong|ubnd|uy ban|nha|truong|cho|cong vien|trung tam|quang truong)\b)"
)
#: A line that gives totals ("Tổng cộng đoàn có 12 xe hoa và 16 xe phục vụ.") (folded).
_TOTAL_LINE = re.compile(r"^\s*" + _TOTAL_WORDS + r"\b[^\d]{0,30}\d")
#: A rehearsal ("tổng duyệt", "tập dượt", "sơ duyệt") (folded): its time is not the parade's.
_REHEARSAL = re.compile(r"\b(?:" + ev.TRIAL_WORDS + r")\b")
#: A programme item that is the parade itself ("Diễu hành cổ động", "Tổ chức diễu hành xe hoa"), perhaps after the
#: vehicles that parade ("Đoàn xe hoa diễu hành …", "Xe hoa, xe loa diễu hành tuyên truyền", "Các xe hoa và xe loa
#: diễu hành") (folded).
_PARADE_ITEM = re.compile(
    r"(?:to chuc\s+)?(?:(?:doan|cac)\s+)?(?:xe(?:\s+(?:hoa|loa))?\s*(?:,|\bva\b|\+)?\s*)*(?:dieu hanh|dien hanh|ruoc)\b"
)
#: The column's own departure (folded).
_DEPARTS = re.compile(r"\b(?:xuat phat|khoi hanh|lan banh)\b")
#: The place a column sets off from, named by its verb (folded text right before "xuất phát"): "điểm", "nơi".
_STARTING_POINT = re.compile(r"\b(?:diem|noi)\s+$")
#: A vehicle named by no kind ("xe", "chiếc xe") (folded).
_BARE_XE = re.compile(r"^\s*(?:chiec\s+)?xe\s*$")
#: A total said after its parts, right before its count ("…, 2 mô tô => tổng 6 xe", "; tổng cộng: 12 xe") (folded).
_TOTAL_AFTER = re.compile(r"(?:\btong(?:\s+(?:cong|so))?(?:\s+la)?|=>|\bcong lai)\s*:?\s*$")
#: A label that names vehicles of no kind over a list of them ("Xe:", "Phương tiện tham gia:") (folded).
_BARE_LIST = re.compile(r"\s*(?:cac\s+)?(?:xe|phuong tien)(?:\s+(?:tham gia|di kem|cua doan|dieu hanh))?\s*")


#: Who rides their own motorbikes in a column, not the police ("đoàn xe mô tô của Đoàn Thanh niên") (folded).
_RIDERS = re.compile(
    r"\b(?:doan thanh nien|doan vien|hoi vien|hoc sinh|sinh vien|nhan dan|nguoi dan|giao vien|phu huynh|hoi lhpn"
    r"|hoi phu nu|cuu chien binh|thanh nien|tinh nguyen|cong dan|can bo|khu pho|kp\d*|to dan pho|dang ky|tu tuc"
    r"|ca nhan)\b"
)


def _as_said_before(got: list[Force], f: Folded, masked: str, m: re.Match[str], scope: Folded) -> list[Force]:
    """A count's vehicles as the words before the count say them: the participants' own motorbikes ("KP4 đăng ký 25
    xe máy"), the kind a list's head names ("đoàn xe hoa gồm 08 xe"), a count for each unit ("mỗi xã 01 …")."""
    said = masked[max(masked.rfind(x, 0, m.start()) for x in ".;:,") + 1 : m.start()]
    if _RIDERS.search(said) and not _POLICE.search(said + scope.low):  # "KP4 đăng ký 25 xe máy": theirs
        got = [dataclasses.replace(x, kind="private_motorbike") if x.kind == "motorbike" else x for x in got]
    before = (
        re.search(r"(xe hoa|xe loa|mo ?to|xe canh sat)[^,;.]{0,12}\b(?:gom|co|bao gom)\s*:?\s*$", masked[: m.start()])
        or re.search(  # "xe hoa (12 xe)", "Đoàn xe mô tô của Đoàn Thanh niên, Hội LHPN (khoảng 40 xe)"
            r"((?:xe|mo ?to|o to)\b[^;:()]{0,60}?)\s*\(\s*"
            r"(?:(?:khoang|gan|hon|tren|du kien|tong cong|khong qua|toi da|chung)\s*)?$",
            masked[: m.start()],
        )
    )
    if before and len(got) == 1 and got[0].kind == "other":  # "đoàn xe hoa gồm 08 xe"
        got = [
            dataclasses.replace(
                got[0], kind=_kind_of(before.group(1)), label=tidy(f.text[before.start(1) : before.end(1)])
            )
        ]
    each = re.search(r"\bmoi\s+((?:[^,;.:\d]{1,40},\s*)?[^,;.:]{1,40})$", masked[: m.start()])
    if each:  # "mỗi xã, thị trấn 01 …"
        got = [_per_unit(x, scope, each.group(1)) for x in got]
    return got


def _term_only(value: str) -> bool:
    """Whether a "Thời gian: …" value is a task's term ("Trước 17:00 ngày 25/9"), not "trước 6 giờ 30, tập trung …"."""
    return bool(_TERM_VALUE.match(value)) and not re.search(
        r"\b(?:tap trung|tap ket|co mat|xuat phat|khoi hanh)\b", value
    )


def _unowned(label: str) -> str:
    """A vehicle label without the owner or position after "xe" ("xe của Phòng đi đầu" → "xe"), folded."""
    return re.sub(r"\s+(?:cua|thuoc|do)\s.*$", "", fold(label))


def _groups_listed(value: str) -> bool:
    """Whether a labelled value lists several counted groups of vehicles outside brackets ("01 xe hoa của quận đi
    đầu và 16 xe hoa của 16 phường"), not one count with its breakdown ("12 xe (01 xe của quận, 11 xe …)")."""
    bare = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), value)
    counts = [_count(m.group(1)) for m in _FORCE_INLINE.finditer(bare)]
    if re.search(r"\b(?:gom|bao gom|trong do|cu the|tong(?: cong| so)?)\b", bare):
        return False  # "04 xe, gồm 01 xe của A, 01 xe của B, …": a total and its parts, read as the label says
    return len(counts) >= 2 and counts[0] != sum(counts[1:])


def _departs_item(what: str) -> bool:
    """Whether a timed item is the column setting off ("đoàn xe xuất phát", "Diễu hành cổ động"), not its signal."""
    if _PARADE_ITEM.match(what) and not _SIGNAL_TO_SET_OFF.search(what):
        return True
    return any(_sets_off_itself(what, m) for m in _DEPARTS.finditer(what))


#: A place said by pointing back at the one the line has just named ("tại đây", "tại đó", "ở địa điểm trên", "tại
#: địa điểm này") (folded).
_HERE = re.compile(r"(?:noi\s+|(?:dia\s+)?diem\s+)?(?:day|do|tren|nay)\b")


def _item_head(f: Folded, start: int) -> str:
    """The first clause of a timed item's words from ``start`` ("xuất phát." of "07h00: Xuất phát. Bà A phát lệnh
    …"): what the item's time is the time of (folded)."""
    heads = ev.clauses(Folded(f.text[start:], f.low[start:]))
    return heads[0].low if heads else ""


def _sets_off_itself(what: str, verb: re.Match[str]) -> bool:
    """Whether a departure's verb in a timed item is the column's move ("07h00: Xuất phát. Bà A phát lệnh xuất
    phát": the first), not the signal given for it nor the place it sets off from ("kết thúc tại điểm xuất phát")."""
    signalled = any(s.start() <= verb.start() < s.end() for s in _SIGNAL_TO_SET_OFF.finditer(what))
    return not signalled and _STARTING_POINT.search(what[: verb.start()]) is None


def _kind_of(low: str) -> str:
    """The kind a vehicle phrase names first ("xe mô tô CSGT chạy hai bên đoàn xe hoa": motorbikes)."""
    found = [(m.start(), k, kind) for k, (kind, rx) in enumerate(_KINDS) if (m := re.search(rx, low))]
    if not found:
        return "other"
    kind = min(found)[2]
    if kind == "motorbike" and _RIDERS.search(low) and not _POLICE.search(low):
        return "private_motorbike"  # the participants' own, in the column (no post to hold)
    return kind


#: A council office named as a vehicle's owner ("của UBND phường", "của Ủy ban nhân dân quận", "của Văn phòng HĐND và
#: UBND thành phố", "do Văn phòng Huyện ủy bố trí"), or the organisers ("xe dẫn đoàn của Ban tổ chức", "do BTC bố
#: trí"), or in the bracket after the car, as a table's owner column is rendered ("01 Xe ô tô dẫn đoàn (Văn phòng
#: HĐND và UBND quận)") (folded): the government's or the organisers' own, not the police's.
_ORGANISERS = re.compile(
    r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|(?:quan|huyen|thanh|thi|tinh|dang) uy|ban to chuc|btc)\b"
)
_COUNCIL_OWNER = re.compile(r"(?:\b(?:cua|thuoc|do)\s+|\(\s*)(?:(?:van phong|vp)\s+)?" + _ORGANISERS.pattern)


def _council_lead_car(kind: str, role: str | None, said: str) -> str:
    """A car leading the column that a council office or the organisers own ("01 xe ô tô dẫn đoàn của UBND phường",
    "Xe dẫn đoàn: 01 xe ô tô của Văn phòng HĐND và UBND thành phố", "01 xe ô tô dẫn đoàn của Ban tổ chức") is their
    car, not a police car nor another kind; ``said`` is the folded phrase up to its first bracket or clause's end."""
    if kind not in ("other", "police_car") or _POLICE.search(said):
        return kind
    if role != "lead":
        return _organisers_car(kind, said)
    if _COUNCIL_OWNER.search(said) or _owned_lead_car(kind, said):
        return "car"
    return _organisers_car(kind, said)  # "01 xe ô tô Ban Tổ chức đi đầu"


#: A plain car said with the unit that owns it ("xe ô tô dẫn đoàn của Trung tâm", "xe ô tô thuộc Phòng Văn hóa")
#: (folded).
_CAR_OF_A_UNIT = re.compile(r"\bxe (?:o ?to|con|ban tai)\b[^;:()]{0,40}?\b(?:cua|thuoc)\s+\w")


def _owned_lead_car(kind: str, said: str) -> bool:
    """Whether a car leading the column is a plain car of a unit named as its owner, not of the police ("01 xe ô
    tô dẫn đoàn của Trung tâm"): that unit's car (``said`` names no police, as the caller checked)."""
    return kind == "other" and _CAR_OF_A_UNIT.search(said) is not None


#: A plain car or a pickup named with its owner straight after it ("Xe ô tô Ban Tổ chức", "01 xe bán tải của Ban Tổ
#: chức chở đội trống"), or after its seats or its use ("xe ô tô 7 chỗ của BTC", "Xe ô tô chỉ huy của Ban Tổ chức")
#: (folded).
_PLAIN_CAR = re.compile(
    r"\bxe (?:o ?to|ban tai)(?:\s+(?:\d{1,2}\s+cho|chi huy))?\s+(?:(?:cua|thuoc|do)\s+)?(?:(?:van phong|vp)\s+)?"
)


def _organisers_car(kind: str, said: str) -> str:
    """A car or pickup of the council or the organisers anywhere in the column ("Xe ô tô Ban Tổ chức", "01 xe bán
    tải của Ban Tổ chức chở đội trống") is their car, as the one leading it is."""
    m = _PLAIN_CAR.search(said)
    if kind == "other" and m is not None and _ORGANISERS.match(said, m.end()):
        return "car"
    if kind == "other" and _organisers_vehicle(said):
        return "car"
    return "car" if kind == "other" and _owner_in_bracket(said) else kind


#: A phrase that names a plain car first ("xe ô tô hậu cần", "Xe ô tô dẫn đầu (gắn đồng hồ)", "xe con"), not a lorry
#: ("xe ô tô tải") nor a special-purpose car ("xe ô tô chuyên dụng", the police's) nor a medical one ("xe ô tô y tế";
#: ambulances are :data:`SERVICE_VEHICLE`, left out by :func:`_plain_car`) (folded).
_BARE_CAR = re.compile(
    r"\s*(?:(?:chiec|cai)\s+)?xe\s+(?:o ?to|oto|con)\b(?!\s+(?:tai|ben|cho hang|chuyen dung|dac chung|y te)\b)"
)


#: A number of places where a place's name is expected ("tập kết tại 02 điểm:", "tại các điểm sau") (folded).
_PLACES_COUNTED = re.compile(
    r"(?:" + _COUNT + r"|cac|nhieu|mot so)\s+(?:dia\s+)?(?:diem|noi|vi tri|khu vuc)\b"
    r"(?:\s+(?:khac nhau|sau|nhu sau|tap (?:trung|ket)))?"
)


def _places_counted(name: str) -> bool:
    """Whether a place's name only counts places ("02 điểm", "các điểm sau", "03 địa điểm khác nhau"; "Đoàn xe gồm 02
    tổ tập kết tại 02 điểm:"): the places are listed elsewhere."""
    return _PLACES_COUNTED.fullmatch(fold(name).strip(" :.,;")) is not None


def _counts_vehicles(lines: list[Folded]) -> bool:
    """Whether a paragraph's lines count vehicles ("- 01 Xe hoa …", "Xe loa: 02 xe"), not only name groups."""
    return any(_FORCE_INLINE.search(f.low) or _FORCE_LABEL.match(_unbullet(f).low) for f in lines)


#: A vehicle named by the organisers alone, no kind said ("01 xe Ban Tổ chức", "Xe của BTC") (folded).
_ORGANISERS_VEHICLE = re.compile(r"\bxe\s+(?:(?:cua|thuoc)\s+)?(?:ban to chuc|btc)\b")


def _organisers_vehicle(said: str) -> bool:
    """Whether a vehicle of no kind is named by the organisers alone ("xe Ban Tổ chức"): the organisers' car."""
    return _ORGANISERS_VEHICLE.search(said) is not None


#: A car and the bracket after it that names its owner, as a table's owner column is rendered or a note says ("01 Xe
#: ô tô (Ban Tổ chức)", "01 xe ô tô đi cuối đoàn (xe của Ban Tổ chức)") (folded; group 1: where the owner starts).
_CAR_THEN_OWNER = re.compile(r"\bxe (?:o ?to|ban tai)\b[^;()]{0,40}\(\s*(?:xe\s+)?(?:(?:cua|thuoc|do)\s+)?()")


def _owner_in_bracket(said: str) -> bool:
    """Whether a car's bracket names the council or the organisers as its owner ("(Ban Tổ chức)", "(xe của BTC)")."""
    m = _CAR_THEN_OWNER.search(said)
    return m is not None and _ORGANISERS.match(said, m.end(1)) is not None


#: A line that says what the column is made of and lists it below ("Đoàn xe diễu hành gồm:") (folded).
_COLUMN_LISTS = re.compile(
    r"\b(?:doan (?:xe(?: hoa)?|dieu hanh|xe dieu hanh)|doi hinh(?: doan(?: xe)?)?)\s+"
    r"(?:gom|co|bao gom)(?:\s+co)?\s*:\s*$"
)


def _column_lists(f: Folded) -> bool:
    """Whether a line ends by saying the column is made of what the bullets below it list ("Đoàn xe diễu hành
    gồm:")."""
    return _COLUMN_LISTS.search(f.low.rstrip()) is not None


def _lines_under(sec: Section, lines: list[Folded]) -> list[Folded]:
    """The blocks of a section and its subsections, in document order, with each subsection's heading that counts
    vehicles ("1. 01 xe ô tô và 06 xe mô tô của Đội CSGT dẫn đoàn;", a numbered line-up item read as a heading)."""
    own = [(b.line, b.body) for _p, s in sec.walk() for b in s.blocks]
    items = [(s.line, lines[s.line]) for _p, s in sec.walk() if s is not sec and _FORCE_INLINE.search(s.title.low)]
    return [f for _i, f in sorted(own + items, key=lambda x: x[0])]


def _annex_caption(sec: Section) -> Folded:
    """A section's title; for an annex headed by its number alone ("PHỤ LỤC 2" over "LỰC LƯỢNG, PHƯƠNG TIỆN THAM
    GIA DIỄU HÀNH"), the caption in capitals on the line under it."""
    if sec.title.low.strip() or not sec.blocks:
        return sec.title
    first = sec.blocks[0].body
    return first if first.text.isupper() and len(first.text) <= 120 else sec.title


def _role_of(low: str) -> str | None:
    if _LEAD.search(low):
        return "lead"
    if _GUARD.search(low):
        return "route_guard"
    return None


# ---------------------------------------------------------------------------------------------- rules
#: A step of a route listed by the junctions it passes ("Nút giao A – B (khu vực C): rẽ trái vào B") (folded):
#: group 1 ends where the turn begins.
_AT_JUNCTION_TURN = re.compile(
    r"^(?:nut giao|giao lo|nga (?:ba|tu|nam|sau)|nga [345]|vong xoay|bung binh)\b[^:]{2,120}:\s*()(?="
    + TURN
    + r"|di thang|quay dau|tiep tuc)"
)


#: A column that moves on water ("trên sông Tiền", "dọc kênh", "ra biển") and the boats it is made of (folded).
_ON_WATER = re.compile(r"\b(?:tren|doc|theo|ra|xuoi|nguoc)\s+(?:song|kenh|rach|ho|bien|vinh|dam|pha)\b")
_BOATS = re.compile(r"\b(?:ghe|xuong|thuyen|tau|ca no|so luoi)\b")


#: A venue's address after its name ("Chợ A, đường Tô Ký, khu phố 3", "Trường B, số 35 phố C"), to leave out where the
#: venue's name is wanted.
_ADDRESS_AFTER = re.compile(r"(?i),\s*(?:số\s*\d|\d+\s+(?:đường|phố)\b|đường\s|phố\s|khu phố\s|ấp\s|tổ\s).*$")


#: A stretch written with its street in brackets after it ("đoạn từ A đến B (đường S)") (folded).
_STRETCH_THEN_STREET = re.compile(
    r"\bdoan\s+tu\s+(?P<a>[^;()]{2,120}?)\s+(?:den|toi)\s+(?P<b>[^;()]{2,120}?)\s*\(\s*"
    r"(?P<s>(?:duong|pho|tuyen|quoc lo)\s+[^()]{2,60}?)\s*\)"
)


def _inline_stretches(f: Folded) -> Cue | None:
    """Two stretches or more on one line, each with its street in brackets after it: the route's stretches, written
    as the stretch reader reads them ("S: đoạn từ A đến B")."""
    found = list(_STRETCH_THEN_STREET.finditer(f.low))
    if len(found) < 2:
        return None
    return Cue(
        "stretches",
        "\n".join(
            f"{f.text[m.start('s') : m.end('s')]}: đoạn từ {f.text[m.start('a') : m.end('a')]} đến "
            f"{f.text[m.start('b') : m.end('b')]}"
            for m in found
        ),
    )


#: A line that only tells when (and where) an event is, opening with its day or hour ("Thứ Năm, ngày 02 tháng 10
#: năm 2025 - tại Trường A", "Vào lúc 7 giờ 30, ngày 01/10/2024, tại …", "Ngày 05/10/2025 tại …") (folded).
_WHEN_WHERE_LINE = re.compile(
    r"^\s*(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)\b[\s,.–-]*)?"
    r"(?:(?:vao\s+)?(?:luc\s+)?\d{1,2}\s*(?:gio|h|g|:)|(?:vao\s+)?ngay\s+\d)"
)


#: A street with the place it turns back at in brackets: "đường A (quay đầu tại B)", "A (đến B quay đầu)", "A (tới
#: B thì quay đầu lại)".
_UTURN_NOTED = re.compile(
    r"^(?P<street>[^()]+?)\s*\(\s*(?:quay\s+đầu(?:\s+xe)?\s+(?:tại|ở)\s+(?P<at>[^()]+)"
    r"|(?:đến|tới)\s+(?P<reached>[^()]+?)\s+(?:thì\s+|rồi\s+)?quay\s+đầu(?:\s+xe)?(?:\s+lại)?\s*)\)",
    re.I,
)


class _Reader:
    def __init__(self, raw: str, source: str | None) -> None:
        tabled = text_tables(single_spaced(unicodedata.normalize("NFC", raw).replace("\r\n", "\n")))
        self.text = clean(tabled)
        self.layout = tabled
        """The text with its column gaps (tabs, runs of spaces) kept, for the route reader of shapes."""
        self.lines = [Folded.of(line) for line in logical_lines(self.text)]
        self.doc = parse(self.lines)
        """The document's structure, parsed once (sections, blocks, clauses, labelled fields)."""
        self.out = Extraction(source=source)
        self.year: int | None = None
        self._route_cue: Cue | None = None
        self._route_line: int | None = None
        self._continued: set[int] = set()
        """Lines a route in prose goes on over (:meth:`_prose_on_next_lines`): no route of their own."""
        self.routed: set[int] = set()
        """The lines a route of two steps or more is read from (:mod:`paradeplan.importer.parades`)."""
        self._as_written: dict[str, str] = {}
        """A place the route names in full, by how the document first wrote it ("TTVH" for "TTVH quận Gò Vấp")."""
        self._published = False
        """The document's date is a web page's publication stamp."""
        self._gathering_lines: dict[int, int] = {}
        """The line each gathering is told on (by the gathering's id)."""
        self._listed_below: dict[int, int] = {}
        """A label's line over a route listed on the lines below it, and the line after the list's last item."""
        self.renamed = {
            fold(m.group(1)).replace(" ", ""): tidy(m.group(2))
            for m in _ROAD_NAMED.finditer(self.text)
            if m.group(2)[:1].isupper()  # "Quốc lộ 1A (Đỗ Mười)", not "Quốc lộ 1A (cũ)"
            and place_kind(m.group(2)) is None  # not a place on the road: "Quốc lộ 1A (Cầu vượt Quang Trung)"
            and not _road_class_name(m.group(2))  # "Quốc lộ 1A (Xa lộ Đại Hàn)": its other name as a highway
        }
        """A numbered road the document names once as a street ("Quốc lộ 1A (đường Đỗ Mười)"): its later mentions
        ("đi theo Quốc lộ 1A") are that street (folded road, spaces out → the street's name)."""
        self.aliases = {**initials_aliases(self.text), **defined_aliases(self.text)}
        """The abbreviations the document defines for its places ("… Quang Trung (QTSC)"), and those it writes by
        their initials after their kind word and in full elsewhere ("Chợ TCH", "Chợ Tân Chánh Hiệp")."""
        self.title_lines: frozenset[int] = frozenset()
        """The document type's line and the title after it ("KẾ HOẠCH" / "Tổ chức Lễ khai mạc …")."""

    # -- header ---------------------------------------------------------------------------------------
    def header(self) -> None:
        out = self.out
        for f in self.lines[:25]:
            m = re.match(r"^so\s*:?\s*(\d[\w.\s]*/\s*[\w&.\-]+(?:/[\w&.\-]+)*)", f.low)
            if m and out.document is None:
                out.document = re.sub(r"\s+", "", f.text[m.start(1) : m.end(1)])
            m = _OWN_DATE_LINE.match(f.low)
            issued = find_dates(m.group(2)) if m and out.document_date is None else []
            if m and issued:
                out.document_date = issued[0].as_date
                out.area = tidy(f.text[: m.end(1)]) or None
        for f in self.lines[:6] if out.document_date is None else []:  # a news page's "Thứ Ba, 08/10/2024, 17:20"
            m = _PUBLISHED.match(f.low)
            stamped = find_dates(m.group(1)) if m else []
            if stamped:
                out.document_date = stamped[0].as_date
                self._published = True
                break
        if out.area is None:  # "Long An, ngày    tháng 9 năm 2021": the date is left blank, the place is not
            for f in self.lines[:25]:
                m = re.match(r"^([^\d,:;]{2,60}?),\s*ngay\b[\s.…]*(?:thang|\d)", f.low)
                if m and not _DOC_TYPE.match(f.low):
                    out.area = tidy(f.text[: m.end(1)]) or None
                    break
        low_all = fold(self.text[:400_000])
        self.year = out.document_date.year if out.document_date else main_year(low_all)
        for i, f in enumerate(self.lines[:60]):
            m = _DOC_TYPE.match(f.low)
            if not m or not f.text[: m.end()].isupper() or not _typed_as(f.text[: m.end()]):
                continue
            rest = tidy(f.text[m.end() :])
            row = i + 1 < len(self.lines) and ROW.match(self.lines[i + 1].low) is not None  # a table's first row
            self.title_lines = frozenset({i} if rest or row else {i, i + 1})
            if not rest and not row and i + 1 < len(self.lines):
                rest = tidy(self.lines[i + 1].text)
            name = self._event_name(rest)
            if name:
                out.event = name
                break
        if out.event is None:
            m2 = re.search(r"tuan le [^.,;:\n]{3,80}?nam \d{4}", low_all)
            if m2:
                out.event = capitalize(tidy(self.text[m2.start() : m2.end()]))

    @staticmethod
    def _event_name(title: str) -> str | None:
        title = re.sub(r"[“”\"]", "", title)
        f = Folded.of(title)
        low = f.low
        start = 0
        while True:
            m = re.match(
                r"(?:ve viec\s+|v/v\s+)?(?:to chuc|trien khai|thuc hien|tuyen truyen|huong ung)"
                r"(?:\s+cac hoat dong)?\s+",
                low[start:],
            )
            if not m:
                break
            start += m.end()
        m = re.search(r"\s+(?:tren dia ban|tai)\b", low[start:])
        end = start + m.start() if m else len(title)
        name = tidy(title[start:end])
        return capitalize(name) if len(name) >= 3 else None

    # -- theme ------------------------------------------------------------------------------------------
    def theme(self) -> None:
        for i, f in enumerate(self.lines):
            for m in re.finditer(r"chu de", f.low):
                after = f.text[m.end() :]
                q = re.search(r"[“\"]([^”\"]{3,300})[”\"]", after)
                if q and q.start() < 150:
                    self.out.theme = tidy(q.group(1))
                    return
                colon = after.find(":")
                rest = tidy(after[colon + 1 :]) if colon >= 0 else ""
                if rest and colon < 80:
                    self.out.theme = tidy(re.split(r"[“”\"]", rest)[0]) or rest
                    return
                if colon < 0 and i + 1 < len(self.lines):
                    raw_next = self.lines[i + 1].text.lstrip(" " + BULLET_CHARS)
                    q2 = re.match(r"[“\"]([^”\"]{3,300})[”\"]?", raw_next)
                    if q2:
                        self.out.theme = tidy(q2.group(1))
                        return

    # -- dates ------------------------------------------------------------------------------------------
    def dates(self, f: Folded) -> list[Found]:
        return find_dates(f.low, self.year)

    def week(self) -> None:
        best: tuple[int, date, date] | None = None
        for f in self.lines:
            ds = self.dates(f)
            for a, b in zip(ds, ds[1:], strict=False):
                between = f.low[a.end : b.start]
                if not re.fullmatch(r"\s*(?:den|toi|-|–|—)?\s*(?:het\s*)?(?:ngay\s*)?", between):
                    continue
                if not (re.search(r"den|toi|-|–|—", between) or f.low[b.start : b.start + 3] in ("den", "toi")):
                    continue
                before = f.low[max(0, a.start - 12) : a.start]
                if not (re.search(r"\btu\s*(?:ngay\s*)?$", before) or f.low[a.start : a.start + 2] == "tu"):
                    continue
                d1, d2 = a.value, b.value
                assert isinstance(d1, date) and isinstance(d2, date)
                if not 0 <= (d2 - d1).days <= 31:
                    continue
                score = 0 if "tuan le" in f.low or "to chuc" in f.low else 1
                if best is None or score < best[0]:
                    best = (score, d1, d2)
            if best and best[0] == 0:
                break
        if best:
            self.out.week_start, self.out.week_end = best[1], best[2]

    # -- assembly and departure ------------------------------------------------------------------------
    def _place_from(self, f: Folded, start: int) -> str | None:
        """A place name from ``start`` up to a time, date or the end of the clause."""
        low = f.low
        end = len(low)
        for rx in (
            r"\s(?:vao\s+)?luc\b",
            r"\stu\s+\d",
            r"\svao\s+(?:ngay|hoi|\d)",
            r"[;(]",
            r"\.\s",
            r"\.$",
            r"\s(?:de|va)\s+(?:tham gia|di|xuat phat|dieu hanh|phoi hop|lan banh|len duong|khoi hanh|bat dau)",
            r",\s*(?:xuat phat|khoi hanh|di qua|di theo|roi|sau do|bat dau)\b",
            r"\s[—–]\s",  # a table row's next field ("… tại sân Nhà văn hóa — Thời gian: …")
            _ARROW_SPLIT,  # a route's next step ("Từ Trường Tiểu học A → đường B → …": the start place)
            _CHAT_PARTICLE,  # a chat's "Tập trung luôn ở chợ em nha": "chợ"
        ):
            m = re.compile(rx).search(low, start)
            if m:
                end = min(end, m.start())
        for found in (*find_times(low[start:end]), *find_dates(low[start:end], self.year)):
            end = min(end, start + found.start)
        purpose = re.compile(r"\s(?:để|nhằm)\s").search(f.text, start, end)  # "… Chợ A để kiểm tra xe, nhận cờ"
        end = purpose.start() if purpose else end
        name = _strip_words(
            tidy(f.text[start:end]),
            r"^(?:(?:xuat phat|khoi hanh|tap trung|tap ket)\s+)?(?:tai|o|tu)\s+",
            r",?\s*(?:vao|luc|ngay|truoc|tu|khoang)$",  # "… Quận 12 trước 6 giờ 15": no part of the name
        )
        # "Địa điểm: Xuất phát: Nhà văn hóa A", "Điểm tập kết: tại sân B": what happens there, said as a label
        name = _strip_words(name, r"^(?:diem\s+)?(?:xuat phat|khoi hanh|tap trung|tap ket)\s*:\s*(?:(?:tai|o|tu)\s+)?")
        name = _strip_words(name, ev.POSITION_WORDS)
        address = re.search(r",\s*(?:duong|pho|so\s+\d|dia chi)\b", fold(name))
        # "Sân vận động Đạt Đức, đường Nguyễn Văn Lượng": the place, not its address
        street = _ADDRESS_STREET.match(name[address.start() :] if address else f.text[end:])
        if address and address.start() >= 2:
            name = tidy(name[: address.start()])
        name = place_phrase(name)  # "Quảng trường A, đi vòng quanh hồ …": the place, not what the column does next
        name = described_place(name)  # "bãi đất trống cạnh Chợ A": the place beside which
        if _places_counted(name):
            return None
        if _HERE.fullmatch(fold(name)):  # "… tại sân Nhà văn hóa A. Các xe tập trung tại đây lúc …": A
            back = [m for m in re.finditer(r"\b(?:tai|o)\s+(?=\S)", low[:start]) if not _HERE.match(low, m.end())]
            return self._place_from(f, back[-1].end()) if back else None
        if street is not None and 2 <= len(name) <= 160:
            self.out.addresses.setdefault(name, tidy(street.group("street")))
        return name if 2 <= len(name) <= 160 else None

    def assembly(self) -> None:
        """The parade's assembly and departure: labelled lines, a table row, gatherings, "Thời gian:" lines and
        times written beside "xuất phát" (one named step each)."""
        out = self.out
        labelled, departing = self._labelled_assembly()
        out.assembly_place = labelled or self._row_assembly_place() or departing
        self._gatherings()
        if out.assembly_time is not None:  # a gathering at the labelled assembly's place and time is that assembly
            out.gatherings = [g for g in out.gatherings if not self._is_assembly(g)]
        if out.assembly_time is None and out.gatherings:
            self._assembly_from_gathering()
        if out.route and (out.assembly_time is None or out.assembly_date is None or out.departure_time is None):
            self._time_line()
        self._timed_items()
        self._row_step_times()
        if out.departure_time is None:
            self._departure_before_verb()
        if out.departure_time is None:
            self._departure_after_verb()
        if out.departure_time is None:
            self._departure_later_in_item()
        if out.departure_time is None or (out.assembly_date is None and out.departure_date is None):
            self._departure_in_sentence()
        if out.assembly_time is None and out.departure_time is not None:
            out.assembly_time = _assembly_before(self.lines, out.departure_time)
        if out.assembly_time is None:
            start = out.route[0].name if out.route and out.route[0].kind == "place" else None
            out.assembly_time = _assembly_by(self.lines, out.departure_time, out.assembly_place or start)
        if out.assembly_date is None and out.departure_date is None:
            out.assembly_date = self._day_above_times()
        self._tree_times()
        if out.route and out.departure_time is None:
            self._departure_by_signal()
        late = (
            out.assembly_time is not None and out.departure_time is not None and out.assembly_time > out.departure_time
        )
        if late and None in (out.assembly_date, out.departure_date) or out.assembly_date == out.departure_date and late:
            # "… xuất phát lúc 8h30" and "Đoàn tập trung lúc 14 giờ 15 để đi dự Lễ …": another gathering's time
            out.assembly_time = _assembly_before(self.lines, out.departure_time) if out.departure_time else None
        if out.route and out.assembly_date is None and out.departure_date is None:
            out.assembly_date = self._parade_day()
        if out.departure_time is not None and out.departure_time == out.assembly_time:
            self._departure_said_later()
        self._departure_moved()

    def _departure_moved(self) -> None:
        """A later line that moves the column's departure ("giờ xuất phát đoàn xe điều chỉnh từ 7 giờ 15 thành 7 giờ
        30"): the new hour is the departure, when the old one it names (if any) is the one read."""
        out = self.out
        if not out.route:
            return
        for f in self.lines:
            for m in _DEPARTURE_MOVED.finditer(f.low):
                new = [t for t in find_times(f.low[m.end() : m.end() + 20]) if t.start == 0]
                old = [t.as_time for t in find_times(f.low[m.start() : m.end()])]
                if new and (not old or out.departure_time in (None, old[0])):
                    out.departure_time = new[0].as_time

    def _departure_said_later(self) -> None:
        """One time read for both the assembly and the departure (a schedule row's "9h15") where a parade line
        says the departure after its verb ("… tập kết trước cổng UBND lúc 9h15, xuất phát 9h30"): that later time."""
        out = self.out
        for i in self._parade_lines():
            for m in _DEPART_THEN_TIME.finditer(self.lines[i].low):
                said = find_times(self.lines[i].low[m.end() : m.end() + 12])
                if said and out.assembly_time is not None and said[0].as_time > out.assembly_time:
                    out.departure_time = said[0].as_time
                    return

    def _tree_times(self) -> None:
        """What the rules above left unread, from the document's tree (:mod:`paradeplan.importer.when`): the
        assembly's and departure's times in their own clause, and their date by clause, line, day heading, section."""
        out = self.out
        if not out.route:
            return
        for i in self._parade_lines():
            if _ceremony_only(self.lines[i].low):
                continue
            for c in ev.clauses(self.lines[i]):
                if _ISSUED.search(c.low):  # "Ngày 19/9, UBND phường ban hành Kế hoạch số 74 …, dự kiến xuất phát
                    continue  # lúc 7 giờ": that plan's
                for kind, rx in when.EVENT_VERBS.items():
                    verb = rx.search(c.low)
                    t = (
                        when.verb_time(c.low, verb)
                        if verb
                        and not past_year_said(c.low, verb.start(), self.year)  # "Năm 2025, đoàn … xuất phát lúc 8g"
                        and not when.guests_arrive(c.low, verb)
                        and not when.staff_arrive(c.low, verb, self.lines[i].low)
                        and not when.performers_arrive(c.low, verb)  # "học sinh tham gia đồng diễn có mặt lúc …"
                        else None
                    )
                    if t is None:
                        continue
                    if kind == "assembly" and out.assembly_time is None:
                        out.assembly_time = t
                    elif kind == "departure" and out.departure_time is None:
                        out.departure_time = t
                    if out.assembly_date is None and out.departure_date is None and self._kept_time(kind, t):
                        day = when.event_day(self.doc, i, c, self.dates_of, self.title_lines)
                        out.assembly_date = day.value if day and isinstance(day.value, date) else None

    def _departure_by_signal(self) -> None:
        """No departure read: the time of the programme's item or row that gives the signal to set off ("07g45 | Ông
        A phát lệnh xuất phát đoàn xe hoa. Lộ trình: …"), the moment the column leaves."""
        out = self.out
        for f in self.lines:
            row = re.search(r"\s[—–]\s(?:thoi gian|gio)\s*:\s*", f.low)
            item = _TIMED_ITEM.match(f.low)
            if row is not None:  # "Ông A phát lệnh xuất phát … — Thời gian: 07g45, …"
                what, at = f.low[: row.start()], row.end()
            elif item is not None:  # "- 07g45: Ông A phát lệnh xuất phát"
                what, at = f.low[item.end() :], item.start("time")
            else:
                continue
            signal = _SIGNAL_TO_SET_OFF.search(what)
            if signal is None or _REHEARSAL.search(what) or past_year_said(what, signal.start(), self.year):
                continue
            times = find_times(f.low[at : at + 40])
            if times and times[0].start <= 2:
                out.departure_time = times[0].as_time
                return

    def _kept_time(self, kind: str, t: time) -> bool:
        """Whether a clause's time is the one the parade keeps for that step: a day read beside another time ("06h45:
        Đại biểu, học sinh có mặt" under the opening's day, the parade's assembly being 06h30) is another event's."""
        return t == (self.out.assembly_time if kind == "assembly" else self.out.departure_time)

    def _parade_day(self) -> date | None:
        """No date read beside a time: the day of the first clause that names the column ("chiều thứ Bảy ngày
        07/10/2023 phường tổ chức đoàn xe diễu hành …"), by clause, line, day heading, section, then title; else the
        one event date the whole document states."""
        for i in self._parade_lines():
            for c in ev.clauses(self.lines[i]):
                if (
                    not re.search(ev.PARADE_WORDS, c.low)
                    or _REHEARSAL.search(self.lines[i].low)
                    or _ISSUED.search(c.low)
                    or past_year_said(c.low, len(c.low), self.year)  # "Năm 2023, … ngày 02/10/2023 …, 02 xe hoa"
                    or _ONCE_PARADE_OVER.search(c.low)  # "Sau khi kết thúc diễu hành, 02 xe loa … từ 02/10 đến …"
                ):
                    continue  # "…; tổng duyệt đội hình diễu hành lúc 15g30 ngày 28/9": the rehearsal's day
                day = when.event_day(self.doc, i, c, self.dates_of, self.title_lines)
                if day is not None and isinstance(day.value, date) and not self._past_on_line(i, day):
                    return day.value
                same = self._same_day(i, c.low)  # "Ngay sau buổi lễ, lúc 8h30 cùng ngày, đội diễu hành …"
                if same:
                    return same[0].as_date
                after = self._after_ceremony_day(i, c.low)  # "Diễu hành: xuất phát 7g40 ngay sau lễ": that day
                if after is not None:
                    return after
        for f in self.lines:  # "Ngày: Giữ nguyên: Thứ Bảy, 04/10/2025" (a table of what a notice changes)
            said = self.dates_of(f.low) if _DAY_LABEL.match(_unbullet(f).low) else []
            if said and isinstance(said[0].value, date):
                return said[0].as_date
        days = {d.value for f in self.lines for d in when.event_dates(f.low, self.dates_of)}
        sole = days.pop() if len(days) == 1 else None  # "Thứ Hai, 02.10.2023 – Điểm tập trung: …": the one event day
        return sole if isinstance(sole, date) else None

    def _past_on_line(self, i: int, day: when.Stamp) -> bool:
        """Whether a day read from line ``i`` outside the clause is written in a sentence about a past year ("5. Năm
        2023, Lễ khai mạc … ngày 02/10/2023 …; năm nay bổ sung diễu hành": last year's ceremony, not the parade's)."""
        low = self.lines[i].low
        return day.source == "line" and any(
            d.value == day.value and past_year_said(low, d.start, self.year) for d in self.dates_of(low)
        )

    def _day_above_times(self) -> date | None:
        """No date read for the parade: the day the headings above its first timed assembly or departure line state
        ("3. Chương trình cụ thể (ngày thứ Hai, 02/10/2023)" over "Tập trung xe hoa — Thời gian: 06g30 …")."""
        for i in self._parade_lines():
            low = self.lines[i].low
            if _ceremony_only(low):
                continue
            verb = re.search(r"\b(?:tap trung|tap ket|co mat|xuat phat|khoi hanh|lan banh)\b", low)
            if verb is not None and self._last_years_departure(low, verb.start()):
                continue  # "Không tổ chức … như năm 2024 (năm 2024 … xuất phát 15 giờ 00 ngày 02/10/2024)": that year's
            if find_times(low) and verb is not None:
                day = self._heading_day(i) or next(iter(self._paragraph_day(self.lines[i])), None)
                if day is not None:  # "Buổi chiều ngày 2/10/2025. Tập trung lúc 13 giờ 30; xuất phát lúc 14 giờ"
                    return day.as_date if isinstance(day, Found) else day
                break
        # "II. THỜI GIAN, ĐỊA ĐIỂM" / "Thứ Tư, ngày 01/10/2025, tại …"
        when = self.doc.label_fields(ev.NOT_EVENT_HEAD).get("when")
        days = {x.as_date for x in find_dates(when.low, self.year)} if when is not None else set()
        return days.pop() if len(days) == 1 else None

    def _row_step_times(self) -> None:
        """A programme row whose subject is the column's departure or assembly ("Đoàn xe hoa (…) xuất phát: A – B – …
        — Thời gian: 07 giờ 40"): that step's time."""
        out = self.out
        for f in self.lines:
            row = re.search(r"\s[—–]\s(?:thoi gian|gio)\s*:\s*", f.low)
            if row is None or _CEREMONY.search(f.low[: row.start()]):
                continue
            times = find_times(f.low[row.end() : row.end() + 40])
            subject = f.low[: row.start()]
            if not times or times[0].start > 2:
                continue
            if out.departure_time is None and _departs_item(subject):  # "Diễu hành cổ động … theo lộ trình: A - B"
                out.departure_time = times[0].as_time
            elif out.assembly_time is None and _ASSEMBLY_WORD.search(subject):
                out.assembly_time = times[0].as_time

    def _labelled_assembly(self) -> tuple[str | None, str | None]:
        """Lines labelled "Thời gian tập trung: …", "Địa điểm xuất phát: …": the times and dates they give, and
        the assembly and departure places they name."""
        out = self.out
        labelled_place: str | None = None
        departure_place: str | None = None
        for i in range(len(self.lines)):
            f = _unbullet(self.doc.labelled_line(i))  # "2. Địa điểm tập kết" / "Chợ …": a label and its value
            m = _ASSEMBLY_LABEL.match(f.low)
            if not m or len(f.low) > 300:
                continue
            head, what = m.group("head"), m.group("what")
            if _team_named_by_place(head):
                continue  # "Tổ bảo vệ điểm tập trung (06 đồng chí): có mặt … từ 06 giờ 30": a team's duty
            if _AFTER_PARADE.search(head) or ev.CEREMONY.search(head) or _SIGNAL_TO_SET_OFF.search(head):
                continue  # "Điểm tập kết xe hoa các phường sau diễu hành: …": where the floats go afterwards;
                # "Lễ phát động trước giờ xuất phát: …": a ceremony's line; "Bấm còi xuất phát — Thời gian: …": its
                # signal
            vstart = m.start("value")
            value = Folded(f.text[vstart:], f.low[vstart:])
            times = find_times(value.low)
            ds = find_dates(value.low, self.year)
            is_place = bool(re.search(r"dia diem|diem|noi", head)) and not re.search(r"thoi gian|gio", head)
            departing = what in ("xuat phat", "khoi hanh")
            name = None
            if is_place:
                name = self._place_from(value, 0)
            else:
                tat = re.search(r"\btai\s", value.low)
                since = next((x for x in _FROM_PLACE.finditer(value.low) if value.text[x.start() :][:2] == "từ"), None)
                if departing and since is not None and (tat is None or since.start() < tat.start()):
                    tat = since  # "Xuất phát: 8h00 từ Trường THCS A", "… xuất phát từ A, đi theo …, giải tán tại B"
                name = self._place_from(value, tat.end()) if tat else None
            if departing:
                departure_place = departure_place or name
            else:
                labelled_place = labelled_place or name
            t = times[0].as_time if times else None
            d = ds[0].as_date if ds else None
            if departing:
                if t and out.departure_time is None:
                    out.departure_time = t
                    out.departure_date = d
            elif t and out.assembly_time is None:
                out.assembly_time = t
                out.assembly_date = d
            elif d and out.assembly_date is None:
                out.assembly_date = d
        return labelled_place, departure_place

    def _row_assembly_place(self) -> str | None:
        """The venue of a table row of the assembly ("Tập trung đoàn xe — Thời gian: …; Địa điểm: X"), else of
        the first group's ("Tổ 1 tập trung: … — …; Địa điểm: X"), else of the parade's own row ("Diễu hành xe
        hoa … — Thời gian: …; Địa điểm: X")."""
        for rx in (_ASSEMBLY_ROW, _GROUP_ASSEMBLY_ROW, _PARADE_ROW):
            for f0 in self.lines:
                f = _unbullet(f0)
                if rx.match(f.low):
                    said = re.search(
                        r"\btap (?:trung|ket)\s+(?:(?:tai|o)\s+)?(?=(?:truoc\s+)?(?:cong\s+)?[a-z])", f.low
                    )
                    if said is not None and rx is _PARADE_ROW:  # "Diễu hành (tập kết trước cổng UBND A lúc 9h15)"
                        return self._place_from(f, said.end())
                    venue = ev.labelled_fields(f).get("venue")
                    if venue is not None and not re.match(r"(?:tren\s+)?(?:cac|toan|nhung)\b", venue.low.strip()):
                        return self._place_from(venue, 0)  # not "Các tuyến đường chính của phường"
        return None

    def _gatherings(self) -> None:
        """Unlabelled "… tập trung tại X lúc T ngày D": gatherings (the assembly's, when none is labelled)."""
        out = self.out
        for i, f in enumerate(self.lines):
            for c in ev.clauses(f):
                for m in re.finditer(r"\btap (?:trung|ket)\b", c.low):
                    if _assembly_point_named(c.low[: m.start()]):
                        continue  # "Tổ bảo vệ điểm tập trung: có mặt tại A từ 06 giờ 30": the point, no gathering
                    tat = (
                        re.search(r"\b(?:tai|o)\s", c.low[m.end() :])
                        or _AT_ON_STREET.match(c.low[m.end() :])
                        or _AT_BESIDE.search(c.low[m.end() :])
                    )
                    if tat and re.search(r"\btap (?:trung|ket)\b", c.low[m.end() : m.end() + tat.start()]):
                        continue  # "Tập kết: các xe tập kết tại X lúc T": one gathering, told by its second verb
                    if tat and _place_of_a_later_step(c.low[m.end() : m.end() + tat.start()]):
                        tat = None  # "02 xe buýt tập kết lúc 6 giờ 00, sau đó … (học sinh có mặt tại cổng trường …)"
                    after = c.low[m.end() :]  # not "… tập trung tại A – 7h00 xuất phát": the departure's
                    times = [
                        t
                        for t in find_times(after)
                        if not _SETS_OFF_NEXT.match(after, t.end) and not _departs_before(after[: t.start])
                    ]
                    if not times:  # "07 giờ 15 phút tập trung tại …", "Vào lúc 15 giờ 00 …, 03 xe hoa tập trung tại …"
                        times = _times_right_before(c.low, m.start())
                        times = times or [t for t in find_times(c.low[: m.start()]) if _CLAUSE_HEAD.match(c.low)][:1]
                    if not tat or not times:
                        continue
                    place = self._place_from(c, m.end() + tat.end())
                    if place and _EACH_AT_ITS_OWN.search(fold(place)):
                        continue  # "xe hoa của các trường tự tập kết tại trường mình": each at its own, no place
                    every = [x for x in find_dates(c.low, self.year) if not ev.DUE_BEFORE.search(c.low[: x.start])]
                    ds = [x for x in every if x.start >= m.end()] or every  # not "… trước ngày 15/10", a deadline
                    ds = ds or self._same_day(i, f.low)  # "…; xuất phát lúc 08 giờ 30 cùng ngày"
                    ds = ds or self._paragraph_day(f)  # "Thứ Bảy, ngày 05/10/2024. Các xe hoa tập trung lúc …"
                    subject = tidy(re.split(r"[:;]", c.text[: m.start()])[-1])
                    subject = _strip_words(subject, r"^(?:thuc hien|to chuc|bo tri|cac|cho)\s+", _CLAUSE_HEAD_WORDS)
                    g = GatheringFact(
                        capitalize(subject) or "Tập trung",
                        place,
                        ds[0].as_date if ds else out.assembly_date,
                        times[0].as_time,
                    )
                    out.gatherings.append(g)
                    self._gathering_lines[id(g)] = i

    def _is_assembly(self, g: GatheringFact) -> bool:
        """The gathering is the parade's assembly told again: the same time, at the same place (or none named)."""
        out = self.out
        if g.time != out.assembly_time or (out.assembly_date is not None and g.date not in (None, out.assembly_date)):
            return False
        return g.place is None or out.assembly_place is None or place_key(g.place) == place_key(out.assembly_place)

    def _for_a_ceremony(self, g: GatheringFact) -> bool:
        """A gathering under a section of its own about a ceremony, not the one the route is told in ("3. Tham dự
        Lễ phát động cấp quận … Đoàn tập trung tại trường lúc 14 giờ 15 để đi bằng xe"): those going there, not the
        column."""
        i, r = self._gathering_lines.get(id(g)), self._route_line
        if i is None or r is None:
            return False
        mine, route = self.doc.path(i), self.doc.path(r)
        return bool(mine) and mine[-1] not in route and ev.CEREMONY.search(mine[-1].title.low) is not None

    def _assembly_from_gathering(self) -> None:
        """No assembly time labelled: the gathering at the route's start (else the first that is not the
        loudspeaker vehicle's) is the assembly."""
        out = self.out
        pick = None
        start = out.route[0].name if out.route and out.route[0].kind == "place" else None
        for g in [g for g in out.gatherings if self._for_a_ceremony(g)]:
            out.gatherings.remove(g)  # no gathering of the column's (it stays a gathering of its own)
            out.gatherings.append(g)
        for g in out.gatherings:
            if start and g.place and place_key(g.place) == place_key(start):
                pick = g
                break
        if pick is None:
            pick = next(
                (
                    g
                    for g in out.gatherings
                    if ("loa" not in fold(g.what) or _COLUMN_WORDS.search(fold(g.what))) and not self._for_a_ceremony(g)
                ),
                None,
            )
        if pick is not None:
            out.gatherings.remove(pick)
            out.assembly_time, out.assembly_date = pick.time, pick.date
            out.assembly_place = out.assembly_place or pick.place

    def _timed_items(self) -> None:
        """A day's programme in bullets with the time at their head ("- 06 giờ 45: các xe có mặt tại điểm tập
        kết"; "- 07 giờ 15 phút: đoàn xe xuất phát"): the time of the assembly and of the departure they say."""
        out = self.out
        for i, f in enumerate(self.lines):
            m = _TIMED_ITEM.match(f.low)
            if m is None:
                continue
            t = find_times(f.low[m.start("time") : m.end() + 12])[:1]  # "2:30 chiều: …" keeps its part of the day
            what = f.low[m.end() :]
            gather = _ASSEMBLY_WORD.search(what)
            if gather is not None and when.staff_arrive(what, gather):  # "- 06 giờ 15: lực lượng CSGT có mặt …"
                continue
            if gather is not None and when.performers_arrive(what, gather):  # "- 06g10: đội văn nghệ có mặt …"
                continue
            if t and out.assembly_time is None and gather:
                out.assembly_time = t[0].as_time
                at = re.search(r"\btai\s+", f.low[m.end() + gather.end() :])
                if at is not None and out.assembly_place is None:  # "- 06g30 - 07g00: tập kết xe hoa tại sân …"
                    out.assembly_place = self._place_from(f, m.end() + gather.end() + at.end())
            elif t and out.departure_time is None and _departs_item(_item_head(f, m.end())):
                out.departure_time = t[0].as_time  # "- 8g00: Diễu hành cổ động. Lộ trình: …": the column sets off
            else:
                continue
            if out.assembly_date is None and out.departure_date is None:
                out.assembly_date = self._heading_day(i)

    def _departure_later_in_item(self) -> None:
        """No departure said elsewhere: a timed item that tells it after another act ("- 08g10: Ông A phát lệnh ra
        quân; đoàn xe xuất phát theo lộ trình") gives its time (the departure's own time, "xuất phát lúc 08g15",
        is read first)."""
        out = self.out
        for i, f in enumerate(self.lines):
            m = _TIMED_ITEM.match(f.low)
            t = find_times(f.low[m.start("time") : m.end() + 12])[:1] if m is not None else []
            if m is None or not t or not _departs_item(f.low[m.end() :]):
                continue
            out.departure_time = t[0].as_time
            if out.assembly_date is None and out.departure_date is None:
                out.assembly_date = self._heading_day(i)
            return

    def _times_updated(self) -> None:
        """A later message that changes the hours ("‼️ CẬP NHẬT – ĐỔI GIỜ ‼️" / "👉 TẬP TRUNG 6h30 (không phải 7h30
        như tin trước)" / "👉 XUẤT PHÁT 7h00"): the assembly and departure take its times."""
        out = self.out
        for i, f in enumerate(self.lines):
            if not _HOURS_CHANGED.search(f.text):  # (as written: "đổi giờ", not "suốt đời — Thời gian")
                continue
            for g in self._changed_hours_lines(i):
                for verb, name in ((_ASSEMBLY_WORD, "assembly_time"), (_DEPART_WORD, "departure_time")):
                    m = verb.search(g.low)
                    said = find_times(g.low[m.end() : m.end() + 24]) if m is not None else []
                    if said and said[0].start < 12:
                        setattr(out, name, said[0].as_time)

    def _changed_hours_lines(self, i: int) -> list[Folded]:
        """The lines after a change of hours at line ``i`` that may state the parade's time: not those of another
        event's section ("1. Lễ khai mạc" / "Nay điều chỉnh: 7h30 …; học sinh tập trung lúc 6h50": the ceremony's)."""
        parade = set(self._parade_lines())
        return [self.lines[k] for k in range(i, min(i + 6, len(self.lines))) if k in parade]

    def _parade_day_moved(self) -> None:
        """A later sentence that moves the parade to another day ("hoạt động diễu hành xe hoa ngày 01/10 được lùi
        sang Thứ Hai, ngày 03/10; thời gian tập trung, giờ xuất phát giữ nguyên"): the assembly and the departure
        take the new day, their hours kept; a move said on a condition ("nếu trời mưa, …") is none."""
        out = self.out
        told = {out.assembly_date, out.departure_date} - {None}
        for f in self.lines:
            for m in MOVED_TO.finditer(f.low):
                if f.text[m.start() : m.end()].split()[0].lower() not in _MOVE_VERBS:
                    continue  # "học tập suốt đời … từ 01/10 đến 07/10": no move
                before = re.split(r"[.;]\s", f.low[: m.start()])[-1]
                parade = _PARADE_WORD.search(before)
                new = [d.as_date for d in self.dates_of(f.low[m.end() : m.end() + 40])][:1]
                old = {d.as_date for d in self.dates_of(before[parade.end() :])} if parade else set()
                if parade is None or not new or CONDITIONAL.search(before) or not told or (old and not old & told):
                    continue
                out.assembly_date = new[0] if out.assembly_date is not None else None
                out.departure_date = new[0] if out.departure_date is not None else None
                return

    def _parade_day_amended(self) -> None:
        """An amending letter's field that gives the parade's new day ("1. Điều chỉnh thời gian diễu hành xe hoa:" /
        "- Thời gian sau điều chỉnh: Thứ Năm, ngày 03/10/2024"): the assembly and the departure take it, their hours
        kept (the old day is the first plan's, recalled beside the new one)."""
        out = self.out
        if out.assembly_date is None and out.departure_date is None:
            return
        for i, f in enumerate(self.lines):
            label = _AMENDED_DAY_LABEL.match(_unbullet(f).low)
            if label is None:
                continue
            heading = " ".join(sec.title.low for sec in self.doc.path(i))
            if not _PARADE_WORD.search(heading) and not _PARADE_WORD.search(f.low):
                continue
            said = self.dates_of(_REPLACED_AFTER.split(_unbullet(f).low[label.end() :])[0])
            if len({d.as_date for d in said}) != 1:
                continue
            out.assembly_date = said[0].as_date if out.assembly_date is not None else None
            out.departure_date = said[0].as_date if out.departure_date is not None else None
            return

    def _heading_day(self, i: int) -> date | None:
        """The one day the headings above line ``i`` state ("3. Chương trình cụ thể (ngày thứ Hai, 02/10/2023)"
        over a programme's rows), innermost first."""
        for sec in reversed(self.doc.path(i)):
            ds = {x.as_date for x in find_dates(sec.title.low, self.year)}
            if len(ds) == 1:
                return ds.pop()
        return None

    def _departure_before_verb(self) -> None:
        """ "Đúng 15 giờ 30 phút đoàn xe xuất phát từ …": a time written before the verb (not "Tập trung 8 giờ 30,
        xuất phát 9 giờ", where the verb has its own time)."""
        out = self.out
        for f in self.lines:
            for found in find_times(f.low):
                after = f.low[found.end : found.end + 40]
                m = _DEPART_AFTER_TIME.match(after)
                if m and not [t for t in find_times(after[m.end() : m.end() + 14]) if t.start < 6]:
                    out.departure_time = found.as_time
                    ds = when.event_dates(f.low, self.dates_of)
                    out.departure_date = ds[0].as_date if ds else None
                    return

    def _departure_after_verb(self) -> None:
        """ "… xuất phát lúc 7 giờ 30": the time right after the verb; the whole column's ("toàn đoàn xuất phát lúc
        7 giờ 45") before a block's leaving its own base ("Khối 2: … xuất phát lúc 6 giờ 50 …, đến A lúc 7 giờ 10")."""
        out = self.out
        lines = list(enumerate(self.lines))
        for i, f in sorted(lines, key=lambda x: not _whole_column_departs(x[1].low)):
            m = next(
                (
                    x
                    for x in _DEPART_VERB_TIME.finditer(f.low)
                    if not _SEND_OFF.match(f.low, max(0, x.start() - 3))  # "Lễ xuất phát: 9h00": the ceremony's
                    and not self._last_years_departure(f.low, x.start())
                ),
                None,
            )
            if m and not _REHEARSAL.search(f.low[: m.start()][-40:]):  # not "Tổng duyệt diễu hành lúc 15g00"
                times = find_times(f.low[m.end() : m.end() + 30])
                if times and times[0].start < 12:
                    out.departure_time = times[0].as_time
                    ds = find_dates(f.low[m.end() :], self.year) or self._same_day(i, f.low[m.end() :])
                    out.departure_date = ds[0].as_date if ds else None  # "… lúc 8g15 cùng ngày": the date above
                    return

    def _last_years_departure(self, low: str, at: int) -> bool:
        """Whether a departure's verb at ``at`` is told in a sentence about a past year ("năm 2024, đoàn diễu hành …
        xuất phát lúc 07 giờ 30" in a 2025 plan): that year's figure, not this column's."""
        return past_year_said(low, at, self.year)

    def _departure_in_sentence(self) -> None:
        """ "Từ 7h30 đến khoảng 9h30 sáng thứ Ba, ngày 1 tháng 10 năm 2024, đoàn xe hoa … xuất phát từ …", "Ngay
        sau Lễ khai mạc, khoảng 08 giờ 30 cùng ngày, đoàn diễu hành … xuất phát": in the sentence whose subject is
        the column (:data:`_COLUMN_SUBJECT`) and whose verb is its departure, the first time written before the
        verb is the departure (a span's start), and the sentence's date (or "cùng ngày", the date written last
        before it) the parade's date. Lines of the route's own section are read first."""
        out = self.out
        for i in self._parade_lines():
            for c in ev.clauses(self.lines[i]):
                verb = re.search(r"\b(?:xuat phat|khoi hanh|lan banh)\b", c.low)
                col = _COLUMN_SUBJECT.search(c.low)
                if verb is None or col is None or col.start() > verb.start():
                    continue
                if self._last_years_departure(c.low, verb.start()):
                    continue  # "Năm 2023, đoàn diễu hành … xuất phát lúc 7 giờ 30 ngày 02/10/2023": that year's
                times = [t for t in find_times(c.low) if t.end <= col.start()]
                ds = when.event_dates(c.low, self.dates_of) or self._same_day(i, c.low)  # not a cited plan's
                if not times and not ds:
                    continue
                if out.departure_time is None and times:
                    out.departure_time = times[0].as_time
                if ds and out.assembly_date is None and out.departure_date is None:
                    out.departure_date = ds[0].as_date
                return

    def _time_line(self) -> None:
        """A parade's plain "Thời gian: …" lines: the date, and the times ("tập trung lúc 7h00, xuất phát lúc
        7h30"; "7 giờ 30 …; tập trung từ 7 giờ": the time that is not the assembly's is the start). A line whose
        subject names the step ("Tập trung đoàn xe — Thời gian: …", "Diễu hành qua … — Thời gian: …") gives that
        step's time; of the lines without a subject only the first is read."""
        out = self.out
        plain_read = False
        own = self._route_sections_lines()
        elsewhere = self._other_event_sections()  # a document with other events' sections: their "Thời gian:"
        for i in self._parade_lines():
            f = _unbullet(self.doc.labelled_line(i))  # "1. Thời gian" / "Ngày 02/10/2024 …"
            m = _TIME_LINE.match(f.low)
            if not m or _term_only(f.low[m.end() :]):
                continue  # "Gửi danh sách học sinh tham gia diễu hành — Thời gian: Trước 17:00 ngày 25/9": a term
            low = re.split(r";\s*(?:dia diem|thanh phan|chu tri)\b", f.low[m.end() :])[0]
            times = find_times(low)
            ds = when.event_dates(low, self.dates_of) or self._same_day(i, low)  # not a moved event's old day
            if not times and not ds or not times and _DAYS_SPAN.search(low):
                continue  # "Thời gian: từ ngày 01/10/2022 đến ngày 07/10/2022": the week's, not the parade's day
            if ds and out.assembly_date is None:
                out.assembly_date = ds[0].as_date
            subject = m.group("subject") or ""
            if re.search(r"\b(?:tap (?:trung|ket)|xuat phat|khoi hanh)\b", low):
                self._plain_times(low, times)
            elif re.search(r"\btap (?:trung|ket)\b", subject):
                out.assembly_time = out.assembly_time or (times[0].as_time if times else None)
            elif _SETS_OFF.search(subject) and not _SIGNAL_TO_SET_OFF.search(subject):
                if out.departure_time is None and times:
                    out.departure_time, out.departure_date = times[0].as_time, out.assembly_date
            elif not plain_read and (i in own or not elsewhere) and not self._under_a_ceremony(i):
                plain_read = True  # a plain "Thời gian: …" of another section ("4. Chuyên đề …") is that event's
                self._plain_times(low, times)

    def _under_a_ceremony(self, i: int) -> bool:
        """Whether a plain "Thời gian: …" line stands right under a line that names a ceremony and no parade ("Đến
        dự Lễ khai mạc Tuần lễ …" over "Thời gian: 07 giờ 00, …"), perhaps with short lines of its day between ("🔸
        LỄ PHÁT ĐỘNG …" / "🗓 Thứ Bảy, 04/10/2025" / "⏰ 7h00"): that ceremony's hour, not the column's."""
        for j in range(i - 1, max(i - 4, -1), -1):
            above = self.lines[j].low
            if _CEREMONY.search(above) or re.search(ev.PARADE_WORDS, above):
                return _CEREMONY.search(above) is not None and re.search(ev.PARADE_WORDS, above) is None
            if len(above) > 60 or not self.dates_of(above):
                return False
        return False

    def _paragraph_day(self, f: Folded) -> list[Found]:
        """The one day a paragraph states ("Ngày 01/10/2023 (Chủ nhật), … Đoàn xe tập trung lúc …"): its sentences
        are about that day; a deadline's date ("trước ngày …") is not one."""
        ds = [x for x in when.event_dates(f.low, self.dates_of) if not ev.DUE_BEFORE.search(f.low[: x.start])]
        return ds[:1] if len({x.value for x in ds}) == 1 else []

    def _after_ceremony_day(self, i: int, low: str) -> date | None:
        """ "Diễu hành: xuất phát 7g40 ngay sau lễ", "Kết thúc Lễ phát động, đoàn xe lăn bánh …": the column sets off
        right after a ceremony; the day of the nearest line above that names that ceremony (any, for a bare "lễ") and
        states one day."""
        after = _AFTER_CEREMONY.search(low) if _SETS_OFF.search(low) or _COLUMN.search(low) else None
        if after is None:
            return None
        kind = _CEREMONY.match(low, after.end())
        for f in reversed(self.lines[:i]):
            named = _CEREMONY.search(f.low)
            if named is None or (kind is not None and kind.group(0) not in f.low):
                continue
            days = {d.value for d in when.event_dates(f.low[named.start() :], self.dates_of)}
            if len(days) == 1:
                day = days.pop()
                return day if isinstance(day, date) else None
        return None

    def _same_day(self, i: int, low: str) -> list[Found]:
        """ "… xuất phát lúc 19h00 cùng ngày": the last date written before line ``i``."""
        if not re.search(r"\bcung ngay\b", low):
            return []
        for f in reversed(self.lines[:i]):
            ds = when.event_dates(f.low, self.dates_of)  # not a cited plan's date, nor a deadline's
            if ds:
                return ds[-1:]
        return []

    def _route_sections_lines(self) -> set[int]:
        """The lines of the sections that hold the route (its own and the ones around it), or of the whole document
        when the route is in no section."""
        path = self.doc.path(self._route_line) if self._route_line is not None else ()
        if not path:
            return set(range(len(self.lines)))
        return {i for i in range(len(self.lines)) if any(s is path[0] for s in self.doc.path(i))}

    def _other_event_sections(self) -> bool:
        """Whether the document has sections of events other than the parade (a ceremony, a talk, a festival)."""
        return any(_OTHER_EVENT.search(sec.title.low) for _p, sec in self.doc.sections())

    def _parade_lines(self) -> list[int]:
        """The lines that may state the parade's time, by the document's structure: those of the route's own
        section first, then the others, leaving out the sections of a ceremony ("1. Lễ phát động" / "Thời gian:
        18 giờ 30 …" is the ceremony's time, not the parade's)."""
        path = self.doc.path(self._route_line) if self._route_line is not None else ()
        nearest: list[list[int]] = [[] for _ in path]  # the route's section, then each section around it
        other: list[int] = []
        for i in range(len(self.lines)):
            secs = self.doc.path(i)
            inner = secs[-1] if secs else None
            if _REHEARSAL.search(self.lines[i].low[:80]) and not _DEPARTS.search(self.lines[i].low):
                continue  # "Tổng duyệt đoàn xe hoa — Thời gian: 16h00 …": the rehearsal's time, not the parade's
            if any(ev.AMENDED_BECAUSE.match(s.title.low) for s in secs):
                continue  # "I. LÝ DO ĐIỀU CHỈNH" / "… dự kiến tổ chức lúc 7 giờ 00 ngày 30/9": the plan amended
            level = next((k for k in range(len(path) - 1, -1, -1) if any(s is path[k] for s in secs)), None)
            another = inner is not None and _OTHER_EVENT.search(inner.title.low) is not None
            if level is not None and (level == len(path) - 1 or not another):
                nearest[len(path) - 1 - level].append(i)  # "d) Lộ trình" under "1. Diễu hành": "a) Thời gian" next
            elif not another:
                other.append(i)
        return [i for lines in nearest for i in lines] + other

    def _plain_times(self, low: str, times: list[Found]) -> None:
        """The times of a "Thời gian: …" line without a subject: after "tập trung" the assembly's, after "xuất
        phát" the departure's; a time before "tập trung …" is the start; a single time alone is the assembly's."""
        out = self.out
        ta = _ASSEMBLY_WORD.search(low)  # "(các xe có mặt lúc 7 giờ 00)"
        td = re.search(r"\b(?:xuat phat|khoi hanh)\b", low)
        for part in re.split(r"[;,]", low):  # "6 giờ 30 … tập trung; 7 giờ khởi hành": a part's one time is its verb's
            pt, pa, pd = find_times(part), _ASSEMBLY_WORD.search(part), _DEPART_WORD.search(part)
            if len(pt) == 1 and bool(pa) != bool(pd) and ta and td:
                if pa and out.assembly_time is None:
                    out.assembly_time = pt[0].as_time
                elif pd and out.departure_time is None:
                    out.departure_time, out.departure_date = pt[0].as_time, out.assembly_date
        if ta and out.assembly_time is None:
            after = [t for t in times if t.start >= ta.end()]
            if after:
                out.assembly_time = after[0].as_time
        if td and out.departure_time is None:
            after = [t for t in times if t.start >= td.end()]
            if after:
                out.departure_time = after[0].as_time
                out.departure_date = out.assembly_date
        if ta and not td and out.departure_time is None:
            before = [t for t in times if t.end <= ta.start()]
            if before and before[0].as_time != out.assembly_time:
                out.departure_time, out.departure_date = before[0].as_time, out.assembly_date
        if out.assembly_time is None and times and not ta and not (td and times[0].start >= td.end()):
            out.assembly_time = times[0].as_time
        if ta and out.assembly_time is None and out.departure_time is not None:
            out.assembly_time = _minutes_before(low[ta.end() :], out.departure_time)

    # -- route ----------------------------------------------------------------------------------------
    def route(self) -> None:
        """The route, in the first notation of :data:`paradeplan.importer.routes.ROUTE_RULES` a clause uses (a
        label first), else a line of steps separated by arrows."""
        candidates: list[tuple[int, int, Cue]] = []
        for i in range(len(self.lines)):
            if i not in self._continued:
                found = self._route_candidates(i)
                if found and self._under_closures(i):  # "2. Các tuyến đường tạm cấm …": closed streets, after a
                    found = [(max(r, 2), k, cue) for r, k, cue in found]  # route the document writes as one
                candidates += found
        if all(r == 3 for r, _i, _c in candidates):
            candidates += self._arrow_lines()
        candidates += self._listed_legs({i for _r, i, _c in candidates})
        # "Lộ trình cũ (bỏ): A – B – …" above "Lộ trình mới (áp dụng): …": the route given up comes last
        candidates = [(4 if _OLD_ROUTE.search(self.lines[i].low[:80]) else r, i, c) for r, i, c in candidates]
        # "2. Lộ trình điều chỉnh (thay thế toàn bộ lộ trình cũ):" over its steps, in a notice after the plan: first
        candidates = [(-1 if self._new_route(i) else r, i, c) for r, i, c in candidates]
        candidates = [x for x in candidates if not self._of_a_past_year(x[1], x[2])]
        candidates = self._way_out_first(candidates)
        for _r, i, cue in sorted(candidates, key=lambda x: (x[0], x[1])):
            steps = self._cue_steps(cue)
            if cue.rule in ("prose", "turns") and not any(s.kind == "street" for s in steps):
                continue  # "xuất phát từ UBND xã, đi xe máy theo đường liên xã vào làng A": a trip, no street named
            if len(steps) >= 2:
                self.routed.add(i)
                if self.out.route and _r == 4:
                    continue  # the route the document gives up, after the one it keeps
                if self.out.route and self._in_the_route_list(i):
                    continue  # "- Lộ trình:" over "+ Xuất phát tại A, rẽ phải vào đường B;": an item of that route
                if self.out.route:
                    said = _("another route at logical line {n} was not imported").format(n=i + 1)
                    self.out.unresolved.append(f"route: {said}")
                    continue
                self.out.route = steps
                self.out.route_text = tidy(cue.value if not cue.listed else self.lines[i].text)[:2000]
                self._route_cue = cue
                self._route_line = i
        if not self.out.route and candidates:
            self.out.route_text = tidy(candidates[0][2].value)[:2000] or None
        self._way_back(candidates)
        self._own_group_goes_on(candidates)
        self._own_group_row_goes_on()
        self._shape_route()
        self._ends_said_after()
        self._on_water()

    def _own_group_goes_on(self, candidates: list[tuple[int, int, Cue]]) -> None:
        """A column that splits where its common route stops ("Tại giao lộ A – B, đoàn tách thành hai nhóm:") goes
        on with the group of the document's own unit ("a) Nhóm 1 – phường X (…): rẽ phải vào đường B, …, kết
        thúc"): its moves end the route; a common route that ends where it splits ("… (điểm tách đoàn, kết thúc lộ
        trình chung)") stays as it is, and the other units' groups are theirs."""
        route, i, area = self.out.route, self._route_line, self.out.area
        if not route or i is None or not area or route[-1].end:
            return
        own = whole_words(fold(area))
        for j in range(i + 1, min(i + 6, len(self.lines))):
            m = GROUP_HEAD.match(_unbullet(self.lines[j]).low)
            cue = next((c for _r, k, c in candidates if k == j), None) if m and own.search(m.group("unit")) else None
            steps = self._cue_steps(cue) if cue is not None else []
            if not any(s.kind == "street" for s in steps):
                continue
            self.out.route = _without_turning_corners([*route, *steps])
            said = _("another route at logical line {n} was not imported").format(n=j + 1)
            self.out.unresolved = [u for u in self.out.unresolved if u.removeprefix("route: ") != said]
            return

    def _own_group_row_goes_on(self) -> None:
        """A column that splits where its common route stops, its groups a table's rows under it ("Nhóm 1 | phường
        A, phường B | Rẽ trái vào đường C, … | Chợ D"): the route goes on with the moves of the row that names the
        document's own unit, and ends at the row's next cell when that names a place; the other rows are the other
        units' routes, none the document leaves out."""
        route, i, area = self.out.route, self._route_line, self.out.area
        if not route or i is None or not area or route[-1].end:
            return
        own = whole_words(fold(area))
        rows = {tidy(r.replace("\t", " ")): r.split("\t") for r in self.layout.splitlines() if "\t" in r}
        groups = [
            (j, cells)
            for j in range(i + 1, min(i + 8, len(self.lines)))
            if len(cells := rows.get(tidy(self.lines[j].text), [])) >= 3 and GROUP_CELL.match(fold(tidy(cells[0])))
        ]
        for _j, cells in groups:
            moves = next((k for k, c in enumerate(cells[1:], 1) if has_moves(fold(c))), None)
            if moves is None or not any(own.search(fold(c)) for c in cells[1:moves]):
                continue
            steps = self._prose_steps(cells[moves])
            if not any(s.kind == "street" for s in steps):
                continue
            last = self._step(cells[moves + 1]) if moves + 1 < len(cells) and tidy(cells[moves + 1]) else None
            if last is not None:  # "| Chợ D |": where the group ends
                steps.append(RouteItem("place", last.name, False, True, last.note))
            if route[-1].kind == steps[0].kind == "street" and _same_street(route[-1].name, steps[0].name):
                steps = steps[1:]  # "… ra đường A" then "| Rẽ phải vào đường A, …": one street
            self.out.route = _without_turning_corners([*route, *steps])
            said = {_("another route at logical line {n} was not imported").format(n=k + 1) for k, _c in groups}
            self.out.unresolved = [u for u in self.out.unresolved if u.removeprefix("route: ") not in said]
            return

    def _in_the_route_list(self, i: int) -> bool:
        """Whether line ``i`` is an item of the list the route was read from, under its label's line."""
        at = self._route_line
        return at is not None and at < i < self._listed_below.get(at, at)

    def _way_out_first(self, candidates: list[tuple[int, int, Cue]]) -> list[tuple[int, int, Cue]]:
        """ "a) Lượt đi:" over its list and "b) Lượt về:" over its own: the way out is the route read first, the way
        back goes on it (:meth:`_way_back`)."""
        from paradeplan.importer.routes import WAY_BACK, WAY_OUT

        def label(i: int) -> str:
            return _unbullet(self.lines[i]).low

        if not any(WAY_OUT.match(label(i)) for _r, i, _c in candidates):
            return candidates
        return [(max(r, 2) if WAY_BACK.match(label(i)) else r, i, c) for r, i, c in candidates]

    def _new_route(self, i: int) -> bool:
        """Whether line ``i`` (or the label above it) gives a route that replaces the plan's ("Lộ trình điều chỉnh",
        "Lộ trình mới", "thay thế toàn bộ lộ trình cũ")."""
        own = self.lines[i].low
        above = self.lines[i - 1].low if i > 0 else ""
        below = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        steps_below = len(_ARROW_SPLIT.findall(below)) >= 2 or len(_DASH_SPLIT.findall(below)) >= 2
        said_here = ":" in own and (bool(own.split(":", 1)[-1].strip()) or steps_below)  # its steps, or right below
        return (_NEW_ROUTE.search(own[:120]) is not None and said_here) or (
            _NEW_ROUTE.search(above[:120]) is not None and above.rstrip().endswith(":")
        )

    def _on_water(self) -> None:
        """A parade of boats on a river ("đoàn ghe, xuồng … xuất phát từ bến đò A, diễu hành trên sông B …"): its
        steps are banks and hamlets, no streets; kept as what the document says, not as a street route."""
        i = self._route_line
        if i is None or not self.out.route:
            return
        low = self.lines[i].low
        if _ON_WATER.search(low) and _BOATS.search(low):
            self.out.on_water = tidy(self.lines[i].text)[:300]
            self.out.route, self.out.route_text = [], None

    def _ends_said_after(self) -> None:
        """A list of streets whose ends are said after it ("…, Hà Huy Giáp; điểm đầu và điểm cuối là Chợ Thạnh
        Xuân", "điểm đầu tại A, điểm cuối tại B"): those places start and end the route."""
        route, i = self.out.route, self._route_line
        if not route or i is None:
            return
        f = self.lines[i]
        said: dict[str, str] = {}
        for m in _ENDS_SAID.finditer(f.low):
            name = tidy(re.split(r"[,;.()]|\s(?:và|dài|khoảng)\s", f.text[m.end() :])[0])
            for which, group in (("start", "start"), ("end", "end"), ("end", "end2")):
                if m.group(group) and name:
                    said.setdefault(which, name)
        if "start" in said and route[0].kind == "street":
            route.insert(0, RouteItem("place", said["start"]))
        if "end" in said and route[-1].kind == "street":
            route.append(RouteItem("place", said["end"], False, True))

    def _shape_route(self) -> None:
        """The route found by its shape (:mod:`paradeplan.importer.shape`) when no notation rule reads one: a run
        of street-like names joined by any separator, in a line, a list, a table's row or column."""
        from paradeplan.importer import shape

        lines = shape.layout_lines(self.layout)
        run = shape.best_run(lines, frozenset(self.aliases))
        if run is None:
            return
        said = fold(lines[run.first])
        if past_year_said(said, max(said.find(fold(run.steps[0].name)), 0), self.year):
            return  # "Năm 2023, … diễu hành qua các tuyến đường A – B – C": last year's
        steps = self._run_steps(run)
        route = self.out.route
        ended = bool(route) and route[-1].kind == "place" and route[-1].end
        if len(steps) < 2 or not shape.reads_better([s.name for s in steps], [s.name for s in route], ended):
            return
        self.out.route = steps
        self.out.route_text = tidy(" ".join(lines[run.first : run.last + 1]))[:2000]
        self._route_cue = Cue("shape", self.out.route_text)
        first = fold(run.steps[0].name)
        self._route_line = next((k for k, f in enumerate(self.lines) if first and first in f.low), None)
        self.out.unresolved = [u for u in self.out.unresolved if not u.startswith("route: ")]

    def _run_steps(self, run: Any) -> list[RouteItem]:
        """The steps of a run of :mod:`paradeplan.importer.shape` as route items (names as :meth:`_step` reads)."""
        from paradeplan.importer import shape

        steps: list[RouteItem] = []
        for p in run.steps:
            said = shape.turned_at(p.note or "")
            turned = self._steps_of_part(f"{p.name} (quay đầu tại {said})") if said else []
            if p.kind == "street" and len(turned) == 2:  # "Đường A (quay đầu tại Chợ B)": A to B, and back along A
                steps += [*turned, RouteItem("street", turned[0].name)]
                continue
            if steps and p.kind == "street" and steps[-1].kind == "street" and fold(steps[-1].name) == fold(p.name):
                continue  # "- Đường A (chiều ngược lại)" after the turn: back along A, said once
            step = RouteItem("place", p.name) if p.kind == "back" else self._step(p.name)
            if step is None:
                continue
            if p.kind == "place" and step.kind == "street":
                step = RouteItem("place", step.name, note=step.note)
            step.uturn, step.end = step.uturn or p.uturn, step.end or p.end
            step.note = "; ".join(n for n in (step.note, p.note) if n) or None
            steps.append(step)
        return steps

    def _hours_corrected(self, events: list[ev.CeremonyEvent]) -> None:
        """A later line that gives an hour anew and the one it replaces ("Bắc Mục khai mạc 9h30 (không phải 9h15)",
        "… lúc 8 giờ, thay cho 7 giờ 30"): the ceremonies held at the old hour whose place or unit the line names
        (all of them when it names none of theirs) take the new one."""
        for f in self.lines:
            for m in _NOT_THAT_HOUR.finditer(f.low):
                new = [t for t in find_times(f.low[: m.start()]) if m.start() - t.end <= 6]
                old = find_times(f.low[m.end() : m.end() + 16])[:1] or _bare_hour(f.low, m.end())
                if not new or not old or old[0].start > 2:
                    continue
                held = [e for e in events if e.time == old[0].as_time]
                named = [e for e in held if e.place and _names_one_of(f.low[: m.start()], e.place)]
                for e in named or held:
                    e.time = new[-1].as_time

    def _hours_moved(self, events: list[ev.CeremonyEvent]) -> None:
        """A later message that moves a ceremony's hour without naming it as an event ("xã A vừa báo lùi giờ khai
        mạc sang 8h00", "Trường B xin dời giờ lễ sang 14g"): the ceremonies whose place it names take the new one."""
        for f in self.lines:
            for m in _HOUR_MOVED.finditer(f.low):
                new = find_times(f.low[m.end() : m.end() + 12])[:1]
                named = [e for e in events if e.place and _names_one_of(f.low, e.place)]
                for e in named if new and new[0].start <= 2 else []:
                    e.time = new[0].as_time

    def _amended(self, events: list[ev.CeremonyEvent]) -> list[ev.CeremonyEvent]:
        """The ceremonies as an amended plan leaves them: one moved takes its new day and time ("chuyển từ ngày A
        sang 8 giờ ngày B"), one cancelled ("KHÔNG TỔ CHỨC") is not planned."""
        out: list[ev.CeremonyEvent] = []
        for e in events:
            said = amendment(e.text, self.dates_of)
            if said is not None and said.kind == "cancelled":
                log.info("not planned, cancelled by the document: %s", e.text[:120])
                continue
            told = _moved_one(e, out) if said is not None else None
            if told is not None:  # "Trường MN A xin lùi lễ hưởng ứng sang 8g30": the one read above, moved
                e = told
            if said is not None:
                e.date = said.new_date or e.date
                e.time = said.new_time or e.time
            if told is None:
                out.append(e)
        return out

    def _way_back(self, candidates: list[tuple[int, int, Cue]]) -> None:
        """A way out labelled "Lượt đi: …" goes on with the way back labelled "Lượt về: …" a few lines below, or
        said as the way out reversed ("Lượt về: theo lộ trình ngược lại", "…; chiều về đi ngược lại"): one route,
        the place where the column turns said once."""
        from paradeplan.importer.routes import BACK_LABEL, OUT_LABEL, REVERSED, WAY_BACK, WAY_OUT

        i, route = self._route_line, self.out.route
        if i is None or not route:
            return
        below = range(i + 1, min(i + 3, len(self.lines)))  # "3. Lộ trình (khoảng 6 km):" above its "Lượt đi: …" line
        if not WAY_OUT.match(_unbullet(self.lines[i]).low):
            i = next((k for k in below if WAY_OUT.match(_unbullet(self.lines[k]).low)), i)
            out = self._leg_cue(candidates, i)
            steps = self._cue_steps(out) if out is not None and i != self._route_line else []
            route = self.out.route = steps if len(steps) >= 2 else route  # the way out's own line, its label read
        back: list[RouteItem] = []
        line = self.lines[i]
        inner = BACK_LABEL.search(line.low)
        if inner and OUT_LABEL.search(line.low[: inner.start()]):  # "Lượt đi: A - B - C; lượt về: C - D - A."
            end = re.compile(r"\.\s|\.$").search(line.low, inner.end())
            back = self._cue_steps(Cue("label", line.text[inner.end() : end.start() if end else len(line.text)]))
        elif WAY_OUT.match(_unbullet(line).low):
            j = next(
                (k for k in range(i + 1, min(i + 16, len(self.lines))) if WAY_BACK.match(_unbullet(self.lines[k]).low)),
                None,
            )
            cue = self._leg_cue(candidates, j) if j is not None else None
            back = self._cue_steps(cue) if cue is not None else []
            if j is not None and len(back) < 2 and REVERSED.search(self.lines[j].low):
                back = _reversed_way(route)
            said = {_("another route at logical line {n} was not imported").format(n=n + 1) for n in (i, j or 0)}
            self.out.unresolved = [u for u in self.out.unresolved if u.removeprefix("route: ") not in said]
        elif REVERSED.search(self.lines[i].low):
            ended = _end_after_turn(route)
            if ended is not None:
                # "… thì quay đầu, trở về theo lộ trình cũ và kết thúc tại A", "… quay đầu, trở về theo lộ trình cũ
                # về lại Chợ A": the way back goes between the turn and the end, and ends there
                route = self.out.route = route[:-1]
            back = _reversed_way(route)
            if ended is not None and back and place_key(back[-1].name) != place_key(ended.name):
                back.append(RouteItem("place", ended.name, end=True))
        if len(back) < 2:
            return
        if place_key(back[0].name) == place_key(route[-1].name):
            back = back[1:]
            route[-1] = dataclasses.replace(route[-1], uturn=route[-1].uturn or route[-1].kind == "place", end=False)
        route[-1].end = False
        route += back

    def _leg_cue(self, candidates: list[tuple[int, int, Cue]], k: int) -> Cue | None:
        """The route line ``k`` gives: its candidate, else its own best reading (a "Lượt đi: …" line read as an item
        of the list under "Lộ trình (chia hai lượt):" is no candidate of its own)."""
        said = next((c for _r, j, c in candidates if j == k), None)
        if said is not None:
            return said
        own = sorted(self._route_candidates(k), key=lambda x: x[0])
        return own[0][2] if own else None

    def _route_candidates(self, i: int) -> list[tuple[int, int, Cue]]:
        """The routes line ``i`` writes, ranked: legs or stretches (0), a label or a notation of a clause (0–1),
        a sentence read only by its turns (3), a heading "II. LỘ TRÌNH" with the steps on the lines below (0)."""
        from paradeplan.importer.routes import ROUTE_RULES, find_cue

        rank = {name: k for k, (name, _rx, _read) in enumerate(ROUTE_RULES)}
        f0 = self.lines[i]
        if self._in_an_itinerary(i):
            return []  # "Đồng chí A – Chủ tịch UBND xã:" / "- 6 giờ 15: xuất phát từ UBND xã, đi xe máy …": a trip
        listed = self._listed_moves(i)
        if listed is not None:
            return [(0, i, listed)]
        inline = _inline_stretches(f0)
        if inline is not None:  # "đoạn từ A đến B (đường S); đoạn từ B đến C (đường T); …" on one line
            return [(0, i, inline)]
        leg, legs = self._legs_at(i)
        if not leg:
            leg, legs = self._stretches_at(i)
        if leg:  # "Chặng 1: …" or "Đường A: đoạn từ X đến Y" lines: one route in legs, read from the first
            return [(0, i, legs)] if legs is not None else []
        body0 = _unbullet(f0)
        if len(_ARROW_SPLIT.findall(body0.text)) >= 3 and ":" not in body0.text and has_moves(body0.low):
            return [(1, i, Cue("arrows", body0.text))]  # "A → theo đường B → nút giao B – C (rẽ phải) → …": steps
        parts = ev.clauses(body0)
        labelled = next(  # "Điểm xuất phát điều chỉnh từ A về B. Lộ trình mới:" over its steps: the label's
            (
                k
                for k, c0 in enumerate(parts[1:], 1)
                if parts[k - 1].text.rstrip().endswith(".") and _LABEL_HEAD.match(_unbullet(c0).low)
            ),
            None,
        )
        for k, c0 in enumerate(parts):
            if labelled is not None and k < labelled:
                continue
            cue = find_cue(_unbullet(c0))
            if cue is not None and _IN_AN_ANNEX.match(fold(cue.value)):
                continue  # "- Lộ trình: theo Phụ lục kèm theo Kế hoạch này.": the annex gives it
            if cue is None or (
                k
                and cue.rule == "label"
                and not _numbers_only(parts[:k])
                and not (parts[k - 1].text.rstrip().endswith(".") and _unbullet(c0).text.lstrip()[:1].isupper())
            ):  # "… theo lộ trình: A, B" is no label; a sentence "Lộ trình: A - B - C" after another one is
                continue
            cue = ended_after(_chain_across(_label_across(cue, parts[k + 1 :]), c0, parts[k + 1 :]), parts[k + 1 :])
            if cue.rule == "prose":
                cue = self._prose_on_next_lines(i, parts[k:], cue)
            under_label = cue.rule in ("label", "inline label") and not tidy(cue.value)
            if under_label:  # "- Lộ trình:" over its steps or moves: a label's route, ranked as one whatever they write
                cue = self._lines_cue(i + 1)
            elif cue.rule == "via" and re.fullmatch(r"\W*(?:sau|nhu sau)?\W*", fold(cue.value)):
                # "… di chuyển lần lượt qua các tuyến sau:" over one street a line, from the start said before
                below = self._lines_cue(i + 1)
                started = below.rule == "label" and below.value and cue.start
                cue = dataclasses.replace(below, value=f"{cue.start} → {below.value}") if started else below
            # a sentence read only by its turns comes after every other notation (a detour's turns in a police notice
            # are no parade route when the document writes one); the groups' ways after a split, after the common one
            under = 2 if _groups_after_split(c0) else 0
            return [(3 if cue.rule == "turns" else under if under_label else min(rank.get(cue.rule, 0), 1), i, cue)]
        if len(parts) > 1:
            # the movements of one sentence split by ";" ("… thì rẽ trái vào A; đi qua B, … rẽ phải vào C, …"):
            # no clause alone is a route, the sentence is
            whole = find_cue(_unbullet(f0))
            if whole is not None and whole.rule == "prose":  # (going on in the paragraphs below it)
                whole = self._prose_on_next_lines(i, [_unbullet(f0)], whole)
            if whole is not None and whole.rule in ("prose", "turns"):
                return [(3 if whole.rule == "turns" else 1, i, whole)]
        body = _unbullet(f0)
        head = re.sub(r"^(?:[ivxlc]+\.|\d{1,2}(?:\.\d{1,2})*\.?)\s*", "", body.low.strip())
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if (
            re.fullmatch(r"(?:lo trinh|hanh trinh|tuyen duong)\b[^:.;]{0,60}", head)
            and nxt is not None
            and ((nxt_cue := find_cue(_unbullet(nxt))) is None or nxt_cue.rule == "turns")
            and not self._legs_at(i + 1)[0]
        ):
            # a heading "II. LỘ TRÌNH" over its steps, its legs or a line of turns ("A - rẽ phải đường B - …")
            return [(0, i, self._lines_cue(i + 1))]
        return []

    def _in_an_itinerary(self, i: int) -> bool:
        """Whether line ``i`` is an item of an official's itinerary: a bullet under "Đồng chí A, chức vụ …:"."""
        if not _BULLET.match(self.lines[i].low):
            return False
        for j in range(i - 1, max(i - 15, -1), -1):
            if not _BULLET.match(self.lines[j].low):
                return ev.itinerary_person(_unbullet(self.lines[j])) is not None
        return False

    def _under_closures(self, i: int) -> bool:
        """Whether line ``i`` is under a section about closed or diverted streets ("2. Các tuyến đường tạm cấm
        phương tiện", "Phân luồng giao thông")."""
        path = self.doc.path(i)
        return bool(path) and _CLOSURES.search(path[-1].title.low) is not None

    def _listed_legs(self, routed: set[int]) -> list[tuple[int, int, Cue]]:
        """A route written as a list of moves, one an item, none a route alone ("1. Từ Công viên A ra đường B;" /
        "2. Đến giao lộ B – C rẽ phải vào đường C;" / … / "6. … về lại Công viên A, giải tán."): the items read
        as one sentence in prose."""
        out: list[tuple[int, int, Cue]] = []
        i = 0
        while i < len(self.lines):
            if _LEG_ITEM.match(self.lines[i].low) is None or i in routed or i - 1 in routed or i in self._continued:
                i += 1  # (the items under "Lộ trình:" are that label's route)
                continue
            moves, j = self._moves_from(i)
            if moves is not None and not any(k in routed for k in range(i, j)):  # no item a route of its own
                out.append((1, i, Cue("prose", moves)))
                self._continued.update(range(i + 1, j))
            i = max(j, i + 1)
        return out

    def _moves_from(self, i: int) -> tuple[str | None, int]:
        """The list of moves that starts at line ``i`` ("(1) Từ cổng A rẽ trái vào đường B;" / "(2) Đến cuối đường
        B, rẽ trái …"), joined as prose when it reads as a route of three steps or more, and the line after it; an
        official's timed items ("- 6 giờ 15: xuất phát từ UBND xã …") are none."""
        from paradeplan.importer.routes import find_cue

        if i >= len(self.lines):
            return None, i
        items: list[str] = []
        j = i
        kind = _marker_kind(self.lines[i].low)
        while j < len(self.lines) and j - i < 15 and (m := _LEG_ITEM.match(self.lines[j].low)) is not None:
            if _marker_kind(self.lines[j].low) != kind:
                break  # "+ Từ A …" items, then "- Phương tiện: …": another list
            items.append(_INLINE_ITEM.sub("; ", self.lines[j].text[m.end() :].strip().rstrip(" .;")))
            j += 1
        joined = "; ".join(items)
        if len(items) < 2 or any(t.start == 0 for x in items for t in find_times(fold(x))[:1]):
            return None, j
        cue = find_cue(Folded.of(joined))
        return (joined if cue is not None and cue.rule == "prose" and len(self._prose_steps(joined)) >= 3 else None), j

    def _prose_on_next_lines(self, i: int, parts: list[Folded], cue: Cue) -> Cue:
        """A route in prose that goes on in the sentences of the next lines ("Đoàn xuất phát từ A, theo đường B đến
        ngã ba C." / "Tại đây đoàn rẽ phải vào đường C, …" / "Rẽ trái theo đường D về đến E thì dừng."): one route,
        read across them; the lines it takes are no route of their own."""
        from paradeplan.importer.routes import find_cue, goes_on

        pieces = [p.text.rstrip(" .;") for p in parts]
        taken: list[int] = []
        item = _move_item(self.lines[i].low)  # "1. Từ A ra đường B;" / "2. Đến giao lộ B – C rẽ phải …"
        for j in range(i + 1, min(i + 12, len(self.lines))):
            g = self.lines[j]
            if _ROUTE_ENDS.search(" ".join(fold(x) for x in pieces)):
                break
            if item is not None and (nxt := _move_item(g.low)) is not None and goes_on(g.low[nxt.end() :]):
                pieces.append(g.text[nxt.end() :].strip().rstrip(" .;"))  # the list's next item goes on
                taken.append(j)
                continue
            if _unbullet(g) is not g or _HEADING.match(g.low) or not goes_on(g.low):
                break
            pieces.append(g.text.strip().rstrip(" .;"))
            taken.append(j)
        if not taken:
            return cue
        found = find_cue(_unbullet(Folded.of("; ".join(pieces))))
        if found is None or found.rule != "prose":
            return cue
        self._continued.update(taken)
        return found

    def _told_under_title(self, events: list[ev.CeremonyEvent]) -> None:
        """The ceremony a title names ("KỊCH BẢN / Lễ khai mạc Tuần lễ …") with its day, time and venue in brackets
        on the line under it ("(Thứ Hai, ngày 03 tháng 10 năm 2022 – lúc 07:00 – tại sân trường)"), or on a line of
        its own that opens with the day ("Thứ Năm, ngày 02 tháng 10 năm 2025 - tại Trường A"): what it lacks."""
        if not self.title_lines or max(self.title_lines) + 1 >= len(self.lines):
            return
        under = self.lines[max(self.title_lines) + 1]
        if re.fullmatch(r"\s*\(.*\)\s*", under.text):
            inner = Folded(under.text.strip()[1:-1], under.low.strip()[1:-1])
        elif _WHEN_WHERE_LINE.match(under.low) and self.dates_of(under.low):
            inner = under
        else:
            return
        for e in events:
            if e.line in self.title_lines and (e.date is None or e.time is None or e.place is None):
                days, times = self.dates_of(inner.low), find_times(inner.low)
                e.date = e.date or (days[0].as_date if days else None)
                e.time = e.time or (times[0].as_time if times else None)
                e.place = e.place or ev.venue_after_tai(inner, 0)

    def _listed_moves(self, i: int) -> Cue | None:
        """A sentence of the column setting off that ends with a colon ("Đoàn diễu hành xuất phát lúc 8 giờ từ cổng
        Trường A và đi theo trình tự sau:") over a numbered or bulleted list of movements ("1) Từ cổng trường rẽ phải
        ra đường B;", "2) Đi hết đường B, rẽ trái vào đường C;" … "8) Kết thúc tại D"): one route in prose."""
        f = self.lines[i]
        labelled = _start_label(f)
        if labelled is None and (
            not f.low.rstrip().endswith(":") or not (_DEPARTS.search(f.low) or re.search(ev.PARADE_WORDS, f.low))
        ):
            return None
        items: list[str] = []
        for g in self.lines[i + 1 : i + 40]:
            item = _unbullet(g)
            numbered = re.match(r"\s*(?:\d{1,2}[.)]|\(\d{1,2}\))", g.low) is not None  # "(4) Đi A đến … thì quay đầu"
            moving = has_moves(item.low) or re.match(r"(?:ket thuc|giai tan|dung lai)\b", item.low)
            if (
                item is g
                or not (moving or numbered and items)
                or items
                and _numbered_after_bullets(self.lines[i + 1].low, g.low)
            ):  # ("- Đoạn 5: … (điểm kết thúc)." then "4. Khai mạc …": the document's next point)
                break
            item = _without_leg_label(item)  # "- Đoạn 2: Rẽ trái vào đường B, …": the move, not its label
            items.append(_INLINE_ITEM.sub("; ", item.text.rstrip(" ;.,")))  # "…; (5) Trở lại …" a page joined
        if len(items) < 2 or sum(bool(_CROSSING_ITEM.match(t)) for t in items) >= 2:
            return None  # (a list of the junctions it passes: "Nút giao A – B (rẽ phải vào B)", read as a list)
        if labelled is not None and not re.match(r"\s*(?:\d{1,2}[.)]|\(\d{1,2}\))", self.lines[i + 1].low):
            return None  # "Điểm xuất phát: A." over a list that is not numbered: not read as moves here
        self._continued.update(range(i + 1, i + 1 + len(items)))  # the list's items are this route's, none of theirs
        if labelled is not None:  # "Điểm xuất phát: Trường A." over "1. Rẽ phải ra đường B, …"
            return Cue("prose", "; ".join([f"Xuất phát từ {labelled}", *items]))
        intro = _unbullet(f)  # its start ("… xuất phát lúc 8 giờ từ cổng Trường A và …"), when it says one
        last = intro.low.rstrip().rfind(". ")  # in its last sentence ("Điểm xuất phát đổi … Lộ trình mới:")
        intro = Folded(intro.text[last + 2 :], intro.low[last + 2 :]) if last >= 0 else intro
        said = re.search(r"\b(?:xuat phat|khoi hanh)\b.*\b(?:tu|tai)\s", intro.low)
        # from the verb on ("Ngay sau lễ khai mạc, lúc 7 giờ 45 phút, đoàn diễu hành xuất phát từ A, lộ trình như
        # sau:"), without the words that announce the list
        tail = re.search(
            r"(?:,\s*|\s+)(?:(?:va|roi)\s+)?(?:(?:theo|di theo|voi)\s+)?(?:lo trinh|trinh tu|thu tu)\b[^,;]*$",
            intro.low,
        )
        start = (
            intro.text[said.start() : tail.start() if tail and tail.start() > said.start() else len(intro.text)]
            if said
            else ""
        )
        return Cue("prose", "; ".join([start.rstrip().rstrip(":")] * bool(start) + items))

    def _arrow_lines(self) -> list[tuple[int, int, Cue]]:
        """Lines of steps separated by two arrows or more, when no clause writes the route another way."""
        out: list[tuple[int, int, Cue]] = []
        for i, f in enumerate(self.lines):
            if len(_ARROW_SPLIT.findall(f.text)) >= 2:
                text = f.text
                colon = text.rfind(":", 0, max(text.find("→"), text.find("->"), 0) or len(text))
                out.append((2, i, Cue("arrows", text[colon + 1 :] if colon >= 0 else text)))
        return out

    def _full_names(self) -> None:
        """A place step written short ("Trung tâm Văn hóa") takes the one longer name the document writes it with
        ("Trung tâm Văn hóa Quận Gò Vấp"), as a reader takes it from the context; the short form is kept as a note."""
        from paradeplan.importer.routes import fuller_name, is_start_again, own_unit_fuller_name

        route = self.out.route
        first = fold(route[0].name) if route and route[0].kind == "place" else ""
        shaped = self._route_cue is not None and self._route_cue.rule == "shape"  # names whole as cells/pieces
        for k, step in enumerate(route):
            if step.kind != "place" or (shaped and not is_start_again(step.name)):
                continue
            # "… trở về Trung tâm": the start place written short
            full = (
                route[0].name if k and first.startswith(fold(step.name) + " ") else fuller_name(step.name, self.layout)
            )
            full = full or own_unit_fuller_name(step.name, self.layout)  # "Nhà văn hóa phường": the ward's own
            streets = {fold(s.name) for s in route if s.kind == "street"}
            if full is not None and fold(full) not in streets:  # "về lại trường" is no "Trường Chinh" of the route
                self.out.route[k] = self._renamed(step, full, step.name)

    def _assembly_full_name(self) -> None:
        """An assembly place written short or with a position word ("sân Nhà văn hóa": its yard) is the route's
        place it names when one is ("Nhà văn hóa Tân Thới Hiệp"), else the one longer form the document writes."""
        from paradeplan.importer.routes import fuller_name

        out = self.out
        if not out.assembly_place:
            return
        out.assembly_place = written_out_units(seat_name(self._unaliased(out.assembly_place)))
        start = out.route[0].name if out.route and out.route[0].kind == "place" else None
        if start is not None and _SPOT_WITHIN.match(fold(out.assembly_place)) and out.assembly_place[1:].islower():
            out.assembly_place = start  # "tập kết tại bãi xe phía trong cổng chính": inside the place it starts from
            return
        key = place_key(out.assembly_place)  # without "sân", "trụ sở", "trước"
        keys = [place_key(r.name) for r in out.route if r.kind == "place"]
        if key in keys:
            return  # the route's own place, written its way
        same = [r.name for r in out.route if r.kind == "place" and place_key(r.name).startswith(f"{key} ")]
        bare = re.sub(r"\s+(?:phuong|xa|quan|huyen|thi xa|thi tran)$", "", key)  # "Nhà văn hóa phường": the ward's
        if not same and bare != key and len(bare.split()) >= 2:
            same = [r.name for r in out.route[:1] if r.kind == "place" and place_key(r.name).startswith(f"{bare} ")]
        if not same:  # "sân tòa nhà ETown" and the route from "ETown": the start, written by its bare name
            same = [
                r.name
                for r in out.route[:1]
                if (r.kind == "place" or self._start_written_short(r, out.assembly_place))
                and place_kind(r.name) is None
                and key.endswith(" " + place_key(r.name))
            ]
        if same:
            out.assembly_place = same[0]
            return
        name = re.sub(
            r"^(?:sân|khuôn viên|trước|trụ sở)\s+(?=[" + CAPITAL_LETTERS + r"])", "", out.assembly_place, flags=re.I
        )
        full = fuller_name(name, self.layout)
        if full is not None:
            out.assembly_place = full

    def _unaliased(self, name: str) -> str:
        """A place name with the abbreviations the document defines written out ("bãi xe QTSC" → "Công viên phần
        mềm Quang Trung": the described place is the one named)."""
        for abbr, full in self.aliases.items():
            name = whole_words(abbr).sub(full, name)
        return described_place(name)

    def _route_start(self) -> None:
        """A route listed without its start ("qua các tuyến A, B, C") or written from its first street starts at
        the place a labelled field names ("Điểm xuất phát: X"), else at the assembly place; one that stops on a
        street ends at the place an "Điểm kết thúc: Y" field names."""
        cue, out = self._route_cue, self.out
        if cue is None or not out.route:
            return
        start = self._field_place(_START_FIELD) or out.assembly_place or self._field_place(_GATHER_AT)
        listed = cue.listed and not cue.start
        first, key = place_key(seat_name(out.route[0].name)), place_key(seat_name(start or ""))
        said = out.route[0].kind == "place" and bool(start) and (first == key or key.startswith(first + " "))
        if start and self._start_written_short(out.route[0], start):
            out.route[0] = RouteItem("place", out.route[0].name, note=out.route[0].note)
            said = True  # "Tập trung tại sân tòa nhà ETown" over "Lộ trình: ETown - đường Cộng Hòa": ETown is it
        if start and (listed or out.route[0].kind == "street") and not said:
            out.route.insert(0, RouteItem("place", start))
            out.route[:] = _left_place_not_again(out.route)  # "đường A, từ X …" from X, the start put before it
        end = self._field_place(_END_FIELD)
        if end and out.route[-1].kind == "street":
            out.route.append(RouteItem("place", end, False, True))

    def joined_steps(self, text: str) -> list[RouteItem]:
        """The steps of the leg the blocks of a column go together ("toàn đoàn tiếp tục theo đường A, qua Ga C, đến
        B"): its streets, U-turns and end, not the landmarks it passes; [] when it names no street."""
        steps = self._prose_steps(text) if has_moves(fold(text)) else []
        steps = [s for k, s in enumerate(steps) if s.kind == "street" or s.uturn or s.end or k == len(steps) - 1]
        return steps if any(s.kind == "street" for s in steps) else []

    def _start_written_short(self, first: RouteItem, start: str) -> bool:
        """Whether a route's first step, read as a street, is its start place written by the last words of its name
        (the assembly at "sân tòa nhà ETown", the route from "ETown"), a name the document never gives a street
        ("đường ETown")."""
        name = fold(first.name)
        key, short = place_key(start), place_key(first.name)
        if first.kind != "street" or not name or not (key == short or key.endswith(" " + short)):
            return False
        if key != short and place_kind(start) is None:
            return False
        return not any(re.search(r"\b(?:duong|pho)\s+" + re.escape(name) + r"\b", f.low) for f in self.lines)

    def _back_to_start(self) -> None:
        """A step that names the start by its role ("trở về điểm xuất phát") is the start place, with a note
        saying how the document writes it."""
        from paradeplan.importer.routes import is_start_again

        route = self.out.route
        start = route[0].name if route and route[0].kind == "place" else self.out.assembly_place
        for k, step in enumerate(route):
            # "về trường", "về lại Trường" after "Cổng trường THCS A": the start by its kind, one word or in lower case
            kind_only = step.name.islower() or len(step.name.split()) == 1
            by_kind = kind_only and f" {fold(step.name)} " in f" {fold(start or '')} "
            if k and start and step.kind == "place" and (is_start_again(step.name) or by_kind):
                route[k] = self._renamed(step, start, step.name)

    def _start_by_kind(self) -> None:
        """A route that starts at a place named only by its kind ("từ cổng trường ra đường A") starts at the one
        place of that kind the document holds its ceremonies at or names as the assembly ("Lễ ra quân … tại sân
        Trường THCS B"); every step naming it so is that place, with a note saying how the document writes it."""
        route, out = self.out.route, self.out
        said = named_by_kind(route[0].name) if route and route[0].kind == "place" else ""  # "cổng trường …": trường
        kind = _kind_only(said)
        if kind is None:
            return
        named = [named_by_kind(_ADDRESS_AFTER.sub("", c.place)) for c in out.events.ceremonies if c.place] + [
            named_by_kind(out.assembly_place or "")  # "sân TTVH quận A": the centre, not its yard
        ]
        found = {place_key(n): n for n in named if n and _office_folded(n).startswith(kind + " ")}
        own = place_key(out.issuer or "")
        if len(found) > 1 and own in found:  # "từ cổng trường …" in a school's plan that names another school too
            found = {own: found[own]}
        if len(found) != 1:
            return
        (full,) = found.values()
        written = route[0].name
        for k, step in enumerate(route):
            if step.kind == "place" and (
                step.name == written or k and _office_folded(step.name) == kind
            ):  # "về Trường"
                route[k] = self._renamed(step, full, written)
        if out.assembly_place and _office_folded(named_by_kind(out.assembly_place)) == kind:
            out.assembly_place = full  # "Đoàn xe tập trung … tại sân UBND phường": the start, named so

    def _renamed(self, step: RouteItem, full: str, written: str) -> RouteItem:
        """A step named in full, with a note saying how the document wrote it (kept for :meth:`_yard_of_a_step`)."""
        self._as_written.setdefault(full, written)
        note = "; ".join(n for n in (step.note, _("written '{name}'").format(name=written)) if n)
        return dataclasses.replace(step, name=full, note=note)

    def _yard_of_a_step(self) -> None:
        """A ceremony held at a place named only by its kind ("Về tới TTVH khoảng 8h15 thì làm lễ phát động ngắn
        ngay tại sân"): the place of the route its own sentence names (as the document writes it)."""
        places = [s for s in self.out.route if s.kind == "place"]
        for c in self.out.events.ceremonies if self.out.events is not None else []:
            if not c.place or _kind_only(c.place) not in _BARE_VENUES:
                continue
            said = f" {fold(c.text)} "
            named = {
                s.name
                for s in places
                if f" {fold(s.name)} " in said or f" {fold(self._as_written.get(s.name, s.name))} " in said
            }
            if len(named) == 1:
                c.place = named.pop()

    def _passed_through(self) -> None:
        """A place between two different streets of the route that the document says the column does not stop at
        ("Tại Chợ A đoàn không dừng, đi liền từ đường B sang đường C"): the corner of the two streets, passed through
        (no turning back there, though it ends the way out), no step of its own."""
        said = [m.group("at") for f in self.lines for rx in _NO_STOP_AT for m in rx.finditer(f.low)]
        route = self.out.route
        self.out.route = [
            s
            for k, s in enumerate(route)
            if not (
                0 < k < len(route) - 1
                and s.kind == "place"
                and fold(s.name) in said
                and route[k - 1].kind == route[k + 1].kind == "street"
                and route[k - 1].name != route[k + 1].name
            )
        ]

    def _assembly_by_kind(self) -> None:
        """An assembly place named only by its kind ("các xe hoa tập trung ở cổng sau nhà trường"): the one place of
        that kind the route starts at or the ceremonies are held at ("Trường THPT A")."""
        out = self.out
        kind = _kind_only(named_by_kind(out.assembly_place) if out.assembly_place else "")
        if kind is not None:
            out.assembly_place = self._one_of_kind(kind) or out.assembly_place
        for k, g in enumerate(out.gatherings):  # a chat's "Tập trung luôn ở chợ em nha": at the market it named
            kind = _kind_only(named_by_kind(g.place)) if g.place else None
            full = self._one_of_kind(kind, [out.assembly_place] if out.assembly_place else []) if kind else None
            out.gatherings[k] = dataclasses.replace(g, place=full) if full else g

    def _one_of_kind(self, kind: str, more: list[str] | tuple[str, ...] = ()) -> str | None:
        """The one place of a kind ("truong", "cho") the ceremonies are held at or the route starts at."""
        out = self.out
        kind = re.sub(r"^nha truong$", "truong", kind)  # "nhà trường": the school
        named = [c.place for c in out.events.ceremonies if c.place] + list(more)
        named += [out.route[0].name] if out.route and out.route[0].kind == "place" else []
        found = {place_key(n): n for n in map(named_by_kind, named) if _office_folded(n).startswith(kind + " ")}
        return next(iter(found.values())) if len(found) == 1 else None

    def _field_place(self, label: re.Pattern[str]) -> str | None:
        """The place a labelled line names ("Điểm xuất phát: Chợ A"), or where a clause gathers the column ("… tập
        trung tại Chợ A"), the first in the document; None when no line says it."""
        for f in self.lines:
            for c in ev.clauses(_unbullet(f)) if label is _GATHER_AT else [_unbullet(f)]:
                m = label.search(c.low) if label is _GATHER_AT else label.match(c.low)
                if m:
                    return self._place_from(c, m.end())
        return None

    def _legs_at(self, i: int) -> tuple[bool, Cue | None]:
        """Whether line ``i`` is a leg of a route ("- Chặng 2: theo đường …"), and the route's legs when it is
        the first of them."""
        from paradeplan.importer.prose import LEG, legs_text

        if not LEG.match(_unbullet(self.lines[i]).low):
            return False, None
        if i and LEG.match(_unbullet(self.lines[i - 1]).low):
            return True, None
        legs = legs_text(self.lines, i)
        return True, Cue("prose", legs[0]) if legs else None

    def _stretches_at(self, i: int) -> tuple[bool, Cue | None]:
        """Whether line ``i`` is a stretch of a route ("- Đường A: đoạn từ X đến Y"), and the route's stretches
        when it is the first of two or more in a row."""
        from paradeplan.importer.prose import stretch_of, stretches_from, uturn_item

        if stretch_of(self.lines[i]) is None:
            return False, None
        if i and stretch_of(self.lines[i - 1]) is not None:
            return True, None
        if i > 1 and uturn_item(self.lines[i - 1]) is not None and stretch_of(self.lines[i - 2]) is not None:
            return True, None  # the stretch back after a U-turn item: the same route
        _found, texts = stretches_from(self.lines, i)
        return bool(texts), Cue("stretches", "\n".join(texts)) if texts else None

    def _stretch_steps(self, text: str) -> list[RouteItem]:
        """The steps of a route written in stretches: the first stretch's start when it is a place, each street
        (once while the column stays on it), a U-turn place, the last stretch's end when it is a place; the
        cross streets where a stretch begins or ends are no steps."""
        from paradeplan.importer.prose import stretch_or_whole

        legs = [s for line in text.split("\n") if (s := stretch_or_whole(Folded.of(line))) is not None]
        out: list[RouteItem] = []
        # "Điểm xuất phát: X" / "Điểm kết thúc: Y" said beside the stretches: the stretches' ends are via points
        first = self._step(legs[0].start) if legs and not self._field_place(_START_FIELD) else None
        if first is not None and first.kind == "place":
            out.append(first)
        for leg in legs:
            street = self._step(leg.street)
            if street is not None and street.kind == "place":  # "Chùa Bộc: đoạn từ …": the stretch is a street's
                street = RouteItem("street", street.name, False, False, street.note)
            if street is not None and not (out and out[-1].kind == "street" and out[-1].name == street.name):
                out.append(street)
            at = self._step(leg.uturn) if leg.uturn else None
            if at is not None:
                out.append(RouteItem("place", at.name, True, False, at.note))
        last = self._step(legs[-1].end) if legs and not self._field_place(_END_FIELD) else None
        if last is not None and last.kind == "place":
            out.append(RouteItem("place", last.name, False, True, last.note))
        return out

    def _lines_cue(self, start: int) -> Cue:
        """The route on the lines from ``start``: its legs ("Chặng 1: …"), or its steps (one line, or a bullet
        per step)."""
        from paradeplan.importer.prose import legs_text, stretches_from

        label = start - 1  # the label's line over the lines
        while start < len(self.lines) and re.fullmatch(r"\s*\(.*\)\s*", self.lines[start].text):
            start += 1  # an appendix's "(Kèm theo Kế hoạch số …)" under its title
        _found, stretches = stretches_from(self.lines, start)
        legs = legs_text(self.lines, start)
        if stretches and not _legs_go_further(legs, stretches):  # "+ Đường A (từ X đến Y);" a bullet each
            return Cue("stretches", "\n".join(stretches))
        if legs:
            return Cue("prose", legs[0])
        moves, end = self._moves_from(start)  # "đi theo thứ tự sau:" over "(1) Từ cổng A rẽ trái …;" / "(2) …"
        if moves is not None:
            self._continued.update(range(start, end))
            return Cue("prose", moves)
        steps, self._listed_below[label] = self._route_lines(start)
        return Cue("label", steps)

    def _prose_steps(self, text: str) -> list[RouteItem]:
        """The steps of a route written as prose (:mod:`paradeplan.importer.prose`)."""
        from paradeplan.importer.prose import prose_steps

        out: list[RouteItem] = []
        for ps in prose_steps(text):
            if ps.kind == "street" and re.search(r"\(\s*quay\s+đầu", ps.name, re.I):
                out += self._steps_of_part(ps.name)  # "- Đường A (quay đầu tại Chợ B);": A, then B turned at
                continue
            step = self._step(ps.name)
            if step is None:
                continue
            if ps.kind not in ("street", "place") and step.kind == "street":
                step = RouteItem("place", step.name)  # a start, U-turn or end named like a street is a place
            step.uturn = step.uturn or ps.kind == "uturn"
            step.end = step.end or ps.kind == "end"
            step.note = "; ".join(n for n in (step.note, ps.note) if n) or None
            if out and out[-1].kind == step.kind == "street" and _same_street(out[-1].name, step.name):
                continue  # "Đến Song Hành Quốc lộ 22 rẽ phải, chạy theo đường Song Hành …": one street
            if out and out[-1].kind == step.kind == "place" and place_key(out[-1].name) == place_key(step.name):
                out[-1].uturn, out[-1].end = out[-1].uturn or step.uturn, out[-1].end or step.end
                continue  # "xuất phát … từ Nhà văn hóa A …:" over "1. Từ Nhà văn hóa A ra đường B": one start
            out.append(step)
        return _left_place_not_again(_turns_not_uturns(out))

    def _cue_steps(self, cue: Cue) -> list[RouteItem]:
        from paradeplan.importer.prose import is_prose_route
        from paradeplan.importer.routes import crossings_kept, find_cue

        kept = _KEPT_ROUTE.search(Folded.of(cue.value).low)
        if kept is not None:  # "Giữ nguyên lộ trình … (A – đường B – … – về A), riêng đoạn … thay bằng đường C"
            said = Folded.of(cue.value)
            kept_steps = self._steps(said.text[kept.start(1) : kept.end(1)])
            for m in _STREET_REPLACED.finditer(said.low, kept.end()):
                old, new = tidy(said.text[m.start(1) : m.end(1)]), tidy(said.text[m.start(2) : m.end(2)])
                kept_steps = [
                    dataclasses.replace(x, name=new) if x.kind == "street" and x.name == old else x for x in kept_steps
                ]
            return kept_steps

        inner = find_cue(Folded.of(cue.value)) if cue.rule in ("label", "inline label") else None
        if inner is not None and (inner.rule == "chain" or inner.rule in ("via", "from_to") and ";" not in cue.value):
            return self._cue_steps(inner)  # "Tuyến diễu hành: A, qua các tuyến B - C, về A"

        if cue.rule == "prose" or (cue.rule in ("label", "inline label") and is_prose_route(fold(cue.value))):
            return self._prose_steps(crossings_kept(cue.value))  # "Lộ trình: Xuất phát từ A, đi theo đường B, …"
        if cue.rule in ("label", "inline label") and has_moves(fold(cue.value)):
            cue = dataclasses.replace(cue, value=_moving_sentences(cue.value))  # "… trở về trường. Dự kiến …"
        if cue.rule == "stretches":
            return self._stretch_steps(cue.value)
        if not cue.listed:
            return self._steps(cue.value)
        from paradeplan.importer.routes import listed_parts

        steps: list[RouteItem] = []
        if cue.start:
            first = self._step(cue.start)
            if first is not None:
                steps.append(RouteItem("place", first.name) if first.kind == "street" else first)
        for part in listed_parts(cue.value):
            step = self._step(part)
            if step is not None:
                steps.append(step)
        if cue.end:
            last = self._step(cue.end)
            if last is not None:
                steps.append(RouteItem("place", last.name, False, True, last.note))
        return steps

    def _route_lines(self, start: int) -> tuple[str, int]:
        """The steps on the lines from ``start`` (one line of steps, or an item a step), and the line after them."""
        items: list[str] = []
        notes = 0  # note items skipped ("3. Lưu ý: …"): lines of the list, no steps
        after_note: int | None = None  # the number the item after a note has, when the list goes on
        for f0 in self.lines[start : start + 60]:
            f = _unitemed(f0)
            if after_note is not None and _item_number(f0.low) != after_note:
                break  # "8. Ghi chú: …" the list's last item, then "4. Tổ chức thực hiện"
            after_note = None
            if items and f is not f0 and _note_item(f.low):
                notes += 1
                number = _item_number(f0.low)
                after_note = number + 1 if number is not None else -1
                continue
            turned = _turned_at_item(f) if items and f is not f0 else None
            if turned is not None:  # "8. Ngã tư A: vòng xoay quay lại đường B": A turned at, then B
                items.append(turned)
                continue
            if f is f0 and not items:  # the steps on one line of their own ("Lộ trình: A → B → C" a table made)
                # (or "A; đường B; đường C; đến D", "A, đường B, đường C": the separators a line of steps has, not
                # turn-by-turn prose "Từ A, đoàn ra đường B, rẽ phải vào đường C;", read as such)
                listed = any(len(rx.findall(f.text)) >= 2 for rx in _STEP_SEPARATORS) and not has_moves(f.low)
                if _ARROW_SPLIT.search(f.text) or len(_DASH_SPLIT.findall(f.text)) >= 2 or listed:
                    label = re.match(r"(?:lo trinh|hanh trinh)\s*:\s*", f.low)
                    steps = f.text[label.end() :] if label else f.text
                    below = self.lines[start + 1] if start + 1 < len(self.lines) else None
                    end = end_said(_unbullet(below)) if below is not None else None
                    if end is None:
                        return steps, start + 1
                    joint = " → " if _ARROW_SPLIT.search(steps) else " - "  # "Kết thúc tại D." on the line below
                    return f"{steps.rstrip(' .;')}{joint}{end} (kết thúc)", start + 2
                break
            label = STEP_LABEL.match(f.low)  # "- Điểm xuất phát: A", "- Điểm kết thúc: B"
            text = f.text[label.end() :] + (" (kết thúc)" if label.group("end") else "") if label else f.text
            at = _AT_JUNCTION_TURN.match(f.low)  # "- Nút giao A – B: rẽ trái vào B;": the turn is the step
            text = f.text[at.end(1) :] if at and not label else text
            if label_colon(text) >= 0 or len(text) > 160 or _HEADING.match(f0.low) and not _BULLET.match(f0.low):
                break
            if f is f0 and items or items and _numbered_after_bullets(self.lines[start].low, f0.low):
                break
            if label and not label.group("end"):  # "Điểm xuất phát: UBND Quận 12, đường A": the place, then A
                text = re.sub(r",\s*(?=(?:đường|phố|tuyến)\s)", " → ", text, count=1, flags=re.I)
            crossing = _CROSSING_ITEM.match(text)  # "Nút giao A – B (rẽ trái vào B);": from A into B
            if crossing is not None:
                along, into = crossing.group(1), crossing.group(2)
                said = bool(items) and fold(items[-1].rstrip(" ;.")).endswith(fold(along))
                text = into if said else f"{along} → {into}"  # (A said by the item above: B only)
            elif not items and (onto := _OUT_ONTO.search(text)) is not None:
                text = f"{text[: onto.start()]} → {text[onto.end() :]}"  # "Cổng trụ sở A ra đường B": A, then B
            items.append(text)
            if label and label.group("end"):
                break  # the last step
        return " → ".join(items), start + len(items) + notes

    def _steps(self, value: str) -> list[RouteItem]:
        from paradeplan.importer.routes import crossings_kept, dash_parts

        value = crossings_kept(
            _ROW_FIELDS.split(value.strip())[0].strip()
        )  # a table row's "… — Thời gian: 08 giờ 00" is no step
        corners = len(_CORNER_DASH.findall(value))  # "đến ngã tư Quang Trung – Thống Nhất thì rẽ trái …"
        if _ARROW_SPLIT.search(value):
            parts = _ARROW_SPLIT.split(value)
        elif corners and corners == len(_DASH_SPLIT.findall(value)) and has_moves(fold(value)):
            return self._prose_steps(value)  # prose whose only dashes join a junction's two streets
        elif _DASH_SPLIT.search(value):
            parts = dash_parts(value, _DASH_SPLIT)
        elif len(_HYPHEN_SPLIT.findall(value)) >= 1:
            parts = _HYPHEN_SPLIT.split(value)
        elif has_moves(fold(value)):  # turn-by-turn prose: "Từ A, đoàn xe chạy theo đường B, rẽ trái vào đường C …"
            return self._prose_steps(value)
        elif value.count(";") >= 2:  # "A; đường B; đường C; A"
            parts = value.split(";")
        elif len(re.findall(r"\s/\s", value)) >= 2:  # "A / B / C" ("30/4" is no separator)
            parts = re.split(r"\s/\s", value)
        elif value.count(",") >= 2:
            parts = value.split(",")
        else:
            return []
        if parts:  # the last step often runs into the next sentence, or a clause ("…, dừng chờ Khối 2")
            parts[-1] = _without_clause(re.split(r"\.\s+(?=\w)|;|\.$", parts[-1])[0])
        steps: list[RouteItem] = []
        for part in parts:
            turned = _TURN_AT_CORNER.search(fold(part))
            if turned and _CORNER.match(fold(part[: turned.start()]).strip()):
                steps.append(RouteItem("place", tidy(part[: turned.start()])))  # "→ nút giao A – B (rẽ phải) →":
                continue  # the corner the column turns at (left out between its two streets)
            back = self._back_in_bracket(part, part is parts[-1])  # "Lê Lợi (về lại điểm xuất phát)": then the start
            if back:
                steps += back
                continue
            if has_moves(fold(part)) and not _REACHED_ALONG.match(part):  # "rẽ phải vào đường A", "Từ … theo đường C"
                for moved in self._prose_steps(part):
                    if not (steps and steps[-1].kind == moved.kind == "street" and steps[-1].name == moved.name):
                        steps.append(moved)
                continue
            steps += self._steps_of_part(part)
        return _without_turning_corners(steps)

    def _back_in_bracket(self, part: str, last: bool) -> list[RouteItem]:
        """A street whose bracket says where the column goes back to ("Lê Lợi (về lại điểm xuất phát)", "đường A
        (trở về Trường B)" as the last step; "về" before a named place inside a route may only say which way): the
        street, then that place, the end (the start named by its role is named by :meth:`_back_to_start`); else
        nothing."""
        from paradeplan.importer.routes import is_start_again

        m = _BACK_IN_BRACKET.match(part.strip())
        head = self._step(m.group("street")) if m is not None else None
        if m is None or head is None or head.kind != "street":
            return []
        if is_start_again(m.group("back")):
            return [head, RouteItem("place", tidy(m.group("back")), False, True)]
        at = self._step(m.group("back")) if last else None
        return [head, RouteItem("place", at.name, False, True, at.note)] if at and at.kind == "place" else []

    def _steps_of_part(self, part: str) -> list[RouteItem]:
        """One listed step, or a street and the place it turns back at ("đường A (quay đầu tại vòng xoay B)"), or
        the names a comma separates inside a list of other separators ("A – B, C – D")."""
        lead = _STREETS_LEAD.match(fold(part))  # "đi lần lượt các tuyến đường A, B, C" between ";": A, B, C
        if lead is not None and lead.end() < len(part):
            from paradeplan.importer.routes import listed_parts

            return [s for p in listed_parts(part[lead.end() :]) for s in self._steps_of_part(p)]
        pieces = [p.strip() for p in re.split(r",\s*(?![^()]*\))", part) if p.strip()]
        if len(pieces) > 1 and all(p[:1].isupper() for p in pieces):
            return [s for p in pieces for s in self._steps_of_part(p)]
        m = _UTURN_NOTED.match(part)  # "đường A (quay đầu tại B)", "A (đến B quay đầu)", "A (tới B thì quay đầu)"
        street = self._step(m.group("street")) if m else None
        if m and street is not None and street.kind == "street":
            at = self._step(m.group("at") or m.group("reached"))
            return [street] + ([RouteItem("place", at.name, True, False, at.note)] if at is not None else [])
        reach = _THEN_REACHES.match(part)  # "Quang Trung, đến Trường A thì dừng, giải tán": the street, then A
        if reach is not None and (head := self._step(reach.group(1))) is not None and head.kind == "street":
            at = self._step(reach.group(2))
            return [head] + ([RouteItem("place", at.name, at.uturn, at.end, at.note)] if at is not None else [])
        via = _REACHED_ALONG.match(part)  # "Ngã tư Ga (theo đường Đỗ Mười)": the street, then where it leads
        if via is not None:
            along = self._step(via.group("street"))
            at = self._step(via.group("at"))
            if along is not None and along.kind == "street" and at is not None:
                junction = place_kind(at.name) in ("junction", "roundabout")  # a crossing: where the streets meet
                return [along] + ([] if junction else [at])
        step = self._step(part)
        return [step] if step is not None else []

    def _step(self, part: str) -> RouteItem | None:
        now = RENAMED.search(part)  # "Quốc lộ 1 (nay là đường Đỗ Mười)", "Quốc lộ 1A (đường Đỗ Mười)": the name now
        part = (now.group(1) or now.group(2)) if now is not None else part
        text = tidy(_SENTENCE_END.split(part, maxsplit=1)[0])  # "… chợ Lạc Quang. Chiều dài khoảng 11 km": no step
        if not text or len(text) > 150:
            return None
        low = fold(text)
        uturn = bool(_UTURN.search(low))
        end = bool(_END.search(low))
        notes = [tidy(n) for n in re.findall(r"\(([^()]*)\)", text)]
        notes = [
            n
            for n in notes
            if n
            and not _UTURN.search(fold(n))
            and not _END.search(fold(n))
            and not re.search(r"xuat phat|bat dau", fold(n))
        ]
        text = tidy(re.sub(r"\([^()]*\)?", " ", text))
        f = Folded.of(text)
        broken = _BREAKS_UP.search(f.low)  # "Kết thúc tại Trường A, các xe giải tán": the clause after A is no name
        text = tidy(text[: broken.start()]) if broken and broken.start() > 0 else text
        f = Folded.of(text)
        for rx in (_UTURN, _END, _END):  # "kết thúc, giải tán tại Chợ A": both words said
            m = rx.search(f.low)
            if m:
                text = tidy(text[: m.start()] + " " + text[m.end() :]).lstrip(" ,;")
                f = Folded.of(text)
        # "… B thì (giải tán)", "… B thì dừng, (giải tán)"
        text = re.sub(
            r"^(?:tại|tai|ở)\s+|\s+(?:tại|tai|thì(?:\s+dừng(?:\s+lại)?)?|dừng\s+lại)[\s,;.]*$", "", text, flags=re.I
        )
        text = re.sub(
            r"^CV\s+(?=[" + CAPITAL_LETTERS + r"])", "Công viên ", text
        )  # "CV Làng Hoa": a park, written short
        text = re.sub(
            r"^(?=(?:THCS|THPT|Tiểu học|Mầm non)\s+[" + CAPITAL_LETTERS + r"])", "Trường ", text
        )  # "THCS A": the school
        text = written_out_units(seat_name(_strip_words(text, ev.POSITION_WORDS, DIRECTION_WORDS)))
        f = Folded.of(tidy(text))
        for _k in range(2):
            m = _LEAD_WORDS.match(f.low)
            written = f.text[: m.end()].lower().split() if m else []
            if (
                m and len(f.low) > m.end() and all(w in _LEAD_WRITTEN or w == fold(w) for w in written)
            ):  # not "Tú Xương"
                f = Folded(f.text[m.end() :], f.low[m.end() :])
        text = _strip_words(tidy(f.text), ev.POSITION_WORDS)  # "Về lại sân UBND phường A": the UBND
        gate = _GATE.match(text)  # "Cổng UBND phường A": the UBND ("Công trường Mê Linh" is a square's name)
        text = text[gate.end() :] if gate and text[gate.end() : gate.end() + 1].isupper() else text
        if not text:
            return None
        if text in self.aliases:  # "QTSC", defined by the document as "Công viên phần mềm Quang Trung (QTSC)"
            notes.append(_("written '{name}'").format(name=text))
            self._as_written.setdefault(self.aliases[text], text)
            text = self.aliases[text]
        kind = place_kind(text)
        elsewhere = re.search(r"\([^()]*\b(?:tai|o)\s+\w[^()]*\)", fold(part))  # "(giải tán tại bãi xe …)"
        street = re.match(r"(?:duong|pho)\s+(?!so\b)", fold(text))  # "đường A (quay đầu cuối tuyến)": the street
        if kind is None and (uturn or end) and not elsewhere and not street:  # "Hồ Con Rùa (quay đầu)": the place
            kind = "other"
        note = "; ".join(notes) or None
        if kind is not None:
            return RouteItem("place", text, uturn, end, note)
        m = re.match(r"^(?:duong|d\.)(?!\s*(?:so\b|\d))\s*", fold(text))  # "Đường số 10", "Đường 3/2": names
        if m and text[:5].lower() not in ("đường", "duong") and not text.lower().startswith("đ."):
            m = None  # "Dương Thị Mười": the name's own first word
        name = tidy(text[m.end() :]) if m else text
        named = named_tail(name)  # "đoàn xe đi một vòng theo thứ tự Trường Chinh": the name the words lead to
        if named is not None:
            kind = place_kind(named)
            return RouteItem("place" if kind else "street", named, uturn, end, note)
        name = self.renamed.get(fold(name).replace(" ", ""), name)  # "Quốc lộ 1A" said before as "… (đường Đỗ Mười)"
        return RouteItem("street", capitalize(name), False, False, note) if name else None

    # -- forces ---------------------------------------------------------------------------------------
    def forces(self) -> None:
        """The vehicles: from the lines under a "Lực lượng …:" paragraph, else the section titled so ("2. Thành
        phần đoàn xe"), else every line; a total of the others ("Tổng số 18 xe", "Tổng cộng: 17 xe") is dropped,
        and a car or motorbike of the police ("xe ô tô của Công an") is the police's."""
        parted = self._parted_units()
        section = [f for f in self._forces_part_or_section() if not _of_units(f, parted)]
        found: list[Force] = []
        lineup: list[Force] = []  # the groups of lines that are no team's assignment
        for f in kind_count_rows(section):
            got = self._line_forces(_force_clauses(_unbullet(_count_aside(f))))
            if _team_line(f):
                got = _team_shares_dropped(got, lineup)
            else:
                lineup += got
            if _TOTAL_LINE.match(_unbullet(f).low) and _totals_of(got, found):
                continue  # "Tổng cộng đoàn có 12 xe hoa và 16 xe phục vụ." below the groups it adds up
            if _ONCE_PARADE_OVER.search(f.low) or _vehicles_go_on(f):  # "Sau khi kết thúc diễu hành, 02 xe loa …"
                told = [(y.kind, y.count, y.role, y.owner) for y in found]
                got = [x for x in got if not any(_told_before(x, t) for t in told)]
            found.extend(got)
        if not found:
            seen: set[tuple[str, int, str | None, str | None]] = set()
            duties = {id(f) for f in self._duty_lines()}
            rows = kind_count_rows([f for f in self.lines if not _of_units(f, parted)])
            for f in rows:  # a group told again on another line is one group, not a part
                line = self._line_forces(ev.clauses(_unbullet(f)))
                if _TOTAL_LINE.match(_unbullet(f).low) and _totals_of(line, found):
                    continue  # "Tổng số phương tiện: 05 xe hoa, 03 xe CSGT" after each block's vehicles
                # "01 xe cứu thương của Trạm Y tế" told again in the station's tasks ("Bố trí 01 xe cứu thương");
                # a unit's share in its tasks ("Trường A: chuẩn bị sân lễ, 02 xe hoa") of the column's 08 floats
                shares = id(f) in duties
                found += [
                    x
                    for x in line
                    if not any(_told_before(x, s) for s in seen) and not (shares and _share_of(x, found))
                ]
                seen |= {(x.kind, x.count, x.role, x.owner) for x in line}
        elif not any(x.kind in ("float", "loudspeaker") for x in found):
            found = self._column_told_elsewhere(section) + found
        if found and not any(x.kind in ("police_car", "motorbike") for x in found):
            found += self._police_listed_apart(section) or self._police_told_in_tasks(section)
        self.out.forces = _without_totals(_without_per_unit(found))

    def _police_listed_apart(self, section: list[Folded]) -> list[Force]:
        """A line-up without police vehicles and another paragraph that lists the police's own ("2. Phương tiện:" /
        "- 02 xe ô tô tuần tra CSGT;" / "- 11 xe mô tô của Công an các phường"): those ride with the column too."""
        out: list[Force] = []
        for lines in self._forces_paragraphs():
            for f in kind_count_rows([g for g in lines if not any(g is h for h in section)]):
                got = self._police_cars(f, self._line_forces(_force_clauses(_unbullet(f))))
                out += [x for x in got if of_police(x)]
        return out

    def _police_told_in_tasks(self, section: list[Folded]) -> list[Force]:
        """A line-up without police vehicles and the police's task that gives theirs ("3. Công an phường: bố trí 01
        xe ô tô dẫn đoàn và 06 xe mô tô đi kèm hai bên đoàn"): those ride with the column too."""
        out: list[Force] = []
        for f in self._duty_lines():
            if any(f is g for g in section):
                continue
            unit = _unbullet(f).low.split(":", 1)
            if len(unit) < 2 or not _POLICE.search(unit[0]):
                continue  # the task of another unit, or no unit named before it
            got = self._police_cars(f, self._line_forces(ev.clauses(_unbullet(f))))
            out += [x for x in got if x.kind in ("police_car", "motorbike")]
        return out

    def _parted_units(self) -> list[str]:
        """The units whose own group leaves the column where it splits, below its route ("b) Nhóm 2 – phường B:
        rẽ trái …"), other than the document's own (folded): their vehicles go with them, not in its column."""
        i, area = self._route_line, self.out.area
        if i is None or not area:
            return []
        own = whole_words(fold(area))
        heads = [GROUP_HEAD.match(_unbullet(f).low) for f in self.lines[i + 1 : i + 6]]
        return [m.group("unit").strip() for m in heads if m is not None and not own.search(m.group("unit"))]

    def _duty_lines(self) -> list[Folded]:
        """The lines of the sections that assign tasks to units ("VI. PHÂN CÔNG", "III. TỔ CHỨC THỰC HIỆN")."""
        return [
            f for i, f in enumerate(self.lines) if any(_DUTIES_HEAD.search(sec.title.low) for sec in self.doc.path(i))
        ]

    def _of_past_year(self, f: Folded) -> bool:
        """Whether a line tells of a year before the document's ("Kết quả năm 2023: …", "năm 2024, các phường …")
        and of none of its own; a past year said only in a bracket is an aside of a line about this year's."""
        aside = ev.BRACKETED.sub(" ", f.low)  # "…, 10 xe mô tô CSGT (năm 2023 đoàn có 20 mô tô)": an aside
        years = {int(y) for y in re.findall(r"\bnam\s+(\d{4})\b(?!\s*[-–]\s*\d{4})", aside)}
        own = self.year is not None and (
            self.year in years or any(d.as_date.year == self.year for d in find_dates(f.low, self.year))
        )
        return self.year is not None and bool(years) and max(years) < self.year and not own

    def _participants(self) -> None:
        """A parade on foot or by bicycle, as its name, its title, its route or the sections that hold its route say
        ("2. Đi bộ cổ động …", "Hành trình đạp xe …"), and how many take part ("khoảng 160 em", "250 đoàn viên … với
        xe đạp cá nhân") in those sections or in a line that says how they travel."""
        from paradeplan.importer.participants import Participants, people_count, travel_mode

        out = self.out
        if not out.route:
            return
        path = self.doc.path(self._route_line) if self._route_line is not None else ()
        titles = [self.lines[i].low for i in sorted(self.title_lines) if i < len(self.lines)]
        said = [fold(out.parade_name or ""), *titles, *(s.title.low for s in path), fold(out.route_text or "")]
        kind = travel_mode(" ".join(said))
        if kind is None:
            return
        own = [b.body.low for _p, x in path[-1].walk() for b in x.blocks] if path else []
        told = [f.low for f in self.lines if travel_mode(f.low) == kind]
        out.participants = Participants(kind, people_count(own + told), tidy(out.parade_name or out.route_text or ""))

    def _line_forces(self, clauses: list[Folded]) -> list[Force]:
        """The vehicles of a line's clauses; a clause that gives a kind's total after its parts ("…, các trường 05
        xe; tổng cộng 20 xe hoa") is that kind's count, not one group more."""
        out: list[Force] = []
        past = False  # a sentence told of a past year goes on over ";" ("Năm 2023, … thu hút …; đoàn có 12 xe hoa.")
        for k, c in enumerate(clauses):
            goes_on = (
                k > 0
                and clauses[k - 1].text.rstrip().endswith(";")
                and not re.search(r"\bnam\s+(?:nay|\d{4})\b", c.low)
            )
            past = self._of_past_year(c) or (past and goes_on)  # (not "…; năm nay có 15 xe hoa")
            if past:
                continue  # "Năm 2024, phường … có tổng cộng 11 xe hoa tham gia diễu hành": last year's
            got = self._force_line(_unbullet(c))
            said = " ".join(x.low for x in clauses[k : k + 2])  # "…; các xe này không tham gia đoàn diễu hành"
            if _NOT_IN_COLUMN.search(said):
                got = [dataclasses.replace(x, role="support") if x.role is None else x for x in got]
            total = self._total_first(_unbullet(c), got)  # "tổng cộng 05 xe hoa. 01 xe phát thanh …": the floats'
            if total is not None and any(x.kind == total.kind for x in out):
                out = [x for x in out if x.kind != total.kind]
            raised = _RAISED_TO.search(c.low)  # "Bổ sung 01 xe hoa …, nâng tổng số xe hoa tham gia lên 04 xe": 4 in all
            if raised is not None:
                kind = _kind_of(raised.group("what"))
                label = capitalize(tidy(c.text[raised.start("what") : raised.end("what")]))
                got = [x for x in got if x.kind != kind] + [Force(kind, int(raised.group("n")), None, None, label)]
                out = [x for x in out if x.kind != kind]
            out.extend(got)
        return out

    def _total_first(self, c: Folded, got: list[Force]) -> Force | None:
        """The group a clause opening with a total counts ("tổng cộng 05 xe hoa"), also when a sentence of other
        vehicles follows it in the clause ("tổng cộng 05 xe hoa. 01 xe phát thanh lưu động đi đầu đoàn")."""
        if not _TOTAL_FIRST.match(c.low) or not got:
            return None
        if len(got) == 1:
            return got[0]
        stop = _NEXT_SENTENCE.search(c.low)
        head = self._force_line(Folded(c.text[: stop.start()], c.low[: stop.start()])) if stop else []
        return head[0] if len(head) == 1 else None

    def _column_told_elsewhere(self, section: list[Folded]) -> list[Force]:
        """A forces section of escorts only (a police plan's cars and officers) and the column's own floats told in
        another paragraph ("Đoàn xe gồm 16 xe hoa của phường …, diễu hành vào lúc …"): those floats too."""
        out: list[Force] = []
        listed = False  # the bullets under "Đoàn xe diễu hành gồm:"
        for i, f in enumerate(self.lines):
            under = i > 0 and _column_lists(self.lines[i - 1])
            listed = _BULLET.match(f.low) is not None and (under or listed)
            if any(f is g for g in section):
                continue
            labelled = _COLUMN_LABEL.match(_unbullet(f).low) is not None  # "2. Quy mô: 400 người …; 05 xe hoa; …"
            labelled = labelled or listed
            # (or a line under the heading "3. Quy mô")
            labelled = labelled or any(_COLUMN_LABEL.match(f"{s.title.low.strip(' .:')}:") for s in self.doc.path(i))
            # under "2. Quy mô đoàn xe" the column's other vehicles too ("01 xe cứu thương … đi cuối đoàn")
            kinds = ("float", "loudspeaker", "other") if labelled else ("float", "loudspeaker")
            for c in ev.clauses(_unbullet(f)):
                if labelled or _COLUMN_HAS.search(c.low):
                    total = (
                        re.search(r"\btong\s+(?:cong|so)\b", c.low) is not None
                    )  # "…; tổng cộng 12 xe": no vehicle of its own
                    out += [
                        x
                        for x in self._force_line(_unbullet(c))
                        if x.kind in kinds and not (total and x.kind == "other")
                    ]
        return out

    def _forces_part_or_section(self) -> list[Folded]:
        """The lines under a "Lực lượng …:" paragraph, or the section titled as the forces when that paragraph is
        one of its parts ("IV. PHƯƠNG TIỆN THAM GIA" / "1. Xe hoa, xe loa của các đơn vị:" / "2. Lực lượng dẫn
        đoàn:": the floats of the first part are the column's too)."""
        part = self._forces_lines()
        for whole in self._forces_sections() if part else []:
            held = {x.low.strip() for x in whole}
            if len(whole) > len(part) and all(_unbullet(g).low.strip() in held for g in part):
                return whole  # (that section's own lines, not another's titled so: "III. TỔ CHỨC LỰC LƯỢNG")
        return part or self._forces_section()

    def _forces_lines(self) -> list[Folded]:
        """The lines under the first paragraph "Lực lượng tham gia:" / "Phương tiện:" (bullets or counted lines) that
        counts vehicles: not one that only names the column's blocks ("Đội hình gồm 02 khối:" / "- Khối A …")."""
        paragraphs = self._forces_paragraphs()
        return next((p for p in paragraphs if _counts_vehicles(p)), next(iter(paragraphs), []))

    def _forces_paragraphs(self) -> list[list[Folded]]:
        """The lines under each paragraph "Lực lượng tham gia:" / "Phương tiện:" (bullets or counted lines), in
        document order."""
        found: list[list[Folded]] = []
        for i, f0 in enumerate(self.lines):
            f = _unbullet(f0)
            if (
                _FORCES_HEAD.search(f.low[:40])
                and len(f.low) < 120
                and f.low.rstrip().endswith(":")
                and not _FORCE_INLINE.search(f.low)
            ):
                section: list[Folded] = []
                for g0 in self.lines[i + 1 : i + 40]:
                    if _BULLET.match(g0.low) or _FORCE_INLINE.search(g0.low) or _FORCE_LABEL.match(g0.low):
                        if _HEADING.match(g0.low) and not _FORCE_INLINE.search(g0.low):
                            break
                        if (
                            section
                            and _sibling_item(f0.low, section[0].low, g0.low)
                            and not _FORCE_INLINE.search(g0.low)
                        ):
                            break  # "- Phương tiện:" over "+" items, then "- Lộ trình: …": the paragraph has ended
                        section.append(g0)
                    else:
                        break
                if section:
                    found.append(section)
        return found

    def _forces_section(self) -> list[Folded]:
        """The blocks of the sections titled as the forces ("2. Thành phần đoàn xe", "3. Phương tiện tham gia"),
        with their subsections' ("a) Phương tiện do các phường chuẩn bị", "b) Phương tiện dẫn đoàn, hỗ trợ")."""
        return [f for lines in self._forces_sections() for f in lines]

    def _forces_sections(self) -> list[list[Folded]]:
        """The blocks of each section titled as the forces that counts vehicles, with its subsections'."""
        found: list[list[Folded]] = []
        taken: set[int] = set()
        for path, sec in self.doc.sections():
            if any(p.line in taken for p in path):
                continue
            title = _annex_caption(sec)
            if _FORCES_HEAD.search(title.low[:40]) and not _FORCE_INLINE.search(title.low):
                own = _lines_under(sec, self.lines)
                if any(_FORCE_INLINE.search(x.low) for x in own):
                    found.append(own)
                    taken.add(sec.line)
        return found

    def _force_line(self, f: Folded) -> list[Force]:
        f = _digits_written(f)  # "mười hai (12) xe hoa": 12
        low = f.low
        for t in find_times(low):  # "đúng 7 giờ 15 đoàn xe xuất phát": a time's minutes count no vehicles
            if not re.search(r":(?!\d)", low[t.start : t.end]):  # "Quận 12: 01 xe" is a label; "6:30" a time
                low = low[: t.start] + " " * (t.end - t.start) + low[t.end :]
        f = Folded(*count_first(f.text, low))  # "xe hoa 08 chiếc": "08 xe hoa"
        if len(f.low) > 600 or act.PRICED.search(f.low):
            return []  # "thuê 05 xe hoa, đơn giá 8.000.000 đồng": a cost, not vehicles of the column
        label = _FORCE_LABEL.match(f.low)
        if label and _counts_people(f.low[label.end("count") :]):
            label = None  # "Tổ 4 (bảo vệ lễ, giữ xe đại biểu): 16 đồng chí": people, not vehicles
        if label and _FORCE_INLINE.search(label.group("label")):
            label = None  # "Tổng số 30 xe, gồm: 20 xe hoa …": a total before its parts, not a label
        if (
            label
            and _kind_of(label.group("label")) == "other"
            and _FORCE_INLINE.match(f.low, label.start("count"))
            and not re.match(r"\s*(?:xe|o to|mo ?to)\b", label.group("label"))  # "Xe ô tô dẫn đoàn: 01 xe"
        ):
            label = None  # "Thành phần đoàn xe: 03 xe hoa (…); 01 xe mô tô …": the label names the list, not a kind
        if label and _groups_listed(f.low[label.start("count") :]):
            label = None  # "Xe hoa: 01 xe hoa của quận đi đầu và 16 xe hoa của 16 phường": each group it lists
        listed = f.low[label.start("count") : label.start("count") + 24].split(",")[0] if label else ""
        if label and _BARE_LIST.fullmatch(label.group("label")) and _kind_of(listed) != "other":
            label = None  # "Xe: 3 xe hoa (…), 1 xe loa, …": a bare label over a list of kinds
        if label and re.search(r"\bxe\b|mo ?to|o to", label.group("label")):
            count = _count(label.group("count"))
            rest = Folded(f.text[label.end() :], f.low[label.end() :])
            phrase = Folded(f.text[: label.end("label")], label.group("label"))
            return self._police_cars(f, self._force(count, phrase, rest))
        masked = _breakdowns_masked(f.low)
        matches = [
            m
            for m in _FORCE_INLINE.finditer(masked)
            if ev.number_word_as_written(f.text[m.start(1) : m.end(1)], f.text)
            and not _in_a_name(f.text, m.start(1))
            and not past_year_said(masked, m.start(), self.year)  # "Năm ngoái … đi 2 xe hoa": that year's
        ]
        out: list[Force] = []
        whole = pending = None
        for k, m in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(f.low)
            count = _count(m.group(1))
            if masked.rfind("(", 0, m.start()) > masked.rfind(")", 0, m.start()):  # "(khoảng 40 xe) đi sau xe hoa":
                close = masked.find(")", m.end())  # a count in a bracket counts what the bracket follows
                end = min(end, close) if close >= 0 else end
            scope = Folded(f.text[m.end(1) : end], f.low[m.end(1) : end])
            parts = [_count(x.group(1)) for x in matches[k + 1 :]]
            if re.search(r"\b(?:gom|bao gom|trong do|cu the)\b|:\s*$", scope.low) and parts and sum(parts) == count:
                whole = next(iter(self._force(count, scope, scope)), None)
                continue  # "Tổng số 30 xe, gồm: 20 xe hoa và 10 xe mô tô": a total is not a group of its own
            said_total = TOTAL_SAID.search(masked[: m.start()]) is not None  # "tổng cộng 16 xe hoa (…)"
            got = _kind_from(self._force(count, scope, scope, said_total), whole)
            total = _TOTAL_AFTER.search(masked[: m.start()]) and all(x.kind == "other" for x in got)
            if total and out and count == sum(x.count for x in out):
                continue  # "3 xe hoa, 1 xe loa, 2 mô tô => tổng 6 xe": a total after its parts
            got = _as_said_before(got, f, masked, m, scope)
            if pending is not None and len(got) == 1:  # "01 xe ô tô và 02 xe mô tô của Công an dẫn đoàn": both
                out[-1] = _shared_tail(pending, got[0])
            pending = got[0] if len(got) == 1 and coordinated(scope.low, got[0].kind, got[0].role) else None
            out.extend(got)
        kind_label = re.match(r"^\s*(?P<label>(?:xe|mo ?to|o to)\b[^:]{0,30}):", f.low)
        kind = _kind_of(kind_label.group("label")) if kind_label else "other"
        if kind != "other":  # "Xe hoa: mỗi khu phố 01 xe, các trường 05 xe; tổng cộng 20 xe hoa": floats, all
            out = [
                dataclasses.replace(x, kind=kind) if x.kind == "other" and _BARE_XE.match(_unowned(x.label)) else x
                for x in out
            ]
        return self._police_cars(f, out)

    def _police_cars(self, f: Folded, out: list[Force]) -> list[Force]:
        """The cars of a clause about the police, or of a police unit's own plan, are police cars; a plain car
        elsewhere ("01 xe ô tô hậu cần đi cuối đoàn", "Xe ô tô dẫn đầu") is a car."""
        if _POLICE.search(f.low) or self._police_issuer:
            out = [dataclasses.replace(x, kind="police_car") if _police_car_said(x) else x for x in out]
        return [dataclasses.replace(x, kind="car") if _plain_car(x) else x for x in out]

    @property
    def _police_issuer(self) -> bool:
        """Whether the document is a police unit's own (its issuer, the header's first lines, is the police)."""
        return any(_POLICE.search(f.low) for f in self.lines[:3])

    def _force(self, count: int, phrase: Folded, rest: Folded, said_total: bool = False) -> list[Force]:
        if count < 1:
            return []
        if count > 10000:
            said = _("{n} vehicles in '{text}' is not believable").format(n=count, text=tidy(phrase.text)[:60])
            self.out.unresolved.append(f"forces: {said}")
            return []
        stop = re.search(r"[(,;.]|\s(?:va|voi|gom|de)\s", phrase.low)
        head_end = stop.start() if stop else len(phrase.low)
        head = Folded(phrase.text[:head_end], phrase.low[:head_end])
        kind = _kind_of(head.low)
        named = re.match(r"\(\s*(xe\s[^()]{2,40})\)", phrase.low[head_end:])
        if kind == "other" and named is not None and _kind_of(named.group(1)) != "other":
            kind = _kind_of(named.group(1))  # "01 xe mô hình “Cá chép” (xe hoa Trung thu)": the kind the bracket says
        owner = None
        m = re.search(r"\b(?:cua|thuoc|do)\s+", head.low)
        if m:
            cut = _OWNER_END.search(head.low, m.end())
            owner = tidy(head.text[m.end() : cut.start() if cut else len(head.text)]) or None
        label = tidy(head.text)
        if not re.match(r"(?:chiec|cai|doan)?\s*(?:xe|o to|mo ?to)", head.low.strip()):
            label = "xe " + label
        parens = re.findall(r"\(([^()]*)\)", rest.text)
        role = _role_of(head.low)
        owner_said = re.match(r"\s*\([^()]*\)", phrase.low[head_end:])  # "Xe ô tô dẫn đoàn (Văn phòng …)"
        said = head.low + " " + re.split(r"[(;.]", rest.low, maxsplit=1)[0]
        kind = _council_lead_car(kind, role, said + (" " + owner_said.group(0) if owner_said else ""))
        for p in parens:
            split = bracket_parts(p, fold(p), count, ev.NUMWORDS)
            if split is not None and (said_total or owners_only(split) or places_only(split)):
                break  # "tổng cộng 16 xe hoa (…)", "02 xe loa (01 xe của A, 01 xe của B)": the total is the group
            if split is not None:  # "12 xe hoa (01 xe của quận, 11 xe của 11 phường)": the parts, not the total
                return [_part_force(kind, x, owner, label) for x in split]
        for p in parens:
            items = list(
                re.finditer(r"(?<![\d/])\b" + _COUNT + r"\b\s*(?:chiec\s+|cai\s+)?(?:xe\s+)?([^,;]+)", fold(p))
            )
            roles = [(_count(x.group(1)), _role_of(x.group(2)), tidy(p[x.start(2) : x.end(2)])) for x in items]
            if roles and all(r for _n, r, _t in roles):
                total = sum(n for n, _r, _t in roles)
                if total > count:
                    said = _("the breakdown of '{label}' ({total}) exceeds its count ({count}); kept whole")
                    self.out.unresolved.append("forces: " + said.format(label=label, total=total, count=count))
                    break
                out = [Force(kind, n, r, owner, label, txt) for n, r, txt in roles]
                if total < count:
                    out.append(Force(kind, count - total, None, owner, label, None))
                return out
            if role is None and not items:
                role = _role_of(fold(p))
                if role:
                    return [Force(kind, count, role, owner, label, tidy(p))]
        if owner is None and len(parens) == 1 and _UNIT_OWNER.fullmatch(fold(parens[0]).strip()):
            owner = tidy(parens[0])  # a table's row "Phường Thạnh Lộc | 1 | 2" read as "1 Xe loa (Phường Thạnh Lộc)"
        return [Force(kind, count, role, owner, label, None)]

    # -- other facts ----------------------------------------------------------------------------------
    def misc(self) -> None:
        out = self.out
        for f in self.lines:
            if out.speed_limit_kmh is None and _SPEED_CONTEXT.search(f.low):
                m = _SPEED.search(f.low)
                if m:
                    values = [float(v) for v in m.groups() if v]
                    if values and 0 < max(values) <= 200:
                        out.speed_limit_kmh = max(values)
            if out.no_leaving_before_end is None and _NO_LEAVING.search(f.low):
                out.no_leaving_before_end = True
            m2 = _OWN_ROUTE.search(f.low)
            if m2 and out.own_route_owner is None and re.search(r"sau khi|ket thuc", f.low):
                word = m2.group(1) or "phuong"
                out.own_route_owner = {
                    "phuong": "phường",
                    "xa": "xã",
                    "don vi": "đơn vị",
                    "dia phuong": "địa phương",
                }.get(word, word)
        for f in self.lines:
            m = re.search(r"\b(?:dieu hanh|dien hanh)\s+(?:xe|doan xe|doan)\b", f.low)
            if m:
                stop = re.search(r"\s(?:tren dia ban|voi chu de|tai)\b|[,:;.(]|\s[—–]\s", f.low[m.start() :])
                end = m.start() + stop.start() if stop else len(f.low)
                name = tidy(f.text[m.start() : end])
                if 6 <= len(name) <= 160:
                    out.parade_name = capitalize(name)
                    break

    def deadlines(self) -> None:
        out = self.out
        for i, f in enumerate(self.lines):
            if self._row_deadline(i, f) or self._due_on_heading_day(i, f):
                continue
            duties = any(_DUTIES_HEAD.search(sec.title.low) for sec in self.doc.path(i))
            for c in ev.clauses(f):
                # a task said due "chậm nhất ngày …" whatever it is ("phát hành giấy mời đại biểu chậm nhất ngày 26/9")
                report = _DEADLINE_CONTEXT.search(c.low) is not None or _DUE_SAID.search(c.low) is not None
                due_by = _BEFORE_DAY.search(c.low) or self._due_by_hour(c)
                asked = _ASKED_OF.match(c.low) is not None  # "Đề nghị UBND các phường thông báo … trước ngày 03/10"
                if not report and not _TASK_DUE.search(c.low) and not ((duties or asked) and due_by):
                    continue  # (a unit's task "trước ngày …" in the section that assigns tasks is one due then)
                if _PERSONS_DUE.match(c.low):
                    continue  # "Quý Cha mẹ vui lòng ký phiếu … gửi lại … trước ngày 28/9": no unit's term
                for x in self.dates(c):
                    by = _BEFORE_DAY.search(c.low[: x.end]) or self._due_by_hour(
                        Folded(c.text[: x.end], c.low[: x.end])
                    )
                    if not report and _task_due(c, x.start) is None and not by:
                        continue  # "… trong ngày 01/10, hoàn thành trước 11 giờ": the task is not due by that date
                    before = c.low[max(0, x.start - _DEADLINE_REACH) : x.start]
                    if _WITHIN_DAY.search(c.low[: x.start + 5]) and not _DEADLINE_CONTEXT.search(c.low, 0, x.start):
                        continue  # "chủ động thời gian, địa điểm trong ngày 02/10 và báo cáo về Sở": when it is held
                    moved = _TERM_MOVED_TO.search(c.low[: x.start])  # "… điều chỉnh từ ngày A thành ngày B": B
                    label = _TERM_LABEL.match(c.low)  # "- Deadline DS xe: 17h00 T4 01/10": its value's date
                    label = label if label is not None and label.end() <= x.start <= label.end() + 30 else None
                    if label is not None and re.search(r"\btu\s+(?:ngay\s+)?$", c.low[: x.start]):
                        label = None  # "Thời hạn …: điều chỉnh từ ngày 26/9 sang …": the old term
                    if not (
                        moved
                        or label is not None
                        or _DEADLINE_BEFORE.search(before)
                        or (c.low[x.start : x.start + 4] == "ngay" and re.search(r"(truoc|cham nhat|han)\s*$", before))
                        or re.match(r"(?:truoc|cham nhat|han)\b", c.low[x.start :])  # "trước 30/9": its own lead
                    ):
                        continue
                    named = _task_due(c, x.start)  # "Hoàn thành trang trí xe hoa"; not a bare "hoàn thành"
                    said = _task_said(c, x.start)
                    if said is None or _TASK_DUE.fullmatch(fold(said)):  # "Xây dựng kịch bản …, hoàn thành trước …"
                        at = f.low.find(c.low)
                        said = _task_said(f, at + x.start) if at >= 0 else said
                    bare = named is None or _TASK_DUE.fullmatch(fold(named)) is not None
                    what, to = (None if bare else named) or said or named, None
                    what = what or "Báo cáo"
                    if label is not None and tidy(c.text[label.start("what") : label.end("what")]):
                        what = capitalize(tidy(c.text[label.start("what") : label.end("what")]))[:100]  # the label's
                    b = re.search(r"\bbao cao\b", c.low[: x.start])
                    if b:
                        stop = re.search(
                            r"\s(?:ve|gui|toi|cho|den|truoc|theo|tai|thong qua|tren dia ban|va|de|dong)\b"
                            r"|[(,:;]",
                            c.low[b.end() : x.start],
                        )
                        end = b.end() + stop.start() if stop else x.start
                        end = min(end, moved.start("move")) if moved and moved.start("move") > b.end() else end
                        what = capitalize(tidy(c.text[b.start() : end]))[:100] or what
                        tos = list(re.compile(r"\b(?:gui ve|ve|gui|toi)\s+").finditer(c.low, b.end(), x.start))
                        if tos:
                            tom = tos[-1]
                            stop2 = re.search(
                                r"\s(?:truoc|theo|thong qua|de|dong thoi)\b|[(,;:]",
                                c.low[tom.end() : x.start],
                            )
                            tend = tom.end() + stop2.start() if stop2 else x.start
                            to = tidy(c.text[tom.end() : tend]) or None
                    due = x.as_date
                    assert isinstance(due, date)
                    if not any(d.due == due and d.what == what for d in out.deadlines):
                        out.deadlines.append(DeadlineFact(what, due, to, line=i))

    def _not_others(self, facts: ev.EventFacts) -> list[ev.CeremonyEvent]:
        """The ceremonies without those other units hold (:func:`events.others_untimed`, :func:`events.others_held`,
        on another day than the parade's: a police notice's ceremony before the column it secures leaves is kept) and
        those told only for the readers to know (:func:`events.told_to_know`)."""
        out = self.out
        told = ev.others_untimed(facts.ceremonies, facts.issuer_units, facts.officials)
        told = ev.told_to_know(told, facts.officials)
        day = out.assembly_date or out.departure_date
        return ev.others_held(told, facts.issuer, facts.issuer_units, day, self._line_text)

    def _line_text(self, index: int) -> str:
        """The text of the document's line ``index`` (an event's line), or "" past its end."""
        return self.lines[index].text if 0 <= index < len(self.lines) else ""

    def _due_by_hour(self, c: Folded) -> bool:
        """Whether a clause gives a task a clock time on a day that is not the parade's to be done by ("nhận video
        dự thi trước 17 giờ 00 ngày 03/10"): due that day; on the parade's day it is an hour to be ready by ("xe hoa
        tập trung … trước 06 giờ 30 ngày 05/10"), no term."""
        days = {self.out.assembly_date, self.out.departure_date}
        return any(_BEFORE_HOUR.search(c.low[: x.start]) and x.as_date not in days for x in self.dates(c))

    def _officials(
        self, body: list[ev.Line], ceremonies: list[ev.CeremonyEvent], inv: Invitation | None
    ) -> list[ev.OfficialFact]:
        """Who attends which ceremony: the officials the text sends ("<who> dự … tại …"), then what each reader of
        :mod:`paradeplan.importer.attend` finds, merged in; an invitation's invitees last; names written short in
        full."""
        officials = ev.read_officials(body)
        named = {fold(o.name) for o in officials}
        officials += [o for o in ev.sole_guests(body, ceremonies) if fold(o.name) not in named]
        for read in _ATTENDANCE_READERS:
            officials = attend.merged(officials, read(self.doc, ceremonies), ceremonies)
        performers = attend.programme_performers(self.doc, ceremonies, self.dates_of)
        officials = attend.merged(officials, performers, ceremonies)
        if inv is not None:
            officials = attend.merged(officials, invitees_attend(inv, ceremonies))
        missed = attend.absences(self.doc, ceremonies)
        officials = attend.without_absent(officials, ceremonies, missed)
        for e in ceremonies:
            e.guests = attend.present_guests(e, missed)
        given = attend.full_by_given(self.lines)  # read once for the guests and the officials
        attend.guests_in_full(ceremonies, given)
        return attend.full_names(officials, given)

    def _due_on_heading_day(self, i: int, f: Folded) -> bool:
        """A work calendar's item that is a term, dated by the day heading above it ("THỨ SÁU (03/10)" over "-
        Chiều: 16h30 Hạn cuối các khu phố nộp danh sách học viên …", "+ 17h00: Hạn chót gửi báo cáo …"): the task
        due that day."""
        m = _TERM_ITEM.match(f.low)
        if m is None or self.dates(f) or not _DEADLINE_CONTEXT.search(f.low, m.end()):
            return False
        day = when.event_day(self.doc, i, None, self.dates_of)
        if day is None or day.source != "heading" or not isinstance(day.value, date):
            return False
        task = re.split(r"[;.(]", f.text[m.end() :])[0]
        verb = _TASK_VERB.search(fold(task))  # "Hạn cuối các khu phố nộp danh sách …": who, then the task
        who = tidy(task[: verb.start()]) if verb is not None else ""
        what = capitalize(tidy(task[verb.start() :] if verb is not None else task))[:100] or "Báo cáo"
        if not any(d.due == day.value and d.what == what for d in self.out.deadlines):
            self.out.deadlines.append(DeadlineFact(what, day.value, None, capitalize(who) or None, line=i))
        return True

    def _row_deadline(self, i: int, f: Folded) -> bool:
        """A table's row of a task and its term ("Xây dựng kế hoạch …, gửi về Phòng GD&ĐT — Đơn vị thực hiện: UBND
        các xã; Thời hạn: Trước ngày 28/9/2021."): the task due by the term's date, for the unit the row names."""
        m = _ROW_TERM.search(f.low) or _row_time_term(f)
        if m is None:
            return False
        due = [x for x in self.dates_of(f.low[m.end() :]) if x.start < 40]
        term = f.low[m.end() :]
        # "Trước ngày 28/9", "chậm nhất 02/10", a day alone ("ngày 11/10/2024"); not "trong ngày 03/10" (the day a
        # duty is done), "02/10 và 05/10" (days of work) nor "14 giờ 00, 27/9" (a meeting's hour)
        lead = re.match(r"\s*(?:truoc|cham nhat|han|het|trong\b(?!\s+ngay))", term) or _DAY_ALONE.match(term)
        lead = lead or _TASK_THEN_TERM.match(term)  # "Thời hạn: Nộp kịch bản trước 28/9/2023"
        if not due or lead is None or _REHEARSAL_OR_MEETING.search(f.low[: m.start()]):
            return bool(due)
        named = _TASK_LABEL.search(f.low, 0, m.start())  # "Bộ phận: A; Nhiệm vụ: …; Thời hạn: …": the task's field
        end = m.start("task") if m.group("task") else m.start()
        task = capitalize(tidy(f.text[named.end() : end] if named else f.text[:end]))[:100]
        unit = ev.labelled_fields(f).get("host")
        who = tidy(unit.text) if unit is not None else None
        if who is None and (owner := _OWNER_LABEL.match(f.low)) is not None:  # "Bộ phận: Tổ Thư viện; …"
            who = tidy(f.text[owner.start(1) : owner.end(1)])
        if not any(d.due == due[0].as_date and d.what == task for d in self.out.deadlines):
            self.out.deadlines.append(DeadlineFact(task, due[0].as_date, None, who, line=i))
        return True

    def events(self) -> None:
        """Hosts of ceremonies and activities, officials, slogans and report requests (``importer.events``)."""
        out = self.out
        body = [ln for ln in ev.structure(ev.body_lines(self.lines)) if ln.body.text.strip()]
        facts = ev.EventFacts()
        facts.issuer, facts.issuer_units = ev.read_issuer(self.lines)
        facts.stance = stance(self.lines, out.document_date, self.year)
        facts.ceremonies, facts.undated_ceremonies = ev.read_ceremonies(
            body, self.dates_of, self.doc, self.title_lines | subject_lines(self.lines)
        )
        facts.ceremonies = self._amended(facts.ceremonies)
        self._hours_corrected(facts.ceremonies)
        self._hours_moved(facts.ceremonies)
        moved = amended_ceremony(self.lines, self.dates_of)  # "V/v điều chỉnh thời gian … Lễ khai mạc" / "Thời gian
        if moved is not None and not any(c.date == moved.date and c.time == moved.time for c in facts.ceremonies):
            # mới: …": the letter's one ceremony; a body's line that took these fields for itself is no other one
            facts.ceremonies = [moved, *(c for c in facts.ceremonies if (c.time, c.place) != (moved.time, moved.place))]
        self._told_under_title(facts.ceremonies)
        facts.ceremonies = self._moved_by_later_notice(facts.ceremonies)
        inv = read_invitation(self.lines, self.dates_of, self.layout.splitlines())
        if inv is not None and inv.meeting and facts.stance is None:
            facts.stance = Stance("meeting", inv.subject)  # "GIẤY MỜI / Họp triển khai …": no ceremony of its own
            facts.ceremonies = []
        elif inv is not None and inv.ceremony is not None and not any(c.time for c in facts.ceremonies):
            facts.ceremonies = [inv.ceremony]  # "GIẤY MỜI / Dự Lễ khai mạc …" with the letter's time and venue
        elif inv is not None and inv.ceremony is not None and not any(_told(c, inv.ceremony) for c in facts.ceremonies):
            # the letter's own ceremony, and another its body tells ("Ngoài ra, … tổ chức Lễ ra mắt … vào 14 giờ")
            facts.ceremonies = [inv.ceremony, *(c for c in facts.ceremonies if c.time or c.place)]
        facts.ceremonies = attend.without_mentions(facts.ceremonies, self.doc)
        when.date_ceremonies(facts.ceremonies, self.doc, self.dates_of, self.title_lines)
        facts.ceremonies = ev.merged_mentions(facts.ceremonies)  # mentions dated only by their day's heading
        facts.ceremonies = ev.upcoming(facts.ceremonies, out.document_date)
        ev.own_school(self.lines, facts.ceremonies)
        self._on_the_parade_day(facts.ceremonies)
        self._part_of_a_place(facts.ceremonies)
        for c in facts.ceremonies:  # "TTHTCĐ P. Vĩnh Hải": "TTHTCĐ Phường Vĩnh Hải", the name the plan shows
            c.place = written_out_units(c.place) if c.place and _UNIT_SHORT_AFTER.match(fold(c.place)) else c.place
        self._where_they_gather(facts.ceremonies)
        facts.officials = self._officials(body, facts.ceremonies, inv)
        facts.ceremonies = self._not_others(facts)
        attend.venues_from_visits(facts.ceremonies, facts.officials)
        facts.activities, facts.publicity_end = act.read_activities(
            body, self.dates_of, (out.week_start, out.week_end), self.year
        )
        facts.slogans = act.read_slogans(self.lines)
        facts.reports = act.read_reports(body, self.dates_of)
        facts.unit_mentions = [u for f in self.lines for u in ev.unit_refs(f) if u.name]
        facts.institution_counts = ev.institution_counts(body)
        out.marshals = read_marshals(body)
        out.duties = read_traffic_duties(body, facts.issuer)
        out.events = facts
        out.issuer = facts.issuer
        hosted = [c for c in facts.ceremonies if c.host.units or c.host.institutions]
        for c in facts.ceremonies:
            if c in hosted or c.place or c.time or (not hosted and c.date):
                out.ceremonies.append(
                    CeremonyFact(
                        c.name,
                        c.date,
                        c.time,
                        c.place or c.choice,
                        c.launch_group,
                        "; ".join(c.notes) or None,
                        c.host.text or None,
                    )
                )
        out.year = self.year
        if facts.stance is not None and facts.stance.new_date is not None:
            _moved(out, facts.stance.new_date)
            _moved_time(out, facts.stance.new_time)
        assigned = {ln.index: _assignee(ln) for ln in body}
        for d in out.deadlines:
            if d.who:
                continue  # a table row's "Đơn vị thực hiện"
            match = next((r for r in facts.reports if r.due == d.due), None)
            if match is not None and match.who:
                d.who = match.who
            else:  # "2. Văn phòng HĐND và UBND xã" / "- … phát hành giấy mời chậm nhất ngày 26/9": the unit charged
                d.who = assigned.get(d.line)

    def _moved_by_later_notice(self, events: list[ev.CeremonyEvent]) -> list[ev.CeremonyEvent]:
        """The ceremonies as a notice carried after the plan leaves them (:func:`invite.later_amendment`): the
        issuer's own of the kind it moves takes its new day, time and venue (the plan's programme stays with it),
        else the notice's ceremony is one more."""
        moved = later_amendment(self.lines, self.dates_of)
        if moved is None:
            return events
        own = [e for e in events if e.host.empty and ev.kind_of(e) == ev.kind_of(moved) and e.line < moved.line]
        for e in own:
            e.date, e.time, e.end, e.place = moved.date, moved.time, None, moved.place
        return events if own else [moved, *events]

    def _told_after_the_fact(self) -> None:
        """A document tells a parade dated before it after the fact (a news page, "Thứ Ba, 08/10/2024, 17:20"
        above an account of the week; a letter urging reports "đoàn xe đạp … đã diễu hành"): none to plan. A news
        page that tells nothing to come asks no one for anything either (the tasks it reports are other offices'). An
        activity over before the document's date is none to plan."""
        out = self.out
        day = out.departure_date or out.assembly_date
        if day is None and self._route_line is not None and out.document_date is not None:
            said = [d.value for d in self.dates_of(self.lines[self._route_line].low) if isinstance(d.value, date)]
            day = max(said) if said else None  # "… đã diễu hành lúc 8g cùng ngày (02/10) qua các đường …"
        if out.document_date is not None and day is not None and day < out.document_date:
            out.route, out.forces, out.route_text, out.assembly_place = [], [], None, None
            out.assembly_date = out.departure_date = out.assembly_time = out.departure_time = None
            out.column_said = False
        if out.document_date is not None:  # an activity over before the document was written ("(01/10/2024)")
            issued = out.document_date
            out.events.activities = [a for a in out.events.activities if (a.end or a.start or issued) >= issued]
        if self._published and not out.route and not out.events.ceremonies and not out.events.activities:
            out.deadlines, out.events.reports = [], []

    def _on_the_parade_day(self, ceremonies: list[ev.CeremonyEvent]) -> None:
        """A ceremony given no date whose sentence ties it to the column's setting off ("Lễ khai mạc … tại sân
        Công viên A lúc 06 giờ 45 trước giờ xuất phát"), held where the column assembles, or where its route ends
        ("Tại điểm kết thúc, tổ chức Lễ …"): the parade's day."""
        day = self.out.departure_date or self.out.assembly_date
        if day is None or not self.out.route:
            return
        start = fold(self.out.route[0].name) if self.out.route[0].kind == "place" else ""
        end = fold(self.out.route[-1].name) if self.out.route[-1].kind == "place" else ""
        for c in ceremonies:
            if c.date is not None or c.line >= len(self.lines) or c.time is None or not c.place:
                continue
            own = self.lines[c.line].low
            at = own.find(fold(c.name)[:12])
            at_end = _AT_ROUTE_END.search(own[: max(at, 0)]) is not None or bool(end) and _same_place(end, c.place)
            if not at_end and re.search(r"\b(?:sau|truoc|ket thuc)\b", own[: max(at, 0)]):
                continue  # "Diễu hành xe hoa (ngay sau Lễ phát động)": the ceremony named as a moment of the parade
            at_start = bool(start) and _same_place(start, c.place)
            if at_start or at_end or _SETS_OFF.search(own) or _COLUMN_ARRIVES.search(own[: max(at, 0)]):
                c.date = day  # (or "Khi đoàn về đến Công viên A, lúc 8 giờ 30 … tổ chức Lễ phát động …")

    def _where_they_gather(self, ceremonies: list[ev.CeremonyEvent]) -> None:
        """A ceremony told with a time and no venue in the paragraph where those taking part gather ("Đúng 6 giờ
        30 phút, các lực lượng tham gia tập trung tại sân Nhà văn hóa A; 7 giờ 00 phút chính thức khai mạc …"):
        held there."""
        for c in ceremonies:
            if c.place or c.time is None or c.line >= len(self.lines):
                continue
            # (or the timed item above its own: "- Lúc 6 giờ 30: các xe tập trung tại A" / "- Lúc 7 giờ: Lễ ra quân")
            timed = c.line > 0 and all(_TIMED_ITEM.match(self.lines[k].low) for k in (c.line - 1, c.line))
            for k in range(c.line - timed, min(c.line + 2, len(self.lines))):
                low = self.lines[k].low
                gather = re.search(r"\btap (?:trung|ket)\s+(?:tai|o)\s", low)
                if gather is not None and self.doc.path(k)[-1:] == self.doc.path(c.line)[-1:]:
                    c.place = self._place_from(self.lines[k], gather.end())
                    break

    def _part_of_a_place(self, ceremonies: list[ev.CeremonyEvent]) -> None:
        """A venue that is a part of a place named by its kind only ("tại khu sân khấu trung tâm của Công viên"):
        the place of that kind its line names ("Khi đoàn về đến Công viên Làng Hoa, …"), the part kept as a note."""
        for c in ceremonies:
            m = re.match(r"^(.{3,60}?)\s+của\s+(\S+(?:\s+\S+)?)$", c.place or "")
            kind = _kind_only(m.group(2)) if m else None
            if m is None or kind is None or c.line >= len(self.lines):
                continue
            line = self.lines[c.line]
            said = [
                tidy(x.group(0))
                for x in re.finditer(
                    r"(?i)\b" + re.escape(m.group(2)) + r"(?:\s+[" + CAPITAL_LETTERS + r"][^\s,;.()]*)+", line.text
                )
            ]
            if len(set(said)) == 1:
                c.notes.append(m.group(1))
                c.place = said[0]

    def _of_a_past_year(self, i: int, cue: Cue) -> bool:
        """Whether a route is told in a sentence about a past year ("Năm 2023, thành phố … diễu hành 06 xe hoa qua
        các tuyến đường A – B – C" in a 2024 letter, "năm trước"): that year's, not this plan's."""
        low = self.lines[i].low
        return past_year_said(low, max(low.find(fold(cue.value)[:30]), 0), self.year)

    def _day_of_its_ceremony(self) -> None:
        """A parade dated nowhere that sets off after a dated ceremony ("Đoàn xe xuất phát … ngay sau Lễ khai mạc",
        "kết thúc buổi lễ, đoàn xe diễu hành …"), or from the one venue of ceremonies held on one day: that day."""
        out = self.out
        dated = [c for c in out.events.ceremonies if c.date is not None]
        if not out.route or out.assembly_date or out.departure_date or not dated:
            return
        for f in self.lines:
            after = _AFTER_CEREMONY.search(f.low) if _SETS_OFF.search(f.low) or _COLUMN.search(f.low) else None
            if after is None:
                continue
            kind = ev.CEREMONY.match(f.low, after.end())
            named = [c for c in dated if kind is None or kind.group(0) in fold(c.name)]
            if len({c.date for c in named}) == 1:
                out.departure_date = named[0].date
                return
        start = fold(out.route[0].name) if out.route[0].kind == "place" else ""
        there = [c for c in dated if start and c.place and _same_place(start, c.place)]
        if len({c.date for c in there}) == 1:
            out.departure_date = there[0].date

    def dates_of(self, low: str) -> list[Found]:
        """Dates in folded text, with the document's year for dates written without one."""
        return find_dates(low, self.year)

    def run(self) -> Extraction:
        self.header()
        self.theme()
        self.week()
        self.route()
        self._full_names()
        self.assembly()
        self._times_updated()
        self._parade_day_moved()
        self._parade_day_amended()
        self._assembly_full_name()
        self._route_start()
        self._back_to_start()
        self.forces()
        self._participants()
        self.misc()
        self.deadlines()
        self.events()
        self.out.column_said = any(re.search(ev.PARADE_WORDS, f.low) for f in self.lines)
        self._start_by_kind()
        self._yard_of_a_step()
        self._passed_through()
        self.out.route = _once_in_a_row(self.out.route)
        self._assembly_by_kind()
        self._day_of_its_ceremony()
        self._told_after_the_fact()
        out = self.out
        out.unresolved += _missing(out)
        log.debug("extracted %d route steps, %d force entries", len(out.route), len(out.forces))
        return out


#: A ward's or commune's own place with the unit written short right after its kind ("TTHTCĐ P. Vĩnh Hải", "Nhà văn
#: hóa X. Phú Mỹ", "UBND P.15") (folded): the unit is written out in the venue's name; not a unit inside a longer
#: name ("Trường Cao đẳng … TP. Hồ Chí Minh").
_UNIT_SHORT_AFTER = re.compile(
    r"^(?:tthtcd|trung tam (?:hoc tap cong dong|htcd)|nha van hoa|nvh|ubnd|uy ban nhan dan)\s+(?:p|x|q|tt)\.\s*\S"
)
#: A message moving a ceremony's hour, up to the new one ("lùi giờ khai mạc sang 8h00", "dời giờ tổ chức lễ phát động
#: qua 14g", "đổi thời gian lễ hưởng ứng thành 7g30") (folded).
_HOUR_MOVED = re.compile(
    r"\b(?:chuyen|doi|lui|day|dieu chinh)\s+(?:gio|thoi gian)\s+(?:to chuc\s+)?(?:buoi\s+)?(?:le\s+)?"
    r"(?:khai mac|phat dong|huong ung|ra mat|be mac)\b[^.;:()]{0,20}?\s(?:sang|den|toi|qua|thanh|len)\s+"
)
#: What a corrected hour is followed by, before the hour it replaces ("9h30 (không phải 9h15)", "8 giờ, thay cho 7
#: giờ 30") (folded).
_NOT_THAT_HOUR = re.compile(r"\s*[(,]?\s*(?:khong phai|thay cho|thay vi)\s+(?:la\s+)?(?:luc\s+)?(?=\d)")


def _names_one_of(low: str, place: str) -> bool:
    """Whether a text (folded) names a place by its capitalised words ("Bắc Mục" for "Nhà văn hóa thôn Bắc Mục"),
    or by them without the kind they start with ("THCS Ngô Sĩ Liên" for "Trường THCS Ngô Sĩ Liên")."""
    words = re.findall(r"[" + CAPITAL_LETTERS + r"]\w*(?:\s+[" + CAPITAL_LETTERS + r"]\w*)+", place)
    tails = [w.split(" ", 1)[1] for w in words if len(w.split()) >= 3]
    return any(whole_words(fold(w)).search(low) for w in [*words, *tails])


#: An hour after "không phải" written with no minutes and no word after it that :func:`find_times` needs ("(không
#: phải 7g như lịch trên)") (folded).
_BARE_HOUR = re.compile(r"(\d{1,2})\s?(?:gio|h|g)\s?(\d{2})?(?![\w])")


def _bare_hour(low: str, at: int) -> list[Found]:
    """The hour written right at ``at`` that a correction says is no longer the time (:data:`_BARE_HOUR`)."""
    m = _BARE_HOUR.match(low, at)
    if m is None or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        return []
    return [Found(0, m.end() - at, time(int(m.group(1)), int(m.group(2) or 0)))]


#: A message that says the hours change ("CẬP NHẬT – ĐỔI GIỜ", "dời giờ tập trung", "thay đổi thời gian xuất phát")
#: (as written, accents kept).
_HOURS_CHANGED = re.compile(r"(?i)(?<!\w)(?:đổi|dời|điều chỉnh|thay đổi)\s+(?:lại\s+)?(?:giờ|thời gian)(?!\w)")
#: Labelled fields naming where a route starts and ends ("Điểm xuất phát: X", "Điểm kết thúc: Y") (folded).
_START_FIELD = re.compile(
    r"^(?:diem|noi|dia diem)\s+(?:xuat phat|khoi hanh|bat dau|dau)(?:\s*(?:va|,)\s*(?:ket thuc|ve|cuoi))?\s*:\s*"
)
_GATHER_AT = re.compile(r"\btap\s+(?:trung|ket|hop)\s+(?:tai|o)\s+")
#: A spot told only by where it lies by a part of a place that goes unnamed ("bãi xe phía trong cổng chính", "khu
#: vực bên trong cổng phụ", "sân phía sau sân khấu"), or a bare gate or yard ("Cổng chính") (folded; written in lower
#: case, but for a first capital): a spot inside the place the route starts from, not a place of its own.
_SPOT_WITHIN = re.compile(
    r"^(?:(?:bai\s+(?:(?:dau|do|giu)\s+)?xe|bai\s+dat(?:\s+trong)?|khu\s+(?:vuc|dat)|san)\s+)?"
    r"(?:(?:phia|ben|ngay)\s+)?(?:trong|ngoai|truoc|sau|canh|ben canh)\s+"
    r"(?:cong(?:\s+(?:chinh|phu|sau|truoc))?|san(?:\s+khau)?|khan dai|khuon vien)(?:\s+(?:chinh|phu|sau|truoc))?$"
    r"|^(?:cong|san)(?:\s+(?:chinh|phu|sau|truoc|truong))?$"  # a table cell's bare "Cổng chính", "Sân trường"
)
_END_FIELD = re.compile(
    r"^(?:diem|noi|dia diem)\s+(?:(?:xuat phat|khoi hanh|bat dau|dau)\s*(?:va|,)\s*)?"
    r"(?:ket thuc|cuoi|ve|giai tan)\s*:\s*"
)


#: A column setting off or parading (folded), and the column itself.
#: The parade named as what an amended plan moves ("hoạt động diễu hành xe hoa ngày …", "đoàn xe hoa", "buổi diễu
#: hành") (folded).
_PARADE_WORD = re.compile(r"\b(?:dieu hanh|dien hanh|doan xe(?:\s+hoa)?|xe hoa)\b")
#: The label of an amended day or time ("Thời gian sau điều chỉnh:", "Ngày mới:", "Thời gian (điều chỉnh):")
#: (folded, at the start of a bulleted line).
_AMENDED_DAY_LABEL = re.compile(
    r"^(?:thoi gian|ngay)(?:\s+to chuc)?\s*\(?"
    r"(?:sau (?:khi )?dieu chinh|moi|dieu chinh|nay (?:doi|dieu chinh) (?:thanh|lai))\)?\s*:\s*"
)
#: What a value says it replaces, to its end ("…, thay cho ngày 01/10") (folded).
_REPLACED_AFTER = re.compile(r"\s*[(,;–—-]?\s*(?:thay cho|thay vi)\b")
#: The verbs that move an event to another day, as written: "suốt đời", "đội" fold like "dời", "đổi" and move nothing.
_MOVE_VERBS = frozenset(("chuyển", "dời", "đổi", "lùi", "điều", "hoãn", "tạm"))
_SETS_OFF = re.compile(r"\b(?:xuat phat|khoi hanh|dieu hanh|dien hanh)\b")
#: The signal given for the column to set off, a programme item of the ceremony before it ("Phát lệnh diễu hành",
#: "Ra hiệu lệnh xuất phát", "Bấm còi khởi hành đoàn xe", "Đánh trống xuất phát") (folded): not the departure.
_SIGNAL_TO_SET_OFF = re.compile(
    r"\b(?:(?:phat|ra|ban)\s+(?:hieu\s+)?lenh|hieu lenh|bam coi|danh trong|vay co)\s+"
    r"(?:cho\s+)?(?:(?:doan(?:\s+xe)?(?:\s+hoa)?)\s+)?(?:xuat phat|khoi hanh|dieu hanh|dien hanh)\b"
)
#: The column's departure verb before its time ("… xuất phát lúc 7 giờ 30", "lăn bánh vào lúc 9h20") (folded).
_DEPART_VERB_TIME = re.compile(
    r"\b(?:xuat phat|khoi hanh|bat dau dieu hanh|lan banh|dieu hanh(?=\s+(?:vao\s+)?luc))\b\s*(?:vao\s*)?(?:luc\s*)?"
)
#: A send-off ceremony named by the column's move ("Lễ xuất phát: 9h00 … tại Quảng trường A", "Lễ khởi hành đoàn
#: xe") (folded): its hour is the ceremony's, not the column's departure ("Đoàn xe lăn bánh lúc 9h20").
_SEND_OFF = re.compile(r"\ble\s+(?:xuat phat|khoi hanh)\b")
#: The whole column setting off, all its blocks together ("toàn đoàn xuất phát lúc 7 giờ 45", "cả đoàn khởi hành")
#: (folded).
_WHOLE_COLUMN_DEPARTS = re.compile(
    r"\b(?:toan|ca)\s+(?:bo\s+)?doan(?:\s+(?:xe|dieu hanh|dien hanh))?(?:\s+(?:se|bat dau|cung))?"
    r"\s+(?:xuat phat|khoi hanh)\s+(?:vao\s+)?luc\b"
)


def _whole_column_departs(low: str) -> bool:
    """Whether a line (folded) gives the departure of the whole column, its blocks merged."""
    return _WHOLE_COLUMN_DEPARTS.search(low) is not None


_COLUMN = re.compile(r"\bdoan xe\b")
#: A ceremony the column sets off after ("ngay sau Lễ khai mạc", "sau khi kết thúc buổi lễ", "kết thúc Lễ phát
#: động") (folded): the ceremony's name follows.
_AFTER_CEREMONY = re.compile(
    r"\b(?:ngay\s+)?(?:sau(?:\s+khi)?(?:\s+ket thuc)?|ket thuc)\s+(?:(?:buoi|chuong trinh)\s+)?(?=le\b)"
)


#: A list's next number inside an item, where a page's break joined two ("… thì quay đầu; (5) Trở lại đường A").
_INLINE_ITEM = re.compile(r";\s*\(\d{1,2}\)\s+")
#: Words that lead a list of streets in one clause of a route split by ";" ("…; đi lần lượt các tuyến đường A, B,
#: C; …", "qua các tuyến phố A, B", "theo các đường A, B") (folded): the streets follow.
_STREETS_LEAD = re.compile(
    r"^\s*(?:(?:di|chay|dieu hanh|dien hanh)\s+)?(?:(?:qua|theo|di)\s+)?(?:lan luot\s+(?:qua\s+|theo\s+)?)?"
    r"cac\s+(?:tuyen(?:\s+(?:duong|pho))?|duong|pho)\s*:?\s+(?=\S[^,;]*,)"
)
#: An item of a numbered or bulleted list of legs ("2. ", "(2) ", "- ", "+ "), folded.
#: A listed street that goes on to a place in the same item ("Quang Trung, đến Trường A thì dừng, giải tán"): the
#: street, and the place after "đến/tới/về".
_THEN_REACHES = re.compile(r"(?i)^\s*([^,()]{2,60}?)\s*,\s*(?:rồi\s+|sau đó\s+)?(?:đến|tới|về(?:\s+đến)?)\s+(\S.*)$")
#: A first item that leaves its place onto a street ("Cổng trụ sở UBND Quận 12 ra đường Lê Thị Riêng", "Chợ A, đi ra
#: đường B").
_OUT_ONTO = re.compile(r"(?i)\s*,?\s+(?:đi\s+)?ra\s+(?:đường|phố)\s+")
#: A route's label that points at an annex ("theo Phụ lục kèm theo", "(xem Phụ lục II)") (folded).
_IN_AN_ANNEX = re.compile(r"^\W*(?:theo|tai|xem|nhu)\s+(?:(?:noi dung|chi tiet)\s+(?:tai\s+)?)?phu luc\b")
#: An item of a route told as the junctions it passes ("Nút giao Lê Thị Riêng – Quốc lộ 1A (đi vào Quốc lộ 1A …);"):
#: the street it comes along, and the one it goes into.
_CROSSING_ITEM = re.compile(
    r"(?i)^\s*(?:nút giao|giao lộ|ngã (?:ba|tư|năm|sáu))\s+([^–—()]{2,40}?)\s+[–—-]\s+([^–—();,]{2,40}?)"
    r"\s*(?:\(.*\))?[;.]?\s*$"
)
#: A route's label opening a clause ("Lộ trình mới:", "Lộ trình điều chỉnh:", "Lộ trình:") (folded).
_LABEL_HEAD = re.compile(r"^(?:lo trinh|hanh trinh)\b[^:]{0,30}:")
_LEG_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|" + BULLET_MARK + r")\s+")
#: A lettered item of a list ("a) Xuất phát tại A, …" / "b) Đến ngã ba B, rẽ phải …" / "đ) …") (folded): in a route
#: written as moves, an item as :data:`_LEG_ITEM` is.
_LETTER_ITEM = re.compile(r"^\s*[a-hđ][.)]\s+")


def _move_item(low: str) -> re.Match[str] | None:
    """The marker of a list's item that may hold a route's move: a number, a bullet or a letter (folded)."""
    return _LEG_ITEM.match(low) or _LETTER_ITEM.match(low)


#: A line that labels where the column sets off and names it ("Điểm xuất phát: Trường A.") (folded).
_START_LABEL = re.compile(r"^\W*(?:diem\s+)?(?:xuat phat|khoi hanh|tap trung va xuat phat)\s*(?:tai|tu)?\s*:\s*(?=\S)")


def _start_label(f: Folded) -> str | None:
    """The place a line that only labels the column's start names ("Điểm xuất phát: Trường A." → "Trường A"), as
    written; None for another line (one with a move or an hour after the place)."""
    m = _START_LABEL.match(f.low)
    if m is None:
        return None
    place = f.text[m.end() :].strip().rstrip(".;").strip()
    if not place or re.search(r"[,;:]|\d{1,2}\s*(?:gio|h|g)\b", fold(place)) or has_moves(fold(place)):
        return None
    return place


def _numbered_after_bullets(first: str, low: str) -> bool:
    """Whether a numbered line ("2. Công an phường …") follows a list bulleted from its ``first`` item ("+ Xuất
    phát tại A, rẽ phải vào đường B;"): the document's next point, no item of that list (folded)."""
    return _marker_kind(first) in ("-", "+", "•") and _marker_kind(low) in ("n", "(n)")


def _without_leg_label(f: Folded) -> Folded:
    """A leg's item without the label that numbers it ("Đoạn 2: Rẽ trái vào đường B" → "Rẽ trái vào đường B")."""
    from paradeplan.importer.prose import LEG

    m = LEG.match(f.low)
    return Folded(f.text[m.end() :], f.low[m.end() :]) if m else f


def _marker_kind(low: str) -> str:
    """What marks a list's item: "1." and "1)" a number, "(1)" a number in brackets, else the bullet itself."""
    m = _LEG_ITEM.match(low)
    head = m.group(0).strip() if m else ""
    return "(n)" if head.startswith("(") else "n" if head[:1].isdigit() else head


#: A venue named only by the part of a place it is in ("sân", "hội trường", "cổng") (folded, as :func:`_kind_only`
#: writes it).
_BARE_VENUES = frozenset({"san", "hoi truong", "cong", "khuon vien", "san khau"})


def _kind_only(said: str) -> str | None:
    """The kind a place's name is when it names only a kind ("Trường", "trụ sở", "Nhà văn hóa", "nhà trường"), as
    :func:`_office_folded` writes it; None for a name ("Trường THCS A")."""
    words = said.split()
    if not words or len(words) > 3 or any(not w.islower() for w in words[1:]):
        return None
    return _office_folded(said)


#: A place the column is said to pass without stopping (folded; ``at`` is its name): "Tại Chợ A đoàn không dừng,
#: đi liền …", "tại ngã tư B, đoàn xe không dừng lại", "đoàn không dừng lại ở Công viên C", not the traffic's rule
#: "… không dừng đỗ".
_NO_STOP_AT = (
    re.compile(
        r"(?:^|[\s.;:(])tai\s+(?P<at>[^\s,.;:()][^,.;:()]{1,60}?)\s*,?\s+doan(?:\s+(?:xe|dieu hanh|dien hanh))?\s+"
        r"(?:se\s+)?khong\s+dung(?!\s+do)\b"
    ),
    re.compile(
        r"\bdoan(?:\s+(?:xe|dieu hanh|dien hanh))?\s+(?:se\s+)?khong\s+dung(?:\s+lai)?\s+(?:tai|o)\s+"
        r"(?P<at>[^\s,.;:()][^,.;:()]{1,60}?)\s*(?=[,.;:()]|$)"
    ),
)


def _of_units(f: Folded, units: list[str]) -> bool:
    """Whether a line tells of one of ``units`` as its subject ("Phường B tham gia với 02 xe hoa, 01 xe loa"), or is
    the head of that unit's group ("b) Nhóm 2 – phường B (02 xe hoa): …")."""
    low = _unbullet(f).low
    head = GROUP_HEAD.match(low)
    subject = head.group("unit") if head is not None else low
    return any(whole_words(u).match(subject) for u in units)


def _once_in_a_row(route: list[RouteItem]) -> list[RouteItem]:
    """A route without a place named again right after itself ("từ sân Trung tâm A" then "Từ cổng Trung tâm A"),
    nor a street ("9. …, ra Quốc lộ 1A." then "10. Quốc lộ 1A → …": the next item goes on along it)."""
    out: list[RouteItem] = []
    for step in route:
        if out and step.kind == out[-1].kind == "place" and step.name == out[-1].name:
            out[-1] = dataclasses.replace(out[-1], uturn=out[-1].uturn or step.uturn, end=out[-1].end or step.end)
            continue
        if out and step.kind == out[-1].kind == "street" and fold(step.name) == fold(out[-1].name):
            continue
        out.append(step)
    return out


def _in_a_name(text: str, at: int) -> bool:
    """Whether a number word is part of a name, capitalised after a capitalised word ("Đỗ Mười", "Ba Tơ")."""
    before = text[:at].split()
    return text[at : at + 1].isupper() and bool(before) and before[-1][:1].isupper() and before[-1][-1:] not in ".:"


def _moved(out: Extraction, new: date) -> None:
    """A letter that postpones its event to a new date ("hoãn … sang ngày 06/10"): every event dated before that
    date takes it (the old date is repeated from the first plan)."""
    if out.route and out.departure_date is None and out.assembly_date is None:
        out.departure_date = new  # the parade it moves, dated nowhere else
    if out.departure_date is not None and out.departure_date < new:
        out.departure_date = new
    if out.assembly_date is not None and out.assembly_date < new:
        out.assembly_date = new
    for c in out.ceremonies:
        c.date = new if c.date is not None and c.date < new else c.date
    for e in out.events.ceremonies:
        e.date = new if e.date is not None and e.date < new else e.date
    # the new date is a decision (``importer.context``), listed with the others, not a fact that was not found


def _moved_time(out: Extraction, new: time | None) -> None:
    """The parade's new departure time, its assembly moved by as much (it keeps its lead on the departure)."""
    if new is None or not out.route:
        return
    if out.departure_time is not None and out.assembly_time is not None:
        lead = datetime.combine(date(2000, 1, 1), out.departure_time) - datetime.combine(
            date(2000, 1, 1), out.assembly_time
        )
        at = datetime.combine(date(2000, 1, 1), new) - lead
        out.assembly_time = at.time() if at.date() == date(2000, 1, 1) else None
    out.departure_time = new


#: A line moving the column's departure to a new hour, up to it ("giờ xuất phát đoàn xe điều chỉnh từ 07 giờ 15
#: thành 07 giờ 30", "đổi thời gian khởi hành sang 7h45") (folded).
_DEPARTURE_MOVED = re.compile(
    r"\b(?:gio|thoi gian)\s+(?:xuat phat|khoi hanh)\b[^.;:]{0,40}?\b(?:dieu chinh|doi|chuyen|lui|day)\b"
    r"[^.;:]{0,30}?\s(?:thanh|sang|len|den|toi)\s+(?:luc\s+)?(?=\d)"
)


#: The assembly told relative to the departure ("Các đơn vị tập trung xe hoa trước 30 phút"), folded.
_ASSEMBLY_BEFORE = re.compile(r"\b" + when.GATHER_VERB + r"\b[^.;:]{0,60}?\btruoc\s+(\d{1,3})\s*phut\b")


#: "Các xe tập trung trước 18 giờ 30", "có mặt trước 6 giờ 15": the assembly's time without a place (folded).
_ASSEMBLY_BY = re.compile(
    r"\b" + when.GATHER_VERB + r"\b[^.;:]{0,40}?"
    r"\b(?:truoc|cham nhat(?: la)?|luc|vao luc|tu)\s+(?=\d)"  # "học sinh tập trung từ 6 giờ 45": from then on
)


#: The column's own moves on a line ("… đội hình xe đạp xuất phát từ cổng trường", "các em xếp hàng …") (folded).
_COLUMN_MOVES = re.compile(r"\b(?:xuat phat|khoi hanh|lan banh|tap trung|tap ket|xep hang|dieu hanh|dien hanh)\b")
#: The words before a ceremony's name that make it the moment the column moves after or before ("Ngay sau lễ chào
#: cờ, 7 giờ 45 đội hình … xuất phát", "Kết thúc Lễ phát động, …", "trước Lễ khai mạc") (folded).
_CEREMONY_AS_MOMENT = re.compile(
    r"\b(?:(?:ngay\s+)?(?:sau(?:\s+khi)?(?:\s+ket thuc)?|truoc(?:\s+khi)?)|(?:khi\s+)?ket thuc)\s+"
    r"(?:(?:buoi|chuong trinh)\s+)?$"
)


def _ceremony_only(low: str) -> bool:
    """Whether a line is about a ceremony and not the column ("1/ Lễ khai mạc: 7h30 … 01/10, …, có mặt trước 7h15":
    the guests' arrival at the ceremony, not the parade's assembly); not a line where the column moves and every
    ceremony it names is the moment it moves after ("Ngay sau lễ chào cờ, 7 giờ 45 đội hình … xuất phát …")."""
    named = list(_CEREMONY.finditer(low))
    if not named or re.search(ev.PARADE_WORDS, low):
        return False
    moment = all(_CEREMONY_AS_MOMENT.search(low[max(0, m.start() - 40) : m.start()]) for m in named)
    return not (moment and _COLUMN_MOVES.search(low))


def _assembly_by(lines: list[Folded], departure: time | None, place: str | None = None) -> time | None:
    """The time a sentence says the vehicles assemble by, when nothing else gave one (and before the departure),
    not at a place other than the assembly's ("Đoàn của phường có mặt tại Trung tâm Văn hóa Quận lúc 6 giờ 30":
    the delegation at another's ceremony)."""
    for f in lines:
        for m in _ASSEMBLY_BY.finditer(f.low):
            if place is not None and _gathers_elsewhere(f.low[m.start() : m.end()], place):
                continue
            if when.guests_arrive(f.low, m):  # "Đại biểu vui lòng có mặt trước 14 giờ 45 để … đón tiếp"
                continue
            if when.staff_arrive(f.low, m):  # "Cán bộ, chiến sĩ có mặt trước 5 giờ 30 nhận nhiệm vụ"
                continue
            if when.performers_arrive(f.low, m):  # "học sinh tham gia đồng diễn có mặt lúc 6 giờ 10"
                continue
            if when.audience_arrives(f.low, m):  # "Lễ khai mạc … lúc 07 giờ 00 …; học sinh tập trung lúc 06 giờ 30"
                continue
            found = find_times(f.low[m.end() : m.end() + 24])
            if found and found[0].start == 0 and (departure is None or found[0].as_time < departure):
                return found[0].as_time
    return None


def _gathers_elsewhere(said: str, place: str) -> bool:
    """Whether a gathering's words name a place ("… có mặt tại Trung tâm Văn hóa Quận 12 lúc") that shares no word
    with the assembly's ("tập trung tại sân trường lúc …" is at "Trường THCS A"); a stretch of a street ("có mặt
    tại bãi xe phía đường A lúc …") names no other place."""
    from paradeplan.importer.routes import ON_STREET

    at = re.search(r"\btai\s+(.+?)\s*(?:\b(?:truoc|cham nhat(?: la)?|luc|vao luc|tu)\s*)?$", said)
    if at is None or ON_STREET.match(at.group(1)):
        return False
    named = set(_office_folded(at.group(1)).split())
    return len(named) >= 2 and not named & set(_office_folded(place).split())


def _assembly_before(lines: list[Folded], departure: time) -> time | None:
    """The assembly time a sentence gives as minutes before the departure ("tập trung … trước 30 phút")."""
    for f in lines:
        m = _ASSEMBLY_BEFORE.search(f.low)
        if m is not None and 0 < int(m.group(1)) <= 180:
            at = datetime.combine(date(2000, 1, 1), departure) - timedelta(minutes=int(m.group(1)))
            return at.time() if at.date() == date(2000, 1, 1) else None
    return None


def _task_said(c: Folded, due_at: int) -> str | None:
    """A task due by a date that is no report, as its clause writes it ("Đăng ký danh sách học viên … với Phòng
    Văn hóa - Xã hội" before "trước ngày 29/9/2025"), else None."""
    if re.search(r"\bbao cao\b", c.low[:due_at]):
        return None
    cut = _DEADLINE_BEFORE.search(c.low[:due_at])
    task = tidy(c.text[: cut.start() if cut else due_at]).rstrip(" ,:-–")
    task = re.sub(r"^[^:;,.]{3,60}:\s+", "", task)  # "Hội Khuyến học phường: lập danh sách …": the unit is its who
    task = re.sub("^" + BULLET_MARK + r"\s*", "", task.split(";")[-1].strip())
    return capitalize(task)[:100] if len(task) >= 8 else None


def _assignee(ln: ev.Line) -> str | None:
    """The unit a task line charges, as a plan's "Phân công nhiệm vụ" writes it: the line's own "Unit: task …"
    ("1. Bộ phận Văn hóa - Xã hội: tham mưu kịch bản …"), else the unit heading or paragraph ending in ":" it is
    listed under ("3. Trung tâm học tập cộng đồng xã" / "- Đăng ký danh sách … trước ngày 29/9")."""
    own = re.match(r"^([^:;,.]{3,60}):\s", ln.body.text)
    if own is not None and not ev.host_of(Folded.of(own.group(1))).empty:
        return tidy(own.group(1))
    if ln.outer is not None and ln.outer.text:
        return ln.outer.text
    sub, verb = ev.subject_of(ln.body)  # "- Tổ Văn phòng chuẩn bị sân khấu, …, xong trước 17h ngày 05/10": its subject
    if re.match(r"(?:thoi han|han)\b", fold(sub.text)):
        return None  # "Thời hạn gửi báo cáo … điều chỉnh …": the term, no unit
    return tidy(sub.text) if 3 <= len(sub.text.strip()) <= 60 and verb > 0 and sub.text[:1].isupper() else None


def _task_due(c: Folded, due_at: int) -> str | None:
    """The task a deadline closes when it is no report ("Hoàn thành trang trí xe hoa"), else None."""
    t = _TASK_DUE.search(c.low, 0, due_at)
    if t is None or re.search(r"\bbao cao\b", c.low[:due_at]) or _REHEARSAL_OR_MEETING.search(c.low, 0, t.start()):
        return None  # (a rehearsal "xong trước 16 giờ ngày 30/9" is an event, no task due)
    if t.group(0) == "xong":  # "Xe hoa trang trí xong trước 17g ngày 03/10": the task is told before the word
        end = t.start() if c.low[: t.start()].rstrip()[-1:] != "," else c.low.rfind(",", 0, t.start())
        start = c.low.rfind(":", 0, end) + 1  # "2. TTHTCĐ chuẩn bị sân khấu, âm thanh, xong trước …": the whole task
        lead = _BULLET.match(c.low, start) if start == 0 else None
        return capitalize(tidy(c.text[lead.end() if lead else start : end]))[:100] or None
    stop = re.search(r"\s(?:truoc|cham nhat|trong|de|va)\b|[(,:;]", c.low[t.start() : due_at])
    return capitalize(tidy(c.text[t.start() : t.start() + stop.start() if stop else due_at]))[:100] or None


def _label_across(cue: Cue, after: list[Folded]) -> Cue:
    """A label's steps go on over ";" ("Lộ trình: … qua các tuyến A, B; quay đầu tại P; trở về …") up to the
    clause that starts another labelled field ("Thời gian: …")."""
    if cue.rule not in ("label", "inline label") or not after:
        return cue
    more: list[str] = []
    for c in after:
        if re.match(r"^[^:;,.]{2,40}:", c.low):
            break
        more.append(c.text)
    if not more:
        return cue
    return dataclasses.replace(cue, value=" ".join([cue.value.rstrip(), *more]))


#: A place named as a junction ("vòng xoay A", "ngã tư B", "giao lộ C", "bùng binh D") (folded).
_JUNCTION_PLACE = re.compile(r"^(?:vong xoay|bung binh|giao lo|nut giao|nga\s+(?:ba|tu|nam|sau|\d))\b")


def _turns_not_uturns(steps: list[RouteItem]) -> list[RouteItem]:
    """Without the "U-turns" at a junction between two different streets ("Nguyễn Oanh - quay đầu tại vòng xoay
    Phan Văn Trị - vào đường Phan Văn Trị"): the column goes round the junction into the next street, which is a
    turn there, not a step (a U-turn comes back along the street it ends, however short it is written)."""
    out: list[RouteItem] = []
    for k, st in enumerate(steps):
        before = out[-1] if out else None
        after = steps[k + 1] if k + 1 < len(steps) else None
        if (
            st.kind == "place"
            and st.uturn
            and _JUNCTION_PLACE.match(fold(st.name))
            and before is not None
            and after is not None
            and before.kind == after.kind == "street"
            and name_key(before.name) != name_key(after.name)  # "Quốc lộ 1A … quay đầu … theo QL1A": the same
        ):
            continue
        out.append(st)
    return out


def _left_place_not_again(steps: list[RouteItem]) -> list[RouteItem]:
    """Without a place named again as where the street just taken starts ("Đoạn 1: đường A, từ Công viên B đến
    …" after the start at Công viên B; "Đoạn 6: đường A, từ Bến xe C …" after the U-turn at C): no step."""
    out: list[RouteItem] = []
    for st in steps:
        if (
            len(out) >= 2
            and st.kind == out[-2].kind == "place"
            and out[-1].kind == "street"
            and not (st.uturn or st.end)
            and place_key(st.name) == place_key(out[-2].name)
        ):
            continue
        out.append(st)
    return out


def _groups_after_split(label: Folded) -> bool:
    """Whether a route's label is over the ways the column's groups take once it splits
    (:data:`_GROUPS_AFTER_SPLIT`)."""
    return _GROUPS_AFTER_SPLIT.search(label.low) is not None


def _numbers_only(parts: list[Folded]) -> bool:
    """Whether the clauses before a label are only a heading's number ("III." before "LỘ TRÌNH: …")."""
    return all(re.fullmatch(r"\s*(?:[ivxlc]+|\d{1,2}(?:\.\d{1,2})*)\.?\s*", p.low) for p in parts)


def _chain_across(cue: Cue, c: Folded, after: list[Folded]) -> Cue:
    """A leg that the next clause chains on from ("… đến giao lộ C; từ C đến giao lộ D; …", "…; theo đường C
    đến …") is read with the legs after it, as one route."""
    from paradeplan.importer.routes import find_cue, goes_on

    if cue.rule not in ("from_to", "prose", "turns") or not after or not goes_on(after[0].low):
        return cue
    joined = Folded(" ".join([c.text, *(p.text for p in after)]), " ".join([c.low, *(p.low for p in after)]))
    found = find_cue(_unbullet(joined))
    return found if found is not None and found.rule in ("prose", "turns") else cue


def _told(c: ev.CeremonyEvent, letter: ev.CeremonyEvent) -> bool:
    """Whether a ceremony the body tells is the invitation letter's own: its kind on its day, or any name on its day
    and hour ("CHƯƠNG TRÌNH BUỔI LỄ" over the programme of the letter's "Lễ khai mạc … 08 giờ 00")."""
    kind = ev.CEREMONY.search(fold(letter.name))
    if c.date == letter.date and c.time is not None and c.time == letter.time:
        return True
    return c.date == letter.date and kind is not None and kind.group(0) in fold(c.name)


def _office_folded(name: str) -> str:
    """A place's name folded with "Ủy ban nhân dân" written "UBND", as a kind names it ("UBND phường")."""
    return re.sub(r"\buy ban nhan dan\b", "ubnd", fold(name))


def _same_place(step: str, place: str) -> bool:
    """Whether a route's place step (folded) and a ceremony's venue name one place, one name inside the other."""
    return step in fold(place) or fold(place) in step


def _same_street(said: str, again: str) -> bool:
    """Whether a street named right after another is the same one, written again or in short ("Song Hành" after
    "Song Hành Quốc lộ 22")."""
    a, b = fold(said), fold(again)
    return a == b or len(b.split()) >= 2 and a.startswith(b + " ")


def _moved_one(e: ev.CeremonyEvent, before: list[ev.CeremonyEvent]) -> ev.CeremonyEvent | None:
    """The ceremony read above that a later message moves ("Trường MN Hoa Sen xin lùi lễ hưởng ứng sang 8g30"): of
    the same kind, the one whose venue the message names, else the only one of that kind."""

    def kind(x: ev.CeremonyEvent) -> str | None:
        m = ev.CEREMONY.search(fold(x.name))
        return m.group(0) if m else None

    same = [x for x in before if kind(x) is not None and kind(x) == kind(e)]
    named = [x for x in same if x.place and (fold(x.place) in fold(e.text) or _unit_of(e.place, x.place))]
    named = named or [x for x in same if not e.place and _level_named(x, e)]
    # "[15:10] … (UBND P. A B): bên em lùi lễ KM sang 9h30" for "Trường TH A B": the venue's proper name
    named = named or [x for x in same if not e.place and x.place and _proper_name_said(fold(e.text), x.place)]
    return named[0] if len(named) == 1 else same[0] if len(same) == 1 and not e.place else None


def _proper_name_said(low: str, venue: str) -> bool:
    """Whether a text (folded) names a venue by the proper name it ends with, two words or more after its kind
    ("Bãi Cháy" of "Trường TH Bãi Cháy", "Thống Nhất" of "Nhà văn hóa xã Thống Nhất")."""
    words = venue.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not words[k - 1].isupper():
        k -= 1
    name = " ".join(words[k:])
    return len(words) - k >= 2 and whole_words(fold(name)).search(low) is not None


def _unit_of(said: str | None, venue: str) -> bool:
    """Whether a message names a venue read above by the unit it is in ("Lễ khai mạc tại phường A chuyển sang …"
    for "Nhà văn hóa phường A"): the unit's kind and name, whole words of the venue's name."""
    low = fold(said or "")
    return bool(_UNIT_SAID.match(low)) and f" {low} " in f" {fold(venue)} "


#: A unit named by its kind and name ("phường Hòa Hiệp Bắc", "xã Vân Hà") (folded).
_UNIT_SAID = re.compile(r"^(?:phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh|dac khu)\s+\w+")
#: A ceremony named by the level that holds it ("Lễ khai mạc cấp xã", "lễ phát động của phường") (folded).
_AT_LEVEL = re.compile(
    r"\b(?:le|buoi le)\s+[^.;:,]{2,60}?\s+(?:cap|cua)\s+("
    + "|".join(sorted(map(re.escape, ev.unit_kinds()), key=len, reverse=True))
    + r")\b"
)


def _level_named(x: ev.CeremonyEvent, message: ev.CeremonyEvent) -> bool:
    """Whether a later message names a ceremony read above by its level as that ceremony's own line does ("2. Lễ
    khai mạc cấp xã" / "… Lễ khai mạc cấp xã chuyển sang lúc 14 giờ …")."""
    said = _AT_LEVEL.search(fold(message.text))
    own = _AT_LEVEL.search(fold(x.text))
    return said is not None and own is not None and said.group(1) == own.group(1)


def _moving_sentences(text: str) -> str:
    """A route's sentences up to the first that does not go on moving the column ("… theo đường A trở về trường.
    Dự kiến đoàn về đến trường lúc 10h00."): the route, without what is said after it."""
    from paradeplan.importer.routes import goes_on

    sentences = re.split(r"(?<=\.)\s+(?=[" + CAPITAL_LETTERS + r"])", text)
    kept = sentences[:1]
    for s in sentences[1:]:
        if not goes_on(fold(s)):
            break
        kept.append(s)
    return " ".join(kept)


def _end_after_turn(route: list[RouteItem]) -> RouteItem | None:
    """The end place a way out read with its way back reversed names after the turn ("… quay đầu, trở về theo lộ
    trình cũ về lại Chợ A"): an end that is the start place, or that comes after a place turned at; else None."""
    if len(route) < 3 or not route[-1].end:
        return None
    last = route[-1]
    turned = last.kind == "place" and any(r.uturn for r in route[:-1])
    return last if turned or place_key(last.name) == place_key(route[0].name) else None


def _reversed_way(route: list[RouteItem]) -> list[RouteItem]:
    """The way back along a way out (the streets in reverse order to the start place), from the place where the
    column turns: a place there is turned at; a street there is followed back."""
    if len(route) < 2:
        return []
    last = route[-1]
    back = [RouteItem(r.kind, r.name) for r in reversed(route[:-1])]
    if last.kind == "place":
        back.insert(0, RouteItem("place", last.name, True))
    if back[-1].kind == "place":
        back[-1].end = True
    return back


def _row_time_term(f: Folded) -> re.Match[str] | None:
    """A row's time said as a term ("Thời gian: Trước ngày 09/10/2024") of a task that delivers something (a report,
    a registration, a list: "Các trường đăng ký xe hoa, danh sách …"), or that is to be done by then."""
    m = _ROW_TIME_TERM.search(f.low)
    if m is None:
        return None
    task = f.low[: m.start("task")]
    return m if _DEADLINE_CONTEXT.search(task) or _TASK_DUE.search(task) else None


def _breakdowns_masked(low: str) -> str:
    """The text with each bracket that breaks down a counted group ("03 xe hoa (01 xe của …, 02 xe của …)") blanked,
    so that its parts are not counted again; a bracket after a force with no count of its own ("lực lượng Cảnh sát
    giao thông (01 xe ô tô, 04 xe mô tô)") lists that force's vehicles and is kept."""

    def counted_before(at: int) -> bool:
        return _FORCE_INLINE.search(re.split(r"[,;.:]", low[max(0, at - 120) : at])[-1]) is not None

    def blank(m: re.Match[str]) -> str:
        masked = counted_before(m.start()) or _share_of_each(low, m)
        return " " * len(m.group(0)) if masked else m.group(0)

    out = list(low)
    depth, start = 0, 0
    for i, ch in enumerate(low):  # a bracket holding brackets ("08 xe hoa (Phòng A (04 xe), Hội B (02 xe))"): whole
        if ch == "(":
            depth, start = depth + 1, i if depth == 0 else start
        elif ch == ")" and depth > 0:
            depth -= 1
            if depth == 0 and "(" in low[start + 1 : i] and counted_before(start):
                out[start : i + 1] = " " * (i + 1 - start)
    return re.sub(r"\([^()]*\)", blank, "".join(out))


#: A bracket that gives each unit's share of a group ("(mỗi đơn vị 01 xe)", "(mỗi trường 1 chiếc)") (folded).
_EACH_SHARE = re.compile(r"\(\s*moi\s+[^()\d]{1,40}?\s" + _COUNT + r"\s*(?:chiec|cai|xe)?\b[^()]*\)")


def _share_of_each(low: str, m: re.Match[str]) -> bool:
    """Whether a bracket gives each unit's share of the group counted before it in its clause ("03 xe hoa của A, B
    và C (mỗi đơn vị 01 xe)"): no group of its own."""
    if not _EACH_SHARE.fullmatch(m.group(0)):
        return False
    clause = re.split(r"[;.:]\s", low[max(0, m.start() - 200) : m.start()])[-1]
    return _FORCE_INLINE.search(clause) is not None


def _missing(out: Extraction) -> list[str]:
    """What the rules could not find, as "field: what" lines in the user's language (``unresolved``)."""
    said: list[tuple[str, str]] = []
    if not out.route:
        why = (
            _("a 'Lộ trình:' line was found but its steps could not be read")
            if out.route_text
            else _("no route found (no 'Lộ trình …:' line and no line of steps separated by →)")
        )
        said.append(("route", why))
    if not out.forces:
        said.append(("forces", _("no vehicles found (no lines like '06 xe …' or 'Xe hoa: 03 xe')")))
    if out.has_parade:
        if out.assembly_time is None:
            said.append(("assembly", _("no assembly time found ('Thời gian tập trung: …')")))
        if out.assembly_place is None:
            said.append(("assembly", _("no assembly place found ('Địa điểm tập trung/xuất phát: …')")))
        if out.assembly_date is None:
            said.append(("assembly", _("no assembly date found")))
        if out.departure_time is None:
            said.append(("departure", _("the departure time is not stated")))
    if out.event is None:
        said.append(("event", _("no title found")))
    return [f"{k}: {v}" for k, v in said]


def _minutes_before(low: str, start: time) -> time | None:
    """ "(các xe tập trung) trước 30 phút": that many minutes before the start; None when not written so."""
    m = re.match(r"\s*(?:truoc|som hon)\s+(\d{1,3})\s*phut\b", low)
    if m is None or int(m.group(1)) > 240:
        return None
    minutes = start.hour * 60 + start.minute - int(m.group(1))
    return time(minutes // 60, minutes % 60) if minutes >= 0 else None


#: A team of a force named by its number, before its task ("Tổ 1 (dẫn đoàn): …", "Nhóm 2: …", "Tổ công tác số 3 –")
#: (folded, after its bullet).
_TEAM_HEAD = re.compile(r"^\s*(?:to|nhom|kip)\s+(?:cong tac\s+)?(?:so\s+)?(?:\d{1,2}|[ivx]{1,4})\b\s*[(:.–-]")
#: A count of people after a label's count ("…: 16 đồng chí", "…: 06 cán bộ, chiến sĩ") (folded).
_PEOPLE_COUNTED = re.compile(r"^\s*(?:nguoi|dong chi|d/c|chien si|can bo|doan vien|thanh vien|dan quan)\b")


def _counts_people(after_count: str) -> bool:
    """Whether the count a label gives counts people ("Tổ 4 (…, giữ xe đại biểu): 16 đồng chí"), not vehicles."""
    return _PEOPLE_COUNTED.match(after_count) is not None


#: Vehicles said to keep on with their task ("02 xe loa tiếp tục phát thanh lưu động …") (folded).
_GOES_ON = re.compile(r"\bxe\b[^.;:]{0,40}?\btiep tuc\b")


def _vehicles_go_on(f: Folded) -> bool:
    """Whether a line says vehicles go on with their task ("Từ ngày 02/10, 02 xe loa tiếp tục phát thanh …"): those
    told before with that kind and count are the same ones."""
    return _GOES_ON.search(f.low) is not None


def _team_line(f: Folded) -> bool:
    """Whether a line assigns one numbered team of a force its task ("Tổ 1 (dẫn đoàn): 01 xe ô tô, 04 xe mô tô")."""
    return _TEAM_HEAD.match(_unbullet(f).low) is not None


def _team_shares_dropped(got: list[Force], lineup: list[Force]) -> list[Force]:
    """A team's vehicles that are a share of a bigger group of their kind in the line-up told on other lines are
    those same vehicles, not groups more ("Tổ 1: 01 xe ô tô chỉ huy, 04 xe mô tô" after "10 xe mô tô …")."""
    return [
        x
        for x in got
        if not _share_of(x, lineup) and not any(_told_before(x, (y.kind, y.count, y.role, y.owner)) for y in lineup)
    ]


def _share_of(x: Force, found: list[Force]) -> bool:
    """Whether a group told in a unit's tasks is a share of a bigger group of its kind counted before."""
    return any(y.kind == x.kind and y.count > x.count for y in found)


#: A junction named by the two streets that meet there ("ngã tư Tô Ký – Nguyễn Văn Quá", "giao lộ A - B") (folded).
_CORNER = re.compile(r"^(?:nga\s+(?:ba|tu|nam|sau|\d)|giao lo|nut giao)\s+.+\s[–—×-]\s.+")
#: The turn a listed junction says in brackets after its name ("nút giao A – B (rẽ phải)") (folded).
_TURN_AT_CORNER = re.compile(r"\s*\((?:" + TURN + r"|di thang|queo\s+\w+)[^()]*\)\s*$")


def _without_turning_corners(steps: list[RouteItem]) -> list[RouteItem]:
    """A list's junctions between two of its streets ("A → ngã tư A – B → đường B") are where the column turns, no
    place to go to; one it turns back or ends at stays."""
    return [
        s
        for k, s in enumerate(steps)
        if not (
            0 < k < len(steps) - 1
            and s.kind == "place"
            and not (s.uturn or s.end)
            and _CORNER.match(fold(s.name))
            and steps[k - 1].kind == "street"
            and steps[k + 1].kind == "street"
        )
    ]


def _mark_shape(low: str) -> str | None:
    """The shape of a line's bullet mark: the mark itself ("-", "+", "•"), "1." for a number, "a." for a letter."""
    m = _BULLET.match(low)
    if m is None:
        return None
    mark = m.group().strip()
    return re.sub(r"[a-zđ]", "a", re.sub(r"\d+", "1", mark))


def _sibling_item(label: str, first: str, line: str) -> bool:
    """Whether a line is an item at its label's own level, not under it: the label ("- Phương tiện:") and the line
    ("- Lộ trình: …") bear the same mark, and its first item another ("+ Xe hoa: 01"); one that counts vehicles of
    its own ("3. Phương tiện của đoàn: 07 xe hoa") is read by the caller as a group all the same."""
    own = _mark_shape(label)
    return own is not None and _mark_shape(first) != own and _mark_shape(line) == own


def _told_before(x: Force, seen: tuple[str, int, str | None, str | None]) -> bool:
    """Whether a group is one told on an earlier line: the same kind, count and role (or said again with no role:
    "xe loa đi sau 2 moto CSGT" after "2 moto dẫn đoàn"), owned by the same unit or by one named only once."""
    kind, count, role, owner = seen
    same_role = x.role == role or x.role is None
    return (x.kind, x.count) == (kind, count) and same_role and (x.owner == owner or x.owner is None or owner is None)


#: A word naming a kind of vehicle (folded): a part that says one is of that kind, else of its group's.
_VEHICLE_WORD = re.compile(r"\b(?:o to|oto|mo ?to|xe may|xe hoa|xe loa|cuu thuong|xe tai|xe buyt|xe khach|xe dap)\b")


def _part_force(kind: str, part: Part, owner: str | None, label: str) -> Force:
    """One part of a counted group ("01 xe dẫn đoàn", "11 xe của 11 phường"): the group's kind and label, or the
    kind the part names ("Xe dẫn đoàn 03 (gồm 01 xe ô tô CSGT và 02 xe mô tô CSGT)": a car and two motorbikes)."""
    role = _role_of(fold(part.text))
    own = _kind_of(fold(part.text))
    if own not in ("other", kind) and _VEHICLE_WORD.search(fold(part.text)):  # not "Đội CSGT 04 xe" of 07 mô tô
        kind, label = own, capitalize(part.text)
    return Force(kind, part.count, role, part.owner or owner, label, part.text if role else None)


#: A count written in words with its digits in brackets ("mười hai (12) xe hoa", "hai (02) xe mô tô"), folded.
_WORD_THEN_DIGITS = re.compile(r"\b(?:" + _COUNT[1:-1].split("|", 1)[1] + r")\s*\((\d{1,3})\)")


def _shared_tail(first: Force, then: Force) -> Force:
    """The first of two escort groups said together ("01 xe ô tô và 02 xe mô tô của Công an phường dẫn đoàn"): the
    owner and the task written after the second are both groups'."""
    return dataclasses.replace(first, role=then.role, owner=then.owner or first.owner, role_text=then.role_text)


def _digits_written(f: Folded) -> Folded:
    """A clause with each count in words and digits as its digits, padded (text and folded text stay aligned)."""
    text, low = f.text, f.low
    for m in _WORD_THEN_DIGITS.finditer(f.low):
        said = _digits_only(m)
        text, low = text[: m.start()] + said + text[m.end() :], low[: m.start()] + said + low[m.end() :]
    return Folded(text, low)


def _digits_only(m: re.Match[str]) -> str:
    """The digits of a count in words and digits, padded to the same length (text and folded text stay aligned)."""
    return m.group(1).ljust(len(m.group(0)))


_ASSEMBLY_WORD = when.EVENT_VERBS["assembly"]
_DEPART_WORD = re.compile(r"\b(?:xuat phat|khoi hanh)\b")
#: The departure's verb right before its time ("xuất phát 9h30", "khởi hành lúc 7 giờ 45") (folded).
_DEPART_THEN_TIME = re.compile(
    r"(?<!diem )(?<!noi )\b(?:xuat phat|khoi hanh|lan banh)\s*(?::\s*)?(?:(?:vao\s+)?luc\s+)?(?=\d)"
)
#: A line that opens with a total and a colon ("02 xe ô tô: 01 xe đi đầu; 01 xe đi cuối"): its parts follow.
_TOTAL_COLON = re.compile(r"^\s*" + _COUNT + r"\s+(?:chiec\s+)?(?:xe|o to)\b[^:;.]{0,60}:\s*\S")


#: A count set off by dashes after the vehicles it counts ("Đoàn xe đạp của học sinh - 30 xe - chỉ …") (folded):
#: group ``what`` the vehicles, ``n`` their count.
_COUNT_ASIDE = re.compile(r"(?P<what>\bxe\s[^-–()]{2,60}?)\s+[-–]\s+(?P<n>\d{1,3})\s+xe\s+(?=[-–]\s)")


def _count_aside(f: Folded) -> Folded:
    """A count set off by dashes after the vehicles it counts put before them (:data:`_COUNT_ASIDE`: "xe đạp của
    học sinh - 30 xe - chỉ …" → "30 xe đạp của học sinh - chỉ …"), as a count is read; the line as it is else."""
    m = _COUNT_ASIDE.search(f.low)
    if m is None:
        return f
    t = f.text
    said = f"{t[m.start('n') : m.end('n')]} {t[m.start('what') : m.end('what')]} "
    return Folded.of(t[: m.start()] + said + t[m.end() :])


def _force_clauses(f: Folded) -> list[Folded]:
    """A forces line's clauses; a total with its parts after a colon stays one ("…: 01 xe …; 01 xe …")."""
    return [f] if _TOTAL_COLON.match(f.low) else ev.clauses(f)


def _kind_from(got: list[Force], whole: Force | None) -> list[Force]:
    """Parts after their total ("tổng số 12 xe hoa, trong đó 10 xe của …"): of the total's kind when they name
    none of their own."""
    if whole is None or whole.kind == "other" and not _CAR.search(fold(whole.label)):
        return got  # "02 xe ô tô: 01 xe dẫn đầu, 01 xe khóa đuôi": cars, whoever's they are
    return [dataclasses.replace(x, kind=whole.kind, label=whole.label) if x.kind == "other" else x for x in got]


def _per_unit(force: Force, scope: Folded, unit: str = "") -> Force:
    """A count for each unit ("mỗi khu phố 01 xe hoa"); with the whole count in its bracket ("(09 xe)") that count,
    with the number of units ("mỗi khu phố 01 xe (15 khu phố)") the count times that number."""
    br = re.match(r"[^()]*?\(([^()]*)\)", scope.low)
    n = whole_count(br.group(1), ev.NUMWORDS) if br else None
    if n is not None and n >= force.count:
        return dataclasses.replace(force, count=n, per_unit=False)
    units = re.fullmatch(r"\s*(\d{1,3})\s+([a-z ,]{2,40}?)\s*", br.group(1)) if br else None
    head = unit.split(",")[0].strip()
    if units and head and units.group(2).startswith(head):
        return dataclasses.replace(force, count=force.count * int(units.group(1)), per_unit=False)
    return dataclasses.replace(force, per_unit=True)


def _without_per_unit(forces: list[Force]) -> list[Force]:
    """The forces without a count for each unit ("mỗi cụm trường 01 xe hoa") where the document also counts that
    kind as a whole ("tổng số 06 xe hoa")."""
    whole = {f.kind for f in forces if not f.per_unit}
    return [f for f in forces if not (f.per_unit and f.kind in whole)]


def _named_as(g: Force, total: Force) -> bool:
    """Whether a group is named as a total names its vehicles ("xe cứu thương của Trung tâm Y tế" as "xe cứu
    thương"), a name more than a bare "xe"."""
    name = fold(total.label or "")
    return not _BARE_XE.match(name) and fold(g.label or "").startswith(name)


def _plain_car(x: Force) -> bool:
    """Whether a group of no kind of its own is a plain car ("Xe ô tô hậu cần", "Xe ô tô dẫn đầu"), not a lorry, a
    fire engine or an ambulance."""
    label = fold(x.label)
    return x.kind == "other" and _BARE_CAR.match(label) is not None and SERVICE_VEHICLE.search(label) is None


def _police_car_said(x: Force) -> bool:
    """Whether a group of no kind of its own, in a clause about the police, is the police's cars: a car ("xe ô tô",
    "xe chuyên dụng"), not a fire engine or an ambulance (:data:`SERVICE_VEHICLE`)."""
    label = fold(x.label)
    return x.kind == "other" and _CAR.search(label) is not None and SERVICE_VEHICLE.search(label) is None


def of_police(g: Force) -> bool:
    """Whether a group is the police's: police cars, or motorbikes its label or owner gives to the police ("02 xe
    mô tô CSGT")."""
    said = fold(f"{g.label or ''} {g.owner or ''}")
    return g.kind == "police_car" or (g.kind == "motorbike" and _POLICE.search(said) is not None)


def _totals_of(told: list[Force], above: list[Force]) -> bool:
    """Whether a line's counts are the totals of the groups above it: each is its kind's sum, or (a kind of no
    name, "xe phục vụ") the sum of the groups of the kinds no other count of the line totals."""
    kinds = {f.kind for f in told if f.kind != "other"}
    if not told or not above:
        return False
    for f in told:
        named = [g.count for g in above if g.kind == f.kind == "other" and _named_as(g, f)]
        if f.kind == "police_car" and not _CAR.search(fold(f.label or "")):  # "03 xe CSGT": cars and motorbikes
            same = [g.count for g in above if of_police(g)]
        elif named:  # "01 xe cứu thương" totals "01 xe cứu thương của Trung tâm Y tế"
            same = named
        else:
            same = [g.count for g in above if (g.kind == f.kind if f.kind != "other" else g.kind not in kinds)]
        if not same or sum(same) != f.count:
            return False
    return True


def _without_totals(forces: list[Force]) -> list[Force]:
    """The forces without a total that is the sum of the others ("Tổng số 18 xe, trong đó: …"), or of the others of
    its kind when it names no owner and each of them does ("12 xe hoa" and "01 xe hoa của quận, 11 xe hoa của 11
    phường"); a group that names a kind of its own ("11 xe cứu thương") is no total, whatever it adds up to."""
    out = list(forces)
    for f in forces:
        rest = [g for g in out if g is not f]
        named = re.sub(r"\b(?:xe|chiec|cai|cac|loai|phuong tien|tong|so|cong|gom|trong do)\b|\W", "", fold(f.label))
        if f.kind == "other" and not named and len(rest) >= 2 and f.count == sum(g.count for g in rest):
            out = rest
    for f in list(out):  # "12 xe hoa" (a headline, a summary) and the body's "1 xe hoa của quận, 11 xe hoa của 11
        parts = [g for g in out if g is not f and g.kind == f.kind]  # phường": the parts, each owned
        if (
            f.owner is None
            and len(parts) >= 2
            and all(g.owner for g in parts)
            and f.count == sum(g.count for g in parts)
        ):
            out = [g for g in out if g is not f]
    return out


#: A junction's number as place ids write it ("Ngã ba" → "nga_3_…").
_JUNCTION_NUMBER = {fold(word): n for n, word in JUNCTION_WORDS if n.isdigit()}


def place_key(name: str) -> str:
    """A comparison key for place names: "Trụ sở UBND quận" and "Ủy ban nhân dân quận" give the same key.

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    str
    """
    low = fold(name_key(tidy(name)))  # the one normaliser: "UBND", "CV", "THCS", "Ngã 3" written out
    while True:
        m = re.match(r"(?:tru so|tai|san khau|san|khuon vien|hoi truong|truoc)\s+", low)
        if not m:
            break
        low = low[m.end() :]
    low = re.sub(r"\bnga (ba|tu|nam|sau)\b", lambda m: "nga " + _JUNCTION_NUMBER[m.group(1)], low)  # ids: "nga_3_…"
    return re.sub(r"[^a-z0-9]+", " ", low).strip()


def where_at(name: str, key: str, other: str) -> bool:
    """Whether ``name`` (key ``key``) is a place of the same document (key ``other``) with words in lower case before
    it that say where at it ("khu vực chợ Thạnh Xuân", "bãi đất trống phía sau chợ Lạc Quang" → "chợ …")."""
    if len(other) < 6 or key == other or not key.endswith(" " + other):
        return False
    words = name.split()
    k = next((k for k in range(1, len(words)) if place_key(" ".join(words[k:])) == other), None)
    return k is not None and all(w == w.lower() for w in words[:k])


#: The administrative unit a place's name may end with ("Nhà Văn hóa Lao động Quận 12", "… phường Tân Thới Hiệp")
#: (folded key, a unit of up to three words).
_UNIT_ADDED = re.compile(r"(?:quan|huyen|thi xa|thanh pho|phuong|xa|thi tran)(?:\s+[a-z0-9]+){1,3}")
#: Bodies a unit alone tells apart ("Ủy ban nhân dân" of which ward): no place of their own without it (folded key).
_BODY_OF_A_UNIT = re.compile(r"^(?:uy ban nhan dan|hoi dong nhan dan|dang uy|cong an|mat tran)\b")


def unit_added(key: str, other: str) -> bool:
    """Whether ``other`` is the place of key ``key`` with the administrative unit it lies in after its name ("Nhà Văn
    hóa Lao động" and "Nhà Văn hóa Lao động Quận 12 (cũ)" in one document); not a body a unit alone names ("Ủy
    ban nhân dân" and "Ủy ban nhân dân phường 17")."""
    if len(key.split()) < 4 or _BODY_OF_A_UNIT.match(key) or not other.startswith(key + " "):
        return False
    return _UNIT_ADDED.fullmatch(other[len(key) + 1 :]) is not None and not _UNIT_ADDED.search(key)


def extract(text: str, source: str | None = None) -> Extraction:
    """Read the facts of a plan document's text.

    Parameters
    ----------
    text : str
        The document's text (raw extraction noise is tolerated).
    source : str, optional
        The document's file name, kept in the plan's ``event.source``.

    Returns
    -------
    Extraction
        The facts, with ``unresolved`` listing what could not be found.
    """
    from paradeplan.importer.parades import each_parade, joined_leg, parade_sections, with_joined_leg, without_lines

    reader = _Reader(text, source)
    whole = reader.run()
    sections = parade_sections(reader.doc, reader.routed)
    if not sections:
        return whole
    readings = []
    for k in range(len(sections)):  # each parade read from the document without the other parades' sections
        others = set().union(*(s for j, s in enumerate(sections) if j != k))
        readings.append(_Reader(without_lines(reader.lines, others), source).run())
    joined = joined_leg(reader.lines)  # "Sau khi hợp đoàn tại A: toàn đoàn tiếp tục theo đường B …"
    if joined is not None:
        leg = reader.joined_steps(joined[1])
        readings = [with_joined_leg(r, joined[0], leg) for r in readings]
    return each_parade(whole, readings) or whole
