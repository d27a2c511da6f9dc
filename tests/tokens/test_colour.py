"""Colour parsing (hex, rgb(), hsl()), contrast maths with known ratios, lightness shifts."""

import pytest

from tokens import contrast_ratio, is_colour, parse_colour, shift_lightness
from tokens.colour import Rgba, to_hex


@pytest.mark.parametrize(
    ("text", "hexed"),
    [
        ("#abc", "#aabbcc"),
        ("#AABBCC", "#aabbcc"),
        ("#11223380", "#11223380"),
        ("#1238", "#11223388"),
        ("rgb(255, 0, 0)", "#ff0000"),
        ("rgb(255 128 0 / 50%)", "#ff800080"),
        ("rgba(0, 0, 255, 0.5)", "#0000ff80"),
        ("rgb(100%, 0%, 0%)", "#ff0000"),
        ("hsl(0, 100%, 50%)", "#ff0000"),
        ("hsl(120deg 100% 25%)", "#008000"),
        ("hsla(240, 100%, 50%, .5)", "#0000ff80"),
        ("hsl(0.5turn, 100%, 50%)", "#00ffff"),
        ("transparent", "#00000000"),
    ],
)
def test_parse_colours(text: str, hexed: str) -> None:
    assert to_hex(parse_colour(text)) == hexed


@pytest.mark.parametrize("bad", ["blue", "#12", "#12345", "rgb(1,2)", "rgb(a,b,c)",
                                 "hsl(10px, 1%, 1%)", "url(x)", "", "#gggggg"])
def test_rejects_what_is_not_a_colour(bad: str) -> None:
    assert not is_colour(bad)
    with pytest.raises(ValueError):
        parse_colour(bad)


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("#777777", "#ffffff", 4.48),
        ("#000", "#fff", 21.0),
        ("rgb(0, 0, 0)", "hsl(0, 0%, 100%)", 21.0),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#ffffff", "#3e63dd", 5.21),  # the default primary button
    ],
)
def test_contrast_of_known_pairs(fg: str, bg: str, ratio: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(ratio, abs=0.01)


def test_translucent_colours_are_composited() -> None:
    # black at 50% over white is #808080 (3.95:1 against white)
    assert contrast_ratio("rgba(0,0,0,.5)", "#ffffff") == pytest.approx(
        contrast_ratio("#808080", "#ffffff"), abs=0.05)
    # a translucent background sits on the backdrop first
    assert contrast_ratio("#ffffff", "#00000000", backdrop="#000000") == pytest.approx(21.0)


def test_shift_lightness_keeps_hue_and_clamps() -> None:
    assert shift_lightness("#ffffff", -1.0) == "#000000"
    assert shift_lightness("#000000", 2.0) == "#ffffff"
    assert shift_lightness("#ff0000", 0.0) == "#ff0000"
    shifted = parse_colour(shift_lightness("#ff000080", -0.25))
    assert shifted.a == pytest.approx(128 / 255) and shifted.g == shifted.b == 0
    assert to_hex(Rgba(1, 1, 1, 1)) == "#ffffff"
