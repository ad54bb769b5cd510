"""The DuckDB connection helper: open with a bounded wait for the file lock, migrate.

One process at a time may hold a DuckDB file for writing, and while it does no other
process can open it at all. So writers keep connections short (`write`), and both
readers and writers retry for a while when the file is busy instead of failing.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from tasks.errors import WarehouseError

DEFAULT_DB = Path("data/newswatch.duckdb")
DEMO_DB = Path("data/demo.duckdb")
LOCK_WAIT_SECONDS = 30.0

# DuckDB refuses a read-only and a read-write connection to one file inside one process
# ("different configuration"), so this process's own readers and writers take turns;
# other processes are kept out by the file lock, which `connect` waits for.
_turns: dict[Path, threading.RLock] = {}
_turns_lock = threading.Lock()


def _sql_files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("warehouse") / folder
    files = sorted((p for p in root.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


# Given when a read-only connection opens; the rest (`_lock_down`) can only be set on a
# started database.
READER_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
}


def _lock_down(con: duckdb.DuckDBPyConnection, path: Path,
               allowed_directories: Sequence[Path]) -> None:
    """Make a read-only connection harmless: no file access beyond the warehouse itself
    (no COPY TO, EXPORT DATABASE, ATTACH, read_csv of other files), no extension installs
    or loads, and no SET that could undo any of it. `allowed_directories` opens folders
    for reading and writing files, never the warehouse's own folder (a COPY TO there
    could overwrite the warehouse)."""
    if con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        return  # this process's database instance is locked down already
    home = path.resolve().parent
    folders = [Path(folder).resolve() for folder in allowed_directories]
    for folder in folders:
        if folder == home or folder in home.parents:
            raise WarehouseError(
                f"{folder}: refusing file access to the folder that holds the warehouse "
                f"{path}; allow a folder of its own")
    con.execute("SET allowed_directories = ?", [[f"{folder}/" for folder in folders]])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def connect(
    path: Path | str, *, read_only: bool = False, wait: float = LOCK_WAIT_SECONDS,
    allowed_directories: Sequence[Path] = (),
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting up to `wait` seconds while another process holds it.

    A read-only connection is locked down (`_lock_down`): it can read the warehouse
    and the folders in `allowed_directories`, nothing else."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise WarehouseError(
            f"{path}: no warehouse here yet; run `newswatch run` or `newswatch demo`")
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            if not read_only:
                return duckdb.connect(str(path))
            con = duckdb.connect(str(path), read_only=True, config=READER_CONFIG)
            try:
                _lock_down(con, path, allowed_directories)
            except BaseException:
                con.close()
                raise
            return con
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc):
                raise WarehouseError(f"{path}: cannot open: {exc}") from exc
            if time.monotonic() >= deadline:
                holder = re.search(r"held in (.+? \(PID \d+\))", str(exc))
                who = holder.group(1) if holder else "another process"
                raise WarehouseError(
                    f"{path} is locked by {who} for over {wait:g}s; "
                    "wait for that run to finish or stop it"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied, each in one transaction with its record,
    then (re)create the views. Returns the names applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in _sql_files("migrations"):
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, datetime.now(UTC)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(f"migration {name} failed: {exc}") from exc
        applied.append(name)
    for _name, sql in _sql_files("views"):
        con.execute(sql)
    return applied


@contextmanager
def _turn(path: Path | str, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    key = Path(path).resolve()
    with _turns_lock:
        turn = _turns.setdefault(key, threading.RLock())
    if not turn.acquire(timeout=wait):
        raise WarehouseError(f"{path} is held by another thread of this process for over "
                             f"{wait:g}s; a write or read in this process never finished")
    try:
        yield
    finally:
        turn.release()


@contextmanager
def write(path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short write: open, migrate if needed, one transaction, close.

    Keep the body small: analysts cannot open the file until it returns.
    """
    with _turn(path):
        con = connect(path)
        try:
            migrate(con)
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            con.close()


@contextmanager
def read(path: Path | str, allowed_directories: Sequence[Path] = ()
         ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A locked-down read-only connection (see `connect`), closed afterwards."""
    with _turn(path):
        con = connect(path, read_only=True, allowed_directories=allowed_directories)
        try:
            yield con
        finally:
            con.close()
