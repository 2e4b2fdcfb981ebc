"""typer's own words ("Arguments", "Options", "required", "No such command …") from the catalogue, in the CLI's
language.

typer translates its words with the standard library's ``gettext``, looked up in ``typer.core`` as ``_``;
:func:`speak` points that name at the paradeplan catalogue. (The copy of click that typer carries writes its words,
"Usage:", "Error:", "Missing argument …", without ``gettext``: those stay English.)
"""

from __future__ import annotations

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


def speak(lang: str) -> None:
    """Make typer say its words in ``lang`` (``vi`` or ``en``) from the paradeplan catalogue."""
    import typer.core

    def one(message: str) -> str:
        return gettext(message, lang)

    if hasattr(typer.core, "_"):
        typer.core._ = one
