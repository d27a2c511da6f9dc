"""Text overrides shared by the widgets: merge a widget's defaults with a host's overrides and
fill `{placeholders}`."""

from __future__ import annotations

from collections.abc import Mapping


def merge(defaults: Mapping[str, str], overrides: Mapping[str, str] | None,
          widget: str) -> dict[str, str]:
    """`defaults` with `overrides` applied; an unknown key raises so typos fail loudly."""
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(defaults))
    if unknown:
        raise ValueError(f"unknown {widget} text keys: {', '.join(unknown)}")
    return {**defaults, **{k: str(v) for k, v in overrides.items()}}


def fill(template: str, **values: object) -> str:
    """A text with its `{placeholders}` filled; placeholders it does not use are ignored."""
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", str(value))
    return out
