"""Distances and bearings between WGS84 points: the great circle (vectorised numpy) and the geodesic (geopy).

Every stage measures with these; only the independent checkers keep private copies on purpose, so that a bug
here cannot hide a bug in a schedule.
"""

from __future__ import annotations

from typing import overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: Radius of the sphere of every great-circle distance (metres): the mean earth radius the posts/1 contract fixes.
EARTH_RADIUS_M = 6_371_008.8
#: The same radius in kilometres.
EARTH_RADIUS_KM = 6371.0088


@overload
def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float, *, radius: float = ...) -> float: ...


@overload
def haversine_m(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike, *, radius: float = ...
) -> NDArray[np.float64]: ...


def haversine_m(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike, *, radius: float = EARTH_RADIUS_M
) -> float | NDArray[np.float64]:
    """Great-circle (haversine) distance between points, broadcasting like numpy.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array_like
        Degrees (WGS84). Pass ``lat1[:, None]`` against ``lat2[None, :]`` for all pairs.
    radius : float
        Sphere radius; the default gives metres, :data:`EARTH_RADIUS_KM` gives kilometres.

    Returns
    -------
    float or ndarray
        A float when every argument is a scalar, else an array. Within 0.5 % of the geodesic.
    """
    p1 = np.radians(np.asarray(lat1, dtype=np.float64))
    p2 = np.radians(np.asarray(lat2, dtype=np.float64))
    dl = np.radians(np.asarray(lon2, dtype=np.float64) - np.asarray(lon1, dtype=np.float64))
    a = np.sin((p2 - p1) / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2.0) ** 2
    d = 2.0 * radius * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    if np.ndim(d) == 0:
        return float(d)
    return np.asarray(d, dtype=np.float64)


def geodesic_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid in metres (geopy), for lengths of street edges and venue trips."""
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).meters)


def bearing_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial compass bearing from ``a`` to ``b`` (lat, lon), degrees clockwise from north in [0, 360)."""
    lat1, lat2 = np.radians(a[0]), np.radians(b[0])
    dl = np.radians(b[1] - a[1])
    x = np.sin(dl) * np.cos(lat2)
    y = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(dl)
    return float(np.degrees(np.arctan2(x, y)) % 360)
