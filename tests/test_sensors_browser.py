"""Entity browser: catalog of the real SensorThings server, filters (property, area,
text) and the GUI path from a selection to a live layer."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QItemSelectionModel
from sensors_servers import PROPERTIES, station_lonlat

from hamm_core.adapters.tasks import wait_for
from hamm_sensors.adapters.live_layer import LiveLayer
from hamm_sensors.adapters.sta import make_client
from hamm_sensors.logic.browser import (
    DATASTREAMS,
    LOCATIONS,
    SENSORS,
    THINGS,
    EntityRow,
    datastream_positions,
    datastreams_of,
    filter_rows,
    load_catalog,
)
from hamm_sensors.logic.browser import PROPERTIES as OBSERVED_PROPERTIES

pytestmark = [pytest.mark.qgis, pytest.mark.server]


@pytest.mark.pure
def test_filter_rows_logic():
    rows = [EntityRow(DATASTREAMS, 1, "Temperatur Nord", "am Dach", "Station A · °C", 7.8, 51.7,
                      {"air_temperature"}, [1]),
            EntityRow(DATASTREAMS, 2, "Regen Nord", "", "Station A · mm", 7.8, 51.7,
                      {"precipitation"}, [2]),
            EntityRow(DATASTREAMS, 3, "Temperatur Süd", "", "Station B · °C", 7.9, 51.6,
                      {"air_temperature"}, [3]),
            EntityRow(SENSORS, "s", "Sensor X", "", "", None, None,
                      {"air_temperature", "precipitation"}, [1, 3])]
    assert [r.id for r in filter_rows(rows, prop="air_temperature")] == [1, 3, "s"]
    assert [r.id for r in filter_rows(rows, text="nord TEMPERATUR")] == [1]
    assert [r.id for r in filter_rows(rows, text="station b")] == [3]
    north = lambda lon, lat: lat > 51.65  # noqa: E731
    positions = {1: (7.8, 51.7), 3: (7.9, 51.6)}
    assert [r.id for r in filter_rows(rows, inside=north, positions=positions)] == [1, 2, "s"]
    south = lambda lon, lat: lat < 51.65  # noqa: E731
    assert [r.id for r in filter_rows(rows, prop="air_temperature", inside=south,
                                      positions=positions)] == [3, "s"]
    assert datastreams_of([rows[3], rows[0], rows[2]]) == [1, 3]


@pytest.fixture(scope="module")
def catalog(qgis_app, sta_network):
    return load_catalog(make_client(sta_network.base_url, retries=0))


def test_catalog_of_the_server(catalog, sta_network):
    rows = catalog.rows
    assert len(rows[DATASTREAMS]) == len(sta_network.datastreams) == 150
    assert len(rows[THINGS]) == 30 and len(rows[LOCATIONS]) == 30
    # (the fixture's deep inserts create an ObservedProperty entity per Datastream)
    assert catalog.properties() == sorted(p[0] for p in PROPERTIES)
    for name in catalog.properties():
        same = [r for r in rows[OBSERVED_PROPERTIES] if r.name == name]
        assert set(datastreams_of(same)) == set(sta_network.ids_of(name))
    assert set(datastreams_of(rows[SENSORS])) == set(sta_network.datastreams)
    for r in rows[LOCATIONS]:
        station = int(r.name.split()[-1])
        assert (r.lon, r.lat) == pytest.approx(station_lonlat(station))
        assert {sta_network.datastreams[d][0] for d in r.datastream_ids} == {station}
    thing = next(r for r in rows[THINGS] if r.name == "Station 04")
    assert sorted(thing.props) == sorted(p[0] for p in PROPERTIES)
    assert {sta_network.datastreams[d] for d in thing.datastream_ids} == {
        (4, p) for p in range(len(PROPERTIES))}


def _utm(station):
    tr = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsCoordinateReferenceSystem("EPSG:25832"),
                                QgsProject.instance())
    return tr.transform(QgsPointXY(*station_lonlat(station)))


def test_browser_dock_filters_and_adds_a_live_layer(catalog, sta_network):
    from hamm_sensors.gui.browser_dock import AREA_EXTENT, BrowserDock
    created = []

    def add_live(url, authcfg, ids, name):
        live = LiveLayer(url, authcfg, interval_s=0, ids=ids, name=name)
        created.append(live)
        return live.refresh()

    dock = BrowserDock(on_add_live=add_live)
    try:
        dock.url.setText(sta_network.base_url)
        assert wait_for(dock.connect_api(), 300)
        assert dock.error is None
        assert dock.prop.count() == len(PROPERTIES) + 1
        # a map extent in EPSG:25832 around the western half of the stations
        xs = sorted(_utm(s).x() for s in range(30))
        ys = [_utm(s).y() for s in range(30)]
        rect = QgsRectangle(xs[0] - 10, min(ys) - 10, xs[14] + 10, max(ys) + 10)
        dock.extent = rect
        dock.set_filters(DATASTREAMS, "air_temperature", AREA_EXTENT, "")
        inside = {s for s in range(30) if rect.contains(_utm(s))}
        assert len(inside) == 15
        expected = {sta_network.datastream(s, "air_temperature") for s in inside}
        assert {r.id for r in dock.visible} == expected
        assert dock.model.rowCount() == 15
        assert "15 of 150" in dock.status.text()
        # text narrows further: one station
        dock.set_filters(DATASTREAMS, "air_temperature", AREA_EXTENT,
                         "Station {:02d}".format(min(inside)))
        assert [r.id for r in dock.visible] == [
            sta_network.datastream(min(inside), "air_temperature")]
        # Things in the extent with precipitation: select two, add them as a live layer
        dock.set_filters(THINGS, "precipitation", AREA_EXTENT, "")
        assert {int(r.name.split()[-1]) for r in dock.visible} == inside
        model = dock.table.selectionModel()
        for row in (0, 1):
            model.select(dock.model.index(row, 0),
                         QItemSelectionModel.Select | QItemSelectionModel.Rows)
        chosen = dock.selected_rows()
        assert len(chosen) == 2
        task = dock.add_live()
        assert task is not None and wait_for(task, 120)
        live = created[0]
        ids = {f["ds_id"] for f in live.layer.getFeatures()}
        stations = {int(r.name.split()[-1]) for r in chosen}
        assert ids == {d for d, (s, _p) in sta_network.datastreams.items() if s in stations}
        assert len(ids) == 2 * len(PROPERTIES)
        assert chosen[0].name in live.layer.name()
        # a district of the city profile
        from hamm_core.adapters.profile import active_profile
        per_district = [{s for s in range(30) if QgsGeometry.fromWkt(d.wkt).contains(
            QgsGeometry.fromPointXY(_utm(s)))} for d in active_profile().districts if d.wkt]
        best = max(range(len(per_district)), key=lambda i: len(per_district[i]))
        dock.set_filters(LOCATIONS, "", best, "")
        assert {int(r.name.split()[-1]) for r in dock.visible} == per_district[best]
        assert 0 < len(per_district[best]) < 30
    finally:
        for live in created:
            live.stop()
        dock.deleteLater()


def test_browser_dock_reports_a_dead_server(qgis_app):
    from conftest import free_port

    from hamm_sensors.gui.browser_dock import BrowserDock
    dock = BrowserDock()
    try:
        dock.url.setText("http://127.0.0.1:{}/v1.1".format(free_port()))
        assert wait_for(dock.connect_api(), 120)
        assert dock.error is not None and dock.catalog is None
        assert dock.status.text() and dock.model.rowCount() == 0
        assert dock.add_live() is None
        assert "Select entities" in dock.status.text()
    finally:
        dock.deleteLater()


def test_positions_cover_all_datastreams(catalog):
    assert len(datastream_positions(catalog)) == 150
