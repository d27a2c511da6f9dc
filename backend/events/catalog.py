"""The fixed catalog of domain event types, each with what it means.

A type is `<resource>.<what happened>` (or `<resource>.<part>.<what happened>`, e.g.
`credit.grant.created`). Code records only types listed here (`record` refuses
others), so this module is the complete list a consumer (or a future webhook endpoint) can
subscribe to. Add a type here before emitting it.
"""

from backend.errors import Invalid

EVENT_TYPES: dict[str, str] = {
    "customer.created": "A customer was provisioned.",
    "customer.updated": "A customer's contact details, locale or metadata changed.",
    "customer.archived": "A customer was archived; their history is kept.",
    "subscription.created": "A subscription was created (scheduled, trialing or active).",
    "subscription.updated": "A subscription's plan, period, quantities, add-ons or coupon changed.",
    "subscription.change_scheduled": "A change was scheduled for the end of the current period.",
    "subscription.change_canceled": "A scheduled change or cancellation was undone.",
    "subscription.cancel_scheduled": "A subscription will be canceled at the end of its period.",
    "subscription.canceled": "A subscription was canceled (immediately or at its period end); "
                             "`fallback_subscription_id` names the fallback plan's subscription, if any.",
    "subscription.started": "A scheduled subscription started at its `start_at`.",
    "subscription.migrated": "A subscription moved to the latest version of its plan.",
    "subscription.recovered": "A past-due subscription's open invoice was paid; it is active again.",
    "subscription.renewed": "A subscription entered a new billing period.",
    "subscription.past_due": "A renewal payment failed; the subscription is past due.",
    "subscription.expired": "A canceled or past-due subscription ended for good (`fallback_subscription_id` as above).",
    "trial.started": "A subscription started with a trial.",
    "trial.ending": "A trial ends soon (sent ahead of its end).",
    "trial.ended": "A trial ended: converted to paid or fell back per the product's rule.",
    "invoice.created": "An invoice was issued with its lines and totals.",
    "invoice.paid": "An invoice was paid in full.",
    "invoice.voided": "An invoice was voided; nothing is owed on it.",
    "invoice.marked_uncollectible": "An open invoice was marked uncollectible; it stays unpaid.",
    "payment.succeeded": "A payment for an invoice went through.",
    "payment.failed": "A payment for an invoice was declined or failed.",
    "coupon.redeemed": "A coupon code was redeemed.",
    "plan.published": "A plan's draft was published as its new live version.",
    "entitlement.usage_threshold": "A metered feature's usage crossed a warning threshold.",
    "entitlement.usage_exceeded": "A metered feature's usage reached its limit.",
    "entitlement.promotion_granted": "A promotional entitlement was granted to a customer.",
    "entitlement.promotion_revoked": "A promotional entitlement was revoked before its end.",
    "credit.grant.created": "Credits were granted to a customer (paid, promotional, recurring "
                            "from a plan, or an automatic recharge).",
    "credit.grant.expired": "The unused credits of a grant expired at its expiry time.",
    "credit.grant.voided": "A grant was voided; its unused credits left the balance.",
    "credit.balance.low": "A customer's credit balance fell below the threshold (once per "
                          "crossing).",
    "credit.recharge.succeeded": "An automatic recharge bought credits with the default card.",
    "credit.recharge.failed": "An automatic recharge failed (payment declined, no card, or the "
                              "monthly limit reached); consumption continued.",
    "webhook_endpoint.disabled": "A webhook endpoint was disabled after failing for days; "
                                 "`reason` says why. Re-enable it once it answers again.",
}


def is_known(event_type: str) -> bool:
    return event_type in EVENT_TYPES


def expand(filters: list[str], field: str = "type") -> list[str]:
    """Catalog types matching the filters: exact types, or prefixes like `subscription.`

    (`subscription.*` too). A filter that matches nothing in the catalog is a 422 on `field`.
    """
    matched: list[str] = []
    for raw in filters:
        value = raw.strip().removesuffix("*")
        if value.endswith("."):
            found = [t for t in EVENT_TYPES if t.startswith(value)]
        else:
            found = [value] if value in EVENT_TYPES else []
        if not found:
            raise Invalid(f"'{raw}' is no event type or prefix (see GET /api/v1/events/types)",
                          field=field)
        matched += [t for t in found if t not in matched]
    return matched
