"""Server-side state of the credit grants table: pages through the customer's grants with the
API cursor, sorts the loaded rows by the chosen column, and re-reads them every few seconds
while shown."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import ClassVar

import reflex as rx

from backend.kit.pagination import MAX_LIMIT
from widgets._ui.format import format_date
from widgets._ui.live import FAILURES, LiveWidget, failure_detail
from widgets._ui.texts import fill
from widgets.credits import grants_model
from widgets.credits.grants_model import GrantRow
from widgets.credits.grants_texts import GRANTS_TEXTS

DEFAULT_PAGE_SIZE = 10

log = logging.getLogger(__name__)


class CreditGrantsState(LiveWidget):
    """Re-reads the loaded grants every few seconds while the table is shown."""

    refresh_seconds: ClassVar[float] = 5.0
    subject: ClassVar[str] = "credit grants"
    text_kind: ClassVar[str] = "credit_grants"
    text_defaults: ClassVar[Mapping[str, str]] = GRANTS_TEXTS
    log: ClassVar[logging.Logger] = log

    rows: rx.Field[list[GrantRow]] = rx.field(default_factory=list)
    units: str = ""
    caption: str = ""
    count_text: str = ""
    sort_column: str = grants_model.DEFAULT_SORT[0]
    sort_desc: bool = grants_model.DEFAULT_SORT[1]
    has_more: bool = False
    loading_more: bool = False
    more_error: str = ""

    _loaded: list[GrantRow] = rx.field(default_factory=list)  # API order, newest first
    _cursor: str | None = None

    @rx.event
    def sort_by(self, column: str):
        """Sort the loaded rows by a column; the same column again flips the direction."""
        if column not in grants_model.COLUMNS:
            return
        self.sort_column, self.sort_desc = grants_model.next_sort(
            column, self.sort_column, self.sort_desc)
        self._show()

    @rx.event
    async def show_more(self):
        """Append the next page of grants (from the API cursor)."""
        if self.loading_more or not self.has_more:
            return
        self.loading_more, self.more_error = True, ""
        yield
        cursor = self._cursor
        try:
            page = await self._call(lambda c: c.list_my_credit_grants(
                self._currency(), limit=self._page_size(), cursor=cursor))
        except FAILURES as exc:
            self.more_error = fill(self._texts()["more_failed"], detail=failure_detail(exc))
        else:
            known = {row.id for row in self._loaded}
            fresh = [r for r in self._rows(page.data) if r.id not in known]
            self._loaded = self._loaded + fresh
            self._cursor, self.has_more = page.next_cursor, page.has_more
            self._show()
        finally:
            self.loading_more = False

    # -- helpers -------------------------------------------------------------------------------
    def _currency(self) -> str:
        return str(self._request.get("currency_id") or "")

    def _page_size(self) -> int:
        size = self._request.get("page_size") or DEFAULT_PAGE_SIZE
        return max(1, min(int(size), MAX_LIMIT))

    def _rows(self, grants) -> list[GrantRow]:
        locale = self._locale()
        return grants_model.grant_rows(grants, locale, lambda d: format_date(d, locale),
                                       self._texts())

    def _show(self) -> None:
        self.rows = grants_model.sort_rows(self._loaded, self.sort_column, self.sort_desc)
        texts = self._texts()
        self.count_text = fill(texts["shown"], count=len(self.rows))
        self.caption = fill(texts["caption"], units=self.units) if self.units else texts["title"]

    async def _units(self) -> None:
        if self.units:
            return
        try:
            currency = await self._call(lambda c: c.get_my_credit_currency(self._currency()))
        except FAILURES as exc:
            log.info("credit currency unavailable: %s", exc)
            return
        self.units = currency.unit_plural

    async def _fetch_first(self) -> None:
        page = await self._read(lambda c: c.list_my_credit_grants(
            self._currency(), limit=self._page_size()))
        if page is None:
            return
        await self._units()
        self._loaded = self._rows(page.data)
        self._cursor, self.has_more = page.next_cursor, page.has_more
        self._show()
        self._ready()

    async def _tick(self) -> None:
        if self.loading_more or self.status != "ready":
            return
        await self._refresh()

    async def _refresh(self) -> None:
        limit = min(max(self._page_size(), len(self._loaded)), MAX_LIMIT)
        try:
            page = await self._call(lambda c: c.list_my_credit_grants(
                self._currency(), limit=limit))
        except FAILURES as exc:  # NoCustomer too
            log.info("credit grants refresh failed: %s", exc)
            return
        fresh = self._rows(page.data)
        merged = grants_model.merge_refresh(self._loaded, fresh, limit)
        if len(self._loaded) <= limit:
            self._cursor, self.has_more = page.next_cursor, page.has_more
        if merged != self._loaded:
            self._loaded = merged
            self._show()
