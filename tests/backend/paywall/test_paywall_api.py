"""The paywall read endpoint against the seeded demo catalog."""

import pytest

from tests.backend.helpers import assert_problem, make_plan, ok, usd

NBSP = "\u00a0"


def paywall(client, **params):
    return ok(client.get("/api/v1/paywall", params={"product_id": "workspace", **params}))


def by_id(body):
    return {p["id"]: p for p in body["plans"]}


def test_anonymous_pricing_page(demo):
    response = demo.client("publishable").get("/api/v1/paywall", params={"product_id": "workspace"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=60"
    assert response.headers["etag"].startswith('"')
    body = response.json()
    assert body["product"]["display_name"] == "Orbit Workspace"
    assert (body["currency"], body["locale"]) == ("USD", "en_US")
    assert body["billing_periods"] == ["monthly", "annual"]
    assert body["default_billing_period"] == "annual"
    assert body["savings_percent"] == 17 and body["customer"] is None
    assert [p["id"] for p in body["plans"]] == ["free", "plus", "business", "enterprise"]
    plans = by_id(body)

    # Plus: $12 per seat a month or $120 a year, 1 to 20 seats; shown at its minimum (1 seat)
    plus = plans["plus"]
    monthly, annual = plus["prices"]
    assert monthly["billing_period"] == "monthly" and annual["billing_period"] == "annual"
    assert monthly["amount"] == {"amount_minor": 1200, "currency": "USD", "formatted": "$12"}
    assert monthly["starts_at"] is True
    seat, api = monthly["components"]
    assert (api["model"], api["feature_id"], api["billed_in_arrears"]) == ("tiered", "api-calls", True)
    assert api["caption"] == (
        "API calls 1–10,000 free, 10,001–100,000 $0.001 each, above 100,000 $0.0005 each")
    assert api["default_quantity"] is None
    assert (seat["model"], seat["feature_id"], seat["caption"]) == ("per_unit", "seats", "per seat")
    assert (seat["unit_amount"], seat["unit_amount_decimal"]) == ("$12", "12")
    assert (seat["min_quantity"], seat["max_quantity"], seat["default_quantity"]) == (1, 20, 1)
    assert not seat["billed_in_arrears"]
    assert annual["amount"]["formatted"] == "$120"
    assert annual["monthly_equivalent"] == {
        "amount_minor": 1000,
        "currency": "USD",
        "formatted": "$10",
    }
    assert plus["savings_percent"] == 17  # 12 x $12 = $144 against $120: 16.67% -> 17
    assert plans["free"]["prices"] == [] and plans["enterprise"]["prices"] == []

    # Business: volume-tiered seats (3 seats at least) plus API-call overage billed in arrears
    business = plans["business"]
    b_monthly, b_annual = business["prices"]
    assert b_monthly["amount"] == {"amount_minor": 8700, "currency": "USD", "formatted": "$87"}
    assert b_annual["amount"]["formatted"] == "$870" and b_monthly["starts_at"]
    tiered, overage = b_monthly["components"]
    assert (tiered["model"], tiered["tiers_mode"], tiered["caption"]) == (
        "tiered",
        "volume",
        "per seat",
    )
    assert [(t["up_to"], t["unit_amount"]) for t in tiered["tiers"]] == [
        (10, "$29"),
        (50, "$25"),
        (None, "$21"),
    ]
    assert (tiered["min_quantity"], tiered["default_quantity"]) == (3, 3)
    assert overage["model"] == "overage" and overage["billed_in_arrears"]
    assert overage["caption"] == "100,000 API calls included, then $2 per 1,000 API calls"
    assert (overage["free_units"], overage["block_size"]) == (100_000, 1000)
    assert business["savings_percent"] == 17
    assert business["highlighted"] and not plus["highlighted"]
    assert (business["base_plan_id"], business["base_plan_name"]) == ("plus", "Plus")
    assert plans["enterprise"]["base_plan_name"] == "Business"
    lines = {e["feature_id"]: e for e in business["entitlements"]}
    assert lines["projects"]["inherited"] and lines["projects"]["label"] == "Unlimited projects"
    assert lines["guest-access"]["inherited"] and lines["guest-access"]["label"] == "Guest access"
    assert not lines["seats"]["inherited"] and lines["seats"]["label"] == "Unlimited seats"
    assert lines["storage"]["label"] == "1,000 GB storage"
    assert lines["api-calls"]["label"] == "100,000 API calls per month"
    assert lines["version-history"]["label"] == "Version history: Unlimited"
    assert not lines["sso"]["inherited"]
    enterprise = {e["feature_id"]: e for e in plans["enterprise"]["entitlements"]}
    assert enterprise["seats"]["unlimited"] and enterprise["seats"]["label"] == "Unlimited seats"
    assert enterprise["seats"]["inherited"]
    assert enterprise["sso"]["inherited"] and enterprise["guest-access"]["inherited"]
    assert enterprise["ai-credits"]["limit"] == 10000 and enterprise["ai-credits"]["inherited"]

    assert {p: plans[p]["actions"]["monthly"]["intent"] for p in plans} == {
        "free": "subscribe",
        "plus": "subscribe",
        "business": "start_trial",
        "enterprise": "contact_us",
    }
    # custom and free plans act on the periods the page offers, never on others (no quarterly)
    assert {p: list(plans[p]["actions"]) for p in plans} == {
        p: ["monthly", "annual"] for p in plans
    }
    assert plus["compatible_addon_ids"] == ["extra-storage", "ai-boost", "ai-credit-pack"]
    assert [a["id"] for a in body["addons"]] == ["extra-storage", "ai-boost", "ai-credit-pack"]
    storage, boost, pack = body["addons"]
    assert storage["max_quantity"] == 10 and storage["entitlements"][0]["label"] == "100 GB storage"
    assert [p["amount"]["formatted"] for p in storage["prices"]] == ["$10", "$100"]
    assert [p["amount"]["formatted"] for p in boost["prices"]] == ["$19", "$190"]
    # a credit pack: one pack shown, $10 for 5,000 credits; $8 a pack from five packs
    assert [p["billing_period"] for p in pack["prices"]] == ["monthly", "annual"]
    pack_price = pack["prices"][0]
    assert pack_price["amount"]["formatted"] == "$10" and pack["prices"][1]["amount"]["formatted"] == "$10"
    [credit_pack] = pack_price["components"]
    assert credit_pack["caption"] == "5,000 credits per pack" and credit_pack["credits"] == 5000
    assert [(t["up_to"], t["unit_amount"]) for t in credit_pack["tiers"]] == [
        (4, "$10"),
        (None, "$8"),
    ]


def test_etag_and_not_modified(demo):
    client = demo.client("publishable")
    first = client.get("/api/v1/paywall", params={"product_id": "workspace"})
    etag = first.headers["etag"]
    again = client.get(
        "/api/v1/paywall", params={"product_id": "workspace"}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(
        "/api/v1/paywall",
        params={"product_id": "workspace", "currency": "EUR"},
        headers={"If-None-Match": etag},
    )
    assert other.status_code == 200 and other.headers["etag"] != etag


def test_known_customer_on_plus_monthly(demo):
    response = demo.client().get(
        "/api/v1/paywall", params={"product_id": "workspace", "customer_id": "acme"}
    )
    assert response.headers["cache-control"] == "private, no-cache"
    body = response.json()
    assert body["customer"] == {
        "id": "acme",
        "name": "Acme Corp",
        "current_plan_id": "plus",
        "current_billing_period": "monthly",
        "subscription_status": "active",
    }
    assert body["default_billing_period"] == "monthly"
    plans = by_id(body)
    assert [p for p in plans if plans[p]["is_current"]] == ["plus"]
    actions = {
        p: {k: (v["intent"], v["enabled"]) for k, v in plans[p]["actions"].items()} for p in plans
    }
    assert actions["plus"] == {"monthly": ("current", False), "annual": ("switch_period", True)}
    assert actions["business"] == {"monthly": ("upgrade", True), "annual": ("upgrade", True)}
    assert actions["free"]["monthly"] == ("downgrade", True)
    assert actions["enterprise"]["annual"] == ("contact_us", True)


def test_german_customer_sees_euros(demo):
    body = paywall(demo.client(), customer_id="globex")
    assert (body["currency"], body["locale"]) == ("EUR", "de_DE")
    assert body["default_billing_period"] == "annual"
    business = by_id(body)["business"]
    monthly, annual = business["prices"]
    assert monthly["amount"]["formatted"] == f"81{NBSP}€"  # 3 seats at 27 €
    assert annual["amount"]["formatted"] == f"810{NBSP}€"
    assert annual["monthly_equivalent"]["formatted"] == f"67,50{NBSP}€"
    overage = monthly["components"][1]
    assert overage["caption"] == f"100.000 API calls included, then 2{NBSP}€ per 1.000 API calls"
    assert business["is_current"] and business["actions"]["annual"]["intent"] == "current"
    assert business["actions"]["monthly"]["intent"] == "switch_period"
    assert by_id(body)["plus"]["actions"]["annual"]["intent"] == "downgrade"
    labels = {e["feature_id"]: e["label"] for e in business["entitlements"]}
    assert labels["storage"] == "1.000 GB storage"  # numbers in the customer's locale


def test_currency_country_and_locale_choices(demo):
    client = demo.client("publishable")
    assert paywall(client, country="DE")["currency"] == "EUR"
    assert paywall(client, country="JP")["currency"] == "USD"  # not offered: the default
    euro = paywall(client, currency="eur", locale="fr-FR")
    assert (euro["currency"], euro["locale"]) == ("EUR", "fr_FR")
    assert by_id(euro)["plus"]["prices"][0]["amount"]["formatted"] == f"11{NBSP}€"
    assert paywall(client, locale="xx-YY")["locale"] == "en_US"
    explicit = paywall(demo.client(), customer_id="globex", currency="USD", locale="en-US")
    assert explicit["currency"] == "USD" and by_id(explicit)["business"]["is_current"]


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"currency": "JPY"}, 422, "currency"),
        ({"currency": "XYZ"}, 422, "currency"),
        ({"currency": "EURO"}, 422, "currency"),
        ({"country": "QQ"}, 422, "country"),
        ({"product_id": "nope"}, 404, None),
        ({"customer_id": "nobody"}, 404, None),
    ],
)
def test_bad_parameters(demo, params, status, field):
    response = demo.client().get("/api/v1/paywall", params={"product_id": "workspace", **params})
    assert_problem(response, status, *([field] if field else []))


def test_product_id_is_required(demo):
    assert_problem(demo.client().get("/api/v1/paywall"), 422, "product_id")


def test_publishable_key_cannot_read_a_customer(demo):
    response = demo.client("publishable").get(
        "/api/v1/paywall", params={"product_id": "workspace", "customer_id": "acme"}
    )
    assert_problem(response, 403)


def test_hidden_and_archived_plans(seeded):
    api = seeded.client()
    make_plan(api, "legacy", product="workspace", hidden=True, order=1, prices=usd(1900))
    ok(
        api.post("/api/v1/customers", json={"id": "old", "subscription": {"plan_id": "legacy"}}),
        201,
    )
    assert "legacy" not in by_id(paywall(api))
    theirs = by_id(paywall(api, customer_id="old"))
    assert theirs["legacy"]["is_current"] and "legacy" not in by_id(
        paywall(api, customer_id="acme")
    )

    ok(api.post("/api/v1/plans/enterprise/archive"))
    assert [p["id"] for p in paywall(api)["plans"]] == ["free", "plus", "business"]


def test_archived_base_plan_still_passes_its_entitlements(seeded):
    api = seeded.client()
    ok(api.post("/api/v1/plans/plus/archive"))
    body = paywall(api)
    assert [p["id"] for p in body["plans"]] == ["free", "business", "enterprise"]
    business = by_id(body)["business"]
    # Plus is not on the page, so its lines are listed in full rather than "Everything in Plus"
    assert business["base_plan_name"] is None
    lines = {e["feature_id"]: e for e in business["entitlements"]}
    assert (
        lines["guest-access"]["label"] == "Guest access" and not lines["guest-access"]["inherited"]
    )
    assert lines["projects"]["unlimited"]
    # acme stays on archived Plus: the other cards still rank against it
    acme = by_id(paywall(api, customer_id="acme"))
    assert acme["business"]["actions"]["monthly"]["intent"] == "upgrade"
    assert acme["free"]["actions"]["monthly"]["intent"] == "downgrade"


def test_archived_addon_and_product(seeded):
    api = seeded.client()
    ok(api.post("/api/v1/addons/extra-storage/archive"))
    body = paywall(api)
    assert [a["id"] for a in body["addons"]] == ["ai-boost", "ai-credit-pack"]
    assert by_id(body)["plus"]["compatible_addon_ids"] == ["ai-boost", "ai-credit-pack"]
    # the credit pack requires AI Boost: without it the pack cannot be bought, so it goes too
    ok(api.post("/api/v1/addons/ai-boost/archive"))
    body = paywall(api)
    assert body["addons"] == [] and by_id(body)["plus"]["compatible_addon_ids"] == []
    ok(api.post("/api/v1/products/workspace/archive"))
    assert_problem(api.get("/api/v1/paywall", params={"product_id": "workspace"}), 404)


def test_plans_without_a_price_in_the_currency_are_left_out(seeded):
    api = seeded.client()
    make_plan(api, "us-only", product="workspace", order=2, prices=usd(5000))
    assert "us-only" in by_id(paywall(api))
    assert "us-only" not in by_id(paywall(api, currency="EUR"))


def test_catalog_changes_show_at_once(seeded):
    api, public = seeded.client(), seeded.client("publishable")
    before = public.get("/api/v1/paywall", params={"product_id": "workspace"})
    # add-ons are edited in place (plans go through drafts and versions: see test_versions.py)
    ok(api.patch("/api/v1/addons/ai-boost", json={"prices": usd(2900, 29000)}))
    after = public.get(
        "/api/v1/paywall",
        params={"product_id": "workspace"},
        headers={"If-None-Match": before.headers["etag"]},
    )
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    boost = {a["id"]: a for a in after.json()["addons"]}["ai-boost"]
    assert [p["amount"]["formatted"] for p in boost["prices"]] == ["$29", "$290"]
    ok(
        api.patch(
            "/api/v1/features/seats",
            json={"display_name": "Members", "unit": "member", "unit_plural": "members"},
        )
    )
    assert by_id(paywall(public))["plus"]["entitlements"][0]["label"] == "20 members"
    ok(api.patch("/api/v1/addons/ai-boost", json={"display_name": "AI Turbo"}))
    assert [a["display_name"] for a in paywall(public)["addons"]] == [
        "Extra storage",
        "AI Turbo",
        "AI credit pack",
    ]
    ok(api.patch("/api/v1/customers/acme", json={"locale": "de-DE"}))
    assert paywall(api, customer_id="acme")["locale"] == "de_DE"
