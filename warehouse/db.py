"""The DuckDB connection helper: open with a bounded wait for the file lock, migrate,
and publish what the flows commit to the file analysts open.

One process at a time may hold a DuckDB file for writing, and while it does no other
process can open it at all; a read-only process blocks writers too. So the flows own a
private primary file (`<warehouse>.primary`: `write` and `read` go there) and publish a
copy of it as the warehouse file itself (`data/newswatch.duckdb`) after their commits:
checkpoint, copy, atomic rename. Analysts open that copy (`snapshot`, the duckdb shell)
for as long as they like: the rename leaves an open session its copy, and reopening or
re-attaching shows what was committed since. A small warehouse is published after every
commit; a big one at most every 20 copy times (so copying costs the writers at most ~5%),
and always within a few seconds and at the writing process's exit.

Its one dependency outside `warehouse/` is `tasks.errors`, a module that imports nothing:
a `WarehouseError` is a `NewswatchError`, so every caller that prints Newswatch's errors
as one line (the CLI) prints a locked or missing warehouse that way too
(tests/test_errors.py keeps the dependency to that one module).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Protocol

import duckdb

from tasks.errors import WarehouseError
from warehouse import lake

DEFAULT_DB = Path("data/newswatch.duckdb")
DEMO_DB = Path("data/demo.duckdb")
LOCK_WAIT_SECONDS = 30.0
# Up to this size every commit is published at once (a copy takes milliseconds); beyond
# it, at most every PUBLISH_COST_FACTOR copy times, and at least every PUBLISH_SECONDS.
PUBLISH_AT_ONCE_BYTES = 64 * 2**20
PUBLISH_SECONDS = 1.0
PUBLISH_COST_FACTOR = 20

# DuckDB refuses a read-only and a read-write connection to one file inside one process
# ("different configuration"), so this process's own readers and writers of the primary
# take turns; other processes are kept out by the file lock, which `connect` waits for.
_turns: dict[Path, threading.RLock] = {}
_turns_lock = threading.Lock()
_pending: dict[Path, threading.Timer] = {}  # warehouses with commits not yet published
_copy_seconds: dict[Path, float] = {}
_lakes: dict[Path, tuple[str, str]] = {}  # warehouse path -> DuckLake catalog, data path


class WarehouseSettings(Protocol):
    backend: str  # duckdb | ducklake
    catalog: str | None
    data_path: str | None


def configure(path: Path | str, settings: WarehouseSettings) -> None:
    """Use the configured backend for the warehouse `path` in this process: the DuckDB
    file itself, or (backend ducklake) the catalog and data path it names."""
    key = Path(path).resolve()
    if settings.backend == "ducklake":
        _lakes[key] = (str(settings.catalog), str(settings.data_path))
    else:
        _lakes.pop(key, None)


def _lake_of(path: Path | str) -> tuple[str, str] | None:
    return _lakes.get(Path(path).resolve()) if _lakes else None


def location(path: Path | str) -> str:
    """Where the warehouse of `path` is, for people: the file, or the DuckLake it names."""
    lake = _lake_of(path)
    return f"DuckLake {lake[0]} (data {lake[1]})" if lake else str(path)


@dataclass(frozen=True)
class Snapshot:
    """The state of the warehouse one read saw, so a count can be reproduced later: when
    it was read (on the file backend, what was loaded by then) and, on DuckLake, the
    snapshot id (`AT (VERSION => id)`)."""

    read_at: datetime
    version: int | None = None


def current_snapshot(con: duckdb.DuckDBPyConnection) -> Snapshot:
    """What `con` reads now. On the file backend a reader holds the primary's lock, so
    nothing commits while it is open and the time is exact."""
    read_at = datetime.now(UTC)
    kind = con.execute("SELECT type FROM duckdb_databases() "
                       "WHERE database_name = current_database()").fetchone()[0]
    if kind != "ducklake":
        return Snapshot(read_at)
    return Snapshot(read_at, lake.current_version(con))


def exists(path: Path | str) -> bool:
    """Whether the warehouse has been written yet."""
    return _lake_of(path) is not None or Path(path).exists() or primary(path).exists()


def primary(path: Path | str) -> Path:
    """The writers' own file behind the published warehouse `path`."""
    path = Path(path)
    return path.with_name(path.name + ".primary")


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


def _lock_down(con: duckdb.DuckDBPyConnection, homes: Sequence[Path],
               allowed_directories: Sequence[Path], needed: Sequence[Path] = ()) -> None:
    """Make a read-only connection harmless: no file access beyond the warehouse itself
    (no COPY TO, EXPORT DATABASE, ATTACH, read_csv of other files), no extension installs
    or loads, and no SET that could undo any of it. `allowed_directories` opens folders
    for reading and writing files, never one of the warehouse's `homes` (a COPY TO there
    could overwrite the warehouse, a lake's catalog or its files). `needed` are folders
    the connection itself reads: a DuckLake's data path (its Parquet files are opened per
    query; DuckDB cannot open a folder for reading only, so there a deliberate COPY TO an
    existing file's name could still harm the lake)."""
    if con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        return  # this process's database instance is locked down already
    folders = [Path(folder).resolve() for folder in allowed_directories]
    for folder in folders:
        for home in (Path(h).resolve() for h in homes):
            if folder == home or folder in home.parents or home in folder.parents:
                raise WarehouseError(
                    f"{folder}: refusing file access to a folder that holds the warehouse "
                    f"({home}); allow a folder of its own")
    folders += [Path(folder).resolve() for folder in needed]
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
                _lock_down(con, [path.parent], allowed_directories)
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


def migrate(con: duckdb.DuckDBPyConnection, on_lake: bool = False) -> list[str]:
    """Apply the migrations not yet applied, each in one transaction with its record,
    then (re)create the views. Returns the names applied now.

    On DuckLake the statements it cannot take are left out (`lake.lake_statements`) and
    the views are recreated only when their files changed: a catalog change in every
    write would make concurrent writers conflict."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        f"(name VARCHAR{'' if on_lake else ' PRIMARY KEY'}, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in _sql_files("migrations"):
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in lake.lake_statements(sql) if on_lake else [sql]:
                con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, datetime.now(UTC)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise WarehouseError(f"migration {name} failed: {exc}") from exc
        applied.append(name)
    views = _sql_files("views")
    if not on_lake:
        for _name, sql in views:
            con.execute(sql)
        return applied
    version = "views:" + hashlib.sha1("".join(sql for _, sql in views).encode()).hexdigest()
    if version not in done:
        con.execute("BEGIN TRANSACTION")
        for _name, sql in views:
            for statement in lake.lake_statements(sql, views=True):
                con.execute(statement)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, datetime.now(UTC)])
        con.execute("COMMIT")
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
    """A short write to the primary: open, migrate if needed, one transaction, close; the
    commit is published soon after (`publish`).

    Keep the body small: other writers wait for the primary until it returns.
    """
    path = Path(path)
    if (attached := _lake_of(path)) is not None:
        with _lake_write(*attached) as con:
            yield con
        return
    with _turn(path):
        own = primary(path)
        if not own.exists() and path.exists():  # a warehouse from before the primary
            shutil.copyfile(path, own)
        yield from _transaction(connect(own))
        if path.exists() and own.stat().st_size > PUBLISH_AT_ONCE_BYTES:
            _publish_soon(path)
        else:
            publish(path)


@contextmanager
def _lake_write(catalog: str, data_path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    with lake.writers_turn(catalog, LOCK_WAIT_SECONDS):
        con = lake.connect(catalog, data_path)
        yield from _transaction(con, on_lake=True)


def _transaction(con: duckdb.DuckDBPyConnection,
                 on_lake: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Migrate, then one transaction around the caller's writes; the connection closes."""
    try:
        migrate(con, on_lake=on_lake)
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
def _lake_read(catalog: str, data_path: str, allowed_directories: Sequence[Path]
               ) -> Iterator[duckdb.DuckDBPyConnection]:
    con = lake.connect(catalog, data_path, read_only=True)
    try:
        _lock_down(con, lake.homes(catalog, data_path), allowed_directories,
                   needed=[] if "://" in data_path else [Path(data_path)])
        yield con
    finally:
        con.close()


def _publish_soon(path: Path) -> None:
    key = path.resolve()
    with _turns_lock:
        if key in _pending:
            return
        delay = max(PUBLISH_SECONDS, PUBLISH_COST_FACTOR * _copy_seconds.get(key, 0.0))
        timer = threading.Timer(delay, _publish_or_retry, [path])
        timer.daemon = True
        _pending[key] = timer
    timer.start()


def _publish_or_retry(path: Path) -> None:
    try:
        publish(path)
    except WarehouseError:  # another process held the primary all along: try again later
        _publish_soon(path)


def publish(path: Path | str) -> None:
    """Publish the primary's committed state as the warehouse file `path`: checkpoint,
    copy beside it, rename over it. Readers with the old copy open keep it."""
    path = Path(path)
    key = path.resolve()
    with _turn(path):
        with _turns_lock:
            timer = _pending.pop(key, None)
        if timer is not None:
            timer.cancel()
        if not primary(path).exists():
            return  # removed meanwhile
        started = time.monotonic()
        con = connect(primary(path))  # holds the primary: no commit can land mid-copy
        try:
            con.execute("CHECKPOINT")
            staging = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
            shutil.copyfile(primary(path), staging)
            os.replace(staging, path)
            # a write-ahead log left by someone who opened the copy read-write
            path.with_name(path.name + ".wal").unlink(missing_ok=True)
        finally:
            con.close()
        _copy_seconds[key] = time.monotonic() - started


@atexit.register
def _publish_pending() -> None:
    for path in list(_pending):
        publish(path)


def remove(path: Path | str) -> None:
    """Delete a warehouse: the published file, the primary and their write-ahead logs."""
    path = Path(path)
    with _turn(path):
        with _turns_lock:
            timer = _pending.pop(path.resolve(), None)
        if timer is not None:
            timer.cancel()
        for file in (path, primary(path)):
            file.unlink(missing_ok=True)
            file.with_name(file.name + ".wal").unlink(missing_ok=True)


@contextmanager
def read(path: Path | str, allowed_directories: Sequence[Path] = ()
         ) -> Iterator[duckdb.DuckDBPyConnection]:
    """The flows' read: a locked-down read-only connection (see `connect`) to the primary,
    so a read-then-write never acts on a copy not yet published; closed afterwards."""
    path = Path(path)
    if (attached := _lake_of(path)) is not None:
        with _lake_read(*attached, allowed_directories) as con:
            yield con
        return
    own = primary(path)
    with _turn(path):
        con = connect(own if own.exists() else path, read_only=True,
                      allowed_directories=allowed_directories)
        try:
            yield con
        finally:
            con.close()


@contextmanager
def snapshot(path: Path | str, allowed_directories: Sequence[Path] = ()
             ) -> Iterator[duckdb.DuckDBPyConnection]:
    """An analyst's read: a locked-down read-only connection to the published warehouse,
    which no writer ever waits for. Commits of this process not yet published are
    published first."""
    path = Path(path)
    if (attached := _lake_of(path)) is not None:
        with _lake_read(*attached, allowed_directories) as con:
            yield con
        return
    if path.resolve() in _pending:
        publish(path)
    con = connect(path, read_only=True, allowed_directories=allowed_directories)
    try:
        yield con
    finally:
        con.close()
