"""The designer's token controls, discovered from `tokens.catalogue()`: base colour scales,
sizes, spacing and radii; more semantic roles; and every widget's component tokens, each group
collapsible, with contrast warnings next to the controls whose tokens fail a pair."""

from __future__ import annotations

import reflex as rx

from widgets.designer import controls_model as model
from widgets.designer.controls_css import CONTROLS_CSS
from widgets.designer.controls_model import Control, Group
from widgets.designer.controls_state import ControlsState as C
from widgets.designer.state import DesignerState as S

_ROLE_OPTIONS = rx.Var.create(list(model.colour_roles()))


def _testid(name: str) -> dict[str, str]:
    return {"data-testid": name}


def _filtered(words: str):
    """True while the token filter is set and matches none of `words`."""
    return (C.query != "") & ~rx.Var.create(words.lower()).contains(C.query)


def _id(name: str, part: str = "") -> str:
    return "dz-t-" + name.replace(".", "-") + (f"-{part}" if part else "")


def _reset(name: str, label: str) -> rx.Component:
    return rx.el.button(rx.icon("rotate-ccw", size=16, aria_hidden="true"), type="button",
                        class_name="dz-reset", on_click=C.reset_token(name),
                        disabled=~S.overridden[name], title="Reset to default",
                        aria_label=f"Reset {label} to the default",
                        custom_attrs=_testid(f"reset-{name}"))


def _feedback(name: str) -> rx.Component:
    return rx.fragment(
        rx.cond(C.errors.contains(name),
                rx.el.p(C.errors[name], class_name="dz-error", role="alert")),
        rx.foreach(S.token_warnings[name], lambda text: rx.el.p(
            rx.icon("triangle-alert", size=14, aria_hidden="true"), text,
            class_name="dz-warning", custom_attrs=_testid(f"warning-{name}"))),
    )


def _head(c: Control, for_id: str, chip: bool = True) -> rx.Component:
    alias = S.token_values[f"{c.name}#alias"]
    return rx.el.div(
        rx.el.label(c.label, html_for=for_id, class_name="dz-label"),
        rx.cond(alias != "", rx.el.span(rx.icon("link-2", size=12, aria_hidden="true"), alias,
                                        class_name="dz-alias", title="Follows this token",
                                        custom_attrs=_testid(f"alias-of-{c.name}")))
        if chip else rx.fragment(),
        _reset(c.name, c.spoken),
        class_name="dz-token-head",
    )


def _colour(c: Control, component: bool) -> rx.Component:
    hex_id = _id(c.name, "hex")
    value = S.token_values[c.name]
    picker = rx.el.select(
        rx.el.option("Custom colour", value=""),
        rx.foreach(_ROLE_OPTIONS, lambda role: rx.el.option(role, value=role)),
        value=S.token_values[f"{c.name}#alias"], on_change=lambda v: C.set_alias(c.name, v),
        class_name="dz-select dz-alias-select", aria_label=f"{c.spoken} follows role",
        custom_attrs=_testid(f"role-{c.name}"),
    ) if component else rx.fragment()
    return rx.el.div(
        _head(c, hex_id, chip=not component),
        rx.el.div(
            rx.el.input(type="color", value=value, class_name="dz-swatch",
                        on_change=lambda v: C.set_colour(c.name, v),
                        aria_label=f"{c.spoken} colour picker",
                        custom_attrs=_testid(f"swatch-{c.name}")),
            rx.el.input(type="text", id=hex_id, default_value=value, key=value,
                        class_name="dz-input dz-hex", spell_check=False, auto_complete="off",
                        on_blur=lambda v: C.set_colour(c.name, v),
                        custom_attrs=_testid(f"hex-{c.name}")),
            picker,
            class_name="dz-row",
        ),
        _feedback(c.name),
        class_name="dz-token", custom_attrs=_testid(f"token-{c.name}"),
        hidden=_filtered(f"{c.name} {c.label}"),
    )


def _dimension(c: Control) -> rx.Component:
    number_id = _id(c.name, "number")
    number, unit = S.token_values[f"{c.name}#number"], S.token_values[f"{c.name}#unit"]
    px, rem = model.slider_range(c.name, "px"), model.slider_range(c.name, "rem")

    def bound(i: int):
        return rx.cond(unit == "px", px[i], rem[i])

    return rx.el.div(
        _head(c, number_id),
        rx.el.form(
            rx.el.input(type="range", min=bound(0), max=bound(1), step=bound(2), value=number,
                        on_change=lambda v: C.set_number(c.name, v), class_name="dz-range",
                        aria_label=f"{c.spoken} slider", aria_valuetext=number + unit,
                        custom_attrs=_testid(f"slider-{c.name}")),
            rx.el.input(type="number", id=number_id, name="number", default_value=number,
                        key=number + unit, step="any", class_name="dz-input dz-number",
                        on_blur=lambda v: C.set_number(c.name, v),
                        custom_attrs=_testid(f"number-{c.name}")),
            rx.el.select(*[rx.el.option(u, value=u) for u in model.UNITS], value=unit,
                         on_change=lambda v: C.set_unit(c.name, v),
                         class_name="dz-select dz-unit", aria_label=f"{c.spoken} unit",
                         custom_attrs=_testid(f"unit-{c.name}")),
            on_submit=lambda form: C.submit_number(c.name, form),
            reset_on_submit=False, class_name="dz-row",
        ),
        _feedback(c.name),
        class_name="dz-token", custom_attrs=_testid(f"token-{c.name}"),
        hidden=_filtered(f"{c.name} {c.label}"),
    )


def _choice(c: Control, options: tuple[str, ...]) -> rx.Component:
    field_id = _id(c.name)
    return rx.el.div(
        _head(c, field_id, chip=c.kind != "shadow"),
        rx.el.select(*[rx.el.option(o.replace("-", " ").capitalize() if c.kind == "choice"
                                    else o, value=o) for o in options],
                     id=field_id, value=S.token_values[c.name],
                     on_change=lambda v: C.set_choice(c.name, v), class_name="dz-select",
                     custom_attrs=_testid(f"choice-{c.name}")),
        class_name="dz-token", custom_attrs=_testid(f"token-{c.name}"),
        hidden=_filtered(f"{c.name} {c.label}"),
    )


def control(c: Control, component: bool = False) -> rx.Component:
    """The control of one token, by its kind."""
    if c.kind == "colour":
        return _colour(c, component)
    if c.kind == "dimension":
        return _dimension(c)
    if c.kind == "shadow":
        return _choice(c, model.shadow_choices())
    return _choice(c, c.options)


def _words(group: Group) -> str:
    return " ".join(f"{c.name} {c.label}" for c in group.controls)


def _group(group: Group, *body: rx.Component, count: int = 0, words: str = "") -> rx.Component:
    badge: rx.Component = rx.fragment()
    if group.key in model.warning_counts({}):
        warned = S.group_warnings[group.key]
        badge = rx.cond(warned > 0, rx.el.span(
            rx.icon("triangle-alert", size=12, aria_hidden="true"), warned.to_string(),
            class_name="dz-badge", title="Contrast warnings in this group",
            custom_attrs=_testid(f"badge-{group.key}")))
    return rx.el.details(
        rx.el.summary(
            rx.el.h3(group.title, class_name="dz-group-title"),
            rx.el.span(str(count or len(group.controls)), class_name="dz-count",
                       aria_hidden="true"),
            badge,
            rx.icon("chevron-down", size=16, class_name="dz-chevron", aria_hidden="true"),
            class_name="dz-summary", custom_attrs=_testid(f"group-{group.key}"),
        ),
        rx.el.div(*body, class_name="dz-group-body"),
        class_name="dz-group", open=C.query != "", hidden=_filtered(words or _words(group)),
    )


def _subgroup(title: str, controls: list[Control]) -> list[rx.Component]:
    if not controls:
        return []
    return [rx.el.h4(title, class_name="dz-subtitle", hidden=C.query != ""),
            *[control(c, component=True) for c in controls]]


def _widget_group(group: Group) -> rx.Component:
    shapes = [c for c in group.controls if c.kind != "colour"]
    colours = [c for c in group.controls if c.kind == "colour"]
    title = "Layout, size and shape" if any(c.kind == "choice" for c in shapes) else \
        "Size, spacing and shape"
    return _group(group, *_subgroup(title, shapes), *_subgroup("Colours", colours))


def _any_set(scale: str):
    flags = [S.overridden[f"{scale}.{n}"] for n in model.SCALE_STEPS]
    found = flags[0]
    for flag in flags[1:]:
        found = found | flag
    return found


def _scale(scale: str) -> rx.Component:
    title = scale.capitalize()

    def step(n: int) -> rx.Component:
        name = f"{scale}.{n}"
        return rx.el.label(
            rx.el.input(type="color", value=S.token_values[name], class_name="dz-step-input",
                        on_change=lambda v: C.set_colour(name, v),
                        aria_label=f"{title} step {n}", custom_attrs=_testid(f"step-{name}")),
            rx.el.span(str(n), class_name="dz-step-no", aria_hidden="true"),
            class_name=rx.cond(S.overridden[name], "dz-step dz-step-set", "dz-step"),
            title=f"{name} " + S.token_values[name],
        )

    return rx.el.div(
        rx.el.div(rx.el.span(title, class_name="dz-scale-name", id=f"dz-scale-{scale}"),
                  rx.el.button("Reset", type="button", class_name="dz-link",
                               on_click=C.reset_scale(scale), disabled=~_any_set(scale),
                               aria_label=f"Reset the {title} scale to the default"),
                  class_name="dz-scale-head"),
        rx.el.div(*[step(n) for n in model.SCALE_STEPS], class_name="dz-steps"),
        role="group", aria_labelledby=f"dz-scale-{scale}", class_name="dz-scale",
        hidden=_filtered(f"{scale} colour scale"),
        custom_attrs=_testid(f"scale-{scale}"),
    )


def _layer(key: str, title: str, lead: str, *groups: rx.Component, words: str = ""
           ) -> rx.Component:
    return rx.el.section(
        rx.el.h2(title, class_name="dz-section-title", id=f"dz-layer-{key}"),
        rx.el.p(lead, class_name="dz-lead"),
        *groups,
        class_name="dz-section dz-layer", aria_labelledby=f"dz-layer-{key}",
        hidden=_filtered(words),
        custom_attrs=_testid(f"layer-{key}"),
    )


def token_sections() -> rx.Component:
    """The Base, Semantic and Component layers of the panel."""
    scales = Group("base-colours", "Colour scales", ())
    base = _layer(
        "base", "Base tokens", "Raw values the roles point at. Colours edit the previewed mode.",
        _group(scales, rx.el.p("Steps 1–2 backgrounds, 3–5 fills, 6–8 borders, 9–10 solids, "
                               "11–12 text.", class_name="dz-hint"),
               *[_scale(s) for s in model.scales()], count=len(model.scales()),
               words=" ".join(f"{s} colour scale" for s in model.scales())),
        *[_group(g, *[control(c) for c in g.controls]) for g in model.base_groups()],
        words=" ".join(f"{s} colour scale" for s in model.scales()) + " "
        + " ".join(_words(g) for g in model.base_groups()),
    )
    semantic = _layer(
        "semantic", "Semantic roles", "Roles every widget uses; the main ones are above.",
        *[_group(g, *[control(c) for c in g.controls]) for g in model.semantic_groups()],
        words=" ".join(_words(g) for g in model.semantic_groups()),
    )
    component = _layer(
        "component", "Components", "Each widget's own tokens. A colour follows a role until "
        "you give it a colour; component values apply to light and dark.",
        *[_widget_group(g) for g in model.component_groups()],
        words=" ".join(_words(g) for g in model.component_groups()),
    )
    return rx.fragment(rx.el.style(CONTROLS_CSS), _finder(), base, semantic, component)


def _finder() -> rx.Component:
    """Filter every token group at once (the groups with matches open)."""
    return rx.el.div(
        rx.el.label("Find a token", html_for="dz-find", class_name="dz-label"),
        rx.el.div(
            rx.icon("search", size=16, class_name="dz-find-icon", aria_hidden="true"),
            rx.debounce_input(rx.el.input(
                id="dz-find", type="search", value=C.query, on_change=C.set_query,
                placeholder="Name or label, e.g. price", auto_complete="off",
                class_name="dz-input dz-find-input", custom_attrs=_testid("token-filter"),
            ), debounce_timeout=250),
            class_name="dz-find-field",
        ),
        class_name="dz-section dz-find", role="search",
    )
