"""What the app's <head> needs for its pages to run inside another site's iframe."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

SHIM = Path(__file__).with_name("storage.js")


def storage_shim() -> rx.Component:
    """An inline script, run before the app starts: hosted widget pages get an in-memory store
    (seeded with their `theme`), other pages one only where the browser denies storage."""
    return rx.el.script(SHIM.read_text())
