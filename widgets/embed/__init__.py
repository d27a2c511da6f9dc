"""Hosted widget pages for embedding Tollgate in any web app (loaded in an iframe by
`/embed.js`, see backend/embedding/embed.js for the host-side API).

Pages: `/embed/paywall` (also `/embed/paywall/<product>`), `/embed/portal`, `/embed/checkout`,
`/embed/credits/balance`, `/embed/credits/usage`, `/embed/credits/grants`,
`/embed/credits/auto-recharge`. Query parameters:

- `key` (required): the environment's publishable key. A secret key is refused with a
  message; the key also picks the CSP `frame-ancestors` (FrameGuard).
- `origin` (required): the host page's origin; must be one of the environment's allowed
  embedding origins (`PUT /api/v1/environment/embed-origins`).
- `token`: a customer token, required by every page but the paywall (which reads public
  data with the publishable key only).
- `product` (paywall, portal, checkout), `plan` (checkout; the highlighted plan on the
  paywall), `period` (monthly|annual), `currency` (ISO 4217), `credit_currency` (credit
  pages), `locale`, `theme` (light|dark|system; light by default).

The page checks these with `POST /api/v1/embed/frame-check`, shows a skeleton meanwhile and
then the widget, or an alert (role="alert") saying why not. The bridge (frame.js) then posts
`{source: "tollgate", type, ...}` messages to the verified origin only: `resize {height}`,
`ready {widget}`, `planSelected {planId, billingPeriod, intent, quantities}`,
`checkoutCompleted {subscriptionId, planId, planName, billingPeriod, change, effective,
invoiceId, amountCharged}`, `creditsPurchased {...}`, `tokenExpiring {expiresAt}` and
`error {code, title, message}` (codes in `widgets.embed.problems`); it accepts
`{source: "tollgate-host", type: "setToken", token}` and `{type: "setTheme", theme}` from
that origin only. The pages keep nothing in the browser's storage (`head.storage_shim`, which
the app puts in its <head>).
"""

from __future__ import annotations

import reflex as rx

from widgets.embed.pages import PAGES
from widgets.embed.params import WIDGETS
from widgets.embed.state import EmbedState


def register(app: rx.App) -> None:
    """Add every hosted widget page to `app` (and `/embed/paywall/[product_id]`)."""
    for name, page in PAGES.items():
        widget = WIDGETS[name]
        app.add_page(page, route=widget.route, title=widget.title, on_load=EmbedState.check)
    app.add_page(PAGES["paywall"], route="/embed/paywall/[product_id]", title="Pricing",
                 on_load=EmbedState.check)


__all__ = ["EmbedState", "register"]
