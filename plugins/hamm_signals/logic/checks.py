"""Checks of a junction's detection zones. Each problem becomes a Finding with the zone,
the rule and an explanation a traffic engineer can act on."""

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import geometry as geo
from .camera import ROAD_USERS, Camera, camera_from_record
from .errors import SignalsError
from .i18n import tr
from .model import class_label, zone_classes

ERROR = "error"
WARNING = "warning"

# Plausible zone areas in m² per road-user class: a car waiting zone is at least one car
# (about 2 m x 4.5 m = 9 m², allow 6) and rarely more than 20 cars long on one lane;
# bikes and pedestrians need a waiting space of about 1 m² (ERA 2010 / EFA 2002 give
# widths of 1.0-2.5 m for cycle and walking areas).
AREA_LIMITS = {"car": (6.0, 300.0), "bike": (1.0, 80.0), "pedestrian": (1.0, 120.0)}


@dataclass
class Finding:
    zone_id: Optional[int]
    zone_name: str
    camera: str
    rule: str
    severity: str
    message: str
    value: float = math.nan

    def as_row(self) -> list:
        return [self.zone_id, self.zone_name, self.camera, self.rule, self.severity,
                self.message, None if math.isnan(self.value) else round(self.value, 3)]


@dataclass
class CheckOptions:
    min_pixels: float = 20.0
    target_height_share: float = 0.5   # line of sight to this share of the road user's height
    max_overlap_m2: float = 0.01


def _zone_label(zone: dict) -> str:
    return str(zone.get("name") or zone.get("fid") or "?")


def check_junction(zones: Sequence[dict], cameras: Sequence[dict],
                   buildings: Sequence[Tuple[Sequence[Tuple[float, float]], float]] = (),
                   options: Optional[CheckOptions] = None) -> List[Finding]:
    """zones: dicts with the zone fields plus 'fid' and 'ring' (list of (x, y)).
    cameras: dicts with the camera fields plus 'fid', 'x', 'y'.
    buildings: (ring, height in m) pairs; empty = line of sight is not checked."""
    opts = options or CheckOptions()
    findings: List[Finding] = []
    if not zones:
        findings.append(Finding(None, "", "", "empty", ERROR, tr(
            "The junction has no detection zones. Draw zones or generate them from lanes and "
            "stop lines, then run the check again.")))
        return findings
    cams: Dict[int, Camera] = {}
    cam_errors: Dict[int, str] = {}
    for rec in cameras:
        try:
            cams[rec["fid"]] = camera_from_record(rec)
        except SignalsError as err:
            cam_errors[rec["fid"]] = err.user_message
    cam_junction = {rec["fid"]: rec.get("knoten_id") for rec in cameras}
    building_boxes = [(geo.bbox(ring), ring, h) for ring, h in buildings if h and len(ring) >= 3]

    valid: List[dict] = []
    for zone in zones:
        label = _zone_label(zone)
        ring = geo.open_ring(zone.get("ring") or [])
        cam_id = zone.get("kamera_id")
        cam = cams.get(cam_id)
        cam_name = cam.name if cam else str(cam_id or "")

        def add(rule, severity, message, value=math.nan, _z=zone, _l=label, _c=cam_name):
            findings.append(Finding(_z.get("fid"), _l, _c, rule, severity, message, value))

        if len(ring) < 3 or abs(geo.area(ring)) < 1e-6:
            add("geometry", ERROR, tr("Zone {zone} has no area. Redraw it as a polygon with at "
                                      "least three corners.").format(zone=label))
            continue
        crossings = geo.self_intersections(ring)
        if crossings:
            x, y = crossings[0]
            add("geometry", ERROR, tr("Zone {zone} intersects itself near ({x:.2f}, {y:.2f}). "
                                      "Redraw the outline so its edges do not cross.")
                .format(zone=label, x=x, y=y))
            continue
        classes = zone_classes(zone)
        if not classes:
            add("classes", ERROR, tr("Zone {zone} has no road-user class. Tick car, bike or "
                                     "pedestrian.").format(zone=label))
        if cam_id in cam_errors:
            add("camera", ERROR, cam_errors[cam_id])
            continue
        if cam is None:
            add("camera", ERROR, tr("Zone {zone} has no camera, or its camera does not exist. "
                                    "Every zone belongs to exactly one camera.").format(zone=label))
            continue
        if zone.get("knoten_id") is not None and cam_junction.get(cam_id) is not None and \
                zone.get("knoten_id") != cam_junction.get(cam_id):
            add("junction", ERROR, tr("Zone {zone} belongs to junction {zj}, but its camera "
                                      "{camera} to junction {cj}.").format(
                zone=label, zj=zone.get("knoten_id"), camera=cam_name,
                cj=cam_junction.get(cam_id)))
        pts = np.asarray(ring)
        dist = cam.distance(pts)
        far = float(dist.max())
        if far > cam.max_range + 1e-6:
            add("range", ERROR, tr("Zone {zone} reaches {dist:.1f} m from camera {camera}, beyond "
                                   "its detection range of {range:.1f} m.").format(
                zone=label, dist=far, camera=cam_name, range=cam.max_range), far)
        inside = cam.in_image(cam.project(pts))
        if not inside.all():
            add("fov", ERROR, tr("{n} of {m} corners of zone {zone} lie outside the field of "
                                 "view of camera {camera}. Turn the camera or move the zone.")
                .format(n=int((~inside).sum()), m=len(pts), zone=label, camera=cam_name),
                float((~inside).sum()))
        # Pixel size of the smallest road user of the zone's classes at its corners
        if classes and inside.all():
            h_obj = min(ROAD_USERS[c][0] for c in classes)
            w_obj = min(ROAD_USERS[c][1] for c in classes)
            smallest = min(classes, key=lambda c: ROAD_USERS[c][0] * ROAD_USERS[c][1])
            sizes = [cam.object_pixels(tuple(p), h_obj, w_obj) for p in pts]
            ph = min(s[0] for s in sizes)
            pw = min(s[1] for s in sizes)
            if ph < opts.min_pixels or pw < opts.min_pixels:
                add("pixels", ERROR, tr("At the far edge of zone {zone} ({dist:.1f} m from the "
                                        "camera) a {cls} appears only {h:.0f} x {w:.0f} pixels "
                                        "(height x width); at least {n:.0f} are needed. Use a "
                                        "longer focal length, a closer camera or a shorter "
                                        "zone.").format(zone=label, dist=far, cls=class_label(smallest),
                                                        h=ph, w=pw, n=opts.min_pixels),
                    min(ph, pw))
        # Plausible size
        if classes:
            lo = min(AREA_LIMITS[c][0] for c in classes)
            hi = max(AREA_LIMITS[c][1] for c in classes)
            a = abs(geo.area(ring))
            if a < lo or a > hi:
                add("size", WARNING, tr("Zone {zone} covers {area:.1f} m²; for its classes "
                                        "{lo:.0f} to {hi:.0f} m² are plausible. Check the "
                                        "outline.").format(zone=label, area=a, lo=lo, hi=hi), a)
        # Line of sight past buildings
        if building_boxes and classes:
            h_target = min(ROAD_USERS[c][0] for c in classes) * opts.target_height_share
            targets = list(ring) + [geo.centroid(ring)]
            blocked = 0
            for tgt in targets:
                if _blocked(cam, tgt, h_target, building_boxes):
                    blocked += 1
            if blocked:
                add("sight", ERROR, tr("Buildings block the line of sight from camera {camera} to "
                                       "{n} of {m} points of zone {zone}.").format(
                    camera=cam_name, n=blocked, m=len(targets), zone=label), float(blocked))
        valid.append({"zone": zone, "ring": ring, "classes": classes, "cam": cam_name})

    # Overlaps within one class and one lane
    for i, a in enumerate(valid):
        for b in valid[i + 1:]:
            lane_a, lane_b = a["zone"].get("fahrstreifen_id"), b["zone"].get("fahrstreifen_id")
            if lane_a != lane_b:
                continue
            common = sorted(set(a["classes"]) & set(b["classes"]))
            if not common:
                continue
            ba, bb = geo.bbox(a["ring"]), geo.bbox(b["ring"])
            if ba[2] < bb[0] or bb[2] < ba[0] or ba[3] < bb[1] or bb[3] < ba[1]:
                continue
            ov = geo.overlap_area(a["ring"], b["ring"])
            if ov > opts.max_overlap_m2:
                la, lb = _zone_label(a["zone"]), _zone_label(b["zone"])
                findings.append(Finding(a["zone"].get("fid"), la, a["cam"], "overlap", ERROR, tr(
                    "Zones {a} and {b} overlap by {area:.2f} m² for the class {cls} on the same "
                    "lane; a road user would be detected twice.").format(
                    a=la, b=lb, area=ov, cls=", ".join(class_label(c) for c in common)), ov))
    return findings


def _blocked(cam: Camera, target, h_target, building_boxes) -> bool:
    """The sight line from the camera centre to (target, h_target) passes below a roof.
    It descends monotonically, so a building blocks it iff the line is lower than the
    building where it enters the footprint."""
    cx, cy, ch = cam.x, cam.y, cam.height
    tx, ty = target
    lo_x, hi_x = min(cx, tx), max(cx, tx)
    lo_y, hi_y = min(cy, ty), max(cy, ty)
    for (bx0, by0, bx1, by1), ring, h in building_boxes:
        if bx1 < lo_x or bx0 > hi_x or by1 < lo_y or by0 > hi_y:
            continue
        if geo.point_in_polygon((cx, cy), ring):
            continue  # camera mounted on this building
        t = geo.segment_entry((cx, cy), (tx, ty), ring)
        if math.isnan(t):
            continue
        z = ch + t * (h_target - ch)
        if z < h:
            return True
    return False


def summary(findings: Sequence[Finding]) -> Dict[str, int]:
    out = {ERROR: 0, WARNING: 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out
