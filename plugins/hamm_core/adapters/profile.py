"""The city profile in force for this QGIS profile."""

import os
from typing import Optional

from qgis.core import QgsApplication

from ..logic.profile import CityProfile, find_profile_path, load_profile
from .settings import Settings

_CACHE = {"path": None, "profile": None}


def user_profile_dir() -> str:
    """``<QGIS user profile>/digitales_hamm``: where an admin can drop profile.json."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "digitales_hamm")


def profile_path() -> str:
    return find_profile_path(Settings().value("profile_path", "", str), user_dir=user_profile_dir())


def active_profile(reload: bool = False) -> CityProfile:
    """Load (once) and return the profile in force; ProfileError if it is broken."""
    path = profile_path()
    if reload or _CACHE["path"] != path or _CACHE["profile"] is None:
        _CACHE["profile"] = load_profile(path)
        _CACHE["path"] = path
    return _CACHE["profile"]


def set_profile_path(path: Optional[str]) -> CityProfile:
    """Switch to another profile file (validated before it is stored)."""
    profile = load_profile(path) if path else None
    if path:
        Settings().set_value("profile_path", path)
    else:
        Settings().remove("profile_path")
    return profile or active_profile(reload=True)
