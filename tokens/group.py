"""How a widget declares its component tokens, so the designer can discover and list them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Pair = tuple[str, str]


@dataclass(frozen=True)
class ComponentGroup:
    """One widget family's component tokens.

    `tokens` maps names to defaults (usually aliases of semantic roles); `types` names the
    type of literal tokens (aliases take the type of what they alias); `labels` overrides the
    label derived from a name; `layout` lists the mode-independent layout choices; the pairs
    are the text/background (4.5:1) and UI (3:1) pairs the widgets draw.
    """

    key: str
    label: str
    widgets: tuple[str, ...]
    tokens: Mapping[str, str]
    contrast_pairs: tuple[Pair, ...] = ()
    ui_contrast_pairs: tuple[Pair, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    layout: tuple[str, ...] = ()
