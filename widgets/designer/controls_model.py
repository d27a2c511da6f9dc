"""Pure helpers of the designer's token controls: every token of `tokens.catalogue()` grouped
by layer and widget, the value each control shows, edits of any layer, and the contrast
warnings next to each token."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from typing import Any

from tokens import build, catalogue, default_theme
from tokens.base import SCALES_LIGHT
from tokens.components import GROUPS, LAYOUT_TOKENS
from tokens.model import alias_target
from widgets.designer.model import COLOUR_ROLES, LAYOUT_CHOICES, to_hex

Doc = dict[str, Any]

UNITS = ("px", "rem", "em")
WEIGHTS = ("300", "400", "500", "600", "700", "800")
NO_SHADOW = "none"
SCALE_STEPS = tuple(range(1, 13))
_DIMENSION = re.compile(r"^(-?\d+(?:\.\d+)?)(px|rem|em|%|vw|ch)?$")
# Slider ranges in px by what a dimension is for (first matching fragment of its name).
_RANGES: tuple[tuple[str, tuple[int, int]], ...] = (
    ("font.size", (8, 72)), ("price-size", (16, 72)), ("min-width", (160, 420)),
    ("radius", (0, 48)), ("padding", (0, 64)), ("gap", (0, 64)), ("space", (0, 96)),
)


@dataclass(frozen=True)
class Control:
    """One token control: its token, label, kind (colour, dimension, choice, shadow,
    weight), for choices the options, and the widget family it belongs to (if any)."""

    name: str
    label: str
    kind: str
    options: tuple[str, ...] = ()
    scope: str = ""

    @property
    def spoken(self) -> str:
        """The label with its widget, for accessible names unique on the page."""
        return f"{self.scope} {self.label.lower()}" if self.scope else self.label


@dataclass(frozen=True)
class Group:
    """A collapsible group of controls (a widget, a base family, a set of roles)."""

    key: str
    title: str
    controls: tuple[Control, ...]


def _control(name: str) -> Control:
    info = catalogue()[name]
    if name in LAYOUT_CHOICES:
        return Control(name, info.label, "choice", LAYOUT_CHOICES[name])
    kind = {"color": "colour", "dimension": "dimension", "shadow": "shadow",
            "fontWeight": "weight"}.get(info.type, "")
    return Control(name, info.label, kind, WEIGHTS if kind == "weight" else ())


def scales() -> tuple[str, ...]:
    """The base colour scales (gray, indigo ...), each shown as a row of twelve steps."""
    return tuple(SCALES_LIGHT)


def base_groups() -> list[Group]:
    """Base dimensions and weights (the colour scales are rows of swatches, see `scales`)."""
    known = catalogue().values()

    def family(prefix: str) -> tuple[Control, ...]:
        return tuple(_control(t.name) for t in known
                     if t.layer == "base" and t.name.startswith(prefix))

    return [Group("base-font-size", "Font sizes", family("font.size.")),
            Group("base-font-weight", "Font weights", family("font.weight.")),
            Group("base-space", "Spacing", family("space.")),
            Group("base-radius", "Radii", family("radius."))]


def semantic_groups() -> list[Group]:
    """Semantic roles not already among the main colour controls: more colours (focus ring,
    soft fills, chart series) and shapes."""
    roles = [t for t in catalogue().values() if t.layer == "semantic"]
    colours = tuple(_control(t.name) for t in roles
                    if t.type == "color" and t.name not in COLOUR_ROLES
                    and not t.name.startswith("chart-"))
    charts = tuple(_control(t.name) for t in roles if t.name.startswith("chart-"))
    shapes = tuple(_control(t.name) for t in roles
                   if t.type in ("dimension", "shadow") and t.name != "radius-card")
    return [Group("semantic-more", "More colour roles", colours),
            Group("semantic-charts", "Chart series", charts),
            Group("semantic-shape", "Shadows and control radius", shapes)]


def component_groups() -> list[Group]:
    """One group per widget family, its component tokens in declaration order."""
    return [Group(g.key, g.label, tuple(replace(c, scope=g.label)
                                        for c in (_control(n) for n in g.tokens) if c.kind))
            for g in GROUPS]


def all_names() -> list[str]:
    """Every token the panel can edit (for the per-token state dictionaries)."""
    names = [f"{scale}.{step}" for scale in scales() for step in SCALE_STEPS]
    names += list(COLOUR_ROLES) + ["radius-card"]
    for group in base_groups() + semantic_groups() + component_groups():
        names += [c.name for c in group.controls]
    return list(dict.fromkeys(names))


def colour_roles() -> tuple[str, ...]:
    """The semantic colour roles a component colour can alias."""
    return tuple(t.name for t in catalogue().values()
                 if t.layer == "semantic" and t.type == "color")


def shadow_choices() -> tuple[str, ...]:
    """What a shadow token can be: a shadow role, a base shadow, or none."""
    known = catalogue().values()
    return (*(t.name for t in known if t.type == "shadow" and t.layer != "component"),
            NO_SHADOW)


def split_dimension(value: str) -> tuple[str, str]:
    """`"40px"` -> `("40", "px")`; `"0"` -> `("0", "px")`; anything else -> `("", "px")`."""
    match = _DIMENSION.match(value.strip())
    if not match:
        return "", "px"
    number = match.group(1)
    number = number.rstrip("0").rstrip(".") if "." in number else number
    return number, match.group(2) or "px"


def slider_range(name: str, unit: str = "px") -> tuple[float, float, float]:
    """(min, max, step) of a dimension's slider in `unit` (rem and em are 16px)."""
    low, high = next((r for frag, r in _RANGES if frag in name), (0, 64))
    if unit in ("rem", "em"):
        return low / 16, high / 16, 0.125
    return float(low), float(high), 1.0


def _where(doc: Doc, name: str, mode: str) -> dict[str, str]:
    """The override mapping of `doc` that holds `name` for `mode` (created on demand)."""
    layer = catalogue()[name].layer
    if name in LAYOUT_TOKENS:
        return doc.setdefault("layout", {})
    tokens = doc.setdefault("tokens", {})
    if layer == "component":
        return tokens.setdefault("component", {})
    return tokens.setdefault(layer, {}).setdefault(mode, {})


def set_token(doc: Doc, name: str, value: str, mode: str = "light") -> Doc:
    """A copy of `doc` with one token set: base and semantic colours for `mode` (light ones
    derive dark), their sizes and shadows, component tokens and layout for both modes;
    setting a component token back to its default removes the override."""
    if name not in catalogue():
        raise ValueError(f"unknown token {name!r}")
    new = copy.deepcopy(doc)
    value = value.strip()
    info = catalogue()[name]
    if info.layer == "component" and value == default_theme().components[name]:
        return reset_token(new, name)
    if info.type != "color" and info.layer != "component":
        new = reset_token(new, name)  # sizes and shadows: one value for both modes
        mode = "light"
    _where(new, name, mode)[name] = value.lower() if value.startswith("#") else value
    return new


def set_dimension(doc: Doc, name: str, number: float | str, unit: str,
                  mode: str = "light") -> Doc:
    """A copy with a dimension set from a number and unit, clamped to its slider range."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    low, high, _ = slider_range(name, unit)
    amount = max(low, min(high, float(number)))
    text = f"{amount:.3f}".rstrip("0").rstrip(".")
    return set_token(doc, name, f"{text}{unit}" if text != "0" else "0", mode)


def reset_token(doc: Doc, name: str) -> Doc:
    """A copy without any override of `name` in any layer or mode."""
    new = copy.deepcopy(doc)
    tokens = new.get("tokens", {})
    for layer in ("base", "semantic"):
        for mode in ("light", "dark"):
            tokens.get(layer, {}).get(mode, {}).pop(name, None)
    tokens.get("component", {}).pop(name, None)
    new.get("layout", {}).pop(name, None)
    return new


def overridden(doc: Doc) -> dict[str, bool]:
    """Whether the document overrides each token of `all_names()`."""
    tokens = doc.get("tokens", {})
    found = set(tokens.get("component", {})) | set(doc.get("layout", {}))
    for layer in ("base", "semantic"):
        for mode in ("light", "dark"):
            found |= set(tokens.get(layer, {}).get(mode, {}))
    return {name: name in found for name in all_names()}


def shown(doc: Doc, mode: str) -> dict[str, str]:
    """What each control shows for `mode`: colours as hex, dimensions as number and unit
    (`name#number`, `name#unit`), aliases as `name#alias` (the role a token follows, or "")."""
    theme = build(doc)
    tokens = theme.tokens(mode)
    out: dict[str, str] = {}
    for name in all_names():
        info = catalogue()[name]
        value = theme.resolve(mode, name)
        target = alias_target(tokens[name])
        out[f"{name}#alias"] = target or ""
        if info.type == "color":
            out[name] = to_hex(value)
        elif info.type == "dimension":
            number, unit = split_dimension(value)
            out[name], out[f"{name}#number"], out[f"{name}#unit"] = value, number, unit
        elif info.type == "shadow":
            out[name] = target or (NO_SHADOW if value == NO_SHADOW else value)
        else:
            out[name] = value
    return out


def warnings_by_token(warnings: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The warning texts next to every control whose token takes part in a failing pair."""
    found: dict[str, list[str]] = {name: [] for name in all_names()}
    for w in warnings:
        for name in {w["foreground"], w["background"]}:
            if name in found:
                found[name].append(w["text"])
    return found


def warning_counts(by_token: dict[str, list[str]]) -> dict[str, int]:
    """Warnings per group key, so a collapsed group can say it holds some."""
    groups = base_groups() + semantic_groups() + component_groups()
    return {g.key: sum(len(by_token.get(c.name, [])) for c in g.controls) for g in groups}
