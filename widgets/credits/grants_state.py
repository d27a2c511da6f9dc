"""Server-side state of the credit grants table: pages through the customer's grants with the
API cursor, sorts the loaded rows by the chosen column, and re-reads them every few seconds
while shown."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.kit.pagination import MAX_LIMIT
from widgets._customer import NoCustomer, as_customer
from widgets._ui.format import format_date
from widgets._ui.texts import fill
from widgets._ui.varref import resolve
from widgets.credits import grants_model
from widgets.credits.grants_model import GrantRow
from widgets.credits.grants_texts import grants_texts

REFRESH_SECONDS = 5.0
REFRESH_FOR_SECONDS = 15 * 60
DEFAULT_PAGE_SIZE = 10

log = logging.getLogger(__name__)


def _detail(exc: Exception) -> str:
    return getattr(exc, "detail", "") or str(exc)


class CreditGrantsState(rx.ComponentState):
    config: ClassVar[dict[str, Any]] = {}

    status: str = "loading"  # loading | ready | error | no_customer
    error_detail: str = ""
    rows: rx.Field[list[GrantRow]] = rx.field(default_factory=list)
    units: str = ""
    caption: str = ""
    count_text: str = ""
    sort_column: str = grants_model.DEFAULT_SORT[0]
    sort_desc: bool = grants_model.DEFAULT_SORT[1]
    has_more: bool = False
    loading_more: bool = False
    more_error: str = ""

    _request: dict[str, Any] = rx.field(default_factory=dict)
    _loaded: list[GrantRow] = rx.field(default_factory=list)  # API order, newest first
    _cursor: str | None = None
    _shown: bool = False

    @rx.event
    async def load(self):
        """Read the widget's inputs on the server, load the first page and keep it fresh."""
        self._request = await resolve(type(self).config, self)
        self._shown = True
        await self._fetch_first()
        return type(self).keep_fresh

    @rx.event
    def hide(self):
        self._shown = False

    @rx.event
    async def retry(self):
        self.status = "loading"
        yield
        await self._fetch_first()

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
        except (TollgateError, RuntimeError, ValueError) as exc:
            self.more_error = fill(self._texts()["more_failed"], detail=_detail(exc))
        else:
            known = {row.id for row in self._loaded}
            fresh = [r for r in self._rows(page.data) if r.id not in known]
            self._loaded = self._loaded + fresh
            self._cursor, self.has_more = page.next_cursor, page.has_more
            self._show()
        finally:
            self.loading_more = False

    @rx.event(background=True)
    async def keep_fresh(self):
        """Re-read the loaded grants every few seconds while the table is shown."""
        for _ in range(int(REFRESH_FOR_SECONDS / REFRESH_SECONDS)):
            await asyncio.sleep(REFRESH_SECONDS)
            async with self:
                if not self._shown:
                    return
                if self.loading_more or self.status != "ready":
                    continue
                await self._refresh()

    # -- helpers -------------------------------------------------------------------------------
    def _texts(self) -> dict[str, str]:
        return grants_texts(self._request.get("text_overrides"))

    def _currency(self) -> str:
        return str(self._request.get("currency_id") or "")

    def _page_size(self) -> int:
        size = self._request.get("page_size") or DEFAULT_PAGE_SIZE
        return max(1, min(int(size), MAX_LIMIT))

    async def _call(self, fn):
        req = self._request
        return await as_customer(req.get("customer_id") or None,
                                 req.get("customer_token") or None, fn)

    def _rows(self, grants) -> list[GrantRow]:
        locale = self._request.get("locale") or "en_US"
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
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.info("credit currency unavailable: %s", exc)
            return
        self.units = currency.unit_plural

    async def _fetch_first(self) -> None:
        try:
            page = await self._call(lambda c: c.list_my_credit_grants(
                self._currency(), limit=self._page_size()))
            await self._units()
        except NoCustomer:
            self.status = "no_customer"
            return
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("credit grants failed to load: %s", exc)
            self.status, self.error_detail = "error", _detail(exc)
            return
        self._loaded = self._rows(page.data)
        self._cursor, self.has_more = page.next_cursor, page.has_more
        self._show()
        self.status, self.error_detail = "ready", ""

    async def _refresh(self) -> None:
        limit = min(max(self._page_size(), len(self._loaded)), MAX_LIMIT)
        try:
            page = await self._call(lambda c: c.list_my_credit_grants(
                self._currency(), limit=limit))
        except (TollgateError, RuntimeError, ValueError, NoCustomer) as exc:
            log.info("credit grants refresh failed: %s", exc)
            return
        fresh = self._rows(page.data)
        merged = grants_model.merge_refresh(self._loaded, fresh, limit)
        if len(self._loaded) <= limit:
            self._cursor, self.has_more = page.next_cursor, page.has_more
        if merged != self._loaded:
            self._loaded = merged
            self._show()
