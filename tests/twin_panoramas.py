"""Synthetic panoramas for the hamm_twin tests: equirectangular images whose colour encodes
the direction (red = column, so the azimuth a view shows can be read back), JPEGs with an
XMP (GPano + exif GPS) or an EXIF GPS segment inserted by hand, and index files."""

import struct

import numpy as np
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
from qgis.PyQt.QtGui import QImage

GPANO_XMP = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/"
 xmlns:exif="http://ns.adobe.com/exif/1.0/"
 GPano:ProjectionType="equirectangular" GPano:UsePanoramaViewer="True"
 GPano:PoseHeadingDegrees="{heading}" GPano:FullPanoWidthPixels="{w}"
 GPano:FullPanoHeightPixels="{h}" exif:GPSLatitude="{lat}" exif:GPSLongitude="{lon}">
<exif:DateTimeOriginal>{time}</exif:DateTimeOriginal>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def gradient_image(w: int = 720, h: int = 360) -> QImage:
    """Red = 255 * column / w, green = 255 * row / h, blue = 128."""
    r = (255 * np.arange(w) / w).astype(np.uint32)[None, :]
    g = (255 * np.arange(h) / h).astype(np.uint32)[:, None]
    arr = np.ascontiguousarray((0xFF << 24) | (r << 16) | (g << 8) | 128, dtype=np.uint32)
    return QImage(arr.data, w, h, w * 4, QImage.Format.Format_RGB32).copy()


def jpeg_bytes(image: QImage, quality: int = 95) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, "JPG", quality)
    buf.close()
    return bytes(data)


def insert_app1(jpeg: bytes, payload: bytes) -> bytes:
    """Insert an APP1 segment right after the SOI marker."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def xmp_payload(heading: float, lat: str, lon: str, time: str = "2024-06-12T10:15:00",
                w: int = 720, h: int = 360) -> bytes:
    xmp = GPANO_XMP.format(heading=heading, lat=lat, lon=lon, time=time, w=w, h=h)
    return b"http://ns.adobe.com/xap/1.0/\x00" + xmp.encode("utf-8")


def _rational(value: float, den: int = 10000):
    return (int(round(value * den)), den)


def exif_gps_payload(lat: float, lon: float, direction: float) -> bytes:
    """A little-endian TIFF with IFD0 -> GPS IFD (lat/lon as degrees, minutes, seconds
    rationals with N/E references, GPSImgDirection)."""
    def dms(v):
        d = int(v)
        m = int((v - d) * 60)
        s = (v - d - m / 60.0) * 3600
        return [(d, 1), (m, 1), _rational(s)]

    entries = []  # (tag, type, count, value bytes)
    entries.append((1, 2, 2, b"N\x00"))
    entries.append((2, 5, 3, b"".join(struct.pack("<II", *r) for r in dms(lat))))
    entries.append((3, 2, 2, b"E\x00"))
    entries.append((4, 5, 3, b"".join(struct.pack("<II", *r) for r in dms(lon))))
    entries.append((17, 5, 1, struct.pack("<II", *_rational(direction, 100))))
    # layout: header(8) IFD0 (2 + 12 + 4) GPS IFD (2 + 12n + 4) then data
    ifd0_off = 8
    gps_off = ifd0_off + 2 + 12 + 4
    data_off = gps_off + 2 + 12 * len(entries) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", ifd0_off))
    out += struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, gps_off) + b"\0\0\0\0"
    gps = bytearray(struct.pack("<H", len(entries)))
    blob = bytearray()
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            gps += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\x00")
        else:
            gps += struct.pack("<HHII", tag, typ, count, data_off + len(blob))
            blob += value
    gps += b"\0\0\0\0"
    out += gps + blob
    return b"Exif\x00\x00" + bytes(out)


def write_pano_jpeg(path, heading=0.0, lat=None, lon=None, exif=None, image=None) -> str:
    """A panorama JPEG with XMP (GPano heading + exif GPS in XMP form) and/or EXIF GPS."""
    data = jpeg_bytes(image or gradient_image())
    if exif is not None:
        data = insert_app1(data, exif_gps_payload(*exif))
    if lat is not None:
        data = insert_app1(data, xmp_payload(heading, lat, lon))
    with open(path, "wb") as handle:
        handle.write(data)
    return str(path)
