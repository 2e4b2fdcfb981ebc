"""The message catalogue's build: extract messages with Babel, update the .po files, compile the .mo files.

Usage::

    python tools/i18n.py update     # extract from src/ (babel.cfg), merge into locale/{vi,en}/…/paradeplan.po
    python tools/i18n.py check      # exit 1 when a message is missing, untranslated, fuzzy or obsolete

The .mo files are not committed: ``paradeplan.i18n.translations`` compiles each .po with Babel at first use (and
caches the result in the user's cache folder).

English is the source language (msgids); ``en.po`` repeats each msgid as its msgstr, ``vi.po`` is translated by
hand. See docs/i18n.md.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "src" / "paradeplan" / "i18n" / "locale"
LANGS = ("vi", "en")
DOMAIN = "paradeplan"
#: NP_(context, message) marks a message with a context without translating it; NN_(singular, plural) one with a
#: plural form.
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "NN_": (1, 2)}
#: Fixed header dates: the same sources give the same bytes.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every message marked in src/paradeplan, as Babel extracts it with babel.cfg."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    template = Catalog(project="paradeplan", domain=DOMAIN, creation_date=STAMP, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    with open(po_path(lang), "rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=120, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return buf.getvalue()


def _translated(msg: Message) -> bool:
    """Every form of the message has a translation."""
    return all(msg.string) if isinstance(msg.string, tuple | list) else bool(msg.string)


def update() -> list[str]:
    """Merge the extracted messages into each .po; returns the Vietnamese msgids still untranslated."""
    template = extract()
    missing: list[str] = []
    for lang in LANGS:
        path = po_path(lang)
        if path.exists():
            catalog = read(lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="paradeplan", creation_date=STAMP)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.revision_date = STAMP
        catalog.fuzzy = False
        catalog.creation_date = STAMP
        for msg in catalog:
            if not msg.id:
                continue
            if lang == "en" and not _translated(msg):
                msg.string = msg.id
            if lang == "vi" and not _translated(msg):
                missing.append(str(msg.id))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))
    return missing


def problems() -> list[str]:
    """What is wrong with the committed catalogues (empty when they are in step with the sources)."""
    out: list[str] = []
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in extract() if m.id}
    for lang in LANGS:
        catalog = read(lang)
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
        out += [f"{lang}: not in the .po (run tools/i18n.py update): {c or ''}|{i}" for c, i in sorted(wanted - have)]
        out += [f"{lang}: obsolete in the .po: {c or ''}|{i}" for c, i in sorted(have - wanted)]
        out += [f"{lang}: untranslated: {m.id!r}" for m in catalog if m.id and not _translated(m)]
        out += [f"{lang}: fuzzy: {m.id!r}" for m in catalog if m.id and m.fuzzy]
    return out


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "check"
    if cmd == "update":
        for msgid in update():
            print(f"vi: untranslated: {msgid}")
        return 0
    if cmd == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
