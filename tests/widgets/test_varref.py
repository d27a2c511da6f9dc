"""State Vars given to widgets are remembered as references and read on the server."""

import pytest
import reflex as rx

from widgets._ui.varref import VarRef, static_or_ref, var_ref


class AuthState(rx.State):
    customer_id: str = ""

    @rx.var
    def region(self) -> str:
        return "DE" if self.customer_id == "globex" else "US"


def test_plain_fields_and_computed_vars_become_references() -> None:
    assert var_ref(AuthState.customer_id, "customer_id") == VarRef(AuthState, "customer_id")
    assert var_ref(AuthState.region, "country") == VarRef(AuthState, "region")


def test_expressions_are_rejected_at_build_time() -> None:
    with pytest.raises(TypeError, match="plain state var"):
        var_ref(AuthState.customer_id + "-x", "customer_id")
    with pytest.raises(TypeError, match="state var"):
        var_ref(rx.Var.create("literal"), "customer_id")


def test_static_values_pass_through() -> None:
    assert static_or_ref("acme", "customer_id") == "acme"
    assert static_or_ref(None, "customer_id") is None
