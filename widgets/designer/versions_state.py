"""State of the designer's versions list: the house theme's published versions and rolling
back to one (it goes live on every page, and the draft becomes its document, undoably)."""

from __future__ import annotations

import reflex as rx

from backend.client import TollgateError
from widgets._client import get_client
from widgets._ui.themed import forget_published
from widgets.designer.state import THEME_ID, DesignerState, refresh_published_css
from widgets.designer.versions_model import VersionRow, rows

MAX_PAGES = 20
SHOWN = 20


class VersionsState(rx.State):
    """The newest published versions, the one awaiting confirmation, and the last message."""

    versions: rx.Field[list[VersionRow]] = rx.field(default_factory=list)
    confirming: int = 0
    message: str = ""
    loading: bool = False

    @rx.event
    async def load(self):
        """The newest versions first (the API lists them oldest first, by pages)."""
        await self._fetch()

    async def _fetch(self) -> None:
        found, cursor = [], None
        self.loading = True
        try:
            for _ in range(MAX_PAGES):
                page = await get_client().list_theme_versions(THEME_ID, limit=100,
                                                               cursor=cursor)
                found = [*found, *page.data][-SHOWN:]
                if not page.has_more:
                    break
                cursor = page.next_cursor
        except TollgateError as error:
            if error.status != 404:  # no house theme yet: nothing published
                self.message = f"Could not list versions: {error.detail or error.title}"
            return
        finally:
            self.loading = False
        self.versions = rows(found)

    @rx.event
    def ask(self, version: int):
        """Ask to confirm a rollback to `version`."""
        self.confirming, self.message = int(version), ""

    @rx.event
    def cancel(self):
        self.confirming = 0

    @rx.event
    async def rollback(self):
        """Make the confirmed version live and load its document into the draft."""
        version, self.confirming = self.confirming, 0
        if not version:
            return
        client = get_client()
        designer = await self.get_state(DesignerState)
        try:
            theme = await client.rollback_theme(THEME_ID, version)
            await client.assign_theme("default", THEME_ID)
            page, cursor, document = None, None, None
            for _ in range(MAX_PAGES):
                page = await client.list_theme_versions(THEME_ID, limit=100, cursor=cursor)
                document = next((v.document for v in page.data if v.version == version),
                                document)
                if document is not None or not page.has_more:
                    break
                cursor = page.next_cursor
            designer._edit(dict(document or {}))
            await client.update_theme(THEME_ID, {"document": designer.doc})
        except TollgateError as error:
            self.message = f"Not rolled back: {error.detail or error.title}"
            return
        forget_published()
        designer.live_version = theme.published_version or version
        self.message = f"Version {version} is live again; the draft now matches it."
        await self._fetch()
        return rx.call_script(refresh_published_css(designer.live_version))
