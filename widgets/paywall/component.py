"""The Paywall view: period toggle, plan cards, and the loading/error/empty states."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.feedback import empty_state, error_state, skeleton_cards
from widgets.paywall.price_view import price_block
from widgets.paywall.state import PaywallState
from widgets.paywall.view import PERIODS, PlanCard

PlanSelectedHandler = Callable[..., Any]


def _testid(value: str | Var) -> dict[str, Any]:
    return {"data-testid": value}


def _period_toggle(state: type[PaywallState], texts: Mapping[str, Any]) -> rx.Component:
    group = f"tg-period-{state.get_name()}"

    def option(period: str) -> rx.Component:
        return rx.el.label(
            rx.el.input(
                type="radio",
                name=group,
                value=period,
                checked=state.period == period,
                on_change=state.select_period(period),
                class_name="tg-period-input",
                custom_attrs=_testid(f"period-{period}"),
            ),
            rx.el.span(texts[f"period_{period}"]),
            class_name=f"tg-period-option tg-period-{period}",
        )

    return rx.el.div(
        rx.el.fieldset(
            rx.el.legend(texts["period_group_label"], class_name="tg-sr-only"),
            *[option(p) for p in PERIODS],
            class_name="tg-period-toggle",
            custom_attrs=_testid("period-toggle"),
        ),
        rx.cond(
            state.savings != "",
            rx.el.span(state.savings, class_name="tg-savings-badge",
                       custom_attrs=_testid("savings-badge")),
        ),
        class_name="tg-paywall-toolbar",
    )


def _cta(
    card: Var[PlanCard], state: type[PaywallState], on_selected: PlanSelectedHandler | None
) -> rx.Component:
    kind = rx.cond(card.cta_primary, "tg-cta-primary", "tg-cta-secondary")
    # The click goes through the paywall's state, which calls the host handler with the
    # server-side period and quantities (a seat count typed just before the click included).
    click = state.select_plan(card.id) if on_selected is not None else None
    return rx.el.div(
        rx.el.button(
            card.cta_label,
            type="button",
            disabled=~card.cta_enabled,
            on_click=click,
            class_name="tg-button tg-cta " + kind,
            custom_attrs={"data-testid": "cta-" + card.id, "data-intent": card.intent},
        ),
        class_name="tg-plan-action",
    )


def _features(card: Var[PlanCard]) -> rx.Component:
    return rx.el.div(
        rx.cond(card.features_title, rx.el.p(card.features_title, class_name="tg-features-title")),
        rx.el.ul(
            rx.foreach(
                card.features,
                lambda line: rx.el.li(
                    rx.icon("check", size=16, class_name="tg-check"),
                    rx.el.span(line),
                    class_name="tg-feature",
                ),
            ),
            class_name="tg-feature-list",
        ),
        class_name="tg-features",
    )


def _addons(card: Var[PlanCard]) -> rx.Component:
    return rx.el.div(
        rx.cond(
            card.addons.length() > 0,
            rx.fragment(
                rx.el.p(card.addons_title, class_name="tg-addons-title"),
                rx.el.ul(
                    rx.foreach(
                        card.addons,
                        lambda addon: rx.el.li(
                            rx.icon("plus", size=14, class_name="tg-addon-icon"),
                            rx.el.span(addon.name, class_name="tg-addon-name"),
                            rx.el.span(addon.price, class_name="tg-addon-price"),
                            class_name="tg-addon tg-addon-" + addon.id,
                        ),
                    ),
                    class_name="tg-addon-list",
                ),
            ),
        ),
        class_name="tg-addons",
    )


def _card(
    card: Var[PlanCard], state: type[PaywallState], on_selected: PlanSelectedHandler | None,
    texts: Mapping[str, Any], heading_level: int,
) -> rx.Component:
    heading = getattr(rx.el, f"h{heading_level}")
    return rx.el.article(
        rx.el.div(
            rx.el.div(
                heading(card.name, class_name="tg-plan-name"),
                rx.cond(card.chip, rx.el.span(card.chip, class_name="tg-chip tg-highlight-chip")),
                rx.cond(card.current_chip,
                        rx.el.span(card.current_chip, class_name="tg-chip tg-current-chip")),
                class_name="tg-plan-title-row",
            ),
            rx.el.p(card.description, class_name="tg-plan-description"),
            class_name="tg-plan-header",
        ),
        price_block(card, state, texts),
        _cta(card, state, on_selected),
        _features(card),
        _addons(card),
        class_name=card.class_name,
        custom_attrs={"data-testid": "plan-" + card.id, "data-plan-id": card.id},
    )


def render(
    state: type[PaywallState],
    *,
    texts: Mapping[str, Any],
    on_plan_selected: PlanSelectedHandler | None,
    skeleton_count: int,
    class_name: str,
    heading_level: int = 3,
) -> rx.Component:
    """The paywall for one state instance, loading its data when it mounts; plan names are
    headings of `heading_level`."""
    plans = rx.el.div(
        rx.foreach(state.cards,
                   lambda card: _card(card, state, on_plan_selected, texts, heading_level)),
        class_name="tg-plans",
        style={"--tg-plan-count": state.cards.length()},
    )
    ready = rx.cond(
        state.cards.length() > 0,
        rx.fragment(rx.cond(state.show_toggle, _period_toggle(state, texts)), plans),
        empty_state(texts["empty_title"], texts["empty_body"]),
    )
    body = rx.match(
        state.status,
        ("loading", skeleton_cards(skeleton_count, texts["loading"])),
        ("error", error_state(texts["error_title"], texts["error_body"], state.error_detail,
                              texts["error_retry"], state.retry)),
        ready,
    )
    return rx.el.section(
        body,
        class_name=f"tg-root tg-paywall {class_name}".strip(),
        on_mount=state.load,
        custom_attrs={"data-testid": "paywall", "data-status": state.status},
        aria_busy=state.status == "loading",
    )


class PaywallWidget(PaywallState):
    """`PaywallState` plus its view; `create(...)` makes an independent instance."""

    @classmethod
    def get_component(cls, *, config: dict[str, Any], **props: Any) -> rx.Component:
        """Keep this instance's `config` server-side and build its view."""
        cls.config = {**config, "on_plan_selected": props.get("on_plan_selected")}
        return render(cls, texts=cls.view_texts(config), **props)
