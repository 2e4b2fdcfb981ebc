"""The real pipeline's typed results for tests: a plan's first parade (schedule, route, posts) computed once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from paradeplan.app import ParadeOutput, plan_parades, street_data
from paradeplan.plan.planfile import load_plan
from paradeplan.resources import demo_plan_path


@cache
def parade_of(plan_path: str) -> tuple[ParadeOutput, Any]:
    """The first parade of a plan through every stage (checked), and the street graph it used."""
    path = Path(plan_path)
    plan, graph = street_data(load_plan(path), path)
    outputs, graph = plan_parades(plan, path, graph=graph)
    return outputs[0], graph


def demo() -> tuple[ParadeOutput, Any]:
    """The embedded Quận 12 2023 parade and the Quận 12 street graph."""
    return parade_of(str(demo_plan_path()))
