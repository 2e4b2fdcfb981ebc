"""Write results atomically (a temporary folder beside the target, moved into place when complete), in two processes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from paradeplan.errors import InputError, ParadeplanError, Problem

T = TypeVar("T")


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


class SideWriter:
    """A second process that writes some results while this one writes others (Linux with two CPUs or more).

    It is forked when made, so it inherits what is loaded by then (plan, street graph, libraries), and runs
    ``prepare`` at once (imports, data it will read) while this process goes on. A job sent to it with
    :meth:`run` is pickled (a schedule is some 200 KB: milliseconds); what the job returns or raises is
    returned or raised here, whole, by the callable :meth:`run` gives back. The side process ignores Ctrl-C
    (this process decides, and waits for it) and ends when this process ends, however it ends. Where forking
    is unsafe or idle (another system, one CPU, or threads already running here: :func:`fork_helps`) each job
    runs here, at once, and writes the same bytes. A job still running after :data:`JOB_TIMEOUT_S` (a hang:
    a library that does not survive a fork) ends the side process and raises an error that says how to run
    in one process. Use it as a context manager: leaving stops the process.
    """

    def __init__(self, prepare: Callable[[], object]) -> None:
        self._pool: Any = None
        self._processes: list[Any] = []
        if fork_helps():
            import gc
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Forked with every object here frozen: the side process's collector never finalizes what it
            # inherited, such as an OSM reader left in a reference cycle whose C++ threads only exist here
            # (its destructor would wait for them forever, or abort).
            gc.freeze()
            try:
                context = multiprocessing.get_context("fork")
                before = set(multiprocessing.active_children())
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_side_init)
                self._pool.submit(prepare)  # forks
                self._processes = [p for p in multiprocessing.active_children() if p not in before]
            finally:
                gc.unfreeze()

    def __enter__(self) -> SideWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def run(self, job: Callable[[], T]) -> Callable[[], T]:
        """Start ``job``; return what waits for it to finish and gives its result (or raises what it raised)."""
        if self._pool is None:
            result = job()
            return lambda: result
        future = self._pool.submit(job)

        def wait() -> T:
            from concurrent.futures.process import BrokenProcessPool

            try:
                done: T = future.result(timeout=JOB_TIMEOUT_S)
            except TimeoutError:
                self._kill()
                raise ParadeplanError(
                    f"the process writing the results did not finish in {JOB_TIMEOUT_S:.0f} s; run again with "
                    f"{ONE_PROCESS_ENV}=1 to write everything in one process"
                ) from None
            except BrokenProcessPool as exc:
                raise ParadeplanError(f"the process writing the results stopped unexpectedly ({exc})") from None
            return done

        return wait

    def _kill(self) -> None:
        """End the side process at once (it is stuck)."""
        for process in self._processes:
            with contextlib.suppress(Exception):  # it may be gone already
                process.kill()

    def close(self) -> None:
        """Stop the side process (after the job it is running, if any); nothing is left behind."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


#: How long this process waits for a job of the side process before it ends it: a guard against a hang, far
#: above any real job (the demo's takes 0.4 s).
JOB_TIMEOUT_S = 600.0
#: Set to 1 to keep every run in one process (no side process).
ONE_PROCESS_ENV = "PARADEPLAN_PROCESSES"


def fork_helps() -> bool:
    """Whether a forked side process is safe (Linux, no other thread running here), has a CPU of its own and is
    not turned off (``PARADEPLAN_PROCESSES=1``)."""
    import sys
    import threading

    if os.environ.get(ONE_PROCESS_ENV, "").strip() == "1":
        return False
    if sys.platform != "linux" or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) >= 2


def _side_init() -> None:
    """In the side process: leave Ctrl-C to the main process, and end when the main process ends (its sentinel
    pipe closes), however it ends."""
    import multiprocessing
    import signal
    import threading
    from multiprocessing.connection import wait

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="paradeplan-main-watch", daemon=True).start()
