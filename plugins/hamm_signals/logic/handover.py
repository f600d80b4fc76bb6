"""The hand-over package for one camera: JSON and CSV with the camera pose and every zone
in EPSG:25832 (to the centimetre), WGS84 (to 1e-8 degree), camera-local east/north offsets
in metres and image pixels; and the import that reads it back."""

import csv
import io
import math
from typing import Callable, Dict, List, Sequence, Tuple

from hamm_core.logic.errors import ParseError
from hamm_core.logic.jsonutil import parse_json, require

from . import geometry as geo
from .camera import Camera
from .i18n import tr
from .model import CLASS_FIELDS, CRS, zone_classes

FORMAT = "hamm_signals.handover"
VERSION = 1
CSV_HEADER = ["objekt", "kamera", "zone_id", "zone_name", "punkt", "x_25832", "y_25832",
              "lon_wgs84", "lat_wgs84", "ost_m", "nord_m", "bild_u_px", "bild_v_px"]

ToWgs84 = Callable[[Sequence[Tuple[float, float]]], List[Tuple[float, float]]]


def _cm(v: float) -> float:
    return round(float(v) + 0.0, 2)


def _deg(v: float) -> float:
    return round(float(v), 8)


def build_package(camera: Camera, cam_rec: dict, zones: Sequence[dict], to_wgs84: ToWgs84) -> dict:
    """camera/cam_rec: the camera and its record; zones: records with 'ring'; to_wgs84:
    function turning EPSG:25832 points into (lon, lat)."""
    cx, cy = _cm(camera.x), _cm(camera.y)
    lon, lat = to_wgs84([(cx, cy)])[0]
    pkg = {
        "format": FORMAT, "version": VERSION, "crs": CRS,
        "camera": {
            "id": cam_rec.get("fid"), "name": camera.name, "model": cam_rec.get("modell") or "",
            "junction_id": cam_rec.get("knoten_id"),
            "x_25832": cx, "y_25832": cy, "lon_wgs84": _deg(lon), "lat_wgs84": _deg(lat),
            "height_m": camera.height, "heading_deg": camera.heading, "tilt_deg": camera.tilt,
            "hfov_deg": round(camera.hfov_deg, 4), "vfov_deg": round(camera.vfov_deg, 4),
            "image_width_px": camera.width_px, "image_height_px": camera.height_px,
            "max_range_m": camera.max_range,
        },
        "zones": [],
    }
    for zone in zones:
        ring = [(_cm(x), _cm(y)) for x, y in geo.open_ring(zone["ring"])]
        wgs = to_wgs84(ring)
        pix = camera.project(ring)
        pkg["zones"].append({
            "id": zone.get("fid"), "name": zone.get("name") or "",
            "classes": zone_classes(zone), "function": zone.get("funktion") or "",
            "lane_id": zone.get("fahrstreifen_id"), "signal_group_id": zone.get("signalgruppe_id"),
            "priority": zone.get("prioritaet"), "junction_id": zone.get("knoten_id"),
            "coords_25832": [[x, y] for x, y in ring],
            "coords_wgs84": [[_deg(lo), _deg(la)] for lo, la in wgs],
            "offsets_east_north_m": [[_cm(x - cx), _cm(y - cy)] for x, y in ring],
            "image_px": [[None if math.isnan(u) else round(float(u), 1),
                          None if math.isnan(v) else round(float(v), 1)] for u, v in pix],
        })
    return pkg


def package_csv(pkg: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADER)
    cam = pkg["camera"]
    writer.writerow(["kamera", cam["name"], "", "", 0, "{:.2f}".format(cam["x_25832"]),
                     "{:.2f}".format(cam["y_25832"]), "{:.8f}".format(cam["lon_wgs84"]),
                     "{:.8f}".format(cam["lat_wgs84"]), "0.00", "0.00", "", ""])
    for zone in pkg["zones"]:
        for k, ((x, y), (lo, la), (e, n), (u, v)) in enumerate(zip(
                zone["coords_25832"], zone["coords_wgs84"], zone["offsets_east_north_m"],
                zone["image_px"]), start=1):
            writer.writerow(["zone", cam["name"], zone["id"], zone["name"], k,
                             "{:.2f}".format(x), "{:.2f}".format(y), "{:.8f}".format(lo),
                             "{:.8f}".format(la), "{:.2f}".format(e), "{:.2f}".format(n),
                             "" if u is None else "{:.1f}".format(u),
                             "" if v is None else "{:.1f}".format(v)])
    return out.getvalue()


def read_package(data, source: str = "") -> dict:
    """Parse and validate a hand-over JSON; returns {'camera': {...}, 'zones': [records]}
    where each zone record has the model's field names and a closed 'ring'."""
    doc = parse_json(data, source)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ParseError(tr("{source} is not a hand-over package of the detection zones "
                            "(format '{fmt}' expected).").format(source=source or "?", fmt=FORMAT),
                         source=source)
    if doc.get("crs") != CRS:
        raise ParseError(tr("{source} uses the CRS {crs}; EPSG:25832 is expected.").format(
            source=source or "?", crs=doc.get("crs")), source=source)
    cam = require(doc, "camera", dict, source)
    zones_in = require(doc, "zones", list, source)
    zones: List[Dict] = []
    for n, z in enumerate(zones_in, start=1):
        coords = require(z, "coords_25832", list, source)
        try:
            ring = [(float(p[0]), float(p[1])) for p in coords]
        except (TypeError, ValueError, IndexError) as exc:
            raise ParseError(tr("Zone {n} in {source} has an invalid coordinate.").format(
                n=n, source=source or "?"), detail=str(exc), source=source) from exc
        if len(ring) < 3:
            raise ParseError(tr("Zone {n} in {source} has fewer than three corners.").format(
                n=n, source=source or "?"), source=source)
        classes = z.get("classes") or []
        rec = {"name": z.get("name") or "", "funktion": z.get("function") or "",
               "fahrstreifen_id": z.get("lane_id"), "signalgruppe_id": z.get("signal_group_id"),
               "prioritaet": z.get("priority"), "knoten_id": z.get("junction_id"),
               "kamera_id": cam.get("id"), "source_id": z.get("id"),
               "ring": ring + [ring[0]]}
        for cls, fld in CLASS_FIELDS.items():
            rec[fld] = cls in classes
        zones.append(rec)
    return {"camera": cam, "zones": zones}
