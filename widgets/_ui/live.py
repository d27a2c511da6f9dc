"""What every "live" widget shares: it reads its inputs on the server when it mounts, loads its
data through the customer-token API, re-reads it every few seconds while shown, and offers a
retry after an error. A widget's state subclasses `LiveWidget` and provides `_fetch(quiet)`;
its factory builds the config with `live_config` and wraps the widget with `keyed`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ClassVar, TypeVar

import reflex as rx
from reflex.vars import Var

from backend.client import AsyncTollgateClient, TollgateError
from widgets._customer import NoCustomer, as_customer
from widgets._ui.feedback import empty_state, error_state
from widgets._ui.themed import ThemedTexts
from widgets._ui.varref import resolve, static_or_ref

REFRESH_FOR_SECONDS = 15 * 60
FAILURES = (TollgateError, RuntimeError, ValueError)  # NoCustomer is a ValueError
T = TypeVar("T")


def failure_detail(exc: Exception) -> str:
    """What to show of a failed call: the API's detail, or the error itself."""
    return getattr(exc, "detail", "") or str(exc)


class LiveWidget(ThemedTexts):
    """A state mixin (as every ComponentState subclass is): the inputs, the loading status and
    the load / hide / retry / keep_fresh events of a widget that stays fresh while shown, and
    its theme texts (loaded before the first fetch)."""

    config: ClassVar[dict[str, Any]] = {}
    refresh_seconds: ClassVar[float] = 4.0
    subject: ClassVar[str] = "widget"  # "<subject> failed to load: ..." in the log
    log: ClassVar[logging.Logger] = logging.getLogger(__name__)

    status: str = "loading"  # loading | ready | error | no_customer
    error_detail: str = ""

    _shown: bool = False

    @rx.event
    async def load(self):
        """Read the widget's inputs on the server, load its data and keep it fresh."""
        self._request = await resolve(type(self).config, self)
        self._shown = True
        self._on_load()
        await self._load_theme_texts(self._locale())
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

    @rx.event(background=True)
    async def keep_fresh(self):
        """Re-read every few seconds while the widget is shown (bounded in time), so changes
        made elsewhere show."""
        seconds = self.refresh_seconds  # `self` is a StateProxy here, not the state
        for _ in range(int(REFRESH_FOR_SECONDS / seconds)):
            await asyncio.sleep(seconds)
            async with self:
                if not self._shown:
                    return
                await self._tick()

    # -- hooks ---------------------------------------------------------------------------------
    async def _fetch(self, quiet: bool = False) -> None:
        """Load the data and show it; `quiet` (a refresh) keeps what is shown on failure."""
        raise NotImplementedError

    def _on_load(self) -> None:
        """Set up from the freshly read inputs, before the first fetch."""

    async def _fetch_first(self) -> None:
        """The load on mount and on retry."""
        await self._fetch()

    async def _tick(self) -> None:
        """One refresh while shown."""
        await self._fetch(quiet=True)

    def _no_customer(self) -> None:
        self.status = "no_customer"

    async def _texts_changed(self) -> None:
        if self._request and self.status == "ready":
            await self._fetch(quiet=True)

    # -- helpers -------------------------------------------------------------------------------
    def _locale(self) -> str:
        return self._request.get("locale") or "en_US"

    async def _call(self, fn: Callable[[AsyncTollgateClient], Awaitable[T]]) -> T:
        req = self._request
        return await as_customer(req.get("customer_id") or None,
                                 req.get("customer_token") or None, fn)

    async def _read(self, fn: Callable[[AsyncTollgateClient], Awaitable[T]],
                    quiet: bool = False) -> T | None:
        """`fn`'s result with the customer's client, or None once the failure is shown: no
        customer, or (unless `quiet`) the error, logged."""
        try:
            return await self._call(fn)
        except NoCustomer:
            self._no_customer()
        except FAILURES as exc:
            if not quiet:
                self.log.warning("%s failed to load: %s", self.subject, exc)
                self.status, self.error_detail = "error", failure_detail(exc)
        return None

    def _ready(self) -> None:
        self.status, self.error_detail = "ready", ""


# -- views -------------------------------------------------------------------------------------
def live_config(inputs: Mapping[str, Any], text_overrides: Mapping[str, str] | None,
                texts_preview: bool = False, **settings: Any) -> dict[str, Any]:
    """A widget's config: each input as given, or the state var holding it (read on the
    server), the text overrides, whether it previews a draft's texts, and its own settings."""
    config: dict[str, Any] = {k: static_or_ref(v, k) for k, v in inputs.items()}
    config.update(text_overrides=dict(text_overrides or {}), texts_preview=texts_preview,
                  **settings)
    return config


def keyed(widget: rx.Component, name: str, *parts: Any) -> rx.Component:
    """`widget` keyed by its name and `parts` (the inputs it shows), so another customer or
    currency mounts a fresh widget rather than showing the last one's data."""
    key: Var = Var.create(name)
    for part in parts:
        key = key + "|" + (part.to_string() if isinstance(part, Var) else str(part or ""))
    return rx.fragment(widget, key=key)


def status_body(state: type[LiveWidget], texts: Mapping[str, str], loading: rx.Component,
                ready: rx.Component) -> rx.Component:
    """The loading skeleton, the error with a retry, "no customer", or the widget itself."""
    return rx.match(
        state.status,
        ("loading", loading),
        ("error", error_state(texts["error_title"], texts["error_body"], state.error_detail,
                              texts["error_retry"], state.retry)),
        ("no_customer", empty_state(texts["no_customer_title"], texts["no_customer_body"])),
        ready,
    )
