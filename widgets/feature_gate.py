"""Feature gate: children shown only while the customer is entitled to a feature.

Checks go through the customer-token API (`as_customer` -> `check_mine`) on the server. While
shown, a background task listens to `/api/v1/me/entitlements/stream` and checks again on every
change (in-process backends, which cannot stream, are polled instead); it stops when the
component unmounts, after `LIVE_FOR_SECONDS`, or when its state can no longer be reached.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, ClassVar

import httpx
import reflex as rx
from reflex.vars import Var

from backend.client import TollgateError, sse
from widgets._customer import NoCustomer, as_customer, customer_client
from widgets._ui.varref import resolve, static_or_ref

STREAM_PATH = "/api/v1/me/entitlements/stream"
POLL_SECONDS = 5.0
LIVE_FOR_SECONDS = 60 * 60
RETRY_SECONDS = 2.0

log = logging.getLogger(__name__)


def gate_status(state: Any) -> str:
    """`allowed` or `denied` for an `EntitlementState` (or None: no answer -> `denied`)."""
    return "allowed" if state is not None and state.has_access else "denied"


def changes(lines: Any) -> Any:
    """The `entitlements.changed` events among SSE lines."""
    return (e for e in sse.parse(lines) if e.event == "entitlements.changed")


class FeatureGateState(rx.ComponentState):
    config: ClassVar[dict[str, Any]] = {}

    status: str = "loading"
    denial_reason: str = ""
    _request: dict[str, Any] = rx.field(default_factory=dict)
    _shown: bool = False

    @rx.event
    async def load(self):
        """Check on mount, then keep the answer live."""
        self._request = await resolve(type(self).config, self)
        self._shown = True
        await self._check()
        return type(self).keep_live

    @rx.event
    def hide(self):
        self._shown = False

    async def _check(self) -> None:
        req = self._request
        try:
            state = await as_customer(
                req.get("customer_id") or None, req.get("customer_token") or None,
                lambda c: c.check_mine(req["feature_id"],
                                       requested_usage=req.get("requested_usage")))
        except NoCustomer:
            self.status, self.denial_reason = "denied", "no_customer"
            return
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("feature gate check failed: %s", exc)
            self.status, self.denial_reason = "denied", "unavailable"
            return
        self.status = gate_status(state)
        self.denial_reason = state.denial_reason or ""

    async def _still_shown(self, recheck: bool) -> bool:
        async with self:
            if not self._shown:
                return False
            if recheck:
                await self._check()
            return True

    @rx.event(background=True)
    async def keep_live(self):
        """Check again whenever the customer's entitlements change, while shown."""
        loop = asyncio.get_running_loop()
        end = loop.time() + LIVE_FOR_SECONDS
        req = self._request
        while loop.time() < end:
            try:
                client = await customer_client(req.get("customer_id") or None,
                                               req.get("customer_token") or None)
                http = client._http
                if isinstance(getattr(http, "_transport", None), httpx.ASGITransport):
                    await asyncio.sleep(POLL_SECONDS)
                    if not await self._still_shown(recheck=True):
                        return
                    continue
                async with http.stream("GET", STREAM_PATH,
                                       timeout=httpx.Timeout(10.0, read=45.0)) as response:
                    async for _ in _achanges(response.aiter_lines()):
                        if not await self._still_shown(recheck=True):
                            return
            except (NoCustomer, TollgateError):
                return
            except (httpx.HTTPError, RuntimeError) as exc:
                log.info("feature gate stream interrupted: %s", exc)
            if not await self._still_shown(recheck=False):
                return
            await asyncio.sleep(RETRY_SECONDS)


async def _achanges(lines: Any) -> Any:
    collected: list[str] = []
    async for line in lines:
        collected.append(line)
        if line == "":
            for event in changes(collected):
                yield event
            collected = []


class FeatureGate(FeatureGateState):
    @classmethod
    def get_component(cls, *children: rx.Component, config: dict[str, Any],
                      fallback: rx.Component | None = None,
                      loading: rx.Component | None = None) -> rx.Component:
        cls.config = config
        return rx.el.div(
            rx.match(
                cls.status,
                ("loading", loading if loading is not None else rx.el.span(
                    role="status", aria_busy="true", class_name="tg-gate-loading")),
                ("allowed", rx.fragment(*children)),
                fallback if fallback is not None else rx.fragment(),
            ),
            class_name="tg-feature-gate",
            on_mount=cls.load, on_unmount=cls.hide,
            custom_attrs={"data-testid": "feature-gate", "data-status": cls.status},
        )


def feature_gate(feature_id: str, *children: rx.Component, customer_id: str | Var | None = None,
                 customer_token: str | Var | None = None, fallback: rx.Component | None = None,
                 requested_usage: int | None = None,
                 loading: rx.Component | None = None) -> rx.Component:
    """Show `children` only while the customer may use `feature_id`, `fallback` otherwise.

    `customer_id` is a state var of your app read on the server (or pass a `customer_token`).
    """
    config = {"feature_id": feature_id, "requested_usage": requested_usage,
              "customer_id": static_or_ref(customer_id, "customer_id"),
              "customer_token": static_or_ref(customer_token, "customer_token")}
    gate = FeatureGate.create(*children, config=config, fallback=fallback, loading=loading)
    key: Var = Var.create(f"tg-gate|{feature_id}")
    for part in (customer_id, customer_token):
        key = key + "|" + (part.to_string() if isinstance(part, Var) else str(part or ""))
    return rx.fragment(gate, key=key)
