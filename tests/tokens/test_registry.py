"""The token catalogue the designer lists: layers, types, labels, groups and widgets."""

from tokens import catalogue, default_theme, widget_kinds, widget_tokens
from tokens.registry import TOKEN_TYPES


def test_every_token_of_the_default_theme_is_catalogued_once() -> None:
    theme, known = default_theme(), catalogue()
    assert set(known) == set(theme.tokens("light")) == set(theme.tokens("dark"))
    assert {t.type for t in known.values()} <= set(TOKEN_TYPES)


def test_types_follow_aliases_and_declarations() -> None:
    known = catalogue()
    assert (known["gray.12"].layer, known["gray.12"].type) == ("base", "color")
    assert known["radius.2"].type == known["font.size.3"].type == "dimension"
    assert known["font.weight.bold"].type == "fontWeight"
    assert known["shadow-card"].type == "shadow" and known["font-family"].type == "fontFamily"
    assert known["paywall-card-radius"].type == "dimension"
    assert known["paywall-align"].type == "alignment"
    assert known["paywall-price-size"].type == "dimension"


def test_labels_groups_and_widgets() -> None:
    card = catalogue()["paywall-card-bg"]
    assert (card.label, card.group, card.widgets) == ("Card background", "paywall", ("paywall",))
    assert catalogue()["portal-section-title-text"].label == "Section title text"
    assert catalogue()["text-muted"].group == "roles"
    assert set(widget_kinds()) >= {"paywall", "checkout", "customer_portal", "credit_usage"}
    chart = [t.name for t in widget_tokens("credit_usage") if t.name.startswith("credit-chart-s")]
    assert chart[:2] == ["credit-chart-series-1", "credit-chart-series-2"]
    assert all(t.layer == "component" for t in widget_tokens("paywall"))
