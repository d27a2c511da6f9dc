"""The token catalogue: every token with its layer, type, label and group, for the designer.

Types follow the DTCG names where one exists (color, dimension, fontFamily, fontWeight,
shadow); `alignment` and `columns` are layout choices of ours. A component token that aliases
another takes that token's type; literal component tokens declare theirs in their group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tokens.base import base_tokens
from tokens.components import GROUPS
from tokens.semantic import SEMANTIC_LIGHT

TOKEN_TYPES = ("color", "dimension", "fontFamily", "fontWeight", "shadow", "alignment",
               "columns")
ALIGNMENTS = ("left", "center", "right")
_ALIAS = re.compile(r"^\{([a-z0-9.\-]+)\}$")
_WORDS = {"bg": "background", "cta": "CTA", "ui": "UI", "qty": "quantity"}


@dataclass(frozen=True)
class TokenInfo:
    """One token as the designer lists it."""

    name: str
    layer: str  # base | semantic | component
    type: str
    label: str
    group: str  # a base family, "roles", or a component group key
    widgets: tuple[str, ...] = ()


def _base_type(name: str) -> str:
    if name.startswith("shadow."):
        return "shadow"
    if name.startswith(("radius.", "space.", "font.size.")):
        return "dimension"
    if name.startswith("font.weight."):
        return "fontWeight"
    if name.startswith("font."):
        return "fontFamily"
    return "color"


def label(name: str, prefix: str = "") -> str:
    """`paywall-card-bg` in group `paywall` -> `Card background`."""
    rest = name[len(prefix) + 1:] if prefix and name.startswith(prefix + "-") else name
    words = [_WORDS.get(w, w) for w in re.split(r"[-.]", rest)]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@cache
def catalogue() -> dict[str, TokenInfo]:
    """Every token of the default theme by name, in layer order."""
    found: dict[str, TokenInfo] = {}
    for name in base_tokens("light"):
        found[name] = TokenInfo(name, "base", _base_type(name), label(name),
                                name.split(".")[0])

    def aliased_type(value: str) -> str:
        match = _ALIAS.match(value)
        return found[match.group(1)].type if match else "color"

    for name, value in SEMANTIC_LIGHT.items():
        found[name] = TokenInfo(name, "semantic", aliased_type(value), label(name), "roles")
    for group in GROUPS:
        prefix = group.key.split("-")[0]
        for name, value in group.tokens.items():
            kind = group.types.get(name) or aliased_type(value)
            text = group.labels.get(name) or label(name, prefix)
            found[name] = TokenInfo(name, "component", kind, text, group.key, group.widgets)
    return found


def widget_tokens(widget: str) -> list[TokenInfo]:
    """The component tokens a widget (factory name, e.g. `paywall`) reads."""
    return [t for t in catalogue().values() if widget in t.widgets]


def widget_kinds() -> tuple[str, ...]:
    """Every widget that has component tokens (the kinds a theme can be assigned to)."""
    return tuple(w for g in GROUPS for w in g.widgets)
