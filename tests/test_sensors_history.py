"""History layer (temporal controller) and time-series dock against the real
django-ogc-sensorthings server; expected values come from what the fixture inserted."""

import csv
from datetime import timedelta

import pytest
from qgis.core import (
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtGui import QColor, QImage

from hamm_core.adapters.tasks import wait_for
from hamm_sensors.adapters.history_layer import load_history, qdatetime
from hamm_sensors.adapters.live_layer import LiveLayer
from hamm_sensors.logic.timeseries import nice_ticks, time_ticks

pytestmark = [pytest.mark.qgis, pytest.mark.server]


def test_nice_ticks_and_time_ticks():
    assert nice_ticks(17.3, 31.2) == [15.0, 20.0, 25.0, 30.0, 35.0]
    assert nice_ticks(5.0, 5.0) == [4.0, 4.5, 5.0, 5.5, 6.0]
    from datetime import datetime, timezone
    t0 = datetime(2026, 7, 1, 10, 7, tzinfo=timezone.utc)
    ticks = time_ticks(t0, t0 + timedelta(hours=6))
    assert ticks[0] == datetime(2026, 7, 1, 11, tzinfo=timezone.utc)
    assert all((b - a) == timedelta(hours=1) for a, b in zip(ticks, ticks[1:]))


def test_history_layer_plays_in_the_temporal_controller(qgis_app, sta_network):
    end = sta_network.end
    start = end - timedelta(hours=3)
    got = {}

    def done(layer, warnings):
        got["layer"], got["warnings"] = layer, warnings

    task = load_history(sta_network.base_url, props=["air_temperature"], start=start, end=end,
                        on_done=done, on_error=lambda e: got.setdefault("error", e))
    assert wait_for(task, 300)
    assert "error" not in got
    layer = got.pop("layer")
    try:
        expected = {(ds, int(t.timestamp() * 1000)): v
                    for ds in sta_network.ids_of("air_temperature")
                    for t, v in sta_network.observations[ds] if start <= t <= end}
        feats = list(layer.getFeatures())
        assert len(feats) == len(expected) > 30 * 18 - 20
        for f in feats:
            key = (f["ds_id"], f["time"].toMSecsSinceEpoch())
            assert f["value"] == pytest.approx(expected[key])
            assert f["unit"] == "°C" and f["property"] == "air_temperature"
            assert not f.geometry().isNull()
        props = layer.temporalProperties()
        assert props.isActive()
        assert props.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField
        assert props.startField() == "time"
        assert props.fixedDuration() == pytest.approx(600.0)
        # the temporal controller shows one frame: exactly the observations at that time
        frame_t = end - timedelta(hours=1)
        context = QgsVectorLayerTemporalContext()
        context.setLayer(layer)
        frame = QgsDateTimeRange(qdatetime(frame_t), qdatetime(frame_t + timedelta(minutes=10)),
                                 True, False)
        expr = props.createFilterString(context, frame)
        shown = list(layer.getFeatures(QgsFeatureRequest().setFilterExpression(expr)))
        want = {ds: v for (ds, ms), v in expected.items()
                if ms == int(frame_t.timestamp() * 1000)}
        assert len(want) == 29  # the stale station stopped three hours before the end
        assert {f["ds_id"]: f["value"] for f in shown} == pytest.approx(want)
    finally:
        del layer


def test_history_of_a_dead_server_reports(qgis_app):
    from conftest import free_port

    from hamm_core.logic.errors import NetworkError
    errors = []
    task = load_history("http://127.0.0.1:{}/v1.1".format(free_port()),
                        on_done=lambda layer, w: errors.append("layer"),
                        on_error=errors.append)
    assert wait_for(task, 120)
    assert len(errors) == 1 and isinstance(errors[0], NetworkError)


def _close(c: QColor, color: QColor) -> bool:
    return abs(c.red() - color.red()) + abs(c.green() - color.green()) + \
        abs(c.blue() - color.blue()) < 60


def _colored_pixels(image: QImage, color: QColor) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) + abs(c.green() - color.green()) + \
                    abs(c.blue() - color.blue()) < 60:
                n += 1
    return n


def test_time_series_dock_chart_table_and_csv(qgis_app, sta_network, tmp_path):
    from hamm_sensors.gui.timeseries_dock import TimeSeriesDock
    live = LiveLayer(sta_network.base_url, interval_s=0, filter_="name eq 'Station 02'")
    dock = TimeSeriesDock()
    try:
        assert wait_for(live.refresh(), 120)
        wanted = {sta_network.datastream(2, "air_temperature"),
                  sta_network.datastream(2, "relative_humidity")}
        live.layer.selectByIds([f.id() for f in live.layer.getFeatures()
                                if f["ds_id"] in wanted])
        end = sta_network.end
        start = end - timedelta(hours=2)
        dock.set_period(start, end)
        task = dock.load_selection(live.layer)
        assert task is not None and wait_for(task, 120)
        assert dock.error is None
        assert {s.datastream_id for s in dock.series} == wanted
        for s in dock.series:
            inserted = [(t, v) for t, v in sta_network.observations[s.datastream_id]
                        if start <= t <= end]
            assert s.points == inserted and len(inserted) == 13
            assert s.unit == {"air_temperature": "°C", "relative_humidity": "%"}[s.prop]
        # the table: one row per datastream with count, min, max, mean
        assert dock.model.rowCount() == 2
        for row in range(2):
            prop = dock.model.item(row, 1).text()
            values = [v for t, v in sta_network.observations[sta_network.datastream(2, prop)]
                      if start <= t <= end]
            assert dock.model.item(row, 3).text() == str(len(values))
            assert float(dock.model.item(row, 4).text()) == pytest.approx(min(values), abs=0.01)
            assert float(dock.model.item(row, 6).text()) == pytest.approx(
                sum(values) / len(values), abs=0.01)
        # two units: one per axis, named on the axis
        titles = dock.chart.axis_titles()
        assert sorted(titles) == ["air_temperature [°C]", "relative_humidity [%]"]
        # the chart draws both lines
        dock.chart.resize(640, 360)
        image = dock.chart.grab().toImage()
        for i in range(2):
            assert _colored_pixels(image, dock.chart.color_of(i)) > 20
        # CSV: every observation with time, id, value and unit
        path = tmp_path / "reihe.csv"
        assert dock.export_csv(str(path)) == 26
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 26
        for r in rows:
            t = next(t for t, _v in sta_network.observations[r["datastream_id"]]
                     if t.strftime("%Y-%m-%dT%H:%M:%SZ") == r["time"])
            assert float(r["value"]) == dict(sta_network.observations[r["datastream_id"]])[t]
            assert r["unit"] in ("°C", "%") and r["station"] == "Station 02"
    finally:
        live.stop()
        dock.deleteLater()


def test_time_series_dock_messages(qgis_app, tmp_path):
    from conftest import free_port

    from hamm_sensors.gui.timeseries_dock import TimeSeriesDock
    dock = TimeSeriesDock()
    other = QgsVectorLayer("Point?crs=EPSG:25832&field=ds_id:string", "x", "memory")
    try:
        assert dock.load_selection(other) is None
        assert "not a sensor layer" in dock.status.text()
        live = LiveLayer("http://127.0.0.1:{}/v1.1".format(free_port()), interval_s=0)
        assert dock.load_selection(live.layer) is None
        assert "Select one or more sensors" in dock.status.text()
        from hamm_sensors.logic.timeseries import Series
        start, end = dock.period()
        task = dock.load(live.base_url, "", [Series("x", "x", "S", "p", "u")], start, end)
        assert wait_for(task, 120)
        assert dock.error is not None and dock.series == []
        assert "127.0.0.1" in dock.status.text()
        live.stop()
        bad = tmp_path / "missing-folder" / "x.csv"
        assert dock.save_csv(str(bad)) is False
        assert "Could not write" in dock.status.text() and not bad.exists()
    finally:
        dock.deleteLater()
        del other



def test_history_dialog_and_period_edits_in_utc(qgis_app):
    from datetime import datetime, timezone

    from hamm_sensors.gui.history_dialog import HistoryDialog
    from hamm_sensors.gui.timeseries_dock import TimeSeriesDock, from_utc
    dialog = HistoryDialog(url="http://127.0.0.1:1/v1.1")
    dock = TimeSeriesDock()
    try:
        start = datetime(2026, 7, 1, 12, 30, tzinfo=timezone.utc)
        end = datetime(2026, 7, 2, 6, 0, tzinfo=timezone.utc)
        dock.set_period(start, end)
        assert dock.period() == (start, end)
        assert dock.start_edit.text() == "01.07.2026 12:30"  # shown in UTC, as labelled
        dialog.props.setText(" air_temperature, precipitation ,")
        dialog.start.setDateTime(from_utc(start))
        dialog.end.setDateTime(from_utc(end))
        values = dialog.values()
        assert values["props"] == ["air_temperature", "precipitation"]
        assert (values["start"], values["end"]) == (start, end)
        dialog.end.setDateTime(from_utc(start))
        assert dialog.values() is None
        assert "end of the period" in dialog.error.text()
        dialog.url.setText(" ")
        assert dialog.values() is None and "address" in dialog.error.text()
    finally:
        dialog.deleteLater()
        dock.deleteLater()


def test_chart_two_units_on_two_axes_more_in_panels(qgis_app):
    from datetime import datetime, timezone

    from hamm_sensors.gui.chart import ChartWidget
    from hamm_sensors.logic.timeseries import Series
    t = datetime(2026, 7, 1, tzinfo=timezone.utc)
    kinds = [("air_temperature", "°C"), ("relative_humidity", "%"), ("air_temperature", "°C"),
             ("wind_speed", "m/s")]
    series = [Series(i, "n{}".format(i), "S", prop, unit,
                     points=[(t + timedelta(minutes=10 * k), float((k * (i + 2)) % 7))
                             for k in range(12)])
              for i, (prop, unit) in enumerate(kinds)]
    chart = ChartWidget()
    # two units: one panel, left and right axis
    chart.set_series(series[:3])
    assert chart.panels() == [[("°C", [0, 2]), ("%", [1])]]
    assert chart.axis_titles() == ["air_temperature [°C]", "relative_humidity [%]"]
    assert chart.legend_entries()[1].endswith("(%, right axis)")
    # three units: a panel per unit, every series drawn
    chart.set_series(series)
    assert chart.panels() == [[("°C", [0, 2])], [("%", [1])], [("m/s", [3])]]
    assert chart.axis_titles() == ["air_temperature [°C]", "relative_humidity [%]",
                                   "wind_speed [m/s]"]
    assert chart.legend_entries() == [
        "S – air_temperature (°C, panel 1)", "S – relative_humidity (%, panel 2)",
        "S – air_temperature (°C, panel 1)", "S – wind_speed (m/s, panel 3)"]
    chart.resize(600, 520)
    boxes = chart.panel_rects()
    assert len(boxes) == 3 and all(a.bottom() < b.top() for a, b in zip(boxes, boxes[1:]))
    image = chart.grab().toImage()
    for i in range(4):
        assert _colored_pixels(image, chart.color_of(i)) > 10, i
    # the wind line lies in the third panel only
    wind = chart.color_of(3)
    rows = [y for y in range(image.height()) for x in range(0, image.width(), 3)
            if _close(image.pixelColor(x, y), wind)
            and chart.MARGIN_LEFT < x < image.width() - chart.MARGIN_RIGHT]
    plot_rows = [y for y in rows if y < boxes[-1].bottom() + 1]
    assert plot_rows and min(plot_rows) >= boxes[2].top() - 2
    chart.deleteLater()
