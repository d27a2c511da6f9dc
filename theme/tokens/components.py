"""Component tokens: per-widget knobs that alias semantic roles (never base tokens)."""

from __future__ import annotations

from theme.tokens.checkout import CHECKOUT, CHECKOUT_CONTRAST_PAIRS
from theme.tokens.credit_charts import CREDIT_CHARTS, CREDIT_CHARTS_CONTRAST_PAIRS
from theme.tokens.credits import CREDITS, CREDITS_CONTRAST_PAIRS
from theme.tokens.portal import PORTAL, PORTAL_CONTRAST_PAIRS
from theme.tokens.usage import USAGE, USAGE_CONTRAST_PAIRS

PAYWALL: dict[str, str] = {
    "paywall-gap": "{space.5}",
    "paywall-card-bg": "{surface-raised}",
    "paywall-card-border": "{border-subtle}",
    "paywall-card-radius": "{radius-card}",
    "paywall-card-shadow": "{shadow-card}",
    "paywall-card-current-bg": "{surface-raised}",
    "paywall-highlight-border": "{accent}",
    "paywall-highlight-shadow": "{shadow-raised}",
    "paywall-highlight-bg": "{accent-subtle}",
    "paywall-chip-bg": "{accent}",
    "paywall-chip-text": "{primary-text}",
    "paywall-current-chip-bg": "{accent-soft}",
    "paywall-current-chip-text": "{accent-text}",
    "paywall-title-text": "{text}",
    "paywall-body-text": "{text-muted}",
    "paywall-price-text": "{text}",
    "paywall-caption-text": "{text-muted}",
    "paywall-check": "{primary-soft-text}",
    "paywall-divider": "{border-subtle}",
    "paywall-cta-bg": "{primary}",
    "paywall-cta-hover-bg": "{primary-hover}",
    "paywall-cta-text": "{primary-text}",
    "paywall-cta-secondary-bg": "{surface-raised}",
    "paywall-cta-secondary-hover-bg": "{surface-hover}",
    "paywall-cta-secondary-text": "{text}",
    "paywall-cta-secondary-border": "{border}",
    "paywall-cta-disabled-bg": "{surface-sunken}",
    "paywall-cta-disabled-text": "{text-muted}",
    "paywall-cta-radius": "{radius-control}",
    "paywall-toggle-bg": "{surface-sunken}",
    "paywall-toggle-border": "{border-subtle}",
    "paywall-toggle-active-bg": "{surface-raised}",
    "paywall-toggle-text": "{text-muted}",
    "paywall-toggle-active-text": "{text}",
    "paywall-badge-bg": "{success-soft}",
    "paywall-badge-text": "{success}",
    "paywall-skeleton": "{surface-sunken}",
    "paywall-error-bg": "{danger-soft}",
    "paywall-error-text": "{danger}",
    "paywall-focus-ring": "{focus-ring}",
}

COMPONENTS: dict[str, str] = {**PAYWALL, **CHECKOUT, **PORTAL, **USAGE, **CREDITS,
                               **CREDIT_CHARTS}

# Component text/background pairs checked like the semantic ones.
COMPONENT_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("paywall-title-text", "paywall-card-bg"),
    ("paywall-body-text", "paywall-card-bg"),
    ("paywall-caption-text", "paywall-card-bg"),
    ("paywall-check", "paywall-card-bg"),
    ("paywall-title-text", "paywall-highlight-bg"),
    ("paywall-body-text", "paywall-highlight-bg"),
    ("paywall-caption-text", "paywall-highlight-bg"),
    ("paywall-check", "paywall-highlight-bg"),
    ("paywall-chip-text", "paywall-chip-bg"),
    ("paywall-current-chip-text", "paywall-current-chip-bg"),
    ("paywall-cta-text", "paywall-cta-bg"),
    ("paywall-cta-text", "paywall-cta-hover-bg"),
    ("paywall-cta-secondary-text", "paywall-cta-secondary-bg"),
    ("paywall-cta-secondary-text", "paywall-cta-secondary-hover-bg"),
    ("paywall-cta-disabled-text", "paywall-cta-disabled-bg"),
    ("paywall-toggle-text", "paywall-toggle-bg"),
    ("paywall-toggle-active-text", "paywall-toggle-active-bg"),
    ("paywall-badge-text", "paywall-badge-bg"),
    ("paywall-error-text", "paywall-error-bg"),
    *CHECKOUT_CONTRAST_PAIRS,
    *PORTAL_CONTRAST_PAIRS,
    *USAGE_CONTRAST_PAIRS,
    *CREDITS_CONTRAST_PAIRS,
    *CREDIT_CHARTS_CONTRAST_PAIRS,
)
