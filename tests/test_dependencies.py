"""The runtime dependencies in pyproject.toml are exactly what the package imports (issue 10, item 6).

An ast scan of egov_bsc_xl/ lists every top-level package it imports (at module level or inside a
function); each one outside the standard library must be a runtime dependency, and each runtime
dependency must be imported by the package. Test and benchmark tools live in the extras.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "egov_bsc_xl"

# import name -> distribution name, where they differ (case and '-'/'_' are normalised anyway)
DISTRIBUTION = {
    "PIL": "pillow",
    "pptx": "python-pptx",
    "pyopenvba": "pyopenvba",
    "python_calamine": "python-calamine",
    "xlsxwriter": "xlsxwriter",
    "babel": "babel",
}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_top_levels(folder: Path) -> dict[str, set[str]]:
    """Top-level package imported -> the files importing it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(str(path.relative_to(folder)))
    return found


def third_party(found: dict[str, set[str]]) -> dict[str, set[str]]:
    return {
        name: files
        for name, files in found.items()
        if name not in sys.stdlib_module_names and name != "egov_bsc_xl"
    }


def declared(section: list[str]) -> set[str]:
    return {_normal(re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0]) for req in section}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_runtime_dependencies_are_exactly_what_the_package_imports() -> None:
    imports = third_party(imported_top_levels(PACKAGE))
    needed = {_normal(DISTRIBUTION.get(name, name)): files for name, files in imports.items()}
    runtime = declared(pyproject()["project"]["dependencies"])
    missing = {name: sorted(files) for name, files in needed.items() if name not in runtime}
    unused = runtime - set(needed)
    assert not missing, f"imported by the package but not a runtime dependency: {missing}"
    assert not unused, (
        f"runtime dependencies the package never imports (move them to an extra): {sorted(unused)}"
    )


def test_tools_of_tests_and_benchmarks_are_extras_not_runtime_dependencies() -> None:
    project = pyproject()["project"]
    runtime = declared(project["dependencies"])
    extras = project["optional-dependencies"]
    for tool in (
        "pytest",
        "hypothesis",
        "openpyxl",
        "ruff",
        "mypy",
        "openxml-audit",
        "ooxml-integrity",
    ):
        assert tool in declared(extras["test"]) and tool not in runtime, tool
    assert "fastexcel" in declared(extras["bench"]) and "fastexcel" not in runtime


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "import os\n\ndef f():\n    from PIL import Image\n    import lxml.etree\n"
    )
    assert set(third_party(imported_top_levels(tmp_path))) == {"PIL", "lxml"}
