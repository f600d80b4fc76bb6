"""hamm_sensors pure logic: STA URLs, parsers, paging, fallbacks, MQTT codec, statistics."""

import json
import struct
from datetime import datetime, timedelta, timezone

import pytest

from hamm_core.logic.errors import NetworkError, ParseError
from hamm_sensors.logic import mqtt
from hamm_sensors.logic.aggregate import DAY, HOUR, aggregate
from hamm_sensors.logic.client import StaClient, collect, complete_expanded
from hamm_sensors.logic.live import LiveRow, datastream_of_topic, parse_mqtt_observation
from hamm_sensors.logic.model import (
    parse_datastream,
    parse_location,
    parse_observation,
    parse_observations,
    parse_thing,
    parse_time,
    result_number,
    result_text,
)
from hamm_sensors.logic.sta_url import Expand, Query, build_url, entity_path, id_literal
from hamm_sensors.logic.warnings import WarningTracker

pytestmark = pytest.mark.pure
UTC = timezone.utc
B = "http://sta.example/v1.1"


# -- URLs ---------------------------------------------------------------------------------
def test_ids_and_paths():
    assert id_literal(7) == "7"
    assert id_literal("ab'c") == "'ab''c'"
    assert entity_path("Datastreams", "x-1", "Observations") == "Datastreams('x-1')/Observations"
    with pytest.raises(TypeError):
        id_literal(True)


def test_query_options_in_order_and_encoded():
    q = Query(filter="phenomenonTime ge 2026-07-01T00:00:00Z", select=["id", "result"],
              expand=[Expand("Thing", Query(expand=["Locations"])),
                      Expand("Observations", Query(top=1, orderby="phenomenonTime desc"))],
              orderby="name asc", top=50, skip=100, count=True)
    url = build_url(B, "Datastreams", q)
    assert url == (B + "/Datastreams?$filter=phenomenonTime%20ge%202026-07-01T00:00:00Z"
                   "&$expand=Thing($expand=Locations),Observations($orderby=phenomenonTime"
                   "%20desc;$top=1)&$select=id,result&$orderby=name%20asc&$top=50&$skip=100"
                   "&$count=true")
    assert build_url(B + "/", "Things") == B + "/Things"


# -- parsers ------------------------------------------------------------------------------
def test_time_instant_and_interval():
    s, e = parse_time("2026-07-01T10:00:00Z")
    assert s == e == datetime(2026, 7, 1, 10, tzinfo=UTC)
    s, e = parse_time("2026-07-01T09:00:00+02:00/2026-07-01T10:00:00.5+02:00")
    assert s == datetime(2026, 7, 1, 7, tzinfo=UTC)
    assert e == datetime(2026, 7, 1, 8, 0, 0, 500000, tzinfo=UTC)
    for bad in (None, "", "yesterday", "a/b/c", 5):
        with pytest.raises(ParseError):
            parse_time(bad, "test")


def test_results_of_all_kinds():
    assert result_number(21.5) == 21.5
    assert result_number(3) == 3.0
    assert result_number(True) == 1.0
    assert result_number("12,5") == 12.5
    assert result_number("open") is None
    assert result_number({"value": 4, "quality": "good"}) == 4.0
    assert result_number([1, 2]) is None
    assert result_text({"b": 1, "a": "x"}) == '{"a": "x", "b": 1}'
    assert result_text(False) == "false"


def test_locations_in_several_encodings():
    geo = {"@iot.id": 1, "encodingType": "application/geo+json",
           "location": {"type": "Point", "coordinates": [7.8, 51.7]}}
    assert (parse_location(geo).lon, parse_location(geo).lat) == (7.8, 51.7)
    feat = {"location": {"type": "Feature", "geometry": {"type": "Point",
                                                        "coordinates": [7.81, 51.71, 60]}}}
    assert parse_location(feat).lon == 7.81
    poly = {"location": {"type": "Polygon", "coordinates": [[[7, 51], [8, 51], [8, 52], [7, 51]]]}}
    assert (parse_location(poly).lon, parse_location(poly).lat) == (7.5, 51.5)
    wkt = {"encodingType": "text/plain", "location": "SRID=4326;POINT (7.9 51.6)"}
    assert (parse_location(wkt).lon, parse_location(wkt).lat) == (7.9, 51.6)
    latlon = {"location": {"lat": 51.65, "lon": 7.75}}
    assert parse_location(latlon).lon == 7.75
    as_text = {"location": json.dumps({"type": "Point", "coordinates": [7.7, 51.6]})}
    assert parse_location(as_text).lat == 51.6
    for broken in ({"location": "somewhere"}, {"location": {"type": "Point",
                                                             "coordinates": ["a", 1]}}, {}):
        loc = parse_location(broken)
        assert loc.lon is None and loc.lat is None


def test_thing_without_location_has_no_position():
    thing = parse_thing({"@iot.id": "t1", "name": "Ohne Ort", "Locations": []})
    assert thing.position is None
    thing = parse_thing({"@iot.id": 5, "name": "A", "Locations": [
        {"location": "kaputt"}, {"location": {"type": "Point", "coordinates": [7, 51]}}]})
    assert thing.position == (7.0, 51.0) and thing.id == 5


def test_entity_ids_integer_or_string_else_error():
    assert parse_datastream({"@iot.id": 3, "name": "T"}).id == 3
    ds = parse_datastream({"@iot.id": "ab", "name": "T",
                           "unitOfMeasurement": {"name": "degree Celsius", "symbol": "°C"},
                           "ObservedProperty": {"name": "air_temperature"},
                           "Thing": {"@iot.id": 1, "name": "S"}})
    assert (ds.id, ds.unit_symbol, ds.observed_property, ds.thing.name) == (
        "ab", "°C", "air_temperature", "S")
    for bad in ({"name": "no id"}, {"@iot.id": 1.5}, {"@iot.id": None}, "x"):
        with pytest.raises(ParseError):
            parse_datastream(bad) if isinstance(bad, dict) else parse_thing(bad)


def test_observations_without_result_or_time_are_skipped_and_named():
    skipped = []
    obs = parse_observations([
        {"phenomenonTime": "2026-07-01T10:00:00Z", "result": 1},
        {"phenomenonTime": "2026-07-01T10:10:00Z"},
        {"result": 3},
        {"phenomenonTime": "2026-07-01T10:20:00Z", "result": "sunny"},
        "junk",
    ], "test", skipped)
    assert [o.result for o in obs] == [1, "sunny"]
    assert len(skipped) == 3
    assert any("no result" in s for s in skipped)
    with pytest.raises(ParseError):
        parse_observation("junk")


# -- paging over a served dictionary of pages ---------------------------------------------
class Pages:
    """A server made of a dict url -> document (answers a missing URL with a 404)."""

    def __init__(self, pages):
        self.pages = pages
        self.requests = []

    def __call__(self, url):
        self.requests.append(url)
        if url not in self.pages:
            raise NetworkError(NetworkError.KIND_HTTP, url, "HTTP 404", status=404)
        doc = self.pages[url]
        if isinstance(doc, Exception):
            raise doc
        return doc


def _page(ids, nxt=None):
    doc = {"value": [{"@iot.id": i} for i in ids]}
    if nxt:
        doc["@iot.nextLink"] = nxt
    return doc


def test_paging_follows_next_links_and_respects_maximum():
    get = Pages({"u1": _page([1, 2], "u2"), "u2": _page([3, 4], "u3"), "u3": _page([5])})
    res = collect(get, "u1")
    assert [i["@iot.id"] for i in res.items] == [1, 2, 3, 4, 5]
    assert res.pages == 3 and not res.truncated and not res.loop
    res = collect(get, "u1", max_items=3)
    assert [i["@iot.id"] for i in res.items] == [1, 2, 3] and res.truncated


def test_paging_drops_entities_a_later_page_repeats():
    get = Pages({"u1": _page([1, 2], "u2"), "u2": _page([2, 3])})
    res = collect(get, "u1")
    assert [i["@iot.id"] for i in res.items] == [1, 2, 3] and res.duplicates == 1


def test_paging_stops_on_a_loop():
    get = Pages({"u1": _page([1, 2], "u2"), "u2": _page([3], "u1")})
    res = collect(get, "u1")
    assert [i["@iot.id"] for i in res.items] == [1, 2, 3] and res.loop
    assert "already read" in res.warnings[0]
    # a "never-ending" page: new URLs, same entities
    get = Pages({"p{}".format(k): _page([1, 2], "p{}".format(k + 1)) for k in range(50)})
    res = collect(get, "p0")
    assert len(res.items) == 2 and res.loop and len(get.requests) == 2


def test_paging_bad_documents():
    with pytest.raises(ParseError, match="not a SensorThings collection"):
        collect(Pages({"u": {"items": []}}), "u")
    with pytest.raises(ParseError):
        collect(Pages({"u": ParseError("broken JSON")}), "u")
    with pytest.raises(NetworkError):
        collect(Pages({}), "u")


def test_expanded_collection_paging_and_broken_next_link():
    ds_self = B + "/Datastreams('a')"
    entity = {"@iot.id": "a", "@iot.selfLink": ds_self,
              "Observations": [{"@iot.id": 1}, {"@iot.id": 2}],
              "Observations@iot.nextLink": B + "/Datastreams('a')/Observations?$top=2&$skip=2"}
    get = Pages({B + "/Datastreams('a')/Observations?$top=2&$skip=2": _page([3, 4], "n2"),
                 "n2": _page([5])})
    complete_expanded(get, entity, "Observations")
    assert [o["@iot.id"] for o in entity["Observations"]] == [1, 2, 3, 4, 5]
    # the nextLink addresses the parent collection (as django-ogc-sensorthings does):
    # a separate request on the entity's navigation path replaces it
    entity = {"@iot.id": "a", "@iot.selfLink": ds_self,
              "Observations": [{"@iot.id": 1}, {"@iot.id": 2}],
              "Observations@iot.nextLink": B + "/Datastreams?$expand=Observations($top=2;$skip=2)"}
    own = B + "/Datastreams('a')/Observations?$top=2&$skip=2"
    get = Pages({own: _page([3])})
    complete_expanded(get, entity, "Observations", Query(top=2))
    assert get.requests == [own]
    assert [o["@iot.id"] for o in entity["Observations"]] == [1, 2, 3]


def test_client_falls_back_when_orderby_and_nested_expand_fail():
    now = datetime(2026, 7, 1, 12, tzinfo=UTC)
    err500 = NetworkError(NetworkError.KIND_HTTP, "x", "HTTP 500", status=500)
    path = B + "/Datastreams(7)/Observations"
    since = (now - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    pages = {
        path + "?$select=@iot.id,phenomenonTime,result&$orderby=phenomenonTime%20desc&$top=1":
            err500,
        path + "?$filter=phenomenonTime%20ge%20" + since + "&$select=@iot.id,phenomenonTime,result":
            {"value": [{"@iot.id": 1, "phenomenonTime": "2026-07-01T11:00:00Z", "result": 20},
                       {"@iot.id": 3, "phenomenonTime": "2026-07-01T11:50:00Z", "result": 22},
                       {"@iot.id": 2, "phenomenonTime": "2026-07-01T11:30:00Z", "result": 21}]},
        B + "/Things?$expand=Locations,Datastreams": {"value": [
            {"@iot.id": "s1", "name": "S1", "Locations": [
                {"location": {"type": "Point", "coordinates": [7.8, 51.7]}}],
             "Datastreams": [{"@iot.id": 7, "name": "T"}]}]},
        B + "/ObservedProperties?$expand=Datastreams($select=@iot.id)": err500,
        B + "/ObservedProperties?$expand=Datastreams": {"value": [
            {"@iot.id": 1, "name": "air_temperature", "Datastreams": [{"@iot.id": 7}]}]},
    }
    client = StaClient(B, Pages(pages))
    latest = client.latest(7, now=now)
    assert latest.result == 22 and client.caps.orderby is False
    dss = client.datastreams()
    assert dss[0].thing.position == (7.8, 51.7) and client.caps.nested_expand is False
    assert dss[0].observed_property == "air_temperature"
    # server down is not a missing capability: it is reported
    down = NetworkError(NetworkError.KIND_CONNECTION, "x", "refused")
    pages[B + "/ObservedProperties?$expand=Datastreams($select=@iot.id)"] = down
    with pytest.raises(NetworkError):
        StaClient(B, Pages(pages)).datastreams()


def test_client_observations_sorted_on_the_client():
    err = NetworkError(NetworkError.KIND_HTTP, "x", "HTTP 500", status=500)
    path = B + "/Datastreams('d')/Observations?$select=@iot.id,phenomenonTime,result"
    get = Pages({path + "&$orderby=phenomenonTime%20asc": err,
                 path: {"value": [{"phenomenonTime": "2026-07-01T10:%02d:00Z" % m, "result": m}
                                  for m in (30, 10, 20)]}})
    obs = StaClient(B, get).observations("d")
    assert [o.result for o in obs] == [10, 20, 30]


# -- MQTT codec ---------------------------------------------------------------------------
def test_remaining_length_roundtrip():
    for n in (0, 1, 127, 128, 16383, 16384, 2097151, 2097152, mqtt.MAX_REMAINING):
        enc = mqtt.encode_remaining_length(n)
        assert mqtt.decode_remaining_length(enc, 0) == (n, len(enc))
    assert mqtt.encode_remaining_length(321) == bytes([0xC1, 0x02])
    assert mqtt.decode_remaining_length(bytes([0x80]), 0) is None
    with pytest.raises(mqtt.MqttProtocolError):
        mqtt.decode_remaining_length(bytes([0xFF, 0xFF, 0xFF, 0xFF, 0x01]), 0)
    with pytest.raises(mqtt.MqttProtocolError):
        mqtt.encode_remaining_length(mqtt.MAX_REMAINING + 1)


def test_connect_subscribe_ping_bytes():
    pkt = mqtt.connect("hamm", keepalive_s=60)
    assert pkt == (bytes([0x10, 16]) + b"\x00\x04MQTT" + bytes([4, 0x02, 0, 60])
                   + b"\x00\x04hamm")
    pkt = mqtt.connect("c", username="u", password="p")
    assert pkt[9] == 0x02 | 0x80 | 0x40
    sub = mqtt.subscribe(1, ["v1.1/Datastreams(1)/Observations"])
    assert sub[0] == 0x82 and sub[2:4] == b"\x00\x01" and sub[-1] == 0
    assert mqtt.pingreq() == b"\xc0\x00" and mqtt.disconnect() == b"\xe0\x00"
    with pytest.raises(mqtt.MqttProtocolError):
        mqtt.subscribe(0, ["a"])
    with pytest.raises(mqtt.MqttProtocolError):
        mqtt.subscribe(1, [])


def test_decoder_in_pieces_and_bad_packets():
    stream = (bytes([0x20, 2, 0, 0]) + bytes([0x90, 3, 0, 1, 0])
              + mqtt.publish("a/b", b'{"x":1}' * 40) + bytes([0xD0, 0])
              + bytes([0x32]) + mqtt.encode_remaining_length(2 + 3 + 2 + 2)
              + b"\x00\x03a/c" + b"\x00\x09" + b"hi")
    dec = mqtt.Decoder()
    got = []
    for i in range(0, len(stream), 5):
        got.extend(dec.feed(stream[i:i + 5]))
    assert [p.type for p in got] == [mqtt.CONNACK, mqtt.SUBACK, mqtt.PUBLISH, mqtt.PINGRESP,
                                     mqtt.PUBLISH]
    assert got[1].granted == (0,) and got[2].topic == "a/b"
    assert got[2].payload == b'{"x":1}' * 40
    assert got[4].packet_id == 9 and got[4].payload == b"hi"
    for bad in (bytes([0x20, 1, 0]), bytes([0x30, 1, 0]), bytes([0x30, 3, 0, 9, 65]),
                bytes([0xC0, 0]), bytes([0xD0, 1, 0])):
        with pytest.raises(mqtt.MqttProtocolError):
            mqtt.Decoder().feed(bad)
    with pytest.raises(mqtt.MqttProtocolError):
        mqtt.Decoder(max_packet=10).feed(bytes([0x30, 100]))
    assert struct.unpack("!H", mqtt.puback(5)[2:]) == (5,)


def test_topics_and_backoff():
    assert mqtt.topic_matches("v1.1/Datastreams(+)/Observations", "v1.1/Datastreams(+)/Observations")
    assert mqtt.topic_matches("v1.1/#", "v1.1/Datastreams(1)/Observations")
    assert mqtt.topic_matches("a/+/c", "a/b/c") and not mqtt.topic_matches("a/+/c", "a/b/d")
    assert not mqtt.topic_matches("a/b", "a/b/c")
    assert [mqtt.backoff_s(a) for a in (1, 2, 3, 10)] == [1, 2, 4, 30]


def test_mqtt_observation_messages():
    assert datastream_of_topic("v1.1/Datastreams(12)/Observations") == 12
    assert datastream_of_topic("v1.1/Datastreams('a''b')/Observations") == "a'b"
    assert datastream_of_topic("v1.1/Things(1)") is None
    ds, obs = parse_mqtt_observation("v1.1/Datastreams('x')/Observations",
                                     b'{"phenomenonTime": "2026-07-01T10:00:00Z", "result": 31.5}')
    assert ds == "x" and obs.result == 31.5
    for topic, payload in (("v1.1/Datastreams(1)/Observations", b"not json"),
                           ("v1.1/Datastreams(1)/Observations", b"\xff\xfe"),
                           ("v1.1/Datastreams(1)/Observations",
                            b'{"phenomenonTime": "2026-07-01T10:00:00Z"}'),
                           ("v1.1/Datastreams(1)/Observations", b'{"result": 1}'),
                           ("other/topic", b'{"result": 1}')):
        with pytest.raises(ParseError):
            parse_mqtt_observation(topic, payload)


def test_live_row_keeps_the_newest_and_ages():
    row = LiveRow(1, "T", "S", "air_temperature", "°C", 7.8, 51.7)
    now = datetime(2026, 7, 1, 12, tzinfo=UTC)
    assert row.stale(now, 3600)
    _ds, newer = parse_mqtt_observation("Datastreams(1)/Observations",
                                        b'{"phenomenonTime": "2026-07-01T11:50:00Z", "result": 25}')
    _ds, older = parse_mqtt_observation("Datastreams(1)/Observations",
                                        b'{"phenomenonTime": "2026-07-01T11:00:00Z", "result": 20}')
    assert row.apply(newer) and not row.apply(older)
    assert row.value == 25 and row.age_s(now) == 600 and not row.stale(now, 3600)


# -- statistics and warnings --------------------------------------------------------------
def test_aggregate_per_district_hour_and_day():
    t0 = datetime(2026, 7, 1, 13, tzinfo=UTC)
    rows = []
    for k in range(12):  # 2 hours, 10-minute steps, 2 stations in "mitte", 1 in "uentrop"
        t = t0 + timedelta(minutes=10 * k)
        rows.append(("mitte", "a", t, 29.0 + k * 0.5))
        rows.append(("mitte", "b", t, 31.0))
        rows.append(("uentrop", "c", t, 20.0))
    stats = aggregate(rows, HOUR, threshold=30.5)
    mitte = [s for s in stats if s.district == "mitte"]
    first = [29.0 + k * 0.5 for k in range(6)] + [31.0] * 6
    second = [29.0 + k * 0.5 for k in range(6, 12)] + [31.0] * 6
    assert mitte[0].mean == pytest.approx(sum(first) / 12)
    assert (mitte[0].min, mitte[1].max) == (29.0, max(second))
    assert [s.hours_over for s in mitte] == [int(sum(first) / 12 >= 30.5),
                                             int(sum(second) / 12 >= 30.5)]
    assert mitte[0].stations == 2 and mitte[0].count == 12
    days = aggregate(rows, DAY, threshold=30.5)
    assert [(d.district, d.count, d.hours_over) for d in days] == [
        ("mitte", 24, sum(s.hours_over for s in mitte)), ("uentrop", 12, 0)]
    with pytest.raises(ValueError):
        aggregate(rows, "week")


def test_warnings_once_per_event():
    tracker = WarningTracker()
    seq = [25, 30.2, 30.4, 31, 35.5, 34, 29.8, 29.4, 30.1]
    events = [tracker.update("d1", "air_temperature", v, station="S1") for v in seq]
    fired = [(i, e.label) for i, e in enumerate(events) if e]
    assert fired == [(1, "Heat"), (4, "Extreme heat"), (8, "Heat")]
    assert events[1].message() == "Heat at S1: 30.2 (threshold 30.0)"
    # with the Datastream's unit, the value and the threshold carry it
    event = WarningTracker().update("d9", "precipitation", 17.66, station="Grünzug", unit="mm/h")
    assert event.unit == "mm/h"
    assert event.message() == "Heavy rain at Grünzug: 17.7 mm/h (threshold 15.0 mm/h)"
    assert tracker.update("d2", "precipitation", 16) is not None
    assert tracker.update("d3", "wind_speed", 50) is None
    assert tracker.update("d1", "air_temperature", None) is None


def test_history_period_fixed_or_rolling_and_broken():
    from datetime import datetime, timedelta, timezone

    from hamm_sensors.logic.timeseries import history_period, history_spec
    now = datetime(2026, 7, 2, 12, 0, tzinfo=timezone.utc)
    start, end = datetime(2026, 7, 1, 6, 0, tzinfo=timezone.utc), datetime(
        2026, 7, 1, 9, 30, tzinfo=timezone.utc)
    # a period chosen in the dialog comes back unchanged, whenever the project is opened
    assert history_period(history_spec(["air_temperature"], start, end), now) == (
        ["air_temperature"], start, end)
    assert history_period(history_spec([], hours=6), now) == ([], now - timedelta(hours=6), now)
    # the demo's older form and a time without zone (read as UTC)
    assert history_period('{"hours": 24, "props": ["x"]}', now)[1] == now - timedelta(hours=24)
    assert history_period('{"start": "2026-07-01T06:00:00", "end": "2026-07-01T09:30:00"}',
                          now)[1:] == (start, end)
    for broken in ('{"hours": "viele"}', "[kaputt", '{"start": "gestern", "end": "heute"}',
                   '{"start": "2026-07-01T09:00:00+00:00"}', '{"hours": -2}',
                   '{"start": "2026-07-01T09:00:00+00:00", "end": "2026-07-01T08:00:00+00:00"}',
                   '{"hours": NaN}', '["props"]'):
        with pytest.raises(ValueError):
            history_period(broken, now)
