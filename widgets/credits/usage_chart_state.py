"""Server-side state of the credit usage chart: loads the customer's usage series through the
customer-token API for the chosen range, builds the light and dark figures, and re-reads every
few seconds while shown so consumption elsewhere appears."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

import plotly.graph_objects as go
import reflex as rx

from backend.credits.schemas import CreditUsage
from tokens import Theme, build
from widgets._ui.live import LiveWidget
from widgets._ui.themed import drawing_theme, preview_classes
from widgets.credits import chart_model
from widgets.credits.chart_model import LegendRow
from widgets.credits.chart_texts import CHART_TEXTS


class CreditUsageState(LiveWidget):
    """Re-reads usage every few seconds while the widget is shown (bounded in time)."""

    refresh_seconds: ClassVar[float] = 5.0
    subject: ClassVar[str] = "credit usage"
    text_kind: ClassVar[str] = "credit_usage"
    text_defaults: ClassVar[Mapping[str, str]] = CHART_TEXTS
    log: ClassVar[logging.Logger] = logging.getLogger(__name__)

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

    _signature: str = ""
    _theme_document: dict[str, Any] = {}  # a draft shown in a preview ({}: none pushed)

    def _on_load(self) -> None:
        """Start on the configured range."""
        chosen = self._request.get("range") or chart_model.DEFAULT_RANGE
        self.range = chosen if chosen in chart_model.RANGES else chart_model.DEFAULT_RANGE
        self._signature = ""

    @rx.event
    async def set_range(self, value: str):
        """Show another time range (24h, 7d, 30d or 12m)."""
        if value not in chart_model.RANGES or value == self.range:
            return
        self.range, self.switching = value, True
        yield
        await self._fetch()
        self.switching = False

    async def _texts_changed(self) -> None:
        self._signature = ""  # re-apply the same data with the new texts
        await super()._texts_changed()

    async def _show_theme(self, document: Mapping[str, Any]) -> None:
        """Draw the chart in a theme document's colours and font (a designer's draft)."""
        if dict(document) != self._theme_document:
            self._theme_document = dict(document)
            await self._texts_changed()

    async def _tick(self) -> None:
        if not self.switching:
            await self._fetch(quiet=True)

    async def _fetch(self, quiet: bool = False) -> None:
        range_ = self.range
        currency_id = self._request.get("currency_id") or ""
        usage: CreditUsage | None = await self._read(
            lambda c: c.get_my_credit_usage(currency_id, range=range_), quiet)
        if usage is None:
            return
        if range_ != self.range:
            return  # the customer chose another range meanwhile
        signature = hashlib.sha256(
            f"{range_}|{usage.model_dump_json(exclude={'end'})}".encode()).hexdigest()
        if signature == self._signature and self.status == "ready":
            return
        self._apply(usage, range_, await self._drawing_theme())
        self._signature = signature
        self._ready()

    async def _drawing_theme(self) -> Theme | None:
        if self._theme_document:
            return build(self._theme_document)
        if self.config.get("texts_preview"):
            return None  # the designer pushes its draft
        return await drawing_theme(self.text_kind, self._theme_key())

    def _apply(self, usage: CreditUsage, range_: str, theme: Theme | None) -> None:
        locale = self._locale()
        texts = self._texts()
        shown = chart_model.view(usage, range_, locale, texts)
        self.total, self.unit, self.caption = shown.total, shown.unit, shown.caption
        self.chart_label, self.empty, self.rows = shown.label, shown.empty, shown.rows
        self.figure_light = chart_model.figure(usage, chart_model.chart_style("light", theme),
                                               locale, texts)
        self.figure_dark = chart_model.figure(usage, chart_model.chart_style("dark", theme),
                                              locale, texts)


async def preview_chart_theme(from_state: rx.State, document: Mapping[str, Any]) -> None:
    """Draw every chart built with `texts_preview=True` in `document`'s tokens, for the client
    `from_state` belongs to (its figures cannot read the preview's CSS variables)."""
    for cls in preview_classes():
        if issubclass(cls, CreditUsageState):
            chart = await from_state.get_state(cls)
            await chart._show_theme(document)
