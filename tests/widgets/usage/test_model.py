"""Usage bars: amounts, fill, the warning at 70% and full at 100%, reset dates."""

from datetime import UTC, datetime

from backend.entitlements.schemas import EntitlementState
from widgets.usage.model import DEFAULT_TEXTS, rows


def state(feature="ai-credits", used=0, limit=2000, **extra):
    return EntitlementState(
        feature_id=feature, feature_type=extra.pop("feature_type", "metered"),
        feature_name="AI credits", unit="AI credit", unit_plural="AI credits", has_access=True,
        limit=limit, current_usage=used,
        usage_period={"start": datetime(2026, 11, 24, tzinfo=UTC),
                      "end": datetime(2026, 12, 24, tzinfo=UTC), "reset_period": "month"},
        **extra)


def make(*states):
    return rows(list(states), "en_US", lambda d: d.strftime("%b %d, %Y"), DEFAULT_TEXTS)


def test_fill_and_states():
    ok, warn, full = make(state(used=500), state(used=1400), state(used=2000))
    assert (ok.amount, ok.width, ok.state) == ("500 of 2,000 AI credits", "25%", "ok")
    assert ok.reset == "Resets Dec 24, 2026" and ok.note == "25% used"
    assert (warn.state, warn.percent) == ("warning", 70)
    assert (full.state, full.note) == ("full", "Limit reached")


def test_soft_limits_say_the_extra_is_billed_and_the_bar_stops_at_full():
    over = make(state(feature="api-calls", used=15000, limit=10000, soft_limit=True))[0]
    assert over.width == "100%" and over.state == "full" and "overage" in over.note
    assert over.value_now == 10000  # aria-valuenow stays within its range


def test_unlimited_and_other_features():
    got = make(state(limit=None, unlimited=True, used=12345),
               state(feature="seats", feature_type="configuration", limit=20),
               state(feature="zero", limit=0))
    assert len(got) == 1 and got[0].state == "unlimited"
    assert got[0].amount == "12,345 AI credits used · unlimited"
