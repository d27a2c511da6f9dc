"""Plan versions: edits make a draft, publishing makes version N+1, subscribers stay put."""

import pytest

from backend.client import TollgateClient
from tests.backend.helpers import (
    assert_problem,
    make_addon,
    make_feature,
    make_plan,
    make_product,
    ok,
    usd,
)

P = "/api/v1/plans"


@pytest.fixture
def catalog(api):
    make_product(api, "app")
    make_feature(api, "sso", "boolean")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_feature(api, "calls", "metered", unit="call", unit_plural="calls")
    make_addon(api, "boost")
    make_addon(api, "extra")
    make_plan(api, "plus", prices=usd(1000, 10000), compatible_addon_ids=["boost"],
              entitlements=[{"feature_id": "seats", "limit": 5}, {"feature_id": "sso"}])
    return api


def paywall_plans(api):
    body = ok(api.get("/api/v1/paywall", params={"product_id": "app", "currency": "USD"}))
    return {p["id"]: p for p in body["plans"]}


def monthly(plan):
    """The monthly amount in minor units, of a plan (API) or a paywall plan."""
    price = next(p for p in plan["prices"] if p["billing_period"] == "monthly")
    return price["amount_minor"] if isinstance(price.get("amount_minor"), int) else price["amount"]["amount_minor"]


def test_new_plan_is_published_version_one(catalog):
    live = ok(catalog.get(f"{P}/plus"))
    assert (live["version"], live["status"]) == (1, "published") and live["published_at"]
    versions = ok(catalog.get(f"{P}/plus/versions"))
    assert [(v["version"], v["status"]) for v in versions["data"]] == [(1, "published")]
    assert_problem(catalog.get(f"{P}/plus/draft"), 404)


def test_edit_makes_a_draft_and_leaves_the_live_version(catalog):
    api = catalog
    before_paywall = paywall_plans(api)
    draft = ok(api.patch(f"{P}/plus", json={"prices": usd(3900, 39000), "display_name": "Plus+"}))
    assert (draft["version"], draft["status"], draft["published_at"]) == (2, "draft", None)
    assert monthly(draft) == 3900 and draft["display_name"] == "Plus+"
    # everything not changed is copied from the live version
    assert draft["entitlements"] == ok(api.get(f"{P}/plus"))["entitlements"]
    assert draft["compatible_addon_ids"] == ["boost"]
    live = ok(api.get(f"{P}/plus"))
    assert (live["version"], live["status"], monthly(live)) == (1, "published", 1000)
    assert live["display_name"] == "Plus"
    assert paywall_plans(api) == before_paywall
    assert [p["version"] for p in ok(api.get(P))["data"]] == [1]  # lists show live versions
    # a second edit changes the same draft
    again = ok(api.patch(f"{P}/plus", json={"entitlements": [{"feature_id": "seats", "limit": 9}]}))
    assert again["version"] == 2 and again["display_name"] == "Plus+"
    assert ok(api.get(f"{P}/plus/draft")) == again
    versions = ok(api.get(f"{P}/plus/versions"))["data"]
    assert [(v["version"], v["status"]) for v in versions] == [(1, "published"), (2, "draft")]


def test_publish_makes_version_two_and_supersedes_one(catalog):
    api = catalog
    ok(api.patch(f"{P}/plus", json={"prices": usd(3900, 39000)}))
    published = ok(api.post(f"{P}/plus/publish"))
    assert (published["version"], published["status"]) == (2, "published")
    assert published["published_at"] is not None
    assert ok(api.get(f"{P}/plus")) == published
    versions = ok(api.get(f"{P}/plus/versions"))["data"]
    assert [(v["version"], v["status"]) for v in versions] == [(1, "superseded"), (2, "published")]
    old = ok(api.get(f"{P}/plus/versions/1"))
    assert (old["status"], monthly(old)) == ("superseded", 1000)
    assert monthly(paywall_plans(api)["plus"]) == 3900
    assert_problem(api.get(f"{P}/plus/draft"), 404)
    body = assert_problem(api.post(f"{P}/plus/publish"), 409)
    assert "draft" in body["detail"]
    # the next edit drafts version 3 from version 2
    draft = ok(api.patch(f"{P}/plus", json={"highlighted": True}))
    assert draft["version"] == 3 and monthly(draft) == 3900


def test_patch_with_publish_flag(catalog):
    live = ok(catalog.patch(f"{P}/plus", params={"publish": "true"}, json={"hidden": True}))
    assert (live["version"], live["status"], live["hidden"]) == (2, "published", True)
    assert "plus" not in paywall_plans(catalog)


def test_discard_draft(catalog):
    api = catalog
    ok(api.patch(f"{P}/plus", json={"display_name": "Nope"}))
    response = api.delete(f"{P}/plus/draft")
    assert response.status_code == 204
    assert_problem(api.get(f"{P}/plus/draft"), 404)
    assert_problem(api.delete(f"{P}/plus/draft"), 404)
    assert [v["version"] for v in ok(api.get(f"{P}/plus/versions"))["data"]] == [1]
    assert ok(api.get(f"{P}/plus"))["display_name"] == "Plus"
    assert ok(api.patch(f"{P}/plus", json={"order": 4}))["version"] == 2


def test_failed_edit_leaves_no_draft(catalog):
    assert_problem(catalog.patch(f"{P}/plus", json={"prices": []}), 422, "prices")
    assert_problem(catalog.get(f"{P}/plus/draft"), 404)


def test_unknown_plan_and_version(catalog):
    api = catalog
    for path in ("nope/versions", "nope/draft", "nope/diff", "plus/versions/7"):
        assert_problem(api.get(f"{P}/{path}"), 404)
    assert_problem(api.post(f"{P}/nope/publish"), 404)
    assert_problem(api.get(f"{P}/plus/diff", params={"from": "x", "to": "1"}), 422, "from")


def test_version_writes_need_a_secret_key(tenant, catalog):
    public = tenant.client("publishable")
    ok(public.get(f"{P}/plus/versions"))
    for method, path in (("POST", "plus/publish"), ("DELETE", "plus/draft"), ("GET", "plus/draft"),
                         ("GET", "plus/diff")):
        assert public.request(method, f"{P}/{path}").status_code in (401, 403)


def test_subscribers_stay_on_their_version(catalog):
    api = catalog
    customer = ok(api.post("/api/v1/customers", json={
        "id": "early", "subscription": {"plan_id": "plus", "currency": "USD"}}), 201)
    assert customer["subscriptions"][0]["plan_version"] == 1
    ok(api.patch(f"{P}/plus", json={"prices": usd(3900, 39000)}))
    ok(api.post(f"{P}/plus/publish"))
    [sub] = ok(api.get("/api/v1/customers/early"))["subscriptions"]
    assert (sub["plan_id"], sub["plan_version"]) == ("plus", 1)
    assert monthly(paywall_plans(api)["plus"]) == 3900
    late = ok(api.post("/api/v1/customers", json={
        "id": "late", "subscription": {"plan_id": "plus", "currency": "USD"}}), 201)
    assert late["subscriptions"][0]["plan_version"] == 2


def test_children_follow_the_live_base(catalog):
    api = catalog
    make_plan(api, "team", base_plan_id="plus", entitlements=[{"feature_id": "calls", "limit": 9}])
    make_plan(api, "solo")
    ok(api.patch(f"{P}/team", json={"display_name": "Team 2"}))  # a draft of the child too
    ok(api.patch(f"{P}/plus", json={"base_plan_id": "solo"}, params={"publish": "true"}))
    assert ok(api.get(f"{P}/team"))["base_plan_id"] == "plus"
    assert paywall_plans(api)["team"]["base_plan_id"] == "plus"
    # team (live and draft) now inherits from plus v2, which inherits from solo: a cycle
    # solo -> team is seen only because team follows the live plus
    body = assert_problem(api.patch(f"{P}/solo", json={"base_plan_id": "team"}), 422,
                          "base_plan_id")
    assert "inherit" in body["detail"]
    team = ok(api.post(f"{P}/team/publish"))
    assert (team["version"], team["base_plan_id"], team["display_name"]) == (2, "plus", "Team 2")
    assert ok(api.get(f"{P}/team/versions/1"))["base_plan_id"] == "plus"


def test_cycle_between_drafts_is_refused_at_publish(catalog):
    api = catalog
    make_plan(api, "a", pricing_type="free")
    make_plan(api, "b", pricing_type="free")
    ok(api.patch(f"{P}/a", json={"base_plan_id": "b"}))  # drafts: a -> b, b -> a
    ok(api.patch(f"{P}/b", json={"base_plan_id": "a"}))
    ok(api.post(f"{P}/a/publish"))
    body = assert_problem(api.post(f"{P}/b/publish"), 409)
    assert "inherit" in body["detail"]
    assert ok(api.get(f"{P}/b"))["base_plan_id"] is None


def test_diff_between_versions(catalog):
    api = catalog
    ok(api.patch(f"{P}/plus", json={
        "prices": [*usd(3900), {"billing_period": "monthly", "currency": "EUR", "amount_minor": 900}],
        "entitlements": [{"feature_id": "seats", "unlimited": True},
                         {"feature_id": "calls", "limit": 100, "reset_period": "month"}],
        "compatible_addon_ids": ["boost", "extra"], "trial_days": 14, "display_name": "Plus 2",
    }))
    pending = ok(api.get(f"{P}/plus/diff"))  # live -> draft by default
    assert (pending["from_version"], pending["to_version"], pending["to_status"]) == (1, 2, "draft")
    assert ok(api.get(f"{P}/plus/diff", params={"from": "1", "to": "draft"})) == pending
    fields = {f["field"]: (f["before"], f["after"]) for f in pending["fields"]}
    assert fields == {"display_name": ("Plus", "Plus 2"), "trial_days": (None, 14),
                      "compatible_addon_ids": (["boost"], ["boost", "extra"])}  # sorted
    prices = {(p["key"]["billing_period"], p["key"]["currency"]): p for p in pending["prices"]}
    assert {k: p["change"] for k, p in prices.items()} == {
        ("monthly", "USD"): "changed", ("annual", "USD"): "removed", ("monthly", "EUR"): "added"}
    usd_change = prices[("monthly", "USD")]
    assert (usd_change["before"]["amount_minor"], usd_change["after"]["amount_minor"]) == (1000, 3900)
    ents = {e["feature_id"]: e for e in pending["entitlements"]}
    assert {k: e["change"] for k, e in ents.items()} == {
        "seats": "changed", "sso": "removed", "calls": "added"}
    assert ents["seats"]["before"]["limit"] == 5 and ents["seats"]["after"]["unlimited"] is True
    assert ents["calls"]["after"]["reset_period"] == "month"
    ok(api.post(f"{P}/plus/publish"))
    published = ok(api.get(f"{P}/plus/diff", params={"from": "1", "to": "2"}))
    assert published["to_status"] == "published"
    assert (published["fields"], published["prices"]) == (pending["fields"], pending["prices"])
    backwards = ok(api.get(f"{P}/plus/diff", params={"from": "2", "to": "1"}))
    assert {e["feature_id"]: e["change"] for e in backwards["entitlements"]}["sso"] == "added"
    assert_problem(api.get(f"{P}/plus/diff"), 404)  # no draft any more
    same = ok(api.get(f"{P}/plus/diff", params={"from": "live", "to": "2"}))
    assert (same["fields"], same["prices"], same["entitlements"]) == ([], [], [])


def test_add_ons_are_edited_in_place(catalog):
    changed = ok(catalog.patch("/api/v1/addons/boost", json={"display_name": "Boost 2"}))
    assert ok(catalog.get("/api/v1/addons/boost")) == changed


def test_client_operations(tenant, app, catalog):
    with TollgateClient(api_key=tenant.secret, app=app) as client:
        draft = client.update_plan("plus", {"display_name": "Plus 2"})
        assert (draft.version, draft.status) == (2, "draft")
        assert client.get_plan_draft("plus").display_name == "Plus 2"
        diff = client.diff_plan_versions("plus")
        assert [f.field for f in diff.fields] == ["display_name"]
        assert client.discard_plan_draft("plus") is None
        client.update_plan("plus", {"order": 3})
        live = client.publish_plan("plus")
        assert (live.version, live.order) == (2, 3)
        versions = client.list_plan_versions("plus")
        assert [(v.version, v.status) for v in versions.data] == [(1, "superseded"), (2, "published")]
        assert client.get_plan_version("plus", 1).order == 0
        assert client.diff_plan_versions("plus", from_version=1, to_version=2).fields[0].after == 3
        now_live = client.update_plan("plus", {"order": 4}, publish=True)
        assert (now_live.version, now_live.status) == (3, "published")
