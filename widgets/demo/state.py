"""State of the demo storefront: who is signed in, the currency, and the plan on its way to
checkout. A real host app keeps its own signed-in customer; this one switches between the
seeded demo customers."""

from __future__ import annotations

from typing import Any

import reflex as rx

PRODUCT_ID = "workspace"

# The seeded demo customers; a real host app passes its signed-in customer instead.
DEMO_CUSTOMERS: dict[str, tuple[str, str]] = {
    "": ("Anonymous visitor", "USD"),
    "acme": ("Acme Corp", "USD"),
    "globex": ("Globex GmbH", "EUR"),
    "initech": ("Initech", "GBP"),
}
CURRENCIES = ("USD", "EUR", "GBP")


class StorefrontState(rx.State):
    """Demo controls, the last plan selection, and the plan chosen for checkout."""

    customer_id: str = ""
    currency: str = "USD"
    selection: str = ""
    checkout_plan: str = ""
    checkout_period: str = "monthly"
    checkout_intent: str = ""
    checkout_quantities: dict[str, int] = {}
    completed: str = ""

    @rx.var
    def customer_name(self) -> str:
        return DEMO_CUSTOMERS.get(self.customer_id, ("", ""))[0]

    @rx.event
    def view_as(self, customer_id: str):
        """Switch the demo viewer; the currency follows the customer's."""
        if customer_id in DEMO_CUSTOMERS:
            self.customer_id = customer_id
            self.currency = DEMO_CUSTOMERS[customer_id][1]
            self.selection = ""

    @rx.event
    def set_currency(self, currency: str):
        """Show prices in another currency."""
        if currency in CURRENCIES:
            self.currency = currency

    @rx.event
    def plan_selected(self, plan_id: str, billing_period: str, intent: str,
                      quantities: dict[str, int] | None = None):
        """The paywall's `on_plan_selected`: signed-in customers go to checkout."""
        plan = plan_id.replace("-", " ").title()
        chosen = "".join(f" · {qty} {feature}" for feature, qty in (quantities or {}).items())
        self.selection = f"{plan} · {billing_period} · {intent}{chosen}"
        if intent == "contact_us" or intent == "current":
            return None
        if not self.customer_id:
            self.selection += " — choose a demo customer under “View as” to check out"
            return None
        return self._to_checkout(plan_id, billing_period, intent, quantities or {})

    @rx.event
    def change_plan(self, plan_id: str, billing_period: str, intent: str,
                    quantities: dict[str, int] | None = None):
        """The portal's plans section: straight into checkout."""
        if intent in ("contact_us", "current"):
            return None
        return self._to_checkout(plan_id, billing_period, intent, quantities or {})

    @rx.event
    def checkout_completed(self, result: dict[str, Any]):
        """Checkout's `on_checkout_completed`: what the host app learns of the order."""
        self.completed = str(result.get("plan_name") or "")
        self.selection = f"Checkout completed: {self.completed} ({result.get('change')})"

    @rx.event
    def go_to_account(self):
        """Checkout's `on_continue`: the customer's account page with the portal."""
        return rx.redirect("/account")

    @rx.event
    def leave_checkout(self):
        """Back to the pricing page without buying."""
        return rx.redirect("/")

    def _to_checkout(self, plan_id: str, billing_period: str, intent: str,
                     quantities: dict[str, int]):
        self.checkout_plan, self.checkout_period = plan_id, billing_period
        self.checkout_intent, self.checkout_quantities = intent, dict(quantities)
        self.completed = ""
        return rx.redirect("/checkout")
