"""The CustomerPortal's sections, each usable on its own: overview (with scheduled changes and
the cancel dialog), what's included, add-ons and promotions, payment method, invoices."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets.portal.model import InvoiceRow, Line
from widgets.portal.state import PortalState

SECTIONS = ("overview", "usage", "included", "addons", "payment", "invoices", "plans")


def testid(value: str | Var) -> dict[str, Any]:
    return {"data-testid": value}


def card(title: str, *children: rx.Component, name: str) -> rx.Component:
    heading_id = f"tg-portal-{name}-title"
    return rx.el.section(
        rx.el.h3(title, id=heading_id, class_name="tg-portal-section-title"),
        *children,
        class_name=f"tg-portal-card tg-portal-{name}",
        aria_labelledby=heading_id,
        custom_attrs=testid(f"portal-{name}"),
    )


def _bill(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    o = state.overview
    return rx.cond(
        o.bill_amount != "",
        rx.el.div(
            rx.el.span(texts["next_bill"], class_name="tg-portal-label"),
            rx.el.div(
                rx.el.strong(o.bill_amount, class_name="tg-portal-amount",
                             custom_attrs=testid("next-bill")),
                rx.el.span(o.bill_when, class_name="tg-portal-muted"),
                class_name="tg-portal-bill-line",
            ),
            rx.el.details(
                rx.el.summary(texts["next_bill_details"], class_name="tg-portal-summary"),
                rx.el.ul(rx.foreach(state.bill_lines, lambda line: rx.el.li(
                    rx.el.span(line.label), rx.el.span(line.amount, class_name="tg-portal-num"),
                    class_name="tg-portal-bill-row")), class_name="tg-portal-bill-rows"),
            ),
            class_name="tg-portal-bill",
        ),
        rx.el.div(
            rx.el.span(texts["no_bill"], class_name="tg-portal-label"),
            rx.el.p(o.no_bill, class_name="tg-portal-muted", custom_attrs=testid("no-bill")),
            class_name="tg-portal-bill",
        ),
    )


def _scheduled(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    s = state.scheduled
    return rx.cond(
        s.title != "",
        rx.el.div(
            rx.icon("calendar-clock", size=18, aria_hidden="true", class_name="tg-portal-alert-icon"),
            rx.el.div(
                rx.el.strong(s.title),
                rx.cond(s.body != "", rx.el.p(s.body, class_name="tg-portal-alert-body")),
                rx.el.ul(rx.foreach(state.scheduled_entries, lambda item: rx.el.li(
                    rx.el.span(item.label), rx.el.span(" · " + item.amount,
                                                       class_name="tg-portal-muted"))),
                         class_name="tg-portal-alert-list"),
                class_name="tg-portal-alert-text",
            ),
            rx.el.button(rx.cond(s.is_cancel, texts["keep"], texts["undo"]), type="button",
                         on_click=state.undo, disabled=state.busy,
                         class_name="tg-button tg-button-secondary",
                         custom_attrs=testid("undo")),
            class_name="tg-portal-alert", role="region", aria_label=s.title,
            custom_attrs=testid("scheduled"),
        ),
    )


def _reason(state: type[PortalState], option: Var[Line]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="radio", name="reason", value=option.amount,
                    checked=state.cancel_reason == option.amount,
                    on_change=state.choose_reason(option.amount),
                    custom_attrs=testid("reason-" + option.amount)),
        rx.el.span(option.label),
        class_name="tg-portal-reason",
    )


def _cancel_dialog(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(rx.el.button(texts["cancel"], type="button",
                                       class_name="tg-portal-danger-link",
                                       custom_attrs=testid("cancel-open"))),
        rx.dialog.content(
            rx.dialog.title(texts["cancel_title"], class_name="tg-portal-dialog-title"),
            rx.dialog.description(texts["cancel_body"], class_name="tg-portal-muted"),
            rx.el.form(
                rx.el.fieldset(
                    rx.el.legend(texts["cancel_reason"], class_name="tg-portal-label"),
                    rx.foreach(state.cancel_reasons, lambda o: _reason(state, o)),
                    class_name="tg-portal-reasons",
                ),
                rx.el.label(texts["cancel_comment"], html_for="tg-cancel-comment",
                            class_name="tg-portal-label"),
                rx.el.textarea(id="tg-cancel-comment", name="comment", rows=3, max_length=1000,
                               class_name="tg-portal-input tg-portal-textarea"),
                rx.cond(state.cancel_sentence != "",
                        rx.el.p(state.cancel_sentence, class_name="tg-portal-note",
                                custom_attrs=testid("cancel-preview"))),
                rx.cond(state.cancel_error != "",
                        rx.el.p(state.cancel_error, role="alert", class_name="tg-portal-error",
                                custom_attrs=testid("cancel-error"))),
                rx.el.div(
                    rx.dialog.close(rx.el.button(texts["cancel_keep"], type="button",
                                                 class_name="tg-button tg-button-secondary")),
                    rx.el.button(texts["cancel_confirm"], type="submit", disabled=state.busy,
                                 class_name="tg-button tg-portal-danger",
                                 custom_attrs=testid("cancel-confirm")),
                    class_name="tg-portal-dialog-actions",
                ),
                on_submit=state.confirm_cancel, reset_on_submit=False,
                class_name="tg-portal-dialog-form",
            ),
            class_name="tg-root tg-portal-dialog",
            custom_attrs=testid("cancel-dialog"),
        ),
        open=state.cancel_open, on_open_change=state.set_cancel_open,
    )


def overview(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    o = state.overview
    return card(
        texts["section_overview"],
        rx.el.div(
            rx.el.div(
                rx.el.h4(o.plan, class_name="tg-portal-plan", custom_attrs=testid("plan-name")),
                rx.el.span(o.status, class_name="tg-chip tg-portal-status tg-portal-status-"
                           + o.status_kind, custom_attrs=testid("status")),
                class_name="tg-portal-plan-row",
            ),
            rx.el.p(o.period, rx.cond(o.quantities != "", " · " + o.quantities, ""),
                    class_name="tg-portal-muted"),
            rx.cond(o.trial != "", rx.el.p(o.trial, class_name="tg-portal-trial")),
            rx.cond(o.warning != "", rx.el.p(o.warning, role="alert",
                                              class_name="tg-portal-error")),
            class_name="tg-portal-plan-block",
        ),
        _scheduled(state, texts),
        _bill(state, texts),
        rx.cond(o.credit != "", rx.el.p(o.credit, class_name="tg-portal-note")),
        rx.cond(o.can_cancel, _cancel_dialog(state, texts)),
        name="overview",
    )


def _list(items: Var[list[str]], empty: str, icon: str) -> rx.Component:
    return rx.cond(
        items.length() > 0,
        rx.el.ul(rx.foreach(items, lambda text: rx.el.li(
            rx.icon(icon, size=16, aria_hidden="true", class_name="tg-portal-check"),
            rx.el.span(text), class_name="tg-portal-item")), class_name="tg-portal-items"),
        rx.el.p(empty, class_name="tg-portal-muted"),
    )


def included(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    return card(texts["section_included"], _list(state.included, "", "check"), name="included")


def addons(state: type[PortalState], texts: Mapping[str, str], *,
           with_plans: bool = True) -> rx.Component:
    """Add-ons and promotions; without the plans section the empty text points nowhere."""
    return card(
        texts["section_addons"],
        _list(state.addons, texts["no_addons" if with_plans else "no_addons_yet"], "plus"),
        rx.el.h4(texts["section_promotions"], class_name="tg-portal-subtitle"),
        _list(state.promotions, texts["no_promotions"], "tag"),
        name="addons",
    )


def payment(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    def field(label: str, name: str, placeholder: str, autocomplete: str) -> rx.Component:
        return rx.el.div(
            rx.el.label(label, html_for=f"tg-portal-{name}", class_name="tg-portal-label"),
            rx.el.input(id=f"tg-portal-{name}", name=name, placeholder=placeholder,
                        auto_complete=autocomplete, input_mode="numeric",
                        class_name="tg-portal-input", custom_attrs=testid(f"portal-{name}")),
            class_name="tg-portal-field",
        )

    form = rx.el.form(
        field(texts["card_number"], "card_number", "4242 4242 4242 4242", "cc-number"),
        rx.el.div(field(texts["card_expiry"], "card_expiry", "12 / 28", "cc-exp"),
                  field(texts["card_cvc"], "card_cvc", "123", "cc-csc"),
                  class_name="tg-portal-row"),
        rx.el.p(texts["test_card_hint"], class_name="tg-portal-muted tg-portal-small"),
        rx.cond(state.card_error != "", rx.el.p(state.card_error, role="alert",
                                                 class_name="tg-portal-error",
                                                 custom_attrs=testid("card-error"))),
        rx.el.div(
            rx.el.button(texts["card_cancel"], type="button", on_click=state.toggle_card_form,
                         class_name="tg-button tg-button-secondary"),
            rx.el.button(texts["card_save"], type="submit", disabled=state.busy,
                         class_name="tg-button tg-portal-primary",
                         custom_attrs=testid("card-save")),
            class_name="tg-portal-dialog-actions",
        ),
        on_submit=state.save_card, reset_on_submit=False, class_name="tg-portal-card-form",
    )
    return card(
        texts["section_payment"],
        rx.el.div(
            rx.icon("credit-card", size=20, aria_hidden="true", class_name="tg-portal-card-icon"),
            rx.el.div(rx.el.strong(state.card, custom_attrs=testid("card-label")),
                      rx.el.span(state.card_expiry, class_name="tg-portal-muted"),
                      class_name="tg-portal-card-text"),
            rx.cond(~state.card_form_open,
                    rx.el.button(rx.cond(state.has_card, texts["change_card"], texts["add_card"]),
                                 type="button", on_click=state.toggle_card_form,
                                 class_name="tg-button tg-button-secondary",
                                 custom_attrs=testid("card-change"))),
            class_name="tg-portal-card-row",
        ),
        rx.cond(state.card_form_open, form),
        name="payment",
    )


def _invoice(row: Var[InvoiceRow]) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row.number, class_name="tg-portal-num"),
        rx.el.td(row.date),
        rx.el.td(row.description),
        rx.el.td(row.amount, class_name="tg-portal-num tg-portal-right"),
        rx.el.td(rx.el.span(row.status, class_name="tg-chip tg-portal-invoice-" + row.status_kind)),
        custom_attrs=testid("invoice-" + row.id),
    )


def invoices(state: type[PortalState], texts: Mapping[str, str]) -> rx.Component:
    table = rx.el.div(
        rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(texts[k], scope="col", class_name=c) for k, c in (
                ("invoice_number", ""), ("invoice_date", ""), ("invoice_description", ""),
                ("invoice_amount", "tg-portal-right"), ("invoice_status", ""))])),
            rx.el.tbody(rx.foreach(state.invoices, _invoice)),
            class_name="tg-portal-table",
        ),
        class_name="tg-portal-table-wrap",
    )
    return card(
        texts["section_invoices"],
        rx.cond(state.invoices.length() > 0, table,
                rx.el.p(texts["no_invoices"], class_name="tg-portal-muted")),
        rx.cond(state.more_invoices,
                rx.el.button(texts["more_invoices"], type="button",
                             on_click=state.show_more_invoices,
                             class_name="tg-button tg-button-secondary")),
        name="invoices",
    )
