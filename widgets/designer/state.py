"""State of the theme designer: the draft document with undo/redo, the preview's CSS and
warnings, and saving, publishing, exporting and importing through the Tollgate client."""

from __future__ import annotations

import json
from typing import Any

import reflex as rx

from backend.client import TollgateError
from tokens import STARTERS, build, export_dtcg, import_dtcg, is_colour, to_css
from widgets._client import get_client
from widgets._ui.styles import relink_published_css
from widgets._ui.themed import forget_published
from widgets.demo.state import StorefrontState
from widgets.designer import controls_model, model

THEME_ID = "house"
HISTORY = 50
PUBLISH_NOTE_MAX = 500  # as the themes API allows


def refresh_published_css(version: int) -> str:
    """Reload this tab's published-theme stylesheet for `version` (the browser may hold the
    last one briefly)."""
    return relink_published_css(v=str(version))


class DesignerState(rx.State):
    """The edited draft (`doc`), what the controls and preview show, and the last message."""

    doc: dict[str, Any] = {}
    history: list[dict[str, Any]] = []
    future: list[dict[str, Any]] = []
    loaded: bool = False
    mode: str = "light"
    width: str = "desktop"
    shown: dict[str, str] = model.values({}, "light")
    overridden: dict[str, bool] = {**controls_model.overridden({}),
                                   **{c.name: False for g in model.controls().values() for c in g}}
    preview_css: str = model.scoped_css({})
    errors: list[str] = []
    warnings: list[str] = []
    token_warnings: dict[str, list[str]] = controls_model.warnings_by_token([])
    token_values: dict[str, str] = controls_model.shown({}, "light")
    group_warnings: dict[str, int] = controls_model.warning_counts({})
    customer_id: str = "acme"
    last_edit: str = ""
    field_errors: dict[str, str] = {}
    live_version: int = 0
    publish_note: str = ""
    message: str = ""
    starter: str = "tollgate"
    import_text: str = ""

    def _refresh(self) -> None:
        errors, warnings = model.review(self.doc)
        self.errors = errors
        self.warnings = [w["text"] for w in warnings]
        self.token_warnings = controls_model.warnings_by_token(warnings)
        self.group_warnings = controls_model.warning_counts(self.token_warnings)
        if not errors:
            self.shown = model.values(self.doc, self.mode)
            self.token_values = controls_model.shown(self.doc, self.mode)
            self.preview_css = model.scoped_css(self.doc)
        names = [c.name for group in model.controls().values() for c in group]
        self.overridden = {**controls_model.overridden(self.doc),
                           **{n: model.is_overridden(self.doc, n) for n in names}}

    def _edit(self, new: dict[str, Any], key: str = "") -> None:
        """Apply an edit; repeated edits of one control (a drag) make one undo step."""
        if new == self.doc:
            return
        if not (key and key == self.last_edit and self.history):
            self.history = [*self.history[-(HISTORY - 1):], self.doc]
        self.last_edit = key
        self.future = []
        self.doc = new
        self.message = ""
        self._refresh()

    @rx.event
    async def load(self):
        """Open the draft of the house theme, creating it from the default starter once."""
        store = await self.get_state(StorefrontState)
        self.customer_id = store.customer_id or "acme"
        client = get_client()
        try:
            try:
                theme = await client.get_theme(THEME_ID)
            except TollgateError as error:
                if error.status != 404:
                    raise
                theme = await client.create_theme({"id": THEME_ID, "name": "House theme",
                                                   "starter": "tollgate"})
        except TollgateError as error:
            self.message = f"Could not load the theme: {error.detail or error.title}"
            return
        self.doc, self.history, self.future = dict(theme.draft), [], []
        self.live_version = theme.published_version or 0
        self.loaded = True
        self._refresh()

    @rx.event
    def set_colour(self, name: str, value: str):
        """Set a colour role for the previewed mode (light values also derive dark ones)."""
        value = value.strip()
        if name not in model.COLOUR_ROLES:
            return
        if not is_colour(value):
            self.field_errors = {**self.field_errors, name: f"“{value}” is not a colour"}
            return
        self.field_errors = {k: v for k, v in self.field_errors.items() if k != name}
        self._edit(model.set_colour(self.doc, name, value, self.mode), f"{name}.{self.mode}")

    @rx.event
    def set_radius(self, value: float):
        self._edit(model.set_radius(self.doc, int(float(value or 0))), model.RADIUS_TOKEN)

    @rx.event
    def set_font(self, family: str):
        if family in model.FONTS:
            self._edit(model.set_font(self.doc, family))

    @rx.event
    def reset_token(self, name: str):
        """Back to the default value of one token."""
        self._edit(model.reset(self.doc, name))

    @rx.event
    def choose_starter(self, key: str):
        if key in STARTERS:
            self.starter = key

    @rx.event
    def apply_starter(self):
        """Replace the draft with the chosen starter (undoable)."""
        self._edit({**model.starter(self.starter), "name": self.doc.get("name", "House theme")})

    @rx.event
    def undo(self):
        if self.history:
            self.future = [self.doc, *self.future]
            self.doc, self.history = self.history[-1], self.history[:-1]
            self.last_edit = ""
            self._refresh()

    @rx.event
    def redo(self):
        if self.future:
            self.history = [*self.history, self.doc]
            self.doc, self.future = self.future[0], self.future[1:]
            self.last_edit = ""
            self._refresh()

    @rx.event
    def set_mode(self, mode: str):
        """Preview (and edit colours of) light or dark mode."""
        if mode in ("light", "dark"):
            self.mode = mode
            self._refresh()

    @rx.event
    def set_width(self, width: str):
        if width in ("desktop", "mobile"):
            self.width = width

    async def _save(self) -> bool:
        try:
            await get_client().update_theme(THEME_ID, {"document": self.doc})
        except TollgateError as error:
            self.message = f"Not saved: {error.detail or error.title}"
            return False
        return True

    @rx.event
    async def save_draft(self):
        """Store the draft; the live theme is unchanged until Publish."""
        if await self._save():
            self.message = "Draft saved."

    @rx.event
    def set_publish_note(self, value: str):
        """The note the next published version keeps (what it changes)."""
        self.publish_note = value[:PUBLISH_NOTE_MAX]

    @rx.event
    async def publish(self):
        """Save, publish as the next version (with the note, if any) and make it every
        widget's default theme."""
        if not await self._save():
            return
        client = get_client()
        try:
            theme = await client.publish_theme(THEME_ID, note=self.publish_note)
            await client.assign_theme("default", THEME_ID)
        except TollgateError as error:
            self.message = f"Not published: {error.detail or error.title}"
            return
        forget_published()
        self.publish_note = ""
        self.live_version = theme.published_version or 0
        self.message = f"Published version {self.live_version}: every page now uses it."
        return rx.call_script(refresh_published_css(self.live_version))

    @rx.event
    def export_css(self):
        theme = build(self.doc)
        return rx.download(data=to_css(theme) + theme.custom_css, filename="tollgate-theme.css")

    @rx.event
    def export_json(self):
        data = json.dumps(export_dtcg(build(self.doc)), indent=2)
        return rx.download(data=data, filename="tollgate-theme.tokens.json")

    @rx.event
    def set_import_text(self, text: str):
        self.import_text = text

    @rx.event
    def import_json(self):
        """Replace the draft with a DTCG JSON theme (undoable)."""
        try:
            new = model.document_of(import_dtcg(json.loads(self.import_text)))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            self.message = f"Not imported: {error}"
            return
        errors, _ = model.review(new)
        if errors:
            self.message = f"Not imported: {errors[0]}"
            return
        self._edit(new)
        self.import_text = ""
        self.message = "Imported."
