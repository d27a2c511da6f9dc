"""A theme as stored: an override document over the default theme, checked and built.

    {"name": "Acme",
     "tokens": {"base": {"light": {...}, "dark": {...}},
                "semantic": {"light": {...}, "dark": {...}},
                "component": {...}},                      # shared by both modes
     "font": {"family": "serif"} | {"family": "Fraunces", "url": "https://..."},
     "layout": {"paywall-align": "center", "paywall-columns": "3", ...},
     "texts": {"paywall": {"en": {"key": "text"}}},
     "custom_css": ".tg-root .tg-plan-card { ... }"}

Derived dark: a base or semantic colour given for light only gets a dark value by one rule.
An alias is kept (scale steps already have dark values). A literal colour follows the default
theme's own change of that token between modes: its HSL lightness moves by the same amount
(hue, saturation and alpha kept). So a pale surface turns deep like `surface` does, dark text
turns light, and a solid fill such as `primary` (the same in both modes) stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tokens.colour import is_colour, lightness, shift_lightness
from tokens.components import LAYOUT_TOKENS
from tokens.model import (
    MODES,
    ContrastWarning,
    Problem,
    Theme,
    alias_target,
    contrast_warnings,
    default_theme,
    problems,
)
from tokens.registry import ALIGNMENTS, catalogue, widget_kinds
from tokens.scope import scope_css

SYSTEM_FONTS: dict[str, str] = {
    "system-sans": ('-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", '
                    'Arial, "Liberation Sans", sans-serif'),
    "system-serif": ('"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, '
                     '"DejaVu Serif", serif'),
    "system-rounded": ('ui-rounded, "SF Pro Rounded", "Nunito", "Varela Round", '
                       '-apple-system, "Segoe UI", sans-serif'),
    "system-mono": 'ui-monospace, SFMono-Regular, Menlo, "DejaVu Sans Mono", monospace',
}
LAYERS = ("base", "semantic", "component")
_DIMENSION = re.compile(r"^(?:0|-?\d{1,4}(?:\.\d{1,3})?(?:px|rem|em|%|vw|ch))$")
_WEIGHT = re.compile(r"^(?:[1-9]00|normal|bold)$")
_FAMILY = re.compile(r"^[A-Za-z0-9 ,\"'\-]{1,300}$")
_SHADOW = re.compile(r"^[A-Za-z0-9 .,()#%\-]{1,300}$")
_FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,63}$")
_URL = re.compile(r"^https://[A-Za-z0-9.\-]+(?::\d+)?/[A-Za-z0-9._~/%\-]*(?:\?[A-Za-z0-9=&._%\-]*)?$")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_TEXT_KEY = re.compile(r"^[a-z][a-z0-9_.\-]{0,80}$")


@dataclass(frozen=True)
class Checked:
    """A document checked: the built theme (None when there are errors), errors, warnings."""

    theme: Theme | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[ContrastWarning] = field(default_factory=list)


def _check_literal(kind: str, value: str) -> str | None:
    """Why `value` is not a valid literal of type `kind`, or None."""
    if kind == "color":
        return None if is_colour(value) else "is not a colour (hex, rgb() or hsl())"
    rules = {"dimension": _DIMENSION, "fontWeight": _WEIGHT, "fontFamily": _FAMILY,
             "shadow": _SHADOW}
    if kind in rules:
        return None if rules[kind].match(value) else f"is not a valid {kind}"
    if kind == "alignment":
        return None if value in ALIGNMENTS else f"must be one of {', '.join(ALIGNMENTS)}"
    if kind == "columns":
        ok = value in ("auto-fit", "auto-fill") or value in {str(n) for n in range(1, 7)}
        return None if ok else "must be auto-fit, auto-fill or 1 to 6"
    return f"unknown type {kind}"


def _check_tokens(where: str, layer: str, values: Any, errors: list[Problem]) -> None:
    known = catalogue()
    if not isinstance(values, Mapping):
        errors.append(Problem(where, "must be an object of token -> value"))
        return
    for name, value in values.items():
        info = known.get(name)
        at = f"{where}.{name}"
        if info is None or info.layer != layer:
            errors.append(Problem(at, f"unknown {layer} token {name!r}"))
            continue
        if not isinstance(value, str):
            errors.append(Problem(at, "must be a string"))
            continue
        target = alias_target(value)
        if target is not None:
            if target not in known:
                errors.append(Problem(at, f"aliases unknown token {target!r}"))
            elif known[target].type != info.type:
                errors.append(Problem(at, f"a {info.type} cannot alias {target} "
                                          f"({known[target].type})"))
            continue
        reason = _check_literal(info.type, value)
        if reason:
            errors.append(Problem(at, f"{value!r} {reason}"))


def _check_texts(texts: Any, errors: list[Problem]) -> None:
    if not isinstance(texts, Mapping):
        errors.append(Problem("texts", "must be an object of widget -> locale -> texts"))
        return
    for widget, locales in texts.items():
        if widget not in widget_kinds() or not isinstance(locales, Mapping):
            errors.append(Problem(f"texts.{widget}", "unknown widget or not an object"))
            continue
        for locale, entries in locales.items():
            at = f"texts.{widget}.{locale}"
            if not _LOCALE.match(str(locale)) or not isinstance(entries, Mapping):
                errors.append(Problem(at, "bad locale or not an object"))
                continue
            for key, text in entries.items():
                if not _TEXT_KEY.match(str(key)) or not isinstance(text, str) or len(text) > 500:
                    errors.append(Problem(f"{at}.{key}", "bad key or text (500 characters)"))


def _check_font(font: Any, errors: list[Problem]) -> None:
    if not isinstance(font, Mapping) or not isinstance(font.get("family"), str):
        errors.append(Problem("font.family", "must name a system stack or a font"))
        return
    family, url = font["family"], font.get("url")
    if family not in SYSTEM_FONTS and not _FONT_NAME.match(family):
        errors.append(Problem("font.family", f"{family!r} is not a font name"))
    if url is not None and (not isinstance(url, str) or not _URL.match(url)):
        errors.append(Problem("font.url", "must be a plain https:// URL of a font file"))
    if set(font) - {"family", "url"}:
        errors.append(Problem("font", "only family and url are allowed"))


def derive_dark(name: str, light_value: str, default: Theme) -> str:
    """The dark value of a light-only override (see the module docstring)."""
    if alias_target(light_value) is not None or not is_colour(light_value):
        return light_value
    was, becomes = default.resolve("light", name), default.resolve("dark", name)
    if was == becomes or not (is_colour(was) and is_colour(becomes)):
        return light_value
    return shift_lightness(light_value, lightness(becomes) - lightness(was))


def _mode_layer(doc: Mapping[str, Any], layer: str, default: Theme) -> dict[str, dict[str, str]]:
    given = (doc.get("tokens") or {}).get(layer) or {}
    light, dark = dict(given.get("light") or {}), dict(given.get("dark") or {})
    for name, value in light.items():
        dark.setdefault(name, derive_dark(name, value, default))
    return {"light": light, "dark": dark}


def build(doc: Mapping[str, Any]) -> Theme:
    """The theme a (checked) document describes, over the default theme."""
    default = default_theme()
    base, semantic = _mode_layer(doc, "base", default), _mode_layer(doc, "semantic", default)
    font, font_face = doc.get("font"), None
    if font:
        family = font["family"]
        stack = SYSTEM_FONTS.get(family) or f'"{family}", {SYSTEM_FONTS["system-sans"]}'
        for mode in MODES:
            base[mode].setdefault("font.body", stack)
        font_face = (family, font["url"]) if font.get("url") else None
    components = {**default.components, **((doc.get("tokens") or {}).get("component") or {}),
                  **(doc.get("layout") or {})}
    return replace(
        default,
        name=str(doc.get("name") or default.name),
        base={m: {**default.base[m], **base[m]} for m in MODES},
        semantic={m: {**default.semantic[m], **semantic[m]} for m in MODES},
        components=components,
        font_face=font_face,
        texts=doc.get("texts") or {},
        custom_css=scope_css(doc.get("custom_css") or "").css,
    )


def check(doc: Any) -> Checked:
    """Validate an override document: field errors, or the theme and its contrast warnings."""
    errors: list[Problem] = []
    if not isinstance(doc, Mapping):
        return Checked(None, [Problem("document", "must be an object")])
    extra = set(doc) - {"name", "tokens", "font", "layout", "texts", "custom_css"}
    errors += [Problem(key, "unknown field") for key in sorted(extra)]
    tokens = doc.get("tokens") or {}
    if not isinstance(tokens, Mapping):
        errors.append(Problem("tokens", "must be an object of layer -> values"))
        tokens = {}
    for layer in set(tokens) - set(LAYERS):
        errors.append(Problem(f"tokens.{layer}", "unknown layer (base, semantic, component)"))
    for layer in ("base", "semantic"):
        modes = tokens.get(layer) or {}
        if not isinstance(modes, Mapping) or set(modes) - set(MODES):
            errors.append(Problem(f"tokens.{layer}", "must be an object of light/dark values"))
            continue
        for mode in MODES:
            _check_tokens(f"tokens.{layer}.{mode}", layer, modes.get(mode) or {}, errors)
    component = tokens.get("component") or {}
    _check_tokens("tokens.component", "component", component, errors)
    if isinstance(component, Mapping):
        errors += [Problem(f"tokens.component.{n}", "a layout choice: set it under layout")
                   for n in component if n in LAYOUT_TOKENS]
    layout = doc.get("layout") or {}
    _check_tokens("layout", "component", layout, errors)
    if isinstance(layout, Mapping):
        errors += [Problem(f"layout.{n}", "not a layout choice")
                   for n in layout if n in catalogue() and n not in LAYOUT_TOKENS]
    if doc.get("font") is not None:
        _check_font(doc["font"], errors)
    _check_texts(doc.get("texts") or {}, errors)
    css = doc.get("custom_css") or ""
    if not isinstance(css, str):
        errors.append(Problem("custom_css", "must be a string"))
    else:
        errors += [Problem("custom_css", f"removed: {r}") for r in scope_css(css).removed]
    if not isinstance(doc.get("name", ""), str):
        errors.append(Problem("name", "must be a string"))
    if errors:
        return Checked(None, errors)
    theme = build(doc)
    found = problems(theme)
    if found:
        return Checked(None, found)
    return Checked(theme, [], contrast_warnings(theme))
