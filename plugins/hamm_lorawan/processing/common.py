"""Shared pieces of the LoRaWAN algorithms: terrain/surface input through GDAL, gateway
features, radio parameters, GeoTIFF output. Thin: the radio work lives in logic/."""

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from hamm_core.logic.errors import HammError
from hamm_core.logic.i18n import tr_noop
from hamm_core.processing.base import HammAlgorithm

from ..logic.calibration import load_model
from ..logic.coverage import Gateway, Grid
from ..logic.errors import LoRaError
from ..logic.radio import MODELS, PathModel, RadioParams

gdal.UseExceptions()

MODEL_LABELS = [
    tr_noop("Free space"),
    tr_noop("Okumura-Hata urban"),
    tr_noop("Okumura-Hata suburban"),
    tr_noop("Okumura-Hata open area"),
    tr_noop("COST-231 Hata"),
    tr_noop("Log-distance"),
]
METHODS = ["deygout", "bullington", "none"]
METHOD_LABELS = [tr_noop("Deygout (ITU-R P.526)"), tr_noop("Bullington (ITU-R P.526)"),
                 tr_noop("No obstruction (not recommended)")]
ENVIRONMENTS = ["outdoor", "indoor", "basement"]
ENV_LABELS = [tr_noop("Street level (outdoor)"), tr_noop("Indoor (+15 dB)"),
              tr_noop("Basement (+25 dB)")]


class LoRaAlgorithm(HammAlgorithm):
    PLUGIN_ID = "hamm_lorawan"
    GROUP_ID = "lorawan"
    GROUP = "LoRaWAN"

    # ---------------------------------------------------------- parameters
    def add_terrain_params(self, buildings_optional: bool = True, dem_optional: bool = False):
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                "DEM", self.tr("Terrain model (DEM, projected CRS in metres)"), optional=dem_optional
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                "DSM", self.tr("Surface model (DSM with buildings and trees)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "BUILDINGS", self.tr("Buildings (polygons with a height)"), optional=buildings_optional
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "BUILDING_HEIGHT_FIELD",
                self.tr("Building height above ground (m)"),
                defaultValue="hoehe",
                parentLayerParameterName="BUILDINGS",
                optional=True,
            )
        )

    def add_gateway_params(self, name="GATEWAYS", label=None, optional=False):
        self.addParameter(QgsProcessingParameterFeatureSource(
            name, label or self.tr("Gateways (points)"), optional=optional))
        for key, text in (
            ("HEIGHT_FIELD", self.tr("Field: antenna height above ground (m)")),
            ("GAIN_FIELD", self.tr("Field: antenna gain (dBi)")),
            ("CABLE_FIELD", self.tr("Field: cable loss (dB)")),
            ("NAME_FIELD", self.tr("Field: gateway name")),
        ):
            self.addParameter(
                QgsProcessingParameterField(key, text, parentLayerParameterName=name, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                "ANTENNA_HEIGHT",
                self.tr("Antenna height above ground when no field is set (m)"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "GATEWAY_GAIN",
                self.tr("Gateway antenna gain when no field is set (dBi)"),
                QgsProcessingParameterNumber.Double,
                5.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "CABLE_LOSS",
                self.tr("Cable loss when no field is set (dB)"),
                QgsProcessingParameterNumber.Double,
                2.0,
                minValue=0.0,
            )
        )

    def add_radio_params(self):
        self.addParameter(
            QgsProcessingParameterEnum(
                "MODEL", self.tr("Propagation model"), [self.tr(t) for t in MODEL_LABELS], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "DIFFRACTION",
                self.tr("Obstruction by terrain and buildings"),
                [self.tr(t) for t in METHOD_LABELS],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "MODEL_FILE",
                self.tr("Calibrated model (JSON from 'Calibrate model'; overrides the model)"),
                extension="json",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "FREQUENCY",
                self.tr("Frequency (MHz)"),
                QgsProcessingParameterNumber.Double,
                868.1,
                minValue=100.0,
                maxValue=6000.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TX_POWER", self.tr("Device transmit power (dBm)"), QgsProcessingParameterNumber.Double, 14.0
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "POWER_IS_ERP", self.tr("Transmit power is ERP (EIRP = ERP + 2.15 dB)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DEVICE_GAIN", self.tr("Device antenna gain (dBi)"), QgsProcessingParameterNumber.Double, 0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DEVICE_HEIGHT",
                self.tr("Device height above ground (m)"),
                QgsProcessingParameterNumber.Double,
                1.5,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "ENVIRONMENT", self.tr("Device location"), [self.tr(t) for t in ENV_LABELS], defaultValue=0
            )
        )
        advanced = [
            QgsProcessingParameterNumber(
                "EXTRA_LOSS", self.tr("Further loss (dB)"), QgsProcessingParameterNumber.Double, 0.0
            ),
            QgsProcessingParameterNumber(
                "BANDWIDTH",
                self.tr("Bandwidth (kHz)"),
                QgsProcessingParameterNumber.Double,
                125.0,
                minValue=1.0,
            ),
            QgsProcessingParameterNumber(
                "NOISE_FIGURE", self.tr("Gateway noise figure (dB)"), QgsProcessingParameterNumber.Double, 6.0
            ),
            QgsProcessingParameterNumber(
                "FADE_MARGIN", self.tr("Fade margin (dB)"), QgsProcessingParameterNumber.Double, 10.0
            ),
            QgsProcessingParameterNumber(
                "LD_PL0", self.tr("Log-distance: loss at 1 m (dB)"), QgsProcessingParameterNumber.Double, 31.2
            ),
            QgsProcessingParameterNumber(
                "LD_N",
                self.tr("Log-distance: exponent n"),
                QgsProcessingParameterNumber.Double,
                2.7,
                minValue=1.0,
            ),
            QgsProcessingParameterNumber(
                "MAX_RANGE",
                self.tr("Maximum range per gateway (m)"),
                QgsProcessingParameterNumber.Double,
                15000.0,
                minValue=50.0,
            ),
            QgsProcessingParameterNumber(
                "EDGE_MERGE",
                self.tr("Edges closer than this form one obstacle (m)"),
                QgsProcessingParameterNumber.Double,
                30.0,
                minValue=0.0,
            ),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)

    # ---------------------------------------------------------- reading
    def radio(self, parameters, context, feedback):
        """(PathModel, RadioParams, method, max_range, edge merge distance) from the parameters."""
        path = self.parameterAsFile(parameters, "MODEL_FILE", context)
        freq = self.parameterAsDouble(parameters, "FREQUENCY", context)
        if path:
            try:
                with open(path, "rb") as handle:
                    model = load_model(handle.read())
            except OSError as err:
                raise QgsProcessingException(
                    self.tr("The model file cannot be read: {err}").format(err=err)
                ) from err
            except HammError as err:  # not JSON, not an object, bad values
                raise QgsProcessingException(err.user_message) from err
            model.freq_mhz = freq
            feedback.pushInfo(
                self.tr(
                    "Calibrated model: PL0 = {pl0:.1f} dB, n = {n:.2f}, obstruction factor {b:.2f}."
                ).format(pl0=model.pl0, n=model.n, b=model.obstruction_factor)
            )
        else:
            model = PathModel(
                name=MODELS[self.parameterAsEnum(parameters, "MODEL", context)],
                freq_mhz=freq,
                pl0=self.parameterAsDouble(parameters, "LD_PL0", context),
                n=self.parameterAsDouble(parameters, "LD_N", context),
            )
        params = RadioParams(
            freq_mhz=freq,
            tx_power_dbm=self.parameterAsDouble(parameters, "TX_POWER", context),
            power_is_erp=self.parameterAsBool(parameters, "POWER_IS_ERP", context),
            device_gain_dbi=self.parameterAsDouble(parameters, "DEVICE_GAIN", context),
            bandwidth_hz=self.parameterAsDouble(parameters, "BANDWIDTH", context) * 1000.0,
            noise_figure_db=self.parameterAsDouble(parameters, "NOISE_FIGURE", context),
            fade_margin_db=self.parameterAsDouble(parameters, "FADE_MARGIN", context),
            device_height_m=self.parameterAsDouble(parameters, "DEVICE_HEIGHT", context),
            environment=ENVIRONMENTS[self.parameterAsEnum(parameters, "ENVIRONMENT", context)],
            extra_loss_db=self.parameterAsDouble(parameters, "EXTRA_LOSS", context),
        )
        method = METHODS[self.parameterAsEnum(parameters, "DIFFRACTION", context)]
        return (
            model,
            params,
            method,
            self.parameterAsDouble(parameters, "MAX_RANGE", context),
            self.parameterAsDouble(parameters, "EDGE_MERGE", context),
        )

    def terrain(self, parameters, context, feedback):
        """(Grid, geotransform, projection WKT, QgsCoordinateReferenceSystem) of DEM + surface."""
        dem_layer = self.parameterAsRasterLayer(parameters, "DEM", context)
        if dem_layer is None:
            raise QgsProcessingException(self.tr("A terrain model (DEM) is needed."))
        dsm_layer = self.parameterAsRasterLayer(parameters, "DSM", context)
        buildings = self.parameterAsSource(parameters, "BUILDINGS", context)
        field = self.parameterAsString(parameters, "BUILDING_HEIGHT_FIELD", context) or "hoehe"
        try:
            grid, gt, wkt = read_terrain(
                dem_layer.source(),
                dsm_layer.source() if dsm_layer else None,
                feedback,
                self.tr,
                dem_layer.crs().toWkt() if dem_layer.crs().isValid() else "",
                dsm_layer.crs().toWkt() if dsm_layer and dsm_layer.crs().isValid() else "",
            )
        except LoRaError as err:
            raise QgsProcessingException(err.user_message) from err
        crs = dem_layer.crs()
        if buildings is not None:
            if buildings.fields().indexOf(field) < 0:
                raise QgsProcessingException(
                    self.tr("The building layer has no height field '{f}'.").format(f=field)
                )
            burn_buildings(grid, gt, wkt, buildings, field, crs, context, feedback, self.tr)
        if dsm_layer is None and buildings is None:
            feedback.pushWarning(
                self.tr(
                    "Neither a surface model nor buildings given: only the terrain "
                    "obstructs, buildings cast no radio shadow."
                )
            )
        return grid, gt, wkt, crs

    def gateways(self, parameters, context, crs, name="GATEWAYS", feedback=None):
        """(Gateways, their features); a missing number in a field takes the parameter's
        default, with a warning."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        fields = {
            key: self.parameterAsString(parameters, key, context)
            for key in ("HEIGHT_FIELD", "GAIN_FIELD", "CABLE_FIELD", "NAME_FIELD")
        }
        default_h = self.parameterAsDouble(parameters, "ANTENNA_HEIGHT", context)
        default_g = self.parameterAsDouble(parameters, "GATEWAY_GAIN", context)
        default_c = self.parameterAsDouble(parameters, "CABLE_LOSS", context)
        xform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        out, feats = [], []
        defaulted = {}
        for feat in source.getFeatures():
            geom = feat.geometry()
            if geom.isNull() or geom.isEmpty():
                continue
            several = geom.isMultipart() and geom.constGet().numGeometries() > 1
            if several and geom.type() == QgsWkbTypes.PointGeometry:
                raise QgsProcessingException(
                    self.tr(
                        "Feature {fid} of the gateway layer is a multi-point with several points; one "
                        "feature must be one gateway. Split it first (Vector > Geometry Tools > "
                        "Multipart to Singleparts)."
                    ).format(fid=feat.id())
                )
            geom.transform(xform)
            pt = geom.centroid().asPoint()

            def val(key, default, feat=feat):
                name_ = fields[key]
                if not name_:
                    return default
                value = feat[name_]
                try:
                    return float(value)
                except (TypeError, ValueError):
                    defaulted.setdefault(name_, [default, 0])[1] += 1
                    return default

            label = str(feat[fields["NAME_FIELD"]]) if fields["NAME_FIELD"] else str(feat.id())
            out.append(
                Gateway(
                    pt.x(),
                    pt.y(),
                    val("HEIGHT_FIELD", default_h),
                    val("GAIN_FIELD", default_g),
                    val("CABLE_FIELD", default_c),
                    label,
                )
            )
            feats.append(feat)
        for field, (default, n) in defaulted.items():
            if feedback is not None:
                feedback.pushWarning(
                    self.tr("{n} features have no number in the field '{field}': they got {value}.").format(
                        n=n, field=field, value=default
                    )
                )
        return out, feats


def _projected(wkt: str) -> bool:
    srs = osr.SpatialReference()
    if not wkt or srs.ImportFromWkt(wkt) != 0:
        return False
    return bool(srs.IsProjected())


def read_terrain(dem_path: str, dsm_path, feedback, tr, dem_wkt: str = "", dsm_wkt: str = ""):
    """Grid with ground (DEM) and surface (max of DEM and DSM) on the DEM's grid.
    ``dem_wkt``/``dsm_wkt``: the CRS set on the layers in QGIS, for files without one."""
    try:
        ds = gdal.Open(dem_path)
    except RuntimeError as err:
        raise LoRaError(tr("The terrain model cannot be opened: {err}").format(err=err)) from err
    wkt = ds.GetProjection() or dem_wkt
    if not _projected(wkt):
        raise LoRaError(
            tr(
                "The terrain model must be in a projected CRS in metres (e.g. EPSG:25832), "
                "not in geographic degrees or without a CRS."
            )
        )
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0 or gt[5] >= 0:
        raise LoRaError(tr("The terrain model must be a north-up raster without rotation."))
    ground = _read_band(ds)
    holes = int(np.isnan(ground).sum())
    if holes:
        feedback.pushWarning(
            tr("The terrain model has {n} no-data cells: they get no value and do not obstruct.").format(
                n=holes
            )
        )
    surface = ground.copy()
    if dsm_path:
        try:
            dsm = gdal.Open(dsm_path)
        except RuntimeError as err:
            raise LoRaError(
                tr("The surface model cannot be opened as a raster file: {err}").format(err=err)
            ) from err
        dsm_crs = dsm.GetProjection() or dsm_wkt
        on_grid = (
            dsm.RasterXSize == ds.RasterXSize
            and dsm.RasterYSize == ds.RasterYSize
            and np.allclose(dsm.GetGeoTransform(), gt)
        )
        if on_grid and not dsm_crs:
            # e.g. NRW DOM tiles as .asc/.xyz: same cells as the terrain model, no CRS of their own
            feedback.pushInfo(
                tr(
                    "The surface model has no CRS; it lies on the grid of the terrain model and is "
                    "taken in its CRS."
                )
            )
        elif not (on_grid and _same_crs(dsm_crs, wkt)):
            if not dsm_crs:
                raise LoRaError(
                    tr("The surface model has no CRS; it cannot be matched to the terrain model.")
                )
            feedback.pushInfo(tr("The surface model is resampled onto the grid of the terrain model."))
            dsm = gdal.Warp(
                "",
                dsm,
                format="MEM",
                srcSRS=dsm_crs,
                dstSRS=wkt,
                outputBounds=(gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3]),
                width=ds.RasterXSize,
                height=ds.RasterYSize,
                resampleAlg="max",
                dstNodata=-9999,
            )
        top = _read_band(dsm)
        surface = np.where(np.isfinite(top), np.fmax(top, ground), ground).astype(np.float32)
    grid = Grid(ground=ground, surface=surface, x0=gt[0], y0=gt[3], dx=gt[1], dy=-gt[5])
    return grid, gt, wkt


def _same_crs(a: str, b: str) -> bool:
    sa, sb = osr.SpatialReference(), osr.SpatialReference()
    if not a or not b:
        return False
    sa.ImportFromWkt(a)
    sb.ImportFromWkt(b)
    return bool(sa.IsSame(sb))


def _read_band(ds) -> np.ndarray:
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(np.float32)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        arr[arr == np.float32(nodata)] = np.nan
    return arr


def burn_buildings(grid: Grid, gt, wkt, source, field, crs, context, feedback, tr) -> None:
    """Raise the surface by each building's height over the ground (rasterised on the DEM grid)."""
    xform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("b")
    layer = mem.CreateLayer("b", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("h", ogr.OFTReal))
    n = skipped = 0
    for feat in source.getFeatures():
        geom = feat.geometry()
        try:
            height = float(feat[field])
        except (TypeError, ValueError):
            skipped += 1
            continue
        if geom.isNull() or height <= 0:
            skipped += 1
            continue
        geom.transform(xform)
        ogr_feat = ogr.Feature(layer.GetLayerDefn())
        ogr_feat.SetGeometry(ogr.CreateGeometryFromWkb(bytes(geom.asWkb())))
        ogr_feat.SetField("h", height)
        layer.CreateFeature(ogr_feat)
        n += 1
    raster = gdal.GetDriverByName("MEM").Create("", grid.shape[1], grid.shape[0], 1, gdal.GDT_Float32)
    raster.SetGeoTransform(gt)
    raster.SetProjection(wkt)
    gdal.RasterizeLayer(raster, [1], layer, options=["ATTRIBUTE=h", "ALL_TOUCHED=FALSE"])
    heights = raster.GetRasterBand(1).ReadAsArray().astype(np.float32)
    roof = grid.ground + heights
    np.copyto(grid.surface, np.fmax(grid.surface, roof), where=heights > 0)
    feedback.pushInfo(
        tr("{n} buildings raised the surface model ({s} without a usable height skipped).").format(
            n=n, s=skipped
        )
    )


def write_geotiff(path: str, array: np.ndarray, gt, wkt, nodata, dtype=gdal.GDT_Float32) -> str:
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(
        path, array.shape[1], array.shape[0], 1, dtype, options=["COMPRESS=DEFLATE", "TILED=YES"]
    )
    ds.SetGeoTransform(gt)
    ds.SetProjection(wkt)
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    out = np.where(np.isnan(array), nodata, array) if np.issubdtype(array.dtype, np.floating) else array
    band.WriteArray(out)
    ds.FlushCache()
    ds = None
    return path


def crs_of(wkt: str) -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem.fromWkt(wkt)
