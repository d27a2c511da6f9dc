"""Price models on plans and add-ons through the API: every model, every refusal, settings.

Each refusal is a 422 problem naming the offending field (`prices.<i>.<field>`), on both
databases. Plans are only created here (never PATCHed), so plan versions do not come into it.
"""

from typing import Any

import pytest

from tests.backend.helpers import (
    assert_problem,
    make_addon,
    make_feature,
    make_plan,
    make_product,
    ok,
    usd,
)


@pytest.fixture
def catalog(api):
    """Product 'app' with a feature of each type; 'calls' is metered."""
    make_product(api, "app")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_feature(api, "calls", "metered", unit="API call", unit_plural="API calls")
    make_feature(api, "sso", "boolean")
    make_feature(api, "history", "enum", enum_values=["7 days", "forever"])
    return api


def price(model: str = "flat", **fields: Any) -> dict[str, Any]:
    return {"billing_period": "monthly", "currency": "USD", "model": model, **fields}


def given(p: dict[str, Any]) -> dict[str, Any]:
    """A price as the API returns it, without the fields its model leaves null."""
    return {k: v for k, v in p.items() if v is not None}


VOLUME = [
    {"up_to": 10, "unit_amount": "29"},
    {"up_to": 50, "unit_amount": "25"},
    {"up_to": None, "unit_amount": "21"},
]

# (request price, what the API answers besides billing_period and currency)
ACCEPTED = {
    "flat": (
        price(amount_minor=2900),
        {"model": "flat", "amount_minor": 2900, "amount": "29.00"},
    ),
    "per_unit": (
        price("per_unit", feature_id="seats", unit_amount="12", min_quantity=1, max_quantity=20),
        {"model": "per_unit", "feature_id": "seats", "unit_amount": "12", "min_quantity": 1,
         "max_quantity": 20},
    ),
    "tiered_volume_by_default": (
        price("tiered", feature_id="seats", tiers=VOLUME, min_quantity=3),
        {"model": "tiered", "feature_id": "seats", "tiers_mode": "volume", "min_quantity": 3,
         "tiers": [{"up_to": 10, "unit_amount": "29", "flat_amount_minor": 0},
                   {"up_to": 50, "unit_amount": "25", "flat_amount_minor": 0},
                   {"up_to": None, "unit_amount": "21", "flat_amount_minor": 0}]},
    ),
    "tiered_graduated_on_usage": (
        price("tiered", feature_id="calls", tiers_mode="graduated",
              tiers=[{"up_to": 100, "unit_amount": "1.00", "flat_amount_minor": 500},
                     {"up_to": None, "unit_amount": "0.0004"}]),
        {"model": "tiered", "feature_id": "calls", "tiers_mode": "graduated",
         "tiers": [{"up_to": 100, "unit_amount": "1.00", "flat_amount_minor": 500},
                   {"up_to": None, "unit_amount": "0.0004", "flat_amount_minor": 0}]},
    ),
    "package": (
        price("package", feature_id="calls", amount_minor=500, block_size=1000, free_units=10_000),
        {"model": "package", "feature_id": "calls", "amount_minor": 500, "amount": "5.00",
         "block_size": 1000, "free_units": 10_000},
    ),
    "usage_below_a_cent": (
        price("usage", feature_id="calls", unit_amount="0.0004"),
        {"model": "usage", "feature_id": "calls", "unit_amount": "0.0004"},
    ),
    "usage_per_block": (
        price("usage", feature_id="calls", unit_amount="2", block_size=1000),
        {"model": "usage", "feature_id": "calls", "unit_amount": "2", "block_size": 1000},
    ),
    "overage": (
        price("overage", feature_id="calls", unit_amount="2", block_size=1000,
              free_units=100_000),
        {"model": "overage", "feature_id": "calls", "unit_amount": "2", "block_size": 1000,
         "free_units": 100_000},
    ),
    "credit_pack": (
        price("credit_pack", amount_minor=1000, credits=5000),
        {"model": "credit_pack", "amount_minor": 1000, "amount": "10.00", "credits": 5000},
    ),
    "credit_pack_tiered_by_packs": (
        price("credit_pack", amount_minor=1000, credits=5000, max_quantity=50,
              tiers=[{"up_to": 4, "unit_amount": "10"}, {"up_to": None, "unit_amount": "8"}]),
        {"model": "credit_pack", "amount_minor": 1000, "amount": "10.00", "credits": 5000,
         "max_quantity": 50, "tiers_mode": "volume",
         "tiers": [{"up_to": 4, "unit_amount": "10", "flat_amount_minor": 0},
                   {"up_to": None, "unit_amount": "8", "flat_amount_minor": 0}]},
    ),
    "localised_for_a_country": (
        price(currency="gbp", country="gb", amount_minor=1000),
        {"model": "flat", "country": "GB", "amount_minor": 1000, "amount": "10.00"},
    ),
    "localised_for_a_region": (
        price(currency="EUR", country="eu", amount_minor=900),
        {"model": "flat", "country": "EU", "amount_minor": 900, "amount": "9.00"},
    ),
    "zero_decimal_currency": (
        price(currency="JPY", amount_minor=1200),
        {"model": "flat", "amount_minor": 1200, "amount": "1200"},
    ),
    "three_decimal_currency": (
        price(currency="KWD", amount_minor=1250),
        {"model": "flat", "amount_minor": 1250, "amount": "1.250"},
    ),
}


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_every_price_model_is_accepted_with_its_fields(catalog, case):
    sent, answered = ACCEPTED[case]
    plan = make_plan(catalog, "pro", prices=[sent])
    [stored] = plan["prices"]
    currency = sent["currency"].upper()
    assert given(stored) == {"billing_period": "monthly", "currency": currency, **answered}
    assert ok(catalog.get("/api/v1/plans/pro"))["prices"] == [stored]
    # the same price on an add-on
    addon = make_addon(catalog, "extra", prices=[sent])
    assert addon["prices"] == [stored]


def test_a_plan_combines_models_per_period(catalog):
    """A base fee, seats and usage for the same period and currency, localised sets beside them."""
    prices = [
        price(amount_minor=4900),
        price("per_unit", feature_id="seats", unit_amount="10", min_quantity=1),
        price("overage", feature_id="calls", unit_amount="0.002", free_units=1000),
        price(billing_period="annual", amount_minor=49000),
        price(currency="EUR", amount_minor=4500),
        price(currency="EUR", country="EU", amount_minor=4000),
        price(currency="EUR", country="DE", amount_minor=3900),
    ]
    plan = make_plan(catalog, "team", prices=prices)
    assert [(p["billing_period"], p["currency"], p["country"], p["model"])
            for p in plan["prices"]] == [
        ("monthly", "USD", None, "flat"),
        ("monthly", "USD", None, "per_unit"),
        ("monthly", "USD", None, "overage"),
        ("annual", "USD", None, "flat"),
        ("monthly", "EUR", None, "flat"),
        ("monthly", "EUR", "EU", "flat"),
        ("monthly", "EUR", "DE", "flat"),
    ]


TIERS_BOUNDED = [{"up_to": 10, "unit_amount": "1"}, {"up_to": 20, "unit_amount": "1"}]
REFUSED = {
    # tiers
    "overlapping_tiers": (
        price("tiered", feature_id="seats", tiers=[{"up_to": 10, "unit_amount": "2"},
                                                   {"up_to": 10, "unit_amount": "1"},
                                                   {"up_to": None, "unit_amount": "1"}]),
        "prices.0.tiers",
    ),
    "unordered_tiers": (
        price("tiered", feature_id="seats", tiers=[{"up_to": 50, "unit_amount": "2"},
                                                   {"up_to": 10, "unit_amount": "1"},
                                                   {"up_to": None, "unit_amount": "1"}]),
        "prices.0.tiers",
    ),
    "last_tier_bounded": (price("tiered", feature_id="seats", tiers=TIERS_BOUNDED),
                          "prices.0.tiers"),
    "unbounded_tier_before_the_last": (
        price("tiered", feature_id="seats", tiers=[{"up_to": 10, "unit_amount": "1"},
                                                   {"up_to": None, "unit_amount": "1"},
                                                   {"up_to": None, "unit_amount": "1"}]),
        "prices.0.tiers",
    ),
    "no_tiers": (price("tiered", feature_id="seats", tiers=[]), "prices.0.tiers"),
    "tiered_without_tiers": (price("tiered", feature_id="seats"), "prices.0.tiers"),
    "credit_pack_tiers_unordered": (
        price("credit_pack", amount_minor=1000, credits=10,
              tiers=[{"up_to": 5, "unit_amount": "1"}, {"up_to": 2, "unit_amount": "1"},
                     {"up_to": None, "unit_amount": "1"}]),
        "prices.0.tiers",
    ),
    "tier_bound_zero": (
        price("tiered", feature_id="seats", tiers=[{"up_to": 0, "unit_amount": "1"},
                                                   {"up_to": None, "unit_amount": "1"}]),
        "prices.0.tiers.0.up_to",
    ),
    "unknown_tiers_mode": (
        price("tiered", feature_id="seats", tiers_mode="stairs", tiers=VOLUME),
        "prices.0.tiers_mode",
    ),
    # negative or impossible amounts
    "negative_flat_price": (price(amount_minor=-1), "prices.0.amount_minor"),
    "negative_unit_price": (price("per_unit", feature_id="seats", unit_amount="-0.01"),
                            "prices.0.unit_amount"),
    "negative_tier_price": (
        price("tiered", feature_id="seats", tiers=[{"up_to": None, "unit_amount": "-1"}]),
        "prices.0.tiers.0.unit_amount",
    ),
    "negative_tier_fee": (
        price("tiered", feature_id="seats",
              tiers=[{"up_to": None, "unit_amount": "1", "flat_amount_minor": -100}]),
        "prices.0.tiers.0.flat_amount_minor",
    ),
    "not_a_number": (price("usage", feature_id="calls", unit_amount="cheap"),
                     "prices.0.unit_amount"),
    "nan_unit_price": (price("usage", feature_id="calls", unit_amount="NaN"),
                       "prices.0.unit_amount"),
    "infinite_unit_price": (price("usage", feature_id="calls", unit_amount="Infinity"),
                            "prices.0.unit_amount"),
    "unit_price_past_twelve_decimals": (
        price("usage", feature_id="calls", unit_amount="0.0000000000001"),
        "prices.0.unit_amount",
    ),
    "tier_price_past_twelve_decimals": (
        price("tiered", feature_id="seats", tiers=[{"up_to": None, "unit_amount": "0." + "3" * 125}]),
        "prices.0.tiers.0.unit_amount",
    ),
    "unit_price_above_a_billion": (price("per_unit", feature_id="seats", unit_amount="1000000000.01"),
                                   "prices.0.unit_amount"),
    "fractional_minor_units": (price(amount_minor=29.5), "prices.0.amount_minor"),
    "amount_past_int64": (price(amount_minor=2**63), "prices.0.amount_minor"),
    "zero_block_size": (price("package", feature_id="calls", amount_minor=1, block_size=0),
                        "prices.0.block_size"),
    "zero_credits": (price("credit_pack", amount_minor=1, credits=0), "prices.0.credits"),
    # features
    "per_unit_without_feature": (price("per_unit", unit_amount="12"), "prices.0.feature_id"),
    "tiered_without_feature": (price("tiered", tiers=VOLUME), "prices.0.feature_id"),
    "usage_without_feature": (price("usage", unit_amount="1"), "prices.0.feature_id"),
    "flat_with_a_feature": (price(amount_minor=1, feature_id="seats"), "prices.0.feature_id"),
    "unknown_feature": (price("per_unit", feature_id="nope", unit_amount="1"),
                        "prices.0.feature_id"),
    "usage_on_a_configuration_feature": (price("usage", feature_id="seats", unit_amount="1"),
                                         "prices.0.feature_id"),
    "overage_on_a_configuration_feature": (
        price("overage", feature_id="seats", unit_amount="1", free_units=3),
        "prices.0.feature_id",
    ),
    "per_unit_on_a_boolean_feature": (price("per_unit", feature_id="sso", unit_amount="1"),
                                      "prices.0.feature_id"),
    "per_unit_on_a_metered_feature": (price("per_unit", feature_id="calls", unit_amount="1"),
                                      "prices.0.feature_id"),
    "tiered_on_an_enum_feature": (price("tiered", feature_id="history", tiers=VOLUME),
                                  "prices.0.feature_id"),
    "package_on_a_boolean_feature": (
        price("package", feature_id="sso", amount_minor=1, block_size=10),
        "prices.0.feature_id",
    ),
    # currency and country
    "currency_not_iso_4217": (price(currency="XYZ", amount_minor=1), "prices.0.currency"),
    "currency_too_long": (price(currency="EURO", amount_minor=1), "prices.0.currency"),
    "precious_metal_is_no_currency": (price(currency="XAU", amount_minor=1), "prices.0.currency"),
    "no_currency": ({"billing_period": "monthly", "amount_minor": 1}, "prices.0.currency"),
    "country_unknown": (price(country="XX", amount_minor=1), "prices.0.country"),
    "country_a_currency_code": (price(country="EUR", amount_minor=1), "prices.0.country"),
    "country_unknown_region": (price(country="ZZ", amount_minor=1), "prices.0.country"),
    "country_numeric_region": (price(country="150", amount_minor=1), "prices.0.country"),
    # quantity limits
    "quantity_limits_inverted": (
        price("per_unit", feature_id="seats", unit_amount="1", min_quantity=10, max_quantity=5),
        "prices.0.max_quantity",
    ),
    "max_quantity_zero": (price("per_unit", feature_id="seats", unit_amount="1", max_quantity=0),
                          "prices.0.max_quantity"),
    "negative_min_quantity": (
        price("per_unit", feature_id="seats", unit_amount="1", min_quantity=-1),
        "prices.0.min_quantity",
    ),
    "min_quantity_on_a_flat_price": (price(amount_minor=1, min_quantity=1),
                                     "prices.0.min_quantity"),
    "max_quantity_on_a_usage_price": (
        price("usage", feature_id="calls", unit_amount="1", max_quantity=100),
        "prices.0.max_quantity",
    ),
    # fields that do not belong to the model, and fields a model needs
    "unit_amount_on_a_flat_price": (price(amount_minor=1, unit_amount="1"),
                                     "prices.0.unit_amount"),
    "amount_minor_on_a_per_unit_price": (
        price("per_unit", feature_id="seats", unit_amount="1", amount_minor=100),
        "prices.0.amount_minor",
    ),
    "tiers_on_a_flat_price": (price(amount_minor=1, tiers=VOLUME), "prices.0.tiers"),
    "tiers_mode_on_a_per_unit_price": (
        price("per_unit", feature_id="seats", unit_amount="1", tiers_mode="volume"),
        "prices.0.tiers",
    ),
    "block_size_on_a_per_unit_price": (
        price("per_unit", feature_id="seats", unit_amount="1", block_size=10),
        "prices.0.block_size",
    ),
    "block_size_on_a_tiered_price": (
        price("tiered", feature_id="seats", tiers=VOLUME, block_size=10),
        "prices.0.block_size",
    ),
    "free_units_on_a_usage_price": (
        price("usage", feature_id="calls", unit_amount="1", free_units=10),
        "prices.0.free_units",
    ),
    "credits_on_a_flat_price": (price(amount_minor=1, credits=100), "prices.0.credits"),
    "flat_without_amount": (price(), "prices.0.amount_minor"),
    "per_unit_without_unit_amount": (price("per_unit", feature_id="seats"),
                                     "prices.0.unit_amount"),
    "package_without_block_size": (price("package", feature_id="calls", amount_minor=1),
                                   "prices.0.block_size"),
    "credit_pack_without_credits": (price("credit_pack", amount_minor=1), "prices.0.credits"),
    "credit_pack_without_amount": (price("credit_pack", credits=10), "prices.0.amount_minor"),
    "unknown_field": (price(amount_minor=1, colour="red"), "prices.0.colour"),
    "unknown_model": (price("subscription", amount_minor=1), "prices.0.model"),
    "unknown_billing_period": (price(billing_period="weekly", amount_minor=1),
                               "prices.0.billing_period"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_every_invalid_price_is_a_422_naming_the_field(catalog, case):
    bad, field = REFUSED[case]
    plan = {"id": "pro", "product_id": "app", "display_name": "Pro", "prices": [bad]}
    body = assert_problem(catalog.post("/api/v1/plans", json=plan), 422, field)
    assert all(e["message"] for e in body["errors"])
    # an add-on refuses the same price, and nothing was written
    addon = {"id": "extra", "product_id": "app", "display_name": "Extra", "prices": [bad]}
    assert_problem(catalog.post("/api/v1/addons", json=addon), 422, field)
    assert_problem(catalog.get("/api/v1/plans/pro"), 404)
    assert_problem(catalog.get("/api/v1/addons/extra"), 404)


def test_the_index_names_the_bad_price_among_good_ones(catalog):
    prices = [*usd(1000, 10000), price("per_unit", unit_amount="1")]
    assert_problem(
        catalog.post("/api/v1/plans", json={"id": "pro", "product_id": "app",
                                            "display_name": "Pro", "prices": prices}),
        422,
        "prices.2.feature_id",
    )


def test_archived_feature_cannot_be_priced(catalog):
    ok(catalog.post("/api/v1/features/seats/archive"))
    assert_problem(
        catalog.post("/api/v1/plans", json={
            "id": "pro", "product_id": "app", "display_name": "Pro",
            "prices": [price("per_unit", feature_id="seats", unit_amount="1")]}),
        422,
        "prices.0.feature_id",
    )


def test_a_feature_of_another_environment_is_unknown(catalog, make_tenant):
    other = make_tenant().client()
    make_product(other, "app")
    assert_problem(
        other.post("/api/v1/plans", json={
            "id": "pro", "product_id": "app", "display_name": "Pro",
            "prices": [price("per_unit", feature_id="seats", unit_amount="1")]}),
        422,
        "prices.0.feature_id",
    )


@pytest.mark.parametrize(
    "pair",
    [
        [price(amount_minor=100), price(amount_minor=200)],
        [price(amount_minor=100), price(currency="usd", amount_minor=200)],
        [price(country="GB", currency="GBP", amount_minor=1),
         price(country="gb", currency="GBP", amount_minor=2)],
        [price("per_unit", feature_id="seats", unit_amount="1"),
         price("per_unit", feature_id="seats", unit_amount="2")],
    ],
    ids=["flat", "currency-case", "country-case", "per-unit"],
)
def test_duplicate_prices_are_refused(catalog, pair):
    plan = {"id": "pro", "product_id": "app", "display_name": "Pro", "prices": pair}
    assert_problem(catalog.post("/api/v1/plans", json=plan), 422, "prices")
    addon = {"id": "extra", "product_id": "app", "display_name": "Extra", "prices": pair}
    assert_problem(catalog.post("/api/v1/addons", json=addon), 422, "prices")


def test_distinct_prices_are_not_duplicates(catalog):
    """Another period, currency, country, model or feature makes another price."""
    prices = [
        price(amount_minor=100),
        price(billing_period="annual", amount_minor=1000),
        price(currency="EUR", amount_minor=90),
        price(currency="USD", country="CA", amount_minor=80),
        price("per_unit", feature_id="seats", unit_amount="1"),
        price("usage", feature_id="calls", unit_amount="0.01"),
    ]
    assert len(make_plan(catalog, "pro", prices=prices)["prices"]) == 6


def test_addon_price_updates_are_validated_too(catalog):
    make_addon(catalog, "extra")
    assert_problem(
        catalog.patch("/api/v1/addons/extra",
                      json={"prices": [price("usage", feature_id="seats", unit_amount="1")]}),
        422,
        "prices.0.feature_id",
    )
    assert_problem(
        catalog.patch("/api/v1/addons/extra",
                      json={"prices": [price("tiered", feature_id="seats", tiers=TIERS_BOUNDED)]}),
        422,
        "prices.0.tiers",
    )
    assert_problem(
        catalog.patch("/api/v1/addons/extra", json={"prices": [price(amount_minor=1)] * 2}),
        422,
        "prices",
    )
    assert [p["amount_minor"] for p in ok(catalog.get("/api/v1/addons/extra"))["prices"]] == [500]
    changed = ok(catalog.patch("/api/v1/addons/extra", json={
        "prices": [price("per_unit", feature_id="seats", unit_amount="4.50", max_quantity=5)]}))
    assert given(changed["prices"][0]) == {
        "billing_period": "monthly", "currency": "USD", "model": "per_unit",
        "feature_id": "seats", "unit_amount": "4.50", "max_quantity": 5,
    }


# -- trial settings ---------------------------------------------------------------------------
def test_trial_settings(catalog):
    plan = make_plan(catalog, "pro", trial_days=14, trial_requires_payment_method=True)
    assert (plan["trial_days"], plan["trial_requires_payment_method"]) == (14, True)
    assert make_plan(catalog, "basic")["trial_requires_payment_method"] is False
    for days in (0, 366):
        assert_problem(
            catalog.post("/api/v1/plans", json={"id": "x", "product_id": "app",
                                                "display_name": "X", "trial_days": days,
                                                "prices": usd(100)}),
            422,
            "trial_days",
        )


def test_custom_plans_have_no_prices(catalog):
    plan = make_plan(catalog, "enterprise", pricing_type="custom")
    assert plan["pricing_type"] == "custom" and plan["prices"] == []
    assert_problem(
        catalog.post("/api/v1/plans", json={"id": "x", "product_id": "app", "display_name": "X",
                                            "pricing_type": "custom", "prices": usd(100)}),
        422,
        "prices",
    )


# -- product settings -------------------------------------------------------------------------
DEFAULT_SETTINGS = {
    "on_subscription_end": "no_access",
    "fallback_plan_id": None,
    "downgrades": "end_of_period",
}


def test_product_settings_default_and_round_trip(api):
    assert make_product(api, "app")["settings"] == DEFAULT_SETTINGS
    chosen = {"on_subscription_end": "fallback_plan", "fallback_plan_id": None,
              "downgrades": "immediate"}
    created = make_product(api, "other", settings=chosen)
    assert created["settings"] == chosen
    assert ok(api.get("/api/v1/products/other"))["settings"] == chosen


def test_fallback_plan_must_be_a_free_plan_of_the_product(catalog, api):
    make_plan(catalog, "free", pricing_type="free")
    make_plan(catalog, "pro")
    make_plan(catalog, "enterprise", pricing_type="custom")
    make_product(api, "other")
    make_plan(api, "other-free", product="other", pricing_type="free")

    def fallback(plan_id):
        return api.patch("/api/v1/products/app", json={
            "settings": {"on_subscription_end": "fallback_plan", "fallback_plan_id": plan_id}})

    assert_problem(fallback("pro"), 422, "settings.fallback_plan_id")
    assert_problem(fallback("enterprise"), 422, "settings.fallback_plan_id")
    assert_problem(fallback("other-free"), 422, "settings.fallback_plan_id")
    assert_problem(fallback("nope"), 422, "settings.fallback_plan_id")
    assert ok(api.get("/api/v1/products/app"))["settings"] == DEFAULT_SETTINGS  # unchanged
    changed = ok(fallback("free"))
    assert changed["settings"] == {"on_subscription_end": "fallback_plan",
                                   "fallback_plan_id": "free", "downgrades": "end_of_period"}
    assert ok(api.get("/api/v1/products/app"))["settings"] == changed["settings"]


def test_settings_patch_keeps_the_settings_left_out(catalog):
    make_plan(catalog, "free", pricing_type="free")
    ok(catalog.patch("/api/v1/products/app", json={
        "settings": {"on_subscription_end": "fallback_plan", "fallback_plan_id": "free"}}))
    changed = ok(catalog.patch("/api/v1/products/app",
                               json={"settings": {"downgrades": "immediate"}}))
    assert changed["settings"] == {"on_subscription_end": "fallback_plan",
                                   "fallback_plan_id": "free", "downgrades": "immediate"}


@pytest.mark.parametrize(
    ("given_settings", "field"),
    [
        ({"on_subscription_end": "delete"}, "settings.on_subscription_end"),
        ({"downgrades": "never"}, "settings.downgrades"),
        ({"grace_days": 3}, "settings.grace_days"),
        ({"fallback_plan_id": "free"}, "settings.fallback_plan_id"),  # a new product has no plans
    ],
)
def test_product_settings_refusals_on_create(api, given_settings, field):
    body = {"id": "app", "display_name": "App", "settings": given_settings}
    assert_problem(api.post("/api/v1/products", json=body), 422, field)
    assert_problem(api.get("/api/v1/products/app"), 404)


def test_settings_cannot_be_nulled(catalog):
    assert_problem(catalog.patch("/api/v1/products/app", json={"settings": None}), 422, "settings")


# -- add-on dependencies ----------------------------------------------------------------------
def test_addon_dependencies(catalog, api):
    make_addon(catalog, "boost")
    pack = make_addon(catalog, "pack", requires_addon_ids=["boost", "boost"])
    assert pack["requires_addon_ids"] == ["boost"]  # listed once
    assert make_addon(catalog, "plain")["requires_addon_ids"] == []
    assert ok(api.get("/api/v1/addons/pack"))["requires_addon_ids"] == ["boost"]
    changed = ok(api.patch("/api/v1/addons/plain", json={"requires_addon_ids": ["boost", "pack"]}))
    assert changed["requires_addon_ids"] == ["boost", "pack"]
    cleared = ok(api.patch("/api/v1/addons/plain", json={"requires_addon_ids": []}))
    assert cleared["requires_addon_ids"] == []


def test_addon_dependency_refusals(catalog, api):
    make_addon(catalog, "boost")
    make_product(api, "other")
    make_addon(api, "elsewhere", product="other")
    base = {"product_id": "app", "display_name": "Pack", "prices": usd(100)}
    for requires, field in [
        (["nope"], "requires_addon_ids.0"),
        (["boost", "nope"], "requires_addon_ids.1"),
        (["pack"], "requires_addon_ids.0"),  # itself
        (["elsewhere"], "requires_addon_ids.0"),  # another product's add-on
    ]:
        body = {**base, "id": "pack", "requires_addon_ids": requires}
        assert_problem(api.post("/api/v1/addons", json=body), 422, field)
    assert_problem(api.get("/api/v1/addons/pack"), 404)

    make_addon(api, "pack", requires_addon_ids=["boost"])
    assert_problem(api.patch("/api/v1/addons/pack", json={"requires_addon_ids": ["pack"]}),
                   422, "requires_addon_ids.0")
    assert_problem(api.patch("/api/v1/addons/pack", json={"requires_addon_ids": ["nope"]}),
                   422, "requires_addon_ids.0")
    assert ok(api.get("/api/v1/addons/pack"))["requires_addon_ids"] == ["boost"]  # unchanged
