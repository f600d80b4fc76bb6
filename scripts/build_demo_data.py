#!/usr/bin/python3
"""Build the SYNTHETIC Hamm demo: a GeoPackage and two QGIS projects.

    python3 scripts/build_demo_data.py --out build/demo      (run with /usr/bin/python3)

Writes into the output folder:
  hamm_demo.gpkg         EPSG:25832; layers stadtbezirke, gebaeude, strassen, gruenflaechen,
                         poi. Every feature has quelle='synthetisch (Demo)' and every layer a
                         description saying the data is invented. Nothing here is an
                         official record of the city of Hamm.
  hamm_demo_server.qgs   the layers published by QGIS Server (WMS, WFS, OGC API Features):
                         served by scripts/demo_services.py on http://127.0.0.1:8642
  hamm_demo.qgs          the desktop demo: the GeoPackage layers in the group
                         "Digitales Hamm (Demo)" plus a WMS and an OGC API Features layer
                         of the demo server in the group "Demo-Dienste" (valid while the
                         server runs)
Both projects use relative paths, so the folder can move.

The build is deterministic: a fixed random seed, a fixed feature order, coordinates
rounded to the centimetre and a fixed GeoPackage timestamp, so two builds hold the same
features and the same attribute values.
"""

import argparse
import math
import os
import random
import sys
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

SEED = 20220322  # council decision on the digitalisation strategy, March 2022
CRS = "EPSG:25832"
GPKG_NAME = "hamm_demo.gpkg"
SERVER_PROJECT = "hamm_demo_server.qgs"
DESKTOP_PROJECT = "hamm_demo.qgs"
FIXED_DATE = "2024-01-01T00:00:00.000Z"
QUELLE = "synthetisch (Demo)"
LAYERS = ("stadtbezirke", "gebaeude", "strassen", "gruenflaechen", "poi")
DRAW_ORDER = ("poi", "strassen", "gebaeude", "gruenflaechen", "stadtbezirke")  # top first

# Pilot junction of the smart traffic lights: Heßlerstraße / Marker Allee
JUNCTION = (417901.0, 5725392.0)
GRID_ROTATION_DEG = 12.0   # the synthetic street grid is turned about the junction
SPACING = 110.0            # metres between parallel streets
X_LINES = range(-4, 5)     # street lines across the grid, in units of SPACING
Y_LINES = range(-3, 9)
HESSLER_I = 0              # the N-S line through the junction
MARKER_J = 0               # the E-W line through the junction
# A synthetic "city centre" north of the junction where buildings are dense
CENTRE_IJ = (-1.0, 5.0)

SYNTHETIC_NOTE_DE = ("SYNTHETISCHE DEMODATEN – frei erfunden für die Demo der QGIS-Suite "
                     "Digitales Hamm; keine amtlichen Daten der Stadt Hamm.")
SYNTHETIC_NOTE_EN = ("SYNTHETIC DEMO DATA – invented for the demo of the Digitales Hamm QGIS "
                     "suite; not official data of the city of Hamm.")

LAYER_INFO = {
    "stadtbezirke": ("Stadtbezirke (Demo)", "Die 7 Stadtbezirke Hamms (vereinfachte, "
                     "synthetische Grenzen aus dem Stadtprofil; Einwohnerzahlen erfunden)."),
    "gebaeude": ("Gebäude (Demo)", "Synthetische Gebäudegrundrisse mit Höhe, Geschosszahl und "
                 "Funktion um die Innenstadt und den Knoten Heßlerstraße / Marker Allee."),
    "strassen": ("Straßen (Demo)", "Synthetisches Straßenraster, an Kreuzungen geteilt "
                 "(routingfähig), mit Heßlerstraße und Marker Allee."),
    "gruenflaechen": ("Grünflächen und Gewässer (Demo)",
                      "Synthetische Parks, Wald- und Wasserflächen."),
    "poi": ("Orte: Trinkbrunnen, Bibliotheken, Kirchen (Demo)",
            "Synthetische Trinkbrunnen, Bibliotheken und Kirchen."),
}

# ---------------------------------------------------------------------------------------
# Pure geometry (no QGIS): the grid lives in (u, v) metres, turned about the junction.

Point = Tuple[float, float]


def to_map(u: float, v: float) -> Point:
    """Grid coordinates (metres from the junction along the grid axes) -> EPSG:25832."""
    a = math.radians(GRID_ROTATION_DEG)
    x = JUNCTION[0] + u * math.cos(a) - v * math.sin(a)
    y = JUNCTION[1] + u * math.sin(a) + v * math.cos(a)
    return round(x, 2), round(y, 2)


def ring(points: Sequence[Tuple[float, float]]) -> List[Point]:
    pts = [to_map(u, v) for u, v in points]
    return pts + [pts[0]]


def rect(u0: float, v0: float, u1: float, v1: float) -> List[Point]:
    return ring([(u0, v0), (u1, v0), (u1, v1), (u0, v1)])


def wkt_polygon(rings: Sequence[Sequence[Point]]) -> str:
    parts = ["(" + ", ".join("{:.2f} {:.2f}".format(x, y) for x, y in r) + ")" for r in rings]
    return "POLYGON(" + ", ".join(parts) + ")"


def wkt_line(points: Sequence[Point]) -> str:
    return "LINESTRING(" + ", ".join("{:.2f} {:.2f}".format(x, y) for x, y in points) + ")"


def wkt_point(p: Point) -> str:
    return "POINT({:.2f} {:.2f})".format(*p)


# Blocks that are parks / special buildings instead of ordinary perimeter blocks
PARK_BLOCKS = {(-4, 6): "Stadtgarten (Demo)", (-3, 6): "Stadtgarten (Demo)",
               (-4, 7): "Stadtgarten (Demo)", (-3, 7): "Stadtgarten (Demo)",
               (1, -2): "Park am Knoten (Demo)", (2, 3): "Quartierspark Ost (Demo)",
               (-3, 1): "Grünzug West (Demo)"}
FOREST_BLOCKS = {(2, 6): "Wäldchen Nordost (Demo)", (3, 6): "Wäldchen Nordost (Demo)",
                 (2, 7): "Wäldchen Nordost (Demo)", (3, 7): "Wäldchen Nordost (Demo)"}
SPECIAL_BLOCKS = {
    (-1, 5): ("Kirche", "kirche", "St. Demo-Kirche (Demo)"),
    (1, 6): ("Kirche", "kirche", "Pauluskirche-Demo (Demo)"),
    (0, 1): ("Kirche", "kirche", "Kirche am Knoten (Demo)"),
    (-3, 3): ("Kirche", "kirche", "Kirche West (Demo)"),
    (-2, 5): ("Bibliothek", "bibliothek", "Stadtbücherei (Demo)"),
    (1, -1): ("Bibliothek", "bibliothek", "Stadtteilbibliothek Süd (Demo)"),
    (0, 3): ("Schule", "", ""),
    (-4, 3): ("Schule", "", ""),
}


def block_is_dense(i: int, j: int) -> bool:
    """Perimeter blocks around the centre and the junction, detached houses elsewhere."""
    ci, cj = CENTRE_IJ
    d_centre = math.hypot(i + 0.5 - ci, j + 0.5 - cj)
    d_junction = math.hypot(i + 0.5, j + 0.5)
    return d_centre <= 2.3 or d_junction <= 1.3


def street_class(i_or_j: int, axis: str) -> str:
    if (axis == "x" and i_or_j == HESSLER_I) or (axis == "y" and i_or_j == MARKER_J):
        return "Hauptverkehrsstraße"
    if i_or_j % 4 == 0:
        return "Sammelstraße"
    return "Anliegerstraße"


def street_name(i_or_j: int, axis: str) -> str:
    if axis == "x" and i_or_j == HESSLER_I:
        return "Heßlerstraße"
    if axis == "y" and i_or_j == MARKER_J:
        return "Marker Allee"
    if axis == "x":
        return "Planstraße {}".format(chr(ord("A") + i_or_j - min(X_LINES)))
    return "Planstraße {}".format(i_or_j - min(Y_LINES) + 1)


def _inside_green(block_a: Tuple[int, int], block_b: Tuple[int, int]) -> bool:
    """A street segment between two blocks of the same park or wood is left out."""
    for blocks in (PARK_BLOCKS, FOREST_BLOCKS):
        if block_a in blocks and blocks.get(block_b) == blocks[block_a]:
            return True
    return False


def make_streets() -> List[Dict]:
    """Street segments split at every crossing, so the layer works as a routing graph."""
    s = SPACING
    streets = []
    u_min, u_max = min(X_LINES) * s, max(X_LINES) * s
    v_min, v_max = min(Y_LINES) * s, max(Y_LINES) * s
    for i in X_LINES:  # N-S lines
        vs = [j * s for j in Y_LINES]
        if i == HESSLER_I:  # the arterial road runs on beyond the grid
            vs = [v_min - 1200.0, v_min - 600.0] + vs + [v_max + 600.0, v_max + 1200.0]
        for a, b in zip(vs, vs[1:]):
            j = round(a / s)
            if _inside_green((i - 1, j), (i, j)):
                continue
            streets.append({"name": street_name(i, "x"), "klasse": street_class(i, "x"),
                            "geom": wkt_line([to_map(i * s, a), to_map(i * s, b)])})
    for j in Y_LINES:  # E-W lines
        us = [i * s for i in X_LINES]
        if j == MARKER_J:
            us = [u_min - 1400.0, u_min - 700.0] + us + [u_max + 700.0, u_max + 1400.0]
        for a, b in zip(us, us[1:]):
            i = round(a / s)
            if _inside_green((i, j - 1), (i, j)):
                continue
            streets.append({"name": street_name(j, "y"), "klasse": street_class(j, "y"),
                            "geom": wkt_line([to_map(a, j * s), to_map(b, j * s)])})
    return streets


def edge_buildings(rng: random.Random, start: float, end: float, width: Tuple[float, float],
                   depth: Tuple[float, float], gap: Tuple[float, float], skip: float = 0.2):
    """Intervals along one block edge: (a, b, depth) with gaps, no overlaps."""
    out = []
    pos = start + rng.uniform(0.0, 5.0)
    while True:
        w = rng.uniform(*width)
        if pos + w > end:
            break
        d = rng.uniform(*depth)
        if rng.random() > skip:
            out.append((pos, pos + w, d))
        pos += w + rng.uniform(*gap)
    return out


def building_attrs(rng: random.Random, i: int, j: int) -> Tuple[str, int, float, int]:
    """(funktion, geschosse, hoehe in m, baujahr): taller and mixed use in the centre."""
    ci, cj = CENTRE_IJ
    r = rng.random()
    if math.hypot(i + 0.5 - ci, j + 0.5 - cj) <= 1.6:
        funktion = "Wohn- und Geschäftsgebäude" if r < 0.55 else (
            "Wohngebäude" if r < 0.85 else "Gewerbe")
        storeys = rng.randint(3, 7)
    elif block_is_dense(i, j):
        funktion = "Wohngebäude" if r < 0.7 else (
            "Wohn- und Geschäftsgebäude" if r < 0.88 else "Gewerbe")
        storeys = rng.randint(2, 5)
    else:
        funktion = "Wohngebäude" if r < 0.95 else "Gewerbe"
        storeys = rng.randint(1, 2)
    roof = 0.0 if funktion == "Gewerbe" or rng.random() < 0.35 else rng.uniform(2.5, 4.5)
    height = round(storeys * 3.0 + 0.4 + roof, 1)
    year = rng.choice((1890, 1905, 1928, 1952, 1958, 1963, 1971, 1978, 1986, 1995, 2004, 2016))
    return funktion, storeys, height, year


def make_city(rng: random.Random):
    """Buildings, green/water areas and points of interest, in a fixed order."""
    s = SPACING
    setback = 9.0  # from the street centre line to the building line
    buildings: List[Dict] = []
    green: List[Dict] = []
    pois: List[Dict] = []
    for j in list(Y_LINES)[:-1]:
        for i in list(X_LINES)[:-1]:
            u0, v0, u1, v1 = i * s + setback, j * s + setback, (i + 1) * s - setback, \
                (j + 1) * s - setback
            if (i, j) in PARK_BLOCKS or (i, j) in FOREST_BLOCKS:
                continue
            special = SPECIAL_BLOCKS.get((i, j))
            if special:
                funktion, typ, name = special
                uc, vc = (u0 + u1) / 2, (v0 + v1) / 2
                if funktion == "Kirche":  # nave and a tower
                    parts = [rect(uc - 12, vc - 28, uc + 12, vc + 20),
                             rect(uc - 6, vc + 20, uc + 6, vc + 32)]
                    heights = [(1, 18.0), (1, 48.0)]
                elif funktion == "Bibliothek":
                    parts = [rect(uc - 30, vc - 18, uc + 30, vc + 18)]
                    heights = [(3, 12.5)]
                else:  # school: an L shape of two wings
                    parts = [rect(u0 + 10, v0 + 10, u1 - 10, v0 + 26),
                             rect(u0 + 10, v0 + 26, u0 + 26, v1 - 20)]
                    heights = [(3, 11.0), (2, 7.5)]
                for part, (storeys, height) in zip(parts, heights):
                    buildings.append({"funktion": "Öffentliches Gebäude" if funktion != "Kirche"
                                      else "Kirche", "geschosse": storeys, "hoehe": height,
                                      "baujahr": 1905 if funktion == "Kirche" else 1974,
                                      "geom": wkt_polygon([part])})
                if typ:
                    pois.append({"name": name, "typ": typ, "geom": wkt_point(to_map(uc, vc))})
                continue
            block = []
            if block_is_dense(i, j):
                # perimeter block: south and north edges run the full width, west and east
                # edges between them
                size = {"width": (12.0, 24.0), "depth": (10.0, 13.5), "gap": (0.5, 8.0)}
                for a, b, d in edge_buildings(rng, u0, u1, **size):
                    block.append(rect(a, v0, b, v0 + d))
                for a, b, d in edge_buildings(rng, u0, u1, **size):
                    block.append(rect(a, v1 - d, b, v1))
                for a, b, d in edge_buildings(rng, v0 + 14.0, v1 - 14.0, **size):
                    block.append(rect(u0, a, u0 + d, b))
                for a, b, d in edge_buildings(rng, v0 + 14.0, v1 - 14.0, **size):
                    block.append(rect(u1 - d, a, u1, b))
            else:
                # detached houses along the south and north edges, set back by a front garden
                size = {"width": (9.0, 13.0), "depth": (8.5, 11.0), "gap": (6.0, 12.0), "skip": 0.1}
                for a, b, d in edge_buildings(rng, u0 + 2.0, u1 - 2.0, **size):
                    block.append(rect(a, v0 + 5.0, b, v0 + 5.0 + d))
                for a, b, d in edge_buildings(rng, u0 + 2.0, u1 - 2.0, **size):
                    block.append(rect(a, v1 - 5.0 - d, b, v1 - 5.0))
            for geom in block:
                funktion, storeys, height, year = building_attrs(rng, i, j)
                buildings.append({"funktion": funktion, "geschosse": storeys, "hoehe": height,
                                  "baujahr": year, "geom": wkt_polygon([geom])})
    # parks (one polygon per named park: union of its blocks' cells minus a street margin)
    for blocks, typ in ((PARK_BLOCKS, "park"), (FOREST_BLOCKS, "wald")):
        names: Dict[str, List[Tuple[int, int]]] = {}
        for ij, name in sorted(blocks.items()):
            names.setdefault(name, []).append(ij)
        for name in sorted(names):
            cells = names[name]
            i0, i1 = min(c[0] for c in cells), max(c[0] for c in cells) + 1
            j0, j1 = min(c[1] for c in cells), max(c[1] for c in cells) + 1
            outer = rect(i0 * s + 8, j0 * s + 8, i1 * s - 8, j1 * s - 8)
            green.append({"name": name, "typ": typ, "geom": wkt_polygon([outer])})
    # water: a canal north of the grid and a pond in the Stadtgarten
    v_canal = (max(Y_LINES) * s) + 260.0
    green.append({"name": "Kanal (Demo)", "typ": "wasser",
                  "geom": wkt_polygon([rect(min(X_LINES) * s - 1600, v_canal,
                                            max(X_LINES) * s + 1600, v_canal + 45)])})
    pond_c = (-3.0 * s, 7.0 * s)
    pond = ring([(pond_c[0] + 38 * math.cos(t * math.pi / 8),
                  pond_c[1] + 24 * math.sin(t * math.pi / 8)) for t in range(16)])
    green.append({"name": "Teich im Stadtgarten (Demo)", "typ": "wasser",
                  "geom": wkt_polygon([pond])})
    # drinking fountains: at chosen crossings and in the parks
    fountain_sites = [(-1, 6), (0, 5), (-2, 4), (1, 1), (0, 0), (-1, -1), (2, 4), (-3, 6),
                      (2, -1), (-4, 2)]
    for n, (i, j) in enumerate(fountain_sites, start=1):
        du, dv = rng.uniform(-14, -10), rng.uniform(10, 14)
        pois.append({"name": "Trinkbrunnen {} (Demo)".format(n), "typ": "trinkbrunnen",
                     "geom": wkt_point(to_map(i * s + du, j * s + dv))})
    return buildings, green, pois


def make_districts(rng: random.Random) -> List[Dict]:
    from hamm_core.logic.profile import load_profile, shipped_profile_path
    profile = load_profile(shipped_profile_path("hamm"))
    # plausible orders of magnitude (Hamm: about 180,000 people), then jittered: synthetic
    base = {"mitte": 36000, "uentrop": 29000, "rhynern": 17000, "pelkum": 18000,
            "herringen": 21000, "bockum_hoevel": 35000, "heessen": 22000}
    out = []
    for d in profile.districts:
        people = int(round(base.get(d.id, 20000) * rng.uniform(0.93, 1.07), -1))
        out.append({"id": d.id, "name": d.name, "einwohner": people, "geom": d.wkt})
    return out


def make_features() -> Dict[str, List[Dict]]:
    """All demo features by layer, in their fixed order (deterministic)."""
    rng = random.Random(SEED)
    districts = make_districts(rng)
    buildings, green, pois = make_city(rng)
    return {"stadtbezirke": districts, "gebaeude": buildings, "strassen": make_streets(),
            "gruenflaechen": green, "poi": sorted(pois, key=lambda p: (p["typ"], p["name"]))}


# ---------------------------------------------------------------------------------------
# GeoPackage (OGR)

FIELDS = {
    "stadtbezirke": [("id", "str"), ("name", "str"), ("einwohner", "int")],
    "gebaeude": [("id", "int"), ("funktion", "str"), ("geschosse", "int"),
                 ("hoehe", "real"), ("baujahr", "int")],
    "strassen": [("id", "int"), ("name", "str"), ("klasse", "str")],
    "gruenflaechen": [("id", "int"), ("name", "str"), ("typ", "str")],
    "poi": [("id", "int"), ("name", "str"), ("typ", "str")],
}
GEOM_TYPES = {"stadtbezirke": "polygon", "gebaeude": "polygon", "strassen": "line",
              "gruenflaechen": "polygon", "poi": "point"}


def write_gpkg(path: Path, features: Dict[str, List[Dict]]) -> None:
    # GDAL's exception switches are global to the process (and a test process shares
    # them), so results are checked here instead of switching exceptions on
    from osgeo import gdal, ogr, osr
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)  # fixed last_change timestamps
    try:
        if path.exists():
            path.unlink()
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(25832)
        ogr_types = {"str": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal}
        geom_types = {"polygon": ogr.wkbPolygon, "line": ogr.wkbLineString,
                      "point": ogr.wkbPoint}
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        if ds is None:
            raise RuntimeError("cannot create {}: {}".format(path, gdal.GetLastErrorMsg()))
        ds.SetMetadataItem("DESCRIPTION", SYNTHETIC_NOTE_DE + " " + SYNTHETIC_NOTE_EN)
        for name in LAYERS:
            title, text = LAYER_INFO[name]
            layer = ds.CreateLayer(name, srs, geom_types[GEOM_TYPES[name]], options=[
                "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES",
                "IDENTIFIER=" + title, "DESCRIPTION=" + SYNTHETIC_NOTE_DE + " " + text])
            if layer is None:
                raise RuntimeError("cannot create layer {}: {}".format(name,
                                                                       gdal.GetLastErrorMsg()))
            layer.SetMetadataItem("QUELLE", QUELLE)
            layer.SetMetadataItem("HINWEIS", SYNTHETIC_NOTE_DE)
            layer.SetMetadataItem("NOTE", SYNTHETIC_NOTE_EN)
            for fname, ftype in FIELDS[name] + [("quelle", "str")]:
                if layer.CreateField(ogr.FieldDefn(fname, ogr_types[ftype])) != 0:
                    raise RuntimeError("cannot create field {}.{}".format(name, fname))
            defn = layer.GetLayerDefn()
            layer.StartTransaction()
            for n, item in enumerate(features[name], start=1):
                feat = ogr.Feature(defn)
                for fname, _ftype in FIELDS[name]:
                    value = item.get(fname, n if fname == "id" else None)
                    if value is not None:
                        feat.SetField(fname, value)
                feat.SetField("quelle", QUELLE)
                geom = ogr.CreateGeometryFromWkt(item["geom"])
                if geom is None or not geom.IsValid():
                    raise RuntimeError("bad geometry in {}: {}".format(name, item["geom"]))
                feat.SetGeometry(geom)
                if layer.CreateFeature(feat) != 0:
                    raise RuntimeError("cannot write a feature of {}: {}".format(
                        name, gdal.GetLastErrorMsg()))
            layer.CommitTransaction()
        ds.FlushCache()
        ds = None
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", None)


def build_gpkg(path) -> Path:
    """Write the demo GeoPackage to ``path`` (replacing it) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.gpkg")
    write_gpkg(tmp, make_features())
    os.replace(tmp, path)
    return path


# ---------------------------------------------------------------------------------------
# QGIS projects (PyQGIS)

def _fill(color: str, outline: str, width: float = 0.26, style: str = "solid",
          brush: str = "solid"):
    from qgis.core import QgsFillSymbol
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline,
                                       "outline_width": str(width), "outline_style": style,
                                       "style": brush})


def _categorized(field: str, cats: Sequence[Tuple[str, str, object]]):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory
    return QgsCategorizedSymbolRenderer(field, [
        QgsRendererCategory(value, symbol, label) for value, label, symbol in cats])


def _street_symbol(casing: str, fill: str, width_m: float):
    """A cased street line whose width is in metres (true to scale), at least 0.25 mm."""
    from qgis.core import QgsLineSymbol, QgsMapUnitScale, QgsSimpleLineSymbolLayer, QgsUnitTypes
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor
    symbol = QgsLineSymbol()
    while symbol.symbolLayerCount():
        symbol.deleteSymbolLayer(0)
    for color, width, min_mm, level in ((casing, width_m + 3.0, 0.45, 0),
                                        (fill, width_m, 0.25, 1)):
        layer = QgsSimpleLineSymbolLayer(QColor(*(int(c) for c in color.split(","))), width)
        layer.setWidthUnit(QgsUnitTypes.RenderMapUnits)
        scale = QgsMapUnitScale()
        scale.minSizeMMEnabled = True
        scale.minSizeMM = min_mm
        layer.setWidthMapUnitScale(scale)
        layer.setPenCapStyle(Qt.PenCapStyle.RoundCap)
        layer.setPenJoinStyle(Qt.PenJoinStyle.RoundJoin)
        layer.setRenderingPass(level)
        symbol.appendSymbolLayer(layer)
    return symbol


def _marker(shape: str, color: str, size: float):
    from qgis.core import QgsMarkerSymbol
    return QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": str(size),
                                         "outline_color": "255,255,255",
                                         "outline_width": "0.4"})


def _labels(field: str, size: float, **kwargs):
    from qgis.core import QgsVectorLayerSimpleLabeling
    return QgsVectorLayerSimpleLabeling(_label_settings(field, size, **kwargs))


def _label_settings(field: str, size: float, bold: bool = False, max_scale: float = 0.0,
                    color: str = "#202020", curved: bool = False):
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat
    from qgis.PyQt.QtGui import QColor, QFont
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(fmt)
    if curved:  # street names: along the line, over the segments of one street
        settings.placement = QgsPalLayerSettings.Curved
        line = settings.lineSettings()
        line.setMergeLines(True)
        settings.setLineSettings(line)
    if max_scale:
        settings.scaleVisibility = True
        settings.minimumScale = max_scale  # labels only when zoomed in beyond 1:max_scale
        settings.maximumScale = 0
    return settings


DISTRICT_COLOURS = [
    ("Hamm-Mitte", "247,242,228,255"), ("Uentrop", "236,242,226,255"),
    ("Rhynern", "244,236,226,255"), ("Pelkum", "232,238,244,255"),
    ("Herringen", "242,232,240,255"), ("Bockum-Hövel", "236,240,232,255"),
    ("Heessen", "246,240,222,255"),
]


def _rule_labels(rules):
    """Rule-based labelling from (filter expression, label settings) pairs."""
    from qgis.core import QgsRuleBasedLabeling
    root = QgsRuleBasedLabeling.Rule(None)
    for expression, settings in rules:
        rule = QgsRuleBasedLabeling.Rule(settings)
        rule.setFilterExpression(expression)
        root.appendChild(rule)
    return QgsRuleBasedLabeling(root)


def style_layer(layer, name: str) -> None:
    """The demo's cartography, shared by the server and the desktop project."""
    if name == "stadtbezirke":
        layer.setRenderer(_categorized("name", [
            (district, district, _fill(color, "90,70,110,255", 0.8))
            for district, color in DISTRICT_COLOURS]))
        layer.setLabeling(_labels("name", 13, bold=True, color="#4b3a5e"))
        layer.setLabelsEnabled(True)
    elif name == "gebaeude":
        layer.setRenderer(_categorized("funktion", [
            ("Wohngebäude", "Wohngebäude", _fill("232,190,150,255", "120,90,70,255", 0.15)),
            ("Wohn- und Geschäftsgebäude", "Wohn- und Geschäftsgebäude",
             _fill("214,139,105,255", "110,70,55,255", 0.15)),
            ("Gewerbe", "Gewerbe", _fill("176,176,196,255", "90,90,110,255", 0.15)),
            ("Öffentliches Gebäude", "Öffentliches Gebäude",
             _fill("199,110,110,255", "100,50,50,255", 0.15)),
            ("Kirche", "Kirche", _fill("140,110,176,255", "70,50,100,255", 0.15)),
        ]))
    elif name == "strassen":
        renderer = _categorized("klasse", [
            ("Hauptverkehrsstraße", "Hauptverkehrsstraße",
             _street_symbol("170,110,40,255", "253,191,111,255", 14.0)),
            ("Sammelstraße", "Sammelstraße", _street_symbol("130,130,130,255",
                                                            "255,240,180,255", 9.0)),
            ("Anliegerstraße", "Anliegerstraße", _street_symbol("150,150,150,255",
                                                                "255,255,255,255", 6.0)),
        ])
        renderer.setUsingSymbolLevels(True)
        layer.setRenderer(renderer)
        # main roads labelled from 1:30,000, the others only from 1:6,000
        layer.setLabeling(_rule_labels([
            ("\"klasse\" = 'Hauptverkehrsstraße'",
             _label_settings("name", 8.5, bold=True, max_scale=30000, curved=True)),
            ("\"klasse\" <> 'Hauptverkehrsstraße'",
             _label_settings("name", 7.5, max_scale=6000, curved=True))]))
        layer.setLabelsEnabled(True)
    elif name == "gruenflaechen":
        layer.setRenderer(_categorized("typ", [
            ("park", "Park", _fill("178,216,140,255", "100,150,80,255", 0.2)),
            ("wald", "Wald", _fill("120,175,110,255", "70,120,60,255", 0.2)),
            ("wasser", "Wasserfläche", _fill("160,200,235,255", "80,130,190,255", 0.2)),
        ]))
    elif name == "poi":
        layer.setRenderer(_categorized("typ", [
            ("trinkbrunnen", "Trinkbrunnen", _marker("circle", "31,120,180,255", 3.0)),
            ("bibliothek", "Bibliothek", _marker("square", "106,61,154,255", 3.4)),
            ("kirche", "Kirche", _marker("cross_fill", "60,60,60,255", 3.8)),
        ]))
        layer.setLabeling(_labels("name", 8, max_scale=8000, color="#1f3c66"))
        layer.setLabelsEnabled(True)


def _gpkg_layer(gpkg: Path, name: str, display_name: str):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer("{}|layername={}".format(gpkg, name), display_name, "ogr")
    if not layer.isValid():
        raise RuntimeError("demo layer {} in {} is not valid".format(name, gpkg))
    title, text = LAYER_INFO[name]
    layer.setShortName(name)
    layer.setTitle(title)
    layer.setAbstract(SYNTHETIC_NOTE_DE + " " + text + " " + SYNTHETIC_NOTE_EN)
    layer.setKeywordList("Digitales Hamm, Demo, synthetisch")
    metadata = layer.metadata()
    metadata.setTitle(title)
    metadata.setAbstract(layer.abstract())
    metadata.setRights(["Synthetische Demodaten (CC0). Keine amtlichen Daten der Stadt Hamm."])
    layer.setMetadata(metadata)
    style_layer(layer, name)
    return layer


def _district_extent(gpkg: Path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer("{}|layername=stadtbezirke".format(gpkg), "x", "ogr")
    return layer.extent()


def centre_extent():
    """Canvas extent of the desktop demo: Hamm-Mitte with the junction and the centre."""
    from qgis.core import QgsRectangle
    u_mid = (min(X_LINES) + max(X_LINES)) / 2 * SPACING
    v_mid = (min(Y_LINES) + max(Y_LINES)) / 2 * SPACING
    x, y = to_map(u_mid, v_mid)
    return QgsRectangle(x - 1000, y - 720, x + 1000, y + 720)


def write_server_project(out_dir: Path) -> Path:
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject
    gpkg = out_dir / GPKG_NAME
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(CRS))
    project.setTitle("Digitales Hamm Demo")
    layers = []
    for name in DRAW_ORDER:  # WMS draws (and lists) the layer tree top first
        layer = _gpkg_layer(gpkg, name, LAYER_INFO[name][0])
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)
        layers.append(layer)
    extent = _district_extent(gpkg)
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", "Digitales Hamm Demo")
    project.writeEntry("WMSServiceAbstract", "/", SYNTHETIC_NOTE_DE + " " + SYNTHETIC_NOTE_EN)
    project.writeEntry("WMSKeywordList", "/", ["Digitales Hamm", "Demo", "synthetisch"])
    project.writeEntry("WMSContactOrganization", "/", "Digitales Hamm (Demo)")
    project.writeEntry("WMSFees", "/", "keine")
    project.writeEntry("WMSAccessConstraints", "/", "keine (synthetische Demodaten)")
    project.writeEntry("WMSRootName", "/", "digitales_hamm_demo")
    project.writeEntry("WMSExtent", "/", ["{:.1f}".format(v) for v in (
        extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())])
    project.writeEntry("WMSCrsList", "/", [CRS, "EPSG:4326", "EPSG:3857"])
    project.writeEntry("WMSAddWktGeometry", "/", True)
    project.writeEntry("WMSPrecision", "/", "2")
    project.writeEntry("WMSUseLayerIDs", "/", False)
    ids = [layer.id() for layer in layers]
    project.writeEntry("WFSLayers", "/", ids)
    for layer_id in ids:
        project.writeEntry("WFSLayersPrecision", "/" + layer_id, 2)
    project.writeEntry("WCSLayers", "/", [])
    path = out_dir / SERVER_PROJECT
    path.unlink(missing_ok=True)  # QgsProject.write would keep a .qgs~ backup
    if not project.write(str(path)):
        raise RuntimeError("could not write {}: {}".format(path, project.error()))
    return path


def write_desktop_project(out_dir: Path) -> Path:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsDataProvider,
        QgsProject,
        QgsRasterLayer,
        QgsReferencedRectangle,
        QgsVectorLayer,
    )

    from hamm_core.adapters import ogc
    from hamm_core.logic.profile import load_profile, shipped_profile_path

    gpkg = out_dir / GPKG_NAME
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(CRS)
    project.setCrs(crs)
    project.setTitle("Digitales Hamm – Demo (synthetische Daten)")
    root = project.layerTreeRoot()

    # the local demo layers
    local = root.addGroup("Digitales Hamm (Demo)")
    for name in DRAW_ORDER:
        layer = _gpkg_layer(gpkg, name, LAYER_INFO[name][0])
        project.addMapLayer(layer, False)
        local.addLayer(layer)

    # layers of the demo server, made with the suite's own helper from the demo profile
    demo = load_profile(shipped_profile_path("hamm_demo"))
    services = root.insertGroup(0, "Demo-Dienste")
    oapif = demo.service("demo_oapif")
    source, provider, _ = ogc.layer_source("OAPIF", oapif.url, "stadtbezirke", crs=CRS)
    # The server is not running while we build: the layer is saved unresolved and becomes
    # valid when QGIS opens the project with the server up. A memory layer of the same
    # geometry type carries the style over (QGIS keeps it for the unresolved source).
    # (EPSG:4326 is what QGIS's OAPIF provider reports for the collection; QGIS keeps
    # the CRS stored in the project for the layer)
    districts = QgsVectorLayer("Polygon?crs=EPSG:4326", "x", "memory")
    districts.setRenderer(_single_outline())
    districts.setDataSource(source, "Stadtbezirke – OGC API Features (Demo-Server)", provider,
                            QgsDataProvider.ProviderOptions())
    districts.setAbstract("Stadtbezirke vom lokalen Demo-Server ({}), OGC API Features. "
                          .format(oapif.url) + SYNTHETIC_NOTE_DE)
    project.addMapLayer(districts, False)
    services.addLayer(districts)
    wms = demo.service("demo_wms")
    source, provider, _ = ogc.layer_source("WMS", wms.url, "gebaeude", crs=CRS)
    buildings = QgsRasterLayer(source, "Gebäude – WMS (Demo-Server)", provider)
    buildings.setAbstract("Gebäude vom lokalen Demo-Server ({}), WMS 1.3. ".format(wms.url)
                          + SYNTHETIC_NOTE_DE)
    project.addMapLayer(buildings, False)
    services.addLayer(buildings)

    add_tool_plugin_demos(out_dir, gpkg, project)

    from qgis.core import QgsRectangle
    view = centre_extent()
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(QgsRectangle(view), crs))
    meta = project.metadata()
    meta.setTitle(project.title())
    meta.setAbstract(SYNTHETIC_NOTE_DE + " " + SYNTHETIC_NOTE_EN)
    meta.setAuthor("Digitales Hamm")
    project.setMetadata(meta)
    path = out_dir / DESKTOP_PROJECT
    path.unlink(missing_ok=True)
    if not project.write(str(path)):
        raise RuntimeError("could not write {}: {}".format(path, project.error()))
    return path


# Tool plugins that bring their own part of the demo: each has a module <plugin>.demo with
# add_to_project(out_dir, demo_gpkg, project), which writes its outputs next to the demo
# data and adds them, styled and grouped, to the desktop project.
# every tool plugin with a demo.py adds its part (demo.add_to_project(out_dir, gpkg, project))
TOOL_DEMOS = sorted(p.parent.name for p in (ROOT / "plugins").glob("hamm_*/demo.py")
                    if p.parent.name != "hamm_core")


def add_tool_plugin_demos(out_dir: Path, gpkg: Path, project) -> None:
    """The demo project is German: the plugins' outputs get their German names."""
    import importlib
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    from hamm_core.adapters.i18n import install_translator, remove_translator
    from hamm_core.processing import base
    Processing.initialize()
    for plugin_id in ["hamm_core"] + TOOL_DEMOS:
        install_translator(plugin_id, str(ROOT / "plugins" / plugin_id), lang="de")
    before = set(base._REGISTERED)
    try:
        for plugin_id in TOOL_DEMOS:
            module = importlib.import_module(plugin_id + ".demo")
            result = module.add_to_project(out_dir, gpkg, project)
            print("demo {:13s} {}".format(plugin_id, result))
    finally:
        for plugin_id in ["hamm_core"] + TOOL_DEMOS:
            remove_translator(plugin_id)
        # leave the Processing registry as found (a test session builds the demo too)
        for provider_id in set(base._REGISTERED) - before:
            base.unregister_provider(base._REGISTERED[provider_id])


def _single_outline():
    from qgis.core import QgsSingleSymbolRenderer
    return QgsSingleSymbolRenderer(_fill("0,0,0,0", "200,30,30,255", 0.7, "dash", brush="no"))


def build(out_dir) -> Dict[str, Path]:
    """Build everything into ``out_dir``; needs a QgsApplication (see main())."""
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    gpkg = build_gpkg(out_dir / GPKG_NAME)
    server = write_server_project(out_dir)
    desktop = write_desktop_project(out_dir)
    return {"gpkg": gpkg, "server_project": server, "desktop_project": desktop}


def reexec_with_system_python() -> None:
    """PyQGIS lives in the system Python (Debian): re-run there if this one lacks it."""
    try:
        import qgis.core  # noqa: F401
    except ImportError:
        system = "/usr/bin/python3"
        if os.path.exists(system) and os.path.realpath(sys.executable) != \
                os.path.realpath(system):
            os.execv(system, [system, os.path.abspath(sys.argv[0])] + sys.argv[1:])
        raise


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "demo"),
                        help="output folder (default: build/demo)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    reexec_with_system_python()
    from qgis.core import QgsApplication
    app = QgsApplication.instance()
    own_app = app is None
    if own_app:
        app = QgsApplication([], False)
        app.initQgis()
        # Offscreen Qt picks a font the desktop lacks; label styles store the family
        from qgis.PyQt.QtGui import QFont
        QgsApplication.setFont(QFont("DejaVu Sans"))
    try:
        paths = build(args.out)
    finally:
        if own_app:
            app.exitQgis()
    for key, path in paths.items():
        print("{:15s} {}".format(key, path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
