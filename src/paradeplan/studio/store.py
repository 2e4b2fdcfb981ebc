"""The studio's store: plans and every step of their history in one SQLite file, kept across restarts."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from paradeplan.errors import ParadeplanError

SCHEMA = """
CREATE TABLE IF NOT EXISTS plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS steps (
  plan TEXT NOT NULL REFERENCES plans(id),
  seq INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  open_items TEXT NOT NULL,
  decisions TEXT NOT NULL,
  note TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (plan, seq)
);
"""


class Stale(ParadeplanError):
    """A write based on a step that is no longer the plan's current one (another tab changed it)."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the plan changed meanwhile (now at step {current})")  # words as data: for the log
        self.current = current


@dataclass(frozen=True)
class Step:
    """One state of a plan: its file text, open items and decisions (JSON-able), and what changed."""

    plan: str
    seq: int
    yaml: str
    open_items: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    note: str
    at: str


class Store:
    """Plans and their history in ``DIR/studio.sqlite`` (WAL, one writer at a time)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._lock = threading.Lock()
        self._db = sqlite3.connect(folder / "studio.sqlite", check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def create(self, name: str, source: str, first: Step) -> str:
        """A new plan with its first step; returns its id (random, URL-safe)."""
        ident = secrets.token_hex(6)
        now = _now()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT INTO plans VALUES (?, ?, ?, ?)", (ident, name, source, now))
                self._insert(ident, 1, first, now)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return ident

    def plans(self) -> list[dict[str, Any]]:
        """Every plan (id, name, source, created, step), newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT p.id, p.name, p.source, p.created, MAX(s.seq) FROM plans p JOIN steps s ON s.plan = p.id "
                "GROUP BY p.id ORDER BY p.created DESC, p.id"
            ).fetchall()
        return [{"id": r[0], "name": r[1], "source": r[2], "created": r[3], "step": r[4]} for r in rows]

    def current(self, plan: str) -> Step | None:
        """The plan's current step, None for an unknown plan."""
        with self._lock:
            row = self._db.execute(
                "SELECT plan, seq, yaml, open_items, decisions, note, at FROM steps WHERE plan = ? "
                "ORDER BY seq DESC LIMIT 1",
                (plan,),
            ).fetchone()
        return None if row is None else _step(row)

    def history(self, plan: str) -> list[tuple[int, str, str]]:
        """(step, note, when) of every step, oldest first."""
        with self._lock:
            rows = self._db.execute("SELECT seq, note, at FROM steps WHERE plan = ? ORDER BY seq", (plan,)).fetchall()
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def push(self, plan: str, base: int, step: Step) -> Step:
        """Append a step after ``base``; :class:`Stale` when ``base`` is no longer the current step."""
        now = _now()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (seq,) = self._db.execute("SELECT MAX(seq) FROM steps WHERE plan = ?", (plan,)).fetchone()
                if seq != base:
                    raise Stale(int(seq))
                self._insert(plan, base + 1, step, now)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return Step(plan, base + 1, step.yaml, step.open_items, step.decisions, step.note, now)

    def undo(self, plan: str, base: int) -> Step | None:
        """Drop the current step (``base``) and return the one before; None when there is nothing to undo."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (seq,) = self._db.execute("SELECT MAX(seq) FROM steps WHERE plan = ?", (plan,)).fetchone()
                if seq != base:
                    raise Stale(int(seq))
                if seq <= 1:
                    self._db.execute("ROLLBACK")
                    return None
                self._db.execute("DELETE FROM steps WHERE plan = ? AND seq = ?", (plan, seq))
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        return self.current(plan)

    def _insert(self, plan: str, seq: int, step: Step, now: str) -> None:
        self._db.execute(
            "INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                plan,
                seq,
                step.yaml,
                json.dumps(step.open_items, ensure_ascii=False),
                json.dumps(step.decisions, ensure_ascii=False),
                step.note,
                now,
            ),
        )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _step(row: tuple[Any, ...]) -> Step:
    return Step(str(row[0]), int(row[1]), str(row[2]), json.loads(row[3]), json.loads(row[4]), str(row[5]), str(row[6]))
