"""The app under benchmark plus a bare endpoint that returns a check-sized JSON body, so the
baseline pays for the same serialisation and bytes on the wire as the entitlement check."""

from fastapi import FastAPI
from sqlalchemy import text

from backend.app import create_app
from backend.db import SessionDep

BARE_BALANCE = 10**15

CHECK_SIZED = {
    "feature_id": "ai-credits", "feature_type": "metered", "feature_name": "AI credits",
    "unit": "AI credit", "unit_plural": "AI credits", "has_access": True,
    "denial_reason": None, "limit": 2000, "unlimited": False, "soft_limit": False,
    "current_usage": 0, "requested_usage": 1, "enum_values": None,
    "usage_period": {"start": "2026-11-24T12:00:00Z", "end": "2026-12-24T12:00:00Z",
                     "reset_period": "month"},
    "sources": ["plan"],
}


def create_bench_app() -> FastAPI:
    app = create_app()

    @app.get("/bench/bare")
    async def bare() -> dict:
        return CHECK_SIZED

    @app.get("/bench/bare-sync")
    def bare_sync() -> dict:
        return CHECK_SIZED

    with app.state.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_balance "
                          "(id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)"))
        conn.execute(text("INSERT INTO bench_balance (id, balance) VALUES (1, :b) "
                          "ON CONFLICT (id) DO NOTHING"), {"b": BARE_BALANCE})

    @app.post("/bench/bare-consume")
    def bare_consume(session: SessionDep) -> dict:
        """The floor of a safe consumption: one conditional UPDATE of one balance row."""
        left = session.execute(text(
            "UPDATE bench_balance SET balance = balance - 1 WHERE id = 1 AND balance >= 1 "
            "RETURNING balance")).scalar()
        return {"consumed": left is not None, "balance": left}

    return app
