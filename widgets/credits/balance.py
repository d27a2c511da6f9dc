"""The CreditBalance view: the remaining credits as a big number with a bar against the credits
in force, the next expiry, scheduled credits and an honest overdraft; "Add credits" opens a
dialog that buys a pack or a custom amount with the customer's saved card."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import empty_state, skeleton_lines, sr_only, testid
from widgets._ui.live import keyed, live_config, status_body
from widgets.credits.balance_state import CUSTOM, BalanceState
from widgets.credits.model import PurchaseOption
from widgets.credits.texts import balance_texts

MaybeVar = str | Var | None


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    return skeleton_lines(texts["loading"], "tg-credits-skeleton-number",
                          "tg-credits-skeleton-bar", "tg-credits-skeleton-line",
                          class_name="tg-credits-skeleton", test_id="credit-balance-loading")


def _line(icon: str, text: Var, test_id: str) -> rx.Component:
    return rx.cond(text != "", rx.el.p(
        rx.icon(icon, size=16, aria_hidden="true", class_name="tg-credits-line-icon"),
        rx.el.span(text), class_name="tg-credits-line", custom_attrs=testid(test_id)))


def _figures(state: type[BalanceState], texts: Mapping[str, str]) -> rx.Component:
    v = state.view
    chip = rx.match(
        v.state,
        ("overdraft", rx.el.span(texts["overdraft_title"],
                                 class_name="tg-chip tg-credits-chip-danger")),
        ("low", rx.el.span(texts["low"], class_name="tg-chip tg-credits-chip-warning")),
        rx.fragment(),
    )
    return rx.fragment(
        rx.el.div(
            rx.el.p(
                rx.cond(v.symbol != "", rx.el.span(v.symbol, class_name="tg-credits-symbol",
                                                   aria_hidden="true")),
                rx.el.span(v.amount, class_name="tg-credits-amount",
                           custom_attrs=testid("credit-amount")),
                rx.el.span(v.units, class_name="tg-credits-units"),
                sr_only(" " + texts["remaining"]),
                role="status", aria_live="polite", aria_atomic="true",
                class_name="tg-credits-figure",
            ),
            chip,
            class_name="tg-credits-figure-row",
        ),
        rx.el.div(
            rx.el.div(class_name="tg-credits-fill", style={"width": v.width}),
            class_name="tg-credits-bar", role="progressbar", aria_label=texts["bar_label"],
            aria_valuemin=0, aria_valuemax=v.value_max, aria_valuenow=v.value_now,
            aria_valuetext=v.progress, custom_attrs=testid("credit-bar"),
        ),
        rx.el.p(v.progress, class_name="tg-credits-progress"),
        rx.cond(v.overdraft != "", rx.el.p(
            rx.icon("circle-alert", size=16, aria_hidden="true"), rx.el.span(v.overdraft),
            class_name="tg-credits-alert", custom_attrs=testid("credit-overdraft"))),
        rx.el.div(
            _line("hourglass", v.expiry, "credit-expiry"),
            _line("calendar-clock", v.scheduled, "credit-scheduled"),
            class_name="tg-credits-lines",
        ),
    )


def _option(state: type[BalanceState], option: Var[PurchaseOption]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="radio", name="credits", value=option.value,
                    checked=state.choice == option.value, on_change=state.choose(option.value),
                    class_name="tg-credits-option-input",
                    custom_attrs=testid("credit-option-" + option.value)),
        rx.el.span(option.label, class_name="tg-credits-option-title"),
        rx.el.span(option.price, class_name="tg-credits-option-price"),
        class_name="tg-credits-option",
    )


def _custom_field(state: type[BalanceState], texts: Mapping[str, str], uid: str) -> rx.Component:
    field_id, error_id = f"{uid}-custom", f"{uid}-custom-error"
    return rx.el.div(
        rx.el.label(texts["custom_label"], html_for=field_id, class_name="tg-credits-label"),
        rx.el.div(
            rx.el.input(id=field_id, name="custom", type="text", input_mode="numeric",
                        auto_complete="off", placeholder=texts["custom_placeholder"],
                        default_value=state.custom, on_change=state.set_custom, auto_focus=True,
                        aria_invalid=rx.cond(state.custom_error != "", "true", "false"),
                        aria_describedby=error_id, class_name="tg-credits-input",
                        custom_attrs=testid("credit-custom-input")),
            rx.el.span(state.unit_plural, class_name="tg-credits-affix", aria_hidden="true"),
            class_name="tg-credits-input-group",
        ),
        rx.el.p(state.custom_error, id=error_id, aria_live="polite",
                class_name=rx.cond(state.custom_error != "", "tg-credits-field-error",
                                   "tg-sr-only"),
                custom_attrs=testid("credit-custom-error")),
        class_name="tg-credits-field",
    )


def _dialog(state: type[BalanceState], texts: Mapping[str, str], uid: str) -> rx.Component:
    custom = rx.el.label(
        rx.el.input(type="radio", name="credits", value=CUSTOM, checked=state.choice == CUSTOM,
                    on_change=state.choose(CUSTOM), class_name="tg-credits-option-input",
                    custom_attrs=testid("credit-option-custom")),
        rx.el.span(texts["custom"], class_name="tg-credits-option-title"),
        class_name="tg-credits-option",
    )
    summary = rx.el.dl(
        rx.el.div(rx.el.dt(texts["total"]),
                  rx.el.dd(rx.cond(state.total != "", state.total, "—"),
                           class_name="tg-credits-total", custom_attrs=testid("credit-total")),
                  class_name="tg-credits-summary-row"),
        rx.el.div(rx.el.dt(texts["pay_with"]),
                  rx.el.dd(rx.icon("credit-card", size=16, aria_hidden="true"), state.card,
                           class_name="tg-credits-card", custom_attrs=testid("credit-card")),
                  class_name="tg-credits-summary-row"),
        class_name="tg-credits-summary",
    )
    form = rx.el.form(
        rx.el.fieldset(
            rx.el.legend(texts["options_legend"], class_name="tg-credits-legend"),
            rx.el.div(rx.foreach(state.options, lambda o: _option(state, o)), custom,
                      class_name="tg-credits-options"),
            class_name="tg-credits-fieldset",
        ),
        rx.cond(state.choice == CUSTOM, _custom_field(state, texts, uid)),
        summary,
        rx.cond(~state.has_card & (state.card != ""),
                rx.el.p(texts["no_card_body"], class_name="tg-credits-hint")),
        rx.cond(state.buy_error != "", rx.el.p(
            rx.icon("circle-alert", size=16, aria_hidden="true"), rx.el.span(state.buy_error),
            role="alert", class_name="tg-credits-error", custom_attrs=testid("credit-buy-error"))),
        rx.el.div(
            rx.dialog.close(rx.el.button(texts["cancel"], type="button", disabled=state.busy,
                                         class_name="tg-button tg-button-secondary")),
            rx.el.button(rx.cond(state.busy, texts["buying"], state.buy_text), type="submit",
                         disabled=state.busy | ~state.has_card,
                         aria_busy=rx.cond(state.busy, "true", "false"),
                         class_name="tg-button tg-credits-primary",
                         custom_attrs=testid("credit-buy")),
            class_name="tg-credits-actions",
        ),
        on_submit=state.buy, reset_on_submit=False, class_name="tg-credits-form",
    )
    body_id = f"{uid}-dialog-body"
    return rx.dialog.content(
        rx.dialog.title(texts["dialog_title"], class_name="tg-credits-dialog-title"),
        rx.el.p(texts["dialog_body"], id=body_id, class_name="tg-credits-muted"),
        form,
        aria_describedby=body_id, class_name="tg-root tg-credits-dialog",
        custom_attrs=testid("credit-dialog"),
    )


def render(state: type[BalanceState], texts: Mapping[str, str], *, show_add_credits: bool,
           class_name: str) -> rx.Component:
    uid = state.__name__.lower()
    add = rx.dialog.trigger(rx.el.button(
        rx.icon("plus", size=16, aria_hidden="true"), texts["add_credits"], type="button",
        class_name="tg-button tg-button-secondary tg-credits-add",
        custom_attrs=testid("add-credits")))
    header = rx.el.div(
        rx.el.h3(texts["title"], id=f"{uid}-title", class_name="tg-credits-title"),
        rx.cond(state.can_buy & (state.status == "ready"), add)
        if show_add_credits else rx.fragment(),
        class_name="tg-credits-head",
    )
    body = status_body(state, texts, _skeleton(texts), rx.cond(
        state.view.is_empty, empty_state(texts["empty_title"], texts["empty_body"]),
        _figures(state, texts)))
    notice = rx.el.p(state.notice, role="status",
                     class_name=rx.cond(state.notice != "", "tg-credits-notice", "tg-sr-only"),
                     custom_attrs=testid("credit-notice"))
    return rx.dialog.root(
        rx.el.section(
            header, body, notice,
            class_name=("tg-root tg-credits tg-credits-balance tg-credits-" + state.view.state
                        + f" {class_name}").strip(),
            on_mount=state.load, on_unmount=state.hide, aria_labelledby=f"{uid}-title",
            custom_attrs={"data-testid": "credit-balance", "data-status": state.status,
                          "data-state": state.view.state},
        ),
        _dialog(state, texts, uid) if show_add_credits else rx.fragment(),
        open=state.dialog_open, on_open_change=state.set_dialog_open,
    )


class BalanceWidget(BalanceState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], show_add_credits: bool = True,
                      class_name: str = "") -> rx.Component:
        cls.config = config
        return render(cls, cls.view_texts(config), show_add_credits=show_add_credits,
                      class_name=class_name)


def credit_balance(currency_id: str | Var, *, customer_id: MaybeVar = None,
                   customer_token: MaybeVar = None, locale: MaybeVar = None,
                   publishable_key: MaybeVar = None,
                   text_overrides: Mapping[str, str] | None = None, show_add_credits: bool = True,
                   on_purchase: Callable[..., Any] | None = None,
                   texts_preview: bool = False, class_name: str = "") -> rx.Component:
    """The customer's remaining credits of `currency_id`: a big number with the unit name, a
    bar against the credits in force, the next expiry, scheduled credits and any overdraft,
    refreshed every few seconds while shown.

    With `show_add_credits` (and a price on the currency) an "Add credits" dialog buys a pack
    or a custom amount with the customer's default card; `on_purchase(result)` is then called
    with `{currency_id, credits, grant_id, cost, balance}`. `customer_id` is a state var of
    your app read on the server (or pass a `customer_token` your server issued).
    `texts_preview` shows a theme draft's texts pushed with `widgets.preview_texts`.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears.
    """
    balance_texts(text_overrides)
    inputs = {"currency_id": currency_id, "customer_id": customer_id,
              "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config = live_config(inputs, text_overrides, texts_preview,
                         show_add_credits=show_add_credits,
                         on_purchase=on_purchase)
    widget = BalanceWidget.create(config=config, show_add_credits=show_add_credits,
                                  class_name=class_name)
    return keyed(widget, "tg-credit-balance", currency_id, customer_id, customer_token)
