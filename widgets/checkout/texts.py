"""Default texts of the Checkout widget; any of them can be replaced with `text_overrides`.

Placeholders in braces are filled in by the widget: `{plan}`, `{amount}`, `{date}`, `{period}`,
`{units}`, `{min}`, `{max}`, `{brand}`, `{last4}`, `{month}`, `{year}`, `{code}`, `{days}`,
`{number}`, `{detail}`.
"""

from __future__ import annotations

from collections.abc import Mapping

from widgets._ui.texts import fill, merge

DEFAULT_TEXTS: dict[str, str] = {
    "title": "Checkout",
    "loading": "Loading checkout…",
    "error_title": "We couldn't load checkout",
    "error_body": "Nothing was charged. Check your connection and try again.",
    "error_retry": "Try again",
    "no_customer_title": "Sign in to check out",
    "no_customer_body": "Checkout needs a signed-in customer.",
    "plan_unavailable_title": "This plan is no longer available",
    "plan_unavailable_body": "Pick another plan from the pricing page. Nothing was charged.",
    "back_to_plans": "Back to plans",
    "step_plan": "Plan",
    "step_addons": "Add-ons",
    "step_payment": "Payment",
    "step_review": "Review",
    "steps_label": "Checkout steps",
    "step_status": "Step {number} of {total}",
    "plan_heading": "{plan} plan",
    "change_current": "Currently on {plan}",
    "period_title": "Billing cycle",
    "period_monthly": "Monthly",
    "period_annual": "Annual",
    "period_monthly_note": "{amount} / month",
    "period_annual_note": "{amount} / month, billed yearly",
    "save_percent": "Save {percent}%",
    "quantity_title": "How many {units}?",
    "quantity_decrease": "One {unit} less",
    "quantity_increase": "One {unit} more",
    "addons_title": "Add-ons",
    "addons_lead": "Extend your plan. You can change these any time.",
    "addon_add": "Add",
    "addon_remove": "Remove",
    "addon_quantity": "Quantity of {name}",
    "payment_title": "Payment method",
    "saved_card": "{brand} ending in {last4}",
    "card_expires": "Expires {month}/{year}",
    "card_default": "Default",
    "new_card": "New card",
    "card_number": "Card number",
    "card_expiry": "Expiry (MM/YY)",
    "card_cvc": "CVC",
    "test_card_hint": "Test mode: use 4242 4242 4242 4242 with any future date and any CVC. "
                      "4000 0000 0000 0002 is declined.",
    "card_required": "Enter a card number, expiry and CVC.",
    "card_expiry_invalid": "Enter the expiry as MM/YY.",
    "no_payment_needed": "No payment method needed: nothing is charged for this change.",
    "summary_title": "Order summary",
    "summary_updating": "Updating…",
    "summary_error": "We couldn't price this order: {detail}",
    "due_today": "Total due today",
    "then_billed": "Then {amount} {period}, from {date}",
    "billed_monthly": "per month",
    "billed_quarterly": "per quarter",
    "billed_annual": "per year",
    "effective_later": "Your change takes effect at the end of your billing period, on {date}. "
                       "Nothing is charged today.",
    "credit_note": "{amount} for unused time goes to your account balance and pays your next "
                   "invoices.",
    "trial_note": "Your {days}-day trial starts today. You won't be charged until {date}.",
    "promo_add": "Add promotion code",
    "promo_label": "Promotion code",
    "promo_apply": "Apply",
    "promo_remove": "Remove code {code}",
    "promo_applied": "{code} applied",
    "promo_expired": "This code has expired.",
    "promo_not_found": "We don't recognise this code.",
    "promo_not_applicable_to_plan": "This code doesn't apply to the {plan} plan.",
    "promo_limit_reached": "This code has been used up.",
    "promo_currency_not_supported": "This code can't be used in this currency.",
    "promo_archived": "This code is no longer valid.",
    "promo_other": "This code can't be used: {detail}",
    "continue": "Continue",
    "back": "Back",
    "cta_subscribe": "Subscribe",
    "cta_trial": "Start {days}-day trial",
    "cta_upgrade": "Upgrade now",
    "cta_update": "Update subscription",
    "cta_schedule": "Schedule change",
    "cta_downgrade_free": "Downgrade to {plan}",
    "cta_no_changes": "No changes",
    "cta_processing": "Processing…",
    "declined": "Your card was declined ({detail}). Nothing was charged: try another card.",
    "failed": "We couldn't complete your order: {detail}",
    "success_title": "You're on {plan}",
    "success_scheduled_title": "Change scheduled",
    "success_charged": "We charged {amount} to {card}. Receipt: invoice #{number}.",
    "success_free": "Nothing was charged today.",
    "success_scheduled": "Your subscription changes to {plan} on {date}.",
    "success_continue": "Go to your account",
    "downgrade_title": "Switch to {plan}",
    "downgrade_current": "Current plan",
    "downgrade_new": "New plan",
    "downgrade_note": "You keep everything in {current} until {date}. After that you're on {plan}.",
}


def merge_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Defaults with `overrides` applied; an unknown key raises so typos fail loudly."""
    return merge(DEFAULT_TEXTS, overrides, "checkout")


__all__ = ["DEFAULT_TEXTS", "fill", "merge_texts"]
