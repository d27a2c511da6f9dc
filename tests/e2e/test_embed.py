"""Embedding with embed.js in a plain page on another origin: the paywall frame follows its
content's height and relays a plan choice to the host's callback and DOM event; a site that
is not an allowed origin gets no widget (CSP frame-ancestors); the portal shows the token's
customer, and a missing or expired token a clear alert; axe finds nothing serious."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, Page, expect

from tests.e2e.embed_host import host_page, host_server

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def shot(page: Page, name: str) -> None:
    """The whole host page; the viewport grows to it first (a full-page screenshot would cut
    a cross-origin frame at the viewport's height)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 1440, "height": max(900, height)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _env(data_dir: Path, name: str) -> str:
    for line in (data_dir / "demo.env").read_text().splitlines():
        if line.startswith(name + "="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError(f"no {name} in demo.env")


@pytest.fixture(scope="module")
def host(api: httpx.Client) -> Iterator[dict]:
    """The host app on its own port; http://localhost:<port> is an allowed embedding origin
    (http://127.0.0.1:<port>, the same server, is not)."""
    with host_server() as (port, pages):
        allowed = f"http://localhost:{port}"
        before = api.get("/api/v1/environment/embed-origins").json()["origins"]
        saved = api.put("/api/v1/environment/embed-origins",
                        json={"origins": [*before, allowed]})
        assert saved.status_code == 200, saved.text
        yield {"allowed": allowed, "refused": f"http://127.0.0.1:{port}", "pages": pages}
        api.put("/api/v1/environment/embed-origins", json={"origins": before})


@pytest.fixture(scope="module")
def publishable(data_dir: Path) -> str:
    return _env(data_dir, "TOLLGATE_PUBLISHABLE_KEY")


def _token(api: httpx.Client, customer: str = "acme") -> str:
    issued = api.post("/api/v1/customer-tokens", json={"customer_id": customer})
    assert issued.status_code == 201, issued.text
    return issued.json()["token"]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _expired_token(api: httpx.Client, data_dir: Path) -> str:
    """A token signed like the server's, for acme, that expired an hour ago."""
    payload = _token(api).removeprefix("tg_ct_").split(".")[0]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    with sqlite3.connect(data_dir / "tollgate.db") as db:
        (secret,) = db.execute("SELECT token_secret FROM environments WHERE id = ?",
                               (claims["env"],)).fetchone()
    past = int(time.time()) - 3600
    claims.update(iat=past - 60, exp=past)
    signed = "tg_ct_" + _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{signed}.{_b64(hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest())}"


def _open(page: Page, host: dict, app_url: str, key: str, body: str, *, after: str = "",
          origin: str = "allowed", dark: bool = False) -> None:
    path = f"/page-{len(host['pages'])}.html"
    host["pages"][path] = host_page(app_url, key, body, after, dark)
    page.goto(host[origin] + path)


def _frame(page: Page) -> Frame:
    """The embedded page's frame, once it is there."""
    for _ in range(300):
        for frame in page.frames:
            if "/embed/" in frame.url:
                return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no embed frame among {[f.url for f in page.frames]}")


def _seen(page: Page, kind: str) -> list[dict]:
    return page.evaluate("(t) => window.seen.filter((e) => e.type === t)", kind)


def _settled_height(page: Page, frame: Frame) -> tuple[float, float]:
    """(the iframe's height, its content's height) once both stop changing."""
    last = None
    for _ in range(50):
        outer = page.locator("iframe").first.evaluate("(f) => f.getBoundingClientRect().height")
        inner = frame.evaluate(
            "() => document.querySelector('[data-tg-embed]').getBoundingClientRect().height")
        if last == (outer, inner) and abs(outer - inner) <= 1:
            return outer, inner
        last = (outer, inner)
        page.wait_for_timeout(200)
    return last or (0, 0)


def test_embedded_paywall_resizes_and_relays_the_plan_choice(page: Page, app_url: str,
                                                             host: dict, publishable: str):
    _open(page, host, app_url, publishable, '<div class="slot" id="pricing"></div>', after="""
      <script>window.calls = [];
      Tollgate.mount(document.getElementById("pricing"), {widget: "paywall",
        product: "workspace", onPlanSelected: function (d) { window.calls.push(d); }});
      </script>""")
    iframe = page.locator("#pricing iframe")
    expect(iframe).to_have_attribute("title", "Pricing plans")
    assert iframe.evaluate("(f) => getComputedStyle(f).borderStyle") == "none"
    frame = _frame(page)
    expect(frame.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                              timeout=60_000)
    outer, inner = _settled_height(page, frame)
    assert outer > 300 and abs(outer - inner) <= 1, (outer, inner)
    assert _seen(page, "ready")[0]["detail"] == {"widget": "paywall"}
    assert _seen(page, "resize")
    shot(page, "embed-paywall-light")

    page.evaluate("""() => window.postMessage({source: "tollgate", type: "planSelected",
                                               planId: "forged"}, "*")""")  # not the frame
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.calls") == [] and _seen(page, "planSelected") == []

    cta = frame.locator("[data-testid^='cta-']:not([disabled])").first
    plan_id = cta.get_attribute("data-testid").removeprefix("cta-")
    cta.click()
    page.wait_for_function("() => window.calls.length > 0")
    choice = page.evaluate("() => window.calls[0]")
    assert choice["planId"] == plan_id and choice["billingPeriod"] in ("monthly", "annual")
    assert choice["intent"] and isinstance(choice["quantities"], dict)
    dom = _seen(page, "planSelected")
    assert dom[0]["detail"]["planId"] == plan_id and dom[0]["target"] == "pricing"


def test_embedded_paywall_in_dark(page: Page, app_url: str, host: dict, publishable: str):
    _open(page, host, app_url, publishable, '<div class="slot" data-tollgate-widget="paywall" '
          'data-product="workspace" data-theme="dark"></div>', dark=True)
    frame = _frame(page)
    expect(frame.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                              timeout=60_000)
    assert frame.evaluate("() => document.documentElement.classList.contains('dark')")
    _settled_height(page, frame)
    shot(page, "embed-paywall-dark")


def test_embedded_paywall_with_a_customer_token_marks_the_current_plan(
        page: Page, app_url: str, host: dict, publishable: str, api: httpx.Client):
    _open(page, host, app_url, publishable, '<div class="slot" data-tollgate-widget="paywall" '
          f'data-product="workspace" data-customer-token="{_token(api)}"></div>')
    frame = _frame(page)
    expect(frame.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                              timeout=60_000)
    expect(frame.get_by_test_id("cta-plus")).to_have_text("Current plan")  # acme is on Plus
    expect(frame.get_by_test_id("cta-business")).to_have_text(re.compile("Upgrade"))


def test_a_site_that_is_not_allowed_gets_no_widget(page: Page, app_url: str, host: dict,
                                                   publishable: str):
    policy = httpx.get(f"{app_url}/embed/paywall", params={"key": publishable}).headers
    assert host["allowed"] in policy["content-security-policy"]
    assert host["refused"] not in policy["content-security-policy"]
    _open(page, host, app_url, publishable,
          '<div class="slot" data-tollgate-widget="paywall" data-product="workspace"></div>',
          origin="refused")
    expect(page.locator("iframe")).to_have_count(1)
    page.wait_for_timeout(4000)
    for frame in page.frames[1:]:
        assert frame.locator("[data-testid='embed']").count() == 0, frame.url
    assert _seen(page, "ready") == [] and _seen(page, "resize") == []
    assert page.locator("iframe").evaluate("(f) => f.getBoundingClientRect().height") == 150


def _portal_slot(token: str | None = None, theme: str = "") -> str:
    attrs = f' data-customer-token="{token}"' if token else ""
    attrs += f' data-theme="{theme}"' if theme else ""
    return f'<div class="slot" id="account" data-tollgate-widget="portal" ' \
           f'data-product="workspace"{attrs}></div>'


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_embedded_portal_shows_the_tokens_customer(page: Page, app_url: str, host: dict,
                                                   publishable: str, api: httpx.Client,
                                                   mode: str):
    _open(page, host, app_url, publishable, _portal_slot(_token(api), mode), dark=mode == "dark")
    frame = _frame(page)
    expect(frame.get_by_test_id("portal")).to_have_attribute("data-status", "ready",
                                                             timeout=60_000)
    expect(frame.get_by_test_id("plan-name")).to_have_text("Plus plan")
    plans = frame.get_by_test_id("portal-plans")
    expect(plans.get_by_test_id("cta-plus")).to_have_text("Current plan", timeout=30_000)
    assert page.locator("#account iframe").get_attribute("title") == "Your subscription"
    page.wait_for_timeout(500)
    _settled_height(page, frame)
    shot(page, f"embed-portal-{mode}")
    other = "light" if mode == "dark" else "dark"
    page.evaluate(f"() => document.getElementById('account').tollgate.setTheme('{other}')")
    expect(frame.locator("html")).to_have_class(re.compile(rf"\b{other}\b"))


def test_the_embedded_portal_offers_upgrades_and_relays_the_choice(
        page: Page, app_url: str, host: dict, publishable: str, api: httpx.Client):
    _open(page, host, app_url, publishable, '<div class="slot" id="account"></div>', after=f"""
      <script>window.calls = [];
      Tollgate.mount(document.getElementById("account"), {{widget: "portal",
        product: "workspace", customerToken: "{_token(api)}",
        onPlanSelected: function (d) {{ window.calls.push(d); }}}});</script>""")
    frame = _frame(page)
    plans = frame.get_by_test_id("portal-plans")
    expect(plans.get_by_role("heading", name="Plans")).to_be_visible(timeout=60_000)
    expect(plans.get_by_role("heading", level=4, name="Business", exact=True)).to_be_visible()
    upgrade = plans.get_by_test_id("cta-business")
    expect(upgrade).to_have_text(re.compile("Upgrade"), timeout=30_000)
    upgrade.click()
    page.wait_for_function("() => window.calls.length > 0")
    assert page.evaluate("() => window.calls[0]")["planId"] == "business"
    assert _seen(page, "planSelected")[0]["target"] == "account"


def test_embedded_checkout_reports_completion(page: Page, app_url: str, host: dict,
                                              publishable: str, api: httpx.Client):
    created = api.post("/api/v1/customers", json={"id": "embed-buyer", "name": "Embed Buyer",
                                                 "email": "buyer@embed.example"})
    assert created.status_code in (201, 409), created.text
    _open(page, host, app_url, publishable, '<div class="slot" id="buy"></div>', after=f"""
      <script>window.done = [];
      Tollgate.mount(document.getElementById("buy"), {{widget: "checkout", product: "workspace",
        plan: "free", customerToken: "{_token(api, 'embed-buyer')}",
        onCheckoutCompleted: function (d) {{ window.done.push(d); }}}});</script>""")
    frame = _frame(page)
    frame.get_by_test_id("checkout-confirm").click(timeout=60_000)
    page.wait_for_function("() => window.done.length > 0", timeout=30_000)
    result = page.evaluate("() => window.done[0]")
    assert result["planId"] == "free" and result["subscriptionId"]
    assert _seen(page, "checkoutCompleted")[0]["target"] == "buy"


def test_a_missing_token_is_a_clear_alert(page: Page, app_url: str, host: dict,
                                          publishable: str):
    page.emulate_media(color_scheme="dark")  # without data-theme the frame is light anyway
    _open(page, host, app_url, publishable, _portal_slot())
    frame = _frame(page)
    expect(frame.locator("html")).to_have_class(re.compile(r"\blight\b"))
    alert = frame.get_by_role("alert")
    expect(alert).to_contain_text("This widget needs a signed-in customer")
    expect(alert).to_have_attribute("data-code", "token_missing")
    page.wait_for_function("() => window.seen.some((e) => e.type === 'error')")
    assert _seen(page, "error")[0]["detail"]["code"] == "token_missing"
    assert frame.get_by_test_id("portal").count() == 0
    _settled_height(page, frame)
    shot(page, "embed-portal-no-token")


def test_a_secret_key_in_the_url_is_refused(page: Page, app_url: str, host: dict,
                                            data_dir: Path):
    page.goto(f"{app_url}/embed/paywall/workspace?" + str(httpx.QueryParams(
        key=_env(data_dir, "TOLLGATE_API_KEY"), origin=host["allowed"], theme="dark")))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This widget was given a secret key")
    expect(alert).to_contain_text("rotate the secret key")
    assert page.get_by_test_id("paywall").count() == 0
    page.screenshot(path=str(SHOTS / "embed-secret-key-dark.png"))


def test_an_expired_token_is_a_clear_alert_and_a_fresh_one_recovers(
        page: Page, app_url: str, host: dict, publishable: str, api: httpx.Client,
        data_dir: Path):
    expired = _expired_token(api, data_dir)
    _open(page, host, app_url, publishable, _portal_slot(expired))
    frame = _frame(page)
    alert = frame.get_by_role("alert")
    expect(alert).to_contain_text("Your session has expired")
    expect(alert).to_contain_text("Reload the page to continue.")
    _settled_height(page, frame)
    shot(page, "embed-portal-expired")

    fresh = _token(api)
    _open(page, host, app_url, publishable, '<div class="slot" id="account"></div>', after=f"""
      <script>Tollgate.mount(document.getElementById("account"), {{widget: "portal",
        product: "workspace", customerToken: "{expired}",
        getCustomerToken: function () {{ return Promise.resolve("{fresh}"); }}}});</script>""")
    frame = _frame(page)
    expect(frame.get_by_test_id("portal")).to_have_attribute("data-status", "ready",
                                                             timeout=60_000)
    assert "token=" + fresh in frame.url


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_embedded_portal_has_no_serious_accessibility_violations(
        page: Page, app_url: str, host: dict, publishable: str, api: httpx.Client, mode: str):
    page.goto(f"{app_url}/embed/portal?" + str(httpx.QueryParams(
        key=publishable, origin=host["allowed"], product="workspace", token=_token(api),
        theme=mode)))
    expect(page.get_by_test_id("portal")).to_have_attribute("data-status", "ready",
                                                            timeout=60_000)
    page.wait_for_timeout(400)
    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    serious = [f"{v['id']} ({v['impact']}): {v['help']}" for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize(("widget", "testid"), [
    ("credit-balance", "credit-balance"), ("credit-usage", "credit-usage"),
    ("credit-grants", "credit-grants"), ("auto-recharge", "auto-recharge")])
def test_embedded_credit_widgets_show_the_tokens_customer(
        page: Page, app_url: str, host: dict, publishable: str, api: httpx.Client,
        widget: str, testid: str):
    _open(page, host, app_url, publishable,
          f'<div class="slot" data-tollgate-widget="{widget}" data-credit-currency="credits" '
          f'data-customer-token="{_token(api)}"></div>')
    frame = _frame(page)
    expect(frame.get_by_test_id(testid)).to_have_attribute("data-status", "ready",
                                                           timeout=60_000)
    outer, inner = _settled_height(page, frame)
    assert outer > 150 and abs(outer - inner) <= 1
    shot(page, f"embed-{widget}")


def test_the_plain_html_example_embeds_the_paywall(page: Page, app_url: str, host: dict,
                                                  publishable: str):
    """examples/plain-html/index.html as a reader would use it: the URL and key filled in."""
    example = (Path(__file__).resolve().parents[2] / "examples/plain-html/index.html").read_text()
    host["pages"]["/example.html"] = example.replace("TOLLGATE_URL", app_url) \
        .replace('data-publishable-key="tg_pk_..."', f'data-publishable-key="{publishable}"')
    page.goto(host["allowed"] + "/example.html")
    frame = _frame(page)
    expect(frame.get_by_test_id("paywall")).to_have_attribute("data-status", "ready",
                                                              timeout=60_000)
    frame.get_by_test_id("cta-business").click()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"You picked business \(\w+\)\."))
