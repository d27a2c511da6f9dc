"""The designer's Texts panel in headless Chromium: change paywall texts, see the preview follow
at once, publish, and see the storefront show them; reset and undo reach the preview too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def designer(page: Page, app_url: str, api: httpx.Client) -> Iterator[Page]:
    """The designer, loaded; afterwards the house theme is emptied, republished and no longer
    the default, so the other tests see the built-in texts."""
    page.goto(app_url + "/designer")
    expect(page.locator(".dz-layout")).to_have_attribute("data-loaded", "true", timeout=60_000)
    expect(page.get_by_test_id("preview").get_by_test_id("paywall")).to_have_attribute(
        "data-status", "ready", timeout=60_000)
    yield page
    api.patch("/api/v1/themes/house", json={"document": {}}).raise_for_status()
    api.post("/api/v1/themes/house/publish").raise_for_status()
    api.delete("/api/v1/themes/assignments/default")


def set_text(page: Page, key: str, text: str) -> None:
    field = page.get_by_test_id(f"text-{key}")
    field.fill(text)
    field.press("Tab")


def test_texts_edit_preview_publish_and_reset(designer: Page, browser: Browser,
                                              app_url: str) -> None:
    page = designer
    preview = page.get_by_test_id("preview")
    contact = preview.get_by_test_id("cta-enterprise")
    expect(contact).to_have_text("Contact us")
    expect(page.get_by_test_id("texts-widget")).to_have_value("paywall")
    page.get_by_test_id("texts-locale").select_option("en")
    expect(page.get_by_test_id("text-cta_contact_us")).to_have_attribute("placeholder",
                                                                          "Contact us")

    set_text(page, "cta_contact_us", "Talk to sales")  # filled on the server (a card's button)
    expect(contact).to_have_text("Talk to sales")
    page.get_by_test_id("texts-filter").fill("annual")
    expect(page.get_by_test_id("text-cta_contact_us")).to_have_count(0)
    set_text(page, "period_annual", "Yearly")  # a text of the view itself
    expect(preview.locator(".tg-period-annual")).to_have_text("Yearly")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "designer-texts.png"), full_page=True)

    page.get_by_test_id("publish").click()
    expect(page.get_by_test_id("designer-message")).to_contain_text("Published version")
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    storefront = visitor.new_page()
    storefront.goto(app_url + "/")
    expect(storefront.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                                   timeout=60_000)
    expect(storefront.get_by_test_id("cta-enterprise")).to_have_text("Talk to sales")
    expect(storefront.locator(".tg-period-annual")).to_have_text("Yearly")
    visitor.close()

    page.get_by_test_id("texts-filter").fill("")
    page.get_by_role("button", name="Reset Button contact us to the default").click()
    expect(contact).to_have_text("Contact us")
    page.get_by_role("button", name="Undo").click()
    expect(contact).to_have_text("Talk to sales")
    expect(page.get_by_test_id("text-cta_contact_us")).to_have_value("Talk to sales")
