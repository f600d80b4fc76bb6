"""A small line chart drawn with QPainter: time on x (UTC), the first unit on the left axis,
the second on the right axis; with more than two units one panel per unit, stacked over the
same time axis; a legend below. No matplotlib."""

from datetime import datetime, timezone
from typing import List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QPoint, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..logic.i18n import tr
from ..logic.timeseries import Series, axes_of, nice_ticks, time_ticks

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22"]


class ChartWidget(QWidget):
    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 64, 16, 40
    LEGEND_LINE = 16
    PANEL_GAP = 10.0

    def __init__(self, parent=None):
        super().__init__(parent)
        self.series: List[Series] = []
        self.start: Optional[datetime] = None
        self.end: Optional[datetime] = None
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- data -----------------------------------------------------------------------------
    def set_series(self, series: Sequence[Series], start: Optional[datetime] = None,
                   end: Optional[datetime] = None) -> None:
        self.series = list(series)
        times = [t for s in self.series for t, _v in s.points]
        self.start = start or (min(times) if times else None)
        self.end = end or (max(times) if times else None)
        self.update()

    def panels(self) -> List[List[Tuple[str, List[int]]]]:
        """The value axes as [(unit, series indexes)] per panel: up to two units share one
        panel (left and right axis); with more, every unit gets a panel of its own, stacked
        over the same time axis."""
        groups = axes_of(self.series)
        if len(groups) <= 2:
            return [groups] if groups else []
        return [[group] for group in groups]

    def axes(self) -> List[Tuple[str, List[int]]]:
        """[(unit, series indexes)] of all drawn axes, panel by panel (left, then right)."""
        return [axis for panel in self.panels() for axis in panel]

    def axis_titles(self) -> List[str]:
        """The titles written on the axes (the unit, with the properties it shows)."""
        out = []
        for unit, idx in self.axes():
            props = sorted({self.series[i].prop for i in idx})
            out.append("{} [{}]".format(", ".join(props), unit or "-"))
        return out

    def color_of(self, index: int) -> QColor:
        return QColor(PALETTE[index % len(PALETTE)])

    def placement(self) -> List[Tuple[int, int]]:
        """(panel, side) of every series: side 0 = left axis, 1 = right axis."""
        out = [(0, 0)] * len(self.series)
        for p, panel in enumerate(self.panels()):
            for side, (_unit, idx) in enumerate(panel):
                for i in idx:
                    out[i] = (p, side)
        return out

    def legend_entries(self) -> List[str]:
        """The legend's lines: label, unit and where the series is drawn."""
        many = len(self.panels()) > 1
        out = []
        for s, (panel, side) in zip(self.series, self.placement()):
            if many:
                where = tr("panel {n}").format(n=panel + 1)
            else:
                where = tr("right axis") if side else tr("left axis")
            out.append("{} ({}, {})".format(s.label, s.unit or "-", where))
        return out

    # -- drawing --------------------------------------------------------------------------
    def legend_height(self) -> int:
        return self.LEGEND_LINE * len(self.series)

    def plot_rect(self) -> QRectF:
        """The area of all panels together."""
        return QRectF(self.MARGIN_LEFT, self.MARGIN_TOP,
                      max(10, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
                      max(10, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM
                          - self.legend_height()))

    def panel_rects(self) -> List[QRectF]:
        """One rectangle per panel, stacked top to bottom with a small gap."""
        rect = self.plot_rect()
        n = max(1, len(self.panels()))
        gap = self.PANEL_GAP if n > 1 else 0.0
        height = max(10.0, (rect.height() - gap * (n - 1)) / n)
        return [QRectF(rect.left(), rect.top() + k * (height + gap), rect.width(), height)
                for k in range(n)]

    def paintEvent(self, _event):  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor("white"))
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        rect = self.plot_rect()
        painter.setPen(QPen(QColor("#444444"), 1))
        if not self.series or self.start is None or not any(s.points for s in self.series):
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                             tr("Select sensors on the map and load their observations."))
            return
        t0, t1 = self.start.timestamp(), self.end.timestamp()
        if t1 <= t0:
            t1 = t0 + 3600

        def x_of(t: datetime) -> float:
            return rect.left() + (t.timestamp() - t0) / (t1 - t0) * rect.width()

        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        grid = QPen(QColor("#dddddd"), 1, Qt.PenStyle.DotLine)
        ticks = time_ticks(self.start, self.end)
        titles = iter(self.axis_titles())
        boxes = self.panel_rects()
        for box, panel in zip(boxes, self.panels()):
            painter.setPen(QPen(QColor("#444444"), 1))
            painter.drawRect(box)
            for t in ticks:
                painter.setPen(grid)
                painter.drawLine(QPointF(x_of(t), box.top()), QPointF(x_of(t), box.bottom()))
            for side, (_unit, idx) in enumerate(panel):
                self._paint_axis(painter, box, side, idx, next(titles), x_of, grid,
                                 title_inside=len(boxes) > 1)
        # time axis under the last panel
        bottom = boxes[-1].bottom()
        span = t1 - t0
        fmt = "%H:%M" if span <= 86400 else "%d.%m. %H:%M"
        painter.setPen(QPen(QColor("#444444")))
        for t in ticks:
            painter.drawText(QRectF(x_of(t) - 50, bottom + 2, 100, 16),
                             Qt.AlignmentFlag.AlignHCenter,
                             t.astimezone(timezone.utc).strftime(fmt))
        painter.drawText(QRectF(rect.left(), bottom + 18, rect.width(), 16),
                         Qt.AlignmentFlag.AlignHCenter, tr("Time (UTC)"))
        # legend
        y = rect.bottom() + self.MARGIN_BOTTOM
        for i, (text, (_panel, side)) in enumerate(zip(self.legend_entries(), self.placement())):
            pen = QPen(self.color_of(i), 2)
            if side == 1:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), y + 8), QPointF(rect.left() + 24, y + 8))
            painter.setPen(QPen(QColor("#222222")))
            painter.drawText(QRectF(rect.left() + 30, y, rect.width() - 30, self.LEGEND_LINE),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += self.LEGEND_LINE

    def _paint_axis(self, painter: QPainter, rect: QRectF, side: int, idx: List[int],
                    title: str, x_of, grid: QPen, title_inside: bool = False) -> None:
        """One value axis (left or right of ``rect``) with its ticks, title and lines; the
        title along the axis, or (in the low panels of a stacked chart) in the panel's
        top left corner."""
        values = [v for i in idx for _t, v in self.series[i].points]
        if not values:
            return
        yticks = nice_ticks(min(values), max(values), target=5 if rect.height() > 120 else 3)
        lo, hi = yticks[0], yticks[-1]

        def y_of(v: float) -> float:
            return rect.bottom() - (v - lo) / (hi - lo) * rect.height()

        for v in yticks:
            y = y_of(v)
            if side == 0:
                painter.setPen(grid)
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(QPen(QColor("#444444")))
            label = "{:g}".format(v)
            if side == 0:
                painter.drawText(QRectF(rect.left() - 46, y - 8, 42, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 label)
            else:
                painter.drawText(QRectF(rect.right() + 4, y - 8, 42, 16),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 label)
        painter.save()
        painter.setClipRect(rect)
        for i in idx:
            path = QPainterPath()
            for k, (t, v) in enumerate(self.series[i].points):
                point = QPointF(x_of(t), y_of(v))
                if k == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            pen = QPen(self.color_of(i), 1.6)
            if side == 1:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.restore()
        painter.save()
        painter.setPen(QPen(QColor("#222222")))
        if title_inside:
            box = painter.fontMetrics().boundingRect(title).adjusted(-4, -1, 4, 1)
            box.moveTopLeft(rect.topLeft().toPoint() + QPoint(2, 2))
            painter.fillRect(box, QColor(255, 255, 255, 220))
            painter.drawText(QRectF(box), Qt.AlignmentFlag.AlignCenter, title)
        else:
            x = rect.left() - 50 if side == 0 else rect.right() + 50
            painter.translate(x, rect.center().y())
            painter.rotate(-90 if side == 0 else 90)
            painter.drawText(QRectF(-rect.height() / 2, -8, rect.height(), 16),
                             Qt.AlignmentFlag.AlignHCenter, title)
        painter.restore()
