"""Warning thresholds (settings, dialog) and the warnings layer, against the real
SensorThings server; expected events computed from what the fixture inserted."""

import json
from datetime import timedelta

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
from sensors_servers import station_lonlat

from hamm_core.adapters.settings import Settings
from hamm_core.adapters.tasks import wait_for
from hamm_core.logic.errors import ParseError
from hamm_sensors.adapters.live_layer import LiveLayer
from hamm_sensors.adapters.warnings_layer import (
    load_thresholds,
    reset_thresholds,
    save_thresholds,
)
from hamm_sensors.logic.live import LiveRow
from hamm_sensors.logic.model import Observation
from hamm_sensors.logic.warnings import (
    DEFAULT_THRESHOLDS,
    thresholds_from_json,
    thresholds_from_rows,
    thresholds_to_json,
)

pytestmark = [pytest.mark.qgis, pytest.mark.server]


@pytest.fixture
def clean_thresholds(qgis_app):
    reset_thresholds()
    yield
    reset_thresholds()


def test_defaults_are_the_documented_levels():
    assert [v for v, _l in DEFAULT_THRESHOLDS["air_temperature"]] == [30.0, 35.0]
    assert [v for v, _l in DEFAULT_THRESHOLDS["precipitation"]] == [15.0, 25.0]


def test_rows_and_json():
    th = thresholds_from_rows([("air_temperature", "31,5", "Warm"), ("", "", ""),
                               ("air_temperature", "28", ""), ("wind_speed", " 20 ", "Sturm")])
    assert th == {"air_temperature": [(28.0, "air_temperature"), (31.5, "Warm")],
                  "wind_speed": [(20.0, "Sturm")]}
    assert thresholds_from_json(thresholds_to_json(th)) == th
    with pytest.raises(ValueError, match="Row 1: 'warm' is not a number"):
        thresholds_from_rows([("air_temperature", "warm", "x")])
    with pytest.raises(ValueError, match="Row 2: the observed property is missing"):
        thresholds_from_rows([("a", "1", ""), ("", "2", "x")])
    with pytest.raises(ValueError, match="already has the threshold"):
        thresholds_from_rows([("a", "1", ""), ("a", "1.0", "x")])
    with pytest.raises(ValueError, match="not a number"):
        thresholds_from_rows([("a", "nan", "")])


@pytest.mark.parametrize("text", ["kaputt{", "[1, 2]", '{"a": 5}', '{"a": [["x", "l"]]}',
                                  '{"a": [[true, "l"]]}'])
def test_broken_json_is_a_parse_error(text):
    with pytest.raises(ParseError):
        thresholds_from_json(text)


def test_settings_roundtrip_and_broken_settings(clean_thresholds):
    assert load_thresholds() == DEFAULT_THRESHOLDS
    mine = {"air_temperature": [(26.0, "Warm")]}
    save_thresholds(mine)
    assert load_thresholds() == mine
    assert json.loads(Settings("sensors").value("thresholds", "", str)) == {
        "air_temperature": [[26.0, "Warm"]]}
    Settings("sensors").set_value("thresholds", "kaputt{")
    assert load_thresholds() == DEFAULT_THRESHOLDS  # broken settings: defaults, no crash


def test_dialog_edits_and_validates(clean_thresholds):
    from hamm_sensors.gui.thresholds_dialog import ThresholdsDialog
    dialog = ThresholdsDialog()
    try:
        rows = dialog.rows()
        assert sorted((p, float(v)) for p, v, _l in rows) == [
            ("air_temperature", 30.0), ("air_temperature", 35.0),
            ("precipitation", 15.0), ("precipitation", 25.0)]
        dialog.table.item(0, 1).setText("31,5")
        row = dialog.add_row("wind_speed", "abc", "Sturm")
        assert dialog.apply() is False
        assert "'abc' is not a number" in dialog.error.text()
        assert load_thresholds() == DEFAULT_THRESHOLDS  # nothing saved
        dialog.table.item(row, 1).setText("17.2")
        assert dialog.apply() is True
        saved = load_thresholds()
        assert saved["air_temperature"] == [(31.5, "Heat"), (35.0, "Extreme heat")]
        assert saved["wind_speed"] == [(17.2, "Sturm")]
        assert saved == dialog.saved
    finally:
        dialog.deleteLater()


def test_warnings_layer_one_feature_per_event(clean_thresholds, sta_network):
    # thresholds chosen from the inserted data so that some stations are above them
    end = sta_network.end
    last = {ds: sta_network.observations[ds][-1] for ds in sta_network.datastreams}
    fresh = [ds for ds, (s, _p) in sta_network.datastreams.items()
             if s != sta_network.stale_station]
    temps = sorted(last[ds][1] for ds in fresh if ds in sta_network.ids_of("air_temperature"))
    low, high = temps[len(temps) // 2], temps[-1]
    assert low < high
    save_thresholds({"air_temperature": [(low, "Warm"), (high, "Hot")]})
    live = LiveLayer(sta_network.base_url, interval_s=0, stale_after_s=3600)
    warnings = live.enable_warnings_layer()
    try:
        assert wait_for(live.refresh(), 120)
        expected = {}
        for ds in fresh:
            if ds not in sta_network.ids_of("air_temperature"):
                continue
            value = last[ds][1]
            if value >= low:
                expected[ds] = (2 if value >= high else 1, value)
        feats = {f["ds_id"]: f for f in warnings.layer.getFeatures()}
        assert len(feats) == warnings.layer.featureCount() == len(expected) >= 2
        to_utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                        QgsCoordinateReferenceSystem("EPSG:25832"),
                                        QgsProject.instance())
        for ds, (level, value) in expected.items():
            f = feats[ds]
            assert (f["level"], f["value"]) == (level, pytest.approx(value))
            assert f["threshold"] == pytest.approx(high if level == 2 else low)
            assert f["label"] == ("Hot" if level == 2 else "Warm")
            assert f["unit"] == "°C"  # the Datastream's unitOfMeasurement symbol
            assert f["time"].toMSecsSinceEpoch() == int(last[ds][0].timestamp() * 1000)
            station = sta_network.datastreams[ds][0]
            assert f.geometry().asPoint().distance(
                to_utm.transform(QgsPointXY(*station_lonlat(station)))) < 0.01
        # the next refresh with the same values: no new warning
        assert wait_for(live.refresh(), 120)
        assert warnings.layer.featureCount() == len(expected)
        # a station below the threshold rises above it: exactly one new event
        below = next(ds for ds in fresh if ds in sta_network.ids_of("air_temperature")
                     and ds not in expected)
        row: LiveRow = live.rows[below]
        t = end + timedelta(minutes=1)
        row.apply(Observation(None, t, t, low + 0.2))
        live._write([row])
        live._write([row])
        assert warnings.layer.featureCount() == len(expected) + 1
        # it falls below (beyond the hysteresis) and rises again: a second event
        for minutes, value in ((2, low - 1.0), (3, low + 0.3)):
            t = end + timedelta(minutes=minutes)
            row.apply(Observation(None, t, t, value))
            live._write([row])
        assert warnings.layer.featureCount() == len(expected) + 2
        # thresholds edited while running apply at once, without repeating warnings
        live.set_thresholds({"air_temperature": [(high + 10.0, "Extreme")]})
        live._write(list(live.rows.values()))
        assert warnings.layer.featureCount() == len(expected) + 2
    finally:
        live.stop()
