"""A plain host web app for the embedding tests: pages served from a dict by a small HTTP
server on its own loopback port (so another origin than Tollgate's)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host app</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 0; padding: 24px 32px;
  background: {background}; color: {color}; }} h1 {{ font-size: 20px; margin: 0 0 16px; }}
  .slot {{ max-width: 1100px; }}</style></head>
<body><h1>Acme host app</h1>
<script>window.seen = []; ["ready", "resize", "planSelected", "checkoutCompleted", "error"]
  .forEach(function (t) {{ document.addEventListener("tollgate:" + t, function (e) {{
    window.seen.push({{type: t, detail: e.detail, target: e.target.id}}); }}); }});</script>
{body}
<script src="{tollgate}/embed.js" data-publishable-key="{key}"></script>
{after}
</body></html>"""


def host_page(tollgate: str, key: str, body: str, after: str = "", dark: bool = False) -> str:
    """An HTML page that loads embed.js from `tollgate` with the publishable `key`."""
    background, color = ("#0f1115", "#e6e8ec") if dark else ("#f4f5f7", "#1b1d22")
    return PAGE.format(tollgate=tollgate, key=key, body=body, after=after,
                       background=background, color=color)


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, str] = {}

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        html = self.pages.get(self.path.split("?")[0])
        self.send_response(200 if html is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((html or "not found").encode())

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def host_server() -> Iterator[tuple[int, dict[str, str]]]:
    """(port, pages): put HTML into `pages[path]`, then open http://localhost:<port><path>."""
    pages: dict[str, str] = {}
    handler = type("Handler", (_Handler,), {"pages": pages})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], pages
    finally:
        server.shutdown()
        server.server_close()
