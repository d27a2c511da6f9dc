"""Applying a PATCH body to a row, the same way for every resource."""

from typing import Any

from backend.kit.clock import now

RENAMES = {"metadata": "meta", "order": "sort_order"}


def apply_changes(row: Any, changes: dict[str, Any]) -> None:
    """Set each given field on the row (API names mapped to columns; `metadata: null` clears)."""
    for key, value in changes.items():
        if key == "metadata" and value is None:
            value = {}
        setattr(row, RENAMES.get(key, key), value)


def archive(row: Any) -> Any:
    """Mark a row archived once; archiving again keeps the first time."""
    row.archived_at = row.archived_at or now()
    return row
