"""Digest every output of every example plan, to show that a refactor changed no byte.

Usage::

    python tools/output_digests.py write BEFORE.json     # before the change
    python tools/output_digests.py check BEFORE.json     # after it: lists every file that differs

Each example plan under ``data/*/plan.yaml`` is run with ``paradeplan plan`` (both languages) into a
temporary folder; the SHA-256 of every file written is recorded, keyed by ``plan/lang/file``. Exit status 1
when ``check`` finds a difference (a file added, missing or changed).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def digests() -> dict[str, str]:
    """``plan/lang/relative-file`` → SHA-256 of every output of every example plan."""
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="paradeplan-digests-") as tmp:
        for plan in sorted((ROOT / "data").glob("*/plan.yaml")):
            for lang in ("vi", "en"):
                folder = Path(tmp) / plan.parent.name / lang
                proc = subprocess.run(
                    [
                        str(Path(sys.executable).parent / "paradeplan"),
                        "plan",
                        str(plan),
                        "--out",
                        str(folder),
                        "--lang",
                        lang,
                    ],
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    check=False,
                )
                out[f"{plan.parent.name}/{lang}/exit"] = str(proc.returncode)
                if not folder.is_dir():
                    out[f"{plan.parent.name}/{lang}/stderr"] = proc.stderr.strip()
                    continue
                for f in sorted(p for p in folder.rglob("*") if p.is_file()):
                    key = f"{plan.parent.name}/{lang}/{f.relative_to(folder).as_posix()}"
                    out[key] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def main(argv: list[str]) -> int:
    """Write or check a digest file."""
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    now = digests()
    path = Path(argv[1])
    if argv[0] == "write":
        path.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} digests written to {path}")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    differ = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
    for k in differ:
        state = "added" if k not in before else "missing" if k not in now else "changed"
        print(f"{state}: {k}")
    print(f"{len(now)} outputs, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
