"""The report store: one SQLite file in the results folder (WAL, synchronous writes), one writer at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from paradeplan.errors import InputError, Problem
from paradeplan.live.model import REPORT_KINDS, Report, ReportKind

SCHEMA_VERSION = "1"
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
"""


class Refused(Exception):  # noqa: N818 - a refusal, not a failure of the store
    """A report the store will not take, with the field and the reason (the API answers 422)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class Store:
    """Every report of the day, kept in ``live.sqlite`` in the results folder.

    One connection, guarded by a lock: reports are written one at a time, each in its own ``BEGIN IMMEDIATE``
    transaction with ``synchronous=FULL``, so a report answered 201 is on disk and a restart loses nothing.

    Parameters
    ----------
    path : Path
        The database file (created when missing).
    digest : str
        Fingerprint of the schedule the reports belong to; a store kept for another schedule is refused.
    """

    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key='schedule'").fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO meta(key, value) VALUES ('schedule', ?), ('version', ?)", (digest, SCHEMA_VERSION)
                )
            elif row[0] != digest:
                self._db.close()
                raise InputError(
                    problems=[
                        Problem(
                            "holds the reports of another schedule (schedule.json changed since they were made)",
                            str(path),
                            hint="move it away to start a new day, or serve the folder it was made for",
                        )
                    ]
                )
        except sqlite3.DatabaseError as exc:
            raise InputError(
                problems=[
                    Problem(f"is not a usable report store ({exc})", str(path), hint="move it away; a new one is made")
                ]
            ) from None

    def reports(self) -> tuple[Report, ...]:
        """Every stored report, in the order stored."""
        with self._lock:
            rows = self._db.execute("SELECT seq, kind, time_s, at_m, post, received FROM reports ORDER BY seq")
            return tuple(_report(row) for row in rows.fetchall())

    def add(
        self,
        kind: ReportKind,
        time_s: int,
        at_m: int | None,
        post: str | None,
        received: str,
        check: Callable[[tuple[Report, ...], Report], None] | None = None,
    ) -> Report:
        """Store one report, after ``check`` (given every report so far and the new one) accepts it.

        Raises
        ------
        Refused
            From ``check``: nothing is stored.
        """
        if kind not in REPORT_KINDS:
            raise Refused("kind", f"{kind!r} is not one of {', '.join(REPORT_KINDS)}")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = self._db.execute("SELECT seq, kind, time_s, at_m, post, received FROM reports ORDER BY seq")
                so_far = tuple(_report(row) for row in rows.fetchall())
                nxt = (so_far[-1].seq if so_far else 0) + 1
                if check is not None:
                    check(so_far, Report(nxt, kind, time_s, at_m, post, received))
                cur = self._db.execute(
                    "INSERT INTO reports(kind, time_s, at_m, post, received) VALUES (?,?,?,?,?)",
                    (kind, time_s, at_m, post, received),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        seq = cur.lastrowid
        assert seq is not None
        return Report(seq, kind, time_s, at_m, post, received)

    def close(self) -> None:
        """Close the database (the WAL is checkpointed into the one file)."""
        with self._lock:
            self._db.close()


def _report(row: tuple[int, str, int, int | None, str | None, str]) -> Report:
    seq, kind, time_s, at_m, post, received = row
    assert kind in REPORT_KINDS
    return Report(seq, kind, time_s, at_m, post, received)
