"""The FastAPI host example: its users sign in, get a customer token for their own customer only,
and its pages embed Tollgate with the publishable key, never the secret one."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi.testclient import TestClient

from backend.client import TollgateClient
from examples.fastapi_host.app import DEMO_USERS, create_host_app

TOLLGATE_URL = "http://tollgate.test"
TOKEN = re.compile(r"tg_ct_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


@pytest.fixture
def host(tenant) -> TestClient:  # type: ignore[no-untyped-def]
    tenant.seed_demo()
    client = TollgateClient(tenant.secret, app=tenant.app)
    app = create_host_app(client, tollgate_url=TOLLGATE_URL, publishable_key=tenant.publishable)
    with TestClient(app) as http:
        http.tenant = tenant  # type: ignore[attr-defined]
        yield http


def _sign_in(host: TestClient, email: str = "alice@acme.test", password: str = "demo"):
    return host.post("/login", data={"email": email, "password": password},
                     follow_redirects=False)


def _me(tenant, token: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    return tenant.client(None).get("/api/v1/me", headers={"X-Customer-Token": token})


def test_pricing_page_embeds_the_paywall_with_the_publishable_key_only(host):
    page = host.get("/").text
    assert f'src="{TOLLGATE_URL}/embed.js"' in page
    assert f'data-publishable-key="{host.tenant.publishable}"' in page
    assert 'data-tollgate-widget="paywall"' in page
    assert host.tenant.secret not in page
    assert TOKEN.search(page) is None  # a visitor gets no customer token


def test_account_needs_a_signed_in_user(host):
    response = host.get("/account", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert host.post("/tollgate/token").status_code == 401


def test_a_wrong_password_signs_nobody_in(host):
    response = _sign_in(host, password="nope")
    assert response.status_code == 303 and "error" in response.headers["location"]
    assert host.get("/account", follow_redirects=False).status_code == 303


def test_the_portal_gets_a_token_for_the_users_own_customer(host):
    assert _sign_in(host).status_code == 303
    page = host.get("/account").text
    assert "Tollgate.mount" in page and '"portal"' in page
    assert "onPlanSelected" in page and 'location.href = "/checkout?plan="' in page
    token = TOKEN.search(page).group(0)
    me = _me(host.tenant, token)
    assert me.status_code == 200 and me.json()["id"] == DEMO_USERS["alice@acme.test"].customer_id
    assert host.tenant.secret not in page


def test_token_refresh_issues_a_new_working_token(host):
    _sign_in(host, "bob@globex.test")
    response = host.post("/tollgate/token")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    token = response.json()["token"]
    assert _me(host.tenant, token).json()["id"] == "globex"


def test_checkout_embeds_the_chosen_plan_for_the_signed_in_user(host):
    _sign_in(host, "carol@initech.test")
    page = host.get("/checkout", params={"plan": "plus", "period": "annual"}).text
    assert 'data-tollgate-widget="checkout"' in page
    assert 'data-plan="plus"' in page and 'data-period="annual"' in page
    assert _me(host.tenant, TOKEN.search(page).group(0)).json()["id"] == "initech"


def test_html_in_query_parameters_is_escaped(host):
    _sign_in(host)
    page = host.get("/checkout", params={"plan": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in page


def test_signing_out_ends_the_session(host):
    _sign_in(host)
    host.post("/logout")
    assert host.get("/account", follow_redirects=False).status_code == 303
