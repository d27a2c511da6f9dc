"""The runnable Reflex app: the demo storefront at `/`, the theme designer at `/designer`, hosted
widget pages under `/embed`, and the backend API under `/api` (one process, one port)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import reflex as rx

import widgets
from backend.app import create_app
from backend.embedding.frame_guard import FrameGuard
from widgets.demo.account import account_page
from widgets.demo.checkout import checkout_page
from widgets.demo.credits import credits_page
from widgets.demo.css import STOREFRONT_CSS
from widgets.demo.pricing import storefront
from widgets.demo.workspace import workspace_page
from widgets.embed import register as register_embed_pages
from widgets.embed.head import storage_shim
from widgets.designer.css import DESIGNER_CSS
from widgets.designer.state import DesignerState
from widgets.designer.view import designer_page

backend_app = create_app()
widgets.configure(app=backend_app)

app = rx.App(
    # The backend mounts the pages; FrameGuard lets only allowed origins frame /embed pages.
    api_transformer=[backend_app,
                     lambda asgi: FrameGuard(asgi, backend_app.state.session_factory)],
    head_components=[storage_shim(), widgets.stylesheet(), rx.el.style(STOREFRONT_CSS),
                     rx.el.style(DESIGNER_CSS)],
)


@contextlib.asynccontextmanager
async def backend_background() -> AsyncIterator[None]:
    """The backend's own lifespan (webhook delivery, due work): Reflex mounts the backend app
    and runs only its own lifespan, so it runs the backend's as one of its tasks."""
    async with backend_app.router.lifespan_context(backend_app):
        yield


app.register_lifespan_task(backend_background)


app.add_page(
    storefront,
    route="/",
    title="Pricing · Orbit Workspace",
    description="Plans and pricing for Orbit Workspace, powered by Tollgate.",
)
app.add_page(checkout_page, route="/checkout", title="Checkout · Orbit Workspace")
app.add_page(workspace_page, route="/app", title="Workspace · Orbit Workspace")
app.add_page(account_page, route="/account", title="Account · Orbit Workspace")
app.add_page(credits_page, route="/credits", title="Credits · Orbit Workspace")
register_embed_pages(app)
app.add_page(designer_page, route="/designer", title="Theme designer · Orbit Workspace",
             on_load=DesignerState.load)
