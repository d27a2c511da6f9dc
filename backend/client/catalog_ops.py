"""Catalog operations: products, features, plans and add-ons (reads with any key, writes secret)."""

from __future__ import annotations

from typing import Any

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
from backend.client.call import Call, Sender, page_params, payload, segment
from backend.kit.pagination import Page

Body = dict[str, Any]


class CatalogOperations(Sender):
    # -- products ---------------------------------------------------------------------------
    def list_products(
        self, *, limit: int | None = None, cursor: str | None = None, include_archived: bool = False
    ) -> Any:
        """One page of products (`Page[ProductPublic]`); pass `next_cursor` to get the next."""
        params = page_params(limit, cursor, include_archived)
        return self._send(Call("GET", "/api/v1/products", Page[ProductPublic], params=params))

    def get_product(self, product_id: str) -> Any:
        """A product (`ProductPublic`)."""
        return self._send(Call("GET", f"/api/v1/products/{segment(product_id)}", ProductPublic))

    def create_product(self, body: ProductCreate | Body) -> Any:
        """Create a product; returns `ProductPublic`."""
        return self._send(Call("POST", "/api/v1/products", ProductPublic, json=payload(body)))

    def update_product(self, product_id: str, body: ProductUpdate | Body) -> Any:
        """Change the fields given; returns `ProductPublic`."""
        path = f"/api/v1/products/{segment(product_id)}"
        return self._send(Call("PATCH", path, ProductPublic, json=payload(body, partial=True)))

    def archive_product(self, product_id: str) -> Any:
        """Archive (keep for history, hide from lists); returns `ProductPublic`."""
        path = f"/api/v1/products/{segment(product_id)}/archive"
        return self._send(Call("POST", path, ProductPublic))

    # -- features ---------------------------------------------------------------------------
    def list_features(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool = False,
        type: FeatureType | None = None,
    ) -> Any:
        """One page of features (`Page[FeaturePublic]`), optionally of one type."""
        params = {**page_params(limit, cursor, include_archived), "type": type}
        return self._send(Call("GET", "/api/v1/features", Page[FeaturePublic], params=params))

    def get_feature(self, feature_id: str) -> Any:
        """A feature (`FeaturePublic`)."""
        return self._send(Call("GET", f"/api/v1/features/{segment(feature_id)}", FeaturePublic))

    def create_feature(self, body: FeatureCreate | Body) -> Any:
        """Create a feature; returns `FeaturePublic`."""
        return self._send(Call("POST", "/api/v1/features", FeaturePublic, json=payload(body)))

    def update_feature(self, feature_id: str, body: FeatureUpdate | Body) -> Any:
        """Change the fields given; returns `FeaturePublic`."""
        path = f"/api/v1/features/{segment(feature_id)}"
        return self._send(Call("PATCH", path, FeaturePublic, json=payload(body, partial=True)))

    def archive_feature(self, feature_id: str) -> Any:
        """Archive a feature; returns `FeaturePublic`."""
        path = f"/api/v1/features/{segment(feature_id)}/archive"
        return self._send(Call("POST", path, FeaturePublic))

    # -- plans ------------------------------------------------------------------------------
    def list_plans(
        self,
        *,
        product_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool = False,
    ) -> Any:
        """One page of plans (`Page[PlanPublic]`), optionally of one product."""
        params = {**page_params(limit, cursor, include_archived), "product_id": product_id}
        return self._send(Call("GET", "/api/v1/plans", Page[PlanPublic], params=params))

    def get_plan(self, plan_id: str) -> Any:
        """A plan (`PlanPublic`)."""
        return self._send(Call("GET", f"/api/v1/plans/{segment(plan_id)}", PlanPublic))

    def create_plan(self, body: PlanCreate | Body) -> Any:
        """Create a plan; returns `PlanPublic`."""
        return self._send(Call("POST", "/api/v1/plans", PlanPublic, json=payload(body)))

    def update_plan(self, plan_id: str, body: PlanUpdate | Body, *, publish: bool = False) -> Any:
        """Change the fields given (lists are replaced) in the plan's draft; `PlanPublic` of it.

        The draft is made from the live version if there is none; the live version changes only
        when the draft is published (`publish_plan`, or `publish=True` here in the same call).
        """
        path = f"/api/v1/plans/{segment(plan_id)}"
        params = {"publish": "true"} if publish else {}
        return self._send(Call("PATCH", path, PlanPublic, params=params,
                               json=payload(body, partial=True)))

    def archive_plan(self, plan_id: str) -> Any:
        """Archive a plan (kept for history, gone from the paywall); returns `PlanPublic`."""
        return self._send(Call("POST", f"/api/v1/plans/{segment(plan_id)}/archive", PlanPublic))

    # -- add-ons ----------------------------------------------------------------------------
    def list_addons(
        self,
        *,
        product_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool = False,
    ) -> Any:
        """One page of add-ons (`Page[AddonPublic]`), optionally of one product."""
        params = {**page_params(limit, cursor, include_archived), "product_id": product_id}
        return self._send(Call("GET", "/api/v1/addons", Page[AddonPublic], params=params))

    def get_addon(self, addon_id: str) -> Any:
        """An add-on (`AddonPublic`)."""
        return self._send(Call("GET", f"/api/v1/addons/{segment(addon_id)}", AddonPublic))

    def create_addon(self, body: AddonCreate | Body) -> Any:
        """Create an add-on; returns `AddonPublic`."""
        return self._send(Call("POST", "/api/v1/addons", AddonPublic, json=payload(body)))

    def update_addon(self, addon_id: str, body: AddonUpdate | Body) -> Any:
        """Change the fields given (lists are replaced); returns `AddonPublic`."""
        path = f"/api/v1/addons/{segment(addon_id)}"
        return self._send(Call("PATCH", path, AddonPublic, json=payload(body, partial=True)))

    def archive_addon(self, addon_id: str) -> Any:
        """Archive an add-on; returns `AddonPublic`."""
        return self._send(Call("POST", f"/api/v1/addons/{segment(addon_id)}/archive", AddonPublic))
