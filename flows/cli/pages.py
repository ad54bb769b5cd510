"""Commands on pages and feeds outside the warehouse: `extract`, `discover`."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flows.cli.common import ConfigOption, emit, fail, note, progress

if TYPE_CHECKING:
    from tasks.fetch import Fetcher


def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML files (.html, .html.gz) or folders")],
) -> None:
    """Extract articles from saved pages; one JSON object a line. No network, no warehouse.

    Example: newswatch extract saved-pages/ article.html.gz
    """
    from tasks.extract import extract_file, iter_html_files

    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {missing[0]}")
    files = list(iter_html_files(paths))
    if not files:
        fail(f"no .html or .html.gz file in {', '.join(map(str, paths))}")
    failures = 0
    with progress("pages", stdout_streams=True) as update:
        update(0, len(files))
        for done, path in enumerate(files, start=1):
            record = extract_file(path)
            failures += "error" in record
            emit(record)
            update(done, len(files))
    if failures:
        fail(f"{failures} page(s) could not be extracted")


def discover(
    sources: Annotated[list[str], typer.Argument(
        help="Feed or sitemap files, URLs, or '-' for stdin")],
    config: ConfigOption = None,
) -> None:
    """Print the candidate articles found in feeds or sitemaps, as JSON lines.

    The sitemaps a sitemap index names (a file's too) are fetched and read.

    Example: newswatch discover https://feeds.bbci.co.uk/news/world/rss.xml saved-feed.xml
    """
    from tasks.config import load_config
    from tasks.discover import discover_urls, read_source
    from tasks.errors import DiscoveryError
    from tasks.fetch import Fetcher

    fetchers: list[Fetcher] = []  # one, made when a URL first needs fetching

    def fetcher() -> Fetcher:
        if not fetchers:
            fetchers.append(Fetcher(load_config(config).settings.fetch))
        return fetchers[0]

    failed = 0
    try:
        for source in sources:
            problems: list[str] = []
            try:
                if source.startswith(("http://", "https://")):
                    found = discover_urls([source], fetcher())
                    candidates, problems = found.candidates, found.errors
                else:
                    candidates, children = read_source(read_input(source),
                                                       input_name(source), "")
                    if children:
                        found = discover_urls(children, fetcher())
                        candidates, problems = found.candidates, found.errors
            except DiscoveryError as exc:
                failed += 1
                note(" ".join(str(exc).split()))
                continue
            for candidate in candidates:
                emit({k: v for k, v in asdict(candidate).items() if k != "outlet"})
            if problems:
                failed += 1
                note(" ".join("; ".join(problems).split()))
    finally:
        for made in fetchers:
            made.close()
    if failed:
        raise typer.Exit(1)


def read_input(source: str) -> bytes:
    from tasks.errors import DiscoveryError

    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise DiscoveryError(f"{Path(source)}: cannot read: {exc.strerror}") from exc


def input_name(source: str) -> str:
    return "stdin" if source == "-" else Path(source).resolve().as_uri()


COMMANDS = {"extract": extract, "discover": discover}
