"""Newswatch's errors: each names what went wrong and what to do next."""


class NewswatchError(Exception):
    """Base of every error Newswatch raises on purpose; the CLI prints it as one line."""


class ConfigError(NewswatchError):
    """A config file is missing, unreadable or invalid."""


class FetchError(NewswatchError):
    """A fetch failed for good (after retries) or was refused before it started."""

    def __init__(self, message: str, *, url: str, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class AddressRefused(FetchError):
    """The SSRF guard refused the URL: not http(s), or its host is not a public address."""


class ResponseTimeout(FetchError):
    """A response (status line, headers and body) took longer than fetch.response_timeout."""


class TooManyRedirects(FetchError):
    """A fetch was redirected more times than fetch.max_redirects allows."""


class BadRedirect(FetchError):
    """A redirect's Location header is not a URL that can be parsed."""


class RobotsDisallowed(FetchError):
    """The site's robots.txt disallows the URL for our user agent."""


class RobotsUnavailable(FetchError):
    """The site's robots.txt could not be read, so the site is left alone for a while."""


class DiscoveryError(NewswatchError):
    """A feed, sitemap or listing page could not be read."""


class ExtractError(NewswatchError):
    """A page could not be turned into an article."""


class ArchiveError(NewswatchError):
    """A WARC file is missing, unreadable or not a WARC file."""


class SeriesError(NewswatchError):
    """A count series (CSV or arrays) cannot be used for detection."""


class WarehouseError(NewswatchError):
    """The DuckDB file could not be opened or written."""


class PrefectUnavailable(NewswatchError):
    """No Prefect API to run the flows on."""


class RunFailed(NewswatchError):
    """A flow run ended Failed on purpose (nothing could be collected); the message says
    why."""


class OperationsMessageNotSent(NewswatchError):
    """Slack failed the operations message in a way a later try may get over."""
