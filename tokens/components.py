"""Component tokens: per-widget knobs that alias semantic roles (never base colours).

Each widget family declares a `GROUP` in its own module; this module only lists them.
"""

from __future__ import annotations

from tokens import checkout, credit_charts, credits, paywall, portal, usage
from tokens.group import ComponentGroup

GROUPS: tuple[ComponentGroup, ...] = (
    paywall.GROUP, checkout.GROUP, portal.GROUP, usage.GROUP, credits.GROUP, credit_charts.GROUP,
)

COMPONENTS: dict[str, str] = {name: value for g in GROUPS for name, value in g.tokens.items()}

COMPONENT_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = tuple(
    pair for g in GROUPS for pair in g.contrast_pairs)

COMPONENT_UI_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = tuple(
    pair for g in GROUPS for pair in g.ui_contrast_pairs)

LAYOUT_TOKENS: tuple[str, ...] = tuple(name for g in GROUPS for name in g.layout)
