"""The designer's pure helpers: edits of an override document, what the controls show, the
preview's scoped CSS, warnings per control, and documents of imported themes."""

import pytest

from tokens import STARTERS, build, check, export_dtcg, import_dtcg
from widgets.designer import model


def test_controls_come_from_the_catalogue_grouped_by_layer() -> None:
    sections = model.controls()
    colours = sections["Semantic · colours"]
    assert [c.name for c in colours] == list(model.COLOUR_ROLES)
    assert {c.layer for c in colours} == {"semantic"} and colours[0].label == "Primary"
    assert list(sections) == ["Semantic · colours", "Semantic · shape and type"]


def test_edits_are_copies_and_build_valid_documents() -> None:
    doc: dict = {}
    edited = model.set_colour(doc, "primary", "#0F766E")
    edited = model.set_radius(edited, 99)
    edited = model.set_font(edited, "system-serif")
    edited = model.set_layout(edited, "paywall-align", "center")
    assert doc == {}
    assert edited["tokens"]["semantic"]["light"] == {"primary": "#0f766e", "radius-card": "32px"}
    assert edited["font"] == {"family": "system-serif"} and check(edited).errors == []
    shown = model.values(edited, "dark")
    assert shown["primary"] == "#0f766e" and shown["radius-card"] == "32"
    assert (shown["font-family"], shown["paywall-align"]) == ("system-serif", "center")
    dark = model.set_colour(edited, "surface", "#101010", "dark")
    assert dark["tokens"]["semantic"]["dark"] == {"surface": "#101010"}
    with pytest.raises(ValueError):
        model.set_layout(doc, "paywall-columns", "9")
    with pytest.raises(ValueError):
        model.set_font(doc, "Comic Sans")


def test_reset_removes_every_override_of_a_token() -> None:
    doc = model.set_colour(model.set_colour({}, "text", "#111111"), "text", "#eeeeee", "dark")
    doc = model.set_font(model.set_layout(doc, "paywall-columns", "2"), "system-mono")
    assert model.is_overridden(doc, "text") and model.is_overridden(doc, "font-family")
    doc = model.reset(model.reset(model.reset(doc, "text"), "font-family"), "paywall-columns")
    assert not any(model.is_overridden(doc, n) for n in ("text", "font-family",
                                                         "paywall-columns"))
    assert model.values(doc, "light") == model.values({}, "light")


def test_values_show_hex_for_the_colour_inputs() -> None:
    assert model.to_hex("rgba(255, 0, 128, 0.5)") == "#ff0080"
    assert model.to_hex("not a colour") == "#000000"
    assert model.values({}, "light")["primary"] == model.to_hex(
        build({}).resolve("light", "primary"))


def test_preview_css_is_scoped_and_switches_dark_on_the_preview_root() -> None:
    doc = {**model.set_font({}, "Inter"),
           "custom_css": ".tg-root .tg-plan-card { border-width: 2px; }"}
    css = model.scoped_css(doc)
    rules = [line for line in css.splitlines() if line.endswith("{")]
    assert rules == [".tg-preview .tg-root {",
                     '.tg-preview[data-appearance="dark"] .tg-root {']
    assert css.endswith(".tg-preview .tg-root .tg-plan-card { border-width: 2px; }")


def test_low_contrast_warnings_name_the_pair_next_to_both_controls() -> None:
    errors, warnings = model.review(model.set_colour({}, "text", "#f5f5f5"))
    assert errors == []
    first = next(w for w in warnings if (w["foreground"], w["background"]) == ("text",
                                                                             "surface"))
    assert first["mode"] == "light" and first["ratio"] < 1.2 and first["required"] == 4.5
    by_token = model.warnings_by_token(warnings)
    assert first["text"] in by_token["text"] and first["text"] in by_token["surface"]
    assert by_token["success"] == []


@pytest.mark.parametrize("key", sorted(STARTERS))
def test_document_of_an_imported_theme_rebuilds_it(key: str) -> None:
    theme = build(STARTERS[key])
    doc = model.document_of(import_dtcg(export_dtcg(theme)))
    assert check(doc).errors == [] and build(doc) == theme
    assert model.document_of(build({})) == {}
