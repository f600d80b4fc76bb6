"""Traffic counts from a real SensorThings server (django-ogc-sensorthings, the
sta_empty fixture of the sensor tests) through hamm_sensors' client; and the clear
message when hamm_sensors is not installed."""

import sys
from datetime import datetime, timedelta, timezone

import pytest
from sensors_servers import OM_MEASUREMENT, sta_request

pytestmark = [pytest.mark.qgis, pytest.mark.server]

T0 = datetime(2024, 6, 3, 5, 0, tzinfo=timezone.utc)
KFZ = [120, 150, 90, 60]
RAD = [30, 25, 40, 10]


def _stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def counting_station(sta_empty):
    base = sta_empty.base_url
    sensor = {"name": "Zählkamera", "description": "KI-Zählkamera", "encodingType":
              "text/html", "metadata": "https://example.org/kamera"}

    def ds(name, prop):
        return {"name": name, "description": name, "observationType": OM_MEASUREMENT,
                "unitOfMeasurement": {"name": "count", "symbol": "1",
                                      "definition": "https://example.org/count"},
                "Sensor": sensor, "ObservedProperty": {
                    "name": prop, "definition": "https://example.org/def/" + prop,
                    "description": prop}}
    thing = {"name": "Zählstelle Ostring", "description": "Verkehrszählung",
             "Locations": [{"name": "Ostring", "description": "-",
                            "encodingType": "application/geo+json",
                            "location": {"type": "Point", "coordinates": [7.826, 51.679]}}],
             "Datastreams": [ds("Ostring Kfz", "Kfz"), ds("Ostring Rad", "Rad"),
                             ds("Ostring Temperatur", "Lufttemperatur")]}
    _s, location, _ = sta_request("POST", base + "/Things", thing)
    tid = location.split("(", 1)[1].rstrip(")").strip("'")
    _s, _l, doc = sta_request("GET", base + "/Things('{}')/Datastreams".format(tid))
    ids = {item["name"]: item["@iot.id"] for item in doc["value"]}
    step = timedelta(minutes=15)
    arrays = [{"Datastream": {"@iot.id": ids[name]}, "components": ["phenomenonTime", "result"],
               "dataArray": [[_stamp(T0 + k * step), v] for k, v in enumerate(values)]}
              for name, values in (("Ostring Kfz", KFZ), ("Ostring Rad", RAD),
                                   ("Ostring Temperatur", [21.5, 22.0, 22.5, 23.0]))]
    sta_request("POST", base + "/CreateObservations", arrays)
    return base


def test_counts_from_sensorthings(provider, counting_station):
    import processing
    result = processing.run("hamm_mobility:traffic_counts_sta", {
        "URL": counting_station, "STATIONS": "memory:", "INTERVALS": "memory:"})
    stations = list(result["STATIONS"].getFeatures())
    assert len(stations) == 1
    st = stations[0]
    assert st["name"] == "Zählstelle Ostring"
    assert (st["kfz"], st["rad"], st["fuss"]) == (sum(KFZ), sum(RAD), 0)
    assert st["intervalle"] == 4 and st["spitze"] == 150 + 25
    intervals = {f["zeit"]: f["gesamt"] for f in result["INTERVALS"].getFeatures()}
    assert intervals == {(T0 + k * timedelta(minutes=15)).isoformat(): KFZ[k] + RAD[k]
                         for k in range(4)}
    assert result["STATIONS"].crs().authid() == "EPSG:25832"


def test_counts_from_sensorthings_time_window(provider, counting_station):
    import processing
    result = processing.run("hamm_mobility:traffic_counts_sta", {
        "URL": counting_station, "START": "2024-06-03T05:15", "END": "2024-06-03T05:30Z",
        "STATIONS": "memory:"})
    st = next(result["STATIONS"].getFeatures())
    assert (st["kfz"], st["rad"], st["intervalle"]) == (150 + 90, 25 + 40, 2)


def test_counts_from_sensorthings_bad_time(provider, counting_station):
    import processing
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="is not a date and time"):
        processing.run("hamm_mobility:traffic_counts_sta", {
            "URL": counting_station, "START": "gestern", "STATIONS": "memory:"})


def test_counts_from_sensorthings_server_down(provider):
    import processing
    from conftest import free_port
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="Could not connect"):
        processing.run("hamm_mobility:traffic_counts_sta", {
            "URL": "http://127.0.0.1:{}/v1.1".format(free_port()), "STATIONS": "memory:"})


def test_counts_without_hamm_sensors(provider, monkeypatch):
    import processing
    from qgis.core import QgsProcessingException
    monkeypatch.setitem(sys.modules, "hamm_sensors.adapters.sta", None)  # not installed
    with pytest.raises(QgsProcessingException, match="Digitales Hamm Sensoren"):
        processing.run("hamm_mobility:traffic_counts_sta", {
            "URL": "http://127.0.0.1:1/v1.1", "STATIONS": "memory:"})
