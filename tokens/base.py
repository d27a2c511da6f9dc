"""Base tokens: raw values with no meaning attached (colour scales, radii, spacing, type).

Colour scales have twelve steps with fixed roles, as in Radix Colors: 1-2 backgrounds,
3-5 component backgrounds, 6-8 borders, 9-10 solid fills, 11 low-contrast text,
12 high-contrast text. Each scale has a light and a dark variant with the same step roles, so
semantic tokens alias a step once and work in both modes.
"""

from __future__ import annotations

from collections.abc import Mapping

Scale = tuple[str, ...]

SCALES_LIGHT: dict[str, Scale] = {
    "gray": (
        "#fcfcfd", "#f9f9fb", "#f0f0f3", "#e8e8ec", "#e0e1e6", "#d9d9e0",
        "#cdced6", "#b9bbc6", "#8b8d98", "#80838d", "#60646c", "#1c2024",
    ),
    "indigo": (
        "#fdfdfe", "#f7f9ff", "#edf2fe", "#e1e9ff", "#d2deff", "#c1d0ff",
        "#abbdf9", "#8da4ef", "#3e63dd", "#3358d4", "#3a5bc7", "#1f2d5c",
    ),
    "green": (
        "#fbfefc", "#f4fbf6", "#e6f6eb", "#d6f1df", "#c4e8d1", "#adddc0",
        "#8eceaa", "#5bb98b", "#30a46c", "#2b9a66", "#18794e", "#193b2d",
    ),
    "red": (
        "#fffcfc", "#fff7f7", "#feebec", "#ffdbdc", "#ffcdce", "#fdbdbe",
        "#f4a9aa", "#eb8e90", "#e5484d", "#dc3e42", "#ce2c31", "#641723",
    ),
    "amber": (
        "#fefdfb", "#fefbe9", "#fff7c2", "#ffee9c", "#fbe577", "#f3d673",
        "#e9c162", "#e2a336", "#ffc53d", "#ffba18", "#ab6400", "#4f3422",
    ),
    "orange": (
        "#fefcfb", "#fff7ed", "#ffefd6", "#ffdfb5", "#ffd19a", "#ffc182",
        "#f5ae73", "#ec9455", "#f76b15", "#ef5f00", "#cc4e00", "#582d1d",
    ),
    "teal": (
        "#fafefd", "#f3fbf9", "#e0f8f3", "#ccf3ea", "#b8eae0", "#a1ded2",
        "#83cdc1", "#53b9ab", "#12a594", "#0d9b8a", "#008573", "#0d3d38",
    ),
    "pink": (
        "#fffcfe", "#fef7fb", "#fee9f5", "#fbdcef", "#f6cee7", "#efbfdd",
        "#e7acd0", "#dd93c2", "#d6409f", "#cf3897", "#c2298a", "#651249",
    ),
    "purple": (
        "#fefcfe", "#fbf7fe", "#f7edfe", "#f2e2fc", "#ead5f9", "#e0c4f4",
        "#d1afec", "#be93e4", "#8e4ec6", "#8347b9", "#8145b5", "#402060",
    ),
    "cyan": (
        "#fafdfe", "#f2fafb", "#def7f9", "#caf1f6", "#b5e9f0", "#9ddde7",
        "#7dcedc", "#3db9cf", "#00a2c7", "#0797b9", "#107d98", "#0d3c48",
    ),
}

SCALES_DARK: dict[str, Scale] = {
    "gray": (
        "#111113", "#18191b", "#212225", "#272a2d", "#2e3135", "#363a3f",
        "#43484e", "#5a6169", "#696e77", "#777b84", "#b0b4ba", "#edeef0",
    ),
    "indigo": (
        "#11131f", "#141726", "#182449", "#1d2e62", "#253974", "#304384",
        "#3a4f97", "#435db1", "#3e63dd", "#5472e4", "#9eb1ff", "#d6e1ff",
    ),
    "green": (
        "#0e1512", "#121b17", "#132d21", "#113b29", "#174933", "#20573e",
        "#28684a", "#2f7c57", "#30a46c", "#33b074", "#3dd68c", "#b1f1cb",
    ),
    "red": (
        "#191111", "#201314", "#3b1219", "#500f1c", "#611623", "#72232d",
        "#8c333a", "#b54548", "#e5484d", "#ec5d5e", "#ff9592", "#ffd1d9",
    ),
    "amber": (
        "#16120c", "#1d180f", "#302008", "#3f2700", "#4d3000", "#5c3d05",
        "#714f19", "#8f6424", "#ffc53d", "#ffd60a", "#ffca16", "#ffe7b3",
    ),
    "orange": (
        "#17120e", "#1e160f", "#331e0b", "#462100", "#562800", "#66350c",
        "#7e451d", "#a35829", "#f76b15", "#ff801f", "#ffa057", "#ffe0c2",
    ),
    "teal": (
        "#0d1514", "#111c1b", "#0d2d2a", "#023b37", "#084843", "#145750",
        "#1c6961", "#207e73", "#12a594", "#0eb39e", "#0bd8b6", "#adf0dd",
    ),
    "pink": (
        "#191117", "#21121d", "#37172f", "#4b143d", "#591c47", "#692955",
        "#833869", "#a84885", "#d6409f", "#de51a8", "#ff8dcc", "#fdd1ea",
    ),
    "purple": (
        "#18111b", "#1e1523", "#301c3b", "#3d224e", "#48295c", "#54346b",
        "#664282", "#8457aa", "#8e4ec6", "#9a5cd0", "#d19dff", "#ecd9fa",
    ),
    "cyan": (
        "#0b161a", "#101b20", "#082c36", "#003848", "#004558", "#045468",
        "#12677e", "#11809c", "#00a2c7", "#23afd0", "#4ccce6", "#b6ecf7",
    ),
}

SHADOWS_LIGHT = {
    "shadow.1": "0 1px 2px rgba(16, 24, 40, 0.06)",
    "shadow.2": "0 1px 3px rgba(16, 24, 40, 0.08), 0 1px 2px rgba(16, 24, 40, 0.04)",
    "shadow.3": "0 12px 32px -8px rgba(16, 24, 40, 0.14), 0 4px 8px -4px rgba(16, 24, 40, 0.06)",
}

SHADOWS_DARK = {
    "shadow.1": "0 1px 2px rgba(0, 0, 0, 0.5)",
    "shadow.2": "0 1px 3px rgba(0, 0, 0, 0.5), 0 1px 2px rgba(0, 0, 0, 0.3)",
    "shadow.3": "0 16px 40px -12px rgba(0, 0, 0, 0.7), 0 4px 12px -4px rgba(0, 0, 0, 0.4)",
}

WHITE, BLACK = "#ffffff", "#000000"

RADII = {"radius.1": "4px", "radius.2": "6px", "radius.3": "10px", "radius.4": "16px",
         "radius.full": "9999px"}

SPACING = {f"space.{i}": f"{px}px" for i, px in enumerate((0, 4, 8, 12, 16, 24, 32, 40, 48, 64))}

TYPOGRAPHY = {
    "font.body": (
        'Inter, "Inter Variable", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, '
        '"Helvetica Neue", Arial, "Liberation Sans", sans-serif'
    ),
    "font.mono": 'ui-monospace, SFMono-Regular, Menlo, "DejaVu Sans Mono", monospace',
    "font.size.1": "12px",
    "font.size.2": "14px",
    "font.size.3": "16px",
    "font.size.4": "18px",
    "font.size.5": "22px",
    "font.size.6": "28px",
    "font.size.7": "40px",
    "font.size.8": "52px",
    "font.weight.regular": "400",
    "font.weight.medium": "500",
    "font.weight.semibold": "600",
    "font.weight.bold": "700",
}


def flatten_scales(scales: Mapping[str, Scale]) -> dict[str, str]:
    """`{"gray": (...12 colours)}` as flat tokens `{"gray.1": ..., "gray.12": ...}`."""
    return {f"{name}.{step}": value for name, steps in scales.items()
            for step, value in enumerate(steps, start=1)}


def base_tokens(mode: str) -> dict[str, str]:
    """All base tokens for `light` or `dark` (colours and shadows differ; the rest is shared)."""
    dark = mode == "dark"
    scales, shadows = (SCALES_DARK, SHADOWS_DARK) if dark else (SCALES_LIGHT, SHADOWS_LIGHT)
    return {
        **flatten_scales(scales), **shadows, "white": WHITE, "black": BLACK,
        **RADII, **SPACING, **TYPOGRAPHY,
    }
