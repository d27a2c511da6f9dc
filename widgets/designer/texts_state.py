"""State of the designer's Texts panel: which widget, locale and filter are shown. Edits go
through the designer's draft (`DesignerState._edit`, so undo/redo, save and publish work as for
any edit), and the draft's texts are pushed into the preview widgets."""

from __future__ import annotations

import reflex as rx

from widgets._ui.themed import preview_texts
from widgets.designer import texts_model as model
from widgets.designer.state import DesignerState
from widgets.designer.texts_model import TextRow


class TextsState(rx.State):
    """The Texts panel: widget and locale pickers, the filter, and the rows they select."""

    widget: str = "paywall"
    locale: str = model.LOCALES[0]
    query: str = ""
    rows: rx.Field[list[TextRow]] = rx.field(
        default_factory=lambda: model.rows({}, "paywall", model.LOCALES[0]))
    locales: list[str] = list(model.LOCALES)
    changed: int = 0
    error: str = ""

    async def _designer(self) -> DesignerState:
        return await self.get_state(DesignerState)

    def _show(self, doc: dict) -> None:
        self.rows = model.rows(doc, self.widget, self.locale, self.query)
        self.locales = model.locales(doc)
        self.changed = model.count_set(doc, self.widget, self.locale)

    async def _sync(self, designer: DesignerState) -> None:
        """Rows from the draft, and the draft's texts in the preview for the chosen locale."""
        self._show(designer.doc)
        await preview_texts(self, designer.doc.get("texts"), self.locale)

    @rx.event
    async def sync(self):
        """After the draft changed elsewhere (load, undo, redo, starter, import)."""
        await self._sync(await self._designer())

    @rx.event
    async def pick_widget(self, widget: str):
        if widget in model.widget_choices():
            self.widget, self.error = widget, ""
            self._show((await self._designer()).doc)

    @rx.event
    async def pick_locale(self, locale: str):
        """Edit and preview another locale."""
        if locale in self.locales:
            self.locale, self.error = locale, ""
            await self._sync(await self._designer())

    @rx.event
    async def set_query(self, query: str):
        self.query = str(query)[:100]
        self._show((await self._designer()).doc)

    @rx.event
    async def set_text(self, key: str, text: str):
        """Set one text of the chosen widget and locale in the draft (empty: back to the
        fallback); the preview shows it at once."""
        await self._apply(key, str(text))

    @rx.event
    async def submit_text(self, key: str, form: dict):
        """Enter in a text's field."""
        await self._apply(key, str(form.get("text", "")))

    async def _apply(self, key: str, text: str) -> None:
        designer = await self._designer()
        try:
            new = model.set_text(designer.doc, self.widget, self.locale, key, text)
        except ValueError as error:
            self.error = str(error)
            return
        self.error = ""
        designer._edit(new, f"text.{self.widget}.{self.locale}.{key}")
        await self._sync(designer)

    @rx.event
    async def reset_text(self, key: str):
        """Back to the fallback (the language's, `en` or the widget's default) for one text."""
        designer = await self._designer()
        try:
            new = model.reset_text(designer.doc, self.widget, self.locale, key)
        except ValueError as error:
            self.error = str(error)
            return
        designer._edit(new, "")
        await self._sync(designer)
