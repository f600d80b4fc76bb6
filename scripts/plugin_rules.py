"""Rules of the official QGIS plugin repository for metadata.txt and plugin zips.

Pure Python (no qgis import), used by scripts/package.py, scripts/make_repo.py and the
tests. Every check returns a list of human-readable problems; an empty list means "valid".

What is checked follows what plugins.qgis.org refuses on upload and what QGIS's own
plugin installer (python/pyplugin_installer, python/utils.py) needs to install and load a
plugin: required metadata, a version that looks like one, a QGIS version range that makes
sense, http(s) URLs, plugin dependencies named the way ``qgis.utils.get_plugin_deps``
parses them, and a zip with exactly one top folder named like the plugin id (the installer
derives the id from the zip's file name and expects that folder after unpacking).
"""

import configparser
import keyword
import os
import posixpath
import re
import stat
import zipfile
from typing import Dict, List, Optional, Tuple
from urllib.parse import urlsplit

CORE_ID = "hamm_core"
CORE_NAME = "Digitales Hamm Kern"
MAX_ZIP_BYTES = 25 * 1024 * 1024

REQUIRED_FIELDS = ("name", "description", "version", "qgisMinimumVersion", "author", "email",
                   "about", "tracker", "repository")
URL_FIELDS = ("tracker", "repository", "homepage")
BOOLEAN_FIELDS = ("experimental", "deprecated", "server", "supportsQt6")
REQUIRED_FILES = ("__init__.py", "metadata.txt", "LICENSE")
FORBIDDEN_DIRS = ("__pycache__", "tests", "test", "__MACOSX")
FORBIDDEN_SUFFIXES = (".pyc", ".pyo", ".sh", ".bat", ".cmd")

# Order of the fields in a written metadata.txt (the rest follows alphabetically).
FIELD_ORDER = ("name", "description", "about", "version", "qgisMinimumVersion",
               "qgisMaximumVersion", "supportsQt6", "author", "email", "homepage", "tracker",
               "repository", "category", "tags", "icon", "experimental", "deprecated",
               "server", "hasProcessingProvider", "plugin_dependencies", "changelog")

_VERSION_RE = re.compile(r"^\d+(\.\d+){0,3}([.\-+_]?[A-Za-z0-9]+)*$")
_QGIS_VERSION_RE = re.compile(r"^\d+\.\d+(\.\d+)?$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TRUE_FALSE = ("true", "false", "yes", "no", "1", "0")


# ---------------------------------------------------------------- metadata.txt

def read_metadata(text: str) -> Dict[str, str]:
    """The [general] section of a metadata.txt as a dict (keys keep their case; no
    ``%`` interpolation). A text without [general] gives an empty dict; a text that is not
    an INI file raises configparser.Error."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keep "qgisMinimumVersion" as written
    parser.read_string(text)
    if not parser.has_section("general"):
        return {}
    return dict(parser.items("general"))


def merge_metadata(suite: Dict[str, str], plugin: Dict[str, str]) -> Dict[str, str]:
    """Suite-wide fields completed by the plugin's own; the plugin's fields win. Keys are
    compared without case (configparser in QGIS lowercases them), the plugin's spelling
    wins too."""
    merged = dict(suite)
    for key, value in plugin.items():
        for existing in [k for k in merged if k.lower() == key.lower()]:
            del merged[existing]
        merged[key] = value
    return merged


def format_metadata(meta: Dict[str, str]) -> str:
    """A metadata.txt for ``meta``: [general], fields in a fixed order, multi-line values
    (changelog) as indented continuation lines. Same input, same text."""
    order = {name.lower(): i for i, name in enumerate(FIELD_ORDER)}
    keys = sorted(meta, key=lambda k: (order.get(k.lower(), len(order)), k.lower()))
    lines = ["[general]"]
    for key in keys:
        value = str(meta[key]).replace("\r\n", "\n").replace("\r", "\n")
        first, *rest = value.split("\n")
        lines.append("{}={}".format(key, first).rstrip())
        lines.extend(("  " + line.strip()) if line.strip() else "" for line in rest)
    return "\n".join(lines) + "\n"


def _get(meta: Dict[str, str], key: str) -> Optional[str]:
    """Value of ``key`` compared without case (as QGIS reads it), None when absent."""
    for k, value in meta.items():
        if k.lower() == key.lower():
            return value
    return None


def parse_dependencies(value: str) -> List[Tuple[str, Optional[str]]]:
    """``plugin_dependencies`` split exactly as qgis.utils.get_plugin_deps does it: on
    commas, ``name==version`` pins a version; names are NOT stripped by QGIS."""
    result = []
    for dep in value.split(","):
        if dep.find("==") > 0:
            name, version = dep.split("==", 1)
            result.append((name, version))
        else:
            result.append((dep, None))
    return result


def _version_tuple(text: str) -> Tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _check_url(field: str, value: str) -> Optional[str]:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return "{} must be an http(s) URL, got {!r}".format(field, value)
    return None


def check_metadata(meta: Dict[str, str], core_name: str = CORE_NAME,
                   require_core_dependency: bool = False) -> List[str]:
    """Problems of a plugin's (merged) metadata by the rules of the official repository.

    ``core_name`` is the exact ``name`` of the suite's core plugin: a ``plugin_dependencies``
    entry must use it, since QGIS resolves dependencies by name. With
    ``require_core_dependency`` a plugin other than the core must declare that dependency.
    """
    problems: List[str] = []
    for field in REQUIRED_FIELDS:
        value = _get(meta, field)
        if value is None:
            problems.append("required field {} is missing".format(field))
        elif not value.strip():
            problems.append("required field {} is empty".format(field))

    version = (_get(meta, "version") or "").strip()
    if version and not _VERSION_RE.match(version):
        problems.append("version {!r} does not look like a version (e.g. 1.2.3)".format(version))

    minimum = (_get(meta, "qgisMinimumVersion") or "").strip()
    maximum = (_get(meta, "qgisMaximumVersion") or "").strip()
    for field, value in (("qgisMinimumVersion", minimum), ("qgisMaximumVersion", maximum)):
        if value and not _QGIS_VERSION_RE.match(value):
            problems.append("{} {!r} must look like 3.22 or 3.22.4".format(field, value))
    if (minimum and maximum and _QGIS_VERSION_RE.match(minimum)
            and _QGIS_VERSION_RE.match(maximum)
            and _version_tuple(minimum) > _version_tuple(maximum)):
        problems.append("qgisMinimumVersion {} is greater than qgisMaximumVersion {}".format(
            minimum, maximum))

    email = (_get(meta, "email") or "").strip()
    if email and not _EMAIL_RE.match(email):
        problems.append("email {!r} is not an e-mail address".format(email))

    for field in URL_FIELDS:
        value = _get(meta, field)
        if value is not None and value.strip():
            problem = _check_url(field, value.strip())
            if problem:
                problems.append(problem)
        elif value is not None and field == "homepage":
            problems.append("homepage is empty (leave it out or give an http(s) URL)")

    processing = _get(meta, "hasProcessingProvider")
    if processing is not None and processing.strip().lower() not in ("yes", "no"):
        problems.append("hasProcessingProvider must be yes or no, got {!r}".format(processing))

    for field in BOOLEAN_FIELDS:
        value = _get(meta, field)
        if value is not None and value.strip().lower() not in _TRUE_FALSE:
            problems.append("{} must be True or False, got {!r}".format(field, value))

    name = (_get(meta, "name") or "").strip()
    deps = _get(meta, "plugin_dependencies")
    if deps is not None:
        entries = parse_dependencies(deps)
        names = [dep_name for dep_name, _version in entries]
        for dep_name in names:
            if dep_name != dep_name.strip() or not dep_name:
                problems.append("plugin_dependencies entry {!r} has surrounding spaces or is "
                                "empty; QGIS does not strip them and would not find the "
                                "plugin".format(dep_name))
        if name == core_name:
            if core_name in names:
                problems.append("the core plugin {!r} must not depend on itself".format(core_name))
        elif core_name not in names:
            problems.append("plugin_dependencies {!r} does not name the core plugin by its "
                            "exact name {!r}".format(deps, core_name))
        for dep_name, dep_version in entries:
            if dep_version is not None and not _VERSION_RE.match(dep_version):
                problems.append("plugin_dependencies: {!r} pins {!r}, which is not a "
                                "version".format(dep_name, dep_version))
    elif require_core_dependency and name != core_name:
        problems.append("plugin_dependencies is missing: every tool plugin depends on "
                        "{!r}".format(core_name))

    # QGIS reads metadata.txt with configparser's default %-interpolation: a lone "%" in a
    # value makes the plugin manager fail to read the field.
    for key, value in meta.items():
        parser = configparser.ConfigParser()
        try:
            parser.read_dict({"general": {key: value}})
            parser.get("general", key)
        except (configparser.Error, ValueError) as err:
            problems.append("field {} cannot be read by QGIS ({}); write %% for a percent "
                            "sign".format(key, str(err).splitlines()[0]))
    return problems


# ---------------------------------------------------------------- zip

def plugin_id_from_zip_name(path: str) -> str:
    """The plugin id QGIS's installer derives from a zip's file name
    (``fileName.partition('.')[0]``): ``hamm_core.0.1.0.zip`` -> ``hamm_core``."""
    return os.path.basename(path).partition(".")[0]


def check_zip(path: str, core_name: str = CORE_NAME, max_bytes: int = MAX_ZIP_BYTES) -> List[str]:
    """Problems of a plugin zip by the rules of the official repository."""
    problems: List[str] = []
    if not os.path.isfile(path):
        return ["{} does not exist".format(path)]
    size = os.path.getsize(path)
    if size >= max_bytes:
        problems.append("the zip has {:.1f} MB; the limit is {:.0f} MB".format(
            size / 1e6, max_bytes / 1024 / 1024))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        return problems + ["not a valid zip file: {}".format(err)]

    with archive:
        infos = archive.infolist()
        if not infos:
            return problems + ["the zip is empty"]
        bad = archive.testzip()
        if bad is not None:
            problems.append("{}: corrupt entry (CRC mismatch)".format(bad))
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            duplicates = sorted({n for n in names if names.count(n) > 1})
            problems.append("duplicate entries: {}".format(", ".join(duplicates)))

        tops = set()
        for info in infos:
            name = info.filename
            parts = [p for p in name.split("/") if p]
            if name.startswith("/") or "\\" in name or ".." in parts or not parts:
                problems.append("{}: unsafe path".format(name))
                continue
            tops.add(parts[0])
            for part in parts:
                if part.startswith("."):
                    problems.append("{}: hidden file or folder (dotfile)".format(name))
                    break
            dirs = parts if info.is_dir() else parts[:-1]
            for part in dirs[1:] if len(dirs) > 1 else []:
                if part in FORBIDDEN_DIRS:
                    problems.append("{}: folder {} must not be shipped".format(name, part))
                    break
            if parts[0] in FORBIDDEN_DIRS:
                problems.append("{}: folder {} must not be shipped".format(name, parts[0]))
            if not info.is_dir():
                lower = parts[-1].lower()
                if lower.endswith((".pyc", ".pyo")):
                    problems.append("{}: compiled Python file".format(name))
                elif lower.endswith((".sh", ".bat", ".cmd")):
                    problems.append("{}: shell script".format(name))
                mode = info.external_attr >> 16
                if info.create_system == 3 and mode:
                    if stat.S_ISLNK(mode):
                        problems.append("{}: symbolic link".format(name))
                    elif mode & 0o111:
                        problems.append("{}: executable file (mode {:o})".format(
                            name, stat.S_IMODE(mode)))

        if len(tops) != 1:
            problems.append("the zip must hold exactly one top folder, found {}: {}".format(
                len(tops), ", ".join(sorted(tops)) or "none"))
            return problems
        top = tops.pop()
        if not top.isidentifier() or keyword.iskeyword(top):
            problems.append("top folder {!r} is not a valid Python identifier".format(top))
        expected = plugin_id_from_zip_name(path)
        if top != expected:
            problems.append("top folder {!r} differs from the plugin id {!r} of the file name; "
                            "QGIS would not find the installed plugin".format(top, expected))
        if not any(n.startswith(top + "/") for n in names):
            problems.append("{!r} is a file, not a folder".format(top))
            return problems
        for required in REQUIRED_FILES:
            if posixpath.join(top, required) not in names:
                problems.append("{}/{} is missing".format(top, required))

        init_name = posixpath.join(top, "__init__.py")
        if init_name in names and b"classFactory" not in archive.read(init_name):
            problems.append("{} has no classFactory(iface); QGIS cannot start the "
                            "plugin".format(init_name))

        meta_name = posixpath.join(top, "metadata.txt")
        if meta_name in names:
            try:
                meta = read_metadata(archive.read(meta_name).decode("utf-8"))
            except (UnicodeDecodeError, configparser.Error) as err:
                problems.append("{}: cannot be read: {}".format(meta_name, err))
            else:
                if not meta:
                    problems.append("{}: no [general] section".format(meta_name))
                else:
                    problems.extend("metadata.txt: " + p for p in check_metadata(meta, core_name))
                    problems.extend(_check_zip_name_version(path, top, meta))
                    icon = (_get(meta, "icon") or "").strip()
                    if icon and posixpath.normpath(posixpath.join(top, icon)) not in names:
                        problems.append("metadata.txt: icon {} is not in the zip".format(icon))
    return problems


def _check_zip_name_version(path: str, top: str, meta: Dict[str, str]) -> List[str]:
    base = os.path.basename(path)
    version = (_get(meta, "version") or "").strip()
    if not base.endswith(".zip") or base in (top + ".zip",):
        return []
    named = base[len(top) + 1:-len(".zip")]
    if version and named != version:
        return ["file name {} carries version {!r}, metadata.txt says {!r}".format(
            base, named, version)]
    return []
