"""`GET /embed.js`: the loader a host page includes to embed Tollgate's widgets (the file next
to this module), served with a JavaScript content type, an ETag and short public caching."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request, Response

SCRIPT = Path(__file__).with_name("embed.js")
MAX_AGE = 300
router = APIRouter(tags=["embedding"])


@cache
def loader() -> tuple[bytes, str]:
    """The script's bytes and their strong ETag (read once per process)."""
    body = SCRIPT.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@router.get("/embed.js", include_in_schema=False)
def embed_script(request: Request) -> Response:
    """The embed loader; answers 304 to a matching `If-None-Match`."""
    body, etag = loader()
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE}",
               "X-Content-Type-Options": "nosniff", "Access-Control-Allow-Origin": "*"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)
