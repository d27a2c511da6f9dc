"""Export a theme as CSS custom properties scoped to `.tg-root`, or to the roots of one widget
kind (a theme assigned to that widget)."""

from __future__ import annotations

from tokens.model import Theme, alias_target, css_name
from tokens.scope import scope_css

ROOT_SELECTOR = ".tg-root"

# The classes on the root elements of each widget kind (its dialogs render outside it).
WIDGET_ROOT_CLASSES: dict[str, tuple[str, ...]] = {
    "paywall": ("tg-paywall",),
    "checkout": ("tg-checkout",),
    "customer_portal": ("tg-portal", "tg-portal-dialog"),
    "usage_bars": ("tg-usage",),
    "credit_balance": ("tg-credits-balance", "tg-credits-dialog"),
    "auto_recharge": ("tg-credits-recharge",),
    "credit_usage": ("tg-credit-usage",),
    "credit_grants": ("tg-credit-grants",),
}


def dark_selectors(root: str = ROOT_SELECTOR) -> tuple[str, ...]:
    """Where dark values apply: under Reflex's `.dark` on <html>, a `.dark` root or
    `data-appearance="dark"` on the root."""
    return (f".dark {root}", f"{root}.dark", f'{root}[data-appearance="dark"]')


DARK_SELECTORS = dark_selectors()


def widget_root(widget: str) -> str:
    """`.tg-root:where(.tg-paywall)`: the roots of one widget kind, with the specificity of
    `.tg-root` so a theme in code (after it) still wins, as for the default theme."""
    classes = ", ".join(f".{c}" for c in WIDGET_ROOT_CLASSES[widget])
    return f"{ROOT_SELECTOR}:where({classes})"


def _value(raw: str) -> str:
    target = alias_target(raw)
    return f"var({css_name(target)})" if target else raw


def _block(selector: str, declarations: dict[str, str], scheme: str) -> str:
    lines = [f"  color-scheme: {scheme};"]
    lines += [f"  {css_name(name)}: {_value(value)};" for name, value in declarations.items()]
    return f"{selector} {{\n" + "\n".join(lines) + "\n}\n"


def font_face(theme: Theme) -> str:
    """The `@font-face` rule of a theme's web font, or "" (values were checked on input)."""
    if theme.font_face is None:
        return ""
    family, url = theme.font_face
    return (f'@font-face {{ font-family: "{family}"; src: url("{url}"); '
            "font-display: swap; }\n")


def to_css(theme: Theme, root: str = ROOT_SELECTOR) -> str:
    """CSS for a theme: every token on `root` (every `.tg-root`), then the dark differences.

    Aliases become `var(--tg-...)` references, so component tokens follow their roles and
    a host (or the designer) can override a single role on any `.tg-root` element. Dark mode
    applies under Reflex's `.dark` class on <html>, a `.dark` root or `data-appearance="dark"`.
    A web font comes first as `@font-face`. The theme's scoped `custom_css` is not included:
    it goes after the widgets' own rules (see widgets/_ui/styles.py `widget_css`).
    """
    light = theme.tokens("light")
    dark = theme.tokens("dark")
    dark_diff = {name: value for name, value in dark.items() if light.get(name) != value}
    dark_block = _block(", ".join(dark_selectors(root)), dark_diff, "dark")
    return font_face(theme) + _block(root, light, "light") + dark_block


def widget_theme_css(theme: Theme, widget: str) -> str:
    """A theme assigned to one widget kind: its tokens and its custom CSS on that kind's roots
    only, to follow the default theme's CSS."""
    root = widget_root(widget)
    return to_css(theme, root) + scope_css(theme.custom_css, root).css
