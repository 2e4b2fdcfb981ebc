"""Random imported variants through `plan`: a ward or district parade plan written from building blocks (route
notation, speed, times, police and forces on foot stated or not, a traffic duty in one of several wordings), imported
and planned; every run must end with exit 0 or 3 (a plan, complete or saying what is short), never "internal error"
(the solver and the independent checker must agree on every plan the importer writes).

    python benchmarks/import_variants.py -n 40 --seed 1

Prints one line per variant and the exit codes counted. ``tests/test_import_decide_variants.py`` runs a few.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

#: Routes in the embedded street data (Quận 12), as steps.
ROUTES = (
    (
        "Ủy ban nhân dân Quận 12",
        "đường Lê Thị Riêng",
        "Quốc lộ 1",
        "Ngã tư Ga (quay đầu)",
        "Quốc lộ 1",
        "đường Lê Thị Riêng",
        "Ủy ban nhân dân Quận 12",
    ),
    (
        "Ủy ban nhân dân Quận 12",
        "đường Lê Thị Riêng",
        "Quốc lộ 1",
        "đường Lê Văn Khương",
        "Nguyễn Ảnh Thủ",
        "Tô Ký",
        "Quốc lộ 1",
        "đường Lê Thị Riêng",
        "Ủy ban nhân dân Quận 12",
    ),
    ("Ngã tư Ga", "Quốc lộ 1", "Tô Ngọc Vân", "Hà Huy Giáp", "Ngã tư Ga"),
)
SEPARATORS = (" → ", " – ", " - ", " > ")
DUTIES = (
    "- Công an Quận 12: phân luồng, bảo đảm an toàn giao thông trên lộ trình.",
    "- Công an Quận 12 chủ trì, phối hợp các phường bảo đảm trật tự, an toàn giao thông dọc tuyến diễu hành.",
    "- Đội Cảnh sát giao thông - Trật tự Công an Quận 12 hướng dẫn giao thông tại các giao lộ.",
    "",
)


def variant(rng: random.Random) -> str:
    """One plan document, drawn from the building blocks."""
    steps = list(rng.choice(ROUTES))
    route = rng.choice(SEPARATORS).join(steps)
    hour, minute = rng.choice((7, 8, 14, 15, 18)), rng.choice((0, 15, 30))
    when = f"xuất phát lúc {hour} giờ {minute:02d}, ngày {rng.randint(1, 7):02d}/10/2024"
    if rng.random() < 0.5:
        when = f"tập trung lúc {hour - 1} giờ 30, " + when
    vehicles = [f"{rng.randint(2, 16):02d} xe hoa của các phường"]
    if rng.random() < 0.6:
        vehicles.append(f"{rng.randint(1, 2):02d} xe ô tô Cảnh sát giao thông dẫn đoàn")
    if rng.random() < 0.4:
        vehicles.append(f"{rng.randint(1, 8):02d} xe mô tô Cảnh sát giao thông bảo vệ lộ trình")
    if rng.random() < 0.3:
        vehicles.append(f"{rng.randint(2, 12):02d} xe mô tô của Công an quận")
    lines = [
        "ỦY BAN NHÂN DÂN",
        "QUẬN 12",
        "Số: 301/KH-UBND",
        "Quận 12, ngày 16 tháng 9 năm 2024",
        "KẾ HOẠCH",
        "Diễu hành xe hoa hưởng ứng Tuần lễ học tập suốt đời năm 2024",
        f"1. Thời gian: {when}.",
        "2. Phương tiện: " + "; ".join(vehicles) + ".",
        f"3. Lộ trình: {route}.",
    ]
    if rng.random() < 0.5:
        lines.append(f"Tốc độ di chuyển không quá {rng.choice((5, 8, 10, 15, 20, 25, 30, 40))} km/giờ.")
    lines.append("4. Phân công:")
    duty = rng.choice(DUTIES)
    if duty:
        lines.append(duty)
    if rng.random() < 0.4:
        lines.append(
            f"- Ban Chỉ huy Quân sự quận: cử {rng.randint(5, 60)} đồng chí dân quân giữ trật tự tại các giao lộ."
        )
    return "\n".join(lines) + "\n"


def run(text: str, folder: Path) -> tuple[int, int | None, str]:
    """(import exit code, plan exit code or None, the first line of what went wrong)."""
    from typer.testing import CliRunner

    from paradeplan.cli import app

    runner = CliRunner()
    doc, plan = folder / "doc.txt", folder / "plan.yaml"
    doc.write_text(text, encoding="utf-8")
    imp = runner.invoke(app, ["import", str(doc), "-o", str(plan)])
    if imp.exit_code != 0:
        return imp.exit_code, None, imp.output.strip().splitlines()[-1][:160] if imp.output.strip() else ""
    res = runner.invoke(app, ["plan", str(plan), "--out", str(folder / "out")])
    bad = next((ln for ln in res.output.splitlines() if "internal error" in ln or "lỗi nội bộ" in ln), "")
    return 0, res.exit_code, bad[:160]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    codes: Counter[str] = Counter()
    t0 = time.perf_counter()
    for k in range(args.n):
        text = variant(rng)
        with tempfile.TemporaryDirectory() as tmp:
            imp, plan, bad = run(text, Path(tmp))
        codes[f"import {imp}" if plan is None else f"plan {plan}"] += 1
        print(f"{k:3d} import {imp} plan {plan} {bad}")
    print(dict(sorted(codes.items())), f"in {time.perf_counter() - t0:.0f} s")
    return 1 if any(k.startswith("plan") and k not in ("plan 0", "plan 3") for k in codes) else 0


if __name__ == "__main__":
    sys.exit(main())
