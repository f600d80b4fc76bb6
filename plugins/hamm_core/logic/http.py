"""Request policy, free of Qt: which failures are retried, how long to wait, what to say.

The QGIS adapter (adapters/network.py) performs the requests and asks this module.
"""

from dataclasses import dataclass, field
from typing import Dict, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import NetworkError
from .i18n import tr

# Statuses worth a second try: the server says it is overloaded or a gateway timed out.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD"})


@dataclass
class HttpResponse:
    url: str
    status: int
    content: bytes
    headers: Dict[str, str] = field(default_factory=dict)
    attempts: int = 1

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return self.header("content-type").split(";")[0].strip().lower()


def should_retry(method: str, error: NetworkError, attempt: int, retries: int) -> bool:
    """``attempt`` counts from 1; ``retries`` is how many extra attempts are allowed."""
    if attempt > retries or method.upper() not in IDEMPOTENT_METHODS:
        return False
    if error.kind in (NetworkError.KIND_TIMEOUT, NetworkError.KIND_CONNECTION):
        return True
    return error.kind == NetworkError.KIND_HTTP and error.status in RETRY_STATUSES


def backoff_seconds(attempt: int, base: float = 0.5, cap: float = 8.0) -> float:
    """Exponential backoff: 0.5 s, 1 s, 2 s ... capped."""
    return min(cap, base * (2 ** (attempt - 1)))


def with_params(url: str, params: Optional[Dict[str, object]]) -> str:
    """Append query parameters to a URL, keeping the ones it has."""
    if not params:
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.extend((str(k), "" if v is None else str(v)) for k, v in params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def redact(url: str) -> str:
    """Drop user:password from a URL before it reaches a message or the log."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += ":{}".format(parts.port)
        parts = parts._replace(netloc=host)
    return urlunsplit(parts)


def http_error(url: str, status: int, reason: str = "") -> NetworkError:
    """The error for an HTTP status >= 400, with advice that fits the status."""
    safe = redact(url)
    if status in (401, 403):
        msg = tr("Access to {url} was denied (HTTP {status}). Check the authentication "
                 "configuration (authcfg) for this service in the QGIS settings.")
        kind = NetworkError.KIND_AUTH
    elif status == 404:
        msg = tr("{url} was not found (HTTP 404). Check the address of the service.")
        kind = NetworkError.KIND_HTTP
    elif status == 429:
        msg = tr("The server at {url} reports too many requests (HTTP 429). Try again later.")
        kind = NetworkError.KIND_HTTP
    elif status >= 500:
        msg = tr("The server at {url} reported an internal error (HTTP {status}). "
                 "Try again later or contact the service operator.")
        kind = NetworkError.KIND_HTTP
    else:
        msg = tr("The request to {url} failed with HTTP {status}.")
        kind = NetworkError.KIND_HTTP
    return NetworkError(kind, safe, msg.format(url=safe, status=status),
                        detail="HTTP {} {}".format(status, reason).strip(), status=status)


def timeout_error(url: str, seconds: float) -> NetworkError:
    safe = redact(url)
    return NetworkError(
        NetworkError.KIND_TIMEOUT, safe,
        tr("The server at {url} did not answer within {seconds} s. Check the network or "
           "proxy settings, or try again later.").format(url=safe, seconds=round(seconds, 1)),
        detail="timeout after {} s".format(seconds))


def too_large_error(url: str, limit: int) -> NetworkError:
    safe = redact(url)
    return NetworkError(
        NetworkError.KIND_TOO_LARGE, safe,
        tr("The response from {url} is larger than the allowed {mb} MB and was stopped. "
           "Choose a smaller area or raise the limit in the settings.").format(
            url=safe, mb=round(limit / (1024 * 1024), 1)),
        detail="body exceeds {} bytes".format(limit))


def cancelled_error(url: str) -> NetworkError:
    safe = redact(url)
    return NetworkError(NetworkError.KIND_CANCELLED, safe,
                        tr("The request to {url} was cancelled.").format(url=safe))


def connection_error(url: str, detail: str) -> NetworkError:
    safe = redact(url)
    return NetworkError(
        NetworkError.KIND_CONNECTION, safe,
        tr("Could not connect to {url} ({detail}). Check the address, the network and the "
           "proxy settings.").format(url=safe, detail=detail),
        detail=detail)


def ssl_error(url: str, detail: str) -> NetworkError:
    safe = redact(url)
    return NetworkError(
        NetworkError.KIND_SSL, safe,
        tr("The secure connection to {url} failed ({detail}). Check the certificate "
           "settings in QGIS.").format(url=safe, detail=detail),
        detail=detail)


def redirect_error(url: str, detail: str) -> NetworkError:
    safe = redact(url)
    return NetworkError(
        NetworkError.KIND_REDIRECT, safe,
        tr("The request to {url} was redirected too often or to an unsafe address.")
        .format(url=safe),
        detail=detail)
