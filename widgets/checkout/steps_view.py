"""The left column of Checkout: progress, plan and billing cycle, add-ons, payment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets.checkout.model import AddonRow, CardOption, PeriodOption, QuantityView, StepView
from widgets.checkout.state import CheckoutState


def testid(value: str | Var) -> dict[str, Any]:
    return {"data-testid": value}


def filled(template: Any, **values: Any) -> Var:
    """A text (a string or a text Var) with `{placeholders}` filled by Vars, in the browser."""
    text = Var.create(template).to(str)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def form_id(state: type[CheckoutState]) -> str:
    return f"tg-checkout-form-{state.get_name()}"


def progress(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    """Numbered steps; finished ones can be revisited. Hidden when there is only one."""

    def item(step: Var[StepView], index: Var[int]) -> rx.Component:
        marker = rx.el.span(
            rx.cond(step.state == "done", rx.icon("check", size=14, aria_hidden="true"),
                    step.number),
            class_name="tg-checkout-step-marker", aria_hidden="true",
        )
        label = rx.el.span(step.label, class_name="tg-checkout-step-label")
        return rx.el.li(
            rx.cond(
                step.state == "done",
                rx.el.button(marker, label, type="button", on_click=state.go_to_step(index),
                             class_name="tg-checkout-step-button",
                             custom_attrs=testid("step-" + step.id)),
                rx.el.span(marker, label, class_name="tg-checkout-step-static",
                           aria_current=rx.cond(step.state == "current", "step", None),
                           custom_attrs=testid("step-" + step.id)),
            ),
            class_name="tg-checkout-step tg-checkout-step-" + step.state,
        )

    return rx.cond(
        state.steps.length() > 1,
        rx.el.nav(
            rx.el.ol(rx.foreach(state.steps, item), class_name="tg-checkout-steps"),
            aria_label=texts["steps_label"],
            class_name="tg-checkout-progress",
        ),
    )


def _period_option(state: type[CheckoutState], option: Var[PeriodOption]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="radio", name=f"tg-period-{state.get_name()}", value=option.id,
                    checked=option.selected, on_change=state.select_period(option.id),
                    class_name="tg-checkout-option-input",
                    custom_attrs=testid("checkout-period-" + option.id)),
        rx.el.span(
            rx.el.span(option.label, class_name="tg-checkout-option-title"),
            rx.cond(option.badge, rx.el.span(option.badge, class_name="tg-savings-badge")),
            class_name="tg-checkout-option-head",
        ),
        rx.el.span(option.note, class_name="tg-checkout-option-note"),
        class_name="tg-checkout-option",
    )


def _quantity(state: type[CheckoutState], q: Var[QuantityView]) -> rx.Component:
    input_id = "tg-checkout-qty-" + q.feature_id

    def button(delta: int) -> rx.Component:
        return rx.el.button(
            rx.icon("minus" if delta < 0 else "plus", size=16, aria_hidden="true"),
            type="button", on_click=state.step_quantity(q.feature_id, delta),
            disabled=~(q.can_decrease if delta < 0 else q.can_increase),
            aria_label=q.decrease_label if delta < 0 else q.increase_label,
            aria_controls=input_id, class_name="tg-stepper-button",
            custom_attrs=testid(("checkout-qty-dec-" if delta < 0 else "checkout-qty-inc-")
                                + q.feature_id),
        )

    return rx.el.div(
        rx.el.div(
            rx.el.label(q.title, html_for=input_id, class_name="tg-qty-label"),
            rx.el.span(q.hint, class_name="tg-qty-hint"),
            class_name="tg-qty-head",
        ),
        rx.el.div(
            button(-1),
            rx.debounce_input(
                rx.el.input(id=input_id, type="number", input_mode="numeric", min=q.minimum,
                            step=1, value=q.text,
                            on_change=lambda value: state.type_quantity(q.feature_id, value),
                            class_name="tg-stepper-input",
                            custom_attrs=testid("checkout-qty-" + q.feature_id)),
                debounce_timeout=400,
            ),
            button(1),
            class_name="tg-stepper",
        ),
        class_name="tg-qty tg-checkout-qty",
    )


def plan_step(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    return rx.fragment(
        rx.cond(
            state.periods.length() > 1,
            rx.el.fieldset(
                rx.el.legend(texts["period_title"], class_name="tg-checkout-legend"),
                rx.el.div(rx.foreach(state.periods, lambda o: _period_option(state, o)),
                          class_name="tg-checkout-options"),
                class_name="tg-checkout-fieldset",
            ),
        ),
        rx.foreach(state.quantities, lambda q: _quantity(state, q)),
    )


def _addon(state: type[CheckoutState], row: Var[AddonRow],
           texts: Mapping[str, str]) -> rx.Component:
    control = rx.cond(
        row.added,
        rx.cond(
            row.single,
            rx.el.button(rx.icon("check", size=16, aria_hidden="true"), texts["addon_added"],
                         type="button", on_click=state.toggle_addon(row.id), aria_pressed="true",
                         aria_label=filled(texts["addon_remove_label"], name=row.name),
                         class_name="tg-button tg-checkout-addon-added",
                         custom_attrs=testid("addon-toggle-" + row.id)),
            rx.el.div(
                rx.el.button(rx.icon("minus", size=16, aria_hidden="true"), type="button",
                             on_click=state.step_addon(row.id, -1), class_name="tg-stepper-button",
                             aria_label=filled(texts["addon_less"], name=row.name),
                             custom_attrs=testid("addon-dec-" + row.id)),
                rx.el.span(row.quantity, class_name="tg-checkout-addon-qty",
                           aria_label=row.quantity_label, role="status"),
                rx.el.button(rx.icon("plus", size=16, aria_hidden="true"), type="button",
                             on_click=state.step_addon(row.id, 1), disabled=~row.can_increase,
                             class_name="tg-stepper-button",
                             aria_label=filled(texts["addon_more"], name=row.name),
                             custom_attrs=testid("addon-inc-" + row.id)),
                class_name="tg-stepper",
            ),
        ),
        rx.el.button(rx.icon("plus", size=16, aria_hidden="true"), texts["addon_add"],
                     type="button", on_click=state.toggle_addon(row.id), aria_pressed="false",
                     aria_label=filled(texts["addon_add_label"], name=row.name),
                     class_name="tg-button tg-button-secondary",
                     custom_attrs=testid("addon-toggle-" + row.id)),
    )
    return rx.el.li(
        rx.el.div(
            rx.el.span(row.name, class_name="tg-checkout-addon-name"),
            rx.cond(row.description, rx.el.span(row.description,
                                                class_name="tg-checkout-addon-desc")),
            rx.el.span(row.price, class_name="tg-checkout-addon-price"),
            class_name="tg-checkout-addon-text",
        ),
        control,
        class_name=rx.cond(row.added, "tg-checkout-addon tg-checkout-addon-on",
                           "tg-checkout-addon"),
        custom_attrs=testid("addon-" + row.id),
    )


def addons_step(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    return rx.el.div(
        rx.el.p(texts["addons_lead"], class_name="tg-checkout-lead"),
        rx.el.ul(rx.foreach(state.addons, lambda r: _addon(state, r, texts)),
                 class_name="tg-checkout-addons"),
    )


def _saved_card(state: type[CheckoutState], card: Var[CardOption],
                texts: Mapping[str, str]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="radio", name=f"tg-pay-{state.get_name()}", value=card.id,
                    checked=state.payment_choice == card.id,
                    on_change=state.choose_payment(card.id), class_name="tg-checkout-option-input",
                    custom_attrs=testid("card-" + card.id)),
        rx.icon("credit-card", size=18, class_name="tg-checkout-card-icon", aria_hidden="true"),
        rx.el.span(
            rx.el.span(card.label, class_name="tg-checkout-option-title"),
            rx.el.span(card.expiry, class_name="tg-checkout-option-note"),
            class_name="tg-checkout-card-text",
        ),
        rx.cond(card.is_default, rx.el.span(texts["card_default"],
                                                class_name="tg-chip tg-current-chip")),
        class_name="tg-checkout-option tg-checkout-card",
    )


def _field(label: str, name: str, placeholder: str, autocomplete: str, width: str = "") -> rx.Component:
    field_id = f"tg-{name}"
    return rx.el.div(
        rx.el.label(label, html_for=field_id, class_name="tg-checkout-label"),
        rx.el.input(id=field_id, name=name, placeholder=placeholder, auto_complete=autocomplete,
                    input_mode="numeric", class_name="tg-checkout-input",
                    custom_attrs=testid(name)),
        class_name=f"tg-checkout-field {width}".strip(),
    )


def payment_step(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    new_card = rx.el.div(
        _field(texts["card_number"], "card_number", "4242 4242 4242 4242", "cc-number"),
        rx.el.div(
            _field(texts["card_expiry"], "card_expiry", "12 / 28", "cc-exp"),
            _field(texts["card_cvc"], "card_cvc", "123", "cc-csc"),
            class_name="tg-checkout-row",
        ),
        rx.el.p(rx.icon("info", size=14, aria_hidden="true"), texts["test_card_hint"],
                class_name="tg-checkout-hint"),
        class_name="tg-checkout-new-card",
    )
    return rx.el.fieldset(
        rx.el.legend(texts["payment_title"], class_name="tg-checkout-legend"),
        rx.el.div(
            rx.foreach(state.cards, lambda c: _saved_card(state, c, texts)),
            rx.el.label(
                rx.el.input(type="radio", name=f"tg-pay-{state.get_name()}", value="new",
                            checked=state.payment_choice == "new",
                            on_change=state.choose_payment("new"),
                            class_name="tg-checkout-option-input",
                            custom_attrs=testid("card-new")),
                rx.icon("plus", size=18, class_name="tg-checkout-card-icon", aria_hidden="true"),
                rx.el.span(texts["new_card"], class_name="tg-checkout-option-title"),
                class_name="tg-checkout-option tg-checkout-card",
            ),
            class_name="tg-checkout-options tg-checkout-options-stack",
        ),
        rx.cond(state.payment_choice == "new", new_card),
        rx.cond(state.card_error,
                rx.el.p(rx.icon("circle-alert", size=16, aria_hidden="true"), state.card_error,
                        class_name="tg-checkout-error", role="alert",
                        custom_attrs=testid("card-error"))),
        class_name="tg-checkout-fieldset",
    )


def review_step(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    """The last step of a change to a free plan: current versus new plan."""
    return rx.cond(
        state.is_downgrade_free,
        rx.el.div(
            rx.el.div(
                rx.el.span(texts["downgrade_current"], class_name="tg-checkout-compare-label"),
                rx.el.strong(state.current_plan_name),
                class_name="tg-checkout-compare-item",
            ),
            rx.icon("arrow-right", size=18, aria_hidden="true", class_name="tg-checkout-arrow"),
            rx.el.div(
                rx.el.span(texts["downgrade_new"], class_name="tg-checkout-compare-label"),
                rx.el.strong(state.plan_heading),
                class_name="tg-checkout-compare-item",
            ),
            class_name="tg-checkout-compare",
            custom_attrs=testid("downgrade-compare"),
        ),
        rx.el.p(texts["no_payment_needed"], class_name="tg-checkout-lead"),
    )
