"""The one exception hierarchy of paradeplan, and the problem records that carry file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    file : str, optional
        The input file's path as the user gave it.
    line, col : int, optional
        1-based line and column in that file.
    field : str, optional
        Dotted path of the field (``parades[0].route[3].street``).
    hint : str, optional
        What the user should do about it.
    """

    message: str
    file: str | None = None
    line: int | None = None
    col: int | None = None
    field: str | None = None
    hint: str | None = None

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: field.path: message (hint)``.

        A problem that concerns no file (a command-line option such as ``--lang``) has no location part: there
        is no placeholder file name. Problems that stages raise about a plan get their file from the
        application layer (:meth:`InputError.located`) before they are shown.
        """
        text = ""
        if self.file:
            text = self.file
            if self.line is not None:
                text += f":{self.line}"
                if self.col is not None:
                    text += f":{self.col}"
            text += ": "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text.translate(_ONE_LINE)  # a value quoted from the file ("format: '\n' …") stays on the message's line


#: Control characters a quoted value may hold, written as escapes so that each problem is one line.
_ONE_LINE = {c: repr(chr(c))[1:-1] for c in (*range(0x00, 0x20), 0x7F, 0x85, 0x2028, 0x2029)}


class ParadeplanError(Exception):
    """Base class of every error paradeplan raises on purpose. ``exit_code`` is what the CLI returns."""

    exit_code: int = 1

    def __init__(self, message: str = "", problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = list(problems or [])
        if not message and self.problems:
            message = "\n".join(p.format() for p in self.problems)
        super().__init__(message)

    def lines(self) -> list[str]:
        """The message as the lines the CLI prints."""
        if self.problems:
            return [p.format() for p in self.problems]
        return [str(self)]


class InputError(ParadeplanError):
    """The input is invalid (broken file, wrong field, unknown street or place). Exit status 2."""

    exit_code = 2

    def located(self, file: str, locate: Callable[[str], tuple[int | None, int | None]]) -> InputError:
        """The same error with ``file`` (and the line of each field) filled in where a stage left them out."""
        problems = []
        for p in self.problems:
            if p.file is None:
                line, col = locate(p.field) if p.field else (None, None)
                p = replace(p, file=file, line=line, col=col)
            problems.append(p)
        return type(self)(problems=problems) if problems else self


class TooLarge(InputError):
    """The input crosses one of the readers' limits (size, pages, values, nesting, time): refused before or while
    reading it, whatever it holds. Exit status 2, as any invalid input; the studio answers it with HTTP 413."""


class NetworkError(ParadeplanError):
    """A network lookup was needed but failed or is not allowed offline. Exit status 2."""

    exit_code = 2


@dataclass(frozen=True)
class Shortfall:
    """What stays unmet and what would fix it."""

    what: str
    missing: float
    unit: str = ""
    fix: str | None = None


class InfeasibleError(ParadeplanError):
    """The plan cannot be fully met. Exit status 3. Outputs may still have been written."""

    exit_code = 3

    def __init__(self, message: str = "", shortfalls: list[Shortfall] | None = None) -> None:
        self.shortfalls: list[Shortfall] = list(shortfalls or [])
        super().__init__(message)


@dataclass
class ProblemList:
    """Collects problems so that every one of them is reported at once."""

    file: str | None = None
    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        message: str,
        *,
        field: str | None = None,
        line: int | None = None,
        col: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.items.append(Problem(message, self.file, line, col, field, hint))

    def raise_if_any(self, summary: str = "") -> None:
        if self.items:
            raise InputError(summary, self.items)
