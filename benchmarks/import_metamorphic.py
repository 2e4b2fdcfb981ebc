"""Metamorphic benchmark of the importer: semantics-preserving rewrites of each document must read the same.

For each txt document of ``benchmarks/import_corpus`` (the folder and its ``heldout*`` subfolders, with answer keys),
the original text and a set of rewrites of it are imported (``paradeplan import`` through typer's CliRunner, as
``import_eval.py`` does; no ``plan`` stage). Each rewrite is a pure function ``str -> str`` that changes only the
surface a Vietnamese reader skips over (how a time or a date is written, bullets, route arrows, abbreviations, line
wrapping, numbering, blank lines). The facts of every written plan are scored against the key with
``import_eval.py``'s own functions; a rewrite *hurts* a document in a field when the items right (tp) go down or the
items wrongly read (predicted − right) go up against the original's import::

    python benchmarks/import_metamorphic.py                       # a deterministic sample of 150 documents
    python benchmarks/import_metamorphic.py --sample 0            # every txt document
    python benchmarks/import_metamorphic.py --sample 20 --seed 3 -k heldout5 --json /tmp/meta.json
    python benchmarks/import_metamorphic.py -r times -r dates --keep /tmp/meta   # some rewrites; keep the files

Prints one line per document (the rewrites that hurt it, with fields) and a summary table per rewrite; ``--json``
writes every (doc, rewrite, field, before, after) with the facts lost and gained.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_eval import CORPUS, FIELDS, build, corpus, facts_of, key_facts, score  # noqa: E402

#: The fields reported (``fleet`` is ``vehicles`` summed per kind: left out, as it repeats ``vehicles``).
REPORTED = tuple(f for f in FIELDS if f != "fleet")

Score = dict[str, tuple[int, int, int]]


# -------------------------------------------------------------------------------------------------------- tables
def table_line(line: str) -> bool:
    """A row of a text table ("| a | b |") or its rule ("+----+----+")."""
    return line.lstrip().startswith("|") or bool(re.fullmatch(r"\s*\+[-=+]+\s*", line))


def cellwise(text: str, fn: Callable[[str], str]) -> str:
    """``fn`` applied to each line; in a grid table (one with "+----+" rules, read by column positions) to each cell
    of a row instead, keeping the cell's width: padded when shorter, left as it was when it would not fit."""
    lines = text.split("\n")
    if not any(re.fullmatch(r"\s*\+[-=+]+\s*", line) for line in lines):
        return "\n".join(fn(line) for line in lines)
    out = []
    for line in lines:
        if not line.lstrip().startswith("|"):
            out.append(fn(line))
            continue
        cells = []
        for cell in line.split("|"):
            new = fn(cell)
            if len(new) < len(cell):
                new += " " * (len(cell) - len(new))
            elif len(new) > len(cell):
                spare = len(new) - len(new.rstrip(" ")) - 1  # keep one space before the next "|"
                new = new[: len(cell)] if spare >= len(new) - len(cell) else cell
            cells.append(new)
        out.append("|".join(cells))
    return "\n".join(out)


# --------------------------------------------------------------------------------------------------------- times
#: A clock time with minutes, in any of the forms the rewrites write: "7 giờ 30 phút", "7 giờ 30", "7h30", "7g30",
#: "07:30" (and "8h00'", its minute mark dropped). Not after "trong/kéo dài/mất" (a duration, "trong 1 giờ 30
#: phút"); a bare "7 giờ" is left alone (it may be a duration: "trước 24 giờ").
_TIME = re.compile(
    r"(?<![\w:./-])(?<!trong )(?<!kéo dài )(?<!mất )"
    r"(?:(?P<h1>\d{1,2}) giờ (?P<m1>\d{2})(?: phút)?+"
    r"|(?P<h2>\d{1,2})[hg](?P<m2>\d{2})'?"
    r"|(?P<h3>\d{1,2}):(?P<m3>\d{2}))"
    r"(?![\w/]|[:.]\d)"
)

_TIME_FORMS: dict[str, Callable[[int, int], str]] = {
    "giophut": lambda h, m: f"{h:02d} giờ {m:02d} phút",
    "gio": lambda h, m: f"{h} giờ {m:02d}",
    "h": lambda h, m: f"{h}h{m:02d}",
    "g": lambda h, m: f"{h}g{m:02d}",
    "colon": lambda h, m: f"{h:02d}:{m:02d}",
}


def rewrite_times(text: str, form: str) -> str:
    """Every clock time with minutes written in one form (``_TIME_FORMS``); hours 0–23, minutes 0–59 only."""
    render = _TIME_FORMS[form]

    def sub(m: re.Match[str]) -> str:
        h = int(m.group("h1") or m.group("h2") or m.group("h3"))
        mi = int(m.group("m1") or m.group("m2") or m.group("m3"))
        return render(h, mi) if h < 24 and mi < 60 else m.group(0)

    return cellwise(text, lambda line: _TIME.sub(sub, line))


# --------------------------------------------------------------------------------------------------------- dates
#: A full date: "[ngày ]01/10/2024", "[ngày ]1-10-2024", "[ngày ]1.10.2024", "ngày 1 tháng 10 năm 2024".
_DATE = re.compile(
    r"(?P<ngay>[Nn]gày\s+)?(?:"
    r"(?<![\w/.-])(?P<d1>\d{1,2})(?P<sep>[/.-])(?P<m1>\d{1,2})(?P=sep)(?P<y1>\d{4})(?![\w/-]|\.\d)"
    r"|(?<=[Nn]gày )(?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2}) năm (?P<y2>\d{4})\b)"
)
#: A date without its year after "ngày": "ngày 01/10", "ngày 1 tháng 10" (rewritten by the long and slash forms only).
_DAY = re.compile(
    r"(?P<ngay>[Nn]gày\s+)(?:(?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?![\w/]|\.\d)|(?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2})\b"
    r"(?! năm))"
)

_DATE_FORMS: dict[str, Callable[[int, int, int], str]] = {
    "long": lambda d, m, y: f"{d} tháng {m} năm {y}",
    "slash": lambda d, m, y: f"{d:02d}/{m:02d}/{y}",
    "dash": lambda d, m, y: f"{d:02d}-{m:02d}-{y}",
    "dot": lambda d, m, y: f"{d}.{m}.{y}",
}


def rewrite_dates(text: str, form: str) -> str:
    """Every full date in one form (``_DATE_FORMS``), keeping "ngày" where written; weekday words untouched; with
    the long or slash form, also "ngày 01/10" ↔ "ngày 1 tháng 10"."""
    render = _DATE_FORMS[form]

    def full(m: re.Match[str]) -> str:
        d = int(m.group("d1") or m.group("d2"))
        mo = int(m.group("m1") or m.group("m2"))
        y = int(m.group("y1") or m.group("y2"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return m.group(0)
        ngay = m.group("ngay") or ""
        return ngay + render(d, mo, y)

    def day(m: re.Match[str]) -> str:
        d = int(m.group("d1") or m.group("d2"))
        mo = int(m.group("m1") or m.group("m2"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return m.group(0)
        return m.group("ngay") + (f"{d} tháng {mo}" if form == "long" else f"{d:02d}/{mo:02d}")

    def both(line: str) -> str:
        line = _DATE.sub(full, line)
        return _DAY.sub(day, line) if form in ("long", "slash") else line

    return cellwise(text, both)


# ------------------------------------------------------------------------------------------------------- bullets
_BULLET = re.compile(r"^([ \t]*)- (?=\S)", re.M)


def rewrite_bullets(text: str, marker: str) -> str:
    """Line-start "- " bullets written with ``marker``; none if the document already bullets lines with it (two
    levels of list would become one)."""
    if re.search(rf"^[ \t]*{re.escape(marker)} ", text, re.M):
        return text
    return _BULLET.sub(lambda m: f"{m.group(1)}{marker} ", text)


# -------------------------------------------------------------------------------------------------------- routes
def _separator(sep: str) -> re.Pattern[str]:
    """``sep`` as a separator: not between two digits ("7h00 - 9h00", "2021 - 2030")."""
    return re.compile(rf"(?<!\d){re.escape(sep)}|{re.escape(sep)}(?!\d)")


_DASHES = (" - ", " – ")
_ARROWS = (" → ", " -> ")


def _route_steps(line: str, sep: str, others: tuple[str, ...]) -> bool:
    """Whether ``line`` (its bullet left out) reads as a route with ``sep`` between its steps: ≥ 3 separators, no
    other separator kind of ``others`` (an intersection "Tô Ký – Quốc lộ 1" inside an arrow route), short inner
    steps without ";", "|" or "," (not a list of people "Đ/c A - Chủ tịch; Đ/c B - …", of wards "Xuân Hương - Đà
    Lạt, Cam Ly - Đà Lạt", nor table cells), not a heading in capitals, not a traffic-control line listing
    intersections ("giao lộ A - B, B - C")."""
    parts = _separator(sep).split(line)
    if len(parts) < 4 or line.upper() == line:
        return False
    if re.search(r"(?i)đ/c|đồng chí|độc lập|giao lộ|nút giao|điều tiết|phân luồng|chốt", line):
        return False
    if any(_separator(o).search(line) for o in others if o != sep):
        return False
    inner = [re.sub(r"\([^()]*\)", "", p) for p in parts[1:-1]]  # "(qua chợ A, chợ B)" is a step's remark
    return all(len(p) <= 50 and not re.search(r"[;|]|, \D", p) for p in inner)


def rewrite_route(text: str, to: str) -> str:
    """On lines that read as a route (``_route_steps``), " - " or " – " become " → " (``to`` "arrow"), or " → " or
    " -> " become " - " (``to`` "hyphen")."""
    seps, new = (_DASHES, " → ") if to == "arrow" else (_ARROWS, " - ")
    out = []
    for line in text.split("\n"):
        bullet = re.match(r"[ \t]*(?:[-+•–*>][ \t]+)*", line)
        head, body = line[: bullet.end() if bullet else 0], line[bullet.end() if bullet else 0 :]
        for sep in seps:
            if _route_steps(body, sep, _DASHES + _ARROWS):
                body = _separator(sep).sub(new, body)
                break
        out.append(head + body)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------- abbreviations
_ABBREVIATIONS = (
    ("UBND", "Ủy ban nhân dân", r"[ỦU][ỶY] BAN NHÂN DÂN|[ỦUủu][ỶYỷy] ban nhân dân"),
    ("THCS", "Trung học cơ sở", r"TRUNG HỌC CƠ SỞ|[Tt]rung học cơ sở"),
    ("TTHTCĐ", "Trung tâm học tập cộng đồng", r"TRUNG TÂM HỌC TẬP CỘNG ĐỒNG|[Tt]rung tâm [Hh]ọc tập cộng đồng"),
    ("CSGT", "Cảnh sát giao thông", r"CẢNH SÁT GIAO THÔNG|[Cc]ảnh sát giao thông"),
)


def rewrite_abbreviations(text: str, to: str) -> str:
    """UBND, THCS, TTHTCĐ, CSGT written out (``to`` "long"; in capitals on a line in capitals; not inside a
    document code as "KH-UBND") or the full names abbreviated (``to`` "short")."""

    def one(line: str) -> str:
        caps = line.upper() == line
        for short, full, rx in _ABBREVIATIONS:
            if to == "short":
                line = re.sub(rx, short, line)
            else:
                line = re.sub(rf"(?<![\w/-]){short}(?![\w/-])", full.upper() if caps else full, line)
        return line

    return cellwise(text, one)


# ------------------------------------------------------------------------------------------------------ wrapping
def rewrite_wrap(text: str, width: int = 80, longer: int = 90) -> str:
    """Lines longer than ``longer`` characters broken at spaces into lines of ≤ ``width`` (as a PDF's text layer
    gives them); table rows ("| … |") kept whole."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= longer or table_line(line):
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out += textwrap.wrap(
            line.strip(), width, initial_indent=indent, break_long_words=False, break_on_hyphens=False
        ) or [line]
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------------- numbering
def rewrite_numbering(text: str, part: str) -> str:
    """``part`` "items": line-start "1." → "1)" and "a)" → "a." (each only if the document does not already number
    lines in the new way); ``part`` "phan": Roman headings "I." → "PHẦN I."."""
    if part == "phan":
        return re.sub(r"^([ \t]*)([IVX]{1,5})\.(?=[ \t])", r"\1PHẦN \2.", text, flags=re.M)
    if not re.search(r"^[ \t]*\d{1,2}\)[ \t]", text, re.M):
        text = re.sub(r"^([ \t]*)(\d{1,2})\.(?=[ \t])", r"\1\2)", text, flags=re.M)
    if not re.search(r"^[ \t]*[a-zđ]\.[ \t]", text, re.M):
        text = re.sub(r"^([ \t]*)([a-zđ])\)(?=[ \t])", r"\1\2.", text, flags=re.M)
    return text


# -------------------------------------------------------------------------------------------------- blank lines
def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` continues ``prev``'s paragraph (a hard-wrapped line: "… Ủy ban" / "nhân dân …", "A → B →"
    / "C", "Khư-" / "ơng")."""
    end, start = prev.rstrip()[-1:], line.lstrip()[:1]
    return end in tuple(",-–→(/&") or (end.isalnum() and start.islower())


def rewrite_blank(text: str, mode: str) -> str:
    """``mode`` "insert": a blank line between every two paragraphs (not inside a hard-wrapped paragraph, nor
    between two table rows); "remove": no blank lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    if mode == "remove":
        return "\n".join(lines) + "\n"
    out: list[str] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else ""
        if i and not (table_line(line) and table_line(prev)) and not _continues(prev, line):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------------ rewrites
@dataclass(frozen=True)
class Rewrite:
    """One rewrite variant: its name (``family:variant``), its function and a line saying what it does."""

    name: str
    apply: Callable[[str], str]
    what: str


def _rw(name: str, fn: Callable[[str, str], str], arg: str, what: str) -> Rewrite:
    return Rewrite(name, lambda text: fn(text, arg), what)


REWRITES: tuple[Rewrite, ...] = (
    _rw("times:giophut", rewrite_times, "giophut", 'clock times with minutes as "07 giờ 30 phút"'),
    _rw("times:gio", rewrite_times, "gio", 'clock times with minutes as "7 giờ 30"'),
    _rw("times:h", rewrite_times, "h", 'clock times with minutes as "7h30"'),
    _rw("times:g", rewrite_times, "g", 'clock times with minutes as "7g30"'),
    _rw("times:colon", rewrite_times, "colon", 'clock times with minutes as "07:30"'),
    _rw("dates:long", rewrite_dates, "long", 'dates as "ngày 1 tháng 10 năm 2024" (and "ngày 1 tháng 10")'),
    _rw("dates:slash", rewrite_dates, "slash", 'dates as "ngày 01/10/2024" (and "ngày 01/10")'),
    _rw("dates:dash", rewrite_dates, "dash", 'full dates as "01-10-2024" ("ngày" kept where written)'),
    _rw("dates:dot", rewrite_dates, "dot", 'full dates as "1.10.2024" ("ngày" kept where written)'),
    _rw("bullets:plus", rewrite_bullets, "+", 'line-start "- " bullets as "+ "'),
    _rw("bullets:dot", rewrite_bullets, "•", 'line-start "- " bullets as "• "'),
    _rw("bullets:endash", rewrite_bullets, "–", 'line-start "- " bullets as "– "'),
    _rw("route:arrow", rewrite_route, "arrow", 'route lines\' " - " / " – " separators as " → "'),
    _rw("route:hyphen", rewrite_route, "hyphen", 'route lines\' " → " / " -> " / " – " separators as " - "'),
    _rw("abbr:short", rewrite_abbreviations, "short", "Ủy ban nhân dân, Trung học cơ sở, … as UBND, THCS, …"),
    _rw("abbr:long", rewrite_abbreviations, "long", "UBND, THCS, TTHTCĐ, CSGT written out"),
    Rewrite("wrap:80", rewrite_wrap, "lines over 90 characters hard-wrapped at 80 (as PDF text)"),
    _rw("numbering:items", rewrite_numbering, "items", 'line-start "1." as "1)" and "a)" as "a."'),
    _rw("numbering:phan", rewrite_numbering, "phan", 'Roman headings "I." as "PHẦN I."'),
    _rw("blank:insert", rewrite_blank, "insert", "a blank line between every two paragraphs"),
    _rw("blank:remove", rewrite_blank, "remove", "no blank lines"),
)


# ---------------------------------------------------------------------------------------------------------- runs
def import_facts(text: str, name: str, folder: Path) -> tuple[int, dict[str, list[Any]]]:
    """Import ``text`` as the txt file ``folder/name`` with ``paradeplan import``; the exit code and the plan's
    facts (none when the import fails)."""
    from typer.testing import CliRunner

    from paradeplan.cli import app

    folder.mkdir(parents=True, exist_ok=True)
    src = folder / name
    src.write_text(text, encoding="utf-8")
    plan_file = folder / f"{src.stem}.yaml"
    plan_file.unlink(missing_ok=True)
    res = CliRunner().invoke(app, ["import", str(src), "-o", str(plan_file)])
    if res.exit_code != 0 or not plan_file.is_file():
        return res.exit_code, {f: [] for f in FIELDS}
    return 0, facts_of(yaml.safe_load(plan_file.read_text(encoding="utf-8")))


def hurt_fields(before: Score, after: Score) -> list[str]:
    """The fields where ``after`` has fewer items right or more items wrong than ``before``."""
    return [
        f
        for f in REPORTED
        if f in before and (after[f][0] < before[f][0] or after[f][1] - after[f][0] > before[f][1] - before[f][0])
    ]


def helped_fields(before: Score, after: Score) -> list[str]:
    """The fields where ``after`` has more items right or fewer items wrong than ``before``."""
    return [
        f
        for f in REPORTED
        if f in before and (after[f][0] > before[f][0] or after[f][1] - after[f][0] < before[f][1] - before[f][0])
    ]


def _diff(a: list[Any], b: list[Any]) -> list[Any]:
    """Items of ``a`` not in ``b`` (as multisets)."""
    left = Counter(json.dumps(x, ensure_ascii=False) for x in b)
    out = []
    for x in a:
        k = json.dumps(x, ensure_ascii=False)
        if left[k]:
            left[k] -= 1
        else:
            out.append(x)
    return out


def documents(root: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """The txt documents with keys: the corpus as ``import_eval.corpus`` reads it, plus the other ``heldout*``
    folders; each as (name relative to ``root``, path, key)."""
    items = list(corpus(root))
    for folder in sorted(p for p in root.glob("heldout*") if p.is_dir()):
        if not any(doc is not None and doc.parent == folder for doc, _ in items):
            items += corpus(folder)
    seen: set[Path] = set()
    out = []
    for doc, key in items:
        if doc is None or key.get("format", "txt") != "txt" or doc in seen:
            continue
        seen.add(doc)
        out.append((doc.relative_to(root).as_posix(), doc, key))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sample", type=int, default=150, help="documents drawn at random (0: all)")
    ap.add_argument("--seed", type=int, default=0, help="the sample's random seed")
    ap.add_argument("-k", default="", help="only documents whose name contains this")
    ap.add_argument("-r", "--rewrite", action="append", default=[], help="only rewrites whose name contains this")
    ap.add_argument("--json", type=Path, help="write every hurt (doc, rewrite, field, before, after) here")
    ap.add_argument("--keep", type=Path, help="keep the rewritten texts and plan files in this folder")
    ap.add_argument("--list", action="store_true", help="list the rewrites and stop")
    args = ap.parse_args(argv)
    rewrites = [rw for rw in REWRITES if not args.rewrite or any(r in rw.name for r in args.rewrite)]
    if args.list:
        for rw in rewrites:
            print(f"{rw.name:16s} {rw.what}")
        return 0
    docs = [d for d in documents(args.corpus) if args.k in d[0]]
    if args.sample and len(docs) > args.sample:
        docs = sorted(random.Random(args.seed).sample(docs, args.sample))
    import paradeplan

    print(f"paradeplan from {Path(paradeplan.__file__).parent}")
    print(f"{len(docs)} txt documents, {len(rewrites)} rewrites (sample {args.sample}, seed {args.seed})")
    applied: Counter[str] = Counter()
    hurt_docs: dict[str, Counter[str]] = {rw.name: Counter() for rw in rewrites}
    hurt_n: Counter[str] = Counter()
    helped_n: Counter[str] = Counter()
    failed: dict[str, list[str]] = {rw.name: [] for rw in rewrites}
    records: list[dict[str, Any]] = []
    imports = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(args.keep) if args.keep else Path(tmp_name)
        for name, doc, key in docs:
            slug = name.replace("/", "__").removesuffix(".txt")
            base = tmp / slug
            base.mkdir(parents=True, exist_ok=True)
            src = build(doc, key, base)  # the txt as import_eval builds it ("@filler" expanded)
            original = src.read_text(encoding="utf-8")
            kf = key_facts(key)
            code0, facts0 = import_facts(original, src.name, base / "original")
            imports += 1
            before = score(facts0, kf)
            notes = []
            for rw in rewrites:
                text = rw.apply(original)
                if text == original:
                    continue
                applied[rw.name] += 1
                code, facts = import_facts(text, src.name, base / rw.name.replace(":", "-"))
                imports += 1
                after = score(facts, kf)
                hurt = hurt_fields(before, after)
                if code != 0 and code0 == 0:
                    failed[rw.name].append(name)
                if helped_fields(before, after):
                    helped_n[rw.name] += 1
                if not hurt:
                    continue
                hurt_n[rw.name] += 1
                hurt_docs[rw.name].update(hurt)
                notes.append(f"{rw.name}[{','.join(hurt)}]")
                for f in hurt:
                    records.append(
                        {
                            "doc": name,
                            "rewrite": rw.name,
                            "field": f,
                            "before": list(before[f]),
                            "after": list(after[f]),
                            "import": [code0, code],
                            "lost": _diff(facts0[f], facts[f]),
                            "gained": _diff(facts[f], facts0[f]),
                        }
                    )
            flag = "HURT" if notes else "ok  "
            print(f"{flag} {name:48s} import {code0}  " + " ".join(notes), flush=True)
            if not args.keep:
                shutil.rmtree(base, ignore_errors=True)
    seconds = time.perf_counter() - t0
    print(f"\n{len(docs)} documents, {imports} imports in {seconds:.0f} s")
    print("rewrite: documents changed by it / hurt (a field's right items down or wrong items up) / helped /")
    print("         import failing where the original's succeeded; then the hurt documents per field")
    head = f"{'rewrite':16s} {'changed':>7s} {'hurt':>5s} {'helped':>6s} {'failed':>6s}  "
    print(head + " ".join(f"{f[:7]:>7s}" for f in REPORTED))
    summary: dict[str, Any] = {}
    for rw in rewrites:
        n = rw.name
        per = hurt_docs[n]
        print(
            f"{n:16s} {applied[n]:7d} {hurt_n[n]:5d} {helped_n[n]:6d} {len(failed[n]):6d}  "
            + " ".join(f"{per[f]:7d}" for f in REPORTED)
        )
        summary[n] = {
            "what": rw.what,
            "changed": applied[n],
            "hurt": hurt_n[n],
            "helped": helped_n[n],
            "failed": failed[n],
            "fields": dict(per),
        }
    hurt_any = len({r["doc"] for r in records})
    print(f"documents hurt by at least one rewrite: {hurt_any} of {len(docs)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "documents": [d[0] for d in docs],
                    "sample": args.sample,
                    "seed": args.seed,
                    "seconds": round(seconds),
                    "summary": summary,
                    "hurt": records,
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
