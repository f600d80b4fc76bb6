"""Packaging: the plugin zips and plugins.xml, checked by the rules of the official QGIS
plugin repository (scripts/plugin_rules.py), and every rule shown catching a bad input.

The scripts run as the Makefile runs them (a subprocess with this Python); nothing here
needs QGIS.
"""

import configparser
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import plugin_rules  # noqa: E402

pytestmark = pytest.mark.pure

PLUGINS = ["hamm_core", "hamm_twin", "hamm_sensors", "hamm_mobility", "hamm_coolplaces",
           "hamm_signals", "hamm_lorawan"]
CORE_NAME = "Digitales Hamm Kern"
BASE_URL = "http://127.0.0.1:8000/"
XML_CHILDREN = ["description", "about", "version", "qgis_minimum_version",
                "qgis_maximum_version", "homepage", "file_name", "icon", "author_name",
                "download_url", "uploaded_by", "create_date", "update_date", "experimental",
                "deprecated", "tracker", "repository", "tags", "server", "plugin_dependencies",
                "trusted"]
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def suite_meta():
    return plugin_rules.read_metadata((ROOT / "metadata.txt").read_text(encoding="utf-8"))


def run_script(name, *args, check=True):
    proc = subprocess.run([sys.executable, str(SCRIPTS / name), *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)
    if check:
        assert proc.returncode == 0, "{} failed:\n{}\n{}".format(name, proc.stdout, proc.stderr)
    return proc


def zip_meta(path):
    plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
    with zipfile.ZipFile(path) as archive:
        return plugin_rules.read_metadata(
            archive.read(plugin_id + "/metadata.txt").decode("utf-8"))


def copy_repo(tmp_path, plugins=("hamm_core", "hamm_twin")):
    """A minimal copy of the repository (suite metadata, LICENSE, some plugins)."""
    root = tmp_path / "src"
    (root / "plugins").mkdir(parents=True)
    shutil.copy(ROOT / "metadata.txt", root / "metadata.txt")
    shutil.copy(ROOT / "LICENSE", root / "LICENSE")
    for plugin_id in plugins:
        shutil.copytree(ROOT / "plugins" / plugin_id, root / "plugins" / plugin_id,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return root


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    proc = run_script("package.py", "--out", out)
    return out, proc.stdout


@pytest.fixture(scope="module")
def repo(dist, tmp_path_factory):
    out = tmp_path_factory.mktemp("repo")
    run_script("make_repo.py", "--dist", dist[0], "--out", out, "--base-url", BASE_URL)
    return out


# ------------------------------------------------------------------ the real zips

def test_one_zip_per_plugin_named_id_and_version(dist):
    out, stdout = dist
    version = suite_meta()["version"]
    expected = sorted("{}.{}.zip".format(p, version) for p in PLUGINS)
    assert sorted(p.name for p in out.glob("*.zip")) == expected
    assert sorted(Path(line).name for line in stdout.split()) == expected


def test_every_zip_passes_check_zip(dist):
    for path in sorted(dist[0].glob("*.zip")):
        assert plugin_rules.check_zip(str(path)) == [], path.name


def test_zip_layout_and_modes(dist):
    for path in sorted(dist[0].glob("*.zip")):
        plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            assert names == sorted(names)
            for required in ("__init__.py", "metadata.txt", "LICENSE", "plugin.py"):
                assert "{}/{}".format(plugin_id, required) in names
            assert archive.read(plugin_id + "/LICENSE") == (ROOT / "LICENSE").read_bytes()
            for info in infos:
                assert info.filename.startswith(plugin_id + "/")
                assert info.create_system == 3
                assert info.date_time == (1980, 1, 1, 0, 0, 0)
                mode = info.external_attr >> 16
                if info.is_dir():
                    assert stat.S_IMODE(mode) == 0o755 and stat.S_ISDIR(mode), info.filename
                else:
                    assert stat.S_IMODE(mode) == 0o644 and stat.S_ISREG(mode), info.filename
                    assert not info.filename.endswith((".pyc", ".ts", ".sh")), info.filename
                assert "__pycache__" not in info.filename


def test_merged_metadata_has_suite_fields_and_plugin_fields(dist):
    suite = suite_meta()
    for path in sorted(dist[0].glob("*.zip")):
        plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
        own = plugin_rules.read_metadata(
            (ROOT / "plugins" / plugin_id / "metadata.txt").read_text(encoding="utf-8"))
        meta = zip_meta(path)
        assert meta["version"] == suite["version"]
        for field in plugin_rules.REQUIRED_FIELDS:
            assert meta.get(field, "").strip(), (plugin_id, field)
        for field, value in suite.items():
            assert meta[field] == own.get(field, value), (plugin_id, field)
        for field, value in own.items():
            assert meta[field] == value, (plugin_id, field)
        assert meta["name"] == own["name"]
        assert plugin_rules.check_metadata(meta, CORE_NAME,
                                           require_core_dependency=plugin_id != "hamm_core") == []


def test_metadata_reads_in_qgis_configparser(dist):
    """QGIS reads metadata.txt with a default ConfigParser (lowercased keys,
    %-interpolation); every field must come out the same."""
    for path in sorted(dist[0].glob("*.zip")):
        plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
        with zipfile.ZipFile(path) as archive:
            text = archive.read(plugin_id + "/metadata.txt").decode("utf-8")
        parser = configparser.ConfigParser()
        parser.read_string(text)
        meta = plugin_rules.read_metadata(text)
        for key, value in meta.items():
            assert parser.get("general", key) == value


def test_tool_plugins_depend_on_the_core_by_exact_name(dist):
    names = {}
    for path in sorted(dist[0].glob("*.zip")):
        plugin_id = plugin_rules.plugin_id_from_zip_name(str(path))
        names[plugin_id] = zip_meta(path)
    assert names["hamm_core"]["name"] == CORE_NAME
    assert "plugin_dependencies" not in names["hamm_core"]
    for plugin_id, meta in names.items():
        if plugin_id == "hamm_core":
            continue
        deps = [name for name, _version in
                plugin_rules.parse_dependencies(meta["plugin_dependencies"])]
        assert CORE_NAME in deps, plugin_id


def test_processing_provider_flags(dist):
    for path in sorted(dist[0].glob("*.zip")):
        meta = zip_meta(path)
        assert meta.get("hasProcessingProvider") in ("yes", "no")
    assert zip_meta(next(dist[0].glob("hamm_core.*.zip")))["hasProcessingProvider"] == "yes"


def test_repo_translations_are_compiled_into_the_zips(dist):
    """Every i18n/<id>_<lang>.ts of the repository becomes <id>/i18n/<id>_<lang>.qm."""
    for ts in sorted((ROOT / "i18n").glob("*_*.ts")):
        plugin_id, _, _lang = ts.stem.rpartition("_")
        if plugin_id not in PLUGINS:
            continue
        path = next(dist[0].glob(plugin_id + ".*.zip"))
        with zipfile.ZipFile(path) as archive:
            qm = archive.read("{}/i18n/{}.qm".format(plugin_id, ts.stem))
        assert qm.startswith(QM_MAGIC)


def test_two_builds_give_identical_bytes(dist, tmp_path):
    again = tmp_path / "again"
    run_script("package.py", "--out", again)
    for path in sorted(dist[0].glob("*.zip")):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


# ------------------------------------------------------------------ package.py on copies

def test_package_skips_junk_and_compiles_translations(tmp_path):
    root = copy_repo(tmp_path)
    twin = root / "plugins" / "hamm_twin"
    (twin / "__pycache__").mkdir()
    (twin / "__pycache__" / "plugin.cpython-311.pyc").write_bytes(b"junk")
    (twin / "stale.pyc").write_bytes(b"junk")
    (twin / ".hidden").write_text("x")
    (twin / ".git").mkdir()
    (twin / ".git" / "config").write_text("x")
    (twin / "tests").mkdir()
    (twin / "tests" / "test_x.py").write_text("x")
    (twin / "run.sh").write_text("#!/bin/sh\n")
    (twin / "i18n").mkdir(exist_ok=True)
    (twin / "i18n" / "hamm_twin_de.qm").write_bytes(b"stale")
    (twin / "i18n" / "hamm_twin_fr.ts").write_text("<TS/>")
    tool = twin / "tool.py"
    tool.write_text("X = 1\n")
    tool.chmod(0o755)  # executable in the work tree, plain 0644 in the zip
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    has_lrelease = Path(lrelease).exists()
    if has_lrelease:
        (root / "i18n").mkdir(exist_ok=True)
        (root / "i18n" / "hamm_twin_de.ts").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            '<TS version="2.1" language="de_DE"><context><name>hamm_twin</name>'
            '<message><source>Digital twin</source><translation>Digitaler Zwilling'
            '</translation></message></context></TS>\n', encoding="utf-8")
    out = tmp_path / "out"
    run_script("package.py", "--out", out, "--root", root, "--plugins", "hamm_twin")
    path = next(out.glob("hamm_twin.*.zip"))
    assert plugin_rules.check_zip(str(path)) == []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert "hamm_twin/tool.py" in names
        assert archive.getinfo("hamm_twin/tool.py").external_attr >> 16 == 0o100644
        for junk in ("__pycache__", ".pyc", ".hidden", ".git", "tests/", "run.sh", "_fr.ts",
                     "_fr.qm"):
            assert not [n for n in names if junk in n], junk
        if has_lrelease:
            qm = archive.read("hamm_twin/i18n/hamm_twin_de.qm")
            assert qm.startswith(QM_MAGIC) and qm != b"stale"
        else:
            assert "hamm_twin/i18n/hamm_twin_de.qm" not in names


def test_same_sources_other_mtimes_same_bytes(tmp_path):
    root = copy_repo(tmp_path, plugins=("hamm_core",))
    run_script("package.py", "--out", tmp_path / "a", "--root", root)
    for path in root.rglob("*"):
        path.touch()
    run_script("package.py", "--out", tmp_path / "b", "--root", root)
    first = next((tmp_path / "a").glob("*.zip"))
    assert (tmp_path / "b" / first.name).read_bytes() == first.read_bytes()


def test_package_builds_only_named_plugins(tmp_path):
    run_script("package.py", "--out", tmp_path, "--plugins", "hamm_core", "hamm_lorawan")
    assert sorted(p.name.split(".")[0] for p in tmp_path.glob("*.zip")) == [
        "hamm_core", "hamm_lorawan"]


def test_package_fails_clearly_on_a_wrong_dependency_name(tmp_path):
    root = copy_repo(tmp_path)
    meta = root / "plugins" / "hamm_twin" / "metadata.txt"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "plugin_dependencies=Digitales Hamm Kern", "plugin_dependencies=hamm_core"),
        encoding="utf-8")
    out = tmp_path / "out"
    proc = run_script("package.py", "--out", out, "--root", root, check=False)
    assert proc.returncode == 1
    assert "hamm_twin" in proc.stderr and "Digitales Hamm Kern" in proc.stderr
    assert not list(out.glob("hamm_twin.*.zip"))  # an invalid zip is not left behind
    assert list(out.glob("hamm_core.*.zip"))


def test_package_fails_on_a_tool_plugin_without_dependency(tmp_path):
    root = copy_repo(tmp_path)
    meta = root / "plugins" / "hamm_twin" / "metadata.txt"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "plugin_dependencies=Digitales Hamm Kern\n", ""), encoding="utf-8")
    proc = run_script("package.py", "--out", tmp_path / "out", "--root", root, check=False)
    assert proc.returncode == 1
    assert "plugin_dependencies is missing" in proc.stderr


# ------------------------------------------------------------------ plugins.xml

def test_plugins_xml_lists_every_plugin(repo, dist):
    tree = ET.parse(repo / "plugins.xml")
    root = tree.getroot()
    assert root.tag == "plugins"
    nodes = root.findall("pyqgis_plugin")
    assert len(nodes) == 7
    version = suite_meta()["version"]
    seen = set()
    for node in nodes:
        file_name = node.findtext("file_name")
        plugin_id = file_name.partition(".")[0]  # as the installer derives the id
        seen.add(plugin_id)
        meta = zip_meta(dist[0] / file_name)
        assert node.get("name") == meta["name"]
        assert node.get("version") == version == node.findtext("version")
        for tag in XML_CHILDREN:
            assert node.find(tag) is not None, (plugin_id, tag)
        assert node.findtext("download_url") == BASE_URL + file_name
        assert (repo / file_name).read_bytes() == (dist[0] / file_name).read_bytes()
        assert node.findtext("qgis_minimum_version") == meta["qgisMinimumVersion"]
        assert node.findtext("qgis_maximum_version") == meta["qgisMaximumVersion"]
        assert node.findtext("about") == meta["about"]
        assert node.findtext("author_name") == meta["author"]
        assert node.findtext("experimental") in ("True", "False")
        assert node.findtext("plugin_dependencies") == meta.get("plugin_dependencies", "")
        icon = node.findtext("icon")
        assert icon.startswith(BASE_URL)  # absolute: QGIS drops port and path otherwise
        assert (repo / icon[len(BASE_URL):]).is_file()
    assert seen == set(PLUGINS)


def test_plugins_xml_escapes_text(tmp_path):
    root = copy_repo(tmp_path, plugins=("hamm_core",))
    meta = root / "plugins" / "hamm_core" / "metadata.txt"
    tricky = 'R&D <b>fast</b> "quoted" & more'
    text = meta.read_text(encoding="utf-8")
    text = "\n".join("about=" + tricky if line.startswith("about=") else line
                     for line in text.splitlines()) + "\n"
    meta.write_text(text, encoding="utf-8")
    run_script("package.py", "--out", tmp_path / "dist", "--root", root)
    run_script("make_repo.py", "--dist", tmp_path / "dist", "--out", tmp_path / "repo",
               "--base-url", "http://example.org/qgis")
    raw = (tmp_path / "repo" / "plugins.xml").read_text(encoding="utf-8")
    assert "R&amp;D &lt;b&gt;" in raw
    node = ET.parse(tmp_path / "repo" / "plugins.xml").getroot().find("pyqgis_plugin")
    assert node.findtext("about") == tricky
    assert node.findtext("download_url").startswith("http://example.org/qgis/hamm_core.")


def test_make_repo_refuses_an_invalid_zip(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    with zipfile.ZipFile(dist / "broken.0.1.0.zip", "w") as archive:
        archive.writestr("broken/__init__.py", "")
    proc = run_script("make_repo.py", "--dist", dist, "--out", tmp_path / "repo", check=False)
    assert proc.returncode == 1
    assert "broken.0.1.0.zip" in proc.stderr and "metadata.txt is missing" in proc.stderr
    assert not (tmp_path / "repo" / "plugins.xml").exists()


# ------------------------------------------------------------------ check_metadata rules

def valid_meta():
    return plugin_rules.merge_metadata(suite_meta(), {
        "name": "Digitales Hamm Test", "description": "A test plugin",
        "about": "A plugin to test the rules.", "hasProcessingProvider": "no",
        "plugin_dependencies": CORE_NAME})


def test_valid_metadata_has_no_problems():
    assert plugin_rules.check_metadata(valid_meta(), CORE_NAME) == []


def test_merge_metadata_plugin_wins_and_keeps_all_fields():
    suite = {"version": "1.0", "author": "A", "qgisMinimumVersion": "3.22"}
    plugin = {"name": "P", "version": "2.0", "qgisminimumversion": "3.28"}
    merged = plugin_rules.merge_metadata(suite, plugin)
    assert merged == {"version": "2.0", "author": "A", "name": "P", "qgisminimumversion": "3.28"}
    assert suite == {"version": "1.0", "author": "A", "qgisMinimumVersion": "3.22"}


def test_format_metadata_round_trips():
    meta = dict(valid_meta(), changelog="\n1.0 first\n\n0.9 second", about="x %% y")
    assert plugin_rules.read_metadata(plugin_rules.format_metadata(meta)) == meta


@pytest.mark.parametrize("field", plugin_rules.REQUIRED_FIELDS)
def test_missing_required_field(field):
    meta = valid_meta()
    del meta[field]
    assert "required field {} is missing".format(field) in plugin_rules.check_metadata(
        meta, CORE_NAME)


@pytest.mark.parametrize("field", plugin_rules.REQUIRED_FIELDS)
def test_empty_required_field(field):
    meta = dict(valid_meta(), **{field: "  "})
    assert "required field {} is empty".format(field) in plugin_rules.check_metadata(
        meta, CORE_NAME)


def problems_for(**changes):
    meta = valid_meta()
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return "\n".join(plugin_rules.check_metadata(meta, CORE_NAME))


@pytest.mark.parametrize("version", ["abc", "1..2", "v 1", "1.0 beta"])
def test_bad_version(version):
    assert "does not look like a version" in problems_for(version=version)


@pytest.mark.parametrize("version", ["0.1.0", "1.2", "2.0.1-beta1", "3.1.0rc2", "10"])
def test_good_version(version):
    assert problems_for(version=version) == ""


def test_minimum_above_maximum():
    assert "greater than qgisMaximumVersion" in problems_for(qgisMinimumVersion="3.34",
                                                             qgisMaximumVersion="3.28")
    assert "greater than" not in problems_for(qgisMinimumVersion="3.4",
                                              qgisMaximumVersion="3.22")  # numeric, not text


def test_qgis_version_format():
    assert "must look like 3.22" in problems_for(qgisMinimumVersion="latest")


@pytest.mark.parametrize("field", ["tracker", "repository", "homepage"])
@pytest.mark.parametrize("url", ["ftp://example.org/x", "example.org", "https://",
                                 "https://exa mple.org"])
def test_bad_urls(field, url):
    assert "{} must be an http(s) URL".format(field) in problems_for(**{field: url})


def test_dependency_not_naming_the_core():
    assert "does not name the core plugin" in problems_for(plugin_dependencies="hamm_core")
    assert "does not name the core plugin" in problems_for(
        plugin_dependencies="digitales hamm kern")


def test_dependency_with_spaces_would_not_be_found_by_qgis():
    problems = problems_for(plugin_dependencies="QuickOSM, Digitales Hamm Kern")
    assert "surrounding spaces" in problems


def test_dependency_with_a_version_pin():
    assert problems_for(plugin_dependencies="Digitales Hamm Kern==0.1.0") == ""
    assert "is not a version" in problems_for(plugin_dependencies="Digitales Hamm Kern==x y")


def test_core_does_not_depend_on_itself():
    assert "must not depend on itself" in problems_for(name=CORE_NAME)


def test_tool_plugin_must_declare_the_dependency_when_required():
    meta = valid_meta()
    del meta["plugin_dependencies"]
    assert plugin_rules.check_metadata(meta, CORE_NAME) == []
    assert any("plugin_dependencies is missing" in p for p in plugin_rules.check_metadata(
        meta, CORE_NAME, require_core_dependency=True))
    core = dict(meta, name=CORE_NAME)
    assert plugin_rules.check_metadata(core, CORE_NAME, require_core_dependency=True) == []


@pytest.mark.parametrize("value", ["true", "1", "maybe"])
def test_has_processing_provider_yes_no(value):
    assert "hasProcessingProvider must be yes or no" in problems_for(hasProcessingProvider=value)


def test_boolean_fields():
    assert "experimental must be True or False" in problems_for(experimental="perhaps")


def test_bad_email():
    assert "is not an e-mail address" in problems_for(email="gis team")


def test_lone_percent_breaks_qgis_configparser():
    assert "cannot be read by QGIS" in problems_for(about="Covers 100% of Hamm")
    assert problems_for(about="Covers 100%% of Hamm") == ""


# ------------------------------------------------------------------ check_zip rules

def valid_entries(plugin_id="hamm_test"):
    meta = plugin_rules.format_metadata(valid_meta()).encode("utf-8")
    return {
        plugin_id + "/": None,
        plugin_id + "/__init__.py": b"def classFactory(iface):\n    return None\n",
        plugin_id + "/metadata.txt": meta,
        plugin_id + "/LICENSE": b"GPL",
        plugin_id + "/icons/": None,
        plugin_id + "/icons/icon.svg": b"<svg/>",
    }


def make_zip(path, entries, modes=None):
    modes = modes or {}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            default = 0o040755 if data is None else 0o100644
            info.external_attr = modes.get(name, default) << 16
            archive.writestr(info, b"" if data is None else data)
    return str(path)


def zip_problems(tmp_path, entries=None, name=None, modes=None, **kwargs):
    name = name or "hamm_test.{}.zip".format(valid_meta()["version"])
    path = make_zip(tmp_path / name, valid_entries() if entries is None else entries, modes)
    return "\n".join(plugin_rules.check_zip(path, **kwargs))


def test_valid_zip_has_no_problems(tmp_path):
    assert zip_problems(tmp_path) == ""
    assert zip_problems(tmp_path, name="hamm_test.zip") == ""


@pytest.mark.parametrize("extra, expected", [
    ("hamm_test/__pycache__/plugin.cpython-311.pyc", "folder __pycache__"),
    ("hamm_test/plugin.pyc", "compiled Python file"),
    ("hamm_test/.gitignore", "dotfile"),
    ("hamm_test/.git/config", "dotfile"),
    ("hamm_test/tests/test_plugin.py", "folder tests"),
    ("hamm_test/scripts/build.sh", "shell script"),
    ("hamm_test/install.bat", "shell script"),
    ("hamm_test/../evil.py", "unsafe path"),
])
def test_forbidden_content(tmp_path, extra, expected):
    entries = dict(valid_entries(), **{extra: b"x"})
    assert expected in zip_problems(tmp_path, entries)


def test_executable_file(tmp_path):
    entries = dict(valid_entries(), **{"hamm_test/tool.py": b"x"})
    problems = zip_problems(tmp_path, entries, modes={"hamm_test/tool.py": 0o100755})
    assert "executable file" in problems


def test_symlink(tmp_path):
    entries = dict(valid_entries(), **{"hamm_test/link": b"/etc/passwd"})
    assert "symbolic link" in zip_problems(tmp_path, entries,
                                           modes={"hamm_test/link": 0o120777})


def test_two_top_folders(tmp_path):
    entries = dict(valid_entries(), **valid_entries("hamm_other"))
    assert "exactly one top folder, found 2" in zip_problems(tmp_path, entries)


def test_file_at_top_level(tmp_path):
    entries = dict(valid_entries(), **{"README.md": b"x"})
    assert "exactly one top folder" in zip_problems(tmp_path, entries)


def test_top_folder_not_an_identifier(tmp_path):
    entries = valid_entries("hamm-test")
    problems = zip_problems(tmp_path, entries,
                            name="hamm-test.{}.zip".format(valid_meta()["version"]))
    assert "not a valid Python identifier" in problems


def test_top_folder_differs_from_plugin_id(tmp_path):
    problems = zip_problems(tmp_path, name="hamm_other.0.1.0.zip")
    assert "differs from the plugin id 'hamm_other'" in problems


@pytest.mark.parametrize("missing", ["__init__.py", "metadata.txt", "LICENSE"])
def test_required_files(tmp_path, missing):
    entries = valid_entries()
    del entries["hamm_test/" + missing]
    assert "hamm_test/{} is missing".format(missing) in zip_problems(tmp_path, entries)


def test_init_without_class_factory(tmp_path):
    entries = dict(valid_entries(), **{"hamm_test/__init__.py": b"# nothing\n"})
    assert "has no classFactory" in zip_problems(tmp_path, entries)


def test_metadata_inside_is_checked(tmp_path):
    meta = valid_meta()
    del meta["email"]
    entries = dict(valid_entries(), **{
        "hamm_test/metadata.txt": plugin_rules.format_metadata(meta).encode("utf-8")})
    assert "metadata.txt: required field email is missing" in zip_problems(tmp_path, entries)


def test_metadata_without_general_section(tmp_path):
    entries = dict(valid_entries(), **{"hamm_test/metadata.txt": b"[other]\nname=x\n"})
    assert "no [general] section" in zip_problems(tmp_path, entries)


def test_file_name_version_differs_from_metadata(tmp_path):
    version = valid_meta()["version"]
    assert version != "9.9.9"
    assert "metadata.txt says '{}'".format(version) in zip_problems(
        tmp_path, name="hamm_test.9.9.9.zip")


def test_icon_missing_from_zip(tmp_path):
    entries = valid_entries()
    del entries["hamm_test/icons/icon.svg"]
    assert "icon icons/icon.svg is not in the zip" in zip_problems(tmp_path, entries)


def test_too_big(tmp_path):
    assert "the limit is" in zip_problems(tmp_path, max_bytes=100)
    assert plugin_rules.MAX_ZIP_BYTES == 25 * 1024 * 1024


def test_not_a_zip(tmp_path):
    path = tmp_path / "hamm_test.0.1.0.zip"
    path.write_bytes(b"PK not really")
    assert "not a valid zip file" in "\n".join(plugin_rules.check_zip(str(path)))
    assert "does not exist" in "\n".join(plugin_rules.check_zip(str(tmp_path / "none.zip")))
