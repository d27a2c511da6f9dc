"""Localised prices: the customer's country (or `country=`) picks the prices and the currency.

A country's own prices beat its region's (EU, EZ), which beat the default prices; a localised set
replaces the default set of its billing period as a whole. The paywall and the estimate endpoint
pick the same prices.
"""

import pytest

from tests.backend.helpers import assert_problem, make_feature, make_plan, make_product, ok

NBSP = "\u00a0"


def paywall(client, product="workspace", **params):
    return ok(client.get("/api/v1/paywall", params={"product_id": product, **params}))


def plans(body):
    return {p["id"]: p for p in body["plans"]}


def amounts(body, plan):
    """{billing period: (amount_minor, currency)} of one plan card."""
    return {p["billing_period"]: (p["amount"]["amount_minor"], p["amount"]["currency"])
            for p in plans(body)[plan]["prices"]}


# -- the demo catalog ---------------------------------------------------------------------------
def test_british_customer_sees_pounds(demo):
    body = paywall(demo.client(), customer_id="initech")
    assert (body["currency"], body["locale"]) == ("GBP", "en_GB")
    assert amounts(body, "plus") == {"monthly": (1000, "GBP"), "annual": (10000, "GBP")}
    assert amounts(body, "business") == {"monthly": (7200, "GBP"), "annual": (72000, "GBP")}
    plus = plans(body)["plus"]
    assert plus["prices"][0]["amount"]["formatted"] == "£10"
    assert plus["prices"][1]["monthly_equivalent"]["formatted"] == "£8.33"
    overage = plans(body)["business"]["prices"][0]["components"][1]
    assert overage["caption"] == "100,000 API calls included, then £1.60 per 1,000 API calls"
    # the add-ons have no GBP prices: they are left out, and no plan offers them
    assert body["addons"] == []
    assert all(p["compatible_addon_ids"] == [] for p in body["plans"])


def test_country_parameter_picks_the_same_prices(demo):
    public = demo.client("publishable")
    gb = paywall(public, country="gb")
    assert gb["currency"] == "GBP" and gb["locale"] == "en_US"
    assert amounts(gb, "plus") == amounts(paywall(demo.client(), customer_id="initech"), "plus")
    # the explicit country beats the customer's own
    assert paywall(demo.client(), customer_id="initech", country="DE")["currency"] == "EUR"


@pytest.mark.parametrize("country", ["DE", "FR", "AT"])
def test_euro_countries_get_the_default_euro_prices(demo, country):
    body = paywall(demo.client("publishable"), country=country)
    assert body["currency"] == "EUR"
    assert amounts(body, "plus") == {"monthly": (1100, "EUR"), "annual": (11000, "EUR")}
    assert amounts(body, "business") == {"monthly": (8100, "EUR"), "annual": (81000, "EUR")}
    assert [a["id"] for a in body["addons"]] == ["extra-storage", "ai-boost", "ai-credit-pack"]


def test_german_customer_gets_euros(demo):
    body = paywall(demo.client(), customer_id="globex")
    assert (body["currency"], body["locale"]) == ("EUR", "de_DE")
    assert plans(body)["plus"]["prices"][0]["amount"]["formatted"] == f"11{NBSP}€"


def test_countries_without_prices_of_their_own_get_the_default(demo):
    for country in ("US", "JP", "CH"):
        body = paywall(demo.client("publishable"), country=country)
        assert body["currency"] == "USD"
        assert amounts(body, "plus") == {"monthly": (1200, "USD"), "annual": (12000, "USD")}


def test_gbp_without_a_country(demo):
    """GBP prices are localised for GB only: asking for GBP without the country is a 422.

    The default prices are in USD and EUR; a visitor must say (or be) in GB to see pounds.
    """
    client = demo.client("publishable")
    body = assert_problem(client.get("/api/v1/paywall",
                                     params={"product_id": "workspace", "currency": "GBP"}),
                          422, "currency")
    assert "GBP" in body["detail"]
    assert paywall(client, currency="GBP", country="GB")["currency"] == "GBP"


# -- country beats region beats default ---------------------------------------------------------
def monthly(currency, amount, country=None, period="monthly"):
    price = {"billing_period": period, "currency": currency, "amount_minor": amount}
    return {**price, "country": country} if country else price


@pytest.fixture
def localised(api):
    """Plan 'team': $10 / 9 € by default, 8 € in the EU, 7 € in Germany, £6 in GB (monthly);
    annual prices are localised for GB only."""
    make_product(api, "app")
    make_plan(api, "team", product="app", prices=[
        monthly("USD", 1000), monthly("EUR", 900), monthly("EUR", 800, "EU"),
        monthly("EUR", 700, "DE"), monthly("GBP", 600, "GB"),
        monthly("USD", 10000, period="annual"), monthly("EUR", 9000, period="annual"),
        monthly("GBP", 6000, "GB", period="annual"),
    ])
    return api


@pytest.mark.parametrize(
    ("params", "currency", "month", "year"),
    [
        ({}, "USD", 1000, 10000),
        ({"country": "US"}, "USD", 1000, 10000),
        ({"currency": "EUR"}, "EUR", 900, 9000),  # default EUR: no country, no region
        ({"country": "FR"}, "EUR", 800, 9000),  # the EU price; the default annual price
        ({"country": "IT"}, "EUR", 800, 9000),
        ({"country": "DE"}, "EUR", 700, 9000),  # Germany's own price beats the EU's
        ({"country": "GB"}, "GBP", 600, 6000),
        ({"country": "CH"}, "USD", 1000, 10000),  # no CHF: the default currency
    ],
)
def test_country_beats_region_beats_default(localised, params, currency, month, year):
    body = paywall(localised, "app", **params)
    assert body["currency"] == currency
    assert amounts(body, "team") == {"monthly": (month, currency), "annual": (year, currency)}
    # the estimate endpoint prices the same
    for period, expected in (("monthly", month), ("annual", year)):
        estimate = ok(localised.post("/api/v1/estimates", json={
            "plan_id": "team", "billing_period": period, **params}))
        assert (estimate["currency"], estimate["total"]["amount_minor"]) == (currency, expected)


def test_a_more_specific_region_beats_a_wider_one(api):
    """France is in the EU and in the eurozone (EZ): the eurozone price applies, alone."""
    make_product(api, "app")
    make_plan(api, "team", product="app", prices=[
        monthly("EUR", 900), monthly("EUR", 800, "EU"), monthly("EUR", 750, "EZ"),
    ])
    assert amounts(paywall(api, "app", country="FR"), "team") == {"monthly": (750, "EUR")}
    assert amounts(paywall(api, "app", country="PL"), "team") == {"monthly": (800, "EUR")}
    assert amounts(paywall(api, "app", country="NO"), "team") == {"monthly": (900, "EUR")}
    estimate = ok(api.post("/api/v1/estimates", json={
        "plan_id": "team", "billing_period": "monthly", "country": "FR"}))
    assert [line["amount"]["amount_minor"] for line in estimate["lines"]] == [750]


def test_a_localised_set_replaces_the_default_set_whole(api):
    """A plan is never half-localised: the EU flat price comes without the default seat price."""
    make_product(api, "app")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_plan(api, "team", product="app", prices=[
        monthly("EUR", 900),
        {"billing_period": "monthly", "currency": "EUR", "model": "per_unit",
         "feature_id": "seats", "unit_amount": "5", "min_quantity": 2},
        monthly("EUR", 2000, "EU"),
    ])
    default = plans(paywall(api, "app", currency="EUR"))["team"]["prices"][0]
    assert [c["model"] for c in default["components"]] == ["flat", "per_unit"]
    assert default["amount"]["amount_minor"] == 900 + 2 * 500 and default["starts_at"]
    french = plans(paywall(api, "app", country="FR"))["team"]["prices"][0]
    assert [c["model"] for c in french["components"]] == ["flat"]
    assert french["amount"]["amount_minor"] == 2000 and not french["starts_at"]
    estimate = ok(api.post("/api/v1/estimates", json={
        "plan_id": "team", "billing_period": "monthly", "country": "FR"}))
    assert [line["model"] for line in estimate["lines"]] == ["flat"]
    assert_problem(api.post("/api/v1/estimates", json={
        "plan_id": "team", "billing_period": "monthly", "country": "FR",
        "quantities": {"seats": 3}}), 422, "quantities.seats")
