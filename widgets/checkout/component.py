"""The Checkout view: steps on the left, the live order summary on the right, and the loading,
error, success and unavailable states."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import empty_state, error_state, sr_only
from widgets.checkout import steps_view as steps
from widgets.checkout.model import SummaryLine
from widgets.checkout.state import CheckoutState
from widgets.checkout.steps_view import filled, form_id, testid


def _line(line: Var[SummaryLine]) -> rx.Component:
    return rx.el.li(
        rx.el.span(
            rx.el.span(line.label, class_name="tg-checkout-line-label"),
            rx.cond(line.detail, rx.el.span(line.detail, class_name="tg-checkout-line-detail")),
            class_name="tg-checkout-line-text",
        ),
        rx.el.span(line.amount, class_name="tg-checkout-line-amount"),
        class_name="tg-checkout-line tg-checkout-line-" + line.kind,
    )


def _promo(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    applied = rx.el.div(
        rx.el.span(rx.icon("tag", size=14, aria_hidden="true"), state.promo_code,
                   class_name="tg-chip tg-checkout-promo-chip"),
        rx.el.button(rx.icon("x", size=14, aria_hidden="true"), type="button",
                     on_click=state.remove_promo, class_name="tg-checkout-link",
                     aria_label=filled(texts["promo_remove"], code=state.promo_code),
                     custom_attrs=testid("promo-remove")),
        class_name="tg-checkout-promo-applied", custom_attrs=testid("promo-applied"),
    )
    entry = rx.el.form(
        rx.el.label(texts["promo_label"], html_for="tg-promo-" + state.get_name(),
                    class_name="tg-sr-only"),
        rx.el.input(id="tg-promo-" + state.get_name(), name="promo_code",
                    placeholder=texts["promo_label"], auto_complete="off",
                    aria_invalid=rx.cond(state.promo_error, "true", "false"),
                    aria_describedby="tg-promo-error-" + state.get_name(),
                    class_name="tg-checkout-input", custom_attrs=testid("promo-input")),
        rx.el.button(texts["promo_apply"], type="submit", class_name="tg-button tg-button-secondary",
                     custom_attrs=testid("promo-apply")),
        on_submit=state.apply_promo, reset_on_submit=False, class_name="tg-checkout-promo-form",
    )
    return rx.el.div(
        rx.cond(
            state.promo_code != "",
            applied,
            rx.cond(state.promo_open, entry,
                    rx.el.button(texts["promo_add"], type="button", on_click=state.open_promo,
                                 class_name="tg-checkout-link", custom_attrs=testid("promo-open"))),
        ),
        rx.el.p(state.promo_error, id="tg-promo-error-" + state.get_name(),
                class_name=rx.cond(state.promo_error, "tg-checkout-error", "tg-sr-only"),
                role="alert", custom_attrs=testid("promo-error")),
        class_name="tg-checkout-promo",
    )


def _cta(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    busy = rx.el.span(rx.el.span(class_name="tg-spinner", aria_hidden="true"),
                      texts["cta_processing"], class_name="tg-checkout-busy")
    return rx.cond(
        state.is_last_step,
        rx.el.button(
            rx.cond(state.submitting, busy, state.cta),
            type="submit", disabled=~state.cta_enabled | state.submitting,
            aria_disabled=rx.cond(state.submitting, "true", "false"),
            class_name="tg-button tg-checkout-cta",
            custom_attrs={"form": form_id(state), "data-testid": "checkout-confirm"},
        ),
        rx.el.button(texts["continue"], rx.icon("arrow-right", size=16, aria_hidden="true"),
                     type="button", on_click=state.next_step, class_name="tg-button tg-checkout-cta",
                     custom_attrs=testid("checkout-continue")),
    )


def summary(state: type[CheckoutState], texts: Mapping[str, str]) -> rx.Component:
    title_id = "tg-summary-title-" + state.get_name()
    totals = rx.el.div(
        rx.el.ul(rx.foreach(state.lines, _line), class_name="tg-checkout-lines"),
        rx.el.div(
            rx.el.span(texts["due_today"]),
            rx.el.strong(rx.cond(state.due_today, state.due_today, "—"),
                         custom_attrs=testid("due-today")),
            class_name="tg-checkout-total",
        ),
        rx.cond(state.next_charge, rx.el.p(state.next_charge, class_name="tg-checkout-next",
                                           custom_attrs=testid("next-charge"))),
        rx.foreach(state.notes, lambda note: rx.el.p(note, class_name="tg-checkout-note")),
        class_name=rx.cond(state.pricing, "tg-checkout-totals tg-checkout-totals-busy",
                           "tg-checkout-totals"),
        aria_busy=state.pricing,
    )
    return rx.el.aside(
        rx.el.div(
            rx.el.h3(texts["summary_title"], id=title_id, class_name="tg-checkout-summary-title"),
            rx.cond(state.pricing, rx.el.span(rx.el.span(class_name="tg-spinner",
                                                         aria_hidden="true"),
                                              texts["summary_updating"],
                                              class_name="tg-checkout-updating")),
            class_name="tg-checkout-summary-head",
        ),
        rx.el.p(state.plan_heading, class_name="tg-checkout-summary-plan"),
        rx.el.div(
            rx.cond(state.summary_error,
                    rx.el.p(rx.icon("circle-alert", size=16, aria_hidden="true"),
                            state.summary_error, class_name="tg-checkout-error",
                            custom_attrs=testid("summary-error")),
                    totals),
            role="status", aria_live="polite",
        ),
        _promo(state, texts),
        rx.cond(state.downgrade_note, rx.el.p(state.downgrade_note, class_name="tg-checkout-note")),
        rx.el.div(state.form_error, role="alert",
                  class_name=rx.cond(state.form_error, "tg-checkout-error", "tg-sr-only"),
                  custom_attrs=testid("checkout-error")),
        _cta(state, texts),
        rx.el.p(rx.icon("lock", size=12, aria_hidden="true"), texts["secure_note"],
                class_name="tg-checkout-secure"),
        class_name="tg-checkout-summary",
        aria_labelledby=title_id,
        custom_attrs=testid("order-summary"),
    )


def _main(state: type[CheckoutState], texts: Mapping[str, str], can_leave: bool) -> rx.Component:
    content = rx.match(
        state.step_id,
        ("plan", steps.plan_step(state, texts)),
        ("addons", steps.addons_step(state, texts)),
        ("payment", steps.payment_step(state, texts)),
        steps.review_step(state, texts),
    )
    return rx.el.div(
        rx.cond(can_leave, rx.el.button(rx.icon("arrow-left", size=16, aria_hidden="true"),
                                        texts["back_to_plans"], type="button",
                                        on_click=state.leave, class_name="tg-checkout-link",
                                        custom_attrs=testid("checkout-leave"))),
        steps.progress(state, texts),
        rx.el.header(
            rx.el.h2(state.plan_heading, class_name="tg-checkout-plan"),
            rx.cond(state.current_note, rx.el.p(state.current_note,
                                                class_name="tg-checkout-current")),
            rx.cond(state.plan_description, rx.el.p(state.plan_description,
                                                    class_name="tg-checkout-lead")),
            class_name="tg-checkout-head",
        ),
        rx.el.form(content, id=form_id(state), on_submit=state.confirm, reset_on_submit=False,
                   class_name="tg-checkout-step-body",
                   custom_attrs=testid("checkout-step-" + state.step_id)),
        rx.cond(state.step > 0,
                rx.el.button(rx.icon("arrow-left", size=16, aria_hidden="true"), texts["back"],
                             type="button", on_click=state.back,
                             class_name="tg-button tg-button-secondary tg-checkout-back",
                             custom_attrs=testid("checkout-back"))),
        class_name="tg-checkout-main",
    )


def _success(state: type[CheckoutState], texts: Mapping[str, str], can_continue: bool) -> rx.Component:
    return rx.el.div(
        rx.el.div(rx.icon("check", size=28, aria_hidden="true"), class_name="tg-checkout-success-icon"),
        rx.el.h2(state.success_title, class_name="tg-checkout-plan", tab_index=-1,
                 id="tg-success-" + state.get_name()),
        rx.el.p(state.success_body, class_name="tg-checkout-lead"),
        rx.cond(can_continue, rx.el.button(texts["success_continue"], type="button",
                                           on_click=state.finish,
                                           class_name="tg-button tg-checkout-cta",
                                           custom_attrs=testid("checkout-done"))),
        class_name="tg-checkout-success", role="status", aria_live="polite",
        custom_attrs=testid("checkout-success"),
    )


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    return rx.el.div(
        sr_only(texts["loading"]),
        rx.el.div(
            rx.el.div(class_name="tg-skeleton", style={"height": "20px", "width": "40%"}),
            rx.el.div(class_name="tg-skeleton", style={"height": "32px", "width": "60%"}),
            rx.el.div(class_name="tg-skeleton", style={"height": "88px"}),
            rx.el.div(class_name="tg-skeleton", style={"height": "88px"}),
            class_name="tg-checkout-main tg-checkout-skeleton",
        ),
        rx.el.div(
            rx.el.div(class_name="tg-skeleton", style={"height": "20px", "width": "50%"}),
            rx.el.div(class_name="tg-skeleton", style={"height": "120px"}),
            rx.el.div(class_name="tg-skeleton", style={"height": "44px"}),
            class_name="tg-checkout-summary tg-checkout-skeleton",
        ),
        class_name="tg-checkout-layout", role="status", aria_busy="true",
        custom_attrs=testid("loading"),
    )


def render(state: type[CheckoutState], *, texts: Mapping[str, str], can_leave: bool,
           can_continue: bool, class_name: str) -> rx.Component:
    body = rx.match(
        state.status,
        ("loading", _skeleton(texts)),
        ("error", error_state(texts["error_title"], texts["error_body"], state.error_detail,
                              texts["error_retry"], state.retry)),
        ("no_customer", empty_state(texts["no_customer_title"], texts["no_customer_body"])),
        ("unavailable", rx.el.div(
            empty_state(texts["plan_unavailable_title"], texts["plan_unavailable_body"]),
            rx.cond(can_leave, rx.el.button(texts["back_to_plans"], type="button",
                                            on_click=state.leave,
                                            class_name="tg-button tg-button-secondary")),
            class_name="tg-checkout-unavailable", custom_attrs=testid("unavailable"))),
        ("success", _success(state, texts, can_continue)),
        rx.el.div(_main(state, texts, can_leave), summary(state, texts),
                  class_name="tg-checkout-layout"),
    )
    return rx.el.section(
        body,
        class_name=f"tg-root tg-checkout {class_name}".strip(),
        on_mount=state.load,
        aria_label=texts["title"],
        custom_attrs={"data-testid": "checkout", "data-status": state.status},
    )


class CheckoutWidget(CheckoutState):
    """`CheckoutState` plus its view; `create(...)` makes an independent instance."""

    @classmethod
    def get_component(cls, *, config: dict[str, Any], **props: Any) -> rx.Component:
        cls.config = config
        return render(cls, texts=cls.view_texts(config),
                      can_leave=config.get("on_cancel") is not None,
                      can_continue=config.get("on_continue") is not None, **props)
