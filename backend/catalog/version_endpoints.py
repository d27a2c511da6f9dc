"""Plan version endpoints: versions, the draft, publishing, discarding and diffs.

`PATCH /plans/{plan_id}` (in `catalog.endpoints`) edits the draft; these read and publish it.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from backend.auth.dependencies import AuthDep, SecretDep
from backend.catalog import service, versioning
from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import PlanDiff, PlanPublic, PlanVersionSummary
from backend.db import SessionDep
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(tags=["plans"])
PageDep = Annotated[PageParams, Depends(page_params)]
VersionRef = Annotated[str | None, Query(description="A version number, 'draft' or 'live'")]


@router.get("/plans/{plan_id}/versions", response_model=Page[PlanVersionSummary])
def list_versions(plan_id: str, session: SessionDep, p: AuthDep, page: PageDep):
    repo = CatalogRepository(session, p.environment_id)
    service.get_package(repo, service.PLAN, plan_id)
    rows, has_more, cursor = repo.package_versions_page(service.PLAN, plan_id, page)
    return {"data": [versioning.version_summary(r) for r in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/plans/{plan_id}/versions/{version}", response_model=PlanPublic)
def get_version(plan_id: str, version: int, session: SessionDep, p: AuthDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(versioning.get_version(repo, plan_id, version))


@router.get("/plans/{plan_id}/draft", response_model=PlanPublic)
def get_draft(plan_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(versioning.get_draft(repo, plan_id))


@router.delete("/plans/{plan_id}/draft", status_code=status.HTTP_204_NO_CONTENT)
def discard_draft(plan_id: str, session: SessionDep, p: SecretDep) -> Response:
    versioning.discard_draft(CatalogRepository(session, p.environment_id), plan_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/plans/{plan_id}/publish", response_model=PlanPublic)
def publish(plan_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(versioning.publish(repo, plan_id))


@router.get("/plans/{plan_id}/diff", response_model=PlanDiff)
def diff(plan_id: str, session: SessionDep, p: SecretDep,
         from_: Annotated[str | None, Query(alias="from", description="Default: the live version")] = None,
         to: Annotated[str | None, Query(description="Default: the draft")] = None):
    return versioning.diff(CatalogRepository(session, p.environment_id), plan_id, from_, to)
