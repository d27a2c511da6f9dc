"""Component tokens of the Checkout widget (aliases of semantic roles)."""

from __future__ import annotations

from tokens.group import ComponentGroup

CHECKOUT: dict[str, str] = {
    "checkout-bg": "{surface-raised}",
    "checkout-border": "{border-subtle}",
    "checkout-radius": "{radius-card}",
    "checkout-shadow": "{shadow-card}",
    "checkout-title-text": "{text}",
    "checkout-body-text": "{text-muted}",
    "checkout-step-text": "{text-muted}",
    "checkout-step-active-text": "{text}",
    "checkout-step-done-bg": "{primary}",
    "checkout-step-done-text": "{primary-text}",
    "checkout-step-bar": "{border-subtle}",
    "checkout-step-bar-active": "{primary}",
    "checkout-option-bg": "{surface-raised}",
    "checkout-option-border": "{border}",
    "checkout-option-selected-border": "{accent}",
    "checkout-option-selected-bg": "{accent-subtle}",
    "checkout-summary-bg": "{surface-sunken}",
    "checkout-summary-text": "{text}",
    "checkout-summary-muted": "{text-muted}",
    "checkout-credit-text": "{success}",
    "checkout-input-bg": "{surface-raised}",
    "checkout-input-border": "{border}",
    "checkout-error-bg": "{danger-soft}",
    "checkout-error-text": "{danger}",
    "checkout-success-bg": "{success-soft}",
    "checkout-success-text": "{success}",
    "checkout-cta-bg": "{primary}",
    "checkout-cta-hover-bg": "{primary-hover}",
    "checkout-cta-text": "{primary-text}",
}

CHECKOUT_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("checkout-title-text", "checkout-bg"),
    ("checkout-body-text", "checkout-bg"),
    ("checkout-step-text", "checkout-bg"),
    ("checkout-step-done-text", "checkout-step-done-bg"),
    ("checkout-title-text", "checkout-option-selected-bg"),
    ("checkout-body-text", "checkout-option-selected-bg"),
    ("checkout-summary-text", "checkout-summary-bg"),
    ("checkout-summary-muted", "checkout-summary-bg"),
    ("checkout-credit-text", "checkout-summary-bg"),
    ("checkout-error-text", "checkout-error-bg"),
    ("checkout-success-text", "checkout-success-bg"),
    ("checkout-cta-text", "checkout-cta-bg"),
    ("checkout-cta-text", "checkout-cta-hover-bg"),
)

GROUP = ComponentGroup(
    key="checkout", label="Checkout", widgets=("checkout",), tokens=CHECKOUT,
    contrast_pairs=CHECKOUT_CONTRAST_PAIRS,
)
