"""The network module against a real nginx on 127.0.0.1: each failure a user can meet
gives a clear, typed error and never crashes QGIS."""

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig
from servers_http import PASSWORD, USER

from hamm_core.adapters import network
from hamm_core.adapters.tasks import run_task, wait_for
from hamm_core.logic.errors import NetworkError, ParseError

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def test_get_json_success(http_server):
    data = network.fetch_json(http_server.url("/ok.json"))
    assert data == {"stadt": "Hamm", "bezirke": 7, "name": "Heßlerstraße"}


def test_response_carries_status_headers_and_params(http_server):
    resp = network.fetch(http_server.url("/ok.json"), params={"f": "json", "bbox": "1,2,3,4"})
    assert resp.status == 200
    assert resp.content_type == "application/json"
    assert int(resp.header("Content-Length")) == len(resp.content)
    assert "f=json" in resp.url and "bbox=1%2C2%2C3%2C4" in resp.url


def test_404_says_not_found(http_server):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/status/404"))
    err = info.value
    assert err.kind == NetworkError.KIND_HTTP and err.status == 404
    assert "was not found (HTTP 404)" in err.user_message
    assert "nicht gefunden" in err.detail  # the server's own text goes to the log detail


def test_500_is_not_retried(http_server):
    before = http_server.hits("/status/500")
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/status/500"), retries=2)
    assert info.value.status == 500
    assert "internal error (HTTP 500)" in info.value.user_message
    assert http_server.hits("/status/500") - before == 1


def test_503_is_retried_with_backoff_then_reported(http_server):
    before = http_server.hits("/status/503")
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/status/503"), retries=2)
    assert info.value.status == 503
    assert http_server.hits("/status/503") - before == 3  # first try + 2 retries


def test_post_is_never_retried(http_server):
    with pytest.raises(NetworkError):
        network.fetch(http_server.url("/status/503"), method="POST", data=b"{}", retries=3)
    text = http_server.log_path.read_text()
    assert text.count('"POST /status/503') == 1


def test_timeout(http_server):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/slow/data.json"), timeout_s=1.0, retries=0)
    assert info.value.kind == NetworkError.KIND_TIMEOUT
    assert "did not answer within 1.0 s" in info.value.user_message


def test_redirect_is_followed(http_server):
    resp = network.fetch(http_server.url("/redirect"))
    assert resp.url.endswith("/ok.json")
    assert resp.status == 200


def test_redirect_loop_is_stopped(http_server):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/redirect-loop"), max_redirects=3)
    assert info.value.kind == NetworkError.KIND_REDIRECT


def test_oversized_body_is_aborted(http_server):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/big.bin"), max_bytes=1024 * 1024)
    assert info.value.kind == NetworkError.KIND_TOO_LARGE
    assert "larger than the allowed 1.0 MB" in info.value.user_message
    # Without the limit the same body arrives whole
    assert len(network.fetch(http_server.url("/big.bin"), max_bytes=0).content) == 3 * 1024 * 1024


def test_connection_refused():
    from conftest import free_port
    with pytest.raises(NetworkError) as info:
        network.fetch("http://127.0.0.1:{}/x".format(free_port()), retries=0)
    assert info.value.kind == NetworkError.KIND_CONNECTION
    assert "Could not connect" in info.value.user_message


def test_malformed_json(http_server):
    with pytest.raises(ParseError) as info:
        network.fetch_json(http_server.url("/broken.json"))
    assert "not valid JSON (line 1, column 30" in info.value.user_message
    with pytest.raises(ParseError) as info:
        network.fetch_json(http_server.url("/empty.json"))
    assert "is empty" in info.value.user_message


def test_xml_success_and_malformed(http_server):
    root = network.fetch_xml(http_server.url("/ok.xml"))
    assert [s.get("name") for s in root] == ["Heßlerstraße", "Marker Allee"]
    with pytest.raises(ParseError) as info:
        network.fetch_xml(http_server.url("/broken.xml"))
    assert "is not valid XML" in info.value.user_message


def test_xml_bomb_and_external_entity_are_refused(http_server):
    for path in ("/bomb.xml", "/xxe.xml"):
        with pytest.raises(ParseError) as info:
            network.fetch_xml(http_server.url(path))
        assert "declares entities" in info.value.user_message
    # An old WMS 1.1.1 document with only an external DTD reference is fine
    root = network.fetch_xml(http_server.url("/wms111.xml"))
    assert root.tag == "WMT_MS_Capabilities"


@pytest.fixture(scope="module")
def basic_authcfg(qgis_app):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("hamm-test-master", True)
    ids = {}
    for key, pwd in (("good", PASSWORD), ("bad", "wrong")):
        cfg = QgsAuthMethodConfig("Basic")
        cfg.setName("hamm-test-" + key)
        cfg.setConfig("username", USER)
        cfg.setConfig("password", pwd)
        result = manager.storeAuthenticationConfig(cfg)
        ok = result[0] if isinstance(result, tuple) else result
        assert ok and cfg.id(), "storing the auth config failed"
        ids[key] = cfg.id()
    yield ids
    for cid in ids.values():
        manager.removeAuthenticationConfig(cid)


def test_protected_url_without_authcfg_asks_for_it(http_server):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/private/secret.json"))
    assert info.value.kind == NetworkError.KIND_AUTH
    assert "authentication configuration (authcfg)" in info.value.user_message


def test_protected_url_with_authcfg(http_server, basic_authcfg):
    logged = []

    def collect(message, tag, level):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(collect)
    try:
        data = network.fetch_json(http_server.url("/private/secret.json"),
                                  authcfg=basic_authcfg["good"])
        with pytest.raises(NetworkError) as info:
            network.fetch(http_server.url("/private/secret.json"),
                          authcfg=basic_authcfg["bad"])
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert data == {"geheim": True}
    assert info.value.status == 401
    assert logged, "failures are logged"
    assert not any(PASSWORD in m for m in logged), "credentials must never reach the log"


def test_unknown_authcfg(http_server, qgis_app):
    with pytest.raises(NetworkError) as info:
        network.fetch(http_server.url("/private/secret.json"), authcfg="nope123")
    assert info.value.kind == NetworkError.KIND_AUTH
    assert "'nope123' does not exist" in info.value.user_message


def test_fetch_inside_a_task_and_cancel(http_server):
    results = {}
    task = run_task("test fetch", lambda t: network.fetch_json(http_server.url("/ok.json"),
                                                               feedback=t),
                    on_done=lambda r: results.setdefault("ok", r),
                    on_error=lambda e: results.setdefault("err", e))
    assert wait_for(task, 30)
    assert results == {"ok": {"stadt": "Hamm", "bezirke": 7, "name": "Heßlerstraße"}}

    slow = run_task("slow fetch", lambda t: network.fetch(http_server.url("/slow/data.json"),
                                                          feedback=t, timeout_s=60, retries=0),
                    on_error=lambda e: results.setdefault("cancel", e))
    from qgis.PyQt.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(800, loop.quit)
    loop.exec()
    slow.cancel()
    assert wait_for(slow, 30)
    assert "cancel" in results
    assert "cancelled" in str(results["cancel"])


def test_error_in_task_reaches_main_thread(http_server):
    errors = []
    task = run_task("fetch 404", lambda t: network.fetch(http_server.url("/status/404"),
                                                         feedback=t),
                    on_error=errors.append)
    assert wait_for(task, 30)
    assert len(errors) == 1 and isinstance(errors[0], NetworkError)
    assert errors[0].status == 404


def test_live_feeds_bypass_the_http_cache(http_server):
    """A live feed must show the server's current state, never QGIS's cached copy."""
    doc = http_server.root / "live.json"
    doc.write_text('{"frei": 3}')
    assert network.fetch_json(http_server.url("/live.json"), cache=False) == {"frei": 3}
    doc.write_text('{"frei": 12}')
    assert network.fetch_json(http_server.url("/live.json"), cache=False) == {"frei": 12}
    assert http_server.hits("/live.json") == 2  # both went to the server
