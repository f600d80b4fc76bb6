#!/usr/bin/env python3
"""Translations of the suite: extract, update, check, compile.

  python3 scripts/i18n.py update [--plugin ID]  # code -> i18n/<plugin>_de.ts (keeps
                                                # translations)
  python3 scripts/i18n.py check     # fails on untranslated, unfinished or stale strings
  python3 scripts/i18n.py compile [--out DIR]   # lrelease .ts -> <plugin>/i18n/*.qm

Why not pylupdate5: it takes the translation context from the enclosing class, while the
suite translates with one context per plugin (``tr()`` of hamm_core.logic.i18n,
``SuitePlugin.tr`` and ``HammAlgorithm.tr`` all use the plugin id), so that pure modules
without classes translate too. This extractor reads the same calls with Python's ast:
``tr("...")``, ``self.tr("...")``, ``tr_noop("...")`` (a label translated later),
``translate("context", "...")`` and the class
attributes TITLE, ABOUT, DISPLAY, GROUP and HELP that the base classes pass through tr().
lrelease (Qt's own tool) compiles the .ts files.
"""

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
I18N = ROOT / "i18n"
LANGUAGES = ["de"]
TRANSLATED_ATTRS = {"TITLE", "ABOUT", "DISPLAY", "GROUP", "HELP"}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _const_str(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract_file(path: Path, plugin_id: str):
    """Yield (context, source text, line) for every translatable string in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("tr", "tr_noop") and node.args:
                text = _const_str(node.args[0])
                if text is not None:
                    yield plugin_id, text, node.lineno
            elif name == "translate" and len(node.args) >= 2:
                ctx, text = _const_str(node.args[0]), _const_str(node.args[1])
                if ctx is not None and text is not None:
                    yield ctx, text, node.lineno
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name) and \
                        stmt.targets[0].id in TRANSLATED_ATTRS:
                    text = _const_str(stmt.value)
                    if text:
                        yield plugin_id, text, stmt.lineno


def extract(plugin_id: str):
    """{(context, source): [locations]} for one plugin, in a stable order."""
    found = {}
    for path in sorted((PLUGINS / plugin_id).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for ctx, text, line in extract_file(path, plugin_id):
            found.setdefault((ctx, text), []).append((rel, line))
    return found


def ts_path(plugin_id: str, lang: str) -> Path:
    return I18N / "{}_{}.ts".format(plugin_id, lang)


def read_ts(path: Path):
    """{(context, source): (translation, type)} from a .ts file."""
    out = {}
    if not path.exists():
        return out
    root = ET.parse(str(path)).getroot()
    for ctx in root.findall("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.findall("message"):
            tr_el = msg.find("translation")
            out[(name, msg.findtext("source", ""))] = (
                (tr_el.text or "") if tr_el is not None else "",
                tr_el.get("type", "") if tr_el is not None else "unfinished")
    return out


def write_ts(path: Path, lang: str, messages, old):
    root = ET.Element("TS", version="2.1", language={"de": "de_DE"}.get(lang, lang))
    by_ctx = {}
    for (ctx, text), locs in messages.items():
        by_ctx.setdefault(ctx, []).append((text, locs))
    for ctx in sorted(by_ctx):
        ctx_el = ET.SubElement(root, "context")
        ET.SubElement(ctx_el, "name").text = ctx
        for text, locs in sorted(by_ctx[ctx], key=lambda item: item[0]):
            msg = ET.SubElement(ctx_el, "message")
            for file, line in locs:
                ET.SubElement(msg, "location", filename="../" + file, line=str(line))
            ET.SubElement(msg, "source").text = text
            translation, kind = old.get((ctx, text), ("", "unfinished"))
            tr_el = ET.SubElement(msg, "translation")
            tr_el.text = translation
            if kind == "unfinished" or not translation:
                tr_el.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def plugin_ids():
    return sorted(p.name for p in PLUGINS.iterdir() if (p / "metadata.txt").exists())


def cmd_update(args) -> int:
    only = getattr(args, "plugin", None) or []
    for plugin_id in plugin_ids():
        if only and plugin_id not in only:
            continue
        messages = extract(plugin_id)
        for lang in LANGUAGES:
            path = ts_path(plugin_id, lang)
            old = read_ts(path)
            write_ts(path, lang, messages, old)
            todo = sum(1 for k in messages if not old.get(k, ("", ""))[0]
                       or old.get(k, ("", "unfinished"))[1] == "unfinished")
            dropped = len(set(old) - set(messages))
            print("{}: {} strings, {} to translate, {} dropped".format(
                path.relative_to(ROOT), len(messages), todo, dropped))
    return 0


def problems():
    """Everything that keeps the German UI from being complete."""
    found = []
    for plugin_id in plugin_ids():
        messages = extract(plugin_id)
        for lang in LANGUAGES:
            path = ts_path(plugin_id, lang)
            old = read_ts(path)
            if not old and messages:
                found.append("{}: missing".format(path.name))
                continue
            for key, locs in messages.items():
                where = "{}:{}".format(*locs[0])
                if key not in old:
                    found.append("{}: not in {} ({!r})".format(where, path.name, key[1][:60]))
                    continue
                translation, kind = old[key]
                if not translation.strip() or kind == "unfinished":
                    found.append("{}: untranslated in {} ({!r})".format(
                        where, path.name, key[1][:60]))
                elif sorted(PLACEHOLDER.findall(translation)) != \
                        sorted(PLACEHOLDER.findall(key[1])):
                    found.append("{}: placeholders differ in {} ({!r})".format(
                        where, path.name, key[1][:60]))
            for key in set(old) - set(messages):
                found.append("{}: stale entry {!r} (run `make i18n`)".format(
                    path.name, key[1][:60]))
    return found


def cmd_check(_args) -> int:
    found = problems()
    for line in found:
        print(line)
    print("i18n: {} problem(s)".format(len(found)))
    return 1 if found else 0


def find_lrelease():
    """Qt's lrelease (qttools5-dev-tools), or $LRELEASE; None when missing."""
    for cand in (os.environ.get("LRELEASE"), "/usr/lib/qt5/bin/lrelease",
                 shutil.which("lrelease"), shutil.which("lrelease-qt5")):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile one .ts to .qm; RuntimeError with lrelease's own words on failure."""
    lrelease = find_lrelease()
    if lrelease is None:
        raise RuntimeError("lrelease not found: install qttools5-dev-tools (make setup does) "
                           "or set LRELEASE")
    qm.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not qm.is_file():
        raise RuntimeError("lrelease failed for {}: {}".format(
            ts, (proc.stderr or proc.stdout).strip()))


def cmd_compile(args) -> int:
    for ts in sorted(I18N.glob("*.ts")):
        plugin_id = ts.stem.rsplit("_", 1)[0]
        base = Path(args.out) / plugin_id if args.out else PLUGINS / plugin_id
        compile_ts(ts, base / "i18n" / (ts.stem + ".qm"))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    upd = sub.add_parser("update")
    upd.add_argument("--plugin", action="append", help="only this plugin (repeatable)")
    sub.add_parser("check")
    comp = sub.add_parser("compile")
    comp.add_argument("--out", default="")
    args = parser.parse_args(argv)
    return {"update": cmd_update, "check": cmd_check, "compile": cmd_compile}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
