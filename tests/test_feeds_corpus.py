"""feedparser's own test feeds (~2,100 documents: odd dates, relative links, entities,
declared-versus-actual charsets, XML that is not well formed), each served from one
loopback server with the HTTP headers it asks for and read through the real Fetcher and
`discover_outlet`. None may crash; each yields candidates, or is a valid feed without
items, or ends as a recorded error (error class and message in its fetch record)."""

from __future__ import annotations

import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tasks.config import FetchSettings, Outlet, Source
from tasks.discover import Discovery, discover_outlet
from tasks.fetch import Fetcher
from tests.conftest import corpus_dir
from tests.hostile_server import FileServer

HEADER_LINE = re.compile(r"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.MULTILINE)
NAMED_TYPE = re.compile(r"^http_(text|application)_(atom_xml|rss_xml|xml_dtd|xml_epe|xml)_")
SUBTYPES = {"atom_xml": "atom+xml", "rss_xml": "rss+xml", "xml_dtd": "xml-dtd",
            "xml_epe": "xml-external-parsed-entity", "xml": "xml"}


def headers_for(path: Path, body: bytes) -> dict[str, str]:
    """The headers a test document asks for: its own `Header:` lines (as feedparser's
    test server reads them), else a Content-Type its file name spells out
    (`http_application_atom_xml_...`), else application/xml."""
    comment = body[:1024].decode("latin-1")
    headers = {name.title(): value for name, value in HEADER_LINE.findall(comment)}
    if "Content-Type" not in headers:
        named = NAMED_TYPE.match(path.name)
        headers["Content-Type"] = (f"{named[1]}/{SUBTYPES[named[2]]}" if named
                                   else "application/xml")
    return headers


def test_content_type_from_the_file_name() -> None:
    assert headers_for(Path("http_application_atom_xml_x.xml"), b"<feed/>") == \
        {"Content-Type": "application/atom+xml"}
    assert headers_for(Path("http_text_xml_epe_x.xml"), b"<rss/>") == \
        {"Content-Type": "text/xml-external-parsed-entity"}
    assert headers_for(Path("plain.xml"), b"<!--\nHeader: Content-type: text/plain\n-->") == \
        {"Content-Type": "text/plain"}


@pytest.fixture(scope="module")
def corpus() -> dict[str, Discovery]:
    root = corpus_dir("feeds") / "feedparser"
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    for path in sorted(root.rglob("*.xml")):
        body = path.read_bytes()
        files["/" + path.relative_to(root).as_posix()] = (body, headers_for(path, body))
    fetcher = Fetcher(FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=0,
                                    max_per_host=8, max_concurrency=8))

    def discover(server_url: str, path: str) -> Discovery:
        outlet = Outlet(name="corpus", display_name=path, domain="127.0.0.1",
                        sources=[Source(type="feed", url=server_url + path)])
        return discover_outlet(outlet, fetcher, {})

    with FileServer(files) as server, ThreadPoolExecutor(8) as pool:
        started = time.monotonic()
        found = dict(zip(files, pool.map(lambda p: discover(server.url, p), files),
                         strict=True))
        print(f"{len(found)} feeds in {time.monotonic() - started:.1f}s")
        assert server.hits["/robots.txt"] == 1
    fetcher.close()
    return found


def outcome(found: Discovery) -> str:
    if found.candidates:
        return "items"
    return "error" if found.errors else "valid, no items"


def test_every_document_yields_items_or_a_recorded_error(corpus: dict[str, Discovery]) -> None:
    assert len(corpus) > 2000
    split = Counter(outcome(found) for found in corpus.values())
    print(dict(split))
    # Most of these documents exercise one field of one item and carry no link at all.
    assert split["items"] >= 90
    assert split["valid, no items"] >= 600
    assert split["error"] <= 1400
    for path, found in corpus.items():
        final = found.records[-1]
        assert final.url.endswith(path) and final.status == 200, path
        if found.errors:
            assert final.error_class == "DiscoveryError", path
            assert final.error_message == found.errors[0] and path in final.error_message
        else:
            assert final.error_class is None, path


def test_error_messages_say_what_is_wrong(corpus: dict[str, Discovery]) -> None:
    reasons = Counter(re.sub(r"\d+", "N", found.errors[0].split(": ", 1)[1])[:40]
                      for found in corpus.values() if found.errors)
    print(reasons.most_common(10))
    known = ("N item(s), none with an http(s) link", "no items, and not a well-formed feed",
             "not an RSS or Atom feed")
    assert all(reason.startswith(known) for reason in reasons)


def test_relative_links_resolve_against_the_document(corpus: dict[str, Discovery]) -> None:
    path = "/wellformed/base/http_item_link_base_docuri.xml"
    (found,) = corpus[path].candidates
    assert found.url == found.source.removesuffix(path) + "/relative/uri"


@pytest.mark.parametrize("name", ["http_text_xml_charset_2.xml",
                                  "http_text_xml_charset_overrides_encoding_2.xml"])
def test_the_http_charset_decides_the_text(corpus: dict[str, Discovery], name: str) -> None:
    # The bytes are windows-1252; only the Content-Type header says so.
    (found,) = corpus[f"/encoding/{name}"].candidates
    assert found.summary == "This is a \xa3\u201ctest.\u201d"
