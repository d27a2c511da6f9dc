"""Pure helpers of the designer's custom CSS editor: check a draft's CSS before it goes into
the theme (only rules kept inside the widgets' `.tg-root`), and set it on a document."""

from __future__ import annotations

import copy
from typing import Any

from tokens import scope_css
from tokens.scope import MAX_CSS, SCOPE

PLACEHOLDER = f"{SCOPE} .tg-plan-card {{\n  border-width: 2px;\n}}"


def problem(css: str) -> str:
    """Why `css` cannot be the theme's custom CSS ("" when every rule is kept)."""
    if len(css) > MAX_CSS:
        return f"Custom CSS is longer than {MAX_CSS} characters."
    removed = scope_css(css).removed
    if not removed:
        return ""
    shown = "; ".join(removed[:3]) + (f" and {len(removed) - 3} more" if len(removed) > 3 else "")
    return f"Not applied: {shown}. Every rule must start with {SCOPE} and may not load or run " \
           "anything."


def set_custom_css(doc: dict[str, Any], css: str) -> dict[str, Any]:
    """A copy of `doc` with its custom CSS (removed when blank); raises ValueError if unsafe."""
    reason = problem(css)
    if reason:
        raise ValueError(reason)
    new = copy.deepcopy(doc)
    if css.strip():
        new["custom_css"] = css
    else:
        new.pop("custom_css", None)
    return new
