"""Which theme a widget wears, in headless Chromium: a theme assigned to one widget kind styles
the storefront's paywall, and on the account page only the paywall inside the portal, not the
portal around it (the page's stylesheet scopes each widget's theme to that widget's roots); an
embedded page wears the published theme of its own key's environment."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.e2e

TEAL, TEAL_RGB = "#0f766e", "rgb(15, 118, 110)"


def primary(root: Locator) -> str:
    return root.evaluate("el => getComputedStyle(el).getPropertyValue('--tg-primary').trim()")


@pytest.fixture
def teal_paywall(api: httpx.Client) -> Iterator[None]:
    document = {"tokens": {"semantic": {"light": {"primary": TEAL}}}}
    created = api.post("/api/v1/themes", json={"id": "teal-paywall", "name": "Teal paywall",
                                              "document": document})
    assert created.status_code in (201, 409), created.text
    api.post("/api/v1/themes/teal-paywall/publish").raise_for_status()
    api.put("/api/v1/themes/assignments/paywall", json={"theme_id": "teal-paywall"}) \
        .raise_for_status()
    yield
    api.delete("/api/v1/themes/assignments/paywall")


def test_a_theme_assigned_to_the_paywall_styles_only_paywalls(page: Page, app_url: str,
                                                              teal_paywall: None) -> None:
    page.goto(app_url + "/")
    paywall = page.get_by_test_id("paywall")
    expect(paywall).to_have_attribute("data-status", "ready", timeout=60_000)
    expect(paywall.locator(".tg-cta-primary:not(:disabled)").first).to_have_css(
        "background-color", TEAL_RGB)

    page.get_by_test_id("view-as").get_by_role("radio", name="Acme Corp").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    expect(page).to_have_url(re.compile(r"/account$"))
    portal = page.get_by_test_id("portal")
    expect(portal).to_have_attribute("data-status", "ready", timeout=30_000)
    inner = portal.get_by_test_id("paywall")
    expect(inner).to_have_attribute("data-status", "ready", timeout=30_000)
    assert primary(inner) == TEAL
    assert primary(portal) not in ("", TEAL)

    page.get_by_test_id("color-mode").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    assert primary(inner) != primary(portal)  # dark: the paywall's own dark primary


def test_an_embedded_page_wears_its_own_environments_theme(page: Page, app_url: str, cli,
                                                           embed_url) -> None:
    slug = f"staging-{uuid.uuid4().hex[:6]}"
    cli("create-environment", slug)
    secret = cli("create-key", "--environment", slug, "--kind", "secret")
    key = cli("create-key", "--environment", slug, "--kind", "publishable")
    with httpx.Client(base_url=app_url, headers={"Authorization": f"Bearer {secret}"}) as staging:
        staging.put("/api/v1/environment/embed-origins", json={"origins": [app_url]}) \
            .raise_for_status()
        document = {"tokens": {"semantic": {"light": {"primary": TEAL}}}}
        staging.post("/api/v1/themes", json={"id": "staging", "name": "Staging",
                                             "document": document}).raise_for_status()
        staging.post("/api/v1/themes/staging/publish").raise_for_status()
        staging.put("/api/v1/themes/assignments/default", json={"theme_id": "staging"}) \
            .raise_for_status()

    page.goto(f"{app_url}/embed/paywall/workspace?" + str(httpx.QueryParams(
        key=key, origin=app_url)))
    root = page.get_by_test_id("embed")
    expect(root).not_to_have_attribute("data-status", "checking", timeout=60_000)
    page.wait_for_function(
        "(t) => getComputedStyle(document.querySelector('[data-testid=embed]'))"
        ".getPropertyValue('--tg-primary').trim() === t", arg=TEAL, timeout=20_000)

    page.goto(embed_url("/embed/paywall/workspace"))  # the demo environment's key
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                             timeout=60_000)
    assert primary(page.get_by_test_id("embed")) not in ("", TEAL)
