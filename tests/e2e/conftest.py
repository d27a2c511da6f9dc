"""One running app for the whole e2e session (fresh SQLite data dir, demo seeded) + Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TOLLGATE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT = 300.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _app_env(data_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "TOLLGATE_API_KEY", "TOLLGATE_API_URL")}
    env.update(
        TOLLGATE_DATA_DIR=str(data_dir),
        TOLLGATE_PORT=str(port),
        REFLEX_TELEMETRY_ENABLED="false",
        PYTHONUNBUFFERED="1",
    )
    env.setdefault("REFLEX_BUN_PATH", str(ROOT / ".tools/node_modules/bun/bin/bun.exe"))
    return env


def _run_cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "backend.cli", *args], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True, timeout=120)
    return done.stdout


def _env_value(data_dir: Path, name: str) -> str:
    for line in (data_dir / "demo.env").read_text().splitlines():
        if line.startswith(name + "="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError(f"seed-demo wrote no {name}")


def _api_key(data_dir: Path) -> str:
    return _env_value(data_dir, "TOLLGATE_API_KEY")


def _wait_until_up(proc: subprocess.Popen, base: str, api_key: str, log: Path) -> None:
    """Wait for `/` and the paywall endpoint; fail fast if the app dies or the API keeps 5xx-ing."""
    deadline = time.monotonic() + START_TIMEOUT
    headers = {"Authorization": f"Bearer {api_key}"}
    failing_since: float | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            api = httpx.get(f"{base}/api/v1/paywall", params={"product_id": "workspace"},
                            headers=headers, timeout=5)
            page = httpx.get(f"{base}/", timeout=5)
        except httpx.HTTPError:
            api = page = None
        if api is not None and page is not None:
            if api.status_code == 200 and page.status_code == 200:
                return
            if api.status_code >= 500:
                failing_since = failing_since or time.monotonic()
                if time.monotonic() - failing_since > 30:
                    raise RuntimeError(f"paywall API answers {api.status_code}: {api.text[:500]}"
                                       f"\n{log.read_text()[-3000:]}")
        time.sleep(1)
    raise RuntimeError(f"app not up after {START_TIMEOUT:.0f}s:\n{log.read_text()[-4000:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's TOLLGATE_DATA_DIR: a fresh SQLite database for the session."""
    return tmp_path_factory.mktemp("tollgate-data")


_APP_LOG: list[Path] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Attach the tail of the running app's log to a failing browser test's report."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and _APP_LOG and _APP_LOG[0].exists():
        tail = _APP_LOG[0].read_text(errors="replace").splitlines()[-60:]
        report.sections.append(("app log (last 60 lines)", "\n".join(tail)))


@pytest.fixture(scope="session")
def app_url(data_dir: Path) -> Iterator[str]:
    """Base URL of `reflex run --env prod` serving the storefront and /api on one port."""
    port = _free_port()
    env = _app_env(data_dir, port)
    for command in ("migrate", "seed-demo"):
        _run_cli(env, command)
    log = data_dir / "reflex.log"
    _APP_LOG.append(log)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "reflex", "run", "--env", "prod"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, base, _api_key(data_dir), log)
        yield base
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def cli(app_url: str, data_dir: Path) -> Callable[..., str]:
    """`cli("create-environment", "staging")`: the last line `backend.cli` prints, run on the
    running app's database."""
    env = _app_env(data_dir, 0)
    return lambda *args: _run_cli(env, *args).strip().splitlines()[-1]


@pytest.fixture(scope="session")
def api(app_url: str, data_dir: Path) -> Iterator[httpx.Client]:
    """An HTTP client for the running app's API with the demo's secret key."""
    headers = {"Authorization": f"Bearer {_api_key(data_dir)}"}
    with httpx.Client(base_url=app_url, headers=headers, timeout=10) as client:
        yield client


@pytest.fixture(scope="session")
def embed_url(app_url: str, data_dir: Path) -> Callable[..., str]:
    """`embed_url("/embed/paywall/workspace", theme="dark")`: a hosted widget page's URL with
    the demo's publishable key, opened by Tollgate's own origin (frame-ancestors 'self')."""
    key = _env_value(data_dir, "TOLLGATE_PUBLISHABLE_KEY")

    def url(path: str, **params: str) -> str:
        query = httpx.QueryParams({"key": key, "origin": app_url, **params})
        return f"{app_url}{path}?{query}"

    return url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless system Chromium, shared by the session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh desktop-sized page (own cookies and storage) per test."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.set_default_navigation_timeout(45_000)
    yield page
    context.close()


@pytest.fixture
def storefront(page: Page, app_url: str) -> Page:
    """The storefront with the paywall loaded."""
    page.goto(app_url + "/")
    expect(page.get_by_test_id("paywall")).to_have_attribute("data-status", "ready", timeout=60_000)
    return page
