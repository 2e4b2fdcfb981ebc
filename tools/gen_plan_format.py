"""Regenerate docs/plan-format.md from the plan model (field reference) and the shipped Quận 12 plan (example)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paradeplan.plan.planfile import plan_schema  # noqa: E402

INTRO = """# The plan file (`paradeplan.plan/1`)

A plan file is YAML in UTF-8. Vietnamese names may be written in any Unicode form; they are normalised to NFC
when the file is read. Clock times are local (`HH:MM`, 24-hour) in the event's time zone; dates are `YYYY-MM-DD`.
Places are defined once under `places:` with an `id` and referred to by that id everywhere else. Administrative
areas are free lists of names (`event.area.parents`), never fixed levels: since July 2025 Vietnam has provinces and
wards only, and plans written before name districts.

`paradeplan validate PLAN` checks a file and reports every problem as
`FILE:LINE:COL: field.path: what is wrong (what to do)`; `paradeplan schema` prints the JSON Schema this page is
generated from (`python tools/gen_plan_format.py` rewrites this page; a test checks it is current).

## Complete example

The Quận 12 2023 plan shipped with paradeplan (`data/quan12-2023/plan.yaml`), a transcription of Kế hoạch số
6791/KH-UBND-GDDT. Values the document does not state are marked `ASSUMPTION` in comments.

```yaml
"""


def _type_of(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].split("/")[-1]
    if "anyOf" in prop:
        kinds = [_type_of(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(kinds) + " (optional)"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    t = prop.get("type", "any")
    if t == "array":
        return f"list of {_type_of(prop.get('items', {}), defs)}"
    if t == "object":
        extra = prop.get("additionalProperties")
        return f"mapping to {_type_of(extra, defs)}" if isinstance(extra, dict) else "mapping"
    fmt = prop.get("format")
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}.get(t, t) + (
        f" ({fmt})" if fmt else ""
    )


def render() -> str:
    schema = plan_schema()
    defs = schema["$defs"]
    example = (ROOT / "data" / "quan12-2023" / "plan.yaml").read_text(encoding="utf-8")
    parts = [INTRO, example.rstrip("\n"), "```\n", "## Field reference\n"]
    order = ["Plan"] + sorted(k for k in defs if k != "Plan")
    defs = {**defs, "Plan": {k: v for k, v in schema.items() if k in ("properties", "required", "description")}}
    for name in order:
        d = defs[name]
        parts.append(f"### {name}\n")
        if d.get("description"):
            parts.append(d["description"].strip().split("\n")[0] + "\n")
        parts.append("| field | type | required | default | meaning |")
        parts.append("|---|---|---|---|---|")
        required = set(d.get("required", []))
        for field, prop in d.get("properties", {}).items():
            default = prop.get("default", "")
            if isinstance(default, dict):
                default_s = "see below"
            else:
                default_s = "" if field in required else f"`{default}`" if default not in ("", None) else ""
            desc = prop.get("description", "").replace("|", "\\|").replace("\n", " ")
            parts.append(
                f"| `{field}` | {_type_of(prop, defs)} | {'yes' if field in required else ''} | {default_s} | {desc} |"
            )
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    (ROOT / "docs" / "plan-format.md").write_text(render(), encoding="utf-8")
