"""``schedule.json`` at the file boundary: a ``ParadeSchedule`` to JSON and back, and the file's JSON Schema.

All three come from one pydantic ``TypeAdapter`` of :class:`paradeplan.parade.schedule.ParadeSchedule`, whose
fields carry their published names and forms; everything inside paradeplan works on the typed object. The
diversion plan's blocks (``closures.points``, ``diversions``, ``marshals``, ``restricted``) come from the one
TypeAdapter of their own definition (:mod:`paradeplan.parade.traffic_json`), added to the file, its schema and
its reading here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from paradeplan.parade.schedule import ParadeSchedule
from paradeplan.parade.traffic_json import add_traffic, blocks_schema, read_traffic

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_TITLE = "paradeplan schedule (paradeplan.schedule/1)"


@cache
def _adapter() -> TypeAdapter[ParadeSchedule]:
    from pydantic import TypeAdapter

    return TypeAdapter(ParadeSchedule)


def to_json(s: ParadeSchedule) -> dict[str, Any]:
    """The schedule as ``schedule.json`` data (``paradeplan.schedule/1``), keys in the published order.

    :func:`from_json` maps it back to an equal ``ParadeSchedule``.
    """
    data: dict[str, Any] = _adapter().dump_python(s, mode="json", by_alias=True)
    add_traffic(data, s.traffic)
    return data


def validate_shape(data: Any) -> None:
    """Raise ``ValueError`` when data does not have the documented ``schedule.json`` shape."""
    from_json(data)


def from_json(data: Any) -> ParadeSchedule:
    """Read ``schedule.json`` data back into a ``ParadeSchedule`` (validated against the contract).

    Raises
    ------
    ValueError
        When the data is not a ``paradeplan.schedule/1`` document.
    """
    from pydantic import ValidationError

    try:
        schedule = _adapter().validate_python(data, by_alias=True)
        traffic = read_traffic(data)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None
    return replace(schedule, traffic=traffic)


def schema() -> dict[str, Any]:
    """JSON Schema of ``schedule.json``, generated from :class:`~paradeplan.parade.schedule.ParadeSchedule`.

    Each part is named by its ``title`` (the name the file's documentation uses); defaults and the classes'
    docstrings stay out of the schema, which describes the file, not the Python objects.
    """
    from pydantic.json_schema import GenerateJsonSchema

    class _FileSchema(GenerateJsonSchema):
        def default_schema(self, schema: Any) -> Any:
            return self.generate_inner(schema["schema"])

        def dataclass_schema(self, schema: Any) -> Any:
            out = super().dataclass_schema(schema)
            if schema["cls"] is not ParadeSchedule:
                out.pop("description", None)
            return out

    out: dict[str, Any] = _adapter().json_schema(by_alias=True, mode="serialization", schema_generator=_FileSchema)
    named = {f"#/$defs/{k}": f"#/$defs/{d['title']}" for k, d in out["$defs"].items()}

    def renamed(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: named[v] if k == "$ref" else renamed(v) for k, v in node.items()}
        return [renamed(v) for v in node] if isinstance(node, list) else node

    out = renamed(out)
    _add_traffic_schema(out)
    out["$defs"] = {d["title"]: d for _, d in sorted((d["title"], d) for d in out["$defs"].values())}
    out["title"] = SCHEMA_TITLE
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return out


def _add_traffic_schema(out: dict[str, Any]) -> None:
    """Add the diversion plan's parts (``closures.points``, ``diversions``, ``marshals``) to the file's schema."""
    blocks = blocks_schema()
    out["$defs"].update(blocks["$defs"])
    closures = out["$defs"]["Closures"]
    closures["properties"]["points"] = blocks["properties"]["points"]
    closures["required"].append("points")
    for key in ("diversions", "marshals", "restricted"):
        out["properties"][key] = blocks["properties"][key]
        out["required"].append(key)
