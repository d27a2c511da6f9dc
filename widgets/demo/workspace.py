"""The demo product itself at `/app`: what a signed-in customer may use, metered live. The AI
and image buttons are the host app's own server code: they consume credits atomically before
doing the work, and the usage bars and the credit balance follow."""

from __future__ import annotations

import reflex as rx

import widgets
from backend.client import TollgateError
from widgets._client import get_client
from widgets.demo.shell import page
from widgets.demo.state import StorefrontState

AI_COST = 50
CREDIT_CURRENCY = "credits"


class WorkspaceState(rx.State):
    """The host app's side of the demo workspace."""

    ai_result: str = ""
    ai_ok: bool = True
    working: bool = False
    image_result: str = ""
    image_ok: bool = True
    image_short: bool = False
    drawing: bool = False

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

    @rx.event
    async def generate_image(self):
        """Burn the credits one image costs (the host's server code, with its secret key)."""
        if self.drawing:
            return
        store = await self.get_state(StorefrontState)
        if not store.customer_id:
            self.image_ok, self.image_result = False, "Choose a demo customer first."
            return
        self.drawing, self.image_short = True, False
        yield
        try:
            result = await get_client().consume_credits(
                store.customer_id, feature_id="image-generation", quantity=1)
        except TollgateError as exc:
            self.image_ok = False
            self.image_short = exc.status == 402
            self.image_result = "Not enough credits for another image." if self.image_short \
                else f"The image generator is unavailable: {exc.detail}"
        else:
            unit = result.balance.currency.unit_plural
            self.image_ok = True
            self.image_result = (f"Image ready. {result.amount.normalize():f} {unit} used; "
                                 f"{result.balance.current.normalize():,f} left.")
        finally:
            self.drawing = False


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


def _image_generator() -> rx.Component:
    return rx.el.section(
        rx.el.div(
            rx.icon("image", size=20, class_name="sf-app-icon", aria_hidden="true"),
            rx.el.div(
                rx.el.h2("Image generator", class_name="sf-app-card-title"),
                rx.el.p("Turn a prompt into an image. Each image costs 4 credits from your "
                        "prepaid balance.", class_name="sf-page-lead"),
            ),
            class_name="sf-app-card-head",
        ),
        rx.el.button(
            rx.cond(WorkspaceState.drawing, "Generating…", "Generate image"),
            type="button", on_click=WorkspaceState.generate_image,
            disabled=WorkspaceState.drawing, class_name="tg-button sf-app-button",
            custom_attrs={"data-testid": "generate-image"},
        ),
        rx.el.p(
            WorkspaceState.image_result,
            rx.cond(WorkspaceState.image_short,
                    rx.el.a("Add credits", href="/credits", class_name="sf-app-link")),
            role="status", aria_live="polite",
            class_name=rx.cond(WorkspaceState.image_ok, "sf-app-result",
                               "sf-app-result sf-app-result-denied"),
            custom_attrs={"data-testid": "image-result"},
        ),
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
                rx.el.div(
                    _image_generator(),
                    widgets.credit_balance(CREDIT_CURRENCY,
                                           customer_id=StorefrontState.customer_id),
                    class_name="sf-app-row",
                ),
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
