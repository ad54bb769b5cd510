"""Quick start on a fresh machine with only Python 3.11+:

    python3 bootstrap.py demo     # run the whole pipeline on a local newsroom
    python3 bootstrap.py test     # run the test suite

It makes `.venv` with uv (installed from PyPI into a private tools folder), installs the
locked dependencies from `uv.lock`, then runs the command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".venv-tools"
VENV = ROOT / ".venv"
COMMANDS = {
    "demo": [str(VENV / "bin" / "newswatch"), "demo"],
    # Three pytest workers, a test file each at a time, in collection order (slow files
    # first, tests/conftest.py): most of the suite waits on loopback servers and
    # subprocesses, so even a 2-core machine runs it in about half the time.
    "test": [str(VENV / "bin" / "python"), "-m", "pytest", "-n", "3", "--dist", "loadfile",
             "--no-loadscope-reorder"],
}


def run(cmd: list[str], **kwargs) -> None:
    result = subprocess.run(cmd, cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def install() -> None:
    uv = TOOLS / "bin" / "uv"
    if not uv.exists():
        venv.EnvBuilder(with_pip=True).create(TOOLS)
        run([str(TOOLS / "bin" / "python"), "-m", "pip", "install", "--quiet",
             "--disable-pip-version-check", "uv==0.13.9"])
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(VENV), "UV_PYTHON_DOWNLOADS": "never"}
    run([str(uv), "sync", "--frozen", "--quiet", "--python", sys.executable], env=env)


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (runs before anything checks requires-python)
        sys.exit(f"Newswatch needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 bootstrap.py {{{','.join(COMMANDS)}}} [arguments...]")
    install()
    command = COMMANDS[sys.argv[1]] + sys.argv[2:]
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
