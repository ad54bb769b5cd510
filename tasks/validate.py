"""Validate a batch of articles with the Great Expectations suite in `expectations/`, per row.

Every expectation in the suite file names its level in `meta.level`:

- `row`: the rows in its `unexpected_index_list` are quarantined, with the expectation's name;
- `batch`: completeness checks with `mostly`; they quarantine nothing but decide the run's
  `success`.

Values that depend on config or on the run reach the suite as GX suite parameters
(`{"$PARAMETER": name}`): `known_outlets`, `languages`, `min_words` and `latest_published_at`
(the run's `now` plus an hour of tolerance for clock skew).

Great Expectations takes seconds to import, so it is imported on first use, and the context
and each suite file are built once per process (an edited suite takes effect in a new
process). A batch then costs about 0.1 s, mostly GX's fixed cost per expectation.
"""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from tasks.errors import ConfigError
from tasks.models import Article

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuite
    from great_expectations.core.batch_definition import BatchDefinition
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
    )

SUITE_PATH = Path(str(resources.files("expectations") / "articles.json"))  # package data
FUTURE_TOLERANCE = timedelta(hours=1)
EARLIEST_ZONE = timedelta(hours=14)  # UTC+14, Kiritimati: where each day begins
LEVELS = ("row", "batch")

# Guards the one-off build and the GX call itself: GX's shared context is not documented as
# thread-safe, and a batch is short, so Prefect's thread pool loses little by queueing.
_gx_lock = threading.Lock()
_gx_suites: dict[Path, ExpectationSuite] = {}


@dataclass
class ValidationOutcome:
    """Articles split by the suite, plus one row for the `validation_runs` table."""

    passed: list[Article]
    quarantined: list[tuple[Article, list[str]]]  # article, names of failed row-level checks
    run: dict[str, Any]


def validate_articles(
    articles: list[Article],
    *,
    outlet: str,
    known_outlets: Collection[str],
    languages: Collection[str],
    now: datetime,
    min_words: int = 40,
    suite_path: Path | None = None,
) -> ValidationOutcome:
    """Run the suite on one batch; every article ends up in `passed` or `quarantined` once.

    `run["success"]` is False when a batch-level expectation fails, None for an empty
    batch (nothing was validated, so nothing passed); row-level failures are counted in
    `run["failed"]` and listed in `run["failed_expectations"]` with their level.
    """
    if now.tzinfo is None:
        raise ValueError(f"validate_articles needs a timezone-aware `now`, got {now!r}")
    path = (suite_path or SUITE_PATH).resolve()
    spec = _read_suite(path)
    if not articles:
        return ValidationOutcome([], [], _run_row(spec["name"], outlet, 0, 0, None, [], now))

    parameters = {
        "known_outlets": sorted(known_outlets),
        "languages": sorted(languages),
        "min_words": min_words,
        "latest_published_at": now + FUTURE_TOLERANCE,
    }
    result = _validate_frame(path, _frame(articles), parameters)

    # GX returns results grouped by column; report them in the suite file's order instead.
    order: dict[str, int] = {}
    for i, entry in enumerate(spec["expectations"]):
        order.setdefault(_name(entry["type"], entry["kwargs"]), i)
    checks = sorted(
        result.results,
        key=lambda c: order[_name(c.expectation_config.type, c.expectation_config.kwargs)],
    )
    reasons: dict[int, list[str]] = {}
    failed: list[dict[str, Any]] = []
    success = True
    for check in checks:
        config = check.expectation_config
        level = config.meta["level"]
        name = _name(config.type, config.kwargs)
        error = _check_error(check.exception_info)
        if error:
            raise ConfigError(f"{path}: {name} could not run on the batch: {error}")
        if level == "row":
            for index in check.result["unexpected_index_list"]:
                reasons.setdefault(index, []).append(name)
        if not check.success:
            success = success and level == "row"
            details = check.to_json_dict()["result"]
            failed.append(
                {
                    "expectation": config.type,
                    "column": config.kwargs.get("column"),
                    "level": level,
                    "unexpected_count": details.get("unexpected_count"),
                    "unexpected_percent": details.get("unexpected_percent"),
                    "observed_value": details.get("observed_value"),
                }
            )

    passed = [a for i, a in enumerate(articles) if i not in reasons]
    quarantined = [(a, reasons[i]) for i, a in enumerate(articles) if i in reasons]
    run = _run_row(spec["name"], outlet, len(articles), len(passed), success, failed, now)
    return ValidationOutcome(passed, quarantined, run)


def _name(expectation_type: str, kwargs: dict[str, Any]) -> str:
    """How quarantine rows name a check: `expect_column_values_to_not_be_null(title)`."""
    column = kwargs.get("column")
    return f"{expectation_type}({column})" if column else expectation_type


def _check_error(exception_info: dict[str, Any]) -> str | None:
    """Why a check could not run, if it could not: GX reports it flat, or per metric id."""
    infos = [exception_info] if "raised_exception" in exception_info else exception_info.values()
    for info in infos:
        if info.get("raised_exception"):
            return str(info.get("exception_message"))
    return None


def _run_row(
    suite: str,
    outlet: str,
    rows: int,
    passed: int,
    success: bool | None,
    failed: list[dict[str, Any]],
    now: datetime,
) -> dict[str, Any]:
    """One `validation_runs` row; `validated_at` is the run's clock, the `now` checked against."""
    return {
        "suite": suite,
        "outlet": outlet,
        "rows": rows,
        "passed": passed,
        "failed": rows - passed,
        "success": success,
        "failed_expectations": failed,
        "validated_at": now,
    }


def _text(value: str | None) -> str | None:
    """Blank strings count as missing, so a not-null check catches an empty title."""
    return value if value and value.strip() else None


def _checked_time(article: Article) -> datetime | None:
    """The publication time the suite checks. A day alone (stored as its noon UTC) is
    checked as its first moment anywhere, midnight at UTC+14: today's date from a
    newsroom east of Greenwich is not in the future at 08:00 UTC."""
    published = article.published_at
    if published is None or not article.published_date_only:
        return published
    return datetime.combine(published.date(), time(), UTC) - EARLIEST_ZONE


def _frame(articles: list[Article]) -> pd.DataFrame:
    """The columns the suite checks, one row per article, indexed 0..n-1 like the input."""
    return pd.DataFrame(
        {
            "url": [_text(a.url) for a in articles],
            "outlet": [_text(a.outlet) for a in articles],
            "title": [_text(a.title) for a in articles],
            "language": [_text(a.language) for a in articles],
            "body": [a.body or "" for a in articles],
            "is_teaser": [bool(a.is_teaser) for a in articles],
            "word_count": [int(a.word_count) for a in articles],
            # Naive datetimes are taken as UTC, as `Article` promises.
            "published_at": pd.to_datetime([_checked_time(a) for a in articles], utc=True),
        }
    )


@cache
def _read_suite(path: Path) -> dict[str, Any]:
    """The suite file as JSON, with each expectation's level checked; read once per process."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ConfigError(f"{path}: cannot read the expectation suite: {e}") from e
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
        raise ConfigError(f"{path}: an expectation suite needs a string `name`")
    expectations = spec.get("expectations")
    if not isinstance(expectations, list) or not expectations:
        raise ConfigError(f"{path}: `expectations` must be a non-empty list")
    for i, entry in enumerate(expectations):
        meta = entry.get("meta") if isinstance(entry, dict) else None
        level = meta.get("level") if isinstance(meta, dict) else None
        if level not in LEVELS:
            raise ConfigError(
                f"{path}: expectations[{i}].meta.level is {level!r}; use one of {LEVELS}"
            )
        if not isinstance(entry.get("type"), str) or not isinstance(entry.get("kwargs"), dict):
            raise ConfigError(f"{path}: expectations[{i}] needs a string `type` and `kwargs`")
    return spec


def _validate_frame(
    path: Path, frame: pd.DataFrame, parameters: dict[str, Any]
) -> ExpectationSuiteValidationResult:
    with _gx_lock:
        suite = _gx_suites.get(path)
        if suite is None:
            suite = _gx_suites[path] = _build_suite(path, _read_suite(path))
        batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
        # Batch.validate, unlike ValidationDefinition.run, keeps no copy of the result in the
        # context's store, so a long-lived worker does not accumulate every result in memory.
        try:
            return batch.validate(
                suite, result_format="COMPLETE", expectation_parameters=parameters
            )
        except _gx().exceptions.SuiteParameterError as e:
            raise ConfigError(
                f"{path}: {e}; the parameters filled in at run time are {sorted(parameters)}"
            ) from e


def _build_suite(path: Path, spec: dict[str, Any]) -> ExpectationSuite:
    gx = _gx()
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    # ExpectationSuite(expectations=[dict, ...]) logs and drops an invalid entry, so each one
    # is built here, where a mistake can name the file and the entry.
    expectations = []
    for i, entry in enumerate(spec["expectations"]):
        try:
            config = ExpectationConfiguration(
                type=entry["type"], kwargs=entry["kwargs"], meta=entry["meta"]
            )
            expectation = config.to_domain_obj()
        except (gx.exceptions.GreatExpectationsError, ValueError, TypeError) as e:
            raise ConfigError(f"{path}: expectations[{i}] ({entry['type']}) is invalid: {e}") from e
        # Only map expectations report failing rows (unexpected_index_list) to quarantine.
        row_wise = (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
        if entry["meta"]["level"] == "row" and not isinstance(expectation, row_wise):
            raise ConfigError(
                f"{path}: expectations[{i}] ({entry['type']}) checks no single rows, "
                "so it cannot quarantine any; set its meta.level to 'batch'"
            )
        expectations.append(expectation)
    return gx.ExpectationSuite(name=spec["name"], expectations=expectations, meta=spec.get("meta"))


@cache
def _batch_definition() -> BatchDefinition:
    """A whole-dataframe batch definition in an in-memory context, built once per process."""
    gx = _gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        # The default ephemeral config adds a Data Docs site in a temp folder; keep all in memory.
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        # Otherwise every batch prints a tqdm bar for its metrics to stderr.
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    asset = context.data_sources.add_pandas("newswatch").add_dataframe_asset("articles")
    return asset.add_batch_definition_whole_dataframe("batch")


@cache
def _gx() -> Any:
    """`great_expectations`, imported once (it takes several seconds)."""
    # GX's import trips a DeprecationWarning in its own code (`import sre_constants`); nothing
    # for us to act on, and it would fail a test run that treats warnings as errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import great_expectations

    return great_expectations
