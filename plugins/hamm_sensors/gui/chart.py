"""A small line chart drawn with QPainter: time on x (UTC), the first unit on the left axis,
the second on the right axis, a legend below. No matplotlib."""

from datetime import datetime, timezone
from typing import List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..logic.i18n import tr
from ..logic.timeseries import Series, axes_of, nice_ticks, time_ticks

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#7f7f7f", "#bcbd22"]


class ChartWidget(QWidget):
    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 64, 16, 40
    LEGEND_LINE = 16

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

    def axes(self) -> List[Tuple[str, List[int]]]:
        """[(unit, series indexes)] of the drawn axes: left first, right second."""
        return axes_of(self.series)[:2]

    def hidden_units(self) -> List[str]:
        return [unit for unit, _idx in axes_of(self.series)[2:]]

    def axis_titles(self) -> List[str]:
        """The titles written on the axes (the unit, with the properties it shows)."""
        out = []
        for unit, idx in self.axes():
            props = sorted({self.series[i].prop for i in idx})
            out.append("{} [{}]".format(", ".join(props), unit or "-"))
        return out

    def color_of(self, index: int) -> QColor:
        return QColor(PALETTE[index % len(PALETTE)])

    # -- drawing --------------------------------------------------------------------------
    def legend_height(self) -> int:
        return self.LEGEND_LINE * (len(self.series) + (1 if self.hidden_units() else 0))

    def plot_rect(self) -> QRectF:
        return QRectF(self.MARGIN_LEFT, self.MARGIN_TOP,
                      max(10, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
                      max(10, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM
                          - self.legend_height()))

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
        painter.drawRect(rect)
        if not self.series or self.start is None or not any(s.points for s in self.series):
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
        # time axis
        ticks = time_ticks(self.start, self.end)
        span = t1 - t0
        fmt = "%H:%M" if span <= 86400 else "%d.%m. %H:%M"
        for t in ticks:
            x = x_of(t)
            painter.setPen(grid)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.setPen(QPen(QColor("#444444")))
            painter.drawText(QRectF(x - 50, rect.bottom() + 2, 100, 16),
                             Qt.AlignmentFlag.AlignHCenter,
                             t.astimezone(timezone.utc).strftime(fmt))
        painter.drawText(QRectF(rect.left(), rect.bottom() + 18, rect.width(), 16),
                         Qt.AlignmentFlag.AlignHCenter, tr("Time (UTC)"))
        # value axes
        for side, ((_unit, idx), title) in enumerate(zip(self.axes(), self.axis_titles())):
            values = [v for i in idx for _t, v in self.series[i].points]
            if not values:
                continue
            yticks = nice_ticks(min(values), max(values))
            lo, hi = yticks[0], yticks[-1]

            def y_of(v: float, lo=lo, hi=hi) -> float:
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
            x = rect.left() - 50 if side == 0 else rect.right() + 50
            painter.translate(x, rect.center().y())
            painter.rotate(-90 if side == 0 else 90)
            painter.drawText(QRectF(-rect.height() / 2, -8, rect.height(), 16),
                             Qt.AlignmentFlag.AlignHCenter, title)
            painter.restore()
            # the lines of this axis' series
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
        # legend
        y = rect.bottom() + self.MARGIN_BOTTOM
        axis_of = {i: side for side, (_u, idx) in enumerate(self.axes()) for i in idx}
        for i, s in enumerate(self.series):
            side = axis_of.get(i)
            pen = QPen(self.color_of(i), 2)
            if side == 1:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), y + 8), QPointF(rect.left() + 24, y + 8))
            painter.setPen(QPen(QColor("#222222")))
            where = {0: tr("left axis"), 1: tr("right axis")}.get(side, tr("not drawn"))
            painter.drawText(QRectF(rect.left() + 30, y, rect.width() - 30, self.LEGEND_LINE),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             "{} ({}, {})".format(s.label, s.unit or "-", where))
            y += self.LEGEND_LINE
        if self.hidden_units():
            painter.drawText(QRectF(rect.left(), y, rect.width(), self.LEGEND_LINE),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             tr("Only two units fit on the axes; not drawn: {units}").format(
                                 units=", ".join(self.hidden_units())))
