"""The price estimate endpoint: itemised lines and totals exactly as a subscription is charged."""

from fastapi import APIRouter, Request

from backend.auth.dependencies import AuthDep
from backend.db import SessionDep
from backend.estimates import service
from backend.estimates.schemas import Estimate, EstimateRequest

router = APIRouter(tags=["estimates"])


@router.post("/estimates", response_model=Estimate)
def create_estimate(body: EstimateRequest, request: Request, session: SessionDep, p: AuthDep):
    """Price a plan with quantities, add-ons, expected usage and a coupon. Changes nothing."""
    return service.estimate(session, p.environment_id, request.app.state.settings,
                            request.app.state.catalog_cache, body, may_read_customer=p.is_secret)
