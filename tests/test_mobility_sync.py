"""Live point layers kept in step by id (PointSync) end up exactly as rebuilt layers
(replace_features): same attributes, same coordinates; untouched features keep their
feature ids; batch transforms give the numbers of per-point transforms."""

import random

import pytest
from qgis.core import QgsPointXY

from hamm_mobility.adapters import layers as lyr
from hamm_mobility.adapters.live_feed import record_geometry
from hamm_mobility.logic import gbfs

pytestmark = pytest.mark.qgis

FIELDS = [("fahrzeug_id", "str"), ("zustand", "str"), ("reichweite_m", "real"),
          ("reserviert", "bool"), ("letzte_meldung", "long"), ("system", "str")]


def _content(layer):
    """Attributes and rounded coordinates of every feature, order-free."""
    out = []
    for f in layer.getFeatures():
        p = f.geometry().asPoint()
        out.append((tuple(None if v is None or v == "NULL" or (hasattr(v, "isNull") and
                                                                v.isNull()) else v
                          for v in f.attributes()), round(p.x(), 6), round(p.y(), 6)))
    return sorted(out, key=repr)


def _vehicle(i, rng):
    return {"fahrzeug_id": "v{}".format(i), "lon": 7.81 + rng.uniform(-0.08, 0.08),
            "lat": 51.68 + rng.uniform(-0.05, 0.05), "zustand": "frei",
            "reichweite_m": 5000.0, "reserviert": False, "letzte_meldung": 1717236000 + i}


def _polls(n=300, count=6, seed=3):
    rng = random.Random(seed)
    recs = [_vehicle(i, rng) for i in range(n)]
    polls = []
    next_id = n
    for k in range(count):
        polls.append([dict(r) for r in recs])
        for r in recs:
            x = rng.random()
            if x < 0.05:
                r["fahrzeug_id"] = "v{}".format(next_id)   # rotated id
                next_id += 1
            if x < 0.25 and "lon" in r:
                r["lon"] += 0.001
                r["reichweite_m"] = None if k == 2 else (r["reichweite_m"] or 3000.0) - 100.0
            elif 0.25 <= x < 0.35:
                r["reserviert"] = not r.get("reserviert")
                r["zustand"] = "reserviert" if r["reserviert"] else "frei"
        if k == 3:
            del recs[:20]                                   # vehicles taken off the road
            recs.append({"fahrzeug_id": "xy", "x": 414000.0, "y": 5727000.0,
                         "zustand": "frei"})                # already in EPSG:25832, fewer keys
    return polls


def test_sync_equals_rebuild_over_many_polls(qgis_app):
    ct = lyr.to_crs()
    synced = lyr.memory_layer("Point", "sync", FIELDS)
    rebuilt = lyr.memory_layer("Point", "rebuilt", FIELDS)
    sync = lyr.PointSync(synced, "fahrzeug_id")
    extra = {"system": "Test"}
    kinds = []
    for poll in _polls():
        done = dict(sync.update(poll, ct, extra))
        kinds.append(done["rebuilt"])
        lyr.replace_features(rebuilt, lyr.features(
            poll, rebuilt.fields(), lambda r: record_geometry(r, ct), extra))
        assert synced.featureCount() == rebuilt.featureCount() == len(poll)
        assert _content(synced) == _content(rebuilt)
    assert kinds[0] is True and not any(kinds[1:])   # first load rebuilds, then changes only
    del synced, rebuilt, sync


def test_sync_changes_only_what_changed(qgis_app):
    ct = lyr.to_crs()
    layer = lyr.memory_layer("Point", "v", FIELDS)
    sync = lyr.PointSync(layer, "fahrzeug_id")
    rng = random.Random(1)
    first = [_vehicle(i, rng) for i in range(6)]
    sync.update(first, ct)
    fids = {f["fahrzeug_id"]: f.id() for f in layer.getFeatures()}
    second = [dict(r) for r in first if r["fahrzeug_id"] != "v2"]         # v2 gone
    second[0]["lon"] += 0.01                                              # v0 moved
    second[1]["zustand"] = "defekt"                                       # v1 changed
    second.append(_vehicle(9, rng))                                       # v9 new
    done = sync.update(second, ct)
    assert done == {"added": 1, "deleted": 1, "changed": 1, "moved": 1, "rebuilt": False}
    now = {f["fahrzeug_id"]: f for f in layer.getFeatures()}
    assert set(now) == {"v0", "v1", "v3", "v4", "v5", "v9"}
    for vid in ("v0", "v1", "v3", "v4", "v5"):
        assert now[vid].id() == fids[vid]          # same features: a selection survives
    assert now["v1"]["zustand"] == "defekt"
    expected = ct.transform(QgsPointXY(second[0]["lon"], second[0]["lat"]))
    assert now["v0"].geometry().asPoint() == expected
    # most ids new: rebuilt in one go
    third = [_vehicle(100 + i, rng) for i in range(6)]
    assert sync.update(third, ct)["rebuilt"] is True
    assert {f["fahrzeug_id"] for f in layer.getFeatures()} == {"v{}".format(100 + i)
                                                                for i in range(6)}
    del layer, sync


def test_sync_after_a_user_edit_and_with_repeated_ids(qgis_app):
    ct = lyr.to_crs()
    layer = lyr.memory_layer("Point", "v", FIELDS)
    sync = lyr.PointSync(layer, "fahrzeug_id")
    rng = random.Random(2)
    recs = [_vehicle(i, rng) for i in range(4)]
    sync.update(recs, ct)
    layer.startEditing()
    fid = next(f.id() for f in layer.getFeatures() if f["fahrzeug_id"] == "v1")
    layer.changeAttributeValue(fid, layer.fields().indexOf("zustand"), "von Hand")
    assert layer.commitChanges()
    # the feed did not change v1, yet the layer shows the feed's value again
    done = sync.update(recs, ct)
    assert done["rebuilt"] is True
    assert {f["fahrzeug_id"]: f["zustand"] for f in layer.getFeatures()}["v1"] == "frei"
    twice = recs + [dict(recs[0])]                  # an id twice: both are shown
    assert sync.update(twice, ct)["rebuilt"] is True and layer.featureCount() == 5
    assert sync.update(twice, ct)["rebuilt"] is True and layer.featureCount() == 5
    del layer, sync


def test_batch_transform_equals_point_transform(qgis_app):
    ct = lyr.to_crs()
    rng = random.Random(4)
    lons = [rng.uniform(5.9, 15.0) for _ in range(500)]
    lats = [rng.uniform(47.3, 55.0) for _ in range(500)]
    xs, ys = lyr.transform_points(lons, lats, ct)
    for lon, lat, x, y in zip(lons, lats, xs, ys):
        p = ct.transform(QgsPointXY(lon, lat))
        assert (x, y) == (p.x(), p.y())
    assert lyr.transform_points([], [], ct) == ([], [])
    geoms = lyr.point_geometries([{"lon": 7.8, "lat": 51.68}], ct)
    assert geoms[0].asPoint() == ct.transform(QgsPointXY(7.8, 51.68))


def test_gbfs_vehicle_parsing_quick_path_equals_full_checks():
    """Vehicles with odd values take the full checks and are read as before."""
    types = {"s": {"name": "Scooter", "form_factor": "scooter", "propulsion_type": "electric"}}
    doc = {"data": {"vehicles": [
        {"vehicle_id": "a", "lon": 7.8, "lat": 51.6, "vehicle_type_id": "s",
         "is_reserved": True, "is_disabled": False, "current_range_meters": 1200.5},
        {"vehicle_id": 7, "lon": "7.8", "lat": "51.6", "vehicle_type_id": 3,
         "is_reserved": "true", "is_disabled": 0, "current_range_meters": 900,
         "last_reported": "2024-06-01T12:00:00+02:00", "station_id": ""},
        {"vehicle_id": "nan", "lon": float("nan"), "lat": 51.6},
        {"vehicle_id": "inf", "lon": float("inf"), "lat": 51.6},
        {"vehicle_id": "zero", "lon": 0.0, "lat": 0.0},
        {"vehicle_id": "far", "lon": 181.0, "lat": 51.6},
        {"vehicle_id": "int", "lon": 8, "lat": 52, "current_range_meters": True},
        {"vehicle_id": "docked", "station_id": "st1"},
    ]}}
    warnings = []
    out = {r["fahrzeug_id"]: r for r in gbfs.parse_vehicles(doc, 3, types, "t", warnings)}
    assert set(out) == {"a", "7", "int"}
    assert out["a"]["typ"] == "Scooter" and out["a"]["zustand"] == gbfs.VEHICLE_RESERVED
    assert out["a"]["reichweite_m"] == 1200.5 and out["a"]["station_id"] == ""
    assert out["7"]["lon"] == 7.8 and out["7"]["typ_id"] == "3" and out["7"]["typ"] == ""
    assert out["7"]["reserviert"] is True and out["7"]["defekt"] is False
    assert out["7"]["reichweite_m"] == 900.0 and out["7"]["letzte_meldung"] == 1717236000
    assert out["int"]["lon"] == 8.0 and out["int"]["reichweite_m"] is None
    assert "4 vehicles without valid coordinates" in warnings[0]
