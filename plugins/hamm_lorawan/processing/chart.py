"""The path profile of one link as a small SVG chart (no plotting library needed)."""

from xml.sax.saxutils import escape

import numpy as np

from ..logic.radio import earth_bulge, fresnel_radius, wavelength


def profile_svg(
    profile, gateway, result, params, freq_mhz: float, tr, width: int = 800, height: int = 320
) -> str:
    """Terrain (brown), buildings/surface (grey), the direct ray (blue) and the first
    Fresnel zone (dashed) from the gateway (left) to the device (right)."""
    dist, surface, ground = (np.asarray(a, dtype=float) for a in profile)
    ok = np.isfinite(ground)
    if ok.any() and not ok.all():  # no-data holes on the way: drawn as the straight line across
        ground = np.interp(dist, dist[ok], ground[ok])
    total = max(float(dist[-1]), 1.0)
    bulge = earth_bulge(dist, total)
    surf = np.where(np.isnan(surface), ground, surface) + bulge
    grd = ground + bulge
    h_tx = grd[0] + gateway.height_agl
    h_rx = grd[-1] + params.device_height_m
    ray = h_tx + dist / total * (h_rx - h_tx)
    f1 = fresnel_radius(np.maximum(dist, 1e-3), np.maximum(total - dist, 1e-3), wavelength(freq_mhz))
    lo = float(np.nanmin(grd)) - 5.0
    hi = float(max(np.nanmax(surf), np.nanmax(ray + f1))) + 5.0
    left, right, top, bottom = 60, 20, 40, 40

    def px(d):
        return left + (width - left - right) * d / total

    def py(z):
        return top + (height - top - bottom) * (hi - z) / max(hi - lo, 1.0)

    def poly(zs):
        return " ".join("{:.1f},{:.1f}".format(px(d), py(z)) for d, z in zip(dist, zs))

    base = "{:.1f},{:.1f}".format(px(total), py(lo)) + " " + "{:.1f},{:.1f}".format(px(0), py(lo))
    title = tr(
        "Path profile {gw} -> device: {d:.0f} m, {pl:.1f} dB path loss ({diff:.1f} dB obstruction), "
        "{rx:.1f} dBm, SF{sf}"
    ).format(
        gw=gateway.name,
        d=total,
        pl=result.path_loss_db,
        diff=result.diffraction_db,
        rx=result.rx_dbm,
        sf=result.sf,
    )
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'.format(
            w=width, h=height
        ),
        '<rect width="100%" height="100%" fill="white"/>',
        '<text x="{x}" y="20" font-family="sans-serif" font-size="13">{t}</text>'.format(
            x=left, t=escape(title)
        ),
        '<polygon points="{p} {b}" fill="#bbbbbb" stroke="none"/>'.format(p=poly(surf), b=base),
        '<polygon points="{p} {b}" fill="#a0785a" stroke="none"/>'.format(p=poly(grd), b=base),
        '<polyline points="{p}" fill="none" stroke="#1f5fbf" stroke-width="1.5"/>'.format(p=poly(ray)),
        '<polyline points="{p}" fill="none" stroke="#1f5fbf" stroke-dasharray="4 3"/>'.format(
            p=poly(ray + f1)
        ),
        '<polyline points="{p}" fill="none" stroke="#1f5fbf" stroke-dasharray="4 3"/>'.format(
            p=poly(ray - f1)
        ),
        '<text x="{x}" y="{y}" font-family="sans-serif" font-size="11">{t}</text>'.format(
            x=left, y=height - 10, t=escape(tr("distance (m)") + ": 0 - {:.0f}".format(total))
        ),
        '<text x="5" y="{y}" font-family="sans-serif" font-size="11">{z:.0f} m</text>'.format(
            y=py(hi) + 4, z=hi
        ),
        '<text x="5" y="{y}" font-family="sans-serif" font-size="11">{z:.0f} m</text>'.format(y=py(lo), z=lo),
        "</svg>",
    ]
    return "\n".join(parts)
