"""Reflex configuration: the app module lives in widgets/app.py."""

import os

import reflex as rx

config = rx.Config(
    app_name="widgets",
    app_module_import="widgets.app",
    show_built_with_reflex=False,
    telemetry_enabled=False,
    frontend_port=int(os.environ.get("TOLLGATE_PORT", "3000")),
    backend_port=int(os.environ.get("TOLLGATE_PORT", "3000")),
    plugins=[rx.plugins.SitemapPlugin()] if False else [],
)
