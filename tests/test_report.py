"""`newswatch report` writes one self-contained HTML file from the warehouse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from flows.cli import app
from tasks.config import HealthRules
from tasks.health import check_outlets
from tasks.load import LoadBatch, write_batch
from tasks.models import Article, FetchRecord, Quarantined
from tasks.validate import validate_articles

NOW = datetime.now(UTC).replace(microsecond=0)
BODY = " ".join(f"word{i}" for i in range(60))


def load_run(db_path, outlet: str, run_id: str, titles: list[str]) -> None:
    articles = [Article(url=f"https://{outlet}.example/{run_id}/{i}", outlet=outlet, title=t,
                        published_at=NOW - timedelta(hours=1), language="en", body=BODY,
                        word_count=60) for i, t in enumerate(titles)]
    outcome = validate_articles(articles, outlet=outlet, known_outlets={"dawn", "dusk"},
                                languages={"en"}, now=NOW)
    fetches = [FetchRecord(url=a.url, outlet=outlet, kind="article", status=200, bytes=3000,
                           elapsed_ms=20.0, attempt=1, fetched_at=NOW) for a in articles]
    write_batch(db_path, LoadBatch(
        run_id=run_id, outlet=outlet, records=fetches, articles=outcome.passed,
        quarantined=[Quarantined(a, names, "<html></html>") for a, names in outcome.quarantined],
        validation_runs=[outcome.run]))


def test_report_names_the_suite_outlets_and_counts(tmp_path):
    db_path = tmp_path / "w.duckdb"
    load_run(db_path, "dawn", "run-a", ["Harbour reopens", "Ferry resumes", "No"])
    load_run(db_path, "dusk", "run-a", ["Council votes", "Budget passes"])
    check_outlets(db_path, "run-a", ["dawn", "dusk"], NOW, HealthRules())
    out = tmp_path / "reports" / "quality.html"

    result = CliRunner().invoke(app, ["report", "--db", str(db_path), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "suite(s): articles" in page
    assert "2 recent validation runs: 5 rows, 4 passed, 1 quarantined" in page
    assert "1 rows open in quarantine" in page
    for outlet in ("dawn", "dusk"):
        assert f"<td>{outlet}</td>" in page
    assert "expect_column_value_lengths_to_be_between(title)" in page  # why one was held
    assert "No episodes: every outlet healthy." in page


def test_report_on_a_fresh_warehouse_says_so(tmp_path):
    db_path = tmp_path / "w.duckdb"
    write_batch(db_path, LoadBatch(run_id="none", outlet="dawn"))
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "No validation runs yet." in out.read_text(encoding="utf-8")


def test_report_without_a_warehouse_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "missing.duckdb"),
                                      "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert result.output.startswith("newswatch: ") and "Traceback" not in result.output
