"""Configuration as data: outlets, topics and settings from YAML, validated with pydantic.

The defaults live in `config/` at the top of the project. A user's config folder holds
any of the same three files; `outlets.yaml` and `topics.yaml` replace the defaults,
`settings.yaml` overrides only the keys it sets.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationError,
    field_validator,
    model_validator,
)

from tasks.detect import DetectorSettings
from tasks.errors import ConfigError

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parents[1] / "config"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    type: Literal["feed", "sitemap", "listing"] = Field(
        description="feed: RSS or Atom; sitemap: (news) sitemap or sitemap index; "
        "listing: an HTML page whose article links `link_selector` picks"
    )
    url: HttpUrl
    link_selector: str | None = None


class ExtractionRules(Strict):
    """Per-outlet CSS selectors, tried after structured metadata and before heuristics.

    Several versions may be listed; a version applies to pages published before its
    `valid_until`, so a redesign adds a version and old pages still parse.
    """

    body: list[str] = []
    title: list[str] = []
    authors: list[str] = []
    published: list[str] = []
    section: list[str] = []
    remove: list[str] = []
    valid_until: date | None = None


class UrlFilters(Strict):
    include: list[str] = Field(default=[], description="regexes; a URL must match one")
    exclude: list[str] = Field(default=[], description="regexes; a URL matching one is skipped")


class Outlet(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    display_name: str
    domain: str
    language: str | None = None
    country: str | None = None
    sources: list[Source] = Field(min_length=1)
    url_filters: UrlFilters = UrlFilters()
    rules: list[ExtractionRules] = []
    boilerplate: list[str] = Field(
        default=[], description="regexes of lines this outlet injects into article bodies")


class OutletsFile(Strict):
    outlets: list[Outlet] = Field(min_length=1)

    @field_validator("outlets")
    @classmethod
    def unique_names(cls, outlets: list[Outlet]) -> list[Outlet]:
        names = [o.name for o in outlets]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"outlet names must be unique; repeated: {', '.join(duplicates)}")
        return outlets


class Topic(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    aliases: dict[str, list[str]] = Field(
        description="language code -> names and aliases in that language"
    )
    exclude: list[str] = Field(default=[], description="phrases whose mention is not a hit")


class TopicsFile(Strict):
    topics: list[Topic] = Field(min_length=1)


class FetchSettings(Strict):
    user_agent: str = "Newswatch/0.1 (+https://github.com/newswatch/newswatch; media monitoring)"
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=20.0, gt=0)
    max_bytes: int = Field(default=5_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    retries: int = Field(default=3, ge=0)
    backoff_seconds: float = Field(default=1.0, ge=0)
    max_retry_after: float = Field(default=120.0, ge=0)
    min_host_delay: float = Field(
        default=1.0, ge=0, description="seconds between requests to one host")
    max_per_host: int = Field(default=2, ge=1)
    max_concurrency: int = Field(default=8, ge=1)
    max_articles_per_outlet: int = Field(default=200, ge=1)
    max_article_attempts: int = Field(default=5, ge=1)
    robots_ttl_seconds: int = Field(default=3600, ge=0)
    allow_private_hosts: bool = Field(
        default=False, description="fetch from loopback/private addresses (the demo and tests)"
    )


class AlertRules(Strict):
    bucket_minutes: int = Field(default=60, ge=5)
    window_days: int = Field(default=28, ge=1, description="history the detector reads")
    top_headlines: int = Field(default=5, ge=1, le=20)
    detector: DetectorSettings = DetectorSettings()


class HealthRules(Strict):
    """When an outlet's batch counts as unhealthy (tasks.health). Shares are judged only on
    batches of at least `min_articles`, counts only against `min_history` earlier healthy
    runs."""

    min_articles: int = Field(default=5, ge=1)
    empty_words: int = Field(default=5, ge=1, description="a body with fewer words than "
                             "this is 'empty' (cookie walls too)")
    max_empty_share: float = Field(default=0.5, gt=0, le=1)
    max_missing_date_share: float = Field(default=0.5, gt=0, le=1)
    max_missing_title_share: float = Field(default=0.2, gt=0, le=1)
    max_teaser_share: float = Field(default=0.8, gt=0, le=1, description="unless the "
                                    "outlet is mostly teasers anyway (a paywall)")
    history_runs: int = Field(default=10, ge=1)
    min_history: int = Field(default=3, ge=1)
    min_usual: float = Field(default=5.0, ge=0, description="outlets usually this quiet "
                             "are not judged on their count")
    low_count_ratio: float = Field(default=0.2, gt=0, lt=1)
    max_consecutive_failures: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _history_fits(self) -> HealthRules:
        if self.min_history > self.history_runs:
            raise ValueError(f"min_history ({self.min_history}) is more than history_runs "
                             f"({self.history_runs}), the runs read")
        return self


class SlackSettings(Strict):
    """Where alerts go. Secrets never live in a file: only the names to look them up by."""

    bot_token_env: str = "NEWSWATCH_SLACK_BOT_TOKEN"
    channel_env: str = "NEWSWATCH_SLACK_CHANNEL"
    ops_channel_env: str = Field(
        default="NEWSWATCH_SLACK_OPS_CHANNEL", description="names the channel for operations "
        "alerts (an outlet broke), when they should not go to the topic alerts' channel")
    webhook_url_env: str = "NEWSWATCH_SLACK_WEBHOOK_URL"
    secret_block: str | None = Field(
        default=None, description="name of a Prefect Secret block holding the bot token"
    )
    base_url_env: str = "NEWSWATCH_SLACK_BASE_URL"


class WarehouseSettings(Strict):
    """Where the warehouse lives: a DuckDB file (`--db`), or a DuckLake catalog
    (`sqlite:PATH` for processes on one machine, `postgres:CONNECTION` for several) with
    its Parquet files under `data_path` (a folder or an object-store URL)."""

    backend: Literal["duckdb", "ducklake"] = "duckdb"
    catalog: str | None = Field(default=None, pattern=r"^(sqlite|postgres):.+")
    data_path: str | None = None

    @model_validator(mode="after")
    def _lake_needs_both(self) -> WarehouseSettings:
        if self.backend == "ducklake" and not (self.catalog and self.data_path):
            raise ValueError("backend ducklake needs catalog (sqlite:PATH or "
                             "postgres:CONNECTION) and data_path")
        return self


class Settings(Strict):
    languages: list[str] = ["en", "de", "fr", "es", "ru", "uk", "ar", "fa", "he", "tr"]
    fetch: FetchSettings = FetchSettings()
    alerts: AlertRules = AlertRules()
    slack: SlackSettings = SlackSettings()
    warehouse: WarehouseSettings = WarehouseSettings()
    health: HealthRules = HealthRules()
    min_words: int = Field(default=40, ge=1)
    boilerplate: list[str] = Field(
        default=[], description="regexes of body lines to drop on every outlet, on top of "
        "the built-in list (newsletter prompts, 'Read more', image credits...)")


class Config(BaseModel):
    outlets: list[Outlet]
    topics: list[Topic]
    settings: Settings

    def outlet(self, name: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.name == name:
                return outlet
        raise ConfigError(f"no outlet named {name!r}; known: {', '.join(self.outlet_names)}")

    @property
    def outlet_names(self) -> list[str]:
        return [o.name for o in self.outlets]

    def for_outlet(self, name: str) -> Config:
        """What one outlet's task needs: that outlet and the settings.
        Prefect walks every task parameter looking for futures, and walking a config of
        hundreds of outlets for every task cost more than the tasks' own work at scale."""
        return self.model_copy(update={"outlets": [self.outlet(name)], "topics": []})


def describe_error(path: Path, error: ValidationError) -> str:
    """One line: the file, the field, the bad value and what is allowed."""
    first = error.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(top level)"
    value = first.get("input")
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
    return f"{path}: field '{field}' = {shown}: {first['msg']}{more}"


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", exc)
        raise ConfigError(f"{path}:{where} is not valid YAML: {problem}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    return data


def parse(model: type[BaseModel], data: dict[str, Any], path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(describe_error(path, exc)) from exc


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def load_config(config_dir: Path | str | None = None) -> Config:
    """Load and validate the config: a user folder over the defaults in `config/`.

    `config_dir` defaults to $NEWSWATCH_CONFIG, else the defaults alone.
    """
    chosen = config_dir or os.environ.get("NEWSWATCH_CONFIG")
    user_dir = Path(chosen) if chosen else None
    if user_dir is not None and not user_dir.is_dir():
        raise ConfigError(f"{user_dir}: config folder does not exist")

    def pick(name: str) -> Path:
        if user_dir is not None and (user_dir / name).exists():
            return user_dir / name
        return DEFAULT_CONFIG_DIR / name

    outlets_path, topics_path = pick("outlets.yaml"), pick("topics.yaml")
    outlets = parse(OutletsFile, read_yaml(outlets_path), outlets_path).outlets
    topics = parse(TopicsFile, read_yaml(topics_path), topics_path).topics

    settings_path = DEFAULT_CONFIG_DIR / "settings.yaml"
    settings_data = read_yaml(settings_path)
    if user_dir is not None and (user_dir / "settings.yaml").exists():
        settings_path = user_dir / "settings.yaml"
        settings_data = merge(settings_data, read_yaml(settings_path))
    settings = parse(Settings, settings_data, settings_path)
    return Config(outlets=outlets, topics=topics, settings=settings)
