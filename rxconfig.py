"""Reflex configuration: the app module lives in widgets/app.py; one port serves app and API."""

import os

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

PORT = int(os.environ.get("TOLLGATE_PORT", "3000"))

config = rx.Config(
    app_name="widgets",
    app_module_import="widgets.app",
    show_built_with_reflex=False,
    telemetry_enabled=False,
    frontend_port=PORT,
    backend_port=PORT,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="inherit", accent_color="indigo", gray_color="slate",
                           radius="large", has_background=False),
        ),
    ],
    disable_plugins=[SitemapPlugin],
)
