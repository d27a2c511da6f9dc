"""State of the designer's preview: the shown tab, and the demo customer and plan the widgets
act for (fixed on the server; the browser cannot pick another customer)."""

from __future__ import annotations

import reflex as rx

from widgets.credits.usage_chart_state import preview_chart_theme
from widgets.designer import preview_model as model
from widgets.designer.state import DesignerState


class PreviewState(rx.State):
    """Which preview tab is shown, and the inputs of the preview widgets."""

    tab: str = "paywall"
    customer_id: str = model.DEMO_CUSTOMER
    checkout_plan: str = model.DEMO_CHECKOUT_PLAN
    checkout_period: str = "monthly"

    @rx.event
    async def sync_theme(self):
        """Draw the preview's charts in the draft's tokens (after every change of them)."""
        designer = await self.get_state(DesignerState)
        await preview_chart_theme(self, designer.doc)

    @rx.event
    def show(self, tab: str):
        """Show one tab (a click)."""
        if tab in model.TABS:
            self.tab = tab

    @rx.event
    def key(self, key: str, _info: dict | None = None):
        """Arrow keys, Home and End on the tab list: show and focus that tab."""
        target = model.tab_after_key(self.tab, key)
        if target is None:
            return None
        self.tab = target
        return rx.call_script(f"document.getElementById('{model.tab_id(target)}')?.focus()")

    @rx.event
    def plan_selected(self, plan_id: str, billing_period: str = "", intent: str = "",
                      quantities: dict | None = None):
        """A plan picked in the paywall or portal preview opens it in the checkout tab."""
        if intent in ("contact_us", "current") or not plan_id:
            return
        self.checkout_plan = plan_id
        self.checkout_period = billing_period or "monthly"
        self.tab = "checkout"
