"""create_app(): the FastAPI monetization service, all routes under /api."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse

from backend.auth.endpoints import router as auth_router
from backend.catalog.endpoints import router as catalog_router
from backend.config import Settings, get_settings
from backend.coupons.endpoints import router as coupons_router
from backend.credits.endpoints import router as credits_router
from backend.customers.endpoints import router as customers_router
from backend.db import engine_for, session_factory
from backend.embedding.endpoints import frame_router as embed_frame_router
from backend.embedding.endpoints import router as embedding_router
from backend.embedding.script import router as embed_script_router
from backend.entitlements.endpoints import router as entitlements_router
from backend.entitlements.hot import HotReads
from backend.entitlements.meter_api import router as meter_router
from backend.entitlements.sources import SnapshotCache
from backend.entitlements.stream import router as entitlement_stream_router
from backend.errors import PROBLEM_BASE, PROBLEM_JSON, install_error_handlers
from backend.estimates.endpoints import router as estimates_router
from backend.events.endpoints import router as events_router
from backend.kit.background import BackgroundLoop
from backend.kit.clock import ClockScopeMiddleware
from backend.kit.lru import LruCache
from backend.me.credits import router as me_credits_router
from backend.me.endpoints import router as me_router
from backend.me.payments import router as me_payments_router
from backend.me.portal import router as me_portal_router
from backend.me.subscriptions import router as me_subscriptions_router
from backend.payments.endpoints import router as payments_router
from backend.paywall.cache import RenderCache
from backend.paywall.endpoints import router as paywall_router
from backend.subscriptions.endpoints import router as subscriptions_router
from backend.testclock.endpoints import router as testclock_router
from backend.testclock.realtime import run_due_work
from backend.themes.endpoints import router as themes_router
from backend.webhooks.endpoints import router as webhooks_router
from backend.webhooks.worker import WebhookWorker

log = logging.getLogger("tollgate")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs the background work in this process unless settings turn it off: webhook delivery,
    and the due work of environments on real time (renewals, expiries, monthly credits)."""
    settings: Settings = app.state.settings
    factory = app.state.session_factory
    loops = []
    if settings.webhook_worker:
        worker = WebhookWorker(factory, timeout=settings.webhook_timeout)
        loops.append(BackgroundLoop("tollgate-webhooks", worker.run_once,
                                    settings.webhook_poll_interval, worker.close))
    if settings.due_work:
        def due_work() -> int:
            run_due_work(factory)
            return 0  # then wait the interval: due work is measured in minutes, not seconds

        loops.append(BackgroundLoop("tollgate-due-work", due_work, settings.due_work_interval))
    for loop in loops:
        loop.start()
    try:
        yield
    finally:
        for loop in loops:
            loop.stop()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the API app for the configured database (migrations are run by `tollgate migrate`)."""
    settings = settings or get_settings()
    app = FastAPI(
        lifespan=lifespan,
        title="Tollgate API",
        version="1.0",
        summary="Pricing, packaging and entitlements",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine_for(settings.resolved_database_url)
    app.state.session_factory = session_factory(app.state.engine)
    app.state.paywall_cache = RenderCache()
    app.state.catalog_cache = LruCache(max_entries=256)
    app.state.entitlement_cache = SnapshotCache()
    app.state.entitlement_reads = HotReads(app.state.entitlement_cache)
    install_error_handlers(app)
    app.add_middleware(ClockScopeMiddleware)  # a request's environment may pin its test clock

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        body = {"type": PROBLEM_BASE + "internal", "title": "Internal error", "status": 500,
                "detail": "Something went wrong on our side; the request changed nothing."}
        return JSONResponse(body, status_code=500, media_type=PROBLEM_JSON)

    v1 = APIRouter(prefix="/api/v1")
    for router in (auth_router, catalog_router, coupons_router, credits_router, customers_router,
                   embedding_router, embed_frame_router,
                   entitlements_router, entitlement_stream_router, meter_router,
                   estimates_router,
                   events_router, me_credits_router, me_router, me_payments_router, me_portal_router,
                   me_subscriptions_router, payments_router, paywall_router, subscriptions_router,
                   testclock_router, webhooks_router):
        v1.include_router(router)
    v1.include_router(themes_router)
    app.include_router(v1)
    app.include_router(embed_script_router)

    @app.get("/api/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness probe (no database, no auth)."""
        return {"status": "ok"}

    return app
