"""Server-side state of one CustomerPortal: loads the portal read model, invoices and cards
through the customer-token API, and carries out undo, cancel and card changes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.me.schemas import Portal
from backend.payments.schemas import PaymentMethodPublic
from widgets._customer import NoCustomer, as_customer
from widgets._ui.format import format_date
from widgets._ui.themed import ThemedTexts
from widgets._ui.varref import resolve
from widgets.checkout import model as checkout_model
from widgets.portal import model
from widgets.portal.model import InvoiceRow, Line, Overview, Scheduled
from widgets.portal.texts import DEFAULT_TEXTS, fill

INVOICES_PAGE = 10

log = logging.getLogger(__name__)


def _detail(exc: Exception) -> str:
    return getattr(exc, "detail", "") or str(exc)


class PortalState(ThemedTexts):
    config: ClassVar[dict[str, Any]] = {}
    text_kind: ClassVar[str] = "customer_portal"
    text_defaults: ClassVar[Mapping[str, str]] = DEFAULT_TEXTS

    status: str = "loading"  # loading | ready | error | no_customer
    error_detail: str = ""
    overview: rx.Field[Overview] = rx.field(default_factory=Overview)
    scheduled: rx.Field[Scheduled] = rx.field(default_factory=Scheduled)
    scheduled_entries: rx.Field[list[Line]] = rx.field(default_factory=list)
    bill_lines: rx.Field[list[Line]] = rx.field(default_factory=list)
    included: list[str] = []
    addons: list[str] = []
    promotions: list[str] = []
    card: str = ""
    card_expiry: str = ""
    has_card: bool = False
    card_form_open: bool = False
    card_error: str = ""
    invoices: rx.Field[list[InvoiceRow]] = rx.field(default_factory=list)
    more_invoices: bool = False
    notice: str = ""
    action_error: str = ""
    busy: bool = False
    cancel_open: bool = False
    cancel_reasons: rx.Field[list[Line]] = rx.field(default_factory=list)  # value, label
    cancel_reason: str = ""
    cancel_sentence: str = ""
    cancel_error: str = ""

    _portal: Portal | None = None
    _cursor: str | None = None

    # -- loading -------------------------------------------------------------------------------
    @rx.event
    async def load(self):
        self._request = await resolve(type(self).config, self)
        self.status = "loading"
        yield
        await self._fetch()

    @rx.event
    async def retry(self):
        self.status = "loading"
        yield
        await self._fetch()

    async def _call(self, fn):
        req = self._request
        return await as_customer(req.get("customer_id") or None,
                                 req.get("customer_token") or None, fn)

    async def _fetch(self) -> None:
        product = self._request["product_id"]
        await self._load_theme_texts(self._request.get("locale"))
        try:
            portal, invoices = await self._call(lambda c: asyncio.gather(
                c.get_my_portal(product), c.list_my_invoices(limit=INVOICES_PAGE)))
        except NoCustomer:
            self.status = "no_customer"
            return
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("portal failed to load: %s", exc)
            self.status, self.error_detail = "error", _detail(exc)
            return
        self._portal = portal
        self._render(portal)
        self.invoices = model.invoice_rows(invoices.data, self._date, self._texts())
        self._cursor, self.more_invoices = invoices.next_cursor, invoices.has_more
        self.status, self.error_detail = "ready", ""

    async def _texts_changed(self) -> None:
        if self._portal is not None:
            self._render(self._portal)

    def _date(self, value) -> str:
        return format_date(value, self._request.get("locale") or "en_US")

    def _render(self, portal: Portal) -> None:
        texts = self._texts()
        self.overview = model.overview(portal, self._date, texts)
        self.scheduled = model.scheduled(portal, self._date, texts)
        self.scheduled_entries = self.scheduled.entries
        self.bill_lines = self.overview.bill_lines
        self.included = model.included(portal)
        self.addons = model.addons(portal, texts)
        self.promotions = model.promotions(portal, self._date, texts)
        self.card, self.card_expiry = model.card_label(portal.default_payment_method, texts)
        self.has_card = portal.default_payment_method is not None
        self.cancel_reasons = [Line(label=r.label, amount=r.value) for r in portal.cancel_reasons]

    # -- actions -------------------------------------------------------------------------------
    @rx.event
    async def show_more_invoices(self):
        cursor = self._cursor
        try:
            page = await self._call(lambda c: c.list_my_invoices(limit=INVOICES_PAGE,
                                                                 cursor=cursor))
        except (TollgateError, RuntimeError, ValueError) as exc:
            self.action_error = fill(self._texts()["failed"], detail=_detail(exc))
            return
        self.invoices = self.invoices + model.invoice_rows(page.data, self._date, self._texts())
        self._cursor, self.more_invoices = page.next_cursor, page.has_more

    @rx.event
    async def undo(self):
        """Take back a scheduled change or cancellation."""
        if self.busy or not self.overview.subscription_id:
            return
        self.busy, self.notice, self.action_error = True, "", ""
        yield
        sub_id = self.overview.subscription_id
        try:
            await self._call(lambda c: c.undo_my_change(sub_id))
        except (TollgateError, RuntimeError, ValueError) as exc:
            self.action_error = fill(self._texts()["failed"], detail=_detail(exc))
        else:
            self.notice = self._texts()["undone"]
            await self._fetch()
        finally:
            self.busy = False

    @rx.event
    async def open_cancel(self):
        self.cancel_open, self.cancel_error, self.cancel_reason = True, "", ""
        sub_id = self.overview.subscription_id
        try:
            preview = await self._call(lambda c: c.preview_my_cancel(sub_id, {"reason": "other"}))
        except (TollgateError, RuntimeError, ValueError) as exc:
            self.cancel_sentence = ""
            self.cancel_error = fill(self._texts()["failed"], detail=_detail(exc))
            return
        fallback = self._portal.fallback_plan_name if self._portal else None
        self.cancel_sentence = model.cancel_sentence(preview, fallback, self._date, self._texts())

    @rx.event
    def set_cancel_open(self, value: bool):
        """The dialog's trigger opens it (with the cancellation preview); Escape closes it."""
        if value:
            return type(self).open_cancel
        self.cancel_open = False

    @rx.event
    def choose_reason(self, value: str):
        self.cancel_reason, self.cancel_error = value, ""

    @rx.event
    async def confirm_cancel(self, form: dict[str, Any]):
        """Cancel at the period end with the chosen reason (safe on a double click)."""
        if self.busy:
            return
        texts = self._texts()
        reason = self.cancel_reason or str(form.get("reason", ""))
        if not reason:
            self.cancel_error = texts["cancel_reason_required"]
            return
        self.busy = True
        yield
        sub_id = self.overview.subscription_id
        body = {"reason": reason, "comment": str(form.get("comment", "")).strip() or None}
        try:
            result = await self._call(lambda c: c.cancel_my_subscription(sub_id, body))
        except (TollgateError, RuntimeError, ValueError) as exc:
            self.cancel_error = fill(texts["failed"], detail=_detail(exc))
            return
        finally:
            self.busy = False
        self.cancel_open = False
        self.notice = fill(texts["canceled"],
                           date=self._date(result.subscription.current_period_end))
        await self._fetch()

    @rx.event
    def toggle_card_form(self):
        self.card_form_open, self.card_error = not self.card_form_open, ""

    @rx.event
    async def save_card(self, form: dict[str, Any]):
        """Add a card and make it the one charged from now on."""
        if self.busy:
            return
        texts = self._texts()
        number = str(form.get("card_number", "")).strip()
        expiry_text = str(form.get("card_expiry", "")).strip()
        cvc = str(form.get("card_cvc", "")).strip()
        if not number or not expiry_text or not cvc:
            self.card_error = texts["card_required"]
            return
        expiry = checkout_model.parse_expiry(expiry_text)
        if expiry is None:
            self.card_error = texts["card_expiry_invalid"]
            return
        self.busy, self.card_error = True, ""
        yield
        body = {"card_number": number, "exp_month": expiry[0], "exp_year": expiry[1],
                "cvc": cvc, "make_default": True}
        try:
            method: PaymentMethodPublic = await self._call(
                lambda c: c.add_my_payment_method(body))
        except TollgateError as exc:
            errors = exc.problem.get("errors") or []
            self.card_error = (errors[0].get("message") if errors else "") or _detail(exc)
            return
        except (RuntimeError, ValueError) as exc:
            self.card_error = _detail(exc)
            return
        finally:
            self.busy = False
        self.card_form_open = False
        self.notice = fill(texts["card_saved"], card=model.card_label(method, texts)[0])
        await self._fetch()
