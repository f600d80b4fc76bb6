"""Zones over a camera snapshot and back: the map's zones drawn into the image (pinhole
model from the camera's pose and optics, or a homography estimated from ground control
points), zones drawn on the image put onto the ground.

Image coordinates are continuous pixels, (0, 0) the top-left corner of the image (as in
logic/camera.py); ground coordinates are map metres (EPSG:25832).
"""

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np

from . import geometry as geo
from .camera import Camera, clip_halfplane
from .errors import SignalsError
from .homography import (
    apply_homography,
    estimate_homography,
    invert_homography,
    reprojection_rms,
)
from .i18n import tr

Point2 = Tuple[float, float]
NEAR_M = 0.5  # ground parts closer than this to the camera plane are cut off


def clip_in_front(cam: Camera, ring: Sequence[Point2], near: float = NEAR_M) -> List[Point2]:
    """The part of a ground polygon at least `near` metres in front of the camera (its
    depth along the optical axis), so that it projects without wrapping round."""
    rot = cam.R()
    a, b = float(rot[2, 0]), float(rot[2, 1])
    c = float(-rot[2] @ cam.centre) - near
    return clip_halfplane(geo.open_ring(ring), a, b, c)


def zones_to_image_pinhole(cam: Camera, rings: Sequence[Sequence[Point2]]) -> List[List[Point2]]:
    """Each ground ring projected into the image (open rings; [] where a zone lies wholly
    behind the camera)."""
    out = []
    for ring in rings:
        part = clip_in_front(cam, ring)
        out.append([] if len(part) < 3 else [tuple(p) for p in cam.project(np.asarray(part))])
    return out


def zones_to_image_homography(h_image_to_ground: np.ndarray,
                              rings: Sequence[Sequence[Point2]]) -> List[List[Point2]]:
    h_inv = invert_homography(h_image_to_ground)
    out = []
    for ring in rings:
        pts = geo.open_ring(ring)
        hom = np.column_stack([np.asarray(pts), np.ones(len(pts))]) @ h_inv.T
        w = hom[:, 2] if len(pts) else np.zeros(0)
        # the sign of w is arbitrary for a homography, but it changes across the horizon:
        # a zone with mixed signs lies partly behind the camera
        if len(pts) < 3 or not ((w > 1e-12).all() or (w < -1e-12).all()):
            out.append([])
            continue
        out.append([tuple(p) for p in hom[:, :2] / hom[:, 2:3]])
    return out


def image_to_ground(pixels: Sequence[Point2], cam: Optional[Camera] = None,
                    h_image_to_ground: Optional[np.ndarray] = None,
                    reference: Sequence[Point2] = ()) -> List[Point2]:
    """Image points on the ground plane: through the homography when given, else through
    the camera's pinhole model. Raises SignalsError for a point above the horizon (for the
    homography: on the other side of its horizon line than the `reference` pixels, the
    control points, which lie on the ground)."""
    pix = np.asarray(pixels, dtype=float)
    if h_image_to_ground is not None:
        ground = apply_homography(h_image_to_ground, pix)
        if len(reference):
            ref = np.asarray(h_image_to_ground)[2] @ np.append(np.asarray(reference[0],
                                                                          dtype=float), 1.0)
            w = np.column_stack([pix, np.ones(len(pix))]) @ np.asarray(h_image_to_ground)[2]
            if not (np.sign(w) == np.sign(ref)).all():
                ground = np.full_like(ground, np.nan)
    elif cam is not None:
        ground = cam.pixel_to_ground(pix)
    else:
        raise SignalsError(tr("Choose a camera or estimate the homography from control points "
                              "first."))
    if not np.isfinite(ground).all():
        raise SignalsError(tr("A point drawn on the image lies above the horizon; it does not "
                              "meet the ground. Draw the zone on the road surface."))
    return [tuple(p) for p in ground]


@dataclass
class ControlPoints:
    """Ground control points: pairs of an image point and a map point, entered in either
    order (an image click waits for its map click and vice versa)."""
    pairs: List[Tuple[Point2, Point2]] = field(default_factory=list)
    pending_image: Optional[Point2] = None
    pending_map: Optional[Point2] = None

    def _complete(self) -> bool:
        if self.pending_image is not None and self.pending_map is not None:
            self.pairs.append((self.pending_image, self.pending_map))
            self.pending_image = self.pending_map = None
            return True
        return False

    def add_image(self, u: float, v: float) -> bool:
        """Returns True when this completed a pair."""
        self.pending_image = (float(u), float(v))
        return self._complete()

    def add_map(self, x: float, y: float) -> bool:
        self.pending_map = (float(x), float(y))
        return self._complete()

    def remove(self, index: int) -> None:
        del self.pairs[index]

    def clear(self) -> None:
        self.pairs.clear()
        self.pending_image = self.pending_map = None

    def estimate(self) -> Tuple[np.ndarray, float]:
        """Image-to-ground homography and its RMS residual on the ground in metres."""
        img = [p[0] for p in self.pairs]
        gnd = [p[1] for p in self.pairs]
        h = estimate_homography(img, gnd)
        return h, reprojection_rms(h, img, gnd)
