"""Administrative units as data (geo.admin over vietnamadminunits): names in context, members, former names, the
2025 reform, no fixed levels, and lazy loading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paradeplan.geo import admin

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def old() -> admin.Snapshot:
    return admin.snapshot("before_2025")


@pytest.fixture(scope="module")
def new() -> admin.Snapshot:
    return admin.snapshot("from_2025")


@pytest.mark.usefixtures("english")
def test_snapshots_have_the_dataset_sizes_and_their_own_levels(old, new):
    wards_old = [u for u in old.units if u.depth == 2]
    assert len({u.parents[0] for u in old.units if u.depth == 1}) == 63
    assert len(wards_old) > 10000  # 10,040 rows, a few island districts have no ward
    assert len([u for u in new.units if u.depth == 0]) == 34
    assert len([u for u in new.units if u.depth == 1]) == 3321
    assert max(u.depth for u in new.units) == 1  # provinces and communes only since July 2025
    assert "dac khu" in new.kinds and "huyen" not in new.kinds and "huyen" in old.kinds
    assert old.source.startswith("vietnamadminunits") and "before 1 July 2025" in old.source


@pytest.mark.parametrize(
    "name,context,full",
    [
        ("phường Nghĩa Tân", ["Quận Cầu Giấy"], "Phường Nghĩa Tân, Quận Cầu Giấy, Thành phố Hà Nội"),
        ("phường Nghĩa Tân", ["Thành phố Gia Nghĩa, Đắk Nông"], "Phường Nghĩa Tân, Thành phố Gia Nghĩa, Tỉnh Đắk Nông"),
        ("huyện Đức Hòa", [], "Huyện Đức Hòa, Tỉnh Long An"),
        ("thị xã Kiến Tường", [], "Thị xã Kiến Tường, Tỉnh Long An"),
        ("Thành phố Tân An", [], "Thành phố Tân An, Tỉnh Long An"),
        ("TX Kiến Tường", [], "Thị xã Kiến Tường, Tỉnh Long An"),
        ("Phường 4", ["thành phố Tân An, tỉnh Long An"], "Phường 4, Thành phố Tân An, Tỉnh Long An"),
        ("xã Long An", ["huyện Cần Giuộc"], "Xã Long An, Huyện Cần Giuộc, Tỉnh Long An"),
    ],
)
def test_a_named_unit_is_found_by_the_documents_own_area(old, name, context, full):
    unit = old.best(name, None, context)
    assert unit is not None and unit.full == full
    assert -90 < unit.lat < 90 and 100 < unit.lon < 110


def test_a_name_that_repeats_without_context_is_not_guessed(old):
    assert len(old.find("phường Nghĩa Tân")) == 2
    assert old.best("phường Nghĩa Tân") is None


def test_members_of_an_area_by_kind(old):
    long_an = old.best("tỉnh Long An")
    assert long_an is not None
    towns = old.members(long_an, ["huyen", "thi xa"])
    assert len(towns) == 14 and {u.kind for u in towns} == {"Huyện", "Thị xã"}
    assert all(u.parents == ("Tỉnh Long An",) for u in towns)
    assert len(old.members(long_an, ["thanh pho"])) == 1


def test_former_names_lead_to_the_unit_they_were_merged_into(old):
    unit = old.best("phường Sài Đồng", None, ["quận Long Biên"])
    assert unit is not None and unit.name == "Phường Phúc Lợi"
    assert "phuongsaidong" in unit.former


def test_a_name_written_with_accents_never_takes_a_unit_with_other_accents(old, new):
    """The ward "phường Thạnh Xuân" (Quận 12, gone in 2025) is not Hà Nội's Thanh Xuân in the 2025 snapshot:
    no unit there, so the importer looks in the other snapshot; written without accents it may still match."""
    hcmc = ["Thành phố Hồ Chí Minh"]
    assert new.best("phường Thạnh Xuân", None, hcmc) is None
    assert new.best("Thạnh Xuân", "phường") is None
    before = old.best("phường Thạnh Xuân", None, hcmc)
    assert before is not None and before.parents == ("Thành phố Hồ Chí Minh", "Quận 12")
    for written in ("phường Thanh Xuân", "phuong Thanh Xuan", "Phường Thanh Xuan"):
        unit = new.best(written)
        assert unit is not None and unit.full == "Phường Thanh Xuân, Thành phố Hà Nội", written


def test_successor_after_the_2025_reform(old):
    nt = old.best("phường Nghĩa Tân", None, ["Cầu Giấy"])
    now = admin.successor(nt)
    assert now is not None and now.unit.full == "Phường Nghĩa Đô, Thành phố Hà Nội" and now.exact
    district = old.best("huyện Đức Hòa", None, ["Long An"])
    part = admin.successor(district, (district.lat, district.lon))
    assert part is not None and part.unit.parents == ("Tỉnh Tây Ninh",) and not part.exact
    assert admin.successor(admin.snapshot("from_2025").units[0]) is None


def test_era_by_date():
    from datetime import date

    assert admin.era_for(date(2025, 6, 30)) == "before_2025"
    assert admin.era_for(date(2025, 7, 1)) == "from_2025"
    assert admin.era_for(None) == "from_2025"


def test_help_and_validate_never_load_the_dataset():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from paradeplan.cli import app\n"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0\n"
        f"r = CliRunner().invoke(app, ['validate', {str(ROOT / 'data' / 'longan-2021' / 'plan.yaml')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('vietnamadminunits' in sys.modules, 'paradeplan.geo.admin' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]


def test_plan_book_wards_of_venues_outside_the_plans_unit_and_of_a_ward_plan():
    """The plan book's "now belongs to" lines: a square in Gò Vấp used by the Quận 12 plan is placed in a Gò Vấp
    ward (the nearest seat in Quận 12 would say An Phú Đông); a ward's own plan keeps its venues in that ward."""
    from paradeplan.plan.planfile import load_plan
    from paradeplan.render.plansections import unit_lines

    data = ROOT / "data"
    q12 = {u.place: u for u in unit_lines(load_plan(data / "quan12-2023" / "plan.yaml"))}
    square = q12["Quảng trường Hòa Bình, Khu dân cư Cityland Park Hills (Gò Vấp)"]
    assert "Quận Gò Vấp" in square.old and square.approximate
    assert "Quận 12" in q12["Trụ sở Ủy ban nhân dân Quận 12"].old
    bs = unit_lines(load_plan(data / "bachsam-2024" / "plan.yaml"))
    assert len(bs) == 3 and all(u.old.startswith("Phường Bạch Sam, Thị xã Mỹ Hào") and u.approximate for u in bs)
