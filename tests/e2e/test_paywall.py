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


def total(page: Page, plan: str):
    return page.get_by_test_id(f"total-{plan}")


def seats(page: Page, plan: str):
    return page.get_by_test_id(f"plan-{plan}").get_by_label("Seats")


def set_seats(page: Page, plan: str, value: int) -> None:
    field = seats(page, plan)
    field.fill(str(value))
    expect(total(page, plan)).to_have_attribute("data-busy", "false")


def test_anonymous_visitor_sees_the_seeded_plans(storefront: Page) -> None:
    page = storefront
    expect(page.locator(".tg-plan-card .tg-plan-name")).to_have_text(PLAN_NAMES)
    choose_period(page, "Monthly")
    plus = page.get_by_test_id("plan-plus")
    expect(plus.locator(".tg-starts-at")).to_have_text("Starts at")
    expect(price(page, "plus")).to_have_text("$12per seat / month")
    expect(price(page, "business")).to_have_text("$29per seat / month")
    expect(price(page, "enterprise")).to_contain_text("Custom")
    expect(price(page, "free")).to_contain_text("Free")
    expect(cta(page, "enterprise")).to_have_text("Contact us")
    expect(cta(page, "free")).to_have_text("Get started")
    expect(cta(page, "business")).to_have_text("Start 14-day trial")
    business = page.get_by_test_id("plan-business")
    expect(business).to_have_class(re.compile(r"\btg-plan-highlighted\b"))
    expect(business.locator(".tg-highlight-chip")).to_have_text("Most popular")
    expect(business.locator(".tg-features-title")).to_have_text("Everything in Plus, plus:")
    expect(business.locator(".tg-feature")).to_contain_text(["Unlimited seats", "Audit log"])
    expect(page.get_by_test_id("usage-business")).to_have_text(
        "+ 100,000 API calls included, then $2 per 1,000 API calls")
    expect(page.get_by_test_id("usage-plus")).to_have_text(
        "+ API calls 1–10,000 free, 10,001–100,000 $0.001 each, above 100,000 $0.0005 each")
    expect(plus.locator(".tg-addon-name")).to_have_text(
        ["Extra storage", "AI Boost", "AI credit pack"])
    expect(plus.locator(".tg-addon-price")).to_have_text(
        ["$10/mo", "$19/mo", "$10 per pack of 5,000 credits"])
    expect(plus.locator(".tg-feature")).to_contain_text(["Unlimited projects"])


def test_period_toggle_changes_prices_and_shows_the_saving(storefront: Page) -> None:
    page = storefront
    expect(page.get_by_test_id("savings-badge")).to_have_text("Save 17%")
    choose_period(page, "Monthly")
    expect(price(page, "plus")).to_contain_text("$12")
    expect(total(page, "plus")).to_have_text("$12 / month for 1 seat")
    choose_period(page, "Annual")
    expect(price(page, "plus")).to_have_text("$10per seat / month, billed annually")
    expect(total(page, "plus")).to_contain_text("$10 / month for 1 seat")
    expect(total(page, "plus")).to_contain_text("$120 billed yearly")
    expect(total(page, "business")).to_contain_text("$72.50 / month for 3 seats")


def test_seat_input_updates_the_total_from_the_estimate(storefront: Page) -> None:
    page = storefront
    choose_period(page, "Monthly")
    field = seats(page, "plus")
    expect(field).to_have_value("1")
    expect(field).to_have_attribute("min", "1")
    expect(field).to_have_attribute("max", "20")
    set_seats(page, "plus", 5)
    expect(total(page, "plus")).to_have_text("$60 / month for 5 seats")
    page.get_by_role("button", name="Add one seat").first.click()
    expect(total(page, "plus")).to_have_text("$72 / month for 6 seats")
    expect(field).to_have_value("6")
    field.focus()
    page.keyboard.press("ArrowDown")  # keyboard editable, like any number input
    expect(total(page, "plus")).to_have_text("$60 / month for 5 seats")
    choose_period(page, "Annual")  # the same 5 seats, billed annually
    expect(total(page, "plus")).to_contain_text("$50 / month for 5 seats")
    expect(total(page, "plus")).to_contain_text("$600 billed yearly")


def test_out_of_range_seats_show_an_inline_error_then_clamp(storefront: Page) -> None:
    page = storefront
    choose_period(page, "Monthly")
    set_seats(page, "plus", 4)
    expect(total(page, "plus")).to_have_text("$48 / month for 4 seats")
    seats(page, "plus").fill("25")
    error = page.get_by_test_id("total-error-plus")
    expect(error).to_contain_text("Can't price 25 seats")
    expect(error).to_contain_text("at most 20")
    expect(total(page, "plus")).to_have_text("$48 / month for 4 seats")  # last total kept
    seats(page, "plus").blur()
    expect(seats(page, "plus")).to_have_value("20")
    expect(total(page, "plus")).to_have_text("$240 / month for 20 seats")
    expect(error).to_have_count(0)
    expect(page.get_by_role("button", name="Add one seat").first).to_be_disabled()


def test_tier_selector_highlights_the_tier_and_updates_the_total(storefront: Page) -> None:
    page = storefront
    choose_period(page, "Monthly")
    tiers = page.get_by_test_id("tiers-business").locator(".tg-tier")
    expect(tiers).to_have_text(["1–10 seats$29 / mo", "11–50 seats$25 / mo", "51+ seats$21 / mo"])
    expect(tiers.nth(0)).to_have_attribute("aria-current", "true")
    expect(total(page, "business")).to_have_text("$87 / month for 3 seats")
    set_seats(page, "business", 12)
    expect(total(page, "business")).to_have_text("$300 / month for 12 seats")
    expect(tiers.nth(1)).to_have_attribute("aria-current", "true")
    expect(tiers.nth(1)).to_have_class(re.compile(r"\btg-tier-active\b"))
    expect(tiers.nth(0)).to_have_attribute("aria-current", "false")
    choose_period(page, "Annual")
    expect(total(page, "business")).to_contain_text("$250 / month for 12 seats")
    expect(total(page, "business")).to_contain_text("$3,000 billed yearly")
    expect(tiers.nth(1)).to_contain_text("$20.83 / mo")
    choose_period(page, "Monthly")
    expect(total(page, "business")).to_have_text("$300 / month for 12 seats")


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


def test_german_customer_sees_euro_prices(storefront: Page, api) -> None:
    page = storefront
    view_as(page, "Globex GmbH")
    expect(page.get_by_test_id("currency").get_by_role("radio", name="EUR")).to_be_checked()
    # Assert what the backend itself returns for this customer, formatted for de-DE.
    data = api.get("/api/v1/paywall", params={"product_id": "workspace",
                                              "customer_id": "globex"}).json()
    assert (data["currency"], data["locale"]) == ("EUR", "de_DE")
    business = next(p for p in data["plans"] if p["id"] == "business")
    monthly = next(p for p in business["prices"] if p["billing_period"] == "monthly")
    tier_1 = monthly["components"][0]["tiers"][0]["unit_amount"]
    assert re.fullmatch(r"27\s€", tier_1)
    choose_period(page, "Monthly")
    expect(price(page, "business")).to_contain_text(re.compile(r"27\s€"))
    expect(price(page, "plus")).to_contain_text(re.compile(r"11\s€"))
    expect(page.get_by_test_id("usage-business")).to_contain_text(
        re.compile(r"100\.000 API calls included, then 2\s€ per 1\.000 API calls"))
    set_seats(page, "business", 12)
    expect(total(page, "business")).to_have_text(re.compile(r"276\s€ / month for 12 seats"))
    choose_period(page, "Annual")
    expect(total(page, "business")).to_contain_text(re.compile(r"230\s€ / month for 12 seats"))
    expect(total(page, "business")).to_contain_text(re.compile(r"2\.760\s€ billed yearly"))
    expect(price(page, "plus")).to_contain_text(re.compile(r"9,17\s€"))
    expect(cta(page, "business")).to_have_text("Current plan")


def test_british_customer_sees_pounds(storefront: Page) -> None:
    page = storefront
    view_as(page, "Initech")
    expect(page.get_by_test_id("currency").get_by_role("radio", name="GBP")).to_be_checked()
    choose_period(page, "Monthly")
    expect(price(page, "plus")).to_have_text("£10per seat / month")
    expect(price(page, "business")).to_contain_text("£24")
    expect(page.get_by_test_id("usage-business")).to_contain_text("£1.60 per 1,000 API calls")
    set_seats(page, "plus", 3)
    expect(total(page, "plus")).to_have_text("£30 / month for 3 seats")
    expect(cta(page, "free")).to_have_text("Current plan")
    expect(cta(page, "enterprise")).to_have_text("Contact us")


def test_clicking_a_plan_button_fires_on_plan_selected(storefront: Page) -> None:
    page = storefront
    selection = page.get_by_test_id("selection")
    expect(selection).to_have_attribute("role", "status")
    choose_period(page, "Annual")
    cta(page, "business").click()
    expect(selection).to_contain_text("Business · annual · start_trial · 3 seats")
    set_seats(page, "business", 12)
    cta(page, "business").click()
    expect(selection).to_contain_text("Business · annual · start_trial · 12 seats")
    view_as(page, "Acme Corp")
    expect(cta(page, "plus")).to_have_text("Current plan")  # reloaded for Acme (monthly)
    cta(page, "enterprise").click()
    expect(selection).to_contain_text("Enterprise · monthly · contact_us")
    expect(cta(page, "business")).to_have_text("Upgrade")
    cta(page, "business").click()  # a signed-in customer goes on to checkout with the choice
    expect(page).to_have_url(re.compile(r"/checkout$"))
    expect(page.get_by_test_id("checkout")).to_have_attribute("data-status", "ready")
    expect(page.get_by_test_id("checkout").get_by_role("heading", level=2)).to_have_text(
        "Business plan")


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
    # "-" is disabled at the minimum of one seat, so the input comes first.
    assert reached.index("qty-plus") < reached.index("qty-inc-plus") < reached.index("cta-plus")
    page.get_by_test_id("period-annual").focus()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("radio", name="Monthly")).to_be_checked()
    expect(price(page, "plus")).to_contain_text("$12")
    seats(page, "plus").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("7")
    page.keyboard.press("Tab")
    expect(total(page, "plus")).to_have_text("$84 / month for 7 seats")
    cta(page, "plus").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("selection")).to_contain_text(
        "Plus · monthly · subscribe · 7 seats")


def test_skeleton_shows_while_plans_load(page: Page, app_url: str) -> None:
    page.route_web_socket(lambda url: "_event" in url, lambda ws: None)  # backend never answers
    page.goto(app_url + "/")
    loading = page.get_by_test_id("loading")
    expect(loading).to_be_visible()
    expect(loading).to_have_attribute("role", "status")
    expect(loading).to_contain_text("Loading plans")
    expect(loading.locator(".tg-skeleton-card")).to_have_count(4)
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "loading")


def test_unknown_product_shows_an_error_with_retry(page: Page, embed_url) -> None:
    page.goto(embed_url("/embed/paywall/no-such-product"))
    error = page.get_by_role("alert")
    expect(error).to_contain_text("We couldn't load the plans")
    expect(error).to_contain_text("No product 'no-such-product'")
    page.get_by_role("button", name="Retry").click()
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "error")
    expect(page.get_by_role("button", name="Retry")).to_be_visible()


def test_product_without_plans_shows_the_empty_state(page: Page, embed_url, api) -> None:
    created = api.post("/api/v1/products", json={"id": "e2e-empty", "display_name": "Empty"})
    assert created.status_code in (201, 409), created.text
    page.goto(embed_url("/embed/paywall/e2e-empty"))
    expect(page.get_by_test_id("empty")).to_contain_text("No plans available yet")


def test_embedded_paywall_renders_the_demo_plans(page: Page, embed_url) -> None:
    page.goto(embed_url("/embed/paywall/workspace"))
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
    set_seats(page, "business", 12)
    seats(page, "plus").fill("25")
    expect(page.get_by_test_id("total-error-plus")).to_be_visible()
    page.wait_for_timeout(300)
    assert _accessibility_problems(page) == []
    view_as(page, "Acme Corp")
    expect(cta(page, "plus")).to_be_disabled()
    page.wait_for_timeout(300)
    assert _accessibility_problems(page) == []


def test_screenshots_light_dark_and_mobile(storefront: Page) -> None:
    page = storefront
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    choose_period(page, "Monthly")
    set_seats(page, "plus", 5)
    set_seats(page, "business", 12)
    seats(page, "business").blur()
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-light.png"), full_page=True)
    page.get_by_test_id("paywall").screenshot(path=str(SCREENSHOTS / "paywall-light.png"))
    dark_mode(page)
    choose_period(page, "Annual")
    expect(total(page, "business")).to_contain_text("$250 / month for 12 seats")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-dark.png"), full_page=True)
    page.get_by_test_id("paywall").screenshot(path=str(SCREENSHOTS / "paywall-dark.png"))
    view_as(page, "Globex GmbH")
    expect(cta(page, "business")).to_have_text("Current plan")
    page.wait_for_timeout(300)
    page.get_by_test_id("paywall").screenshot(path=str(SCREENSHOTS / "paywall-dark-globex.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / "storefront-mobile-dark-globex.png"), full_page=True)
    for name in ("storefront-light.png", "storefront-dark.png", "paywall-light.png"):
        assert (SCREENSHOTS / name).stat().st_size > 10_000
