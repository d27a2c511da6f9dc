"""Pure helpers of the designer's preview: its tabs and keyboard movement between them."""

from __future__ import annotations

TABS: dict[str, str] = {"paywall": "Paywall", "portal": "Customer portal",
                        "checkout": "Checkout", "credits": "Credits"}
DEMO_CUSTOMER = "acme"  # a seeded demo customer with a subscription, cards and credits
DEMO_PRODUCT = "workspace"
DEMO_CURRENCY = "credits"
DEMO_CHECKOUT_PLAN = "business"
_STEPS = {"ArrowRight": 1, "ArrowLeft": -1}  # a horizontal tab list


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
