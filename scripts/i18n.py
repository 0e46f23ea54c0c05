#!/usr/bin/env python3
"""Translation files of the desktop UI: one Qt .ts per area, compiled to .qm.

    python scripts/i18n.py update [--area AREA]   # pyside6-lupdate sources -> .ts
    python scripts/i18n.py missing [--area AREA]  # list untranslated strings (exit 1 if any)
    python scripts/i18n.py set --area AREA --json FILE   # fill from {"English": "中文"}
    python scripts/i18n.py compile                # pyside6-lrelease every .ts -> .qm

A file's area is its folder under ui/ (ui/sales/x.py -> "sales"; ui/*.py -> "shell"),
unless one of its first 5 lines says `# i18n-area: NAME`. The .ts files are
resources/translations/<AREA>_zh_CN.ts; existing translations are kept on update.
Commit both the .ts and the .qm files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANG = "zh_CN"
AREA_RE = re.compile(r"^\s*#\s*i18n-area:\s*([A-Za-z0-9_\-]+)\s*$")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (venv) or on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install pyside6-essentials")
    return found


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def area_of(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as fh:
            for _, line in zip(range(5), fh):
                match = AREA_RE.match(line)
                if match:
                    return match.group(1)
    except OSError:
        pass
    rel = path.relative_to(UI_DIR)
    return rel.parts[0] if len(rel.parts) > 1 else "shell"


def sources_by_area() -> dict[str, list[Path]]:
    areas: dict[str, list[Path]] = {}
    for path in sorted(UI_DIR.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        areas.setdefault(area_of(path), []).append(path)
    return areas


def ts_path(area: str) -> Path:
    return TS_DIR / f"{area}_{LANG}.ts"


def ts_files(area: str | None = None) -> list[Path]:
    if area:
        return [ts_path(area)]
    return sorted(TS_DIR.glob(f"*_{LANG}.ts"))


def cmd_update(args: argparse.Namespace) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    areas = sources_by_area()
    selected = [args.area] if args.area else sorted(areas)
    for area in selected:
        files = areas.get(area)
        if not files:
            print(f"no source files for area {area}", file=sys.stderr)
            return 2
        target = ts_path(area)
        cmd = [tool("pyside6-lupdate"), *map(str, files), "-no-obsolete",
               "-target-language", LANG, "-ts", str(target)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stdout + proc.stderr, file=sys.stderr)
            return proc.returncode
        print(f"{_rel(target)}: {len(files)} source files")
    return 0


def messages(path: Path):  # type: ignore[no-untyped-def]
    """(context, message element) of every live message in a .ts file."""
    tree = ET.parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            yield name, message


def untranslated(path: Path) -> list[tuple[str, str]]:
    missing = []
    for context, message in messages(path):
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if message.get("numerus") == "yes" and translation is not None:
            text = "".join(t.text or "" for t in translation.iter("numerusform"))
        if translation is None or translation.get("type") == "unfinished" or not text.strip():
            missing.append((context, message.findtext("source", "")))
    return missing


def cmd_missing(args: argparse.Namespace) -> int:
    total = 0
    for path in ts_files(args.area):
        if not path.exists():
            print(f"{_rel(path)}: missing (run update)")
            total += 1
            continue
        for context, source in untranslated(path):
            print(f"{path.name}\t{context}\t{source}")
            total += 1
    return 1 if total else 0


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def cmd_set(args: argparse.Namespace) -> int:
    table: dict[str, str] = json.loads(Path(args.json).read_text(encoding="utf-8"))
    path = ts_path(args.area)
    if not path.exists():
        print(f"{path} does not exist: run update first", file=sys.stderr)
        return 2
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        if source not in table:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        translation.text = table[source]
        translation.attrib.pop("type", None)
        filled += 1
    write_ts(tree, path)
    print(f"{_rel(path)}: {filled} translations set, "
          f"{len(untranslated(path))} still missing")
    return 0


def compile_ts(ts: Path, qm: Path) -> None:
    proc = subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"lrelease failed for {ts}: {proc.stdout}{proc.stderr}")


def cmd_compile(args: argparse.Namespace) -> int:
    for ts in ts_files(getattr(args, "area", None)):
        qm = ts.with_suffix(".qm")
        compile_ts(ts, qm)
        print(f"{_rel(qm)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("update", help="extract strings from ui/ into .ts files")
    p.add_argument("--area")
    p.set_defaults(fn=cmd_update)
    p = sub.add_parser("missing", help="list untranslated strings; exit 1 if any")
    p.add_argument("--area")
    p.set_defaults(fn=cmd_missing)
    p = sub.add_parser("set", help="fill translations from a JSON object {source: text}")
    p.add_argument("--area", required=True)
    p.add_argument("--json", required=True)
    p.set_defaults(fn=cmd_set)
    p = sub.add_parser("compile", help="compile every .ts to .qm beside it")
    p.add_argument("--area")
    p.set_defaults(fn=cmd_compile)
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
