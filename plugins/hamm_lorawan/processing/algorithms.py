"""The LoRaWAN Processing algorithms (thin: parameters in, logic, sinks out)."""

import math
import os

import numpy as np
from osgeo import gdal
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
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from hamm_core.logic.i18n import tr_noop

from ..logic import siting
from ..logic.calibration import fit_log_distance, parse_measurements, signal_power
from ..logic.coverage import coverage, path_loss_grid
from ..logic.errors import LoRaError
from ..logic.radio import (
    LORAWAN_OVERHEAD_BYTES,
    SPREADING_FACTORS,
    PathModel,
    airtime_s,
    link_budget,
    required_power,
    sample_profile,
)
from . import styles
from .chart import profile_svg
from .common import LoRaAlgorithm, write_geotiff


class CoverageAlgorithm(LoRaAlgorithm):
    NAME = "coverage"
    DISPLAY = "Compute radio coverage"
    HELP = (
        "Predicts LoRaWAN uplink coverage of one or more gateways over a terrain model (DEM) and a "
        "surface model (DSM) or buildings with heights. The path loss of the chosen model (free "
        "space, Okumura-Hata, COST-231 Hata, log-distance or a calibrated model) is combined with "
        "knife-edge diffraction over terrain and buildings along each path (ITU-R P.526, Deygout or "
        "Bullington, with Earth curvature and Fresnel-zone clearance), so buildings cast radio "
        "shadows. Outputs: received power (dBm) of the best gateway, the lowest spreading factor "
        "that closes the link with the fade margin (0 = no coverage), the best gateway (number "
        "from 0 in the order of the gateway layer) and the number of gateways that hear each cell."
    )

    def initAlgorithm(self, config=None):
        self.add_gateway_params()
        self.add_terrain_params()
        self.add_radio_params()
        self.addParameter(
            QgsProcessingParameterRasterDestination("OUTPUT_POWER", self.tr("Received power (dBm)"))
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination("OUTPUT_SF", self.tr("Best spreading factor"))
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                "OUTPUT_SERVER", self.tr("Best gateway"), optional=True, createByDefault=True
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                "OUTPUT_COUNT", self.tr("Number of gateways in reach"), optional=True, createByDefault=True
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        model, params, method, max_range, merge = self.radio(parameters, context, feedback)
        grid, gt, wkt, crs = self.terrain(parameters, context, feedback)
        gws, _feats = self.gateways(parameters, context, crs, feedback=feedback)
        if not gws:
            raise QgsProcessingException(self.tr("The gateway layer has no point features."))
        try:
            result = coverage(
                grid,
                gws,
                model,
                params,
                method=method,
                max_range_m=max_range,
                merge_m=merge,
                progress=lambda f: feedback.setProgress(95.0 * f),
                cancelled=feedback.isCanceled,
            )
        except LoRaError as err:
            raise QgsProcessingException(err.user_message) from err
        outputs = {}
        power = self.parameterAsOutputLayer(parameters, "OUTPUT_POWER", context)
        outputs["OUTPUT_POWER"] = write_geotiff(power, result["rx_dbm"], gt, wkt, -9999.0)
        sf_path = self.parameterAsOutputLayer(parameters, "OUTPUT_SF", context)
        outputs["OUTPUT_SF"] = write_geotiff(sf_path, result["sf"], gt, wkt, 0, gdal.GDT_Byte)
        server = self.parameterAsOutputLayer(parameters, "OUTPUT_SERVER", context)
        if server:
            outputs["OUTPUT_SERVER"] = write_geotiff(server, result["server"], gt, wkt, -1, gdal.GDT_Int16)
        count = self.parameterAsOutputLayer(parameters, "OUTPUT_COUNT", context)
        if count:
            outputs["OUTPUT_COUNT"] = write_geotiff(count, result["count"], gt, wkt, -1, gdal.GDT_Int16)
        names = [gw.name or str(i + 1) for i, gw in enumerate(gws)]
        stylers = {
            "OUTPUT_POWER": lambda layer: styles.style_power(layer, params, self.tr),
            "OUTPUT_SF": lambda layer: styles.style_sf(layer, self.tr),
            "OUTPUT_SERVER": lambda layer: styles.style_server(layer, names),
            "OUTPUT_COUNT": lambda layer: styles.style_count(layer, len(gws), self.tr),
        }
        for key, dest in outputs.items():
            self.style_on_load(context, dest, stylers[key])
        covered = int((result["sf"] > 0).sum())
        valid = int(np.isfinite(result["rx_dbm"]).sum())
        feedback.pushInfo(
            self.tr("{n} gateways; {c} of {v} cells covered ({p:.1f} %).").format(
                n=len(gws), c=covered, v=valid, p=100.0 * covered / max(valid, 1)
            )
        )
        feedback.setProgress(100)
        return outputs


LINK_FIELDS = [
    ("gateway", QVariant.String),
    ("distance_m", QVariant.Double),
    ("path_loss_db", QVariant.Double),
    ("diffraction_db", QVariant.Double),
    ("rx_dbm", QVariant.Double),
    ("snr_db", QVariant.Double),
    ("sf", QVariant.Int),
    ("airtime_ms", QVariant.Double),
    ("fresnel_clearance", QVariant.Double),
    ("n_gateways", QVariant.Int),
]


class LinkBudgetAlgorithm(LoRaAlgorithm):
    NAME = "linkbudget"
    DISPLAY = "Link budget for points"
    HELP = (
        "For each sensor or meter location: the best gateway, received power, SNR, the lowest spreading "
        "factor with the fade margin (0 = no link), the time on air of one uplink with the given "
        "payload (LoRaWAN adds 13 bytes of header), the smallest clearance of the first Fresnel "
        "zone (1 = clear, below 0 = blocked) and the number of gateways in reach (redundancy). The "
        "path profile of the best link of the first point (or of the chosen feature id) can be "
        "written as an SVG chart."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT", self.tr("Sensor locations"), [QgsProcessing.TypeVectorAnyGeometry]
            )
        )
        self.add_gateway_params()
        self.add_terrain_params()
        self.add_radio_params()
        self.addParameter(
            QgsProcessingParameterNumber(
                "PAYLOAD",
                self.tr("Application payload (bytes)"),
                QgsProcessingParameterNumber.Integer,
                12,
                minValue=0,
                maxValue=242,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "PROFILE_FID",
                self.tr("Feature id for the profile chart (-1 = first feature)"),
                QgsProcessingParameterNumber.Integer,
                -1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Link budget"), QgsProcessing.TypeVectorPoint)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "CHART",
                self.tr("Path profile chart"),
                self.tr("SVG files (*.svg)"),
                optional=True,
                createByDefault=False,
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        model, params, method, max_range, merge = self.radio(parameters, context, feedback)
        grid, _gt, _wkt, crs = self.terrain(parameters, context, feedback)
        gws, _gfeats = self.gateways(parameters, context, crs, feedback=feedback)
        if not gws:
            raise QgsProcessingException(self.tr("The gateway layer has no point features."))
        for gw in gws:
            if not grid.contains(gw.x, gw.y):
                raise QgsProcessingException(
                    self.tr("Gateway {name} at ({x:.1f}, {y:.1f}) lies outside the terrain raster.").format(
                        name=gw.name, x=gw.x, y=gw.y
                    )
                )
            if not grid.has_ground(gw.x, gw.y):
                raise QgsProcessingException(
                    self.tr("Gateway {name} stands on a no-data cell of the terrain raster.").format(
                        name=gw.name or "?"
                    )
                )
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        payload = self.parameterAsInt(parameters, "PAYLOAD", context)
        chart_fid = self.parameterAsInt(parameters, "PROFILE_FID", context)
        chart_path = self.parameterAsFileOutput(parameters, "CHART", context)
        fields = QgsFields(source.fields())
        for name, kind in LINK_FIELDS:
            fields.append(QgsField(name if source.fields().indexOf(name) < 0 else "lw_" + name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        xform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        hear = required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db
        total = max(source.featureCount(), 1)
        chart_done = False
        off_terrain = 0
        for i, feat in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            geom = feat.geometry()
            if geom.isNull() or geom.isEmpty():
                feedback.pushWarning(
                    self.tr("Feature {fid} has no geometry and was skipped.").format(fid=feat.id())
                )
                continue
            geom.transform(xform)
            pt = geom.centroid().asPoint()
            best, best_gw, best_prof, n_reach = None, None, None, 0
            if not grid.has_ground(pt.x(), pt.y()):
                off_terrain += 1
            for gw in gws:
                dist = math.hypot(pt.x() - gw.x, pt.y() - gw.y)
                if dist > max_range or not grid.contains(pt.x(), pt.y()):
                    continue
                prof = sample_profile(
                    grid.surface,
                    grid.ground,
                    grid.x0,
                    grid.y0,
                    grid.dx,
                    grid.dy,
                    (gw.x, gw.y),
                    (pt.x(), pt.y()),
                )
                if np.isnan(prof[2][0]) or np.isnan(prof[2][-1]):
                    continue
                surf = np.where(np.isnan(prof[1]), -1e4, prof[1])
                res = link_budget(
                    prof[0],
                    surf,
                    prof[2],
                    gw.height_agl,
                    model,
                    params,
                    gw.gain_dbi,
                    gw.cable_loss_db,
                    method,
                    merge_m=merge,
                )
                if res.rx_dbm >= hear:
                    n_reach += 1
                if best is None or res.rx_dbm > best.rx_dbm:
                    best, best_gw, best_prof = res, gw, prof
            out = QgsFeature(fields)
            out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(pt)))
            attrs = list(feat.attributes())
            if best is None:
                attrs += [None] * (len(LINK_FIELDS) - 1) + [0]
            else:
                air = (
                    airtime_s(payload + LORAWAN_OVERHEAD_BYTES, best.sf, params.bandwidth_hz) * 1000.0
                    if best.sf
                    else None
                )
                attrs += [
                    best_gw.name,
                    round(best.distance_m, 1),
                    round(best.path_loss_db, 2),
                    round(best.diffraction_db, 2),
                    round(best.rx_dbm, 2),
                    round(best.snr_db, 2),
                    best.sf,
                    round(air, 1) if air else None,
                    round(best.clearance, 3) if math.isfinite(best.clearance) else None,
                    n_reach,
                ]
                if chart_path and not chart_done and (chart_fid < 0 or feat.id() == chart_fid):
                    with open(chart_path, "w", encoding="utf-8") as handle:
                        handle.write(profile_svg(best_prof, best_gw, best, params, model.freq_mhz, self.tr))
                    chart_done = True
            out.setAttributes(attrs)
            sink.addFeature(out, QgsFeatureSink.FastInsert)
            feedback.setProgress(100.0 * (i + 1) / total)
        if off_terrain:
            feedback.pushWarning(
                self.tr(
                    "{n} points lie outside the terrain raster or on its no-data cells: they got no link."
                ).format(n=off_terrain)
            )
        result = {"OUTPUT": dest}
        if chart_path:
            if not chart_done:
                feedback.pushWarning(self.tr("No link for the profile chart was found."))
            else:
                result["CHART"] = chart_path
        return result


class SitingAlgorithm(LoRaAlgorithm):
    NAME = "siting"
    DISPLAY = "Optimise gateway sites"
    HELP = (
        "Chooses gateway sites from candidates (rooftops, masts; with antenna height and cost). Mode "
        "'maximum coverage': k new sites that cover the most demand weight. Mode 'fewest sites': the "
        "cheapest set of sites that covers the target share of the demand. A demand point counts as "
        "covered when at least r gateways hear it (SF12 with the fade margin). Candidates marked as "
        "existing are always kept. Maximum coverage is presolved first (demand an existing gateway "
        "hears, candidates that reach only what another one reaches, demand with identical sets of "
        "candidates merged). The exact integer program is solved with HiGHS (scipy) where the size "
        "allows; lazy greedy followed by an iterated swap search is used otherwise (above 300,000 "
        "candidate-demand links after presolve, or without scipy; the bound then comes from a "
        "decomposition into clusters of neighbouring candidates, exact within each cluster) and "
        "whenever its result is already within the gap of the bound. With r of 2 or more, and for "
        "the fewest sites, the search is lazy greedy and an iterated swap search (for the fewest "
        "sites: unneeded sites dropped; with equal costs, maximum coverage with one site less while "
        "it still reaches the target), bounded by a Lagrangian relaxation (with equal costs and r = 1 "
        "also: no k sites whose best coverage bound stays below the target suffice); HiGHS runs "
        "there when the instance is small enough. The time limit holds for the whole search (HiGHS, "
        "when chosen as the solver, may overrun it on large instances). "
        "The bound and the optimality gap (bound minus solution, relative to the bound; for the "
        "fewest sites: cost minus lower bound, relative to the cost) are reported. "
        "Outputs: the chosen sites with their marginal gain (weight added in greedy order within "
        "the solution) and the loss if removed, and the demand points with the number of chosen "
        "gateways that hear them."
    )
    MODES = [tr_noop("Maximum coverage with k sites"), tr_noop("Fewest sites for a target share")]
    SOLVERS = [tr_noop("Automatic"), tr_noop("Exact (MILP, HiGHS)"), tr_noop("Lazy greedy only")]

    def initAlgorithm(self, config=None):
        self.add_gateway_params("CANDIDATES", self.tr("Candidate sites (points)"))
        self.addParameter(
            QgsProcessingParameterField(
                "COST_FIELD",
                self.tr("Field: site cost"),
                parentLayerParameterName="CANDIDATES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "FIXED_FIELD",
                self.tr("Field: existing gateway (1/true = keep)"),
                parentLayerParameterName="CANDIDATES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "DEMAND",
                self.tr("Demand (sensor locations, buildings or grid cells)"),
                [QgsProcessing.TypeVectorAnyGeometry],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "WEIGHT_FIELD",
                self.tr("Field: demand weight"),
                parentLayerParameterName="DEMAND",
                optional=True,
            )
        )
        self.add_terrain_params()
        self.add_radio_params()
        self.addParameter(
            QgsProcessingParameterEnum(
                "MODE", self.tr("Goal"), [self.tr(t) for t in self.MODES], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "K", self.tr("Number of new sites (k)"), QgsProcessingParameterNumber.Integer, 3, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TARGET",
                self.tr("Target share of demand (%)"),
                QgsProcessingParameterNumber.Double,
                90.0,
                minValue=0.1,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "REDUNDANCY",
                self.tr("Gateways per demand point (r)"),
                QgsProcessingParameterNumber.Integer,
                1,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "SOLVER", self.tr("Solver"), [self.tr(t) for t in self.SOLVERS], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIME_LIMIT",
                self.tr("Time limit of the search (s)"),
                QgsProcessingParameterNumber.Double,
                60.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", self.tr("Chosen sites"), QgsProcessing.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT_DEMAND",
                self.tr("Demand served"),
                QgsProcessing.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COVERED_SHARE", self.tr("Covered share")))
        self.addOutput(QgsProcessingOutputNumber("GAP", self.tr("Optimality gap")))
        self.addOutput(
            QgsProcessingOutputNumber(
                "BOUND", self.tr("Bound (most weight k sites can serve, or least cost of the target)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COST", self.tr("Cost of the new sites")))
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Method used")))

    def processAlgorithm(self, parameters, context, feedback):
        model, params, method, max_range, merge = self.radio(parameters, context, feedback)
        grid, _gt, _wkt, crs = self.terrain(parameters, context, feedback)
        cands, cand_feats = self.gateways(parameters, context, crs, "CANDIDATES", feedback)
        if not cands:
            raise QgsProcessingException(
                self.tr("The candidate layer has no point features: there is nothing to choose from.")
            )
        cost_field = self.parameterAsString(parameters, "COST_FIELD", context)
        fixed_field = self.parameterAsString(parameters, "FIXED_FIELD", context)
        costs, fixed = [], []
        for i, feat in enumerate(cand_feats):
            try:
                costs.append(float(feat[cost_field]) if cost_field else 1.0)
            except (TypeError, ValueError):
                costs.append(1.0)
            if fixed_field and str(feat[fixed_field]).strip().lower() in ("1", "true", "yes", "ja", "t"):
                fixed.append(i)
        demand = self.parameterAsSource(parameters, "DEMAND", context)
        if demand is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "DEMAND"))
        weight_field = self.parameterAsString(parameters, "WEIGHT_FIELD", context)
        xform = QgsCoordinateTransform(demand.sourceCrs(), crs, context.transformContext())
        pts, weights, dfeats = [], [], []
        no_weight = 0
        for feat in demand.getFeatures():
            geom = feat.geometry()
            if geom.isNull() or geom.isEmpty():
                continue
            geom.transform(xform)
            p = (
                geom.pointOnSurface().asPoint()
                if geom.type() == QgsWkbTypes.PolygonGeometry
                else geom.centroid().asPoint()
            )
            try:
                w = float(feat[weight_field]) if weight_field else 1.0
            except (TypeError, ValueError):
                w = 0.0
                no_weight += 1
            pts.append((p.x(), p.y()))
            weights.append(w)
            dfeats.append(feat)
        if not pts:
            raise QgsProcessingException(self.tr("The demand layer has no features."))
        if no_weight:
            feedback.pushWarning(
                self.tr(
                    "{n} demand features have no number in the field '{field}': they count with weight 0."
                ).format(n=no_weight, field=weight_field)
            )
        xy = np.array(pts)
        rows = np.floor((grid.y0 - xy[:, 1]) / grid.dy).astype(int)
        cols = np.floor((xy[:, 0] - grid.x0) / grid.dx).astype(int)
        inside = (rows >= 0) & (rows < grid.shape[0]) & (cols >= 0) & (cols < grid.shape[1])
        if not inside.all():
            feedback.pushWarning(
                self.tr(
                    "{n} demand features lie outside the terrain raster and can never be covered."
                ).format(n=int((~inside).sum()))
            )
        hear = required_power(max(SPREADING_FACTORS), params) + params.fade_margin_db
        cover = []
        off_terrain = []
        for s, gw in enumerate(cands):
            if feedback.isCanceled():
                return {}
            if not grid.has_ground(gw.x, gw.y):
                off_terrain.append(gw.name or str(s + 1))
                cover.append(np.zeros(0, dtype=np.int64))  # it cannot be judged here: it reaches nothing
                continue
            try:
                rs, cs, loss = path_loss_grid(grid, gw, model, params, method, max_range, merge_m=merge)
            except LoRaError as err:
                raise QgsProcessingException(err.user_message) from err
            rx = params.eirp_dbm + gw.gain_dbi - gw.cable_loss_db - params.environment_loss_db - loss
            r_loc, c_loc = rows - rs.start, cols - cs.start
            ok = inside & (r_loc >= 0) & (r_loc < rx.shape[0]) & (c_loc >= 0) & (c_loc < rx.shape[1])
            idx = np.nonzero(ok)[0]
            vals = rx[r_loc[idx], c_loc[idx]]
            cover.append(idx[np.nan_to_num(vals, nan=-999.0) >= hear])
            feedback.setProgress(80.0 * (s + 1) / len(cands))
        if off_terrain:
            feedback.pushWarning(
                self.tr(
                    "{n} candidates lie outside the terrain raster or on its no-data cells and reach no "
                    "demand here: {names}."
                ).format(n=len(off_terrain), names=", ".join(off_terrain[:10]))
            )
        mode = self.parameterAsEnum(parameters, "MODE", context)
        solver = ["auto", "milp", "greedy_only"][self.parameterAsEnum(parameters, "SOLVER", context)]
        try:
            problem = siting.SitingProblem(
                cover,
                np.array(weights),
                np.array(costs),
                fixed,
                self.parameterAsInt(parameters, "REDUNDANCY", context),
            )
            res = siting.solve(
                problem,
                k=self.parameterAsInt(parameters, "K", context) if mode == 0 else None,
                target_share=self.parameterAsDouble(parameters, "TARGET", context) / 100.0
                if mode == 1
                else None,
                method=solver,
                time_limit_s=self.parameterAsDouble(parameters, "TIME_LIMIT", context),
                cancelled=feedback.isCanceled,
            )
        except LoRaError as err:
            raise QgsProcessingException(err.user_message) from err
        for msg in res.messages:
            feedback.pushInfo(msg)
        gap_txt = "{:.2%}".format(res.gap) if res.gap is not None else self.tr("unknown")
        bound_txt = "{:.1f}".format(res.bound) if res.bound is not None else "-"
        if mode == 0:
            summary = self.tr(
                "{n} sites chosen ({m}): {share:.1%} of the demand covered, bound {b}, gap {g}."
            )
        else:
            summary = self.tr(
                "{n} sites chosen ({m}): {share:.1%} of the demand covered for a cost of {c:.1f}; "
                "no choice costs less than {b}, gap {g}."
            )
        n_sites = len(res.chosen)
        feedback.pushInfo(
            summary.format(n=n_sites, m=res.method, share=res.share, c=res.cost, b=bound_txt, g=gap_txt)
        )
        fields = QgsFields(cand_feats[0].fields())
        extra = [
            ("site_index", QVariant.Int),
            ("order", QVariant.Int),
            ("existing", QVariant.Bool),
            ("gain", QVariant.Double),
            ("removal_loss", QVariant.Double),
            ("cumulative_share", QVariant.Double),
            ("cost", QVariant.Double),
        ]
        for name, kind in extra:
            fields.append(QgsField(name if fields.indexOf(name) < 0 else "lw_" + name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for row in res.gains:
            s = row["site"]
            feat = QgsFeature(fields)
            feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(cands[s].x, cands[s].y)))
            gain = row["gain"]
            feat.setAttributes(
                list(cand_feats[s].attributes())
                + [
                    s,
                    row["order"],
                    bool(row["fixed"]),
                    None if math.isnan(gain) else gain,
                    row["removal_loss"],
                    row["cumulative_share"],
                    costs[s],
                ]
            )
            sink.addFeature(feat, QgsFeatureSink.FastInsert)
        outputs = {
            "OUTPUT": dest,
            "COVERED_SHARE": res.share,
            "GAP": res.gap if res.gap is not None else -1.0,
            "BOUND": res.bound if res.bound is not None else -1.0,
            "COST": res.cost,
            "METHOD": res.method,
        }
        dfields = QgsFields(demand.fields())
        dfields.append(
            QgsField("n_gateways" if dfields.indexOf("n_gateways") < 0 else "lw_n_gateways", QVariant.Int)
        )
        dfields.append(QgsField("served" if dfields.indexOf("served") < 0 else "lw_served", QVariant.Bool))
        dsink, ddest = self.parameterAsSink(
            parameters, "OUTPUT_DEMAND", context, dfields, QgsWkbTypes.Point, crs
        )
        if dsink is not None:
            counts = problem.counts(res.chosen)
            for i, feat in enumerate(dfeats):
                out = QgsFeature(dfields)
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*pts[i])))
                out.setAttributes(
                    list(feat.attributes()) + [int(counts[i]), bool(counts[i] >= problem.redundancy)]
                )
                dsink.addFeature(out, QgsFeatureSink.FastInsert)
            outputs["OUTPUT_DEMAND"] = ddest
        feedback.setProgress(100)
        return outputs


class CalibrateAlgorithm(LoRaAlgorithm):
    NAME = "calibrate"
    DISPLAY = "Calibrate model"
    HELP = (
        "Fits the log-distance model PL = PL0 + 10 n log10(d / 1 m) (+ b x obstruction loss when a "
        "terrain model is given) by least squares to measured uplinks (CSV such as a TTN Mapper "
        "export: device lat/lon or x/y, gateway id, RSSI, optional SNR and gateway lat/lon; or the "
        "gateway positions from a gateway layer). Comma, semicolon or tab separated; with semicolons "
        "or tabs decimal commas are read too, and a file that is not UTF-8 is read as Windows-1252 "
        "(Excel). Positions of exactly 0/0 count as missing. The signal power is the RSSI corrected "
        "by the SNR. Without a terrain model the average obstruction ends up in PL0 and n, and the "
        "saved model adds no diffraction (factor 0); with one, the factor b is fitted or, when "
        "fitting is switched off, the prior model's factor is kept. "
        "Reports RMSE and bias before (with the chosen prior model) and after the fit, per gateway "
        "and overall, and saves the model as JSON for 'Compute radio coverage'."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile("INPUT", self.tr("Measured uplinks (CSV)"), extension="csv")
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CSV_CRS",
                self.tr("CRS of x/y columns (lat/lon columns are always WGS 84)"),
                QgsCoordinateReferenceSystem("EPSG:25832"),
                optional=True,
            )
        )
        self.add_gateway_params(
            label=self.tr("Gateways (points; for positions not in the CSV)"), optional=True)
        self.addParameter(
            QgsProcessingParameterField(
                "ID_FIELD",
                self.tr("Field: gateway id as in the CSV"),
                parentLayerParameterName="GATEWAYS",
                optional=True,
            )
        )
        self.add_terrain_params(dem_optional=True)
        self.add_radio_params()
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FIT_OBSTRUCTION", self.tr("Fit an obstruction factor (needs the terrain model)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT_MODEL", self.tr("Calibrated model (JSON)"), self.tr("JSON files (*.json)")
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT",
                self.tr("Fit statistics per gateway"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        for key, label in (
            ("RMSE_BEFORE", self.tr("RMSE before the fit (dB)")),
            ("RMSE_AFTER", self.tr("RMSE after the fit (dB)")),
            ("BIAS_BEFORE", self.tr("Bias before the fit (dB)")),
            ("BIAS_AFTER", self.tr("Bias after the fit (dB)")),
            ("PL0", self.tr("Fitted PL0 (dB)")),
            ("N", self.tr("Fitted path loss exponent n")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def processAlgorithm(self, parameters, context, feedback):
        prior, params, method, _max_range, merge = self.radio(parameters, context, feedback)
        path = self.parameterAsFile(parameters, "INPUT", context)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as err:
            raise QgsProcessingException(
                self.tr("The measurement file cannot be read: {err}").format(err=err)
            ) from err
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel's "CSV (Trennzeichen-getrennt)" on Windows writes Windows-1252
            text = raw.decode("cp1252", errors="replace")
            feedback.pushInfo(self.tr("The measurement file is not UTF-8; it was read as Windows-1252."))
        try:
            meas = parse_measurements(text)
        except LoRaError as err:
            raise QgsProcessingException(err.user_message) from err
        if meas.skipped:
            feedback.pushWarning(
                self.tr("{n} rows without a usable position, gateway or RSSI were skipped.").format(
                    n=meas.skipped
                )
            )
        dem = self.parameterAsRasterLayer(parameters, "DEM", context)
        grid = None
        if dem is not None:
            grid, _gt, _wkt, crs = self.terrain(parameters, context, feedback)
        else:
            crs = self.parameterAsCrs(parameters, "CSV_CRS", context)
            if not crs.isValid() or crs.isGeographic():
                crs = QgsCoordinateReferenceSystem("EPSG:25832")
        src_crs = (
            QgsCoordinateReferenceSystem("EPSG:4326")
            if meas.geographic
            else self.parameterAsCrs(parameters, "CSV_CRS", context)
        )
        if (
            not meas.geographic
            and not src_crs.isGeographic()
            and np.all(np.abs(meas.device_a) <= 180.0)
            and np.all(np.abs(meas.device_b) <= 90.0)
        ):
            raise QgsProcessingException(
                self.tr(
                    "The device x/y columns hold values like degrees (at most 180/90), but the CRS of "
                    "the CSV is {crs}. Choose EPSG:4326 as the CRS of the CSV, or name the columns "
                    "lat and lon."
                ).format(crs=src_crs.authid() or src_crs.description())
            )
        to_work = QgsCoordinateTransform(src_crs, crs, context.transformContext())
        # gateways: layer first, CSV positions second
        gw_info = {}
        if self.parameterAsSource(parameters, "GATEWAYS", context) is not None:
            gws, feats = self.gateways(parameters, context, crs, feedback=feedback)
            id_field = self.parameterAsString(parameters, "ID_FIELD", context)
            for gw, feat in zip(gws, feats):
                key = str(feat[id_field]) if id_field else gw.name
                gw_info[key] = gw
        default_h = self.parameterAsDouble(parameters, "ANTENNA_HEIGHT", context)
        default_g = self.parameterAsDouble(parameters, "GATEWAY_GAIN", context)
        default_c = self.parameterAsDouble(parameters, "CABLE_LOSS", context)
        from ..logic.coverage import Gateway

        for key, (a, b) in meas.gateway_pos.items():
            if key not in gw_info:
                p = to_work.transform(QgsPointXY(a, b))
                gw_info[key] = Gateway(p.x(), p.y(), default_h, default_g, default_c, key)
        dists, losses, prior_losses, obstruction, names = [], [], [], [], []
        unknown = set()
        power = signal_power(meas.rssi, meas.snr)
        for i in range(len(meas)):
            gw = gw_info.get(meas.gateway[i])
            if gw is None:
                unknown.add(meas.gateway[i])
                continue
            p = to_work.transform(QgsPointXY(float(meas.device_a[i]), float(meas.device_b[i])))
            d = math.hypot(p.x() - gw.x, p.y() - gw.y)
            if d < 1.0:
                continue
            measured = (
                params.eirp_dbm + gw.gain_dbi - gw.cable_loss_db - params.environment_loss_db - power[i]
            )
            diff = 0.0
            prior_loss = float(prior.basic_loss(d, gw.height_agl, params.device_height_m))
            if grid is not None and grid.contains(gw.x, gw.y) and grid.contains(p.x(), p.y()):
                prof = sample_profile(
                    grid.surface,
                    grid.ground,
                    grid.x0,
                    grid.y0,
                    grid.dx,
                    grid.dy,
                    (gw.x, gw.y),
                    (p.x(), p.y()),
                )
                if np.all(np.isfinite(prof[2][[0, -1]])):
                    surf = np.where(np.isnan(prof[1]), -1e4, prof[1])
                    res = link_budget(
                        prof[0],
                        surf,
                        prof[2],
                        gw.height_agl,
                        PathModel(freq_mhz=prior.freq_mhz),
                        params,
                        method=method,
                        merge_m=merge,
                    )
                    diff = res.diffraction_db
            prior_loss += prior.obstruction_factor * diff
            dists.append(d)
            losses.append(measured)
            prior_losses.append(prior_loss)
            obstruction.append(diff)
            names.append(meas.gateway[i])
        if unknown:
            feedback.pushWarning(
                self.tr(
                    "No position for gateway(s) {ids}: their rows were skipped. Add "
                    "gateway lat/lon columns or a gateway layer."
                ).format(ids=", ".join(sorted(unknown)[:10]))
            )
        fit_obs = self.parameterAsBool(parameters, "FIT_OBSTRUCTION", context)
        if grid is None:
            feedback.pushWarning(
                self.tr(
                    "Without a terrain model the fit has no obstruction term: the average obstruction "
                    "of the measured paths is inside PL0 and n, and the saved model adds no diffraction "
                    "(obstruction factor 0). Give the terrain (and surface) model to fit the obstruction."
                )
            )
        try:
            cal = fit_log_distance(
                dists,
                losses,
                names,
                prior,
                prior_losses,
                obstruction if grid is not None else None,
                obstruction_factor=None if fit_obs else prior.obstruction_factor,
            )
        except LoRaError as err:
            raise QgsProcessingException(err.user_message) from err
        if not 1.5 <= cal.model.n <= 6.0:
            feedback.pushWarning(
                self.tr(
                    "The fitted exponent n = {n:.2f} lies outside the usual 1.5 to 6: check the device and "
                    "gateway positions (e.g. 0/0 or swapped coordinates) and the CRS of the CSV."
                ).format(n=cal.model.n)
            )
        out_path = self.parameterAsFileOutput(parameters, "OUTPUT_MODEL", context)
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        with open(out_path, "w", encoding="utf-8") as handle:
            handle.write(cal.to_json())
        feedback.pushInfo(
            self.tr(
                "Fitted: PL0 = {pl0:.2f} dB, n = {n:.3f}, obstruction factor {b:.2f}, sigma {s:.1f} dB."
            ).format(pl0=cal.model.pl0, n=cal.model.n, b=cal.model.obstruction_factor, s=cal.sigma_db)
        )
        feedback.pushInfo(
            self.tr(
                "RMSE {rb:.1f} dB -> {ra:.1f} dB, bias {bb:+.1f} dB -> {ba:+.1f} dB ({n} uplinks)."
            ).format(
                rb=cal.before["rmse"],
                ra=cal.after["rmse"],
                bb=cal.before["bias"],
                ba=cal.after["bias"],
                n=cal.after["n"],
            )
        )
        outputs = {
            "OUTPUT_MODEL": out_path,
            "RMSE_BEFORE": cal.before["rmse"],
            "RMSE_AFTER": cal.after["rmse"],
            "BIAS_BEFORE": cal.before["bias"],
            "BIAS_AFTER": cal.after["bias"],
            "PL0": cal.model.pl0,
            "N": cal.model.n,
        }
        fields = QgsFields()
        for name, kind in (
            ("gateway", QVariant.String),
            ("n", QVariant.Int),
            ("rmse_before", QVariant.Double),
            ("bias_before", QVariant.Double),
            ("rmse_after", QVariant.Double),
            ("bias_after", QVariant.Double),
        ):
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry)
        if sink is not None:
            rows = [(k, v["before"], v["after"]) for k, v in cal.per_gateway.items()]
            rows.append((self.tr("all"), cal.before, cal.after))
            for name, before, after in rows:
                feat = QgsFeature(fields)
                feat.setAttributes(
                    [name, after["n"], before["rmse"], before["bias"], after["rmse"], after["bias"]]
                )
                sink.addFeature(feat, QgsFeatureSink.FastInsert)
            outputs["OUTPUT"] = dest
        return outputs
