"""Server-side state of the credit usage chart: loads the customer's usage series through the
customer-token API for the chosen range, builds the light and dark figures, and re-reads every
few seconds while shown so consumption elsewhere appears."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any, ClassVar

import plotly.graph_objects as go
import reflex as rx

from backend.client import TollgateError
from backend.credits.schemas import CreditUsage
from widgets._customer import NoCustomer, as_customer
from widgets._ui.varref import resolve
from widgets.credits import chart_model
from widgets.credits.chart_model import LegendRow
from widgets.credits.chart_texts import chart_texts

REFRESH_SECONDS = 5.0
REFRESH_FOR_SECONDS = 15 * 60

log = logging.getLogger(__name__)


def _detail(exc: Exception) -> str:
    return getattr(exc, "detail", "") or str(exc)


class CreditUsageState(rx.ComponentState):
    config: ClassVar[dict[str, Any]] = {}

    status: str = "loading"  # loading | ready | error | no_customer
    error_detail: str = ""
    range: str = chart_model.DEFAULT_RANGE
    switching: bool = False
    total: str = ""
    unit: str = ""
    caption: str = ""
    chart_label: str = ""
    empty: bool = True
    rows: rx.Field[list[LegendRow]] = rx.field(default_factory=list)
    figure_light: go.Figure = go.Figure()
    figure_dark: go.Figure = go.Figure()

    _request: dict[str, Any] = rx.field(default_factory=dict)
    _shown: bool = False
    _signature: str = ""

    @rx.event
    async def load(self):
        """Read the widget's inputs on the server, load the chosen range and keep it fresh."""
        self._request = await resolve(type(self).config, self)
        chosen = self._request.get("range") or chart_model.DEFAULT_RANGE
        self.range = chosen if chosen in chart_model.RANGES else chart_model.DEFAULT_RANGE
        self._shown, self._signature = True, ""
        await self._fetch()
        return type(self).keep_fresh

    @rx.event
    def hide(self):
        self._shown = False

    @rx.event
    async def retry(self):
        self.status = "loading"
        yield
        await self._fetch()

    @rx.event
    async def set_range(self, value: str):
        """Show another time range (24h, 7d, 30d or 12m)."""
        if value not in chart_model.RANGES or value == self.range:
            return
        self.range, self.switching = value, True
        yield
        await self._fetch()
        self.switching = False

    @rx.event(background=True)
    async def keep_fresh(self):
        """Re-read usage every few seconds while the widget is shown (bounded in time)."""
        for _ in range(int(REFRESH_FOR_SECONDS / REFRESH_SECONDS)):
            await asyncio.sleep(REFRESH_SECONDS)
            async with self:
                if not self._shown:
                    return
                if self.switching:
                    continue
                await self._fetch(quiet=True)

    async def _fetch(self, quiet: bool = False) -> None:
        req, range_ = self._request, self.range
        currency_id = req.get("currency_id") or ""
        try:
            usage: CreditUsage = await as_customer(
                req.get("customer_id") or None, req.get("customer_token") or None,
                lambda c: c.get_my_credit_usage(currency_id, range=range_))
        except NoCustomer:
            self.status = "no_customer"
            return
        except (TollgateError, RuntimeError, ValueError) as exc:
            if not quiet:
                log.warning("credit usage failed to load: %s", exc)
                self.status, self.error_detail = "error", _detail(exc)
            return
        if range_ != self.range:
            return  # the customer chose another range meanwhile
        signature = hashlib.sha256(
            f"{range_}|{usage.model_dump_json(exclude={'end'})}".encode()).hexdigest()
        if signature == self._signature and self.status == "ready":
            return
        self._apply(usage, range_)
        self._signature = signature
        self.status, self.error_detail = "ready", ""

    def _apply(self, usage: CreditUsage, range_: str) -> None:
        locale = self._request.get("locale") or "en_US"
        texts = chart_texts(self._request.get("text_overrides"))
        shown = chart_model.view(usage, range_, locale, texts)
        self.total, self.unit, self.caption = shown.total, shown.unit, shown.caption
        self.chart_label, self.empty, self.rows = shown.label, shown.empty, shown.rows
        self.figure_light = chart_model.figure(usage, chart_model.chart_style("light"),
                                               locale, texts)
        self.figure_dark = chart_model.figure(usage, chart_model.chart_style("dark"),
                                              locale, texts)
