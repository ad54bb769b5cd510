"""Configuration as data: outlets, topics and settings from YAML, validated with pydantic.

The defaults live in `config/` at the top of the project. A user's config folder holds
any of the same three files; `outlets.yaml` and `topics.yaml` replace the defaults,
`settings.yaml` overrides only the keys it sets.
"""

from __future__ import annotations

import os
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import soupsieve
import yaml
from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector
from pydantic import (
    AfterValidator,
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
from tasks.language_codes import config_language
from tasks.sensitivity import SensitivitySetting

# YAML aliases let a few lines expand into billions of values ("billion laughs"); a config
# file is refused when it holds more than this many, counting each alias's every use.
MAX_CONFIG_VALUES = 200_000
# a language as articles carry it: "nb" is "no", "eng" is "en", "xx" is refused
LanguageCode = Annotated[str, AfterValidator(config_language)]

# The bundled defaults are package data of the top-level `config` package, so a
# non-editable install finds them too.
DEFAULT_CONFIG_DIR = Path(str(resources.files("config")))


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Selectors and patterns are checked when the config loads, with the engine that will run
# them, so that a typo stops the run with the file and field instead of failing every page.

def check_regexes(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"regex {pattern!r} does not compile: {exc}") from exc
    return patterns


def check_rule_selectors(selectors: list[str]) -> list[str]:
    """Extraction rules run through lxml's cssselect (tasks/extract_meta.py)."""
    for selector in selectors:
        try:
            CSSSelector(selector, translator="html")
        except (SelectorError, etree.XPathError) as exc:
            raise ValueError(f"CSS selector {selector!r} does not parse: {exc}") from exc
    return selectors


class Source(Strict):
    type: Literal["feed", "sitemap", "listing"] = Field(
        description="feed: RSS or Atom; sitemap: (news) sitemap or sitemap index; "
        "listing: an HTML page whose article links `link_selector` picks"
    )
    url: HttpUrl
    link_selector: str | None = None

    @field_validator("link_selector")
    @classmethod
    def _selector_parses(cls, selector: str | None) -> str | None:
        """Listing pages are read with BeautifulSoup, whose selectors are soupsieve's."""
        if selector is not None:
            try:
                soupsieve.compile(selector)
            except (soupsieve.SelectorSyntaxError, ValueError, NotImplementedError) as exc:
                first_line = str(exc).splitlines()[0]
                raise ValueError(f"CSS selector {selector!r} does not parse: {first_line}") \
                    from exc
        return selector


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

    _selectors_parse = field_validator("body", "title", "authors", "published", "section",
                                       "remove")(check_rule_selectors)


class UrlFilters(Strict):
    include: list[str] = Field(default=[], description="regexes; a URL must match one")
    exclude: list[str] = Field(default=[], description="regexes; a URL matching one is skipped")

    _regexes_compile = field_validator("include", "exclude")(check_regexes)


class Outlet(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    display_name: str
    domain: str
    language: LanguageCode | None = None
    country: str | None = None
    sources: list[Source] = Field(min_length=1)
    url_filters: UrlFilters = UrlFilters()
    rules: list[ExtractionRules] = []
    boilerplate: list[str] = Field(
        default=[], description="regexes of lines this outlet injects into article bodies")

    _boilerplate_compiles = field_validator("boilerplate")(check_regexes)


def _unique_names(items: list, kind: str) -> list:
    names = [item.name for item in items]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"{kind} names must be unique; repeated: {', '.join(duplicates)}")
    return items


class OutletsFile(Strict):
    outlets: list[Outlet] = Field(min_length=1)

    @field_validator("outlets")
    @classmethod
    def unique_names(cls, outlets: list[Outlet]) -> list[Outlet]:
        return _unique_names(outlets, "outlet")


class Topic(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    aliases: dict[LanguageCode, list[str]] = Field(
        description="language code -> names and aliases in that language"
    )
    exclude: list[str] = Field(default=[], description="phrases whose mention is not a hit")
    sensitivity: SensitivitySetting | None = Field(
        default=None, description="fewer, balanced, more or a span such as P30D for this "
        "topic alone; unset: settings.yaml's alerts.detector.sensitivity")

    @field_validator("aliases")
    @classmethod
    def _aliases_can_match(cls, aliases: dict[str, list[str]]) -> dict[str, list[str]]:
        if not aliases:
            raise ValueError("a topic needs aliases in at least one language")
        for language, names in aliases.items():
            if not names:
                raise ValueError(f"no aliases listed for language {language!r}")
            check_phrases(names, "alias")
        return aliases

    @field_validator("exclude")
    @classmethod
    def _exclusions_can_match(cls, phrases: list[str]) -> list[str]:
        return check_phrases(phrases, "exclusion")


def check_phrases(phrases: list[str], kind: str) -> list[str]:
    """Topics match whole words: a phrase without a letter or digit ("", "*") never would."""
    for phrase in phrases:
        if not re.search(r"\w", phrase):
            raise ValueError(f"{kind} {phrase!r} has no letter or digit, so it can never "
                             "match (matching is by whole words, not patterns)")
    return phrases


class TopicsFile(Strict):
    topics: list[Topic] = Field(min_length=1)

    @field_validator("topics")
    @classmethod
    def unique_names(cls, topics: list[Topic]) -> list[Topic]:
        return _unique_names(topics, "topic")


class FetchSettings(Strict):
    user_agent: str = "Newswatch/0.1 (+https://github.com/newswatch/newswatch; media monitoring)"
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=20.0, gt=0)
    response_timeout: float = Field(
        default=45.0, gt=0, description="seconds for one whole response, headers included")
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
    min_reachable_share: float = Field(default=0.0, ge=0, le=1, description="an ingest run "
                                       "fails when fewer of its outlets answered; always "
                                       "when none did")

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
    languages: list[LanguageCode] = ["en", "de", "fr", "es", "ru", "uk", "ar", "fa", "he", "tr"]
    fetch: FetchSettings = FetchSettings()
    alerts: AlertRules = AlertRules()
    slack: SlackSettings = SlackSettings()
    warehouse: WarehouseSettings = WarehouseSettings()
    health: HealthRules = HealthRules()
    min_words: int = Field(default=40, ge=1)
    boilerplate: list[str] = Field(
        default=[], description="regexes of body lines to drop on every outlet, on top of "
        "the built-in list (newsletter prompts, 'Read more', image credits...)")

    _boilerplate_compiles = field_validator("boilerplate")(check_regexes)


class Config(BaseModel):
    outlets: list[Outlet]
    topics: list[Topic]
    settings: Settings

    def outlet(self, name: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.name == name:
                return outlet
        raise ConfigError(f"no outlet named {name!r}; known: {', '.join(self.outlet_names)}")

    def detector_for(self, topic: str) -> DetectorSettings:
        """The detector settings for one topic: its own sensitivity over the global one."""
        detector = self.settings.alerts.detector
        own = next((t.sensitivity for t in self.topics if t.name == topic), None)
        if own is None:
            return detector
        return DetectorSettings.model_validate({**detector.model_dump(), "sensitivity": own})

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
    message = first["msg"].removeprefix("Value error, ")
    return f"{path}: field '{field}' = {shown}: {message}{more}"


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: is not UTF-8 text (byte {exc.start} is "
                          f"{exc.object[exc.start:exc.start + 1]!r}); save it as UTF-8") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        # a ReaderError (a NUL byte, say) has no `problem`, and a message of two lines
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}:{where} is not valid YAML: {problem}") from exc
    if data is None:
        return {}
    if _count_values(data, MAX_CONFIG_VALUES) > MAX_CONFIG_VALUES:
        raise ConfigError(f"{path}: holds over {MAX_CONFIG_VALUES:,} values (aliases nested "
                          "in aliases?); refused")
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    return data


def _count_values(data: Any, limit: int) -> int:
    """The values in a loaded YAML document, each alias counted at every use; stops
    counting past `limit`."""
    count, stack = 0, [data]
    while stack and count <= limit:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


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
