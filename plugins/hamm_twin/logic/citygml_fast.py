"""Fast path of the CityGML reader: the bulky, regular part of an LoD2 file, the
``boundedBy`` semantic surfaces (RoofSurface, WallSurface, GroundSurface, ...) with their
``lodXMultiSurface`` polygons, is recognised with regular expressions on the raw bytes
before ElementTree sees it, and each such surface is replaced by ONE empty placeholder
element that carries the surface's kind, gml:id and ring coordinates as attributes.
ElementTree then builds about a fifth of the elements it would otherwise build, and the
coordinates of all surfaces of a building are converted to floats in one numpy call.
Solids that only refer to those surfaces by ``xlink:href`` (they add no geometry) are
dropped from the stream.

Only surfaces that follow a strict shape are replaced: element names with prefixes bound
in the root element to OGC namespaces, plain attributes (no entities, no ``srsName``, no
namespace declarations), polygons of one exterior and optional interior LinearRings with
``posList`` or ``pos`` children, and text-only leaf elements. Anything else (comments,
CDATA, entities, other geometry types, namespace declarations below the root, a DOCTYPE)
stays in the stream and is read by ElementTree exactly as before, so results are the same
either way (tests compare both paths). The decoding mirrors ``citygml._coords`` and
``citygml._polygon`` rule by rule.

A second stage (FastBuildings) then replaces a whole ``bldg:Building`` that holds
nothing but such surface placeholders and elements without geometry by one placeholder,
its attributes read by the rules of ``citygml._read_attributes``.
"""

import re
import uuid
import warnings
from itertools import chain
from typing import List, Optional, Tuple

import numpy as np

SURFACE_KINDS = (b"RoofSurface", b"WallSurface", b"GroundSurface", b"ClosureSurface",
                 b"OuterCeilingSurface", b"OuterFloorSurface")
CHUNK = 1 << 18
_KIND_NAMES = {k: k.decode() for k in SURFACE_KINDS}
# markup whose content is no element: comments, CDATA sections, processing instructions
# (unterminated: to the end of the bytes)
_OPAQUE = re.compile(rb"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)", re.S)
_ROOT = re.compile(rb'<(?![?!])([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|\'[^\']*\'))*)\s*/?>')
_DECL = re.compile(rb'\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ATTR_ITER = re.compile(rb'\s+((?:[\w.-]+:)?[A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_DEFAULT = re.compile(rb'\sxmlns\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_DIM = re.compile(rb'\s(srsDimension|dimension)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
# the placeholders' names end in a random suffix, drawn once per process: the expressions
# that contain them are then compiled once and come from re's cache for every further
# rewriter (the parallel reader makes one per segment of a few megabytes)
_SUFFIX = uuid.uuid4().hex[:10]
# names a leaf element inside a surface must not have (they carry geometry in the
# reference reader)
_GEOM_NAMES = (rb"(?:Polygon|exterior|interior|outerBoundaryIs|innerBoundaryIs|LinearRing|"
               rb"posList|pos|coordinates|pointProperty|boundedBy|BuildingPart)\b")


def _alt(names) -> bytes:
    return b"(?:" + b"|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + b")"


class FastSurfaces:
    """Rewrites chunks of a CityGML document; ``tag`` is the placeholder's name."""

    def __init__(self, known: List[bytes], declared: List[bytes]):
        self.tag = "hammfast" + _SUFFIX
        self.buildings = None  # a FastBuildings, set by from_head
        self.qbtag: Optional[str] = None
        k = _alt(known)
        a = _alt(declared)
        attr = (rb'\s+(?!(?:[\w.-]+:)?srsName\s*=)(?!xmlns\b)(?:' + a +
                rb':)?[A-Za-z_][\w.-]*\s*=\s*(?:"[^"<&\t\n\r]*"|\'[^\'<&\t\n\r]*\')')
        attrs = b"(?:" + attr + b")*"
        text = rb'[^<&"|]*'

        def leaf(n):
            return (rb'<(?P<l%d>' % n + a + rb'):(?!' + _GEOM_NAMES + rb')(?P<ln%d>[A-Za-z_][\w.-]*)'
                    % n + attrs + rb'\s*(?:/>|>[^<&]*</(?P=l%d):(?P=ln%d)\s*>)' % (n, n))

        ring = (rb'<(?P<r1>' + k + rb'):LinearRing' + attrs + rb'\s*>\s*(?:<(?P<r2>' + k +
                rb'):posList' + attrs + rb'\s*>' + text + rb'</(?P=r2):posList\s*>\s*|(?:<(?P<r3>' +
                k + rb'):pos' + attrs + rb'\s*>' + text + rb'</(?P=r3):pos\s*>\s*)+)'
                rb'</(?P=r1):LinearRing\s*>')
        poly = (rb'<(?P<g1>' + k + rb'):Polygon' + attrs + rb'\s*>\s*<(?P<g2>' + k +
                rb'):exterior\s*>\s*' + ring + rb'\s*</(?P=g2):exterior\s*>\s*(?:<(?P<g3>' + k +
                rb'):interior\s*>\s*' + ring.replace(b"?P<r", b"?P<i").replace(b"?P=r", b"?P=i") +
                rb'\s*</(?P=g3):interior\s*>\s*)*</(?P=g1):Polygon\s*>')
        multi = (rb'<(?P<m1>' + k + rb'):(?P<lod>lod[1-4]MultiSurface)\s*>\s*<(?P<m2>' + k +
                 rb'):MultiSurface' + attrs + rb'\s*>\s*(?:<(?P<m3>' + k +
                 rb'):surfaceMember\s*>\s*' + poly + rb'\s*</(?P=m3):surfaceMember\s*>\s*)+'
                 rb'</(?P=m2):MultiSurface\s*>\s*</(?P=m1):(?P=lod)\s*>')
        unit = (rb'<(?P<b1>' + k + rb'):boundedBy\s*>\s*<(?P<b2>' + k + rb'):(?P<kind>' +
                b"|".join(SURFACE_KINDS) + rb')(?P<ka>' + attrs + rb')\s*>'
                rb'(?P<body>(?:\s*(?:' + multi + b"|" + leaf(1) + rb'))*)\s*'
                rb'</(?P=b2):(?P=kind)\s*>\s*</(?P=b1):boundedBy\s*>')
        solid = (rb'<(?P<s1>' + k + rb'):lod[1-4]Solid\s*>\s*<(?P<s2>' + k + rb'):Solid' + attrs +
                 rb'\s*>\s*<(?P<s3>' + k + rb'):exterior\s*>\s*<(?P<s4>' + k +
                 rb'):CompositeSurface' + attrs + rb'\s*>\s*(?:<(?P<s5>' + k +
                 rb'):surfaceMember' + attrs + rb'\s*/>\s*)*</(?P=s4):CompositeSurface\s*>\s*'
                 rb'</(?P=s3):exterior\s*>\s*</(?P=s2):Solid\s*>\s*</(?P=s1):lod[1-4]Solid\s*>')
        # the usual shape (one polygon of one posList ring), checked completely by the
        # expression itself, so that re.split does the whole work in C: the surfaces
        # become bare placeholders (their data stays in lists here, in document order)
        # ASCII only in what is decoded here (ids, coordinates): anything else goes through
        # ElementTree, which knows the document's encoding
        ida = (rb'\s+(?:' + a + rb':)?id\s*=\s*"(?P<sid>[^"<&\t\n\r\x80-\xff]*)"')
        noid = (rb'(?:\s+(?!(?:[\w.-]+:)?(?:srsName|id)\s*=)(?!xmlns\b)(?:' + a +
                rb':)?[A-Za-z_][\w.-]*\s*=\s*"[^"<&\t\n\r]*")*')
        simple = (rb'<(' + k + rb'):boundedBy\s*>\s*<(' + k + rb'):(?P<xk>' +
                  b"|".join(SURFACE_KINDS) + rb')(?:' + ida + rb')?' + noid + rb'\s*>\s*<(' + k +
                  rb'):(lod[1-4]MultiSurface)\s*>\s*<(' + k + rb'):MultiSurface' + attrs +
                  rb'\s*>\s*<(' + k + rb'):surfaceMember\s*>\s*<(' + k + rb'):Polygon' + attrs +
                  rb'\s*>\s*<(' + k + rb'):exterior\s*>\s*<(' + k + rb'):LinearRing' + attrs +
                  rb'\s*>\s*<(' + k + rb'):posList(?:\s+srsDimension\s*=\s*"(?P<xd>[0-9]+)")?\s*>'
                  rb'(?P<xt>[^<&"|\x80-\xff]*)</\12:posList\s*>\s*</\11:LinearRing\s*>\s*</\10:exterior'
                  rb'\s*>\s*</\9:Polygon\s*>\s*</\8:surfaceMember\s*>\s*</\7:MultiSurface\s*>'
                  rb'\s*</\5:\6\s*>\s*</\2:(?P=xk)\s*>\s*</\1:boundedBy\s*>')
        self.simple = re.compile(simple)
        index = self.simple.groupindex
        self.ngroups = self.simple.groups
        self.g_kind, self.g_id = index["xk"], index["sid"]
        self.g_dim, self.g_text = index["xd"], index["xt"]
        self.stag = "hammsurf" + _SUFFIX
        self._splitter = b"<" + self.stag.encode() + b"/>"
        # surfaces of the placeholders not yet taken (kind, gml:id, dim, text lists)
        self.kinds: List[bytes] = []
        self.ids: List[bytes] = []
        self.dims: List[bytes] = []
        self.texts: List[bytes] = []
        self.arrays: List[Optional[np.ndarray]] = []  # decoded when srsDimension="3"
        self.base = 0          # number of placeholders dropped from the lists' front
        self.taken = 0         # number of placeholders handed out
        self.known = set(known)
        self.declared = set(declared)
        # a terrain intersection (the building's outline on the ground as curves, in
        # every building of the NRW tiles): the reference reader takes nothing from it
        # (citygml.building_from_element only walks through it), so it is dropped from
        # the stream as the solids are; the strict shape keeps anything unusual for
        # ElementTree (other geometry, srsName, comments)
        line = (rb'<(?P<t4>' + k + rb'):LineString' + attrs + rb'\s*>\s*(?:<(?P<t5>' + k +
                rb'):posList' + attrs + rb'\s*>' + text + rb'</(?P=t5):posList\s*>\s*|(?:<(?P<t6>' +
                k + rb'):pos' + attrs + rb'\s*>' + text + rb'</(?P=t6):pos\s*>\s*)+)'
                rb'</(?P=t4):LineString\s*>')
        terrain = (rb'<(?P<t1>' + k + rb'):(?P<tn>lod[1-4]TerrainIntersection)\s*>\s*<(?P<t2>' +
                   k + rb'):MultiCurve' + attrs + rb'\s*>\s*(?:<(?P<t3>' + k +
                   rb'):curveMember\s*>\s*' + line + rb'\s*</(?P=t3):curveMember\s*>\s*)*'
                   rb'</(?P=t2):MultiCurve\s*>\s*</(?P=t1):(?P=tn)\s*>')
        self._general_source = unit + b"|" + solid  # compiled when first needed
        self._general = None
        self.solids = re.compile(solid + b"|" + terrain)
        self.starts = re.compile(rb'<' + k + rb':(?:boundedBy|lod[1-4]Solid)\s*>')
        # the pieces of a recognised surface body, in document order
        self.tokens = re.compile(rb'<' + k + rb':(Polygon|exterior|interior)\b|<' + k +
                                 rb':(posList|pos)(' + attrs + rb')\s*>(' + text + rb')<')
        self.replaced = 0
        self._head = self.tag.encode()
        self._open = None  # the end of a comment (CDATA, PI) the last piece ended in

    def _sub(self, m) -> bytes:
        if m.group("kind") is None:  # a solid of xlink:href references only
            return b""
        rings = []   # descriptors: P (polygon), E<dim> / I<dim>
        texts = []
        ring_dim = b""
        current = None
        current_texts = []
        for name, _pname, pattrs, ptext in self.tokens.findall(m.group("body")):
            if name:
                if current is not None:
                    rings.append(current + ring_dim)
                    texts.append(b" ".join(current_texts))
                    current = None
                if name == b"Polygon":
                    rings.append(b"P")
                else:
                    current = b"E" if name == b"exterior" else b"I"
                    current_texts, ring_dim = [], b""
            else:
                ring_dim = b""
                dims = {d[0]: (d[1] or d[2]) for d in _DIM.findall(pattrs)}
                value = dims.get(b"srsDimension") or dims.get(b"dimension") or b""
                if value and not value.isdigit():
                    return m.group(0)  # the reference reader would fail on int(); keep it
                ring_dim = value
                current_texts.append(ptext)
        if current is not None:
            rings.append(current + ring_dim)
            texts.append(b" ".join(current_texts))
        sid = b""
        for name, v1, v2 in _ATTR_ITER.findall(m.group("ka")):
            if name == b"id" or name.endswith(b":id"):
                sid = v1 or v2
                break
        self.replaced += 1
        return (b"<" + self._head + b' k="' + m.group("kind") + b'" i="' + sid + b'" d="' +
                b" ".join(rings) + b'" c="' + b"|".join(texts) + b'"/>')

    def rewrite(self, data: bytes, skip: int = 0) -> bytes:
        """The bytes with recognised surfaces replaced by placeholders (``skip``: bytes
        at the start not to look at, the root element with its namespace declarations).
        A document may come in pieces, one call each, in order.

        Comments, CDATA sections and processing instructions are left as they are: a
        placeholder made inside one would never reach ElementTree as an element, and
        the surfaces after it would be given the coordinates of the one before
        (``number`` counts the placeholders ElementTree sees)."""
        regions = self._regions(data, skip)
        if data.find(b"xmlns", skip) >= 0:
            return data  # prefixes may mean something else below: ElementTree reads it
        # (the usual case, one plain region from 0: no copy, as slicing and joining
        # whole bytes give the same object)
        return data[:skip] + b"".join(self._rewrite(data[a:b]) if plain else data[a:b]
                                      for plain, a, b in regions)

    def _regions(self, data: bytes, skip: int):
        """(plain?, start, end) of ``data`` from ``skip`` on: plain bytes and the
        comments, CDATA sections and processing instructions among them, including the
        rest of one that a piece before began (kept in ``_open``).

        A piece that begins inside such markup without this rewriter having seen its
        start is only ever a segment of the parallel reader cut inside a comment; its
        results are never used, because the segment before it cannot be parsed (its
        comment swallows the document's end) and the serial reader takes over there."""
        n = len(data)
        pos = skip
        out = []
        if self._open is not None:
            i = data.find(self._open, pos)
            if i < 0:
                return [(False, pos, n)]
            out.append((False, pos, i + len(self._open)))
            pos = i + len(self._open)
            self._open = None
        # (single characters that are rare in a document are found by memchr; a search
        # for "<!" would stop at every "<")
        if (data.find(b"!", pos) < 0 or data.find(b"<!", pos) < 0) and \
                (data.find(b"?", pos) < 0 or data.find(b"<?", pos) < 0):
            return out + [(True, pos, n)]
        for m in _OPAQUE.finditer(data, pos):
            if m.start() > pos:
                out.append((True, pos, m.start()))
            out.append((False, m.start(), m.end()))
            text = m.group(0)
            opener, closer = ((b"<!--", b"-->") if text.startswith(b"<!-") else
                              (b"<![CDATA[", b"]]>") if text.startswith(b"<![") else
                              (b"<?", b"?>"))
            if not (text.endswith(closer) and len(text) >= len(opener) + len(closer)):
                self._open = closer  # goes on in the next piece
            pos = m.end()
        if pos < n:
            out.append((True, pos, n))
        return out

    def _rewrite(self, data: bytes) -> bytes:
        """rewrite() of bytes without comments, CDATA sections and processing
        instructions."""
        parts = self.simple.split(data)
        if len(parts) > 1:
            step = self.ngroups + 1
            self.kinds += parts[self.g_kind::step]
            self.ids += parts[self.g_id::step]
            dims, texts = parts[self.g_dim::step], parts[self.g_text::step]
            self.dims += dims
            self.texts += texts
            first = len(self.arrays)
            self.arrays += decode_3d(dims, texts)
            self.replaced += len(parts) // step
            data = self._splitter.join(parts[::step])
        # (solids and terrain intersections) no Python per match: literal replacement
        data = self.solids.sub(b"", data)
        if self.buildings is not None and len(parts) > 1:
            data = self.buildings.rewrite(data, first)
        out = []
        pos = 0
        for start in self.starts.finditer(data):
            i = start.start()
            if i < pos:
                continue
            if self._general is None:
                self._general = re.compile(self._general_source)
            m = self._general.match(data, i)
            if m is None:
                continue
            out.append(data[pos:i])
            out.append(self._sub(m))
            pos = m.end()
        if not out:
            return data
        out.append(data[pos:])
        return b"".join(out)

    def number(self, elem) -> None:
        """Give the simple placeholders in ``elem`` (a child of the root that ElementTree
        has just completed) their place in the lists, in document order."""
        drop = self.taken - self.base  # those of the elements before: read
        if drop > 1024:
            del self.kinds[:drop], self.ids[:drop], self.dims[:drop], self.texts[:drop], \
                self.arrays[:drop]
            self.base = self.taken
        if self.qbtag is None:
            for ph in elem.iter(self.qstag):
                ph.text = self.taken
                self.taken += 1
            return
        qs, qb, blds = self.qstag, self.qbtag, self.buildings
        blds.trim()  # those of the elements before: read
        for ph in elem.iter():
            tag = ph.tag
            if tag == qs:
                ph.text = self.taken
                self.taken += 1
            elif tag == qb:  # a whole building: its surfaces come next in the lists
                ph.text = (blds.taken, self.taken)
                self.taken += blds.counts[blds.taken - blds.base]
                blds.taken += 1

    def simple_rings(self, indices: List[int], default_dim: int) -> Optional[List[np.ndarray]]:
        """The rings of the simple placeholders with these numbers, converted in one go,
        when every one is a closed 3D ring of at least 4 finite points (what
        ``close_ring`` returns unchanged); else None."""
        dims = self.dims
        for i in indices:
            d = dims[i]
            if (d != b"3") if d else (default_dim != 3):
                return None
        texts = self.texts
        tokens = [texts[i].split() for i in indices]
        counts = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
        if len(counts) == 0 or (counts % 3).any() or (counts < 12).any():
            return None
        try:
            flat = np.array(list(chain.from_iterable(tokens)), dtype=float)
        except ValueError:
            return None
        if not np.isfinite(flat).all():
            return None
        pts = flat.reshape(-1, 3)
        ends = np.cumsum(counts // 3)
        starts = ends - counts // 3
        if not (pts[starts] == pts[ends - 1]).all():
            return None
        return [pts[a:b] for a, b in zip(starts.tolist(), ends.tolist())]

    def placeholder(self, elem) -> Tuple[str, str, List[Tuple[bool, Optional[int], str]],
                                         List[int]]:
        """(kind, gml:id, rings as (exterior?, dim or None, text), polygon starts) of
        either kind of placeholder."""
        if elem.text is None or isinstance(elem.text, str):
            return parse_placeholder(elem)
        i = elem.text - self.base
        dim = self.dims[i]
        return (self.kinds[i].decode(), (self.ids[i] or b"").decode(),
                [(True, int(dim) if dim else None, self.texts[i].decode())], [0])


class FastBuildings:
    """The second stage of the fast path: a whole ``bldg:Building`` whose content is
    nothing but surfaces already replaced by simple placeholders (each a closed 3D
    ring, decoded) and elements that carry no geometry (text-only elements, and
    elements of up to two levels of such children: generic attributes, external
    references) becomes ONE placeholder; its gml:id, its attributes (read by the rules
    of citygml._read_attributes) and its number of surfaces are kept here. So is a
    building of BuildingParts of that kind (one level of parts, each in its own
    consistsOfBuildingPart): their attributes fill in what the building leaves open, in
    order, and their surfaces carry the part's gml:id, as citygml.building_from_element
    reads them. A building with anything else (nested parts, polygons, other geometry,
    text mixed with elements, comments, non-ASCII text, character references, srsName,
    several attributes on a child) stays in the stream for ElementTree."""

    # what citygml reads as attributes (the same sets as there)
    ATTRIBUTES = {b"measuredHeight", b"roofType", b"storeysAboveGround",
                  b"storeysBelowGround", b"function", b"usage", b"class", b"name",
                  b"yearOfConstruction"}
    GEN_ATTRIBUTES = {b"stringAttribute", b"doubleAttribute", b"intAttribute",
                      b"measureAttribute", b"genericAttribute"}

    def __init__(self, surfaces: "FastSurfaces", known, declared, citygml):
        self.surfaces = surfaces
        self.tag = "hammbld" + _SUFFIX
        self.placeholder = b"<" + self.tag.encode() + b"/>"
        k, a, c = _alt(known), _alt(declared), _alt(citygml)
        ws = rb"[ \t\n\r]*"
        # printable ASCII: no "&" (references), "<", "]" ("]]>"), no CR (line ends are
        # normalised by XML parsers); attribute values without quotes or white space
        # other than blanks (normalised too)
        text = rb"[\t\n\x20-\x25\x27-\x3b\x3d-\x5c\x5e-\x7e]*"
        value = rb'"[\x20\x21\x23-\x25\x27-\x3b\x3d-\x7e]*"'
        name = rb"(?!(?:Polygon|BuildingPart)\b)[A-Za-z_][\w.-]*"
        attr1 = (rb"(?:[ \t\n\r]+(?!(?:[\w.-]+:)?srsName" + ws + rb"=)(?!xmlns\b)(?:" + a +
                 rb":)?[A-Za-z_][\w.-]*" + ws + b"=" + ws + value + b")?")
        self.attr1 = re.compile(rb"[ \t\n\r]+((?:" + a + rb":)?[A-Za-z_][\w.-]*)" + ws + b"=" +
                                ws + rb'"([^"]*)"')

        def elem(level, n):
            p, q = b"p%d" % n, b"q%d" % n
            head = (rb"<(?P<" + p + b">" + k + rb"):(?P<" + q + b">" + name + b")" + attr1 + ws)
            close = rb"</(?P=" + p + rb"):(?P=" + q + b")" + ws + b">"
            if level == 0:
                return head + rb"(?:/>|>" + text + close + b")"
            return (head + rb"(?:/>|>" + text + close + rb"|>(?:" + ws + elem(level - 1, n + 1) +
                    rb")+" + ws + close + b")")

        surf = re.escape(surfaces._splitter)
        attrs = (rb"(?:[ \t\n\r]+(?!(?:[\w.-]+:)?srsName" + ws + rb"=)(?!xmlns\b)(?:" + a +
                 rb":)?[A-Za-z_][\w.-]*" + ws + b"=" + ws + value + b")*")

        def part(n):
            return (rb"<(?P<cp" + n + b">" + k + rb"):consistsOfBuildingPart" + ws + b">" + ws +
                    rb"<(?P<pp" + n + b">" + c + rb"):BuildingPart(?P<pa" + n + b">" + attrs +
                    b")" + ws + rb">(?P<pb" + n + rb">(?:" + ws + rb"(?:" + surf + b"|" +
                    elem(2, 30) + rb"))*)" + ws + rb"</(?P=pp" + n + rb"):BuildingPart" + ws +
                    b">" + ws + rb"</(?P=cp" + n + rb"):consistsOfBuildingPart" + ws + b">")
        # (the parts last: their groups come after the others and stay unset in a
        # building without parts, so SRE saves no more marks per child than without them)
        self.pattern = re.compile(
            rb"<(?P<bp>" + c + rb"):Building(?P<ba>" + attrs + b")" + ws + rb">(?P<body>(?:" +
            ws + rb"(?:" + surf + b"|" + elem(2, 0) + b"|" + part(b"") + rb"))*)" + ws +
            rb"</(?P=bp):Building" + ws + b">")
        # one part block of a matched body: its attributes and body
        self.part = re.compile(part(b"x"))
        # the element children of a matched body (surface placeholders taken out), one
        # by one: prefix, name, attribute, text or nested content
        self.child = re.compile(
            rb"<(" + k + rb"):(" + name + rb")(" + attr1 + b")" + ws +
            rb"(?:/>|>(" + text + rb")</\1:\2" + ws + rb">|>((?:" + ws +
            elem(1, 10) + b")+" + ws + rb")</\1:\2" + ws + b">)")
        self.leaf = re.compile(
            rb"<(?P<lp>" + k + rb"):(?P<ln>" + name + b")" + attr1 + ws +
            rb"(?:/>|>(?P<lt>" + text + rb")</(?P=lp):(?P=ln)" + ws + rb">)" + ws)
        self.ids: List[str] = []
        self.attributes: List[dict] = []
        self.counts: List[int] = []
        # per building: None, or (part ids, the part id of every surface) when it has
        # BuildingParts
        self.parts: List[Optional[Tuple[List[str], List[str]]]] = []
        self._generic: dict = {}  # generic attributes read: (attributes, content) -> read
        self.base = 0
        self.taken = 0
        self.replaced = 0

    def rewrite(self, data: bytes, first: int) -> bytes:
        """``first``: the index in FastSurfaces' lists of the first surface placeholder
        in ``data``."""
        splitter = self.surfaces._splitter
        out = []
        pos = 0
        index = first
        for m in self.pattern.finditer(data):
            index += data.count(splitter, pos, m.start())
            rep = self._sub(m, index)
            if rep is not None:
                out.append(data[pos:m.start()])
                out.append(rep)
                pos = m.end()
            else:
                out.append(data[pos:m.end()])
                pos = m.end()
            index += m.group("body").count(splitter)
        if not out:
            return data
        out.append(data[pos:])
        return b"".join(out)

    def _sub(self, m, index: int) -> Optional[bytes]:
        """The placeholder for a matched building, or None to leave it as it is."""
        attrs = self._attributes(m.group("ba"))
        if attrs is None:
            return None
        gml_id = _id_of(attrs)
        if not gml_id:
            return None  # a building without gml:id: its problem is reported there
        values = {}
        splitter = self.surfaces._splitter
        body = m.group("body")
        n = body.count(splitter)
        # BuildingParts: cut out of the building's own children; the surfaces in
        # document order with the id of the part they are in ("" for the building)
        blocks = list(self.part.finditer(body)) if b"consistsOfBuildingPart" in body else []
        if blocks:
            own, part_ids, surface_parts = [], [], []
            pos = 0
            for block in blocks:
                own.append(body[pos:block.start()])
                surface_parts += [""] * body.count(splitter, pos, block.start())
                part_attrs = self._attributes(block.group("pax"))
                if part_attrs is None:
                    return None
                pid = (_id_of(part_attrs) or b"").decode()
                part_ids.append(pid)
                surface_parts += [pid] * block.group("pbx").count(splitter)
                pos = block.end()
            own.append(body[pos:])
            surface_parts += [""] * body.count(splitter, pos)
            body = b"".join(own)
        if not self._read_children(body.replace(splitter, b""), values):
            return None
        for block in blocks:  # the parts' attributes fill in, part by part
            if not self._read_children(block.group("pbx").replace(splitter, b""), values):
                return None
        # every surface a decoded closed 3D ring (else its problems are found there)
        arrays = self.surfaces.arrays
        if any(arrays[j] is None for j in range(index, index + n)):
            return None
        self.ids.append(gml_id.decode())
        self.attributes.append(values)
        self.counts.append(n)
        self.parts.append((part_ids, surface_parts) if blocks else None)
        self.replaced += 1
        return self.placeholder

    def _read_children(self, body: bytes, values: dict) -> bool:
        """Read the attributes among the element children of ``body`` into ``values``
        by the rules of citygml._read_attributes (a value already there and not empty is
        kept); False when one of them is not of the plain kind (ElementTree reads it)."""
        for _p, cn, ca, ct, cx, *_inner in self.child.findall(body):
            if cn in self.ATTRIBUTES:
                if cx:
                    return False  # an attribute with child elements: ElementTree
                local = cn.decode()
                if local not in values or values[local] in (None, ""):
                    values[local] = ct.decode().strip()
            elif cn in self.GEN_ATTRIBUTES:
                # (the same few generic attributes come with every building of a tile)
                read = self._generic.get((ca, cx))
                if read is None:
                    read = self._generic_attribute(ca, cx)
                    if len(self._generic) < 4096:
                        self._generic[(ca, cx)] = read
                if read is False:
                    return False  # deeper than text-only children
                key, value = read
                if key:
                    values.setdefault(key, value)
        return True

    def _generic_attribute(self, attrs: bytes, content: bytes):
        """("gen:" + name or "", value) of a generic attribute with these attributes and
        content, as citygml._read_attributes reads it; False when its content is not
        text-only children."""
        key = ""
        for k_, v_ in self._attributes(attrs) or ():
            if k_ == b"name":
                key = v_.decode()
        value = None
        if content:
            pos = 0
            nested = content.strip(b" \t\n\r")
            while pos < len(nested):
                leaf = self.leaf.match(nested, pos)
                if leaf is None:
                    return False
                if leaf.group("ln") == b"value":
                    value = (leaf.group("lt") or b"").decode().strip()
                pos = leaf.end()
        return ("gen:" + key if key else ""), value

    def _attributes(self, text: bytes):
        """(name, value) of the attributes; None when a name repeats."""
        pairs = self.attr1.findall(text)
        names = [p[0] for p in pairs]
        if len(set(names)) != len(names):
            return None
        return pairs

    def trim(self) -> None:
        drop = self.taken - self.base
        if drop > 1024:
            del self.ids[:drop], self.attributes[:drop], self.counts[:drop], \
                self.parts[:drop]
            self.base = self.taken

    def building(self, elem, source: str):
        """The Building of a placeholder (numbered by FastSurfaces.number)."""
        from .model import Building, Surface
        bi, s0 = elem.text
        i = bi - self.base
        fs = self.surfaces
        j0 = s0 - fs.base
        n = self.counts[i]
        ids, arrays = fs.ids, fs.arrays
        kinds = [_KIND_NAMES.get(k) or k.decode() for k in fs.kinds[j0:j0 + n]]
        parts = self.parts[i]
        owners = parts[1] if parts is not None else [""] * n
        surfaces = [Surface(kind, [arrays[j]], (ids[j] or b"").decode(), owner)
                    for kind, j, owner in zip(kinds, range(j0, j0 + n), owners)]
        bld = Building(gml_id=self.ids[i], source=source)
        bld.attributes = dict(self.attributes[i])
        if parts is not None:
            bld.parts = list(parts[0])
        if surfaces:
            bld.surfaces = surfaces
            bld.lod = "2"
        return bld


def _id_of(attrs) -> Optional[bytes]:
    """The gml:id among (name, value) attribute pairs, as citygml._gml_id takes it (the
    first attribute named id, with any prefix or none); None when there is none."""
    for key, val in attrs:
        if key == b"id" or key.endswith(b":id"):
            return val
    return None


def from_head(head: bytes) -> Optional[FastSurfaces]:
    """A FastSurfaces for the document whose first bytes are ``head``, or None when the
    fast path does not apply (no plain root element, a DOCTYPE, not an ASCII-compatible
    encoding)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:200]:
        return None
    m = _ROOT.search(head)
    if m is None or b"<!DOCTYPE" in head[:m.start()] or b"<!--" in head[:m.start()]:
        return None  # a DOCTYPE may add attributes; a comment may hide a tag
    default = _DEFAULT.search(m.group(2))
    known, declared, citygml = [], [], []
    for prefix, v1, v2 in _DECL.findall(m.group(2)):
        uri = v1 or v2
        if prefix.lower().startswith(b"xml"):
            continue
        declared.append(prefix)
        if uri.startswith(b"http://www.opengis.net/"):
            known.append(prefix)
        if uri.startswith(b"http://www.opengis.net/citygml"):
            citygml.append(prefix)
    if not known:
        return None
    fast = FastSurfaces(known, declared)
    uri = (default.group(1) or default.group(2)).decode() if default else ""
    fast.qstag = "{%s}%s" % (uri, fast.stag) if uri else fast.stag
    fast.buildings = FastBuildings(fast, known, declared, citygml) if citygml else None
    fast.qbtag = None
    if fast.buildings is not None:
        tag = fast.buildings.tag
        fast.qbtag = "{%s}%s" % (uri, tag) if uri else tag
    fast.names = (fast.tag, fast.stag)
    fast.skip = m.end()
    return fast


def cut_point(buf: bytes) -> int:
    """Where to cut a buffer so that no recognisable surface is split: just after the
    last ``</x:boundedBy>`` (0 when there is none)."""
    pos = len(buf)
    while True:
        pos = buf.rfind(b":boundedBy", 0, pos)
        if pos < 0:
            return 0
        start = buf.rfind(b"<", 0, pos)
        end = buf.find(b">", pos)
        if start >= 0 and end >= 0 and buf[start + 1:start + 2] == b"/" and \
                buf[pos + 10:end].strip() == b"":
            return end + 1


def parse_placeholder(elem) -> Tuple[str, str, List[Tuple[bool, Optional[int], str]], List[int]]:
    """(kind, gml:id, rings as (exterior?, dim or None, text), polygon starts)."""
    desc = (elem.get("d") or "").split()
    texts = (elem.get("c") or "").split("|")
    rings = []
    starts = []
    i = 0
    for token in desc:
        if token == "P":
            starts.append(len(rings))
            continue
        rings.append((token[0] == "E", int(token[1:]) if len(token) > 1 else None, texts[i]))
        i += 1
    return elem.get("k") or "", elem.get("i") or "", rings, starts


_NUMBER_BYTES = b"0123456789.eE+- \t\n\r\x0b\x0c"


def plain_numbers(text: bytes, count: int) -> Optional[np.ndarray]:
    """The ``count`` white-space separated numbers of ``text`` as float() reads them,
    converted in C by numpy (its text reader uses Python's correctly rounded
    conversion); None when the text holds anything but digits, signs, points,
    exponents and white space (hexadecimal, nan, inf, underscores: float() and numpy
    may read those differently) or when numpy does not read exactly ``count`` numbers
    (a token that is no number)."""
    if text.translate(None, _NUMBER_BYTES):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "could not be read to its end": checked below
        try:
            # numpy stops at the first token that is no number (and may take a piece of
            # it): with a number appended, reading every token means all were numbers
            values = np.fromstring(text + b" 0", dtype=float, sep=" ")
        except ValueError:
            return None
    return values[:count] if values.size == count + 1 else None


def decode_3d(dims: List[bytes], texts: List[bytes]) -> List[Optional[np.ndarray]]:
    """The rings of many simple placeholders with srsDimension="3" at once: an (n, 3)
    array per ring that ``close_ring`` would return unchanged (at least 4 points, finite,
    closed); None for every other ring (decoded later by the rules of the reference)."""
    out: List[Optional[np.ndarray]] = [None] * len(texts)
    sel = [j for j, d in enumerate(dims) if d == b"3"]
    if not sel:
        return out
    chosen = [texts[j] for j in sel]
    counts = np.fromiter((len(t.split()) for t in chosen), dtype=np.int64, count=len(sel))
    flat = plain_numbers(b" ".join(chosen), int(counts.sum()))
    if flat is None:
        tokens = [t.split() for t in chosen]
        try:
            flat = np.array(list(chain.from_iterable(tokens)), dtype=float)
        except ValueError:
            return out
    ends = np.cumsum(counts)
    starts = ends - counts
    good = (counts % 3 == 0) & (counts >= 12)
    s, e = starts[good], ends[good]
    finite = np.isfinite(flat)
    ok = np.ones(len(s), dtype=bool)
    for k in range(3):
        ok &= flat[s + k] == flat[e - 3 + k]
    if len(s):
        inside = np.cumsum(~finite)  # non-finite numbers up to each position
        bad = inside[e - 1] - np.where(s > 0, inside[s - 1], 0)
        ok &= bad == 0
    picked = np.nonzero(good)[0][ok]
    s, e = s[ok], e[ok]
    if flat.size % 3 == 0 and not (s % 3).any():  # every ring at a point boundary
        pts = flat.reshape(-1, 3)  # the same views, one slice each (no reshape per ring)
        for j, a, b in zip(picked.tolist(), (s // 3).tolist(), (e // 3).tolist()):
            out[sel[j]] = pts[a:b]
        return out
    for j, a, b in zip(picked.tolist(), s.tolist(), e.tolist()):
        out[sel[j]] = flat[a:b].reshape(-1, 3)
    return out


def decode_rings(rings, default_dim: int):
    """Float arrays of many rings at once: (list of (n, 3) arrays or None per ring).
    The common case (all rings 3D, all numbers valid) is one numpy conversion; a ring
    that is not of that kind is left as None for the reference reader to judge."""
    values = []
    counts = []
    ok = []
    for _ext, dim, text in rings:
        tokens = text.split()
        n = len(tokens)
        good = (default_dim if dim is None else dim) == 3 and n and n % 3 == 0
        ok.append(bool(good))
        counts.append(n if good else 0)
        if good:
            values.extend(tokens)
    out = [None] * len(rings)
    if not values:
        return out
    try:
        flat = np.array(values, dtype=float)
    except ValueError:
        return out
    pts = flat.reshape(-1, 3)
    pos = 0
    for j, n in enumerate(counts):
        if ok[j]:
            out[j] = pts[pos:pos + n // 3]
            pos += n // 3
    return out


def segment_columns(fast: FastSurfaces, data: bytes, member: bytes, root_end: bytes,
                    source: str):
    """The buildings of ``data`` (whole feature members of the document ``fast`` was
    made for, one after the other; the root's end tag may follow) as logic.columns
    Columns, straight from the fast path's lists, when every member holds nothing but
    one building that the second stage replaced whole; else None (ElementTree is to
    read it). ``fast`` must be new (its lists empty). What ElementTree would read here
    is then only the members' tags around the placeholders (checked whole by one
    expression): it would give the same buildings in the same order."""
    from .columns import Columns
    blds = fast.buildings
    if blds is None or fast.taken or blds.taken:
        return None
    if b":" in member and member.split(b":", 1)[0] not in fast.declared:
        return None  # an unbound prefix: ElementTree reports the error
    out = fast.rewrite(data, 0)
    ws = rb"[ \t\n\r]*"
    tag = re.escape(member)
    shape = re.compile(rb"(?:" + ws + b"<" + tag + ws + b">" + ws + re.escape(blds.placeholder) +
                       ws + b"</" + tag + ws + rb">)*" + ws + rb"(?:" +
                       re.escape(root_end[:-1]) + ws + b">" + ws + rb")?")
    if shape.fullmatch(out) is None:
        return None
    counts = blds.counts
    if len(counts) != out.count(blds.placeholder) or sum(counts) != len(fast.kinds):
        return None
    n, n_s = len(counts), len(fast.kinds)
    part_ids = [""] * n_s
    if any(p is not None for p in blds.parts):
        part_ids = [pid for p, c in zip(blds.parts, counts)
                    for pid in (p[1] if p is not None else [""] * c)]
    return Columns(list(blds.ids), list(blds.attributes), ["2" if c else "" for c in counts],
                   [source] * n, list(counts),
                   [_KIND_NAMES.get(k) or k.decode() for k in fast.kinds],
                   [(i or b"").decode() for i in fast.ids], part_ids, list(fast.arrays), {})
