"""The temporary Prefect server of `newswatch run` and `newswatch demo`, and a flow run's
outcome as data or one error.

Prefect starts one by itself when no `PREFECT_API_URL` is set, but gives it 20 s (a busy
2-core machine needs more: `STARTUP_TIMEOUT`, unless the user set
`PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS`), fails with a 60-line traceback, and
leaves it running when the command is killed with SIGKILL. So the commands start it
themselves, as Prefect's own `SubprocessASGIServer` does, but as a child that Linux kills
with its parent (PR_SET_PDEATHSIG), and a server that cannot start is one line.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from tasks.errors import NewswatchError, PrefectUnavailable, RunFailed

if TYPE_CHECKING:
    from prefect.states import State

STARTUP_TIMEOUT = 180  # seconds; the server took 33 s with the machine's load at 4-6
TIMEOUT_SETTING = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the child, before exec: ask Linux for SIGKILL when the parent dies, and go now
    if it already has."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _server_class() -> type:
    from prefect.server.api.server import SubprocessASGIServer

    class ChildServer(SubprocessASGIServer):
        """Prefect's temporary server, started as a child that dies with this process."""

        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            if not sys.platform.startswith("linux"):
                return super()._run_uvicorn_command()
            real_popen, parent = subprocess.Popen, os.getpid()

            def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[Any]:
                return real_popen(*args, preexec_fn=lambda: _die_with_parent(parent), **kwargs)

            # Only for the base class's one Popen call, which takes no preexec_fn.
            subprocess.Popen = popen
            try:
                return super()._run_uvicorn_command()
            finally:
                subprocess.Popen = real_popen

    return ChildServer


def startup_timeout() -> int:
    """The user's PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS (environment or Prefect
    profile), else ours."""
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
    from prefect.settings.models.server.ephemeral import ServerEphemeralSettings

    value = PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
    default = ServerEphemeralSettings.model_fields["startup_timeout_seconds"].default
    return value if TIMEOUT_SETTING in os.environ or value != default else STARTUP_TIMEOUT


@contextmanager
def prefect_api() -> Iterator[None]:
    """A Prefect API for the flows of one command: the one `PREFECT_API_URL` names, else
    a temporary server that lives as long as this process. The project's own errors
    reach the console as the command's one line, without Prefect's tracebacks."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    quiet_own_tracebacks()
    if PREFECT_API_URL.value():
        yield
        return
    server = _server_class()()
    timeout = startup_timeout()
    try:
        server.start(timeout=timeout)
    except Exception as exc:
        server.stop()
        reason = " ".join(str(exc).split())[:200]
        raise PrefectUnavailable(
            f"the temporary Prefect server did not start within {timeout} s ({reason}); "
            f"on a busy machine raise {TIMEOUT_SETTING} (now {timeout}), or start one "
            "with `prefect server start` and set PREFECT_API_URL") from exc
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield
    finally:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        # the runs' last logs and events, before their server goes
        APILogWorker.drain_all(timeout=5)
        EventsWorker.drain_all(timeout=5)
        server.stop()


class OwnErrorsOffTheConsole(logging.Filter):
    """Prefect logs a traceback for every exception a run ends with; for the project's own
    errors the command prints one line instead (the run logs in Prefect keep them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], NewswatchError))


def quiet_own_tracebacks() -> None:
    """Put `OwnErrorsOffTheConsole` on Prefect's console handlers."""
    import prefect.main  # noqa: F401 (sets Prefect's logging up, handlers and all)
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *(logging.getLogger(name)
                                      for name in logging.root.manager.loggerDict)]
    for handler in {h for logger in loggers for h in getattr(logger, "handlers", [])}:
        if isinstance(handler, PrefectConsoleHandler) and not any(
                isinstance(f, OwnErrorsOffTheConsole) for f in handler.filters):
            handler.addFilter(OwnErrorsOffTheConsole())


def outcome(state: State) -> Any:
    """A flow run's return value, or the error it ended with: the project's own error as
    it was raised (one line at the CLI), a Failed state it chose as `RunFailed`."""
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    if state.is_failed():
        raise RunFailed(state.message or f"the flow run ended {state.name}")
    return result
