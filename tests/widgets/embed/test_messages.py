"""The scripts that post a frame's events to the host page."""

import json
from datetime import UTC, datetime
from decimal import Decimal

from widgets.embed import messages


def test_emit_posts_json_that_cannot_break_out_of_the_script():
    script = messages.emit("planSelected", {"planId": "</script>\u2028'\"", "n": Decimal("1.5")})
    prefix = "window.TollgateFrame && window.TollgateFrame.emit(\"planSelected\", "
    assert script.startswith(prefix) and script.endswith(")")
    body = script[len(prefix):-1]
    assert body.isascii() and json.loads(body) == {"planId": "</script>\u2028'\"", "n": "1.5"}


def test_start_passes_the_verified_origin_and_the_expiry_in_milliseconds():
    at = datetime(2026, 1, 1, tzinfo=UTC)
    script = messages.start("https://app.example", "portal", at)
    assert script == ('window.TollgateFrame && window.TollgateFrame.start("https://app.example", '
                      f'{{"widget":"portal","expiresAt":{int(at.timestamp()) * 1000}}})')


def test_payloads_for_the_host():
    assert messages.plan_selected("pro", "annual", "upgrade", {"seats": 12}) == {
        "planId": "pro", "billingPeriod": "annual", "intent": "upgrade",
        "quantities": {"seats": 12}}
    assert messages.plan_selected("free", "monthly", "subscribe")["quantities"] == {}
    done = messages.checkout_completed({"subscription_id": "sub_1", "plan_id": "pro",
                                        "amount_charged": {"amount_minor": 1200}})
    assert done["subscriptionId"] == "sub_1" and done["amountCharged"] == {"amount_minor": 1200}
    assert done["invoiceId"] is None


def test_the_bridge_answers_only_the_verified_host():
    source = messages.bridge_script()
    assert "event.origin !== hostOrigin || event.source !== window.parent" in source
    assert "window.parent.postMessage(message, hostOrigin)" in source
    assert "new ResizeObserver(measure)" in source


def test_the_frame_wears_the_theme_of_its_verified_key():
    key = "tg_pk_a'\"\u2028"
    script = messages.wear_theme_of(key)
    assert script.startswith("""document.querySelectorAll('link[href*="/themes/published.css"]')""")
    assert script.isascii() and json.dumps({"key": key}) in script
