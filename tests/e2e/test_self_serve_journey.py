"""The whole self-serve journey in headless Chromium, as a customer would click it: pricing page
-> checkout (promotion codes, a declined card, then a good one) -> the account portal -> an
upgrade from the portal with its prorated amount shown before confirming.

Initech (on Free, paying in GBP) is the customer; the other e2e files leave Initech alone and run
first (alphabetical order), so this journey may change Initech's plan.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def checkout_ready(page: Page):
    box = page.get_by_test_id("checkout")
    expect(box).to_have_attribute("data-status", "ready", timeout=20_000)
    return box


def summary_settled(page: Page):
    summary = page.get_by_test_id("order-summary")
    expect(summary.locator(".tg-checkout-totals-busy")).to_have_count(0, timeout=10_000)
    return summary


def invoices(api, customer: str) -> list[dict]:
    return api.get(f"/api/v1/customers/{customer}/invoices").json()["data"]


def plan_of(api, customer: str) -> str:
    subs = api.get("/api/v1/subscriptions", params={"customer_id": customer}).json()["data"]
    return next(s["plan_id"] for s in subs if s["status"] in ("active", "trialing", "past_due"))


def due_now(api, customer: str, **change) -> str:
    """What the backend charges today for this change of the customer's live subscription.
    The journey's customer is on Free, whose period began when the app was seeded, so an upgrade
    is prorated by the second: how much depends on how long the suite has run."""
    subs = api.get("/api/v1/subscriptions", params={"customer_id": customer}).json()["data"]
    live = next(s for s in subs if s["status"] in ("active", "trialing", "past_due"))
    preview = api.post(f"/api/v1/subscriptions/{live['id']}/preview-update", json=change)
    assert preview.status_code == 200, preview.text
    return preview.json()["immediate"]["total"]["formatted"]


def fill_card(page: Page, number: str) -> None:
    page.get_by_test_id("card_number").fill(number)
    page.get_by_test_id("card_expiry").fill("12/30")
    page.get_by_test_id("card_cvc").fill("123")


def test_choose_pay_decline_then_succeed_land_in_portal_and_upgrade(storefront: Page, api) -> None:
    page = storefront
    page.get_by_test_id("view-as").get_by_role("radio", name="Initech").click()
    expect(page.get_by_test_id("cta-plus")).to_have_text("Upgrade")
    page.get_by_test_id("cta-plus").click()

    # Step 1: billing cycle and seats, priced live by the subscription preview
    expect(page).to_have_url(re.compile(r"/checkout$"))
    box = checkout_ready(page)
    expect(box.get_by_role("heading", level=2)).to_have_text("Plus plan")
    expect(box).to_contain_text("Currently on Free")
    expect(page.get_by_test_id("step-plan")).to_have_attribute("aria-current", "step")
    page.get_by_test_id("checkout-qty-inc-seats").click()
    page.get_by_test_id("checkout-qty-inc-seats").click()
    expect(page.get_by_test_id("checkout-qty-seats")).to_have_value("3")
    summary = summary_settled(page)
    plus_3_seats = {"plan_id": "plus", "billing_period": "monthly", "quantities": {"seats": 3}}
    expect(page.get_by_test_id("due-today")).to_have_text(due_now(api, "initech", **plus_3_seats))
    assert re.fullmatch(r"£(30|29\.\d\d)", due_now(api, "initech", **plus_3_seats))
    expect(page.get_by_test_id("next-charge")).to_contain_text("Then £30 per month, from")
    shot(page, "checkout-plan-step")

    # Promotion codes: refusals explained in place, a valid code discounts the order
    page.get_by_test_id("promo-open").click()
    page.get_by_test_id("promo-input").fill("WELCOME10")
    page.get_by_test_id("promo-apply").click()
    expect(page.get_by_test_id("promo-error")).to_have_text(
        "This code can't be used in this currency.")
    page.get_by_test_id("promo-input").fill("NOPE")
    page.get_by_test_id("promo-apply").click()
    expect(page.get_by_test_id("promo-error")).to_have_text("We don't recognise this code.")
    page.get_by_test_id("promo-input").fill("launch20")
    page.get_by_test_id("promo-apply").click()
    expect(page.get_by_test_id("promo-applied")).to_contain_text("LAUNCH20")
    summary_settled(page)
    discounted = due_now(api, "initech", **plus_3_seats, coupon_code="LAUNCH20")
    assert re.fullmatch(r"£(24|23\.\d\d)", discounted)
    expect(page.get_by_test_id("due-today")).to_have_text(discounted)
    expect(summary).to_contain_text("Discount (Launch offer)")

    # Step 2: payment. A declined card shows an error and changes nothing.
    page.get_by_test_id("checkout-continue").click()
    expect(page.get_by_test_id("step-payment")).to_have_attribute("aria-current", "step")
    expect(page.get_by_test_id("checkout-confirm")).to_have_text("Upgrade now")
    fill_card(page, "4000 0000 0000 0002")
    shot(page, "checkout-payment-step")
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("checkout-error")).to_contain_text("Your card was declined")
    expect(page.get_by_test_id("checkout-error")).to_contain_text("Nothing was charged")
    expect(box).to_have_attribute("data-status", "ready")
    shot(page, "checkout-declined")
    assert plan_of(api, "initech") == "free"
    assert invoices(api, "initech") == []

    # A good card; a double click still charges once.
    page.get_by_test_id("card-new").click()
    expect(page.get_by_test_id("card-new")).to_be_checked()
    fill_card(page, "4242 4242 4242 4242")
    charged = due_now(api, "initech", **plus_3_seats, coupon_code="LAUNCH20")
    page.get_by_test_id("checkout-confirm").dblclick()
    success = page.get_by_test_id("checkout-success")
    expect(success).to_be_visible(timeout=15_000)
    expect(success).to_contain_text("You're on Plus")
    expect(success).to_contain_text(f"We charged {charged} to Visa ending in 4242")
    shot(page, "checkout-success")
    paid = [i for i in invoices(api, "initech") if i["reason"] == "subscription_update"]
    assert len(paid) == 1 and paid[0]["total"]["formatted"] == charged
    assert plan_of(api, "initech") == "plus"
    expect(page.get_by_test_id("selection")).to_have_count(0)  # we left the pricing page

    # On to the portal, which shows the new plan
    page.get_by_test_id("checkout-done").click()
    expect(page).to_have_url(re.compile(r"/account$"))
    portal = page.get_by_test_id("portal")
    expect(portal).to_contain_text("Plus", timeout=20_000)

    # Upgrade from the portal's plans: the prorated amount is shown before confirming
    upgrade = portal.get_by_test_id("cta-business")
    expect(upgrade).to_have_text("Upgrade", timeout=20_000)
    upgrade.click()
    expect(page).to_have_url(re.compile(r"/checkout$"))
    box = checkout_ready(page)
    expect(box.get_by_role("heading", level=2)).to_have_text("Business plan")
    summary = summary_settled(page)
    expect(summary.locator(".tg-checkout-line-credit")).to_contain_text("Unused time")
    expect(summary.locator(".tg-checkout-line-credit")).to_contain_text("-£")
    expect(summary.locator(".tg-checkout-line-charge")).to_contain_text("Remaining time")
    due = page.get_by_test_id("due-today").inner_text()
    assert re.fullmatch(r"£\d+(\.\d\d)?", due), due
    shot(page, "checkout-upgrade-proration")
    steps = page.get_by_test_id("checkout").locator(".tg-checkout-step")
    for _ in range(steps.count() - 1):  # on to the last step (payment)
        page.get_by_test_id("checkout-continue").click()
    expect(page.get_by_test_id("step-payment")).to_have_attribute("aria-current", "step")
    expect(page.get_by_test_id("checkout-confirm")).to_have_text("Upgrade now")
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("checkout-success")).to_contain_text("You're on Business",
                                                                    timeout=15_000)
    charged = [i for i in invoices(api, "initech") if i["reason"] == "subscription_update"]
    assert charged[0]["total"]["formatted"] == due  # charged exactly what the preview said
    assert plan_of(api, "initech") == "business"


def test_checkout_is_keyboard_operable_and_dark(storefront: Page) -> None:
    page = storefront
    page.get_by_test_id("view-as").get_by_role("radio", name="Acme Corp").click()
    page.get_by_test_id("color-mode").click()
    page.get_by_test_id("cta-business").click()
    checkout_ready(page)
    summary_settled(page)
    annual = page.get_by_test_id("checkout-period-annual")
    annual.focus()
    page.keyboard.press("Space")
    expect(annual).to_be_checked()
    summary_settled(page)
    expect(page.get_by_test_id("order-summary")).to_contain_text("Your change takes effect")
    expect(page.get_by_test_id("checkout-continue")).to_be_visible()
    shot(page, "checkout-dark")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "checkout-mobile")
    page.get_by_test_id("checkout-leave").click()
    expect(page).to_have_url(re.compile(r"/$"))
