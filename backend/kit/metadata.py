"""Free-form metadata: JSON objects that every supported database can store as given.

PostgreSQL's JSONB refuses NaN, Infinity and the NUL character (SQLite would keep NaN and hand
it back as null), so they are rejected at the edge with a field error instead.
"""

import math
from typing import Annotated, Any

from pydantic import AfterValidator


def _check(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("NaN and Infinity are not JSON numbers")
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("text may not contain NUL (U+0000) characters")
    if isinstance(value, dict):
        for key, item in value.items():
            _check(key)
            _check(item)
    elif isinstance(value, list):
        for item in value:
            _check(item)


def check_metadata(value: dict[str, Any]) -> dict[str, Any]:
    _check(value)
    return value


MetadataDict = Annotated[dict[str, Any], AfterValidator(check_metadata)]
