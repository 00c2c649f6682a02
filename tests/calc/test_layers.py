"""calc and model know nothing of files, Excel or PowerPoint; no import cycle between packages (STYLE.md)."""

import ast
import subprocess
import sys
from pathlib import Path

FORBIDDEN = ("xlwings", "openpyxl", "pptx", "xlsxwriter", "python_calamine", "fastexcel")


def test_importing_calc_and_model_pulls_in_no_office_library():
    code = (
        "import sys, egov_bsc_xl.calc.engine, egov_bsc_xl.calc.functions, egov_bsc_xl.model;"
        f"print([m for m in {FORBIDDEN!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- no package cycles ------------------------------------------------------------------------
# The import graph of egov_bsc_xl, built with `ast` from every module: module-level imports, those
# under `if TYPE_CHECKING:` and those inside functions alike. A node is a subpackage (calc, model,
# validate, workbook, deck, xl, i18n) or a top-level module (cli, cli_view, errors, demo ...).

PACKAGE = Path(__file__).resolve().parents[2] / "egov_bsc_xl"

# Known cycles outside this test's reach, each as the edge that closes it and the modules that make it.
# Remove an entry when its edge is gone; never add one without naming who removes it.
ALLOWED_EDGES = {
    # workbook.vba writes the VBA text of the UDF wrapper that xl.udf_wrapper generates (no xlwings
    # import); the VBA builder and the writers are reshaped under issue 10 item 3.
    ("workbook", "xl"): {"egov_bsc_xl.workbook.writing.vba"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every egov_bsc_xl module `path` imports, wherever the import statement stands."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {
                f"{base}.{alias.name}"
                for alias in node.names  # `from pkg import module`
                if _is_module(f"{base}.{alias.name}")
            }
    return {m for m in found if m.startswith("egov_bsc_xl.")}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _node(module: str) -> str:
    return module.split(".")[1]


def import_graph() -> dict[tuple[str, str], set[str]]:
    """(importing node, imported node) -> the importing modules, between different nodes only."""
    edges: dict[tuple[str, str], set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module_name(path)
        if here == "egov_bsc_xl":
            continue  # the package's own __init__ only re-exports
        for target in _imports(path):
            a, b = _node(here), _node(target)
            if a != b:
                edges.setdefault((a, b), set()).add(here)
    return edges


def _cycle(edges: set[tuple[str, str]]) -> list[str] | None:
    """One cycle of the graph as a path of nodes, or None."""
    succ: dict[str, list[str]] = {}
    for a, b in sorted(edges):
        succ.setdefault(a, []).append(b)
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in succ.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [node, nxt] if nxt in path else [node, nxt]
            if not state.get(nxt):
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for start in sorted(succ):
        if not state.get(start):
            found = visit(start, [])
            if found:
                return found
    return None


def test_the_graph_sees_imports_inside_functions_and_under_type_checking():
    edges = import_graph()
    assert (
        "egov_bsc_xl.workbook.writing.vba" in edges[("workbook", "xl")]
    )  # imported inside a function
    assert ("calc", "model") in edges and ("validate", "model") in edges


def test_no_import_cycle_between_packages():
    edges = import_graph()
    for edge, modules in ALLOWED_EDGES.items():
        extra = edges.get(edge, set()) - modules
        assert not extra, (
            f"{edge[0]} -> {edge[1]} is allowed only from {sorted(modules)}, not {sorted(extra)}"
        )
    cycle = _cycle({e for e in edges if e not in ALLOWED_EDGES})
    assert cycle is None, (
        "import cycle: "
        + " -> ".join(cycle or [])
        + "; "
        + "; ".join(
            f"{a} -> {b}: {sorted(edges[(a, b)])}"
            for a, b in zip(cycle or [], (cycle or [])[1:], strict=False)
        )
    )


def test_validation_imports_only_the_contract_of_the_workbook_and_the_reader_no_validation():
    edges = import_graph()
    validate_files = sorted((PACKAGE / "validate").glob("*.py"))
    workbook_imports = {
        m for path in validate_files for m in _imports(path) if m.startswith("egov_bsc_xl.workbook")
    }
    assert workbook_imports <= {"egov_bsc_xl.workbook", "egov_bsc_xl.workbook.contract"}
    assert edges.get(("workbook", "validate"), set()) <= {"egov_bsc_xl.workbook.reading.analysis"}
    for reader in ("reader", "measurements", "settings", "cells", "source"):
        assert not {
            m
            for m in _imports(PACKAGE / "workbook" / "reading" / f"{reader}.py")
            if m.startswith("egov_bsc_xl.validate")
        }


# Inside workbook/: opc is the base, reading builds on it, writing on both, the template on all.
_WORKBOOK_LAYERS = {
    "opc": set(),
    "reading": {"opc"},
    "writing": {"opc", "reading"},
    "template": {"opc", "reading", "writing"},
}


def test_workbook_subpackages_import_only_the_layers_below_them():
    for sub, allowed in _WORKBOOK_LAYERS.items():
        for path in sorted((PACKAGE / "workbook" / sub).glob("*.py")):
            reached = {
                m.split(".")[2]
                for m in _imports(path)
                if m.startswith("egov_bsc_xl.workbook.") and m.split(".")[2] != "contract"
            }
            assert reached - {sub} <= allowed, f"{path.name} imports {reached - {sub} - allowed}"


def test_workbook_has_no_flat_modules_besides_the_contract():
    flat = {p.name for p in (PACKAGE / "workbook").glob("*.py")}
    assert flat == {"__init__.py", "contract.py"}
