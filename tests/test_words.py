"""What people read is Vietnamese: no English word and no internal term in the demo's Vietnamese outputs and CLI
messages, numbers written the Vietnamese way, and no user-facing string outside the message catalogue."""

from __future__ import annotations

import ast
import html
import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from imported import SEED000, SEEDS

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "paradeplan"

#: Names, units and acronyms a Vietnamese text may carry as they are.
ALLOWED = {
    "km",
    "m",
    "h",
    "ha",
    "stt",
    "csgt",
    "ubnd",
    "hdnd",
    "gddt",
    "kh",
    "bc",
    "vt",
    "nd",
    "cp",
    "ql",
    "dt",
    "tl",
    "osm",
    "openstreetmap",
    "odbl",
    "contributors",
    "paradeplan",
    "vietnamadminunits",
    "ics",
    "html",
    "csv",
    "xlsx",
    "docx",
    "gpx",
    "kml",
    "json",
    "geojson",
    "pdf",
    "tthtcd",
    "tt",
    "vh",
    "htcd",
    "thcs",
    "thpt",
    "mn",
    "covid",
    "cityland",
    "park",
    "hills",
    "asia",
    "ho",
    "chi",
    "minh",
    "utc",
    "www",
    "org",
    "copyright",
    "https",
    "a4",
    "p",
    "xh",
    "vhxh",
    "mtv",
    "tnhh",
    "lhq",
    "unesco",
    "ttvh",
}
#: Tokens that look like Vietnamese syllables but are English in our outputs.
ENGLISH_LOOKALIKES = {"min", "late", "early", "the", "of", "and", "or", "for", "with", "se", "ne", "sw", "nw", "unit"}

_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_VOWELS = r"(?:[aăâeêioôơuưy]{1,3})"
_FINAL = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_INITIAL}{_VOWELS}{_FINAL}$")


def _base(word: str) -> str:
    """The word without tone marks (keeping ă â ê ô ơ ư đ)."""
    keep = {"ă", "â", "ê", "ô", "ơ", "ư", "đ"}
    out = []
    for ch in unicodedata.normalize("NFC", word.lower()):
        if ch in keep:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        marks = decomposed[1:]
        for mark, letter in (("\u0306", "ă"), ("\u0302", "â" if base == "a" else "ê" if base == "e" else "ô")):
            if mark in marks and base in "aeo":
                base = letter if not (mark == "\u0306" and base != "a") else base
        if "\u031b" in marks:
            base = {"o": "ơ", "u": "ư"}.get(base, base)
        out.append(base)
    return "".join(out)


def vietnamese_syllable(word: str) -> bool:
    """Whether a word is shaped like a Vietnamese syllable (initial, vowels, final)."""
    return bool(_SYLLABLE.match(_base(word)))


def english_words(text: str) -> list[str]:
    """The words of a Vietnamese text that are English (a dictionary word that is no Vietnamese syllable), and
    internal terms (snake_case)."""
    from english_words import get_english_words_set

    english = _english()
    text = re.sub(r"\S*/\S*|\b[\w.-]+\.(?:html|csv|ics|xlsx|docx|json|geojson|gpx|kml|md)\b", " ", text)  # paths, files
    found = re.findall(r"\b[a-z]+_[a-z_]+\b", text)  # police_motorbike, route_guard …
    for word in re.findall(r"[^\W\d_]+", text):
        low = word.lower()
        if low in ALLOWED or len(low) == 1:
            continue
        if low in ENGLISH_LOOKALIKES or (not vietnamese_syllable(low) and low in english):
            found.append(word)
    del get_english_words_set
    return found


_WORDS: set[str] = set()


def _english() -> set[str]:
    if not _WORDS:
        from english_words import get_english_words_set

        _WORDS.update(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))
    return _WORDS


def test_the_word_test_catches_what_the_issue_saw():
    for leak in (
        "Bố trí lực lượng chốt: optimal (104/104)",
        "Cần: police_motorbike × 1",
        "(↘ SE)",
        "10 min late",
        "Nguồn: vietnamadminunits 1.0.4 (units before 1 July 2025)",
    ):
        assert english_words(leak), leak
    clean = "Mô tô CSGT 01 đi theo Hà Huy Giáp, Tô Ngọc Vân (3,2 km, 11:26–11:31); Ngã 4 Chùa Khánh An; UBND phường"
    assert english_words(clean) == []


class _Text(HTMLParser):
    """The text a person sees in a page (no scripts, no styles)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return html.unescape(" ".join(parser.parts))


def _docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def _ics_text(path: Path) -> str:
    text = path.read_bytes().decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")  # unfold long lines
    keep = ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME")
    values = [line.split(":", 1)[1] for line in text.splitlines() if line.split(":", 1)[0].split(";")[0] in keep]
    unescape = {"\\n": "\n", "\\N": "\n", "\\,": ",", "\\;": ";", "\\\\": "\\"}
    return "\n".join(re.sub(r"\\[nN,;\\]", lambda m: unescape[m.group(0)], v) for v in values)


@pytest.fixture(scope="module")
def demo_vi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("demo-vi") / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    code = "import sys; from paradeplan.cli import main; sys.argv = sys.argv[1:]; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "paradeplan", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out, done.stdout + done.stderr


def _texts(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).as_posix()
        if f.suffix == ".html":
            out[rel] = _page_text(f)
        elif f.suffix == ".docx":
            out[rel] = _docx_text(f)
        elif f.suffix == ".xlsx":
            out[rel] = _xlsx_text(f)
        elif f.suffix == ".ics":
            out[rel] = _ics_text(f)
        elif f.suffix == ".md":
            out[rel] = f.read_text(encoding="utf-8")
    return out


def test_no_english_word_in_the_demos_vietnamese_outputs_and_messages(demo_vi):
    folder, messages = demo_vi
    texts = _texts(folder)
    assert {"index.html", "ke-hoach.docx", "bao-cao.docx", "runsheets.xlsx", "calendar.ics"} <= set(texts)
    texts["(messages)"] = messages
    leaks = {name: sorted(set(english_words(text))) for name, text in texts.items()}
    leaks = {k: v for k, v in leaks.items() if v}
    assert not leaks, "\n".join(f"{k}: {v}" for k, v in leaks.items())


def test_vietnamese_outputs_write_numbers_the_vietnamese_way_and_name_people_not_ids(demo_vi):
    folder, messages = demo_vi
    book = _page_text(folder / "index.html")
    assert "41,7 km" in book and "41.7 km" not in messages
    assert not re.search(r"\d\.\d+ ?(km|phút)", book + messages)
    ids = re.findall(r"id: (mo-to|csgt-[a-z-]+|xe-[a-z-]+)", (folder / "plan.json").read_text(encoding="utf-8"))
    for text in (book, _docx_text(folder / "ke-hoach.docx")):
        text = re.sub(r"\S+\.ics\b", " ", text)  # file names stay file names
        assert "mo-to-01" not in text and "csgt-bao-ve-04" not in text and "Mô tô CSGT 01" in text
    del ids
    assert "index.html" in messages.splitlines()[-1]
    assert not any(line.strip().startswith(str(folder)) for line in messages.splitlines()[:-2])


#: Seed 001: Long An's 15 opening ceremonies (2021), a plan of ceremonies only, as the province wrote it.
SEED001 = next(iter(sorted(SEEDS.glob("001_*.txt"))), None) if SEEDS.is_dir() else None


def _cli_vi(*args: str) -> subprocess.CompletedProcess[str]:
    """``paradeplan ARGS`` as a new user runs it: no locale variable set (Vietnamese), offline."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    code = "import sys; from paradeplan.cli import main; sys.argv = sys.argv[1:]; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "paradeplan", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def _prose(text: str, names: set[str]) -> str:
    """A help page or usage error without what the user types: options, quoted names, metavars, command names."""
    text = re.sub(r"-{1,2}[\w-]+|'[^']*'|\{[^}]*\}|<[^>]*>|\b[A-Z][A-Z_]+\b|`[^`]*`", " ", text)
    return " ".join(w for w in text.split() if w.strip(".,:;()[]") not in names)


def test_help_pages_and_usage_errors_are_vietnamese():
    """click's own words inside typer ("Usage:", "Error:", "Missing argument", "Show this message and exit.") come
    from the catalogue: Vietnamese with no locale set, English with LANGUAGE=en."""
    import typer.main

    from paradeplan.cli import app

    names = {"paradeplan", "Leaflet"}  # what the user types (commands, arguments) and a library's name
    todo = [typer.main.get_command(app)]
    while todo:
        command = todo.pop()
        names |= {command.name or "", *(p.name or "" for p in command.params)}
        todo += getattr(command, "commands", {}).values()
    runs = [("--help",), ("plan", "--help"), ("live", "--help"), ("posts", "solve", "--help"), ("plan",)]
    runs += [("plan", "--bogus"), ("plan", "a", "-o", "o", "b"), ("live", "x", "--port", "abc"), ("planx",)]
    runs += [("plan", "--out")]
    leaks = {}
    for args in runs:
        done = _cli_vi(*args)
        text = done.stdout + done.stderr
        assert ("Cách dùng: paradeplan" in text) or "Lỗi: " in text, text
        found = english_words(_prose(text, names))
        if found:
            leaks[" ".join(args)] = (found, text)
    assert not leaks, leaks
    assert "Thiếu tham số 'plan'." in _cli_vi("plan").stderr
    env = {**os.environ, "LANGUAGE": "en"}
    code = "import sys; from paradeplan.cli import main; sys.argv = sys.argv[1:]; main()"
    english = subprocess.run(
        [sys.executable, "-c", code, "paradeplan", "plan"], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Usage: paradeplan plan [OPTIONS]" in english.stderr and "Error: Missing argument 'plan'." in english.stderr


@pytest.fixture(scope="module")
def imported_ceremonies_vi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Seed 001 imported (`paradeplan import`) and planned (`paradeplan plan`) in Vietnamese: the results folder and
    every line both commands printed."""
    return _import_and_plan_vi(SEED001, tmp_path_factory.mktemp("longan-vi"))


def _import_and_plan_vi(seed: Path | None, work: Path) -> tuple[Path, str]:
    """A seed document imported and planned in Vietnamese in ``work``, as a new user runs it: the results folder and
    every line both commands printed (skipped where the seeds are not at hand)."""
    if seed is None:
        pytest.skip("seed documents not available")
    imported = _cli_vi("import", str(seed), "-o", str(work / "plan.yaml"))
    assert imported.returncode == 0, imported.stderr
    planned = _cli_vi("plan", str(work / "plan.yaml"), "--out", str(work / "out"))
    assert planned.returncode in (0, 3), planned.stderr
    return work / "out", "\n".join((imported.stdout, imported.stderr, planned.stdout, planned.stderr))


def _importer_texts(folder: Path, messages: str) -> list[str]:
    """What the importer wrote in its own words: the open items' questions and the decisions' reasons (kept in the
    plan file), and what `import` says it did not find (after the catalogue's "không tìm thấy: ")."""
    import yaml

    data = yaml.safe_load((folder.parent / "plan.yaml").read_text(encoding="utf-8"))
    texts = [str(o["question"]) for o in data.get("open_items") or []]
    texts += [str(d.get("reason") or "") for d in data.get("decisions") or []]
    texts += re.findall(r"không tìm thấy: (.*)", messages)
    return sorted((t for t in texts if t), key=len, reverse=True)


def _without(text: str, parts: list[str]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


def _leaks(texts: dict[str, str]) -> dict[str, list[str]]:
    found = {name: sorted(set(english_words(text))) for name, text in texts.items()}
    return {k: v for k, v in found.items() if v}


def test_no_english_word_in_an_imported_ceremony_plans_vietnamese_outputs_and_messages(imported_ceremonies_vi):
    """Every output a person reads (pages, Word, Excel, calendars, Markdown) and every CLI line, of a plan imported
    from an official document: no English word, no internal term, besides the importer's own words (the next test).
    Ids are never shown; names from the document are Vietnamese; proper nouns and units are the detector's ALLOWED
    words."""
    folder, messages = imported_ceremonies_vi
    texts = _texts(folder)
    assert {"index.html", "ceremonies/runofshow.md", "ceremonies/itineraries.md"} <= set(texts), sorted(texts)
    assert any(name.endswith(".ics") for name in texts) and any(name.endswith(".docx") for name in texts)
    texts["(messages)"] = messages
    importer = _importer_texts(folder, messages)
    assert len(importer) >= 6  # Long An leaves Tân An's venue and time open, and the districts to themselves
    leaks = _leaks({name: _without(text, importer) for name, text in texts.items()})
    assert not leaks, "\n".join(f"{k}: {v}" for k, v in leaks.items())


def test_the_importers_questions_and_notes_are_vietnamese(imported_ceremonies_vi):
    """The open items a clerk must answer, the importer's decisions and what it did not find, in Vietnamese."""
    folder, messages = imported_ceremonies_vi
    leaks = _leaks({f"importer {i}": text for i, text in enumerate(_importer_texts(folder, messages))})
    assert not leaks, "\n".join(f"{k}: {v}" for k, v in list(leaks.items())[:10])


#: Where the words people read are written: every module of these packages, and these loose modules.
USER_FACING_PACKAGES = (
    "cli",
    "render",
    "maps",
    "live",
    "studio",
    "parade",
    "ceremonies",
    "plan",
    "route",
    "i18n",
    "geo",
    "importer",
    "posts",
)
USER_FACING_MODULES = ("app.py", "errors.py", "outputs.py", "resources.py", "clock.py")
#: Modules of those packages whose texts no user reads, and why.
NOT_USER_FACING = {
    "parade/checker.py": "the independent checker's findings: a schedule that fails it is never written (a bug)",
    "parade/traffic_checker.py": "the independent checker's findings: a schedule that fails it is never written",
    "ceremonies/checker.py": "the independent checker's findings: a schedule that fails it is never written",
    "ceremonies/week_checker.py": "the independent checker's findings: a calendar that fails it is never written",
}
#: Modules that hold Vietnamese words as data: the words official documents use, to recognise them, and the names
#: the importer writes into a Vietnamese plan. Their literals need not be catalogue messages, but none may hold an
#: English word (an English literal there is a message that skipped the catalogue).
VIETNAMESE_AS_DATA = {
    f"importer/{m}.py": "the words of Vietnamese official documents, to recognise them"
    for m in (
        "activities",
        "dates",
        "context",
        "decide",
        "duties",
        "events",
        "extract",
        "marshals",
        "places",
        "prose",
        "routes",
        "shape",
        "stance",
        "structure",
        "tables",
        "text",
    )
} | {
    "importer/weekplan.py": "the words of Vietnamese official documents, to recognise them",
    "importer/reader.py": "the column headings of Vietnamese official documents' tables",
}
#: Single literals that are no words for people, and why.
NOT_WORDS_HERE = {
    ("importer/routes.py", "inline label"): "a notation's internal name (ranks ROUTE_RULES)",
    ("importer/pdftext.py", "{} s of CPU"): "PdfText.detail, for the log only (reader.py shows the catalogue's words)",
    ("posts/cover.py", "greedy (time limit)"): "a solver statistic's value, for benchmarks/",
}


def _english_data(text: str) -> list[str]:
    """The English words of a literal of Vietnamese words as data (regular expressions' group names left out):
    dictionary words that are no Vietnamese syllable ("the", "oto", "th" are folded Vietnamese there)."""
    text = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", text)
    words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}
    return sorted(w for w in words if w not in ALLOWED and not vietnamese_syllable(w) and w in _english())


_MARKERS = {"_", "N_", "NP_", "NN_", "ngettext", "pgettext", "gettext"}
#: Calls whose string arguments are for developers or machines: logging, regular expressions, SQL.
_NOT_WORDS_CALLS = {"debug", "info", "warning", "error", "exception", "compile", "search", "match", "fullmatch", "sub"}
_NOT_WORDS_CALLS |= {"findall", "split", "execute", "executescript", "executemany", "getLogger", "TypeVar", "cast"}
#: Exceptions whose messages reach people (exit 2/3); any other exception is a bug's report, for developers.
_USER_ERRORS = {"InputError", "InfeasibleError", "NetworkError", "ParadeplanError", "Problem", "HTTPException"}
_USER_ERRORS |= {"TooLarge", "PydanticCustomError", "FixRefused"}
#: Literals that are not words for people: SQL, a content-security policy, a media type, Python code for a
#: subprocess, a type annotation, a file format's id, CSS, markup.
_NOT_WORDS = re.compile(
    r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|ALTER|DROP)\b|-src\b|^[\w.+-]+/[\w.+-]+;|\bimport\b|"
    r"^\w+\[.*\]$|\[/\w+\]|paradeplan\.[\w-]+/\d|[:;{]\s*[a-z-]+\s*[:;]|@page|\bvar\b|function|https?://|<|=\"|%\("
)


#: The comment that marks a statement whose literals are data, not messages (with the reason after it).
_DATA_PRAGMA = "# words as data:"


def user_facing_modules() -> list[Path]:
    """Every module whose literals may reach people (see USER_FACING_PACKAGES and NOT_USER_FACING)."""
    found = [SRC / m for m in USER_FACING_MODULES]
    for package in USER_FACING_PACKAGES:
        found += sorted((SRC / package).rglob("*.py"))
    return [p for p in found if p.relative_to(SRC).as_posix() not in NOT_USER_FACING]


def _exempt(node: ast.AST, inside: set[int]) -> None:
    for arg in ast.walk(node):
        inside.add(id(arg))


def _callee(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")


def _error_helpers(tree: ast.AST) -> set[str]:
    """Functions of a module that make an error people read (``def _fail(...) -> InputError``, or one returning
    ``InputError(...)``): ``raise _fail("…")`` is such an error, its words are scanned."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        returns = node.returns
        named = returns.id if isinstance(returns, ast.Name) else getattr(returns, "attr", None)
        if isinstance(returns, ast.Constant) and isinstance(returns.value, str):
            named = returns.value
        made = {_callee(r.value) for r in ast.walk(node) if isinstance(r, ast.Return) and isinstance(r.value, ast.Call)}
        if named in _USER_ERRORS or made & _USER_ERRORS:
            found.add(node.name)
    return found


def _outside_catalogue(path: Path) -> list[str]:
    """String literals with two or more words (letters) that are not an argument of a catalogue call, a docstring,
    a message for developers (logging, an exception that reports a bug), SQL, a regular expression or markup.
    In a module of :data:`VIETNAMESE_AS_DATA`, only literals holding an English word."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    users = _USER_ERRORS | _error_helpers(tree)
    data_words = path.relative_to(SRC).as_posix() in VIETNAMESE_AS_DATA
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (_callee(node) in _MARKERS or _callee(node) in _NOT_WORDS_CALLS):
            _exempt(node, inside)
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = exc.id if isinstance(exc, ast.Name) else getattr(exc, "attr", "")
            if name not in users:
                _exempt(node, inside)
        if isinstance(node, ast.Assert):
            _exempt(node, inside)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            inside.add(id(node.value))  # docstrings, of modules, functions, classes and attributes
        if isinstance(node, ast.keyword) and node.arg in ("style", "media_type", "sym", "name"):
            _exempt(node, inside)  # a style's, media type's or solver run's name (for the log)
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Attribute) and t.attr in ("style", "symbol") for t in node.targets
        ):
            _exempt(node, inside)  # an office table style or a GPX symbol: the format's own vocabulary
        if isinstance(node, ast.Compare):
            _exempt(node, inside)  # matched against a library's text, never shown
        for annotation in (getattr(node, "returns", None), getattr(node, "annotation", None)):
            if annotation is not None:
                _exempt(annotation, inside)  # a type written as a string
        if isinstance(node, ast.stmt) and _DATA_PRAGMA in lines[node.lineno - 1]:
            _exempt(node, inside)  # marked in the source: words as data (names to recognise, a marker file)
    bad = []
    pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    pieces |= {id(n.format_spec) for n in ast.walk(tree) if isinstance(n, ast.FormattedValue) and n.format_spec}
    for node in ast.walk(tree):
        if id(node) in inside or id(node) in pieces:
            continue
        if isinstance(node, ast.JoinedStr):  # an f-string: its literal pieces read together, the values as gaps
            value = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
        else:
            continue
        if not re.search(r"\s", value.strip()) or _NOT_WORDS.search(value) or value.strip().startswith('"'):
            continue
        text = re.sub(r"\{[^}]*\}|&\w+;", " ", value)
        words = [w for w in re.findall(r"[A-Za-zÀ-ỹ]{2,}", text) if w.lower() not in ALLOWED]
        if (path.relative_to(SRC).as_posix(), value) in NOT_WORDS_HERE:
            continue
        if data_words and len(_english_data(text)) < 2:
            continue
        if len(words) >= 2:
            bad.append(f"{path.relative_to(SRC)}:{node.lineno}: {value[:60]!r}")
    return bad


def test_user_facing_strings_come_from_the_catalogue():
    modules = user_facing_modules()
    assert len(modules) > 80 and SRC / "live" / "server.py" in modules and SRC / "errors.py" in modules
    bad = [line for path in modules for line in _outside_catalogue(path)]
    assert not bad, "\n".join(bad)


def test_placeholders_look_like_placeholders():
    """Long An (seed 001) leaves each district to choose its venue: every such venue is marked in the book."""
    from paradeplan.app import run_ceremonies
    from paradeplan.i18n import use_lang
    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.planbook import planbook_html

    plan = load_plan(ROOT / "data" / "longan-2021" / "plan.yaml")
    with use_lang("en"):  # a CLI run in English: the plan's outputs are still in the plan's language
        book = run_ceremonies(plan, "vi").book
    page = planbook_html(None, None, plan, ceremonies=book)
    chosen_later = [c for c in plan.ceremonies if "chọn)" in next(p.name for p in plan.places if p.id == c.venue)]
    assert len(chosen_later) >= 14
    assert page.count('<span class="placeholder">(chưa xác định)</span>') >= len(chosen_later)
    assert page.index("Việc còn phải xác định") < page.index("Lễ khai mạc")
    assert not english_words(_page_text_of(page))


def test_placeholders_are_marked_in_every_output_of_the_ceremonies(tmp_path):
    """Long An's venues chosen later and times not stated are marked as such wherever they show: the run-of-show,
    the itineraries (text and calendar), the plan's calendar, the report (Word) and the ceremony map's popups."""
    import json

    from paradeplan.app import run_ceremonies
    from paradeplan.plan.planfile import load_plan
    from paradeplan.plan.rules import placeholders
    from paradeplan.render.reminders import plan_calendar

    plan = load_plan(ROOT / "data" / "longan-2021" / "plan.yaml")
    open_venue, _open_time = placeholders(plan)
    assert len(open_venue) >= 14
    outcome = run_ceremonies(plan, "vi")
    files = {name: (data if isinstance(data, str) else data.decode("utf-8")) for name, data in outcome.files.items()}
    mark = "(chưa xác định)"
    show = files["runofshow.md"]
    assert show.count(mark) >= len(open_venue), show[:400]
    # the provincial leaders' stop is Tân An's ceremony, at a school the city has yet to choose
    assert "(do UBND thành phố Tân An chọn) (chưa xác định)" in files["itineraries.md"]
    (tmp_path / "all.ics").write_text(files["itineraries/all.ics"], encoding="utf-8", newline="")
    assert mark in _ics_text(tmp_path / "all.ics")
    (tmp_path / "c.ics").write_bytes(plan_calendar(plan, "vi", outcome.book))
    assert _ics_text(tmp_path / "c.ics").count(mark) >= len(open_venue)
    page = files["map.html"]
    data = json.loads(re.search(r'"venues":\s*(\[.*?\]),\s*"paths"', page, re.S).group(1))  # type: ignore[union-attr]
    assert sum(1 for v in data if v["open"]) >= 10 and "chưa xác định" in page


def _page_text_of(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return html.unescape(" ".join(parser.parts))


def _docx(path: Path, document_xml: bytes) -> Path:
    """A .docx holding ``document_xml`` as its body (the parts python-docx needs to open it)."""
    import zipfile

    types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        b'+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document_xml)
    return path


_W_NS = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'


def test_the_importers_refusals_are_vietnamese_and_say_which_are_over_a_limit(tmp_path: Path) -> None:
    """Every refusal of a document (empty, binary, a folder, a .doc, a broken or hostile .docx, a file that is no
    PDF) and of the plan file's destination names the file in Vietnamese words; the ones over a limit are
    ``TooLarge`` (the studio answers 413 by that type, not by a word of the message)."""
    from paradeplan.errors import InputError, TooLarge
    from paradeplan.i18n import use_lang
    from paradeplan.importer.reader import read_document
    from paradeplan.importer.writer import write_atomic

    cases: dict[str, tuple[Path, bool]] = {}

    def case(name: str, data: bytes, large: bool = False) -> None:
        (tmp_path / name).write_bytes(data)
        cases[name] = (tmp_path / name, large)

    case("trong.txt", b"")
    case("khoang-trang.txt", b"  \n\t\n")
    case("nhi-phan.txt", b"\x00\x01\x02" * 50)
    case("dieu-khien.txt", bytes(range(1, 9)) * 40)
    case("sai-ma.txt", "Kế hoạch".encode("utf-16-le") + b"\xff")
    case("cu.doc", b"Ke hoach")
    case("hong.docx", b"PK\x03\x04 khong phai zip")
    case("hong.pdf", b"%PDF-1.4 khong phai pdf")
    (tmp_path / "thu-muc.txt").mkdir()
    cases["thu-muc.txt"] = (tmp_path / "thu-muc.txt", False)
    cases["bom.docx"] = (_docx(tmp_path / "bom.docx", _W_NS + b" " * 3_000_000 + b"</w:body></w:document>"), True)
    cells = _W_NS + b"<w:tbl><w:tr>" + b"<w:tc><w:p/></w:tc>" * 20_001 + b"</w:tr></w:tbl></w:body></w:document>"
    cases["o-bang.docx"] = (_docx(tmp_path / "o-bang.docx", cells), True)
    entity = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + _W_NS + b"&a;</w:body></w:document>"
    cases["thuc-the.docx"] = (_docx(tmp_path / "thuc-the.docx", entity), False)
    lines: dict[str, str] = {}
    with use_lang("vi"):
        for name, (path, large) in cases.items():
            with pytest.raises(InputError) as err:
                read_document(path)
            assert isinstance(err.value, TooLarge) == large, (name, err.value.lines())
            (lines[name],) = err.value.lines()
            assert lines[name].startswith(str(path)), lines[name]
        for target in (tmp_path / "khong-co" / "plan.yaml", tmp_path / "thu-muc.txt"):
            with pytest.raises(InputError) as err:
                write_atomic(target, "a: 1\n")
            assert not isinstance(err.value, TooLarge)
            (lines[target.name],) = err.value.lines()
    leaks = _leaks({name: line.replace(str(tmp_path), " ") for name, line in lines.items()})
    assert not leaks, "\n".join(f"{k}: {v} in {lines[k]}" for k, v in leaks.items())
    assert "giới hạn" in lines["bom.docx"] and "giới hạn 20.000 ô bảng" in lines["o-bang.docx"], lines


def test_a_posts_files_refusals_are_vietnamese(tmp_path: Path) -> None:
    """A posts/1 file with a wrong value in every field: each refusal names the field, in Vietnamese words (the
    file's own keys and values, quoted or in brackets, stay as written)."""
    import json

    from paradeplan.errors import InputError, TooLarge
    from paradeplan.i18n import use_lang
    from paradeplan.posts.instance import load_instance, read_json_file

    post = {"id": "A", "lat": "x", "lon": 500, "open": "25:00", "close": "08:00", "need": {"": 1}, "priority": 0.5}
    posts = [post, {**post, "lat": 10.8, "lon": 106.6, "open": "09:00", "need": {"mo-to": -1}, "priority": 10**9}]
    unit = {"id": "U", "kind": "mo-to", "speed_kmh": 0, "lat": 10.8, "lon": 106.6, "ready": "09:00", "until": "08:00"}
    doc = {"format": "paradeplan.posts/9", "date": "2023-13-01", "timezone": "Sao/Hoa", "detour_factor": True}
    doc |= {"objective": "it", "posts": posts, "units": [unit, unit], "travel": {"Z": {"A": 1.5, "B": 1}, "U": []}}
    (tmp_path / "sai.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "sau.json").write_text("[" * 60 + "]" * 60, encoding="utf-8")
    (tmp_path / "hong.json").write_text('{"a": 1, "a": 2', encoding="utf-8")
    (tmp_path / "mang.json").write_text("[1]", encoding="utf-8")
    lines: list[str] = []
    with use_lang("vi"):
        with pytest.raises(InputError) as err:
            load_instance(tmp_path / "sai.json")
        lines += err.value.lines()
        assert len(lines) >= 15, lines
        for name, large in (("sau.json", True), ("hong.json", False), ("mang.json", False)):
            with pytest.raises(InputError) as err:
                load_instance(tmp_path / name)
            assert isinstance(err.value, TooLarge) == large, err.value.lines()
            lines += err.value.lines()
        with pytest.raises(TooLarge) as big:
            read_json_file(tmp_path / "sai.json", max_bytes=100)
        lines += big.value.lines()
    prose = [re.sub(r"^\S+?:(?:\d+:)*\s|[\w.\[\]-]+: |'[^']*'|\"[^\"]*\"|\[[^\]]*\]", " ", line) for line in lines]
    leaks = _leaks(dict(enumerate(prose)))  # type: ignore[arg-type]
    assert not leaks, "\n".join(f"{lines[k]} -> {v}" for k, v in leaks.items())


def test_the_catalogue_scan_catches_english_in_helpers_data_modules_and_posts(monkeypatch, tmp_path: Path) -> None:
    """The scan is not blind where English used to hide: a refusal raised through a helper that makes the error
    (``raise _fail(name, "document is empty", …)``), an English literal in a module of Vietnamese words as data, a
    posts/ message outside the catalogue. The catalogue's own version of each passes."""
    monkeypatch.setitem(globals(), "SRC", tmp_path)
    (tmp_path / "importer").mkdir()
    (tmp_path / "posts").mkdir()
    helper = (
        "from paradeplan.errors import InputError, Problem\n"
        "from paradeplan.i18n import _\n\n"
        "def _fail(name: str, message: str, hint: str) -> InputError:\n"
        "    return InputError(problems=[Problem(message, name, hint=hint)])\n\n"
        "def _bad(message):\n"
        "    return PydanticCustomError('posts', '{message}', {'message': message})\n\n"
        "def read(name: str) -> None:\n"
        "    raise _fail(name, @empty@, @hint@)\n\n"
        "def check(v: object) -> None:\n"
        "    raise _bad(@number@)\n\n"
        "def bug() -> None:\n"
        "    raise ValueError('a bug report for developers')\n"
    )
    english = ('"document is empty"', '"give the plan document"', '"must be a number"')
    catalogue = ('_("document is empty")', '_("give the plan document")', '_("must be a number")')
    for folder, words in (("importer", "reader"), ("posts", "instance")):
        for texts, found in ((english, 3), (catalogue, 0)):
            module = tmp_path / folder / f"{words}.py"
            text = helper
            for key, value in zip(("@empty@", "@hint@", "@number@"), texts, strict=True):
                text = text.replace(key, value)
            module.write_text(text)
            assert len(_outside_catalogue(module)) == found, (module, _outside_catalogue(module))
    data = tmp_path / "importer" / "events.py"
    data.write_text('KINDS = ("trung tam van hoa", "nha van hoa", "the thao")\nNOTE = "venue chosen later"\n')
    assert [line.split(": ", 1)[1] for line in _outside_catalogue(data)] == ["'venue chosen later'"]


def test_posts_check_says_valid_in_vietnamese() -> None:
    """`paradeplan posts check` on a valid solution: one Vietnamese line (was "valid (optimal, 2 units)")."""
    from typer.testing import CliRunner

    from paradeplan.cli.posts import app
    from paradeplan.i18n import use_lang

    data = ROOT / "tests" / "data" / "posts"
    with use_lang("vi"):
        r = CliRunner().invoke(
            app, ["check", str(data / "small.json"), str(data / "small.solution.json")], env={"LANGUAGE": "vi"}
        )
    assert r.exit_code == 0 and "hợp lệ, dùng" in r.output, r.output
    assert not english_words(r.output.replace(str(data), " ")), r.output


@pytest.fixture(scope="module")
def imported_parade_vi(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Seed 000 imported and planned in Vietnamese, as a new user runs it: the results folder and every CLI line."""
    return _import_and_plan_vi(SEED000, tmp_path_factory.mktemp("q12-vi"))


def test_placeholders_are_marked_in_the_parades_run_sheets_word_plan_maps_and_calendars(imported_parade_vi):
    """Seed 000 states no departure time: the importer writes 07:30 (the assembly time) as a placeholder with an
    open item. The run-sheets (Excel) and the Word plan mark it "(chưa xác định)" and say the times follow it; the
    stated facts (date, assembly time, assembly place) are not marked. Both files opened as a reader would."""
    import yaml
    from openpyxl import load_workbook

    folder, _messages = imported_parade_vi
    plan = yaml.safe_load((folder.parent / "plan.yaml").read_text(encoding="utf-8"))
    assert "parades[0].departure_time" in {o["field"] for o in plan["open_items"]}
    sheet = load_workbook(folder / "runsheets.xlsx").worksheets[0]
    rows = {str(r[0].value): [c.value for c in r[1:3]] for r in sheet.iter_rows(min_row=2, max_row=14) if r[0].value}
    assert rows["Xuất phát"][1] == "(chưa xác định)", rows
    assert str(rows["Xuất phát"][0]) == "07:30:00"  # still a time value, as Excel sorts and formats it
    assert rows["Thời gian tập trung"][1] is None and rows["Địa điểm tập trung"][1] is None, rows
    assert any("chưa xác định" in k and "giờ" in k for k in rows), rows
    for group in load_workbook(folder / "runsheets.xlsx").worksheets[1:]:  # each unit's sheet says it too
        assert group.oddHeader.right.text == "(chưa xác định)", group.title
        notes = [c.value for c in group["A"] if isinstance(c.value, str) and "chưa xác định" in c.value]
        assert notes or group.title == "Rào chắn", group.title
    word_text = _docx_text(folder / "ke-hoach.docx")
    departure = next(line for line in word_text.splitlines() if line.startswith("- Xuất phát:"))
    assert departure.endswith("(chưa xác định).") and "7 giờ 30" in departure, departure
    assembly = next(line for line in word_text.splitlines() if line.startswith("- Thời gian tập trung:"))
    assert "chưa xác định" not in assembly, assembly
    police = (folder / "map.html").read_text(encoding="utf-8")
    public = (folder / "map-public.html").read_text(encoding="utf-8")
    assert "2023-10-02 · 07:30 (chưa xác định)" in police  # the maps' headers: the time, not the stated date
    assert "02/10/2023 · 07:30–09:49 (chưa xác định) ·" in public
    from icalendar import Calendar

    for ics_file in (folder / "calendar.ics", next((folder / "calendars").glob("*.ics"))):
        events = Calendar.from_ical(ics_file.read_bytes()).walk("VEVENT")
        timed = [e for e in events if "chưa xác định" in str(e.get("description"))]
        assert timed and all(str(e.get("status")) == "TENTATIVE" for e in timed), ics_file


def test_no_english_word_in_an_imported_parade_plans_vietnamese_outputs_and_messages(imported_parade_vi):
    """Every output a person reads of a parade imported from an official document (seed 000), and every CLI line:
    no English word, no internal term, besides the importer's own words (checked apart) and the document's own
    words (names and slogans, quoting "Thomas Carlyle" and "Balzac", are the user's, not translated)."""
    import yaml

    folder, messages = imported_parade_vi
    texts = _texts(folder)
    assert {"index.html", "ke-hoach.docx", "runsheets.xlsx"} <= set(texts), sorted(texts)
    texts["(messages)"] = messages
    theirs: list[str] = []
    todo = [yaml.safe_load((folder.parent / "plan.yaml").read_text(encoding="utf-8"))]
    while todo:
        value = todo.pop()
        if isinstance(value, dict):
            todo += [v for k, v in value.items() if k not in ("open_items", "decisions")]
        elif isinstance(value, list):
            todo += value
        elif isinstance(value, str) and len(value) >= 4:
            theirs.append(value)
    importer = sorted(set(_importer_texts(folder, messages) + theirs), key=len, reverse=True)
    leaks = _leaks({name: _without(text, importer) for name, text in texts.items()})
    assert not leaks, "\n".join(f"{k}: {v}" for k, v in leaks.items())


def test_a_route_that_ends_on_a_street_names_its_end_in_vietnamese() -> None:
    """A route whose last step is a street (the demo without its last place) ends where that street ends: the end
    point says so in the plan's words ("Quốc lộ 1 (cuối đường)"; was "Quốc lộ 1 (end)")."""
    import yaml

    from paradeplan.geo.streets import load_graph
    from paradeplan.i18n import use_lang
    from paradeplan.plan.planfile import plan_from_data
    from paradeplan.resources import demo_plan_path
    from paradeplan.route.resolve import resolve_route

    data = yaml.safe_load(demo_plan_path().read_text(encoding="utf-8"))
    data["parades"][0]["route"] = data["parades"][0]["route"][:-1]
    with use_lang("vi"):
        route = resolve_route(plan_from_data(data), None, load_graph("builtin:quan12"))
    end = next(p for p in route.points if p.kind == "end")
    assert end.name == "Quốc lộ 1 (cuối đường)", end.name
