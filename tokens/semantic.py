"""Semantic tokens: roles (surface, text, primary...) that alias base tokens.

A value in braces, such as `{gray.12}`, aliases another token; anything else is a literal.
Roles mostly alias the same scale step in both modes; `SEMANTIC_DARK` lists the exceptions.
"""

from __future__ import annotations

SEMANTIC_LIGHT: dict[str, str] = {
    "surface": "{gray.2}",
    "surface-raised": "{white}",
    "surface-sunken": "{gray.3}",
    "surface-hover": "{gray.3}",
    "text": "{gray.12}",
    "text-muted": "{gray.11}",
    "text-subtle": "{gray.11}",
    "border": "{gray.6}",
    "border-subtle": "{gray.4}",
    "border-strong": "{gray.8}",
    "primary": "{indigo.9}",
    "primary-hover": "{indigo.10}",
    "primary-text": "{white}",
    "primary-soft": "{indigo.3}",
    "primary-soft-text": "{indigo.11}",
    "accent": "{indigo.9}",
    "accent-soft": "{indigo.3}",
    "accent-subtle": "{indigo.2}",
    "accent-text": "{indigo.11}",
    "success": "{green.11}",
    "success-soft": "{green.3}",
    "danger": "{red.11}",
    "danger-soft": "{red.3}",
    "warning": "{amber.11}",
    "warning-soft": "{amber.1}",
    "warning-strong": "{amber.9}",
    "focus-ring": "{indigo.9}",
    "shadow-card": "{shadow.2}",
    "shadow-raised": "{shadow.3}",
    "radius-control": "{radius.2}",
    "radius-card": "{radius.4}",
    "font-family": "{font.body}",
    # Data visualisation: series colours in a fixed order, apart in hue and lightness, each
    # at least 3:1 against raised surfaces (WCAG 1.4.11) in both modes.
    "chart-1": "{indigo.9}",
    "chart-2": "{orange.10}",
    "chart-3": "{teal.10}",
    "chart-4": "{pink.11}",
    "chart-5": "{amber.11}",
    "chart-6": "{purple.9}",
    "chart-7": "{cyan.10}",
    "chart-8": "{red.11}",
    "chart-9": "{green.11}",
    "chart-10": "{gray.11}",
}

SEMANTIC_DARK: dict[str, str] = {
    **SEMANTIC_LIGHT,
    "surface": "{gray.1}",
    "surface-raised": "{gray.2}",
    "surface-sunken": "{gray.3}",
    "surface-hover": "{gray.4}",
    "primary-hover": "{indigo.8}",
    "focus-ring": "{indigo.11}",
    "chart-1": "{indigo.10}",
    "chart-2": "{orange.9}",
    "chart-3": "{teal.9}",
    "chart-4": "{pink.10}",
    "chart-5": "{amber.9}",
    "chart-6": "{purple.10}",
    "chart-7": "{cyan.11}",
    "chart-8": "{red.10}",
}

# Text-on-background pairs every theme must keep at WCAG AA (4.5:1) in both modes.
CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "surface"),
    ("text", "surface-raised"),
    ("text", "surface-sunken"),
    ("text-muted", "surface"),
    ("text-muted", "surface-raised"),
    ("text-muted", "surface-sunken"),
    ("primary-text", "primary"),
    ("primary-text", "primary-hover"),
    ("primary-soft-text", "primary-soft"),
    ("primary-soft-text", "surface-raised"),
    ("accent-text", "accent-soft"),
    ("text", "accent-subtle"),
    ("text-muted", "accent-subtle"),
    ("success", "success-soft"),
    ("success", "surface-raised"),
    ("danger", "danger-soft"),
    ("danger", "surface-raised"),
    ("warning", "warning-soft"),
    ("warning", "surface-raised"),
)

# Non-text pairs (focus rings, the highlighted border) that need 3:1 (WCAG 1.4.11).
UI_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("focus-ring", "surface"),
    ("focus-ring", "surface-raised"),
    ("focus-ring", "surface-sunken"),
    ("focus-ring", "accent-subtle"),
    ("accent", "surface"),
    ("accent", "surface-raised"),
    *((f"chart-{i}", "surface-raised") for i in range(1, 11)),
)
