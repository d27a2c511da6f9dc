"""Allowed embedding origins through the API, and the frame-ancestors policy of hosted pages."""

import asyncio

import httpx
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from backend.embedding.frame_guard import FrameGuard
from tests.backend.helpers import assert_problem, ok


def test_origins_are_kept_normalised_and_bad_ones_refused(api, tenant):
    assert ok(api.get("/api/v1/environment/embed-origins")) == {"origins": []}
    saved = ok(api.put("/api/v1/environment/embed-origins", json={
        "origins": ["https://App.example.com/", "http://localhost:5173"]}))
    assert saved == {"origins": ["https://app.example.com", "http://localhost:5173"]}
    assert_problem(api.put("/api/v1/environment/embed-origins", json={
        "origins": ["https://*.example.com"]}), 422, "origins")
    assert ok(api.get("/api/v1/environment/embed-origins"))["origins"][0] == \
        "https://app.example.com"
    publishable = tenant.client("publishable")
    assert publishable.put("/api/v1/environment/embed-origins",
                           json={"origins": []}).status_code == 403


def _page(request):
    return HTMLResponse("<p>widget</p>", headers={"X-Frame-Options": "DENY"})


def test_hosted_pages_may_be_framed_only_by_the_allowed_origins(api, tenant):
    ok(api.put("/api/v1/environment/embed-origins", json={"origins": ["https://shop.example"]}))
    site = Starlette(routes=[Route("/embed/paywall", _page), Route("/pricing", _page),
                             Route("/embed.js", _page)])
    guarded = FrameGuard(site, tenant.app.state.session_factory)

    async def get(path):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(guarded),
                                     base_url="http://t") as client:
            return await client.get(path)

    framed = asyncio.run(get(f"/embed/paywall?key={tenant.publishable}"))
    assert framed.headers["content-security-policy"] == \
        "frame-ancestors 'self' https://shop.example"
    assert "x-frame-options" not in framed.headers
    assert framed.headers["referrer-policy"] == "no-referrer"
    assert asyncio.run(get("/embed/paywall")).headers["content-security-policy"] == \
        "frame-ancestors 'self'"
    assert asyncio.run(get("/embed/paywall?key=tg_pk_forged")).headers[
        "content-security-policy"] == "frame-ancestors 'self'"
    assert "content-security-policy" not in asyncio.run(get("/pricing")).headers
    assert "content-security-policy" not in asyncio.run(get("/embed.js")).headers


def test_a_change_of_origins_reaches_the_frame_policy_at_once(api, tenant):
    guard = FrameGuard(Starlette(), tenant.app.state.session_factory)
    assert guard.policy(tenant.publishable) == "frame-ancestors 'self'"
    ok(api.put("/api/v1/environment/embed-origins", json={"origins": ["https://shop.example"]}))
    assert guard.policy(tenant.publishable) == "frame-ancestors 'self' https://shop.example"
