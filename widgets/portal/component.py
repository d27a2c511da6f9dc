"""The CustomerPortal view: the sections in order, a notice line, and the loading, error and
no-customer states."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx

from widgets._ui.feedback import empty_state, error_state, sr_only
from widgets.portal import sections
from widgets.portal.sections import card, testid
from widgets.portal.state import PortalState


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    block = rx.el.div(
        rx.el.div(class_name="tg-skeleton", style={"height": "18px", "width": "30%"}),
        rx.el.div(class_name="tg-skeleton", style={"height": "28px", "width": "55%"}),
        rx.el.div(class_name="tg-skeleton", style={"height": "64px"}),
        class_name="tg-portal-card tg-portal-skeleton",
    )
    return rx.el.div(sr_only(texts["loading"]), block, block, role="status", aria_busy="true",
                     class_name="tg-portal-grid", custom_attrs=testid("loading"))


def render(state: type[PortalState], *, texts: Mapping[str, str], shown: tuple[str, ...],
           usage: rx.Component | None, plans: rx.Component | None,
           class_name: str) -> rx.Component:
    parts: list[rx.Component] = []
    if "overview" in shown:
        parts.append(rx.cond(state.overview.has_subscription, sections.overview(state, texts),
                             card(texts["section_overview"],
                                  empty_state(texts["empty_title"], texts["empty_body"]),
                                  name="overview")))
    if "usage" in shown and usage is not None:
        parts.append(card(texts["section_usage"], usage, name="usage"))
    if "included" in shown:
        parts.append(rx.cond(state.included.length() > 0, sections.included(state, texts)))
    if "addons" in shown:
        parts.append(rx.cond(state.overview.has_subscription, sections.addons(
            state, texts, with_plans="plans" in shown and plans is not None)))
    if "payment" in shown:
        parts.append(sections.payment(state, texts))
    if "invoices" in shown:
        parts.append(sections.invoices(state, texts))
    ready = rx.fragment(
        rx.el.p(state.notice, role="status", aria_live="polite",
                class_name=rx.cond(state.notice != "", "tg-portal-notice", "tg-sr-only"),
                custom_attrs=testid("portal-notice")),
        rx.cond(state.action_error != "",
                rx.el.p(state.action_error, role="alert", class_name="tg-portal-error")),
        rx.el.div(*parts, class_name="tg-portal-grid"),
    )
    body = rx.match(
        state.status,
        ("loading", _skeleton(texts)),
        ("error", error_state(texts["error_title"], texts["error_body"], state.error_detail,
                              texts["error_retry"], state.retry)),
        ("no_customer", empty_state(texts["no_customer_title"], texts["no_customer_body"])),
        ready,
    )
    plans_section = rx.fragment()
    if "plans" in shown and plans is not None:
        plans_section = rx.el.section(
            rx.el.h3(texts["section_plans"], id="tg-portal-plans-title",
                     class_name="tg-portal-section-title"),
            plans, class_name="tg-portal-plans", aria_labelledby="tg-portal-plans-title",
            custom_attrs=testid("portal-plans"))
    return rx.el.section(
        body, plans_section,
        class_name=f"tg-root tg-portal {class_name}".strip(),
        on_mount=state.load, aria_label=texts["title"],
        custom_attrs={"data-testid": "portal", "data-status": state.status},
    )


class PortalWidget(PortalState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], shown: tuple[str, ...],
                      usage: rx.Component | None = None, plans: rx.Component | None = None,
                      class_name: str = "") -> rx.Component:
        cls.config = config
        return render(cls, texts=cls.view_texts(config), shown=shown,
                      usage=usage, plans=plans, class_name=class_name)
