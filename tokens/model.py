"""The token model: a theme is three layers (base -> semantic -> component) per mode.

Values in braces (`{gray.12}`) alias another token of the same mode; anything else is a
literal. Semantic tokens alias base tokens; component tokens alias semantic tokens (or
non-colour base tokens such as spacing), so a theme is restyled by changing a few roles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from tokens.base import base_tokens
from tokens.colour import is_colour
from tokens.components import COMPONENT_CONTRAST_PAIRS, COMPONENT_UI_CONTRAST_PAIRS, COMPONENTS
from tokens.contrast import contrast_ratio
from tokens.semantic import (
    CONTRAST_PAIRS,
    SEMANTIC_DARK,
    SEMANTIC_LIGHT,
    UI_CONTRAST_PAIRS,
)

MODES: tuple[str, str] = ("light", "dark")
_ALIAS = re.compile(r"^\{([a-z0-9.\-]+)\}$")


class ThemeError(ValueError):
    """A theme whose aliases cannot be resolved or that breaks the layering rules."""


def alias_target(value: str) -> str | None:
    """The token name a value aliases (`"{gray.12}"` -> `"gray.12"`), or None for a literal."""
    match = _ALIAS.match(value)
    return match.group(1) if match else None


def css_name(token: str) -> str:
    """The CSS custom property of a token: `gray.12` -> `--tg-gray-12`."""
    return "--tg-" + token.replace(".", "-")


def resolve_in(tokens: Mapping[str, str], token: str) -> str:
    """The literal value of `token` among `tokens` after following aliases."""
    seen: list[str] = []
    name = token
    while True:
        if name in seen:
            raise ThemeError(f"alias cycle: {' -> '.join([*seen, name])}")
        if name not in tokens:
            where = f" (via {' -> '.join(seen)})" if seen else ""
            raise ThemeError(f"unknown token {name!r}{where}")
        seen.append(name)
        target = alias_target(tokens[name])
        if target is None:
            return tokens[name]
        name = target


@dataclass(frozen=True)
class Theme:
    """A named set of tokens; `base` and `semantic` are per mode, `components` shared.

    `font_face` is a web font to load (family, https URL); `texts` overrides widget texts
    (widget -> locale -> key -> text); `custom_css` is already scoped under `.tg-root`.
    """

    name: str
    base: Mapping[str, Mapping[str, str]]
    semantic: Mapping[str, Mapping[str, str]]
    components: Mapping[str, str]
    contrast_pairs: tuple[tuple[str, str], ...] = field(default=())
    ui_contrast_pairs: tuple[tuple[str, str], ...] = field(default=())
    font_face: tuple[str, str] | None = None
    texts: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    custom_css: str = ""

    def tokens(self, mode: str) -> dict[str, str]:
        """All tokens of one mode, unresolved, in layer order (base, semantic, component)."""
        if mode not in MODES:
            raise ThemeError(f"unknown mode {mode!r}; expected one of {MODES}")
        return {**self.base[mode], **self.semantic[mode], **self.components}

    def resolve(self, mode: str, token: str) -> str:
        """The literal value of a token after following its aliases."""
        return resolve_in(self.tokens(mode), token)

    def resolved(self, mode: str) -> dict[str, str]:
        """Every token of one mode resolved to its literal value."""
        tokens = self.tokens(mode)
        return {name: resolve_in(tokens, name) for name in tokens}


@dataclass(frozen=True)
class Problem:
    """Something that makes a theme unusable, with the document field it concerns."""

    field: str
    message: str


@dataclass(frozen=True)
class ContrastWarning:
    """A pair below WCAG AA: a warning the theme is saved with, not an error."""

    foreground: str
    background: str
    mode: str
    ratio: float
    required: float

    def __str__(self) -> str:
        return (f"{self.mode}: {self.foreground} on {self.background} is {self.ratio:.2f}:1 "
                f"(needs {self.required}:1)")


def _layer_of(theme: Theme, mode: str, name: str) -> str:
    if name in theme.base[mode]:
        return "base"
    return "semantic" if name in theme.semantic[mode] else "component"


def problems(theme: Theme) -> list[Problem]:
    """Unresolvable aliases, cycles and layering violations, each with its field."""
    found: list[Problem] = []
    for mode in MODES:
        base, semantic = theme.base[mode], theme.semantic[mode]

        def add(name: str, message: str, mode: str = mode) -> None:
            layer = _layer_of(theme, mode, name)
            where = f"tokens.{layer}." + ("" if layer == "component" else f"{mode}.") + name
            found.append(Problem(where, f"{mode}: {message}"))

        tokens = theme.tokens(mode)
        for name in tokens:
            try:
                resolve_in(tokens, name)
            except ThemeError as exc:
                target = alias_target(tokens[name])
                in_cycle = "cycle" in str(exc) and str(exc).endswith(f"-> {name}")
                if target not in tokens or in_cycle:
                    add(name, f"{name}: {exc}")  # the cause, not the tokens aliasing it
        for name, value in semantic.items():
            target = alias_target(value)
            if target is not None and target not in base:
                add(name, f"semantic {name} must alias a base token, not {target}")
        for name, value in theme.components.items():
            target = alias_target(value)
            if target in base and is_colour(base[target]):
                add(name, f"component {name} aliases base colour {target}; use a role")
        names = {css_name(n) for n in theme.tokens(mode)}
        if len(names) != len(theme.tokens(mode)):
            found.append(Problem("tokens", f"{mode}: two tokens map to the same CSS variable"))
    unique = {(p.field, p.message): p for p in found}
    return list(unique.values())


def validate(theme: Theme) -> list[str]:
    """Problems with a theme as messages: unresolvable aliases, cycles, layering violations."""
    return [p.message for p in problems(theme)]


def contrast_warnings(theme: Theme, text: float = 4.5, ui: float = 3.0) -> list[ContrastWarning]:
    """Pairs below WCAG AA in either mode: text pairs under `text`, UI pairs under `ui`.

    Translucent backgrounds are laid over the mode's `surface` (white if it has none)."""
    warnings = []
    checks = [(pair, text) for pair in theme.contrast_pairs]
    checks += [(pair, ui) for pair in theme.ui_contrast_pairs]
    for mode in MODES:
        values = theme.resolved(mode)
        backdrop = values.get("surface", "#ffffff")
        for (fg, bg), minimum in checks:
            ratio = contrast_ratio(values[fg], values[bg], backdrop)
            if ratio < minimum:
                warnings.append(ContrastWarning(fg, bg, mode, round(ratio, 2), minimum))
    return warnings


def contrast_failures(theme: Theme, text: float = 4.5, ui: float = 3.0) -> list[str]:
    """`contrast_warnings` as messages."""
    return [str(w) for w in contrast_warnings(theme, text, ui)]


def default_theme() -> Theme:
    """Tollgate's default theme: slate greys, indigo primary, AA contrast in both modes."""
    return Theme(
        name="tollgate",
        base={mode: base_tokens(mode) for mode in MODES},
        semantic={"light": SEMANTIC_LIGHT, "dark": SEMANTIC_DARK},
        components=COMPONENTS,
        contrast_pairs=CONTRAST_PAIRS + COMPONENT_CONTRAST_PAIRS,
        ui_contrast_pairs=UI_CONTRAST_PAIRS + COMPONENT_UI_CONTRAST_PAIRS,
    )
