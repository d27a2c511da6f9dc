"""API shapes of themes: Create / Update / Public, versions, assignments, the published read.

A theme's `document` is the override document of `tokens.document` (tokens by layer and mode,
font, layout, texts, custom CSS); the service checks it against the token model."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from backend.kit.ids import REF_PATTERN


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ThemeCreate(_Strict):
    id: str | None = Field(None, pattern=REF_PATTERN,
                           description="Your identifier, unique in the environment; generated "
                                       "when omitted")
    name: str = Field(min_length=1, max_length=200)
    document: dict[str, Any] = Field(default_factory=dict,
                                     description="Overrides over the default theme")
    starter: str | None = Field(None, description="Start from a starter theme "
                                                  "(see GET /themes/starters) instead")


class ThemeUpdate(_Strict):
    name: str | None = Field(None, min_length=1, max_length=200)
    document: dict[str, Any] | None = Field(None, description="The new draft (replaces it)")


class ContrastWarningPublic(BaseModel):
    """A text/background (or UI) pair under WCAG AA; saved anyway, shown to the designer."""

    foreground: str
    background: str
    mode: str
    ratio: float
    required: float


class ThemePublic(BaseModel):
    id: str
    name: str
    draft: dict[str, Any]
    published_version: int | None = Field(description="The live version, None until published")
    latest_version: int = Field(description="The highest version published so far (0: none)")
    warnings: list[ContrastWarningPublic] = Field(description="Contrast warnings of the draft")
    created_at: datetime
    updated_at: datetime


class ThemeVersionPublic(BaseModel):
    theme_id: str
    version: int
    live: bool = Field(description="Whether this is the published version")
    document: dict[str, Any]
    published_at: datetime
    note: str = Field("", description="What changed, as the publisher wrote it")
    published_by: str = Field("", description="The name and prefix of the key that published")


class Publish(_Strict):
    note: str = Field("", max_length=500, description="What this version changes (optional)")


class Rollback(_Strict):
    version: int = Field(ge=1, le=2**31 - 1)


class AssignmentSet(_Strict):
    theme_id: str = Field(pattern=REF_PATTERN)


class AssignmentPublic(BaseModel):
    widget: str = Field(description="A widget kind, or `default` for every other widget")
    theme_id: str


class ThemeRef(BaseModel):
    """The published theme a widget uses (`theme_id` None: the built-in default)."""

    widget: str
    theme_id: str | None = None
    version: int | None = None
    name: str
    document: dict[str, Any] = Field(description="Overrides over the default theme")


class PublishedTheme(ThemeRef):
    css: str = Field(description="The theme's CSS custom properties, scoped to .tg-root; add "
                                 "`document.custom_css` after the widgets' own styles")


class Starter(BaseModel):
    key: str
    name: str
    document: dict[str, Any]
