"""The importer's time on the most costly texts the reader's limits let through (docs/limits.md).

Each text is as long as ``MAX_IMPORT_CHARS`` allows and written to cost the rules the most (a ceremony, an
attendance or a route step per line, a paragraph as long as ``MAX_LINE_CHARS``); one over each limit must be refused
at once. Runs the installed ``paradeplan import`` on each and prints exit code, wall time and peak memory::

    python benchmarks/import_hostile.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from paradeplan.importer.reader import MAX_IMPORT_CHARS, MAX_LINE_CHARS

HEAD = "ỦY BAN NHÂN DÂN PHƯỜNG 5\nKẾ HOẠCH\nTổ chức Lễ khai mạc Tuần lễ học tập suốt đời năm 2024\n"


def filled(line: Callable[[int], str], limit: int = MAX_IMPORT_CHARS) -> str:
    """The head, then ``line(0)``, ``line(1)``, … while the text stays within ``limit`` characters."""
    out, i = HEAD, 0
    while len(out) + len(line(i)) <= limit:
        out, i = out + line(i), i + 1
    return out


CASES: dict[str, str] = {
    "a ceremony and its official per line": filled(
        lambda i: f"- Đ/c Nguyễn Văn {i} dự Lễ khai mạc tại Trường THCS số {i}, lúc 7 giờ 30 ngày 02/10/2024.\n"
    ),
    "a numbered ward ceremony per line": filled(
        lambda i: (
            f"{i}. Lễ khai mạc cấp phường tại TTHTCĐ phường {i}, 7h30 ngày {1 + i % 28}/10/2024; "
            f"đ/c Trần Văn {i} chủ trì.\n"
        )
    ),
    "paragraphs at the paragraph limit": filled(lambda i: ("Đ/c A dự tại Trường B " * 300)[:MAX_LINE_CHARS] + "\n"),
    "route steps per line": filled(lambda i: f"- Đường số {i} → Quốc lộ 1 → Lê Văn Khương → Trường Chinh\n"),
    "one paragraph over the limit (refused)": HEAD + "Đ/c A dự tại Trường B " * 3000 + "\n",
    "a text over the limit (refused)": filled(lambda i: f"- Mục {i}: tuyên truyền.\n", MAX_IMPORT_CHARS + 200),
}


def main() -> int:
    cli = str(Path(sys.executable).parent / "paradeplan")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in CASES.items():
            f = Path(tmp) / "doc.txt"
            f.write_text(text, encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            r = subprocess.run([cli, "import", str(f), "-o", str(Path(tmp) / "plan.yaml")], capture_output=True)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(f"{name:42s} {len(text):7,d} chars  exit {r.returncode}  {wall:6.1f} s wall  {cpu:6.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
