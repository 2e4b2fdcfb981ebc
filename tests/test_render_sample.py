"""A small hand-made schedule and route (docs/schedule.md shape) used when the pipeline does not write one yet."""

from __future__ import annotations

from typing import Any


def sample_schedule() -> tuple[dict[str, Any], dict[str, Any]]:
    """A Quận 12-like schedule: 2 lead cars, 1 tail car, 3 escort units, 3 floats; 2 U-turns; 3 posts."""
    posts = [
        {"post": "P01", "street": "Lê Thị Riêng", "cross_street": "Quốc lộ 1", "lat": 10.8645, "lon": 106.6571,
         "close": "07:55:00", "reopen": "08:40:00", "units": ["mo-to-01", "mo-to-02"]},
        {"post": "P02", "street": "Trường Chinh", "cross_street": "Tô Ký", "lat": 10.8401, "lon": 106.6312,
         "close": "08:30:00", "reopen": "09:50:00", "units": ["mo-to-03"]},
        {"post": "P03", "street": "Quốc lộ 1", "cross_street": "Hà Huy Giáp", "lat": 10.8612, "lon": 106.6801,
         "close": "09:20:00", "reopen": "10:20:00", "units": ["mo-to-01"]},
    ]
    units = [
        {"unit": "csgt-mo-duong-01", "name": "Xe cảnh sát giao thông mở đường 1", "kind": "police_car",
         "role": "lead", "group": "csgt-mo-duong", "owner": "Công an Quận 12", "base": None, "ride": "head",
         "runs": []},
        {"unit": "csgt-mo-duong-02", "name": "Xe cảnh sát giao thông mở đường 2", "kind": "police_car",
         "role": "lead", "group": "csgt-mo-duong", "owner": "Công an Quận 12", "base": None, "ride": "head",
         "runs": []},
        {"unit": "xe-loa", "name": "Xe loa tuyên truyền", "kind": "loudspeaker", "role": "in_column",
         "group": "xe-loa", "owner": "TTVH-TT", "base": None, "ride": "column", "runs": []},
        {"unit": "XH-THOI-AN", "name": "Xe hoa phường Thới An", "kind": "flower_float", "role": "in_column",
         "group": "xe-hoa-phuong", "owner": "Phường Thới An", "base": None, "ride": "column", "runs": []},
        {"unit": "XH-AN-PHU-DONG", "name": "Xe hoa phường An Phú Đông", "kind": "flower_float",
         "role": "in_column", "group": "xe-hoa-phuong", "owner": "Phường An Phú Đông", "base": None,
         "ride": "column", "runs": []},
        {"unit": "csgt-bao-ve-01", "name": "Xe cảnh sát giao thông bảo vệ lộ trình 1", "kind": "police_car",
         "role": "route_guard", "group": "csgt-bao-ve", "owner": "Công an Quận 12", "base": None,
         "ride": "column", "runs": []},
        {"unit": "mo-to-01", "name": "Xe mô tô 1", "kind": "police_motorbike", "role": "route_guard",
         "group": "mo-to", "owner": "Công an Quận 12", "base": None, "ride": "posts",
         "runs": [{"seq": 1, "post": "P01", "name": "Lê Thị Riêng × Quốc lộ 1", "lat": 10.8645, "lon": 106.6571,
                   "arrive": "07:45:00", "hold_from": "07:55:00", "release_at": "08:40:00"},
                  {"seq": 2, "post": "P03", "name": "Quốc lộ 1 × Hà Huy Giáp", "lat": 10.8612, "lon": 106.6801,
                   "arrive": "08:55:00", "hold_from": "09:20:00", "release_at": "10:20:00"}]},
        {"unit": "mo-to-02", "name": "Xe mô tô 2", "kind": "police_motorbike", "role": "route_guard",
         "group": "mo-to", "owner": "Công an Quận 12", "base": None, "ride": "posts",
         "runs": [{"seq": 1, "post": "P01", "name": "Lê Thị Riêng × Quốc lộ 1", "lat": 10.8645, "lon": 106.6571,
                   "arrive": "07:45:00", "hold_from": "07:55:00", "release_at": "08:40:00"}]},
        {"unit": "mo-to-03", "name": "Xe mô tô 3", "kind": "police_motorbike", "role": "route_guard",
         "group": "mo-to", "owner": "Công an Quận 12", "base": None, "ride": "posts",
         "runs": [{"seq": 1, "post": "P02", "name": "Trường Chinh × Tô Ký", "lat": 10.8401, "lon": 106.6312,
                   "arrive": "08:20:00", "hold_from": "08:30:00", "release_at": "09:50:00"}]},
    ]
    column = [{"position": i + 1, "unit": u["unit"], "name": u["name"], "kind": u["kind"], "role": u["role"],
               "group": u["group"], "owner": u["owner"], "length_m": 10.0}
              for i, u in enumerate(x for x in units if x["ride"] in ("head", "column"))]
    schedule: dict[str, Any] = {
        "format": "paradeplan.schedule/1",
        "attribution": "© OpenStreetMap contributors (ODbL 1.0)",
        "event": {"name": "Tuần lễ hưởng ứng học tập suốt đời năm 2023",
                  "theme": "Xây dựng năng lực tự học trong kỷ nguyên số", "timezone": "Asia/Ho_Chi_Minh",
                  "language": "vi"},
        "parade": {"id": "xe-hoa-2023", "name": "Điều hành xe hoa tuyên truyền", "date": "2023-10-02",
                   "assembly": {"place": "ubnd_q12", "name": "Trụ sở Ủy ban nhân dân Quận 12", "lat": 10.86327,
                                "lon": 106.65467, "time": "07:30:00"},
                   "departure": "08:00:00", "finish_head": "10:05:00", "finish_tail": "10:12:00",
                   "total_km": 28.4, "column_length_m": 210.0, "column_speed_kmh": 15.0, "uturn_extra_s": 300,
                   "no_leaving_before_end": True},
        "column": column,
        "timetable": [
            {"seq": 1, "key": "n1", "name": "Trụ sở Ủy ban nhân dân Quận 12", "kind": "start", "lat": 10.86327,
             "lon": 106.65467, "km": 0.0, "head": "08:00:00", "tail": "08:01:00", "cross_class": None},
            {"seq": 2, "key": "n2", "name": "Ngã 3 Tham Lương", "kind": "uturn", "lat": 10.82614,
             "lon": 106.62659, "km": 12.0, "head": "08:50:00", "tail": "08:56:00", "cross_class": "primary"},
            {"seq": 3, "key": "n3", "name": "Ngã 4 Chùa Khánh An", "kind": "uturn", "lat": 10.85935,
             "lon": 106.7053, "km": 22.0, "head": "09:35:00", "tail": "09:41:00", "cross_class": "trunk"},
            {"seq": 4, "key": "n1", "name": "Trụ sở Ủy ban nhân dân Quận 12", "kind": "end", "lat": 10.86327,
             "lon": 106.65467, "km": 28.4, "head": "10:05:00", "tail": "10:12:00", "cross_class": None},
        ],
        "posts": [],
        "closures": {"posts": posts, "stretches": [
            {"seq": 1, "street": "Lê Thị Riêng", "from": "UBND", "to": "Quốc lộ 1", "length_m": 600.0,
             "close": "07:55:00", "reopen": "08:15:00"}]},
        "units": units,
        "staging": [{"unit": u["unit"], "kind": u["kind"], "from": None, "leave_base": None, "arrive": "07:20:00",
                     "travel_km": None, "via": None} for u in units if u["ride"] != "posts"],
        "escort": {"status": "OPTIMAL", "units_used": 3, "lower_bound": {}, "covered": 5, "required": 5,
                   "travel_km": 8.1, "uncovered": [], "fixes": []},
        "onward": [{"unit": "XH-THOI-AN", "legs": [
            {"seq": 1, "mode": "drive", "street": "Lê Thị Riêng", "segment": None, "enter": "10:15:00",
             "leave": "10:25:00"},
            {"seq": 2, "mode": "parade", "street": "Lê Văn Khương", "segment": "Thới An", "enter": "10:30:00",
             "leave": "11:10:00"}]}],
    }
    streets = [("Lê Thị Riêng", 600), ("Quốc lộ 1", 3000), ("Tô Ký", 4000), ("Trường Chinh", 4400),
               ("Trường Chinh", 4000), ("Quốc lộ 1", 10000), ("Hà Huy Giáp", 1500), ("Quốc lộ 1", 900)]
    feats: list[dict[str, Any]] = []
    lat, lon = 10.86327, 106.65467
    for i, (s, m) in enumerate(streets, start=1):
        nlat, nlon = lat - 0.002 * (1 if i % 2 else -1), lon + 0.003
        feats.append({"type": "Feature", "geometry": {"type": "LineString",
                                                      "coordinates": [[lon, lat], [nlon, nlat]]},
                      "properties": {"seq": i, "street": s, "length_m": float(m), "from": f"A{i}", "to": f"A{i + 1}"}})
        lat, lon = nlat, nlon
    for kind, name, la, lo in (("start", "Trụ sở Ủy ban nhân dân Quận 12", 10.86327, 106.65467),
                               ("uturn", "Ngã 3 Tham Lương", 10.82614, 106.62659),
                               ("uturn", "Ngã 4 Chùa Khánh An", 10.85935, 106.7053),
                               ("end", "Trụ sở Ủy ban nhân dân Quận 12", 10.86327, 106.65467),
                               ("junction", "Quốc lộ 1 × Tô Ký", 10.85, 106.64)):
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lo, la]},
                      "properties": {"kind": kind, "name": name}})
    return schedule, {"type": "FeatureCollection", "features": feats}
