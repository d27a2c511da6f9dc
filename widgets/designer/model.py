"""Pure helpers of the theme designer: which controls it shows (from `tokens.catalogue()`),
edits of an override document, and the preview's scoped CSS with contrast warnings."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from tokens import STARTERS, Theme, build, catalogue, check, default_theme, parse_colour, to_css
from tokens.components import LAYOUT_TOKENS
from tokens.css import DARK_SELECTORS, ROOT_SELECTOR

Doc = dict[str, Any]

COLOUR_ROLES = ("primary", "surface", "surface-raised", "text", "text-muted", "border",
                "success", "warning", "danger")
RADIUS_TOKEN = "radius-card"
RADIUS_RANGE = (0, 32)
WEB_FONT = "Inter"
FONTS: dict[str, str] = {"system-sans": "System sans-serif", "system-serif": "System serif",
                         "system-rounded": "System rounded", "system-mono": "System monospace",
                         WEB_FONT: "Inter (web font)"}
LAYOUT_CHOICES: dict[str, tuple[str, ...]] = {
    "paywall-align": ("left", "center", "right"),
    "paywall-columns": ("auto-fit", "auto-fill", "1", "2", "3", "4", "5", "6"),
}
LABELS = {RADIUS_TOKEN: "Corner radius", "font-family": "Font",
          "paywall-align": "Paywall alignment", "paywall-columns": "Paywall columns"}
PREVIEW_SCOPE = ".tg-preview"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Control:
    """One control of the panel: the token, its label, layer and group (from the catalogue)."""

    name: str
    label: str
    layer: str
    group: str


def controls() -> dict[str, list[Control]]:
    """The designer's main controls by section title (layer · group); every other token,
    the paywall's layout choices included, is in `controls_model`."""
    known = catalogue()

    def control(name: str) -> Control:
        info = known[name]
        return Control(name, LABELS.get(name, info.label), info.layer, info.group)

    return {
        "Semantic · colours": [control(n) for n in COLOUR_ROLES],
        "Semantic · shape and type": [control(RADIUS_TOKEN), control("font-family")],
    }


def to_hex(value: str) -> str:
    """A colour as `#rrggbb` for `<input type=color>` (alpha dropped); black if unparsable."""
    try:
        r, g, b, _ = parse_colour(value)
    except ValueError:
        return "#000000"
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def is_hex(value: str) -> bool:
    return bool(_HEX.match(value.strip()))


def _semantic(doc: Doc, mode: str) -> dict[str, str]:
    tokens = doc.setdefault("tokens", {})
    return tokens.setdefault("semantic", {}).setdefault(mode, {})


def set_colour(doc: Doc, name: str, value: str, mode: str = "light") -> Doc:
    """A copy of `doc` with a semantic colour set for `mode` (light values derive dark)."""
    new = copy.deepcopy(doc)
    _semantic(new, mode)[name] = value.strip().lower()
    return new


def set_radius(doc: Doc, px: int) -> Doc:
    """A copy with the card corner radius (both modes) clamped to `RADIUS_RANGE`."""
    low, high = RADIUS_RANGE
    new = copy.deepcopy(doc)
    _semantic(new, "light")[RADIUS_TOKEN] = f"{max(low, min(high, int(px)))}px"
    return new


def set_font(doc: Doc, family: str) -> Doc:
    """A copy with the font: a system stack or the named web font."""
    if family not in FONTS:
        raise ValueError(f"unknown font {family!r}")
    new = copy.deepcopy(doc)
    new["font"] = {"family": family}
    return new


def set_layout(doc: Doc, name: str, value: str) -> Doc:
    """A copy with a paywall layout choice."""
    if value not in LAYOUT_CHOICES.get(name, ()):
        raise ValueError(f"{name} cannot be {value!r}")
    new = copy.deepcopy(doc)
    new.setdefault("layout", {})[name] = value
    return new


def reset(doc: Doc, name: str) -> Doc:
    """A copy without any override of `name` (both modes, layout, or the font)."""
    new = copy.deepcopy(doc)
    if name == "font-family":
        new.pop("font", None)
    for mode in ("light", "dark"):
        new.get("tokens", {}).get("semantic", {}).get(mode, {}).pop(name, None)
    new.get("layout", {}).pop(name, None)
    return new


def is_overridden(doc: Doc, name: str) -> bool:
    if name == "font-family":
        return "font" in doc
    semantic = doc.get("tokens", {}).get("semantic", {})
    return any(name in semantic.get(m, {}) for m in ("light", "dark")) or name in doc.get(
        "layout", {})


def starter(key: str) -> Doc:
    """A copy of a starter document."""
    return copy.deepcopy(STARTERS[key])


def values(doc: Doc, mode: str) -> dict[str, str]:
    """What the controls show for `mode`: colours as hex, radius in px, font and layout."""
    theme = build(doc)
    shown = {name: to_hex(theme.resolve(mode, name)) for name in COLOUR_ROLES}
    radius = theme.resolve(mode, RADIUS_TOKEN)
    shown[RADIUS_TOKEN] = str(int(float(radius[:-2]))) if radius.endswith("px") else "16"
    shown["font-family"] = (doc.get("font") or {}).get("family", WEB_FONT)
    for name in LAYOUT_CHOICES:
        shown[name] = theme.components[name]
    return shown


def scoped_css(doc: Doc, scope: str = PREVIEW_SCOPE) -> str:
    """The theme's CSS for a preview: its tokens on every `.tg-root` in `scope`, dark ones when
    `scope` has `data-appearance="dark"` (whatever the page's mode), then its custom CSS."""
    theme = build(doc)
    css = to_css(theme)
    css = css.replace(", ".join(DARK_SELECTORS) + " {",
                      f'{scope}[data-appearance="dark"] {ROOT_SELECTOR} {{')
    css = css.replace(f"\n{ROOT_SELECTOR} {{", f"\n{scope} {ROOT_SELECTOR} {{")
    if css.startswith(f"{ROOT_SELECTOR} {{"):
        css = f"{scope} {css}"
    return css + theme.custom_css.replace(ROOT_SELECTOR, f"{scope} {ROOT_SELECTOR}")


def review(doc: Doc) -> tuple[list[str], list[dict[str, Any]]]:
    """The document's errors (`field: message`) and contrast warnings (plain dicts)."""
    result = check(doc)
    errors = [f"{p.field}: {p.message}" for p in result.errors]
    warnings = [{"foreground": w.foreground, "background": w.background, "mode": w.mode,
                 "ratio": w.ratio, "required": w.required,
                 "text": f"{w.foreground} on {w.background} ({w.mode}): {w.ratio:.2f}:1, "
                         f"needs {w.required:g}:1"}
                for w in result.warnings]
    return errors, warnings


def warnings_by_token(warnings: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The warning texts next to each colour control that takes part in the pair."""
    found: dict[str, list[str]] = {name: [] for name in COLOUR_ROLES}
    for w in warnings:
        for name in {w["foreground"], w["background"]} & set(COLOUR_ROLES):
            found[name].append(w["text"])
    return found


def document_of(theme: Theme) -> Doc:
    """The override document of a whole theme (e.g. imported from DTCG): what differs from
    the default theme, with dark values given explicitly."""
    default = default_theme()
    doc: Doc = {"name": theme.name} if theme.name != default.name else {}
    tokens: Doc = {}
    for layer in ("base", "semantic"):
        ours, theirs = getattr(theme, layer), getattr(default, layer)
        modes = {m: {n: v for n, v in ours[m].items() if theirs[m].get(n) != v}
                 for m in ("light", "dark")}
        if any(modes.values()):
            tokens[layer] = modes
    changed = {n: v for n, v in theme.components.items() if default.components.get(n) != v}
    component = {n: v for n, v in changed.items() if n not in LAYOUT_TOKENS}
    layout = {n: v for n, v in changed.items() if n in LAYOUT_TOKENS}
    if component:
        tokens["component"] = component
    if tokens:
        doc["tokens"] = tokens
    if layout:
        doc["layout"] = layout
    if theme.font_face:
        family, url = theme.font_face
        doc["font"] = {"family": family, "url": url}
    if theme.texts:
        doc["texts"] = theme.texts
    if theme.custom_css:
        doc["custom_css"] = theme.custom_css
    return doc
