"""Post scheduler: which unit holds which traffic post when (the paradeplan.posts/1 contract).

The names below load lazily, so that importing the instance loader or the checker never loads the solver.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paradeplan.posts.instance import Instance, Post, Unit, instance_to_json, load_instance
    from paradeplan.posts.solution import solution_to_json, write_json_atomic
    from paradeplan.posts.solver import Solution, Visit, solve

__all__ = [
    "Instance",
    "Post",
    "Unit",
    "Solution",
    "Visit",
    "load_instance",
    "instance_to_json",
    "solve",
    "solution_to_json",
    "write_json_atomic",
    "check",
]

_WHERE = {
    "Instance": "instance",
    "Post": "instance",
    "Unit": "instance",
    "instance_to_json": "instance",
    "load_instance": "instance",
    "solution_to_json": "solution",
    "write_json_atomic": "solution",
    "Solution": "solver",
    "Visit": "solver",
    "solve": "solver",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"paradeplan.posts.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'paradeplan.posts' has no attribute {name!r}")


def check(instance: Instance, solution: Any) -> list[str]:
    """Check a solution (a ``Solution`` or its posts-solution/1 JSON) with the independent checker.

    Parameters
    ----------
    instance : Instance
        The instance.
    solution : Solution or dict
        The schedule, or its JSON document.

    Returns
    -------
    list of str
        Violations; empty when valid.
    """
    from paradeplan.posts.checker import check_json
    from paradeplan.posts.solution import solution_to_json

    doc = solution if isinstance(solution, dict) else solution_to_json(instance, solution)
    return check_json(instance, doc)
