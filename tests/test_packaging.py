"""The wheel (a non-editable `pip install .`) carries the runtime files: slide master and VBA macros.

Builds the wheel from a copy of the sources the way pip does for a user, so a developer sees a
missing package-data entry here and not on a user's machine. `.ci/run` goes one step further: it
installs the wheel into a fresh virtual environment and runs `egov-bsc demo` from it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "egov_bsc_xl",
        src / "egov_bsc_xl",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp / "dist"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = sorted((tmp / "dist").glob("egov_bsc_xl-*.whl"))
    assert len(built) == 1, built
    with zipfile.ZipFile(built[0]) as zf:
        yield zf


def test_the_wheel_carries_the_slide_master(wheel: zipfile.ZipFile) -> None:
    from egov_bsc_xl.deck.master import DEFAULT_MASTER

    inside = DEFAULT_MASTER.resolve().relative_to(ROOT).as_posix()
    assert inside in wheel.namelist(), (
        f"{inside} is not in the wheel (package-data in pyproject.toml)"
    )
    assert wheel.read(inside) == (ROOT / "presentations" / "egov-bsc-master.pptx").read_bytes()


def test_the_wheel_carries_every_vba_module(wheel: zipfile.ZipFile) -> None:
    packaged = {
        Path(n).name: n
        for n in wheel.namelist()
        if n.startswith("egov_bsc_xl/") and n.endswith(".bas")
    }
    sources = sorted((ROOT / "macros").glob("*.bas"))
    assert sources
    for source in sources:
        assert source.name in packaged, f"{source.name} is not in the wheel"
        assert wheel.read(packaged[source.name]) == source.read_bytes(), (
            f"{packaged[source.name]} differs from macros/{source.name}: run python tools/regenerate.py macros"
        )


def test_the_wheel_leaves_the_development_files_out(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert not [n for n in names if n.startswith(("tools/", "tests/", "workbook_templates/"))]
    assert any(n.endswith("entry_points.txt") and b"egov-bsc" in wheel.read(n) for n in names)
