"""Processing provider of the cool places plugin: shade map, cool places, walking access,
supply gaps and the published web map. Algorithms are thin: parameters in, logic, sinks out."""

import datetime as _dt
import json
import os

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from hamm_core.logic.errors import HammError
from hamm_core.processing.base import HammAlgorithm, HammProvider

from ..adapters import compute
from ..adapters import layout as layout_adapter
from ..adapters.layers import Reader, representative_point, working_crs
from ..adapters.raster import Grid, burn, read_raster, write_geotiff, zonal_means
from ..logic import gaps as gaps_logic
from ..logic.coolness import (
    INDOOR,
    KIND_FOUNTAIN,
    KIND_WATER,
    OUTDOOR,
    area_score,
    classify,
    kind_label,
    point_score,
    temperature_part,
    temperature_scale,
)
from ..logic.shade import segment_shade, shade_share, sun_cost_factors
from ..logic.webmap import write_webmap

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "icon.svg")
PLUGIN = "hamm_coolplaces"


def _fields(spec):
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, {"s": QVariant.String, "d": QVariant.Double,
                                      "i": QVariant.Int}[kind]))
    return fields


class CoolAlgorithm(HammAlgorithm):
    PLUGIN_ID = PLUGIN
    GROUP_ID = "coolplaces"
    GROUP = "Heat action plan"

    def _sun_parameters(self, end_default="15:00"):
        self.addParameter(QgsProcessingParameterString("DATE", self.tr("Date (YYYY-MM-DD)"),
                                                       defaultValue="2024-07-15"))
        self.addParameter(QgsProcessingParameterString("START", self.tr("From (local time, HH:MM)"),
                                                       defaultValue="15:00"))
        self.addParameter(QgsProcessingParameterString("END", self.tr("To (local time, HH:MM)"),
                                                       defaultValue=end_default))
        self.addParameter(QgsProcessingParameterNumber(
            "STEP_MIN", self.tr("Time step (minutes)"), QgsProcessingParameterNumber.Double,
            defaultValue=60.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterString("TIMEZONE", self.tr("Time zone"),
                                                       defaultValue="Europe/Berlin"))

    def _suns(self, parameters, context, crs, rect):
        lat, lon = compute.lonlat_of(rect.center().x(), rect.center().y(), crs)
        return compute.suns(self.parameterAsString(parameters, "DATE", context),
                            self.parameterAsString(parameters, "START", context),
                            self.parameterAsString(parameters, "END", context),
                            self.parameterAsDouble(parameters, "STEP_MIN", context),
                            self.parameterAsString(parameters, "TIMEZONE", context), lat, lon)

    def _sink(self, parameters, context, key, fields, wkb, crs):
        sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        return sink, dest

    def _source(self, parameters, key, context, optional=False):
        src = self.parameterAsSource(parameters, key, context)
        if src is None and not optional:
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        return src

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.execute(parameters, context, feedback)
        except HammError as err:
            raise QgsProcessingException(err.user_message) from err

    def execute(self, parameters, context, feedback):
        raise NotImplementedError


def _building_heights(alg, reader, buildings, height_field, grid, crs, feedback):
    items = reader.geometries(buildings, alg.tr("Buildings"), [height_field])
    shapes, missing = [], 0
    for geom, (h,) in items:
        try:
            value = float(h)
        except (TypeError, ValueError):
            missing += 1
            continue
        if value > 0:
            shapes.append((geom.asWkb(), value))
    if missing:
        feedback.pushWarning(alg.tr("{n} buildings have no height in the field '{field}' and "
                                    "cast no shade.").format(n=missing, field=height_field))
    if not shapes:
        raise QgsProcessingException(alg.tr(
            "No building has a height above 0 in the field '{field}'. Choose the height field "
            "(metres above ground).").format(field=height_field))
    shapes.sort(key=lambda s: s[1])
    return burn(grid, crs.toWkt(), shapes)


class ShadeMapAlgorithm(CoolAlgorithm):
    NAME = "shademap"
    DISPLAY = "Shade map"
    HELP = ("Share of the time span (0..1) in which each cell lies in the shade of buildings "
            "(or of a surface model), as a GeoTIFF. Give buildings with a height field (metres "
            "above ground) or a surface model (DSM). Cells inside buildings are left empty."
            " The sun position follows NOAA's solar position equations for the centre of the "
            "area; the default is a hot July afternoon, 15:00 local time (CEST) in Hamm.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "BUILDINGS", self.tr("Buildings with heights"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "HEIGHT_FIELD", self.tr("Height field (m)"), "hoehe", "BUILDINGS",
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            "DSM", self.tr("Surface model (DSM), instead of buildings"), optional=True))
        self.addParameter(QgsProcessingParameterExtent("EXTENT", self.tr("Area"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cell size (m)"), QgsProcessingParameterNumber.Double,
            defaultValue=1.0, minValue=0.1))
        self._sun_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT", self.tr("Shade share")))

    def execute(self, parameters, context, feedback):
        dsm = self.parameterAsRasterLayer(parameters, "DSM", context)
        buildings = self._source(parameters, "BUILDINGS", context, optional=True)
        if dsm is None and buildings is None:
            raise QgsProcessingException(self.tr("Give either buildings with heights or a "
                                                 "surface model (DSM)."))
        if dsm is not None:
            if dsm.crs().isGeographic():
                raise QgsProcessingException(self.tr(
                    "The surface model is in geographic coordinates; reproject it to a "
                    "projected CRS in metres such as EPSG:25832."))
            heights, grid, wkt = read_raster(dsm.source())
            crs = dsm.crs()
            inside = np.zeros(heights.shape, dtype=bool)
            void = ~np.isfinite(heights)
            heights = np.where(void, np.nanmin(heights) if (~void).any() else 0.0, heights)
        else:
            crs = working_crs(buildings, self.tr("Buildings"))
            field = self.parameterAsString(parameters, "HEIGHT_FIELD", context) or "hoehe"
            if field not in buildings.fields().names():
                raise QgsProcessingException(self.tr(
                    "The buildings have no field '{field}'. Choose the field with the building "
                    "height in metres.").format(field=field))
            rect = self.parameterAsExtent(parameters, "EXTENT", context, crs)
            if rect is None or rect.isEmpty():
                rect = QgsCoordinateTransform(buildings.sourceCrs(), crs, context.transformContext()
                                              ).transformBoundingBox(buildings.sourceExtent())
                rect.grow(50.0)
            grid = Grid(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(),
                        self.parameterAsDouble(parameters, "CELL_SIZE", context))
            wkt = crs.toWkt()
            heights = _building_heights(self, Reader(crs, context), buildings, field, grid, crs,
                                        feedback)
            inside = heights > 0
            void = np.zeros(heights.shape, dtype=bool)
        rect = QgsRectangle(grid.xmin, grid.ymax - grid.rows * grid.cell,
                            grid.xmin + grid.cols * grid.cell, grid.ymax)
        suns = self._suns(parameters, context, crs, rect)
        feedback.pushInfo(self.tr("{n} time steps, {rows} x {cols} cells of {cell} m.").format(
            n=len(suns), rows=grid.rows, cols=grid.cols, cell=grid.cell))

        def progress(frac):
            feedback.setProgress(100.0 * frac)
            return feedback.isCanceled()
        share = shade_share(heights, grid.cell, suns, progress)
        share[inside | void] = np.nan
        out = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        write_geotiff(out, share, grid, wkt)
        return {"OUTPUT": out}


AREA_FIELDS = [("name", "s"), ("art", "s"), ("art_text", "s"), ("kuehle", "d"),
               ("anteil_schatten", "d"), ("anteil_baeume", "d"), ("wasser", "d"),
               ("groesse", "d"), ("flaeche_m2", "d"), ("temperatur", "d"),
               ("anteil_temperatur", "d")]
POINT_FIELDS = [("name", "s"), ("art", "s"), ("art_text", "s"), ("kuehle", "d"),
                ("oeffnungszeiten", "s")]


class CoolPlacesAlgorithm(CoolAlgorithm):
    NAME = "coolplaces"
    DISPLAY = "Find cool places"
    HELP = ("Cool places with a coolness score (0-100) and its parts. Areas (parks, woods, "
            "water, squares; the kind is read from the type field, German or English words or "
            "OpenStreetMap tags): score = 35% shade share from buildings + 30% tree canopy + "
            "20% water + 15% size. Points: cool rooms (church, library, museum, public office) "
            "with a fixed score by kind, and drinking fountains. With a surface temperature "
            "or climate-function raster the score becomes 30% shade + 25% canopy + 15% water "
            "+ 10% size + 20% temperature; the temperature part is 1 where the area's mean "
            "value is at or below the raster's 10th percentile and 0 at or above its 90th "
            "percentile (reversed when higher values are cooler); areas outside the raster "
            "keep the score without temperature. Opening hours come from a "
            "field 'oeffnungszeiten' or 'opening_hours' where present."
            " The sun position follows NOAA's solar position equations for the centre of the "
            "area; the default is a hot July afternoon, 15:00 local time (CEST) in Hamm.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREAS", self.tr("Land use: parks, woods, water, squares"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "AREA_TYPE", self.tr("Type field of the areas"), "typ", "AREAS", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "POINTS", self.tr("Public buildings and drinking fountains (points)"),
            [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "POINT_TYPE", self.tr("Type field of the points"), "typ", "POINTS", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "BUILDINGS", self.tr("Buildings with heights (for shade)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "HEIGHT_FIELD", self.tr("Height field (m)"), "hoehe", "BUILDINGS",
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "TREES", self.tr("Tree canopy (polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            "TEMPERATURE", self.tr("Surface temperature or climate-function raster (optional)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "TEMPERATURE_HIGHER_COOLER", self.tr("Higher raster values are cooler (e.g. a "
                                                 "cooling-function rating)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            "SHADE_CELL", self.tr("Cell size of the shade computation (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=2.0, minValue=0.5))
        self._sun_parameters(end_default="17:00")
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_AREAS", self.tr("Cool areas"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_POINTS", self.tr("Cool rooms and drinking fountains"),
            QgsProcessing.TypeVectorPoint))

    def execute(self, parameters, context, feedback):
        areas = self._source(parameters, "AREAS", context, optional=True)
        points = self._source(parameters, "POINTS", context, optional=True)
        if areas is None and points is None:
            raise QgsProcessingException(self.tr("Give land use areas, points of public "
                                                 "buildings and fountains, or both."))
        crs = working_crs(areas if areas is not None else points,
                          self.tr("Land use") if areas is not None else self.tr("Points"))
        reader = Reader(crs, context)
        area_sink, area_dest = self._sink(parameters, context, "OUTPUT_AREAS",
                                          _fields(AREA_FIELDS), QgsWkbTypes.MultiPolygon, crs)
        point_sink, point_dest = self._sink(parameters, context, "OUTPUT_POINTS",
                                            _fields(POINT_FIELDS), QgsWkbTypes.Point, crs)
        n_areas = n_points = skipped = 0
        if areas is not None:
            n_areas, skipped = self._areas(parameters, context, feedback, reader, crs, areas,
                                           area_sink)
        if points is not None:
            n_points, skip2 = self._points(parameters, context, reader, points, point_sink)
            skipped += skip2
        if skipped:
            feedback.pushWarning(self.tr("{n} features are of no cool kind (or have no type) "
                                         "and were left out.").format(n=skipped))
        feedback.pushInfo(self.tr("{a} cool areas and {p} cool rooms or drinking fountains found.")
                          .format(a=n_areas, p=n_points))
        return {"OUTPUT_AREAS": area_dest, "OUTPUT_POINTS": point_dest}

    def _areas(self, parameters, context, feedback, reader, crs, areas, sink):
        tfield = self.parameterAsString(parameters, "AREA_TYPE", context) or "typ"
        if tfield not in areas.fields().names():
            raise QgsProcessingException(self.tr(
                "The land use layer has no field '{field}'. Choose the field that names the "
                "kind (park, wood, water ...).").format(field=tfield))
        items = []
        skipped = 0
        for geom, (name, typ, _hours) in reader.geometries(areas, self.tr("Land use"),
                                                         ["name", tfield, "oeffnungszeiten"]):
            kind = classify(typ)
            if kind not in OUTDOOR:
                skipped += 1
                continue
            items.append((geom, name, kind))
        if not items:
            return 0, skipped
        shade = [0.0] * len(items)
        buildings = self._source(parameters, "BUILDINGS", context, optional=True)
        if buildings is not None:
            rect = QgsRectangle()
            for geom, _n, _k in items:
                rect.combineExtentWith(geom.boundingBox())
            rect.grow(100.0)
            grid = Grid(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(),
                        self.parameterAsDouble(parameters, "SHADE_CELL", context))
            field = self.parameterAsString(parameters, "HEIGHT_FIELD", context) or "hoehe"
            if field not in buildings.fields().names():
                raise QgsProcessingException(self.tr(
                    "The buildings have no field '{field}'. Choose the field with the building "
                    "height in metres.").format(field=field))
            heights = _building_heights(self, reader, buildings, field, grid, crs, feedback)
            suns = self._suns(parameters, context, crs, rect)
            share = shade_share(heights, grid.cell, suns,
                                lambda f: feedback.setProgress(70 * f) or feedback.isCanceled())
            share[heights > 0] = np.nan
            means = zonal_means(grid, crs.toWkt(), [g.asWkb() for g, _n, _k in items], share)
            shade = [0.0 if not np.isfinite(m) else m for m in means]
        trees = self._source(parameters, "TREES", context, optional=True)
        canopy_geom = None
        if trees is not None:
            canopy_geom = QgsGeometry.unaryUnion([g for g, _ in reader.geometries(
                trees, self.tr("Tree canopy"))])
        temps = [(None, None)] * len(items)
        temp_layer = self.parameterAsRasterLayer(parameters, "TEMPERATURE", context)
        if temp_layer is not None:
            temps = self._temperatures(parameters, context, feedback, temp_layer, crs, items)
        water = [g for g, _n, k in items if k == KIND_WATER]
        water_zone = QgsGeometry.unaryUnion(water).buffer(50.0, 8) if water else None
        for i, (geom, name, kind) in enumerate(items):
            area = geom.area()
            canopy = None
            if canopy_geom is not None and area > 0:
                canopy = geom.intersection(canopy_geom).area() / area
            near = water_zone is not None and kind != KIND_WATER and geom.intersects(water_zone)
            value, temp_part = temps[i]
            parts = area_score(kind, area, shade[i], canopy, near, temp_part)
            feat = QgsFeature(_fields(AREA_FIELDS))
            g = QgsGeometry(geom)
            g.convertToMultiType()
            feat.setGeometry(g)
            feat.setAttributes([name, kind, kind_label(kind), parts["score"], parts["shade"],
                                parts["canopy"], parts["water"], parts["size"], area,
                                None if value is None else round(value, 2),
                                parts.get("temperature")])
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
        feedback.setProgress(90)
        return len(items), skipped

    def _temperatures(self, parameters, context, feedback, layer, crs, items):
        """(mean raster value, temperature part) per area; (None, None) outside the raster."""
        arr, grid, _wkt = read_raster(layer.source(), crs.toWkt())
        higher = self.parameterAsBoolean(parameters, "TEMPERATURE_HIGHER_COOLER", context)
        cool, hot = temperature_scale(arr, higher)
        means = zonal_means(grid, crs.toWkt(), [g.asWkb() for g, _n, _k in items], arr)
        out, missing = [], 0
        for (geom, _n, _k), zonal in zip(items, means):
            mean = zonal
            if not np.isfinite(mean):
                # an area smaller than a cell: the value at a point inside it
                x, y = representative_point(geom)
                col = int(np.floor((x - grid.xmin) / grid.cell))
                row = int(np.floor((grid.ymax - y) / grid.cell))
                inside = 0 <= row < arr.shape[0] and 0 <= col < arr.shape[1]
                mean = float(arr[row, col]) if inside else float("nan")
            part = temperature_part(mean, cool, hot)
            missing += part is None
            out.append((None, None) if part is None else (float(mean), part))
        feedback.pushInfo(self.tr("Temperature part: 1 at {cool} or cooler, 0 at {hot} or "
                                  "hotter (10th and 90th percentile of the raster).").format(
            cool="{:.2f}".format(cool), hot="{:.2f}".format(hot)))
        if missing:
            feedback.pushWarning(self.tr("{n} areas lie outside the temperature raster; their "
                                         "score leaves the temperature out.").format(n=missing))
        return out

    def _points(self, parameters, context, reader, points, sink):
        tfield = self.parameterAsString(parameters, "POINT_TYPE", context) or "typ"
        names = points.fields().names()
        if tfield not in names:
            raise QgsProcessingException(self.tr(
                "The point layer has no field '{field}'. Choose the field that names the kind "
                "(church, library, drinking fountain ...).").format(field=tfield))
        hours_field = "oeffnungszeiten" if "oeffnungszeiten" in names else "opening_hours"
        count = skipped = 0
        for geom, (name, typ, hours) in reader.geometries(points, self.tr("Points"),
                                                         ["name", tfield, hours_field]):
            kind = classify(typ)
            if kind not in INDOOR and kind != KIND_FOUNTAIN:
                skipped += 1
                continue
            feat = QgsFeature(_fields(POINT_FIELDS))
            pt = geom.asMultiPoint()[0] if geom.isMultipart() else geom.asPoint()
            feat.setGeometry(QgsGeometry.fromPointXY(pt))
            feat.setAttributes([name, kind, kind_label(kind), point_score(kind),
                                str(hours) if hours not in (None, "") else None])
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
            count += 1
        return count, skipped


def _access_parameters(alg, population=False):
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "ORIGINS", alg.tr("Origins (addresses, population grid, sites of vulnerable people)"),
        [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
    if population:
        alg.addParameter(QgsProcessingParameterField(
            "POP_FIELD", alg.tr("Population field"), "einwohner", "ORIGINS",
            QgsProcessingParameterField.Numeric))
    alg.addParameter(QgsProcessingParameterFeatureSource(
        "NETWORK", alg.tr("Footway network"), [QgsProcessing.TypeVectorLine]))
    alg.addParameter(QgsProcessingParameterMultipleLayers(
        "COOL_PLACES", alg.tr("Cool places"), QgsProcessing.TypeVectorAnyGeometry))
    alg.addParameter(QgsProcessingParameterNumber(
        "SPEED", alg.tr("Walking speed (km/h; seniors about 3.6)"),
        QgsProcessingParameterNumber.Double, defaultValue=3.6, minValue=0.5, maxValue=10.0))
    alg.addParameter(QgsProcessingParameterNumber(
        "MAX_SNAP", alg.tr("Largest distance to the network (m)"),
        QgsProcessingParameterNumber.Double, defaultValue=250.0, minValue=1.0))
    alg.addParameter(QgsProcessingParameterBoolean(
        "FOUNTAINS", alg.tr("Count drinking fountains as cool places"), defaultValue=False))
    alg.addParameter(QgsProcessingParameterNumber(
        "MIN_SCORE", alg.tr("Minimum coolness score"), QgsProcessingParameterNumber.Double,
        defaultValue=0.0, minValue=0.0, maxValue=100.0))


def _run_access(alg, parameters, context, feedback):
    """Read inputs, compute access. Returns everything the access and gap tools need."""
    network = alg._source(parameters, "NETWORK", context)
    origins = alg._source(parameters, "ORIGINS", context)
    crs = working_crs(network, alg.tr("Footway network"))
    reader = Reader(crs, context)
    pop_field = alg.parameterAsString(parameters, "POP_FIELD", context) \
        if "POP_FIELD" in parameters else ""
    if pop_field and pop_field not in origins.fields().names():
        raise QgsProcessingException(alg.tr("The origins have no field '{field}'.").format(
            field=pop_field))
    layers = alg.parameterAsLayerList(parameters, "COOL_PLACES", context)
    if not layers:
        raise QgsProcessingException(alg.tr("Choose at least one layer of cool places."))
    places = compute.Places()
    places.add_sources(reader, [(lyr, lyr.name()) for lyr in layers],
                       alg.parameterAsBoolean(parameters, "FOUNTAINS", context),
                       alg.parameterAsDouble(parameters, "MIN_SCORE", context))
    feats = list(origins.getFeatures())
    tf = None if origins.sourceCrs() == crs else QgsCoordinateTransform(
        origins.sourceCrs(), crs, context.transformContext())
    xy = np.zeros((len(feats), 2))
    pop = np.zeros(len(feats))
    geoms = []
    for i, f in enumerate(feats):
        g = QgsGeometry(f.geometry())
        if g.isNull() or g.isEmpty():
            xy[i] = (np.inf, np.inf)
        else:
            if tf is not None:
                g.transform(tf)
            xy[i] = representative_point(g)
        geoms.append(g)
        if pop_field:
            try:
                pop[i] = float(f[pop_field])
            except (TypeError, ValueError):
                pop[i] = 0.0
    if not feats:
        raise QgsProcessingException(alg.tr("The origin layer is empty."))
    graph = compute.build_graph(reader, network, alg.tr("Footway network"))
    shade_layer = alg.parameterAsRasterLayer(parameters, "SHADE", context) \
        if alg.parameterDefinition("SHADE") is not None else None
    if shade_layer is not None:
        weight = alg.parameterAsDouble(parameters, "SHADE_WEIGHT", context)
        arr, grid, _wkt = read_raster(shade_layer.source(), crs.toWkt())
        share = segment_shade(graph.seg, arr, grid.xmin, grid.ymax, grid.cell)
        graph.set_segment_factors(sun_cost_factors(share, weight))
        feedback.pushInfo(alg.tr("Shaded streets preferred: {p}% of the network length lies "
                                 "in shade; a metre in full sun costs {f} metres.").format(
            p="{:.0f}".format(100.0 * float((share * graph.length).sum() / graph.length.sum())),
            f="{:.2f}".format(1.0 + weight)))
    parts = len(set(graph.components().tolist()))
    if parts > 1:
        feedback.pushWarning(alg.tr("The footway network falls into {n} parts that are not "
                                    "connected; origins in a part without a cool place get no "
                                    "walking time.").format(n=parts))
    feedback.setProgress(20)
    speed = alg.parameterAsDouble(parameters, "SPEED", context)
    max_snap = alg.parameterAsDouble(parameters, "MAX_SNAP", context)
    finite = np.isfinite(xy).all(axis=1)
    xy_safe = np.where(finite[:, None], xy, 1e12)
    result, place = compute.access(graph, xy_safe, places, speed, max_snap,
                                   cancel=feedback.isCanceled)
    outside = sum(1 for s in result.status if s == "outside")
    unreachable = sum(1 for s in result.status if s == "unreachable")
    if outside:
        feedback.pushWarning(alg.tr("{n} origins lie farther than {d} m from the footway network "
                                    "and get no walking time.").format(n=outside, d=int(max_snap)))
    if unreachable:
        feedback.pushWarning(alg.tr("{n} origins reach no cool place over the network.").format(
            n=unreachable))
    return {"crs": crs, "reader": reader, "feats": feats, "geoms": geoms, "xy": xy_safe, "pop": pop,
                "graph": graph, "result": result, "place": place, "places": places, "speed": speed,
                "max_snap": max_snap, "origins": origins}


def _shade_parameters(alg):
    """The optional preference for shaded streets (read by _run_access)."""
    alg.addParameter(QgsProcessingParameterRasterLayer(
        "SHADE", alg.tr("Shade raster for preferring shaded streets (share 0..1, optional)"),
        optional=True))
    alg.addParameter(QgsProcessingParameterNumber(
        "SHADE_WEIGHT", alg.tr("Extra cost of walking in the sun (0 = none, 1 = a sunny "
                               "metre counts double)"),
        QgsProcessingParameterNumber.Double, defaultValue=1.0, minValue=0.0, maxValue=10.0))


class AccessAlgorithm(CoolAlgorithm):
    NAME = "access"
    DISPLAY = "Walking access to cool places"
    HELP = ("Walking time over the footway network from every origin to the nearest cool place, "
            "in one multi-source search. Origins and cool places are snapped to the nearest "
            "footway (the straight way to it counts); areas are reached at their outline. "
            "Default speed 3.6 km/h for seniors. The output keeps the origins' fields and adds "
            "gehzeit_min, weg_m, ziel, ziel_art, band and status (ok, outside: too far from the "
            "network, unreachable: no cool place in its part of the network). "
            "Optionally shaded streets are preferred: give a shade raster (share 0..1, e.g. "
            "the output of 'Shade map'); each street piece then costs its length x (1 + weight "
            "x (1 - shade share along it)), so with weight 1 a metre in full sun counts as two "
            "metres in shade. The way with the lowest cost is chosen; walking time and "
            "distance are those of that way in real minutes and metres.")

    def initAlgorithm(self, config=None):
        _access_parameters(self)
        _shade_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Walking access")))

    def execute(self, parameters, context, feedback):
        a = _run_access(self, parameters, context, feedback)
        fields = QgsFields(a["origins"].fields())
        for f in _fields([("gehzeit_min", "d"), ("weg_m", "d"), ("ziel", "s"), ("ziel_art", "s"),
                          ("band", "s"), ("status", "s")]):
            fields.append(f)
        sink, dest = self._sink(parameters, context, "OUTPUT", fields, a["origins"].wkbType(),
                                a["crs"])
        res, place = a["result"], a["place"]
        for i, (feat, geom) in enumerate(zip(a["feats"], a["geoms"])):
            out = QgsFeature(fields)
            out.setGeometry(geom)
            ok = np.isfinite(res.minutes[i])
            p = int(place[i])
            out.setAttributes(list(feat.attributes()) + [
                round(float(res.minutes[i]), 2) if ok else None,
                round(float(res.distance[i]), 1) if ok else None,
                a["places"].names[p] if p >= 0 else None,
                a["places"].kinds[p] if p >= 0 else None,
                compute.band(res.minutes[i]), res.status[i]])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        reach = res.minutes[np.isfinite(res.minutes)]
        if len(reach):
            feedback.pushInfo(self.tr("Median walking time {m} min; {p}% of the origins "
                                      "reach a cool place within 10 minutes.").format(
                m="{:.1f}".format(float(np.median(reach))),
                p="{:.0f}".format(100.0 * float((res.minutes <= 10).mean()))))
        return {"OUTPUT": dest}


class GapsAlgorithm(CoolAlgorithm):
    NAME = "gaps"
    DISPLAY = "Supply gaps"
    HELP = ("Per district and for the whole city: the population share that reaches a cool "
            "place within 5, 10 and 15 minutes on foot; the worst-served areas (origins beyond "
            "15 minutes or without access, merged into polygons, largest population first); "
            "and a ranked list of network places where one new cool place would bring the most "
            "people within the target time (candidates keep a minimum distance apart). "
            "Optionally shaded streets are preferred as in 'Walking access to cool places': "
            "people then walk the way of the lowest cost, and the shares, the worst-served "
            "areas and the candidates use that way's real walking time.")

    def initAlgorithm(self, config=None):
        _access_parameters(self, population=True)
        _shade_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "DISTRICTS", self.tr("Districts"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "DISTRICT_NAME", self.tr("District name field"), "name", "DISTRICTS", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET_MIN", self.tr("Target walking time for new places (minutes)"),
            QgsProcessingParameterNumber.Double, defaultValue=10.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            "CANDIDATES", self.tr("Number of candidate places"), defaultValue=10, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cell size for point origins (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=100.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_DISTRICTS", self.tr("Access per district"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_WORST", self.tr("Worst-served areas"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_CANDIDATES", self.tr("Candidate places"), QgsProcessing.TypeVectorPoint))

    def execute(self, parameters, context, feedback):
        a = _run_access(self, parameters, context, feedback)
        crs, res = a["crs"], a["result"]
        minutes, pop = res.minutes, a["pop"]
        # districts of the origins
        district_names = [None] * len(minutes)
        district_geoms = {}
        districts = self._source(parameters, "DISTRICTS", context, optional=True)
        if districts is not None:
            dfield = self.parameterAsString(parameters, "DISTRICT_NAME", context) or "name"
            if dfield not in districts.fields().names():
                raise QgsProcessingException(self.tr("The districts have no field '{field}'.")
                                             .format(field=dfield))
            for geom, (name,) in a["reader"].geometries(districts, self.tr("Districts"), [dfield]):
                district_geoms[str(name)] = geom
                engine = QgsGeometry.createGeometryEngine(geom.constGet())
                engine.prepareGeometry()
                for i, (x, y) in enumerate(a["xy"]):
                    if district_names[i] is None:
                        pt = QgsGeometry.fromPointXY(QgsPointXY(x, y))
                        if engine.intersects(pt.constGet()):
                            district_names[i] = str(name)
        rows = gaps_logic.shares(minutes, pop, district_names)
        dfields = _fields([("name", "s"), ("einwohner", "d"), ("anteil_5min", "d"),
                           ("anteil_10min", "d"), ("anteil_15min", "d"), ("ohne_zugang", "d")])
        dsink, ddest = self._sink(parameters, context, "OUTPUT_DISTRICTS", dfields,
                                  QgsWkbTypes.MultiPolygon, crs)
        city = self.tr("Whole city")
        for row in rows:
            feat = QgsFeature(dfields)
            geom = district_geoms.get(row.name) if row.name else (
                QgsGeometry.unaryUnion(list(district_geoms.values())) if district_geoms else None)
            if geom is not None:
                g = QgsGeometry(geom)
                g.convertToMultiType()
                feat.setGeometry(g)
            feat.setAttributes([row.name or city, row.population, round(row.within[5], 4),
                                round(row.within[10], 4), round(row.within[15], 4),
                                row.unreachable])
            dsink.addFeature(feat, QgsFeatureSink.FastInsert)
        total = rows[-1]
        feedback.pushInfo(self.tr("Whole city: {p5}% within 5, {p10}% within 10, "
                                  "{p15}% within 15 minutes.").format(
            p5=round(100 * total.within[5]), p10=round(100 * total.within[10]),
            p15=round(100 * total.within[15])))
        feedback.setProgress(50)
        self._worst(parameters, context, a, crs)
        wdest = self._worst_dest
        # candidates for one new cool place
        target = self.parameterAsDouble(parameters, "TARGET_MIN", context)
        org = a["graph"].snap(a["xy"], a["max_snap"])
        cands = gaps_logic.candidates(a["graph"], org, minutes, pop, target, a["speed"],
                                      self.parameterAsInt(parameters, "CANDIDATES", context),
                                      cancel=feedback.isCanceled)
        cfields = _fields([("rang", "i"), ("zusaetzlich_versorgt", "d")])
        csink, cdest = self._sink(parameters, context, "OUTPUT_CANDIDATES", cfields,
                                  QgsWkbTypes.Point, crs)
        for rank, c in enumerate(cands, start=1):
            feat = QgsFeature(cfields)
            feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(c.x, c.y)))
            feat.setAttributes([rank, round(c.gain, 1)])
            csink.addFeature(feat, QgsFeatureSink.FastInsert)
        return {"OUTPUT_DISTRICTS": ddest, "OUTPUT_WORST": wdest, "OUTPUT_CANDIDATES": cdest}

    def _worst(self, parameters, context, a, crs):
        half = self.parameterAsDouble(parameters, "CELL_SIZE", context) / 2.0
        minutes, pop = a["result"].minutes, a["pop"]
        bad = [i for i in range(len(minutes)) if not minutes[i] <= 15 + 1e-6 and pop[i] > 0]
        cells = []
        for i in bad:
            g = a["geoms"][i]
            if g.type() == QgsWkbTypes.PolygonGeometry:
                cells.append(g)
            else:
                x, y = a["xy"][i]
                cells.append(QgsGeometry.fromRect(QgsRectangle(x - half, y - half, x + half,
                                                               y + half)))
        wfields = _fields([("rang", "i"), ("einwohner", "d"), ("gehzeit_mittel_min", "d"),
                           ("ohne_zugang", "d")])
        sink, self._worst_dest = self._sink(parameters, context, "OUTPUT_WORST", wfields,
                                            QgsWkbTypes.MultiPolygon, crs)
        if not cells:
            return
        merged = QgsGeometry.unaryUnion(cells)
        parts = merged.asGeometryCollection() if merged.isMultipart() else [merged]
        stats = []
        for part in parts:
            engine = QgsGeometry.createGeometryEngine(part.constGet())
            engine.prepareGeometry()
            points = {i: QgsGeometry.fromPointXY(QgsPointXY(*a["xy"][i])) for i in bad}
            members = [i for i in bad if engine.intersects(points[i].constGet())]
            people = float(sum(pop[i] for i in members))
            times = [minutes[i] for i in members if np.isfinite(minutes[i])]
            lost = float(sum(pop[i] for i in members if not np.isfinite(minutes[i])))
            stats.append((people, part, float(np.mean(times)) if times else None, lost))
        stats.sort(key=lambda s: -s[0])
        for rank, (people, part, mean, lost) in enumerate(stats, start=1):
            feat = QgsFeature(wfields)
            part.convertToMultiType()
            feat.setGeometry(part)
            feat.setAttributes([rank, people, round(mean, 2) if mean is not None else None, lost])
            sink.addFeature(feat, QgsFeatureSink.FastInsert)


class PublishAlgorithm(CoolAlgorithm):
    NAME = "publish"
    DISPLAY = "Publish the map of cool places"
    HELP = ("Writes a self-contained web map into a folder: index.html, our own small map "
            "script, the data as GeoJSON (WGS84). It works offline (also from a USB stick or "
            "file://), on phones and desktops, in German, shows the cool places with kind, "
            "coolness and opening hours, the drinking fountains and, on request, the user's "
            "location with the nearest cool places. Copy the folder to any web server. "
            "For the heat action plan it also adds a print layout (A4 landscape: title, map "
            "of the cool places and streets, zoomed to the cool places, legend, scale bar, "
            "north arrow, source line in "
            "German) to the project and, when a file is given, exports it to PDF. An existing "
            "layout of the same name is kept; the new one gets a number.")

    def flags(self):
        # layouts are created and rendered on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "PLACES", self.tr("Cool places and drinking fountains"),
            QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CONTEXT", self.tr("Streets for orientation (optional)"),
            [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Title"), defaultValue=self.tr("Cool places in Hamm")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", self.tr("Web map folder")))
        self.addParameter(QgsProcessingParameterBoolean(
            "LAYOUT", self.tr("Add a print layout for the heat action plan to the project"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            "SOURCE", self.tr("Source line of the print layout"),
            defaultValue=self.tr("Source: City of Hamm, heat action plan – map of cool places"),
            multiLine=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "PDF", self.tr("Print layout as PDF (optional)"), self.tr("PDF files (*.pdf)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Name of the print layout")))

    def execute(self, parameters, context, feedback):
        wgs = QgsCoordinateReferenceSystem("EPSG:4326")
        places, areas, lines = [], [], []
        for layer in self.parameterAsLayerList(parameters, "PLACES", context):
            names = layer.fields().names()
            tf = QgsCoordinateTransform(layer.crs(), wgs, context.transformContext())
            for f in layer.getFeatures():
                g = QgsGeometry(f.geometry())
                if g.isNull() or g.isEmpty():
                    continue
                kind = f["art"] if "art" in names else classify(f["typ"] if "typ" in names else "")
                if not kind:
                    continue
                g.transform(tf)
                props = {"name": f["name"] if "name" in names else None, "art": str(kind)}
                for key, alt in (("oeffnungszeiten", "opening_hours"), ("kuehle", "kuehle")):
                    value = f[key] if key in names else (f[alt] if alt in names else None)
                    if value not in (None, "") and not (hasattr(value, "isNull") and value.isNull()):
                        props[key] = value
                if props["name"] is not None and hasattr(props["name"], "isNull"):
                    props["name"] = None
                feat = {"type": "Feature", "geometry": json.loads(g.asJson(6)),
                        "properties": props}
                (areas if g.type() == QgsWkbTypes.PolygonGeometry else places).append(feat)
        context_src = self._source(parameters, "CONTEXT", context, optional=True)
        if context_src is not None:
            tf = QgsCoordinateTransform(context_src.sourceCrs(), wgs, context.transformContext())
            for f in context_src.getFeatures():
                g = QgsGeometry(f.geometry())
                if not g.isNull():
                    g.transform(tf)
                    lines.append({"type": "Feature", "geometry": json.loads(g.asJson(6)),
                                  "properties": {}})
        folder = self.parameterAsString(parameters, "OUTPUT", context)
        footer = "Stand: {d} · erstellt mit QGIS (Digitales Hamm)".format(
            d=_dt.date.today().strftime("%d.%m.%Y"))
        fc = lambda feats: {"type": "FeatureCollection", "features": feats}  # noqa: E731
        index = write_webmap(folder, fc(places), fc(areas), fc(lines),
                             self.parameterAsString(parameters, "TITLE", context), footer)
        feedback.pushInfo(self.tr("Web map written: {path}").format(path=index))
        result = {"OUTPUT": folder, "INDEX": index}
        result.update(self._layout(parameters, context, feedback))
        return result

    def _layout(self, parameters, context, feedback):
        """The print layout: added to the project when asked, exported when a PDF is given."""
        add = self.parameterAsBoolean(parameters, "LAYOUT", context)
        pdf = self.parameterAsFileOutput(parameters, "PDF", context)
        if not add and not pdf:
            return {}
        project = context.project() or QgsProject.instance()
        places = self.parameterAsLayerList(parameters, "PLACES", context)
        streets = self.parameterAsVectorLayer(parameters, "CONTEXT", context)
        rank = {QgsWkbTypes.PointGeometry: 0, QgsWkbTypes.PolygonGeometry: 1}
        layers = sorted(places, key=lambda lyr: rank.get(lyr.geometryType(), 2)
                        if hasattr(lyr, "geometryType") else 3)
        if streets is not None:
            layers.append(streets)
        for layer in layers:
            if project.mapLayer(layer.id()) is None and add:
                feedback.pushWarning(self.tr(
                    "The layer '{name}' is not part of the project: the print layout shows it "
                    "only in this session. Add it to the project to keep it in the layout.")
                    .format(name=layer.name()))
        crs = project.crs() if project.crs().isValid() else layers[0].crs()
        title = self.parameterAsString(parameters, "TITLE", context)
        source = self.tr("{source}\nAs of {date} · coordinate system {crs} · made with QGIS "
                         "(Digitales Hamm)").format(
            source=self.parameterAsString(parameters, "SOURCE", context),
            date=_dt.date.today().strftime("%d.%m.%Y"), crs=crs.authid())
        name = layout_adapter.unique_name(project, title or self.tr("Cool places"))
        layout = layout_adapter.build_layout(project, name, title, source, layers, crs,
                                             extent_layers=list(places))
        out = {}
        if pdf:
            layout_adapter.export_pdf(layout, pdf)
            feedback.pushInfo(self.tr("Print layout exported: {path}").format(path=pdf))
            out["PDF"] = pdf
        if add:
            project.layoutManager().addLayout(layout)
            feedback.pushInfo(self.tr("Print layout '{name}' added to the project.").format(
                name=name))
            out["LAYOUT"] = name
        return out


class CoolPlacesProvider(HammProvider):
    PROVIDER_ID = PLUGIN
    PLUGIN_ID = PLUGIN
    TITLE = "Digitales Hamm – Cool places"
    ICON = ICON
    ALGORITHMS = [ShadeMapAlgorithm, CoolPlacesAlgorithm, AccessAlgorithm, GapsAlgorithm,
                  PublishAlgorithm]


