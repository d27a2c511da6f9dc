"""Design tokens: pure data and functions (no Reflex), exported as CSS custom properties."""

from theme.tokens.contrast import contrast_ratio, relative_luminance
from theme.tokens.css import to_css
from theme.tokens.model import (
    MODES,
    Theme,
    ThemeError,
    contrast_failures,
    css_name,
    default_theme,
    validate,
)

__all__ = [
    "MODES",
    "Theme",
    "ThemeError",
    "contrast_failures",
    "contrast_ratio",
    "css_name",
    "default_theme",
    "relative_luminance",
    "to_css",
    "validate",
]
