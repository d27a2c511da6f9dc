"""The usage bars widget: state (loads through the customer-token API, refreshes while shown)
and view (a labelled progress bar per metered feature; loading, empty and error states)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, ClassVar

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import empty_state, error_state, sr_only
from widgets._ui.format import format_date
from widgets._ui.live import LiveWidget
from widgets.usage.model import DEFAULT_TEXTS, UsageRow, rows


class UsageState(LiveWidget):
    """Re-reads usage every few seconds while the widget is shown (bounded in time)."""

    subject: ClassVar[str] = "usage"
    text_kind: ClassVar[str] = "usage_bars"
    text_defaults: ClassVar[Mapping[str, str]] = DEFAULT_TEXTS
    log: ClassVar[logging.Logger] = logging.getLogger(__name__)

    usage: rx.Field[list[UsageRow]] = rx.field(default_factory=list)

    def _no_customer(self) -> None:
        self.status, self.usage = "ready", []

    async def _fetch(self, quiet: bool = False) -> None:
        data = await self._read(lambda c: c.get_my_entitlements(), quiet)
        if data is None:
            return
        locale = self._locale()
        texts = self._texts()
        self.usage = rows(data.entitlements, locale, lambda d: format_date(d, locale), texts)
        self._ready()


def _row(row: Var[UsageRow]) -> rx.Component:
    return rx.el.li(
        rx.el.div(
            rx.el.span(row.name, class_name="tg-usage-name"),
            rx.el.span(row.amount, class_name="tg-usage-amount"),
            class_name="tg-usage-head",
        ),
        rx.cond(
            row.state != "unlimited",
            rx.el.div(
                rx.el.div(class_name="tg-usage-fill", style={"width": row.width}),
                class_name="tg-usage-bar", role="progressbar", aria_label=row.bar_label,
                aria_valuemin=0, aria_valuemax=row.value_max, aria_valuenow=row.value_now,
                aria_valuetext=row.amount,
            ),
        ),
        rx.el.div(
            rx.el.span(row.note, class_name="tg-usage-note"),
            rx.el.span(row.reset, class_name="tg-usage-reset"),
            class_name="tg-usage-foot",
        ),
        class_name="tg-usage-row tg-usage-" + row.state,
        custom_attrs={"data-testid": "usage-" + row.feature_id, "data-state": row.state},
    )


def render(state: type[UsageState], texts: Mapping[str, Any], title: bool,
           class_name: str) -> rx.Component:
    body = rx.match(
        state.status,
        ("loading", rx.el.div(sr_only(texts["loading"]),
                              rx.el.div(class_name="tg-skeleton tg-usage-skeleton"),
                              rx.el.div(class_name="tg-skeleton tg-usage-skeleton"),
                              role="status", aria_busy="true")),
        ("error", error_state(texts["error_title"], texts["error_body"], state.error_detail,
                              texts["error_retry"], state.retry)),
        rx.cond(state.usage.length() > 0,
                rx.el.ul(rx.foreach(state.usage, _row), class_name="tg-usage-list"),
                empty_state(texts["empty_title"], texts["empty_body"])),
    )
    return rx.el.section(
        rx.cond(title, rx.el.h3(texts["title"], class_name="tg-usage-title")),
        body,
        class_name=f"tg-root tg-usage {class_name}".strip(),
        on_mount=state.load, on_unmount=state.hide,
        aria_label=texts["title"],
        custom_attrs={"data-testid": "usage", "data-status": state.status},
    )


class UsageWidget(UsageState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], title: bool = True,
                      class_name: str = "") -> rx.Component:
        cls.config = config
        return render(cls, cls.view_texts(config), title, class_name)
