"""Starter themes: override documents with distinct looks, each AA in light and dark.

They are plain documents (see `tokens.document`), so they load, validate and export like any
theme a designer saves; the editorial one leaves its dark values to the derived-dark rule.
"""

from __future__ import annotations

from typing import Any

EDITORIAL: dict[str, Any] = {
    "name": "Editorial",
    "tokens": {
        "semantic": {"light": {
            "surface": "#faf6ef", "surface-raised": "#fffdf8", "surface-sunken": "#f1ebe0",
            "surface-hover": "#f1ebe0", "text": "#2a2019", "text-muted": "#5b4f44",
            "text-subtle": "#5b4f44", "border": "#cfc3b2", "border-subtle": "#e4dacb",
            "border-strong": "#a8998a", "primary": "#9a3412", "primary-hover": "#7c2d12",
            "primary-soft": "#f7e6d8", "primary-soft-text": "#7c2d12", "accent": "#9a3412",
            "accent-soft": "#f7e6d8", "accent-subtle": "#fbf2ea", "accent-text": "#7c2d12",
            "focus-ring": "#9a3412", "radius-card": "{radius.1}", "radius-control": "{radius.1}",
        }, "dark": {"primary-hover": "#b23c12", "accent": "#c4501a", "focus-ring": "#e0773f"}},
    },
    "font": {"family": "system-serif"},
    "layout": {"paywall-align": "center"},
}

NEON: dict[str, Any] = {
    "name": "Neon",
    "tokens": {
        "semantic": {
            "light": {
                "surface": "#f6f4ff", "surface-raised": "#ffffff", "surface-sunken": "#efebfc",
                "surface-hover": "#efebfc", "text": "#120d2b", "text-muted": "#4a4370",
                "text-subtle": "#4a4370", "border": "#c9c2ea", "border-subtle": "#e0dbf6",
                "primary": "#7e22ce", "primary-hover": "#6b21a8", "primary-text": "#ffffff",
                "primary-soft": "#efe3fc", "primary-soft-text": "#6b21a8", "accent": "#0e7490",
                "accent-soft": "#dff4f8", "accent-subtle": "#f0fafc", "accent-text": "#0b5c73",
                "focus-ring": "#0e7490",
            },
            "dark": {
                "surface": "#07060f", "surface-raised": "#100d22", "surface-sunken": "#1a1536",
                "surface-hover": "#1f1940", "text": "#f4f0ff", "text-muted": "#bdb5de",
                "text-subtle": "#bdb5de", "border": "#3d3470", "border-subtle": "#28214d",
                "primary": "#e879f9", "primary-hover": "#f0abfc", "primary-text": "#1a0524",
                "primary-soft": "#2e1440", "primary-soft-text": "#f0abfc", "accent": "#22d3ee",
                "accent-soft": "#0b3540", "accent-subtle": "#0a1d2c", "accent-text": "#67e8f9",
                "focus-ring": "#22d3ee",
            },
        },
    },
    "font": {"family": "system-mono"},
    "layout": {"paywall-columns": "auto-fill"},
}

PASTEL: dict[str, Any] = {
    "name": "Pastel",
    "tokens": {
        "semantic": {
            "light": {
                "surface": "{pink.2}", "surface-sunken": "{pink.3}", "surface-hover": "{pink.3}",
                "border": "{pink.6}", "border-subtle": "{pink.4}", "primary": "{purple.10}",
                "primary-hover": "{purple.11}", "primary-soft": "{purple.3}",
                "primary-soft-text": "{purple.11}", "accent": "{purple.9}",
                "accent-soft": "{purple.3}", "accent-subtle": "{purple.2}",
                "accent-text": "{purple.11}", "focus-ring": "{purple.9}",
                "radius-card": "{radius.4}", "radius-control": "{radius.full}",
            },
            "dark": {"primary": "{purple.9}", "primary-hover": "{purple.8}",
                     "focus-ring": "{purple.11}"},
        },
    },
    "font": {"family": "system-rounded"},
}

STARTERS: dict[str, dict[str, Any]] = {
    "tollgate": {"name": "Tollgate"},
    "editorial": EDITORIAL,
    "neon": NEON,
    "pastel": PASTEL,
}
