"""A host app that sells with Tollgate: it signs its own users in, issues each one a Tollgate
customer token on the server and embeds Tollgate's paywall, checkout and customer portal with
`embed.js`. The secret key never leaves this server; the browser gets the publishable key and a
short-lived token that speaks for its own customer only.

Run it next to a running Tollgate (`bash scripts/start.sh`):

    python -m examples.fastapi_host        # http://localhost:8000, sign in as alice@acme.test / demo

(it adds its own origin to the environment's allowed embedding origins on start).
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from html import escape
from typing import Annotated

from fastapi import Cookie, FastAPI, Form, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from backend.client import TollgateClient

SESSION_COOKIE = "host_session"
TOKEN_TTL_SECONDS = 15 * 60


@dataclass(frozen=True)
class User:
    email: str
    password: str
    customer_id: str  # the user's account in Tollgate (the host app's own mapping)


DEMO_USERS = {u.email: u for u in (User("alice@acme.test", "demo", "acme"),
                                   User("bob@globex.test", "demo", "globex"),
                                   User("carol@initech.test", "demo", "initech"))}


def _page(title: str, body: str, *, tollgate_url: str, publishable_key: str) -> HTMLResponse:
    return HTMLResponse(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{escape(title)} · Acme Host</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem}}
nav{{display:flex;gap:1rem;margin-bottom:1.5rem}}</style>
<script src="{escape(tollgate_url)}/embed.js" data-publishable-key="{escape(publishable_key)}"
        defer></script></head>
<body><nav aria-label="Main"><a href="/">Pricing</a><a href="/account">Account</a></nav>
<main><h1>{escape(title)}</h1>{body}</main></body></html>""")


def create_host_app(tollgate: TollgateClient, *, tollgate_url: str,
                    publishable_key: str) -> FastAPI:
    """The host app; `tollgate` is a client with the environment's secret key (server side)."""
    app = FastAPI(title="Acme host app")
    sessions: dict[str, User] = {}  # session id -> user (a real app keeps these in its store)

    def page(title: str, body: str) -> HTMLResponse:
        return _page(title, body, tollgate_url=tollgate_url, publishable_key=publishable_key)

    def signed_in(session_id: str | None) -> User | None:
        return sessions.get(session_id or "")

    def customer_token(user: User) -> str:
        return str(tollgate.create_customer_token(user.customer_id,
                                                  ttl_seconds=TOKEN_TTL_SECONDS).token)

    @app.get("/", response_class=HTMLResponse)
    def pricing(host_session: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
        """The public pricing page; a chosen plan goes to checkout (after sign-in)."""
        user = signed_in(host_session)
        token = f' data-customer-token="{escape(customer_token(user))}"' if user else ""
        return page("Pricing", f"""
<div id="paywall" data-tollgate-widget="paywall" data-product="workspace"{token}></div>
<script>
document.getElementById("paywall").addEventListener("tollgate:planSelected", (event) => {{
  const {{planId, billingPeriod}} = event.detail;
  location.href = "/checkout?plan=" + encodeURIComponent(planId) +
                  "&period=" + encodeURIComponent(billingPeriod || "monthly");
}});
</script>""")

    @app.get("/login", response_class=HTMLResponse)
    def login_form(error: str = "") -> HTMLResponse:
        alert = f'<p role="alert">{escape(error)}</p>' if error else ""
        return page("Sign in", f"""{alert}
<form method="post" action="/login">
  <label>Email <input name="email" type="email" autocomplete="username" required></label>
  <label>Password <input name="password" type="password" autocomplete="current-password"
    required></label>
  <button type="submit">Sign in</button>
</form>""")

    @app.post("/login")
    def login(email: Annotated[str, Form()], password: Annotated[str, Form()]) -> Response:
        user = DEMO_USERS.get(email.strip().lower())
        if user is None or not hmac.compare_digest(user.password, password):
            return RedirectResponse("/login?error=Wrong+email+or+password", status_code=303)
        session_id = secrets.token_urlsafe(32)
        sessions[session_id] = user
        response = RedirectResponse("/account", status_code=303)
        response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="lax")
        return response

    @app.post("/logout")
    def logout(host_session: Annotated[str | None, Cookie()] = None) -> Response:
        sessions.pop(host_session or "", None)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/account", response_class=HTMLResponse)
    def account(host_session: Annotated[str | None, Cookie()] = None) -> Response:
        """The signed-in user's subscription, invoices and plans, in Tollgate's portal; a plan
        chosen there goes to checkout."""
        user = signed_in(host_session)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        return page(f"Account of {user.email}", f"""
<form method="post" action="/logout"><button type="submit">Sign out</button></form>
<div id="portal"></div>
<script>
window.addEventListener("DOMContentLoaded", () => Tollgate.mount(document.getElementById("portal"), {{
  widget: "portal",
  customerToken: {_js(customer_token(user))},
  getCustomerToken: () => fetch("/tollgate/token", {{method: "POST"}})
    .then((r) => r.json()).then((body) => body.token),
  onPlanSelected: ({{planId, billingPeriod}}) => {{
    location.href = "/checkout?plan=" + encodeURIComponent(planId) +
                    "&period=" + encodeURIComponent(billingPeriod || "monthly");
  }},
}}));
</script>""")

    @app.get("/checkout", response_class=HTMLResponse)
    def checkout(plan: str, period: str = "monthly",
                 host_session: Annotated[str | None, Cookie()] = None) -> Response:
        user = signed_in(host_session)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        return page("Checkout", f"""
<div data-tollgate-widget="checkout" data-product="workspace" data-plan="{escape(plan)}"
     data-period="{escape(period)}" data-customer-token="{escape(customer_token(user))}"></div>
<script>
document.addEventListener("tollgate:checkoutCompleted", () => {{ location.href = "/account"; }});
</script>""")

    @app.post("/tollgate/token")
    def refresh_token(host_session: Annotated[str | None, Cookie()] = None) -> JSONResponse:
        """A fresh customer token for the signed-in user (embed.js asks when one expires)."""
        user = signed_in(host_session)
        if user is None:
            raise HTTPException(401, "Sign in first")
        return JSONResponse({"token": customer_token(user)},
                            headers={"Cache-Control": "no-store"})

    return app


def _js(value: str) -> str:
    """A string literal safe inside an inline script."""
    return json.dumps(value).replace("<", "\\u003c")
