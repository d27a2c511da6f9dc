"""Server-side state of one AutoRecharge widget: the status card (read through the
customer-token API and kept fresh while shown) and the settings form (checked here before it
is sent; the API's 422 field errors are shown next to the same fields)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import reflex as rx
from babel.numbers import get_currency_symbol

from backend.client import TollgateError
from backend.credits.schemas import AutoRechargePublic
from backend.kit.money import normalize_locale
from widgets._ui.format import format_date
from widgets._ui.live import LiveWidget, failure_detail
from widgets._ui.texts import fill
from widgets.credits import model
from widgets.credits import recharge_model as rmodel
from widgets.credits.recharge_model import FIELDS, RechargeView
from widgets.credits.texts import RECHARGE_TEXTS


def _no_errors() -> dict[str, str]:
    return dict.fromkeys(FIELDS, "")


class RechargeState(LiveWidget):
    """Re-reads the status every few seconds while shown (a recharge may just have run)."""

    subject: ClassVar[str] = "auto-recharge"
    text_kind: ClassVar[str] = "auto_recharge"
    text_defaults: ClassVar[Mapping[str, str]] = RECHARGE_TEXTS
    log: ClassVar[logging.Logger] = logging.getLogger(__name__)

    view: rx.Field[RechargeView] = rx.field(default_factory=RechargeView)
    form_open: bool = False
    values: dict[str, str] = rx.field(default_factory=dict)
    errors: dict[str, str] = rx.field(default_factory=_no_errors)
    warnings: list[str] = rx.field(default_factory=list)
    form_error: str = ""
    busy: bool = False
    notice: str = ""
    currency_code: str = ""
    currency_symbol: str = ""
    unit_plural: str = ""
    target_hint: str = ""
    amount_label: str = ""

    _setting: AutoRechargePublic | None = None
    _balance: Decimal | None = None
    _attempted: bool = False

    async def _fetch(self, quiet: bool = False) -> None:
        currency_id = self._request["currency_id"]
        got = await self._read(lambda c: asyncio.gather(
            c.get_my_auto_recharge(currency_id), c.get_my_credits(currency_id)), quiet)
        if got is None:
            return
        setting, balance = got
        self._balance = balance.current
        self._show(setting)
        if self.form_open:
            self._check(validate=False)
        self._ready()

    def _locale(self) -> str:
        return normalize_locale(self._request.get("locale"))

    def _show(self, setting: AutoRechargePublic) -> None:
        locale, texts = self._locale(), self._texts()
        self._setting = setting
        self.view = rmodel.recharge_view(setting, locale, lambda d: format_date(d, locale), texts)
        self.unit_plural = setting.currency.unit_plural
        if setting.price is not None:
            code = setting.price.currency
            self.currency_code = code
            self.currency_symbol = get_currency_symbol(code, locale=locale)
            self.amount_label = fill(texts["type_amount"], currency=code)
            self.target_hint = fill(texts["target_hint"],
                                    price=model.unit_price(setting.price, locale),
                                    unit=setting.currency.unit_singular)

    # -- the settings form ---------------------------------------------------------------------
    @rx.event
    def open_form(self):
        """Show the settings form, filled with the saved settings."""
        if self._setting is None:
            return
        self.values = rmodel.form_values(self._setting)
        self.errors, self.form_error, self.notice = _no_errors(), "", ""
        self._attempted, self.form_open = False, True
        self._check(validate=False)

    @rx.event
    def close_form(self):
        if not self.busy:
            self.form_open, self.errors, self.form_error = False, _no_errors(), ""

    @rx.event
    def edit(self, field: str, value: str):
        """Keep what the customer typed; once a save was tried, re-check as they fix it."""
        self.values = {**self.values, field: str(value)}
        self._check(validate=self._attempted)

    @rx.event
    def toggle(self, checked: bool):
        self.values = {**self.values, "enabled": "on" if checked else ""}
        self._check(validate=self._attempted)

    def _check(self, validate: bool) -> dict[str, object] | None:
        if self._setting is None:
            return None
        texts, locale = self._texts(), self._locale()
        self.warnings = rmodel.recharge_warnings(self.values, self._setting, self._balance,
                                                 locale, texts)
        body, errors = rmodel.validate_recharge(self.values, self._setting, locale, texts)
        if validate:
            self.errors = errors
        return body

    @rx.event
    async def save(self, _form: dict[str, Any]):
        """Check the settings, then save them; field errors stay next to their fields."""
        if self.busy or self._setting is None:
            return
        self._attempted = True
        body = self._check(validate=True)
        if body is None:
            return
        texts, currency_id = self._texts(), self._request["currency_id"]
        self.busy, self.form_error = True, ""
        yield
        try:
            setting = await self._call(lambda c: c.save_my_auto_recharge(currency_id, body))
        except TollgateError as exc:
            if exc.status == 422:
                self.errors, general = rmodel.server_errors(exc.problem)
                self.form_error = fill(texts["save_failed"], reason=general) if general else ""
            else:
                self.form_error = fill(texts["save_failed"], reason=failure_detail(exc))
            return
        except (RuntimeError, ValueError) as exc:
            self.form_error = fill(texts["save_failed"], reason=failure_detail(exc))
            return
        finally:
            self.busy = False
        self._show(setting)
        self.form_open, self.notice = False, texts["saved"]
        handler = type(self).config.get("on_saved")
        if handler is not None:
            yield handler({"currency_id": currency_id, **body})
