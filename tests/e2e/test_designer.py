"""The theme designer in headless Chromium: edit colours and corners with a live preview of
the real widgets, publish, and see the storefront follow without a rebuild."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
TEAL, TEAL_RGB = "#0f766e", "rgb(15, 118, 110)"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"designer-{name}.png"), full_page=True)


def set_hex(page: Page, role: str, value: str) -> None:
    field = page.get_by_test_id(f"hex-{role}")
    field.fill(value)
    field.press("Tab")


def live_cta(scope):
    return scope.locator(".tg-cta-primary:not(:disabled)").first


@pytest.fixture
def designer(page: Page, app_url: str, api: httpx.Client) -> Iterator[Page]:
    """The designer, loaded; afterwards the house theme is emptied, republished and no longer
    the default, so the other tests see the built-in colours."""
    page.goto(app_url + "/designer")
    expect(page.locator(".dz-layout")).to_have_attribute("data-loaded", "true", timeout=60_000)
    preview = page.get_by_test_id("preview")
    expect(preview.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                                timeout=60_000)
    yield page
    api.patch("/api/v1/themes/house", json={"document": {}}).raise_for_status()
    api.post("/api/v1/themes/house/publish").raise_for_status()
    api.delete("/api/v1/themes/assignments/default")


def test_designer_edits_preview_publish_and_warn(designer: Page, browser: Browser,
                                                 app_url: str) -> None:
    page = designer
    preview = page.get_by_test_id("preview")
    set_hex(page, "primary", TEAL)
    expect(live_cta(preview)).to_have_css("background-color", TEAL_RGB)
    expect(page.get_by_test_id("swatch-primary")).to_have_value(TEAL)
    page.get_by_test_id("radius").focus()
    page.keyboard.press("End")
    expect(preview.locator(".tg-plan-card").first).to_have_css("border-radius", "32px")
    expect(page.get_by_role("button", name="Reset Corner radius to the default")).to_be_enabled()
    shot(page, "light")

    page.get_by_test_id("publish").click()
    expect(page.get_by_test_id("designer-message")).to_contain_text("Published version")

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    storefront = visitor.new_page()
    storefront.goto(app_url + "/")
    expect(storefront.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                                   timeout=60_000)
    expect(live_cta(storefront)).to_have_css("background-color", TEAL_RGB)
    expect(storefront.locator(".tg-plan-card").first).to_have_css("border-radius", "32px")
    visitor.close()

    page.get_by_test_id("preview-dark").click()
    expect(preview).to_have_attribute("data-appearance", "dark")
    expect(preview.get_by_test_id("preview-panel-paywall")).not_to_have_css("background-color",
                                                                             "rgb(252, 252, 253)")
    expect(preview.locator(".tg-plan-card").first).not_to_have_css("background-color",
                                                                   "rgb(255, 255, 255)")
    shot(page, "dark")
    page.get_by_test_id("preview-light").click()
    page.get_by_test_id("preview-mobile").click()
    expect(preview).to_have_class(re.compile(r"\bdz-mobile\b"))
    shot(page, "mobile")
    page.get_by_test_id("preview-desktop").click()

    set_hex(page, "text", "#f5f5f5")
    warning = page.get_by_test_id("warning-text").first
    expect(warning).to_contain_text("text on surface (light)")
    expect(warning).to_contain_text("needs 4.5:1")
    warning.scroll_into_view_if_needed()
    shot(page, "warning")
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_test_id("warning-text")).to_have_count(0)
    expect(page.get_by_test_id("hex-text")).not_to_have_value("#f5f5f5")
