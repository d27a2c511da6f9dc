"""The Checkout view's fixed texts come from its texts, so a theme or the host can change them."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.checkout.steps_view import filled

OVERRIDES = {"secure_note": "Paid over TLS.", "addon_added": "Included",
             "addon_add": "Take it", "card_default": "Main card",
             "promo_remove": "Drop code {code}", "addon_add_label": "Take {name}"}


class Host(rx.State):
    customer_id: str = "acme"


def test_fixed_texts_follow_the_overrides() -> None:
    out = str(widgets.checkout("workspace", "plus", customer_id=Host.customer_id,
                               text_overrides=OVERRIDES).render())
    for text in ("Paid over TLS.", "Included", "Take it", "Main card", "Drop code {code}",
                 "Take {name}"):
        assert text in out, text
    for default in ("Payments are processed securely.", '"Added"', '"Default"',
                    '"Remove code "'):
        assert default not in out, default


def test_filled_replaces_placeholders_with_vars() -> None:
    js = str(filled("Remove code {code}", code=Host.customer_id))
    assert "Remove code {code}" in js and "replace" in js and "customer_id" in js
