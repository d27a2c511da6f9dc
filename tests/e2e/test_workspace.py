"""The demo product in headless Chromium: the host's AI button consumes metered credits and
the usage bar follows; a feature gate opens when the customer is granted the feature."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def open_workspace(page: Page, who: str) -> None:
    page.get_by_test_id("view-as").get_by_role("radio", name=who).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(who)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Product").click()
    expect(page).to_have_url(re.compile(r"/app$"))


def test_consuming_credits_moves_the_usage_bar(storefront: Page) -> None:
    page = storefront
    open_workspace(page, "Globex GmbH")  # Business: 10,000 AI credits a month
    amount = page.get_by_test_id("usage-ai-credits").locator(".tg-usage-amount")
    expect(amount).to_have_text("0 of 10,000 AI credits", timeout=15_000)
    page.get_by_test_id("use-ai").click()
    expect(page.get_by_test_id("ai-result")).to_contain_text("Summary ready. 50 AI credits used")
    expect(amount).to_have_text("50 of 10,000 AI credits", timeout=15_000)


def test_feature_gate_opens_when_the_feature_is_granted(storefront: Page, api) -> None:
    page = storefront
    open_workspace(page, "Globex GmbH")
    expect(page.get_by_test_id("sso-settings")).to_be_visible(timeout=15_000)  # Business has SSO
    page.goto(page.url.replace("/app", "/"))  # Acme (Plus) has no SSO until it is granted
    open_workspace(page, "Acme Corp")
    expect(page.get_by_test_id("sso-locked")).to_be_visible(timeout=15_000)
    grant = api.post("/api/v1/customers/acme/promotional-entitlements",
                     json={"feature_id": "sso", "period": "1_week"})
    grant.raise_for_status()
    expect(page.get_by_test_id("sso-settings")).to_be_visible(timeout=15_000)
    api.post(f"/api/v1/promotional-entitlements/{grant.json()['id']}/revoke").raise_for_status()
    expect(page.get_by_test_id("sso-locked")).to_be_visible(timeout=15_000)
