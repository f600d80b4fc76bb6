"""The check report as a PDF through a QGIS print layout.

Page 1: title, summary, a map of the junction (zones by function, cameras with their field
of view, lanes and stop lines, zones with errors outlined in red), legend and scale bar.
Page 2 and following: the table of findings (zone, camera, rule, severity, explanation);
the table frame repeats on as many pages as it needs.

The layout lives in a project of its own with memory copies of the data, so the user's
project and layers are not touched.
"""

import datetime
from typing import Dict, List, Sequence, Tuple

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPointXY,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..logic import model, report
from ..logic.camera import camera_from_record
from ..logic.checks import ERROR, Finding
from ..logic.errors import SignalsError
from ..logic.i18n import tr
from .model_gpkg import set_renderer

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 10.0
MAP_RECT = (MARGIN, 30.0, 185.0, 160.0)  # x, y, w, h


def _memory(kind: str, fields: str, name: str) -> QgsVectorLayer:
    return QgsVectorLayer("{}?crs={}&{}".format(kind, model.CRS, fields), name, "memory")


def _add(layer: QgsVectorLayer, rows: Sequence[Tuple[list, QgsGeometry]]) -> QgsVectorLayer:
    feats = []
    for attrs, geom in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(geom)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def _polygon(ring) -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in ring]])


def map_layers(zones: Sequence[dict], cameras: Sequence[dict], findings: Sequence[Finding],
               lanes: Sequence[Sequence] = (), stop_lines: Sequence[Sequence] = (),
               buildings: Sequence = ()) -> List[QgsVectorLayer]:
    """Memory layers for the map, top first."""
    out = []
    bad = {f.zone_id for f in findings if f.severity == ERROR and f.zone_id is not None}
    flagged = _add(_memory("Polygon", "field=name:string", tr("Zones with errors")),
                   [([z.get("name")], _polygon(z["ring"])) for z in zones
                    if z.get("fid") in bad and len(z.get("ring") or []) >= 4])
    flagged.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "255,0,0,40", "outline_color": "255,0,0,255", "outline_width": "0.9"})))
    out.append(flagged)
    cams = _add(_memory("Point", "field=name:string&field=azimut_grad:double",
                        model.LAYER_NAMES_DE[model.CAMERAS]),
                [([c.get("name"), c.get("azimut_grad")],
                  QgsGeometry.fromPointXY(QgsPointXY(c["x"], c["y"]))) for c in cameras])
    set_renderer(cams, model.CAMERAS)
    out.append(cams)
    zone_layer = _add(_memory("Polygon", "field=name:string&field=funktion:string",
                              model.LAYER_NAMES_DE[model.ZONES]),
                      [([z.get("name"), z.get("funktion")], _polygon(z["ring"])) for z in zones
                       if len(z.get("ring") or []) >= 4])
    set_renderer(zone_layer, model.ZONES)
    out.append(zone_layer)
    if stop_lines:
        stops = _add(_memory("LineString", "field=n:integer", model.LAYER_NAMES_DE[model.STOP_LINES]),
                     [([i], QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]))
                      for i, line in enumerate(stop_lines) if len(line) >= 2])
        set_renderer(stops, model.STOP_LINES)
        out.append(stops)
    if lanes:
        lane_layer = _add(_memory("LineString", "field=n:integer", model.LAYER_NAMES_DE[model.LANES]),
                          [([i], QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]))
                           for i, line in enumerate(lanes) if len(line) >= 2])
        set_renderer(lane_layer, model.LANES)
        out.append(lane_layer)
    views = []
    for c in cameras:
        try:
            poly = camera_from_record(c).footprint(64)
        except SignalsError:
            continue
        if len(poly) >= 3:
            views.append(([c.get("name")], _polygon(poly + poly[:1])))
    fov = _add(_memory("Polygon", "field=name:string", tr("Fields of view")), views)
    fov.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": "106,61,154,25", "outline_color": "106,61,154,120", "outline_width": "0.2"})))
    out.append(fov)
    if buildings:
        blds = _add(_memory("Polygon", "field=hoehe:double", tr("Buildings")),
                    [([h], _polygon(list(ring) + [ring[0]])) for ring, h in buildings
                     if len(ring) >= 3])
        blds.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
            "color": "190,190,190,255", "outline_color": "150,150,150,255",
            "outline_width": "0.1"})))
        out.append(blds)
    return out


def _label(layout, text: str, x: float, y: float, w: float, h: float, size: float = 10,
           bold: bool = False, page: int = 0, html: bool = False) -> QgsLayoutItemLabel:
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    if html:
        item.setMode(QgsLayoutItemLabel.ModeHtml)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), page=page)
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(item)
    return item


def _text_format(size: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor("#000000"))
    return fmt


def _extent(layers: Sequence[QgsVectorLayer], aspect: float) -> QgsRectangle:
    rect = QgsRectangle()
    rect.setMinimal()
    for layer in layers:
        if layer.featureCount():
            rect.combineExtentWith(layer.extent())
    if rect.isEmpty() or rect.isNull():
        raise SignalsError(tr("There is nothing to show on the report's map: no zones and no "
                              "cameras."))
    rect.grow(max(rect.width(), rect.height()) * 0.06 + 5.0)
    # keep the map item's aspect ratio so the scale is the same in x and y
    c = rect.center()
    if rect.width() / rect.height() < aspect:
        w = aspect * rect.height()
        rect = QgsRectangle(c.x() - w / 2, rect.yMinimum(), c.x() + w / 2, rect.yMaximum())
    else:
        h = rect.width() / aspect
        rect = QgsRectangle(rect.xMinimum(), c.y() - h / 2, rect.xMaximum(), c.y() + h / 2)
    return rect


def build_layout(title: str, zones: Sequence[dict], cameras: Sequence[dict],
                 findings: Sequence[Finding], lanes: Sequence[Sequence] = (),
                 stop_lines: Sequence[Sequence] = (), min_pixels: float = 20.0,
                 buildings: Sequence = ()) -> Tuple[QgsPrintLayout, QgsProject, Dict]:
    """The print layout of the report, in a project of its own (keep both alive while
    exporting). Returns (layout, project, items) with items 'map', 'table', 'title'.
    buildings: (ring, height) pairs when the line of sight was checked."""
    project = QgsProject()
    layers = map_layers(zones, cameras, findings, lanes, stop_lines, buildings)
    for layer in layers:
        project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.setName(title)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Landscape)
    items = {}
    items["title"] = _label(layout, title, MARGIN, 8.0, PAGE_W - 2 * MARGIN, 10.0, 16, True)
    _label(layout, tr("Check of the detection zones – {date} – coordinates EPSG:25832").format(
        date=datetime.date.today().strftime("%d.%m.%Y")), MARGIN, 19.0, PAGE_W - 2 * MARGIN,
        7.0, 9)
    x, y, w, h = MAP_RECT
    mp = QgsLayoutItemMap(layout)
    mp.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    mp.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    mp.setCrs(layers[0].crs())
    mp.setLayers(layers)
    mp.setKeepLayerSet(True)
    mp.setExtent(_extent(layers[1:3], w / h))
    mp.setFrameEnabled(True)
    mp.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(mp)
    items["map"] = mp
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(mp)
    bar.applyDefaultSize()
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegments(4)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    bar.setUnitsPerSegment(report.nice_step(mp.extent().width()))
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x, y + h + 3.0, QgsUnitTypes.LayoutMillimeters))
    side_x = x + w + 6.0
    side_w = PAGE_W - MARGIN - side_x
    lines = report.summary_lines(findings, len(zones), len(cameras), min_pixels,
                                 bool(buildings))
    items["summary"] = _label(layout, '<div style="text-align:left">{}</div>'.format(
        "<br>".join(["<b>{}</b>".format(tr("Summary"))] + lines)), side_x, y, side_w, 45.0, 9,
        html=True)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setLinkedMap(mp)
    legend.setLegendFilterByMapEnabled(False)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(side_x, y + 50.0, QgsUnitTypes.LayoutMillimeters))
    legend.setResizeToContents(True)
    items["legend"] = legend
    # the table of findings on page 2 and following
    table_page = QgsLayoutItemPage(layout)
    table_page.setPageSize("A4", QgsLayoutItemPage.Landscape)
    layout.pageCollection().addPage(table_page)
    _label(layout, tr("Findings"), MARGIN, 8.0, PAGE_W - 2 * MARGIN, 9.0, 14, True, page=1)
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    rows = report.table_rows(findings) or [["–", "–", "–", "–", tr(
        "No findings: every zone passed every check.")]]
    table.setTableContents([[QgsTableCell(v) for v in row] for row in rows])
    table_w = PAGE_W - 2 * MARGIN
    cols = []
    for text, share in zip(report.headers(), report.COLUMN_SHARES):
        col = QgsLayoutTableColumn(text)
        col.setWidth(share * table_w - 2 * 1.5)  # minus the cell margins
        cols.append(col)
    table.setHeaders(cols)
    table.setColumnWidths([c.width() for c in cols])
    table.setIncludeTableHeader(True)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setHeaderTextFormat(_text_format(8.5, True))
    table.setContentTextFormat(_text_format(8))
    table.setCellMargin(1.5)
    table.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(table_w, PAGE_H - 20.0 - MARGIN,
                                      QgsUnitTypes.LayoutMillimeters))
    frame.attemptMove(QgsLayoutPoint(MARGIN, 20.0, QgsUnitTypes.LayoutMillimeters), page=1)
    table.addFrame(frame)
    table.recalculateFrameSizes()
    items["table"] = table
    items["layers"] = layers
    return layout, project, items


def export_pdf(layout: QgsLayout, path: str) -> int:
    """Write the layout to a PDF; returns the number of pages."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # real text, so the report can be searched and copied from
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    result = exporter.exportToPdf(path, settings)
    if result == QgsLayoutExporter.FileError:
        raise SignalsError(tr("The PDF report {path} cannot be written: the folder does not "
                              "exist or is not writable.").format(path=path))
    if result != QgsLayoutExporter.Success:
        raise SignalsError(tr("The PDF report {path} could not be rendered (error {code}).")
                           .format(path=path, code=int(result)))
    return layout.pageCollection().pageCount()


def write_report(path: str, title: str, zones: Sequence[dict], cameras: Sequence[dict],
                 findings: Sequence[Finding], lanes: Sequence[Sequence] = (),
                 stop_lines: Sequence[Sequence] = (), min_pixels: float = 20.0,
                 buildings: Sequence = ()) -> int:
    """Build and export the report; returns the number of pages."""
    layout, project, items = build_layout(title, zones, cameras, findings, lanes, stop_lines,
                                          min_pixels, buildings)
    try:
        return export_pdf(layout, path)
    finally:
        del items, layout
        project.clear()


def page_image(layout: QgsLayout, page: int, dpi: float = 72.0):
    """A page rendered to a QImage (for previews and tests)."""
    return QgsLayoutExporter(layout).renderPageToImage(page, dpi=dpi)

