"""What the flows share: flow-run names by what and when, and the delivery step of the
alerts and digest flows (their outboxes, then the reports of deliveries given up on) with
their end: Failed when the run gave up on messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from prefect import Task, get_run_logger, runtime, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.states import Failed, State

from tasks.artifacts import run_name
from tasks.config import Config
from tasks.errors import ConfigError, RunFailed
from tasks.notify import SlackTarget, resolve_target
from tasks.outbox import deliver_problems, given_up_line

Deliver = Callable[[Path, SlackTarget | None], list[dict]]


def named_runs(flow: str) -> Callable[[], str]:
    """A `flow_run_name` for `flow`: `ingest-all-outlets-2026-12-02T04:15Z`, `alerts-...`."""
    def name() -> str:
        return run_name(flow, runtime.flow_run.parameters, runtime.flow_run.scheduled_start_time)
    return name


def not_a_config_error(_task: Task, _run: TaskRun, state: State) -> bool:
    """A task's `retry_condition_fn`: a config error is not worth retrying; it fails now."""
    return not isinstance(state.result(raise_on_failure=False), ConfigError)


@task(name="deliver", task_run_name="deliver-{what}", retries=2, retry_delay_seconds=30,
      retry_condition_fn=not_a_config_error, cache_policy=NO_CACHE)
def deliver_task(what: str, delivers: Sequence[Deliver], config: Config,
                 db_path: Path) -> list[dict]:
    """Deliver the due messages of some outboxes (`delivers`, in order), then the report
    of any given up on (to the operations channel). Returns every delivery's outcome."""
    target = resolve_target(config.settings.slack)
    outcomes = [outcome for deliver in delivers for outcome in deliver(db_path, target)]
    outcomes += deliver_problems(db_path, resolve_target(config.settings.slack, operations=True))
    return outcomes


def delivery_end(summary: dict) -> dict | State:
    """A delivery flow's return: its summary, or a Failed state saying how many messages
    the run gave up on and why (the run-problem trigger fires on it; the rows stay in the
    outbox). A message that failed and is tried again next run fails nothing."""
    if line := given_up_line(summary["deliveries"]):
        get_run_logger().error(line)
        # the error as the result, as in the ingest flow: a dict there breaks a worker's run
        return Failed(message=line, data=RunFailed(line))
    return summary
