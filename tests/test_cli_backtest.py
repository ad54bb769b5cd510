"""`newswatch backtest` as a user calls it: a CSV series, or a topic's stories from the
warehouse counted and judged as the alerts flow does; one JSON line per alert."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from flows.cli import app
from tasks.alerting import count_and_decide
from tasks.config import load_config
from tasks.detect import alerts
from warehouse.db import write

runner = CliRunner()
HOUR = timedelta(hours=1)


def test_backtest_prints_one_json_line_per_alert(tmp_path):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    lines = ["timestamp,value"]
    burst_at = 24 * 12
    for i in range(24 * 14):
        daily = 20 + 10 * math.sin(2 * math.pi * i / 24)
        value = int(daily) + (i % 3) + (200 if i == burst_at else 0)
        lines.append(f"{(start + timedelta(hours=i)):%Y-%m-%d %H:%M:%S},{value}")
    series = tmp_path / "counts.csv"
    series.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["backtest", "--series", str(series)])
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in result.output.splitlines()]
    assert len(alerts) == 1
    assert set(alerts[0]) == {"timestamp", "value", "expected", "score"}
    burst_hour = (start + timedelta(hours=burst_at)).strftime("%Y-%m-%dT%H")
    assert alerts[0]["timestamp"].startswith(burst_hour)


def test_backtest_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("timestamp,value\n2026-01-01 00:00:00,seven\n")
    result = runner.invoke(app, ["backtest", "--series", str(bad)])
    assert result.exit_code == 1 and "bad.csv" in result.output and "line 2" in result.output
    both = runner.invoke(app, ["backtest"])
    assert both.exit_code == 2 and "exactly one of" in both.output


def warehouse_with_a_spike(path, now: datetime) -> datetime:
    """Two weeks of one 'china' story an hour and an 'iran' story a day, then eight
    independent 'iran' stories in one hour (plus a syndicated copy); returns that hour."""
    spike = now.replace(minute=0, second=0, microsecond=0) - 3 * HOUR
    rows = [(f"https://a.example/{i}", spike - i * HOUR, f"c{i}", "china")
            for i in range(1, 14 * 24)]
    rows += [(f"https://b.example/{d}", spike - timedelta(days=d, hours=5), f"d{d}", "iran")
             for d in range(1, 14)]
    rows += [(f"https://s.example/{i}", spike + timedelta(minutes=5 * i), f"s{i}", "iran")
             for i in range(8)]
    rows += [("https://copy.example/0", spike + timedelta(minutes=50), "s0", "iran")]
    with write(path) as con:
        for url, published, story, topic in rows:
            con.execute("INSERT INTO articles (url_hash, url, outlet, title, published_at, "
                        "counts_at, story_id, loaded_at) VALUES (?, ?, 'herald', ?, ?, ?, ?, ?)",
                        [url, url, f"Story {story}", published, published, story, now])
            con.execute("INSERT INTO article_topics VALUES (?, ?, 1, 0, 3.0)", [url, topic])
    return spike


def test_a_topic_from_the_warehouse_alerts_where_the_alerts_flow_does(tmp_path):
    db = tmp_path / "w.duckdb"
    now = datetime.now(UTC)
    spike = warehouse_with_a_spike(db, now)
    result = runner.invoke(app, ["backtest", "--topic", "iran", "--db", str(db)])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(text) for text in result.stdout.splitlines()]
    assert datetime.fromisoformat(line["timestamp"]) == spike
    assert line["value"] == 8  # the syndicated copy counts once
    config = load_config()
    _counts, decisions = count_and_decide(  # what the alerts flow judges, over its window
        db, config, ["iran"], now - timedelta(days=config.settings.alerts.window_days), now)
    assert [d.timestamp for d in alerts(decisions["iran"])] == [spike]
    quiet = runner.invoke(app, ["backtest", "--topic", "china", "--db", str(db)])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_an_unknown_topic_is_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    warehouse_with_a_spike(db, datetime.now(UTC))
    result = runner.invoke(app, ["backtest", "--topic", "atlantis", "--db", str(db)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("newswatch: unknown topic 'atlantis'; configured: ")
    assert result.stderr.count("\n") == 1
