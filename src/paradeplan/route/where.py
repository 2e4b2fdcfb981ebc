"""Where a route problem is in the plan file: the field path and its line, for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paradeplan.errors import InputError, Problem


@dataclass
class Where:
    file: str | None
    prefix: str

    def field(self, *parts: str | int) -> str:
        text = self.prefix
        for p in parts:
            text += f"[{p}]" if isinstance(p, int) else f".{p}"
        return text

    def line(self, field_path: str) -> int | None:
        """The line of a field in the plan file (None without a file, or when it cannot be found)."""
        if not self.file or not Path(self.file).is_file():
            return None
        from paradeplan.plan.planfile import locate_field

        return locate_field(self.file, field_path)[0]

    def error(self, message: str, field_path: str, hint: str | None = None) -> InputError:
        return InputError(problems=[Problem(message, self.file, self.line(field_path), None, field_path, hint)])
