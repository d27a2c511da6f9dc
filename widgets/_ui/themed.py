"""Theme texts at run time, shared by every widget.

A widget's state subclasses `ThemedTexts` and names its kind and default texts. When it loads,
`_load_theme_texts(locale)` puts the theme's texts for its kind and locale into `theme_texts`:
the published theme (its document fetched through the shared client, or with the widget's
`publishable_key`, cached for a few seconds per process; the paywall passes the theme its read
model carries) with the host's theme in code over it (`widgets.stylesheet(theme)` registers
it). Views read texts through `view_texts(config)`:
the default on the first render, the theme's text once loaded, a prop override always.
Server-filled texts come from `_texts()`, the merged layers.

A widget built with `texts_preview=True` (the designer's preview) loads no theme texts; the
designer shows a draft's in it with `preview_texts(state, texts, locale)`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from tokens import Theme, build
from widgets._client import get_client, key_client
from widgets._ui.texts import merge
from widgets._ui.theme_texts import ThemeTexts, layered, theme_layer

PUBLISHED_SECONDS = 15.0  # as long as browsers keep published.css
_FAILURES = (TollgateError, RuntimeError, ValueError)

log = logging.getLogger(__name__)
_host: list[Theme] = []
Source = tuple[str, str]  # (a publishable key, or "" for the widgets server's own; widget kind)
_published: dict[Source, tuple[float, Mapping[str, Any]]] = {}
_built: dict[Source, tuple[Mapping[str, Any], Theme | None]] = {}
_running: dict[Source, tuple[asyncio.AbstractEventLoop, asyncio.Task]] = {}
MAX_SOURCES = 512
_previews: dict[str, type[ThemedTexts]] = {}


# -- sources ---------------------------------------------------------------------------------
def use_host_theme(theme: Theme | None) -> None:
    """The theme the host app passes in code; its texts win over the published theme's and
    it replaces the published one where a widget draws with literal colours (the chart).
    `widgets.stylesheet(theme)` calls this."""
    _host.clear()
    if theme is not None:
        _host.append(theme)


def host_texts() -> ThemeTexts:
    return _host[0].texts if _host else {}


def forget_published() -> None:
    """Drop the cached published themes (after a publish in this process)."""
    _published.clear()
    _built.clear()


async def _fetch_published(source: Source) -> Mapping[str, Any]:
    key, kind = source
    try:
        client = key_client(key) if key else get_client()
        document: Mapping[str, Any] = (await client.published_theme(kind)).document
    except _FAILURES as exc:
        log.warning("published theme of %s not loaded, the default shown: %s", kind, exc)
        document = {}
    if len(_published) >= MAX_SOURCES:
        forget_published()
    _published[source] = (time.monotonic() + PUBLISHED_SECONDS, document)
    return document


async def published_document(kind: str, key: str | None = None) -> Mapping[str, Any]:
    """The document of the published theme of a widget kind in the environment of `key` (a
    publishable key; the widgets server's own by default), fetched at most once per
    `PUBLISHED_SECONDS` however many widgets ask at the same time ({} when unreachable)."""
    source = (key or "", kind)
    cached = _published.get(source)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    loop = asyncio.get_running_loop()
    running = _running.get(source)
    if running is None or running[0] is not loop or running[1].done():
        running = (loop, loop.create_task(_fetch_published(source)))
        _running[source] = running
    try:
        return await asyncio.shield(running[1])
    finally:
        if running[1].done() and _running.get(source) is running:
            _running.pop(source, None)


async def published_texts(kind: str, key: str | None = None) -> ThemeTexts:
    """The `texts` of the published theme of a widget kind ({} when it has none)."""
    return (await published_document(kind, key)).get("texts") or {}


async def drawing_theme(kind: str, key: str | None = None) -> Theme | None:
    """The theme a widget of `kind` draws literal colours from (plotly cannot read CSS
    variables): the host's theme in code, else the published one (of `key`'s environment),
    else None (the default)."""
    if _host:
        return _host[0]
    document = await published_document(kind, key)
    source = (key or "", kind)
    built = _built.get(source)
    if built is None or built[0] is not document:
        try:
            theme = build(document) if document else None
        except ValueError as exc:
            log.warning("published theme of %s not usable, the default shown: %s", kind, exc)
            theme = None
        built = (document, theme)
        _built[source] = built
    return built[1]


# -- views -----------------------------------------------------------------------------------
class TextView(Mapping[str, Any]):
    """A widget's texts for its view: a prop override as a plain string, any other text as
    "the theme's text once loaded, else the default"."""

    def __init__(self, state: type[ThemedTexts], props: Mapping[str, str] | None):
        self._state = state
        self._props = dict(props or {})
        self._texts = merge(state.text_defaults, self._props, state.text_kind)

    def __getitem__(self, key: str) -> Any:
        text = self._texts[key]
        if key in self._props:
            return text
        themed = self._state.theme_texts
        return rx.cond(themed.contains(key), themed[key], text)

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


# -- state -----------------------------------------------------------------------------------
class ThemedTexts(rx.ComponentState):
    """A state mixin: the theme's texts of this widget instance for its kind and locale."""

    config: ClassVar[dict[str, Any]] = {}
    text_kind: ClassVar[str] = ""
    text_defaults: ClassVar[Mapping[str, str]] = {}

    theme_texts: dict[str, str] = {}
    _request: dict[str, Any] = rx.field(default_factory=dict)  # the inputs, read on load

    @classmethod
    def view_texts(cls, config: Mapping[str, Any]) -> TextView:
        """The texts for this instance's view (call from `get_component`)."""
        if config.get("texts_preview"):
            _previews[cls.get_full_name()] = cls
        return TextView(cls, config.get("text_overrides"))

    def _text_props(self) -> Mapping[str, str]:
        # `self.config`, not `type(self).config`: in a background event `self` is a StateProxy.
        return self.config.get("text_overrides") or {}

    def _texts(self) -> dict[str, str]:
        """Every text merged: defaults < theme texts < props (for server-filled texts)."""
        return layered(self.text_defaults, self.theme_texts, self._text_props())

    async def _load_theme_texts(self, locale: str | None,
                                published: ThemeTexts | None = None) -> None:
        """Load the theme texts for `locale`; `published` is the published theme's `texts`
        when the caller already has it (fetched otherwise). A preview keeps what it was shown."""
        if self.config.get("texts_preview"):
            return
        if published is None:
            published = await published_texts(self.text_kind, self._theme_key())
        self.theme_texts = theme_layer(self.text_kind, locale, self.text_defaults, published,
                                       host_texts(), self._text_props())

    def _theme_key(self) -> str | None:
        """The publishable key whose environment's published theme this widget wears (an
        embedded page's), or None for the widgets server's own."""
        return self._request.get("publishable_key") or None

    async def _show_theme_texts(self, texts: Mapping[str, str]) -> None:
        self.theme_texts = dict(texts)
        await self._texts_changed()

    async def _texts_changed(self) -> None:
        """Re-fill the server-side texts after the theme texts changed (a preview edit)."""


def preview_classes() -> list[type[ThemedTexts]]:
    """The state classes of every widget built with `texts_preview=True`."""
    return list(_previews.values())


async def preview_texts(from_state: rx.State, texts: ThemeTexts | None, locale: str) -> None:
    """Show `texts` (a theme document's `texts`, e.g. a draft's) in `locale` in every widget
    built with `texts_preview=True`, for the client `from_state` belongs to."""
    for cls in preview_classes():
        widget = await from_state.get_state(cls)
        props = widget.config.get("text_overrides") or {}
        await widget._show_theme_texts(theme_layer(cls.text_kind, locale, cls.text_defaults,
                                                   texts, None, props))
