"""Vietnamese and English labels, and official-style Vietnamese dates and times ("7 giờ 30 phút, ngày 02 …")."""

from __future__ import annotations

from datetime import date

LABELS: dict[str, tuple[str, str]] = {
    # key: (vi, en)
    "plan_book": ("Sổ kế hoạch điều hành", "Plan book"),
    "summary": ("Tóm tắt", "Summary"),
    "event": ("Sự kiện", "Event"),
    "theme": ("Chủ đề", "Theme"),
    "parade": ("Hoạt động", "Parade"),
    "date": ("Ngày", "Date"),
    "assembly": ("Tập trung", "Assembly"),
    "assembly_place": ("Địa điểm tập trung", "Assembly place"),
    "assembly_time": ("Thời gian tập trung", "Assembly time"),
    "departure": ("Xuất phát", "Departure"),
    "finish_head": ("Đầu đoàn về đích", "Head reaches the end"),
    "finish_tail": ("Cuối đoàn về đích", "Tail reaches the end"),
    "split": ("Tách đoàn", "Column splits"),
    "uturn": ("Quay đầu", "U-turn"),
    "total_km": ("Chiều dài lộ trình", "Route length"),
    "column_length": ("Chiều dài đoàn xe", "Column length"),
    "column_speed": ("Tốc độ đoàn xe", "Column speed"),
    "vehicles": ("Số phương tiện", "Vehicles"),
    "posts_count": ("Số chốt điều tiết", "Traffic posts"),
    "escort_status": ("Bố trí lực lượng chốt", "Post staffing"),
    "no_leaving": (
        "Các xe tham gia điều hành không được tách đoàn đến khi kết thúc lộ trình điều hành.",
        "No vehicle may leave the column before the end of the route.",
    ),
    "route": ("Lộ trình điều hành", "Route"),
    "timeline": ("Tiến trình thời gian", "Timeline"),
    "milestone": ("Mốc", "Milestone"),
    "time": ("Thời gian", "Time"),
    "head": ("Đầu đoàn", "Head"),
    "tail": ("Cuối đoàn", "Tail"),
    "lineup": ("Thứ tự đoàn xe", "Column line-up"),
    "position": ("Thứ tự", "Position"),
    "unit": ("Đơn vị / xe", "Unit"),
    "unit_id": ("Mã xe", "Unit id"),
    "name": ("Tên", "Name"),
    "kind": ("Loại", "Kind"),
    "role": ("Nhiệm vụ", "Role"),
    "group": ("Nhóm", "Group"),
    "owner": ("Đơn vị quản lý", "Owner"),
    "length_m": ("Dài (m)", "Length (m)"),
    "closures": ("Phân luồng, tạm cấm đường", "Road closures"),
    "closures_posts": ("Chốt điều tiết giao thông", "Traffic posts"),
    "closures_stretches": ("Các đoạn đường tạm cấm", "Closed stretches"),
    "post": ("Chốt", "Post"),
    "street": ("Tuyến đường", "Street"),
    "cross_street": ("Đường giao cắt", "Cross street"),
    "from": ("Từ", "From"),
    "to": ("Đến", "To"),
    "lat": ("Vĩ độ", "Lat"),
    "lon": ("Kinh độ", "Lon"),
    "close": ("Bắt đầu cấm", "Close"),
    "reopen": ("Thông đường", "Reopen"),
    "units": ("Lực lượng", "Units"),
    "runsheets": ("Phiếu nhiệm vụ từng xe", "Unit run-sheets"),
    "post_or_position": ("Chốt / vị trí", "Post or position"),
    "place": ("Địa điểm", "Place"),
    # one truth for times (issue 27): the plan book, run-sheets, calendars and the live unit view say the same
    # three things with the same words: when to be there, when to hold it, when to leave
    "arrive_by": ("Có mặt lúc", "Be there at"),
    "hold_from": ("Bắt đầu giữ", "Hold from"),
    "release_at": ("Được rời lúc", "Leave at"),
    "next_move": ("Tiếp theo", "Next move"),
    "leave_base": ("Rời đơn vị", "Leave base"),
    "base": ("Nơi xuất phát", "Base"),
    "in_column": ("Vị trí {n} trong đoàn", "Position {n} in the column"),
    "at_head": ("Dẫn đầu đoàn (vị trí {n})", "Leads the column (position {n})"),
    "ride_column": ("Đi trong đoàn", "Ride in the column"),
    "return_base": ("Về đơn vị", "Return to base"),
    "to_post": ("Đến chốt {p}", "To post {p}"),
    "reserve_at": ("Dự bị tại {p}", "Reserve at {p}"),
    "duty": ("Nhiệm vụ trong ngày", "Duty"),
    "slack": ("Dự phòng (phút)", "Slack (min)"),
    "min_slack": ("Thời gian dự phòng nhỏ nhất tại chốt", "Smallest slack at a post"),
    "minutes": ("{n} phút", "{n} min"),
    "delay_tolerance": (
        "Đoàn có thể đi sớm / muộn mà các chốt vẫn đủ lực lượng",
        "The column may run early / late and every post is still held",
    ),
    "tolerance_value": ("sớm đến {e} phút, muộn đến {l} phút", "up to {e} min early, up to {l} min late"),
    "units_needed": ("Lực lượng tối thiểu cần (đã chứng minh)", "Fewest units needed (proven)"),
    "units_given": ("Lực lượng được giao", "Units given"),
    "reserves": ("Lực lượng dự bị", "Reserves"),
    "what_if": ("Giả định", "What-if"),
    "onward": ("Lộ trình riêng sau khi tách đoàn", "Own route after the split"),
    "drive": ("Di chuyển", "Drive"),
    "parade_leg": ("Diễu hành", "Parade"),
    "ceremonies": ("Lễ khai mạc, ra quân", "Ceremonies"),
    "program": ("Chương trình", "Program"),
    "item": ("Nội dung", "Item"),
    "speaker": ("Phụ trách", "Speaker"),
    "guests": ("Đại biểu, đội tham dự", "Guests and teams"),
    "itineraries": ("Lịch trình từng đại biểu", "Itineraries"),
    "person": ("Đại biểu", "Person"),
    "ceremony": ("Buổi lễ", "Ceremony"),
    "venue": ("Địa điểm", "Venue"),
    "arrive": ("Đến", "Arrive"),
    "leave": ("Rời đi", "Leave"),
    "travel_min": ("Di chuyển (phút)", "Travel (min)"),
    "no_stops": ("Không tham dự buổi lễ nào.", "Attends no ceremony."),
    "unmet": ("Chưa đáp ứng", "Unmet wishes"),
    "need": ("Yêu cầu", "Need"),
    "required": ("bắt buộc", "required"),
    "wished": ("mong muốn", "wished"),
    "reason": ("Lý do", "Reason"),
    "all_met": ("Mọi yêu cầu và mong muốn tham dự đều được đáp ứng.", "Every required and wished attendance is met."),
    "week": ("Lịch tuần", "Week calendar"),
    "round": ("Hoạt động", "Round"),
    "uses": ("Sử dụng", "Uses"),
    "unplaced": ("Chưa xếp được lịch", "Not placed"),
    "ceremony_map": ("Bản đồ địa điểm lễ", "Ceremony venues map"),
    "files": ("Tệp đính kèm", "Files"),
    "map": ("Bản đồ điều hành", "Operations map"),
    "map_public": ("Bản đồ công khai", "Public map"),
    "attribution": ("Dữ liệu bản đồ", "Map data"),
    "force_table": ("Bảng phân công lực lượng", "Assignment of forces"),
    "forces": ("Lực lượng tham gia điều hành", "Forces taking part"),
    "overview": ("Tổng quan", "Overview"),
    "stt": ("STT", "No."),
    "note": ("Ghi chú", "Note"),
    "uncovered": ("Thiếu lực lượng", "Missing units"),
    "fixes": ("Đề xuất khắc phục", "Suggested fixes"),
    "end_label": ("kết thúc", "end"),
    "uturn_label": ("quay đầu", "U-turn"),
    "day_of": ("ngày", "on"),
    "staging": ("Di chuyển đến điểm tập trung", "Driving to the assembly"),
    "via": ("qua", "via"),
    "generated": ("Lập bởi paradeplan", "Made with paradeplan"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "police_car": ("Xe cảnh sát giao thông", "Police car"),
    "police_motorbike": ("Xe mô tô", "Police motorbike"),
    "flower_float": ("Xe hoa", "Flower float"),
    "loudspeaker": ("Xe loa", "Loudspeaker vehicle"),
    "bus": ("Xe buýt", "Bus"),
    "car": ("Xe ô tô", "Car"),
    "marching_group": ("Khối diễu hành", "Marching group"),
    "other": ("Phương tiện khác", "Other"),
}

DUTY_LABELS: dict[str, tuple[str, str]] = {
    "lead": ("Dẫn đầu đoàn", "Leads the column"),
    "column": ("Đi trong đoàn", "Rides in the column"),
    "posts": ("Giữ chốt", "Holds posts"),
    "reserve": ("Dự bị", "Reserve"),
}

ROLE_LABELS: dict[str, tuple[str, str]] = {
    "lead": ("Mở đường", "Lead"),
    "route_guard": ("Bảo vệ lộ trình", "Route guard"),
    "in_column": ("Trong đoàn", "In the column"),
    "post_duty": ("Trực chốt", "Post duty"),
    "flank": ("Hộ tống hai bên", "Flank"),
    "tail": ("Khóa đuôi", "Tail"),
    "support": ("Hỗ trợ", "Support"),
}

#: Run-sheet groups, in sheet order: (key, vi, en).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("police_cars", "Xe CSGT", "Police cars"),
    ("motorbikes", "Xe mô tô", "Motorbikes"),
    ("floats", "Xe hoa", "Floats"),
    ("others", "Khác", "Others"),
)

POINT_KINDS: dict[str, tuple[str, str]] = {
    "start": ("Xuất phát", "Start"),
    "end": ("Kết thúc", "End"),
    "uturn": ("Quay đầu", "U-turn"),
    "assembly": ("Tập trung", "Assembly"),
    "junction": ("Giao lộ", "Junction"),
}

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def t(key: str, lang: str, **fmt: object) -> str:
    """The label ``key`` in ``lang`` ("vi" or "en"), formatted with ``fmt``.

    Parameters
    ----------
    key : str
        A key of ``LABELS``.
    lang : str
        "vi" or "en".
    **fmt
        Values for ``{placeholders}``.

    Returns
    -------
    str
    """
    text = _pick(LABELS[key], lang)
    return text.format(**fmt) if fmt else text


def kind_label(kind: str | None, lang: str) -> str:
    """Human name of a vehicle kind (the kind itself when unknown)."""
    if not kind:
        return ""
    return _pick(KIND_LABELS[kind], lang) if kind in KIND_LABELS else kind


def role_label(role: str | None, lang: str) -> str:
    """Human name of a vehicle role (the role itself when unknown)."""
    if not role:
        return ""
    return _pick(ROLE_LABELS[role], lang) if role in ROLE_LABELS else role


def duty_label(duty: str | None, lang: str) -> str:
    """The label of a unit's duty of the day."""
    if duty in DUTY_LABELS:
        return _pick(DUTY_LABELS[duty], lang)
    return str(duty or "")


def point_label(kind: str | None, lang: str) -> str:
    """Human name of a route point kind."""
    if not kind:
        return ""
    return _pick(POINT_KINDS[kind], lang) if kind in POINT_KINDS else kind


def group_of(kind: str | None) -> str:
    """Run-sheet group key of a vehicle kind: police_cars, motorbikes, floats or others."""
    if kind == "police_car":
        return "police_cars"
    if kind == "police_motorbike":
        return "motorbikes"
    if kind == "flower_float":
        return "floats"
    return "others"


def group_label(key: str, lang: str) -> str:
    """Human name of a run-sheet group key."""
    for k, vi, en in GROUPS:
        if k == key:
            return en if lang == "en" else vi
    return key


def official_time(s: int | None, lang: str = "vi") -> str:
    """A clock time in the style of official documents: "7 giờ 30 phút" (vi) or "07:30" (en); empty for None."""
    if s is None:
        return ""
    h, m = s // 3600, s % 3600 // 60
    if lang == "en":
        return f"{h:02d}:{m:02d}"
    return f"{h} giờ {m:02d} phút"


def official_date(day: str | date | None, lang: str = "vi") -> str:
    """A date in the style of official documents: "ngày 02 tháng 10 năm 2023" (vi) or "2 October 2023" (en)."""
    if not day:
        return ""
    d = day if isinstance(day, date) else date.fromisoformat(str(day))
    if lang == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def short_date(day: str | date | None, lang: str = "vi") -> str:
    """A date for a table cell: "02/10/2023" (vi) or "2023-10-02" (en); empty for None."""
    if not day:
        return ""
    d = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return d.isoformat() if lang == "en" else f"{d.day:02d}/{d.month:02d}/{d.year}"


def date_span(days: list[str] | list[date], lang: str = "vi") -> str:
    """The dates of several events as official documents write them: one date, or "từ ngày … đến ngày …"."""
    ds = sorted({d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in days})
    if not ds:
        return ""
    if len(ds) == 1:
        return official_date(ds[0], lang)
    if lang == "en":
        return f"{official_date(ds[0], lang)} – {official_date(ds[-1], lang)}"
    return f"từ {official_date(ds[0], lang)} đến {official_date(ds[-1], lang)}"


def official_datetime(day: str | date | None, s: int | None, lang: str = "vi") -> str:
    """Time and date as official documents write them: "7 giờ 30 phút, ngày 02 tháng 10 năm 2023"."""
    parts = [p for p in (official_time(s, lang), official_date(day, lang)) if p]
    return ", ".join(parts)


def street_phrase(street: str, lang: str = "vi") -> str:
    """A street as the route paragraph names it: "đường Tô Ký", but "Quốc lộ 1" kept as is."""
    s = street.strip()
    if lang == "en":
        return s
    low = s.lower()
    prefixes = (
        "đường",
        "quốc lộ",
        "tỉnh lộ",
        "đại lộ",
        "hương lộ",
        "xa lộ",
        "cầu",
        "hẻm",
        "ngã",
        "vòng xoay",
        "đt",
        "ql",
        "tl",
    )
    if low.startswith(prefixes):
        return s
    return f"đường {s}"
