"""What the importer refuses to write: a document with nothing to plan, and a parade the plan cannot hold.

A document told after its events or calling them off, and one with no parade, ceremony, week activity or deadline,
has nothing to plan (exit 2, "nothing to plan in FILE: …"). A document that plans a vehicle parade — its vehicles, or
the parade's own facts: an assembly or a departure with the escorts, the route's section or label, a parade title —
whose route could not be read, or which gives no date, is refused naming what is missing: an empty plan would pass
for complete. A title alone (a cost estimate "Đề nghị cấp kinh phí … xe hoa") is no parade to plan.
"""

from __future__ import annotations

import re
from typing import Any

from paradeplan.errors import InputError, Problem
from paradeplan.i18n import _
from paradeplan.importer.events import PARADE_WORDS
from paradeplan.importer.extract import Extraction
from paradeplan.importer.text import fold

#: What a plan can be made of; a document with none of these is refused.
PLANNABLE = ("parades", "gatherings", "ceremonies", "rounds", "activities", "deadlines")
#: How many of a parade's own facts (:func:`parade_facts`) say that a document plans one, when it lists no vehicles
#: (one of them its assembly or departure): a parade title alone is a cost estimate's or a report's.
ENOUGH_FACTS = 2


def _nothing(why: str, file: str) -> InputError:
    hint = _("give the plan (Kế hoạch, Phương án) that describes the parade or the ceremonies")
    return InputError(problems=[Problem(why, file, hint=hint)])


def _not_called_off(ex: Extraction, file: str) -> None:
    """Refuse a report written after the fact and a letter that calls its event off without a new date."""
    said = ex.events.stance
    if said is None or said.kind == "moved" or said.kind == "meeting" and ex.route:
        return
    if said.kind == "meeting":
        why = _(
            "nothing to plan in {file}: the document invites to a meeting, not to a ceremony or parade (read: {title})"
        )
    elif said.kind == "report":
        why = _("nothing to plan in {file}: the document reports on what was done (read: {title})")
    else:
        why = _(
            "nothing to plan in {file}: the document postpones or cancels the event without a new date (read: {title})"
        )
    raise _nothing(why.format(file=file, title=said.said[:120]), file)


def parade_facts(ex: Extraction) -> list[str]:
    """The facts of a parade a document states, each as the user reads it: its assembly and departure, the police
    escorting it, a route's label (its text unread), a parade title, its vehicles."""
    out: list[str] = []
    if ex.assembly_time or ex.assembly_place:
        said = ", ".join(x for x in (ex.assembly_place, ex.assembly_time and ex.assembly_time.strftime("%H:%M")) if x)
        out.append(_("assembly: {said}").format(said=said))
    if ex.departure_time:
        out.append(_("departure: {time}").format(time=ex.departure_time.strftime("%H:%M")))
    out += [_("escort: {unit}").format(unit=d.unit) for d in ex.duties[:1] if d.police]
    if ex.route_text:
        out.append(_("a route label"))
    title = next((x for x in (ex.parade_name, ex.event) if x and re.search(PARADE_WORDS, fold(x))), None)
    if title:
        out.append(_("title: {title}").format(title=title[:120]))
    if ex.forces:
        out.append("; ".join(f"{f.count} {f.label}" for f in ex.forces)[:300])
    return out


def _plans_a_parade(ex: Extraction) -> bool:
    """Whether the document plans a vehicle parade: a route; vehicles with a parade title or floats; or, with no
    vehicles read, enough of the parade's own facts, one of them its assembly or departure."""
    if ex.route:
        return True
    if ex.forces:
        title = fold(" ".join(x for x in (ex.parade_name, ex.event) if x))
        return bool(re.search(PARADE_WORDS, title) or any(f.kind == "float" for f in ex.forces))
    timed = ex.assembly_time or ex.assembly_place or ex.departure_time
    # an assembly and a departure alone are an official's trip as well ("13 giờ 30: Đồng chí A xuất phát từ trụ sở
    # UBND tỉnh đi huyện B bằng xe ô tô"): a column is said somewhere, or has an escort, a route's label, a title
    titled = (fold(x) for x in (ex.parade_name, ex.event) if x)
    own = ex.column_said or ex.route_text or any(d.police for d in ex.duties)
    own = own or any(re.search(PARADE_WORDS, t) for t in titled)
    return bool(timed) and bool(own) and len(parade_facts(ex)) >= ENOUGH_FACTS


def _parade_not_written(ex: Extraction, data: dict[str, Any], file: str) -> None:
    """Refuse a document that plans a vehicle parade the plan cannot hold: no route could be read, or no date is
    given anywhere; a plan without it would pass for complete."""
    if data.get("parades") or ex.on_water or not (ex.forces or ex.route or ex.assembly_time or ex.departure_time):
        return
    if not _plans_a_parade(ex):
        return
    listed = "; ".join(parade_facts(ex))[:400]
    if not ex.route:
        why = _("the document describes a vehicle parade ({vehicles}) but no route could be read from it").format(
            vehicles=listed
        )
        hint = _(
            'write the route as one line of steps from the start to the end ("Lộ trình: A – đường B – đường C – D"), '
            'or one street per line after "Lộ trình:", then import again'
        )
        if ex.route_text:
            why += " " + _("(route text read: {text})").format(text=ex.route_text[:200])
    else:
        why = _("the document describes a vehicle parade ({vehicles}) but gives no date for it").format(vehicles=listed)
        hint = _('write the parade\'s date in the document ("ngày 02/10/2025"), then import again')
    raise InputError(problems=[Problem(why, file, hint=hint)])


#: A decision's subject that sets up a body ("Về việc thành lập Ban Tổ chức …", "kiện toàn Ban Chỉ đạo …"), folded.
_SETS_UP = re.compile(r"\b(?:thanh lap|kien toan|cung co)\s+(?:ban|to|doi|hoi dong|tieu ban)\b")


def _only_a_body_set_up(ex: Extraction, data: dict[str, Any], file: str) -> None:
    """Refuse a decision that sets up a committee and plans nothing of its own: the members' duties ("kiểm tra
    việc treo băng rôn", "xây dựng chương trình Lễ khai mạc", "báo cáo … trước ngày 14/10" of the standing member)
    are the body's own work, no event, activity or units' deadline to schedule."""
    if not _SETS_UP.search(fold(ex.event or "")) or ex.route or ex.forces:
        return
    if any(data.get(k) for k in ("parades", "gatherings", "rounds")):
        return
    if any(c.date or c.time or c.place or c.choice for c in ex.events.ceremonies):
        return  # a ceremony the decision itself dates or places
    asked = {str(o.get("field")) for o in data.get("open_items") or []}
    if any(f"activities[{k}].start" not in asked for k in range(len(data.get("activities") or []))):
        return  # an activity the decision dates itself
    why = _("nothing to plan in {file}: the document sets up a body and plans no event (read: {title})")
    raise _nothing(why.format(file=file, title=(ex.event or "")[:120]), file)


def refuse_unplannable(ex: Extraction, data: dict[str, Any], file: str) -> None:
    """Refuse a document with no parade, ceremony, week activity or deadline: an empty plan helps no one; and one
    whose parade cannot be written.

    Raises
    ------
    InputError
        Naming the file and what is missing.
    """
    _not_called_off(ex, file)
    _parade_not_written(ex, data, file)
    _only_a_body_set_up(ex, data, file)
    if ex.route or ex.forces or any(data.get(k) for k in PLANNABLE if k != "ceremonies"):
        return
    # A ceremony named without a date, time or venue of its own ("xây dựng chương trình Lễ khai mạc", a board's
    # duty) is a mention, not an event to plan.
    stated = any(c.date or c.time or c.place or c.choice or c.flag_time for c in ex.events.ceremonies)
    if data.get("ceremonies") and stated:
        return
    said = ex.event or _("no title")
    why = _("nothing to plan in {file}: no parade, ceremony, week activity or deadline (read: {title})")
    raise _nothing(why.format(file=file, title=said), file)
