"""The digital twin of the Hamm demo area (make run): SYNTHETIC data made here from the
demo GeoPackage and run through the plugin's own tools.

- LoD2 buildings: the demo footprints become a CityGML 2.0 tile (flat-roofed LoD2 solids
  with ground, wall and roof surfaces standing on the terrain), imported with the
  algorithm hamm_twin:import_lod2 (2D layer + 3D surfaces, extruded in the 3D view);
- terrain: a synthetic DGM (GeoTIFF -> VRT) with hillshade;
- orthophoto-like raster: the demo WMS (qgis_mapserver on 127.0.0.1:8642, started by
  make run) with green areas, streets and buildings;
- nDSM: a synthetic airborne laser scan (LAS written with logic.las.write_las: ground
  points and roof points) turned into DSM/nDSM by hamm_twin:las_dsm;
- point cloud: the same points as EPT (logic.ept.write_ept), loaded natively (provider
  "ept"), coloured by class, in the 3D view; switched off in the 2D legend;
- panoramas: small equirectangular JPEGs rendered from the demo buildings (the facades
  seen from points along a street) with GPano/GPS tags, imported from their tags by
  hamm_twin:import_panoramas;
- one layer group "Digitaler Zwilling" and the project's 3D view (terrain from the DGM,
  WMS draped, buildings extruded).
"""

import math
from pathlib import Path
from typing import List, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
from qgis.PyQt.QtGui import QImage

from .logic import las
from .logic.area import points_in_rings
from .logic.i18n import tr

DIR_NAME = "zwilling"
# The dense synthetic centre of the demo city (scripts/build_demo_data.py: street grid
# turned by 12° about the junction 417901/5725392, 110 m blocks, centre block (-1, 5)).
JUNCTION = (417901.0, 5725392.0)
ROTATION = math.radians(12.0)
SPACING = 110.0
AREA_UV = (-330.0, 440.0, 220.0, 880.0)   # u0, v0, u1, v1 in grid metres
PANORAMA_UV = [(-275.0 + 55.0 * k, 660.0) for k in range(0, 9, 2)]  # along a street
DEMO_WMS = "http://127.0.0.1:8642/ows/"
WMS_LAYERS = ["gruenflaechen", "strassen", "gebaeude"]
EYE_HEIGHT = 2.5
PANO_W, PANO_H = 1024, 512


def to_map(u: float, v: float) -> Tuple[float, float]:
    x = JUNCTION[0] + u * math.cos(ROTATION) - v * math.sin(ROTATION)
    y = JUNCTION[1] + u * math.sin(ROTATION) + v * math.cos(ROTATION)
    return x, y


def demo_area() -> QgsRectangle:
    u0, v0, u1, v1 = AREA_UV
    pts = [to_map(u, v) for u in (u0, u1) for v in (v0, v1)]
    return QgsRectangle(min(p[0] for p in pts), min(p[1] for p in pts),
                        max(p[0] for p in pts), max(p[1] for p in pts))


def terrain_z(x, y):
    """Synthetic terrain (m above sea level): a gentle rise to the north-east and a low
    hill west of the centre."""
    cx, cy = to_map(-200.0, 700.0)
    return (63.0 + 0.004 * (np.asarray(x) - JUNCTION[0]) + 0.003 * (np.asarray(y) - JUNCTION[1])
            + 5.0 * np.exp(-((np.asarray(x) - cx) ** 2 + (np.asarray(y) - cy) ** 2)
                           / (2 * 160.0 ** 2)))


# -- buildings --------------------------------------------------------------------------

def demo_buildings(demo_gpkg: Path, area: QgsRectangle) -> List[dict]:
    layer = QgsVectorLayer("{}|layername=gebaeude".format(demo_gpkg), "g", "ogr")
    out = []
    for feat in layer.getFeatures(QgsFeatureRequest().setFilterRect(area)):
        geom = feat.geometry()
        if geom.isEmpty() or not area.contains(geom.boundingBox()):
            continue
        polys = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
        for k, poly in enumerate(polys):
            if not poly:
                continue
            ring = [(p.x(), p.y()) for p in poly[0]]
            height = float(feat["hoehe"] or 10.0)
            c = geom.centroid().asPoint()
            out.append({"id": "DENW_DEMO_{}_{}".format(feat["id"], k), "ring": ring,
                        "height": height, "ground": float(terrain_z(c.x(), c.y())),
                        "storeys": feat["geschosse"], "function": feat["funktion"]})
    del layer
    return out


FUNCTION_CODES = {"Wohnen": "31001_1000", "Kirche": "31001_2030", "Schule": "31001_3065",
                  "Bibliothek": "31001_3020", "Gewerbe": "31001_2000",
                  "Wohnen/Gewerbe": "31001_1100"}


def _poslist(points) -> str:
    return " ".join("{:.2f} {:.2f} {:.2f}".format(*p) for p in points)


def _surface(kind: str, sid: str, points) -> str:
    return ('<bldg:boundedBy><bldg:{k} gml:id="{sid}"><bldg:lod2MultiSurface><gml:MultiSurface>'
            '<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList '
            'srsDimension="3">{pl}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>'
            '</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:{k}>'
            '</bldg:boundedBy>').format(k=kind, sid=sid, pl=_poslist(points))


def write_citygml(path: str, buildings: List[dict]) -> str:
    """A CityGML 2.0 tile in the NRW LoD2 profile: flat-roofed solids (roofType 1000)."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<core:CityModel '
            'xmlns:core="http://www.opengis.net/citygml/2.0" '
            'xmlns:bldg="http://www.opengis.net/citygml/building/2.0" '
            'xmlns:gml="http://www.opengis.net/gml"><gml:boundedBy><gml:Envelope '
            'srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">'
            '<gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>0 0 0</gml:upperCorner>'
            '</gml:Envelope></gml:boundedBy>\n')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(head)
        for b in buildings:
            ring = b["ring"][:-1] if b["ring"][0] == b["ring"][-1] else b["ring"]
            # counter-clockwise outline seen from above
            area2 = sum(ring[i][0] * ring[(i + 1) % len(ring)][1] -
                        ring[(i + 1) % len(ring)][0] * ring[i][1] for i in range(len(ring)))
            if area2 < 0:
                ring = ring[::-1]
            g, top = b["ground"], b["ground"] + b["height"]
            parts = [_surface("GroundSurface", b["id"] + "_g",
                              [(x, y, g) for x, y in ring[::-1]] + [(ring[-1][0], ring[-1][1],
                                                                      g)])]
            parts.append(_surface("RoofSurface", b["id"] + "_r",
                                  [(x, y, top) for x, y in ring] + [(ring[0][0], ring[0][1],
                                                                     top)]))
            for i in range(len(ring)):
                (x0, y0), (x1, y1) = ring[i], ring[(i + 1) % len(ring)]
                parts.append(_surface("WallSurface", "{}_w{}".format(b["id"], i),
                                      [(x0, y0, g), (x1, y1, g), (x1, y1, top), (x0, y0, top),
                                       (x0, y0, g)]))
            attrs = ['<bldg:function>{}</bldg:function>'.format(
                FUNCTION_CODES.get(b["function"], "31001_9998")),
                '<bldg:roofType>1000</bldg:roofType>',
                '<bldg:measuredHeight uom="urn:adv:uom:m">{:.2f}</bldg:measuredHeight>'.format(
                    b["height"])]
            if b["storeys"]:
                attrs.append("<bldg:storeysAboveGround>{}</bldg:storeysAboveGround>".format(
                    int(b["storeys"])))
            handle.write('<core:cityObjectMember><bldg:Building gml:id="{}">{}{}'
                         '</bldg:Building></core:cityObjectMember>\n'.format(
                             b["id"], "".join(attrs), "".join(parts)))
        handle.write("</core:CityModel>\n")
    return path


# -- terrain and laser scan -------------------------------------------------------------

def write_dgm(path: str, area: QgsRectangle, cell: float = 2.0) -> str:
    from .adapters import rasters
    x0, y1 = math.floor(area.xMinimum()) - 20, math.ceil(area.yMaximum()) + 20
    cols = int((area.width() + 40) / cell) + 1
    rows = int((area.height() + 40) / cell) + 1
    xs = x0 + (np.arange(cols) + 0.5) * cell
    ys = y1 - (np.arange(rows) + 0.5) * cell
    gx, gy = np.meshgrid(xs, ys)
    return rasters.write_geotiff(path, terrain_z(gx, gy), (x0, cell, 0, y1, 0, -cell))


def write_scan(path: str, area: QgsRectangle, buildings: List[dict], spacing: float = 1.0,
               seed: int = 3, ept_dir: str = "") -> dict:
    """Synthetic airborne laser points: the terrain (class 2) and the roofs (class 6);
    with ``ept_dir`` also as an EPT dataset (ept.json, binary point data)."""
    rng = np.random.default_rng(seed)
    xs = np.arange(area.xMinimum(), area.xMaximum(), spacing)
    ys = np.arange(area.yMinimum(), area.yMaximum(), spacing)
    gx, gy = np.meshgrid(xs, ys)
    x = gx.ravel() + rng.uniform(0, spacing, gx.size)
    y = gy.ravel() + rng.uniform(0, spacing, gy.size)
    z = terrain_z(x, y) + rng.normal(0, 0.03, x.size)
    cls = np.full(x.size, 2, np.uint8)
    for b in buildings:
        ring = np.array(b["ring"], float)
        box = (ring[:, 0].min(), ring[:, 1].min(), ring[:, 0].max(), ring[:, 1].max())
        sel = np.flatnonzero((x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3]))
        if sel.size == 0:
            continue
        inside = sel[points_in_rings(x[sel], y[sel], [ring])]
        z[inside] = b["ground"] + b["height"] + rng.normal(0, 0.05, inside.size)
        cls[inside] = 6
    las.write_las(path, x, y, z, cls)
    if ept_dir:  # the same points as EPT: the point cloud QGIS 3.22 can show natively
        from .logic import ept
        ept.write_ept(ept_dir, x, y, z, cls)
    return {"points": int(x.size), "roof_points": int((cls == 6).sum())}


# -- panoramas --------------------------------------------------------------------------

def _edges(buildings: List[dict]):
    segs, tops, grounds, shade = [], [], [], []
    for k, b in enumerate(buildings):
        ring = b["ring"]
        for i in range(len(ring) - 1):
            segs.append((ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]))
            tops.append(b["ground"] + b["height"])
            grounds.append(b["ground"])
            shade.append(k)
    return (np.array(segs, float), np.array(tops), np.array(grounds), np.array(shade))


def render_panorama(x: float, y: float, heading: float, edges, width: int = PANO_W,
                    height: int = PANO_H) -> QImage:
    """An equirectangular view from (x, y) at eye height: sky, ground and the facades of
    the demo buildings (ray cast per column against the building outlines)."""
    segs, tops, grounds, _shade = edges
    eye = float(terrain_z(x, y)) + EYE_HEIGHT
    rows = np.arange(height)
    elev = 90.0 - (rows + 0.5) * 180.0 / height                 # degrees, per row
    sky = np.column_stack([150 + 60 * (elev / 90.0), 185 + 40 * (elev / 90.0),
                           np.full(height, 235)])
    ground = np.column_stack([np.full(height, 120), np.full(height, 118),
                              np.full(height, 110)])
    base = np.where((elev >= 0)[:, None], sky, ground)
    img = np.repeat(base[:, None, :], width, axis=1).astype(np.float64)
    az = heading + ((np.arange(width) + 0.5) / width - 0.5) * 360.0
    dx, dy = np.sin(np.radians(az)), np.cos(np.radians(az))
    if len(segs):
        ax, ay = segs[:, 0], segs[:, 1]
        ex, ey = segs[:, 2] - ax, segs[:, 3] - ay
        # ray P + t d meets segment A + s e:  t = cross(A-P, e)/cross(d, e), s = ...
        apx, apy = ax - x, ay - y
        denom = dx[:, None] * ey[None, :] - dy[:, None] * ex[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (apx[None, :] * ey[None, :] - apy[None, :] * ex[None, :]) / denom
            s = (apx[None, :] * dy[:, None] - apy[None, :] * dx[:, None]) / denom
        hit = (denom != 0) & (t > 0.5) & (t < 400) & (s >= 0) & (s <= 1)
        t = np.where(hit, t, np.inf)
        nearest = np.argmin(t, axis=1)
        dist = t[np.arange(width), nearest]
        for col in np.flatnonzero(np.isfinite(dist)):
            k = nearest[col]
            top = math.degrees(math.atan2(tops[k] - eye, dist[col]))
            bottom = math.degrees(math.atan2(grounds[k] - eye, dist[col]))
            band = (elev <= top) & (elev >= bottom)
            # facade: lighter for walls facing the sun (south-west), floors as bands
            nx, ny = segs[k, 3] - segs[k, 1], -(segs[k, 2] - segs[k, 0])
            light = 0.75 + 0.25 * (-(nx * 0.7 + ny * 0.7) / (math.hypot(nx, ny) or 1))
            floors = (np.floor((eye + dist[col] * np.tan(np.radians(elev[band])) -
                                grounds[k]) / 3.0) % 2)
            colour = np.array([205, 190, 170]) * light
            img[band, col, :] = colour[None, :] * (0.92 + 0.08 * floors[:, None])
    arr = np.clip(img, 0, 255).astype(np.uint32)
    argb = (0xFF << 24) | (arr[:, :, 0] << 16) | (arr[:, :, 1] << 8) | arr[:, :, 2]
    argb = np.ascontiguousarray(argb, dtype=np.uint32)
    return QImage(argb.data, width, height, width * 4, QImage.Format.Format_RGB32).copy()


def write_panoramas(folder: Path, buildings: List[dict]) -> int:
    from .logic import jpegmeta
    folder.mkdir(parents=True, exist_ok=True)
    edges = _edges(buildings)
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance())
    street = (90.0 - math.degrees(ROTATION)) % 360.0   # the street runs along +u
    for i, (u, v) in enumerate(PANORAMA_UV):
        x, y = to_map(u, v)
        image = render_panorama(x, y, street, edges)
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "JPG", 85)
        buf.close()
        ll = to_wgs.transform(QgsPointXY(x, y))
        jpeg = jpegmeta.with_app1(bytes(data), jpegmeta.gpano_xmp(
            street, ll.y(), ll.x(), PANO_W, PANO_H, "2024-06-12T10:{:02d}:00".format(i)))
        (folder / "pano_{:02d}.jpg".format(i + 1)).write_bytes(jpeg)
    return len(PANORAMA_UV)


# -- the demo ---------------------------------------------------------------------------

def ortho_layer() -> QgsRasterLayer:
    """The demo WMS as the orthophoto stand-in (saved unresolved if the server is down:
    it becomes valid when QGIS opens the project with make run's server up)."""
    from qgis.core import QgsDataProvider
    # QGIS's WMS source: one layers=/styles= pair per layer, drawn bottom first
    source = "&".join(["crs=EPSG:25832", "format=image/png"] +
                      ["layers={}".format(n) for n in WMS_LAYERS] +
                      ["styles=" for _n in WMS_LAYERS] + ["url=" + DEMO_WMS])
    name = tr("Orthophoto (demo WMS)")
    layer = QgsRasterLayer(source, name, "wms")
    if not layer.isValid():
        layer = QgsRasterLayer("", name, "gdal")
        layer.setDataSource(source, name, "wms", QgsDataProvider.ProviderOptions())
    return layer


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    import processing

    from hamm_core.processing.base import register_provider

    from .adapters import panoramas, rasters, twin
    from .processing.provider import TwinProvider

    register_provider(TwinProvider())
    work = Path(out_dir) / DIR_NAME
    work.mkdir(parents=True, exist_ok=True)
    area = demo_area()
    buildings = demo_buildings(Path(demo_gpkg), area)
    gml = write_citygml(str(work / "lod2_demo.gml"), buildings)
    gpkg = work / "lod2_demo.gpkg"
    for suffix in ("", "-wal", "-shm"):
        Path(str(gpkg) + suffix).unlink(missing_ok=True)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    res = processing.run("hamm_twin:import_lod2", {
        "INPUT": [gml], "OUTPUT": str(gpkg),
        "EXTENT": "{},{},{},{} [EPSG:25832]".format(area.xMinimum(), area.xMaximum(),
                                                    area.yMinimum(), area.yMaximum())},
        context=context, feedback=feedback)
    dgm_tif = write_dgm(str(work / "dgm_demo.tif"), area)
    vrt = str(work / "dgm_demo.vrt")
    rasters.build_terrain_vrt([dgm_tif], vrt)
    shade = rasters.hillshade(vrt, str(work / "dgm_demo_hillshade.tif"))
    ept_dir = work / "laserscan_demo_ept"
    if ept_dir.exists():
        import shutil
        shutil.rmtree(ept_dir)
    scan = write_scan(str(work / "laserscan_demo.las"), area, buildings,
                      ept_dir=str(ept_dir))
    dsm = processing.run("hamm_twin:las_dsm", {
        "INPUT": [str(work / "laserscan_demo.las")], "CELL": 1.0, "STAT": 0,
        "DTM": vrt, "DSM": str(work / "dom_demo.tif"), "NDSM": str(work / "ndom_demo.tif")},
        context=QgsProcessingContext(), feedback=feedback)
    n_pano = write_panoramas(work / "panoramen", buildings)
    pano_gpkg = work / "panoramen_demo.gpkg"
    pano_gpkg.unlink(missing_ok=True)
    pano = processing.run("hamm_twin:import_panoramas", {
        "FOLDER": str(work / "panoramen"), "OUTPUT": str(pano_gpkg)},
        context=QgsProcessingContext(), feedback=feedback)
    ortho = ortho_layer()
    result = twin.load_twin(["buildings", "surfaces", "terrain", "ortho", "ndsm",
                             "pointcloud"], area,
                            project, paths={"buildings": str(gpkg), "terrain": vrt,
                                            "ndsm": dsm["NDSM"],
                                            "pointcloud": str(ept_dir / "ept.json")},
                            ortho_layers=[ortho])
    group = project.layerTreeRoot().findGroup(twin.GROUP)
    hill = QgsRasterLayer(shade, tr("Hillshade (DGM)"), "gdal")
    from .adapters import styles
    styles.style_hillshade(hill)
    project.addMapLayer(hill, False)
    group.insertLayer(0, hill)
    pano_layer = QgsVectorLayer(pano["OUTPUT"], tr("Panoramas (demo)"), "ogr")
    panoramas.style(pano_layer)
    project.addMapLayer(pano_layer, False)
    group.insertLayer(0, pano_layer)
    _order(group)
    return {"buildings": int(res["BUILDING_COUNT"]), "surfaces": int(res["SURFACE_COUNT"]),
            "laser_points": scan["points"], "panoramas": n_pano,
            "layers": len(result["layers"]) + 2, "missing": result["missing"]}


def _order(group) -> None:
    """Draw order top first: panoramas, buildings, surfaces, point cloud, nDSM, hillshade,
    ortho, DGM."""
    from .adapters.twin import ROLE
    rank = {"panorama": 0, "buildings": 1, "surfaces": 2, "pointcloud": 3, "ndsm": 4,
            "hillshade": 5, "ortho": 6, "terrain": 7}
    hidden = (rank["ndsm"], rank["pointcloud"])
    nodes = group.findLayers()

    def key(node):
        layer = node.layer()
        role = layer.customProperty(ROLE) if layer is not None else None
        if role is None and layer is not None:
            role = "panorama" if layer.type() == layer.VectorLayer else "hillshade"
        return rank.get(role, 9)

    for node in sorted(nodes, key=key, reverse=True):
        clone = node.clone()
        # the nDSM and the point cloud would hide the orthophoto: in the legend, switched
        # off (the point cloud stays in the 3D view, whose layers are its own list)
        clone.setItemVisibilityChecked(key(node) not in hidden)
        group.insertChildNode(0, clone)
        group.removeChildNode(node)
