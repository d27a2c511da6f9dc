"""Pure helpers of the designer's versions list: rows for the published versions, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypedDict


class VersionRow(TypedDict):
    """One published version as the list shows it."""

    version: int
    published_at: str
    published_iso: str
    live: bool
    summary: str
    note: str
    published_by: str


def summary(document: dict[str, Any]) -> str:
    """What a version's document changes, in a few words (e.g. `3 tokens · custom CSS`)."""
    tokens = document.get("tokens") or {}
    names: set[str] = set(tokens.get("component") or {}) | set(document.get("layout") or {})
    for layer in ("base", "semantic"):
        for values in (tokens.get(layer) or {}).values():
            names |= set(values or {})
    parts = [f"{len(names)} token{'s' if len(names) != 1 else ''}"] if names else []
    parts += [label for key, label in (("font", "font"), ("texts", "texts"),
                                       ("custom_css", "custom CSS")) if document.get(key)]
    return " · ".join(parts) or "Default theme"


def rows(versions: list[Any]) -> list[VersionRow]:
    """Rows of `ThemeVersionPublic`-like objects (version, live, document, published_at, note,
    published_by)."""
    out: list[VersionRow] = []
    for v in sorted(versions, key=lambda v: v.version, reverse=True):
        at: datetime = v.published_at
        out.append(VersionRow(version=v.version, published_at=at.strftime("%d %b %Y, %H:%M UTC"),
                              published_iso=at.isoformat(), live=bool(v.live),
                              summary=summary(v.document or {}), note=v.note or "",
                              published_by=v.published_by or ""))
    return out
