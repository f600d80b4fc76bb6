"""Kinds of cool places and the coolness score (0..100) with its parts.

Outdoor areas (parks, woods, water, squares): score = 100 * (0.35 shade + 0.30 canopy +
0.20 water + 0.15 size), each part 0..1:
  shade   share of the area in building/terrain shade over the chosen time span
  canopy  share covered by trees (from a tree/canopy layer, else a default by kind:
          wood 0.85, park 0.35, square 0.1, water 0)
  water   1 for water bodies, 0.5 for areas within 50 m of water, else 0
  size    log scale from 100 m2 (0) to 1 ha (1): larger green areas cool their
          surroundings and offer room to stay
Indoor cool rooms (church, museum, library, public office) get a fixed score by kind;
drinking fountains are refreshment points (score 30) rather than places to stay.
The weights are a transparent planning heuristic, not a physical model; the parts are
written out so planners can weigh them differently.
"""

import math
import re
from typing import Dict, Optional

from .i18n import tr

KIND_PARK = "park"
KIND_WOOD = "wald"
KIND_WATER = "wasser"
KIND_SQUARE = "platz"
KIND_CHURCH = "kirche"
KIND_LIBRARY = "bibliothek"
KIND_MUSEUM = "museum"
KIND_OFFICE = "amt"
KIND_FOUNTAIN = "trinkbrunnen"

OUTDOOR = (KIND_PARK, KIND_WOOD, KIND_WATER, KIND_SQUARE)
INDOOR = (KIND_CHURCH, KIND_LIBRARY, KIND_MUSEUM, KIND_OFFICE)

# keywords (German, English, OpenStreetMap tags and ALKIS-like names) -> kind
_KEYWORDS = [
    (KIND_FOUNTAIN, r"trinkbrunnen|trinkwasser|drinking[_ ]?water|drinking[_ ]?fountain|"
                    r"wasserspender|refill"),
    (KIND_WATER, r"wasser|water|see\b|teich|pond|lake|kanal|canal|fluss|river|bach|stream|"
                 r"gew[aä]sser|riverbank|reservoir"),
    (KIND_WOOD, r"wald|forest|wood|geh[oö]lz|forst"),
    (KIND_PARK, r"park|gr[uü]n|garten|garden|friedhof|cemetery|grass|wiese|meadow|"
                r"spielplatz|playground|recreation"),
    (KIND_SQUARE, r"platz|square|plaza|pedestrian|fu[sß]g[aä]nger"),
    (KIND_CHURCH, r"kirche|church|kapelle|chapel|place_of_worship|dom\b|moschee|mosque|"
                  r"synagog"),
    (KIND_LIBRARY, r"bibliothek|b[uü]cherei|library"),
    (KIND_MUSEUM, r"museum|galerie|gallery|ausstellung"),
    (KIND_OFFICE, r"rathaus|townhall|town_hall|b[uü]rgeramt|b[uü]rgerb[uü]ro|amt\b|"
                  r"verwaltung|public office|k[uü]hler raum|cool room|cooling centre"),
]

INDOOR_SCORE = {KIND_CHURCH: 80.0, KIND_MUSEUM: 80.0, KIND_LIBRARY: 75.0, KIND_OFFICE: 70.0}
FOUNTAIN_SCORE = 30.0
DEFAULT_CANOPY = {KIND_WOOD: 0.85, KIND_PARK: 0.35, KIND_SQUARE: 0.1, KIND_WATER: 0.0}
WEIGHTS = {"shade": 0.35, "canopy": 0.30, "water": 0.20, "size": 0.15}


def classify(text: Optional[str]) -> Optional[str]:
    """The kind of cool place a type/function text names, or None."""
    if not text:
        return None
    low = str(text).strip().lower()
    for kind, pattern in _KEYWORDS:
        if re.search(pattern, low):
            return kind
    return None


def kind_label(kind: str) -> str:
    """A user-facing name of a kind."""
    labels = {KIND_PARK: tr("Park or green space"), KIND_WOOD: tr("Wood"),
              KIND_WATER: tr("Water"), KIND_SQUARE: tr("Shaded square"),
              KIND_CHURCH: tr("Church"), KIND_LIBRARY: tr("Library"),
              KIND_MUSEUM: tr("Museum"), KIND_OFFICE: tr("Public building"),
              KIND_FOUNTAIN: tr("Drinking fountain")}
    return labels.get(kind, kind)


def size_part(area_m2: float) -> float:
    if area_m2 <= 100.0:
        return 0.0
    return min(1.0, math.log10(area_m2 / 100.0) / 2.0)


def area_score(kind: str, area_m2: float, shade: float, canopy: Optional[float],
               near_water: bool) -> Dict[str, float]:
    """Score and parts of an outdoor area (see module doc)."""
    can = DEFAULT_CANOPY.get(kind, 0.0) if canopy is None else max(0.0, min(1.0, canopy))
    water = 1.0 if kind == KIND_WATER else (0.5 if near_water else 0.0)
    parts = {"shade": max(0.0, min(1.0, shade)), "canopy": can, "water": water,
             "size": size_part(area_m2)}
    score = 100.0 * sum(WEIGHTS[k] * v for k, v in parts.items())
    return dict(parts, score=round(score, 1))


def point_score(kind: str) -> float:
    if kind == KIND_FOUNTAIN:
        return FOUNTAIN_SCORE
    return INDOOR_SCORE.get(kind, 50.0)
