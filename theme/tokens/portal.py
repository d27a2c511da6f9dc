"""Component tokens of the CustomerPortal widget (aliases of semantic roles)."""

from __future__ import annotations

PORTAL: dict[str, str] = {
    "portal-bg": "{surface-raised}",
    "portal-border": "{border-subtle}",
    "portal-radius": "{radius-card}",
    "portal-section-title-text": "{text-muted}",
    "portal-plan-name-text": "{text}",
    "portal-body-text": "{text-muted}",
}

PORTAL_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("portal-plan-name-text", "portal-bg"),
    ("portal-body-text", "portal-bg"),
    ("portal-section-title-text", "portal-bg"),
)
