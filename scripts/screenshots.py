"""Regenerate the documentation screenshots from a running Tollgate app.

    python scripts/screenshots.py --url http://localhost:3000 [--review artifacts/screenshots]

Writes docs/images/designer.png (the designer with its preview), designer-dark.png and one
starter-<name>.png per starter theme (its paywall). The designer's starters are applied to
the browser session's draft only: nothing is saved or published. `--review DIR` also writes
every starter in light and dark, on each preview tab, to DIR for checking by eye.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tokens import STARTERS  # noqa: E402
from widgets.designer.preview_model import TABS  # noqa: E402

IMAGES = ROOT / "docs" / "images"
CHROMIUM = os.environ.get("TOLLGATE_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 800}


def open_designer(page: Page, url: str) -> None:
    page.goto(url.rstrip("/") + "/designer")
    expect(page.locator(".dz-layout")).to_have_attribute("data-loaded", "true", timeout=90_000)
    wait_for_tab(page, "paywall")


def wait_for_tab(page: Page, tab: str) -> None:
    panel = page.get_by_test_id(f"preview-panel-{tab}")
    expect(panel).to_be_visible()
    expect(panel.locator(".tg-skeleton, [data-status='loading']")).to_have_count(0,
                                                                              timeout=60_000)
    page.wait_for_timeout(400)  # transitions and the chart settle


def apply_starter(page: Page, key: str) -> None:
    page.locator("#dz-starter").select_option(key)
    page.get_by_role("button", name="Apply", exact=True).click()
    page.wait_for_timeout(600)


def show(page: Page, *, tab: str = "paywall", mode: str = "light") -> None:
    page.get_by_test_id(f"preview-{mode}").click()
    page.get_by_test_id(f"preview-tab-{tab}").click()
    wait_for_tab(page, tab)


def shoot_preview(page: Page, tab: str, path: Path) -> None:
    """The tab's panel (the themed widgets), at most a viewport high."""
    panel = page.get_by_test_id(f"preview-panel-{tab}")
    panel.scroll_into_view_if_needed()
    page.evaluate("""el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY
                                              - 80)""", panel.element_handle())
    box = panel.bounding_box()
    assert box is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), clip={"x": box["x"], "y": box["y"], "width": box["width"],
                                          "height": min(box["height"], VIEWPORT["height"] - 96)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:3000")
    parser.add_argument("--review", type=Path, help="also write every starter, mode and tab")
    args = parser.parse_args()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme)
            page = context.new_page()
            open_designer(page, args.url)
            show(page, tab="paywall", mode=scheme)
            page.evaluate("window.scrollTo(0, 0)")
            name = "designer.png" if scheme == "light" else "designer-dark.png"
            page.screenshot(path=str(IMAGES / name))
            context.close()
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        open_designer(page, args.url)
        for key in STARTERS:
            apply_starter(page, key)
            show(page, tab="paywall", mode="light")
            shoot_preview(page, "paywall", IMAGES / f"starter-{key}.png")
            if args.review:
                for mode in ("light", "dark"):
                    for tab in TABS:
                        show(page, tab=tab, mode=mode)
                        shoot_preview(page, tab, args.review / f"starter-{key}-{mode}-{tab}.png")
        context.close()
        browser.close()


if __name__ == "__main__":
    main()
