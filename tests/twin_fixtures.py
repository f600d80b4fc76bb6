"""Test data for hamm_twin, generated in code: CityGML 1.0/2.0 tiles in the NRW LoD2
profile, CityJSON 1.1/2.0 and CityJSONSeq files, uncompressed LAS 1.2/1.4 files. Every
building is a gable-roof house (or a flat-roof part) with known geometry, so tests can
compute the expected values independently."""

import json
import math
import struct
from dataclasses import dataclass
from typing import List, Optional

import numpy as np

NS20 = {
    "core": "http://www.opengis.net/citygml/2.0",
    "bldg": "http://www.opengis.net/citygml/building/2.0",
    "gen": "http://www.opengis.net/citygml/generics/2.0",
    "gml": "http://www.opengis.net/gml",
    "xlink": "http://www.w3.org/1999/xlink",
}
NS10 = {
    "core": "http://www.opengis.net/citygml/1.0",
    "bldg": "http://www.opengis.net/citygml/building/1.0",
    "gen": "http://www.opengis.net/citygml/generics/1.0",
    "gml": "http://www.opengis.net/gml",
    "xlink": "http://www.w3.org/1999/xlink",
}
SRS_NRW = "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"


@dataclass
class House:
    """A gable-roof house: footprint x0..x0+w, y0..y0+d, ground z g, eaves at g+e,
    ridge (along x, at y0+d/2) at g+r. roof_type 1000 makes it flat (r = e)."""
    gml_id: str
    x0: float
    y0: float
    w: float = 10.0
    d: float = 8.0
    g: float = 60.0
    e: float = 6.0
    r: float = 9.0
    roof_type: str = "3100"
    function: str = "31001_1010"
    storeys: Optional[int] = 2
    measured: Optional[float] = None
    part: bool = False   # geometry inside a bldg:BuildingPart

    @property
    def height(self):
        return self.r if self.measured is None else self.measured

    def footprint_area(self):
        return self.w * self.d

    def roof_area(self):
        if self.roof_type == "1000":
            return self.w * self.d
        return 2 * self.w * math.hypot(self.d / 2, self.r - self.e)

    def surfaces(self):
        """(kind, exterior ring as list of (x, y, z)) of the closed solid."""
        x0, y0, x1, y1 = self.x0, self.y0, self.x0 + self.w, self.y0 + self.d
        g, e, r, ym = self.g, self.g + self.e, self.g + self.r, self.y0 + self.d / 2
        flat = self.roof_type == "1000"
        out = [("GroundSurface", [(x0, y0, g), (x0, y1, g), (x1, y1, g), (x1, y0, g)])]
        out.append(("WallSurface", [(x0, y0, g), (x1, y0, g), (x1, y0, e), (x0, y0, e)]))
        out.append(("WallSurface", [(x1, y1, g), (x0, y1, g), (x0, y1, e), (x1, y1, e)]))
        if flat:
            out.append(("WallSurface", [(x1, y0, g), (x1, y1, g), (x1, y1, e), (x1, y0, e)]))
            out.append(("WallSurface", [(x0, y1, g), (x0, y0, g), (x0, y0, e), (x0, y1, e)]))
            out.append(("RoofSurface", [(x0, y0, e), (x1, y0, e), (x1, y1, e), (x0, y1, e)]))
        else:
            out.append(("WallSurface", [(x1, y0, g), (x1, y1, g), (x1, y1, e), (x1, ym, r),
                                        (x1, y0, e)]))
            out.append(("WallSurface", [(x0, y1, g), (x0, y0, g), (x0, y0, e), (x0, ym, r),
                                        (x0, y1, e)]))
            out.append(("RoofSurface", [(x0, y0, e), (x1, y0, e), (x1, ym, r), (x0, ym, r)]))
            out.append(("RoofSurface", [(x1, y1, e), (x0, y1, e), (x0, ym, r), (x1, ym, r)]))
        return out


def _fmt(ring, closed=True):
    return list(ring) + ([ring[0]] if closed else [])


def _ring_xml(ring, use_pos: bool) -> str:
    pts = _fmt(ring)
    if use_pos:
        return "".join("<gml:pos>{:.3f} {:.3f} {:.3f}</gml:pos>".format(*p) for p in pts)
    return '<gml:posList srsDimension="3">{}</gml:posList>'.format(
        " ".join("{:.3f} {:.3f} {:.3f}".format(*p) for p in pts))


def building_xml(h: House, version: str = "2.0", use_pos: bool = False,
                 extra: str = "") -> str:
    surfaces = []
    refs = []
    for i, (kind, ring) in enumerate(h.surfaces()):
        pid = "{}_poly_{}".format(h.gml_id, i)
        refs.append('<gml:surfaceMember xlink:href="#{}"/>'.format(pid))
        surfaces.append(
            '<bldg:boundedBy><bldg:{kind} gml:id="{sid}"><bldg:lod2MultiSurface>'
            '<gml:MultiSurface><gml:surfaceMember><gml:Polygon gml:id="{pid}"><gml:exterior>'
            '<gml:LinearRing>{ring}</gml:LinearRing></gml:exterior></gml:Polygon>'
            '</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:{kind}>'
            '</bldg:boundedBy>'.format(kind=kind, sid="{}_s{}".format(h.gml_id, i), pid=pid,
                                       ring=_ring_xml(ring, use_pos)))
    solid = ('<bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface>{}'
             '</gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>'
             .format("".join(refs)))
    attrs = []
    attrs.append('<gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>1000'
                 '</gen:value></gen:stringAttribute>')
    attrs.append("<bldg:function>{}</bldg:function>".format(h.function))
    if h.roof_type:
        attrs.append("<bldg:roofType>{}</bldg:roofType>".format(h.roof_type))
    if h.measured is not None:
        attrs.append('<bldg:measuredHeight uom="urn:adv:uom:m">{}</bldg:measuredHeight>'
                     .format(h.measured))
    if h.storeys is not None:
        attrs.append("<bldg:storeysAboveGround>{}</bldg:storeysAboveGround>".format(h.storeys))
    geometry = solid + "".join(surfaces)
    if h.part:
        body = "".join(attrs[:2]) + (
            '<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="{}_part1">{}{}'
            '</bldg:BuildingPart></bldg:consistsOfBuildingPart>'.format(
                h.gml_id, "".join(attrs[2:]), geometry))
    else:
        body = "".join(attrs) + geometry
    return ('<core:cityObjectMember><bldg:Building gml:id="{}">{}{}</bldg:Building>'
            '</core:cityObjectMember>'.format(h.gml_id, extra, body))


def citygml(houses: List[House], version: str = "2.0", srs: str = SRS_NRW,
            use_pos: Optional[bool] = None, prolog: str = "", extra_ns: str = "") -> str:
    ns = NS20 if version == "2.0" else NS10
    use_pos = (version == "1.0") if use_pos is None else use_pos
    decl = " ".join('xmlns:{}="{}"'.format(k, v) for k, v in ns.items())
    if houses:
        xs = [h.x0 for h in houses] + [h.x0 + h.w for h in houses]
        ys = [h.y0 for h in houses] + [h.y0 + h.d for h in houses]
        env = ('<gml:boundedBy><gml:Envelope srsName="{}" srsDimension="3"><gml:lowerCorner>'
               '{} {} 0</gml:lowerCorner><gml:upperCorner>{} {} 100</gml:upperCorner>'
               '</gml:Envelope></gml:boundedBy>'.format(srs, min(xs), min(ys), max(xs), max(ys)))
    else:
        env = ""
    members = "".join(building_xml(h, version, use_pos) for h in houses)
    return ('<?xml version="1.0" encoding="UTF-8"?>{}<core:CityModel {} {}>{}{}'
            '</core:CityModel>'.format(prolog, decl, extra_ns, env, members))


def write_citygml(path, houses, **kwargs) -> str:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(citygml(houses, **kwargs))
    return str(path)


def stream_citygml(path, n: int, columns: int = 200, spacing: float = 15.0,
                   x0: float = 410000.0, y0: float = 5720000.0) -> str:
    """A large tile written member by member (the benchmark's 20,000-building file)."""
    ns = NS20
    decl = " ".join('xmlns:{}="{}"'.format(k, v) for k, v in ns.items())
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?><core:CityModel {}>'.format(decl))
        handle.write('<gml:boundedBy><gml:Envelope srsName="{}" srsDimension="3">'
                     '<gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>1 1 1'
                     '</gml:upperCorner></gml:Envelope></gml:boundedBy>'.format(SRS_NRW))
        for i in range(n):
            h = House("DENW{:011d}".format(i), x0 + (i % columns) * spacing,
                      y0 + (i // columns) * spacing, r=8.0 + (i % 5), measured=8.0 + (i % 5))
            handle.write(building_xml(h) + "\n")
        handle.write("</core:CityModel>")
    return str(path)


NS10_NRW = {
    "xal": "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0",
    "bldg": "http://www.opengis.net/citygml/building/1.0",
    "gml": "http://www.opengis.net/gml",
    "grp": "http://www.opengis.net/citygml/cityobjectgroup/1.0",
    "app": "http://www.opengis.net/citygml/appearance/1.0",
    "core": "http://www.opengis.net/citygml/1.0",
    "gen": "http://www.opengis.net/citygml/generics/1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def _nrw_number(v: float) -> str:
    """Numbers as the NRW tiles write them: at most 3 decimals, trailing zeros dropped
    but one (404640.0, 61.2)."""
    text = "{:.3f}".format(v).rstrip("0")
    return text + "0" if text.endswith(".") else text


def _nrw_pos_list(points) -> str:
    return " ".join(_nrw_number(c) for p in points for c in p)


def _terrain_line(h: House, step: float = 1.0):
    """The footprint at ground height, a point every ``step`` metres (as the NRW tiles'
    lod2TerrainIntersection: a densified closed line)."""
    x0, y0, x1, y1 = h.x0, h.y0, h.x0 + h.w, h.y0 + h.d
    pts = []
    for (ax, ay), (bx, by) in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)),
                               ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
        n = max(1, int(math.hypot(bx - ax, by - ay) / step))
        pts += [(ax + (bx - ax) * k / n, ay + (by - ay) * k / n, h.g + 0.04) for k in range(n)]
    return pts + [pts[0]]


def nrw_building_xml(h: House, number: int) -> str:
    """One building member in the shape of a tile of the NRW LoD2 download (CityGML 1.0,
    2026): indented, creation date, external reference, six generic attributes, function,
    roof type, measured height, a lod2Solid of xlink references, a
    lod2TerrainIntersection, and the boundedBy surfaces whose MultiSurface, Polygon and
    LinearRing carry gml:ids. The identifiers are made from ``number`` (UUID-like)."""
    def uid(kind: int, i: int) -> str:
        return "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}".format(number, kind, i, i, number * 97 + i)
    ind = "\n" + " " * 6
    surfaces, refs = [], []
    for i, (kind, ring) in enumerate(h.surfaces()):
        pid = "UUID_" + uid(1, i)
        refs.append(ind + '        <gml:surfaceMember xlink:href="#{}"/>'.format(pid))
        surfaces.append(
            ind + "<bldg:boundedBy>" +
            ind + '  <bldg:{k} gml:id="ID_{s}">'.format(k=kind, s=uid(2, i)) +
            ind + "    <bldg:lod2MultiSurface>" +
            ind + '      <gml:MultiSurface gml:id="ID_{}">'.format(uid(3, i)) +
            ind + "        <gml:surfaceMember>" +
            ind + '          <gml:Polygon gml:id="{}">'.format(pid) +
            ind + "            <gml:exterior>" +
            ind + '              <gml:LinearRing gml:id="{}_0_">'.format(pid) +
            ind + '                <gml:posList srsDimension="3">{}</gml:posList>'.format(
                _nrw_pos_list(_fmt(ring))) +
            ind + "              </gml:LinearRing>" +
            ind + "            </gml:exterior>" +
            ind + "          </gml:Polygon>" +
            ind + "        </gml:surfaceMember>" +
            ind + "      </gml:MultiSurface>" +
            ind + "    </bldg:lod2MultiSurface>" +
            ind + "  </bldg:{}>".format(kind) +
            ind + "</bldg:boundedBy>")
    generic = [("Gemeindeschluessel", "05915000"), ("DatenquelleDachhoehe", "1000"),
               ("Geometrietyp2DReferenz", "3000"), ("DatenquelleLage", "1000"),
               ("DatenquelleBodenhoehe", "1100"), ("Grundrissaktualitaet", "2025-07-01")]
    head = (ind + "<core:creationDate>2026-02-09</core:creationDate>" +
            ind + "<core:externalReference>" +
            ind + "  <core:informationSystem>http://repository.gdi-de.org/schemas/adv/citygml/"
                  "fdv/art.htm#_9100</core:informationSystem>" +
            ind + "  <core:externalObject>" +
            ind + "    <core:name>{}</core:name>".format(h.gml_id) +
            ind + "  </core:externalObject>" +
            ind + "</core:externalReference>" +
            "".join(ind + '<gen:stringAttribute name="{}">'.format(k) +
                    ind + "  <gen:value>{}</gen:value>".format(v) +
                    ind + "</gen:stringAttribute>" for k, v in generic) +
            ind + "<bldg:function>{}</bldg:function>".format(h.function) +
            ind + "<bldg:roofType>{}</bldg:roofType>".format(h.roof_type))
    if h.measured is not None:
        head += ind + '<bldg:measuredHeight uom="urn:adv:uom:m">{}</bldg:measuredHeight>'.format(
            _nrw_number(h.measured))
    solid = (ind + "<bldg:lod2Solid>" + ind + "  <gml:Solid>" + ind + "    <gml:exterior>" +
             ind + "      <gml:CompositeSurface>" + "".join(refs) +
             ind + "      </gml:CompositeSurface>" + ind + "    </gml:exterior>" +
             ind + "  </gml:Solid>" + ind + "</bldg:lod2Solid>")
    terrain = (ind + "<bldg:lod2TerrainIntersection>" + ind + "  <gml:MultiCurve>" +
               ind + "    <gml:curveMember>" + ind + "      <gml:LineString>" +
               ind + '        <gml:posList srsDimension="3">{}</gml:posList>'.format(
                   _nrw_pos_list(_terrain_line(h))) +
               ind + "      </gml:LineString>" + ind + "    </gml:curveMember>" +
               ind + "  </gml:MultiCurve>" + ind + "</bldg:lod2TerrainIntersection>")
    geometry = solid + terrain + "".join(surfaces)
    if h.part:  # roof type, height and geometry in a BuildingPart of its own
        split = head.index(ind + "<bldg:roofType>")
        head, part_head = head[:split], head[split:]
        part_ind = ind + "    "
        geometry = (ind + "<bldg:consistsOfBuildingPart>" +
                    ind + '  <bldg:BuildingPart gml:id="{}_BP1">'.format(h.gml_id) +
                    (part_head + geometry).replace(ind, part_ind) +
                    ind + "  </bldg:BuildingPart>" + ind + "</bldg:consistsOfBuildingPart>")
    return ("  <core:cityObjectMember>\n    <bldg:Building gml:id=\"{}\">{}{}"
            "\n    </bldg:Building>\n  </core:cityObjectMember>\n".format(
                h.gml_id, head, geometry))


def nrw_houses(n: int, columns: int = 200, spacing: float = 15.0, x0: float = 410000.0,
               y0: float = 5720000.0, first: int = 0) -> List[House]:
    """The houses of stream_nrw_citygml (corners in millimetres, as surveyed corners:
    the coordinates have 3 decimals); every tenth is a structure (a canopy, ALKIS
    51009_1610), as the NRW tiles hold them beside the buildings, and every seventh has
    its roof type, height and geometry in a BuildingPart."""
    return [House("DENW49AL{:08d}".format(first + i),
                  x0 + (i % columns) * spacing + (i * 37 % 1000) / 1000.0,
                  y0 + (i // columns) * spacing + (i * 71 % 1000) / 1000.0,
                  g=60.0 + (i * 13 % 1000) / 1000.0, r=8.0 + (i % 5), measured=8.0 + (i % 5),
                  function="51009_1610" if i % 10 == 9 else "31001_1010", part=i % 7 == 3)
            for i in range(n)]


def stream_nrw_citygml(path, n: int, columns: int = 200, spacing: float = 15.0,
                       x0: float = 410000.0, y0: float = 5720000.0, first: int = 0) -> str:
    """A large tile in the shape of the NRW LoD2 download (see nrw_building_xml), written
    member by member: the benchmark's realistic 20,000-building file. ``first``: the
    number in the first building's id."""
    decl = " ".join('xmlns:{}="{}"'.format(k, v) for k, v in NS10_NRW.items())
    schema = ("http://www.opengis.net/citygml/building/1.0 http://repository.gdi-de.org/"
              "schemas/adv/citygml/building/1.0/buildingLoD2.xsd")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<core:CityModel {} xsi:schemaLocation="{}">\n'.format(decl, schema))
        handle.write("  <gml:name>LoD2_32_410_5720_1_NW</gml:name>\n  <gml:boundedBy>\n"
                     '    <gml:Envelope srsName="{}">\n'
                     '      <gml:lowerCorner srsDimension="3">410000.0 5720000.0 59.0'
                     '</gml:lowerCorner>\n'
                     '      <gml:upperCorner srsDimension="3">411000.0 5721000.0 80.0'
                     '</gml:upperCorner>\n    </gml:Envelope>\n  </gml:boundedBy>\n'
                     .format(SRS_NRW))
        for i, h in enumerate(nrw_houses(n, columns, spacing, x0, y0, first)):
            handle.write(nrw_building_xml(h, first + i))
        handle.write("</core:CityModel>\n")
    return str(path)


def cityjson(houses: List[House], version: str = "2.0", epsg: int = 25832,
             scale: float = 0.001) -> dict:
    """CityJSON with transform, semantics, LoD 1 and LoD 2.2 geometry per building."""
    translate = [min(h.x0 for h in houses), min(h.y0 for h in houses), 0.0]
    vertices = []
    objects = {}

    def vid(p):
        vertices.append([int(round((p[k] - translate[k]) / scale)) for k in range(3)])
        return len(vertices) - 1

    for h in houses:
        shell, values = [], []
        kinds = ["RoofSurface", "WallSurface", "GroundSurface"]
        for kind, ring in h.surfaces():
            shell.append([[vid(p) for p in ring]])
            values.append(kinds.index(kind))
        lod1 = House(h.gml_id, h.x0, h.y0, h.w, h.d, h.g, h.r, h.r, "1000")
        shell1 = [[[vid(p) for p in ring]] for _k, ring in lod1.surfaces()]
        attrs = {"function": h.function, "roofType": h.roof_type}
        if h.measured is not None:
            attrs["measuredHeight"] = h.measured
        if h.storeys is not None:
            attrs["storeysAboveGround"] = h.storeys
        objects[h.gml_id] = {
            "type": "Building", "attributes": attrs,
            "geometry": [
                {"type": "Solid", "lod": "1", "boundaries": [shell1]},
                {"type": "Solid", "lod": "2.2", "boundaries": [shell],
                 "semantics": {"surfaces": [{"type": k} for k in kinds], "values": [values]}},
            ]}
    return {"type": "CityJSON", "version": version,
            "transform": {"scale": [scale] * 3, "translate": translate},
            "metadata": {"referenceSystem":
                         "https://www.opengis.net/def/crs/EPSG/0/{}".format(epsg)},
            "CityObjects": objects, "vertices": vertices}


def write_cityjson(path, houses, **kwargs) -> str:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(cityjson(houses, **kwargs), handle)
    return str(path)


def write_las(path, xyz: np.ndarray, classes: Optional[np.ndarray] = None,
              scale: float = 0.01, version: int = 2, point_format: int = 1) -> str:
    """An uncompressed LAS 1.2 (format 0/1) or 1.4 (format 6) file, written by hand
    following the ASPRS LAS specification."""
    n = len(xyz)
    classes = np.full(n, 1, np.uint8) if classes is None else classes.astype(np.uint8)
    offset = np.floor(xyz.min(axis=0))
    ints = np.round((xyz - offset) / scale).astype("<i4")
    header_size = 227 if version == 2 else 375
    if point_format in (0, 1):
        rec = 20 + (8 if point_format == 1 else 0)
    else:
        rec = 30
    data = bytearray(rec * n)
    arr = np.frombuffer(data, dtype=np.uint8).reshape(n, rec) if n else None
    if n:
        arr[:, 0:12] = ints.view(np.uint8).reshape(n, 12)
        if point_format in (0, 1):
            arr[:, 15] = classes
        else:
            arr[:, 16] = classes
    mins, maxs = xyz.min(axis=0), xyz.max(axis=0)
    head = bytearray(header_size)
    head[0:4] = b"LASF"
    head[24] = 1
    head[25] = 2 if version == 2 else 4
    struct.pack_into("<H", head, 94, header_size)
    struct.pack_into("<I", head, 96, header_size)
    struct.pack_into("<I", head, 100, 0)
    head[104] = point_format
    struct.pack_into("<H", head, 105, rec)
    struct.pack_into("<I", head, 107, n if point_format < 6 else 0)
    struct.pack_into("<3d", head, 131, scale, scale, scale)
    struct.pack_into("<3d", head, 155, *offset)
    struct.pack_into("<6d", head, 179, maxs[0], mins[0], maxs[1], mins[1], maxs[2], mins[2])
    if version == 4:
        struct.pack_into("<Q", head, 247, n)
    with open(path, "wb") as handle:
        handle.write(bytes(head))
        handle.write(bytes(data))
    return str(path)
