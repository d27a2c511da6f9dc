"""Each starter theme, published as the default: the storefront's paywall takes its colours in
light and dark, and axe-core finds no serious or critical violations with it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import _ready, _serious
from tokens import STARTERS, build, parse_colour

pytestmark = pytest.mark.e2e


def _rgb(hex_value: str) -> str:
    c = parse_colour(hex_value)
    return f"rgb({round(c.r * 255)}, {round(c.g * 255)}, {round(c.b * 255)})"


@pytest.fixture
def publish_starter(api: httpx.Client) -> Iterator[Callable[[str], None]]:
    """Publish a starter as the environment's default theme; the default is unset afterwards."""

    def publish(name: str) -> None:
        theme_id = f"starter-{name}"
        if api.get(f"/api/v1/themes/{theme_id}").status_code == 404:
            api.post("/api/v1/themes", json={"id": theme_id, "name": f"Starter {name}",
                                             "starter": name}).raise_for_status()
        api.post(f"/api/v1/themes/{theme_id}/publish").raise_for_status()
        api.put("/api/v1/themes/assignments/default",
                json={"theme_id": theme_id}).raise_for_status()

    yield publish
    api.delete("/api/v1/themes/assignments/default")


@pytest.mark.parametrize("starter", sorted(STARTERS))
def test_starter_theme_styles_the_storefront_and_passes_axe(page: Page, app_url: str,
                                                            publish_starter, starter: str):
    publish_starter(starter)
    theme = build(STARTERS[starter])
    problems = {}
    for mode in ("light", "dark"):
        page.emulate_media(color_scheme=mode)
        page.goto(app_url + "/")
        _ready(page, "paywall")
        cta = page.locator(".tg-cta-primary:not(:disabled)").first
        expect(cta).to_have_css("background-color", _rgb(theme.resolve(mode, "primary")))
        problems[mode] = _serious(page)
    assert {mode: found for mode, found in problems.items() if found} == {}
