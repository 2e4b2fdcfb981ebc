"""typer's and click's own words ("Usage:", "Error:", "Missing argument …", "Options") from the catalogue, in the
CLI's language.

typer translates its words with the standard library's ``gettext``, looked up in ``typer.core`` as ``_``;
:func:`speak` points that name at the paradeplan catalogue. The copy of click that typer carries (``typer._click``)
writes its words without ``gettext``: :func:`speak` wraps the few places that write them (the usage line, the
``--help`` option, the type names of the help page and the way a usage error is shown) and reads click's English
messages back into catalogue messages by their shape (:data:`CLICK_MESSAGES`). A message of a shape not listed
stays as click wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

from paradeplan.i18n import N_, gettext

#: The words of typer a paradeplan user meets on a help page or after a mistyped command.
TYPER_WORDS = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)

USAGE = N_("Usage:")
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
HELP_OPTION = N_("Show this message and exit.")
TRY_HELP = N_("Try '{command} {option}' for help.")
ERROR = N_("Error: {message}")

#: click's and typer's English messages by shape (a full match), and the catalogue message each one becomes. The
#: named groups are put back as they are (names the user typed), except ``reason`` and ``head``: translated too.
CLICK_MESSAGES: tuple[tuple[str, str], ...] = (  # words as data: click's English messages, to recognise
    (r"(?P<head>.+)\. Did you mean (?P<names>.+)\?", N_("{head}. Did you mean {names}?")),
    (r"Missing argument (?P<name>.+)\.", N_("Missing argument {name}.")),
    (r"Missing option (?P<name>.+)\.", N_("Missing option {name}.")),
    (r"Missing parameter:? (?P<name>.+?)\.?", N_("Missing parameter {name}.")),
    (
        r"No such option: (?P<name>\S+) \(Possible options: (?P<names>.+)\)",
        N_("No such option {name} (did you mean {names}?)"),
    ),
    (r"No such option: (?P<name>\S+)", N_("No such option {name}.")),
    (r"Option (?P<name>'.+?') requires an argument\.", N_("Option {name} needs a value.")),
    (r"Option (?P<name>'.+?') requires (?P<n>\d+) arguments\.", N_("Option {name} needs {n} values.")),
    (r"Option (?P<name>'.+?') does not take a value\.", N_("Option {name} takes no value.")),
    (
        r"Got unexpected extra argument(?:s|\(s\))? \((?P<names>.*)\)",
        N_("Too many arguments: {names} is not expected."),
    ),
    (r"Argument (?P<name>'.+?') takes (?P<n>\d+) values\.", N_("Argument {name} takes {n} values.")),
    (r"Invalid value for (?P<name>.+?): (?P<reason>.*)", N_("Invalid value for {name}: {reason}")),
    (r"Invalid value: (?P<reason>.*)", N_("Invalid value: {reason}")),
    (r"Input should be a valid integer.*", N_("a whole number is needed")),
    (r"Input should be a valid (?:number|float).*", N_("a number is needed")),
    (r"Input should be a valid boolean.*", N_("yes or no is needed")),
    (r"Input should be greater than or equal to (?P<n>\S+?)\.?", N_("at least {n} is needed")),
    (r"Input should be less than or equal to (?P<n>\S+?)\.?", N_("at most {n} is needed")),
    (r"Input should be greater than (?P<n>\S+?)\.?", N_("more than {n} is needed")),
    (r"Input should be less than (?P<n>\S+?)\.?", N_("less than {n} is needed")),
    (r"\w+ (?P<name>'.*') does not exist\.", N_("{name} does not exist.")),
    (r"\w+ (?P<name>'.*') is a directory\.", N_("{name} is a folder, not a file.")),
    (r"\w+ (?P<name>'.*') is a file\.", N_("{name} is a file, not a folder.")),
    (r"\w+ (?P<name>'.*') is not readable\.", N_("{name} cannot be read.")),
    (r"\w+ (?P<name>'.*') is not writable\.", N_("{name} cannot be written.")),
    (r"(?P<name>.+) is not one of (?P<names>.+)\.", N_("{name} is not one of {names}.")),
    (r"Value (?P<name>.+) is not a valid .+\.", N_("{name} is not a valid value here.")),
)

#: The type names typer writes on a help page (``<path>``, ``<int range>``) and what a reader sees instead.
TYPE_NAMES = {  # words as data: typer's type names, to recognise
    "path": N_("path"),
    "file": N_("file"),
    "directory": N_("folder"),
    "text": N_("text"),
    "str": N_("text"),
    "int": N_("whole number"),
    "float": N_("number"),
    "bool": N_("yes/no"),
    "datetime": N_("date and time"),
    "int range": N_("whole number in range"),
    "float range": N_("number in range"),
}

_SPOKEN = {"lang": "vi"}
_PATTERNS = tuple((re.compile(shape, re.DOTALL), message) for shape, message in CLICK_MESSAGES)


def say(message: str) -> str:
    """A catalogue message in the language :func:`speak` was last given."""
    return gettext(message, _SPOKEN["lang"])


def click_message(text: str) -> str:
    """click's English message ``text`` as a catalogue message (``text`` itself when its shape is not known)."""
    for pattern, message in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        for key in ("reason", "head"):
            if key in parts:
                parts[key] = click_message(parts[key])
        return say(message).format(**parts)
    return text


def speak(lang: str) -> None:
    """Make typer and its click say their words in ``lang`` (``vi`` or ``en``) from the paradeplan catalogue."""
    import typer.core
    from typer._click import core, exceptions, formatting

    _SPOKEN["lang"] = lang
    typer.core._ = say  # type: ignore[attr-defined]
    if getattr(formatting.HelpFormatter, "_paradeplan", False):
        return  # wrapped already: the wrappers read the language from _SPOKEN
    _wrap_usage(formatting.HelpFormatter)
    _wrap_help_option(core.Command)
    _wrap_type_names(typer.core._TyperParameter)
    _wrap_errors(exceptions.ClickException, exceptions.UsageError)
    formatting.HelpFormatter._paradeplan = True  # type: ignore[attr-defined]


def _wrap_usage(formatter: type[Any]) -> None:
    """The usage line: "Cách dùng: paradeplan plan [TUỲ CHỌN] …"."""
    write_usage: Callable[..., None] = formatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for metavar in (OPTIONS_METAVAR, COMMAND_METAVAR):  # click's own text is the msgid
            args = args.replace(metavar, say(metavar))
        write_usage(self, prog, args, say(USAGE) + " " if prefix is None else prefix)

    formatter.write_usage = usage


def _wrap_help_option(command: type[Any]) -> None:
    """The ``--help`` option's own help text."""
    get_help_option: Callable[..., Any] = command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = say(HELP_OPTION)
        return option

    command.get_help_option = help_option


def _wrap_type_names(parameter: type[Any]) -> None:
    """The type names of a help page (``<path>`` → ``<đường dẫn>``)."""
    display_type: Callable[..., str] = parameter.display_type

    def shown(self: Any, ctx: Any) -> str:
        text = display_type(self, ctx)
        name = text.removeprefix("<").removesuffix(">")
        return f"<{say(TYPE_NAMES[name])}>" if name in TYPE_NAMES else text

    parameter.display_type = shown


def _wrap_errors(click_exception: type[Any], usage_error: type[Any]) -> None:
    """How click shows a usage error: the usage line, where to find help, then "Lỗi: …" in the CLI's language."""
    from typer._click.utils import echo

    def show_error(self: Any, file: IO[Any] | None = None) -> None:
        echo(say(ERROR).format(message=click_message(self.format_message())), file=file, err=file is None)

    def show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = say(TRY_HELP).format(command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
            echo(f"{ctx.get_usage()}\n{hint}", file=file, err=file is None, color=ctx.color)
        show_error(self, file)

    click_exception.show = show_error
    usage_error.show = show_usage_error
