"""Great-circle distance on the contract's sphere (R = 6371.0088 km) and travel times, vectorised with numpy."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from paradeplan.geo.distance import EARTH_RADIUS_KM, haversine_m


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]:
    """Haversine distance in km on the contract's sphere (R = 6371.0088 km), always as an array."""
    return np.asarray(haversine_m(lat1, lon1, lat2, lon2, radius=EARTH_RADIUS_KM), dtype=np.float64)


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
