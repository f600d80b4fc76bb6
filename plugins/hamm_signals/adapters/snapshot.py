"""A synthetic camera snapshot: the map as the camera would see the ground.

The layers are rendered top-down over the camera's footprint, then painted into an image of
the camera's resolution through the ground-to-image homography of the pinhole model
(logic/camera.py), as a QTransform (a projective 3x3 transform). Used by the demo so the
snapshot overlay has a picture to work on before a real snapshot from the site exists, and
to check the overlay by eye: the projected zones must sit on the painted ones.
"""

from typing import Sequence

import numpy as np
from qgis.core import (
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter, QTransform

from ..logic.camera import Camera
from ..logic.errors import SignalsError
from ..logic.i18n import tr
from .layers import CRS_25832


def qtransform(h: np.ndarray) -> QTransform:
    """QTransform of a 3x3 homography H with [u, v, w]^T ~ H [x, y, 1]^T (QTransform maps
    row vectors: x' = (m11 x + m21 y + m31) / (m13 x + m23 y + m33))."""
    h = np.asarray(h, dtype=float)
    return QTransform(h[0, 0], h[1, 0], h[2, 0], h[0, 1], h[1, 1], h[2, 1],
                      h[0, 2], h[1, 2], h[2, 2])


SKY = (170, 200, 230)
GROUND = (200, 200, 195)


def render_snapshot(cam: Camera, layers: Sequence, ground_px: float = 0.05) -> QImage:
    """The camera's view of the ground with the given layers painted on it."""
    sky, ground = QColor(*SKY), QColor(*GROUND)
    poly = cam.footprint(64)
    if len(poly) < 3:
        raise SignalsError(tr("Camera {name} sees no ground within its range.").format(
            name=cam.name or "?"))
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    extent = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
    w_px = max(1, int(round(extent.width() / ground_px)))
    h_px = max(1, int(round(extent.height() / ground_px)))
    scale = min(1.0, 6000.0 / max(w_px, h_px))  # keep the top-down image reasonable
    w_px, h_px = max(1, int(w_px * scale)), max(1, int(h_px * scale))
    top = QImage(w_px, h_px, QImage.Format.Format_ARGB32_Premultiplied)
    top.fill(ground)
    settings = QgsMapSettings()
    settings.setDestinationCrs(CRS_25832)
    settings.setOutputSize(QSize(w_px, h_px))
    settings.setExtent(extent)
    settings.setLayers(list(layers))
    settings.setBackgroundColor(ground)
    painter = QPainter(top)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    # top-down pixel (i, j) -> ground (x, y) -> camera image (u, v)
    dx = extent.width() / w_px
    dy = extent.height() / h_px
    pix_to_ground = np.array([[dx, 0.0, extent.xMinimum()],
                              [0.0, -dy, extent.yMaximum()],
                              [0.0, 0.0, 1.0]])
    h = cam.ground_homography() @ pix_to_ground
    out = QImage(cam.width_px, cam.height_px, QImage.Format.Format_RGB32)
    out.fill(sky)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.setTransform(qtransform(h / h[2, 2]))
    painter.drawImage(0, 0, top)
    painter.end()
    return out


# which snapshot file belongs to which camera: JSON {camera fid: path} on the camera
# layer, saved with the project (paths through the project's resolver, so a project
# saved with relative paths moves with its folder)
SNAPSHOTS_PROPERTY = "hamm_signals/snapshots"


def _snapshot_map(camera_layer) -> dict:
    import json
    try:
        doc = json.loads(str(camera_layer.customProperty(SNAPSHOTS_PROPERTY, "") or "{}"))
    except ValueError:
        return {}
    return doc if isinstance(doc, dict) else {}


def remembered_snapshot(camera_layer, fid, project=None) -> str:
    """The absolute path of the snapshot last used for camera ``fid``, or ''."""
    from qgis.core import QgsProject
    path = _snapshot_map(camera_layer).get(str(fid))
    if not isinstance(path, str) or not path:
        return ""
    return (project or QgsProject.instance()).readPath(path)


def remember_snapshot(camera_layer, fid, path: str, project=None) -> None:
    import json

    from qgis.core import QgsProject
    doc = _snapshot_map(camera_layer)
    doc[str(fid)] = (project or QgsProject.instance()).writePath(path)
    camera_layer.setCustomProperty(SNAPSHOTS_PROPERTY, json.dumps(doc, sort_keys=True))
