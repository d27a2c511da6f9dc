"""Component tokens of the usage bars (aliases of semantic roles)."""

from __future__ import annotations

from tokens.group import ComponentGroup

USAGE: dict[str, str] = {
    "usage-title-text": "{text}",
    "usage-body-text": "{text-muted}",
    "usage-track": "{surface-sunken}",
    "usage-fill": "{primary}",
    "usage-fill-warning": "{warning-strong}",
    "usage-fill-full": "{danger}",
    "usage-warning-text": "{warning}",
    "usage-full-text": "{danger}",
    "usage-row-bg": "{surface-raised}",
    "usage-row-border": "{border-subtle}",
}

USAGE_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("usage-title-text", "usage-row-bg"),
    ("usage-body-text", "usage-row-bg"),
    ("usage-warning-text", "usage-row-bg"),
    ("usage-full-text", "usage-row-bg"),
)

GROUP = ComponentGroup(
    key="usage", label="Usage bars", widgets=("usage_bars",), tokens=USAGE,
    contrast_pairs=USAGE_CONTRAST_PAIRS,
)
