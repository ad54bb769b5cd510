"""The SSRF guard on its own: what it refuses, by scheme, address and what a name
resolves to (the fetcher's use of it, redirects and pinned connections included, is in
tests/test_fetch.py)."""

from __future__ import annotations

import pytest

from tasks.connections import check_address
from tasks.errors import AddressRefused


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/",
                                 "http://10.0.0.1/", "file:///etc/passwd", "ftp://x.example/"])
def test_ssrf_guard_refuses_private_and_odd_targets(url):
    with pytest.raises(AddressRefused, match="refused"):
        check_address(url, allow_private=False)


@pytest.mark.parametrize("address", ["10.0.0.5", "192.168.1.1", "100.64.0.1", "::1",
                                     "::ffff:127.0.0.1", "fe80::1", "fc00::1"])
def test_ssrf_guard_reads_what_the_name_resolves_to(address):
    with pytest.raises(AddressRefused, match="private address"):
        check_address("https://news.example/a", False, resolve=lambda host, port: [address])
    check_address("https://news.example/a", True, resolve=lambda host, port: [address])


def test_ssrf_guard_lets_public_addresses_through_and_metadata_never():
    check_address("https://news.example/a", False, resolve=lambda host, port: ["93.184.216.34"])
    with pytest.raises(AddressRefused, match="not a public address"):
        check_address("http://metadata.example/", True,
                      resolve=lambda host, port: ["169.254.169.254"])
