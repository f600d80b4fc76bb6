"""Turn the zips of scripts/package.py into a QGIS plugin repository.

    python3 scripts/make_repo.py --dist build/dist --out build/repo \
        --base-url http://127.0.0.1:8000/

Copies every ``<id>.<version>.zip`` of --dist into --out, puts each plugin's icon beside
them (icons/<id>.<ext>) and writes --out/plugins.xml in the format QGIS's plugin
installer reads (pyplugin_installer/installer_data.py, Repositories.xmlDownloaded): one
<pyqgis_plugin name=".." version=".."> per zip with the child elements it parses.
Serve --out at --base-url and add ``<base-url>plugins.xml`` as a repository in QGIS
(Plugins > Manage and Install Plugins > Settings). Invalid zips are refused (exit 1).

Notes on the format, from the installer's code:
* the plugin id is taken from <file_name> (``fileName.partition('.')[0]``), so file
  names must be ``<id>.<version>.zip``;
* a relative <icon> is resolved against scheme://host/ only (the port and path of the
  repository URL are dropped), so icons are written as absolute URLs;
* the ``plugin_id`` attribute is the numeric id of a plugin on plugins.qgis.org and serves
  only to send votes there; a private repository has none, so it is left out unless
  --plugin-id-attribute is given (then the plugin's folder id is written).
"""

import argparse
import datetime
import os
import posixpath
import shutil
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plugin_rules  # noqa: E402


class RepoError(Exception):
    pass


def _get(meta: Dict[str, str], key: str, default: str = "") -> str:
    for k, value in meta.items():
        if k.lower() == key.lower():
            return value.strip()
    return default


def _bool_text(value: str, default: str = "False") -> str:
    value = (value or default).strip().lower()
    return "True" if value in ("true", "yes", "1") else "False"


def read_zip(path: Path) -> Dict[str, object]:
    """Metadata, plugin id and icon bytes of one plugin zip (validated first)."""
    problems = plugin_rules.check_zip(str(path))
    if problems:
        raise RepoError("{} is not a valid plugin package:\n  - {}".format(
            path.name, "\n  - ".join(problems)))
    plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
    with zipfile.ZipFile(path) as archive:
        meta = plugin_rules.read_metadata(
            archive.read(plugin_id + "/metadata.txt").decode("utf-8"))
        icon_rel = _get(meta, "icon")
        icon = None
        if icon_rel:
            icon_name = posixpath.normpath(posixpath.join(plugin_id, icon_rel))
            icon = archive.read(icon_name)
    return {"id": plugin_id, "meta": meta, "icon": icon, "icon_ext": posixpath.splitext(icon_rel)[1]}


def plugin_element(info: Dict[str, object], base_url: str, date: str, uploaded_by: str,
                   trusted: bool, with_plugin_id: bool) -> ET.Element:
    meta: Dict[str, str] = info["meta"]  # type: ignore[assignment]
    plugin_id: str = info["id"]  # type: ignore[assignment]
    file_name: str = info["file_name"]  # type: ignore[assignment]
    attrs = {"name": _get(meta, "name"), "version": _get(meta, "version")}
    if with_plugin_id:
        attrs["plugin_id"] = plugin_id
    element = ET.Element("pyqgis_plugin", attrs)
    icon_url = base_url + info["icon_path"] if info.get("icon_path") else ""
    children = [
        ("description", _get(meta, "description")),
        ("about", _get(meta, "about")),
        ("version", _get(meta, "version")),
        ("trusted", "True" if trusted else "False"),
        ("qgis_minimum_version", _get(meta, "qgisMinimumVersion")),
        ("qgis_maximum_version", _get(meta, "qgisMaximumVersion")
         or _get(meta, "qgisMinimumVersion")[:1] + ".99"),
        ("homepage", _get(meta, "homepage")),
        ("file_name", file_name),
        ("icon", icon_url),
        ("author_name", _get(meta, "author")),
        ("download_url", base_url + file_name),
        ("uploaded_by", uploaded_by or _get(meta, "author")),
        ("create_date", date),
        ("update_date", date),
        ("experimental", _bool_text(_get(meta, "experimental"))),
        ("deprecated", _bool_text(_get(meta, "deprecated"))),
        ("tracker", _get(meta, "tracker")),
        ("repository", _get(meta, "repository")),
        ("tags", _get(meta, "tags")),
        ("changelog", _get(meta, "changelog")),
        ("downloads", "0"),
        ("average_vote", "0"),
        ("rating_votes", "0"),
        ("external_dependencies", ""),
        ("server", _bool_text(_get(meta, "server"))),
        ("plugin_dependencies", _get(meta, "plugin_dependencies")),
    ]
    for tag, text in children:
        child = ET.SubElement(element, tag)
        child.text = text
    return element


def build_date(zips: List[Path]) -> str:
    """SOURCE_DATE_EPOCH if set, else the newest zip's modification time (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else max(int(p.stat().st_mtime) for p in zips)
    moment = datetime.datetime.fromtimestamp(stamp, tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def make_repo(dist: Path, out: Path, base_url: str, uploaded_by: str = "",
              trusted: bool = False, with_plugin_id: bool = False) -> Path:
    if not base_url.endswith("/"):
        base_url += "/"
    zips = sorted(dist.glob("*.zip"))
    if not zips:
        raise RepoError("no plugin zips in {} (run scripts/package.py first)".format(dist))
    infos = []
    seen: Dict[str, str] = {}
    errors = []
    for path in zips:
        try:
            info = read_zip(path)
        except RepoError as err:
            errors.append(str(err))
            continue
        if info["id"] in seen:
            errors.append("{} and {} are the same plugin {}; keep one".format(
                seen[info["id"]], path.name, info["id"]))
            continue
        seen[info["id"]] = path.name  # type: ignore[index]
        info["file_name"] = path.name
        info["source"] = path
        infos.append(info)
    if errors:
        raise RepoError("\n".join(errors))

    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.zip"):
        stale.unlink()
    icons = out / "icons"
    if icons.is_dir():
        shutil.rmtree(icons)
    date = build_date(zips)
    root = ET.Element("plugins")
    for info in infos:
        shutil.copyfile(info["source"], out / info["file_name"])  # type: ignore[arg-type]
        if info["icon"] is not None:
            icons.mkdir(exist_ok=True)
            icon_rel = "icons/{}{}".format(info["id"], info["icon_ext"])
            (out / icon_rel).write_bytes(info["icon"])  # type: ignore[arg-type]
            info["icon_path"] = icon_rel
        root.append(plugin_element(info, base_url, date, uploaded_by, trusted, with_plugin_id))
    ET.indent(root)
    xml_path = out / "plugins.xml"
    tmp = xml_path.with_name("plugins.xml.part")
    ET.ElementTree(root).write(tmp, encoding="UTF-8", xml_declaration=True)
    os.replace(tmp, xml_path)
    return xml_path


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", default="build/dist", help="folder with the plugin zips")
    parser.add_argument("--out", default="build/repo", help="repository folder to write")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000/",
                        help="URL under which --out is served")
    parser.add_argument("--uploaded-by", default="", help="default: the author")
    parser.add_argument("--trusted", action="store_true", help="mark the plugins as trusted")
    parser.add_argument("--plugin-id-attribute", action="store_true",
                        help="write plugin_id=<folder id> (voting id on plugins.qgis.org)")
    args = parser.parse_args(argv)
    try:
        xml_path = make_repo(Path(args.dist), Path(args.out), args.base_url, args.uploaded_by,
                             args.trusted, args.plugin_id_attribute)
    except RepoError as err:
        print("make_repo.py: {}".format(err), file=sys.stderr)
        return 1
    for path in sorted(Path(args.out).glob("*.zip")):
        print(path)
    print(xml_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
