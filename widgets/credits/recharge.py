"""The AutoRecharge view: a status card (on or off, what it does, this month's spend against
the limit, the last recharge) whose "Manage" button reveals the settings form in place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import skeleton_lines, testid
from widgets._ui.live import keyed, live_config, status_body
from widgets.credits.recharge_state import RechargeState
from widgets.credits.texts import recharge_texts

MaybeVar = str | Var | None


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    return skeleton_lines(texts["loading"], "tg-credits-skeleton-line", "tg-credits-skeleton-bar",
                          "tg-credits-skeleton-line tg-credits-skeleton-short",
                          class_name="tg-credits-skeleton", test_id="recharge-loading")


def _status(state: type[RechargeState], texts: Mapping[str, str]) -> rx.Component:
    v = state.view
    spend = rx.cond(
        v.has_limit,
        rx.el.div(
            rx.el.p(v.spend, class_name="tg-credits-progress",
                    custom_attrs=testid("recharge-spend")),
            rx.el.div(
                rx.el.div(class_name="tg-credits-fill", style={"width": v.spend_width}),
                class_name="tg-credits-bar tg-credits-spend-" + v.spend_state,
                role="progressbar", aria_label=texts["spend_label"], aria_valuemin=0,
                aria_valuemax=v.spend_max, aria_valuenow=v.spend_now, aria_valuetext=v.spend,
            ),
            class_name="tg-credits-spend",
        ),
        rx.cond(v.spend != "", rx.el.p(v.spend, class_name="tg-credits-progress",
                                       custom_attrs=testid("recharge-spend"))),
    )
    last = rx.cond(v.last != "", rx.el.p(
        rx.el.span(v.last_status_label,
                   class_name="tg-chip tg-credits-chip-" + v.last_status),
        rx.el.span(v.last),
        class_name="tg-credits-last", custom_attrs=testid("recharge-last")))
    return rx.fragment(
        rx.el.p(v.summary, role="status", class_name="tg-credits-summary-text",
                custom_attrs=testid("recharge-summary")),
        rx.cond(v.enabled, rx.fragment(spend, last), last),
    )


def _field(state: type[RechargeState], uid: str, name: str, label: str, *,
           hint: str | Var = "", placeholder: str = "", before: rx.Component | None = None,
           after: rx.Component | None = None, input_mode: str = "decimal") -> rx.Component:
    field_id, hint_id, error_id = f"{uid}-{name}", f"{uid}-{name}-hint", f"{uid}-{name}-error"
    error = state.errors[name]
    return rx.el.div(
        rx.el.label(label, html_for=field_id, class_name="tg-credits-label"),
        rx.el.div(
            before or rx.fragment(),
            rx.el.input(id=field_id, name=name, type="text", input_mode=input_mode,
                        auto_complete="off", default_value=state.values[name],
                        placeholder=placeholder,
                        on_change=lambda value: state.edit(name, value),
                        aria_invalid=rx.cond(error != "", "true", "false"),
                        aria_describedby=f"{error_id} {hint_id}",
                        class_name="tg-credits-input",
                        custom_attrs=testid(f"recharge-{name}")),
            after or rx.fragment(),
            class_name="tg-credits-input-group",
        ),
        rx.el.p(error, id=error_id, aria_live="polite",
                class_name=rx.cond(error != "", "tg-credits-field-error", "tg-sr-only"),
                custom_attrs=testid(f"recharge-{name}-error")),
        rx.el.p(hint, id=hint_id, class_name="tg-credits-hint"),
        class_name="tg-credits-field",
    )


def _affix(text: str | Var) -> rx.Component:
    return rx.el.span(text, class_name="tg-credits-affix", aria_hidden="true")


def _form(state: type[RechargeState], texts: Mapping[str, str], uid: str) -> rx.Component:
    enabled = state.values["enabled"] != ""
    switch = rx.el.label(
        rx.el.input(type="checkbox", role="switch", checked=enabled, on_change=state.toggle,
                    class_name="tg-credits-switch-input", aria_describedby=f"{uid}-on-hint",
                    custom_attrs=testid("recharge-enabled")),
        rx.el.span(rx.el.span(class_name="tg-credits-switch-thumb"),
                   class_name="tg-credits-switch-track", aria_hidden="true"),
        rx.el.span(rx.el.span(texts["enabled"], class_name="tg-credits-switch-label"),
                   rx.el.span(texts["enabled_hint"], id=f"{uid}-on-hint",
                              class_name="tg-credits-hint"),
                   class_name="tg-credits-switch-text"),
        class_name="tg-credits-switch",
    )
    kind = rx.el.select(
        rx.el.option(texts["type_credits"], value="credits"),
        rx.el.option(state.amount_label, value="amount"),
        value=state.values["threshold_type"],
        on_change=lambda value: state.edit("threshold_type", value),
        aria_label=texts["threshold_type"], class_name="tg-credits-select",
        custom_attrs=testid("recharge-threshold_type"),
    )
    fields = rx.el.fieldset(
        rx.el.legend(texts["form_title"], class_name="tg-sr-only"),
        rx.el.div(
            _field(state, uid, "threshold", texts["threshold"],
                   placeholder=texts["threshold_placeholder"], after=kind),
            _field(state, uid, "target", texts["target"], hint=state.target_hint,
                   placeholder=texts["target_placeholder"],
                   after=_affix(state.unit_plural)),
            _field(state, uid, "limit", texts["limit"], hint=texts["limit_hint"],
                   placeholder=texts["limit_placeholder"],
                   before=rx.cond(state.currency_symbol != state.currency_code,
                                  _affix(state.currency_symbol)),
                   after=_affix(state.currency_code)),
            _field(state, uid, "expiry", texts["expiry"], hint=texts["expiry_hint"],
                   after=_affix(texts["days"]), input_mode="numeric"),
            class_name="tg-credits-fields",
        ),
        disabled=~enabled, class_name="tg-credits-fieldset",
    )
    return rx.el.form(
        rx.el.h4(texts["form_title"], class_name="tg-credits-form-title"),
        switch,
        fields,
        rx.el.div(
            rx.cond(state.warnings.length() > 0, rx.el.ul(
                rx.foreach(state.warnings, lambda w: rx.el.li(
                    rx.icon("triangle-alert", size=16, aria_hidden="true"), rx.el.span(w))),
                class_name="tg-credits-warnings")),
            role="status", class_name="tg-credits-live",
            custom_attrs=testid("recharge-warnings")),
        rx.cond(state.form_error != "", rx.el.p(
            rx.icon("circle-alert", size=16, aria_hidden="true"), rx.el.span(state.form_error),
            role="alert", class_name="tg-credits-error", custom_attrs=testid("recharge-error"))),
        rx.el.div(
            rx.el.button(texts["cancel"], type="button", on_click=state.close_form,
                         disabled=state.busy, class_name="tg-button tg-button-secondary",
                         custom_attrs=testid("recharge-cancel")),
            rx.el.button(rx.cond(state.busy, texts["saving"], texts["save"]), type="submit",
                         disabled=state.busy, aria_busy=rx.cond(state.busy, "true", "false"),
                         class_name="tg-button tg-credits-primary",
                         custom_attrs=testid("recharge-save")),
            class_name="tg-credits-actions",
        ),
        id=f"{uid}-form", on_submit=state.save, reset_on_submit=False, no_validate=True,
        class_name="tg-credits-form tg-credits-recharge-form",
        custom_attrs=testid("recharge-form"),
    )


def render(state: type[RechargeState], texts: Mapping[str, str],
           class_name: str) -> rx.Component:
    uid = state.__name__.lower()
    v = state.view
    chip = rx.cond(v.configured, rx.el.span(
        rx.cond(v.enabled, texts["active"], texts["off"]),
        class_name=rx.cond(v.enabled, "tg-chip tg-credits-chip-succeeded",
                           "tg-chip tg-credits-chip-neutral"),
        custom_attrs=testid("recharge-chip")))
    manage = rx.cond(
        v.available & ~state.form_open & (state.status == "ready"),
        rx.el.button(rx.icon("settings-2", size=16, aria_hidden="true"),
                     rx.cond(v.configured, texts["manage"], texts["set_up"]),
                     type="button", on_click=state.open_form, aria_controls=f"{uid}-form",
                     aria_expanded=rx.cond(state.form_open, "true", "false"),
                     class_name="tg-button tg-button-secondary",
                     custom_attrs=testid("recharge-manage")))
    header = rx.el.div(
        rx.el.div(rx.el.h3(texts["title"], id=f"{uid}-title", class_name="tg-credits-title"),
                  rx.cond(state.status == "ready", chip), class_name="tg-credits-title-row"),
        manage,
        class_name="tg-credits-head",
    )
    body = status_body(state, texts, _skeleton(texts), rx.fragment(
        _status(state, texts), rx.cond(state.form_open, _form(state, texts, uid))))
    return rx.el.section(
        header, body,
        rx.el.p(state.notice, role="status",
                class_name=rx.cond(state.notice != "", "tg-credits-notice", "tg-sr-only"),
                custom_attrs=testid("recharge-notice")),
        class_name=f"tg-root tg-credits tg-credits-recharge {class_name}".strip(),
        on_mount=state.load, on_unmount=state.hide, aria_labelledby=f"{uid}-title",
        custom_attrs={"data-testid": "auto-recharge", "data-status": state.status,
                      "data-enabled": rx.cond(v.enabled, "true", "false")},
    )


class RechargeWidget(RechargeState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], class_name: str = "") -> rx.Component:
        cls.config = config
        return render(cls, cls.view_texts(config), class_name)


def auto_recharge(currency_id: str | Var, *, customer_id: MaybeVar = None,
                  customer_token: MaybeVar = None, locale: MaybeVar = None,
                  publishable_key: MaybeVar = None,
                  text_overrides: Mapping[str, str] | None = None,
                  on_saved: Callable[..., Any] | None = None,
                  texts_preview: bool = False, class_name: str = "") -> rx.Component:
    """Automatic recharge of `currency_id` for the customer: a status card (on or off, the
    threshold and target, this month's spend against the limit, the last recharge) and a
    "Manage" form to switch it on, set the threshold, target balance, monthly spending limit
    and how long recharged credits last. Values are checked before saving; the API's field
    errors appear next to the same fields. `on_saved(settings)` is called after a save.
    `customer_id` is a state var of your app read on the server (or pass a
    `customer_token`). `texts_preview` shows a theme draft's texts pushed with
    `widgets.preview_texts`.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears."""
    recharge_texts(text_overrides)
    inputs = {"currency_id": currency_id, "customer_id": customer_id,
              "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config = live_config(inputs, text_overrides, texts_preview, on_saved=on_saved)
    widget = RechargeWidget.create(config=config, class_name=class_name)
    return keyed(widget, "tg-auto-recharge", currency_id, customer_id, customer_token)
