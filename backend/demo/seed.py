"""Seed the demo: environments, keys (written to the data dir's demo.env) and the catalog."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from backend.auth import service as auth
from backend.auth.repository import AuthRepository
from backend.catalog import service as catalog
from backend.catalog.repository import CatalogRepository
from backend.coupons import service as coupons
from backend.coupons.repository import CouponRepository
from backend.customers import service as customers
from backend.customers.repository import CustomerRepository
from backend.customers.schemas import CustomerCreate
from backend.demo import catalog as demo
from backend.demo.credits import seed_credits
from backend.errors import Unauthorized


@dataclass
class DemoKeys:
    secret: str
    publishable: str


def _read_env(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def _valid(session: Session, key: str | None, environment_id: int) -> bool:
    if not key:
        return False
    try:
        return auth.authenticate(session, key).environment_id == environment_id
    except Unauthorized:
        return False


def ensure_environments(session: Session) -> int:
    """The development and production environments; returns development's id."""
    repo = AuthRepository(session)
    dev = repo.environment_by_slug("development") or auth.create_environment(
        session, "development", "Development", "development")
    if repo.environment_by_slug("production") is None:
        auth.create_environment(session, "production", "Production", "production")
    return dev.id


def ensure_keys(session: Session, environment_id: int, env_file: Path) -> DemoKeys:
    """Reuse the keys in demo.env when still valid, else issue new ones and write the file."""
    saved = _read_env(env_file)
    secret, publishable = saved.get("TOLLGATE_API_KEY"), saved.get("TOLLGATE_PUBLISHABLE_KEY")
    if not _valid(session, secret, environment_id):
        secret = auth.issue_key(session, environment_id, "secret", "Demo server key")[1]
    if not _valid(session, publishable, environment_id):
        publishable = auth.issue_key(session, environment_id, "publishable", "Demo browser key")[1]
    env_file.parent.mkdir(parents=True, exist_ok=True)
    env_file.touch(mode=0o600)  # private before the keys are written, not after
    env_file.chmod(0o600)
    env_file.write_text(
        "# Written by `tollgate seed-demo`: keys of the development environment.\n"
        f"TOLLGATE_API_KEY={secret}\nTOLLGATE_PUBLISHABLE_KEY={publishable}\n"
    )
    env_file.chmod(0o600)
    return DemoKeys(secret=secret, publishable=publishable)  # type: ignore[arg-type]


def seed_catalog(session: Session, environment_id: int) -> bool:
    """Create the demo catalog and customers once; returns False when already there."""
    repo = CatalogRepository(session, environment_id)
    if repo.product(demo.PRODUCT.id) is not None:
        return False
    catalog.create_product(repo, demo.PRODUCT)
    for feature in demo.FEATURES:
        catalog.create_feature(repo, feature)
    for addon in demo.ADDONS:
        catalog.create_addon(repo, addon)
    for plan in demo.PLANS:
        catalog.create_plan(repo, plan)
    coupon_repo = CouponRepository(session, environment_id)
    for coupon in demo.COUPONS:
        coupons.create_coupon(coupon_repo, coupon)
    people = CustomerRepository(session, environment_id)
    for data in demo.CUSTOMERS:
        if people.get(data["id"]) is None:
            customers.provision(session, environment_id, CustomerCreate.model_validate(data))
    return True


def seed_demo(session: Session, env_file: Path) -> DemoKeys:
    """Everything the demo needs, idempotently."""
    environment_id = ensure_environments(session)
    keys = ensure_keys(session, environment_id, env_file)
    seed_catalog(session, environment_id)
    seed_credits(session, environment_id)
    return keys
