"""Export a theme as CSS custom properties scoped to `.tg-root`."""

from __future__ import annotations

from tokens.model import Theme, alias_target, css_name

ROOT_SELECTOR = ".tg-root"
DARK_SELECTORS = (
    ".dark .tg-root",
    ".tg-root.dark",
    '.tg-root[data-appearance="dark"]',
)


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


def to_css(theme: Theme) -> str:
    """CSS for a theme: every token on `.tg-root`, then the dark-mode differences.

    Aliases become `var(--tg-...)` references, so component tokens follow their roles and
    a host (or the designer) can override a single role on any `.tg-root` element. Dark mode
    applies under Reflex's `.dark` class on <html>, a `.dark` root or `data-appearance="dark"`.
    A web font comes first as `@font-face`. The theme's scoped `custom_css` is not included:
    it goes after the widgets' own rules (see widgets/_ui/styles.py `widget_css`).
    """
    light = theme.tokens("light")
    dark = theme.tokens("dark")
    dark_diff = {name: value for name, value in dark.items() if light.get(name) != value}
    dark_block = _block(", ".join(DARK_SELECTORS), dark_diff, "dark")
    return font_face(theme) + _block(ROOT_SELECTOR, light, "light") + dark_block
