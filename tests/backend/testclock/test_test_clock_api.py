"""Test clock endpoints: freeze, advance (never backwards), back to real time; requests of the
environment see its frozen time; production environments refuse."""

import threading
from datetime import UTC, datetime, timedelta

import pytest

from backend.db import engine_for, session_factory, session_scope
from backend.kit.clock import frozen, now
from backend.payments import service as payments
from backend.testclock import service, transitions
from backend.testclock.transitions import Transition
from tests.backend.helpers import assert_problem, ok
from tests.backend.payments.conftest import card, methods_path
from tests.conftest import is_postgres

CLOCK = "/api/v1/test-clock"
T0 = datetime(2031, 3, 1, 12, 0, tzinfo=UTC)


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def close_to_now(value: str) -> bool:
    return abs(parse(value) - datetime.now(UTC)) < timedelta(minutes=1)


@pytest.fixture
def recorder(tenant):
    """A registered dummy handler noting each call for this tenant (now() included)."""
    calls: list[tuple[datetime, datetime, datetime]] = []

    def run(session, environment_id, start, end):  # type: ignore[no-untyped-def]
        if environment_id != tenant.id:
            return None
        calls.append((start, end, now()))
        return [Transition("dummy.ran", end, ref="d1", detail={"start": start.isoformat()})]

    transitions.register("tests.dummy", run)
    yield calls
    transitions.unregister("tests.dummy")


def test_a_fresh_environment_runs_on_real_time(api):
    clock = ok(api.get(CLOCK))
    assert clock["frozen"] is False and close_to_now(clock["time"])


def test_requests_see_the_frozen_time(api):
    frozen = ok(api.post(CLOCK + "/freeze", json={}))
    assert frozen["frozen"] is True and close_to_now(frozen["time"])
    assert frozen["previous_time"] == frozen["time"] and frozen["transitions"] == []
    assert ok(api.get(CLOCK))["time"] == frozen["time"]
    created = ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    assert parse(created["created_at"]) == parse(frozen["time"])  # exactly, not merely close
    assert_problem(api.post(CLOCK + "/freeze", json={}), 409)  # already frozen


def test_freeze_at_a_later_time_and_advance(api, recorder):
    frozen = ok(api.post(CLOCK + "/freeze", json={"time": "2031-03-01T13:00:00+01:00"}))
    assert parse(frozen["time"]) == T0 and close_to_now(frozen["previous_time"])
    assert recorder[0][1:] == (T0, T0)  # the time in between ran like an advance
    customer = ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    assert parse(customer["created_at"]) == T0

    moved = ok(api.post(CLOCK + "/advance", json={"seconds": 3600}))
    assert (parse(moved["previous_time"]), parse(moved["time"])) == (T0, T0 + timedelta(hours=1))
    assert moved["transitions"] == [{"handler": "tests.dummy", "type": "dummy.ran",
                                     "at": moved["time"], "id": "d1",
                                     "detail": {"start": T0.isoformat()}}]
    assert recorder[-1] == (T0, T0 + timedelta(hours=1), T0 + timedelta(hours=1))

    later = ok(api.post(CLOCK + "/advance", json={"to": "2031-04-01T00:00:00Z"}))
    assert later["time"].startswith("2031-04-01T00:00:00")
    updated = ok(api.patch("/api/v1/customers/ada", json={"name": "Ada"}))
    assert parse(updated["updated_at"]) == datetime(2031, 4, 1, tzinfo=UTC)
    assert parse(updated["created_at"]) == T0


def test_advancing_a_running_clock_freezes_it_first(api, recorder):
    moved = ok(api.post(CLOCK + "/advance", json={"seconds": 86400}))
    assert close_to_now(moved["previous_time"]) and moved["frozen"] is True
    assert parse(moved["time"]) - parse(moved["previous_time"]) == timedelta(days=1)
    assert len(recorder) == 1


def test_never_backwards(api, recorder):
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    calls = len(recorder)
    body = assert_problem(api.post(CLOCK + "/advance", json={"to": "2031-02-28T00:00:00Z"}),
                          422, "to")
    assert "backwards" in body["detail"]
    assert_problem(api.post(CLOCK + "/advance", json={"seconds": -1}), 422, "seconds")
    assert_problem(api.post(CLOCK + "/advance", json={}), 422, "to")
    assert_problem(api.post(CLOCK + "/advance", json={"to": T0.isoformat(), "seconds": 5}),
                   422, "to")
    assert_problem(api.post(CLOCK + "/advance", json={"to": "2031-04-01T00:00:00"}), 422, "to")
    assert_problem(api.post(CLOCK + "/advance", json={"seconds": 10**12}), 422, "seconds")
    assert len(recorder) == calls and parse(ok(api.get(CLOCK))["time"]) == T0
    same = ok(api.post(CLOCK + "/advance", json={"to": T0.isoformat()}))  # standing still is fine
    assert parse(same["time"]) == T0


def test_freezing_in_the_past_is_refused(api):
    assert_problem(api.post(CLOCK + "/freeze", json={"time": "2001-01-01T00:00:00Z"}), 422, "time")
    assert ok(api.get(CLOCK))["frozen"] is False


def test_back_to_real_time(api):
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    real = ok(api.delete(CLOCK))
    assert real["frozen"] is False and close_to_now(real["time"])
    assert ok(api.delete(CLOCK))["frozen"] is False  # again: nothing to do
    created = ok(api.post("/api/v1/customers", json={"id": "bob"}), 201)
    assert close_to_now(created["created_at"])


def test_a_failing_handler_rolls_the_advance_back(api, tenant):
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))

    def broken(session, environment_id, start, end):  # type: ignore[no-untyped-def]
        if environment_id == tenant.id:
            raise RuntimeError("renewal failed")

    transitions.register("tests.broken", broken)
    try:
        assert api.post(CLOCK + "/advance", json={"seconds": 60}).status_code == 500
    finally:
        transitions.unregister("tests.broken")
    assert parse(ok(api.get(CLOCK))["time"]) == T0


def test_only_this_environment_moves(api, make_tenant):
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    other = make_tenant().client()
    assert ok(other.get(CLOCK))["frozen"] is False
    created = ok(other.post("/api/v1/customers", json={"id": "ada"}), 201)
    assert close_to_now(created["created_at"])


def test_production_refuses(production):
    api = production.client()
    for response in (api.get(CLOCK), api.post(CLOCK + "/freeze", json={}),
                     api.post(CLOCK + "/advance", json={"seconds": 60}), api.delete(CLOCK)):
        body = assert_problem(response, 403)
        assert "development" in body["detail"]


def test_secret_key_required(public_api):
    assert_problem(public_api.get(CLOCK), 403)
    assert_problem(public_api.post(CLOCK + "/advance", json={"seconds": 1}), 403)


def test_retried_advance_moves_once(api):
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    first = api.post(CLOCK + "/advance", json={"seconds": 60}, headers={"Idempotency-Key": "a1"})
    again = api.post(CLOCK + "/advance", json={"seconds": 60}, headers={"Idempotency-Key": "a1"})
    assert ok(again) == ok(first) and again.headers.get("Idempotent-Replayed") == "true"
    assert parse(ok(api.get(CLOCK))["time"]) == T0 + timedelta(seconds=60)


def test_cards_expire_as_the_clock_moves(api, tenant):
    """A card valid through March 2031 is declined in April (and refused at attach then)."""
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    ok(api.post(methods_path(), json=card(exp_month=3, exp_year=2031)), 201)
    ok(api.post(CLOCK + "/advance", json={"to": "2031-04-01T00:00:00Z"}))
    body = assert_problem(api.post(methods_path(), json=card(exp_month=3, exp_year=2031)),
                          422, "exp_year")
    assert body["reason"] == "expired_card"
    with session_scope(tenant.url) as session, frozen(datetime(2031, 4, 2, tzinfo=UTC)):
        buyer = payments.get_customer(session, tenant.id, "ada")
        paid = payments.charge(session, tenant.id, buyer, 500, "USD", idempotency_key="x")
    assert (paid.status, paid.decline_code) == ("failed", "expired_card")


def test_concurrent_advances_run_one_after_the_other(api, tenant, database_url, recorder):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    ok(api.post(CLOCK + "/freeze", json={"time": T0.isoformat()}))
    factory = session_factory(engine_for(database_url))
    start = threading.Barrier(6)

    def attempt() -> None:
        with factory() as session:
            start.wait(timeout=30)
            service.advance(session, tenant.id, seconds=60)
            session.commit()

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert parse(ok(api.get(CLOCK))["time"]) == T0 + timedelta(minutes=6)
    windows = sorted((a, b) for a, b, _ in recorder[1:])  # after the freeze
    assert windows == [(T0 + timedelta(minutes=i), T0 + timedelta(minutes=i + 1))
                       for i in range(6)]  # contiguous, never overlapping
