"""The designer's token controls: discovered from the catalogue by layer and widget, edits of
every layer, the values they show, resets and warnings per token."""

import pytest

from tokens import build, catalogue, check
from tokens.components import GROUPS
from widgets.designer import controls_model as model


def test_every_widget_group_lists_its_component_tokens_from_the_catalogue() -> None:
    groups = {g.key: g for g in model.component_groups()}
    assert list(groups) == [g.key for g in GROUPS]
    paywall = {c.name: c for c in groups["paywall"].controls}
    assert paywall["paywall-price-size"].kind == "dimension"
    assert paywall["paywall-highlight-border"].kind == "colour"
    assert paywall["paywall-card-shadow"].kind == "shadow"
    assert paywall["paywall-align"].options == ("left", "center", "right")
    assert paywall["paywall-card-radius"].spoken == "Paywall card radius"
    names = {c.name for g in groups.values() for c in g.controls}
    assert names == {t.name for t in catalogue().values() if t.layer == "component"}


def test_base_and_semantic_groups_cover_their_layers() -> None:
    base = {g.key: [c.name for c in g.controls] for g in model.base_groups()}
    assert base["base-font-size"][0] == "font.size.1" and "space.9" in base["base-space"]
    assert {c.kind for c in model.base_groups()[1].controls} == {"weight"}
    semantic = [c.name for g in model.semantic_groups() for c in g.controls]
    assert "focus-ring" in semantic and "chart-10" in semantic and "primary" not in semantic
    assert len(model.scales()) == 10 and "gray.12" in model.all_names()


def test_shown_values_give_hex_numbers_units_and_aliases() -> None:
    shown = model.shown({}, "light")
    assert shown["paywall-price-size"] == "40px"
    assert (shown["paywall-price-size#number"], shown["paywall-price-size#unit"]) == ("40", "px")
    assert shown["paywall-highlight-border"] == "#3e63dd"
    assert shown["paywall-highlight-border#alias"] == "accent"
    assert shown["paywall-card-shadow"] == "shadow-card" and shown["gray.1"] == "#fcfcfd"
    assert model.shown({}, "dark")["gray.1"] == "#111113"


def test_component_edits_override_repoint_and_reset() -> None:
    doc = model.set_token({}, "paywall-highlight-border", "#B91C1C")
    assert doc == {"tokens": {"component": {"paywall-highlight-border": "#b91c1c"}}}
    assert model.shown(doc, "dark")["paywall-highlight-border#alias"] == ""
    doc = model.set_token(doc, "paywall-cta-bg", "{danger}")
    assert model.shown(doc, "light")["paywall-cta-bg#alias"] == "danger"
    assert check(doc).errors == []
    back = model.set_token(doc, "paywall-cta-bg", "{primary}")
    assert "paywall-cta-bg" not in back["tokens"]["component"]
    assert model.overridden(doc)["paywall-highlight-border"]
    cleared = model.reset_token(doc, "paywall-highlight-border")
    assert not model.overridden(cleared)["paywall-highlight-border"]
    with pytest.raises(ValueError):
        model.set_token({}, "paywall-nope", "#000000")


def test_layout_tokens_go_under_layout_and_base_edits_per_mode() -> None:
    doc = model.set_token({}, "paywall-card-min-width", "300px")
    assert doc == {"layout": {"paywall-card-min-width": "300px"}} and check(doc).errors == []
    doc = model.set_token(doc, "gray.3", "#EEEEEE", "dark")
    assert doc["tokens"]["base"] == {"dark": {"gray.3": "#eeeeee"}}
    assert model.shown(doc, "dark")["gray.3"] == "#eeeeee"
    assert model.shown(doc, "light")["gray.3"] == "#f0f0f3"


def test_dimensions_are_clamped_to_their_slider_in_their_unit() -> None:
    assert model.slider_range("paywall-price-size") == (16.0, 72.0, 1.0)
    assert model.slider_range("paywall-card-radius", "rem") == (0.0, 3.0, 0.125)
    doc = model.set_dimension({}, "paywall-price-size", 500, "px")
    assert doc["tokens"]["component"]["paywall-price-size"] == "72px"
    doc = model.set_dimension(doc, "paywall-card-radius", 1.25, "rem")
    assert doc["tokens"]["component"]["paywall-card-radius"] == "1.25rem"
    assert model.set_dimension({}, "space.3", 0, "px")["tokens"]["base"]["light"] == {
        "space.3": "0"}
    assert check(doc).errors == [] and build(doc).resolve("light", "paywall-card-radius")
    with pytest.raises(ValueError):
        model.set_dimension({}, "space.3", 4, "vh")
    assert model.split_dimension("1.50rem") == ("1.5", "rem")
    assert model.split_dimension("0") == ("0", "px") and model.split_dimension("x") == ("", "px")


def test_shadow_choices_and_none_are_valid_documents() -> None:
    assert model.shadow_choices()[-1] == model.NO_SHADOW
    doc = model.set_token({}, "paywall-card-shadow", "none")
    assert check(doc).errors == [] and model.shown(doc, "light")["paywall-card-shadow"] == "none"
    doc = model.set_token({}, "paywall-card-shadow", "{shadow.1}")
    assert model.shown(doc, "light")["paywall-card-shadow"] == "shadow.1"


def test_component_contrast_warnings_sit_next_to_both_tokens_and_count_per_group() -> None:
    from widgets.designer.model import review

    doc = model.set_token({}, "paywall-cta-text", "#c7d2fe")
    _, warnings = review(doc)
    by_token = model.warnings_by_token(warnings)
    assert by_token["paywall-cta-text"] and by_token["paywall-cta-bg"]
    assert any("paywall-cta-text on paywall-cta-bg (light)" in t
               for t in by_token["paywall-cta-text"])
    counts = model.warning_counts(by_token)
    assert counts["paywall"] >= 2 and counts["checkout"] == 0


def test_sizes_edited_in_dark_mode_apply_to_both_modes() -> None:
    doc = model.set_token({"tokens": {"base": {"dark": {"space.4": "20px"}}}}, "space.4",
                          "18px", "dark")
    assert doc["tokens"]["base"] == {"light": {"space.4": "18px"}, "dark": {}}
    assert build(doc).resolve("dark", "space.4") == "18px"
