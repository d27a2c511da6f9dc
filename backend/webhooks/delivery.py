"""One HTTP POST of a signed message, and what came back (status, first KB, time taken).

Redirects are not followed (a 3xx is a failure, like any non-2xx answer); timeouts and
connection errors are failures without a status code.
"""

import time
from dataclasses import dataclass

import httpx

EXCERPT_BYTES = 1024


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    response_body: str
    duration_ms: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(http: httpx.Client, url: str, body: str, headers: dict[str, str],
         timeout: float) -> Outcome:
    """POST `body` to `url`; never raises for network trouble (that is an `Outcome` too)."""
    started = time.perf_counter()

    def took() -> int:
        return int((time.perf_counter() - started) * 1000)

    try:
        with http.stream("POST", url, content=body.encode(), headers=headers,
                         timeout=timeout) as response:
            excerpt = b""
            for chunk in response.iter_bytes():
                excerpt += chunk
                if len(excerpt) >= EXCERPT_BYTES:
                    break
            text = excerpt[:EXCERPT_BYTES].decode("utf-8", errors="replace")
            return Outcome(response.status_code, text, took())
    except httpx.TimeoutException:
        return Outcome(None, "", took(), error=f"timed out after {timeout:g}s")
    except httpx.HTTPError as exc:
        return Outcome(None, "", took(), error=f"{type(exc).__name__}: {exc}"[:200])
