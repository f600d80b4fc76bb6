"""GDAL helpers: buildings to a height grid, zonal means, GeoTIFF output."""

from typing import List, Sequence, Tuple

import numpy as np
from osgeo import gdal, ogr, osr

from ..logic.errors import CoolPlacesError
from ..logic.i18n import tr

gdal.UseExceptions()


class Grid:
    """A north-up grid: origin (xmin, ymax), square cells, rows x cols."""

    def __init__(self, xmin: float, ymin: float, xmax: float, ymax: float, cell: float):
        if not cell > 0:
            raise CoolPlacesError(tr("The cell size must be larger than 0 metres."))
        self.cell = float(cell)
        self.cols = max(1, int(np.ceil((xmax - xmin) / cell)))
        self.rows = max(1, int(np.ceil((ymax - ymin) / cell)))
        self.xmin, self.ymax = float(xmin), float(ymax)
        if self.cols * self.rows > 100_000_000:
            raise CoolPlacesError(tr("The grid would have {n} million cells; choose a smaller "
                                     "extent or a larger cell size.").format(
                                         n=int(self.cols * self.rows / 1e6)))

    @property
    def geotransform(self):
        return (self.xmin, self.cell, 0.0, self.ymax, 0.0, -self.cell)


def _mem_raster(grid: Grid, crs_wkt: str, dtype=gdal.GDT_Float32):
    ds = gdal.GetDriverByName("MEM").Create("", grid.cols, grid.rows, 1, dtype)
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(crs_wkt)
    return ds


def burn(grid: Grid, crs_wkt: str, shapes: Sequence[Tuple[bytes, float]], all_touched=False
         ) -> np.ndarray:
    """Burn (WKB polygon, value) pairs into a float32 grid (0 elsewhere); later values win,
    so callers sort by value to keep the highest."""
    ds = _mem_raster(grid, crs_wkt)
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    lyr = vds.CreateLayer("shapes", srs, ogr.wkbUnknown)
    lyr.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    for wkb, value in shapes:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
        feat.SetField("value", float(value))
        lyr.CreateFeature(feat)
    options = ["ATTRIBUTE=value"] + (["ALL_TOUCHED=TRUE"] if all_touched else [])
    gdal.RasterizeLayer(ds, [1], lyr, options=options)
    return ds.GetRasterBand(1).ReadAsArray().astype(np.float32)


def zonal_means(grid: Grid, crs_wkt: str, zones: Sequence[bytes], values: np.ndarray
                ) -> List[float]:
    """Mean of ``values`` inside each zone polygon (NaN cells ignored; NaN where a zone
    covers no cell centre)."""
    ids = burn(grid, crs_wkt, [(wkb, i + 1) for i, wkb in enumerate(zones)]).astype(np.int64)
    ok = np.isfinite(values) & (ids > 0)
    n = len(zones) + 1
    sums = np.bincount(ids[ok], weights=values[ok].astype(float), minlength=n)
    counts = np.bincount(ids[ok], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts
    return [float(m) for m in means[1:]]


def read_raster(path: str, crs_wkt: str = ""):
    """(array float32 with NaN for nodata, Grid, crs wkt) of band 1; with ``crs_wkt`` a
    raster in another CRS is warped to it first (nearest neighbour, in memory)."""
    try:
        ds = gdal.Open(path)
    except RuntimeError as err:
        raise CoolPlacesError(tr("The raster {path} cannot be read: {error}").format(
            path=path, error=str(err))) from err
    if crs_wkt and ds.GetProjection():
        src, dst = osr.SpatialReference(), osr.SpatialReference()
        src.ImportFromWkt(ds.GetProjection())
        dst.ImportFromWkt(crs_wkt)
        if not src.IsSame(dst):
            ds = gdal.Warp("", ds, format="MEM", dstSRS=crs_wkt, resampleAlg="near")
    gt = ds.GetGeoTransform()
    if abs(gt[2]) > 0 or abs(gt[4]) > 0 or abs(abs(gt[1]) - abs(gt[5])) > 1e-6 * abs(gt[1]):
        raise CoolPlacesError(tr("The raster {path} must be north-up with square cells; warp "
                                 "it first (Raster > Projections > Warp).").format(path=path))
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(np.float32)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        arr[arr == nodata] = np.nan
    grid = Grid(gt[0], gt[3] + gt[5] * ds.RasterYSize, gt[0] + gt[1] * ds.RasterXSize, gt[3],
                gt[1])
    return arr, grid, ds.GetProjection()


def write_geotiff(path: str, array: np.ndarray, grid: Grid, crs_wkt: str,
                  nodata: float = -9999.0) -> None:
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(path, grid.cols, grid.rows, 1, gdal.GDT_Float32,
                    options=["COMPRESS=DEFLATE", "TILED=YES"])
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(crs_wkt)
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isfinite(array), array, nodata).astype(np.float32))
    band.FlushCache()
    ds = None
