"""The connections the fetcher opens: an SSRF guard on every address, connections pinned
to the address the guard passed, and responses read under one deadline.

`check_address` refuses non-http(s) URLs and hosts that resolve to anything but public
addresses; `pinned_adapter` makes requests' connections open to the vetted address
(so DNS rebinding cannot slip a private one in) and read each response through a
`DeadlineReader`, so a server that sends a byte at a time, headers included, cannot
hold a fetch past `fetch.response_timeout`.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import requests
import urllib3

from tasks.errors import AddressRefused, FetchError, ResponseTimeout

CLOUD_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}

Resolver = Callable[[str, int], list[str]]


def system_resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, as the connection will see them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0].split("%")[0] for info in infos]


def check_address(url: str, allow_private: bool, resolve: Resolver = system_resolve) -> None:
    """Refuse non-http(s) URLs, cloud-metadata addresses, and hosts resolving to anything
    but public addresses (private, loopback, link-local, shared, reserved) unless
    `allow_private`. The fetcher calls it for every redirect hop, and its connections
    check again as they open (`pinned_adapter`)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise AddressRefused(f"refused {url}: only http and https are fetched", url=url)
    try:
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise AddressRefused(f"refused {url}: {exc}", url=url) from exc
    if not host:
        raise AddressRefused(f"refused {url}: no host in the URL", url=url)
    vetted_address(host, port or (443 if parts.scheme == "https" else 80), allow_private,
                   resolve, url)


def vetted_address(host: str, port: int, allow_private: bool, resolve: Resolver,
                   url: str) -> str:
    """The address a connection to `host` may use, after the checks of `check_address`:
    the host itself when it is an IP address, else the first address it resolved to.
    Connections are pinned to it, so a name cannot answer with a public address for the
    check and a private one for the connection (DNS rebinding)."""
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}", url=url) from exc
    if not addresses:
        raise FetchError(f"cannot resolve {host}: no address", url=url)
    for text in addresses:
        address = ipaddress.ip_address(text)
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address in CLOUD_METADATA or address.is_multicast or address.is_unspecified:
            raise AddressRefused(f"refused {url}: {address} is not a public address", url=url)
        if not allow_private and not address.is_global:
            raise AddressRefused(
                f"refused {url}: {host} resolves to the private address {address}; "
                "set fetch.allow_private_hosts to fetch from it",
                url=url,
            )
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return addresses[0]
    return host


# When this thread's current response must be complete: `tasks.fetch.Fetcher` sets it before
# each request, and the response's reader (`DeadlineReader`) takes it as the response starts.
response_deadline = threading.local()


class DeadlineReader(io.RawIOBase):
    """A connection's socket reader that fails with ResponseTimeout once the response's
    deadline has passed. Each read waits at most the time left (and never longer than
    the socket's own read timeout), so a server sending a byte at a time, status line and
    headers included, cannot hold a fetch past the deadline."""

    def __init__(self, sock: socket.socket, deadline: float):
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)
        self._deadline = deadline
        self._per_read = sock.gettimeout()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise ResponseTimeout("response deadline passed", url="")
        self._sock.settimeout(left if self._per_read is None else min(left, self._per_read))
        try:
            return self._raw.readinto(buffer)
        except TimeoutError:
            if time.monotonic() >= self._deadline:
                raise ResponseTimeout("response deadline passed", url="") from None
            raise
        finally:
            self._sock.settimeout(self._per_read)

    def close(self) -> None:
        self._raw.close()
        super().close()


class DeadlineResponse(http.client.HTTPResponse):
    """http.client's response, read through a `DeadlineReader` when a deadline is set."""

    def __init__(self, sock: socket.socket, *args, **kwargs):
        super().__init__(sock, *args, **kwargs)
        deadline = getattr(response_deadline, "at", None)
        if deadline is not None:
            self.fp.close()  # nothing read yet: the plain reader is swapped for ours
            self.fp = io.BufferedReader(DeadlineReader(sock, deadline))


def pinned_adapter(vet: Callable[[str, int], str], **pool: int) -> requests.adapters.HTTPAdapter:
    """An HTTP adapter whose connections open to `vet(host, port)`, the address the SSRF
    guard passed (or a FetchError), instead of resolving the name again. TLS still checks
    the certificate against the name, and the Host header still carries it. Responses
    are read under the deadline the fetcher sets (`DeadlineResponse`)."""

    def pinned(base: type[urllib3.connection.HTTPConnection]) -> type:
        def _new_conn(self: urllib3.connection.HTTPConnection) -> socket.socket:
            host = self._dns_host  # urllib3 opens the socket to this; `host` reads it too
            self._dns_host = vet(host, self.port)
            try:
                return base._new_conn(self)
            finally:
                self._dns_host = host

        return type(f"Pinned{base.__name__}", (base,),
                    {"_new_conn": _new_conn, "response_class": DeadlineResponse})

    http = type("PinnedHTTPConnectionPool", (urllib3.HTTPConnectionPool,),
                {"ConnectionCls": pinned(urllib3.connection.HTTPConnection)})
    https = type("PinnedHTTPSConnectionPool", (urllib3.HTTPSConnectionPool,),
                 {"ConnectionCls": pinned(urllib3.connection.HTTPSConnection)})
    adapter = requests.adapters.HTTPAdapter(**pool)
    adapter.poolmanager.pool_classes_by_scheme = {"http": http, "https": https}
    return adapter
