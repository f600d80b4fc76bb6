"""Panoramas in QGIS: the index (file or JPEG folder) as a point layer in EPSG:25832, the
images (local files or URLs through hamm_core's network module, with authcfg), and which
layers are panorama layers."""

import os
from typing import List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QImage

from hamm_core.logic.errors import HammError, NetworkError, ParseError

from ..logic import jpegmeta, panorama
from ..logic.i18n import tr

EPSG = 25832
FIELDS = (("pano_id", QVariant.String), ("bild", QVariant.String),
          ("richtung", QVariant.Double), ("zeit", QVariant.String),
          ("bild_vorhanden", QVariant.Int))
MARK = "hamm_twin/panoramas"
JPEG_EXT = (".jpg", ".jpeg")
MAX_IMAGE_BYTES = 200 * 1024 * 1024


def fields() -> QgsFields:
    out = QgsFields()
    for name, vtype in FIELDS:
        out.append(QgsField(name, vtype))
    return out


def read_source(paths: List[str], epsg: Optional[int] = None) -> panorama.PanoramaIndex:
    """An index from an index file (CSV/JSON), or from JPEG files/folders (their tags)."""
    photos, index_files = [], []
    for path in paths:
        if os.path.isdir(path):
            photos.extend(os.path.join(path, n) for n in sorted(os.listdir(path))
                          if n.lower().endswith(JPEG_EXT))
        elif path.lower().endswith(JPEG_EXT):
            photos.append(path)
        elif path:
            index_files.append(path)
    if not photos and not index_files:
        raise HammError(tr("No panorama index and no JPEG images were given."))
    result = panorama.PanoramaIndex(epsg=EPSG)
    parts = [panorama.read_index(p, epsg) for p in index_files]
    if photos:
        meta = []
        for path in photos:
            try:
                meta.append((path, jpegmeta.read_file_tags(path)))
            except (OSError, jpegmeta.JpegError) as exc:
                result.problems.append(tr("{file}: not a readable JPEG ({error}).").format(
                    file=os.path.basename(path), error=exc))
        parts.append(panorama.from_photos(meta))
    for part in parts:
        crs = QgsCoordinateReferenceSystem.fromEpsgId(part.epsg)
        if not crs.isValid():
            raise ParseError(tr("The CRS EPSG:{epsg} of the panorama index is unknown.")
                             .format(epsg=part.epsg))
        transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem.fromEpsgId(EPSG),
                                           QgsProject.instance())
        for pano in part.panoramas:
            pt = transform.transform(QgsPointXY(pano.x, pano.y))
            pano.x, pano.y = pt.x(), pt.y()
            result.panoramas.append(pano)
        result.problems.extend(part.problems)
    return result


def features(index: panorama.PanoramaIndex, flds: Optional[QgsFields] = None):
    flds = flds or fields()
    for pano in index.panoramas:
        feat = QgsFeature(flds)
        feat.setAttributes([pano.pano_id or os.path.splitext(os.path.basename(pano.image))[0],
                            pano.image, float(pano.heading), pano.time, int(pano.exists)])
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(pano.x, pano.y)))
        yield feat


def memory_layer(index: panorama.PanoramaIndex, name: str = "") -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:{}".format(EPSG), name or tr("Panoramas"), "memory")
    layer.dataProvider().addAttributes(fields().toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(list(features(index, layer.fields())))
    style(layer)
    return layer


def style(layer: QgsVectorLayer) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#1f78b4",
                                           "outline_color": "#ffffff", "size": "2.6"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setCustomProperty(MARK, True)


def is_panorama_layer(layer) -> bool:
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    if layer.geometryType() != QgsWkbTypes.PointGeometry:
        return False
    names = set(layer.fields().names())
    return bool(layer.customProperty(MARK, False)) or {"bild", "richtung"} <= names


def panorama_layers(project: Optional[QgsProject] = None) -> List[QgsVectorLayer]:
    project = project or QgsProject.instance()
    return [lyr for lyr in project.mapLayers().values() if is_panorama_layer(lyr)]


def load_image(ref: str, authcfg: str = "", base_dir: str = "", feedback=None) -> QImage:
    """The panorama image: a URL through hamm_core's network module (authcfg, timeouts,
    size limit) or a local file. Raises HammError with a clear message."""
    ref = (ref or "").strip()
    if not ref:
        raise HammError(tr("The panorama has no image."))
    if panorama.is_url(ref):
        from hamm_core.adapters import network
        try:
            response = network.fetch(ref, authcfg=authcfg, max_bytes=MAX_IMAGE_BYTES,
                                     feedback=feedback)
        except NetworkError:
            raise
        image = QImage.fromData(response.content)
        if image.isNull():
            raise HammError(tr("The panorama image at {url} is not an image QGIS can "
                               "read.").format(url=ref))
        return image
    path = ref if os.path.isabs(ref) or not base_dir else os.path.join(base_dir, ref)
    if not os.path.isfile(path):
        raise HammError(tr("The panorama image {path} does not exist (moved or not "
                           "copied?).").format(path=path))
    image = QImage(path)
    if image.isNull():
        raise HammError(tr("The panorama image {path} is not an image QGIS can read.")
                        .format(path=path))
    return image


def nearest_feature(layer: QgsVectorLayer, x: float, y: float,
                    max_distance: float = 500.0) -> Optional[QgsFeature]:
    """The layer's feature nearest to (x, y) (layer CRS) within ``max_distance``."""
    from qgis.core import QgsFeatureRequest, QgsRectangle
    rect = QgsRectangle(x - max_distance, y - max_distance, x + max_distance, y + max_distance)
    feats = [f for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))
             if f.hasGeometry()]
    pts = [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in feats]
    i = panorama.nearest(pts, x, y, max_distance)
    return None if i is None else feats[i]
