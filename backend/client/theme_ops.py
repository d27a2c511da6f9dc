"""Theme operations: editing, publishing and assigning with a secret key; the published theme
of a widget with any key."""

from __future__ import annotations

from typing import Any

from backend.client.call import Call, Sender, payload, segment
from backend.kit.pagination import Page
from backend.themes.schemas import (
    AssignmentPublic,
    PublishedTheme,
    Starter,
    ThemeCreate,
    ThemePublic,
    ThemeUpdate,
    ThemeVersionPublic,
)

Body = dict[str, Any]


def _path(theme_id: str, action: str = "") -> str:
    return f"/api/v1/themes/{segment(theme_id)}" + (f"/{action}" if action else "")


class ThemeOperations(Sender):
    def list_themes(self, *, limit: int | None = None, cursor: str | None = None) -> Any:
        """One page of themes (`Page[ThemePublic]`)."""
        params = {"limit": limit, "cursor": cursor}
        return self._send(Call("GET", "/api/v1/themes", Page[ThemePublic], params=params))

    def create_theme(self, body: ThemeCreate | Body, *, idempotency_key: str | None = None
                     ) -> Any:
        """Create a theme (`ThemePublic`, with contrast `warnings`); 422 names bad fields."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._send(Call("POST", "/api/v1/themes", ThemePublic, json=payload(body),
                               headers=headers))

    def get_theme(self, theme_id: str) -> Any:
        """A theme with its draft (`ThemePublic`)."""
        return self._send(Call("GET", _path(theme_id), ThemePublic))

    def update_theme(self, theme_id: str, body: ThemeUpdate | Body) -> Any:
        """Rename or replace the draft (`ThemePublic`)."""
        return self._send(Call("PATCH", _path(theme_id), ThemePublic,
                               json=payload(body, partial=True)))

    def publish_theme(self, theme_id: str, note: str = "") -> Any:
        """Publish the draft as the next version, with an optional note (`ThemePublic`)."""
        return self._send(Call("POST", _path(theme_id, "publish"), ThemePublic,
                               json={"note": note}))

    def rollback_theme(self, theme_id: str, version: int) -> Any:
        """Make an earlier version live again (`ThemePublic`)."""
        return self._send(Call("POST", _path(theme_id, "rollback"), ThemePublic,
                               json={"version": version}))

    def list_theme_versions(self, theme_id: str, *, limit: int | None = None,
                            cursor: str | None = None) -> Any:
        """Published versions, oldest first (`Page[ThemeVersionPublic]`)."""
        params = {"limit": limit, "cursor": cursor}
        return self._send(Call("GET", _path(theme_id, "versions"), Page[ThemeVersionPublic],
                               params=params))

    def assign_theme(self, widget: str, theme_id: str) -> Any:
        """Use a theme for a widget kind, or `default` for all others (`AssignmentPublic`)."""
        path = f"/api/v1/themes/assignments/{segment(widget)}"
        return self._send(Call("PUT", path, AssignmentPublic, json={"theme_id": theme_id}))

    def list_theme_assignments(self) -> Any:
        """Which theme each widget kind uses (`list[AssignmentPublic]`)."""
        return self._send(Call("GET", "/api/v1/themes/assignments", list[AssignmentPublic]))

    def theme_starters(self) -> Any:
        """The built-in starter documents (`list[Starter]`)."""
        return self._send(Call("GET", "/api/v1/themes/starters", list[Starter]))

    def published_theme(self, widget: str = "paywall") -> Any:
        """The live theme of a widget, with its CSS (`PublishedTheme`); any key."""
        return self._send(Call("GET", "/api/v1/themes/published", PublishedTheme,
                               params={"widget": widget}))
