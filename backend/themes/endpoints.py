"""Theme endpoints: editing, publishing and assigning need a secret key; reading the published
theme of a widget accepts any key (publishable keys included)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status

from backend.auth.dependencies import AuthDep, LinkAuthDep, SecretDep
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params
from backend.themes import service
from backend.themes.repository import ThemeRepository
from backend.themes.schemas import (
    AssignmentPublic,
    AssignmentSet,
    Publish,
    PublishedTheme,
    Rollback,
    Starter,
    ThemeCreate,
    ThemePublic,
    ThemeUpdate,
    ThemeVersionPublic,
)

router = APIRouter(tags=["themes"])
CSS_MAX_AGE = 15
PageDep = Annotated[PageParams, Depends(page_params)]


@router.get("/themes", response_model=Page[ThemePublic])
def list_themes(session: SessionDep, p: SecretDep, page: PageDep):
    rows, has_more, cursor = ThemeRepository(session, p.environment_id).page(page)
    return {"data": [service.theme_public(t) for t in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.post("/themes", response_model=ThemePublic, status_code=status.HTTP_201_CREATED)
def create_theme(body: ThemeCreate, session: SessionDep, p: SecretDep, idem: IdempotencyDep):
    """Create a theme whose draft is `document` (or a starter). Contrast failures come back as
    `warnings`; unknown tokens and bad values are a 422 naming the field."""

    def run() -> ThemePublic:
        return service.create_theme(ThemeRepository(session, p.environment_id), body)

    return idem.run(body, run, status_code=201)


@router.get("/themes/starters", response_model=list[Starter])
def list_starters(p: AuthDep):
    """Built-in starter documents, each AA in light and dark."""
    return service.starters()


@router.get("/themes/published", response_model=PublishedTheme)
def published_theme(session: SessionDep, p: AuthDep,
                    widget: Annotated[str, Query(max_length=32)] = "paywall"):
    """The live theme of a widget kind (its assignment, else the default, else built-in)."""
    return service.published(ThemeRepository(session, p.environment_id), widget)


@router.get("/themes/published.css", response_class=Response,
            responses={200: {"content": {"text/css": {}}}, 304: {}})
def published_css(session: SessionDep, p: LinkAuthDep,
                  widget: Annotated[str, Query(max_length=32)] = "default",
                  if_none_match: Annotated[str | None, Header(include_in_schema=False)] = None):
    """The live theme of a widget as a stylesheet for a `<link>` (publishable key as `?key=`):
    short-lived cache, revalidated by an ETag that changes with the theme version."""
    css, etag = service.published_css(ThemeRepository(session, p.environment_id), widget)
    headers = {"ETag": etag, "Vary": "Authorization, X-API-Key",
               "Cache-Control": f"{'private' if p.is_secret else 'public'}, max-age={CSS_MAX_AGE}"}
    if if_none_match and etag in {t.strip() for t in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(css, media_type="text/css", headers=headers)


@router.get("/themes/assignments", response_model=list[AssignmentPublic])
def list_assignments(session: SessionDep, p: SecretDep):
    return service.list_assignments(ThemeRepository(session, p.environment_id))


@router.put("/themes/assignments/{widget}", response_model=AssignmentPublic)
def assign_theme(widget: str, body: AssignmentSet, session: SessionDep, p: SecretDep):
    """Use a theme for a widget kind; `default` sets the environment's default theme."""
    return service.assign(ThemeRepository(session, p.environment_id), widget, body.theme_id)


@router.delete("/themes/assignments/{widget}", status_code=status.HTTP_204_NO_CONTENT)
def unassign_theme(widget: str, session: SessionDep, p: SecretDep):
    service.unassign(ThemeRepository(session, p.environment_id), widget)
    return Response(status_code=204)


@router.get("/themes/{theme_id}", response_model=ThemePublic)
def get_theme(theme_id: str, session: SessionDep, p: SecretDep):
    repo = ThemeRepository(session, p.environment_id)
    return service.theme_public(service.get_theme(repo, theme_id))


@router.patch("/themes/{theme_id}", response_model=ThemePublic)
def update_theme(theme_id: str, body: ThemeUpdate, session: SessionDep, p: SecretDep):
    """Rename or replace the draft; the published version is untouched until `publish`."""
    return service.update_theme(ThemeRepository(session, p.environment_id), theme_id, body)


@router.post("/themes/{theme_id}/publish", response_model=ThemePublic)
def publish_theme(theme_id: str, session: SessionDep, p: SecretDep,
                  body: Publish | None = None):
    """Publish the draft as the next version (the previous ones stay for rollback), with an
    optional `note` on what changed; the version records which key published it."""
    return service.publish(ThemeRepository(session, p.environment_id), theme_id,
                           note=body.note if body else "", key_id=p.key_id)


@router.post("/themes/{theme_id}/rollback", response_model=ThemePublic)
def rollback_theme(theme_id: str, body: Rollback, session: SessionDep, p: SecretDep):
    """Make an earlier published version live again."""
    return service.rollback(ThemeRepository(session, p.environment_id), theme_id, body.version)


@router.get("/themes/{theme_id}/versions", response_model=Page[ThemeVersionPublic])
def list_versions(theme_id: str, session: SessionDep, p: SecretDep, page: PageDep):
    repo = ThemeRepository(session, p.environment_id)
    theme = service.get_theme(repo, theme_id)
    rows, has_more, cursor = repo.versions(theme.id, page)
    return {"data": [service.version_public(theme, v) for v in rows], "has_more": has_more,
            "next_cursor": cursor}
