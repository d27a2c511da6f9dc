"""Self-hosted Inter (from the npm registry), the first choice of the `font.body` token."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex_components_core.base.fragment import Fragment

INTER_PACKAGE = "@fontsource-variable/inter@5.3.0"


class InterFont(Fragment):
    """Renders nothing; importing it bundles the Inter variable font's CSS into the page."""

    def add_imports(self) -> dict[str, Any]:
        """A side-effect import of the font's stylesheet."""
        return {INTER_PACKAGE: rx.ImportVar(tag=None, render=True)}


def inter_font() -> rx.Component:
    """Include once on a page (or in the app's layout) to load Inter."""
    return InterFont.create()
