"""Design tokens: pure data and functions (no Reflex, nothing of ours outside this package).

The token model (base -> semantic -> component, light and dark), the catalogue the designer
lists, theme documents (overrides over the default) with their checks, contrast maths, scoped
custom CSS, and exports as CSS custom properties and DTCG JSON. Both `backend` (to validate
and serve themes) and `widgets`/`theme` (to render them) import it.
"""

from tokens.colour import is_colour, parse_colour, shift_lightness
from tokens.contrast import contrast_ratio, relative_luminance
from tokens.css import WIDGET_ROOT_CLASSES, to_css, widget_theme_css
from tokens.document import SYSTEM_FONTS, Checked, build, check, derive_dark
from tokens.dtcg import export_dtcg, import_dtcg
from tokens.model import (
    MODES,
    ContrastWarning,
    Problem,
    Theme,
    ThemeError,
    contrast_failures,
    contrast_warnings,
    css_name,
    default_theme,
    problems,
    validate,
)
from tokens.registry import TokenInfo, catalogue, widget_kinds, widget_tokens
from tokens.scope import ScopedCss, scope_css
from tokens.starters import STARTERS

__all__ = [
    "MODES", "STARTERS", "SYSTEM_FONTS", "WIDGET_ROOT_CLASSES", "Checked", "ContrastWarning", "Problem", "ScopedCss",
    "Theme", "ThemeError", "TokenInfo", "build", "catalogue", "check", "contrast_failures",
    "contrast_ratio", "contrast_warnings", "css_name", "default_theme", "derive_dark",
    "export_dtcg", "import_dtcg", "is_colour", "parse_colour", "shift_lightness", "problems",
    "relative_luminance", "scope_css", "to_css", "validate", "widget_kinds", "widget_theme_css",
    "widget_tokens",
]
