"""`python -m examples.fastapi_host`: the host app on http://localhost:8000 against the Tollgate
at TOLLGATE_URL (default http://localhost:3000), with the keys of `data/demo.env`; it allows
its own origin to embed the widgets first."""

import os
from pathlib import Path

import uvicorn

from backend.client import TollgateClient
from examples.fastapi_host.app import create_host_app


def _demo_keys() -> dict[str, str]:
    path = Path(os.environ.get("TOLLGATE_DATA_DIR", "data")) / "demo.env"
    lines = path.read_text().splitlines() if path.exists() else []
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {**{k.strip(): v.strip() for k, v in pairs}, **os.environ}


if __name__ == "__main__":
    keys = _demo_keys()
    url = keys.get("TOLLGATE_URL", "http://localhost:3000")
    client = TollgateClient(keys["TOLLGATE_API_KEY"], base_url=url)
    app = create_host_app(client, tollgate_url=url,
                          publishable_key=keys["TOLLGATE_PUBLISHABLE_KEY"])
    port = int(keys.get("HOST_PORT", "8000"))
    allowed = client.get_embed_origins()["origins"]
    client.set_embed_origins([*allowed, f"http://localhost:{port}", f"http://127.0.0.1:{port}"])
    uvicorn.run(app, host="127.0.0.1", port=port)
