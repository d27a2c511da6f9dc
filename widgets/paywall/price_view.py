"""The price block of a plan card: headline, unit text, seat input, tier selector, total."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets.paywall.state import PaywallState
from widgets.paywall.view import PlanCard


def _testid(value: str | Var, **extra: Any) -> dict[str, Any]:
    return {"data-testid": value, **extra}


def _headline(card: Var[PlanCard]) -> rx.Component:
    return rx.fragment(
        rx.el.p(
            rx.cond(card.starts_at, card.starts_at, "\u00a0"),
            class_name=rx.cond(card.starts_at, "tg-starts-at", "tg-starts-at tg-starts-at-empty"),
            aria_hidden=rx.cond(card.starts_at, "false", "true"),
        ),
        rx.el.p(
            rx.el.span(card.price, class_name="tg-price-amount"),
            rx.el.span(card.price_caption, class_name="tg-price-caption"),
            class_name="tg-price",
            custom_attrs=_testid("price-" + card.id),
        ),
    )


def _usage(card: Var[PlanCard]) -> rx.Component:
    return rx.cond(
        card.usage_captions.length() > 0,
        rx.el.ul(
            rx.foreach(card.usage_captions,
                       lambda line: rx.el.li(line, class_name="tg-usage-caption")),
            class_name="tg-usage-captions",
            custom_attrs=_testid("usage-" + card.id),
        ),
    )


def _stepper_button(card: Var[PlanCard], state: type[PaywallState], delta: int) -> rx.Component:
    return rx.el.button(
        rx.icon("minus" if delta < 0 else "plus", size=16, aria_hidden="true"),
        type="button",
        on_click=state.step_quantity(card.id, delta),
        disabled=~(card.can_decrease if delta < 0 else card.can_increase),
        aria_label=card.decrease_label if delta < 0 else card.increase_label,
        aria_controls="tg-qty-" + card.id,
        class_name="tg-stepper-button",
        custom_attrs=_testid(("qty-dec-" if delta < 0 else "qty-inc-") + card.id),
    )


def _quantity(card: Var[PlanCard], state: type[PaywallState]) -> rx.Component:
    input_id = "tg-qty-" + card.id
    hint_id = "tg-qty-hint-" + card.id
    field = rx.debounce_input(
        rx.el.input(
            id=input_id,
            type="number",
            input_mode="numeric",
            min=card.quantity_min,
            max=rx.cond(card.quantity_max > 0, card.quantity_max.to_string(), ""),
            step=1,
            value=card.quantity_text,
            on_change=lambda value: state.type_quantity(card.id, value),
            on_blur=lambda value: state.commit_quantity(card.id, value),
            aria_describedby=hint_id + " tg-total-" + card.id,
            aria_invalid=rx.cond(card.estimate_error, "true", "false"),
            class_name="tg-stepper-input",
            custom_attrs=_testid("qty-" + card.id),
        ),
        debounce_timeout=300,
    )
    return rx.el.div(
        rx.el.div(
            rx.el.label(card.quantity_label, html_for=input_id, class_name="tg-qty-label"),
            rx.el.span(card.quantity_hint, id=hint_id, class_name="tg-qty-hint"),
            class_name="tg-qty-head",
        ),
        rx.el.div(
            _stepper_button(card, state, -1),
            field,
            _stepper_button(card, state, 1),
            class_name="tg-stepper",
        ),
        class_name="tg-qty",
    )


def _tiers(card: Var[PlanCard]) -> rx.Component:
    return rx.cond(
        card.tiers.length() > 0,
        rx.el.div(
            rx.el.p(card.tiers_title, id="tg-tiers-title-" + card.id, class_name="tg-tiers-title"),
            rx.el.ul(
                rx.foreach(
                    card.tiers,
                    lambda tier: rx.el.li(
                        rx.el.span(tier.label, class_name="tg-tier-label"),
                        rx.el.span(tier.price, class_name="tg-tier-price"),
                        class_name=rx.cond(tier.active, "tg-tier tg-tier-active", "tg-tier"),
                        aria_current=rx.cond(tier.active, "true", "false"),
                        custom_attrs={"data-active": rx.cond(tier.active, "true", "false")},
                    ),
                ),
                class_name="tg-tiers",
                aria_labelledby="tg-tiers-title-" + card.id,
            ),
            class_name="tg-tier-selector",
            custom_attrs=_testid("tiers-" + card.id),
        ),
    )


def _total(card: Var[PlanCard], texts: Mapping[str, Any]) -> rx.Component:
    return rx.el.div(
        rx.el.p(
            rx.el.span(card.total, class_name="tg-total-amount"),
            rx.cond(card.total_note,
                    rx.el.span(card.total_note, class_name="tg-total-note")),
            rx.cond(card.estimating,
                    rx.el.span(rx.el.span(class_name="tg-spinner", aria_hidden="true"),
                               rx.el.span(texts["total_updating"], class_name="tg-sr-only"),
                               class_name="tg-total-updating")),
            class_name=rx.cond(card.estimating, "tg-total tg-total-busy", "tg-total"),
            id="tg-total-" + card.id,
            custom_attrs=_testid("total-" + card.id,
                                 **{"data-busy": rx.cond(card.estimating, "true", "false")}),
        ),
        rx.cond(
            card.estimate_error,
            rx.el.p(rx.icon("circle-alert", size=14, aria_hidden="true"),
                    rx.el.span(card.estimate_error),
                    class_name="tg-total-error", role="alert",
                    custom_attrs=_testid("total-error-" + card.id)),
        ),
        aria_live="polite",
        class_name="tg-total-block",
    )


def price_block(card: Var[PlanCard], state: type[PaywallState],
                texts: Mapping[str, Any]) -> rx.Component:
    """Everything between a card's header and its button."""
    return rx.el.div(
        _headline(card),
        rx.cond(card.price_note, rx.el.p(card.price_note, class_name="tg-price-note")),
        _usage(card),
        rx.cond(
            card.has_quantity,
            rx.el.div(_quantity(card, state), _tiers(card), _total(card, texts),
                      class_name="tg-configurator"),
        ),
        class_name="tg-plan-pricing",
    )
