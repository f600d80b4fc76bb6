"""A live point layer fed from one or more URLs: parking occupancy (DATEX II / JSON),
charging status (OCPI) and GTFS-Realtime vehicles.

Same rules as the live GBFS systems (gbfs_live.py): fetch and parse in a QgsTask, the
layer is updated on the main thread; the timer is single-shot and re-armed only when a
refresh has finished, a refresh asked for while one runs is skipped (no pile-up); on an
error the layer keeps its last state and the next interval tries again; removing the
layer or unloading the plugin stops the feed.
"""

import contextlib
import json
from typing import Callable, List, Optional, Sequence, Tuple

from qgis.core import QgsGeometry, QgsPointXY, QgsProject

from hamm_core.adapters import network
from hamm_core.adapters.messages import log
from hamm_core.adapters.tasks import PeriodicRefresh

from ..logic.i18n import tr
from . import layers as lyr
from .gbfs_live import group_name

_LIVE: List["LiveFeed"] = []
# A live layer remembers its feed in the project (restore.py restarts it on opening)
LIVE_PROPERTY = "hamm_mobility/live"

# work(fetch) -> (records, warnings); fetch(url) -> bytes (runs in the worker thread)
Work = Callable[[Callable[[str], bytes]], Tuple[List[dict], List[str]]]


def live_feeds() -> List["LiveFeed"]:
    return list(_LIVE)


def stop_all() -> None:
    for live in list(_LIVE):
        live.stop()


def record_geometry(rec: dict, ct) -> QgsGeometry:
    """lon/lat (WGS84) or x/y already in the layer CRS."""
    if rec.get("lon") is None and rec.get("x") is not None:
        return QgsGeometry.fromPointXY(QgsPointXY(rec["x"], rec["y"]))
    return lyr.point_geometry(rec, ct)


class LiveFeed(PeriodicRefresh):
    def __init__(self, title: str, work: Work, spec: lyr.FieldSpec, style=None, *,
                 interval_s: int = 60, authcfg: str = "", kind: str = "",
                 project: Optional[QgsProject] = None, add_to_project: bool = True,
                 group: str = "", on_update=None, on_error=None,
                 timeout_s: Optional[float] = None, retries: Optional[int] = None,
                 max_bytes: Optional[int] = None, source: str = "",
                 restore: Optional[dict] = None, layer=None):
        super().__init__(on_update, on_error)
        self.title = title
        self.parse = work
        self.spec = spec
        self.style = style
        self.interval_s = max(5, int(interval_s or 60))
        self.authcfg = authcfg
        self.kind = kind
        self.project = project or QgsProject.instance()
        self.add_to_project = add_to_project
        self.group = group
        self.timeout_s = timeout_s
        self.retries = retries
        self.max_bytes = max_bytes
        self.source = source
        self.restore = dict(restore or {}, interval_s=self.interval_s)
        self.layer = layer
        self.sync: Optional[lyr.PointSync] = None
        self.records: List[dict] = []
        self.warnings: List[str] = []
        self.requests = 0
        if layer is not None:  # a layer of a saved project, fed again
            layer.willBeDeleted.connect(self.stop)
        _LIVE.append(self)

    def task_title(self) -> str:
        return tr("Live layer: {title}").format(title=self.title)

    # -- worker thread ------------------------------------------------------------------
    def work(self, task):
        def fetch(url: str) -> bytes:
            self.requests += 1
            return network.fetch(url, authcfg=self.authcfg, feedback=task, cache=False,
                                 timeout_s=self.timeout_s, retries=self.retries,
                                 max_bytes=self.max_bytes).content
        return self.parse(fetch)

    # -- main thread --------------------------------------------------------------------
    def apply(self, result) -> None:
        records, warnings = result
        self.records = records
        self.warnings = list(warnings)
        for text in warnings:
            log(text)
        self.update_layer(records)

    def update_layer(self, records: Sequence[dict]) -> None:
        ct = lyr.to_crs()
        new = self.layer is None
        if new:
            self.layer = lyr.memory_layer("Point", self.title, self.spec)
            if self.style is not None:
                self.style(self.layer)
            self.layer.setCustomProperty("hamm_mobility/live_kind", self.kind)
            self.layer.setCustomProperty("hamm_mobility/live_source", self.source)
            if self.restore.get("kind"):
                self.layer.setCustomProperty(LIVE_PROPERTY, json.dumps(self.restore))
        # kept in step by the id in the first field (changes only; rebuilt if ids repeat)
        if self.sync is None or self.sync.layer is not self.layer:
            self.sync = lyr.PointSync(self.layer, self.spec[0][0])
        self.sync.update(records, ct)
        if new:
            self.layer.willBeDeleted.connect(self.stop)
            if self.add_to_project:
                self.project.addMapLayer(self.layer, False)
                root = self.project.layerTreeRoot()
                top = root.findGroup(group_name()) or root.insertGroup(0, group_name())
                parent = top
                if self.group:
                    parent = top.findGroup(self.group) or top.addGroup(self.group)
                parent.addLayer(self.layer)

    def on_stop(self) -> None:
        if self.layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.layer.willBeDeleted.disconnect(self.stop)
        if self in _LIVE:
            _LIVE.remove(self)
