"""Child process for a min-cost flow that can be stopped: ``python -m paradeplan.posts.flowproc IN.npz OUT.npy``."""

from __future__ import annotations

import sys

import numpy as np


def main(argv: list[str]) -> None:
    """Solve the min-cost flow stored in ``argv[0]`` and save the arc flows to ``argv[1]``."""
    from paradeplan.posts.flows import min_cost_flow

    with np.load(argv[0], allow_pickle=False) as data:
        _, flows = min_cost_flow(data["tails"], data["heads"], data["caps"], data["costs"], data["supplies"])
    np.save(argv[1], flows, allow_pickle=False)


if __name__ == "__main__":
    main(sys.argv[1:])
