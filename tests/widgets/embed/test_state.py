"""EmbedState.check against a fake backend: what the frame shows and tells the host page."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from reflex.istate.data import ReflexURL, RouterData

from backend.client import TollgateError
from backend.embedding.schemas import FrameContextPublic
from widgets.embed import state as state_module
from widgets.embed.state import EmbedState

HOST = "https://app.example"
EXPIRES = datetime(2030, 1, 1, tzinfo=UTC)


class FakeBackend:
    """Answers `check_frame` like the backend: key and origin first, then the token."""

    def __init__(self, refuse_key: dict | None = None, refuse_token: dict | None = None):
        self.refuse_key, self.refuse_token = refuse_key, refuse_token
        self.calls: list[dict[str, Any]] = []

    async def check_frame(self, key: str, origin: str, **kwargs: Any) -> FrameContextPublic:
        self.calls.append({"key": key, "origin": origin, **kwargs})
        refusal = self.refuse_token if kwargs["customer_token"] or kwargs[
            "customer_required"] else self.refuse_key
        if refusal:
            raise TollgateError(refusal["status"], refusal)
        customer = "acme" if kwargs["customer_token"] else None
        return FrameContextPublic(origin=origin, customer_id=customer,
                                  expires_at=EXPIRES if customer else None)


def run(state: EmbedState, backend: FakeBackend, monkeypatch: pytest.MonkeyPatch,
        url: str) -> list[str]:
    """The scripts `check` sends to the frame (the bridge's source left out)."""
    monkeypatch.setattr(state_module, "get_client", lambda: backend)
    state.router = RouterData(url=ReflexURL(url))

    async def drain() -> list[str]:
        return [str(spec.args[0][1]._var_value) async for spec in state.check()]

    with ThreadPoolExecutor(max_workers=1) as pool:
        scripts = pool.submit(asyncio.run, drain()).result()
    return [s for s in scripts if s.startswith("window.TollgateFrame && ")]


@pytest.fixture
def state() -> EmbedState:
    return EmbedState(_reflex_internal_init=True)


def portal(token: str = "tg_ct_ok") -> str:
    return f"http://tg.example/embed/portal?key=tg_pk_a&origin={HOST}&product=ws" + \
        (f"&token={token}" if token else "")


def test_a_verified_portal_gets_its_token_and_tells_the_host(state, monkeypatch):
    backend = FakeBackend()
    scripts = run(state, backend, monkeypatch, portal())
    assert state.status == "ready" and state.customer_token == "tg_ct_ok"
    assert state.product == "ws"
    assert backend.calls[0]["page_origin"] == "http://tg.example"
    assert f'start("{HOST}", {{"widget":"portal","expiresAt":' in scripts[0]
    assert 'emit("ready", {"widget":"portal"})' in scripts[1]


def test_a_refused_key_shows_why_and_tells_no_one(state, monkeypatch):
    backend = FakeBackend(refuse_key={"status": 403, "reason": "secret_key",
                                      "detail": "This is a secret key"})
    assert run(state, backend, monkeypatch, portal()) == []
    assert (state.status, state.error_code) == ("error", "secret_key")
    assert state.error_title == "This widget was given a secret key"
    assert state.customer_token == "" and len(backend.calls) == 1


def test_an_expired_token_is_shown_and_reported_to_the_verified_host(state, monkeypatch):
    backend = FakeBackend(refuse_token={"status": 401, "reason": "expired",
                                        "detail": "The customer token has expired"})
    scripts = run(state, backend, monkeypatch, portal())
    assert (state.status, state.error_code, state.error_title) == (
        "error", "token_expired", "Your session has expired")
    assert state.customer_token == ""
    assert f'start("{HOST}", {{"widget":"portal","expiresAt":null}})' in scripts[0]
    assert '"code":"token_expired"' in scripts[1] and "has expired" in scripts[1]


def test_the_paywall_needs_no_token_and_bad_params_stop_before_the_backend(state, monkeypatch):
    backend = FakeBackend()
    run(state, backend, monkeypatch,
        f"http://tg.example/embed/paywall/workspace?key=tg_pk_a&origin={HOST}")
    assert state.status == "ready" and state.product == "workspace"
    assert [c["customer_required"] for c in backend.calls] == [False]
    run(state, backend, monkeypatch, f"http://tg.example/embed/paywall?origin={HOST}")
    assert (state.status, state.error_code) == ("error", "key_missing")
    assert len(backend.calls) == 1
