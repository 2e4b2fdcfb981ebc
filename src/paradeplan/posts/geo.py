"""Great-circle distance on the contract's sphere (R = 6371.0088 km) and travel times, vectorised with numpy."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]:
    """Haversine distance in km between points, broadcasting like numpy.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : array_like
        Degrees. Pass ``lat1[:, None]`` against ``lat2[None, :]`` for all pairs.

    Returns
    -------
    ndarray
        Distances in km on a sphere of radius 6371.0088 km.
    """
    p1 = np.radians(np.asarray(lat1, dtype=np.float64))
    p2 = np.radians(np.asarray(lat2, dtype=np.float64))
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2, dtype=np.float64) - np.asarray(lon1, dtype=np.float64))
    a = np.sin(dp / 2.0) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2.0) ** 2
    return np.asarray(2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))), dtype=np.float64)


def travel_seconds(km: ArrayLike, detour_factor: float, speed_kmh: float) -> NDArray[np.float64]:
    """Travel time in seconds: ``km × detour_factor / speed_kmh × 3600``.

    Parameters
    ----------
    km : array_like
        Great-circle distances.
    detour_factor : float
        Road distance over great-circle distance.
    speed_kmh : float
        The unit's speed.

    Returns
    -------
    ndarray
        Seconds.
    """
    return np.asarray(np.asarray(km, dtype=np.float64) * detour_factor / speed_kmh * 3600.0, dtype=np.float64)
