"""What a run shows in the Prefect UI: a markdown artifact per ingest run (per outlet:
articles, quarantined, failed fetches, health) and per alerts run (each alert with its
numbers and headline links), and flow-run names that say what a run does and when."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tasks.health import HealthCheck, RunSummary
from warehouse import db


def _cell(value: Any) -> str:
    """Table cells come from feeds and config: keep a pipe or newline from breaking rows."""
    return " ".join(str(value).split()).replace("|", "\\|")


def _link(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def ingest_markdown(summary: RunSummary, checks: list[HealthCheck]) -> str:
    rows = [f"| {_cell(c.outlet)} | {c.articles - c.quarantined} | {c.quarantined} | "
            f"{c.failed_fetches} of {c.fetches} | "
            f"{'healthy' if c.healthy else 'unhealthy: ' + _cell('; '.join(c.problems))} |"
            for c in sorted(checks, key=lambda c: c.outlet)]
    return "\n".join([
        f"**{summary.line}**", "",
        "| outlet | articles | quarantined | failed fetches | health |",
        "| --- | ---: | ---: | ---: | --- |", *rows])


def alerts_of_run(db_path: Path, since: datetime) -> list[dict[str, Any]]:
    """The alerts this run put in the outbox, with their delivery state."""
    with db.read(db_path) as con:
        rows = con.execute("""
            SELECT topic, kind, bucket_start, observed, expected, score, stories, outlets,
                status, message->'alert'->'headlines'
            FROM alerts WHERE created_at >= ? ORDER BY created_at, alert_id
        """, [since]).fetchall()
    keys = ("topic", "kind", "bucket_start", "observed", "expected", "score", "stories",
            "outlets", "status", "headlines")
    return [{**dict(zip(keys, row, strict=True)), "headlines": json.loads(row[-1] or "[]")}
            for row in rows]


def alerts_markdown(summary: dict[str, Any], alerts: list[dict[str, Any]]) -> str:
    lines = [f"**{summary['topics']} topics checked, {summary['new_alerts']} new alerts**"]
    for a in alerts:
        lines += ["", f"### {_cell(a['topic'])} ({a['kind']}, {a['status']})",
                  f"{a['observed']:g} stories in the bucket from "
                  f"{a['bucket_start']:%Y-%m-%d %H:%M} UTC, expected {a['expected']:.1f}, "
                  f"score {a['score']:.1f}; "
                  f"{a['stories']} stories on {a['outlets']} outlets", ""]
        lines += [f"- [{_cell(h['title'] or h['url'])}](<{_link(h['url'])}>) "
                  f"({_cell(h['outlet'])})" for h in a["headlines"]]
    return "\n".join(lines)


def run_name(flow: str, parameters: dict[str, Any], at: datetime | None) -> str:
    """`ingest-all-outlets-2026-12-02T04:15Z`, `ingest-bbc-world+dw-...`, `alerts-...`."""
    outlets = parameters.get("outlets")
    what = f"{flow}-{'+'.join(outlets) if outlets else 'all-outlets'}" \
        if flow == "ingest" else flow
    return f"{what}-{(at or datetime.now(UTC)).astimezone(UTC):%Y-%m-%dT%H:%MZ}"
