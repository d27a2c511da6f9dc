"""The pure retry schedule: nominal delays, jitter bounds, giving up, disabling."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.webhooks import schedule

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_nominal_delays_span_about_a_day():
    delays = [schedule.retry_delay(n, 0.5) for n in range(1, schedule.MAX_ATTEMPTS)]
    assert delays[0] == timedelta(seconds=5) and delays[-1] == timedelta(hours=10)
    assert timedelta(hours=24) < sum(delays, timedelta()) < timedelta(hours=30)
    assert schedule.retry_delay(schedule.MAX_ATTEMPTS, 0.5) is None
    assert schedule.next_attempt_at(schedule.MAX_ATTEMPTS, T0, 0.5) is None


@given(st.integers(1, len(schedule.RETRY_DELAYS)), st.floats(0, 1, exclude_max=True))
def test_jitter_stays_within_twenty_percent(attempts, draw):
    nominal = schedule.RETRY_DELAYS[attempts - 1]
    delay = schedule.retry_delay(attempts, draw)
    assert nominal * 0.8 <= delay <= nominal * 1.2


def test_attempts_count_from_one():
    with pytest.raises(ValueError):
        schedule.retry_delay(0, 0.5)


def test_disable_after_five_days_or_many_exhausted_messages():
    assert schedule.disable_reason(None, 0, T0) is None
    assert schedule.disable_reason(T0, 0, T0 + timedelta(days=4, hours=23)) is None
    assert "5 days" in schedule.disable_reason(T0, 0, T0 + timedelta(days=5))
    assert schedule.disable_reason(T0, 9, T0) is None
    assert "10 messages" in schedule.disable_reason(T0, 10, T0)
