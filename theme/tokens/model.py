"""The token model: a theme is three layers (base -> semantic -> component) per mode.

Values in braces (`{gray.12}`) alias another token of the same mode; anything else is a
literal. Semantic tokens alias base tokens; component tokens alias semantic tokens (or
non-colour base tokens such as spacing), so a theme is restyled by changing a few roles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from theme.tokens.base import base_tokens
from theme.tokens.components import COMPONENT_CONTRAST_PAIRS, COMPONENTS
from theme.tokens.contrast import contrast_ratio, is_hex_colour
from theme.tokens.semantic import (
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


@dataclass(frozen=True)
class Theme:
    """A named set of tokens; `base` and `semantic` are per mode, `components` shared."""

    name: str
    base: Mapping[str, Mapping[str, str]]
    semantic: Mapping[str, Mapping[str, str]]
    components: Mapping[str, str]
    contrast_pairs: tuple[tuple[str, str], ...] = field(default=())
    ui_contrast_pairs: tuple[tuple[str, str], ...] = field(default=())

    def tokens(self, mode: str) -> dict[str, str]:
        """All tokens of one mode, unresolved, in layer order (base, semantic, component)."""
        if mode not in MODES:
            raise ThemeError(f"unknown mode {mode!r}; expected one of {MODES}")
        return {**self.base[mode], **self.semantic[mode], **self.components}

    def resolve(self, mode: str, token: str) -> str:
        """The literal value of a token after following its aliases."""
        tokens = self.tokens(mode)
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

    def resolved(self, mode: str) -> dict[str, str]:
        """Every token of one mode resolved to its literal value."""
        return {name: self.resolve(mode, name) for name in self.tokens(mode)}


def validate(theme: Theme) -> list[str]:
    """Problems with a theme: unresolvable aliases, cycles, layering violations."""
    problems: list[str] = []
    for mode in MODES:
        base, semantic = theme.base[mode], theme.semantic[mode]
        for name in theme.tokens(mode):
            try:
                theme.resolve(mode, name)
            except ThemeError as exc:
                problems.append(f"{mode}: {name}: {exc}")
        for name, value in semantic.items():
            target = alias_target(value)
            if target is not None and target not in base:
                problems.append(f"{mode}: semantic {name} must alias a base token, not {target}")
        for name, value in theme.components.items():
            target = alias_target(value)
            if target in base and is_hex_colour(base[target]):
                problems.append(
                    f"{mode}: component {name} aliases base colour {target}; use a role"
                )
        names = {css_name(n) for n in theme.tokens(mode)}
        if len(names) != len(theme.tokens(mode)):
            problems.append(f"{mode}: two tokens map to the same CSS variable")
    return problems


def contrast_failures(theme: Theme, text: float = 4.5, ui: float = 3.0) -> list[str]:
    """Pairs below WCAG AA in either mode: text pairs under `text`, UI pairs under `ui`."""
    failures = []
    checks = [(pair, text) for pair in theme.contrast_pairs]
    checks += [(pair, ui) for pair in theme.ui_contrast_pairs]
    for mode in MODES:
        for (fg, bg), minimum in checks:
            ratio = contrast_ratio(theme.resolve(mode, fg), theme.resolve(mode, bg))
            if ratio < minimum:
                failures.append(f"{mode}: {fg} on {bg} is {ratio:.2f}:1 (needs {minimum}:1)")
    return failures


def default_theme() -> Theme:
    """Tollgate's default theme: slate greys, indigo primary, AA contrast in both modes."""
    return Theme(
        name="tollgate",
        base={mode: base_tokens(mode) for mode in MODES},
        semantic={"light": SEMANTIC_LIGHT, "dark": SEMANTIC_DARK},
        components=COMPONENTS,
        contrast_pairs=CONTRAST_PAIRS + COMPONENT_CONTRAST_PAIRS,
        ui_contrast_pairs=UI_CONTRAST_PAIRS,
    )
