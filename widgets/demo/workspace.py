"""The demo product itself at `/app`: what a signed-in customer may use, metered live. The AI
button is the host app's own server code: it consumes AI credits atomically before doing the
work, and the usage bars follow."""

from __future__ import annotations

import reflex as rx

import widgets
from backend.client import TollgateError
from widgets._client import get_client
from widgets.demo.shell import page
from widgets.demo.state import StorefrontState

AI_COST = 50


class WorkspaceState(rx.State):
    """The host app's side of the demo workspace."""

    ai_result: str = ""
    ai_ok: bool = True
    working: bool = False

    @rx.event
    async def summarise(self):
        """Consume AI credits for one request, or explain why not (the host's server code)."""
        if self.working:
            return
        store = await self.get_state(StorefrontState)
        if not store.customer_id:
            self.ai_ok, self.ai_result = False, "Choose a demo customer first."
            return
        self.working = True
        yield
        try:
            result = await get_client().consume(store.customer_id, "ai-credits", AI_COST)
        except TollgateError as exc:
            self.ai_ok, self.ai_result = False, f"The assistant is unavailable: {exc.detail}"
        else:
            state = result.entitlement
            if result.consumed:
                self.ai_ok = True
                self.ai_result = (f"Summary ready. {AI_COST} AI credits used; "
                                  f"{state.current_usage:,} used this period.")
            else:
                self.ai_ok = False
                self.ai_result = ("You've used your AI credits for this period. Upgrade your "
                                  "plan or add AI Boost for more.")
        finally:
            self.working = False


def _assistant() -> rx.Component:
    return rx.el.section(
        rx.el.div(
            rx.icon("sparkles", size=20, class_name="sf-app-icon", aria_hidden="true"),
            rx.el.div(
                rx.el.h2("AI assistant", class_name="sf-app-card-title"),
                rx.el.p(f"Summarise the open document. Each summary uses {AI_COST} AI credits.",
                        class_name="sf-page-lead"),
            ),
            class_name="sf-app-card-head",
        ),
        rx.el.button(
            rx.cond(WorkspaceState.working, "Summarising…", "Summarise document"),
            type="button", on_click=WorkspaceState.summarise,
            disabled=WorkspaceState.working, class_name="tg-button sf-app-button",
            custom_attrs={"data-testid": "use-ai"},
        ),
        rx.el.p(WorkspaceState.ai_result, role="status", aria_live="polite",
                class_name=rx.cond(WorkspaceState.ai_ok, "sf-app-result",
                                   "sf-app-result sf-app-result-denied"),
                custom_attrs={"data-testid": "ai-result"}),
        class_name="sf-app-card",
    )


def _sso() -> rx.Component:
    """Single sign-on settings, shown only to customers entitled to `sso` (Business, or a
    promotion), updating when that changes."""
    settings = rx.el.div(
        rx.el.p("Identity provider", class_name="sf-app-label"),
        rx.el.p("Connect Okta, Entra ID or Google Workspace to sign your team in with SAML.",
                class_name="sf-page-lead"),
        custom_attrs={"data-testid": "sso-settings"},
    )
    locked = rx.el.div(
        rx.icon("lock", size=16, aria_hidden="true"),
        rx.el.span("SAML single sign-on comes with the Business plan."),
        rx.el.a("See plans", href="/#plans"),
        class_name="sf-app-locked", custom_attrs={"data-testid": "sso-locked"},
    )
    return rx.el.section(
        rx.el.div(
            rx.icon("shield-check", size=20, class_name="sf-app-icon", aria_hidden="true"),
            rx.el.h2("Single sign-on", class_name="sf-app-card-title"),
            class_name="sf-app-card-head",
        ),
        widgets.feature_gate("sso", settings, customer_id=StorefrontState.customer_id,
                             fallback=locked),
        class_name="sf-app-card",
    )


def workspace_page() -> rx.Component:
    """The signed-in demo customer's workspace."""
    head = rx.el.section(
        rx.el.h1("Your workspace", class_name="sf-page-title"),
        rx.el.p("Everything your plan includes, metered as you work.", class_name="sf-page-lead"),
        class_name="sf-container sf-page-head",
    )
    body = rx.el.section(
        rx.cond(
            StorefrontState.customer_id != "",
            rx.el.div(
                _assistant(),
                _sso(),
                widgets.usage_bars(customer_id=StorefrontState.customer_id),
                class_name="sf-app-grid",
            ),
            rx.el.p(rx.el.a("Choose a demo customer", href="/#view-as"),
                    " to open their workspace.", class_name="sf-page-lead"),
        ),
        class_name="sf-container sf-page-body",
    )
    return page("Product", head, body)
