"""POST /api/v1/estimates against the demo catalog: worked examples to the cent, every refusal,
and a property test that the endpoint agrees with the pure pricing module.

Demo prices (see backend/demo/catalog.py): Plus $12 per seat a month or $120 a year (1-20 seats),
11 € / 110 €, £10 / £100 for GB. Business volume-tiered seats (at least 3): up to 10 at $29, up
to 50 at $25, beyond at $21 (annual $290 / $250 / $210); plus 100,000 API calls included, then $2
per 1,000 calls (£1.60 in GB). Add-ons: extra storage $10 (at most 10), AI Boost $19, AI credit
pack 5,000 credits for $10, $8 a pack from five packs, which requires AI Boost.
"""

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backend.pricing.discounts import Discount
from backend.pricing.lines import price_line
from backend.pricing.localisation import applicable, for_period
from backend.pricing.model import PriceSpec
from backend.pricing.totals import summarize
from tests.backend.helpers import (
    assert_problem,
    make_addon,
    make_feature,
    make_plan,
    make_product,
    ok,
)

NBSP = "\u00a0"


def estimate(client, **body: Any) -> dict[str, Any]:
    return ok(client.post("/api/v1/estimates", json=body))


def minor(money: dict[str, Any]) -> int:
    return money["amount_minor"]


def amounts(body: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(line["package_id"], line["model"], minor(line["amount"])) for line in body["lines"]]


# -- worked examples ----------------------------------------------------------------------------
def test_business_twelve_seats_monthly(demo):
    body = estimate(demo.client(), plan_id="business", billing_period="monthly",
                    quantities={"seats": 12})
    assert (body["plan_id"], body["plan_version"], body["billing_period"]) == (
        "business", 1, "monthly")
    assert (body["currency"], body["country"], body["locale"]) == ("USD", None, "en_US")
    seats, calls = body["lines"]
    assert seats == {
        "description": "Business · 12 seats", "kind": "recurring", "model": "tiered",
        "package_id": "business", "feature_id": "seats", "quantity": "12", "unit_amount": "$25",
        "amount": {"amount_minor": 30000, "currency": "USD", "formatted": "$300"},
    }  # 12 x $25: every seat at the tier 12 falls in
    assert (calls["kind"], calls["model"], calls["quantity"], minor(calls["amount"])) == (
        "usage", "overage", "0", 0)
    assert body["subtotal"] == body["total"] == {
        "amount_minor": 30000, "currency": "USD", "formatted": "$300"}
    assert (minor(body["usage"]), minor(body["total_with_usage"])) == (0, 30000)
    assert minor(body["monthly_equivalent"]) == 30000
    assert body["discount"] is None and body["coupon"] is None
    assert body["credits_granted"] is None


def test_api_call_overage_in_blocks(demo):
    body = estimate(demo.client(), plan_id="business", billing_period="monthly",
                    quantities={"seats": 12}, usage={"api-calls": 250_000})
    calls = body["lines"][1]
    # 250,000 - 100,000 included = 150,000 = 150 blocks of 1,000 at $2
    assert (calls["quantity"], calls["unit_amount"], minor(calls["amount"])) == (
        "250000", "$2", 30000)
    assert calls["description"] == "Business · API calls (estimated usage)"
    assert minor(body["total"]) == 30000  # usage is billed in arrears, not due now
    assert body["usage"]["formatted"] == "$300"
    assert body["total_with_usage"]["formatted"] == "$600"


@pytest.mark.parametrize(
    ("calls", "blocks"),
    [(0, 0), (100_000, 0), (100_001, 1), (101_000, 1), (101_001, 2), ("100000.5", 1),
     ("250000.5", 151), (10**9, 999_900)],
)
def test_overage_boundaries(demo, calls, blocks):
    body = estimate(demo.client(), plan_id="business", billing_period="monthly",
                    usage={"api-calls": calls})
    assert minor(body["usage"]) == blocks * 200


@pytest.mark.parametrize(
    ("seats", "unit", "total"),
    [(3, 29, 87), (10, 29, 290), (11, 25, 275), (50, 25, 1250), (51, 21, 1071),
     (1000, 21, 21000)],
)
def test_volume_tier_boundaries(demo, seats, unit, total):
    body = estimate(demo.client(), plan_id="business", billing_period="monthly",
                    quantities={"seats": seats})
    line = body["lines"][0]
    assert (line["unit_amount"], minor(line["amount"])) == (f"${unit}", total * 100)
    assert minor(body["total"]) == total * 100


def test_graduated_api_usage_on_plus(demo):
    """First 10,000 calls free, 90,000 at $0.001, 150,000 at $0.0005: $90 + $75 = $165."""
    body = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                    quantities={"seats": 5}, usage={"api-calls": 250_000})
    assert amounts(body) == [("plus", "per_unit", 6000), ("plus", "tiered", 16500)]
    usage_line = body["lines"][1]
    assert (usage_line["kind"], usage_line["quantity"]) == ("usage", "250000")
    assert (minor(body["total"]), minor(body["usage"]), minor(body["total_with_usage"])) == (
        6000, 16500, 22500)
    at_bound = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                        usage={"api-calls": 10_000})
    assert minor(at_bound["usage"]) == 0
    one_above = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                         usage={"api-calls": 10_001})
    assert minor(one_above["usage"]) == 0  # $0.001 rounds to 0 cents: rounded once per line
    thousand_above = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                              usage={"api-calls": 11_000})
    assert minor(thousand_above["usage"]) == 100


def test_minimum_seats_are_the_default(demo):
    business = estimate(demo.client(), plan_id="business", billing_period="monthly")
    assert business["lines"][0]["quantity"] == "3" and minor(business["total"]) == 8700
    plus = estimate(demo.client(), plan_id="plus", billing_period="monthly")
    assert plus["lines"][0]["description"] == "Plus · 1 seat" and minor(plus["total"]) == 1200


def test_credit_packs_with_ai_boost(demo):
    body = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                    quantities={"seats": 2},
                    addons=[{"addon_id": "ai-boost"}, {"addon_id": "ai-credit-pack", "quantity": 5}])
    assert amounts(body) == [
        ("plus", "per_unit", 2400), ("plus", "tiered", 0), ("ai-boost", "flat", 1900),
        ("ai-credit-pack", "credit_pack", 4000),
    ]
    pack = body["lines"][3]
    assert (pack["kind"], pack["quantity"], pack["unit_amount"]) == ("one_off", "5", "$8")
    assert pack["description"] == "AI credit pack × 5"
    assert body["credits_granted"] == 25_000
    assert (minor(body["subtotal"]), minor(body["total"]), minor(body["usage"])) == (
        8300, 8300, 0)


@pytest.mark.parametrize(("packs", "total"), [(1, 1000), (4, 4000), (5, 4000), (6, 4800)])
def test_credit_pack_tiers(demo, packs, total):
    body = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                    addons=[{"addon_id": "ai-credit-pack", "quantity": packs},
                            {"addon_id": "ai-boost"}])
    pack = next(line for line in body["lines"] if line["package_id"] == "ai-credit-pack")
    assert minor(pack["amount"]) == total and body["credits_granted"] == 5000 * packs


def test_addon_quantities_multiply(demo):
    body = estimate(demo.client(), plan_id="business", billing_period="monthly",
                    addons=[{"addon_id": "extra-storage", "quantity": 10}])
    assert amounts(body)[-1] == ("extra-storage", "flat", 10_000)
    assert minor(body["total"]) == 8700 + 10_000


def test_annual_versus_monthly(demo):
    client = demo.client()
    monthly = estimate(client, plan_id="business", billing_period="monthly",
                       quantities={"seats": 12})
    annual = estimate(client, plan_id="business", billing_period="annual",
                      quantities={"seats": 12}, addons=[{"addon_id": "ai-boost"}])
    assert amounts(annual)[0] == ("business", "tiered", 300_000)  # 12 x $250
    assert amounts(annual)[2] == ("ai-boost", "flat", 19_000)
    assert annual["billing_period"] == "annual"
    assert annual["total"]["formatted"] == "$3,190"
    assert annual["monthly_equivalent"]["formatted"] == "$265.83"  # $3,190 / 12, half-up
    assert minor(monthly["total"]) == 30_000  # twelve of them: $3,600 against $3,000 a year
    plus = estimate(client, plan_id="plus", billing_period="annual", quantities={"seats": 5})
    assert (plus["total"]["formatted"], plus["monthly_equivalent"]["formatted"]) == ("$600", "$50")


def test_euro_customer(demo):
    body = estimate(demo.client(), plan_id="business", billing_period="annual",
                    customer_id="globex", quantities={"seats": 12},
                    usage={"api-calls": 100_001})
    assert (body["currency"], body["country"], body["locale"]) == ("EUR", "DE", "de_DE")
    seats, calls = body["lines"]
    assert (seats["unit_amount"], seats["amount"]["formatted"]) == (
        f"230{NBSP}€", f"2.760{NBSP}€")  # 12 x 230 €
    assert (calls["unit_amount"], minor(calls["amount"])) == (f"2{NBSP}€", 200)
    assert body["total"]["formatted"] == f"2.760{NBSP}€"
    assert body["monthly_equivalent"]["formatted"] == f"230{NBSP}€"
    # the same by country, and by currency alone
    by_country = estimate(demo.client("publishable"), plan_id="business", billing_period="annual",
                          country="DE", quantities={"seats": 12}, usage={"api-calls": 100_001})
    assert amounts(by_country) == amounts(body) and by_country["locale"] == "en_US"
    by_currency = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                           currency="eur", quantities={"seats": 3}, locale="fr-FR")
    assert (by_currency["currency"], by_currency["country"]) == ("EUR", None)
    assert by_currency["total"] == {"amount_minor": 3300, "currency": "EUR",
                                    "formatted": f"33{NBSP}€"}


def test_pounds_for_great_britain(demo):
    body = estimate(demo.client("publishable"), plan_id="business", billing_period="monthly",
                    country="gb", quantities={"seats": 12}, usage={"api-calls": 250_000})
    assert (body["currency"], body["country"]) == ("GBP", "GB")
    assert amounts(body) == [("business", "tiered", 25_200), ("business", "overage", 24_000)]
    assert body["lines"][1]["unit_amount"] == "£1.60"  # 150 blocks x £1.60 = £240
    assert body["total"]["formatted"] == "£252" and body["usage"]["formatted"] == "£240"
    initech = estimate(demo.client(), plan_id="plus", billing_period="annual",
                       customer_id="initech", quantities={"seats": 4})
    assert (initech["currency"], initech["locale"]) == ("GBP", "en_GB")
    assert initech["total"]["formatted"] == "£400"


def test_free_plan_costs_nothing(demo):
    body = estimate(demo.client(), plan_id="free", billing_period="monthly")
    assert body["lines"] == [] and minor(body["total"]) == 0 and body["currency"] == "USD"


def test_coupon_percentage_off_the_recurring_part(demo):
    body = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                    quantities={"seats": 2}, coupon_code="launch20",
                    addons=[{"addon_id": "ai-boost"}, {"addon_id": "ai-credit-pack", "quantity": 5}])
    assert body["coupon"] == {"code": "LAUNCH20", "name": "Launch offer", "duration": "repeating",
                              "duration_periods": 3}
    # 20% of the recurring $24 + $19 = $8.60; the one-off credit packs are not discounted
    assert (minor(body["subtotal"]), minor(body["discount"]), minor(body["total"])) == (
        8300, 860, 7440)
    usage = estimate(demo.client(), plan_id="business", billing_period="monthly",
                     quantities={"seats": 12}, usage={"api-calls": 250_000},
                     coupon_code="LAUNCH20")
    assert (minor(usage["discount"]), minor(usage["total"]), minor(usage["usage"])) == (
        6000, 24_000, 30_000)  # usage is not discounted


def test_coupon_fixed_amount_per_currency(demo):
    body = estimate(demo.client(), plan_id="plus", billing_period="monthly",
                    coupon_code="WELCOME10")
    assert (minor(body["discount"]), minor(body["total"])) == (1000, 200)
    euro = estimate(demo.client(), plan_id="plus", billing_period="monthly", currency="EUR",
                    coupon_code="WELCOME10")
    assert (minor(euro["discount"]), minor(euro["total"])) == (900, 200)


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"plan_id": "plus", "coupon_code": "NOPE"}, "coupon_code", "not_found"),
        ({"plan_id": "business", "coupon_code": "WELCOME10"}, "plan_id", "not_applicable_to_plan"),
        ({"plan_id": "plus", "coupon_code": "WELCOME10", "country": "GB"}, "currency",
         "currency_not_supported"),
    ],
)
def test_coupon_refusals(demo, body, field, reason):
    response = demo.client().post("/api/v1/estimates", json={"billing_period": "monthly", **body})
    problem = assert_problem(response, 422, field)
    assert problem["reason"] == reason


# -- refusals -----------------------------------------------------------------------------------
REFUSALS = [
    ({"plan_id": "business", "quantities": {"seats": 2}}, "quantities.seats"),  # below min 3
    ({"plan_id": "plus", "quantities": {"seats": 0}}, "quantities.seats"),  # below min 1
    ({"plan_id": "plus", "quantities": {"seats": 21}}, "quantities.seats"),  # above max 20
    ({"plan_id": "plus", "quantities": {"seats": -1}}, "quantities.seats"),
    ({"plan_id": "plus", "quantities": {"seats": 1.5}}, "quantities.seats"),
    ({"plan_id": "enterprise"}, "plan_id"),  # custom: price on request
    ({"plan_id": "nope"}, "plan_id"),
    ({"plan_id": "free", "addons": [{"addon_id": "extra-storage"}]}, "addons.0.addon_id"),
    ({"plan_id": "plus", "addons": [{"addon_id": "nope"}]}, "addons.0.addon_id"),
    ({"plan_id": "plus", "addons": [{"addon_id": "extra-storage", "quantity": 11}]},
     "addons.0.quantity"),  # at most 10
    ({"plan_id": "plus", "addons": [{"addon_id": "extra-storage", "quantity": 0}]},
     "addons.0.quantity"),
    ({"plan_id": "plus", "addons": [{"addon_id": "ai-credit-pack", "quantity": 5}]},
     "addons.0.addon_id"),  # requires AI Boost
    ({"plan_id": "plus", "addons": [{"addon_id": "ai-boost"}, {"addon_id": "ai-boost"}]},
     "addons"),
    ({"plan_id": "business", "country": "GB", "addons": [{"addon_id": "extra-storage"}]},
     "addons.0.addon_id"),  # no price in GBP
    ({"plan_id": "plus", "quantities": {"projects": 3}}, "quantities.projects"),  # not priced
    ({"plan_id": "plus", "quantities": {"nope": 3}}, "quantities.nope"),
    ({"plan_id": "business", "quantities": {"api-calls": 3}}, "quantities.api-calls"),  # metered
    ({"plan_id": "business", "usage": {"seats": 5}}, "usage.seats"),  # not metered
    ({"plan_id": "plus", "usage": {"ai-credits": 5}}, "usage.ai-credits"),  # no usage price
    ({"plan_id": "business", "usage": {"ai-credits": 5}}, "usage.ai-credits"),
    ({"plan_id": "business", "usage": {"api-calls": -1}}, "usage.api-calls"),
    ({"plan_id": "business", "usage": {"api-calls": "NaN"}}, "usage.api-calls"),
    ({"plan_id": "business", "usage": {"api-calls": "Infinity"}}, "usage.api-calls"),
    ({"plan_id": "business", "billing_period": "quarterly"}, "billing_period"),  # no such price
    ({"plan_id": "business", "billing_period": "weekly"}, "billing_period"),
    ({"plan_id": "business", "currency": "JPY"}, "currency"),  # not offered
    ({"plan_id": "business", "currency": "XYZ"}, "currency"),
    ({"plan_id": "business", "country": "QQ"}, "country"),
    ({"plan_id": "business", "country": "EU"}, "country"),  # a region, not a customer's country
    ({"plan_id": "business", "seats": 3}, "seats"),
    ({"billing_period": "monthly"}, "plan_id"),
]


@pytest.mark.parametrize(("body", "field"), REFUSALS)
def test_refusals_name_the_field(demo, body, field):
    response = demo.client().post("/api/v1/estimates", json={"billing_period": "monthly", **body})
    assert_problem(response, 422, field)


def test_gbp_without_a_country_is_not_offered(demo):
    """GBP prices are localised for GB: without the country they do not apply (see report)."""
    response = demo.client().post("/api/v1/estimates", json={
        "plan_id": "business", "billing_period": "monthly", "currency": "GBP"})
    assert_problem(response, 422, "currency")
    body = estimate(demo.client(), plan_id="business", billing_period="monthly", currency="GBP",
                    country="GB")
    assert body["currency"] == "GBP"


def test_customer_needs_a_secret_key(demo):
    body = {"plan_id": "plus", "billing_period": "monthly", "customer_id": "acme"}
    assert_problem(demo.client("publishable").post("/api/v1/estimates", json=body), 403)
    assert estimate(demo.client(), **body)["country"] == "US"
    assert_problem(demo.client().post("/api/v1/estimates",
                                      json={**body, "customer_id": "nobody"}), 404)
    assert_problem(demo.client(None).post("/api/v1/estimates", json=body), 401)


def test_archived_packages(seeded):
    api = seeded.client()
    ok(api.post("/api/v1/addons/ai-boost/archive"))
    assert_problem(api.post("/api/v1/estimates", json={
        "plan_id": "plus", "billing_period": "monthly", "addons": [{"addon_id": "ai-boost"}]}),
        422, "addons.0.addon_id")
    ok(api.post("/api/v1/plans/plus/archive"))
    assert_problem(api.post("/api/v1/estimates", json={
        "plan_id": "plus", "billing_period": "monthly"}), 422, "plan_id")


def test_other_price_models_through_the_endpoint(api):
    """Package, usage below a cent, graduated tiers and a flat fee on one plan."""
    make_product(api, "app")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_feature(api, "calls", "metered", unit="call", unit_plural="calls")
    make_feature(api, "storage", "metered", unit="GB", unit_plural="GB")
    make_feature(api, "rows", "metered", unit="row", unit_plural="rows")
    monthly = {"billing_period": "monthly", "currency": "USD"}
    make_plan(api, "pro", prices=[
        {**monthly, "amount_minor": 4900},
        {**monthly, "model": "usage", "feature_id": "calls", "unit_amount": "0.0004"},
        {**monthly, "model": "package", "feature_id": "storage", "amount_minor": 500,
         "block_size": 100, "free_units": 50},
        {**monthly, "model": "tiered", "feature_id": "rows", "tiers_mode": "graduated",
         "tiers": [{"up_to": 100, "unit_amount": "1.00"}, {"up_to": 1000, "unit_amount": "0.50"},
                   {"up_to": None, "unit_amount": "0.20"}]},
        {**monthly, "model": "tiered", "feature_id": "seats", "tiers_mode": "graduated",
         "tiers": [{"up_to": 5, "unit_amount": "0", "flat_amount_minor": 1000},
                   {"up_to": None, "unit_amount": "8"}]},
    ])
    body = estimate(api, plan_id="pro", billing_period="monthly", quantities={"seats": 7},
                    usage={"calls": 12_345, "storage": 251, "rows": 1500})
    assert amounts(body) == [
        ("pro", "flat", 4900),
        ("pro", "usage", 494),  # 12,345 x $0.0004 = $4.938 -> $4.94, rounded once
        ("pro", "package", 1500),  # 201 GB over 50 free = 3 blocks of 100 at $5
        ("pro", "tiered", 65_000),  # graduated: 100 + 450 + 100 = $650 (the semantics example)
        ("pro", "tiered", 2600),  # $10 fee for the first 5 seats, then 2 x $8
    ]
    assert [line["kind"] for line in body["lines"]] == [
        "recurring", "usage", "usage", "usage", "recurring"]
    assert (minor(body["total"]), minor(body["usage"])) == (7500, 66_994)
    # the same through the pure module, line by line
    plan = ok(api.get("/api/v1/plans/pro"))
    specs = [PriceSpec.model_validate({k: v for k, v in p.items() if k != "amount"})
             for p in plan["prices"]]
    inputs = [{}, {"usage": 12_345}, {"usage": 251}, {"usage": 1500}, {"quantity": 7}]
    lines = [price_line(s, **kw) for s, kw in zip(specs, inputs, strict=True)]
    assert [line.amount_minor for line in lines] == [a for _, _, a in amounts(body)]
    totals = summarize(lines, currency="USD")
    assert (totals.total_minor, totals.usage_minor) == (7500, 66_994)


INT64_MAX = 2**63 - 1


def test_extreme_prices_and_quantities_are_priced_exactly(api):
    """The largest accepted prices and quantities are priced and formatted, never a 5xx."""
    make_product(api, "app")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_feature(api, "calls", "metered")
    top = "999999999.999999999999"  # the largest unit price with the most decimals
    make_plan(api, "max", prices=[
        {"billing_period": "monthly", "currency": "USD", "model": "per_unit", "feature_id": "seats",
         "unit_amount": top, "min_quantity": INT64_MAX},
        {"billing_period": "monthly", "currency": "USD", "model": "usage", "feature_id": "calls",
         "unit_amount": top},
    ])
    card = ok(api.get("/api/v1/paywall", params={"product_id": "app"}))["plans"][0]
    top_e12 = 999_999_999_999_999_999_999  # the unit price in 10^-12 dollars
    # exact in integers: cents = price x quantity x 100, rounded half-up
    expected = (top_e12 * INT64_MAX + 5 * 10**9) // 10**10
    assert card["prices"][0]["amount"]["amount_minor"] == expected
    body = estimate(api, plan_id="max", billing_period="monthly",
                    usage={"calls": f"{INT64_MAX - 1}.999999999999"})
    assert minor(body["total"]) == expected
    used_e12 = (INT64_MAX - 1) * 10**12 + 999_999_999_999  # the usage in 10^-12 calls
    assert minor(body["usage"]) == (top_e12 * used_e12 + 5 * 10**21) // 10**22
    assert body["total"]["formatted"].startswith("$9,223,372,036,854,775,806,990,776,627.")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantities": {"seats": 2**63}}, "quantities.seats"),
        ({"quantities": {"seats": 10**30}}, "quantities.seats"),
        ({"usage": {"api-calls": "1E+400"}}, "usage.api-calls"),
        ({"usage": {"api-calls": 1e308}}, "usage.api-calls"),
        ({"usage": {"api-calls": "1E-400"}}, "usage.api-calls"),  # more than 12 decimals
        ({"usage": {"api-calls": "0.0000000000001"}}, "usage.api-calls"),
        ({"usage": {"api-calls": 2**63}}, "usage.api-calls"),
    ],
)
def test_out_of_range_inputs_are_refused(demo, change, field):
    body = {"plan_id": "business", "billing_period": "monthly", **change}
    assert_problem(demo.client().post("/api/v1/estimates", json=body), 422, field)


def test_incompatible_addon_on_a_paid_plan(api):
    make_product(api, "app")
    make_addon(api, "boost")
    make_plan(api, "solo")
    make_plan(api, "team", compatible_addon_ids=["boost"])
    refused = api.post("/api/v1/estimates", json={
        "plan_id": "solo", "billing_period": "monthly", "addons": [{"addon_id": "boost"}]})
    assert_problem(refused, 422, "addons.0.addon_id")
    assert "cannot be added" in refused.json()["detail"]
    body = estimate(api, plan_id="team", billing_period="monthly", addons=[{"addon_id": "boost"}])
    assert amounts(body) == [("team", "flat", 1000), ("boost", "flat", 500)]


# -- the endpoint and the pure module agree -----------------------------------------------------
def _specs(prices: list[dict[str, Any]]) -> list[PriceSpec]:
    return [PriceSpec.model_validate({k: v for k, v in p.items() if k != "amount"})
            for p in prices]


PLACES = [  # (currency, country) -> the currency the prices are in
    (None, None, "USD"), ("EUR", None, "EUR"), (None, "GB", "GBP"), (None, "DE", "EUR"),
    (None, "FR", "EUR"), (None, "JP", "USD"),
]
usages = st.one_of(
    st.integers(0, 5_000_000),
    st.decimals(min_value=0, max_value=5_000_000, places=3, allow_nan=False, allow_infinity=False),
)


def test_endpoint_totals_equal_the_pure_module(demo):
    client = demo.client()
    catalog = {
        "business": _specs(ok(client.get("/api/v1/plans/business"))["prices"]),
        "plus": _specs(ok(client.get("/api/v1/plans/plus"))["prices"]),
    }
    addon_specs = {a: _specs(ok(client.get(f"/api/v1/addons/{a}"))["prices"])
                   for a in ("extra-storage", "ai-boost", "ai-credit-pack")}

    @hypothesis_settings(max_examples=60, deadline=None, database=None,
                         suppress_health_check=[HealthCheck.too_slow])
    @given(
        plan=st.sampled_from(["business", "plus"]),
        period=st.sampled_from(["monthly", "annual"]),
        place=st.sampled_from(PLACES),
        seats=st.integers(1, 400),
        calls=usages,
        storage=st.integers(0, 10),
        packs=st.integers(0, 12),
        coupon=st.sampled_from([None, "LAUNCH20"]),
    )
    def agree(plan, period, place, seats, calls, storage, packs, coupon):
        currency, country, priced_in = place
        seats = min(seats, 20) if plan == "plus" else max(seats, 3)
        body: dict[str, Any] = {"plan_id": plan, "billing_period": period,
                                "quantities": {"seats": seats}}
        if currency:
            body["currency"] = currency
        if country:
            body["country"] = country
        if plan == "business":
            body["usage"] = {"api-calls": str(calls)}
        chosen: list[tuple[str, int]] = []
        if priced_in != "GBP":  # the add-ons have no GBP prices
            if storage:
                chosen.append(("extra-storage", storage))
            if packs and period == "monthly":  # credit packs are sold monthly only
                chosen += [("ai-boost", 1), ("ai-credit-pack", packs)]
        body["addons"] = [{"addon_id": a, "quantity": q} for a, q in chosen]
        if coupon:
            body["coupon_code"] = coupon
        answer = estimate(client, **body)
        assert answer["currency"] == priced_in

        # the pure module on the same specs
        def pick(specs: list[PriceSpec]) -> list[PriceSpec]:
            return for_period(applicable(specs, country), period, priced_in)

        lines = []
        for spec in pick(catalog[plan]):
            if spec.model == "overage":
                lines.append(price_line(spec, usage=Decimal(str(calls))))
            else:
                lines.append(price_line(spec, quantity=seats))
        for addon, quantity in chosen:
            [spec] = pick(addon_specs[addon])
            if spec.model == "credit_pack":
                lines.append(price_line(spec, quantity=quantity))
            else:
                one = price_line(spec)
                lines.append(replace(one, amount=one.amount * quantity,
                                     amount_minor=one.amount_minor * quantity))
        discount = Discount(percent_off=Decimal(20)) if coupon else None
        totals = summarize(lines, discount, currency=priced_in)

        assert [minor(line["amount"]) for line in answer["lines"]] == [
            line.amount_minor for line in lines]
        assert minor(answer["subtotal"]) == totals.subtotal_minor
        if coupon:
            assert minor(answer["discount"]) == totals.discount_minor
        else:
            assert answer["discount"] is None and totals.discount_minor == 0
        assert minor(answer["total"]) == totals.total_minor
        assert minor(answer["usage"]) == totals.usage_minor
        assert minor(answer["total_with_usage"]) == totals.total_minor + totals.usage_minor
        assert answer["credits_granted"] == (
            5000 * dict(chosen)["ai-credit-pack"] if "ai-credit-pack" in dict(chosen) else None)

    agree()


def test_catalog_changes_reach_estimates_at_once(seeded, api):
    """Estimates read a catalog snapshot cached per revision; any catalog write is seen next call."""
    body = {"plan_id": "plus", "billing_period": "monthly", "addons": [{"addon_id": "ai-boost"}]}
    assert amounts(ok(api.post("/api/v1/estimates", json=body)))[-1] == ("ai-boost", "flat", 1900)
    new_prices = [{"billing_period": "monthly", "currency": "USD", "amount_minor": 2500}]
    ok(api.patch("/api/v1/addons/ai-boost", json={"prices": new_prices}))
    assert amounts(ok(api.post("/api/v1/estimates", json=body)))[-1] == ("ai-boost", "flat", 2500)
    ok(api.patch("/api/v1/plans/plus", params={"publish": "true"},
                 json={"compatible_addon_ids": ["extra-storage"]}))
    refused = api.post("/api/v1/estimates", json=body)
    assert_problem(refused, 422, "addons.0.addon_id")
