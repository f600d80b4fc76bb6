"""Live layers saved in a project come alive again when it is opened.

Every live layer (GBFS, parking, charging, GTFS-RT) carries the custom property
``hamm_mobility/live`` (JSON: kind, urls, interval, GBFS layer key, static GTFS feed).
The plugin calls ``restore_live_layers`` when a project has been read: the saved layers
(memory layers: structure and style are in the project, the features come from the feed)
are fed again by a new live feed, so the demo project and a user's own projects show
current data without adding anything twice.
"""

import json
from collections import OrderedDict
from typing import Dict, List, Optional

from qgis.core import QgsProject

from hamm_core.adapters.messages import log

from . import feeds, gbfs_live, live_feed

PROPERTY = live_feed.LIVE_PROPERTY


def _spec(layer) -> Optional[dict]:
    text = layer.customProperty(PROPERTY)
    if not text:
        return None
    # A live layer is a memory layer the feed rewrites. One made permanent ("Make
    # Permanent" keeps its custom properties) is the user's data now: never fed again.
    if getattr(layer, "providerType", lambda: "")() != "memory":
        return None
    try:
        spec = json.loads(text)
    except (TypeError, ValueError):
        return None
    if not isinstance(spec, dict) or not isinstance(spec.get("urls"), list):
        return None
    return spec


def _fed_layers() -> set:
    ids = set()
    for live in live_feed.live_feeds():
        if live.layer is not None:
            ids.add(live.layer.id())
    for system in gbfs_live.live_systems():
        ids.update(layer.id() for layer in system.layers.values())
    return ids


def restore_live_layers(project: Optional[QgsProject] = None, start: bool = True,
                        on_error=None) -> List[object]:
    """Start live feeds for the project's saved live layers; returns the feeds."""
    project = project or QgsProject.instance()
    fed = _fed_layers()
    gbfs_groups: Dict[str, dict] = OrderedDict()
    started: List[object] = []
    for layer in project.mapLayers().values():
        spec = _spec(layer)
        if spec is None or layer.id() in fed:
            continue
        kind, urls = spec.get("kind"), [str(u) for u in spec["urls"]]
        try:
            interval = int(spec.get("interval_s") or 0)
        except (TypeError, ValueError):
            interval = 0  # the feed's default
        common = {"project": project, "add_to_project": False, "layer": layer,
                  "on_error": on_error}
        if kind == "gbfs" and urls:
            entry = gbfs_groups.setdefault(urls[0], {"interval": interval, "layers": {}})
            entry["layers"][str(spec.get("key") or "stations")] = layer
            continue
        if kind == "parking":
            live = feeds.parking_live(urls, layer.name(), interval_s=interval or 60, **common)
        elif kind == "charging" and urls:
            live = feeds.charging_live(urls[0], layer.name(), interval_s=interval or 120,
                                       **common)
        elif kind == "gtfsrt":
            live = feeds.gtfsrt_live(urls, str(spec.get("gtfs") or ""), layer.name(),
                                     interval_s=interval or 30, **common)
        else:
            continue
        started.append(live)
    for url, entry in gbfs_groups.items():
        # (add_to_project: a layer the system did not have when saved, e.g. geofencing
        # zones published since, joins the project; the saved ones are not added twice)
        started.append(gbfs_live.GbfsLive(url, interval_s=entry["interval"], project=project,
                                          add_to_project=True, layers=entry["layers"],
                                          on_error=on_error))
    if started:
        log("hamm_mobility: {} live feeds of the project restarted".format(len(started)))
    if start:
        for live in started:
            live.start()
    return started
