"""Street-name matching: a plan's street name to the street data's names (gazetteer aliases, accents, typos)."""

from __future__ import annotations

import difflib

from paradeplan.geo.gazetteer import Gazetteer, exact_key, loose_key
from paradeplan.geo.index import StreetIndex
from paradeplan.geo.names import accent_blind_equal, nfc, strip_diacritics
from paradeplan.i18n import _
from paradeplan.route.where import Where


def _why_differ(wanted: str, cand: str) -> str:
    a, b = loose_key(wanted), loose_key(cand)
    if a == b:
        return _("same letters, different accents")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "replace":
            parts.append(_("'{wrote}' instead of '{right}'").format(wrote=a[i1:i2], right=b[j1:j2]))
        elif op == "delete":
            parts.append(_("extra '{letters}'").format(letters=a[i1:i2]))
        elif op == "insert":
            parts.append(_("missing '{letters}'").format(letters=b[j1:j2]))
    why = ", ".join(parts[:3]) or _("different spelling")
    if strip_diacritics(nfc(wanted)) == nfc(wanted) and strip_diacritics(nfc(cand)) != nfc(cand):
        why += _("; diacritics are ignored, the letters must match")
    return why


class NameMatcher:
    """Finds the street data's names for a plan street (cached), or raises a located error with suggestions."""

    def __init__(self, idx: StreetIndex, gazetteer: Gazetteer, where: Where) -> None:
        self.idx = idx
        self.gaz = gazetteer
        self.where = where
        self.cache: dict[str, set[str]] = {}

    def osm_names(self, street: str, step: int) -> set[str]:
        if street in self.cache:
            return self.cache[street]
        group = self.gaz.street_names(street)
        found: set[str] = set()
        for n in group:
            found |= self.idx.exact.get(exact_key(n), set())
        if not found:
            for n in group:
                found |= {m for m in self.idx.loose.get(loose_key(n), set()) if accent_blind_equal(n, m)}
        if not found:
            self._unknown(street, step)
        self.cache[street] = found
        return found

    def _unknown(self, street: str, step: int) -> None:
        pool: dict[str, str] = {}
        for name in self.idx.name_nodes:
            pool.setdefault(loose_key(name), name)
        for group in self.gaz.streets:
            for n in group:
                pool.setdefault(loose_key(n), n)
        key = loose_key(street)
        close = difflib.get_close_matches(key, list(pool), n=3, cutoff=0.6)
        fld = self.where.field(step, "street")
        if close:
            cands = "; ".join(f"'{pool[c]}' ({_why_differ(street, pool[c])})" for c in close)
            msg = _("unknown street '{street}': not in the street data or the gazetteer; closest: {names}").format(
                street=street, names=cands
            )
            hint = _("write the street as '{name}' or add an alias to the gazetteer").format(name=pool[close[0]])
        else:
            msg = _("unknown street '{street}': not in the street data or the gazetteer, nothing similar").format(
                street=street
            )
            hint = _("check the spelling, the street data (streets:), or add an alias to the gazetteer")
        raise self.where.error(msg, fld, hint)
