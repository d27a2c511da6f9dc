"""What the app's <head> needs for its pages to run inside another site's iframe."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

SHIM = Path(__file__).with_name("storage.js")


def storage_shim() -> rx.Component:
    """An inline script, run before the app starts, that swaps in an in-memory store where the
    browser denies the frame web storage (third-party storage blocking)."""
    return rx.el.script(SHIM.read_text())
