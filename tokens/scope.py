"""Custom CSS kept inside the widgets: every rule must target `.tg-root` or its descendants.

Anything that could escape the scope or load or run something is removed and reported:
`@import` and other at-rules (only `@media`, `@supports` and `@container` wrapping scoped rules
stay), `<` (so no `</style>`), backslash escapes, `javascript:`, `expression(`, `url(` other
than `https:` and selectors not under `.tg-root` (sibling combinators `~` `+` included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCOPE = ".tg-root"
_GROUPING = ("@media", "@supports", "@container")
_BANNED = re.compile(r"javascript:|expression\s*\(|-moz-binding|behavior\s*:|@import",
                     re.IGNORECASE)
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_SCOPED = re.compile(r"^\.tg-root(?![\w-])")
MAX_CSS = 20_000


@dataclass(frozen=True)
class ScopedCss:
    css: str
    removed: tuple[str, ...]


def _blocks(css: str) -> list[tuple[str, str]] | None:
    """Top-level `prelude { body }` pairs, or None if the braces do not balance."""
    out, depth, start, prelude = [], 0, 0, ""
    for i, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                out.append((prelude, css[start:i]))
                start = i + 1
    if depth != 0 or css[start:].strip():
        return None
    return out


def _declarations_ok(body: str) -> str | None:
    if "{" in body or "}" in body:
        return "nested blocks"
    for match in _URL.finditer(body):
        if not match.group(2).strip().lower().startswith("https:"):
            return f"url({match.group(2)})"
    return None


def _scope_rules(css: str, removed: list[str], root: str) -> list[str]:
    blocks = _blocks(css)
    if blocks is None:
        removed.append("unbalanced braces")
        return []
    kept = []
    for prelude, body in blocks:
        if prelude.startswith("@"):
            if prelude.split()[0].lower() in _GROUPING:
                inner = _scope_rules(body, removed, root)
                if inner:
                    kept.append(prelude + " {\n" + "\n".join(inner) + "\n}")
            else:
                removed.append(prelude.split()[0])
            continue
        selectors = [s.strip() for s in prelude.split(",")]
        outside = [s for s in selectors
                   if not _SCOPED.match(s) or re.search(r"[~+]", re.sub(r"\(.*?\)", "", s))]
        if outside or not prelude:
            removed.append(f"selector {prelude!r} is not under {SCOPE}")
            continue
        bad = _declarations_ok(body)
        if bad:
            removed.append(f"{prelude}: {bad}")
            continue
        selectors = [_SCOPED.sub(lambda _: root, s, count=1) for s in selectors]
        kept.append(f"{', '.join(selectors)} {{ {' '.join(body.split())} }}")
    return kept


def scope_css(css: str, root: str = SCOPE) -> ScopedCss:
    """The rules of `css` that stay inside `.tg-root`, and what was removed (empty if none);
    with `root`, each selector's leading `.tg-root` becomes `root` (a narrower scope)."""
    removed: list[str] = []
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    if len(text) > MAX_CSS:
        return ScopedCss("", (f"longer than {MAX_CSS} characters",))
    for pattern, what in ((r"<", "'<'"), (r"\\", "backslash escapes"), (r"/\*|\*/", "comment")):
        if re.search(pattern, text):
            return ScopedCss("", (f"{what} not allowed",))
    for match in _BANNED.finditer(text):
        removed.append(match.group(0))
    if removed:
        return ScopedCss("", tuple(removed))
    rules = _scope_rules(text, removed, root)
    return ScopedCss("\n".join(rules), tuple(removed))
