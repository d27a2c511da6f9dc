"""axe-core on the storefront, portal, checkout and designer pages with the default theme, in
light and dark: no serious or critical violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect


def _serious(page: Page) -> list[str]:
    results = Axe().run(page, options={"resultTypes": ["violations"]}).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def _sign_in(page: Page, who: str = "Acme Corp") -> None:
    page.get_by_test_id("view-as").get_by_role("radio", name=who).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(who)


def _ready(page: Page, testid: str) -> None:
    expect(page.get_by_test_id(testid).first).to_have_attribute("data-status", "ready",
                                                                timeout=60_000)
    page.wait_for_timeout(400)  # transitions end before contrast is measured


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(page: Page, app_url: str, mode: str):
    page.emulate_media(color_scheme=mode)
    page.goto(app_url + "/")
    _ready(page, "paywall")
    problems = {"/": _serious(page)}
    _sign_in(page)
    for path, testid in (("/account", "portal"), ("/checkout", None), ("/designer", "paywall")):
        page.goto(app_url + path)
        if testid:
            _ready(page, testid)
        else:
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
        problems[path] = _serious(page)
    assert {path: found for path, found in problems.items() if found} == {}
