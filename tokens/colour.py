"""CSS colours: parsing (hex, rgb(), hsl()), HSL conversion and the derived dark rule."""

from __future__ import annotations

import colorsys
import re
from typing import NamedTuple

_HEX = re.compile(r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_FUNC = re.compile(r"^(rgba?|hsla?)\(\s*([^()]*)\)$", re.IGNORECASE)
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)"
_PART = re.compile(rf"^({_NUMBER})(%|deg|turn)?$")


class Rgba(NamedTuple):
    """Channels from 0 to 1."""

    r: float
    g: float
    b: float
    a: float = 1.0


def _parts(args: str) -> list[str]:
    """`1, 2, 3, .5` or `1 2 3 / .5` as `["1", "2", "3", ".5"]`."""
    if "," in args:
        return [p.strip() for p in args.split(",")]
    main, _, alpha = args.partition("/")
    return main.split() + ([alpha.strip()] if alpha.strip() else [])


def _number(part: str, *, scale: float, allowed: tuple[str | None, ...]) -> float:
    match = _PART.match(part)
    if not match or match.group(2) not in allowed:
        raise ValueError(f"bad colour component {part!r}")
    value, unit = float(match.group(1)), match.group(2)
    if unit == "%":
        return value / 100
    if unit == "turn":
        return value * 360
    return value / scale


def parse_colour(value: str) -> Rgba:
    """A CSS colour as RGBA; raises ValueError for anything else (named colours included)."""
    text = value.strip()
    if text.lower() == "transparent":
        return Rgba(0.0, 0.0, 0.0, 0.0)
    if match := _HEX.match(text):
        digits = match.group(1)
        if len(digits) <= 4:
            digits = "".join(d * 2 for d in digits)
        channels = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return Rgba(*channels)
    match = _FUNC.match(text)
    if not match:
        raise ValueError(f"not a colour: {value!r}")
    kind, parts = match.group(1).lower(), _parts(match.group(2))
    if len(parts) not in (3, 4):
        raise ValueError(f"not a colour: {value!r}")
    alpha = _number(parts[3], scale=1, allowed=(None, "%")) if len(parts) == 4 else 1.0
    if kind.startswith("rgb"):
        r, g, b = (_number(p, scale=255, allowed=(None, "%")) for p in parts[:3])
        channels = (r, g, b)
    else:
        hue = _number(parts[0], scale=1, allowed=(None, "deg", "turn")) % 360
        sat = _number(parts[1], scale=100, allowed=("%", None))
        light = _number(parts[2], scale=100, allowed=("%", None))
        channels = colorsys.hls_to_rgb(hue / 360, _clamp(light), _clamp(sat))
    return Rgba(*(_clamp(c) for c in channels), _clamp(alpha))


def _clamp(x: float) -> float:
    return min(1.0, max(0.0, x))


def is_colour(value: str) -> bool:
    """Whether `value` parses as a colour."""
    try:
        parse_colour(value)
    except ValueError:
        return False
    return True


def to_hex(colour: Rgba) -> str:
    """`#rrggbb`, or `#rrggbbaa` when not opaque."""
    channels = [colour.r, colour.g, colour.b] + ([colour.a] if colour.a < 1 else [])
    return "#" + "".join(f"{round(c * 255):02x}" for c in channels)


def over(top: Rgba, bottom: Rgba) -> Rgba:
    """`top` composited over an opaque `bottom` (simple alpha blending)."""
    a = top.a
    return Rgba(*(t * a + b * (1 - a) for t, b in zip(top[:3], bottom[:3], strict=True)), 1.0)


def lightness(value: str) -> float:
    """HSL lightness of a colour, 0 to 1."""
    colour = parse_colour(value)
    return colorsys.rgb_to_hls(colour.r, colour.g, colour.b)[1]


def shift_lightness(value: str, delta: float) -> str:
    """The colour with its HSL lightness moved by `delta` (clamped); hue, saturation and
    alpha kept."""
    colour = parse_colour(value)
    hue, light, sat = colorsys.rgb_to_hls(colour.r, colour.g, colour.b)
    r, g, b = colorsys.hls_to_rgb(hue, _clamp(light + delta), sat)
    return to_hex(Rgba(r, g, b, colour.a))
