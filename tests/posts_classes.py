"""Test helpers for the posts solver's stages: the independent instance generator, and the classes of an instance
whose slots some start cannot reach, with the stage values the flow tests compare."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from paradeplan.posts import cover, flows, network
from paradeplan.posts.solver import _plan

ROOT = Path(__file__).resolve().parents[1]


def generator() -> ModuleType:
    """``benchmarks/generate.py``, the instance generator written apart from the solver."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass(frozen=True)
class UnreachedClass:
    """One class of units with its groups, sparse network, needs, reachable slots and flow network."""

    task: Any
    grp: Any
    sp: Any
    need: Any
    reach: Any
    net: Any


def classes_with_unreached_slots(inst: Any) -> Iterator[UnreachedClass]:
    """Every class of ``inst`` (bound links asked for) where some slot no start of the class reaches."""
    moves = network.Moves(inst)
    for kd, _, classes in _plan(inst):
        for (speed, until), units in classes.items():
            task = cover.ClassTask(kd, units, speed, until, moves, kd.need.copy(), bound_links=True)
            grp = cover.groups_of(task)
            sp = cover.class_sparse(task, grp)
            need = kd.need[grp.active]
            reach = cover.class_reach(task, grp, sp)
            if reach.all():
                continue
            net = flows.class_network(sp, grp.sizes, need, kd.prio[grp.active], spread=False)
            yield UnreachedClass(task, grp, sp, need, reach, net)
