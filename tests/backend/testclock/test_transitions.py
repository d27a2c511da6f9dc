"""The transition registry (with dummy handlers, no database) and the clock's pinning."""

from contextvars import copy_context
from datetime import UTC, datetime, timedelta

import pytest

from backend.kit import clock
from backend.testclock.transitions import Registry, Transition, TransitionLoop

T0 = datetime(2030, 1, 1, tzinfo=UTC)
DAY = timedelta(days=1)


class FakeSession:
    def __init__(self) -> None:
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1


class Due:
    """A handler with work at fixed instants: runs what falls due, names the next one."""

    def __init__(self, name: str, *instants: datetime):
        self.name, self.pending, self.calls = name, sorted(instants), []

    def run(self, session, environment_id, start, end):  # type: ignore[no-untyped-def]
        self.calls.append((start, end, clock.now()))
        done = [t for t in self.pending if t <= end]
        self.pending = [t for t in self.pending if t > end]
        return [Transition(f"{self.name}.done", t, ref=f"{self.name}@{t.day}") for t in done]

    def next_due(self, session, environment_id, after):  # type: ignore[no-untyped-def]
        return self.pending[0] if self.pending else None


def test_a_handler_without_next_due_gets_the_whole_window_at_its_end():
    seen = []
    registry = Registry()
    registry.register("plain", lambda s, env, a, b: seen.append((env, a, b, clock.now())))
    session = FakeSession()
    assert registry.advance(session, 7, T0, T0 + DAY) == []  # None reports nothing
    assert seen == [(7, T0, T0 + DAY, T0 + DAY)]
    assert session.flushes == 1


def test_handlers_run_in_time_order_across_domains():
    renewals = Due("renewal", T0 + 10 * DAY, T0 + 40 * DAY)
    trials = Due("trial", T0 + 5 * DAY, T0 + 10 * DAY)
    registry = Registry()
    registry.register("renewals", renewals.run, next_due=renewals.next_due)
    registry.register("trials", trials.run, next_due=trials.next_due)
    reports = registry.advance(FakeSession(), 1, T0, T0 + 30 * DAY)
    assert [(r.handler, r.transition.ref) for r in reports] == [
        ("trials", "trial@6"),  # day 5 first
        ("renewals", "renewal@11"), ("trials", "trial@11"),  # then day 10, in registration order
    ]
    # every handler saw the same windows, partitioning (T0, T0 + 30 days], with now() at each end
    steps = [T0 + 5 * DAY, T0 + 10 * DAY, T0 + 30 * DAY]
    expected = list(zip([T0, *steps[:-1]], steps, steps, strict=True))
    assert renewals.calls == expected and trials.calls == expected
    assert renewals.pending == [T0 + 40 * DAY]  # beyond the end: left for a later advance


def test_work_created_while_advancing_runs_in_the_same_advance():
    registry = Registry()
    monthly = Due("renewal", T0 + DAY)

    def renew(session, env, start, end):  # type: ignore[no-untyped-def]
        done = monthly.run(session, env, start, end)
        monthly.pending += [t.at + 30 * DAY for t in done]  # each renewal schedules the next
        return done

    registry.register("renewals", renew, next_due=monthly.next_due)
    reports = registry.advance(FakeSession(), 1, T0, T0 + 100 * DAY)
    assert [r.transition.at for r in reports] == [T0 + DAY, T0 + 31 * DAY, T0 + 61 * DAY,
                                                 T0 + 91 * DAY]


def test_overdue_work_runs_at_once_and_a_handler_that_never_finishes_is_stopped():
    overdue = Due("late", T0 - DAY)
    registry = Registry()
    registry.register("late", overdue.run, next_due=overdue.next_due)
    reports = registry.advance(FakeSession(), 1, T0, T0 + DAY)
    assert [r.transition.at for r in reports] == [T0 - DAY]
    assert overdue.calls[0] == (T0, T0, T0)  # ran at the start, before time moved

    stuck = Registry()
    stuck.register("stuck", lambda *a: None, next_due=lambda s, env, after: T0)
    with pytest.raises(TransitionLoop):
        stuck.advance(FakeSession(), 1, T0, T0 + DAY)


def test_no_backwards_and_a_zero_advance_runs_overdue_work_only():
    registry = Registry()
    calls = []
    registry.register("h", lambda s, env, a, b: calls.append((a, b)))
    with pytest.raises(ValueError, match="backwards"):
        registry.advance(FakeSession(), 1, T0, T0 - timedelta(seconds=1))
    registry.advance(FakeSession(), 1, T0, T0)
    assert calls == [(T0, T0)]


def test_register_replaces_in_place_and_unregister():
    registry = Registry()
    registry.register("a", lambda *x: None)
    registry.register("b", lambda *x: None)
    replaced = registry.register("a", lambda *x: [Transition("a.new", T0)])
    assert [h.name for h in registry.handlers()] == ["a", "b"]
    assert registry.handlers()[0] is replaced
    registry.unregister("a")
    registry.unregister("missing")
    assert [h.name for h in registry.handlers()] == ["b"]


def test_a_failing_handler_propagates():
    registry = Registry()

    def broken(*args):  # type: ignore[no-untyped-def]
        raise RuntimeError("renewal failed")

    registry.register("broken", broken)
    with pytest.raises(RuntimeError, match="renewal failed"):
        registry.advance(FakeSession(), 1, T0, T0 + DAY)


# -- the clock ---------------------------------------------------------------------------------
def test_pin_holds_within_a_scope_across_context_copies_and_ends_with_it():
    assert clock.pin(T0) is False  # outside a scope nothing is pinned
    real = clock.now()
    assert abs(real - datetime.now(UTC)) < timedelta(seconds=5)
    with clock.scope():
        # a sync dependency and the endpoint each run in a copy of the request's context
        dependency, endpoint = copy_context(), copy_context()
        assert dependency.run(clock.pin, T0) is True
        assert endpoint.run(clock.now) == T0 and clock.now() == T0
        with clock.frozen(T0 + DAY):
            assert clock.now() == T0 + DAY
        assert clock.now() == T0
        clock.pin(None)
        assert clock.now() != T0
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)
    with pytest.raises(ValueError):
        clock.pin(datetime(2030, 1, 1))  # naive


def test_pin_outranks_set_clock_which_still_works():
    clock.set_clock(lambda: T0)
    try:
        assert clock.now() == T0
        with clock.frozen(T0 + DAY):
            assert clock.now() == T0 + DAY
        assert clock.now() == T0
    finally:
        clock.set_clock(None)
    assert clock.now() != T0
