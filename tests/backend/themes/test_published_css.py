"""The published theme as a stylesheet for a `<link>`: key in the query or a header, a short
cache and an ETag that follows the theme version (SQLite and PostgreSQL)."""

from tests.backend.helpers import assert_problem, ok

URL = "/api/v1/themes/published.css"
ORANGE = {"tokens": {"semantic": {"light": {"primary": "#9a3412"}}},
          "custom_css": ".tg-root .tg-plan-card { border-width: 2px; }"}


def test_builtin_css_with_the_publishable_key_in_the_query(tenant):
    anonymous = tenant.client(None)
    r = anonymous.get(URL, params={"key": tenant.publishable})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert r.headers["cache-control"] == "public, max-age=15"
    assert r.headers["etag"].startswith('"builtin.0.')
    assert ".tg-root {" in r.text and "--tg-primary: var(--tg-indigo-9);" in r.text
    assert ".dark .tg-root" in r.text
    again = anonymous.get(URL, params={"key": tenant.publishable},
                          headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_published_theme_changes_the_css_and_its_etag(tenant, api, public_api):
    before = public_api.get(URL, params={"widget": "paywall"})
    ok(api.post("/api/v1/themes", json={"id": "shop", "name": "Shop", "document": ORANGE}), 201)
    ok(api.post("/api/v1/themes/shop/publish"))
    ok(api.put("/api/v1/themes/assignments/paywall", json={"theme_id": "shop"}))
    paywall = public_api.get(URL, params={"widget": "paywall"})
    assert paywall.headers["etag"].startswith('"shop.1.')
    assert "--tg-primary: #9a3412;" in paywall.text
    assert paywall.text.rstrip().endswith(".tg-root .tg-plan-card { border-width: 2px; }")
    stale = public_api.get(URL, params={"widget": "paywall"},
                           headers={"If-None-Match": before.headers["etag"]})
    assert stale.status_code == 200
    default = public_api.get(URL)  # the page-wide link: the default assignment, else built-in
    assert default.headers["etag"].startswith('"builtin.')

    ok(api.put("/api/v1/themes/assignments/default", json={"theme_id": "shop"}))
    ok(api.patch("/api/v1/themes/shop", json={"document": {}}))
    ok(api.post("/api/v1/themes/shop/publish"))
    v2 = api.get(URL)
    assert v2.headers["etag"].startswith('"shop.2.')
    assert v2.headers["cache-control"] == "private, max-age=15"
    assert "--tg-primary: var(--tg-indigo-9);" in v2.text


def test_the_page_stylesheet_carries_each_widgets_own_theme_on_its_roots(tenant, api,
                                                                          public_api):
    ok(api.post("/api/v1/themes", json={"id": "shop", "name": "Shop", "document": ORANGE}), 201)
    ok(api.post("/api/v1/themes/shop/publish"))
    ok(api.put("/api/v1/themes/assignments/paywall", json={"theme_id": "shop"}))
    page = public_api.get(URL)
    root = ".tg-root:where(.tg-paywall)"
    default, _, paywall = page.text.partition(f"{root} {{")
    assert "--tg-primary: var(--tg-indigo-9);" in default and "#9a3412" not in default
    assert "--tg-primary: #9a3412;" in paywall
    assert paywall.rstrip().endswith(f"{root} .tg-plan-card {{ border-width: 2px; }}")
    own = public_api.get(URL, params={"widget": "paywall"})  # one widget's: unscoped
    assert own.text.startswith(".tg-root {") and root not in own.text
    assert api.delete("/api/v1/themes/assignments/paywall").status_code == 204
    after = public_api.get(URL, params={"key": tenant.publishable},
                           headers={"If-None-Match": page.headers["etag"]})
    assert after.status_code == 200 and root not in after.text


def test_key_is_required_and_checked(tenant):
    anonymous = tenant.client(None)
    assert_problem(anonymous.get(URL), 401)
    assert_problem(anonymous.get(URL, params={"key": "tg_pk_nope"}), 401)
    assert_problem(anonymous.get(URL, params={"key": tenant.publishable, "widget": "x"}), 422,
                   "widget")
