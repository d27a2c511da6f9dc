"""Component tokens of the CustomerPortal widget (aliases of semantic roles)."""

from __future__ import annotations

from tokens.group import ComponentGroup

PORTAL: dict[str, str] = {
    "portal-bg": "{surface-raised}",
    "portal-border": "{border-subtle}",
    "portal-radius": "{radius-card}",
    "portal-shadow": "{shadow-card}",
    "portal-section-title-text": "{text-muted}",
    "portal-plan-name-text": "{text}",
    "portal-body-text": "{text-muted}",
    "portal-amount-text": "{text}",
    "portal-status-bg": "{success-soft}",
    "portal-status-text": "{success}",
    "portal-trial-bg": "{accent-soft}",
    "portal-trial-text": "{accent-text}",
    "portal-warning-bg": "{warning-soft}",
    "portal-warning-text": "{warning}",
    "portal-danger-bg": "{danger-soft}",
    "portal-danger-text": "{danger}",
    "portal-alert-bg": "{accent-subtle}",
    "portal-alert-border": "{accent-soft}",
    "portal-danger-button-bg": "{danger}",
    "portal-danger-button-text": "{surface-raised}",
    "portal-primary-bg": "{primary}",
    "portal-primary-text": "{primary-text}",
    "portal-check": "{primary-soft-text}",
    "portal-row-border": "{border-subtle}",
}

PORTAL_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("portal-plan-name-text", "portal-bg"),
    ("portal-body-text", "portal-bg"),
    ("portal-section-title-text", "portal-bg"),
    ("portal-status-text", "portal-status-bg"),
    ("portal-trial-text", "portal-trial-bg"),
    ("portal-warning-text", "portal-warning-bg"),
    ("portal-danger-text", "portal-danger-bg"),
    ("portal-plan-name-text", "portal-alert-bg"),
    ("portal-body-text", "portal-alert-bg"),
    ("portal-danger-button-text", "portal-danger-button-bg"),
    ("portal-primary-text", "portal-primary-bg"),
)

GROUP = ComponentGroup(
    key="portal", label="Customer portal", widgets=("customer_portal",), tokens=PORTAL,
    contrast_pairs=PORTAL_CONTRAST_PAIRS,
)
