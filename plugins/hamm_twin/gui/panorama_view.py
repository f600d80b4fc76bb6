"""An interactive view into an equirectangular panorama: drag to look around, wheel to
zoom. Each repaint maps the widget's pixels through a pinhole camera onto the panorama
(logic.panorama.perspective_lookup) and gathers the pixels with numpy; large widgets
render at a reduced resolution while dragging."""

import numpy as np
from qgis.PyQt.QtCore import QPointF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QImage, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..logic import panorama
from ..logic.i18n import tr

MAX_RENDER_PIXELS = 640 * 400


def image_to_array(image: QImage) -> np.ndarray:
    """(h, w) uint32 ARGB array of a QImage (a copy)."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes() if hasattr(img, "sizeInBytes") else img.byteCount())
    arr = np.frombuffer(ptr, dtype=np.uint32).reshape(h, img.bytesPerLine() // 4)
    return arr[:, :w].copy()


def array_to_image(arr: np.ndarray) -> QImage:
    arr = np.ascontiguousarray(arr, dtype=np.uint32)
    h, w = arr.shape
    image = QImage(arr.data, w, h, w * 4, QImage.Format.Format_RGB32)
    return image.copy()  # own the pixels


class PanoramaView(QWidget):
    """Emits viewChanged(yaw, pitch, fov) whenever the viewing direction changes."""

    viewChanged = pyqtSignal(float, float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.source = None          # (h, w) uint32
        self.heading = 0.0          # compass heading of the image centre
        self.yaw, self.pitch, self.fov = 0.0, 0.0, 90.0
        self.message = tr("No panorama selected: click on the map near a panorama point.")
        self._press = None
        self._dragging = False
        self.last_frame = None      # the QImage last drawn (for tests and export)

    # -- state ----------------------------------------------------------------------
    def set_panorama(self, image: QImage, heading: float, yaw: float = None) -> None:
        self.source = image_to_array(image)
        self.heading = float(heading)
        self.message = ""
        self.set_view(self.heading if yaw is None else yaw, 0.0, self.fov)

    def clear(self, message: str = "") -> None:
        self.source = None
        self.message = message
        self.update()

    def set_view(self, yaw: float, pitch: float, fov: float) -> None:
        self.yaw, self.pitch, self.fov = panorama.clamp_view(yaw, pitch, fov)
        self.update()
        self.viewChanged.emit(self.yaw, self.pitch, self.fov)

    # -- rendering --------------------------------------------------------------------
    def render_frame(self, width: int, height: int) -> QImage:
        """The current view as an image of ``width`` x ``height`` pixels."""
        src = self.source
        cols, rows = panorama.perspective_lookup(width, height, self.yaw, self.pitch,
                                                 self.fov, src.shape[1], src.shape[0],
                                                 self.heading)
        return array_to_image(src[rows, cols])

    def paintEvent(self, event):  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202020"))
        if self.source is None:
            painter.setPen(QColor("#e0e0e0"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.message)
            painter.end()
            return
        w, h = max(1, self.width()), max(1, self.height())
        scale = 1.0
        budget = MAX_RENDER_PIXELS // (4 if self._dragging else 1)
        if w * h > budget:
            scale = (budget / float(w * h)) ** 0.5
        rw, rh = max(1, int(w * scale)), max(1, int(h * scale))
        frame = self.render_frame(rw, rh)
        self.last_frame = frame
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self.rect(), frame)
        self._draw_compass(painter, w, h)
        painter.end()

    def _draw_compass(self, painter: QPainter, w: int, h: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(255, 255, 255, 220))
        names = {0: tr("N"), 90: tr("E"), 180: tr("S"), 270: tr("W")}
        for az, name in names.items():
            delta = (az - self.yaw + 540.0) % 360.0 - 180.0
            if abs(delta) < self.fov / 2.0:
                import math
                f = (w / 2.0) / math.tan(math.radians(self.fov) / 2.0)
                x = w / 2.0 + f * math.tan(math.radians(delta))
                painter.drawText(QPointF(x - 4, 16), name)
        painter.drawText(QPointF(8, h - 8), "{:.0f}°  FOV {:.0f}°".format(self.yaw, self.fov))

    # -- interaction ------------------------------------------------------------------
    def mousePressEvent(self, event):  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.pos()
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt API
        if self._press is None or self.source is None:
            return
        dx = event.pos().x() - self._press.x()
        dy = event.pos().y() - self._press.y()
        self._press = event.pos()
        yaw, pitch = panorama.drag(self.yaw, self.pitch, self.fov, dx, dy, self.width())
        self.set_view(yaw, pitch, self.fov)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt API
        self._press = None
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.update()

    def wheelEvent(self, event):  # noqa: N802 - Qt API
        if self.source is None:
            return
        steps = event.angleDelta().y() / 120.0
        self.set_view(self.yaw, self.pitch, panorama.zoom(self.fov, steps))

    def keyPressEvent(self, event):  # noqa: N802 - Qt API
        step = self.fov / 10.0
        key = event.key()
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                 Qt.Key.Key_Up: (0, step), Qt.Key.Key_Down: (0, -step)}
        if key in moves and self.source is not None:
            dy, dp = moves[key]
            self.set_view(self.yaw + dy, self.pitch + dp, self.fov)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and self.source is not None:
            self.set_view(self.yaw, self.pitch,
                          panorama.zoom(self.fov, 1 if key == Qt.Key.Key_Plus else -1))
        else:
            super().keyPressEvent(event)
