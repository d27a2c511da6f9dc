"""The storefront's Paywall in headless Chromium, clicked as a person would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PLAN_NAMES = ["Free", "Plus", "Business", "Enterprise"]


def price(page: Page, plan: str):
    return page.get_by_test_id(f"price-{plan}")


def cta(page: Page, plan: str):
    return page.get_by_test_id(f"cta-{plan}")


def choose_period(page: Page, label: str) -> None:
    page.get_by_role("radio", name=label).click()
    expect(page.get_by_role("radio", name=label)).to_be_checked()


def view_as(page: Page, who: str) -> None:
    page.get_by_test_id("view-as").get_by_role("radio", name=who).click()


def dark_mode(page: Page) -> None:
    page.get_by_test_id("color-mode").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))


def test_anonymous_visitor_sees_the_seeded_plans(storefront: Page) -> None:
    page = storefront
    expect(page.locator(".tg-plan-card .tg-plan-name")).to_have_text(PLAN_NAMES)
    choose_period(page, "Monthly")
    expect(price(page, "plus")).to_contain_text("$29")
    expect(price(page, "plus")).to_contain_text("per month")
    expect(price(page, "business")).to_contain_text("$79")
    expect(price(page, "enterprise")).to_contain_text("Custom")
    expect(cta(page, "enterprise")).to_have_text("Contact us")
    expect(cta(page, "free")).to_have_text("Get started")
    expect(cta(page, "business")).to_have_text("Start 14-day trial")
    business = page.get_by_test_id("plan-business")
    expect(business).to_have_class(re.compile(r"\btg-plan-highlighted\b"))
    expect(business.locator(".tg-highlight-chip")).to_have_text("Most popular")
    expect(business.locator(".tg-features-title")).to_have_text("Everything in Plus, plus:")
    expect(business.locator(".tg-feature")).to_contain_text(["50 seats", "Audit log"])
    expect(business.locator(".tg-addon-name")).to_have_text(["Extra seats", "AI Boost"])
    expect(page.get_by_test_id("plan-plus").locator(".tg-feature")).to_contain_text(
        ["Unlimited projects"])


def test_period_toggle_changes_prices_and_shows_the_saving(storefront: Page) -> None:
    page = storefront
    expect(page.get_by_test_id("savings-badge")).to_have_text("Save 17%")
    choose_period(page, "Monthly")
    expect(price(page, "plus")).to_contain_text("$29")
    choose_period(page, "Annual")
    expect(page.get_by_role("radio", name="Annual")).to_be_checked()
    expect(price(page, "plus")).to_contain_text("$24.17")
    expect(price(page, "plus")).to_contain_text("per month, billed annually")
    expect(page.get_by_test_id("plan-plus").locator(".tg-price-note")).to_have_text(
        "$290 billed yearly")
    expect(price(page, "business")).to_contain_text("$65.83")


def test_known_customer_sees_current_plan_and_upgrade(storefront: Page) -> None:
    page = storefront
    view_as(page, "Acme Corp")
    expect(cta(page, "plus")).to_have_text("Current plan")
    expect(cta(page, "plus")).to_be_disabled()
    expect(page.get_by_test_id("plan-plus").locator(".tg-current-chip")).to_have_text("Your plan")
    expect(cta(page, "business")).to_have_text("Upgrade")
    expect(cta(page, "business")).to_be_enabled()
    expect(cta(page, "free")).to_have_text("Downgrade")
    choose_period(page, "Annual")
    expect(cta(page, "plus")).to_have_text("Switch to annual billing")
    expect(cta(page, "plus")).to_be_enabled()


def test_german_customer_sees_euro_prices(storefront: Page) -> None:
    page = storefront
    view_as(page, "Globex GmbH")
    expect(page.get_by_test_id("currency").get_by_role("radio", name="EUR")).to_be_checked()
    choose_period(page, "Annual")
    expect(price(page, "business")).to_contain_text(re.compile(r"62,50\s€"))
    expect(price(page, "plus")).to_contain_text(re.compile(r"22,50\s€"))
    expect(cta(page, "business")).to_have_text("Current plan")
    choose_period(page, "Monthly")
    expect(price(page, "business")).to_contain_text(re.compile(r"75\s€"))


def test_clicking_a_plan_button_fires_on_plan_selected(storefront: Page) -> None:
    page = storefront
    selection = page.get_by_test_id("selection")
    expect(selection).to_have_attribute("role", "status")
    choose_period(page, "Annual")
    cta(page, "business").click()
    expect(selection).to_contain_text("Business · annual · start_trial")
    view_as(page, "Acme Corp")
    expect(cta(page, "business")).to_have_text("Upgrade")
    cta(page, "business").click()
    expect(selection).to_contain_text("Business · monthly · upgrade")
    cta(page, "enterprise").click()
    expect(selection).to_contain_text("Enterprise · monthly · contact_us")


def test_toggle_and_buttons_are_reachable_with_the_keyboard(storefront: Page) -> None:
    page = storefront
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        testid = page.evaluate("document.activeElement?.getAttribute('data-testid') || ''")
        reached.append(testid)
        if testid == "cta-enterprise":
            break
    assert "period-annual" in reached
    assert [t for t in reached if t.startswith("cta-")] == [
        "cta-free", "cta-plus", "cta-business", "cta-enterprise"]
    page.get_by_test_id("period-annual").focus()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("radio", name="Monthly")).to_be_checked()
    expect(price(page, "plus")).to_contain_text("$29")
    cta(page, "plus").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("selection")).to_contain_text("Plus · monthly · subscribe")


def test_skeleton_shows_while_plans_load(page: Page, app_url: str) -> None:
    page.route_web_socket(lambda url: "_event" in url, lambda ws: None)  # backend never answers
    page.goto(app_url + "/")
    loading = page.get_by_test_id("loading")
    expect(loading).to_be_visible()
    expect(loading).to_have_attribute("role", "status")
    expect(loading).to_contain_text("Loading plans")
    expect(loading.locator(".tg-skeleton-card")).to_have_count(4)
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "loading")


def test_unknown_product_shows_an_error_with_retry(page: Page, app_url: str) -> None:
    page.goto(app_url + "/embed/paywall/no-such-product")
    error = page.get_by_role("alert")
    expect(error).to_contain_text("We couldn't load the plans")
    expect(error).to_contain_text("No product 'no-such-product'")
    page.get_by_role("button", name="Retry").click()
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "error")
    expect(page.get_by_role("button", name="Retry")).to_be_visible()


def test_product_without_plans_shows_the_empty_state(page: Page, app_url: str, api) -> None:
    created = api.post("/api/v1/products", json={"id": "e2e-empty", "display_name": "Empty"})
    assert created.status_code in (201, 409), created.text
    page.goto(app_url + "/embed/paywall/e2e-empty")
    expect(page.get_by_test_id("empty")).to_contain_text("No plans available yet")


def test_embedded_paywall_renders_the_demo_plans(page: Page, app_url: str) -> None:
    page.goto(app_url + "/embed/paywall/workspace")
    expect(page.locator(".tg-plan-card .tg-plan-name")).to_have_text(PLAN_NAMES)


def _accessibility_problems(page: Page) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    # Contrast that axe could not measure (e.g. text over gradients) would go unchecked.
    unmeasured = [f"unmeasured contrast at {n['target']}" for v in results["incomplete"]
                  if v["id"] == "color-contrast" for n in v["nodes"]]
    return serious + unmeasured


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_violations(storefront: Page, mode: str) -> None:
    page = storefront
    if mode == "dark":
        dark_mode(page)
    page.wait_for_timeout(300)  # let colour transitions settle before measuring contrast
    assert _accessibility_problems(page) == []
    view_as(page, "Acme Corp")
    expect(cta(page, "plus")).to_be_disabled()
    page.wait_for_timeout(300)
    assert _accessibility_problems(page) == []


def test_screenshots_light_and_dark(storefront: Page) -> None:
    page = storefront
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-light.png"), full_page=True)
    dark_mode(page)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-dark.png"), full_page=True)
    view_as(page, "Acme Corp")
    expect(cta(page, "plus")).to_have_text("Current plan")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-mobile-dark-acme.png"), full_page=True)
    assert (SCREENSHOTS / "storefront-light.png").stat().st_size > 10_000
    assert (SCREENSHOTS / "storefront-dark.png").stat().st_size > 10_000
