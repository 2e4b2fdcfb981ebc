"""Post scheduler: which unit holds which traffic post when (the paradeplan.posts/1 contract)."""

from __future__ import annotations

from typing import Any

from paradeplan.posts.instance import Instance, Post, Unit, instance_to_json, load_instance
from paradeplan.posts.solution import solution_to_json, write_json_atomic
from paradeplan.posts.solver import Solution, Visit, solve

__all__ = ["Instance", "Post", "Unit", "Solution", "Visit", "load_instance", "instance_to_json", "solve",
           "solution_to_json", "write_json_atomic", "check"]


def check(instance: Instance, solution: Solution | dict[str, Any]) -> list[str]:
    """Check a solution (object or posts-solution/1 JSON) with the independent checker.

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

    doc = solution_to_json(instance, solution) if isinstance(solution, Solution) else solution
    return check_json(instance, doc)
