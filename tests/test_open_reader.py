"""An analyst's session stays open on the warehouse through two ingest runs and an alerts
run: no run fails or waits for it, no article is lost or doubled, the session keeps the
snapshot it opened, and re-attaching shows the new rows."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from flows.alerts import alerts
from flows.demo import write_demo_config
from flows.ingest import ingest
from warehouse.db import read, write

ROOT = Path(__file__).resolve().parents[1]
FIRST, SECOND = ["vostochny-vestnik", "meridian-post"], ["harbor-times", "gulf-dispatch"]

# One DuckDB session for the whole test, as in the shell: it attaches the warehouse,
# answers "count" from what it attached, and "reattach" detaches and attaches it again.
READER = """
import json, sys, duckdb
con = duckdb.connect()
con.execute(f"ATTACH '{sys.argv[1]}' AS newswatch (READ_ONLY)")
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if line.strip() == "reattach":
        con.execute("DETACH newswatch")
        con.execute(f"ATTACH '{sys.argv[1]}' AS newswatch (READ_ONLY)")
    count, urls = con.execute(
        "SELECT count(*), count(DISTINCT url) FROM newswatch.articles").fetchone()
    print(json.dumps({"articles": count, "urls": urls}), flush=True)
"""


def ask(reader: subprocess.Popen, command: str) -> dict:
    reader.stdin.write(command + "\n")
    reader.stdin.flush()
    return json.loads(reader.stdout.readline())


def stored(db: Path) -> int:
    with read(db) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def reattached(reader: subprocess.Popen, expected: int, wait: float = 30.0) -> dict:
    """Re-attach until the session shows `expected` articles (a commit is published within
    a second or so)."""
    deadline = time.monotonic() + wait
    while True:
        seen = ask(reader, "reattach")
        if seen["articles"] == expected or time.monotonic() > deadline:
            return seen
        time.sleep(0.2)


def test_a_session_open_through_two_ingests_and_alerts(prefect_harness, newsroom, tmp_path):
    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    db = tmp_path / "newswatch.duckdb"
    with write(db):
        pass  # an empty warehouse for the analyst to open
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert json.loads(reader.stdout.readline()) == {"ready": True}
        assert ask(reader, "count")["articles"] == 0

        first = ingest(config_dir=str(config_dir), db_path=str(db), outlets=FIRST)
        summary = alerts(config_dir=str(config_dir), db_path=str(db), now=datetime.now(UTC))
        after_first = stored(db)
        assert after_first > 50 and {s["outlet"] for s in first} == set(FIRST)
        assert summary["topics"] > 0
        assert ask(reader, "count")["articles"] == 0  # its session's snapshot
        assert reattached(reader, after_first) == {"articles": after_first, "urls": after_first}

        second = ingest(config_dir=str(config_dir), db_path=str(db), outlets=SECOND)
        after_second = stored(db)
        assert {s["outlet"] for s in second} == set(SECOND) and after_second > after_first
        assert ask(reader, "count")["articles"] == after_first
        assert reattached(reader, after_second) == {"articles": after_second,
                                                    "urls": after_second}
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
        reader.stdout.close()
    assert reader.returncode == 0

    expected = {a["url"] for a in newsroom.articles if a["outlet"] in FIRST + SECOND}
    with read(db) as con:
        loaded = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        quarantined = {r[0] for r in con.execute("SELECT url FROM quarantine").fetchall()}
    assert loaded | quarantined == expected and not loaded & quarantined
