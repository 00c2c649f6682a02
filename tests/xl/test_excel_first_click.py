"""What makes the workbook work on the first click in Excel, proven from the files and from
xlwings' own VBA (the installed package's addin/*.bas), since there is no Excel here."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import openpyxl
import pytest
from pyopenvba import ExcelFile
from pyopenvba.interpreter import HostBridge, Interpreter
from pyopenvba.interpreter._objects import VBAObject, member, method
from pyopenvba.interpreter._runtime import UNRESOLVED
from pyopenvba.interpreter._values import error

from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.build import XLWINGS_CONF, build_template
from egov_bsc_xl.workbook.writing.vba import ADDIN_BRIDGE, read_modules
from egov_bsc_xl.xl.udf_wrapper import udf_wrapper_module

SOURCE_MACRO_DIR = (
    Path(__file__).resolve().parents[2] / "macros"
)  # the VBA as text, in the repository

XLWINGS_DIR = Path(importlib.util.find_spec("xlwings").origin).parent  # type: ignore[union-attr,arg-type]


def _xlwings_vba(name: str) -> str:
    return (XLWINGS_DIR / "addin" / name).read_text(encoding="utf-8", errors="replace")


def _installed_addin() -> dict[str, str]:
    """The VBA of the add-in `xlwings addin install` copies into Excel's start-up folder."""
    with ExcelFile(XLWINGS_DIR / "addin" / "xlwings.xlam") as addin:
        return addin.vba_modules()


def _function(source: str, name: str) -> str:
    found = re.search(
        rf"^(?:Public |Private )?Function {name}\b.*?^End Function", source, re.M | re.S
    )
    assert found, name
    return found.group(0)


@pytest.mark.parametrize("where", ["addin/Config.bas", "xlwings.xlam"])
def test_xlwings_takes_a_key_on_the_conf_sheet_even_when_its_value_is_empty(where):
    # The premise of writing only settings that have a value: GetConfig returns the sheet's value
    # as soon as the key exists and never looks at ~/.xlwings/xlwings.conf for it. Read in the
    # package's source and in the add-in binary that `xlwings addin install` copies.
    config = _xlwings_vba("Config.bas") if where.endswith(".bas") else _installed_addin()["Config"]
    config = config.replace("\r\n", "\n")
    get_config = _function(config, "GetConfig")
    sheet_part = get_config.split("' Directory Config")[0]
    assert re.search(
        r"GetConfigFromSheet\(ActiveWorkbook\)\.Exists\(configKey\) = True Then\s+"
        r"GetConfig = GetConfigFromSheet\(ActiveWorkbook\)\.Item\(configKey\)",
        sheet_part,
    )
    assert "Exit Function" in sheet_part and "<> \"\"" not in sheet_part
    # and the sheet is read from A1 down to the first empty cell of column A
    assert 'sht.Range("A1").End(xlDown)' in _function(config, "GetConfigFromSheet")


def test_the_conf_sheet_has_only_contiguous_keys_with_values(tmp_path):
    path = build_template(tmp_path / "b.xlsm", "id")
    ws = openpyxl.load_workbook(path)[c.XLWINGS_CONF_SHEET]
    rows = [(a, b) for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True)]
    assert rows == [(k, v) for k, v in XLWINGS_CONF]
    assert all(v for _, v in rows)
    keys = {k.upper() for k, _ in rows}
    assert not keys & {
        "INTERPRETER_WIN",
        "INTERPRETER_MAC",
        "INTERPRETER",
        "PYTHONPATH",
        "CONDA PATH",
        "CONDA ENV",
    }
    assert "UDF MODULES" in keys


# --- no compile error without the add-in: the bridge, run in pyOpenVBA's VBA interpreter -------

_ATTRIBUTE = re.compile(r"^Attribute VB_\w+ = .*$", re.MULTILINE)


def _runnable(source: str) -> str:
    # pyOpenVBA's preprocessor does not take a comment after #Const (VBA does); it is only a comment.
    return _ATTRIBUTE.sub("", source).replace(" 'Adjust when using outside of Excel", "")


class _Range(VBAObject):
    vba_type_name = "Range"


class _XLPy(VBAObject):
    """The object the add-in's XLPy returns; CallUDF records what it is asked."""

    vba_type_name = "XLPyStandIn"

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    @method(name="CallUDF")
    def call_udf(self, module, name, args, book=None, caller=None):  # noqa: ANN001
        self.calls.append((module, name, len(args.elements()), caller is not None))
        return 0.75


class _Application(VBAObject):
    """Excel's Application as far as the bridge uses it: Workbooks(name), Run, Caller, Volatile.
    Workbooks("xlwings.xlam") fails with error 9 when the add-in is not loaded, as in Excel."""

    vba_type_name = "ApplicationStandIn"

    def __init__(self, addin_loaded: bool) -> None:
        self.addin_loaded = addin_loaded
        self.runs: list[tuple[object, ...]] = []
        self.xlpy = _XLPy()

    @member(name="Workbooks")
    def workbooks(self, index):  # noqa: ANN001
        if not self.addin_loaded or str(index).lower() != "xlwings.xlam":
            raise error(9)
        return _Range()

    @method(name="Run")
    def run(self, macro, *args):  # noqa: ANN001, ANN002
        self.runs.append((macro, *args))
        return self.xlpy if str(macro).endswith("!XLPy") else True

    @member(name="Caller")
    def caller(self):
        return _Range()

    @method(name="Volatile")
    def volatile(self, *args):  # noqa: ANN002
        return None


class _Excel(HostBridge):
    def __init__(self, app: _Application) -> None:
        self.app = app

    def global_object(self, name: str) -> object:
        if name.lower() == "application":
            return self.app
        if name.lower() == "thisworkbook":
            return _Range()
        return UNRESOLVED


def _project(addin_loaded: bool) -> tuple[Interpreter, _Application]:
    app = _Application(addin_loaded)
    vba = Interpreter(_Excel(app))
    modules = read_modules(SOURCE_MACRO_DIR)
    vba.add_module(_runnable(modules[ADDIN_BRIDGE]), name=ADDIN_BRIDGE)
    vba.add_module(_runnable(modules["BscButtons"]), name="BscButtons")
    vba.add_module(_runnable(udf_wrapper_module()), name="xlwings_udfs")
    return vba, app


def test_a_button_without_the_addin_says_in_one_sentence_what_to_install():
    vba, app = _project(addin_loaded=False)
    vba.run("BscRecalculate")
    assert app.runs == []
    [(kind, prompt, title, _style)] = vba.dialogs
    assert kind == "MsgBox" and title == "egov-bsc-xl"
    assert "xlwings addin install" in prompt and prompt.startswith("Add-in xlwings belum terpasang")
    assert "add-in is not installed" in prompt


def test_a_button_with_the_addin_hands_its_command_to_the_addins_runpython():
    vba, app = _project(addin_loaded=True)
    vba.run("BscValidate")
    assert app.runs == [
        ("'xlwings.xlam'!RunPython", "import egov_bsc_xl.xl.macros as m; m.validate()")
    ]
    assert vba.dialogs == []


def test_a_function_without_the_addin_shows_the_sentence_in_its_cell():
    vba, app = _project(addin_loaded=False)
    shown = vba.run("BSC_STATUS", [0.8])
    assert isinstance(shown, str) and "xlwings addin install" in shown
    assert app.runs == []


def test_a_function_with_the_addin_calls_the_addins_xlpy_calludf():
    vba, app = _project(addin_loaded=True)
    assert vba.run("BSC_OVERALL_SCORE", []) == 0.75
    assert app.runs == [("'xlwings.xlam'!XLPy",)]
    assert app.xlpy.calls == [("egov_bsc_xl.udfs", "BSC_OVERALL_SCORE", 2, True)]


def test_the_addin_offers_what_the_bridge_calls_by_name():
    # Application.Run "'xlwings.xlam'!RunPython" reaches a Public procedure of a standard module
    # that is not Option Private, and the name must be unique in the add-in's project.
    modules = _installed_addin()
    defining = {
        name: source
        for name, source in modules.items()
        if re.search(r"^\s*(?:Public\s+)?Function (?:RunPython|XLPy)\(", source, re.M)
    }
    assert list(defining) == ["Main"]
    main = modules["Main"]
    assert "Option Private Module" not in main
    assert re.search(r"^Public Function RunPython\(PythonCommand As String\)", main, re.M)
    assert re.search(r"^Function XLPy\(\)", main, re.M)  # Public by default


def test_the_workbook_project_parses_and_holds_no_reference_to_the_addin(tmp_path):
    path = build_template(tmp_path / "b.xlsm", "en")
    with ExcelFile(path) as book:
        modules = book.vba_modules()
        assert not [r for r in book.references() if r.kind == "project"]
    vba = Interpreter(HostBridge())
    for name, source in modules.items():
        vba.add_module(_runnable(source), name=name)  # raises VBACompileError on a syntax error
    assert {ADDIN_BRIDGE, "BscButtons", "xlwings_udfs"} <= set(modules)


def test_xlwings_shows_stderr_on_a_mac_and_drops_its_log_on_windows():
    # Why the buttons log to a file of their own and keep stderr empty (egov_bsc_xl/xl/macros.py).
    main = _installed_addin()["Main"].replace("\r\n", "\n")
    windows = main[
        main.index("Function ExecuteWindows") : main.index("Public Function RunFrozenPython")
    ]
    assert '2> """ & LOG_FILE' in windows  # Python's stderr goes to xlwings' log ...
    assert re.search(
        r"If ExitCode <> 0 Then\s+Call ShowError\(LOG_FILE\)", windows
    )  # shown only on failure
    assert re.search(r"Kill LOG_FILE", windows)  # ... and deleted afterwards
    mac = main[main.index("Sub ExecuteMac") : main.index("Function ExecuteWindows")]
    assert re.search(
        r"Log = ReadFile\(LOG_FILE\)\s+If Log = \"\" Then\s+Exit Sub\s+Else\s+ShowError", mac
    )
    script = next(XLWINGS_DIR.glob("xlwings-*.applescript")).read_text(
        encoding="utf-8", errors="replace"
    )
    assert '2>\\"" & LOG_FILE' in script  # on a Mac stderr is that log, whatever the exit code
