"""`plan --out` never deletes what it did not write: it replaces only a folder it made (its marker, or an older
version's results recognised by their plan book), refuses any other non-empty folder with exit 2, keeps live.sqlite."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from live_support import CLI, PLAN, planned
from paradeplan.outputs import MARKER


def _plan(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "plan", str(PLAN), "--out", str(out)], capture_output=True, text=True, timeout=600)


@pytest.mark.usefixtures("english")  # matches the English message
def test_a_folder_of_someone_s_files_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "notes.docx").write_bytes(b"the clerk's notes")
    (out / "sub").mkdir()
    (out / "sub" / "photo.jpg").write_bytes(b"jpeg")
    r = _plan(out)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert str(out) in r.stderr and "notes.docx" in r.stderr and "not a results folder" in r.stderr
    assert (out / "notes.docx").read_bytes() == b"the clerk's notes"
    assert (out / "sub" / "photo.jpg").read_bytes() == b"jpeg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents"]  # nothing written beside it
    assert sorted(p.name for p in out.iterdir()) == ["notes.docx", "sub"]


def test_its_own_folder_is_replaced_and_the_store_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(planned(), out)
    assert (out / MARKER).is_file()
    (out / "live.sqlite").write_bytes(b"reports of the day")
    (out / "stale-output.csv").write_text("from an earlier run", encoding="utf-8")  # inside a folder it made
    r = _plan(out)
    assert r.returncode == 0, r.stderr
    assert (out / "live.sqlite").read_bytes() == b"reports of the day"
    assert not (out / "stale-output.csv").exists() and (out / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_older_version_s_results_are_recognised_by_their_plan_book(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy"
    shutil.copytree(planned(), legacy)
    (legacy / MARKER).unlink()  # as written before the marker existed
    (legacy / "live.sqlite").write_bytes(b"kept")
    r = _plan(legacy)
    assert r.returncode == 0, r.stderr
    assert (legacy / MARKER).is_file() and (legacy / "live.sqlite").read_bytes() == b"kept"
    # the same, with one file the plan book does not list: refused, nothing touched
    (legacy / MARKER).unlink()
    (legacy / "budget.xlsx").write_bytes(b"mine")
    before = sorted(p.relative_to(legacy).as_posix() for p in legacy.rglob("*"))
    r = _plan(legacy)
    assert r.returncode == 2 and "budget.xlsx" in r.stderr, r.stderr
    assert sorted(p.relative_to(legacy).as_posix() for p in legacy.rglob("*")) == before


def test_an_empty_folder_is_written(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    r = _plan(out)
    assert r.returncode == 0, r.stderr
    assert (out / MARKER).is_file() and (out / "schedule.json").is_file()
