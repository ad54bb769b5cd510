"""The schema explains itself: every table, view and column carries a comment an analyst
sees in any client, statuses are checked, hourly views are UTC hours whatever the
session's time zone, and internal columns stay out of the documented views."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from tasks.alerting import count_stories
from tasks.detect import Status
from tests.small_warehouse import BURST, build
from warehouse.db import connect, migrate, write

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INTERNAL = {"story_sig", "field_sources", "run_id", "raw_html", "url_hash", "record"}


@pytest.fixture
def fresh(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    migrate(con)
    yield con
    con.close()


def test_every_table_view_and_column_has_a_comment(fresh):
    relations = fresh.execute("""
        SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal
        UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal
    """).fetchall()
    assert len(relations) >= 15
    assert [name for name, comment in relations if not comment] == []
    columns = fresh.execute("""
        SELECT table_name || '.' || column_name, comment FROM duckdb_columns()
        WHERE NOT internal AND schema_name = 'main'
    """).fetchall()
    assert len(columns) > 150
    assert [name for name, comment in columns if not comment] == []


def enum_values(con, name: str) -> list[str]:
    return con.execute(f"SELECT enum_range(NULL::{name})").fetchone()[0]


def test_statuses_are_checked_and_every_documented_value_is_valid(tmp_path):
    path = tmp_path / "w.duckdb"
    documented = re.search(r"`status` \(([^)]*)\)", README).group(1)
    values = re.findall(r"`(\w+)`", documented)
    with write(path) as con:
        assert enum_values(con, "delivery_status") == values
        assert enum_values(con, "decision_status") == [s.value for s in Status]
        for table in ("alerts", "digests", "outlet_health_events"):
            kind = con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = ? "
                               "AND column_name = 'status'", [table]).fetchone()[0]
            assert kind.startswith("ENUM"), f"{table}.status is {kind}"
        con.execute("""INSERT INTO digests (digest_id, window_start, window_end, message,
                       created_at) VALUES ('d', now(), now(), '{}', now())""")
        for value in values:
            con.execute("UPDATE digests SET status = ?", [value])
    with pytest.raises(duckdb.ConversionException), write(path) as con:
        con.execute("UPDATE digests SET status = 'delivered-ish'")
    with pytest.raises(duckdb.ConversionException), write(path) as con:
        con.execute("INSERT INTO spike_decisions (topic, bucket_start, observed, expected, "
                    "score, status, decided_at) VALUES ('iran', now(), 1, 1, 1, 'spiky', now())")


def test_each_status_comment_names_every_value_its_column_takes(fresh):
    columns = fresh.execute("SELECT table_name, data_type, comment FROM duckdb_columns() "
                            "WHERE column_name = 'status' AND data_type LIKE 'ENUM%'").fetchall()
    assert len(columns) >= 4
    for table, kind, comment in columns:
        values = re.findall(r"'(\w+)'", kind)
        missing = [v for v in values if not re.search(rf"\b{v}\b", comment)]
        assert missing == [], f"{table}.status comment does not name {missing}"


def test_internal_columns_stay_out_of_the_views(fresh):
    exposed = fresh.execute("SELECT table_name, column_name FROM duckdb_columns() "
                            "WHERE table_name IN (SELECT view_name FROM duckdb_views() "
                            "WHERE NOT internal)").fetchall()
    assert exposed and not [c for c in exposed if c[1] in INTERNAL]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("tz") / "w.duckdb"
    now = build(path)
    return path, now


def hourly(con) -> dict[datetime, int]:
    rows = con.execute("SELECT hour, stories FROM topic_volume_hourly WHERE topic = ?",
                       [BURST]).fetchall()
    return {hour.astimezone(UTC): stories for hour, stories in rows}


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"])
def test_hourly_view_is_utc_hours_in_any_session_time_zone(small, zone):
    path, now = small
    con = duckdb.connect(str(path), read_only=True)
    utc = hourly(con)
    con.execute(f"SET TimeZone = '{zone}'")
    local = hourly(con)
    con.close()
    assert local == utc
    assert all(hour.minute == 0 for hour in local)
    counted = count_stories(path, [BURST], timedelta(hours=1), now - timedelta(days=3), now)
    alerts_saw = {t.to_pydatetime(): int(v) for t, v in zip(counted.grid, counted.topics[BURST],
                                                            strict=True) if v}
    assert {h: n for h, n in utc.items() if h >= now - timedelta(days=3)} == alerts_saw


def test_hourly_view_is_utc_hours_in_the_shell_under_another_tz(small, tmp_path):
    path, _ = small
    query = (f"SELECT strftime(hour AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS h, stories "
             f"FROM topic_volume_hourly WHERE topic = '{BURST}' ORDER BY h;")
    outputs = []
    for zone in ("UTC", "Asia/Kolkata"):
        shell = subprocess.run(
            [str(Path(sys.executable).with_name("duckdb")), "-readonly", "-csv", str(path)],
            input=query, capture_output=True, text=True, timeout=60, check=True,
            env={"HOME": str(tmp_path), "TZ": zone, "PATH": "/usr/bin:/bin"})
        outputs.append(shell.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 10
    assert all(line.endswith(":00") for line in
               (row.split(",")[0] for row in outputs[0].splitlines()[1:]))
