"""The one message catalogue: .po/.mo in step with the sources (Babel), languages chosen per output and per run,
numbers, durations and dates formatted by Babel for vi_VN and en."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from paradeplan import i18n

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_catalogues_match_the_sources():
    """Every marked message is in both .po files, translated, not fuzzy, none obsolete."""
    problems = _tool().problems()
    assert not problems, "\n".join(problems[:40])


def test_a_message_missing_from_the_catalogue_is_reported(tmp_path, monkeypatch):
    tool = _tool()
    src = tmp_path / "src" / "paradeplan"
    src.mkdir(parents=True)
    (src / "x.py").write_text('from paradeplan.i18n import _\n\nMSG = _("A brand new message")\n', encoding="utf-8")
    (tmp_path / "babel.cfg").write_text("[python: src/paradeplan/**.py]\n", encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    ids = {m.id for m in tool.extract() if m.id}
    assert ids == {"A brand new message"}


def test_gettext_picks_the_language_per_call_and_per_block():
    assert i18n.gettext("Plan book", "vi") == "Sổ kế hoạch điều hành"
    assert i18n.gettext("Plan book", "en") == "Plan book"
    assert i18n.pgettext("map", "Route", "vi") == "Lộ trình"
    assert i18n.gettext("Route", "vi") == "Lộ trình điều hành"
    with i18n.use_lang("en"):
        assert i18n._("Plan book") == "Plan book"
        with i18n.use_lang("vi_VN.UTF-8"):
            assert i18n._("Plan book") == "Sổ kế hoạch điều hành"
        assert i18n.current_lang() == "en"
    assert i18n.tr(i18n.N_("Position {n} in the column"), "vi", n=3) == "Vị trí 3 trong đoàn"
    assert i18n.tr(i18n.NP_("map", "Route"), "en") == "Route"


def test_vietnamese_has_one_plural_form_english_two():
    assert i18n.translations("vi").ngettext("a", "b", 5) == "b"  # untranslated: gettext's fallback
    assert i18n.translations("vi").plural(5) == 0  # type: ignore[attr-defined]
    assert i18n.translations("en").plural(5) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "vi"),
    ],
)
def test_the_users_language_comes_from_the_locale_variables(env, lang):
    assert i18n.lang_from_env(env) == lang


def test_numbers_durations_and_dates_are_formatted_by_babel():
    assert i18n.km(2440, "vi") == "2,44 km"
    assert i18n.km(2440, "en") == "2.44 km"
    assert i18n.km(41_700, "vi", 1) == "41,7 km"
    assert i18n.number(12345.678, "vi", 1) == "12.345,7"
    assert i18n.number(12345.678, "en", 1) == "12,345.7"
    assert i18n.minutes(10, "vi") == "10 phút"
    assert i18n.minutes(10, "en") == "10 min"
    assert i18n.minutes(10.4, "vi", 1, signed=True) == "+10,4 phút"
    assert i18n.long_date(date(2023, 10, 2), "en") == "October 2, 2023"
    assert i18n.short_date(date(2023, 10, 2), "vi") == "02/10/2023"
    assert i18n.clock(11 * 3600 + 26 * 60) == "11:26"


def test_the_catalogue_is_compiled_from_the_po_at_first_use_then_read_from_the_cache(tmp_path):
    """The first run compiles each .po with Babel into the cache; the next loads no Babel at all."""
    import os

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "import sys, paradeplan.i18n as m; print(m._('Plan book', 'vi'), 'babel' in sys.modules)"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert first.strip() == "Sổ kế hoạch điều hành True"
    assert len(list((tmp_path / "paradeplan" / "locale").glob("vi-*.mo"))) == 1
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert again.strip() == "Sổ kế hoạch điều hành False"


def test_a_read_only_cache_compiles_in_memory(tmp_path):
    import os

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocked)}
    code = "import paradeplan.i18n as m; print(m._('Plan book', 'vi'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "Sổ kế hoạch điều hành"


def test_every_marked_literal_is_in_the_catalogue():
    """Every literal given to _(), N_(), NP_(), gettext(), ngettext() or pgettext() anywhere in the sources is a
    message of the .po (Babel on Python 3.11 does not see a call inside an f-string's braces: this test does)."""
    import ast

    tool = _tool()
    have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in tool.read("vi") if m.id}
    missing = []
    for path in sorted((ROOT / "src" / "paradeplan").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if name in ("_", "N_", "gettext", "ngettext") and args and args[0] is not None:
                key = (None, args[0])
            elif name in ("NP_", "pgettext") and len(args) > 1 and args[0] is not None and args[1] is not None:
                key = (args[0], args[1])
            else:
                continue
            if key not in have:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {key[1]!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.usefixtures("english")  # puts back the language the in-process CLI sets
def test_system_errors_in_the_users_language(tmp_path: Path) -> None:
    """A missing file, a folder given for a file: the system's reason in the catalogue's words, not in English."""
    from typer.testing import CliRunner

    from paradeplan.cli import app

    missing = tmp_path / "khong-co.yaml"
    r = CliRunner().invoke(app, ["validate", str(missing)], env={"LANGUAGE": "vi"})
    assert r.exit_code == 2 and "không có tệp hay thư mục này" in r.output and "No such" not in r.output, r.output
    r = CliRunner().invoke(
        app, ["posts", "solve", str(tmp_path), "-o", str(tmp_path / "x.json")], env={"LANGUAGE": "vi"}
    )
    assert r.exit_code == 2 and "là một thư mục" in r.output, r.output
    r = CliRunner().invoke(app, ["validate", str(missing)], env={"LANGUAGE": "en"})
    assert "no such file or folder" in r.output, r.output
