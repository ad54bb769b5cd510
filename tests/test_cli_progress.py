"""Long commands show a progress bar on stderr when it is a terminal, and nothing when it
is a log or a pipe; the results on stdout are the same either way."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

GOLDEN = Path(__file__).with_name("golden")
COMMAND = Path(sys.executable).with_name("newswatch")
BAR = "━".encode()  # what rich draws a bar with


def saved_pages(folder: Path, copies: int = 6) -> Path:
    folder.mkdir()
    for i in range(copies):
        shutil.copy(GOLDEN / "graph-news.html", folder / f"page-{i}.html")
    return folder


def extract_with_stderr_on_a_terminal(folder: Path, stdout_on_terminal: bool
                                      ) -> tuple[str, bytes]:
    """Run `newswatch extract` with stderr (and maybe stdout) on a pseudo-terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    results = folder.parent / "stdout.jsonl"  # a file, so a full pipe cannot stall the run
    with results.open("wb") as out, subprocess.Popen(
            [str(COMMAND), "extract", str(folder)], env=env, stdin=subprocess.DEVNULL,
            stdout=follower if stdout_on_terminal else out, stderr=follower) as process:
        os.close(follower)
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            screen += chunk
        assert process.wait(timeout=120) == 0
    os.close(leader)
    stdout = results.read_text(encoding="utf-8")
    return stdout, screen


def test_extract_shows_progress_on_a_terminal_and_keeps_stdout_clean(tmp_path: Path) -> None:
    folder = saved_pages(tmp_path / "saved")
    stdout, screen = extract_with_stderr_on_a_terminal(folder, stdout_on_terminal=False)
    records = [json.loads(line) for line in stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == [f"page-{i}.html" for i in range(6)]
    assert BAR in screen and b"6/6" in screen


def test_no_progress_in_a_log_or_between_results_on_a_terminal(tmp_path: Path) -> None:
    folder = saved_pages(tmp_path / "saved")
    logged = subprocess.run([str(COMMAND), "extract", str(folder)], capture_output=True,
                            timeout=120, check=True)
    assert logged.stderr == b"" and len(logged.stdout.splitlines()) == 6
    _stdout, screen = extract_with_stderr_on_a_terminal(folder, stdout_on_terminal=True)
    assert BAR not in screen and screen.count(b'"source"') == 6


def article(i: int) -> bytes:
    body = "".join(f"<p>Paragraph {k} of report {i}: the harbour authority said ferries would "
                   "run again on the northern route from Monday morning.</p>" for k in range(6))
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Ferry report {i}</title>"
            f"<link rel='canonical' href='https://herald.example/news/{i}.html'>"
            f"<meta property='article:published_time' content='2026-03-0{1 + i}T08:00:00Z'>"
            f"</head><body><article><h1>Ferry report {i}</h1>{body}</article></body></html>"
            ).encode()


def test_the_backfill_bar_is_fed_after_each_batch(prefect_harness, tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from flows.backfill import backfill
    from flows.demo import write_demo_config

    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(5):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://herald.example/news/{i}.html", "response",
                payload=BytesIO(article(i)), length=len(article(i)), http_headers=headers))
    config = write_demo_config(tmp_path / "config", [{
        "name": "herald", "display_name": "Herald", "domain": "herald.example",
        "language": "en", "sources": [{"type": "feed", "url": "https://herald.example/rss"}]}])
    db = tmp_path / "w.duckdb"
    seen: list[tuple[int, int | None]] = []
    totals = backfill(paths=[str(archive)], config_dir=str(config), db_path=str(db),
                      batch_size=2, progress=lambda done, total: seen.append((done, total)))
    assert totals["pages"] == 5
    assert seen == [(2, None), (4, None), (5, None)]
