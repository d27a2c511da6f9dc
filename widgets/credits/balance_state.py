"""Server-side state of one CreditBalance: reads the balance through the customer-token API,
keeps it fresh while shown, and buys credits with the customer's default card."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.credits.schemas import CreditBalance, CreditCurrencyPublic, PurchaseResult
from widgets._ui.format import format_date
from widgets._ui.live import FAILURES, LiveWidget, failure_detail
from widgets._ui.texts import fill as _fill
from widgets.credits import model
from widgets.credits.model import BalanceView, PurchaseOption
from widgets.credits.texts import BALANCE_TEXTS

CUSTOM = "custom"


class BalanceState(LiveWidget):
    """Re-reads the balance every few seconds while shown, so consumption elsewhere shows."""

    subject: ClassVar[str] = "credit balance"
    text_kind: ClassVar[str] = "credit_balance"
    text_defaults: ClassVar[Mapping[str, str]] = BALANCE_TEXTS
    log: ClassVar[logging.Logger] = logging.getLogger(__name__)

    view: rx.Field[BalanceView] = rx.field(default_factory=BalanceView)
    options: rx.Field[list[PurchaseOption]] = rx.field(default_factory=list)
    can_buy: bool = False
    unit_plural: str = ""
    dialog_open: bool = False
    choice: str = ""
    custom: str = ""
    custom_error: str = ""
    buy_text: str = ""
    total: str = ""
    card: str = ""
    has_card: bool = False
    buy_error: str = ""
    busy: bool = False
    notice: str = ""

    _currency: CreditCurrencyPublic | None = None
    _order: tuple[str, str] | None = None

    async def _fetch(self, quiet: bool = False) -> None:
        currency_id = self._request["currency_id"]

        async def read(c):
            if self._currency is None:
                return await asyncio.gather(c.get_my_credits(currency_id),
                                            c.get_my_credit_currency(currency_id))
            return await c.get_my_credits(currency_id), self._currency

        got = await self._read(read, quiet)
        if got is None:
            return
        balance, self._currency = got
        self._show(balance)
        self._ready()

    def _show(self, balance: CreditBalance) -> None:
        locale, texts = self._locale(), self._texts()
        self.view = model.balance_view(balance, locale, lambda d: format_date(d, locale), texts)
        currency = self._currency
        self.options = model.purchase_options(currency, locale, texts) if currency else []
        self.unit_plural = balance.currency.unit_plural
        self.can_buy = bool(self._request.get("show_add_credits", True) and currency
                            and currency.price is not None)

    # -- buying --------------------------------------------------------------------------------
    @rx.event
    async def set_dialog_open(self, value: bool):
        """Open "Add credits" on the first pack and look up the card it will charge; a
        purchase under way keeps the dialog open until it is answered."""
        if self.busy:
            return
        self.dialog_open = bool(value)
        if not value:
            return
        self.buy_error, self.custom_error, self.notice = "", "", ""
        if not self.choice:
            self.choice = self.options[0].value if self.options else CUSTOM
        self._quote()
        yield
        try:
            cards = await self._call(lambda c: c.list_my_payment_methods())
        except FAILURES as exc:
            self.card, self.has_card = failure_detail(exc), False
            return
        default = next((m for m in cards if m.is_default and not m.archived), None)
        self.card, self.has_card = model.card_label(default, self._texts()), default is not None

    @rx.event
    def choose(self, value: str):
        self.choice, self.buy_error, self.custom_error = value, "", ""
        self._quote()

    @rx.event
    def set_custom(self, text: str):
        self.custom, self.buy_error = text, ""
        self._quote(live=True)

    def _chosen(self) -> tuple[Decimal | None, str]:
        if self._currency is None:
            return None, ""
        if self.choice == CUSTOM:
            return model.check_custom(self.custom, self._currency, self._locale(), self._texts())
        return (Decimal(self.choice), "") if self.choice else (None, "")

    def _quote(self, live: bool = False) -> None:
        credits, error = self._chosen()
        if live:
            self.custom_error = error if self.custom.strip() else ""
        if self._currency is not None:
            self.buy_text, self.total = model.buy_label(credits, self._currency, self._locale(),
                                                        self._texts())

    @rx.event
    async def buy(self):
        """Charge the default card for the chosen credits, once per order."""
        if self.busy or self._currency is None:
            return
        texts = self._texts()
        credits, error = self._chosen()
        if credits is None:
            self.custom_error = error or texts["custom_required"]
            return
        if not self.has_card:
            self.buy_error = texts["no_card_body"]
            return
        self._order = model.order_key(self._order, str(credits),
                                      lambda: f"tg-credits-{uuid.uuid4().hex}")
        key, currency_id = self._order[1], self._currency.id
        self.busy, self.buy_error = True, ""
        yield
        try:
            result: PurchaseResult = await self._call(lambda c: c.purchase_my_credits(
                currency_id, credits, idempotency_key=key))
        except TollgateError as exc:
            reason = failure_detail(exc)
            if exc.status == 402:
                self._order = None  # a declined order is over; the next try is a new one
                self.buy_error = _fill(texts["declined"], reason=reason)
            else:
                self.buy_error = _fill(texts["failed"], reason=reason)
            return
        except (RuntimeError, ValueError) as exc:
            self.buy_error = _fill(texts["failed"], reason=failure_detail(exc))
            return
        finally:
            self.busy = False
        self._order, self.dialog_open, self.custom = None, False, ""
        self._show(result.balance)
        self.notice = _fill(texts["purchased"], amount=model.format_credits(
            result.grant.amount, self._locale()), units=model.units(result.grant.amount,
                                                                   self._currency))
        handler = type(self).config.get("on_purchase")
        if handler is not None:
            yield handler({"currency_id": currency_id, "credits": str(result.grant.amount),
                           "grant_id": result.grant.id, "cost": result.cost.formatted,
                           "balance": str(result.balance.current)})
