"""A small reader for the tags of panorama JPEGs (standard library only).

Reads the JPEG marker segments up to the image data (start of scan), never the pixels:
- APP1 "http://ns.adobe.com/xap/1.0/": the XMP packet with Google's Photo Sphere tags
  (GPano: ProjectionType, PoseHeadingDegrees, PosePitchDegrees, FullPanoWidthPixels, ...)
  and, where a tool wrote them there, exif:GPSLatitude/GPSLongitude/DateTimeOriginal;
- APP1 "Exif": the TIFF structure with the GPS IFD (GPSLatitude, GPSLongitude with their
  N/S, E/W references, GPSImgDirection) and DateTimeOriginal.
Sources: JPEG (ITU T.81) marker layout; TIFF 6.0 IFDs; EXIF 2.3 tags 0x8825 (GPS IFD),
0x8769 (EXIF IFD), GPS tags 1-4, 16-17; XMP part 3 (APP1 namespace string); Google's
"Photo Sphere XMP Metadata" (GPano namespace http://ns.google.com/photos/1.0/panorama/).
"""

import re
import struct
from typing import Dict, List, Optional, Tuple

from .i18n import tr

XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
EXIF_ID = b"Exif\x00\x00"
MAX_SEGMENTS = 200

GPANO_NUMBERS = ("PoseHeadingDegrees", "PosePitchDegrees", "PoseRollDegrees",
                 "FullPanoWidthPixels", "FullPanoHeightPixels", "CroppedAreaImageWidthPixels",
                 "CroppedAreaImageHeightPixels", "CroppedAreaLeftPixels",
                 "CroppedAreaTopPixels", "InitialViewHeadingDegrees")


class JpegError(ValueError):
    """Not a JPEG, or broken before the image data."""


def segments(data: bytes) -> List[Tuple[int, bytes]]:
    """(marker, payload) of the segments before the start of scan."""
    if data[:2] != b"\xff\xd8":
        raise JpegError(tr("not a JPEG (no SOI marker)"))
    out = []
    pos = 2
    while pos + 4 <= len(data) and len(out) < MAX_SEGMENTS:
        if data[pos] != 0xFF:
            raise JpegError(tr("broken marker at byte {pos}").format(pos=pos))
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9:  # end of image
            break
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise JpegError(tr("segment at byte {pos} runs past the end").format(pos=pos))
        out.append((marker, data[pos + 4:pos + 2 + length]))
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        pos += 2 + length
    return out


def _xmp_value(xmp: str, prefix: str, name: str) -> Optional[str]:
    m = re.search(r'{}:{}\s*=\s*"([^"]*)"'.format(prefix, name), xmp) or \
        re.search(r"{}:{}\s*=\s*'([^']*)'".format(prefix, name), xmp) or \
        re.search(r"<{0}:{1}>\s*([^<]*?)\s*</{0}:{1}>".format(prefix, name), xmp)
    return m.group(1) if m else None


def _xmp_gps(text: Optional[str]) -> Optional[float]:
    """XMP GPS coordinate "DDD,MM.mmk" or "DDD,MM,SSk" (k = N/S/E/W), or a decimal."""
    if not text:
        return None
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEWnsew])", text)
    if not m:
        return None
    value = float(m.group(1)) + float(m.group(2)) / 60.0 + float(m.group(3) or 0) / 3600.0
    return -value if m.group(4).upper() in "SW" else value


def parse_xmp(xmp: str) -> Dict[str, object]:
    tags: Dict[str, object] = {}
    projection = _xmp_value(xmp, "GPano", "ProjectionType")
    if projection:
        tags["projection"] = projection.strip().lower()
    for name in GPANO_NUMBERS:
        value = _xmp_value(xmp, "GPano", name)
        if value is not None:
            try:
                tags["gpano_" + name] = float(value)
            except ValueError:
                continue
    if "gpano_PoseHeadingDegrees" in tags:
        tags["heading"] = tags["gpano_PoseHeadingDegrees"]
    lat = _xmp_gps(_xmp_value(xmp, "exif", "GPSLatitude"))
    lon = _xmp_gps(_xmp_value(xmp, "exif", "GPSLongitude"))
    if lat is not None and lon is not None:
        tags["lat"], tags["lon"] = lat, lon
    when = _xmp_value(xmp, "exif", "DateTimeOriginal") or \
        _xmp_value(xmp, "xmp", "CreateDate")
    if when:
        tags["time"] = when
    return tags


class _Tiff:
    def __init__(self, data: bytes):
        if data[:2] == b"II":
            self.e = "<"
        elif data[:2] == b"MM":
            self.e = ">"
        else:
            raise JpegError(tr("EXIF without TIFF header"))
        self.data = data

    def u16(self, off):
        return struct.unpack(self.e + "H", self.data[off:off + 2])[0]

    def u32(self, off):
        return struct.unpack(self.e + "I", self.data[off:off + 4])[0]

    def ifd(self, off) -> Dict[int, Tuple[int, int, int]]:
        """tag -> (type, count, value offset or inline value position)."""
        if off <= 0 or off + 2 > len(self.data):
            return {}
        n = self.u16(off)
        out = {}
        for i in range(min(n, 500)):
            entry = off + 2 + 12 * i
            if entry + 12 > len(self.data):
                break
            tag, typ, count = self.u16(entry), self.u16(entry + 2), self.u32(entry + 4)
            size = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}.get(typ, 1) * count
            where = entry + 8 if size <= 4 else self.u32(entry + 8)
            out[tag] = (typ, count, where)
        return out

    def value(self, entry):
        typ, count, where = entry
        if where + count > len(self.data) + 8:
            return None
        if typ == 2:
            return self.data[where:where + count].split(b"\x00")[0].decode("latin-1")
        if typ == 3:
            return [self.u16(where + 2 * i) for i in range(count)]
        if typ == 4:
            return [self.u32(where + 4 * i) for i in range(count)]
        if typ in (5, 10):
            fmt = self.e + ("II" if typ == 5 else "ii")
            vals = []
            for i in range(count):
                num, den = struct.unpack(fmt, self.data[where + 8 * i:where + 8 * i + 8])
                vals.append(num / den if den else None)
            return vals
        return None


def parse_exif(payload: bytes) -> Dict[str, object]:
    tiff = _Tiff(payload)
    tags: Dict[str, object] = {}
    ifd0 = tiff.ifd(tiff.u32(4))
    if 0x8769 in ifd0:
        exif = tiff.ifd(tiff.value(ifd0[0x8769])[0])
        if 0x9003 in exif:
            tags["time"] = tiff.value(exif[0x9003])
    if 0x8825 in ifd0:
        gps = tiff.ifd(tiff.value(ifd0[0x8825])[0])

        def coord(tag, ref_tag, negative):
            if tag not in gps:
                return None
            parts = tiff.value(gps[tag]) or []
            if len(parts) < 3 or None in parts[:3]:
                return None
            value = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0
            ref = tiff.value(gps[ref_tag]) if ref_tag in gps else ""
            return -value if (ref or "").upper().startswith(negative) else value

        lat, lon = coord(2, 1, "S"), coord(4, 3, "W")
        if lat is not None and lon is not None:
            tags["lat"], tags["lon"] = lat, lon
        if 17 in gps:
            direction = tiff.value(gps[17])
            if direction and direction[0] is not None:
                tags["direction"] = direction[0]
    return tags


def read_tags(data: bytes) -> Dict[str, object]:
    """Tags of a JPEG (bytes of at least its header segments): lat, lon (WGS84), heading
    (GPano), direction (EXIF GPSImgDirection), time, projection, gpano_* numbers.
    Raises JpegError for data that is not a JPEG."""
    tags: Dict[str, object] = {}
    for marker, payload in segments(data):
        if marker != 0xE1:
            continue
        if payload.startswith(EXIF_ID):
            try:
                exif = parse_exif(payload[len(EXIF_ID):])
            except (JpegError, struct.error, IndexError, TypeError):
                continue
            for key, value in exif.items():
                tags.setdefault(key, value)
        elif payload.startswith(XMP_ID):
            xmp = payload[len(XMP_ID):].decode("utf-8", "replace")
            tags.update(parse_xmp(xmp))  # XMP wins over EXIF
    return tags


def read_file_tags(path: str) -> Dict[str, object]:
    """Tags of a JPEG file; reads the header segments only, never the pixels."""
    with open(path, "rb") as handle:
        head = bytearray(handle.read(2))
        if bytes(head) != b"\xff\xd8":
            raise JpegError(tr("not a JPEG (no SOI marker)"))
        for _i in range(MAX_SEGMENTS):
            marker = handle.read(4)
            if len(marker) < 4 or marker[0] != 0xFF or marker[1] in (0xD9, 0xDA):
                break
            (length,) = struct.unpack(">H", marker[2:4])
            payload = handle.read(max(0, length - 2))
            if len(payload) < length - 2:
                raise JpegError(tr("segment runs past the end of the file"))
            head += marker + payload
    return read_tags(bytes(head))


def _xmp_coord(value: float, positive: str, negative: str) -> str:
    """XMP GPS coordinate "DDD,MM.mmmmmmk" (XMP specification part 2, GPSCoordinate)."""
    ref = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    return "{},{:.6f}{}".format(degrees, (value - degrees) * 60.0, ref)


def gpano_xmp(heading: float, lat: float, lon: float, width: int, height: int,
              time: str = "") -> bytes:
    """An APP1 XMP payload with GPano tags (equirectangular, full sphere) and the GPS
    position (exif:GPSLatitude/GPSLongitude)."""
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        'GPano:ProjectionType="equirectangular" GPano:UsePanoramaViewer="True" '
        'GPano:PoseHeadingDegrees="{h:.2f}" GPano:FullPanoWidthPixels="{w}" '
        'GPano:FullPanoHeightPixels="{ht}" GPano:CroppedAreaImageWidthPixels="{w}" '
        'GPano:CroppedAreaImageHeightPixels="{ht}" GPano:CroppedAreaLeftPixels="0" '
        'GPano:CroppedAreaTopPixels="0" exif:GPSLatitude="{lat}" exif:GPSLongitude="{lon}"'
        '{t}/></rdf:RDF></x:xmpmeta>').format(
            h=heading, w=width, ht=height, lat=_xmp_coord(lat, "N", "S"),
            lon=_xmp_coord(lon, "E", "W"),
            t=' exif:DateTimeOriginal="{}"'.format(time) if time else "")
    return XMP_ID + xmp.encode("utf-8")


def with_app1(jpeg: bytes, payload: bytes) -> bytes:
    """The JPEG with an APP1 segment (XMP or EXIF payload) right after its SOI marker."""
    if jpeg[:2] != b"\xff\xd8":
        raise JpegError(tr("not a JPEG (no SOI marker)"))
    if len(payload) + 2 > 0xFFFF:
        raise JpegError(tr("APP1 payload too large"))
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]
