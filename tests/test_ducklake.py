"""DuckLake behind the same `warehouse.db` seam: the same migrations, views, example
queries and upserts; two ingest processes with different outlet shards write at once
while a reader queries, and every article lands once; an alert's count reads back
exactly at its snapshot. With a SQLite catalog always, with PostgreSQL where installed."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from flows.demo import write_demo_config
from tasks.config import WarehouseSettings
from tasks.load import write_batch
from tests.conftest import lake_settings
from tests.small_warehouse import BURST, article, batch, build, reproducing_query
from warehouse import db

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SHARDS = [["globe-herald", "vostochny-vestnik"], ["der-tagesbote", "gulf-dispatch"]]
PER_OUTLET = 12  # articles each outlet's run takes (fetch.max_articles_per_outlet)

# An ingest process without Prefect: the ingest flow's run set-up and batch functions for
# its shard.
WRITER = """
import sys
from pathlib import Path
from tasks.config import load_config
from tasks.fetch import Fetcher
from tasks.ingest import collect_outlet, process_outlet
from tasks.run import start_run
config, path, outlets = load_config(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].split(",")
run = start_run(config, path, outlets, id_prefix=sys.argv[4] + "-")
fetcher = Fetcher(config.settings.fetch)
for outlet in outlets:
    found, fetched = collect_outlet(config, outlet, path, fetcher)
    loaded = process_outlet(config, outlet, run.run_id, found, fetched)
    run.load(loaded)
    print(outlet, len(loaded.articles), flush=True)
"""

# An analyst's session, open throughout, querying until told to stop; a line a query.
READER = """
import json, sys, time
from pathlib import Path
from tasks.config import load_config
from warehouse import db
config, path, stop = load_config(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
db.configure(path, config.settings.warehouse)
with db.snapshot(path) as con:
    while not stop.exists():
        try:
            n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            print(json.dumps({"articles": n}), flush=True)
        except Exception as exc:
            print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
        time.sleep(0.3)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL 15 cluster of our own in a temporary folder, on a free port, run as
    `nobody` when we are root (initdb refuses root). Not under pytest's folder: pytest
    makes that private to its user again whenever a session starts."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL is not installed here ({PG_BIN} is absent)")
    as_user: list[str] = []
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root and runuser is missing: initdb refuses root")
    folder = Path(tempfile.mkdtemp(prefix="newswatch-pg-"))
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "nobody", "--"]
        shutil.chown(folder, "nobody")
    data, port = folder / "data", free_port()
    subprocess.run([*as_user, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U",
                    "newswatch"], check=True, capture_output=True, timeout=120)
    subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l",
                    str(folder / "log"), "-w", "-t", "60", "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True, timeout=120)
    databases = itertools.count()

    def new_database() -> str:
        name = f"lake{next(databases)}"
        subprocess.run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                        "newswatch", name], check=True, capture_output=True, timeout=60)
        return f"postgres:dbname={name} host=127.0.0.1 port={port} user=newswatch"

    try:
        yield new_database
    finally:
        subprocess.run([*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres"])
def lake(request, tmp_path):
    settings = lake_settings(tmp_path, None if request.param == "sqlite"
                             else request.getfixturevalue("postgres")())
    path = tmp_path / "newswatch.duckdb"
    db.configure(path, settings)
    yield path, settings
    db.configure(path, WarehouseSettings())


def test_migrations_views_queries_and_upserts_work_on_the_lake(lake):
    path, _ = lake
    now = build(path)
    assert not path.exists()  # everything went to the lake
    with db.snapshot(path) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() "
                                            "WHERE database_name = 'newswatch'").fetchall()}
        assert {"articles", "article_topics", "alerts", "spike_decisions"} <= tables
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = "
                           "'newswatch' AND comment IS NULL").fetchone() == (0,)
        for query in QUERIES:
            assert con.execute(query.read_text(encoding="utf-8")).fetchall(), query.name
        before = con.execute("SELECT count(*), count(DISTINCT url_hash) FROM articles").fetchone()
        topics = con.execute("SELECT count(*) FROM article_topics").fetchone()
    new = [(article("herald", 70_000 + n, now - timedelta(hours=n), "china"), "china",
            f"new{n}") for n in range(3)]
    counts = []
    for _ in range(2):  # a re-run changes nothing twice
        write_batch(path, batch("herald", "again", new, now))
        with db.snapshot(path) as con:
            counts.append(con.execute("SELECT count(*), count(DISTINCT url_hash) FROM articles "
                                      "UNION ALL SELECT count(*), 0 FROM article_topics "
                                      "ORDER BY 2 DESC").fetchall())
    assert counts[0] == counts[1] == [(before[0] + 3, before[1] + 3), (topics[0] + 3, 0)]


def test_an_alerts_count_reads_back_exactly_at_its_snapshot(lake):
    path, _ = lake
    now = build(path)
    with db.snapshot(path) as con:
        observed, bucket, version, message = con.execute(
            "SELECT observed, bucket_start, snapshot_id, message FROM alerts "
            "WHERE topic = ? AND kind = 'alert'", [BURST]).fetchone()
    query = reproducing_query(message)
    assert version is not None and f"AT (VERSION => {version})" in query
    late = [(article("harbor", 80_000 + i, bucket + timedelta(minutes=5 + i), BURST), BURST,
             f"late{i}") for i in range(3)]
    write_batch(path, batch("harbor", "later", late, now + timedelta(minutes=30)))
    with db.write(path) as con:  # a stored article re-dated into the alerted hour
        con.execute("UPDATE articles SET published_at = ?, counts_at = ? WHERE url_hash = "
                    "(SELECT min(url_hash) FROM articles JOIN article_topics USING (url_hash) "
                    "WHERE topic = ? AND published_at < ?)",
                    [bucket, bucket, BURST, bucket - timedelta(days=2)])
    with db.snapshot(path) as con:
        assert con.execute(query).fetchone()[0] == observed
        current = query.replace(f" AT (VERSION => {version})", "")
        assert con.execute(current).fetchone()[0] == observed + 4


@pytest.mark.slow
def test_two_shards_write_at_once_while_a_reader_queries(lake, newsroom, tmp_path):
    path, settings = lake
    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    settings_file = config_dir / "settings.yaml"
    data = yaml.safe_load(settings_file.read_text("utf-8"))
    data["warehouse"] = settings.model_dump()
    data["fetch"]["max_articles_per_outlet"] = PER_OUTLET
    settings_file.write_text(yaml.safe_dump(data), "utf-8")
    with db.write(path):
        pass  # the catalog and schema exist before the shards start
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen([sys.executable, "-c", READER, str(config_dir), str(path),
                               str(stop)], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(config_dir), str(path),
                                 ",".join(shard), f"shard{i}"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
               for i, shard in enumerate(SHARDS)]
    outputs = [w.communicate(timeout=900) for w in writers]
    stop.touch()
    reads = [json.loads(line) for line in reader.communicate(timeout=60)[0].splitlines()]
    for writer, (_out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err[-2000:]
    assert not [r for r in reads if "error" in r]
    seen = [r["articles"] for r in reads]
    assert len(seen) >= 3 and seen == sorted(seen)  # snapshots only ever grow

    with db.snapshot(path) as con:
        rows, urls = con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        fetched = dict(con.execute("SELECT outlet, count(*) FROM url_state WHERE kind = "
                                   "'article' AND failures = 0 GROUP BY ALL").fetchall())
        landed = dict(con.execute("""
            SELECT outlet, count(DISTINCT url) FROM (SELECT outlet, url FROM articles
                UNION ALL SELECT outlet, url FROM quarantine) GROUP BY ALL""").fetchall())
    assert rows == urls  # none doubled
    assert fetched == landed == {o: PER_OUTLET for o in sum(SHARDS, [])}  # none lost
