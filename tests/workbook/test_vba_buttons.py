"""The VBA project: macros/*.bas inside the file, buttons bound to existing subs, subs only call Python."""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from pyopenvba import ExcelFile
from pyopenvba.interpreter import HostBridge, Interpreter

import egov_bsc_xl
from egov_bsc_xl.workbook.template.build import build, build_template
from egov_bsc_xl.workbook.writing.vba import (
    ADDIN_BRIDGE,
    BUTTONS,
    MACRO_DIR,
    MACRO_MODULE,
    read_modules,
    vba_project,
)

SOURCE_MACRO_DIR = (
    Path(__file__).resolve().parents[2] / "macros"
)  # the VBA as text, in the repository
PACKAGED_MACRO_DIR = (
    Path(egov_bsc_xl.__file__).resolve().parent / "data" / "macros"
)  # its copy in the wheel

_BODY = re.compile(r"^Attribute VB_\w+ = .*$", re.MULTILINE)


def _body(source: str) -> str:
    """Module text without Attribute lines, LF line ends, no trailing blank lines."""
    return _BODY.sub("", source.replace("\r\n", "\n")).strip()


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build_template(tmp_path_factory.mktemp("vba") / "book.xlsm", "id")


def _olevba_modules(path) -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # oletools uses deprecated pyparsing names
        from oletools.olevba import VBA_Parser

        parser = VBA_Parser(str(path))
        found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
        parser.close()
    return found


def test_olevba_reads_back_every_module_of_macros(book):
    found = _olevba_modules(book)
    modules = read_modules()
    assert modules, "macros/ holds no .bas file"
    for name, source in modules.items():
        assert name in found
        assert _body(found[name]) == _body(source)


def test_every_module_is_option_explicit_and_only_dispatches_to_python():
    for path in sorted(SOURCE_MACRO_DIR.glob("*.bas")):
        text = path.read_text(encoding="utf-8")
        assert "Option Explicit" in text, path.name
        if path.stem == ADDIN_BRIDGE:
            continue  # the bridge runs no Python itself (tests/xl/test_excel_first_click.py)
        calls = re.findall(r'^\s*RunPython\s+"([^"]*)"', text, re.MULTILINE)
        assert calls, path.name
        for command in calls:
            assert command.startswith(f"import {MACRO_MODULE} as m; m."), command
        for line in text.splitlines():
            code = line.split("'", 1)[0].strip()
            assert not re.search(r"\b(Range|Cells|Evaluate|Shell|Execute)\b", code), line


def _button_macros(path) -> dict[str, str]:
    """Caption -> macro of every form button in the package's VML drawings."""
    found = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith(".vml"):
                xml = zf.read(name).decode("utf-8")
                for shape in re.findall(r"<v:shape .*?</v:shape>", xml, re.DOTALL):
                    macro = re.search(r"<x:FmlaMacro>(?:\[0\]!)?([^<]+)</x:FmlaMacro>", shape)
                    caption = re.search(r"<font[^>]*>([^<]+)</font>", shape)
                    if macro and caption:
                        found[caption.group(1)] = macro.group(1)
    return found


def _subs(source: str) -> set[str]:
    return set(
        re.findall(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(", source, re.MULTILINE | re.IGNORECASE)
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_three_dashboard_buttons_are_bound_to_existing_subs(tmp_path, lang):
    path = build_template(tmp_path / "b.xlsm", lang)
    buttons = _button_macros(path)
    assert buttons == {b.caption(lang): b.macro for b in BUTTONS}
    with ExcelFile(path) as book:
        subs = set().union(*(_subs(src) for src in book.vba_modules().values()))
    assert set(buttons.values()) <= subs


class _RecordingHost(HostBridge):
    """Stands in for xlwings: RunPython records its argument instead of starting Python."""

    def __init__(self) -> None:
        self.commands: list[str] = []

    def has_global_member(self, name: str) -> bool:
        return name.lower() == "runpython"

    def call_global(self, name, args, named):
        self.commands.append(str(args[0]))
        return None


def test_each_button_runs_a_fixed_python_command_naming_an_existing_function(book):
    with ExcelFile(book) as workbook:
        modules = workbook.vba_modules()
    macros = importlib.import_module(
        MACRO_MODULE
    )  # written: a missing module is a failure, not a skip
    functions = []
    for button in BUTTONS:
        host = _RecordingHost()
        vba = Interpreter(host)
        for name, source in modules.items():
            if _subs(source) or name == "BscButtons":
                vba.add_module(_BODY.sub("", source), name=name)
        vba.run(button.macro)
        assert host.commands == [f"import {MACRO_MODULE} as m; m.{button.python}()"]
        functions.append(re.search(r"m\.(\w+)\(\)$", host.commands[0]).group(1))
    assert functions == ["validate", "recalculate", "make_deck"]
    for function in functions:
        assert callable(getattr(macros, function, None)), function


def test_no_project_references_xlwings_addin_mode_bridges_and_standalone_embeds_xlwings(tmp_path):
    # A reference to a missing add-in stops the whole project from compiling, so there is none:
    # the add-in mode calls the add-in late-bound through the BscXlwings bridge.
    standard = build_template(tmp_path / "s.xlsm", "id")
    with ExcelFile(standard) as book:
        modules = book.vba_modules()
        assert "xlwings" not in {r.name for r in book.references()}
    assert "xlwings" not in modules and ADDIN_BRIDGE in modules
    assert "Application.Run(" in modules[ADDIN_BRIDGE]
    standalone = build_template(tmp_path / "a.xlsm", "id", standalone=True)
    with ExcelFile(standalone) as book:
        modules = book.vba_modules()
        assert "xlwings" not in {r.name for r in book.references()}
    assert "xlwings" in modules and "Dictionary" in modules and ADDIN_BRIDGE not in modules
    assert "Function RunPython" in modules["xlwings"]
    assert "BscButtons" in modules and "xlwings_udfs" in modules


def test_no_third_party_vba_is_kept_in_macros():
    for path in MACRO_DIR.iterdir():
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert "Zoomer Analytics" not in text and "xlwings is distributed" not in text


def test_both_languages_share_one_vba_project():
    # The VBA project is cached per sheet count: a second language reuses it.
    first, second = build("id"), build("en")
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin")


def test_the_package_carries_the_same_macros_as_the_repository():
    # egov_bsc_xl/data/macros is what an installed (non-editable) package builds from.
    source = {p.name: p.read_bytes() for p in SOURCE_MACRO_DIR.glob("*.bas")}
    packaged = {p.name: p.read_bytes() for p in PACKAGED_MACRO_DIR.glob("*.bas")}
    assert packaged == source, "run python tools/regenerate.py macros"
    assert read_modules(PACKAGED_MACRO_DIR) == read_modules(SOURCE_MACRO_DIR)
    # the runtime reads the packaged copy (importlib.resources), never the repository's macros/
    assert Path(str(MACRO_DIR)).resolve() == PACKAGED_MACRO_DIR.resolve()
    assert read_modules() == read_modules(PACKAGED_MACRO_DIR)


def test_a_package_without_the_repository_builds_the_same_vba_project(tmp_path):
    # As installed: only the package directory, no macros/ beside it.
    site = tmp_path / "site"
    shutil.copytree(
        Path(egov_bsc_xl.__file__).parent,
        site / "egov_bsc_xl",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    code = (
        "import sys, hashlib; from egov_bsc_xl.workbook.writing import vba; "
        "assert 'site' in vba.__file__; "
        "print(sorted(vba.read_modules())); print(hashlib.sha256(vba.vba_project(3)).hexdigest())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=tmp_path,
    )
    names, digest = done.stdout.splitlines()
    assert names == str(sorted(read_modules(SOURCE_MACRO_DIR)))
    assert digest == hashlib.sha256(vba_project(3)).hexdigest()
