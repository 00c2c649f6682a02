"""One exception hierarchy in egov_bsc_xl/errors.py, and no test hook in production code (issue 10, item 6)."""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path

from egov_bsc_xl import errors

PACKAGE = Path(__file__).resolve().parents[1] / "egov_bsc_xl"
BUILTIN_EXCEPTIONS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type)
    and issubclass(value, BaseException)
    and not issubclass(value, Warning)
}
OURS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, BaseException)
}


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def exception_classes_outside_errors(folder: Path) -> list[str]:
    """`file:line ClassName` of every class defined outside errors.py that derives from an exception."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path.name == "errors.py" and path.parent == folder:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {_base_name(base) for base in node.bases}
            if bases & (BUILTIN_EXCEPTIONS | OURS) or any(
                b.endswith(("Error", "Exception")) for b in bases
            ):
                found.append(f"{path.relative_to(folder)}:{node.lineno} {node.name}")
    return found


def test_every_exception_of_the_package_is_defined_in_errors_py() -> None:
    assert exception_classes_outside_errors(PACKAGE) == []


def test_the_scan_finds_an_exception_class_defined_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "class A(ValueError): ...\nclass B(errors.BusyError): ...\n"
        "class D: ...\n"
        "class W(UserWarning): ...\n"
    )
    assert exception_classes_outside_errors(tmp_path) == ["m.py:1 A", "m.py:2 B"]


def test_one_base_then_input_errors_and_file_errors() -> None:
    for name in OURS - {"BscError"}:
        assert issubclass(getattr(errors, name), errors.BscError), name
    for name in ("PartRefused", "BrokenPart", "WriteError", "BusyError", "RecalcError"):
        cls = getattr(errors, name)
        assert issubclass(cls, errors.FileError) and issubclass(cls, errors.UnusableInput), (
            name
        )  # exit 2
    for name in ("InputError", "LogoProblem"):
        assert issubclass(getattr(errors, name), ValueError), name  # as before the move


TEST_HOOKS = re.compile(r"EGOV_BSC_TEST|\bpytest\b|\bunittest\b|_for_tests?\b|tests only", re.I)


def test_no_test_hook_in_production_code() -> None:
    hits = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TEST_HOOKS.search(line)
    ]
    assert hits == []
