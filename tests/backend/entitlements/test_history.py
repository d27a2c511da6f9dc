"""Usage history for charts: buckets in UTC, the level carried between changes, resets marked."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backend.entitlements.history import Change, floor, series
from backend.kit.clock import now
from tests.backend.helpers import assert_problem, ok

D = datetime(2026, 11, 1, tzinfo=UTC)
P1, P2 = datetime(2026, 10, 24, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC)


def test_daily_points_carry_the_level_and_mark_the_reset():
    changes = [Change(D + timedelta(hours=5), 10, P1), Change(D + timedelta(days=1, hours=2), 25, P1),
               Change(D + timedelta(days=3, hours=1), 4, P2)]
    points = series(changes, D, D + timedelta(days=4), "day")
    assert [(p.usage, p.reset) for p in points] == [(10, False), (25, False), (25, False),
                                                     (4, True)]


def test_weeks_start_on_monday_and_months_on_the_first():
    assert floor(datetime(2026, 11, 26, 15, tzinfo=UTC), "week") == datetime(2026, 11, 23,
                                                                             tzinfo=UTC)
    assert floor(datetime(2026, 11, 26, 15, tzinfo=UTC), "month") == D
    months = series([], D, datetime(2027, 2, 15, tzinfo=UTC), "month")
    assert [p.start.month for p in months] == [11, 12, 1, 2]


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=20))
def test_the_last_point_shows_the_last_level(values):
    changes = [Change(D + timedelta(hours=i), v, P1) for i, v in enumerate(values)]
    points = series(changes, D, D + timedelta(days=1), "hour")
    assert points[-1].usage == values[-1] and len(points) == 24


def test_history_endpoint(seeded):
    api = seeded.client()
    ok(api.post("/api/v1/usage", json={"customer_id": "acme", "feature_id": "ai-credits",
                                       "value": 7}))
    start = (now() - timedelta(days=2)).isoformat()
    got = ok(api.get("/api/v1/customers/acme/usage/ai-credits/history",
                     params={"from": start, "bucket": "day"}))
    assert got["points"][-1]["usage"] == 7 and got["points"][0]["usage"] == 0
    assert_problem(api.get("/api/v1/customers/acme/usage/seats/history",
                           params={"from": start}), 404)


def test_meters_events_and_history_through_the_client(seeded):
    from backend.client import TollgateClient

    with TollgateClient(seeded.secret, app=seeded.app) as tg:
        tg.create_meter({"feature_id": "ai-credits", "event_name": "ai.request",
                         "aggregation": "count"})
        result = tg.send_usage_events([{"customer_id": "acme", "event_name": "ai.request",
                                        "idempotency_key": f"k{i}"} for i in range(3)])
        assert result.accepted == 3
        history = tg.usage_history("acme", "ai-credits", now() - timedelta(hours=3),
                                   bucket="hour")
        assert history.points[-1].usage == 3
