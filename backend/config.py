"""Settings from environment variables (and the data directory's demo.env, if present)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _data_dir_default() -> Path:
    return Path.cwd() / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=_data_dir_default, alias="TOLLGATE_DATA_DIR")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    api_key: str | None = Field(default=None, alias="TOLLGATE_API_KEY")
    publishable_key: str | None = Field(default=None, alias="TOLLGATE_PUBLISHABLE_KEY")
    api_url: str | None = Field(default=None, alias="TOLLGATE_API_URL")
    default_currency: str = Field(default="USD", alias="TOLLGATE_DEFAULT_CURRENCY")
    default_locale: str = Field(default="en_US", alias="TOLLGATE_DEFAULT_LOCALE")
    paywall_max_age: int = Field(default=60, alias="TOLLGATE_PAYWALL_MAX_AGE")
    # Deliver webhooks from a thread of the app process (off: run `tollgate webhook-worker`).
    webhook_worker: bool = Field(default=True, alias="TOLLGATE_WEBHOOK_WORKER")
    webhook_poll_interval: float = Field(default=1.0, gt=0, alias="TOLLGATE_WEBHOOK_POLL_INTERVAL")
    webhook_timeout: float = Field(default=10.0, gt=0, alias="TOLLGATE_WEBHOOK_TIMEOUT")
    # Run due work (renewals, trial endings, credit expiries, monthly credits) on real time in
    # a thread of the app process; environments on a frozen test clock are left to it.
    due_work: bool = Field(default=True, alias="TOLLGATE_DUE_WORK")
    due_work_interval: float = Field(default=15.0, gt=0, alias="TOLLGATE_DUE_WORK_INTERVAL")

    @property
    def resolved_database_url(self) -> str:
        """`DATABASE_URL`, or an SQLite file in the data directory."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgres://"):
                url = "postgresql://" + url.removeprefix("postgres://")
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
            return url
        return f"sqlite:///{self.data_dir / 'tollgate.db'}"

    @property
    def demo_env_file(self) -> Path:
        return self.data_dir / "demo.env"


@lru_cache
def get_settings() -> Settings:
    """Settings read once per process; `demo.env` in the data dir fills unset keys."""
    settings = Settings()
    env_file = settings.demo_env_file
    if env_file.exists():
        settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    return settings
