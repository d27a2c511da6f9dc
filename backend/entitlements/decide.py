"""Pure access decisions: may this customer use this feature, this much, this value?

One reason from a fixed set explains every denial. Metered features compare current usage plus
the requested amount (1 unless given) with the limit; soft limits and unlimited always allow.
Configuration features compare a requested amount with their value, enum features a requested
value with the allowed set; booleans allow when granted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from backend.entitlements.combine import Effective

DenialReason = Literal[
    "customer_not_found",
    "customer_archived",
    "feature_not_found",
    "no_active_subscription",
    "no_feature_entitlement",
    "usage_limit_exceeded",
    "value_not_allowed",
    "feature_type_mismatch",
]
DENIAL_REASONS: tuple[str, ...] = DenialReason.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Decision:
    has_access: bool
    reason: str | None = None
    limit: int | None = None
    unlimited: bool = False
    soft_limit: bool = False
    current_usage: int = 0
    requested_usage: int | None = None
    enum_values: tuple[str, ...] | None = None


def denied(reason: str, **extra) -> Decision:
    return Decision(False, reason, **extra)


def decide(feature_type: str, effective: Effective | None, *, usage: int = 0,
           requested_usage: int | None = None, requested_value: str | None = None) -> Decision:
    """The decision for one feature of a known, subscribed customer."""
    if effective is None:
        return denied("no_feature_entitlement", current_usage=usage,
                      requested_usage=requested_usage)
    shown = dict(limit=effective.limit, unlimited=effective.unlimited,
                 soft_limit=effective.soft_limit, current_usage=usage,
                 enum_values=effective.enum_values)
    if feature_type == "boolean":
        if requested_usage is not None or requested_value is not None:
            return denied("feature_type_mismatch", **shown)
        return Decision(True, **shown)
    if feature_type == "enum":
        if requested_usage is not None:
            return denied("feature_type_mismatch", **shown)
        allowed = requested_value is None or requested_value in (effective.enum_values or ())
        return Decision(True, **shown) if allowed else denied("value_not_allowed", **shown)
    if requested_value is not None:
        return denied("feature_type_mismatch", **shown)
    if feature_type == "metered":
        wanted = 1 if requested_usage is None else requested_usage
        ok = effective.unlimited or effective.soft_limit or \
            usage + wanted <= (effective.limit or 0)
        result = Decision(ok, None if ok else "usage_limit_exceeded", **{
            **shown, "requested_usage": wanted})
        return result
    # configuration: a value such as a storage cap; a requested amount must fit in it
    if requested_usage is None or effective.unlimited or requested_usage <= (effective.limit or 0):
        return Decision(True, requested_usage=requested_usage, **shown)
    return denied("usage_limit_exceeded", requested_usage=requested_usage, **shown)
