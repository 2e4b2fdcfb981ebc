"""Import → validate → plan over a corpus of plan documents with answer keys; per-field recall and precision.

The corpus is ``benchmarks/import_corpus/``: each document ``cNN-….txt`` with its answer key ``cNN-….key.yaml``
beside it (``format:`` txt, docx or pdf: a .docx with its ``| … |`` lines as Word tables is built with python-docx,
a text .pdf with page headers and footers with fpdf2, in a temporary folder), plus ``seeds/NNN.key.yaml`` for the
five seed documents in ``../shared/seeds``. A key says what a person reads in the document: the route's steps in
order, the events' dates and start times, the venues, the ceremonies (date, time, venue), officials' ordered
attendances, the vehicles (kind, count), the deadlines, and what should happen (``expect``: ``plan``; ``streets``,
exit 2 naming the street data to get; ``nothing``, exit 2 "nothing to plan"). Fields a key leaves out are not
scored for that document.

Facts are read from the written plan file (not from the importer's internals), and matched with this script's own
name folding, so that the figures measure what a user gets. A route step the importer chose itself (the way out of a
start place, or back to an end place, off the street the document names next; noted "chọn khi nhập văn bản" and
listed among the plan's decisions) is a decision, not a step read from the document: it is not scored as a route
step (as a count the importer decided is no count of the document); the summary says how many there are and the
route figures with them counted::

    python benchmarks/import_eval.py                 # every document, through `plan` too
    python benchmarks/import_eval.py --no-plan       # import and validate only (faster)
    PYTHONPATH=/path/to/other/src python benchmarks/import_eval.py   # another version of paradeplan

Prints one line per document and the per-field figures; ``--json FILE`` writes them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "import_corpus"
SEEDS = next(
    (p for p in (HERE.parent.parent / "shared" / "seeds", HERE.parents[2] / "shared" / "seeds") if p.is_dir()),
    HERE.parent.parent / "shared" / "seeds",
)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
#: The held-out sets scored with the corpus (documents written after the importer; heldout3 is kept apart for a
#: blind measurement: `--corpus benchmarks/import_corpus/heldout3`).
HELD_OUT = ("heldout", "heldout2")
FIELDS = ("route", "dates", "times", "venues", "ceremonies", "attendances", "vehicles", "fleet", "deadlines")
#: ``fleet``: the vehicles as a total per kind (a key's author and the plan may split a kind's vehicles into
#: groups differently: "13 floats" or "4 + 5 + 3 + 1"; the totals say how many of each kind the column has).

_FILLER = (
    "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019; căn cứ Quyết định số 1373/QĐ-TTg ngày 30 tháng 7 năm 2021 "
    "của Thủ tướng Chính phủ phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”; nhằm tiếp tục "
    "đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng và đơn vị."
)


# ------------------------------------------------------------------------------------------- building documents
def _lines(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        m = re.match(r"^@filler (\d+)$", line.strip())
        if m:
            out += [f"{k + 1}. {_FILLER}" if k % 3 == 0 else _FILLER for k in range(int(m.group(1)))]
        else:
            out.append(line)
    return out


def build_docx(text: str, path: Path) -> None:
    """A Word document: each run of ``| a | b |`` lines becomes a table, every other line a paragraph."""
    import docx

    doc = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    table.cell(i, j).text = cell
            rows.clear()

    for line in _lines(text):
        if line.startswith("@"):
            continue
        if line.strip().startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        doc.add_paragraph(line)
    flush()
    import datetime

    doc.core_properties.created = datetime.datetime(2000, 1, 1)  # same input → same bytes
    doc.save(str(path))


def build_pdf(text: str, path: Path, header: str) -> None:
    """A text PDF in the Decree 30 layout with a page header and a page footer; ``@pagebreak-inside`` puts the
    next paragraph two lines above the bottom margin, so that it runs over the footer and the next header."""
    import datetime

    import fpdf

    class Doc(fpdf.FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("DejaVu", size=9)
                self.cell(0, 6, header, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(2)
                self.set_font("DejaVu", size=13)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=9)
            self.cell(0, 8, f"Trang {self.page_no()}", align="C")
            self.set_font("DejaVu", size=13)

    pdf = Doc(format="A4")
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))  # same bytes
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=13)
    line_h = 6.5
    for line in _lines(text):
        if line.strip() == "@pagebreak-inside":
            bottom = pdf.h - pdf.b_margin
            target = bottom - 1.6 * line_h
            if pdf.get_y() > target:
                pdf.add_page()
            pdf.set_y(target)
            continue
        if not line.strip():
            pdf.ln(3)
            continue
        pdf.set_x(pdf.l_margin + 10)
        pdf.multi_cell(0, line_h, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def build(doc: Path, key: dict[str, Any], folder: Path) -> Path:
    """The document file to import, as its key's ``format`` says."""
    fmt = key.get("format", "txt")
    if fmt == "seed":
        found = sorted(SEEDS.glob(f"{key['seed']}_*.txt"))
        if not found:
            raise FileNotFoundError(f"seed {key['seed']} not in {SEEDS}")
        return found[0]
    text = doc.read_text(encoding="utf-8")
    stem = doc.stem
    if fmt == "txt":
        out = folder / f"{stem}.txt"
        out.write_text("\n".join(line for line in _lines(text) if not line.startswith("@")) + "\n", encoding="utf-8")
        return out
    if fmt == "docx":
        out = folder / f"{stem}.docx"
        build_docx(text, out)
        return out
    if fmt == "pdf":
        out = folder / f"{stem}.pdf"
        build_pdf(text, out, text.splitlines()[0].strip())
        return out
    raise ValueError(f"{doc}: unknown format {fmt!r}")


# ---------------------------------------------------------------------------------------------------- matching
_ABBR = (
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bthcs\b", "trung học cơ sở"),
    (r"\bthpt\b", "trung học phổ thông"),
    (r"\btthtcđ\b", "trung tâm học tập cộng đồng"),
    (r"\bttvh\b", "trung tâm văn hóa"),
    (r"\bnvh\b", "nhà văn hóa"),
    (r"\btrường mn\b", "trường mầm non"),
    (r"\btrường th\b", "trường tiểu học"),
    (r"\bql\s*(?=\d)", "quốc lộ "),
    (r"\bquốc lộ 1a\b", "quốc lộ 1"),  # National Route 1 is still written by its old number "1A"
    (r"\btp\b\.?\s*", "thành phố "),
)


def fold(name: str) -> str:
    """This script's own folding of a name: NFC, lower case, common abbreviations written out, no leading
    "đường/phố/sân/trụ sở", no punctuation."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = text.replace("uỷ", "ủy").replace("oà", "òa").replace("hoá", "hóa")
    for rx, full in _ABBR:
        text = re.sub(rx, full, text)
    text = re.sub(r"[\"“”'(),.;:–—-]", " ", text)
    text = re.sub(r"^\s*(?:đường|phố|sân|trụ sở|tuyến|khu vực)\s+(?!số\b)", "", text)
    return " ".join(text.split())


_JUNCTION = re.compile(
    r"^\s*(?:ngã\s+(?:ba|tư|năm|sáu|[3-6])|giao lộ|nút giao|giao điểm)\s+(?:đường\s+)?", re.IGNORECASE
)


def junction(name: str) -> frozenset[str] | None:
    """The streets of a junction named by them, in either order ("Ngã tư A – B", "ngã ba A × B", "B × A"); else
    None ("Ngã tư Ga" names no streets)."""
    text = unicodedata.normalize("NFC", name)
    rest = _JUNCTION.sub("", text)
    if rest == text and "×" not in text:
        return None
    parts = [fold(p) for p in re.split(r"\s*[×–—/]\s*|\s+-\s+|\s+(?:và|với|giao)\s+", rest)]
    return frozenset(parts) if len(parts) >= 2 and all(parts) else None


def same(a: str, b: str) -> bool:
    """Two names for one thing: equal after folding, or one contained in the other as whole words, or the same
    junction named by its streets in another order or notation."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    ja, jb = junction(a), junction(b)
    return ja is not None and ja == jb


#: A numbered road the document names by its street name too ("Quốc lộ 1 (đường Đỗ Mười)", "QL22 (nay là đường
#: Trường Chinh)"): either name is the road's.
_ROAD_SAID_AS = re.compile(
    r"\b((?:Quốc lộ|QL|Tỉnh lộ|TL|Đường tỉnh|ĐT|Hương lộ|HL)\s*[0-9][0-9A-Z]*)\s*\(\s*(?:nay là\s+)?(?:đường\s+)?"
    r"([A-ZĐ][^(),;]{1,40}?)\s*\)"
)


def said_as(text: str) -> list[tuple[str, str]]:
    """The pairs of names the document gives one road ("Quốc lộ 1 (đường Đỗ Mười)")."""
    return [(m.group(1), m.group(2)) for m in _ROAD_SAID_AS.finditer(unicodedata.normalize("NFC", text))]


def lcs(pred: Sequence[str], key: Sequence[str], aliases: Sequence[tuple[str, str]] = ()) -> int:
    """Length of the longest common subsequence (steps in order); a road the document names two ways is one."""
    return len(lcs_matched(pred, key, _same_or_said_as(aliases)))


def _same_or_said_as(aliases: Sequence[tuple[str, str]]) -> Any:
    """:func:`same`, or two names the document gives one road."""

    def eq(a: str, b: str) -> bool:
        return same(a, b) or any((same(a, x) and same(b, y)) or (same(a, y) and same(b, x)) for x, y in aliases)

    return eq


def lcs_matched(pred: Sequence[str], key: Sequence[str], eq: Any = same) -> set[int]:
    """The indexes of ``pred`` in one longest common subsequence with ``key`` (steps in order)."""
    n, m = len(pred), len(key)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            dp[i + 1][j + 1] = dp[i][j] + 1 if eq(pred[i], key[j]) else max(dp[i][j + 1], dp[i + 1][j])
    found: set[int] = set()
    i, j = n, m
    while i and j:
        if eq(pred[i - 1], key[j - 1]) and dp[i][j] == dp[i - 1][j - 1] + 1:
            found.add(i - 1)
            i, j = i - 1, j - 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return found


def matched(pred: list[Any], key: list[Any], eq: Any) -> int:
    """Size of a greedy one-to-one matching of predicted to key items."""
    free = list(key)
    n = 0
    for p in pred:
        for k, want in enumerate(free):
            if eq(p, want):
                n += 1
                del free[k]
                break
    return n


# ------------------------------------------------------------------------------------------------------ facts
#: Group kinds of a column's own people (their motorbikes, bicycles, a walking block): keys count no vehicles there.
PARTICIPANTS = ("private_motorbike", "bicycle", "marching_group")
#: The note the importer writes on a route step it chose itself, listed among the plan's decisions (the words of
#: ``paradeplan.importer.context.RETURN_NOTE`` / ``WAY_OUT_NOTE``: "đường về/ra (chọn khi nhập văn bản)").
DECIDED = "chọn khi nhập văn bản"


def facts_of(plan: dict[str, Any]) -> dict[str, list[Any]]:
    """What a user reads in the written plan file, field by field."""
    places = {p["id"]: p["name"] for p in plan.get("places") or []}
    ceremonies = {c["id"]: c for c in plan.get("ceremonies") or []}
    out: dict[str, list[Any]] = {f: [] for f in (*FIELDS, "route_decided")}
    # a count the document leaves to the plan (an open item) or that the importer decided (a listed decision, as a
    # column's walkers counted in blocks) is no count the document gives
    asked = {str(o.get("field")) for o in [*(plan.get("open_items") or []), *(plan.get("decisions") or [])]}
    for i, parade in enumerate(plan.get("parades") or []):
        out["route"] += [s["street"] if "street" in s else places.get(s.get("place"), "?") for s in parade["route"]]
        # a street the importer put in as a listed decision (the way out of a start place, or back to an end place,
        # off the first or last street the document names: its note says so) is no step the document gives
        out["route_decided"] += [DECIDED in str(s.get("note")) for s in parade["route"]]
        out["dates"].append(str(parade["date"]))
        out["times"] += [str(parade.get("assembly_time")), str(parade.get("departure_time"))]
        out["venues"].append(places.get(parade.get("assembly_place"), "?"))
        out["vehicles"] += [
            (g["kind"], int(g["count"]))
            for j, g in enumerate(parade.get("groups") or [])
            if f"parades[{i}].groups[{j}].count" not in asked  # a placeholder count (the plan sizes it) says nothing
            and (g.get("role") != "marshal" or g.get("kind") not in ("other", None))  # on foot: as keys write it
            and g.get("kind") not in PARTICIPANTS  # the people's own motorbikes, bicycles, feet: no vehicles provided
        ]
    for c in ceremonies.values():
        out["dates"].append(str(c["date"]))
        out["times"].append(str(c["window_start"])[:5])
        venue = places.get(c["venue"], c["venue"])
        out["venues"].append(venue)
        out["ceremonies"].append((str(c["date"]), str(c["window_start"])[:5], venue))
    for person in plan.get("people") or []:
        for k, w in enumerate(person.get("wishes") or []):
            c = ceremonies.get(w)
            out["attendances"].append((person["name"], k, places.get(c["venue"], c["venue"]) if c else w))
    out["fleet"] = _fleet(out["vehicles"])
    out["deadlines"] = list(
        dict.fromkeys(str(d["due"]) for d in plan.get("deadlines") or [])
    )  # each date once, as keys list them
    out["dates"] = sorted(set(out["dates"]))
    out["times"] = sorted(set(out["times"]))
    out["venues"] = list(dict.fromkeys(out["venues"]))
    return out


def _fleet(groups: list[Any]) -> list[tuple[str, int]]:
    """Vehicle groups as one (kind, total) per kind."""
    totals: dict[str, int] = {}
    for kind, n in groups:
        totals[str(kind)] = totals.get(str(kind), 0) + int(n)
    return sorted(totals.items())


#: Kinds blind writers were told to key, as the plan model names them (the writers' prompt of heldout93–108 named the
#: organisers' own car leading the column ``lead_car``; the plan's kind is ``car``).
KEY_KINDS = {"lead_car": "car"}


def key_facts(key: dict[str, Any]) -> dict[str, list[Any] | None]:
    """The answer key, in the same shapes as :func:`facts_of` (None: the field is not scored)."""
    out: dict[str, list[Any] | None] = {}
    for f in FIELDS:
        value = key.get(f)
        if value is None:
            out[f] = None
        elif f == "vehicles":
            out[f] = [(KEY_KINDS.get(str(k), str(k)), int(n)) for k, n in value]
        elif f == "ceremonies":
            out[f] = [(str(d), str(t), str(v)) for d, t, v in value]
        elif f == "attendances":
            out[f] = [(str(who), k, str(v)) for who, venues in value for k, v in enumerate(venues)]
        elif f in ("dates", "times", "venues"):
            out[f] = list(dict.fromkeys(str(v) for v in value))  # each once, as :func:`facts_of` gives them
        else:
            out[f] = [str(v) for v in value]
    vehicles = out.get("vehicles")
    out["fleet"] = _fleet(vehicles) if vehicles is not None else None
    return out


def score(
    pred: dict[str, list[Any]], key: dict[str, list[Any] | None], aliases: Sequence[tuple[str, str]] = ()
) -> dict[str, tuple[int, int, int]]:
    """Per field: (items right, items predicted, items in the key); ``aliases``: the roads the document names two
    ways (:func:`said_as`)."""
    out: dict[str, tuple[int, int, int]] = {}
    for f in FIELDS:
        want = key.get(f)
        if want is None:
            continue
        got = pred[f]
        if f == "route":  # a step the importer chose itself counts where the key has it, and is no error where not
            hit = lcs_matched(got, want, _same_or_said_as(aliases))
            decided = pred.get("route_decided") or [False] * len(got)
            tp = len(hit)
            out[f] = (tp, sum(1 for i in range(len(got)) if i in hit or not decided[i]), len(want))
            continue
        elif f in ("venues",):
            tp = matched(got, want, same)
        elif f == "ceremonies":
            tp = matched(got, want, lambda p, k: p[0] == k[0] and p[1] == k[1] and same(p[2], k[2]))
        elif f == "attendances":
            tp = matched(got, want, lambda p, k: same(p[0], k[0]) and p[1] == k[1] and same(p[2], k[2]))
        else:
            tp = matched(got, want, lambda p, k: p == k)
        out[f] = (tp, len(got), len(want))
    return out


# -------------------------------------------------------------------------------------------------------- runs
def run_one(doc: Path | None, key: dict[str, Any], folder: Path, do_plan: bool) -> dict[str, Any]:
    from typer.testing import CliRunner

    from paradeplan.cli import app

    runner = CliRunner()
    src = build(doc or Path(), key, folder)
    plan_file = folder / f"{src.stem}.yaml"
    imp = runner.invoke(app, ["import", str(src), "-o", str(plan_file)])
    row: dict[str, Any] = {"doc": src.name, "expect": key.get("expect", "plan"), "import": imp.exit_code}
    text = imp.output
    pred: dict[str, list[Any]] = {f: [] for f in (*FIELDS, "route_decided")}
    outcome = "import failed"
    if imp.exit_code == 0 and plan_file.is_file():
        plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
        pred = facts_of(plan)
        row["decisions"] = len(plan.get("decisions") or [])
        val = runner.invoke(app, ["validate", str(plan_file)])
        row["validate"] = val.exit_code
        text = val.output
        outcome = "validated" if val.exit_code == 0 else "stopped"
        if val.exit_code == 0 and do_plan:
            res = runner.invoke(app, ["plan", str(plan_file), "--out", str(folder / f"{src.stem}-out")])
            row["plan"] = res.exit_code
            text = res.output
            prefix = f"{plan_file}: "  # what is not fully met, one line each, naming the plan file
            row["shortfall"] = [ln[len(prefix) :] for ln in text.splitlines() if ln.startswith(prefix)]
            outcome = "plan" if res.exit_code in (0, 3) else "stopped"
    if "nothing to plan" in text or "không có gì để lập kế hoạch" in text:  # the message in either language
        outcome = "nothing"
    elif outcome == "stopped" and "streets fetch" in text:
        outcome = "streets"
    kf = key_facts(key)
    if outcome == "plan" and any(kf.get(f) and not pred[f] for f in ("route", "ceremonies")):
        outcome = "plan without what the document describes"
    row["outcome"] = outcome
    row["message"] = next((ln for ln in text.splitlines() if ln.strip()), "")[:200] if outcome != "plan" else ""
    aliases = said_as(doc.read_text(encoding="utf-8")) if doc is not None and doc.is_file() else []
    row["scores"] = score(pred, kf, aliases)
    row["facts"] = {f: [list(v) if isinstance(v, tuple) else v for v in vs] for f, vs in pred.items()}  # to rescore
    if kf.get("route") is not None:  # the route as the plan drives it, the importer's own choices counted too
        want = kf["route"] or []
        row["route_all"] = (lcs(pred["route"], want, aliases), len(pred["route"]), len(want))
    return row


def corpus(root: Path) -> list[tuple[Path | None, dict[str, Any]]]:
    items: list[tuple[Path | None, dict[str, Any]]] = []
    for key_file in sorted(root.glob("*.key.yaml")):
        doc = key_file.with_name(key_file.name.replace(".key.yaml", ".txt"))
        items.append((doc, yaml.safe_load(key_file.read_text(encoding="utf-8"))))
    held = sorted(p for folder in HELD_OUT for p in (root / folder).glob("*.key.yaml"))
    for key_file in held:
        doc = key_file.with_name(key_file.name.replace(".key.yaml", ".txt"))
        items.append((doc, yaml.safe_load(key_file.read_text(encoding="utf-8"))))
    if SEEDS.is_dir():
        for key_file in sorted((root / "seeds").glob("*.key.yaml")):
            items.append((None, yaml.safe_load(key_file.read_text(encoding="utf-8"))))
    return items


def report(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], int, int, int, int]:
    """Print per-field recall and precision and the documents' outcomes; return them."""
    totals: dict[str, list[int]] = {f: [0, 0, 0] for f in FIELDS}
    for row in rows:
        for f, (a, b, c) in row["scores"].items():
            for i, v in enumerate((a, b, c)):
                totals[f][i] += v
    print(f"{'field':12s} {'recall':>8s} {'precision':>10s}   (right / predicted / in keys)")
    figures: dict[str, Any] = {}
    for f, (tp, npred, nkey) in totals.items():
        rec = tp / nkey if nkey else 1.0
        prec = tp / npred if npred else 1.0
        figures[f] = {"recall": round(rec, 3), "precision": round(prec, 3), "right": tp, "pred": npred, "key": nkey}
        print(f"{f:12s} {rec:8.1%} {prec:10.1%}   ({tp} / {npred} / {nkey})")
    want_plan = [r for r in rows if r["expect"] == "plan"]
    reached = sum(1 for r in want_plan if r["outcome"] == "plan")
    core = ("route", "dates", "times", "ceremonies")
    right = sum(
        1
        for r in want_plan
        if r["outcome"] == "plan" and all(a == b == c for f, (a, b, c) in r["scores"].items() if f in core)
    )
    as_expected = sum(1 for r in rows if r["outcome"] == r["expect"])
    tp_all, n_all, n_key = (sum(r["route_all"][i] for r in rows if "route_all" in r) for i in range(3))
    decided = n_all - totals["route"][1]
    if decided:
        print(
            f"route steps the importer chose itself (listed decisions, not scored above): {decided}; counted as "
            f"steps, route {tp_all / n_key if n_key else 1.0:.1%} / {tp_all / n_all if n_all else 1.0:.1%}"
        )
    done = sum(1 for r in want_plan if r["outcome"] == "plan" and r.get("plan") == 0)
    print(f"reach a plan with no hand edit: {reached} of {len(want_plan)} documents that describe one in data at hand")
    print(f"  … with every route step, date, time and ceremony of the key right: {right} of {len(want_plan)}")
    print(f"  … where `plan` exits 0 (nothing short; 3 says what is short): {done} of {len(want_plan)}")
    print(f"end as expected (plan, or exit 2 naming street data, or 'nothing to plan'): {as_expected} of {len(rows)}")
    return figures, reached, right, as_expected, len(want_plan)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-plan", action="store_true", help="stop after validate")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("-k", default="", help="only documents whose name contains this")
    ap.add_argument("--report", type=Path, help="print the figures of a --json file written before, and stop")
    args = ap.parse_args(argv)
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))["rows"]
        report([r for r in saved if args.k in r["doc"]])
        return 0
    import paradeplan

    print(f"paradeplan from {Path(paradeplan.__file__).parent}")
    rows = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for doc, key in corpus(args.corpus):
            name = doc.name if doc else f"seed {key['seed']}"
            if args.k and args.k not in name:
                continue
            row = run_one(doc, key, Path(tmp), not args.no_plan)
            row["doc"] = name
            rows.append(row)
            bad = {f: s for f, s in row["scores"].items() if s[0] != s[1] or s[0] != s[2]}
            flag = "ok " if row["outcome"] == row["expect"] else "BAD"
            print(
                f"{flag} {name:38s} expect {row['expect']:8s} got {row['outcome']:10s}"
                + (f" {row['message'][:90]}" if row["outcome"] != row["expect"] else "")
                + ("  " + ", ".join(f"{f} {a}/{b}/{c}" for f, (a, b, c) in bad.items()) if bad else "")
            )
    figures, reached, right, as_expected, want = report(rows)
    print(f"\n{len(rows)} documents in {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"fields": figures, "reached": reached, "right": right, "want_plan": want, "rows": rows}, indent=1
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
