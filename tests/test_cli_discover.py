"""`newswatch discover` as a user calls it: files, URLs and stdin in, JSON lines out;
each broken input is one error line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.hostile_server import FileServer

SITEMAPS = Path(__file__).with_name("sitemaps")
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title>
<item><title>Drones over the harbour</title><link>https://news.example/a?utm_source=rss</link>
<author>desk@news.example (Jane Whitfield)</author>
<pubDate>Wed, 18 Mar 2026 13:05:00 GMT</pubDate></item>
<item><title>Talks resume</title><link>https://news.example/b</link></item>
</channel></rss>"""
runner = CliRunner()


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def site() -> Iterator[FileServer]:
    files: dict[str, tuple[bytes, dict[str, str]]] = {
        "/rss.xml": (FEED, {"Content-Type": "application/rss+xml"}),
        "/page.html": (b"<html><body>Hello</body></html>", {"Content-Type": "text/html"}),
    }
    server = FileServer(files)
    for path in SITEMAPS.iterdir():
        files[f"/{path.name}"] = (path.read_bytes().replace(b"{base}", server.url.encode()),
                                  {"Content-Type": "application/xml"})
    with server:
        yield server


@pytest.fixture
def loopback_config(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "settings.yaml").write_text(
        "fetch:\n  allow_private_hosts: true\n  min_host_delay: 0\n  retries: 0\n")
    return folder


def test_feed_file_prints_one_json_line_per_item(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED)
    result = runner.invoke(app, ["discover", str(feed)])
    assert result.exit_code == 0, result.stderr
    first, second = lines(result.stdout)
    assert first["url"] == "https://news.example/a"
    assert first["title"] == "Drones over the harbour"
    assert first["published_at"] == "2026-03-18T13:05:00+00:00"
    assert first["source"] == feed.resolve().as_uri()
    assert second["url"] == "https://news.example/b" and result.stderr == ""


def test_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["discover", "-"], input=FEED)
    assert result.exit_code == 0
    assert [c["url"] for c in lines(result.stdout)] == ["https://news.example/a",
                                                        "https://news.example/b"]


def test_url_on_a_loopback_server(site: FileServer, loopback_config: Path) -> None:
    result = runner.invoke(app, ["discover", f"{site.url}/rss.xml",
                                 "--config", str(loopback_config)])
    assert result.exit_code == 0, result.stderr
    assert len(lines(result.stdout)) == 2


def test_loopback_url_is_refused_by_default(site: FileServer) -> None:
    result = runner.invoke(app, ["discover", f"{site.url}/rss.xml"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "set fetch.allow_private_hosts" in result.stderr


def test_sitemap_index_file_reads_its_sitemaps(site: FileServer, loopback_config: Path,
                                               tmp_path: Path) -> None:
    index = tmp_path / "index.xml"
    index.write_bytes((SITEMAPS / "index.xml").read_bytes().replace(b"{base}",
                                                                    site.url.encode()))
    result = runner.invoke(app, ["discover", str(index), "--config", str(loopback_config)])
    urls = [c["url"] for c in lines(result.stdout)]
    assert len(urls) == 4 and "https://news.example/business/markets-1" in urls
    # The index names a broken sitemap: the candidates are printed, the error too.
    assert result.exit_code == 1
    (error,) = result.stderr.splitlines()
    assert error.startswith("newswatch: ") and "broken.xml: broken sitemap XML" in error


def test_each_broken_input_is_one_line_and_the_good_ones_still_print(
        site: FileServer, loopback_config: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "page.html").write_bytes(b"<html><body><p>Hello</p></body></html>")
    (tmp_path / "feed.xml").write_bytes(FEED)
    inputs = {
        str(tmp_path / "missing.xml"): "cannot read: No such file or directory",
        str(tmp_path / "empty.xml"): "empty document",
        str(tmp_path / "page.html"): "not an RSS or Atom feed",
        f"{site.url}/page.html": "not an RSS or Atom feed",
        f"{site.url}/gone.xml": "HTTP 404",
        "http://": "not a usable URL",
    }
    result = runner.invoke(app, ["discover", *inputs, str(tmp_path / "feed.xml"),
                                 "--config", str(loopback_config)])
    assert result.exit_code == 1
    assert len(lines(result.stdout)) == 2
    errors = result.stderr.splitlines()
    assert len(errors) == len(inputs)
    for error, expected in zip(errors, inputs.values(), strict=True):
        assert error.startswith("newswatch: ") and expected in error
    assert "Traceback" not in result.output


def test_as_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(FEED)
    done = subprocess.run([sys.executable, "-m", "flows.cli", "discover",
                           str(tmp_path / "feed.xml"), str(tmp_path / "nope.xml")],
                          capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 2
    assert done.stderr.strip().splitlines() == [
        f"newswatch: {tmp_path / 'nope.xml'}: cannot read: No such file or directory"]
