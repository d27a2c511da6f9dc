"""The theme designer in headless Chromium: edit colours and corners with a live preview of
the real widgets, publish, and see the storefront follow without a rebuild; restyle component
tokens (sizes, colours, roles) with warnings and undo, write custom CSS, roll back to a published
version, and find and open the panel's groups from the keyboard in light, dark and narrow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
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


@contextmanager
def storefront_of_a_visitor(browser: Browser, app_url: str) -> Iterator[Page]:
    """The storefront, loaded in a fresh browser context (no designer state, no cache)."""
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    storefront = visitor.new_page()
    storefront.goto(app_url + "/")
    expect(storefront.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                                   timeout=60_000)
    yield storefront
    visitor.close()


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
    version = re.search(r"Published version (\d+)",
                        page.get_by_test_id("designer-message").inner_text()).group(1)
    expect(page.locator('link[href*="/themes/published.css"]')).to_have_attribute(
        "href", re.compile(rf"[?&]v={version}(&|$)"))  # this tab refetches the live theme

    with storefront_of_a_visitor(browser, app_url) as storefront:
        expect(live_cta(storefront)).to_have_css("background-color", TEAL_RGB)
        expect(storefront.locator(".tg-plan-card").first).to_have_css("border-radius", "32px")

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


def open_group(page: Page, key: str) -> None:
    summary = page.get_by_test_id(f"group-{key}")
    if summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()


def set_number(page: Page, token: str, value: str) -> None:
    field = page.get_by_test_id(f"number-{token}")
    field.fill(value)
    field.press("Enter")


def test_component_tokens_restyle_the_preview_with_warnings_and_undo(designer: Page) -> None:
    page = designer
    preview = page.get_by_test_id("preview")
    open_group(page, "paywall")
    expect(page.get_by_test_id("role-paywall-highlight-border")).to_have_value("accent")
    expect(page.get_by_test_id("alias-of-paywall-price-size")).to_have_text("font.size.7")

    page.get_by_test_id("choice-paywall-align").select_option("center")
    expect(preview.locator(".tg-plan-card").first).to_have_css("text-align", "center")
    set_number(page, "paywall-price-size", "56")
    expect(preview.locator(".tg-price-amount").first).to_have_css("font-size", "56px")
    set_hex(page, "paywall-highlight-border", "#b91c1c")
    expect(preview.locator(".tg-plan-highlighted").first).to_have_css(
        "border-top-color", "rgb(185, 28, 28)")
    expect(page.get_by_test_id("role-paywall-highlight-border")).to_have_value("")
    page.get_by_test_id("role-paywall-cta-bg").select_option("danger")
    expect(live_cta(preview)).to_have_css("background-color", "rgb(206, 44, 49)")

    slider = page.get_by_test_id("slider-paywall-card-radius")
    slider.focus()
    page.keyboard.press("End")
    card = preview.locator(".tg-plan-card").first
    expect(card).to_have_css("border-radius", "48px")
    expect(page.get_by_test_id("number-paywall-card-radius")).to_have_value("48")
    page.get_by_role("button", name="Undo").click()
    expect(card).to_have_css("border-radius", "16px")
    page.get_by_role("button", name="Redo").click()
    expect(card).to_have_css("border-radius", "48px")
    page.get_by_role("button", name="Reset Paywall card radius to the default").click()
    expect(card).to_have_css("border-radius", "16px")

    set_hex(page, "paywall-cta-text", "#f0a0a0")
    warning = page.get_by_test_id("warning-paywall-cta-text").first
    expect(warning).to_contain_text("paywall-cta-text on paywall-cta-bg (light)")
    expect(page.get_by_test_id("badge-paywall")).to_be_visible()
    warning.scroll_into_view_if_needed()
    shot(page, "components")
    page.get_by_role("button", name="Undo").click()
    remaining = page.get_by_test_id("warning-paywall-cta-text")
    expect(remaining).to_have_count(1)  # white on the danger role fails in dark mode only
    expect(remaining).to_contain_text("paywall-cta-text on paywall-cta-bg (dark)")


def test_custom_css_applies_live_and_unsafe_css_is_refused(designer: Page) -> None:
    page = designer
    preview = page.get_by_test_id("preview")
    editor = page.get_by_test_id("custom-css")
    editor.fill(".tg-root .tg-plan-card { outline: 3px solid rgb(1, 2, 3); }")
    card = preview.locator(".tg-plan-card").first
    expect(card).to_have_css("outline-color", "rgb(1, 2, 3)")
    expect(card).to_have_css("outline-style", "solid")
    editor.press("Tab")  # leaving the editor ends one undo step

    editor.focus()
    editor.fill("body { color: red; }")
    error = page.get_by_test_id("custom-css-error")
    expect(error).to_contain_text("selector 'body' is not under .tg-root")
    expect(editor).to_have_attribute("aria-invalid", "true")
    expect(card).to_have_css("outline-color", "rgb(1, 2, 3)")
    editor.scroll_into_view_if_needed()
    shot(page, "custom-css-error")

    editor.fill("")
    expect(error).to_have_count(0)
    expect(card).to_have_css("outline-style", "none")
    page.get_by_role("button", name="Undo").click()
    expect(editor).to_have_value(".tg-root .tg-plan-card { outline: 3px solid rgb(1, 2, 3); }")
    expect(card).to_have_css("outline-style", "solid")


def published(page: Page) -> int:
    page.get_by_test_id("publish").click()
    message = page.get_by_test_id("designer-message")
    expect(message).to_contain_text("Published version")
    return int(re.search(r"Published version (\d+)", message.inner_text()).group(1))


def test_publish_twice_then_roll_back_to_the_first(designer: Page, browser: Browser,
                                                    app_url: str) -> None:
    page = designer
    preview = page.get_by_test_id("preview")
    set_hex(page, "primary", TEAL)
    page.get_by_label("Note for the next version (optional)").fill("Teal for the launch")
    first = published(page)
    expect(page.get_by_test_id("publish-note")).to_have_value("")  # cleared for the next one
    row = page.get_by_test_id(f"version-{first}")
    expect(row.get_by_test_id("version-note")).to_have_text("Teal for the launch")
    expect(row).to_contain_text(re.compile(r"by .*\(tg_sk_"))
    set_hex(page, "primary", "#7c2d12")
    expect(live_cta(preview)).to_have_css("background-color", "rgb(124, 45, 18)")
    second = published(page)
    assert second == first + 1
    expect(page.get_by_test_id(f"version-{second}").get_by_test_id("version-note")).to_have_count(0)
    expect(page.get_by_test_id(f"version-{second}").get_by_test_id("version-live")).to_be_visible()

    page.get_by_test_id(f"rollback-{first}").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text(f"Make version {first} live")
    expect(page.get_by_test_id("confirm-rollback")).to_be_focused()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    page.get_by_test_id(f"rollback-{first}").click()
    shot(page, "rollback-confirm")
    page.get_by_test_id("confirm-rollback").click()
    expect(page.get_by_test_id("versions-message")).to_contain_text(f"Version {first} is live")
    expect(page.get_by_test_id(f"version-{first}").get_by_test_id("version-live")).to_be_visible()
    expect(page.get_by_test_id("hex-primary")).to_have_value(TEAL)
    expect(live_cta(preview)).to_have_css("background-color", TEAL_RGB)

    with storefront_of_a_visitor(browser, app_url) as storefront:
        expect(live_cta(storefront)).to_have_css("background-color", TEAL_RGB)

    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_test_id("hex-primary")).to_have_value("#7c2d12")


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings in the panel."""
    results = Axe().run(page, context=".dz-panel",
                        options={"resultTypes": ["violations"]}).response
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def panel_shot(page: Page, name: str, at: str = "layer-base") -> None:
    """The panel, scrolled so that `at` is at its top."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.get_by_test_id(at).evaluate("e => e.scrollIntoView({block: 'start'})")
    page.locator(".dz-panel").screenshot(path=str(SHOTS / f"designer-panel-{name}.png"))


def test_groups_open_from_the_keyboard_in_light_dark_and_narrow(designer: Page) -> None:
    page = designer
    page.set_viewport_size({"width": 1440, "height": 1500})
    summary = page.get_by_test_id("group-checkout")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("token-checkout-radius")).to_be_visible()
    expect(summary.get_by_role("heading", level=3)).to_have_text("Checkout")
    expect(page.get_by_role("region", name="Components")).to_be_visible()
    finder = page.get_by_test_id("token-filter")
    finder.fill("price")
    expect(page.get_by_test_id("token-paywall-price-size")).to_be_visible()
    expect(page.get_by_test_id("token-paywall-card-bg")).to_be_hidden()
    expect(page.get_by_test_id("group-credits")).to_be_hidden()
    expect(page.get_by_test_id("layer-semantic")).to_be_hidden()
    panel_shot(page, "filter", "layer-component")
    finder.fill("")
    expect(page.get_by_test_id("token-paywall-price-size")).to_be_hidden()
    open_group(page, "base-colours")
    expect(page.get_by_role("group", name="Indigo")).to_be_visible()
    expect(page.get_by_label("Indigo step 9")).to_have_value("#3e63dd")
    panel_shot(page, "light")
    open_group(page, "paywall")
    open_group(page, "semantic-more")
    open_group(page, "base-space")
    panel_shot(page, "light-components", "layer-component")
    page.wait_for_timeout(300)
    assert serious_violations(page) == []

    page.emulate_media(color_scheme="dark")
    page.reload()
    expect(page.locator(".dz-layout")).to_have_attribute("data-loaded", "true", timeout=60_000)
    open_group(page, "checkout")
    open_group(page, "base-colours")
    panel_shot(page, "dark")
    panel_shot(page, "dark-versions", "css-editor")
    open_group(page, "paywall")
    page.wait_for_timeout(300)
    assert serious_violations(page) == []

    page.set_viewport_size({"width": 760, "height": 1400})
    page.emulate_media(color_scheme="light")
    expect(page.get_by_test_id("token-checkout-radius")).to_be_visible()
    page.get_by_test_id("layer-base").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "designer-panel-narrow.png"))
