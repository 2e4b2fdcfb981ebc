"""Where a route problem is in the plan file: the field path and its line, for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paradeplan.errors import InputError, Problem


@dataclass
class Where:
    file: str | None
    prefix: str
    positions: Any = None

    def field(self, *parts: str | int) -> str:
        text = self.prefix
        for p in parts:
            text += f"[{p}]" if isinstance(p, int) else f".{p}"
        return text

    def line(self, field_path: str) -> int | None:
        if not self.file or not Path(self.file).is_file():
            return None
        try:
            from paradeplan.plan.planfile import _locate, parse_yaml, read_text

            if self.positions is None:
                _, self.positions = parse_yaml(read_text(Path(self.file)), self.file)
            path: list[str | int] = []
            for part in field_path.replace("]", "").replace("[", ".").split("."):
                if part:
                    path.append(int(part) if part.isdigit() else part)
            return _locate(self.positions, tuple(path))[0]
        except Exception:  # noqa: BLE001 - line numbers are a courtesy
            return None

    def error(self, message: str, field_path: str, hint: str | None = None) -> InputError:
        return InputError(problems=[Problem(message, self.file, self.line(field_path), None, field_path, hint)])
