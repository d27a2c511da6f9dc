"""Pure: the scripts a hosted page's state runs in the frame (`rx.call_script`), which load the
bridge (frame.js) and post the widget's events to the verified host page through it.

Messages to the host are `{source: "tollgate", type, ...payload}`; types: ready, resize,
planSelected, checkoutCompleted, tokenExpiring, error."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from widgets._ui.styles import relink_published_css

BRIDGE = Path(__file__).with_name("frame.js")


@cache
def bridge_script() -> str:
    """The bridge's source (installs `window.TollgateFrame` once per frame)."""
    return BRIDGE.read_text()


def _json(value: Any) -> str:
    """JSON for a script: ASCII only, so nothing in a value can end the expression."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"), default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"not JSON: {type(value).__name__}")


def emit(kind: str, payload: Mapping[str, Any] | None = None) -> str:
    """Post one message to the host page (a no-op until the bridge is started)."""
    return f"window.TollgateFrame && window.TollgateFrame.emit({_json(kind)}, " \
           f"{_json(dict(payload or {}))})"


def start(origin: str, widget: str, expires_at: datetime | None = None) -> str:
    """Start talking to `origin` (verified by the backend): queued and later messages, sizes,
    and `tokenExpiring` a minute before `expires_at`."""
    info = {"widget": widget,
            "expiresAt": int(expires_at.timestamp() * 1000) if expires_at else None}
    return f"window.TollgateFrame && window.TollgateFrame.start({_json(origin)}, {_json(info)})"


def wear_theme_of(key: str) -> str:
    """Point the page's published-theme stylesheet at the environment of `key` (the frame's
    verified publishable key), so the widget wears that environment's theme."""
    return relink_published_css(key=key)


def plan_selected(plan_id: str, billing_period: str, intent: str,
                  quantities: Mapping[str, int] | None = None) -> dict[str, Any]:
    """The paywall's plan choice as the host page receives it."""
    return {"planId": plan_id, "billingPeriod": billing_period, "intent": intent,
            "quantities": {str(k): int(v) for k, v in (quantities or {}).items()}}


CHECKOUT_FIELDS = {"subscription_id": "subscriptionId", "plan_id": "planId",
                   "plan_name": "planName", "billing_period": "billingPeriod",
                   "change": "change", "effective": "effective", "invoice_id": "invoiceId",
                   "amount_charged": "amountCharged"}


def checkout_completed(result: Mapping[str, Any]) -> dict[str, Any]:
    """The checkout's result (`on_checkout_completed`) as the host page receives it."""
    return {camel: result.get(snake) for snake, camel in CHECKOUT_FIELDS.items()}
