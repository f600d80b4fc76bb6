"""Rasters with GDAL: DGM tiles to a VRT (XYZ tiles converted to GeoTIFF first),
hillshade, DSM and nDSM from LAS points."""

import os
from typing import List

import numpy as np
from osgeo import gdal, osr

from hamm_core.logic.errors import HammError, ParseError

from ..logic import las
from ..logic.i18n import tr
from ..logic.xyz import read_xyz_grid

NODATA = -9999.0
gdal.UseExceptions()


def _srs_wkt(epsg: int = 25832) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def write_geotiff(path: str, array: np.ndarray, geotransform, epsg: int = 25832,
                  nodata: float = NODATA) -> str:
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(path, array.shape[1], array.shape[0], 1, gdal.GDT_Float32,
                       ["COMPRESS=DEFLATE", "TILED=YES"])
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(_srs_wkt(epsg))
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array.astype(np.float32))
    band.FlushCache()
    ds = None
    return path


def build_terrain_vrt(inputs: List[str], vrt_path: str, work_dir: str = "",
                      feedback=None) -> dict:
    """A VRT over DGM tiles; XYZ tiles become GeoTIFFs next to the VRT first."""
    if not inputs:
        raise HammError(tr("No DGM tiles were given."))
    work_dir = work_dir or os.path.splitext(vrt_path)[0] + "_tiles"
    tiles, problems = [], []
    for i, path in enumerate(inputs):
        if feedback is not None and feedback.isCanceled():
            break
        if path.lower().endswith((".xyz", ".txt", ".csv")):
            try:
                arr, gt = read_xyz_grid(path, NODATA)
            except ParseError as err:
                problems.append(err.user_message)
                continue
            os.makedirs(work_dir, exist_ok=True)
            tif = os.path.join(work_dir, os.path.splitext(os.path.basename(path))[0] + ".tif")
            tiles.append(write_geotiff(tif, arr, gt))
        else:
            try:
                ds = gdal.Open(path)
            except RuntimeError:
                ds = None
            if ds is None:
                problems.append(tr("{file} is not a raster GDAL can read.").format(
                    file=os.path.basename(path)))
                continue
            ds = None
            tiles.append(path)
        if feedback is not None:
            feedback.setProgress(80.0 * (i + 1) / len(inputs))
    if not tiles:
        raise HammError(tr("None of the DGM tiles could be read: {problems}").format(
            problems=" ".join(problems)))
    vrt = gdal.BuildVRT(vrt_path, tiles, srcNodata=NODATA, VRTNodata=NODATA)
    if vrt is None:
        raise HammError(tr("The VRT {path} could not be built.").format(path=vrt_path))
    vrt = None
    return {"tiles": tiles, "problems": problems}


def hillshade(dem_path: str, out_path: str, azimuth: float = 315.0,
              altitude: float = 45.0) -> str:
    ds = gdal.DEMProcessing(out_path, dem_path, "hillshade", azimuth=azimuth,
                            altitude=altitude, computeEdges=True, format="GTiff")
    if ds is None:
        raise HammError(tr("The hillshade of {path} could not be computed.").format(
            path=dem_path))
    ds = None
    return out_path


def laz_reader_available() -> bool:
    try:
        import laspy  # noqa: F401  optional, not shipped
        return bool(laspy.LazBackend.detect_available())
    except Exception:  # noqa: BLE001 - any failure means: not available
        return False


def _laz_points(path):
    import laspy
    with laspy.open(path) as reader:
        for chunk in reader.chunk_iterator(2_000_000):
            yield (np.asarray(chunk.x), np.asarray(chunk.y), np.asarray(chunk.z),
                   np.asarray(chunk.classification))


def _point_source(path):
    if path.lower().endswith(".laz"):
        if not laz_reader_available():
            raise HammError(tr("{file} is LAZ (compressed). This QGIS has no LAZ reader: "
                               "convert the file to LAS (e.g. with las2las or PDAL) or "
                               "install laspy with lazrs.").format(file=os.path.basename(path)))
        import laspy
        with laspy.open(path) as reader:
            h = reader.header
            bounds = (h.mins[0], h.mins[1], h.mins[2], h.maxs[0], h.maxs[1], h.maxs[2])
        return bounds, _laz_points(path)
    header = las.read_header(path)
    return header.bounds, las.iter_points(path, header)


def dsm_from_las(inputs: List[str], cell: float, stat: str, dsm_path: str,
                 area=None, ndsm_path: str = "", dtm_path: str = "",
                 ground_class: int = 2, feedback=None) -> dict:
    """DSM (max or mean height per cell) from LAS files for ``area`` (or the files'
    extent); optionally an nDSM = DSM - terrain, the terrain from ``dtm_path`` (resampled
    to the grid) or else the mean height of ground-class points per cell."""
    if cell <= 0:
        raise HammError(tr("The cell size must be greater than 0."))
    sources = [(_point_source(p)) for p in inputs]
    if area is None:
        b = [s[0] for s in sources]
        area = (min(x[0] for x in b), min(x[1] for x in b), max(x[3] for x in b),
                max(x[4] for x in b))
    grid = las.Grid.covering(area[0], area[1], area[2], area[3], cell)
    if grid.cols * grid.rows > 100_000_000:
        raise HammError(tr("The raster would have {n} cells; choose a larger cell size or a "
                           "smaller area.").format(n=grid.cols * grid.rows))
    cells = las.CellStats(grid)
    ground = las.CellStats(grid) if ndsm_path and not dtm_path else None
    used = 0
    for i, (_bounds, points) in enumerate(sources):
        for x, y, z, cls in points:
            if feedback is not None and feedback.isCanceled():
                break
            used += cells.add(x, y, z)
            if ground is not None:
                g = cls == ground_class
                ground.add(x[g], y[g], z[g])
        if feedback is not None:
            feedback.setProgress(90.0 * (i + 1) / len(sources))
    dsm = cells.raster(stat, NODATA)
    write_geotiff(dsm_path, dsm, grid.geotransform())
    result = {"points": used, "cols": grid.cols, "rows": grid.rows, "dsm": dsm_path}
    if ndsm_path:
        if dtm_path:
            dtm = _resample(dtm_path, grid)
        else:
            dtm = ground.raster("mean", NODATA)
        ndsm = np.where((dsm == NODATA) | (dtm == NODATA), NODATA, dsm - dtm)
        write_geotiff(ndsm_path, ndsm, grid.geotransform())
        result["ndsm"] = ndsm_path
    return result


def _resample(path: str, grid: las.Grid) -> np.ndarray:
    ds = gdal.Warp("", path, format="MEM", dstSRS="EPSG:25832",
                   outputBounds=(grid.xmin, grid.ymax - grid.rows * grid.cell,
                                 grid.xmin + grid.cols * grid.cell, grid.ymax),
                   width=grid.cols, height=grid.rows, resampleAlg="bilinear",
                   dstNodata=NODATA)
    arr = ds.GetRasterBand(1).ReadAsArray().astype(float)
    ds = None
    return arr


def pdal_available() -> bool:
    from qgis.core import QgsProviderRegistry
    return "pdal" in QgsProviderRegistry.instance().providerList()
