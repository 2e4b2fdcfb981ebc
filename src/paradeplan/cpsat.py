"""The one CP-SAT solver set-up every model shares: fixed seed, worker count and time limit, and the outcome.

With one worker and a fixed seed CP-SAT's search is deterministic, so the same plan gives the same schedule.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

#: Seed of every CP-SAT search (outputs must not change between runs).
SEED = 20231002


@dataclass(frozen=True)
class Solved:
    """What a CP-SAT search found: the solver (to read values), its status and how good the answer is."""

    solver: Any
    """The ``cp_model.CpSolver`` (read variable values with ``solver.value``)."""
    status: str
    """OPTIMAL, FEASIBLE, INFEASIBLE, MODEL_INVALID or UNKNOWN."""
    found: bool
    """True when a solution exists (OPTIMAL or FEASIBLE)."""
    optimal: bool
    objective: float
    bound: float
    wall_s: float

    @property
    def gap(self) -> float:
        """Relative optimality gap (0 when proven optimal)."""
        if self.optimal or not self.found:
            return 0.0 if self.optimal else 1.0
        return abs(self.bound - self.objective) / max(1.0, abs(self.bound))

    def value(self, var: Any) -> int:
        """The value of a variable in the solution."""
        return int(self.solver.value(var))


def solve(model: Any, *, time_limit_s: float, workers: int = 1, seed: int = SEED, name: str = "model") -> Solved:
    """Solve a CP-SAT model with the project's settings.

    Parameters
    ----------
    model : ortools.sat.python.cp_model.CpModel
        The model.
    time_limit_s : float
        Wall-clock limit of the search.
    workers : int
        Search workers (1 keeps the search deterministic).
    seed : int
        Random seed of the search.
    name : str
        What is solved, for the log.

    Returns
    -------
    Solved
    """
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = time_limit_s
    # CP-SAT's own Ctrl-C handler would end the search as if the time ran out (and the run would go on with
    # that answer), and it leaves SIGINT at the system default afterwards: a later Ctrl-C would kill the
    # process with no message and its staging folder left behind. Python's handler stays instead.
    solver.parameters.catch_sigint_signal = False
    code = _interruptible(solver, model)
    found = code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    out = Solved(
        solver,
        solver.status_name(code),
        found,
        code == cp_model.OPTIMAL,
        float(solver.objective_value) if found else 0.0,
        float(solver.best_objective_bound),
        float(solver.wall_time),
    )
    log.info(
        "%s: %s, objective %s, bound %s, %.2f s",
        name,
        out.status,
        out.objective if found else None,
        out.bound,
        out.wall_s,
    )
    return out


def _interruptible(solver: Any, model: Any) -> Any:
    """``solver.solve(model)`` in a thread of its own, so that Ctrl-C reaches Python at once: the search is
    stopped (``stop_search``) and KeyboardInterrupt raised, instead of waiting out the time limit."""
    import threading

    done = threading.Event()
    outcome: dict[str, Any] = {}

    def search() -> None:
        try:
            outcome["code"] = solver.solve(model)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=search, name="cp-sat", daemon=True)
    worker.start()
    try:
        done.wait()
    except BaseException:
        solver.stop_search()
        worker.join()
        raise
    if "error" in outcome:
        raise outcome["error"]
    return outcome["code"]
