"""Leaflet and plugin assets: inlined from the folium-offline package (offline) or left as CDN links (``cdn``)."""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger(__name__)

_TAG = re.compile(
    r'<script src="(?P<js>https?://[^"]+)"></script>|<link rel="stylesheet" href="(?P<css>https?://[^"]+)"/>'
)


@functools.lru_cache(maxsize=1)
def _resources() -> dict[str, str]:
    """URL → text of every asset folium-offline ships (the same files folium links to)."""
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # pragma: no cover - a missing dependency
        raise RuntimeError(
            "the folium-offline package is needed to embed map assets (pip install folium-offline); or use --cdn"
        ) from exc
    return dict(_res)


def asset(url: str) -> str:
    """The text of one asset by its CDN URL.

    Parameters
    ----------
    url : str
        The URL folium links to.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        The asset is not shipped by folium-offline.
    """
    return _resources()[url]


def finalize_html(page: str, *, cdn: bool) -> str:
    """Inline every ``<script src>``/stylesheet link of a rendered folium page, unless ``cdn``.

    Parameters
    ----------
    page : str
        The rendered HTML.
    cdn : bool
        Keep the links (small file that loads its assets online).

    Returns
    -------
    str
        The page; offline pages reference no URL for scripts or styles.
    """
    if cdn:
        return page

    def inline(m: re.Match[str]) -> str:
        if m.group("js"):
            text = re.sub(r"</(script)", r"<\\/\1", asset(m.group("js")), flags=re.IGNORECASE)
            return f"<script>{text}</script>"
        text = re.sub(r"</(style)", r"<\\/\1", asset(m.group("css")), flags=re.IGNORECASE)
        return f"<style>{text}</style>"

    out = _TAG.sub(inline, page)
    log.debug("inlined map assets: %d → %d characters", len(page), len(out))
    return out
