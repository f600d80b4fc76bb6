"""Write the self-contained web map of cool places: one folder with index.html, style.css,
map.js (our own small canvas renderer), data.js (the data for offline use from file://,
where browsers block fetching files) and the same data as GeoJSON for open data use."""

import html
import json
import os
import shutil
from typing import Dict, Optional

from .coolness import (
    KIND_CHURCH,
    KIND_FOUNTAIN,
    KIND_LIBRARY,
    KIND_MUSEUM,
    KIND_OFFICE,
    KIND_PARK,
    KIND_SQUARE,
    KIND_WATER,
    KIND_WOOD,
)
from .errors import CoolPlacesError
from .i18n import tr

WEB_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "web")
FILES = ("index.html", "style.css", "map.js", "data.js", "kuehle_orte.geojson",
         "kuehle_flaechen.geojson", "wege.geojson")
COLORS = {KIND_PARK: "#4caf50", KIND_WOOD: "#1b7a3a", KIND_WATER: "#2a8fd6",
          KIND_SQUARE: "#9ccc65", KIND_CHURCH: "#7e57c2", KIND_LIBRARY: "#ef8f00",
          KIND_MUSEUM: "#c2185b", KIND_OFFICE: "#607d8b", KIND_FOUNTAIN: "#00bcd4"}
# The published map is for citizens of a German city: its labels are German.
LABELS_DE = {KIND_PARK: "Park / Grünfläche", KIND_WOOD: "Wald", KIND_WATER: "Gewässer",
             KIND_SQUARE: "Schattiger Platz", KIND_CHURCH: "Kirche (kühler Raum)",
             KIND_LIBRARY: "Bibliothek (kühler Raum)", KIND_MUSEUM: "Museum (kühler Raum)",
             KIND_OFFICE: "Öffentliches Gebäude (kühler Raum)", KIND_FOUNTAIN: "Trinkbrunnen"}


def _collection(fc: Optional[Dict]) -> Dict:
    if fc is None:
        return {"type": "FeatureCollection", "features": []}
    if fc.get("type") != "FeatureCollection" or not isinstance(fc.get("features"), list):
        raise CoolPlacesError(tr("The map data is not a GeoJSON FeatureCollection."))
    return fc


def write_webmap(folder: str, places: Dict, areas: Optional[Dict] = None,
                 context: Optional[Dict] = None, title: str = "Kühle Orte in Hamm",
                 footer: str = "") -> str:
    """Write the map into ``folder`` (created; an existing folder may only hold a previous
    map). GeoJSON inputs are in WGS84; every feature has properties name, art (kind),
    optionally oeffnungszeiten and kuehle (score). Returns the path of index.html."""
    places, areas, context = _collection(places), _collection(areas), _collection(context)
    if not places["features"] and not areas["features"]:
        raise CoolPlacesError(tr("There are no cool places to publish. Run 'Find cool places' "
                                 "first or choose layers that hold cool places."))
    if os.path.isdir(folder):
        foreign = sorted(set(os.listdir(folder)) - set(FILES))
        if foreign:
            raise CoolPlacesError(tr("The folder {folder} already holds other files ({files}); "
                                     "choose an empty or new folder so nothing is overwritten.")
                                  .format(folder=folder, files=", ".join(foreign[:5])))
    os.makedirs(folder, exist_ok=True)
    data = {"places": places, "areas": areas, "context": context, "colors": COLORS,
            "labels": LABELS_DE}
    with open(os.path.join(folder, "data.js"), "w", encoding="utf-8") as fh:
        fh.write("window.KUEHLE_ORTE = ")
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write(";\n")
    for name, fc in (("kuehle_orte.geojson", places), ("kuehle_flaechen.geojson", areas),
                     ("wege.geojson", context)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            json.dump(fc, fh, ensure_ascii=False)
    for name in ("style.css", "map.js"):
        shutil.copyfile(os.path.join(WEB_DIR, name), os.path.join(folder, name))
    with open(os.path.join(WEB_DIR, "index.html"), encoding="utf-8") as fh:
        page = fh.read()
    page = page.replace("{{TITLE}}", html.escape(title)).replace("{{FOOTER}}", html.escape(footer))
    index = os.path.join(folder, "index.html")
    with open(index, "w", encoding="utf-8") as fh:
        fh.write(page)
    return index
