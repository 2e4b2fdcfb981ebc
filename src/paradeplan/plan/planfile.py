"""Read a plan file (YAML) into a validated Plan, reporting every problem with file, line, column and field."""

from __future__ import annotations

import dataclasses
import difflib
import json
import unicodedata
from collections.abc import Iterable
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import yaml

from paradeplan.errors import InputError, Problem, ProblemList, TooLarge
from paradeplan.i18n import N_, _, number, os_error, tr
from paradeplan.plan.model import Plan
from paradeplan.resources import decode_utf8

#: Largest plan file read (bytes); larger files are refused before parsing.
MAX_PLAN_BYTES = 5 * 1024 * 1024
#: Deepest nesting accepted in a plan file.
MAX_DEPTH = 40
#: Most values (mappings, lists and scalars) a plan file may hold once its aliases are expanded; the largest
#: example plan holds about 1,500. Counted while parsing and while building, so an alias bomb (a few hundred bytes
#: of ``&a``/``*a`` that expand to billions of values) is refused after at most this many.
MAX_PLAN_VALUES = 100_000

Path_ = tuple[str | int, ...]


class _Positions(dict[Path_, tuple[int, int]]):
    """Maps a field path to the (line, col) of its key (or value, for list items), 1-based."""


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


class _TooBig(Exception):
    """Raised by the builder at the first limit crossed: one problem, then stop."""

    def __init__(self, problem: Problem, large: bool = True) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.large = large


class _Builder:
    """Turns a YAML node tree into plain Python values while recording positions.

    Every value built counts against :data:`MAX_PLAN_VALUES`, aliases included each time they are expanded (the
    composed node graph shares the aliased nodes, the built values do not), and nesting against :data:`MAX_DEPTH`;
    the first limit crossed raises :class:`_TooBig`.
    """

    def __init__(self, problems: ProblemList, max_values: int = MAX_PLAN_VALUES) -> None:
        self.positions = _Positions()
        self.problems = problems
        self.values = 0
        self.max_values = max_values
        self._ctor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self._ctor)

    def _limit(self, node: yaml.Node, path: Path_, message: str, hint: str, large: bool = True) -> _TooBig:
        shown = _dotted(path[:8]) + ("…" if len(path) > 8 else "")
        return _TooBig(
            Problem(
                message, self.problems.file, node.start_mark.line + 1, node.start_mark.column + 1, shown or None, hint
            ),
            large,
        )

    def build(self, node: yaml.Node, path: Path_, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise self._limit(
                node,
                path,
                _("nested deeper than the limit of {n} levels").format(n=MAX_DEPTH),
                _(
                    "a plan file is never this deep; check the indentation and the aliases (*name); "
                    "limits: docs/limits.md"
                ),
            )
        self.values += 1
        if self.values > self.max_values:
            raise self._limit(
                node,
                path,
                _("expands to more than the limit of {n} values once its aliases (*name) are repeated").format(
                    n=number(self.max_values)
                ),
                _(
                    "a plan holds a few thousand values; write the repeated parts out or use fewer "
                    "aliases; limits: docs/limits.md"
                ),
            )
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = (
                    self._ctor.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
                )
                if not isinstance(key, str):
                    self.problems.add(
                        _("keys must be plain names"),
                        field=_dotted(path),
                        line=key_node.start_mark.line + 1,
                        col=key_node.start_mark.column + 1,
                        hint=_("write the key as text, e.g. name: …"),
                    )
                    continue
                key = _nfc(key)
                sub = (*path, key)
                if key in out:
                    self.problems.add(
                        _("key given twice"),
                        field=_dotted(sub),
                        line=key_node.start_mark.line + 1,
                        col=key_node.start_mark.column + 1,
                        hint=_("keep one of them"),
                    )
                self.positions[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.build(value_node, sub, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                sub = (*path, i)
                self.positions[sub] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, sub, depth + 1))
            return items
        try:
            value = self._ctor.construct_object(node, deep=True)
        except ValueError as exc:  # an integer of more digits than Python converts
            too_long = "digits" in str(exc)
            what = _("a number too long to read") if too_long else _("an unreadable value ({error})").format(error=exc)
            raise self._limit(node, path, what, _("check the value"), too_long) from None
        return _nfc(value)


def _prescan(text: str, file: str) -> None:
    """Refuse a plan whose YAML events alone cross :data:`MAX_PLAN_VALUES` or :data:`MAX_DEPTH`, before composing.

    The events are streamed (nothing is kept), so this costs little whatever the file holds; composing a node
    tree of a few million values would not.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            count += 1
            if count > MAX_PLAN_VALUES:
                mark = event.start_mark
                raise TooLarge(
                    problems=[
                        Problem(
                            _("holds more than the limit of {n} values").format(n=number(MAX_PLAN_VALUES)),
                            file,
                            mark.line + 1 if mark else None,
                            mark.column + 1 if mark else None,
                            hint=_(
                                "a plan holds a few thousand values; check that it is the right file; "
                                "limits: docs/limits.md"
                            ),
                        )
                    ]
                )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise TooLarge(
                    problems=[
                        Problem(
                            _("nested deeper than the limit of {n} levels").format(n=MAX_DEPTH),
                            file,
                            mark.line + 1 if mark else None,
                            mark.column + 1 if mark else None,
                            hint=_("a plan file is never this deep; check the indentation; limits: docs/limits.md"),
                        )
                    ]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _dotted(path: Iterable[str | int]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _locate(positions: _Positions, path: Path_) -> tuple[int | None, int | None]:
    p = tuple(path)
    while p:
        if p in positions:
            return positions[p]
        p = p[:-1]
    return (None, None)


@cache
def _fields_of(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _class_at(path: Path_) -> type | None:
    """The dataclass expected at ``path`` in a plan, or None when not a dataclass."""
    cls: Any = Plan
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            return None
        hint = _fields_of(cls).get(part)
        if hint is None:
            return None
        cls = _unwrap(hint)
    return cls if isinstance(cls, type) and dataclasses.is_dataclass(cls) else None


def _unwrap(hint: Any) -> Any:
    while True:
        args = [a for a in get_args(hint) if a is not type(None) and a is not Ellipsis]
        if get_origin(hint) in (tuple, list) or (get_origin(hint) is not None and len(args) == 1):
            if not args:
                return hint
            hint = args[0]
            continue
        return hint


_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "date_type": N_("a date YYYY-MM-DD"),
    "date_parsing": N_("a date YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("a date YYYY-MM-DD"),
    "time_type": N_("a clock time HH:MM"),
    "time_parsing": N_("a clock time HH:MM"),
    "dict_type": N_("a mapping"),
    "tuple_type": N_("a list"),
    "list_type": N_("a list"),
    "dataclass_type": N_("a mapping (key: value lines)"),
}


def _message_for(err: dict[str, Any], positions: _Positions, file: str) -> Problem:
    loc: Path_ = tuple(err["loc"])
    etype = err["type"]
    line, col = _locate(positions, loc)
    field = _dotted(loc)
    if etype in ("unexpected_keyword_argument", "extra_forbidden"):
        parent = loc[:-1]
        cls = _class_at(parent)
        known = sorted(f.name for f in dataclasses.fields(cls)) if cls else []
        near = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if near:
            hint = _("did you mean '{name}'?").format(name=near[0])
        else:
            hint = _("known keys: {keys}").format(keys=", ".join(known)) if known else _("remove it")
        return Problem(_("unknown key '{key}'").format(key=loc[-1]), file, line, col, field, hint)
    if etype == "missing" or etype == "missing_argument":
        return Problem(_("required field is missing"), file, line, col, field, _("add it"))
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return Problem(
            _("'{value}' is not allowed").format(value=err.get("input")),
            file,
            line,
            col,
            field,
            _("use one of {choices}").format(choices=expected),
        )
    if etype in ("time_parsing", "time_type"):
        return Problem(
            _("'{value}' is not a clock time").format(value=err.get("input")),
            file,
            line,
            col,
            field,
            _("write HH:MM in 24-hour form, e.g. 07:30"),
        )
    if etype in ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return Problem(
            _("'{value}' is not a date").format(value=err.get("input")),
            file,
            line,
            col,
            field,
            _("write YYYY-MM-DD, e.g. 2023-10-02"),
        )
    want = _TYPE_WORDS.get(etype)
    if want:
        shown = err.get("input")
        shown_s = json.dumps(shown, ensure_ascii=False, default=str)
        if len(shown_s) > 40:
            shown_s = shown_s[:37] + "..."
        return Problem(
            _("expected {kind}, got {value}").format(kind=tr(want), value=shown_s),
            file,
            line,
            col,
            field,
            _("write {kind}").format(kind=tr(want)),
        )
    return Problem(
        _("invalid value ({error})").format(error=err.get("msg", "")), file, line, col, field, _("fix the value")
    )


def read_text(path: Path, *, max_bytes: int = MAX_PLAN_BYTES) -> str:
    """Read a UTF-8 plan file, refusing missing, huge, binary or non-UTF-8 files with one clear problem."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            problems=[
                Problem(
                    _("cannot read the plan file: {error}").format(error=os_error(exc)),
                    name,
                    hint=_("check the path"),
                )
            ]
        ) from None
    if path.is_dir():
        raise InputError(problems=[Problem(_("is a folder, not a plan file"), name, hint=_("give the file's path"))])
    if size > max_bytes:
        raise TooLarge(
            problems=[
                Problem(
                    _("the plan file is {size} MB, larger than the {limit} MB limit").format(
                        size=number(size / 1e6, digits=1), limit=number(max_bytes / 1e6)
                    ),
                    name,
                    hint=_("split it or check that it is the right file"),
                )
            ]
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError(
            problems=[
                Problem(
                    _("the plan file is empty"),
                    name,
                    1,
                    1,
                    hint=_("start from `paradeplan demo` or docs/plan-format.md"),
                )
            ]
        )
    if b"\x00" in data:
        raise InputError(
            problems=[
                Problem(_("the plan file is binary, not text"), name, 1, 1, hint=_("save it as UTF-8 text (YAML)"))
            ]
        )
    return decode_utf8(data, name, _("save the file as UTF-8"))


def parse_yaml(text: str, file: str) -> tuple[Any, _Positions]:
    """Parse YAML text into plain values and a map of field positions.

    Bounded in time and memory: at most :data:`MAX_PLAN_VALUES` values (aliases expanded) and :data:`MAX_DEPTH`
    levels; the first limit crossed is one problem naming ``file`` and the limit.
    """
    problems = ProblemList(file)
    try:
        _prescan(text, file)
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        if "maximum nesting depth" in str(exc.problem):  # libyaml's own bound, met while scanning ahead
            raise TooLarge(
                problems=[
                    Problem(
                        _("nested deeper than the limit of {n} levels").format(n=MAX_DEPTH),
                        file,
                        line,
                        col,
                        hint=_("a plan file is never this deep; check the indentation; limits: docs/limits.md"),
                    )
                ]
            ) from None
        raise InputError(
            problems=[
                Problem(
                    _("broken YAML: {error}").format(error=exc.problem or exc.context),
                    file,
                    line,
                    col,
                    hint=_("check indentation, colons and quotes on that line"),
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(
            problems=[Problem(_("broken YAML: {error}").format(error=exc), file, hint=_("check the file's syntax"))]
        ) from None
    except RecursionError:
        raise InputError(problems=[Problem(_("nesting too deep"), file, hint=_("check the indentation"))]) from None
    if node is None:
        raise InputError(
            problems=[Problem(_("the plan file holds no data"), file, 1, 1, hint=_("start from docs/plan-format.md"))]
        )
    builder = _Builder(problems)
    try:
        data = builder.build(node, ())
    except _TooBig as big:
        raise (TooLarge if big.large else InputError)(problems=[big.problem]) from None
    except yaml.YAMLError as exc:
        raise InputError(
            problems=[Problem(_("broken YAML: {error}").format(error=exc), file, hint=_("check the file's syntax"))]
        ) from None
    problems.raise_if_any()
    return data, builder.positions


def load_plan(path: str | Path) -> Plan:
    """Load, validate and cross-check a plan file.

    Parameters
    ----------
    path : str or Path
        The YAML plan file.

    Returns
    -------
    Plan
        The validated plan.

    Raises
    ------
    InputError
        With every problem found, each naming file, line, column and field.
    """
    p = Path(path)
    text = read_text(p)
    return plan_from_text(text, str(path))


def plan_from_text(text: str, file: str = "<plan>") -> Plan:
    """Validate a plan given as YAML text (see :func:`load_plan`)."""
    data, positions = parse_yaml(text, file)
    return plan_from_data(data, positions, file)


def plan_from_data(data: Any, positions: _Positions | None = None, file: str = "<plan>") -> Plan:
    """Validate plain data (as parsed from YAML or JSON) into a Plan."""
    from pydantic import TypeAdapter, ValidationError

    positions = positions or _Positions()
    if not isinstance(data, dict):
        raise InputError(
            problems=[
                Problem(
                    _("the plan must be a mapping of keys (event:, places:, parades: …)"),
                    file,
                    1,
                    1,
                    hint=_("see docs/plan-format.md"),
                )
            ]
        )
    try:
        plan = _adapter(TypeAdapter).validate_python(data)
    except ValidationError as exc:
        problems = [_message_for(dict(e), positions, file) for e in exc.errors()]
        problems.sort(key=lambda p: (p.line or 0, p.col or 0, p.field or ""))
        raise InputError(problems=problems) from None
    found = ProblemList(file)
    from paradeplan.plan.rules import check_plan

    for path, message, hint in check_plan(plan):
        line, col = _locate(positions, path)
        found.add(message, field=_dotted(path), line=line, col=col, hint=hint)
    found.items.sort(key=lambda p: (p.line or 0, p.col or 0, p.field or ""))
    found.raise_if_any()
    assert isinstance(plan, Plan)
    return plan


@cache
def _adapter(type_adapter: Any) -> Any:
    return type_adapter(Plan)


def locate_field(path: str | Path, field: str) -> tuple[int | None, int | None]:
    """Line and column of a dotted field (``parades[0].lineup.order`` or ``parades.<id>.staging``) in a plan file.

    A name after a list (``places.ubnd_q12``) selects the item with that ``id``. Returns (None, None) when the
    file or the field cannot be found.
    """
    import re

    try:
        data, positions = parse_yaml(read_text(Path(path)), str(path))
    except InputError:
        return (None, None)
    steps: list[str | int] = []
    node: Any = data
    for token in re.findall(r"[^.\[\]]+", field):
        key: str | int = int(token) if token.isdigit() and isinstance(node, list) else token
        if isinstance(node, list) and isinstance(key, str):
            key = next((i for i, item in enumerate(node) if isinstance(item, dict) and item.get("id") == key), -1)
        found = (isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)) or (
            isinstance(node, dict) and key in node
        )
        if not found:
            break
        node = node[key]
        steps.append(key)
    return _locate(positions, tuple(steps))


def plan_schema() -> dict[str, Any]:
    """The plan file's JSON Schema, generated from the model."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = _adapter(TypeAdapter).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://paradeplan.example/schema/plan-1.json"
    schema["title"] = "paradeplan plan file (paradeplan.plan/1)"
    return schema


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in sorted(value.items())}
    if isinstance(value, time):
        return value.strftime("%H:%M:%S") if value.second else value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The normalized plan as plain JSON-ready values (defaults filled in)."""
    out: dict[str, Any] = _jsonable(plan)
    return out
