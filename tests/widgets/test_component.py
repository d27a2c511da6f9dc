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

    @rx.event
    def choose_seats(self, plan_id: str, billing_period: str, intent: str,
                     quantities: dict[str, int]):
        self.chosen = f"{plan_id}/{billing_period}/{intent}/{quantities}"


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
    component = widgets.paywall("workspace", customer_id=HostState.customer_id,
                                on_plan_selected=HostState.choose)
    out = _rendered(component)
    # The button only names the plan; the state calls the host with server-side values.
    assert ".select_plan" in out and '["plan_id"]' in out
    assert component.children[0].State.config["on_plan_selected"] is HostState.choose


def test_four_argument_handlers_also_get_the_quantities() -> None:
    from widgets.paywall.state import accepts_quantities

    assert not accepts_quantities(HostState.choose)
    assert accepts_quantities(HostState.choose_seats)
    assert accepts_quantities(lambda *args: None)


def test_seat_input_is_labelled_and_debounced() -> None:
    out = _rendered(widgets.paywall("workspace"))
    for needle in ("DebounceInput", "debounceTimeout:300", "type_quantity", "commit_quantity",
                   "step_quantity", "tg-tier-selector", "tg-total-error", "tg-starts-at"):
        assert needle in out, needle


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


def test_the_updating_total_announcement_is_a_text() -> None:
    out = _rendered(widgets.paywall("workspace", text_overrides={"total_updating": "Repricing"}))
    assert "Repricing" in out and "Updating total" not in out


def test_plan_names_fit_the_pages_heading_outline() -> None:
    plan_name = "'props': ['className:\"tg-plan-name\"']"
    assert f"'name': '\"h3\"', {plan_name}" in _rendered(widgets.paywall("workspace"))
    deeper = _rendered(widgets.paywall("workspace", heading_level=4))
    assert f"'name': '\"h4\"', {plan_name}" in deeper
    assert f"'name': '\"h3\"', {plan_name}" not in deeper
    portal = _rendered(widgets.customer_portal("workspace", customer_id="acme"))
    assert f"'name': '\"h4\"', {plan_name}" in portal  # under the portal's h3 "Plans"
    with pytest.raises(ValueError, match="heading_level"):
        widgets.paywall("workspace", heading_level=1)
