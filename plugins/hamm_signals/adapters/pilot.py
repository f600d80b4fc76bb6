"""Fill a model GeoPackage with a junction laid out from a street layer (the pilot
junction Heßlerstraße / Marker Allee in the Hamm demo data)."""

from typing import Dict

from ..logic import model
from ..logic import zones as zlogic
from ..logic.camera import camera_from_record
from ..logic.errors import SignalsError
from ..logic.i18n import tr
from .layers import line_points, require_crs
from .model_gpkg import add_records

PILOT_A = "Heßlerstraße"
PILOT_B = "Marker Allee"


def street_segments(source, name_field: str = "name"):
    if name_field not in source.fields().names():
        raise SignalsError(tr("The street layer has no field '{field}' with street names.")
                           .format(field=name_field))
    out = []
    for feat in source.getFeatures():
        pts = line_points(feat.geometry())
        if len(pts) >= 2:
            out.append((str(feat[name_field]), pts))
    return out


def fill_junction(path: str, streets, name_a: str = PILOT_A, name_b: str = PILOT_B,
                  junction_name: str = "", zone_length: float = 20.0, zone_width: float = 3.0,
                  feedback=None) -> Dict[str, int]:
    """Junction, signal groups, lanes, stop lines, cameras and zones of the junction where
    streets name_a and name_b meet. Returns the counts per table."""
    require_crs(streets, tr("streets"))
    segments = street_segments(streets)
    centre = zlogic.find_junction(segments, name_a, name_b)
    arms = zlogic.arms_at(centre, segments)
    layout = zlogic.pilot_layout(centre, arms)
    name = junction_name or "{} / {}".format(name_a, name_b)
    (jid,) = add_records(path, model.JUNCTIONS, [{"name": name, "xy": centre,
                                                  "beschreibung": tr("Pilot junction")}])
    sg_ids = dict(zip([g["key"] for g in layout["signal_groups"]], add_records(
        path, model.SIGNAL_GROUPS, [dict(g, knoten_id=jid) for g in layout["signal_groups"]])))
    lane_recs = [dict(lane, knoten_id=jid, signalgruppe_id=sg_ids[lane["signal_group"]])
                 for lane in layout["lanes"]]
    lane_ids = add_records(path, model.LANES, lane_recs)
    stop_recs = [dict(s, knoten_id=jid, signalgruppe_id=sg_ids[s["signal_group"]])
                 for s in layout["stop_lines"]]
    add_records(path, model.STOP_LINES, stop_recs)
    cam_recs = [dict(c, knoten_id=jid, xy=(c["x"], c["y"])) for c in layout["cameras"]]
    cam_ids = add_records(path, model.CAMERAS, cam_recs)
    cams = []
    for rec, fid in zip(cam_recs, cam_ids):
        cams.append(camera_from_record(dict(rec, fid=fid)))
    zone_recs = []
    for lane, lane_id in zip(lane_recs, lane_ids):
        arm = int(lane["key"][1:].split(".")[0])
        stop = layout["stop_lines"][arm - 1]["line"]
        ring = zlogic.zone_before_stop(lane["line"], stop, zone_length, zone_width, lane["key"])
        cam = zlogic.best_camera(ring, cams)
        zone_recs.append({"knoten_id": jid, "kamera_id": cam.ident, "name": "Z{}".format(lane["key"][1:]),
                          "klasse_kfz": True, "klasse_rad": True, "klasse_fuss": False,
                          "funktion": "waiting", "fahrstreifen_id": lane_id,
                          "signalgruppe_id": lane["signalgruppe_id"], "prioritaet": 1, "ring": ring})
    for ped in layout["ped_zones"]:
        cam = zlogic.best_camera(ped["ring"], cams)
        zone_recs.append({"knoten_id": jid, "kamera_id": cam.ident, "name": "Z{}".format(ped["key"]),
                          "klasse_kfz": False, "klasse_rad": False, "klasse_fuss": True,
                          "funktion": "request", "signalgruppe_id": sg_ids[ped["signal_group"]],
                          "prioritaet": 2, "ring": ped["ring"]})
    add_records(path, model.ZONES, zone_recs)
    counts = {"junctions": 1, "cameras": len(cam_ids), "lanes": len(lane_ids),
              "zones": len(zone_recs)}
    if feedback is not None:
        feedback.pushInfo(tr("Junction {name}: {cameras} cameras, {lanes} lanes, {zones} "
                             "zones.").format(name=name, **{k: v for k, v in counts.items()
                                                            if k != "junctions"}))
    return counts
