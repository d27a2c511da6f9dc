"""WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them."""

from __future__ import annotations

import re

from tokens.colour import Rgba, over, parse_colour

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
WHITE = Rgba(1.0, 1.0, 1.0)


def parse_hex(colour: str) -> tuple[int, int, int]:
    """`#rgb` or `#rrggbb` as an (r, g, b) tuple of 0-255 integers."""
    if not _HEX.match(colour):
        raise ValueError(f"not a hex colour: {colour!r}")
    rgba = parse_colour(colour)
    return round(rgba.r * 255), round(rgba.g * 255), round(rgba.b * 255)


def is_hex_colour(value: str) -> bool:
    """Whether `value` is a `#rgb`/`#rrggbb` colour."""
    return bool(_HEX.match(value))


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(colour: Rgba) -> float:
    r, g, b = (_channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white), of an opaque colour."""
    return _luminance(parse_colour(colour))


def contrast_ratio(fg: str, bg: str, backdrop: str = "#ffffff") -> float:
    """WCAG contrast ratio between two CSS colours, from 1.0 to 21.0 (order does not matter
    for opaque colours). A translucent background is first laid over `backdrop`, then a
    translucent foreground over the result."""
    back = over(parse_colour(bg), parse_colour(backdrop))
    front = over(parse_colour(fg), back)
    a, b = _luminance(front), _luminance(back)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
