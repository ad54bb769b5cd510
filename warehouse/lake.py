"""DuckLake, the scale-out warehouse behind `warehouse.db`: a catalog in SQLite (one
machine, several processes) or PostgreSQL (several machines) and the data as Parquet
files under a data path (a folder, or object storage). Every commit is a snapshot, so
readers and writers never wait for each other and a count can be read again as it was
(`AT (VERSION => id)`).

The migrations are written for DuckDB files; DuckLake has no primary keys, unique
constraints, sequences, user-defined types or comments on view columns, so
`lake_statements` leaves those out (the loads upsert with MERGE INTO on the natural keys
instead, statuses are plain VARCHAR there, and ids from sequences are random numbers).
"""

from __future__ import annotations

import fcntl
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path

import duckdb

from tasks.errors import WarehouseError

NAME = "newswatch"  # the attached catalog's name: tables read as newswatch.articles too
CATALOG_KINDS = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}
SETTINGS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False,
            "allow_community_extensions": False}

_SKIPPED = re.compile(
    r"^(CREATE\s+(SEQUENCE|TYPE)\b|ALTER\s+TABLE\s+\w+\s+ALTER\s+\w+\s+TYPE\b)", re.I)
_COMMENTS = re.compile(r"--[^\n]*")
_LEADING_COMMENTS = re.compile(r"^(\s*--[^\n]*\n)*\s*")
_VIEW_COLUMN_COMMENT = re.compile(r"^COMMENT\s+ON\s+COLUMN\b", re.I)
_DROPPED = [
    re.compile(r",\s*PRIMARY\s+KEY\s*\([^)]*\)", re.I),  # a table's key clause
    re.compile(r"\s+PRIMARY\s+KEY\b(?!\s*\()", re.I),  # a column's
    re.compile(r"\s+UNIQUE\b", re.I),
]
# An id from a sequence becomes a random 63-bit number: writers of a PostgreSQL catalog
# commit at once (DuckLake retries concurrent appends without re-running them), so an id
# read from the table (max + 1) could be handed out twice; random ids need no one to ask.
# Two alike in 10 million rows: about 1 chance in 200,000.
_NEXTVAL = re.compile(r"\bnextval\('[^']*'\)", re.I)
_RANDOM_ID = "(hash(uuid()) >> 1)"


def extension(name: str) -> Path:
    """The extension file a `duckdb-extension-<name>` package installed (no download)."""
    spec = find_spec(f"duckdb_extension_{name}")
    if spec is None or not spec.submodule_search_locations:
        raise WarehouseError(f"the DuckDB extension {name} is not installed; it comes with "
                             f"the package duckdb-extension-{name.replace('_', '-')}")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"


def catalog_kind(catalog: str) -> str:
    kind = catalog.split(":", 1)[0]
    if kind not in CATALOG_KINDS:
        raise WarehouseError(f"DuckLake catalog {catalog!r}: give sqlite:PATH or "
                             "postgres:CONNECTION")
    return kind


def connect(catalog: str, data_path: str, *, read_only: bool = False
            ) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session with the lake attached as `newswatch` and in use."""
    kind = catalog_kind(catalog)
    if kind == "sqlite":
        Path(catalog.split(":", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    if "://" not in data_path:
        Path(data_path).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config=SETTINGS)
    try:
        for name in ("ducklake", CATALOG_KINDS[kind]):
            con.execute(f"LOAD '{extension(name)}'")
        options = [f"DATA_PATH '{data_path}'"] + (["READ_ONLY"] if read_only else [])
        con.execute(f"ATTACH 'ducklake:{catalog}' AS {NAME} ({', '.join(options)})")
        con.execute(f"USE {NAME}")
        # concurrent writers' commits retry on conflicts for up to a minute or so
        con.execute("SET ducklake_max_retry_count = 40")
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"DuckLake {catalog} ({data_path}): cannot attach: "
                             f"{str(exc).splitlines()[0]}") from exc
    return con


@contextmanager
def writers_turn(catalog: str, wait: float) -> Iterator[None]:
    """Writers of a SQLite catalog take turns (SQLite's own lock fails a concurrent
    commit instead of waiting); a PostgreSQL catalog takes concurrent commits itself.
    Readers never take a turn."""
    if catalog_kind(catalog) != "sqlite":
        yield
        return
    lock_path = Path(catalog.split(":", 1)[1] + ".writer-lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseError(f"{catalog}: another writer held the catalog for "
                                         f"over {wait:g}s") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def homes(catalog: str, data_path: str) -> list[Path]:
    """The folders the lake's files live in, which a reader's --allow-files may not open."""
    folders = [] if "://" in data_path else [Path(data_path)]
    if catalog_kind(catalog) == "sqlite":
        folders.append(Path(catalog.split(":", 1)[1]).parent)
    return folders


def lake_statements(sql: str, *, views: bool = False) -> list[str]:
    """The statements of a migration or view file as DuckLake takes them."""
    out = []
    for statement in duckdb.extract_statements(sql):
        text = statement.query
        bare = _LEADING_COMMENTS.sub("", text)
        if _SKIPPED.match(bare) or (views and _VIEW_COLUMN_COMMENT.match(bare)):
            continue
        text = _COMMENTS.sub("", text)  # a key clause may follow a comment line
        for pattern in _DROPPED:
            text = pattern.sub("", text)
        text = _NEXTVAL.sub(_RANDOM_ID, text)
        out.append(text)
    return out


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT id FROM ducklake_current_snapshot('{NAME}')").fetchone()[0]
