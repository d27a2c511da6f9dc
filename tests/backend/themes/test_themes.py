"""Themes API on SQLite and PostgreSQL: drafts, versions, rollback, assignments, the published
read with a publishable key, validation problems and contrast warnings."""

from backend.client import TollgateClient, TollgateError
from backend.themes.schemas import PublishedTheme, ThemePublic
from tests.backend.helpers import assert_problem, ok

ORANGE = {"tokens": {"semantic": {"light": {"primary": "#9a3412", "primary-hover": "#7c2d12"}}}}


def test_create_update_publish_and_roll_back(api):
    created = ok(api.post("/api/v1/themes", json={"id": "brand", "name": "Brand",
                                                  "document": ORANGE}), 201)
    assert created["id"] == "brand" and created["published_version"] is None
    assert created["latest_version"] == 0 and created["warnings"] == []

    ok(api.post("/api/v1/themes/brand/publish"))
    draft = {"tokens": {"semantic": {"light": {"primary": "#1d4ed8"}}}, "font": {"family":
             "system-serif"}, "layout": {"paywall-align": "center"}}
    updated = ok(api.patch("/api/v1/themes/brand", json={"document": draft, "name": "Brand 2"}))
    assert updated["draft"] == draft and updated["name"] == "Brand 2"
    assert updated["published_version"] == 1  # a draft edit is not live

    v2 = ok(api.post("/api/v1/themes/brand/publish"))
    assert (v2["published_version"], v2["latest_version"]) == (2, 2)
    versions = ok(api.get("/api/v1/themes/brand/versions"))["data"]
    assert [(v["version"], v["live"]) for v in versions] == [(1, False), (2, True)]
    assert versions[0]["document"] == ORANGE and versions[1]["document"] == draft

    back = ok(api.post("/api/v1/themes/brand/rollback", json={"version": 1}))
    assert (back["published_version"], back["latest_version"]) == (1, 2)
    assert back["draft"] == draft
    assert_problem(api.post("/api/v1/themes/brand/rollback", json={"version": 7}), 422, "version")
    assert ok(api.get("/api/v1/themes"))["data"][0]["id"] == "brand"
    assert_problem(api.get("/api/v1/themes/nope"), 404)


def test_a_version_keeps_its_note_and_the_key_that_published_it(api, tenant):
    ok(api.post("/api/v1/themes", json={"id": "noted", "name": "Noted", "document": ORANGE}),
       201)
    ok(api.post("/api/v1/themes/noted/publish", json={"note": "  Orange for the launch  "}))
    ok(api.post("/api/v1/themes/noted/publish"))  # no body: no note
    first, second = ok(api.get("/api/v1/themes/noted/versions"))["data"]
    assert first["note"] == "Orange for the launch" and second["note"] == ""
    by = first["published_by"]
    assert by.startswith("test secret (tg_sk_") and by.endswith("…)") and by.count("…") == 1
    assert tenant.secret.startswith(by.removeprefix("test secret (").removesuffix("…)"))
    assert tenant.secret not in by
    assert_problem(api.post("/api/v1/themes/noted/publish", json={"note": "x" * 501}), 422,
                   "note")
    assert_problem(api.post("/api/v1/themes/noted/publish", json={"notes": "typo"}), 422)
    assert len(ok(api.get("/api/v1/themes/noted/versions"))["data"]) == 2  # nothing published


def test_published_theme_per_widget_with_a_publishable_key(api, public_api):
    builtin = ok(public_api.get("/api/v1/themes/published", params={"widget": "paywall"}))
    assert builtin["theme_id"] is None and builtin["document"] == {}
    assert "--tg-primary: var(--tg-indigo-9);" in builtin["css"]

    ok(api.post("/api/v1/themes", json={"id": "house", "name": "House", "starter": "editorial"}),
       201)
    ok(api.post("/api/v1/themes", json={"id": "shop", "name": "Shop", "document": ORANGE}), 201)
    for ref in ("house", "shop"):
        ok(api.post(f"/api/v1/themes/{ref}/publish"))
    assert ok(api.put("/api/v1/themes/assignments/default", json={"theme_id": "house"})) == {
        "widget": "default", "theme_id": "house"}
    ok(api.put("/api/v1/themes/assignments/paywall", json={"theme_id": "shop"}))
    assert [a["widget"] for a in ok(api.get("/api/v1/themes/assignments"))] == [
        "default", "paywall"]

    paywall = ok(public_api.get("/api/v1/themes/published", params={"widget": "paywall"}))
    assert (paywall["theme_id"], paywall["version"]) == ("shop", 1)
    assert "--tg-primary: #9a3412;" in paywall["css"]
    portal = ok(public_api.get("/api/v1/themes/published",
                               params={"widget": "customer_portal"}))
    assert portal["theme_id"] == "house" and portal["document"]["font"] == {
        "family": "system-serif"}

    assert api.delete("/api/v1/themes/assignments/paywall").status_code == 204
    assert ok(public_api.get("/api/v1/themes/published"))["theme_id"] == "house"
    assert_problem(public_api.get("/api/v1/themes/published", params={"widget": "sidebar"}),
                   422, "widget")
    assert_problem(public_api.post("/api/v1/themes", json={"name": "x"}), 403)
    assert_problem(api.put("/api/v1/themes/assignments/paywall", json={"theme_id": "nope"}), 404)


def test_validation_problems_name_the_field(api):
    cases = [
        ({"tokens": {"semantic": {"light": {"nope": "#fff"}}}},
         "document.tokens.semantic.light.nope"),
        ({"tokens": {"semantic": {"light": {"primary": "blurple"}}}},
         "document.tokens.semantic.light.primary"),
        ({"tokens": {"base": {"dark": {"gray.12": "{gray.12}"}}}},
         "document.tokens.base.dark.gray.12"),
        ({"tokens": {"component": {"paywall-card-padding-x": "wide"}}},
         "document.tokens.component.paywall-card-padding-x"),
        ({"layout": {"paywall-align": "diagonal"}}, "document.layout.paywall-align"),
        ({"custom_css": "@import url(https://evil.example/x.css);"}, "document.custom_css"),
        ({"custom_css": "body { color: red }"}, "document.custom_css"),
        ({"font": {"family": "Fraunces", "url": "javascript:alert(1)"}}, "document.font.url"),
    ]
    for document, field in cases:
        body = assert_problem(api.post("/api/v1/themes", json={"name": "x", "document": document}),
                              422, field)
        assert body["type"].endswith("/invalid-theme")
    assert_problem(api.post("/api/v1/themes", json={"name": "x", "starter": "nope"}), 422,
                   "starter")
    assert_problem(api.post("/api/v1/themes", json={"name": "x", "starter": "neon",
                                                    "document": ORANGE}), 422, "starter")
    assert ok(api.get("/api/v1/themes"))["data"] == []


def test_contrast_failures_are_saved_with_warnings(api):
    faint = {"tokens": {"semantic": {"light": {"text-muted": "#aaaaaa"}}}}
    created = ok(api.post("/api/v1/themes", json={"id": "faint", "name": "Faint",
                                                  "document": faint}), 201)
    warning = next(w for w in created["warnings"]
                   if (w["foreground"], w["background"]) == ("text-muted", "surface-raised"))
    assert warning == {"foreground": "text-muted", "background": "surface-raised",
                       "mode": "light", "ratio": 2.32, "required": 4.5}
    assert all(w["ratio"] < w["required"] for w in created["warnings"])
    published = ok(api.post("/api/v1/themes/faint/publish"))
    assert published["published_version"] == 1 and published["warnings"]


def test_starters_are_listed(public_api):
    keys = [s["key"] for s in ok(public_api.get("/api/v1/themes/starters"))]
    assert keys == ["tollgate", "editorial", "neon", "pastel"]


def test_paywall_read_carries_the_published_theme(seeded):
    api, public = seeded.client("secret"), seeded.client("publishable")
    params = {"product_id": "workspace"}
    before = ok(public.get("/api/v1/paywall", params=params))
    assert before["theme"] == {"widget": "paywall", "theme_id": None, "version": None,
                               "name": "Tollgate", "document": {}}
    ok(api.post("/api/v1/themes", json={"id": "neon", "name": "Neon", "starter": "neon"}), 201)
    ok(api.post("/api/v1/themes/neon/publish"))
    ok(api.put("/api/v1/themes/assignments/default", json={"theme_id": "neon"}))
    after = ok(public.get("/api/v1/paywall", params=params))
    assert (after["theme"]["theme_id"], after["theme"]["version"]) == ("neon", 1)
    assert after["theme"]["document"]["font"] == {"family": "system-mono"}
    assert after["plans"] == before["plans"]


def test_client_theme_operations(tenant):
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        made = client.create_theme({"id": "c", "name": "C", "document": ORANGE},
                                   idempotency_key="t1")
        assert isinstance(made, ThemePublic) and made.id == "c"
        assert client.create_theme({"id": "c", "name": "C", "document": ORANGE},
                                   idempotency_key="t1") == made
        client.publish_theme("c")
        client.update_theme("c", {"name": "C2"})
        client.publish_theme("c", note="Renamed")
        assert client.rollback_theme("c", 1).published_version == 1
        versions = client.list_theme_versions("c").data
        assert [(v.version, v.note) for v in versions] == [(1, ""), (2, "Renamed")]
        assert client.assign_theme("checkout", "c").widget == "checkout"
        assert [a.widget for a in client.list_theme_assignments()] == ["checkout"]
        assert client.get_theme("c").name == "C2"
        assert [t.id for t in client.list_themes().data] == ["c"]
        assert len(client.theme_starters()) == 4
        try:
            client.create_theme({"name": "bad", "document": {"tokens": {"component": {
                "paywall-cta-bg": "#zzz"}}}})
        except TollgateError as refused:
            assert refused.status == 422
            assert refused.problem["errors"][0]["field"] == (
                "document.tokens.component.paywall-cta-bg")
        else:
            raise AssertionError("a bad colour must be refused")
    with TollgateClient(tenant.publishable, app=tenant.app) as storefront:
        live = storefront.published_theme("checkout")
        assert isinstance(live, PublishedTheme) and (live.theme_id, live.version) == ("c", 1)
