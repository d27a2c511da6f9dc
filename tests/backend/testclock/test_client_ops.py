"""TollgateClient test clock operations; an in-process async client never leaks a pinned time."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from backend.client import AsyncTollgateClient, TollgateClient, TollgateError
from backend.kit.clock import now
from backend.testclock.schemas import ClockMoved, ClockPublic

T0 = datetime(2032, 1, 1, tzinfo=UTC)


def test_clock_operations(tenant, production):
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        assert isinstance(client.get_test_clock(), ClockPublic)
        frozen = client.freeze_test_clock(T0, idempotency_key="f1")
        assert isinstance(frozen, ClockMoved) and frozen.time == T0
        moved = client.advance_test_clock(seconds=90)
        assert moved.time == T0 + timedelta(seconds=90) and moved.previous_time == T0
        assert client.advance_test_clock(to=T0 + timedelta(days=1)).time == T0 + timedelta(days=1)
        with pytest.raises(TollgateError) as backwards:
            client.advance_test_clock(to=T0)
        assert backwards.value.status == 422
        assert client.delete_test_clock().frozen is False
    with TollgateClient(production.secret, app=production.app) as prod:
        with pytest.raises(TollgateError) as refused:
            prod.get_test_clock()
        assert refused.value.status == 403


def test_async_in_process_requests_leave_the_callers_clock_alone(tenant):
    """httpx.ASGITransport runs the app in the caller's task: the pin must end with the request."""

    async def scenario() -> tuple[datetime, datetime, datetime]:
        async with AsyncTollgateClient(tenant.secret, app=tenant.app) as client:
            await client.freeze_test_clock(T0)
            customer = await client.provision_customer({"id": "ada"})
            return customer.created_at, (await client.get_test_clock()).time, now()

    created, clock_time, after = asyncio.run(scenario())
    assert created == clock_time == T0
    assert abs(after - datetime.now(UTC)) < timedelta(minutes=1)
