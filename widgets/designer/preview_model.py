"""Pure helpers of the designer's preview: its tabs and keyboard movement between them."""

from __future__ import annotations

import re

TABS: dict[str, str] = {"paywall": "Paywall", "portal": "Customer portal",
                        "checkout": "Checkout", "credits": "Credits"}
DEMO_CUSTOMER = "acme"  # a seeded demo customer with a subscription, cards and credits
DEMO_PRODUCT = "workspace"
DEMO_CURRENCY = "credits"
DEMO_CHECKOUT_PLAN = "business"
_STEPS = {"ArrowRight": 1, "ArrowLeft": -1}  # a horizontal tab list
MOBILE_WIDTH = 390
_NARROW = re.compile(r"@media\s*\(\s*max-width:\s*(\d+)px\s*\)\s*\{")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def tab_after_key(current: str, key: str) -> str | None:
    """The tab a key moves to from `current` (arrows wrap, Home and End jump), or None for
    keys that do not move."""
    ids = list(TABS)
    index = ids.index(current) if current in ids else 0
    if key == "Home":
        return ids[0]
    if key == "End":
        return ids[-1]
    if key in _STEPS:
        return ids[(index + _STEPS[key]) % len(ids)]
    return None


def tab_id(tab: str) -> str:
    """The DOM id of a tab's button."""
    return f"dz-tab-{tab}"


def panel_id(tab: str) -> str:
    """The DOM id of a tab's panel."""
    return f"dz-panel-{tab}"


def _block(css: str, start: int) -> tuple[str, int]:
    """The text inside the braces opened just before `start`, and the index after them."""
    depth, index = 1, start
    while depth and index < len(css):
        depth += {"{": 1, "}": -1}.get(css[index], 0)
        index += 1
    return css[start:index - 1], index


def narrow_rules(css: str, scope: str, width: int = MOBILE_WIDTH) -> str:
    """The rules of every `@media (max-width: N px)` block of `css` that a `width` wide box
    falls under, with each selector put under `scope`: a narrow preview box on a wide page
    then looks as the widgets do on a phone."""
    out: list[str] = []
    for match in _NARROW.finditer(css):
        inner, _ = _block(css, match.end())
        if width > int(match.group(1)):
            continue
        for selectors, body in _RULE.findall(inner):
            scoped = ", ".join(f"{scope} {s.strip()}" for s in selectors.split(","))
            out.append(f"{scoped} {{ {body.strip()} }}")
    return "\n".join(out) + ("\n" if out else "")
