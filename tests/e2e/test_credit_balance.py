"""The credit widgets in headless Chromium, for the seeded demo customer Acme: the balance
follows consumption reported through the API and the host's image button, "Add credits" buys a
pack with the saved card (a declined card says why, in place), and the auto-recharge form
refuses a target at or below the threshold before saving valid settings. Auto-recharge is
switched off again and Globex's declining card removed, so the other files find them as seeded."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CURRENCY = "credits"
IMAGE_COST = Decimal(4)


def settle(page: Page) -> None:
    """Wait for transitions and the dialog's opening animation: axe cannot measure the
    contrast of text that is still moving or fading in."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.wait_for_timeout(100)


def shot(page: Page, name: str, *, full_page: bool = True) -> None:
    settle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"credits-{name}.png"), full_page=full_page)


def sign_in(page: Page, who: str = "Acme Corp") -> None:
    page.get_by_test_id("view-as").get_by_role("radio", name=who).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(who)


def open_credits(page: Page, who: str = "Acme Corp") -> Locator:
    sign_in(page, who)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Credits").click()
    expect(page).to_have_url(re.compile(r"/credits$"))
    balance = page.get_by_test_id("credit-balance")
    expect(balance).to_have_attribute("data-status", "ready", timeout=30_000)
    return balance


def credits_of(balance: Locator) -> Decimal:
    return Decimal(balance.get_by_test_id("credit-amount").inner_text().replace(",", ""))


def shown(value: Decimal) -> str:
    return f"{value.normalize():,f}"


def api_balance(api, customer: str = "acme") -> Decimal:
    answer = api.get("/api/v1/credits/balance",
                     params={"customer_id": customer, "currency_id": CURRENCY})
    answer.raise_for_status()
    return Decimal(answer.json()["current"])


def test_balance_shows_and_follows_consumption(storefront: Page, api) -> None:
    page = storefront
    balance = open_credits(page)
    before = credits_of(balance)
    assert before == api_balance(api)
    expect(balance.get_by_role("progressbar")).to_have_attribute(
        "aria-valuenow", re.compile(r"^\d+(\.\d+)?$"))
    expect(balance.get_by_role("status").first).to_contain_text("credits")
    expect(page.get_by_test_id("credit-usage")).to_be_visible()
    expect(page.get_by_test_id("credit-grants")).to_be_visible()
    shot(page, "light")

    api.post("/api/v1/credits/consume", json={
        "customer_id": "acme", "feature_id": "image-generation", "quantity": "3",
    }).raise_for_status()
    expect(balance.get_by_test_id("credit-amount")).to_have_text(
        shown(before - 3 * IMAGE_COST), timeout=15_000)


def test_image_generator_burns_credits_from_the_host(storefront: Page) -> None:
    page = storefront
    sign_in(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Product").click()
    balance = page.get_by_test_id("credit-balance")
    expect(balance).to_have_attribute("data-status", "ready", timeout=30_000)
    before = credits_of(balance)
    page.get_by_test_id("generate-image").click()
    expect(page.get_by_test_id("image-result")).to_contain_text("Image ready. 4 credits used")
    expect(balance.get_by_test_id("credit-amount")).to_have_text(shown(before - IMAGE_COST),
                                                                 timeout=15_000)
    shot(page, "workspace")


def ensure_card(api, customer: str = "acme") -> None:
    """The seed gives Acme no card; save a test Visa as the default unless one is there."""
    cards = api.get(f"/api/v1/customers/{customer}/payment-methods").json()["data"]
    if not any(card["is_default"] for card in cards):
        api.post(f"/api/v1/customers/{customer}/payment-methods", json={
            "card_number": "4242424242424242", "exp_month": 12, "exp_year": 2030,
            "cvc": "123", "make_default": True}).raise_for_status()


def test_add_credits_buys_a_pack_with_the_saved_card(storefront: Page, api) -> None:
    page = storefront
    ensure_card(api)
    balance = open_credits(page)
    before = credits_of(balance)

    page.get_by_test_id("add-credits").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id("credit-option-500")).to_be_checked()
    expect(dialog.get_by_test_id("credit-total")).to_have_text("$5")
    expect(dialog.get_by_test_id("credit-card")).to_contain_text("ending in")
    page.keyboard.press("Escape")  # closes without buying
    expect(dialog).to_be_hidden()

    page.get_by_test_id("add-credits").click()
    dialog.get_by_test_id("credit-option-custom").click()  # controlled: the server answers
    expect(dialog.get_by_test_id("credit-option-custom")).to_be_checked()
    dialog.get_by_test_id("credit-custom-input").fill("12abc")
    expect(dialog.get_by_test_id("credit-custom-error")).to_have_text(
        "Enter a whole number, such as 1500.")
    dialog.get_by_test_id("credit-custom-input").fill("2,500")
    expect(dialog.get_by_test_id("credit-total")).to_have_text("$25")
    expect(dialog.get_by_test_id("credit-custom-error")).to_have_text("")
    dialog.get_by_test_id("credit-option-500").click()
    expect(dialog.get_by_test_id("credit-option-500")).to_be_checked()
    expect(dialog.get_by_test_id("credit-buy")).to_have_text("Buy 500 credits for $5")
    shot(page, "dialog", full_page=False)

    dialog.get_by_test_id("credit-buy").click()
    expect(dialog).to_be_hidden(timeout=15_000)
    expect(balance.get_by_test_id("credit-notice")).to_have_text(
        "500 credits added to your balance.")
    expect(balance.get_by_test_id("credit-amount")).to_have_text(shown(before + 500))
    assert api_balance(api) == before + 500


def test_a_declined_card_says_why_in_the_dialog(storefront: Page, api) -> None:
    page = storefront
    card = api.post("/api/v1/customers/globex/payment-methods", json={
        "card_number": "4000000000009995", "exp_month": 12, "exp_year": 2030, "cvc": "123",
        "make_default": True})
    card.raise_for_status()
    try:
        balance = open_credits(page, "Globex GmbH")
        before = credits_of(balance)
        page.get_by_test_id("add-credits").click()
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_test_id("credit-card")).to_have_text("Visa ending in 9995")
        dialog.get_by_test_id("credit-buy").click()
        expect(dialog.get_by_test_id("credit-buy-error")).to_have_text(
            "Your card was declined: The card has insufficient funds.")
        expect(dialog).to_be_visible()
        shot(page, "declined", full_page=False)
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        assert credits_of(balance) == before == api_balance(api, "globex")
    finally:
        api.delete(f"/api/v1/customers/globex/payment-methods/{card.json()['id']}")


def test_auto_recharge_validates_then_saves(storefront: Page, api) -> None:
    page = storefront
    open_credits(page)
    card = page.get_by_test_id("auto-recharge")
    expect(card).to_have_attribute("data-status", "ready")
    card.get_by_test_id("recharge-manage").click()
    form = card.get_by_test_id("recharge-form")
    expect(form).to_be_visible()
    switch = form.get_by_role("switch")
    if not switch.is_checked():
        switch.click()
    expect(switch).to_be_checked()
    form.get_by_label("When the balance drops below").fill("1000")
    form.get_by_label("Recharge the balance up to").fill("500")
    form.get_by_label("Monthly spending limit").fill("0")
    form.get_by_test_id("recharge-save").click()
    expect(form.get_by_test_id("recharge-target-error")).to_have_text(
        "The target must be above the threshold (1,000 credits).")
    expect(form.get_by_test_id("recharge-limit-error")).to_have_text("The limit must be above 0.")
    expect(form.get_by_label("Recharge the balance up to")).to_have_attribute(
        "aria-invalid", "true")
    shot(page, "form-errors")

    form.get_by_label("When the balance drops below").fill("100")
    form.get_by_label("Recharge the balance up to").fill("3000")
    form.get_by_label("Monthly spending limit").fill("100")
    expect(form.get_by_test_id("recharge-target-error")).to_have_text("")
    form.get_by_test_id("recharge-save").click()
    expect(form).to_be_hidden(timeout=15_000)
    expect(card.get_by_test_id("recharge-chip")).to_have_text("Active")
    expect(card).to_have_attribute("data-enabled", "true")
    expect(card.get_by_test_id("recharge-summary")).to_have_text(
        "Recharge to 3,000 credits when the balance drops below 100 credits.")
    expect(card.get_by_test_id("recharge-spend")).to_contain_text("of $100 spent this month")
    expect(card.get_by_test_id("recharge-notice")).to_have_text("Auto-recharge settings saved.")
    saved = api.get("/api/v1/credits/auto-recharge",
                    params={"customer_id": "acme", "currency_id": CURRENCY}).json()
    assert saved["enabled"] and Decimal(saved["target_balance"]) == 3000
    api.put("/api/v1/credits/auto-recharge", json={
        "customer_id": "acme", "currency_id": CURRENCY, "enabled": False,
        "threshold": "100", "target_balance": "3000"}).raise_for_status()
    expect(card.get_by_test_id("recharge-chip")).to_have_text("Off", timeout=15_000)


def test_credits_dark_and_mobile(storefront: Page) -> None:
    page = storefront
    page.get_by_test_id("color-mode").click()
    open_credits(page)
    expect(page.get_by_test_id("auto-recharge")).to_have_attribute("data-status", "ready")
    shot(page, "dark")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "mobile")
    page.get_by_test_id("add-credits").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    shot(page, "mobile-dialog", full_page=False)


def _accessibility_problems(page: Page, *selectors: str, unmeasured_ok: bool = False
                            ) -> list[str]:
    context = {"include": [[selector] for selector in selectors],
               "exclude": [[".tg-credits-symbol"]]}  # a decorative glyph axe cannot measure
    results = Axe().run(page, context=context,
                        options={"resultTypes": ["violations", "incomplete"]}).response
    serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    if unmeasured_ok:
        return serious
    unmeasured = [f"unmeasured contrast at {n['target']}: {[c['message'] for c in n['any']]}"
                  f" {n['html'][:160]}" for v in results["incomplete"]
                  if v["id"] == "color-contrast" for n in v["nodes"]]
    return serious + unmeasured


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_problems(storefront: Page, mode: str) -> None:
    page = storefront
    if mode == "dark":
        page.get_by_test_id("color-mode").click()
    open_credits(page)
    card = page.get_by_test_id("auto-recharge")
    expect(card).to_have_attribute("data-status", "ready")
    card.get_by_test_id("recharge-manage").click()
    form = card.get_by_test_id("recharge-form")
    if not form.get_by_role("switch").is_checked():
        form.get_by_role("switch").click()
    expect(form.get_by_role("switch")).to_be_checked()
    form.get_by_label("Recharge the balance up to").fill("1")
    form.get_by_label("When the balance drops below").fill("999999")
    form.get_by_test_id("recharge-save").click()
    expect(form.get_by_test_id("recharge-target-error")).not_to_have_text("")
    expect(form.get_by_test_id("recharge-warnings")).to_contain_text("already below")
    settle(page)
    widgets = ("[data-testid=credit-balance]", "[data-testid=auto-recharge]")
    assert _accessibility_problems(page, *widgets) == []
    page.get_by_test_id("add-credits").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    settle(page)
    # Inside the modal axe sometimes cannot place the text's background ("partially overlaps");
    # its colours are the token pairs tests/tokens checks, so only violations count here.
    assert _accessibility_problems(page, "[data-testid=credit-dialog]", unmeasured_ok=True) == []
