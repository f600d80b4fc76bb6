"""Cool places in the Hamm demo (make run): cool places found in the demo town, walking
access of its residents (senior speed), supply gaps per district and the published web map.

Called by scripts/build_demo_data.py (tool-plugin demo hook). Residents per building are a
SYNTHETIC estimate (6 per storey of residential buildings), as all demo data.
"""

from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsProcessingContext,
    QgsRasterLayer,
    QgsRendererCategory,
    QgsVectorLayer,
)

from .logic.i18n import tr

DATE = "2025-07-15"  # a hot July day; 15:00 local time is the default of the tools

BAND_COLOURS = [("0-5 min", "#1a9641"), ("5-10 min", "#a6d96a"), ("10-15 min", "#fdae61"),
                ("> 15 min", "#d7191c")]


def _band_renderer(layer: QgsVectorLayer) -> None:
    cats = []
    for value, colour in BAND_COLOURS:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "1.6",
                                               "outline_style": "no"})
        cats.append(QgsRendererCategory(value, symbol, value))
    layer.setRenderer(QgsCategorizedSymbolRenderer("band", cats))


def _point_renderer(layer: QgsVectorLayer) -> None:
    cats = []
    for value, label, shape, colour in (("trinkbrunnen", tr("Drinking fountain"), "circle", "#1f78b4"),
                                        ("kirche", tr("Church (cool room)"), "square", "#6a3d9a"),
                                        ("bibliothek", tr("Library (cool room)"), "square", "#33a02c")):
        symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "size": "3",
                                               "outline_color": "white"})
        cats.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("art", cats))


def _area_renderer(layer: QgsVectorLayer) -> None:
    """Coolness score 0..100: light to dark green."""
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange
    ranges = []
    for low, high, colour in ((0.0, 25.0, "#ccece6"), (25.0, 50.0, "#66c2a4"),
                              (50.0, 75.0, "#2ca25f"), (75.0, 100.0, "#006d2c")):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#00441b",
                                             "outline_width": "0.3"})
        symbol.setOpacity(0.8)
        ranges.append(QgsRendererRange(low, high, symbol, "{:.0f} – {:.0f}".format(low, high)))
    layer.setRenderer(QgsGraduatedSymbolRenderer("kuehle", ranges))


def _shade_renderer(layer: QgsRasterLayer) -> None:
    """Share of time in shade: transparent (sun) to dark blue-grey (always shade)."""
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer
    from qgis.PyQt.QtGui import QColor
    ramp = QgsColorRampShader(0.0, 1.0)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList([
        QgsColorRampShader.ColorRampItem(0.0, QColor(40, 50, 90, 0), tr("sun")),
        QgsColorRampShader.ColorRampItem(1.0, QColor(40, 50, 90, 150), tr("shade all the time")),
    ])
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))


def add_to_project(out_dir: Path, demo_gpkg: Path, project) -> dict:
    import processing

    from hamm_core.processing.base import register_provider

    from .processing.provider import CoolPlacesProvider

    register_provider(CoolPlacesProvider())
    out_dir = Path(out_dir)
    gpkg = out_dir / "kuehle_orte_demo.gpkg"
    gpkg.unlink(missing_ok=True)

    def src(name):
        return "{}|layername={}".format(demo_gpkg, name)

    def dest(table, geom=True):
        return "ogr:dbname='{}' table=\"{}\"{}".format(gpkg, table, " (geom)" if geom else "")

    shade = processing.run("hamm_coolplaces:shademap", {
        "BUILDINGS": src("gebaeude"), "HEIGHT_FIELD": "hoehe", "CELL_SIZE": 2.0,
        "DATE": DATE, "START": "14:00", "END": "16:00", "STEP_MIN": 60,
        "OUTPUT": str(out_dir / "schattenkarte_15uhr.tif")})
    places = processing.run("hamm_coolplaces:coolplaces", {
        "AREAS": src("gruenflaechen"), "AREA_TYPE": "typ", "POINTS": src("poi"),
        "POINT_TYPE": "typ", "BUILDINGS": src("gebaeude"), "HEIGHT_FIELD": "hoehe",
        "DATE": DATE, "START": "14:00", "END": "16:00", "STEP_MIN": 60,
        "OUTPUT_AREAS": dest("kuehle_flaechen"), "OUTPUT_POINTS": dest("kuehle_punkte")})
    homes = processing.run("native:centroids", {
        "INPUT": processing.run("native:extractbyattribute", {
            "INPUT": src("gebaeude"), "FIELD": "funktion", "OPERATOR": 6,  # contains
            "VALUE": "Wohn", "OUTPUT": "memory:"})["OUTPUT"],
        "ALL_PARTS": False, "OUTPUT": "memory:"})["OUTPUT"]
    homes = processing.run("native:fieldcalculator", {
        "INPUT": homes, "FIELD_NAME": "einwohner", "FIELD_TYPE": 1, "FIELD_LENGTH": 6,
        "FORMULA": "6 * coalesce(\"geschosse\", 1)", "OUTPUT": "memory:"})["OUTPUT"]
    cool = [places["OUTPUT_AREAS"], places["OUTPUT_POINTS"]]
    access = processing.run("hamm_coolplaces:access", {
        "ORIGINS": homes, "NETWORK": src("strassen"), "COOL_PLACES": cool, "SPEED": 3.6,
        "OUTPUT": dest("erreichbarkeit")})
    gaps = processing.run("hamm_coolplaces:gaps", {
        "ORIGINS": homes, "POP_FIELD": "einwohner", "NETWORK": src("strassen"),
        "COOL_PLACES": cool, "DISTRICTS": src("stadtbezirke"), "DISTRICT_NAME": "name",
        "TARGET_MIN": 5, "CANDIDATES": 5,
        "OUTPUT_DISTRICTS": dest("versorgung_bezirke"), "OUTPUT_WORST": dest("luecken"),
        "OUTPUT_CANDIDATES": dest("kandidaten")})
    group = project.layerTreeRoot().insertGroup(0, tr("Cool places (demo)"))
    layers = [
        QgsVectorLayer(gaps["OUTPUT_CANDIDATES"], tr("Candidate places for a new cool place"),
                       "ogr"),
        QgsVectorLayer(access["OUTPUT"], tr("Walking time to the nearest cool place (seniors)"),
                       "ogr"),
        QgsVectorLayer(gaps["OUTPUT_WORST"], tr("Worst-served areas"), "ogr"),
        QgsVectorLayer(places["OUTPUT_POINTS"], tr("Cool rooms and drinking fountains"), "ogr"),
        QgsVectorLayer(places["OUTPUT_AREAS"], tr("Cool areas"), "ogr"),
        QgsRasterLayer(shade["OUTPUT"], tr("Shade share 14-16 h")),
    ]
    _band_renderer(layers[1])
    layers[0].renderer().setSymbol(QgsMarkerSymbol.createSimple(
        {"name": "star", "color": "#6a3d9a", "size": "4", "outline_color": "white"}))
    layers[2].renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "215,25,28,60", "outline_color": "#d7191c", "outline_style": "dash"}))
    _point_renderer(layers[3])
    _area_renderer(layers[4])
    _shade_renderer(layers[5])
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    group.setExpanded(False)
    group.setItemVisibilityChecked(False)  # one theme at a time: the user switches it on
    # web map, and the print layout of the heat action plan in the demo project (+ PDF)
    streets = [lyr for lyr in project.mapLayers().values()
               if lyr.source().endswith("layername=strassen")]
    context = QgsProcessingContext()
    context.setProject(project)
    web = processing.run("hamm_coolplaces:publish", {
        "PLACES": [layers[3], layers[4]],
        "CONTEXT": streets[0] if streets else src("strassen"),
        "TITLE": "Kühle Orte in Hamm (Demo)", "OUTPUT": str(out_dir / "kuehle_orte_webkarte"),
        "SOURCE": "Quelle: Stadt Hamm, Hitzeaktionsplan – Karte der kühlen Orte "
                  "(synthetische Demodaten)",
        "PDF": str(out_dir / "kuehle_orte_hitzeaktionsplan.pdf")}, context=context)
    reach = [f["band"] for f in layers[1].getFeatures()]
    return {"places": layers[4].featureCount() + layers[3].featureCount(),
            "origins": len(reach),
            "within_10_min": round(sum(b in ("0-5 min", "5-10 min") for b in reach)
                                   / max(1, len(reach)), 3),
            "web_map": web.get("INDEX"), "layout": web.get("LAYOUT"), "pdf": web.get("PDF")}
