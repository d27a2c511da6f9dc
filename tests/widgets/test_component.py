"""The public `widgets.paywall(...)` factory, checked on its rendered component tree."""

import pytest
import reflex as rx

import widgets


class HostState(rx.State):
    customer_id: str = ""
    chosen: str = ""

    @rx.event
    def choose(self, plan_id: str, billing_period: str, intent: str):
        self.chosen = f"{plan_id}/{billing_period}/{intent}"


def _rendered(component: rx.Component) -> str:
    return str(component.render())


def test_paywall_renders_stable_class_names_and_test_ids() -> None:
    out = _rendered(widgets.paywall("workspace"))
    for name in ("tg-root tg-paywall", "tg-period-toggle", "tg-savings-badge", "tg-plan-name",
                 "tg-price-amount", "tg-cta", "tg-feature-list", "tg-addon-list"):
        assert name in out, name
    for testid in ('"data-testid":"paywall"', "period-annual", "savings-badge", '"loading"',
                   '"error"', '"empty"'):
        assert testid in out, testid


def test_paywall_wires_the_host_handler_with_plan_period_and_intent() -> None:
    out = _rendered(widgets.paywall("workspace", customer_id=HostState.customer_id,
                                    on_plan_selected=HostState.choose))
    assert "host_state.choose" in out
    assert '["plan_id"]' in out and '["billing_period"]' in out and '["intent"]' in out


def test_var_arguments_reload_the_paywall_when_they_change() -> None:
    component = widgets.paywall("workspace", customer_id=HostState.customer_id)
    key = str(component.key)
    assert "customer_id" in key and "workspace" in key


def test_each_paywall_has_its_own_state_and_radio_group() -> None:
    first, second = widgets.paywall("workspace"), widgets.paywall("workspace")
    first_state = first.children[0].State
    second_state = second.children[0].State
    assert first_state is not second_state
    assert f"tg-period-{first_state.get_name()}" in _rendered(first)


def test_unknown_text_override_fails_at_build_time() -> None:
    with pytest.raises(ValueError, match="unknown paywall text keys"):
        widgets.paywall("workspace", text_overrides={"cta_buy": "Buy"})


def test_text_overrides_change_static_texts() -> None:
    out = _rendered(widgets.paywall("workspace", text_overrides={"period_annual": "Yearly"}))
    assert "Yearly" in out and '"Annual"' not in out


def test_inputs_are_read_on_the_server_not_sent_by_the_browser() -> None:
    component = widgets.paywall("workspace", customer_id=HostState.customer_id)
    mount = [hook for hook in component._get_all_hooks() if ".load" in str(hook)]
    assert len(mount) == 1 and '({  })' in mount[0]  # the load event carries no payload
    assert '["customer_id"]' not in _rendered(component)
    config = component.children[0].State.config
    assert config["customer_id"].state is HostState
