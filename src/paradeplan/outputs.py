"""Write results atomically: into a temporary folder beside the target, moved into place only when complete."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem


def dumps_json(data: Any) -> str:
    """Deterministic JSON text: UTF-8 characters kept, two-space indent, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(path: Path, data: Any) -> None:
    """Write deterministic JSON to ``path`` (inside a folder being built)."""
    path.write_text(dumps_json(data), encoding="utf-8", newline="\n")


def files_in(folder: Path) -> list[str]:
    """Relative POSIX names of every file under ``folder``, sorted (what a plan book lists and links)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_file_atomic(path: Path, data: bytes | str) -> None:
    """Write one file atomically: a temporary file in the same folder, then ``os.replace``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(f"cannot create folder: {exc.strerror or exc}", str(folder), hint="choose a writable place")
            ]
        ) from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Build a results folder in a temporary folder beside ``target``; replace ``target`` only on success.

    On any exception (including Ctrl-C) the temporary folder is removed and the previous ``target`` is left
    untouched.
    """
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists() and not target.is_dir():
        raise InputError(
            problems=[Problem("exists and is not a folder", str(target), hint="give a folder path for --out")]
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=parent))
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    f"cannot write here: {exc.strerror or exc}", str(parent), hint="choose a writable folder for --out"
                )
            ]
        ) from None
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        old: Path | None = None
        if target.exists():
            old = parent / f".{target.name}.old-{os.getpid()}"
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
