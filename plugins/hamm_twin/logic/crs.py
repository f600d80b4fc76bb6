"""Reading the CRS names that CityGML and CityJSON files carry."""

import re
from typing import Optional

_EPSG = re.compile(r"EPSG(?:/0/|::?|:)(\d{4,6})", re.IGNORECASE)
# AdV names used by the German state survey offices (the NRW LoD2 files use these)
_ADV = {
    "ETRS89_UTM32": 25832,
    "ETRS89_UTM33": 25833,
    "DE_DHDN_3GK2": 31466,
    "DE_DHDN_3GK3": 31467,
}


def epsg_of(name: str) -> Optional[int]:
    """EPSG code of the horizontal CRS in a CRS name or URI, or None if unknown."""
    if not name:
        return None
    match = _EPSG.search(name)
    if match:
        return int(match.group(1))
    upper = name.upper()
    for key, code in _ADV.items():
        if key in upper:
            return code
    return None
