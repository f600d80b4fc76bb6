"""Pure logic of hamm_core: no QGIS objects involved."""

import json
from pathlib import Path

import pytest

from hamm_core.logic import http
from hamm_core.logic.capabilities import capabilities_params, parse_capabilities
from hamm_core.logic.errors import NetworkError, ParseError, ProfileError
from hamm_core.logic.jsonutil import parse_json, require
from hamm_core.logic.profile import find_profile_path, load_profile, shipped_profile_path
from hamm_core.logic.safexml import check_xml_safe, local_name, parse_xml

pytestmark = pytest.mark.pure
DATA = Path(__file__).parent / "data"


# --- safe XML ---------------------------------------------------------------
def test_parse_xml_plain_and_namespaces():
    root = parse_xml(b'<a xmlns="urn:x"><b n="1"/><b n="2"/></a>', "test")
    assert local_name(root.tag) == "a"
    assert [b.get("n") for b in root] == ["1", "2"]


@pytest.mark.parametrize("doc, what", [
    (b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "ENTITY e"),
    (b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', "ENTITY e"),
    (b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]><a/>', "ENTITY p"),
    (b'<!DOCTYPE a [<!ENTITY u SYSTEM "x.png" NDATA png>]><a/>', "ENTITY u"),
])
def test_entity_declarations_are_refused(doc, what):
    with pytest.raises(ParseError) as info:
        parse_xml(doc, "http://example/caps")
    assert what in info.value.detail
    assert "http://example/caps" in info.value.user_message


def test_broken_and_empty_xml():
    with pytest.raises(ParseError, match="not valid XML"):
        parse_xml(b"<a><b></a>", "src")
    with pytest.raises(ParseError, match="not valid XML"):
        parse_xml(b"", "src")
    with pytest.raises(ParseError, match="not valid XML"):
        check_xml_safe(b"just text", "src")


def test_external_dtd_reference_alone_is_allowed():
    doc = b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://127.0.0.1/a.dtd"><a>x</a>'
    assert parse_xml(doc).text == "x"


def test_safety_check_only_reads_the_prolog():
    # An error after the root element starts is left to the real parser
    check_xml_safe(b"<a>" + b"<b/>" * 10 + b"</oops>")


# --- JSON -------------------------------------------------------------------
def test_parse_json_variants():
    assert parse_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}  # BOM
    assert parse_json('{"ä": "ß"}') == {"ä": "ß"}
    with pytest.raises(ParseError, match=r"line 2, column 4"):
        parse_json(b'{"a":\n 1,,}', "x")
    with pytest.raises(ParseError, match="not UTF-8"):
        parse_json(b'{"a": "\xff"}', "x")
    with pytest.raises(ParseError, match="empty"):
        parse_json(b"  ", "x")


def test_require_names_the_missing_field():
    assert require({"a": [1]}, "a", list) == [1]
    with pytest.raises(ParseError, match="'b' is missing"):
        require({"a": 1}, "b")
    with pytest.raises(ParseError, match="wrong type"):
        require({"a": 1}, "a", str)


# --- request policy -----------------------------------------------------------
def test_retry_policy():
    timeout = NetworkError(NetworkError.KIND_TIMEOUT, "u", "m")
    e503 = http.http_error("u", 503)
    e404 = http.http_error("u", 404)
    assert http.should_retry("GET", timeout, 1, 2)
    assert http.should_retry("GET", e503, 2, 2)
    assert not http.should_retry("GET", e503, 3, 2)
    assert not http.should_retry("GET", e404, 1, 2)
    assert not http.should_retry("POST", timeout, 1, 2)
    assert [http.backoff_seconds(i) for i in (1, 2, 3, 10)] == [0.5, 1.0, 2.0, 8.0]


def test_messages_fit_the_status_and_hide_credentials():
    err = http.http_error("https://user:pw@geo.hamm.de/wms?x=1", 401)
    assert err.kind == NetworkError.KIND_AUTH
    assert "pw" not in err.user_message and "user" not in err.url
    assert "https://geo.hamm.de/wms?x=1" in err.user_message
    assert "HTTP 500" in http.http_error("u", 500).user_message
    assert http.with_params("http://h/p?a=1", {"b": "x y"}) == "http://h/p?a=1&b=x+y"


# --- city profile ------------------------------------------------------------
def test_shipped_hamm_profile():
    prof = load_profile(shipped_profile_path("hamm"))
    assert prof.name == "Hamm" and prof.crs == "EPSG:25832"
    assert len(prof.districts) == 7
    assert {d.name for d in prof.districts} >= {"Hamm-Mitte", "Heessen", "Bockum-Hövel"}
    assert prof.service("nrw_dop").type == "WMS"
    xmin, ymin, xmax, ymax = prof.extent
    assert 400000 < xmin < xmax < 440000 and 5710000 < ymin < ymax < 5740000


def test_demo_profile_extends_hamm():
    prof = load_profile(shipped_profile_path("hamm_demo"))
    assert prof.name == "Hamm (Demo)"
    assert len(prof.districts) == 7  # inherited
    assert prof.service("nrw_dop") is not None  # inherited
    assert prof.service("demo_oapif").url.startswith("http://127.0.0.1:")


def test_another_city_without_code(tmp_path):
    other = tmp_path / "unna.json"
    other.write_text(json.dumps({
        "id": "unna", "name": "Unna", "crs": "epsg:25832",
        "extent": [400000, 5700000, 410000, 5710000],
        "services": [{"id": "karte", "type": "wms", "url": "https://geo.unna.example/wms",
                      "layers": "stadtplan", "title": "Stadtplan"}],
        "districts": [{"id": "1", "name": "Königsborn"}]}), encoding="utf-8")
    prof = load_profile(str(other))
    assert prof.crs == "EPSG:25832"
    assert prof.service("karte").layers == ["stadtplan"]
    assert prof.service("karte").title_for("de") == "Stadtplan"
    assert prof.district("Königsborn").id == "1"


def test_local_override_replaces_and_removes(tmp_path):
    local = tmp_path / "local.json"
    local.write_text(json.dumps({"extends": "hamm", "services": [
        {"id": "nrw_dop", "authcfg": "abc1234"}, {"id": "nrw_lod2", "remove": True}]}))
    prof = load_profile(str(local))
    assert prof.service("nrw_dop").authcfg == "abc1234"
    assert prof.service("nrw_dop").url.startswith("https://")
    assert prof.service("nrw_lod2") is None


@pytest.mark.parametrize("content, message", [
    ("{broken", "broken JSON at line 1"),
    ("[]", "not a JSON object"),
    ('{"id": "x", "name": "X", "crs": "EPSG:25832"}', "'extent' is missing"),
    ('{"id": "x", "name": "X", "crs": "25832", "extent": [0,0,1,1]}', "EPSG code"),
    ('{"id": "x", "name": "X", "crs": "EPSG:25832", "extent": [1,1,0,0]}', "empty or inverted"),
    ('{"id": "x", "name": "X", "crs": "EPSG:25832", "extent": [0,0,1,1], '
     '"services": [{"id": "a"}]}', "needs 'id', 'type' and 'url'"),
    ('{"id": "x", "name": "X", "crs": "EPSG:25832", "extent": [0,0,1,1], "services": ['
     '{"id": "a", "type": "WMS", "url": "u"}, {"id": "a", "type": "WMS", "url": "u"}]}',
     "occurs twice"),
    ('{"extends": "self.json"}', "nests too deeply"),
])
def test_broken_profiles_are_explained(tmp_path, content, message):
    path = tmp_path / "self.json"
    path.write_text(content)
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    assert message in info.value.user_message
    assert str(path) in info.value.user_message


def test_missing_profile_file(tmp_path):
    with pytest.raises(ProfileError, match="does not exist"):
        load_profile(str(tmp_path / "nope.json"))


def test_profile_lookup_order(tmp_path):
    (tmp_path / "profile.json").write_text("{}")
    assert find_profile_path("/a.json", {"DIGITALES_HAMM_PROFILE": "/b.json"}) == "/a.json"
    assert find_profile_path("", {"DIGITALES_HAMM_PROFILE": "/b.json"}) == "/b.json"
    assert find_profile_path("", {}, str(tmp_path)) == str(tmp_path / "profile.json")
    assert find_profile_path("", {}, str(tmp_path / "none")).endswith("profiles/hamm.json")


# --- capabilities -------------------------------------------------------------
def test_wmts_capabilities():
    caps = parse_capabilities("WMTS", (DATA / "wmts_capabilities.xml").read_bytes(), "t")
    assert caps.title == "Stadtkarte Hamm (Test)"
    layer = caps.layer("stadtkarte")
    assert layer.tile_matrix_sets == ["EPSG_25832"]
    assert layer.formats == ["image/png"]
    assert layer.bbox_wgs84 == pytest.approx((7.66, 51.60, 8.00, 51.75))


def test_wcs_capabilities():
    caps = parse_capabilities("WCS", (DATA / "wcs_capabilities.xml").read_bytes(), "t")
    assert caps.version == "1.0.0"
    assert [c.name for c in caps.layers] == ["dgm1"]
    assert caps.layers[0].title == "DGM1 Hamm"


def test_service_exception_is_reported():
    with pytest.raises(ParseError, match="Layer nicht vorhanden"):
        parse_capabilities("WMS", (DATA / "wms_exception.xml").read_bytes(), "t")


def test_capabilities_refuse_bombs_and_garbage():
    bomb = b'<!DOCTYPE a [<!ENTITY e "x">]><WMS_Capabilities version="1.3.0"/>'
    with pytest.raises(ParseError, match="declares entities"):
        parse_capabilities("WMS", bomb, "t")
    with pytest.raises(ParseError, match="not valid XML"):
        parse_capabilities("WFS", b"<html><body>Proxy error", "t")
    with pytest.raises(ParseError, match="Is the address really a WMTS service"):
        parse_capabilities("WMTS", b"<html><body>Hallo</body></html>", "t")
    with pytest.raises(ParseError, match="'collections' is missing"):
        parse_capabilities("OAPIF", b'{"links": []}', "t")
    with pytest.raises(ParseError, match="Unknown service type"):
        parse_capabilities("SOS", b"<a/>", "t")


def test_oapif_collections():
    doc = {"collections": [{"id": "stadtbezirke", "title": "Stadtbezirke",
                            "extent": {"spatial": {"bbox": [[7.6, 51.6, 8.0, 51.75]]}}},
                           {"title": "ohne id"}]}
    caps = parse_capabilities("OAPIF", json.dumps(doc).encode(), "t")
    assert [c.name for c in caps.layers] == ["stadtbezirke"]
    assert caps.layers[0].bbox_wgs84 == (7.6, 51.6, 8.0, 51.75)


def test_capabilities_params():
    assert capabilities_params("wms")["VERSION"] == "1.3.0"
    assert capabilities_params("WFS")["REQUEST"] == "GetCapabilities"
    assert capabilities_params("OAPIF") == {"f": "json"}
