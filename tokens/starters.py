"""Starter themes: override documents with distinct looks, each AA in light and dark.

They are plain documents (see `tokens.document`), so they load, validate and export like any
theme a designer saves. Each sets its dark values itself (the derived-dark rule gives
acceptable but flat results for tinted palettes).
"""

from __future__ import annotations

from typing import Any

EDITORIAL: dict[str, Any] = {
    "name": "Editorial",
    "tokens": {
        "semantic": {
            "light": {
                "surface": "#faf6ef", "surface-raised": "#fffdf8", "surface-sunken": "#f3ede2",
                "surface-hover": "#f1ebe0", "text": "#2a2019", "text-muted": "#5b4f44",
                "text-subtle": "#5b4f44", "border": "#d6cab8", "border-subtle": "#e8dfd0",
                "border-strong": "#a8998a", "primary": "#9a3412", "primary-hover": "#7c2d12",
                "primary-text": "#ffffff", "primary-soft": "#f7e6d8",
                "primary-soft-text": "#7c2d12", "accent": "#9a3412", "accent-soft": "#f7e6d8",
                "accent-subtle": "#fbf2ea", "accent-text": "#7c2d12", "focus-ring": "#9a3412",
                "shadow-card": "0 1px 0 rgba(42, 32, 25, 0.06)",
                "radius-card": "{radius.1}", "radius-control": "{radius.1}",
                "chart-1": "#9a3412", "chart-2": "#4d7c0f",
                "chart-3": "#1e5a8a", "chart-4": "#a16207",
            },
            "dark": {
                "surface": "#16130f", "surface-raised": "#1f1b16", "surface-sunken": "#29241e",
                "surface-hover": "#2d2720", "text": "#f3ece2", "text-muted": "#c0b3a3",
                "text-subtle": "#c0b3a3", "border": "#463d33", "border-subtle": "#332c25",
                "border-strong": "#6a5d4f", "primary": "#e2774a", "primary-hover": "#ec8f66",
                "primary-text": "#1b0f08", "primary-soft": "#3a2217",
                "primary-soft-text": "#f3a883", "accent": "#e2774a", "accent-soft": "#3a2217",
                "accent-subtle": "#25190f", "accent-text": "#f3a883", "focus-ring": "#ec8f66",
                "shadow-card": "0 1px 0 rgba(0, 0, 0, 0.4)",
                "chart-1": "#e2774a", "chart-2": "#a3c45a",
                "chart-3": "#7fb0d9", "chart-4": "#e0b04f",
            },
        },
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
                "border-strong": "#8f86bd", "primary": "#7e22ce", "primary-hover": "#6b21a8",
                "primary-text": "#ffffff", "primary-soft": "#efe3fc",
                "primary-soft-text": "#6b21a8", "accent": "#0e7490", "accent-soft": "#dff4f8",
                "accent-subtle": "#f0fafc", "accent-text": "#0b5c73", "focus-ring": "#0e7490",
                "shadow-card": "0 1px 2px rgba(18, 13, 43, 0.06), "
                               "0 8px 24px -12px rgba(126, 34, 206, 0.25)",
                "radius-card": "{radius.3}", "radius-control": "{radius.2}",
                "chart-1": "#7e22ce", "chart-2": "#0e7490",
                "chart-3": "#c026d3", "chart-4": "#4338ca",
            },
            "dark": {
                "surface": "#07060f", "surface-raised": "#100d22", "surface-sunken": "#1a1536",
                "surface-hover": "#1f1940", "text": "#f4f0ff", "text-muted": "#bdb5de",
                "text-subtle": "#bdb5de", "border": "#3d3470", "border-subtle": "#28214d",
                "border-strong": "#5b4fa0", "primary": "#e879f9", "primary-hover": "#f0abfc",
                "primary-text": "#1a0524", "primary-soft": "#2e1440",
                "primary-soft-text": "#f0abfc", "accent": "#22d3ee", "accent-soft": "#0b3540",
                "accent-subtle": "#0a1d2c", "accent-text": "#67e8f9", "focus-ring": "#22d3ee",
                "shadow-card": "0 0 0 1px rgba(232, 121, 249, 0.06), "
                               "0 12px 32px -12px rgba(168, 85, 247, 0.35)",
                "chart-1": "#e879f9", "chart-2": "#22d3ee",
                "chart-3": "#a78bfa", "chart-4": "#f472b6",
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
                "text": "#2b1a30", "text-muted": "#67536c", "text-subtle": "#67536c",
                "border": "{pink.6}", "border-subtle": "{pink.4}", "primary": "{purple.10}",
                "primary-hover": "{purple.11}", "primary-soft": "{purple.3}",
                "primary-soft-text": "{purple.11}", "accent": "{purple.9}",
                "accent-soft": "{purple.3}", "accent-subtle": "{purple.2}",
                "accent-text": "{purple.11}", "focus-ring": "{purple.9}",
                "shadow-card": "0 10px 30px -14px rgba(142, 78, 198, 0.28)",
                "radius-card": "{radius.4}", "radius-control": "{radius.full}",
                "chart-1": "#8e4ec6", "chart-2": "#d6409f",
                "chart-3": "#0d9488", "chart-4": "#6e56cf",
            },
            "dark": {
                "surface": "#1a1120", "surface-raised": "#241829", "surface-sunken": "#2e2034",
                "surface-hover": "#33243a", "text": "#f8eefa", "text-muted": "#c9b6cd",
                "text-subtle": "#c9b6cd", "border": "#4d3854", "border-subtle": "#3a2a41",
                "border-strong": "#6b5272", "primary": "#c79bf2", "primary-hover": "#d8b6f7",
                "primary-text": "#24102f", "primary-soft": "#3b2350",
                "primary-soft-text": "#e3c9f7", "accent": "#c79bf2", "accent-soft": "#3b2350",
                "accent-subtle": "#2a1a36", "accent-text": "#e3c9f7", "focus-ring": "#e3c9f7",
                "shadow-card": "0 10px 30px -14px rgba(0, 0, 0, 0.6)",
                "chart-1": "#c79bf2", "chart-2": "#f49ac1",
                "chart-3": "#5eead4", "chart-4": "#a5b4fc",
            },
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
