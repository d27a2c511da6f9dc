"""Widget inputs that may be state Vars, resolved on the server rather than sent by the browser.

A widget such as the paywall must not trust a customer id that arrives in an event payload:
the browser could send any id. Instead the widget remembers *which* state field holds the
value and reads that field server-side when it loads.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx
from reflex.vars import Var


@dataclasses.dataclass(frozen=True)
class VarRef:
    """A state field (or computed var) to read on the server: `state.<field>`."""

    state: type[rx.State]
    field: str

    async def read(self, from_state: rx.State) -> Any:
        """The field's current value for the client that `from_state` belongs to."""
        other = await from_state.get_state(self.state)
        return getattr(other, self.field)


def var_ref(value: Var, argument: str) -> VarRef:
    """The state field behind `value`; raises TypeError for expressions (`S.a + "x"`)."""
    var_data = value._get_all_var_data()
    if var_data is None or not var_data.state or not var_data.field_name:
        raise TypeError(f"{argument} must be a state var such as AuthState.customer_id")
    path = var_data.state.partition(".")[2]
    state_cls = rx.State.get_class_substate(path) if path else rx.State
    field = var_data.field_name
    if str(getattr(state_cls, field, None)) != str(value):
        raise TypeError(f"{argument} must be a plain state var, not an expression: {value}")
    return VarRef(state_cls, field)


def static_or_ref(value: Any, argument: str) -> Any:
    """`value` itself, or a `VarRef` when it is a state Var."""
    return var_ref(value, argument) if isinstance(value, Var) else value


async def resolve(values: dict[str, Any], from_state: rx.State) -> dict[str, Any]:
    """`values` with every `VarRef` replaced by the field's current server-side value.

    Event handlers are left out: they stay in the widget's class config, and a state var
    holding one could not be serialised.
    """
    return {key: await value.read(from_state) if isinstance(value, VarRef) else value
            for key, value in values.items() if not callable(value)}
