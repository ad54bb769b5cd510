"""The run-problem flow tells the operations channel which run went wrong and why: posted
to the ops channel of the local Slack-compatible server, logged without Slack, and an
error in the log when Slack refuses it. (The trigger that runs it on a real server is in
tests/test_deployment.py.)"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest

from flows.run_problem import run_problem
from tasks.run_problem import EVENT_TYPE

if TYPE_CHECKING:
    from tests.slack_server import SlackServer

# the session-scoped `slack_server` fixture, loaded as a plugin as in test_notify.py
pytest_plugins = ["tests.slack_server"]
RUN = {"flow_name": "ingest", "run": "ingest-all-outlets-2026-12-02T04:15Z",
       "state": "Failed", "reason": "outlets reachable 0/19, articles 0, quarantined 0, "
       "failed fetches 36", "run_id": "0f2a9c1e-0000-4000-8000-000000000001"}
HEADLINE = ("the ingest run `ingest-all-outlets-2026-12-02T04:15Z` is Failed: outlets "
            "reachable 0/19, articles 0, quarantined 0, failed fetches 36")


def slack_env(monkeypatch: pytest.MonkeyPatch, server: SlackServer | None,
              token: str = "xoxb-ok") -> None:
    for name in ("BOT_TOKEN", "CHANNEL", "OPS_CHANNEL", "WEBHOOK_URL", "BASE_URL"):
        monkeypatch.delenv(f"NEWSWATCH_SLACK_{name}", raising=False)
    if server:
        monkeypatch.setenv("NEWSWATCH_SLACK_BOT_TOKEN", token)
        monkeypatch.setenv("NEWSWATCH_SLACK_CHANNEL", "#news-alerts")
        monkeypatch.setenv("NEWSWATCH_SLACK_OPS_CHANNEL", "#newswatch-ops")
        monkeypatch.setenv("NEWSWATCH_SLACK_BASE_URL", server.url)


def test_a_failed_run_is_posted_to_the_operations_channel(
        prefect_harness, slack_server, monkeypatch):
    slack_env(monkeypatch, slack_server)
    assert run_problem(**RUN) == "sent"
    [message] = slack_server.posted(EVENT_TYPE, "flow_run_id", RUN["run_id"])
    assert HEADLINE in message["text"]
    [call] = [c for c in slack_server.calls("chat.postMessage", token="xoxb-ok")
              if c.body.get("text") == message["text"]]
    assert call.body["channel"] == "#newswatch-ops"


def test_without_slack_the_message_is_logged(prefect_harness, monkeypatch, caplog):
    slack_env(monkeypatch, None)
    with caplog.at_level(logging.WARNING, logger="newswatch.run_problem"):
        assert run_problem(**{**RUN, "state": "Late", "reason": ""}) == "logged"
    [record] = [r for r in caplog.records if r.name == "newswatch.run_problem"]
    assert "Slack is not configured" in record.getMessage()
    assert record.getMessage().endswith("`ingest-all-outlets-2026-12-02T04:15Z` is Late")


def test_a_refused_post_is_an_error_in_the_log(prefect_harness, slack_server, monkeypatch,
                                               caplog):
    slack_env(monkeypatch, slack_server, token="xoxb-revoked-for-this-test")
    with caplog.at_level(logging.ERROR, logger="newswatch.run_problem"):
        assert run_problem(**RUN) == "failed"
    [record] = [r for r in caplog.records if r.name == "newswatch.run_problem"]
    assert "invalid_auth" in record.getMessage() and HEADLINE in record.getMessage()


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The post's task retries without their waits (10 s, 1 min, 5 min)."""
    import flows.run_problem

    monkeypatch.setattr(flows.run_problem, "report_task",
                        flows.run_problem.report_task.with_options(retry_delay_seconds=0))


def test_a_post_slack_answers_500_is_retried_and_not_posted_twice(
        prefect_harness, slack_server, monkeypatch, quick_retries):
    slack_env(monkeypatch, slack_server, token="xoxb-500-after-post")  # stored, then 500
    run = {**RUN, "run_id": "0f2a9c1e-0000-4000-8000-000000000002"}

    state = run_problem(**run, return_state=True)

    assert state.result() == "sent"
    assert run_counts(state) == {"post-run-problem": 2}
    [message] = slack_server.posted(EVENT_TYPE, "flow_run_id", run["run_id"])
    assert HEADLINE in message["text"]


def test_slack_down_on_every_try_fails_the_run_saying_what_was_not_sent(
        prefect_harness, slack_server, monkeypatch, quick_retries):
    slack_env(monkeypatch, slack_server, token="xoxb-500")

    state = run_problem(**RUN, return_state=True)

    assert state.is_failed()
    assert "the operations message could not be posted (Slack answered HTTP 500" in (
        state.message)
    assert HEADLINE in state.message
    assert run_counts(state) == {"post-run-problem": 4}


def run_counts(state) -> dict[str, int]:
    """How often each task of a flow run ran (1: no retry)."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
            id={"any_": [state.state_details.flow_run_id]}))
    return {run.name: run.run_count for run in runs}
