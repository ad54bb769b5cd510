"""A self-contained HTML report of data quality, built from the warehouse.

Why not GX Data Docs: validation runs on an in-memory GX context and keeps no results in
GX's stores (see `tasks/validate.py`); what a run found is already in `validation_runs`,
next to the outlet-health checks and the quarantine that Data Docs know nothing of. So
the report reads the warehouse (read-only, no GX import) and writes one HTML file with
inline CSS that opens anywhere, also mailed or attached to a ticket.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from warehouse import db

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bad { background: #fde2e2; } .ok { background: #e6f4ea; } .muted { color: #777; }
"""


def write_report(db_path: Path, out: Path, *, runs: int = 100,
                 now: datetime | None = None) -> Path:
    """Render the report to `out` (folders created as needed); returns the path written."""
    now = now or datetime.now(UTC)
    with db.read(db_path) as con:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        data = {
            "runs": _rows(con, """
                SELECT validated_at, run_id, suite, outlet, rows, passed, failed, success,
                    failed_expectations
                FROM validation_runs ORDER BY validated_at DESC, id DESC LIMIT ?""", [runs]),
            "outlets": _rows(con, """
                SELECT outlet, count(*) AS runs, sum(rows) AS rows, sum(passed) AS passed,
                    sum(failed) AS quarantined, count(*) FILTER (WHERE NOT success)
                        AS failed_runs,
                    max(validated_at) AS last_run,
                    (SELECT count(*) FROM quarantine q
                     WHERE q.outlet = v.outlet AND q.released_at IS NULL) AS open_quarantine
                FROM (SELECT * FROM validation_runs
                      ORDER BY validated_at DESC, id DESC LIMIT ?) v
                GROUP BY outlet ORDER BY outlet""", [runs]),
            "reasons": _rows(con, """
                SELECT outlet, reason, count(*) AS rows
                FROM (SELECT outlet, unnest(failed_expectations) AS reason FROM quarantine
                      WHERE released_at IS NULL)
                GROUP BY ALL ORDER BY rows DESC, outlet, reason"""),
            "open": _rows(con, "SELECT count(*) AS n FROM quarantine WHERE released_at IS NULL"),
            "health": [], "episodes": [],
        }
        if "outlet_health_checks" in tables:
            data["health"] = _rows(con, """
                SELECT outlet, checked_at, run_id, healthy, articles, quarantined,
                    empty_bodies, missing_dates, missing_titles, teasers, usual_articles,
                    failed_fetches, consecutive_failures, problems
                FROM outlet_health_checks
                QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY checked_at DESC) = 1
                ORDER BY healthy, outlet""")
            data["episodes"] = _rows(con, """
                SELECT outlet, started_at, ended_at, problems, status, episode_id
                FROM outlet_health_events ORDER BY started_at DESC LIMIT 50""")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, db_path, now), encoding="utf-8")
    return out


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = con.execute(sql, params or [])
    columns = [c[0] for c in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def render(data: dict[str, list[dict[str, Any]]], db_path: Path, now: datetime) -> str:
    runs = data["runs"]
    suites = sorted({r["suite"] for r in runs})
    unhealthy = [h for h in data["health"] if not h["healthy"]]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Newswatch data quality</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Newswatch data quality</h1>",
        f"<p class='muted'>{escape(db.location(db_path))} · generated {now:%Y-%m-%d %H:%M} UTC · "
        f"suite(s): {escape(', '.join(suites) or 'none yet')}</p>",
        f"<p>{len(runs)} recent validation runs: {sum(r['rows'] for r in runs)} rows, "
        f"{sum(r['passed'] for r in runs)} passed, {sum(r['failed'] for r in runs)} "
        f"quarantined; {sum(r['success'] is False for r in runs)} runs failed a batch-level "
        f"check. {data['open'][0]['n']} rows open in "
        "quarantine (with pages that could not be extracted, which never reach the suite). "
        f"{len(unhealthy)} outlet(s) unhealthy now.</p>",
        "<h2>Outlets</h2>",
        _table(data["outlets"], ["outlet", "runs", "rows", "passed", "quarantined",
                                 "failed_runs", "open_quarantine", "last_run"],
               bad=lambda r: r["failed_runs"] > 0),
        "<h2>Outlet health (latest check)</h2>",
        _table(data["health"], ["outlet", "checked_at", "healthy", "articles", "quarantined",
                                "empty_bodies", "missing_dates", "missing_titles", "teasers",
                                "usual_articles", "failed_fetches", "consecutive_failures",
                                "problems"],
               bad=lambda r: not r["healthy"], empty="No outlet-health checks yet."),
        "<h2>Outlet-health episodes</h2>",
        _table(data["episodes"], ["outlet", "started_at", "ended_at", "problems", "status",
                                  "episode_id"],
               bad=lambda r: r["ended_at"] is None, empty="No episodes: every outlet healthy."),
        "<h2>Open quarantine by failed expectation</h2>",
        _table(data["reasons"], ["outlet", "reason", "rows"], empty="Nothing quarantined."),
        "<h2>Recent validation runs</h2>",
        _table([{**r, "failed_expectations": _failures(r["failed_expectations"])} for r in runs],
               ["validated_at", "run_id", "suite", "outlet", "rows", "passed", "failed",
                "success", "failed_expectations"],
               bad=lambda r: r["success"] is False, empty="No validation runs yet."),
        "</body></html>",
    ]
    return "\n".join(parts)


def _failures(stored: str | None) -> list[str]:
    """`validation_runs.failed_expectations` in words: `check(column) [level]: n rows`."""
    out = []
    for f in json.loads(stored or "[]"):
        name = f"{f['expectation']}({f['column']})" if f.get("column") else f["expectation"]
        count = f.get("unexpected_count")
        out.append(f"{name} [{f['level']}]" + (f": {count} rows" if count is not None else ""))
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return f"{value.astimezone(UTC):%Y-%m-%d %H:%M}"
    if isinstance(value, list):
        return "<br>".join(escape(str(v)) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return escape(str(value))


def _table(rows: list[dict[str, Any]], columns: list[str], *,
           bad: Callable[[dict[str, Any]], bool] | None = None,
           empty: str = "None.") -> str:
    if not rows:
        return f"<p class='muted'>{escape(empty)}</p>"
    head = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c in columns)
    body = []
    for row in rows:
        css = "bad" if bad and bad(row) else ""
        cells = "".join(
            f"<td class='num'>{_cell(row[c])}</td>" if isinstance(row[c], int | float)
            and not isinstance(row[c], bool) else f"<td>{_cell(row[c])}</td>" for c in columns)
        body.append(f"<tr class='{css}'>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"
