"""Credit usage series: named ranges, bucket starts and sums (UTC)."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from backend.credits.series import bucket_starts, range_window, summarise
from backend.kit.buckets import floor, step

NOW = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)


def test_named_ranges_end_with_the_current_bucket():
    assert range_window("24h", NOW) == ("hour", datetime(2026, 11, 23, 19, tzinfo=UTC),
                                        datetime(2026, 11, 24, 19, tzinfo=UTC))
    bucket, start, end = range_window("12m", NOW)
    assert (bucket, start, end) == ("month", datetime(2025, 12, 1, tzinfo=UTC),
                                    datetime(2026, 12, 1, tzinfo=UTC))
    assert len(bucket_starts(*range_window("30d", NOW)[1:], "day")) == 30


def test_consumption_lands_in_its_bucket_per_feature():
    starts = bucket_starts(datetime(2026, 11, 22, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC),
                           "day")
    rows = [("images", datetime(2026, 11, 22, 23, 59, tzinfo=UTC), Decimal(4)),
            ("images", datetime(2026, 11, 23, 0, 0, tzinfo=UTC), Decimal(8)),
            (None, datetime(2026, 11, 24, 12, tzinfo=UTC), Decimal("1.5")),
            ("images", datetime(2026, 11, 25, 0, 0, tzinfo=UTC), Decimal(99))]  # outside
    assert summarise(rows, starts, "day") == {
        "images": [Decimal(4), Decimal(8), Decimal(0)],
        None: [Decimal(0), Decimal(0), Decimal("1.5")]}


@given(at=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.just(UTC)),
       bucket=st.sampled_from(["hour", "day", "week", "month"]))
def test_every_moment_lies_in_exactly_one_bucket(at, bucket):
    start = floor(at, bucket)
    assert start <= at < step(start, bucket)
    assert floor(step(start, bucket) - timedelta(microseconds=1), bucket) == start
    assert step(step(start, bucket, 3), bucket, -3) == start
