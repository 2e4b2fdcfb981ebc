"""Write results atomically (a temporary folder beside the target, moved into place when complete)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from paradeplan.errors import InputError, Problem
from paradeplan.i18n import _, ngettext, os_error

if TYPE_CHECKING:
    from pydantic import ConfigDict

T = TypeVar("T")

#: The file ``paradeplan plan`` leaves in every results folder it writes: ``--out`` replaces only such a folder.
MARKER = ".paradeplan-results"
MARKER_TEXT = (  # words as data: the marker file the tool looks for
    "paradeplan results folder: `paradeplan plan --out` replaces this folder (keeping live.sqlite) only while this "
    "file is here.\n"
)
#: The live server's report store and its SQLite companions: kept when a results folder is replaced.
LIVE_FILES = ("live.sqlite", "live.sqlite-wal", "live.sqlite-shm")


def part(name: str) -> ConfigDict:
    """The pydantic config of a part of a published file: its name in the file's schema, frozen, and every field
    listed as required in the serialization schema (a written file always carries it, defaults included)."""
    from pydantic import ConfigDict

    return ConfigDict(title=name, frozen=True, json_schema_serialization_defaults_required=True)


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
                Problem(
                    _("cannot create folder: {error}").format(error=os_error(exc)),
                    str(folder),
                    hint=_("choose a writable place"),
                )
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


def write_files(folder: Path, files: dict[str, bytes | str]) -> None:
    """Write relative path → content into ``folder`` (sorted; text as UTF-8 with ``\\n`` line ends)."""
    for rel, content in sorted(files.items()):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8", newline="\n")
        else:
            target.write_bytes(content)


class StoreLock:
    """An OS lock (``flock``) held on a live report store: one server per folder, no ``plan --out`` under it."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (closing the descriptor)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _busy(path: Path) -> InputError:
    who = ""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        who = (path.parent / f".{path.name}.server").read_text(encoding="utf-8").strip()[:200]
    return InputError(
        problems=[
            Problem(
                _("is in use by a running `paradeplan live` server ({who})").format(who=who)
                if who
                else _("is in use by a running `paradeplan live` server"),
                str(path),
                hint=_("one server per folder: open that server's pages, or stop it (Ctrl-C in its window) first"),
            )
        ]
    )


def lock_store(path: Path, server: str = "", *, create: bool = True) -> StoreLock:
    """Take the OS lock of a live report store (creating the file when asked), or refuse: another server holds it.

    Parameters
    ----------
    path : Path
        The store (``live.sqlite``).
    server : str
        Who holds it (written beside it, for the message another process gets).
    create : bool
        Create the file when missing (a server does; ``plan --out`` only locks a store that exists).

    Raises
    ------
    InputError
        Another process holds the lock (exit status 2).
    """
    import fcntl

    try:
        fd = os.open(path, os.O_RDWR | (os.O_CREAT if create else 0), 0o644)
    except FileNotFoundError:
        return StoreLock(None)
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot be opened: {error}").format(error=os_error(exc)),
                    str(path),
                    hint=_("check the folder's rights"),
                )
            ]
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise _busy(path) from None
    if server:
        with contextlib.suppress(OSError):
            (path.parent / f".{path.name}.server").write_text(server + "\n", encoding="utf-8")
    return StoreLock(fd)


def _live_file(name: str) -> bool:
    """The live server's files: its store, SQLite's companions, the copies it rescued, who serves it."""
    return (
        name in LIVE_FILES
        or (name.startswith("live-rescued-") and name.endswith(".sqlite"))
        or name == (f".{LIVE_FILES[0]}.server")
    )


def _linked(book: Path) -> set[str]:
    """Every relative file the plan book (``index.html``) links to."""
    import html
    import re
    from urllib.parse import unquote

    try:
        text = book.read_text(encoding="utf-8", errors="replace")[:20_000_000]
    except OSError:
        return set()
    return {unquote(html.unescape(h)) for h in re.findall(r'href="([^"#:?]+)"', text)}


def claim_folder(target: Path) -> StoreLock:
    """Check that ``--out`` may be written: a new or empty folder, or one paradeplan wrote, not under a live server.

    A folder paradeplan wrote carries :data:`MARKER`; one written by a version before the marker is recognised by
    its plan book, which links every file the run wrote (any other file there and it is refused). A folder with
    any other file is refused and left as it is. A store a live server holds is refused; one no server holds is
    locked here (so no server starts on it meanwhile) and kept when the folder is replaced.

    Returns
    -------
    StoreLock
        The lock on the folder's ``live.sqlite`` (an empty lock when there is none): release it when done.

    Raises
    ------
    InputError
        Why the folder may not be written and what to do (exit status 2).
    """
    target = Path(target)
    if not target.exists():
        return StoreLock(None)
    if not target.is_dir():
        raise InputError(
            problems=[Problem(_("exists and is not a folder"), str(target), hint=_("give a folder path for --out"))]
        )
    try:
        names = files_in(target)
        empty_dirs = not names and any(target.iterdir())
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot be read: {error}").format(error=os_error(exc)),
                    str(target),
                    hint=_("choose another --out"),
                )
            ]
        ) from None
    if not names and not empty_dirs:
        return StoreLock(None)
    if not (target / MARKER).is_file():
        linked = _linked(target / "index.html") if (target / "index.html").is_file() else set()
        foreign = [n for n in names if not _live_file(n) and n != "index.html" and n not in linked]
        if not linked or foreign or empty_dirs:
            shown = ", ".join(foreign[:3])
            if len(foreign) > 3:
                more = len(foreign) - 3
                shown = ngettext("{files} and {n} more", "{files} and {n} more", more).format(files=shown, n=more)
            if foreign:
                why = _(
                    "is not a results folder of paradeplan (it holds {files}): nothing was written and nothing removed"
                )
                why = why.format(files=shown)
            else:
                why = _(
                    "is not a results folder of paradeplan (it has no plan book index.html listing its files): "
                    "nothing was written and nothing removed"
                )
            raise InputError(
                problems=[
                    Problem(
                        why,
                        str(target),
                        hint=_("give a new or empty folder for --out; to replace this one, move its files away first"),
                    )
                ]
            )
    return lock_store(target / LIVE_FILES[0], create=False)


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Build a results folder in a temporary folder beside ``target``; replace ``target`` only on success.

    ``target`` must be new, empty or a folder paradeplan wrote (:func:`claim_folder`); its live report store is
    moved into the new folder, never removed. The new folder carries :data:`MARKER`. On any exception (including
    Ctrl-C) the temporary folder is removed and the previous ``target`` is left untouched.
    """
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    claim = claim_folder(target)
    try:
        try:
            parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=parent))
        except OSError as exc:
            raise InputError(
                problems=[
                    Problem(
                        _("cannot write here: {error}").format(error=os_error(exc)),
                        str(parent),
                        hint=_("choose a writable folder for --out"),
                    )
                ]
            ) from None
        old: Path | None = None
        try:
            yield tmp
            os.chmod(tmp, 0o755)
            (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8", newline="\n")
            if target.exists():
                for name in sorted(os.listdir(target)):
                    if _live_file(name) and (target / name).is_file():
                        os.replace(target / name, tmp / name)
                old = parent / f".{target.name}.old-{os.getpid()}"
                os.replace(target, old)
            os.replace(tmp, target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            _undo(target, tmp, old)
            raise
    finally:
        claim.release()


def _undo(target: Path, tmp: Path, old: Path | None) -> None:
    """Put the previous folder and its live store back after a failed replacement; remove the staging folder
    only once no store is left in it."""
    with contextlib.suppress(OSError):
        if old is not None and old.exists() and not target.exists():
            os.replace(old, target)
    kept = []
    for name in sorted(os.listdir(tmp)) if tmp.exists() else ():
        if _live_file(name):
            try:
                if not target.exists() or (target / name).exists():
                    raise OSError("no place to put it back")
                os.replace(tmp / name, target / name)
            except OSError:
                kept.append(name)
    if not kept:
        shutil.rmtree(tmp, ignore_errors=True)
