"""DTCG JSON export and import: shape, aliases as "{group.token}", and the round trip."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokens import check, default_theme, export_dtcg, import_dtcg
from tokens.registry import catalogue


def test_export_nests_groups_and_writes_aliases_as_paths() -> None:
    doc = export_dtcg(default_theme())
    assert doc["base"]["gray"]["12"] == {"$value": "#1c2024", "$type": "color",
                                         "$extensions": {"dev.tollgate": {"dark": "#edeef0"}}}
    assert doc["base"]["font"]["size"]["1"] == {"$value": "12px", "$type": "dimension"}
    assert doc["semantic"]["text"] == {"$value": "{base.gray.12}", "$type": "color"}
    assert doc["component"]["paywall"]["paywall-cta-bg"] == {
        "$value": "{semantic.primary}", "$type": "color"}
    assert doc["component"]["paywall"]["paywall-align"]["$extensions"] == {
        "dev.tollgate": {"type": "alignment"}}
    assert doc["$extensions"]["dev.tollgate"]["name"] == "tollgate"


def test_default_theme_round_trips_through_json() -> None:
    theme = default_theme()
    assert import_dtcg(json.loads(json.dumps(export_dtcg(theme)))) == theme


COLOURS = st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)
SEMANTIC_COLOURS = sorted(n for n, t in catalogue().items()
                          if t.layer == "semantic" and t.type == "color")
BASE_COLOURS = sorted(n for n, t in catalogue().items() if t.layer == "base" and t.type == "color")
COMPONENT_ALIASES = {n: t for n, t in catalogue().items()
                     if t.layer == "component" and t.type == "color"}


@st.composite
def documents(draw) -> dict:
    """Override sets over the default theme: literal and aliased roles, components, layout."""
    light = draw(st.dictionaries(st.sampled_from(SEMANTIC_COLOURS),
                                 COLOURS | st.sampled_from(BASE_COLOURS).map("{{{}}}".format),
                                 max_size=6))
    dark = draw(st.dictionaries(st.sampled_from(SEMANTIC_COLOURS), COLOURS, max_size=3))
    base = draw(st.dictionaries(st.sampled_from(BASE_COLOURS), COLOURS, max_size=4))
    component = draw(st.dictionaries(st.sampled_from(sorted(COMPONENT_ALIASES)),
                                     st.sampled_from(SEMANTIC_COLOURS).map("{{{}}}".format),
                                     max_size=4))
    doc = {"name": draw(st.text(min_size=1, max_size=20)),
           "tokens": {"base": {"light": base}, "semantic": {"light": light, "dark": dark},
                      "component": component},
           "layout": {"paywall-align": draw(st.sampled_from(["left", "center", "right"]))},
           "font": {"family": draw(st.sampled_from(["system-serif", "system-mono", "Inter"]))},
           "texts": {"paywall": {"en": {"cta.subscribe": draw(st.text(max_size=30))}}},
           "custom_css": draw(st.sampled_from(["", ".tg-root h2 { color: red }"]))}
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_import_of_export_is_the_same_theme(doc: dict) -> None:
    theme = check(doc).theme
    assert theme is not None
    exported = json.loads(json.dumps(export_dtcg(theme)))
    assert import_dtcg(exported) == theme
