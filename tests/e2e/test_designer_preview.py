"""The designer's preview tabs in headless Chromium: each tab shows its real widgets for the demo
customer (mouse and keyboard), the draft's colours and texts reach every tab, and axe finds no
serious or critical violations on any tab in light or dark."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.test_designer import set_hex

pytestmark = pytest.mark.e2e

TEAL, TEAL_RGB = "#0f766e", "rgb(15, 118, 110)"
WIDGETS = {"paywall": ["paywall"], "portal": ["portal"], "checkout": ["checkout"],
           "credits": ["credit-balance", "auto-recharge", "credit-usage", "credit-grants"]}


@pytest.fixture
def designer(page: Page, app_url: str, api: httpx.Client) -> Iterator[Page]:
    """The designer, loaded; afterwards the house theme is emptied, republished and no longer
    the default, so the other tests see the built-in theme."""
    page.goto(app_url + "/designer")
    expect(page.locator(".dz-layout")).to_have_attribute("data-loaded", "true", timeout=60_000)
    ready(page, "paywall")
    yield page
    api.patch("/api/v1/themes/house", json={"document": {}}).raise_for_status()
    api.post("/api/v1/themes/house/publish").raise_for_status()
    api.delete("/api/v1/themes/assignments/default")


def tab(page: Page, name: str):
    return page.get_by_role("tablist", name="Previewed widgets").get_by_test_id(
        f"preview-tab-{name}")


def panel(page: Page, name: str):
    return page.get_by_test_id(f"preview-panel-{name}")


def ready(page: Page, name: str) -> None:
    """The tab is selected, its panel alone is shown, and each of its widgets has loaded."""
    expect(tab(page, name)).to_have_attribute("aria-selected", "true")
    for other in WIDGETS:
        if other == name:
            expect(panel(page, other)).to_be_visible()
        else:
            expect(panel(page, other)).to_be_hidden()
    for testid in WIDGETS[name]:
        expect(panel(page, name).get_by_test_id(testid)).to_have_attribute(
            "data-status", "ready", timeout=60_000)


def test_tabs_switch_with_the_mouse_and_the_keyboard(designer: Page) -> None:
    page = designer
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(4)
    expect(panel(page, "paywall")).to_have_attribute("role", "tabpanel")
    expect(panel(page, "paywall")).to_have_attribute("aria-labelledby", "dz-tab-paywall")
    expect(tab(page, "portal")).to_have_attribute("tabindex", "-1")

    tab(page, "portal").click()
    ready(page, "portal")
    expect(tab(page, "paywall")).to_have_attribute("aria-selected", "false")
    expect(tab(page, "portal")).to_have_attribute("tabindex", "0")

    page.keyboard.press("ArrowRight")
    ready(page, "checkout")
    expect(tab(page, "checkout")).to_be_focused()
    page.keyboard.press("ArrowRight")
    ready(page, "credits")
    page.keyboard.press("ArrowRight")  # wraps
    ready(page, "paywall")
    expect(tab(page, "paywall")).to_be_focused()
    page.keyboard.press("End")
    ready(page, "credits")
    page.keyboard.press("Home")
    ready(page, "paywall")
    page.keyboard.press("ArrowLeft")
    ready(page, "credits")

    tab(page, "paywall").click()
    ready(page, "paywall")
    panel(page, "paywall").get_by_test_id("cta-business").click()  # a plan opens in checkout
    ready(page, "checkout")
    expect(panel(page, "checkout")).to_contain_text("Business plan")

    page.get_by_test_id("preview-dark").click()
    expect(page.get_by_test_id("preview")).to_have_attribute("data-appearance", "dark")
    expect(panel(page, "checkout")).to_have_css("background-color", "rgb(17, 17, 19)")
    page.get_by_test_id("preview-mobile").click()
    page.wait_for_function(  # the preview narrows once the server has answered the click
        "() => document.querySelector('[data-testid=preview-panel-checkout]')"
        ".getBoundingClientRect().width <= 390")
    columns = panel(page, "checkout").locator(".tg-checkout-layout").evaluate(
        "el => getComputedStyle(el).gridTemplateColumns")
    assert len(columns.split()) == 1  # stacked as on a phone, though the page is wide


def test_the_primary_colour_reaches_the_portal_and_checkout(designer: Page) -> None:
    page = designer
    set_hex(page, "primary", TEAL)
    tab(page, "portal").click()
    ready(page, "portal")
    cta = panel(page, "portal").locator(".tg-cta-primary:not(:disabled)").first
    expect(cta).to_have_css("background-color", TEAL_RGB)
    tab(page, "checkout").click()
    ready(page, "checkout")
    expect(panel(page, "checkout").get_by_test_id("checkout-continue")).to_have_css(
        "background-color", TEAL_RGB)
    page.get_by_role("button", name="Undo").click()
    expect(panel(page, "checkout").get_by_test_id("checkout-continue")).not_to_have_css(
        "background-color", TEAL_RGB)


def test_a_text_override_shows_in_the_checkout_tab(designer: Page) -> None:
    page = designer
    tab(page, "checkout").click()
    ready(page, "checkout")
    secure = panel(page, "checkout").locator(".tg-checkout-secure")
    expect(secure).to_have_text("Payments are processed securely.")
    page.get_by_test_id("texts-widget").select_option("checkout")
    page.get_by_test_id("texts-locale").select_option("en")
    for key, text in (("secure_note", "Paid over an encrypted line."), ("continue", "Next"),
                      ("addon_add_label", "Include {name}")):
        field = page.get_by_test_id(f"text-{key}")
        field.fill(text)
        field.press("Tab")
    expect(secure).to_have_text("Paid over an encrypted line.")
    expect(panel(page, "checkout").get_by_test_id("checkout-continue")).to_have_text("Next")
    panel(page, "checkout").get_by_test_id("checkout-continue").click()  # to the add-ons
    include = panel(page, "checkout").get_by_role("button", name="Include Extra storage")
    expect(include).to_be_visible()


def _serious(page: Page) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_tab_has_no_serious_accessibility_violations(designer: Page, mode: str) -> None:
    page = designer
    page.emulate_media(color_scheme=mode)
    page.get_by_test_id(f"preview-{mode}").click()
    problems = {}
    for name in WIDGETS:
        tab(page, name).click()
        ready(page, name)
        page.wait_for_timeout(500)  # transitions end before contrast is measured
        problems[name] = _serious(page)
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_credit_chart_is_drawn_in_the_drafts_tokens(designer: Page) -> None:
    page = designer
    tab(page, "credits").click()
    ready(page, "credits")
    tick = panel(page, "credits").locator(".tg-credit-usage-plot .ytick text").first
    expect(tick).to_be_visible()
    set_hex(page, "text-muted", "#5b2a4a")  # the axis text aliases the muted text
    expect(tick).to_have_css("fill", "rgb(91, 42, 74)")
    page.get_by_role("button", name="Undo").click()
    expect(tick).not_to_have_css("fill", "rgb(91, 42, 74)")
