"""Pure retry math: when to try a message again, and when to give up on an endpoint.

No I/O; `now` and the random draw are arguments, so the schedule is tested without a database.
"""

from datetime import datetime, timedelta

# After the first try, retries wait these delays (about 28 hours in all), each +-20%.
RETRY_DELAYS: tuple[timedelta, ...] = (
    timedelta(seconds=5), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
    timedelta(hours=5), timedelta(hours=10), timedelta(hours=10),
)
JITTER = 0.2
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# An endpoint is disabled after this long without a success, or after this many messages in a
# row used every retry.
DISABLE_AFTER = timedelta(days=5)
DISABLE_AFTER_EXHAUSTED = 10


def retry_delay(attempts_made: int, draw: float) -> timedelta | None:
    """The wait before the next try after `attempts_made` failed tries (None: give up).

    `draw` is uniform in [0, 1): 0 gives -20%, 0.5 the nominal delay, just below 1 gives +20%.
    """
    if attempts_made < 1:
        raise ValueError("attempts_made counts tries already made (at least 1)")
    if attempts_made > len(RETRY_DELAYS):
        return None
    factor = 1 + JITTER * (2 * min(max(draw, 0.0), 1.0) - 1)
    return RETRY_DELAYS[attempts_made - 1] * factor


def next_attempt_at(attempts_made: int, now: datetime, draw: float) -> datetime | None:
    delay = retry_delay(attempts_made, draw)
    return None if delay is None else now + delay


def disable_reason(failing_since: datetime | None, exhausted_in_a_row: int,
                   now: datetime) -> str | None:
    """Why a failing endpoint should be disabled now, or None to keep trying."""
    if failing_since is not None and now - failing_since >= DISABLE_AFTER:
        return f"no successful delivery for {DISABLE_AFTER.days} days"
    if exhausted_in_a_row >= DISABLE_AFTER_EXHAUSTED:
        return f"{exhausted_in_a_row} messages in a row failed every retry"
    return None
