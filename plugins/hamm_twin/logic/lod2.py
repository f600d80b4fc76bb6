"""One entry point for LoD2 files: CityGML (.gml, .xml) or CityJSON (.json, .jsonl)."""

import os
from typing import List

from . import citygml, cityjson

CITYGML_EXT = (".gml", ".xml", ".citygml")
CITYJSON_EXT = (".json", ".jsonl", ".cityjson")


def reader_for(path: str):
    lower = path.lower()
    if lower.endswith(CITYJSON_EXT):
        return cityjson.iter_buildings
    return citygml.iter_buildings


def expand_inputs(paths: List[str]) -> List[str]:
    """Files as given, folders expanded to their LoD2 files (sorted, not recursive)."""
    out = []
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.lower().endswith(CITYGML_EXT + CITYJSON_EXT):
                    out.append(os.path.join(path, name))
        elif path:
            out.append(path)
    return out
