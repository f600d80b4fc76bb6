"""Print layout of the map of cool places for the heat action plan: A4 landscape with title,
map, legend, scale bar, north arrow and a source line; added to a project and optionally
exported to PDF. Like the web map, the printed texts are German (the plan's language); the
title and the source line are parameters of the publish algorithm."""

import os
from typing import List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..logic.errors import CoolPlacesError
from ..logic.i18n import tr

NORTH_ARROW = "/usr/share/qgis/svg/arrows/NorthArrow_02.svg"
PAGE_W, PAGE_H = 297.0, 210.0          # A4 landscape, mm
MARGIN = 10.0
LEGEND_W = 70.0


def _north_arrow_path() -> str:
    """The north arrow SVG that QGIS ships (svg/arrows), wherever QGIS is installed."""
    from qgis.core import QgsApplication
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.exists(path):
            return path
    return NORTH_ARROW


def unique_name(project: QgsProject, name: str) -> str:
    """``name``, or ``name (2)``, ``(3)`` ... when the project has a layout of that name:
    an existing layout is never replaced."""
    manager = project.layoutManager()
    if manager.layoutByName(name) is None:
        return name
    n = 2
    while manager.layoutByName("{} ({})".format(name, n)) is not None:
        n += 1
    return "{} ({})".format(name, n)


def _extent(layers: Sequence, crs: QgsCoordinateReferenceSystem, project: QgsProject
            ) -> QgsRectangle:
    rect = QgsRectangle()
    rect.setMinimal()
    for layer in layers:
        ext = layer.extent()
        if ext.isNull() or not layer.featureCount():
            continue
        if layer.crs() != crs:
            ext = QgsCoordinateTransform(layer.crs(), crs, project.transformContext()
                                         ).transformBoundingBox(ext)
        rect.combineExtentWith(ext)
    if rect.isNull() or not rect.isFinite():
        raise CoolPlacesError(tr("The layers of the print layout hold no features."))
    if rect.width() == 0 or rect.height() == 0:
        rect.grow(250.0)
    return rect


def _fit(rect: QgsRectangle, aspect: float, margin: float = 0.05) -> QgsRectangle:
    """``rect`` with a margin, widened to the width / height ratio of the map frame
    (QgsLayoutItemMap.zoomToExtent gives NaN in QGIS 3.22 headless here)."""
    w, h = rect.width() * (1 + 2 * margin), rect.height() * (1 + 2 * margin)
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = rect.center().x(), rect.center().y()
    return QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _label(layout, text: str, size: float, bold: bool, x: float, y: float, w: float,
           h: float) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setFontColor(QColor(30, 30, 30))
    label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(label)
    return label


def build_layout(project: QgsProject, name: str, title: str, source_text: str,
                 layers: List, crs: QgsCoordinateReferenceSystem,
                 extent_layers: Optional[List] = None) -> QgsPrintLayout:
    """An A4 landscape print layout of ``layers`` (top layer first) in ``crs``, showing the
    extent of ``extent_layers`` (default: all). Items get ids: titel, karte, legende,
    massstab, nordpfeil, quelle."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Landscape)

    head = _label(layout, title, 20, True, MARGIN, 6, PAGE_W - 2 * MARGIN, 12)
    head.setId("titel")

    map_w = PAGE_W - 3 * MARGIN - LEGEND_W
    map_h = PAGE_H - 20 - 22
    item = QgsLayoutItemMap(layout)
    item.attemptMove(QgsLayoutPoint(MARGIN, 20, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(map_w, map_h, QgsUnitTypes.LayoutMillimeters))
    item.setCrs(crs)
    item.setLayers(list(layers))
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)
    item.setExtent(_fit(_extent(extent_layers or layers, crs, project), map_w / map_h))
    item.setId("karte")

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in layers:
        root.addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(PAGE_W - MARGIN - LEGEND_W, 20,
                                      QgsUnitTypes.LayoutMillimeters))
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    legend.setId("legende")

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath(_north_arrow_path())
    north.setLinkedMap(item)
    north.setNorthMode(QgsLayoutItemPicture.GridNorth)
    north.attemptMove(QgsLayoutPoint(MARGIN + map_w - 16, 23, QgsUnitTypes.LayoutMillimeters))
    north.attemptResize(QgsLayoutSize(12, 18, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(north)
    north.setId("nordpfeil")

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.applyDefaultSize(QgsUnitTypes.DistanceMeters)
    if bar.unitsPerSegment() >= 1000:
        bar.setUnits(QgsUnitTypes.DistanceKilometers)
        bar.setUnitLabel("km")
        bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    bar.attemptMove(QgsLayoutPoint(MARGIN + 2, 20 + map_h - 14, QgsUnitTypes.LayoutMillimeters))
    bar.setBackgroundEnabled(True)
    layout.addLayoutItem(bar)
    bar.setId("massstab")

    source = _label(layout, source_text, 8, False, MARGIN, PAGE_H - 20, PAGE_W - 2 * MARGIN, 14)
    source.setId("quelle")
    return layout


def export_pdf(layout: QgsPrintLayout, path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise CoolPlacesError(tr("The folder of the PDF does not exist: {path}").format(
            path=folder))
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.Success or not os.path.getsize(path):
        raise CoolPlacesError(tr("The PDF could not be written: {path}. Check that the file "
                                 "is not open in another program and the folder is "
                                 "writable.").format(path=path))
