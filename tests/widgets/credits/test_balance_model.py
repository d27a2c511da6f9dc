"""Credit balance view model: the big number and units, the bar, expiry, scheduled credits,
overdraft, purchase options with prices, custom amounts and the order's idempotency key."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.credits.schemas import CreditBalance, CreditCurrencyPublic, CreditPrice
from backend.payments.schemas import PaymentMethodPublic
from widgets.credits import model
from widgets.credits.texts import BALANCE_TEXTS as T
from widgets.credits.texts import balance_texts

NOW = datetime(2026, 11, 24, tzinfo=UTC)
BRIEF = {"id": "credits", "name": "Credits", "symbol": None, "unit_singular": "credit",
         "unit_plural": "credits"}


def date_of(at: datetime) -> str:
    return at.strftime("%-d %b %Y")


def balance(current="1250", in_force="2000", **extra) -> CreditBalance:
    fields = {"customer_id": "acme", "currency": BRIEF, "current": Decimal(current),
              "granted": Decimal(in_force), "consumed": Decimal(0), "expired": Decimal(0),
              "voided": Decimal(0), "overdraft": Decimal(0), "in_force": Decimal(in_force),
              "scheduled": Decimal(0), "next_expiry": None, "as_of": NOW}
    fields.update(extra)
    return CreditBalance(**fields)


def currency(price="0.01", options=(500, 2000, 5000), code="USD") -> CreditCurrencyPublic:
    return CreditCurrencyPublic(
        **BRIEF, allow_overdraft=False, purchase_options=list(options), feature_costs={},
        plan_allowances=[], created_at=NOW,
        price=CreditPrice(amount=Decimal(price), currency=code) if price else None)


def view(b: CreditBalance, locale="en_US") -> model.BalanceView:
    return model.balance_view(b, locale, date_of, T)


def test_the_big_number_the_bar_and_its_aria_values():
    v = view(balance())
    assert (v.amount, v.units, v.state) == ("1,250", "credits", "ok")
    assert v.width == "62%" and (v.value_now, v.value_max) == ("1250", "2000")
    assert v.progress == "1,250 of 2,000 credits left"
    assert v.spoken == "1,250 credits remaining"
    assert not v.is_empty and v.overdraft == "" and v.expiry == ""


def test_singular_units_fractions_and_other_locales():
    assert view(balance("1", "1")).units == "credit"
    assert view(balance("1.5", "10")).amount == "1.5"
    assert view(balance("0.000001", "10")).amount == "0.000001"
    assert view(balance("1234567.5", "2000000"), "de_DE").amount == "1.234.567,5"


def test_running_low_below_a_tenth_and_empty_at_zero():
    assert view(balance("150", "2000")).state == "low"
    assert view(balance("200", "2000")).state == "ok"
    empty = view(balance("0", "2000"))
    assert empty.state == "empty" and empty.width == "0%" and not empty.is_empty


def test_next_expiry_and_scheduled_credits():
    v = view(balance(next_expiry={"at": datetime(2026, 12, 3, tzinfo=UTC),
                                  "amount": Decimal(1200)}, scheduled=Decimal(500)))
    assert v.expiry == "1,200 credits expire on 3 Dec 2026"
    assert v.scheduled == "500 more credits become available later"
    one = view(balance(next_expiry={"at": NOW, "amount": Decimal(1)}))
    assert one.expiry.startswith("1 credit expire")


def test_overdraft_is_shown_honestly():
    v = view(balance("-120", "0", overdraft=Decimal(120)))
    assert v.state == "overdraft" and v.amount == "-120"
    assert "used 120 credits more than you had" in v.overdraft
    assert v.width == "0%" and v.value_now == "0"
    assert v.progress == T["nothing_in_force"]


def test_nothing_ever_granted_is_the_empty_state():
    assert view(balance("0", "0", granted=Decimal(0))).is_empty
    assert not view(balance("0", "0", granted=Decimal(0), scheduled=Decimal(5))).is_empty


@given(current=st.decimals(min_value=-10**6, max_value=10**6, places=3),
       whole=st.decimals(min_value=0, max_value=10**6, places=3))
def test_the_bar_always_stays_within_its_range(current, whole):
    v = view(balance(str(current), str(whole)))
    assert 0 <= Decimal(v.value_now) <= Decimal(v.value_max) or v.value_max == "0"
    assert 0 <= int(v.width.rstrip("%")) <= 100
    assert (v.state == "overdraft") == (current < 0)


def test_purchase_options_are_priced_with_babel():
    opts = model.purchase_options(currency(), "en_US", T)
    assert [(o.value, o.label, o.price) for o in opts] == [
        ("500", "500 credits", "$5"), ("2000", "2,000 credits", "$20"),
        ("5000", "5,000 credits", "$50")]
    euro = model.purchase_options(currency("0.0125", (100,), "EUR"), "de_DE", T)
    assert euro[0].price == "1,25\xa0€"
    assert model.purchase_options(currency(price=None), "en_US", T) == []


def test_unit_prices_keep_their_decimals():
    assert model.unit_price(CreditPrice(amount=Decimal("0.002"), currency="USD")) == "$0.002"
    assert model.unit_price(CreditPrice(amount=Decimal("0.01"), currency="USD")) == "$0.01"


@pytest.mark.parametrize(("text", "credits", "error"), [
    ("1500", Decimal(1500), ""),
    ("1,500", Decimal(1500), ""),
    (" 250 ", Decimal(250), ""),
    ("", None, T["custom_required"]),
    ("abc", None, T["custom_number"]),
    ("1e5", None, T["custom_number"]),
    ("12.5", None, T["custom_number"]),
    ("1,50", None, T["custom_number"]),
    ("0", None, T["custom_positive"]),
    ("-5", None, T["custom_positive"]),
    ("2000000000", None, "You can buy at most 1,000,000,000 credits at once."),
])
def test_custom_amounts(text, credits, error):
    assert model.check_custom(text, currency(), "en_US", T) == (credits, error)


def test_custom_amounts_must_cost_at_least_one_cent():
    cheap = currency("0.002")
    assert model.min_credits(cheap.price) == 3
    assert model.check_custom("2", cheap, "en_US", T) == (
        None, "Buy at least 3 credits (the smallest amount we can charge).")
    assert model.check_custom("3", cheap, "en_US", T) == (Decimal(3), "")


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["0.01", "0.002", "0.0007"]))
def test_min_credits_is_the_fewest_that_cost_a_cent(count, price):
    p = CreditPrice(amount=Decimal(price), currency="USD")
    least = model.min_credits(p)
    assert model.cost_minor(Decimal(least), p) >= 1
    assert least == 1 or model.cost_minor(Decimal(least - 1), p) < 1
    assert (model.cost_minor(Decimal(count), p) >= 1) == (count >= least)


def test_buy_label():
    assert model.buy_label(Decimal(500), currency(), "en_US", T) == (
        "Buy 500 credits for $5", "$5")
    assert model.buy_label(None, currency(), "en_US", T) == (T["buy_plain"], "")


def test_one_idempotency_key_per_order():
    keys = iter(["k1", "k2", "k3"])
    first = model.order_key(None, "500", lambda: next(keys))
    assert first == ("500", "k1")
    assert model.order_key(first, "500", lambda: next(keys)) == first  # a retry: same order
    assert model.order_key(first, "2000", lambda: next(keys)) == ("2000", "k2")
    assert model.order_key(None, "2000", lambda: next(keys)) == ("2000", "k3")  # after a decline


def test_card_label():
    card = PaymentMethodPublic(id="pm_1", customer_id="acme", provider="test", brand="visa",
                               last4="4242", exp_month=12, exp_year=2030, is_default=True,
                               archived=False, created_at=NOW)
    assert model.card_label(card, T) == "Visa ending in 4242"
    assert model.card_label(None, T) == "No card on file"


def test_parse_number_refuses_anything_but_plain_numbers():
    assert model.parse_number("1,234.5") == Decimal("1234.5")
    assert model.parse_number("1.234,5", "de_DE") == Decimal("1234.5")
    for bad in ("", "  ", "12abc", "1e3", "NaN", "Infinity", "$5", "--1"):
        assert model.parse_number(bad) is None, bad


def test_text_overrides_are_checked():
    assert balance_texts({"title": "Your credits"})["title"] == "Your credits"
    with pytest.raises(ValueError, match="titel"):
        balance_texts({"titel": "typo"})
