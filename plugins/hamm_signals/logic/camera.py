"""Pinhole camera over a flat ground plane.

World frame: x = east, y = north (map grid of a projected CRS such as EPSG:25832, metres),
z = up, the ground is z = 0. The camera stands at (x, y) with its optical centre h metres
above the ground. Heading (azimuth) is measured clockwise from grid north in degrees, tilt
is the depression of the optical axis below the horizon in degrees (0 = looking level,
90 = straight down); roll is zero.

Camera frame as in photogrammetry/computer vision (Hartley & Zisserman, "Multiple View
Geometry", ch. 6): x to the right of the image, y down the image, z along the optical
axis. Pixel coordinates are continuous, (0, 0) is the top-left corner of the image and
the principal point sits in the image centre (W/2, H/2).
Intrinsics: f_x = (W/2) / tan(HFOV/2), f_y = (H/2) / tan(VFOV/2); from a focal length f
and a sensor of width s_w: f_x = f * W / s_w (same for y).
"""

import math
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .errors import SignalsError
from .i18n import tr

Point2 = Tuple[float, float]

# Smallest extent of each road-user class seen from the camera (height, width in metres).
# Typical values: pedestrian 1.5-1.9 m tall and about 0.5 m wide (shoulders); cyclist with
# bike 1.6-1.9 m tall, about 0.6 m wide seen head-on; car about 1.4-1.6 m tall, 1.7-1.9 m
# wide. The checks use the conservative lower values below (a child, a small car).
ROAD_USERS = {
    "pedestrian": (1.2, 0.4),
    "bike": (1.4, 0.5),
    "car": (1.4, 1.6),
}


@dataclass
class Camera:
    x: float
    y: float
    height: float
    heading: Optional[float]
    tilt: Optional[float]
    width_px: int = 1920
    height_px: int = 1080
    hfov: Optional[float] = None
    vfov: Optional[float] = None
    focal_mm: Optional[float] = None
    sensor_w_mm: Optional[float] = None
    sensor_h_mm: Optional[float] = None
    max_range: float = 80.0
    name: str = ""
    ident: Optional[int] = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        self.validate()

    # -- validation ---------------------------------------------------------------------
    def validate(self) -> None:
        label = self.name or "?"
        if self.heading is None or (isinstance(self.heading, float) and math.isnan(self.heading)):
            raise SignalsError(tr("Camera {name} has no heading (azimuth). Enter the direction "
                                  "the camera looks in, in degrees clockwise from north.")
                               .format(name=label))
        if self.tilt is None or (isinstance(self.tilt, float) and math.isnan(self.tilt)):
            raise SignalsError(tr("Camera {name} has no tilt. Enter the angle of the optical "
                                  "axis below the horizon in degrees.").format(name=label))
        if not 0.0 < float(self.tilt) < 90.0:
            raise SignalsError(tr("Camera {name}: the tilt must lie between 0 and 90 degrees "
                                  "below the horizon, not {tilt}.").format(name=label,
                                                                           tilt=self.tilt))
        if self.height is None or not float(self.height) > 0.0:
            raise SignalsError(tr("Camera {name}: the mounting height must be greater than "
                                  "0 m.").format(name=label))
        if not (self.width_px and self.height_px and self.width_px > 0 and self.height_px > 0):
            raise SignalsError(tr("Camera {name}: the image resolution is missing.")
                               .format(name=label))
        if self.max_range is None or not float(self.max_range) > 0.0:
            raise SignalsError(tr("Camera {name}: the maximum detection range must be greater "
                                  "than 0 m.").format(name=label))
        self.fx, self.fy = self._focal_px()

    def _focal_px(self) -> Tuple[float, float]:
        label = self.name or "?"
        w, h = float(self.width_px), float(self.height_px)
        if self.hfov:
            if not 0.0 < self.hfov < 180.0:
                raise SignalsError(tr("Camera {name}: the horizontal field of view must lie "
                                      "between 0 and 180 degrees.").format(name=label))
            fx = (w / 2.0) / math.tan(math.radians(self.hfov) / 2.0)
            if self.vfov:
                if not 0.0 < self.vfov < 180.0:
                    raise SignalsError(tr("Camera {name}: the vertical field of view must lie "
                                          "between 0 and 180 degrees.").format(name=label))
                fy = (h / 2.0) / math.tan(math.radians(self.vfov) / 2.0)
            else:
                fy = fx  # square pixels
            return fx, fy
        if self.focal_mm and self.sensor_w_mm:
            fx = self.focal_mm * w / self.sensor_w_mm
            fy = self.focal_mm * h / self.sensor_h_mm if self.sensor_h_mm else fx
            return fx, fy
        raise SignalsError(tr("Camera {name}: the optics are missing. Enter the horizontal "
                              "field of view, or the focal length and the sensor width.")
                           .format(name=label))

    # -- derived quantities -------------------------------------------------------------
    @property
    def hfov_deg(self) -> float:
        return math.degrees(2.0 * math.atan(self.width_px / 2.0 / self.fx))

    @property
    def vfov_deg(self) -> float:
        return math.degrees(2.0 * math.atan(self.height_px / 2.0 / self.fy))

    @property
    def centre(self) -> np.ndarray:
        return np.array([self.x, self.y, self.height], dtype=float)

    def K(self) -> np.ndarray:  # noqa: N802 - the usual name of the intrinsic matrix
        return np.array([[self.fx, 0.0, self.width_px / 2.0],
                         [0.0, self.fy, self.height_px / 2.0],
                         [0.0, 0.0, 1.0]])

    def R(self) -> np.ndarray:  # noqa: N802 - rotation world -> camera
        a, t = math.radians(self.heading), math.radians(self.tilt)
        forward = np.array([math.sin(a) * math.cos(t), math.cos(a) * math.cos(t), -math.sin(t)])
        right = np.array([math.cos(a), -math.sin(a), 0.0])
        down = np.cross(forward, right)
        return np.vstack([right, down, forward])

    def ground_homography(self) -> np.ndarray:
        """3x3 H with [u, v, 1] ~ H [x, y, 1] for ground points (z = 0)."""
        rot = self.R()
        t = -rot @ self.centre
        return self.K() @ np.column_stack([rot[:, 0], rot[:, 1], t])

    # -- projections --------------------------------------------------------------------
    def to_camera(self, pts: np.ndarray) -> np.ndarray:
        pts = np.atleast_2d(np.asarray(pts, dtype=float))
        if pts.shape[1] == 2:
            pts = np.column_stack([pts, np.zeros(len(pts))])
        return (pts - self.centre) @ self.R().T

    def project(self, pts) -> np.ndarray:
        """World points (N x 2 on the ground, or N x 3) -> pixels (N x 2); NaN behind."""
        cam = self.to_camera(pts)
        out = np.full((len(cam), 2), np.nan)
        front = cam[:, 2] > 1e-9
        out[front, 0] = self.width_px / 2.0 + self.fx * cam[front, 0] / cam[front, 2]
        out[front, 1] = self.height_px / 2.0 + self.fy * cam[front, 1] / cam[front, 2]
        return out

    def in_image(self, pixels: np.ndarray) -> np.ndarray:
        pixels = np.atleast_2d(pixels)
        ok = ~np.isnan(pixels).any(axis=1)
        with np.errstate(invalid="ignore"):
            ok &= (pixels[:, 0] >= -1e-6) & (pixels[:, 0] <= self.width_px + 1e-6)
            ok &= (pixels[:, 1] >= -1e-6) & (pixels[:, 1] <= self.height_px + 1e-6)
        return ok

    def pixel_to_ground(self, pixels) -> np.ndarray:
        """Pixels (N x 2) -> ground points (N x 2); NaN where the ray misses the ground."""
        pixels = np.atleast_2d(np.asarray(pixels, dtype=float))
        rays_cam = np.column_stack([(pixels[:, 0] - self.width_px / 2.0) / self.fx,
                                    (pixels[:, 1] - self.height_px / 2.0) / self.fy,
                                    np.ones(len(pixels))])
        rays = rays_cam @ self.R()  # R^T applied to each row
        out = np.full((len(pixels), 2), np.nan)
        down = rays[:, 2] < -1e-12
        s = -self.height / rays[down, 2]
        out[down, 0] = self.x + s * rays[down, 0]
        out[down, 1] = self.y + s * rays[down, 1]
        return out

    def distance(self, pts) -> np.ndarray:
        pts = np.atleast_2d(np.asarray(pts, dtype=float))
        return np.hypot(pts[:, 0] - self.x, pts[:, 1] - self.y)

    def sees(self, pts) -> np.ndarray:
        """True where a ground point lies in the image and within the maximum range."""
        return self.in_image(self.project(pts)) & (self.distance(pts) <= self.max_range + 1e-9)

    def object_pixels(self, point: Point2, obj_height: float, obj_width: float) -> Tuple[float, float]:
        """Height and width in pixels of an upright object standing at a ground point, its
        width measured across the line of sight."""
        px, py = point
        dx, dy = px - self.x, py - self.y
        dist = math.hypot(dx, dy)
        if dist < 1e-9:
            return float("nan"), float("nan")
        ex, ey = -dy / dist * obj_width / 2.0, dx / dist * obj_width / 2.0
        pts = np.array([[px, py, 0.0], [px, py, obj_height],
                        [px - ex, py - ey, 0.0], [px + ex, py + ey, 0.0]])
        pix = self.project(pts)
        if np.isnan(pix).any():
            return float("nan"), float("nan")
        h = float(np.hypot(*(pix[1] - pix[0])))
        w = float(np.hypot(*(pix[3] - pix[2])))
        return h, w

    def footprint(self, segments: int = 128) -> List[Point2]:
        """Ground area the camera sees within its range: the range disk (a polygon of
        ``segments`` vertices) clipped by the half-planes of the four image edges and of
        'in front of the camera'. Each condition is linear in the ground point, e.g.
        u >= 0  <=>  c_x Z + f_x X >= 0 for Z > 0 (X, Y, Z camera coordinates)."""
        r = self.max_range
        poly = [(self.x + r * math.cos(2 * math.pi * k / segments),
                 self.y + r * math.sin(2 * math.pi * k / segments)) for k in range(segments)]
        rot = self.R()
        c = self.centre
        w, h = float(self.width_px), float(self.height_px)
        # camera coordinates of ground point (x, y, 0): A @ [x, y] + b
        a_mat = rot[:, :2]
        b_vec = -rot @ c
        rows = [  # (coefficients on X, Y, Z) >= 0
            (0.0, 0.0, 1.0),
            (self.fx, 0.0, w / 2.0),           # u >= 0
            (-self.fx, 0.0, w / 2.0),          # u <= W
            (0.0, self.fy, h / 2.0),           # v >= 0
            (0.0, -self.fy, h / 2.0),          # v <= H
        ]
        for k, row in enumerate(rows):
            coef = np.array(row)
            ab = coef @ a_mat
            cc = float(coef @ b_vec) - (1e-6 if k == 0 else 0.0)  # strictly in front
            poly = clip_halfplane(poly, float(ab[0]), float(ab[1]), cc)
            if not poly:
                return []
        return poly


def clip_halfplane(poly: Sequence[Point2], a: float, b: float, c: float) -> List[Point2]:
    """Sutherland-Hodgman: the part of a polygon (open ring) with a*x + b*y + c >= 0."""
    out: List[Point2] = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        fp, fq = a * p[0] + b * p[1] + c, a * q[0] + b * q[1] + c
        if fp >= 0:
            out.append(p)
        if (fp >= 0) != (fq >= 0):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def camera_from_record(rec: dict) -> Camera:
    """A Camera from a dict with the model's field names (see logic.model.CAMERA_FIELDS)."""
    def num(key):
        value = rec.get(key)
        if value is None or value == "":
            return None
        try:
            value = float(value)
        except (TypeError, ValueError):
            return None
        return None if math.isnan(value) else value

    return Camera(x=float(rec["x"]), y=float(rec["y"]), height=num("hoehe_m"),
                  heading=num("azimut_grad"), tilt=num("neigung_grad"),
                  width_px=int(num("bild_breite_px") or 0), height_px=int(num("bild_hoehe_px") or 0),
                  hfov=num("hfov_grad"), vfov=num("vfov_grad"), focal_mm=num("brennweite_mm"),
                  sensor_w_mm=num("sensor_breite_mm"), sensor_h_mm=num("sensor_hoehe_mm"),
                  max_range=num("max_reichweite_m"), name=str(rec.get("name") or ""),
                  ident=rec.get("fid"))
