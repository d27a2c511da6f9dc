"""The widgets' shared client: in-process by default, HTTP with TOLLGATE_API_URL."""

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi import FastAPI

from widgets import _client


@pytest.fixture(autouse=True)
def _reset(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TOLLGATE_API_URL", raising=False)
    yield
    _client.configure()


def test_in_process_client_targets_the_registered_app() -> None:
    app = FastAPI()
    _client.configure(app=app, api_key="tg_sk_test")
    client = _client.get_client()
    assert client is _client.get_client()
    assert client._http.headers["Authorization"] == "Bearer tg_sk_test"
    assert str(client._http.base_url).startswith("http://tollgate.internal")


def test_api_url_wins_over_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOLLGATE_API_URL", "http://billing.example:8000")
    _client.configure(app=FastAPI(), api_key="k")
    assert str(_client.get_client()._http.base_url) == "http://billing.example:8000"


def test_unconfigured_client_explains_itself() -> None:
    _client.configure()
    with pytest.raises(RuntimeError, match="configure"):
        _client.get_client()


def test_settings_are_imported_lazily() -> None:
    code = "import sys, widgets; print('backend.config' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"


def test_a_publishable_key_gets_its_own_client() -> None:
    _client.configure(app=FastAPI(), api_key="tg_sk_test")
    embedded = _client.key_client("tg_pk_site")
    assert embedded is _client.key_client("tg_pk_site")
    assert embedded._http.headers["Authorization"] == "Bearer tg_pk_site"
    assert _client.key_client(None) is _client.get_client()
    _client.configure(app=FastAPI(), api_key="tg_sk_test")
    assert _client.key_client("tg_pk_site") is not embedded
