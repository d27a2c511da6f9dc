"""The CustomerPortal in headless Chromium, as a customer would use it: Acme (on Plus) sees
the plan and next bill, cancels with a reason and takes it back, changes the card, and the
usage bars follow the usage the host reports. Acme is left as it was found."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_portal(page: Page, who: str = "Acme Corp"):
    page.get_by_test_id("view-as").get_by_role("radio", name=who).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(who)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    expect(page).to_have_url(re.compile(r"/account$"))
    portal = page.get_by_test_id("portal")
    expect(portal).to_have_attribute("data-status", "ready", timeout=20_000)
    return portal


def test_overview_cancel_with_reason_and_undo(storefront: Page) -> None:
    page = storefront
    portal = open_portal(page)
    expect(page.get_by_test_id("plan-name")).to_have_text("Plus plan")
    expect(page.get_by_test_id("status")).to_have_text("Active")
    expect(page.get_by_test_id("next-bill")).to_have_text("$12")
    expect(portal.get_by_test_id("portal-included")).to_contain_text("2,000 AI credits per month")
    shot(page, "portal-light")

    page.get_by_test_id("cancel-open").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(page.get_by_test_id("cancel-preview")).to_contain_text("Then you move to Free")
    page.keyboard.press("Escape")  # closes without cancelling
    expect(dialog).to_be_hidden()
    page.get_by_test_id("cancel-open").click()
    page.get_by_test_id("cancel-confirm").click()  # no reason chosen yet
    expect(page.get_by_test_id("cancel-error")).to_have_text("Choose a reason.")
    page.get_by_test_id("reason-too_expensive").click()
    page.get_by_label("Anything else? (optional)").fill("Budget freeze")
    shot(page, "portal-cancel-dialog")
    page.get_by_test_id("cancel-confirm").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("scheduled")).to_contain_text("Your subscription will be canceled")
    expect(page.get_by_test_id("status")).to_contain_text("Cancels")
    expect(page.get_by_test_id("no-bill")).to_contain_text("Then you move to Free")
    shot(page, "portal-cancel-scheduled")
    page.get_by_test_id("undo").click()
    expect(page.get_by_test_id("portal-notice")).to_have_text(
        "Done: your subscription stays as it is.")
    expect(page.get_by_test_id("scheduled")).to_have_count(0)
    expect(page.get_by_test_id("status")).to_have_text("Active")


def test_change_card_with_inline_errors(storefront: Page) -> None:
    page = storefront
    open_portal(page)
    page.get_by_test_id("card-change").click()
    page.get_by_test_id("portal-card_number").fill("4242 4242 4242 4241")
    page.get_by_test_id("portal-card_expiry").fill("12/30")
    page.get_by_test_id("portal-card_cvc").fill("123")
    page.get_by_test_id("card-save").click()
    expect(page.get_by_test_id("card-error")).to_be_visible()
    page.get_by_test_id("portal-card_number").fill("5555 5555 5555 4444")
    page.get_by_test_id("card-save").click()
    expect(page.get_by_test_id("card-label")).to_have_text("Mastercard ending in 4444")
    expect(page.get_by_test_id("portal-notice")).to_contain_text("Card saved")


def test_usage_bars_follow_reported_usage(storefront: Page, api) -> None:
    page = storefront
    open_portal(page)
    bar = page.get_by_test_id("usage-ai-credits")
    expect(bar).to_contain_text("0 of 2,000 AI credits")
    api.post("/api/v1/usage", json={"customer_id": "acme", "feature_id": "ai-credits",
                                    "value": 1500}).raise_for_status()
    expect(bar).to_contain_text("1,500 of 2,000 AI credits", timeout=15_000)
    expect(bar).to_have_attribute("data-state", "warning")
    expect(bar.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "1500")
    api.post("/api/v1/usage", json={"customer_id": "acme", "feature_id": "ai-credits",
                                    "value": 0, "behavior": "set"}).raise_for_status()
    expect(bar).to_contain_text("0 of 2,000 AI credits", timeout=15_000)


def test_portal_dark_and_mobile(storefront: Page) -> None:
    page = storefront
    page.get_by_test_id("color-mode").click()
    open_portal(page)
    shot(page, "portal-dark")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "portal-mobile")
