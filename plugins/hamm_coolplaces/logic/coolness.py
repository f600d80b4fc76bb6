"""Kinds of cool places and the coolness score (0..100) with its parts.

Outdoor areas (parks, woods, water, squares): score = 100 * (0.35 shade + 0.30 canopy +
0.20 water + 0.15 size), each part 0..1:
  shade   share of the area in building/terrain shade over the chosen time span
  canopy  share covered by trees (from a tree/canopy layer, else a default by kind:
          wood 0.85, park 0.35, square 0.1, water 0)
  water   1 for water bodies, 0.5 for areas within 50 m of water, else 0
  size    log scale from 100 m2 (0) to 1 ha (1): larger green areas cool their
          surroundings and offer room to stay
With a surface temperature or climate-function raster the temperature joins the score:
score = 100 * (0.30 shade + 0.25 canopy + 0.15 water + 0.10 size + 0.20 temperature), where
  temperature  1 where the area's mean raster value is at or below the raster's 10th
               percentile (the coolest tenth of the analysed area), 0 at or above its 90th
               percentile, linear in between (reversed for rasters where higher is cooler,
               such as a cooling-function rating)
Indoor cool rooms (church, museum, library, public office) get a fixed score by kind;
drinking fountains are refreshment points (score 30) rather than places to stay.
The weights are a transparent planning heuristic, not a physical model; the parts are
written out so planners can weigh them differently.
"""

import math
import re
from typing import Dict, Optional, Tuple

import numpy as np

from .errors import CoolPlacesError
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
WEIGHTS_WITH_TEMPERATURE = {"shade": 0.30, "canopy": 0.25, "water": 0.15, "size": 0.10,
                            "temperature": 0.20}
TEMPERATURE_PERCENTILES = (10.0, 90.0)


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
               near_water: bool, temperature: Optional[float] = None) -> Dict[str, float]:
    """Score and parts of an outdoor area (see module doc); ``temperature`` is the
    temperature part 0..1 (see temperature_part) or None without a temperature raster."""
    can = DEFAULT_CANOPY.get(kind, 0.0) if canopy is None else max(0.0, min(1.0, canopy))
    water = 1.0 if kind == KIND_WATER else (0.5 if near_water else 0.0)
    parts = {"shade": max(0.0, min(1.0, shade)), "canopy": can, "water": water,
             "size": size_part(area_m2)}
    weights = WEIGHTS
    if temperature is not None:
        parts["temperature"] = max(0.0, min(1.0, float(temperature)))
        weights = WEIGHTS_WITH_TEMPERATURE
    score = 100.0 * sum(weights[k] * v for k, v in parts.items())
    return dict(parts, score=round(score, 1))


def temperature_scale(values, higher_is_cooler: bool = False) -> Tuple[float, float]:
    """(cool, hot): the raster values where the temperature part is 1 and 0 - the 10th and
    90th percentile of the valid values (swapped where higher values are cooler)."""
    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if not len(arr):
        raise CoolPlacesError(tr("The temperature raster holds no values (only nodata)."))
    low, high = (float(v) for v in np.percentile(arr, TEMPERATURE_PERCENTILES))
    return (high, low) if higher_is_cooler else (low, high)


def temperature_part(value: float, cool: float, hot: float) -> Optional[float]:
    """1 at ``cool`` or cooler, 0 at ``hot`` or hotter, linear in between; None for a
    missing value. A raster without spread (cool == hot) gives 0.5 everywhere."""
    if value is None or not math.isfinite(value):
        return None
    if cool == hot:
        return 0.5
    return max(0.0, min(1.0, (hot - value) / (hot - cool)))


def point_score(kind: str) -> float:
    if kind == KIND_FOUNTAIN:
        return FOUNTAIN_SCORE
    return INDOOR_SCORE.get(kind, 50.0)
