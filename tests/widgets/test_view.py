"""The Paywall's view model: what each card shows for a billing period."""

from backend.estimates.schemas import Estimate
from backend.paywall.schemas import Paywall
from widgets.paywall.texts import merge_texts
from widgets.paywall.view import Pick, build_cards, choose_period, cta_label, savings_label

TEXTS = merge_texts()


def _m(minor: int, fmt: str) -> dict:
    return {"amount_minor": minor, "currency": "USD", "formatted": fmt}


def _by_id(paywall: Paywall, period: str, **kwargs):
    return {c.id: c for c in build_cards(paywall, period, TEXTS, **kwargs)}


def test_cards_follow_plan_order(paywall: Paywall) -> None:
    shuffled = paywall.model_copy(update={"plans": list(reversed(paywall.plans))})
    assert [c.id for c in build_cards(shuffled, "monthly", TEXTS)] == [
        "free", "plus", "business", "enterprise"]


def test_per_seat_plan_shows_the_seat_price_and_starts_at(paywall: Paywall) -> None:
    plus = _by_id(paywall, "monthly")["plus"]
    assert (plus.starts_at, plus.price, plus.price_caption) == (
        "Starts at", "$12", "per seat / month")
    assert plus.price_note == ""
    assert plus.has_quantity and plus.quantity_label == "Seats"
    assert (plus.quantity_text, plus.quantity_min, plus.quantity_max) == ("1", 1, 20)
    assert plus.quantity_hint == "1–20 seats"
    assert plus.quantities == {"seats": 1}
    assert not plus.can_decrease and plus.can_increase
    assert plus.total == "$12 / month for 1 seat"  # the backend's default-quantity total


def test_annual_per_seat_price_is_per_month_billed_annually(paywall: Paywall) -> None:
    plus = _by_id(paywall, "annual")["plus"]
    assert (plus.price, plus.price_caption) == ("$10", "per seat / month, billed annually")
    assert (plus.total, plus.total_note) == ("$10 / month for 1 seat", "$120 billed yearly")


def test_tiered_plan_lists_its_tiers_and_usage_captions(paywall: Paywall) -> None:
    business = _by_id(paywall, "monthly")["business"]
    assert (business.price, business.price_caption) == ("$29", "per seat / month")
    assert [(t.label, t.price, t.active) for t in business.tiers] == [
        ("1–10 seats", "$29 / mo", True), ("11–50 seats", "$25 / mo", False),
        ("51+ seats", "$21 / mo", False)]
    assert business.tiers_title == "Price per seat, by team size"
    assert business.usage_captions == [
        "+ 100,000 API calls included, then $2 per 1,000 API calls"]
    assert business.quantity_hint == "Minimum 3 seats" and business.quantity_max == 0
    assert business.total == "$87 / month for 3 seats"
    annual = _by_id(paywall, "annual")["business"]
    assert (annual.price, annual.price_caption) == ("$24.17", "per seat / month, billed annually")
    assert [t.price for t in annual.tiers] == ["$24.17 / mo", "$20.83 / mo", "$17.50 / mo"]


def test_estimate_sets_total_and_active_tier(paywall: Paywall) -> None:
    estimate = Estimate.model_validate({
        "plan_id": "business", "plan_version": 1, "billing_period": "monthly",
        "currency": "USD", "country": None, "locale": "en_US", "lines": [],
        "subtotal": _m(30000, "$300"), "total": _m(30000, "$300"), "usage": _m(0, "$0"),
        "total_with_usage": _m(30000, "$300"), "monthly_equivalent": _m(30000, "$300")})
    picks = {"business": Pick(quantity=12, text="12", estimate=estimate)}
    business = {c.id: c for c in build_cards(paywall, "monthly", TEXTS, picks=picks)}["business"]
    assert business.total == "$300 / month for 12 seats"
    assert [t.active for t in business.tiers] == [False, True, False]
    assert business.quantities == {"seats": 12}
    pending = {"business": Pick(quantity=14, text="14", pending=True)}
    waiting = {c.id: c for c in build_cards(paywall, "monthly", TEXTS, picks=pending)}
    assert waiting["business"].estimating and waiting["business"].total == ""
    failed = {"plus": Pick(quantity=25, text="25", error="Can't price 25 seats: too many")}
    plus = {c.id: c for c in build_cards(paywall, "monthly", TEXTS, picks=failed)}["plus"]
    assert plus.estimate_error == "Can't price 25 seats: too many"
    assert plus.quantity_text == "25" and not plus.can_increase


def test_free_and_custom_plans(paywall: Paywall) -> None:
    cards = _by_id(paywall, "annual")
    assert cards["free"].price == "Free"
    assert cards["enterprise"].price == "Custom"
    assert cards["enterprise"].cta_label == "Contact us"
    assert cards["enterprise"].intent == "contact_us"


def test_zero_priced_free_plan_shows_its_formatted_price(paywall: Paywall) -> None:
    data = paywall.model_dump()
    data["plans"][0]["prices"] = [{
        "billing_period": "monthly",
        "amount": {"amount_minor": 0, "currency": "USD", "formatted": "$0"},
        "monthly_equivalent": {"amount_minor": 0, "currency": "USD", "formatted": "$0"},
    }]
    free = _by_id(Paywall.model_validate(data), "monthly")["free"]
    assert free.price == "$0"


def test_paid_plan_without_a_price_for_the_period_is_hidden(paywall: Paywall) -> None:
    data = paywall.model_dump()
    data["plans"][1]["prices"] = data["plans"][1]["prices"][:1]  # Plus: monthly only
    paywall = Paywall.model_validate(data)
    assert "plus" in _by_id(paywall, "monthly")
    assert "plus" not in _by_id(paywall, "annual")


def test_highlighted_plan_gets_chip_and_primary_button(paywall: Paywall) -> None:
    cards = _by_id(paywall, "monthly")
    business = cards["business"]
    assert business.highlighted and business.chip == "Most popular" and business.cta_primary
    assert "tg-plan-highlighted" in business.class_name
    assert cards["plus"].chip == "" and not cards["plus"].cta_primary


def test_highlighted_plan_id_overrides_the_catalog(paywall: Paywall) -> None:
    cards = _by_id(paywall, "monthly", highlighted_plan_id="plus")
    assert cards["plus"].highlighted and not cards["business"].highlighted


def test_inherited_plans_list_only_their_own_entitlements(paywall: Paywall) -> None:
    cards = _by_id(paywall, "monthly")
    assert cards["business"].features_title == "Everything in Plus, plus:"
    assert cards["business"].features == ["Unlimited seats", "SAML single sign-on"]
    assert cards["plus"].features_title == "Includes:"
    assert cards["plus"].features == ["20 seats", "Unlimited projects"]


def test_compatible_addons_with_period_prices(paywall: Paywall) -> None:
    plus = _by_id(paywall, "annual")["plus"]
    assert [(a.name, a.price) for a in plus.addons] == [
        ("Extra storage", "$8.33/mo"), ("AI Boost", "$19/mo"),
        ("AI credit pack", "$10 per pack of 5,000 credits")]  # unknown ids skipped
    assert _by_id(paywall, "annual")["free"].addons == []


def test_anonymous_actions(paywall: Paywall) -> None:
    cards = _by_id(paywall, "monthly")
    assert cards["plus"].cta_label == "Get started" and cards["plus"].cta_enabled
    assert cards["business"].cta_label == "Start 14-day trial"
    assert cards["business"].intent == "start_trial"


def test_known_customer_actions(acme_paywall: Paywall) -> None:
    monthly = _by_id(acme_paywall, "monthly")
    assert monthly["plus"].cta_label == "Current plan"
    assert monthly["plus"].cta_enabled is False
    assert monthly["plus"].current_chip == "Your plan"
    assert "tg-plan-current" in monthly["plus"].class_name
    assert (monthly["business"].cta_label, monthly["business"].intent) == ("Upgrade", "upgrade")
    assert monthly["free"].cta_label == "Downgrade"
    annual = _by_id(acme_paywall, "annual")
    assert annual["plus"].cta_label == "Switch to annual billing"
    assert annual["plus"].cta_enabled and annual["plus"].intent == "switch_period"


def test_cta_label_for_every_intent() -> None:
    labels = {intent: cta_label(intent, "monthly", 7, TEXTS) for intent in (
        "subscribe", "start_trial", "upgrade", "downgrade", "switch_period", "current",
        "contact_us")}
    assert labels == {
        "subscribe": "Get started", "start_trial": "Start 7-day trial", "upgrade": "Upgrade",
        "downgrade": "Downgrade", "switch_period": "Switch to monthly billing",
        "current": "Current plan", "contact_us": "Contact us"}


def test_text_overrides_reach_the_cards(paywall: Paywall) -> None:
    texts = merge_texts({"highlight_chip": "Recommended", "cta_start_trial": "Try {days} days"})
    business = {c.id: c for c in build_cards(paywall, "monthly", texts)}["business"]
    assert (business.chip, business.cta_label) == ("Recommended", "Try 14 days")


def test_savings_label_and_period_choice(paywall: Paywall) -> None:
    assert savings_label(paywall, TEXTS) == "Save 17%"
    assert savings_label(paywall.model_copy(update={"savings_percent": 0}), TEXTS) == ""
    one_period = paywall.model_copy(update={"billing_periods": ["monthly"]})
    assert savings_label(one_period, TEXTS) == ""
    assert choose_period(paywall) == "annual"
    assert choose_period(paywall, "monthly") == "monthly"
    assert choose_period(one_period.model_copy(update={"default_billing_period": "monthly"}),
                         "annual") == "monthly"
