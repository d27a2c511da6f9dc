"""Design Tokens (DTCG) JSON: export a theme and import it back.

Groups nest by layer: `base` (dotted names become nested groups: `base.gray.12`), `semantic`
(`semantic.text-muted`) and `component.<group>` (`component.paywall.paywall-cta-bg`). Each
token carries `$value` (its light value) and `$type` (our layout types, which DTCG lacks,
go to `$extensions["dev.tollgate"].type`); an alias is written as the path of its
target in braces (`{semantic.primary}`). A dark value that differs sits in
`$extensions["dev.tollgate"].dark`. The theme's name, font face, texts and custom CSS sit in
the root's `$extensions["dev.tollgate"]`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from tokens.model import MODES, Theme, ThemeError, alias_target, default_theme
from tokens.registry import catalogue

EXT = "dev.tollgate"
_DTCG_TYPES = {"color", "dimension", "fontFamily", "fontWeight", "shadow"}
_ALIAS = re.compile(r"^\{([^{}]+)\}$")


def token_path(name: str) -> list[str]:
    """Where a token sits in the DTCG tree."""
    info = catalogue().get(name)
    if info is None or info.layer == "base":
        return ["base", *name.split(".")]
    if info.layer == "semantic":
        return ["semantic", name]
    return ["component", info.group, name]


def _name(path: list[str]) -> str:
    if path[0] == "base":
        return ".".join(path[1:])
    return path[-1]


def _write(value: str) -> str:
    target = alias_target(value)
    return "{" + ".".join(token_path(target)) + "}" if target else value


def _read(value: Any) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"a token value must be a string, not {value!r}")
    match = _ALIAS.match(value)
    return "{" + _name(match.group(1).split(".")) + "}" if match else value


def export_dtcg(theme: Theme) -> dict[str, Any]:
    """The theme as a DTCG document (a plain JSON-ready dict)."""
    root: dict[str, Any] = {}
    light, dark = theme.tokens("light"), theme.tokens("dark")
    known = catalogue()
    for name, value in light.items():
        node = root
        for part in token_path(name)[:-1]:
            node = node.setdefault(part, {})
        token: dict[str, Any] = {"$value": _write(value)}
        kind = known[name].type if name in known else "color"
        ext: dict[str, str] = {} if kind in _DTCG_TYPES else {"type": kind}
        if kind in _DTCG_TYPES:
            token["$type"] = kind
        if dark.get(name, value) != value:
            ext["dark"] = _write(dark[name])
        if ext:
            token["$extensions"] = {EXT: ext}
        node[token_path(name)[-1]] = token
    root["$extensions"] = {EXT: {
        "name": theme.name,
        "font_face": list(theme.font_face) if theme.font_face else None,
        "texts": theme.texts,
        "custom_css": theme.custom_css,
    }}
    return root


def _tokens(node: Mapping[str, Any], path: list[str]):
    for key, child in node.items():
        if key.startswith("$") or not isinstance(child, Mapping):
            continue
        if "$value" in child:
            yield path + [key], child
        else:
            yield from _tokens(child, path + [key])


def import_dtcg(document: Mapping[str, Any]) -> Theme:
    """A theme from a DTCG document written by `export_dtcg` (or by hand in that shape)."""
    default = default_theme()
    layers: dict[str, dict[str, dict[str, str]]] = {
        "base": {m: {} for m in MODES}, "semantic": {m: {} for m in MODES}}
    components: dict[str, str] = {}
    for path, token in _tokens(document, []):
        name, layer = _name(path), path[0]
        light = _read(token["$value"])
        dark_raw = token.get("$extensions", {}).get(EXT, {}).get("dark")
        dark = _read(dark_raw) if dark_raw is not None else light
        if layer in layers:
            layers[layer]["light"][name], layers[layer]["dark"][name] = light, dark
        elif layer == "component":
            components[name] = light
        else:
            raise ThemeError(f"unknown group {layer!r}")
    meta = document.get("$extensions", {}).get(EXT, {})
    face = meta.get("font_face")
    return replace(
        default, name=meta.get("name") or default.name,
        base=layers["base"], semantic=layers["semantic"], components=components,
        font_face=tuple(face) if face else None, texts=meta.get("texts") or {},
        custom_css=meta.get("custom_css") or "",
    )
