"""Property test: a parade plan written from random building blocks (benchmarks/import_variants.py: route notation,
speed, times, police and forces on foot stated or not, a traffic duty in one of several wordings), imported and
planned, ends with exit 0 or 3, never "internal error": the solver and the independent checker agree on the plans
the importer writes. One example here (cheap: a plan takes seconds); the benchmark runs many."""

from __future__ import annotations

import importlib.util
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SPEC = importlib.util.spec_from_file_location(
    "import_variants", Path(__file__).resolve().parents[1] / "benchmarks" / "import_variants.py"
)
assert _SPEC is not None and _SPEC.loader is not None
variants = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(variants)


@settings(max_examples=1, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.randoms(use_true_random=False))
def test_an_imported_variant_plans_or_says_what_is_short(rng: random.Random) -> None:
    text = variants.variant(rng)
    with tempfile.TemporaryDirectory() as tmp:
        imp, plan, bad = variants.run(text, Path(tmp))
    assert imp == 0, (bad, text)
    assert plan in (0, 3) and not bad, (plan, bad, text)
