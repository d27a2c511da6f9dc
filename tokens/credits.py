"""Component tokens of the credit balance and auto-recharge widgets (aliases of semantic
roles)."""

from __future__ import annotations

from tokens.group import ComponentGroup

CREDITS: dict[str, str] = {
    "credits-bg": "{surface-raised}",
    "credits-border": "{border-subtle}",
    "credits-radius": "{radius-card}",
    "credits-shadow": "{shadow-card}",
    "credits-title-text": "{text}",
    "credits-body-text": "{text-muted}",
    "credits-amount-text": "{text}",
    "credits-overdraft-text": "{danger}",
    "credits-track": "{surface-sunken}",
    "credits-fill": "{primary}",
    "credits-fill-low": "{warning-strong}",
    "credits-fill-empty": "{danger}",
    "credits-icon": "{primary-soft-text}",
    "credits-chip-success-bg": "{success-soft}",
    "credits-chip-success-text": "{success}",
    "credits-chip-warning-bg": "{warning-soft}",
    "credits-chip-warning-text": "{warning}",
    "credits-chip-danger-bg": "{danger-soft}",
    "credits-chip-danger-text": "{danger}",
    "credits-chip-neutral-bg": "{surface-sunken}",
    "credits-chip-neutral-text": "{text-muted}",
    "credits-error-bg": "{danger-soft}",
    "credits-error-text": "{danger}",
    "credits-warning-bg": "{warning-soft}",
    "credits-warning-text": "{warning}",
    "credits-warning-border": "{warning-strong}",
    "credits-notice-bg": "{success-soft}",
    "credits-notice-text": "{success}",
    "credits-option-bg": "{surface-raised}",
    "credits-option-border": "{border}",
    "credits-option-selected-bg": "{accent-subtle}",
    "credits-option-selected-border": "{accent}",
    "credits-input-bg": "{surface-raised}",
    "credits-input-border": "{border}",
    "credits-affix-bg": "{surface-sunken}",
    "credits-affix-text": "{text-muted}",
    "credits-summary-bg": "{surface-sunken}",
    "credits-primary-bg": "{primary}",
    "credits-primary-hover-bg": "{primary-hover}",
    "credits-primary-text": "{primary-text}",
    "credits-switch-off-bg": "{border-strong}",
    "credits-switch-on-bg": "{primary}",
    "credits-switch-thumb": "{surface-raised}",
}

CREDITS_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("credits-title-text", "credits-bg"),
    ("credits-body-text", "credits-bg"),
    ("credits-amount-text", "credits-bg"),
    ("credits-overdraft-text", "credits-bg"),
    ("credits-chip-success-text", "credits-chip-success-bg"),
    ("credits-chip-warning-text", "credits-chip-warning-bg"),
    ("credits-chip-danger-text", "credits-chip-danger-bg"),
    ("credits-chip-neutral-text", "credits-chip-neutral-bg"),
    ("credits-error-text", "credits-error-bg"),
    ("credits-error-text", "credits-bg"),
    ("credits-warning-text", "credits-warning-bg"),
    ("credits-notice-text", "credits-notice-bg"),
    ("credits-title-text", "credits-option-selected-bg"),
    ("credits-body-text", "credits-option-selected-bg"),
    ("credits-title-text", "credits-summary-bg"),
    ("credits-body-text", "credits-summary-bg"),
    ("credits-affix-text", "credits-affix-bg"),
    ("credits-primary-text", "credits-primary-bg"),
    ("credits-primary-text", "credits-primary-hover-bg"),
)

GROUP = ComponentGroup(
    key="credits", label="Credit balance and auto-recharge", widgets=("credit_balance", "auto_recharge"), tokens=CREDITS,
    contrast_pairs=CREDITS_CONTRAST_PAIRS,
)
