"""Theme rules: documents are checked against the token model (`tokens`, pure and shared with
the widgets), drafts are edited, publishing makes an immutable version, rollback points back
at an older one, and each widget reads its assigned theme, else the default, else built-in."""

import hashlib
import json
from typing import Any

from backend.errors import Invalid, NotFound
from backend.kit.lru import LruCache
from backend.kit.ids import random_token
from backend.models.themes import Theme, ThemeAssignment, ThemeVersion
from backend.themes.repository import ThemeRepository
from backend.themes.schemas import (
    AssignmentPublic,
    ContrastWarningPublic,
    PublishedTheme,
    Starter,
    ThemeCreate,
    ThemePublic,
    ThemeRef,
    ThemeUpdate,
    ThemeVersionPublic,
)
from tokens import STARTERS, Checked, build, check, to_css, widget_kinds, widget_theme_css

DEFAULT = "default"


class InvalidTheme(Invalid):
    """A document the token model refuses; `errors` names each field (unknown token, ...)."""

    slug, title = "invalid-theme", "Invalid theme"

    def __init__(self, errors: list[tuple[str, str]]):
        first = errors[0]
        super().__init__(f"{first[0]}: {first[1]}" + (f" (and {len(errors) - 1} more)"
                                                      if len(errors) > 1 else ""))
        self.errors = [{"field": f"document.{f}", "message": m} for f, m in errors]


def _warnings(result: Checked) -> list[ContrastWarningPublic]:
    return [ContrastWarningPublic(foreground=w.foreground, background=w.background,
                                  mode=w.mode, ratio=w.ratio, required=w.required)
            for w in result.warnings]


def checked(document: dict[str, Any]) -> list[ContrastWarningPublic]:
    """The contrast warnings of a valid document; InvalidTheme (422) otherwise."""
    result = check(document)
    if result.errors:
        raise InvalidTheme([(p.field, p.message) for p in result.errors])
    return _warnings(result)


def theme_public(t: Theme, warnings: list[ContrastWarningPublic] | None = None) -> ThemePublic:
    """A theme as the API shows it; reading never fails on a draft saved under older rules."""
    if warnings is None:
        warnings = _warnings(check(t.draft))
    return ThemePublic(id=t.ref, name=t.name, draft=t.draft,
                       published_version=t.published_version, latest_version=t.latest_version,
                       warnings=warnings, created_at=t.created_at, updated_at=t.updated_at)


def version_public(t: Theme, v: ThemeVersion) -> ThemeVersionPublic:
    return ThemeVersionPublic(theme_id=t.ref, version=v.version, document=v.document,
                              live=v.version == t.published_version, published_at=v.published_at,
                              note=v.note, published_by=v.published_by)


def starters() -> list[Starter]:
    return [Starter(key=k, name=d["name"], document=d) for k, d in STARTERS.items()]


def get_theme(repo: ThemeRepository, ref: str) -> Theme:
    theme = repo.get(ref)
    if theme is None:
        raise NotFound(f"No theme '{ref}' in this environment")
    return theme


def create_theme(repo: ThemeRepository, body: ThemeCreate) -> ThemePublic:
    document = body.document
    if body.starter is not None:
        if body.document:
            raise Invalid("Give a starter or a document, not both", field="starter")
        if body.starter not in STARTERS:
            raise Invalid(f"No starter '{body.starter}'", field="starter")
        document = {**STARTERS[body.starter], "name": body.name}
    warnings = checked(document)
    theme = Theme(environment_id=repo.env, ref=body.id or random_token("thm_", 9),
                  name=body.name, draft=document)
    repo.add(theme)
    return theme_public(theme, warnings)


def update_theme(repo: ThemeRepository, ref: str, body: ThemeUpdate) -> ThemePublic:
    theme = get_theme(repo, ref)
    warnings = None
    if body.document is not None:
        warnings = checked(body.document)
        theme.draft = body.document
    if body.name is not None:
        theme.name = body.name
    repo.session.flush()
    return theme_public(theme, warnings)


def publish(repo: ThemeRepository, ref: str, note: str = "", key_id: int | None = None,
            ) -> ThemePublic:
    """The draft becomes the next version and goes live; older versions stay for rollback.
    The version keeps `note` and the name of the key (`key_id`) that published it."""
    theme = get_theme(repo, ref)
    warnings = checked(theme.draft)
    theme.latest_version += 1
    repo.add(ThemeVersion(environment_id=repo.env, theme_id=theme.id,
                          version=theme.latest_version, document=theme.draft,
                          note=note.strip(), published_by=_key_label(repo, key_id)))
    theme.published_version = theme.latest_version
    repo.session.flush()
    return theme_public(theme, warnings)


def _key_label(repo: ThemeRepository, key_id: int | None) -> str:
    """`Designer (tg_sk_3f9a…)`: who published, as the key was named then."""
    key = repo.key(key_id) if key_id is not None else None
    if key is None:
        return ""
    return f"{key.name} ({key.display_prefix})" if key.name else key.display_prefix


def rollback(repo: ThemeRepository, ref: str, version: int) -> ThemePublic:
    """Make an earlier published version live again (the draft is left alone)."""
    theme = get_theme(repo, ref)
    if repo.version(theme.id, version) is None:
        raise Invalid(f"Theme '{ref}' has no version {version}", field="version")
    theme.published_version = version
    repo.session.flush()
    return theme_public(theme)


def _widget(widget: str) -> str:
    if widget != DEFAULT and widget not in widget_kinds():
        kinds = ", ".join((DEFAULT, *widget_kinds()))
        raise Invalid(f"Unknown widget '{widget}'; expected one of {kinds}", field="widget")
    return widget


def list_assignments(repo: ThemeRepository) -> list[AssignmentPublic]:
    return [AssignmentPublic(widget=a.widget, theme_id=t.ref) for a, t in repo.assignments()]


def assign(repo: ThemeRepository, widget: str, theme_ref: str) -> AssignmentPublic:
    """Use a theme for one widget kind, or for every widget without its own (`default`)."""
    widget = _widget(widget)
    theme = get_theme(repo, theme_ref)
    row = repo.assignment(widget)
    if row is None:
        repo.add(ThemeAssignment(environment_id=repo.env, widget=widget, theme_id=theme.id))
    else:
        row.theme_id = theme.id
        repo.session.flush()
    return AssignmentPublic(widget=widget, theme_id=theme.ref)


def unassign(repo: ThemeRepository, widget: str) -> None:
    if not repo.unassign(_widget(widget)):
        raise NotFound(f"No theme is assigned to '{widget}'")


def theme_for(repo: ThemeRepository, widget: str) -> ThemeRef:
    """The live theme of a widget: its own assignment, else the default, else built-in."""
    widget = _widget(widget)
    found = {w: (t, v) for w, t, v in repo.published_for((widget, DEFAULT))}
    hit = found.get(widget) or found.get(DEFAULT)
    if hit is None:
        return ThemeRef(widget=widget, name="Tollgate", document={})
    theme, version = hit
    return ThemeRef(widget=widget, theme_id=theme.ref, version=version.version, name=theme.name,
                    document=version.document)


def published(repo: ThemeRepository, widget: str) -> PublishedTheme:
    ref = theme_for(repo, widget)
    return PublishedTheme(**ref.model_dump(), css=to_css(build(ref.document)))


_CSS_CACHE: LruCache[str] = LruCache(max_entries=256)


def _css(document: dict[str, Any], widget: str = "") -> str:
    """A document's stylesheet: page-wide, or on one widget kind's roots. Built once per
    document content (published versions never change) and kept in a small cache."""
    def compute() -> str:
        theme = build(document)
        return widget_theme_css(theme, widget) if widget else to_css(theme) + theme.custom_css

    digest = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()
    return _CSS_CACHE.get_or_compute((digest, widget), compute)


def published_css(repo: ThemeRepository, widget: str) -> tuple[str, str]:
    """The live theme of a widget as a stylesheet (custom properties on `.tg-root`, then its
    scoped custom CSS) and its ETag (theme, version and a digest of the CSS). For `default`
    (a page's stylesheet) the themes assigned to single widget kinds follow, each on that
    kind's roots only, so every widget on the page wears its own theme."""
    ref = theme_for(repo, widget)
    css = _css(ref.document)
    if _widget(widget) == DEFAULT:
        assigned = sorted(repo.published_for(widget_kinds()), key=lambda row: row[0])
        css += "".join(_css(v.document, w) for w, _, v in assigned)
    digest = hashlib.sha256(css.encode()).hexdigest()[:12]
    return css, f'"{ref.theme_id or "builtin"}.{ref.version or 0}.{digest}"'
