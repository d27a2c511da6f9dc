"""Catalog endpoints: products, features, plans and add-ons. Reads accept any key; writes need a secret key."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from backend.auth.dependencies import AuthDep, SecretDep
from backend.catalog import service, versioning
from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import (
    AddonCreate,
    AddonPublic,
    AddonUpdate,
    FeatureCreate,
    FeaturePublic,
    FeatureType,
    FeatureUpdate,
    PlanCreate,
    PlanPublic,
    PlanUpdate,
    ProductCreate,
    ProductPublic,
    ProductUpdate,
)
from backend.catalog.version_endpoints import router as versions_router
from backend.db import SessionDep
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter()
router.include_router(versions_router)
PageDep = Annotated[PageParams, Depends(page_params)]
Archived = Annotated[bool, Query(description="Include archived items")]
PLAN, ADDON = service.PLAN, service.ADDON


def _page(rows_more_cursor, convert) -> dict:
    rows, has_more, cursor = rows_more_cursor
    return {"data": [convert(r) for r in rows], "has_more": has_more, "next_cursor": cursor}


# -- products -------------------------------------------------------------------------------
@router.get("/products", response_model=Page[ProductPublic], tags=["products"])
def list_products(session: SessionDep, p: AuthDep, page: PageDep, include_archived: Archived = False):
    repo = CatalogRepository(session, p.environment_id)
    return _page(repo.products_page(page, include_archived), service.product_public)


@router.post("/products", response_model=ProductPublic, status_code=status.HTTP_201_CREATED, tags=["products"])
def create_product(body: ProductCreate, session: SessionDep, p: SecretDep):
    return service.product_public(service.create_product(CatalogRepository(session, p.environment_id), body))


@router.get("/products/{product_id}", response_model=ProductPublic, tags=["products"])
def get_product(product_id: str, session: SessionDep, p: AuthDep):
    return service.product_public(service.get_product(CatalogRepository(session, p.environment_id), product_id))


@router.patch("/products/{product_id}", response_model=ProductPublic, tags=["products"])
def update_product(product_id: str, body: ProductUpdate, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.product_public(service.update_product(repo, product_id, body))


@router.post("/products/{product_id}/archive", response_model=ProductPublic, tags=["products"])
def archive_product(product_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.product_public(service.archive_product(repo, product_id))


# -- features -------------------------------------------------------------------------------
@router.get("/features", response_model=Page[FeaturePublic], tags=["features"])
def list_features(session: SessionDep, p: AuthDep, page: PageDep, include_archived: Archived = False,
                  type: FeatureType | None = None):
    repo = CatalogRepository(session, p.environment_id)
    return _page(repo.features_page(page, include_archived, type), service.feature_public)


@router.post("/features", response_model=FeaturePublic, status_code=status.HTTP_201_CREATED, tags=["features"])
def create_feature(body: FeatureCreate, session: SessionDep, p: SecretDep):
    return service.feature_public(service.create_feature(CatalogRepository(session, p.environment_id), body))


@router.get("/features/{feature_id}", response_model=FeaturePublic, tags=["features"])
def get_feature(feature_id: str, session: SessionDep, p: AuthDep):
    return service.feature_public(service.get_feature(CatalogRepository(session, p.environment_id), feature_id))


@router.patch("/features/{feature_id}", response_model=FeaturePublic, tags=["features"])
def update_feature(feature_id: str, body: FeatureUpdate, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.feature_public(service.update_feature(repo, feature_id, body))


@router.post("/features/{feature_id}/archive", response_model=FeaturePublic, tags=["features"])
def archive_feature(feature_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.feature_public(service.archive_feature(repo, feature_id))


# -- plans ----------------------------------------------------------------------------------
def _product_pk(repo: CatalogRepository, product_id: str | None) -> int | None:
    return service.get_product(repo, product_id, field="product_id").id if product_id else None


@router.get("/plans", response_model=Page[PlanPublic], tags=["plans"])
def list_plans(session: SessionDep, p: AuthDep, page: PageDep, include_archived: Archived = False,
               product_id: str | None = None):
    repo = CatalogRepository(session, p.environment_id)
    rows = repo.packages_page(PLAN, page, include_archived, _product_pk(repo, product_id))
    return _page(rows, service.plan_public)


@router.post("/plans", response_model=PlanPublic, status_code=status.HTTP_201_CREATED, tags=["plans"])
def create_plan(body: PlanCreate, session: SessionDep, p: SecretDep):
    return service.plan_public(service.create_plan(CatalogRepository(session, p.environment_id), body))


@router.get("/plans/{plan_id}", response_model=PlanPublic, tags=["plans"])
def get_plan(plan_id: str, session: SessionDep, p: AuthDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(service.get_package(repo, PLAN, plan_id))


@router.patch("/plans/{plan_id}", response_model=PlanPublic, tags=["plans"])
def update_plan(plan_id: str, body: PlanUpdate, session: SessionDep, p: SecretDep,
                publish: Annotated[bool, Query(description="Publish the draft at once")] = False):
    """Edit the plan's draft (made from the live version if none); returns the draft."""
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(versioning.update_plan(repo, plan_id, body, publish=publish))


@router.post("/plans/{plan_id}/archive", response_model=PlanPublic, tags=["plans"])
def archive_plan(plan_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.plan_public(service.archive_package(repo, PLAN, plan_id))


# -- add-ons --------------------------------------------------------------------------------
@router.get("/addons", response_model=Page[AddonPublic], tags=["add-ons"])
def list_addons(session: SessionDep, p: AuthDep, page: PageDep, include_archived: Archived = False,
                product_id: str | None = None):
    repo = CatalogRepository(session, p.environment_id)
    rows = repo.packages_page(ADDON, page, include_archived, _product_pk(repo, product_id))
    return _page(rows, service.addon_public)


@router.post("/addons", response_model=AddonPublic, status_code=status.HTTP_201_CREATED, tags=["add-ons"])
def create_addon(body: AddonCreate, session: SessionDep, p: SecretDep):
    return service.addon_public(service.create_addon(CatalogRepository(session, p.environment_id), body))


@router.get("/addons/{addon_id}", response_model=AddonPublic, tags=["add-ons"])
def get_addon(addon_id: str, session: SessionDep, p: AuthDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.addon_public(service.get_package(repo, ADDON, addon_id))


@router.patch("/addons/{addon_id}", response_model=AddonPublic, tags=["add-ons"])
def update_addon(addon_id: str, body: AddonUpdate, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.addon_public(service.update_addon(repo, addon_id, body))


@router.post("/addons/{addon_id}/archive", response_model=AddonPublic, tags=["add-ons"])
def archive_addon(addon_id: str, session: SessionDep, p: SecretDep):
    repo = CatalogRepository(session, p.environment_id)
    return service.addon_public(service.archive_package(repo, ADDON, addon_id))
