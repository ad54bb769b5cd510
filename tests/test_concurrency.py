"""Outlets in parallel, one writer and many readers: per-host limits hold across parallel
outlet tasks, a re-run adds nothing, an analyst's process reading in a loop during an
ingest never fails (nor makes the flow fail), a lock held too long is named, and the same
flow runs on a two-worker Dask cluster."""

from __future__ import annotations

import json
import logging
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
import yaml

import flows.ingest
from flows.demo import write_demo_config
from flows.ingest import ingest
from newsroom.server import Newsroom, start_newsroom
from tasks.config import load_config
from tasks.discover import discover_outlet
from tasks.errors import WarehouseError
from tasks.fetch import fetch_pages, fetcher_for
from tasks.ingest import extract_pages, validate_extracted
from tasks.load import LoadBatch
from tasks.run import PendingLoads
from warehouse.db import connect, read, snapshot, write

ROOT = Path(__file__).resolve().parents[1]
LATENCY = 0.05  # seconds the newsroom sleeps before each response
MAX_PER_HOST = 2
OUTLETS = ["globe-herald", "der-tagesbote", "harbor-times"]  # three outlets, one host
TABLES = ["articles", "article_topics", "quarantine", "url_state", "outlets"]

# An analyst's process: opens the warehouse read-only in a loop until told to stop, and
# reports every attempt as a JSON line (what it saw, or the error).
READER = """
import json, sys, time
from pathlib import Path
from warehouse.db import read
db, stop = Path(sys.argv[1]), Path(sys.argv[2])
print(json.dumps({"started": True}), flush=True)
while not stop.exists():
    if not db.exists():
        time.sleep(0.05)
        continue
    try:
        with read(db) as con:
            count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(json.dumps({"articles": count}), flush=True)
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
    time.sleep(0.02)
"""

# Holds the warehouse open (read-write, or read-only with "ro") for a while.
HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
"""


def config_for(newsroom: Newsroom, folder: Path, **fetch: object) -> Path:
    config_dir = write_demo_config(folder, newsroom.outlets_config())
    settings = yaml.safe_load((config_dir / "settings.yaml").read_text("utf-8"))
    settings["fetch"].update(fetch)
    (config_dir / "settings.yaml").write_text(yaml.safe_dump(settings), "utf-8")
    return config_dir


def counts(db_path: Path) -> dict[str, int]:
    with read(db_path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@contextmanager
def holding(db_path: Path, mode: str, seconds: float) -> Iterator[subprocess.Popen]:
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), mode, str(seconds)],
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout.readline().strip() == "holding"
        try:
            yield child
        finally:
            child.kill()


@pytest.fixture(scope="module")
def slow_newsroom() -> Iterator[Newsroom]:
    with start_newsroom(latency=LATENCY) as room:
        yield room


@pytest.fixture(scope="module")
def parallel_run(prefect_harness, slow_newsroom, tmp_path_factory) -> dict:
    """Ingest three outlets of one host in parallel while a reader process loops."""
    folder = tmp_path_factory.mktemp("concurrency")
    config_dir = config_for(slow_newsroom, folder / "config", max_per_host=MAX_PER_HOST)
    db_path = folder / "w.duckdb"
    stop = folder / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db_path), str(stop)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    # each outlet's batch loaded as it finishes (a run this small would otherwise be one
    # load at the end, and the reader could not see the warehouse grow)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flows.ingest, "PendingLoads", partial(PendingLoads, at_least=1))
        try:
            assert json.loads(reader.stdout.readline()) == {"started": True}
            first = ingest(config_dir=str(config_dir), db_path=str(db_path), outlets=OUTLETS)
        finally:
            stop.touch()
            out, _ = reader.communicate(timeout=60)
    after_first = counts(db_path)
    second = ingest(config_dir=str(config_dir), db_path=str(db_path), outlets=OUTLETS)
    return {"db": db_path, "config_dir": config_dir, "first": first, "second": second,
            "after_first": after_first, "after_second": counts(db_path),
            "reads": [json.loads(line) for line in out.splitlines()]}


def test_outlets_run_in_parallel_within_the_per_host_limit(parallel_run):
    with read(parallel_run["db"]) as con:
        fetches = con.execute("""
            SELECT outlet, fetched_at FROM fetch_log
            WHERE kind = 'article' AND status = 200 ORDER BY fetched_at""").fetchall()
    assert len(fetches) > 100
    # fetched_at is when the response headers came, after the server slept LATENCY while
    # the request held its host slot: the slot was held over [fetched_at - LATENCY, fetched_at].
    margin = timedelta(milliseconds=5)
    window = timedelta(seconds=LATENCY) - margin
    peak, peak_outlets = 0, 0
    for _outlet, at in fetches:
        in_flight = [o for o, other in fetches if at - window < other <= at]
        peak = max(peak, len(in_flight))
        peak_outlets = max(peak_outlets, len(set(in_flight)))
    assert peak <= MAX_PER_HOST
    assert peak_outlets == MAX_PER_HOST  # two outlets' tasks fetched at the same time


def test_the_reader_process_never_fails_and_sees_the_batches_as_they_commit(parallel_run):
    """A read that waited longer than `connect`'s bound would be an error; none is, over
    the three outlets' loads (each loaded as it finishes), and the reader saw articles
    before the run ended. (How many of the loads fall between two reads is up to timing.)"""
    reads = [r for r in parallel_run["reads"] if "started" not in r]
    assert not [r for r in reads if "error" in r]
    assert len(reads) >= 10
    seen = [r["articles"] for r in reads]
    assert seen == sorted(seen)  # committed batches only ever add up
    assert seen[0] == 0 and seen[-1] > 0, seen
    assert not [s for s in parallel_run["first"] if "error" in s]


def test_a_second_run_adds_nothing(parallel_run):
    first = parallel_run["after_first"]
    assert first["articles"] > 100
    assert parallel_run["after_second"] == first
    assert sum(s["articles"] for s in parallel_run["second"]) == 0
    assert not [s for s in parallel_run["second"] if "error" in s]


def test_a_healthy_run_logs_no_warnings(prefect_harness, newsroom, tmp_path, caplog):
    """Warnings are for what needs a look: a run where every outlet worked has none."""
    config_dir = config_for(newsroom, tmp_path / "config", max_articles_per_outlet=3)
    names = [o.name for o in load_config(config_dir).outlets[:3]]
    with caplog.at_level(logging.WARNING):
        summaries = ingest(config_dir=str(config_dir), db_path=str(tmp_path / "w.duckdb"),
                           outlets=names)
    assert sum(s["articles"] for s in summaries) == 9
    assert [r.getMessage()[:120] for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_one_fetcher_per_process_and_settings(parallel_run):
    settings = load_config(parallel_run["config_dir"]).settings.fetch
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(fetcher_for(settings)))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(f) for f in seen}) == 1


def test_batches_survive_pickling(newsroom, tmp_path):
    """What crosses a Dask worker boundary: the config and every stage's batch."""
    config = load_config(config_for(newsroom, tmp_path / "config", max_articles_per_outlet=3))
    outlet = config.outlets[0].name
    found = discover_outlet(config.outlet(outlet), fetcher_for(config.settings.fetch), {})
    found.candidates = found.candidates[:3]
    fetched = fetch_pages(found.candidates, fetcher_for(config.settings.fetch))
    extracted = extract_pages(fetched.pages, config, outlet)
    passed, quarantined, run = validate_extracted(extracted, config, outlet,
                                                  fetched.pages[0].fetched_at)
    batch = LoadBatch(run_id="r", outlet=outlet, records=fetched.records, articles=passed,
                      quarantined=quarantined, validation_runs=[run])
    for value in (config, found, fetched, extracted, batch):
        assert pickle.loads(pickle.dumps(value)) == value


def test_readers_and_writers_of_one_process_take_turns(tmp_path):
    db_path = tmp_path / "w.duckdb"
    with write(db_path):
        pass
    wrote = threading.Event()

    def slow_write() -> None:
        with write(db_path) as con:
            wrote.set()
            time.sleep(0.3)
            con.execute("INSERT INTO outlets VALUES ('x', 'X', 'x.example', 'en', NULL, now())")

    writer = threading.Thread(target=slow_write)
    writer.start()
    wrote.wait()
    with read(db_path) as con:  # DuckDB alone would refuse this connection
        assert con.execute("SELECT count(*) FROM outlets").fetchone()[0] == 1
    writer.join()


def test_a_reader_process_holding_the_warehouse_does_not_stop_a_writer(tmp_path):
    db_path = tmp_path / "w.duckdb"
    with write(db_path):
        pass
    with holding(db_path, "ro", 60.0), write(db_path) as con:  # DuckDB alone would wait
        con.execute("INSERT INTO outlets VALUES ('x', 'X', 'x.example', 'en', NULL, now())")
    with snapshot(db_path) as con:
        assert con.execute("SELECT count(*) FROM outlets").fetchone()[0] == 1


def test_a_lock_held_too_long_names_its_holder(tmp_path):
    db_path = tmp_path / "w.duckdb"
    with holding(db_path, "rw", 30) as holder, pytest.raises(WarehouseError) as raised:
        connect(db_path, read_only=True, wait=0.3)
    message = str(raised.value)
    assert f"(PID {holder.pid})" in message
    assert "for over 0.3s" in message
    assert str(db_path) in message


@pytest.mark.slow
def test_ingest_on_a_two_worker_dask_cluster(prefect_harness, newsroom, tmp_path):
    config_dir = config_for(newsroom, tmp_path / "config", max_articles_per_outlet=4)
    db_path = tmp_path / "w.duckdb"
    summaries = ingest(config_dir=str(config_dir), db_path=str(db_path), task_runner="dask",
                       max_workers=2)
    assert not [s for s in summaries if "error" in s]
    assert [s["outlet"] for s in summaries] == sorted(o["name"] for o in
                                                      newsroom.outlets_config())
    with read(db_path) as con:
        per_outlet = dict(con.execute(
            "SELECT outlet, count(*) FROM articles GROUP BY ALL").fetchall())
    assert len(per_outlet) == len(summaries)
    assert sum(per_outlet.values()) == sum(s["articles"] for s in summaries)
