"""Golden files: the parts of the demo's outputs that egov-bsc owns, pinned as pretty XML text.

    python tools/golden.py            # rewrite tests/golden/ from today's outputs; review with git diff
    python tools/golden.py --check    # compare only: a summary of what differs, exit 1 if anything does

What is pinned (tests/golden/test_golden.py compares it on every run):

* ``workbook-id`` / ``workbook-en``: the demo workbook of each language (``egov-bsc new --demo
  --formulas native`` then ``egov-bsc recalc``): the dashboard, LKjIP and validation sheets' XML, their
  relationships, their drawings and the charts in them, and the styles part (their formats);
* ``deck-id-leadership`` / ``deck-id-public``: both decks of the Indonesian demo workbook (``egov-bsc deck``): every slide's XML and relationships, every
  chart's XML and the sheet and shared strings of the workbook embedded in each chart.

The outputs are made through the command line (the public contract), so the golden files hold
whatever module makes them. Only what varies between runs is normalised: XML is re-indented so
that a diff reads line by line (one element a line), nothing else is changed (document properties, which carry
timestamps, are not pinned at all). Media (the logo, pictures) are binaries and are not pinned.
Run it from the repository with the development install (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import posixpath
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python tools/golden.py` puts tools/ first, not the root
    sys.path.insert(0, str(ROOT))

GOLDEN_DIR = ROOT / "tests" / "golden"
COMMAND = "python tools/golden.py"
LANGS = ("id", "en")
# the English decks differ from the Indonesian ones only in their words (pinned by workbook-en)
DECK_LANGS = ("id",)
AUDIENCES = ("leadership", "public")
OWNED_SHEETS = {
    "id": ("Dasbor", "LKjIP", "Validasi"),
    "en": ("Dashboard", "Performance Report", "Validation"),
}

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


# ---------------------------------------------------------------------------------------------
# making the outputs, through the command line


def _egov_bsc(*args: str) -> None:
    """`egov-bsc ARGS` in this process; a failure names the command and what it printed."""
    from egov_bsc_xl.cli import main

    argv, out, err = sys.argv, io.StringIO(), io.StringIO()
    sys.argv = ["egov-bsc", *args]
    code: object = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code or 0
    finally:
        sys.argv = argv
    if code not in (0, 1):  # 1: written, with validation findings (the demo has none, but say so)
        raise RuntimeError(
            f"egov-bsc {' '.join(args)} ended with {code}: {out.getvalue()}{err.getvalue()}"
        )


def make_outputs(folder: Path) -> dict[str, Path]:
    """The demo workbooks (id, en) recalculated, and their decks, in `folder`: set name -> file."""
    files: dict[str, Path] = {}
    for lang in LANGS:
        book = folder / f"demo-{lang}.xlsm"
        _egov_bsc("new", str(book), "--lang", lang, "--formulas", "native", "--demo")
        _egov_bsc("recalc", str(book))
        files[f"workbook-{lang}"] = book
        for audience in AUDIENCES if lang in DECK_LANGS else ():
            deck = folder / f"demo-{lang}-{audience}.pptx"
            _egov_bsc("deck", str(book), "--audience", audience, "--output", str(deck))
            files[f"deck-{lang}-{audience}"] = deck
    return files


# ---------------------------------------------------------------------------------------------
# choosing the owned parts


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _targets(zf: zipfile.ZipFile, part: str) -> list[tuple[str, str]]:
    """(type, part name) of the internal relationships of `part`, in document order."""
    rels = _rels_name(part)
    if rels not in zf.namelist():
        return []
    out = []
    for rel in etree.fromstring(zf.read(rels)).iter(f"{{{_NS_PKG}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        )
        out.append((rel.get("Type", "").rsplit("/", 1)[-1], name))
    return out


def _with_rels(zf: zipfile.ZipFile, part: str) -> list[str]:
    rels = _rels_name(part)
    return [part, rels] if rels in zf.namelist() else [part]


def workbook_parts(zf: zipfile.ZipFile, lang: str) -> list[str]:
    """The owned sheets of the workbook, their drawings and the charts in them (with relationships),
    and the styles part, where recalc adds the cell formats and band fills the owned sheets use."""
    book = etree.fromstring(zf.read("xl/workbook.xml"))
    by_id = dict(_rel_ids(zf, "xl/workbook.xml"))
    sheets = {
        s.get("name"): by_id[s.get(f"{{{_NS_REL}}}id")] for s in book.iter(f"{{{_NS_MAIN}}}sheet")
    }
    parts: list[str] = []
    for title in OWNED_SHEETS[lang]:
        sheet = sheets[title]
        parts += _with_rels(zf, sheet)
        for kind, drawing in _targets(zf, sheet):
            if kind != "drawing":
                continue
            parts += _with_rels(zf, drawing)
            for kind2, chart in _targets(zf, drawing):
                if kind2 == "chart":
                    parts += _with_rels(zf, chart)
    return [*parts, "xl/styles.xml"]


def deck_parts(zf: zipfile.ZipFile) -> list[str]:
    """Every slide (with relationships) and every chart of the deck."""
    pres = etree.fromstring(zf.read("ppt/presentation.xml"))
    ns_p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    slide_by_id = dict(_rel_ids(zf, "ppt/presentation.xml"))
    slides = [slide_by_id[s.get(f"{{{_NS_REL}}}id")] for s in pres.iter(f"{{{ns_p}}}sldId")]
    parts: list[str] = []
    for slide in slides:
        parts += _with_rels(zf, slide)
        for kind, chart in _targets(zf, slide):
            if kind == "chart":
                parts += _with_rels(zf, chart)
    return parts


def _rel_ids(zf: zipfile.ZipFile, part: str) -> Iterator[tuple[str, str]]:
    for rel in etree.fromstring(zf.read(_rels_name(part))).iter(f"{{{_NS_PKG}}}Relationship"):
        target = rel.get("Target", "")
        yield (
            rel.get("Id", ""),
            (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
            ),
        )


# ---------------------------------------------------------------------------------------------
# normalising


def pretty(data: bytes) -> str:
    """The XML with one element a line (not indented: that would double the size of the deep slide
    XML), so that a diff shows the element that changed. Text inside elements is kept as it is."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    etree.indent(root, space="")
    return (
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode(
            "utf-8"
        )
        + "\n"
    )


def _embedded(zf: zipfile.ZipFile, chart: str) -> dict[str, str]:
    """The sheets and shared strings of the workbook a chart carries, as golden parts."""
    out: dict[str, str] = {}
    for kind, target in _targets(zf, chart):
        if kind != "package":
            continue
        with zipfile.ZipFile(io.BytesIO(zf.read(target))) as inner:
            for name in sorted(inner.namelist()):
                if name.startswith("xl/worksheets/sheet") or name == "xl/sharedStrings.xml":
                    out[f"{target}/{name}"] = pretty(inner.read(name))
    return out


def golden_of(kind: str, path: Path) -> dict[str, str]:
    """Golden part name -> normalised text, for one output file of `make_outputs`."""
    out: dict[str, str] = {}
    with zipfile.ZipFile(path) as zf:
        if kind.startswith("workbook-"):
            for part in workbook_parts(zf, kind.split("-")[1]):
                out[part] = pretty(zf.read(part))
        else:
            for part in deck_parts(zf):
                out[part] = pretty(zf.read(part))
                if part.startswith("ppt/charts/") and not part.endswith(".rels"):
                    out.update(_embedded(zf, part))
    return out


def current() -> dict[str, str]:
    """Every golden file as today's code makes it: path under tests/golden/ -> text."""
    with tempfile.TemporaryDirectory(prefix="egov-bsc-golden-") as tmp:
        files = make_outputs(Path(tmp))
        return {
            f"{kind}/{part}": text
            for kind, path in files.items()
            for part, text in golden_of(kind, path).items()
        }


def committed() -> dict[str, str]:
    """The golden files as committed (tests/golden/, without the test module itself)."""
    return {
        p.relative_to(GOLDEN_DIR).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(GOLDEN_DIR.rglob("*"))
        if p.is_file() and p.suffix in (".xml", ".rels")
    }


# ---------------------------------------------------------------------------------------------
# comparing and writing


def differences(old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str]]:
    """(name, what) for each golden file missing, unexpected or changed, in name order."""
    out = []
    for name in sorted(set(old) | set(new)):
        if name not in old:
            out.append((name, "baru / new (not committed)"))
        elif name not in new:
            out.append((name, "tidak dibuat lagi / no longer made"))
        elif old[name] != new[name]:
            diff = list(
                difflib.unified_diff(old[name].splitlines(), new[name].splitlines(), lineterm="")
            )
            plus = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
            minus = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
            out.append((name, f"berubah / changed: +{plus} -{minus} lines"))
    return out


def unified_diff(name: str, old: str, new: str, limit: int = 80) -> str:
    """The unified diff of one golden file (committed -> today), cut at `limit` lines."""
    lines = list(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), f"golden/{name}", f"now/{name}", lineterm=""
        )
    )
    more = f"\n... {len(lines) - limit} more lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def write(new: dict[str, str]) -> int:
    """Replace tests/golden/*/ by `new`; returns how many files changed, came or went."""
    old = committed()
    for name in old.keys() - new.keys():
        (GOLDEN_DIR / name).unlink()
    for name, text in new.items():
        target = GOLDEN_DIR / name
        if old.get(name) != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
    for folder in sorted((p for p in GOLDEN_DIR.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return len(differences(old, new))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare only; print what differs and exit 1 if anything does",
    )
    args = parser.parse_args(argv)
    new = current()
    if args.check:
        found = differences(committed(), new)
        for name, what in found:
            print(f"{name}: {what}")
        print(
            f"{len(found)} golden file(s) differ"
            if found
            else f"golden files up to date ({len(new)} files)"
        )
        return 1 if found else 0
    changed = write(new)
    print(
        f"{changed} golden file(s) rewritten in {GOLDEN_DIR.relative_to(ROOT)} ({len(new)} files); "
        "review with: git diff --stat tests/golden && git diff tests/golden"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
