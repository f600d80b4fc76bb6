"""Street-level panoramas: the index (CSV, JSON/GeoJSON or tags read from the JPEGs), the
geometry around them (bearing, nearest panorama, view cone) and the view (which pixel of
an equirectangular image a screen pixel of a perspective view shows). Pure Python + numpy.

Conventions: headings and yaw in degrees clockwise from north; ``heading`` of a panorama
is the compass direction of the centre column of its equirectangular image (as GPano's
PoseHeadingDegrees); pitch in degrees up from the horizon.
"""

import csv
import io
import json
import math
import os
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from hamm_core.logic.errors import ParseError

from .i18n import tr

IMAGE_KEYS = ("image", "bild", "path", "pfad", "url", "file", "datei", "filename")
X_KEYS = ("x", "easting", "rechtswert", "east", "e")
Y_KEYS = ("y", "northing", "hochwert", "north", "n")
LON_KEYS = ("lon", "lng", "longitude", "laenge", "länge")
LAT_KEYS = ("lat", "latitude", "breite")
HEADING_KEYS = ("heading", "richtung", "azimuth", "azimut", "yaw", "poseheadingdegrees",
                "blickrichtung")
TIME_KEYS = ("time", "zeit", "timestamp", "datetime", "date", "datum", "aufnahmezeit")
ID_KEYS = ("id", "name", "nr")
CRS_KEYS = ("crs", "epsg", "srs")
MAX_ROWS = 1_000_000


@dataclass
class Panorama:
    image: str                # local path (absolute) or http(s) URL
    x: float
    y: float
    heading: float = 0.0      # compass heading of the image centre
    time: str = ""
    pano_id: str = ""
    exists: bool = True       # local image file found (URLs: not checked)

    @property
    def is_url(self) -> bool:
        return is_url(self.image)


@dataclass
class PanoramaIndex:
    panoramas: List[Panorama] = field(default_factory=list)
    epsg: int = 25832
    problems: List[str] = field(default_factory=list)

    @property
    def missing(self) -> List[Panorama]:
        return [p for p in self.panoramas if not p.exists]


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _norm(key: str) -> str:
    return key.strip().lower().replace("-", "").replace("_", "").replace(" ", "")


def _find(keys: Iterable[str], wanted: Sequence[str]) -> Optional[str]:
    by_norm = {_norm(k): k for k in keys if isinstance(k, str)}
    for w in wanted:
        if _norm(w) in by_norm:
            return by_norm[_norm(w)]
    return None


def _epsg(value) -> Optional[int]:
    from .crs import epsg_of
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    return epsg_of(text)


def plausible(epsg: int, x: float, y: float) -> bool:
    """Are x/y possible coordinates in this CRS? (geographic: lon/lat ranges; UTM:
    easting 100-900 km, northing 0-9,400 km; other CRS: not checked)."""
    if epsg in (4326, 4258):
        return -180 <= x <= 180 and -90 <= y <= 90
    if 25828 <= epsg <= 25838 or 32601 <= epsg <= 32660 or 32701 <= epsg <= 32760:
        return 100_000 <= x <= 900_000 and 0 <= y <= 9_400_000
    return True


def _number(value) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        out = float(value)
    else:
        text = str(value).strip().replace(",", ".") if str(value).count(",") == 1 and \
            "." not in str(value) else str(value).strip()
        try:
            out = float(text)
        except ValueError:
            return None
    return out if math.isfinite(out) else None


def _image_ref(value: str, base_dir: str) -> Tuple[str, bool]:
    value = (value or "").strip()
    if is_url(value):
        return value, True
    if value.lower().startswith("file://"):
        value = value[7:]
    path = value if os.path.isabs(value) else os.path.join(base_dir, value)
    path = os.path.normpath(path)
    return path, os.path.isfile(path)


class _Rows:
    """Turn dict rows into panoramas with one column mapping; collects problems."""

    def __init__(self, keys, source: str, epsg: Optional[int], base_dir: str):
        keys = list(keys)
        self.source = source
        self.base_dir = base_dir
        self.image = _find(keys, IMAGE_KEYS)
        self.heading = _find(keys, HEADING_KEYS)
        self.time = _find(keys, TIME_KEYS)
        self.pid = _find(keys, ID_KEYS)
        self.x, self.y = _find(keys, X_KEYS), _find(keys, Y_KEYS)
        lon, lat = _find(keys, LON_KEYS), _find(keys, LAT_KEYS)
        if (self.x is None or self.y is None) and lon and lat:
            self.x, self.y = lon, lat
            epsg = epsg or 4326
        self.epsg = epsg or 25832
        missing = []
        if self.image is None:
            missing.append(tr("image (path or URL)"))
        if self.x is None or self.y is None:
            missing.append(tr("position (x/y or lon/lat)"))
        if missing:
            raise ParseError(tr("{file}: the panorama index lacks the columns {columns} "
                                "(found: {found}).").format(
                file=source, columns=", ".join(missing),
                found=", ".join(str(k) for k in keys) or "-"), source=source)
        self.problems: List[str] = []
        self.out: List[Panorama] = []

    def add(self, row: dict, where: str) -> None:
        image = str(row.get(self.image) or "").strip()
        x, y = _number(row.get(self.x)), _number(row.get(self.y))
        if not image:
            self.problems.append(tr("{where}: no image given; row skipped.").format(where=where))
            return
        if x is None or y is None:
            self.problems.append(tr("{where}: the position is missing or not a number; row "
                                    "skipped.").format(where=where))
            return
        if not plausible(self.epsg, x, y):
            raise ParseError(tr("{file}: {where} has the position {x}, {y}, impossible in "
                                "EPSG:{epsg}. Is the CRS of the index right?").format(
                file=self.source, where=where, x=x, y=y, epsg=self.epsg), source=self.source)
        heading = _number(row.get(self.heading)) if self.heading else 0.0
        if heading is None:
            self.problems.append(tr("{where}: the heading is not a number; 0° (north) is "
                                    "used.").format(where=where))
            heading = 0.0
        path, exists = _image_ref(image, self.base_dir)
        if not exists:
            self.problems.append(tr("{where}: the image {image} does not exist.").format(
                where=where, image=image))
        self.out.append(Panorama(path, x, y, heading % 360.0,
                                 str(row.get(self.time) or "") if self.time else "",
                                 str(row.get(self.pid) or "") if self.pid else "", exists))


def parse_csv(text: str, source: str = "", base_dir: str = "",
              epsg: Optional[int] = None) -> PanoramaIndex:
    """A CSV index (',' ';' or tab separated, header row)."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ParseError(tr("{file} is empty.").format(file=source), source=source)
    first = text.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        header = reader.fieldnames or []
        rows = _Rows(header, source, epsg, base_dir)
        for n, row in enumerate(reader, start=2):
            if n > MAX_ROWS:
                raise ParseError(tr("{file} has more than {n} rows.").format(
                    file=source, n=MAX_ROWS), source=source)
            if None in row or any(v is None for v in row.values()):
                rows.problems.append(tr("row {n}: wrong number of fields; row skipped.")
                                     .format(n=n))
                continue
            rows.add(row, tr("row {n}").format(n=n))
    except csv.Error as exc:
        raise ParseError(tr("{file} is not a readable CSV file ({error}).").format(
            file=source, error=exc), detail=str(exc), source=source) from exc
    return PanoramaIndex(rows.out, rows.epsg, rows.problems)


def parse_json(text: str, source: str = "", base_dir: str = "",
               epsg: Optional[int] = None) -> PanoramaIndex:
    """A JSON index: a list of objects, {"crs": ..., "panoramas": [...]}, or a GeoJSON
    FeatureCollection of points (EPSG:4326 unless it names a CRS)."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError(tr("{file} is not valid JSON ({error}).").format(
            file=source, error=exc), detail=str(exc), source=source) from exc
    records: List[dict] = []
    if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        crs = doc.get("crs")
        name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
        epsg = epsg or _epsg(name) or 4326
        for feat in doc.get("features") or []:
            if not isinstance(feat, dict):
                continue
            props = dict(feat.get("properties") or {})
            geom = feat.get("geometry") or {}
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if isinstance(geom, dict) and geom.get("type") == "Point" and \
                    isinstance(coords, list) and len(coords) >= 2:
                props["x"], props["y"] = coords[0], coords[1]
            else:
                props.setdefault("x", None)
                props.setdefault("y", None)
            records.append(props)
    elif isinstance(doc, dict):
        key = _find(doc.keys(), ("panoramas", "panoramen", "items", "images", "bilder"))
        crs_key = _find(doc.keys(), CRS_KEYS)
        epsg = epsg or (_epsg(doc.get(crs_key)) if crs_key else None)
        if crs_key and doc.get(crs_key) and epsg is None:
            raise ParseError(tr("{file}: the CRS {crs} is unknown.").format(
                file=source, crs=doc.get(crs_key)), source=source)
        records = doc.get(key) if key else None
        if not isinstance(records, list):
            raise ParseError(tr("{file}: no list of panoramas found (expected a list, "
                                "{{\"panoramas\": [...]}} or a GeoJSON FeatureCollection).")
                             .format(file=source), source=source)
    elif isinstance(doc, list):
        records = doc
    else:
        raise ParseError(tr("{file}: no list of panoramas found (expected a list, "
                            "{{\"panoramas\": [...]}} or a GeoJSON FeatureCollection).")
                         .format(file=source), source=source)
    dicts = [r for r in records if isinstance(r, dict)]
    keys: Dict[str, None] = {}
    for r in dicts[:1000]:
        keys.update(dict.fromkeys(r.keys()))
    rows = _Rows(keys.keys(), source, epsg, base_dir)
    if len(dicts) < len(records):
        rows.problems.append(tr("{n} entries are not objects and were skipped.").format(
            n=len(records) - len(dicts)))
    for n, rec in enumerate(dicts, start=1):
        rows.add(rec, tr("entry {n}").format(n=n))
    return PanoramaIndex(rows.out, rows.epsg, rows.problems)


def read_index(path: str, epsg: Optional[int] = None) -> PanoramaIndex:
    """CSV or JSON index file; image paths relative to the index's folder."""
    source = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(200 * 1024 * 1024 + 1)
    except OSError as exc:
        raise ParseError(tr("The file {path} cannot be read ({error}).").format(
            path=path, error=exc.strerror or exc), source=path) from exc
    if len(raw) > 200 * 1024 * 1024:
        raise ParseError(tr("{file} is larger than 200 MB.").format(file=source), source=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    base = os.path.dirname(os.path.abspath(path))
    if path.lower().endswith((".json", ".geojson")) or text.lstrip()[:1] in ("{", "["):
        return parse_json(text, source, base, epsg)
    return parse_csv(text, source, base, epsg)


def from_photos(meta: Iterable[Tuple[str, Optional[dict]]]) -> PanoramaIndex:
    """An index from JPEG tags ((path, jpegmeta.read_tags result or None) pairs):
    positions from EXIF GPS (EPSG:4326), heading from GPano PoseHeadingDegrees (else the
    GPS image direction)."""
    index = PanoramaIndex(epsg=4326)
    for path, tags in meta:
        name = os.path.basename(path)
        if not tags or tags.get("lat") is None or tags.get("lon") is None:
            index.problems.append(tr("{file}: no GPS position in the image tags; skipped.")
                                  .format(file=name))
            continue
        if tags.get("projection") not in (None, "", "equirectangular"):
            index.problems.append(tr("{file}: projection {p} is not equirectangular; "
                                     "skipped.").format(file=name, p=tags.get("projection")))
            continue
        heading = tags.get("heading")
        if heading is None:
            heading = tags.get("direction", 0.0) or 0.0
        index.panoramas.append(Panorama(os.path.abspath(path), tags["lon"], tags["lat"],
                                        float(heading) % 360.0, tags.get("time", ""),
                                        os.path.splitext(name)[0], True))
    return index


# -- geometry ---------------------------------------------------------------------------

def bearing(x0: float, y0: float, x1: float, y1: float) -> float:
    """Grid bearing from (x0, y0) to (x1, y1) in a projected CRS, degrees clockwise
    from north (grid north; in UTM it differs from true north by the meridian
    convergence, under 1.5° in Hamm)."""
    return (math.degrees(math.atan2(x1 - x0, y1 - y0)) + 360.0) % 360.0


def nearest(points: Sequence[Tuple[float, float]], x: float, y: float,
            max_distance: Optional[float] = None) -> Optional[int]:
    """Index of the point closest to (x, y), or None (none within ``max_distance``)."""
    if len(points) == 0:
        return None
    arr = np.asarray(points, dtype=float)
    d2 = (arr[:, 0] - x) ** 2 + (arr[:, 1] - y) ** 2
    i = int(np.argmin(d2))
    if max_distance is not None and d2[i] > max_distance ** 2:
        return None
    return i


def view_cone(x: float, y: float, yaw: float, fov: float, length: float,
              steps: int = 16) -> List[Tuple[float, float]]:
    """Closed ring of the view cone (a circular sector) from (x, y) towards ``yaw``."""
    ring = [(x, y)]
    for i in range(steps + 1):
        a = math.radians(yaw - fov / 2.0 + fov * i / steps)
        ring.append((x + length * math.sin(a), y + length * math.cos(a)))
    ring.append((x, y))
    return ring


# -- the view ---------------------------------------------------------------------------

MIN_FOV, MAX_FOV = 20.0, 120.0


def clamp_view(yaw: float, pitch: float, fov: float) -> Tuple[float, float, float]:
    fov = min(MAX_FOV, max(MIN_FOV, fov))
    pitch = min(90.0 - fov / 4.0, max(-90.0 + fov / 4.0, pitch))
    return yaw % 360.0, pitch, fov


def drag(yaw: float, pitch: float, fov: float, dx: float, dy: float,
         width: int) -> Tuple[float, float]:
    """New (yaw, pitch) after dragging the image by (dx, dy) pixels: the scene follows
    the mouse, so dragging to the right turns the view to the left."""
    per_px = fov / max(1, width)
    return (yaw - dx * per_px) % 360.0, pitch + dy * per_px


def zoom(fov: float, wheel_steps: float) -> float:
    """Field of view after ``wheel_steps`` notches (positive = zoom in)."""
    return min(MAX_FOV, max(MIN_FOV, fov * (0.9 ** wheel_steps)))


def perspective_lookup(width: int, height: int, yaw: float, pitch: float, fov: float,
                       img_w: int, img_h: int, image_heading: float
                       ) -> Tuple[np.ndarray, np.ndarray]:
    """For each pixel of a ``width`` x ``height`` perspective view (horizontal field of
    view ``fov``), the column and row of the equirectangular source image it shows.

    Each screen pixel is a ray (x right, y down, z forward) from a pinhole camera, rotated
    by the pitch (about x) and the yaw (about the vertical); its azimuth and elevation
    give the source pixel: column = ((azimuth - image_heading) / 360 + 0.5) * img_w,
    row = (0.5 - elevation / 180) * img_h.
    """
    f = (width / 2.0) / math.tan(math.radians(fov) / 2.0)
    xs = np.arange(width, dtype=np.float64) - (width - 1) / 2.0
    ys = np.arange(height, dtype=np.float64) - (height - 1) / 2.0
    x, y = np.meshgrid(xs, ys)
    z = np.full_like(x, f)
    p = math.radians(pitch)
    # pitch up: rotate the ray about the x axis (y down, so up is -y)
    y2 = y * math.cos(p) - z * math.sin(p)
    z2 = y * math.sin(p) + z * math.cos(p)
    azimuth = np.degrees(np.arctan2(x, z2)) + yaw
    elevation = np.degrees(np.arctan2(-y2, np.hypot(x, z2)))
    u = (((azimuth - image_heading) / 360.0 + 0.5) % 1.0) * img_w
    v = (0.5 - elevation / 180.0) * img_h
    cols = np.clip(u.astype(np.int64), 0, img_w - 1)
    rows = np.clip(v.astype(np.int64), 0, img_h - 1)
    return cols, rows


def column_of(azimuth: float, image_heading: float, img_w: int) -> int:
    """Source column of a compass direction (for tests and markers)."""
    return int((((azimuth - image_heading) / 360.0 + 0.5) % 1.0) * img_w)
