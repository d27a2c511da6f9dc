"""State of the designer's token controls and custom CSS editor. Every edit goes through the
designer's draft (`DesignerState._edit`), so undo/redo, reset, save and publish work as for
the other controls; what the controls show is refreshed there (`DesignerState._refresh`)."""

from __future__ import annotations

import reflex as rx

from tokens import catalogue, is_colour
from widgets.designer import controls_model as model
from widgets.designer import custom_css
from widgets.designer.model import LAYOUT_CHOICES, set_layout
from widgets.designer.state import DesignerState


class ControlsState(rx.State):
    """Field errors of the token controls and the text of the custom CSS editor."""

    errors: dict[str, str] = {}
    css_text: str = ""
    css_pushed: str = ""
    css_error: str = ""
    query: str = ""

    @rx.event
    def set_query(self, query: str):
        """Filter the token groups by name or label (case-insensitive)."""
        self.query = str(query).strip().lower()[:60]

    async def _apply(self, name: str, edit, key: str = "") -> None:
        designer = await self.get_state(DesignerState)
        try:
            new = edit(designer.doc, designer.mode)
        except ValueError as error:
            self.errors = {**self.errors, name: str(error)}
            return
        self.errors = {k: v for k, v in self.errors.items() if k != name}
        designer._edit(new, key)

    @rx.event
    async def set_colour(self, name: str, value: str):
        """A literal colour for a token (base and semantic: the previewed mode)."""
        value = str(value).strip()
        if name not in catalogue() or not is_colour(value):
            self.errors = {**self.errors, name: f"“{value}” is not a colour"}
            return
        await self._apply(name, lambda doc, mode: model.set_token(doc, name, value, mode),
                          f"{name}.colour")

    @rx.event
    async def set_alias(self, name: str, target: str):
        """Point a component colour at another role ("": keep its colour as a literal)."""
        designer = await self.get_state(DesignerState)
        current = designer.token_values.get(name, "#000000")
        value = "{" + target + "}" if target in model.colour_roles() else current
        await self._apply(name, lambda doc, mode: model.set_token(doc, name, value, mode))

    @rx.event
    async def set_choice(self, name: str, value: str):
        """A layout choice, font weight or shadow."""
        value = str(value)
        if name not in catalogue():
            return
        if name in LAYOUT_CHOICES:
            await self._apply(name, lambda doc, mode: set_layout(doc, name, value))
            return
        if value in model.shadow_choices() and value != model.NO_SHADOW:
            value = "{" + value + "}"
        await self._apply(name, lambda doc, mode: model.set_token(doc, name, value, mode))

    @rx.event
    async def set_number(self, name: str, number: str):
        """A dimension's number (slider or field) in its current unit; a drag is one undo."""
        await self._number(name, number)

    async def _number(self, name: str, number: str) -> None:
        designer = await self.get_state(DesignerState)
        unit = designer.token_values.get(f"{name}#unit", "px")
        try:
            amount = float(str(number).strip())
        except ValueError:
            self.errors = {**self.errors, name: f"“{number}” is not a number"}
            return
        await self._apply(name, lambda doc, mode: model.set_dimension(doc, name, amount, unit,
                                                                       mode), f"{name}.number")

    @rx.event
    async def submit_number(self, name: str, form: dict):
        """Enter in a dimension's number field."""
        await self._number(name, str(form.get("number", "")))

    @rx.event
    async def set_unit(self, name: str, unit: str):
        """Change a dimension's unit, keeping its size (16px to the rem)."""
        designer = await self.get_state(DesignerState)
        was = designer.token_values.get(f"{name}#unit", "px")
        number = float(designer.token_values.get(f"{name}#number") or 0)
        if unit == was or unit not in model.UNITS:
            return
        amount = number / 16 if was == "px" else number * 16 if unit == "px" else number
        await self._apply(name, lambda doc, mode: model.set_dimension(doc, name, amount, unit,
                                                                       mode))

    @rx.event
    async def reset_token(self, name: str):
        """Back to the default of one token, in every layer and mode."""
        self.errors = {k: v for k, v in self.errors.items() if k != name}
        await self._apply(name, lambda doc, mode: model.reset_token(doc, name))

    @rx.event
    async def reset_scale(self, scale: str):
        """Back to the default of every step of a colour scale."""
        if scale not in model.scales():
            return
        names = [f"{scale}.{n}" for n in model.SCALE_STEPS]

        def edit(doc, mode):
            for name in names:
                doc = model.reset_token(doc, name)
            return doc

        await self._apply(scale, edit)

    @rx.event
    async def set_css(self, text: str):
        """The editor's text: applied to the draft (and preview) when every rule is safe."""
        self.css_text = str(text)
        self.css_error = custom_css.problem(self.css_text)
        if self.css_error:
            return
        designer = await self.get_state(DesignerState)
        self.css_pushed = self.css_text
        designer._edit(custom_css.set_custom_css(designer.doc, self.css_text), "custom_css")

    @rx.event
    async def end_css_edit(self):
        """Leaving the editor ends one undo step (typing in it makes one step)."""
        designer = await self.get_state(DesignerState)
        if designer.last_edit == "custom_css":
            designer.last_edit = ""

    @rx.event
    async def sync_css(self):
        """After the draft's CSS changed elsewhere (load, undo, redo, starter, rollback)."""
        designer = await self.get_state(DesignerState)
        css = str(designer.doc.get("custom_css") or "")
        if css != self.css_pushed:
            self.css_text, self.css_pushed, self.css_error = css, css, ""
