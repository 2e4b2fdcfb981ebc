"""The report store: one SQLite file in the results folder (WAL, synchronous writes), one server and one writer at a
time, every correction kept in an audit log."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from paradeplan.errors import InputError, ParadeplanError, Problem
from paradeplan.i18n import N_, _, tr
from paradeplan.live.model import REPORT_KINDS, Report, ReportKind
from paradeplan.outputs import StoreLock, lock_store

SCHEMA_VERSION = "2"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('head', 'tail', 'pause', 'resume')),
  time_s INTEGER NOT NULL CHECK (time_s BETWEEN 0 AND 86399),
  at_m INTEGER CHECK (at_m IS NULL OR at_m >= 0),
  post TEXT,
  received TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('add', 'withdraw', 'amend')),
  seq INTEGER NOT NULL,
  before TEXT,
  after TEXT
);
"""
#: Columns schema 2 added to the reports of schema 1 (stores kept by older versions are brought up to date).
_V2_COLUMNS = (("withdrawn", "TEXT"), ("who", "TEXT NOT NULL DEFAULT 'control'"))  # words as data: SQL
_COLUMNS = "seq, kind, time_s, at_m, post, received"  # words as data: SQL


class Refused(ParadeplanError):  # noqa: N818 - a refusal, not a failure of the store
    """A report the store will not take, with the field and the reason in Vietnamese and English (the API answers
    422, or 409 when the report only needs a confirmation).

    Parameters
    ----------
    field : str
        The field at fault (``body`` for the whole).
    reason : str
        Why, in Vietnamese (what the Vietnamese views show).
    reason_en : str, optional
        Why, in English (default: the Vietnamese text).
    confirm : bool
        The report is plausible only if the control room confirms it (send it again with ``"confirm": true``).
    """

    def __init__(self, field: str, reason: str, reason_en: str | None = None, *, confirm: bool = False) -> None:
        super().__init__(f"{field}: {reason_en or reason}")
        self.field = field
        self.reason = reason
        self.reason_en = reason_en or reason
        self.confirm = confirm


class StoreGone(ParadeplanError):  # noqa: N818 - a state of the store, not a bug
    """The store's file vanished or was replaced while the server ran: no report can be kept (the API answers 503).

    Parameters
    ----------
    reason, reason_en : str
        What happened and what to do, in Vietnamese and English.
    """

    def __init__(self, reason: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason = reason
        self.reason_en = reason_en


class NoSuchReport(ParadeplanError, LookupError):
    """No report has this sequence number (the API answers 404)."""

    def __init__(self, seq: int) -> None:
        super().__init__(f"no report #{seq}")  # words as data: for the log
        self.seq = seq


@dataclass(frozen=True)
class LogEntry:
    """One line of the audit log: who did what to which report, when, and the report before and after."""

    id: int
    at: str
    who: str
    action: str
    seq: int
    before: Report | None
    after: Report | None


Check = Callable[[tuple[Report, ...], Report], None]


class Store:
    """Every report of the day, kept in ``live.sqlite`` in the results folder, and every correction of them.

    One server per store: an OS lock (``flock``) on the file refuses a second server. One connection, guarded by
    a lock: reports are written one at a time, each in its own ``BEGIN IMMEDIATE`` transaction with
    ``synchronous=FULL``, so a report answered 201 is on disk and a restart loses nothing. Nothing is ever
    erased: a withdrawn report stays with the time it was withdrawn, an amended one keeps its earlier values in
    the log. Before each write the file is checked to be the one opened: a store removed or replaced under the
    running server (``rm``, another program) takes no report (:class:`StoreGone`) and what it held is saved
    beside it.

    Parameters
    ----------
    path : Path
        The database file (created when missing).
    digest : str
        Fingerprint of the schedule the reports belong to; a store kept for another schedule is refused.
    server : str, optional
        Who serves it (shown to a second server that is refused).
    """

    def __init__(self, path: Path, digest: str, server: str = "") -> None:
        self.path = path
        self._lock = threading.Lock()
        self._gone: StoreGone | None = None
        self._file_lock: StoreLock = lock_store(path, server)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            self._migrate()
            row = self._db.execute("SELECT value FROM meta WHERE key='schedule'").fetchone()
            if row is None:
                self._db.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schedule', ?), ('version', ?)",
                    (digest, SCHEMA_VERSION),
                )
            elif row[0] != digest:
                self._db.close()
                raise InputError(
                    problems=[
                        Problem(
                            _("holds the reports of another schedule (schedule.json changed since they were made)"),
                            str(path),
                            hint=_("move it away to start a new day, or serve the folder it was made for"),
                        )
                    ]
                )
            stat = os.stat(path)
            self._identity = (stat.st_dev, stat.st_ino)
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM reports WHERE withdrawn IS NULL ORDER BY seq")
            self._active: tuple[Report, ...] = tuple(_report(row) for row in rows.fetchall())
            self._log: list[LogEntry] = self._read_log()
        except sqlite3.DatabaseError as exc:
            self._file_lock.release()
            raise InputError(
                problems=[
                    Problem(
                        _("is not a usable report store ({error})").format(error=exc),
                        str(path),
                        hint=_("move it away; a new one is made"),
                    )
                ]
            ) from None
        except BaseException:
            self._file_lock.release()
            raise

    def _migrate(self) -> None:
        """Bring a store of schema 1 (an older version) to schema 2: new columns, its reports logged as added."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(reports)").fetchall()}
        missing = [(name, kind) for name, kind in _V2_COLUMNS if name not in have]
        if not missing:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for name, kind in missing:
                self._db.execute(f"ALTER TABLE reports ADD COLUMN {name} {kind}")
            self._db.execute(
                "INSERT INTO log(at, who, action, seq, before, after) "
                "SELECT received, 'control', 'add', seq, NULL, NULL FROM reports ORDER BY seq"
            )
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('version', ?)", (SCHEMA_VERSION,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def reports(self) -> tuple[Report, ...]:
        """Every report in force (not withdrawn), in the order stored."""
        with self._lock:
            return self._active

    def gone(self) -> StoreGone | None:
        """Why no report can be kept any more, or None while the store is sound."""
        with self._lock:
            return self._gone

    def log(self) -> tuple[LogEntry, ...]:
        """The audit log, oldest first: every report added, withdrawn or amended, by whom and when (kept in
        memory as it is written: the store has one writer)."""
        with self._lock:
            return tuple(self._log)

    def _read_log(self) -> list[LogEntry]:
        rows = self._db.execute("SELECT id, at, who, action, seq, before, after FROM log ORDER BY id").fetchall()
        added = {r[0]: _report(r[:6]) for r in self._db.execute(f"SELECT {_COLUMNS} FROM reports ORDER BY seq")}
        out = []
        for id_, at, who, action, seq, before, after in rows:
            b = _loads(before)
            a = _loads(after) if after is not None else (added.get(seq) if action == "add" else None)
            out.append(LogEntry(id_, at, who, action, seq, b, a))
        return out

    def _logged(
        self, cur: sqlite3.Cursor, at: str, who: str, action: str, seq: int, before: Report | None, after: Report | None
    ) -> None:
        assert cur.lastrowid is not None
        self._log.append(LogEntry(cur.lastrowid, at, who, action, seq, before, after))

    def add(
        self,
        kind: ReportKind,
        time_s: int,
        at_m: int | None,
        post: str | None,
        received: str,
        check: Check | None = None,
        who: str = "control",
    ) -> Report:
        """Store one report, after ``check`` (given every report in force and the new one) accepts it.

        Raises
        ------
        Refused
            From ``check``: nothing is stored.
        StoreGone
            The file was removed or replaced: nothing is stored.
        """
        if kind not in REPORT_KINDS:
            raise Refused("kind", f"{kind!r}: {', '.join(REPORT_KINDS)}")
        with self._lock:
            self._sound()
            nxt = self._next_seq()
            new = Report(nxt, kind, time_s, at_m, post, received)
            if check is not None:
                check(self._active, new)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                cur = self._db.execute(
                    "INSERT INTO reports(kind, time_s, at_m, post, received, who) VALUES (?,?,?,?,?,?)",
                    (kind, time_s, at_m, post, received, who),
                )
                seq = cur.lastrowid
                assert seq is not None
                stored = Report(seq, kind, time_s, at_m, post, received)
                logged = self._db.execute(
                    "INSERT INTO log(at, who, action, seq, before, after) VALUES (?,?,?,?,NULL,?)",
                    (received, who, "add", seq, _dumps(stored)),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._logged(logged, received, who, "add", seq, None, stored)
            self._active = (*self._active, stored)
        return stored

    def withdraw(self, seq: int, at: str, who: str = "control", check: Check | None = None) -> Report:
        """Withdraw a report in force: it stays in the store, marked withdrawn, and the log says who and when.

        ``check`` is given the reports that stay and None's place is taken by the withdrawn report (it may
        refuse a withdrawal that would leave the others impossible, e.g. a resume without its pause).

        Raises
        ------
        NoSuchReport
            No report in force has this number.
        StoreGone
            The file was removed or replaced.
        """
        with self._lock:
            self._sound()
            old = next((r for r in self._active if r.seq == seq), None)
            if old is None:
                raise NoSuchReport(seq)
            rest = tuple(r for r in self._active if r.seq != seq)
            if check is not None:
                check(rest, old)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("UPDATE reports SET withdrawn=? WHERE seq=?", (at, seq))
                logged = self._db.execute(
                    "INSERT INTO log(at, who, action, seq, before, after) VALUES (?,?,?,?,?,NULL)",
                    (at, who, "withdraw", seq, _dumps(old)),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._logged(logged, at, who, "withdraw", seq, old, None)
            self._active = rest
        return old

    def amend(
        self,
        seq: int,
        kind: ReportKind,
        time_s: int,
        at_m: int | None,
        post: str | None,
        at: str,
        check: Check | None = None,
        who: str = "control",
    ) -> Report:
        """Amend a report in force (same number, new values); its values before are kept in the log.

        Raises
        ------
        NoSuchReport, Refused, StoreGone
        """
        with self._lock:
            self._sound()
            old = next((r for r in self._active if r.seq == seq), None)
            if old is None:
                raise NoSuchReport(seq)
            new = Report(seq, kind, time_s, at_m, post, old.received)
            rest = tuple(r for r in self._active if r.seq != seq)
            if check is not None:
                check(rest, new)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "UPDATE reports SET kind=?, time_s=?, at_m=?, post=? WHERE seq=?", (kind, time_s, at_m, post, seq)
                )
                logged = self._db.execute(
                    "INSERT INTO log(at, who, action, seq, before, after) VALUES (?,?,?,?,?,?)",
                    (at, who, "amend", seq, _dumps(old), _dumps(new)),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._logged(logged, at, who, "amend", seq, old, new)
            self._active = tuple(new if r.seq == seq else r for r in self._active)
        return new

    def _next_seq(self) -> int:
        row = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name='reports'").fetchone()
        return (int(row[0]) if row else 0) + 1

    def _sound(self) -> None:
        """Raise :class:`StoreGone` unless the file on disk is still the one opened (called under the lock)."""
        if self._gone is not None:
            raise self._gone
        try:
            stat = os.stat(self.path)
            same = (stat.st_dev, stat.st_ino) == self._identity
        except OSError:
            same = False
        if same:
            return
        saved = self._rescue()
        if saved is None:
            message = N_(
                "{file} was removed or replaced while the server ran: no report is taken any more, and no copy of "
                "the reports so far could be saved. Stop the server and start `paradeplan live` again."
            )
        else:
            message = N_(
                "{file} was removed or replaced while the server ran: no report is taken any more; the {n} "
                "report(s) so far are saved in {copy}. Stop the server, rename that file to {file} and start "
                "`paradeplan live` again."
            )
        fmt = {"file": self.path.name, "n": len(self._active), "copy": saved.name if saved else ""}
        self._gone = StoreGone(tr(message, "vi", **fmt), tr(message, "en", **fmt))
        raise self._gone

    def _rescue(self) -> Path | None:
        """Copy what the open connection still holds beside the vanished file (``live-rescued-N.sqlite``)."""
        folder = self.path.parent
        if not folder.is_dir():
            return None
        for n in range(1, 1000):
            dest = folder / f"{self.path.stem}-rescued-{n}{self.path.suffix}"
            if not dest.exists():
                break
        else:
            return None
        try:
            target = sqlite3.connect(dest)
            try:
                self._db.backup(target)
            finally:
                target.close()
        except (sqlite3.Error, OSError):
            return None
        return dest

    def close(self) -> None:
        """Close the database (the WAL is checkpointed into the one file) and release the server's lock."""
        with self._lock:
            self._db.close()
            self._file_lock.release()


def _report(row: tuple[int, str, int, int | None, str | None, str]) -> Report:
    seq, kind, time_s, at_m, post, received = row
    assert kind in REPORT_KINDS
    return Report(seq, kind, time_s, at_m, post, received)


def _dumps(r: Report) -> str:
    return json.dumps(
        {"seq": r.seq, "kind": r.kind, "time_s": r.time_s, "at_m": r.at_m, "post": r.post, "received": r.received},
        ensure_ascii=False,
        sort_keys=True,
    )


def _loads(text: str | None) -> Report | None:
    if text is None:
        return None
    d = json.loads(text)
    return Report(int(d["seq"]), d["kind"], int(d["time_s"]), d["at_m"], d["post"], str(d["received"]))
