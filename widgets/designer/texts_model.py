"""Pure helpers of the designer's Texts panel: a theme document's texts per widget, locale and
key (set, reset, list with defaults), and the locales to offer."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from widgets._ui.theme_texts import normalise_locale, texts_for
from widgets.text_catalogue import DEFAULT_TEXTS, WIDGET_LABELS

Doc = dict[str, Any]

LOCALES = ("en", "en-GB", "fr-FR", "de-DE", "es-ES", "pt-BR", "ja-JP")
MAX_LENGTH = 500
_LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_WORDS = {"cta": "Button", "qty": "quantity", "col": "column", "sr": "screen reader"}


@dataclass
class TextRow:
    """One text of the panel: its key, a label, the default, the value set in the document for
    this locale ("" when none) and the text shown when none is set (a fallback locale's or the
    default)."""

    key: str = ""
    label: str = ""
    default: str = ""
    value: str = ""
    inherited: str = ""
    overridden: bool = False


def widget_choices() -> dict[str, str]:
    """The widget kinds with texts, and their names."""
    return {kind: WIDGET_LABELS[kind] for kind in DEFAULT_TEXTS}


def label(key: str) -> str:
    """`cta_start_trial` -> `Button start trial`."""
    words = [_WORDS.get(w, w) for w in re.split(r"[_.\-]", key) if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def locales(doc: Doc) -> list[str]:
    """The usual locales, then any other the document has texts for."""
    found = list(LOCALES)
    seen = {normalise_locale(x) for x in found}
    for entries in (doc.get("texts") or {}).values():
        for locale in entries or {}:
            if normalise_locale(locale) not in seen:
                seen.add(normalise_locale(locale))
                found.append(locale)
    return found


def _check(widget: str, locale: str, key: str) -> None:
    if widget not in DEFAULT_TEXTS:
        raise ValueError(f"unknown widget {widget!r}")
    if not _LOCALE.match(locale):
        raise ValueError(f"bad locale {locale!r}")
    if key not in DEFAULT_TEXTS[widget]:
        raise ValueError(f"{widget} has no text {key!r}")


def text_of(doc: Doc, widget: str, locale: str, key: str) -> str:
    """The text set in the document for exactly this widget, locale and key ("" if none)."""
    return str(((doc.get("texts") or {}).get(widget) or {}).get(locale, {}).get(key, ""))


def set_text(doc: Doc, widget: str, locale: str, key: str, text: str) -> Doc:
    """A copy of `doc` with one text set; an empty text removes it (back to the fallback)."""
    _check(widget, locale, key)
    if not text.strip():
        return reset_text(doc, widget, locale, key)
    if len(text) > MAX_LENGTH:
        raise ValueError(f"a text has at most {MAX_LENGTH} characters")
    new = copy.deepcopy(doc)
    new.setdefault("texts", {}).setdefault(widget, {}).setdefault(locale, {})[key] = text
    return new


def reset_text(doc: Doc, widget: str, locale: str, key: str) -> Doc:
    """A copy of `doc` without that text; empty locales, widgets and `texts` are dropped."""
    _check(widget, locale, key)
    new = copy.deepcopy(doc)
    texts = new.get("texts") or {}
    entries = (texts.get(widget) or {}).get(locale)
    if entries is None or key not in entries:
        return new
    del entries[key]
    if not entries:
        del texts[widget][locale]
    if not texts[widget]:
        del texts[widget]
    if not texts:
        new.pop("texts", None)
    return new


def rows(doc: Doc, widget: str, locale: str, query: str = "") -> list[TextRow]:
    """The widget's texts for `locale` in catalogue order, those matching `query` (in the
    key, label, default or current text; any case)."""
    defaults = DEFAULT_TEXTS[widget]
    fallback = _fallback(doc, widget, locale)
    needle = query.strip().lower()
    found = []
    for key, default in defaults.items():
        value = text_of(doc, widget, locale, key)
        row = TextRow(key=key, label=label(key), default=default, value=value,
                      inherited=fallback.get(key, default), overridden=bool(value))
        haystack = " ".join((key, row.label, default, value)).lower()
        if needle in haystack:
            found.append(row)
    return found


def _fallback(doc: Doc, widget: str, locale: str) -> dict[str, str]:
    """What shows for each key when this locale sets nothing: the language's or `en` text."""
    texts = copy.deepcopy(doc.get("texts") or {})
    own = normalise_locale(locale)
    entries = texts.get(widget) or {}
    for name in [n for n in entries if normalise_locale(n) == own]:
        del entries[name]
    return texts_for(texts, widget, locale, DEFAULT_TEXTS[widget])


def count_set(doc: Doc, widget: str, locale: str) -> int:
    """How many texts this widget and locale override."""
    return len(((doc.get("texts") or {}).get(widget) or {}).get(locale) or {})
