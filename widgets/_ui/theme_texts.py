"""Texts from a theme, pure: pick a widget's texts for a locale and layer them over the defaults.

A theme document holds `texts: {widget_kind: {locale: {key: text}}}`. Precedence, lowest
first: the widget's defaults < the published theme < a theme the host app passes in code <
the widget's own `text_overrides`. Within one theme a key comes from the widget's locale, else
its language (`fr` for `fr-FR`), else `en`. Keys a widget does not know are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

FALLBACK_LOCALE = "en"
ThemeTexts = Mapping[str, Any]  # a document's `texts`: kind -> locale -> key -> text


def normalise_locale(locale: str | None) -> str:
    """`fr_FR`, `FR-fr` -> `fr-fr`: how locales are compared."""
    return (locale or "").strip().replace("_", "-").lower()


def locale_chain(locale: str | None) -> list[str]:
    """The locales to look in, most specific first: `fr_FR` -> `fr-fr`, `fr`, `en`."""
    chain: list[str] = []
    parts = [p for p in normalise_locale(locale).split("-") if p]
    for n in range(len(parts), 0, -1):
        chain.append("-".join(parts[:n]))
    if FALLBACK_LOCALE not in chain:
        chain.append(FALLBACK_LOCALE)
    return chain


def _by_locale(entries: Any) -> dict[str, dict[str, str]]:
    """A kind's `{locale: {key: text}}` keyed by normalised locale (bad entries skipped)."""
    found: dict[str, dict[str, str]] = {}
    if not isinstance(entries, Mapping):
        return found
    for locale in sorted(entries, key=str):
        texts = entries[locale]
        if isinstance(texts, Mapping):
            found.setdefault(normalise_locale(str(locale)), {}).update(
                {str(k): v for k, v in texts.items() if isinstance(v, str)})
    return found


def texts_for(texts: ThemeTexts | None, kind: str, locale: str | None,
              known: Collection[str]) -> dict[str, str]:
    """A theme's texts for one widget kind in `locale`, with the locale fallback, limited to
    the keys in `known`."""
    if not isinstance(texts, Mapping):
        return {}
    by_locale = _by_locale(texts.get(kind))
    picked: dict[str, str] = {}
    for name in reversed(locale_chain(locale)):
        picked.update({k: v for k, v in by_locale.get(name, {}).items() if k in known})
    return picked


def theme_layer(kind: str, locale: str | None, known: Collection[str],
                published: ThemeTexts | None, host: ThemeTexts | None,
                props: Collection[str] = ()) -> dict[str, str]:
    """What the themes change for one widget instance: the published theme's texts with the
    host theme's over them, leaving out the keys the instance's props set."""
    layer = {**texts_for(published, kind, locale, known), **texts_for(host, kind, locale, known)}
    return {k: v for k, v in layer.items() if k not in props}


def layered(defaults: Mapping[str, str], theme: Mapping[str, str],
            props: Mapping[str, str] | None) -> dict[str, str]:
    """The texts an instance uses: defaults, then the theme layer, then its props (the props'
    keys are checked when the widget is built)."""
    return {**defaults, **{k: v for k, v in theme.items() if k in defaults},
            **{k: str(v) for k, v in (props or {}).items()}}
