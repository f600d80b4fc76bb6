"""The data model of a junction: table names, fields (with German aliases), value lists.

The adapter (adapters/model_gpkg.py) turns this description into a GeoPackage with styles,
forms and constraints; pure code (checks, export) reads records with these field names.
"""

from .i18n import tr

CRS = "EPSG:25832"

# Layer ids (table names) and their German display names
JUNCTIONS = "knoten"
CAMERAS = "kameras"
SIGNAL_GROUPS = "signalgruppen"
LANES = "fahrstreifen"
STOP_LINES = "haltlinien"
ZONES = "detektionszonen"

LAYER_NAMES_DE = {
    JUNCTIONS: "Knotenpunkte",
    CAMERAS: "Kameras",
    SIGNAL_GROUPS: "Signalgruppen",
    LANES: "Fahrstreifen",
    STOP_LINES: "Haltlinien",
    ZONES: "Detektionszonen",
}
GEOMETRY = {JUNCTIONS: "Point", CAMERAS: "Point", SIGNAL_GROUPS: None, LANES: "LineString",
            STOP_LINES: "LineString", ZONES: "Polygon"}

# Road-user classes and zone functions (stored value, German label)
CLASSES = [("car", "Kfz"), ("bike", "Rad"), ("pedestrian", "Fußverkehr")]
CLASS_FIELDS = {"car": "klasse_kfz", "bike": "klasse_rad", "pedestrian": "klasse_fuss"}
FUNCTIONS = [("waiting", "Warteposition"), ("request", "Anforderung/Annäherung"),
             ("counting", "Zählung")]
SIGNAL_KINDS = [("car", "Kfz"), ("bike", "Rad"), ("pedestrian", "Fußverkehr")]
DIRECTIONS = [("straight", "geradeaus"), ("left", "links"), ("right", "rechts"),
              ("straight_right", "geradeaus/rechts"), ("straight_left", "geradeaus/links")]

# Fields per table: (name, type, German alias, not null). Types: str, int, real, bool.
FIELDS = {
    JUNCTIONS: [
        ("name", "str", "Name", True),
        ("beschreibung", "str", "Beschreibung", False),
    ],
    CAMERAS: [
        ("knoten_id", "int", "Knotenpunkt", True),
        ("name", "str", "Name", True),
        ("modell", "str", "Kameramodell", False),
        ("hoehe_m", "real", "Montagehöhe [m]", True),
        ("azimut_grad", "real", "Blickrichtung (Azimut) [°]", True),
        ("neigung_grad", "real", "Neigung unter Horizont [°]", True),
        ("hfov_grad", "real", "Horizontaler Öffnungswinkel [°]", False),
        ("vfov_grad", "real", "Vertikaler Öffnungswinkel [°]", False),
        ("brennweite_mm", "real", "Brennweite [mm]", False),
        ("sensor_breite_mm", "real", "Sensorbreite [mm]", False),
        ("sensor_hoehe_mm", "real", "Sensorhöhe [mm]", False),
        ("bild_breite_px", "int", "Bildbreite [px]", True),
        ("bild_hoehe_px", "int", "Bildhöhe [px]", True),
        ("max_reichweite_m", "real", "Maximale Detektionsreichweite [m]", True),
    ],
    SIGNAL_GROUPS: [
        ("knoten_id", "int", "Knotenpunkt", True),
        ("name", "str", "Bezeichnung", True),
        ("art", "str", "Verkehrsart", True),
    ],
    LANES: [
        ("knoten_id", "int", "Knotenpunkt", True),
        ("zufahrt", "str", "Zufahrt", True),
        ("fahrstreifen_nr", "int", "Fahrstreifen-Nr. (von rechts)", True),
        ("richtung", "str", "Fahrtrichtung", False),
        ("signalgruppe_id", "int", "Signalgruppe", False),
    ],
    STOP_LINES: [
        ("knoten_id", "int", "Knotenpunkt", True),
        ("fahrstreifen_id", "int", "Fahrstreifen", False),
        ("signalgruppe_id", "int", "Signalgruppe", False),
    ],
    ZONES: [
        ("knoten_id", "int", "Knotenpunkt", True),
        ("kamera_id", "int", "Kamera", True),
        ("name", "str", "Name", True),
        ("klasse_kfz", "bool", "Kfz", False),
        ("klasse_rad", "bool", "Rad", False),
        ("klasse_fuss", "bool", "Fußverkehr", False),
        ("funktion", "str", "Funktion", True),
        ("fahrstreifen_id", "int", "Fahrstreifen", False),
        ("signalgruppe_id", "int", "Signalgruppe", False),
        ("prioritaet", "int", "Priorität", False),
    ],
}

# Relations: (child table, child field, parent table) — parent key is always fid
RELATIONS = [
    (CAMERAS, "knoten_id", JUNCTIONS),
    (SIGNAL_GROUPS, "knoten_id", JUNCTIONS),
    (LANES, "knoten_id", JUNCTIONS),
    (LANES, "signalgruppe_id", SIGNAL_GROUPS),
    (STOP_LINES, "knoten_id", JUNCTIONS),
    (STOP_LINES, "fahrstreifen_id", LANES),
    (STOP_LINES, "signalgruppe_id", SIGNAL_GROUPS),
    (ZONES, "knoten_id", JUNCTIONS),
    (ZONES, "kamera_id", CAMERAS),
    (ZONES, "fahrstreifen_id", LANES),
    (ZONES, "signalgruppe_id", SIGNAL_GROUPS),
]


def zone_classes(rec: dict) -> list:
    """The road-user classes of a zone record, e.g. ['car', 'bike']."""
    return [cls for cls, fld in CLASS_FIELDS.items() if rec.get(fld) in (True, 1, "1", "true")]


def class_label(cls: str) -> str:
    return {"car": tr("car"), "bike": tr("bike"), "pedestrian": tr("pedestrian")}.get(cls, cls)
