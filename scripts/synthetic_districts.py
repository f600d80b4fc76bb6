"""Synthetic district polygons for the Hamm profile (Voronoi cells of the district centres,
clipped to the city's bounding box). NOT the official boundaries: the shipped profile
says so; an admin replaces them with the official ones (e.g. from the city's WFS).
Run: python3 scripts/synthetic_districts.py > /tmp/districts.json
"""
import json

EXTENT = (407000.0, 5717000.0, 431000.0, 5734000.0)
# District centres, EPSG:25832, from approximate WGS84 positions of the district centres
CENTRES = [
    ("mitte", "Hamm-Mitte", 418072, 5726113),
    ("uentrop", "Uentrop", 425998, 5724322),
    ("rhynern", "Rhynern", 421087, 5719946),
    ("pelkum", "Pelkum", 413156, 5721745),
    ("herringen", "Herringen", 409400, 5724592),
    ("bockum_hoevel", "Bockum-Hövel", 412925, 5728424),
    ("heessen", "Heessen", 420207, 5729972),
]


def clip(poly, a, b, c):
    """Keep the part of poly with a*x + b*y <= c (Sutherland-Hodgman, one half-plane)."""
    out = []
    for i, p in enumerate(poly):
        q = poly[(i + 1) % len(poly)]
        fp, fq = a * p[0] + b * p[1] - c, a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def cells():
    x0, y0, x1, y1 = EXTENT
    result = []
    for did, name, px, py in CENTRES:
        poly = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        for oid, _n, qx, qy in CENTRES:
            if oid == did:
                continue
            # closer to p than to q: 2(q-p).x <= |q|^2 - |p|^2
            poly = clip(poly, 2 * (qx - px), 2 * (qy - py), qx * qx + qy * qy - px * px - py * py)
        ring = ", ".join("{:.1f} {:.1f}".format(x, y) for x, y in poly + [poly[0]])
        result.append({"id": did, "name": name, "wkt": "POLYGON(({}))".format(ring)})
    return result


if __name__ == "__main__":
    print(json.dumps(cells(), ensure_ascii=False, indent=2))
