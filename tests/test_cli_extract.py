"""`newswatch extract` as a user calls it: folders of saved pages in, JSON lines out."""

from __future__ import annotations

import dataclasses
import gzip
import json
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from tasks.extract import MAX_FILE_BYTES, extract_file
from tasks.models import Article

GOLDEN = Path(__file__).with_name("golden")
ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}
runner = CliRunner()


def saved_pages(folder: Path) -> list[Path]:
    """Two plain pages, one gzipped page in a subfolder, and a file that is not a page."""
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOLDEN / "graph-news.html", folder / "graph-news.html")
    shutil.copy(GOLDEN / "latin1-page.html", folder / "latin1-page.html")
    gz = folder / "sub" / "og-only.html.gz"
    gz.write_bytes(gzip.compress((GOLDEN / "og-only.html").read_bytes()))
    (folder / "notes.txt").write_text("not a page")
    return sorted([folder / "graph-news.html", folder / "latin1-page.html", gz])


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_folder_gives_one_json_line_per_page_with_every_article_field(tmp_path):
    pages = saved_pages(tmp_path / "saved")
    result = runner.invoke(app, ["extract", str(tmp_path / "saved")])
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [r["source"] for r in records] == [str(p) for p in pages]
    for record in records:
        assert set(record) == {"source"} | ARTICLE_FIELDS, record["source"]
        assert record["body"] and record["word_count"] > 50 and "error" not in record
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["og-only.html.gz"]["title"] == "Neue Radwege für die Altstadt"
    assert by_name["latin1-page.html"]["title"] == "Les vendanges commencent tôt dans la vallée"
    assert by_name["graph-news.html"]["published_at"] == "2024-03-05T07:30:00+00:00"
    # a relative canonical on a saved file has no site to resolve against
    assert by_name["graph-news.html"]["url"] == pages[0].resolve().as_uri()


def test_a_page_that_gives_only_its_day_says_so(tmp_path):
    page = tmp_path / "day-only.html"
    shutil.copy(GOLDEN / "day-only.html", page)
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert (record["published_at"], record["published_date_only"]) == (
        "2024-11-18T12:00:00+00:00", True)


def test_files_and_folders_mix(tmp_path):
    pages = saved_pages(tmp_path / "saved")
    result = runner.invoke(app, ["extract", str(pages[0]), str(tmp_path / "saved" / "sub")])
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in json_lines(result.stdout)] == [str(pages[0]), str(pages[2])]


def test_a_garbage_file_is_an_error_record_and_exit_1(tmp_path):
    pages = saved_pages(tmp_path / "saved")
    garbage = tmp_path / "saved" / "garbage.html"
    garbage.write_bytes(bytes(range(256)) * 16)
    broken_gz = tmp_path / "saved" / "broken.html.gz"
    broken_gz.write_bytes(b"\x1f\x8b not really gzip")
    result = runner.invoke(app, ["extract", str(tmp_path / "saved")])
    assert result.exit_code == 1
    records = {r["source"]: r for r in json_lines(result.stdout)}
    assert set(records) == {str(p) for p in [*pages, garbage, broken_gz]}
    for bad in (garbage, broken_gz):
        assert set(records[str(bad)]) == {"source", "error"}
        assert records[str(bad)]["error"]
    assert "gzip" in records[str(broken_gz)]["error"]
    assert all("error" not in records[str(p)] for p in pages)  # one bad page stops nothing
    assert result.stderr.strip() == "newswatch: 2 page(s) could not be extracted"
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_path_is_one_clear_line(tmp_path):
    missing = tmp_path / "nowhere.html"
    result = runner.invoke(app, ["extract", str(GOLDEN / "og-only.html"), str(missing)])
    assert result.exit_code != 0
    assert result.stdout == ""  # nothing half-done before the check
    assert result.stderr.strip() == f"newswatch: no such file or folder: {missing}"
    assert "Traceback" not in result.output


def test_the_installed_command(tmp_path):
    """The real entry point: JSON on stdout only, the summary line on stderr."""
    command = Path(sys.executable).with_name("newswatch")
    pages = saved_pages(tmp_path / "saved")
    (tmp_path / "saved" / "garbage.html").write_bytes(b"\x00\xff" * 500)
    done = subprocess.run(
        [str(command), "extract", str(tmp_path / "saved")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    records = json_lines(done.stdout)
    assert len(records) == len(pages) + 1
    assert sum("error" in r for r in records) == 1
    assert done.stderr.strip() == "newswatch: 1 page(s) could not be extracted"


def test_a_gzip_bomb_is_inflated_only_up_to_the_cap(tmp_path):
    """256 MiB of zeros in a 250 KB .html.gz: read as a stream up to MAX_FILE_BYTES, so the
    memory peak stays far below the inflated size, and the record says what is wrong."""
    bomb = tmp_path / "bomb.html.gz"
    chunk = bytes(1 << 20)
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        for _ in range(256):
            out.write(chunk)
    assert bomb.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        record = extract_file(bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_FILE_BYTES < 256 << 20
    assert record["source"] == str(bomb) and "not HTML" in record["error"]


def test_a_saved_pages_folders_are_not_its_section(tmp_path):
    # from the file's URI (file:///tmp/...) the first folder read as the section: "tmp"
    page = tmp_path / "world" / "harbour.html"
    page.parent.mkdir()
    text = "<p>" + "The council voted on the harbour plan after a long debate. " * 8 + "</p>"
    page.write_text(f"<html><head><title>Harbour plan</title></head><body><article>"
                    f"<h1>Harbour plan</h1>{text}</article></body></html>", "utf-8")
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["section"] is None and record["body"]
