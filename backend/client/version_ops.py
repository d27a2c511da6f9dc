"""Plan version operations: versions, the draft, publish, discard, diff."""

from __future__ import annotations

from typing import Any

from backend.catalog.schemas import PlanDiff, PlanPublic, PlanVersionSummary
from backend.client.call import Call, Sender, segment
from backend.kit.pagination import Page


class VersionOperations(Sender):
    """Editing a plan (`update_plan`) makes a draft; publishing makes it the live version N+1."""

    def list_plan_versions(self, plan_id: str, *, limit: int | None = None,
                           cursor: str | None = None) -> Any:
        """One page of a plan's versions, oldest first (`Page[PlanVersionSummary]`)."""
        path = f"/api/v1/plans/{segment(plan_id)}/versions"
        params = {"limit": limit, "cursor": cursor}
        return self._send(Call("GET", path, Page[PlanVersionSummary], params=params))

    def get_plan_version(self, plan_id: str, version: int) -> Any:
        """One version of a plan, whatever its status (`PlanPublic`)."""
        path = f"/api/v1/plans/{segment(plan_id)}/versions/{int(version)}"
        return self._send(Call("GET", path, PlanPublic))

    def get_plan_draft(self, plan_id: str) -> Any:
        """The plan's draft (`PlanPublic`); a 404 problem when there is none."""
        return self._send(Call("GET", f"/api/v1/plans/{segment(plan_id)}/draft", PlanPublic))

    def publish_plan(self, plan_id: str) -> Any:
        """Publish the draft as the next live version (`PlanPublic`)."""
        return self._send(Call("POST", f"/api/v1/plans/{segment(plan_id)}/publish", PlanPublic))

    def discard_plan_draft(self, plan_id: str) -> Any:
        """Throw the draft away (no result)."""
        return self._send(Call("DELETE", f"/api/v1/plans/{segment(plan_id)}/draft"))

    def diff_plan_versions(self, plan_id: str, *, from_version: int | str | None = None,
                           to_version: int | str | None = None) -> Any:
        """Price, entitlement and field changes between two versions (`PlanDiff`).

        Each side is a version number, 'draft' or 'live'; by default live → draft.
        """
        params = {"from": from_version, "to": to_version}
        return self._send(Call("GET", f"/api/v1/plans/{segment(plan_id)}/diff", PlanDiff,
                               params=params))
