"""The CreditGrants widget: every grant of a credit currency the customer received, in a real
table with sortable column headings, status chips, cursor pagination ("Show more") and cards
on phones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import empty_state, sr_only, testid
from widgets._ui.live import keyed, live_config, status_body
from widgets.credits.grants_model import COLUMNS, NUMERIC, GrantRow
from widgets.credits.grants_state import DEFAULT_PAGE_SIZE, CreditGrantsState
from widgets.credits.grants_texts import grants_texts

MaybeVar = str | Var | None


def _align(column: str) -> str:
    return " tg-credit-grants-num" if column in NUMERIC else ""


def _heading(state: type[CreditGrantsState], column: str, label: str) -> rx.Component:
    active = state.sort_column == column
    icon = rx.cond(
        active,
        rx.cond(state.sort_desc, rx.icon("arrow-down", size=14), rx.icon("arrow-up", size=14)),
        rx.icon("arrow-up-down", size=14, class_name="tg-credit-grants-sort-idle"),
    )
    return rx.el.th(
        rx.el.button(
            rx.el.span(label),
            rx.el.span(icon, class_name="tg-credit-grants-sort-icon", aria_hidden="true"),
            type="button", on_click=state.sort_by(column),
            class_name=rx.cond(active, "tg-credit-grants-sort tg-credit-grants-sort-active",
                               "tg-credit-grants-sort"),
            custom_attrs=testid(f"sort-{column}"),
        ),
        scope="col", role="columnheader", class_name="tg-credit-grants-th" + _align(column),
        aria_sort=rx.cond(active, rx.cond(state.sort_desc, "descending", "ascending"), "none"),
    )


def _cell(label: str, *children: rx.Component | Var | str, column: str) -> rx.Component:
    return rx.el.td(*children, role="cell",
                    class_name=f"tg-credit-grants-td tg-credit-grants-col-{column}"
                    + _align(column), custom_attrs={"data-label": label})


def _row(row: Var[GrantRow], texts: Mapping[str, str]) -> rx.Component:
    return rx.el.tr(
        _cell(texts["col_received"], row.received, column="received"),
        _cell(texts["col_type"],
              rx.el.span(row.type_label, class_name="tg-credit-grants-type"),
              rx.cond(row.detail != "",
                      rx.el.span(row.detail, class_name="tg-credit-grants-detail")),
              column="type"),
        _cell(texts["col_status"],
              rx.el.span(row.status_label,
                         class_name="tg-chip tg-credit-grants-status tg-credit-grants-status-"
                         + row.status_kind, custom_attrs=testid("grant-status")),
              column="status"),
        _cell(texts["col_amount"], row.amount, column="amount"),
        _cell(texts["col_consumed"], row.consumed, column="consumed"),
        _cell(texts["col_remaining"],
              rx.el.span(
                  rx.el.span(row.remaining),
                  rx.el.span(rx.el.span(class_name="tg-credit-grants-meter-fill",
                                        style={"width": row.left}),
                             class_name="tg-credit-grants-meter", aria_hidden="true"),
                  class_name="tg-credit-grants-left"),
              column="remaining"),
        _cell(texts["col_expires"],
              rx.cond(row.never_expires,
                      rx.fragment(rx.el.span(row.expires, aria_hidden="true",
                                             class_name="tg-credit-grants-never"),
                                  sr_only(texts["never_label"])),
                      row.expires),
              column="expires"),
        class_name="tg-credit-grants-tr", role="row",
        custom_attrs={"data-testid": "grant-" + row.id, "data-status": row.status,
                      "data-type": row.type, "data-amount": row.amount_raw},
    )


def _table(state: type[CreditGrantsState], texts: Mapping[str, str]) -> rx.Component:
    caption = rx.el.caption(
        state.caption,
        rx.el.span(". " + texts["sort_hint"], class_name="tg-sr-only"),
        class_name="tg-credit-grants-table-caption",
    )
    return rx.el.div(
        rx.el.table(
            caption,
            rx.el.thead(rx.el.tr(*[_heading(state, c, texts[f"col_{c}"]) for c in COLUMNS],
                                 class_name="tg-credit-grants-head-row", role="row"),
                        role="rowgroup"),
            rx.el.tbody(rx.foreach(state.rows, lambda row: _row(row, texts)), role="rowgroup"),
            role="table", class_name="tg-credit-grants-table",
            custom_attrs=testid("credit-grants-table"),
        ),
        class_name="tg-credit-grants-table-wrap",
    )


def _footer(state: type[CreditGrantsState], texts: Mapping[str, str]) -> rx.Component:
    return rx.el.div(
        rx.el.span(state.count_text,
                   class_name="tg-credit-grants-count", aria_live="polite",
                   custom_attrs=testid("credit-grants-count")),
        rx.cond(state.has_more,
                rx.el.button(rx.cond(state.loading_more, texts["loading_more"],
                                     texts["show_more"]),
                             type="button", on_click=state.show_more,
                             disabled=state.loading_more,
                             class_name="tg-button tg-button-secondary tg-credit-grants-more",
                             custom_attrs=testid("credit-grants-more"))),
        rx.cond(state.more_error != "",
                rx.el.p(state.more_error, role="alert",
                        class_name="tg-credit-grants-notice-error")),
        class_name="tg-credit-grants-footer",
    )


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    return rx.el.div(
        sr_only(texts["loading"]),
        *[rx.el.div(class_name="tg-skeleton tg-credit-grants-skeleton-row", aria_hidden="true")
          for _ in range(4)],
        role="status", aria_busy="true", class_name="tg-credit-history-loading",
        custom_attrs=testid("loading"),
    )


def render(state: type[CreditGrantsState], texts: Mapping[str, str], uid: str,
           class_name: str) -> rx.Component:
    """The widget's view for one state class."""
    body = status_body(state, texts, _skeleton(texts), rx.cond(
        state.rows.length() > 0, rx.fragment(_table(state, texts), _footer(state, texts)),
        empty_state(texts["empty_title"], texts["empty_body"])))
    heading_id = f"{uid}-title"
    return rx.el.section(
        rx.el.div(rx.el.h3(texts["title"], id=heading_id, class_name="tg-credit-history-title"),
                  class_name="tg-credit-history-header"),
        body,
        class_name=f"tg-root tg-credit-history tg-credit-grants {class_name}".strip(),
        aria_labelledby=heading_id,
        on_mount=state.load, on_unmount=state.hide,
        custom_attrs={"data-testid": "credit-grants", "data-status": state.status,
                      "data-sort": state.sort_column + ":" + rx.cond(state.sort_desc, "desc",
                                                                     "asc")},
    )


class CreditGrantsWidget(CreditGrantsState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], class_name: str = "") -> rx.Component:
        cls.config = config
        uid = f"tg-credit-grants-{cls.get_full_name().split('.')[-1]}"
        return render(cls, cls.view_texts(config), uid, class_name)


def credit_grants(currency_id: str | Var, *, customer_id: MaybeVar = None,
                  customer_token: MaybeVar = None, locale: MaybeVar = None,
                  publishable_key: MaybeVar = None,
                  page_size: int = DEFAULT_PAGE_SIZE,
                  text_overrides: Mapping[str, str] | None = None,
                  texts_preview: bool = False, class_name: str = "") -> rx.Component:
    """Every grant of `currency_id` the customer received (newest first): when, type, status,
    amount, used, remaining and expiry; headings sort the loaded rows, "Show more" loads
    `page_size` more; refreshed every few seconds while shown. `customer_id` is a state var of
    your app read on the server (or pass a `customer_token`). `texts_preview` shows a theme
    draft's texts pushed with `widgets.preview_texts`.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears."""
    if not 1 <= page_size <= 100:
        raise ValueError("page_size must be between 1 and 100")
    grants_texts(text_overrides)
    inputs = {"currency_id": currency_id, "customer_id": customer_id,
              "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config = live_config(inputs, text_overrides, texts_preview, page_size=page_size)
    widget = CreditGrantsWidget.create(config=config, class_name=class_name)
    return keyed(widget, "tg-credit-grants", currency_id, customer_id, customer_token)


__all__ = ["CreditGrantsState", "credit_grants"]
