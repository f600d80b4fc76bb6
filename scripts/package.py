"""Build one installable zip per plugin, as the official QGIS plugin repository wants them.

    python3 scripts/package.py --out build/dist [--plugins hamm_core hamm_twin ...]

For every folder in plugins/ (or the ones named) this writes ``<out>/<id>.<version>.zip``:

* the plugin tree without __pycache__, *.pyc, dotfiles, tests, .ts sources, stale .qm
  files and shell scripts;
* metadata.txt = the suite-wide metadata.txt merged with the plugin's own (plugin wins);
* the top-level LICENSE (unless the plugin ships its own);
* i18n/<id>_<lang>.qm compiled fresh with lrelease from the repo's i18n/<id>_<lang>.ts.

Entries have fixed modes (0644 files, 0755 folders), a fixed order and a fixed timestamp
(SOURCE_DATE_EPOCH if set, else 1980-01-01), so the same sources give the same bytes.
Each zip is validated with plugin_rules.check_zip; on a problem the zip is removed and
the script exits with status 1. The paths of the zips are printed, one per line.
"""

import argparse
import fnmatch
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plugin_rules  # noqa: E402

import i18n  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

SKIP_DIRS = {"__pycache__", "tests", "test", "__MACOSX"}
SKIP_FILES = ("*.pyc", "*.pyo", "*.ts", "*.qm", "*.sh", "*.bat", "*.cmd", "*~", "*.orig",
              "*.rej", "*.swp", "Thumbs.db", "desktop.ini", "*.pro")
FILE_MODE = 0o100644
DIR_MODE = 0o040755


class PackagingError(Exception):
    pass


def zip_date_time() -> Tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        stamp = time.gmtime(max(int(epoch), 315532800))  # zip cannot go before 1980
        return stamp[:6]
    return (1980, 1, 1, 0, 0, 0)


def skipped(name: str, is_dir: bool) -> bool:
    if name.startswith("."):
        return True
    if is_dir:
        return name in SKIP_DIRS
    return any(fnmatch.fnmatch(name, pattern) for pattern in SKIP_FILES)


def plugin_files(plugin_dir: Path) -> Dict[str, Path]:
    """Relative posix path -> source file, for every file that ships."""
    files: Dict[str, Path] = {}
    for current, dirs, names in os.walk(plugin_dir):
        dirs[:] = sorted(d for d in dirs if not skipped(d, True))
        for name in sorted(names):
            path = Path(current) / name
            if skipped(name, False) or path.is_symlink() or not path.is_file():
                continue
            files[path.relative_to(plugin_dir).as_posix()] = path
    return files


def compile_translations(plugin_id: str, i18n_dir: Path, work: Path) -> Dict[str, bytes]:
    """i18n/<id>_<lang>.qm -> compiled bytes, for every <id>_<lang>.ts in ``i18n_dir``."""
    sources = sorted(i18n_dir.glob("{}_*.ts".format(plugin_id))) if i18n_dir.is_dir() else []
    if not sources:
        return {}
    compiled: Dict[str, bytes] = {}
    for ts in sources:
        qm = work / (ts.stem + ".qm")
        try:
            i18n.compile_ts(ts, qm)
        except RuntimeError as exc:
            raise PackagingError("{} ({})".format(exc, plugin_id)) from exc
        compiled["i18n/{}.qm".format(ts.stem)] = qm.read_bytes()
    return compiled


def _info(name: str, is_dir: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=zip_date_time())
    info.create_system = 3  # Unix, so the mode bits below mean what they say
    if is_dir:
        info.external_attr = (DIR_MODE << 16) | 0x10
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.external_attr = FILE_MODE << 16
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_zip(target: Path, plugin_id: str, contents: Dict[str, bytes]) -> None:
    """Write ``contents`` (relative path -> bytes) under ``<plugin_id>/``, deterministic."""
    entries: Dict[str, Optional[bytes]] = {plugin_id + "/": None}
    for rel, data in contents.items():
        parts = rel.split("/")
        for i in range(1, len(parts)):
            entries["{}/{}/".format(plugin_id, "/".join(parts[:i]))] = None
        entries["{}/{}".format(plugin_id, rel)] = data
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(entries):
            data = entries[name]
            if data is None:
                archive.writestr(_info(name, True), b"")
            else:
                archive.writestr(_info(name, False), data, compresslevel=9)
    os.replace(tmp, target)


def build_plugin(plugin_id: str, root: Path, out: Path, suite: Dict[str, str]) -> Path:
    plugin_dir = root / "plugins" / plugin_id
    if not plugin_dir.is_dir():
        raise PackagingError("no plugin folder {}".format(plugin_dir))
    own_meta_path = plugin_dir / "metadata.txt"
    if not own_meta_path.is_file():
        raise PackagingError("{} has no metadata.txt".format(plugin_dir))
    own = plugin_rules.read_metadata(own_meta_path.read_text(encoding="utf-8"))
    meta = plugin_rules.merge_metadata(suite, own)
    version = (meta.get("version") or "").strip()
    if not version:
        raise PackagingError("{}: no version in metadata.txt".format(plugin_id))

    contents: Dict[str, bytes] = {}
    for rel, path in plugin_files(plugin_dir).items():
        contents[rel] = path.read_bytes()
    contents["metadata.txt"] = plugin_rules.format_metadata(meta).encode("utf-8")
    if "LICENSE" not in contents:
        license_path = root / "LICENSE"
        if not license_path.is_file():
            raise PackagingError("no LICENSE at {}".format(license_path))
        contents["LICENSE"] = license_path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="hamm-lrelease-") as work:
        contents.update(compile_translations(plugin_id, root / "i18n", Path(work)))

    for stale in out.glob("{}.*.zip".format(plugin_id)):
        stale.unlink()
    target = out / "{}.{}.zip".format(plugin_id, version)
    write_zip(target, plugin_id, contents)

    problems = plugin_rules.check_zip(str(target))
    problems += ["metadata.txt: " + p for p in plugin_rules.check_metadata(
        meta, plugin_rules.CORE_NAME, require_core_dependency=plugin_id != plugin_rules.CORE_ID)
        if "metadata.txt: " + p not in problems]
    if problems:
        target.unlink()
        raise PackagingError("{} is not a valid plugin package:\n  - {}".format(
            target.name, "\n  - ".join(problems)))
    return target


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="build/dist", help="folder for the zips")
    parser.add_argument("--plugins", nargs="*", help="plugin ids (default: all in plugins/)")
    parser.add_argument("--root", default=str(ROOT), help="repository root")
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suite_path = root / "metadata.txt"
    suite = plugin_rules.read_metadata(suite_path.read_text(encoding="utf-8")) \
        if suite_path.is_file() else {}
    ids = args.plugins or sorted(p.name for p in (root / "plugins").iterdir()
                                 if p.is_dir() and not p.name.startswith((".", "_")))
    failures = []
    for plugin_id in ids:
        try:
            print(build_plugin(plugin_id, root, out, suite))
        except PackagingError as err:
            failures.append(str(err))
    if failures:
        for failure in failures:
            print("package.py: " + failure, file=sys.stderr)
        print("package.py: {} of {} plugins failed".format(len(failures), len(ids)),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
