"""All HTTP of the suite: on QGIS's network stack, so the user's proxy, SSL settings and
authentication configurations (authcfg) apply.

Works on the main thread (a local event loop keeps the UI painting) and inside QgsTask
worker threads, where QGIS's own QgsBlockingNetworkRequest does the transfer (a nested
event loop on a worker thread's network manager was seen to crash QGIS 3.22 now and then).
Every failure becomes a NetworkError with a translated message; retries with backoff for
GET/HEAD on timeouts, connection failures and 429/502/503/504; a maximum body size that
aborts the transfer as soon as it is exceeded; a total timeout per attempt.
"""

import threading
import time
from typing import Dict, Optional

from qgis.core import (
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsFeedback,
    QgsNetworkAccessManager,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QEventLoop, QThread, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..definitions import DEFAULT_MAX_BYTES, DEFAULT_RETRIES, DEFAULT_TIMEOUT_S, USER_AGENT
from ..logic import http
from ..logic.errors import NetworkError
from ..logic.http import HttpResponse
from ..logic.i18n import tr
from ..logic.jsonutil import parse_json
from ..logic.safexml import parse_xml
from .messages import log
from .settings import Settings

_E = QNetworkReply.NetworkError
_POLL_MS = 100


def defaults():
    """(timeout_s, retries, max_bytes) from the settings, with the suite's defaults."""
    settings = Settings("network")
    return (settings.value("timeout_s", DEFAULT_TIMEOUT_S, float),
            settings.value("retries", DEFAULT_RETRIES, int),
            settings.value("max_bytes", DEFAULT_MAX_BYTES, int))


def fetch(url: str, *, method: str = "GET", params: Optional[Dict[str, object]] = None,
          headers: Optional[Dict[str, str]] = None, data: Optional[bytes] = None,
          authcfg: str = "", timeout_s: Optional[float] = None,
          retries: Optional[int] = None, max_bytes: Optional[int] = None,
          feedback=None, max_redirects: int = 5, cache: Optional[bool] = None) -> HttpResponse:
    """Make a request and return the whole response, or raise NetworkError.

    ``feedback`` is anything with ``isCanceled()`` (QgsFeedback, QgsTask).
    ``cache``: may QGIS's HTTP cache answer? Default: yes, except for requests with an
    authcfg (an answer fetched with one user's credentials must not stand in for
    another's, and a changed password must take effect at once). Live feeds pass False.
    """
    use_cache = (not authcfg) if cache is None else cache
    d_timeout, d_retries, d_max = defaults()
    timeout_s = d_timeout if timeout_s is None else timeout_s
    retries = d_retries if retries is None else retries
    max_bytes = d_max if max_bytes is None else max_bytes
    full_url = http.with_params(url, params)
    method = method.upper()
    attempt = 1
    while True:
        try:
            response = _fetch_once(full_url, method, headers or {}, data, authcfg,
                                   timeout_s, max_bytes, feedback, max_redirects, use_cache)
            if response.status == 304 and not _conditional(headers):
                # Qt revalidated its cached copy of a redirect's target and handed back the
                # bare 304 (seen once in the suite's run); the caller asked for the page
                response = _fetch_once(response.url, method, headers or {}, data, authcfg,
                                       timeout_s, max_bytes, feedback, max_redirects, False)
            response.attempts = attempt
            return response
        except NetworkError as err:
            log("{} {} -> {} ({}), attempt {}".format(method, http.redact(full_url), err.kind,
                                                     err.detail, attempt))
            if not http.should_retry(method, err, attempt, retries):
                raise
            if not _wait(http.backoff_seconds(attempt), feedback):
                raise http.cancelled_error(full_url) from err
            attempt += 1


def fetch_json(url: str, **kwargs):
    """GET a JSON document; NetworkError or ParseError with a clear message."""
    headers = dict(kwargs.pop("headers", None) or {})
    headers.setdefault("Accept", "application/json")
    response = fetch(url, headers=headers, **kwargs)
    return parse_json(response.content, http.redact(response.url))


def fetch_xml(url: str, **kwargs):
    """GET an XML document, parsed safely (no entity expansion, no external entities)."""
    response = fetch(url, **kwargs)
    return parse_xml(response.content, http.redact(response.url))


def _on_worker_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() != app.thread()


def _wait(seconds: float, feedback) -> bool:
    if _on_worker_thread():  # no event loop needed off the main thread
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if feedback is not None and feedback.isCanceled():
                return False
            time.sleep(min(_POLL_MS / 1000.0, max(0.0, end - time.monotonic())))
        return not (feedback is not None and feedback.isCanceled())
    """Sleep while processing events; False if cancelled meanwhile."""
    end = time.monotonic() + seconds
    loop = QEventLoop()
    while time.monotonic() < end:
        if feedback is not None and feedback.isCanceled():
            return False
        QTimer.singleShot(min(_POLL_MS, int((end - time.monotonic()) * 1000) + 1), loop.quit)
        loop.exec()
    return not (feedback is not None and feedback.isCanceled())


def _prepare_request(url: str, headers: Dict[str, str], authcfg: str,
                     max_redirects: int, use_cache: bool = True) -> QNetworkRequest:
    request = QNetworkRequest(QUrl(url))
    if not use_cache:
        request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                             QNetworkRequest.CacheLoadControl.AlwaysNetwork)
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                         QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
    request.setMaximumRedirectsAllowed(max_redirects)
    request.setRawHeader(b"User-Agent", USER_AGENT.encode())
    for key, value in headers.items():
        request.setRawHeader(key.encode("latin-1"), str(value).encode("latin-1"))
    if authcfg:
        manager = QgsApplication.authManager()
        if authcfg not in manager.configIds():
            raise NetworkError(
                NetworkError.KIND_AUTH, http.redact(url),
                tr("The authentication configuration '{id}' does not exist in this QGIS "
                   "profile. Create it under Settings > Options > Authentication.")
                .format(id=authcfg), detail="unknown authcfg")
        result = manager.updateNetworkRequest(request, authcfg)
        ok, request = result if isinstance(result, tuple) else (result, request)
        if not ok:
            raise NetworkError(
                NetworkError.KIND_AUTH, http.redact(url),
                tr("The authentication configuration '{id}' could not be applied. Is the "
                   "master password set?").format(id=authcfg), detail="updateNetworkRequest")
    return request


def _conditional(headers) -> bool:
    """Did the caller ask for a revalidation (and so may get 304 Not Modified)?"""
    return any(k.lower() in ("if-none-match", "if-modified-since") for k in (headers or {}))


def _fetch_once(url, method, headers, data, authcfg, timeout_s, max_bytes, feedback,
                max_redirects, use_cache=True) -> HttpResponse:
    if feedback is not None and feedback.isCanceled():
        raise http.cancelled_error(url)
    if method in ("GET", "POST") and _on_worker_thread():
        return _fetch_blocking(url, method, headers, data, authcfg, timeout_s, max_bytes,
                               feedback, max_redirects, use_cache)
    request = _prepare_request(url, headers, authcfg, max_redirects, use_cache)
    nam = QgsNetworkAccessManager.instance()
    body = QByteArray(data or b"")
    if method == "GET":
        reply = nam.get(request)
    elif method == "HEAD":
        reply = nam.head(request)
    elif method == "POST":
        reply = nam.post(request, body)
    elif method == "PUT":
        reply = nam.put(request, body)
    else:
        reply = nam.sendCustomRequest(request, method.encode(), body)
    if authcfg:
        QgsApplication.authManager().updateNetworkReply(reply, authcfg)

    state = {"why": ""}
    loop = QEventLoop()

    def stop(why: str) -> None:
        if not state["why"]:
            state["why"] = why
            if not sip.isdeleted(reply):
                reply.abort()

    def on_progress(received: int, total: int) -> None:
        if max_bytes and (received > max_bytes or total > max_bytes):
            stop("too_large")

    def poll() -> None:
        if feedback is not None and feedback.isCanceled():
            stop("cancelled")

    reply.downloadProgress.connect(on_progress)
    reply.finished.connect(loop.quit)
    reply.destroyed.connect(loop.quit)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: stop("timeout"))
    poller = QTimer()
    poller.timeout.connect(poll)
    deadline.start(max(1, int(timeout_s * 1000)))
    poller.start(_POLL_MS)
    try:
        if not reply.isFinished():
            loop.exec()
    finally:
        deadline.stop()
        poller.stop()
    # Seen in a busy worker thread: the reply deleted under us before it was read. That
    # is a failed transfer (retried for GET/HEAD), not a crash of the caller.
    if sip.isdeleted(reply):
        raise http.connection_error(url, "reply deleted before it was read")
    try:
        return _read_reply(reply, url, state["why"], timeout_s, max_bytes)
    except RuntimeError as exc:  # deleted while being read
        raise http.connection_error(url, str(exc)) from exc
    finally:
        if not sip.isdeleted(reply):
            reply.deleteLater()


def _fetch_blocking(url, method, headers, data, authcfg, timeout_s, max_bytes, feedback,
                    max_redirects, use_cache) -> HttpResponse:
    """The transfer on a worker thread, through QgsBlockingNetworkRequest. Timeout, the
    caller's cancel and the size limit cancel its feedback from a watcher thread."""
    # authcfg is applied by the blocking request itself; _prepare_request only checks it
    if authcfg and authcfg not in QgsApplication.authManager().configIds():
        _prepare_request(url, headers, authcfg, max_redirects, use_cache)  # raises
    request = _prepare_request(url, headers, "", max_redirects, use_cache)
    blocking = QgsBlockingNetworkRequest()
    if authcfg:
        blocking.setAuthCfg(authcfg)
    cancel = QgsFeedback()
    state = {"why": ""}
    done = threading.Event()

    def stop(why: str) -> None:
        if not state["why"]:
            state["why"] = why
            cancel.cancel()

    def on_progress(received: int, total: int) -> None:
        if max_bytes and (received > max_bytes or total > max_bytes):
            stop("too_large")

    def watch() -> None:
        deadline = time.monotonic() + timeout_s
        while not done.wait(_POLL_MS / 1000.0):
            if feedback is not None and feedback.isCanceled():
                stop("cancelled")
                return
            if time.monotonic() > deadline:
                stop("timeout")
                return

    blocking.downloadProgress.connect(on_progress)
    watcher = threading.Thread(target=watch, name="hamm network watch", daemon=True)
    watcher.start()
    try:
        if method == "POST":
            code = blocking.post(request, QByteArray(data or b""), False, cancel)
        else:
            code = blocking.get(request, not use_cache, cancel)
    finally:
        done.set()
        watcher.join()
    content = blocking.reply()
    final_url = url
    _raise_for_stop(final_url, state["why"], timeout_s, max_bytes)
    status = _status(final_url, content, lambda: bytes(content.content())[:2048])
    error = content.error()
    if code != QgsBlockingNetworkRequest.NoError or error != _E.NoError:
        if code == QgsBlockingNetworkRequest.TimeoutError:
            raise http.timeout_error(final_url, timeout_s)
        _raise_for_error(final_url, error, content.errorString() or blocking.errorMessage(),
                         timeout_s)
    headers = {bytes(k).decode("latin-1").lower(): bytes(content.rawHeader(k)).decode(
        "latin-1") for k in content.rawHeaderList()}
    return _response(final_url, status, bytes(content.content()), headers, max_bytes)


def _read_reply(reply, url, why, timeout_s, max_bytes) -> HttpResponse:
    final_url = reply.url().toString() or url
    _raise_for_stop(final_url, why, timeout_s, max_bytes)
    status = _status(final_url, reply, lambda: bytes(reply.read(2048)))
    error = reply.error()
    if error != _E.NoError:
        _raise_for_error(final_url, error, reply.errorString(), timeout_s)
    headers = {bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
               for k, v in reply.rawHeaderPairs()}
    return _response(final_url, status, bytes(reply.readAll()), headers, max_bytes)


def _raise_for_stop(final_url, why, timeout_s, max_bytes) -> None:
    """The error for a request this module stopped itself (too large, timeout, cancel)."""
    if why == "too_large":
        raise http.too_large_error(final_url, max_bytes)
    if why == "timeout":
        raise http.timeout_error(final_url, timeout_s)
    if why == "cancelled":
        raise http.cancelled_error(final_url)


def _status(final_url, reply, head) -> int:
    """The HTTP status of a reply (QNetworkReply or QgsNetworkReplyContent; 0 when there is
    none); an HTTP error for 400 and above, with the start of the body (``head()``)."""
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    status = int(status) if status is not None else 0
    if status >= 400:
        reason = reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute) or ""
        err = http.http_error(final_url, status, str(reason))
        err.detail += " " + head().decode("utf-8", "replace")
        raise err
    return status


def _raise_for_error(final_url, error, detail: str, timeout_s) -> None:
    """The suite's error for a failed reply's QNetworkReply error code."""
    if error in (_E.TimeoutError, _E.OperationCanceledError):
        # QGIS's own network timeout (Settings > Network) aborts the reply as cancelled
        raise http.timeout_error(final_url, timeout_s)
    if error in (_E.TooManyRedirectsError, _E.InsecureRedirectError):
        raise http.redirect_error(final_url, detail)
    if error == _E.SslHandshakeFailedError:
        raise http.ssl_error(final_url, detail)
    if error in (_E.AuthenticationRequiredError, _E.ContentAccessDenied):
        raise http.http_error(final_url, 401, detail)
    if error == _E.ContentNotFoundError:
        raise http.http_error(final_url, 404, detail)
    raise http.connection_error(final_url, detail)


def _response(final_url, status, body: bytes, headers, max_bytes) -> HttpResponse:
    if max_bytes and len(body) > max_bytes:
        raise http.too_large_error(final_url, max_bytes)
    return HttpResponse(url=final_url, status=status or 200, content=body, headers=headers)
