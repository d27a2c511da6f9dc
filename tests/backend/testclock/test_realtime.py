"""Due work on real time: credit expiries and monthly credits happen without anyone touching
the account, once, and environments on a frozen test clock are left to it."""

import time
from datetime import UTC, datetime, timedelta

import pytest

from backend.testclock.realtime import run_due_work
from tests.backend.credits.conftest import grant, setup_credits
from tests.backend.helpers import ok


@pytest.fixture
def credits_api(tenant):
    return setup_credits(tenant)


def _events(api, type_):
    return ok(api.get("/api/v1/events", params={"type": type_}))["data"]


def test_a_grant_expires_on_real_time_without_a_request(credits_api, tenant):
    api = credits_api
    grant(api, 10, expires_at=(datetime.now(UTC) + timedelta(seconds=1)).isoformat())
    time.sleep(1.2)
    factory = tenant.app.state.session_factory
    done = run_due_work(factory)
    assert "credit.grant.expired" in {r.transition.type for r in done}
    [event] = _events(api, "credit.grant.expired")
    assert event["data"]["expired"] == "10"
    run_due_work(factory)  # nothing twice
    assert len(_events(api, "credit.grant.expired")) == 1


def test_monthly_credits_arrive_for_new_subscriptions(credits_api, tenant):
    api = credits_api
    ok(api.patch("/api/v1/credits/currencies/tokens", json={"plan_allowances": [
        {"plan_id": "pro", "credits_per_month": "1000"}]}))
    ok(api.post("/api/v1/customers", json={"id": "bob", "subscription": {"plan_id": "pro"}}),
       201)
    run_due_work(tenant.app.state.session_factory)
    [event] = _events(api, "credit.grant.created")
    assert event["customer_id"] == "bob" and event["data"]["type"] == "recurring"


def test_frozen_environments_are_left_to_their_test_clock(credits_api, tenant):
    api = credits_api
    ok(api.post("/api/v1/test-clock/freeze", json={}))
    grant(api, 10, expires_at=(datetime.now(UTC) + timedelta(seconds=1)).isoformat())
    time.sleep(1.2)
    run_due_work(tenant.app.state.session_factory)
    assert _events(api, "credit.grant.expired") == []


def test_the_app_runs_due_work_by_itself(credits_api, tenant, settings):
    from backend.app import create_app
    from tests.backend.entitlements.conftest import serving

    grant(credits_api, 10, expires_at=(datetime.now(UTC) + timedelta(seconds=1)).isoformat())
    app = create_app(settings.model_copy(update={"due_work": True, "due_work_interval": 0.2}))
    with serving(app):
        deadline = time.monotonic() + 30  # generous: the suite shares two cores
        while not _events(credits_api, "credit.grant.expired") and time.monotonic() < deadline:
            time.sleep(0.1)
    assert len(_events(credits_api, "credit.grant.expired")) == 1
