"""A live GBFS system in the project: fetch in a QgsTask, layers updated on the main
thread, refresh on the feed's ttl (or the user's interval).

No pile-up: the timer is single-shot and re-armed only when a refresh has finished, and a
refresh asked for while one runs is skipped. Removing a layer or unloading the plugin
stops the system.
"""

import contextlib
import json
import time
from typing import Dict, List, Optional

from qgis.core import QgsProject

from hamm_core.adapters import network
from hamm_core.adapters.messages import log
from hamm_core.adapters.tasks import PeriodicRefresh

from ..logic import gbfs
from ..logic.i18n import tr
from . import layers as lyr

_LIVE: List["GbfsLive"] = []


def group_name() -> str:
    return tr("Mobility map")


def live_systems() -> List["GbfsLive"]:
    return list(_LIVE)


def stop_all() -> None:
    for live in list(_LIVE):
        live.stop()


class GbfsLive(PeriodicRefresh):
    """One sharing system: up to three layers (stations, vehicles, geofencing zones)."""

    def __init__(self, url: str, *, interval_s: int = 0, authcfg: str = "",
                 language: str = "de", project: Optional[QgsProject] = None,
                 add_to_project: bool = True, on_update=None, on_error=None,
                 timeout_s: Optional[float] = None, retries: Optional[int] = None,
                 layers: Optional[Dict[str, object]] = None):
        super().__init__(on_update, on_error)
        self.url = url
        self.timeout_s = timeout_s
        self.retries = retries
        self.interval_s = interval_s
        self.authcfg = authcfg
        self.language = language
        self.project = project or QgsProject.instance()
        self.add_to_project = add_to_project
        self.discovery: Optional[gbfs.Discovery] = None
        self.snapshot: Optional[gbfs.Snapshot] = None
        # layers of a saved project (restore.py) are fed again
        self.layers: Dict[str, object] = dict(layers or {})
        self.syncs: Dict[str, lyr.PointSync] = {}
        self.last_update_s = 0.0
        for layer in self.layers.values():
            layer.willBeDeleted.connect(self.stop)
        _LIVE.append(self)

    # -- worker thread ------------------------------------------------------------------
    def task_title(self) -> str:
        return tr("GBFS: {url}").format(url=self.url)

    def work(self, task):
        def get_json(url):
            # live data: always from the server, never from QGIS's HTTP cache
            return network.fetch_json(url, authcfg=self.authcfg, feedback=task, cache=False,
                                      timeout_s=self.timeout_s, retries=self.retries)
        disc = self.discovery or gbfs.parse_discovery(get_json(self.url), self.url,
                                                      self.language)
        return disc, gbfs.load_system(self.url, get_json, self.language, disc)

    # -- main thread --------------------------------------------------------------------
    def next_interval_s(self) -> int:
        ttl = self.snapshot.ttl if self.snapshot is not None else None
        return gbfs.refresh_interval(ttl, self.interval_s)

    def apply(self, result) -> None:
        self.discovery, snap = result
        started = time.perf_counter()
        self.snapshot = snap
        self.update_layers(snap)
        self.last_update_s = time.perf_counter() - started
        for text in snap.warnings:
            log(text)

    def update_layers(self, snap: gbfs.Snapshot) -> None:
        ct = lyr.to_crs()
        extra = {"system": snap.name}
        wanted = []
        # points: kept in step by id (PointSync); zones: rebuilt
        if snap.stations or "stations" in self.layers:
            wanted.append(("stations", snap.stations, "Point", lyr.STATION_FIELDS,
                           tr("Stations – {system}"), lyr.style_stations, "station_id"))
        if snap.vehicles or "vehicles" in self.layers:
            wanted.append(("vehicles", snap.vehicles, "Point", lyr.VEHICLE_FIELDS,
                           tr("Vehicles – {system}"), lyr.style_vehicles, "fahrzeug_id"))
        if snap.zones or "zones" in self.layers:
            wanted.append(("zones", snap.zones, "MultiPolygon", lyr.ZONE_FIELDS,
                           tr("Geofencing zones – {system}"), lyr.style_zones,
                           lambda r: lyr.geojson_polygon(r["geometry"], ct)))
        for key, records, gtype, spec, title, style, geom in wanted:
            layer = self.layers.get(key)
            new = layer is None
            if new:
                layer = lyr.memory_layer(gtype, title.format(system=snap.name), spec)
                style(layer)
                layer.setCustomProperty("hamm_mobility/gbfs_url", self.url)
                layer.setCustomProperty("hamm_mobility/live", json.dumps(
                    {"kind": "gbfs", "urls": [self.url], "key": key,
                     "interval_s": self.interval_s}))
                self.layers[key] = layer
            if isinstance(geom, str):
                sync = self.syncs.get(key)
                if sync is None or sync.layer is not layer:
                    sync = self.syncs[key] = lyr.PointSync(layer, geom)
                sync.update(records, ct, extra)
            else:
                lyr.replace_features(layer, lyr.features(records, layer.fields(), geom,
                                                         extra))
            if new:
                layer.willBeDeleted.connect(self.stop)
                if self.add_to_project:
                    self._add(layer, snap.name)

    def _add(self, layer, system_name: str) -> None:
        root = self.project.layerTreeRoot()
        top = root.findGroup(group_name()) or root.insertGroup(0, group_name())
        sub = top.findGroup(system_name) or top.addGroup(system_name)
        self.project.addMapLayer(layer, False)
        sub.addLayer(layer)

    def on_stop(self) -> None:
        for layer in self.layers.values():
            with contextlib.suppress(TypeError, RuntimeError):
                layer.willBeDeleted.disconnect(self.stop)
        if self in _LIVE:
            _LIVE.remove(self)
