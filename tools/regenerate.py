"""Rewrite the committed, generated files of the repository (development only, not installed).

    python tools/regenerate.py              # everything below
    python tools/regenerate.py templates    # workbook_templates/egov-bsc-template-{id,en}.xlsm
    python tools/regenerate.py master       # the slide master: package data and presentations/
    python tools/regenerate.py macros       # macros/*.bas copied into the package data

Run it from the repository with the development install (``pip install -e '.[test]'``); the
tests in tests/workbook/test_template_committed.py, tests/deck/test_master_and_quality.py and
tests/workbook/test_vba_buttons.py name this command when a committed file is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python tools/regenerate.py` puts tools/ first, not the root
    sys.path.insert(0, str(ROOT))

TEMPLATE_DIR = ROOT / "workbook_templates"
SOURCE_MACROS = ROOT / "macros"
PACKAGE_DATA = ROOT / "egov_bsc_xl" / "data"
PACKAGED_MACROS = PACKAGE_DATA / "macros"
PACKAGED_MASTER = PACKAGE_DATA / "egov-bsc-master.pptx"
USER_MASTER = ROOT / "presentations" / "egov-bsc-master.pptx"
COMMAND = "python tools/regenerate.py"


def template_path(lang: str) -> Path:
    """The committed blank template of a language (id, en)."""
    return TEMPLATE_DIR / f"egov-bsc-template-{lang}.xlsm"


def macros() -> list[Path]:
    """Copy macros/*.bas into the package data so that an installed package carries them."""
    PACKAGED_MACROS.mkdir(parents=True, exist_ok=True)
    for old in PACKAGED_MACROS.glob("*.bas"):
        if not (SOURCE_MACROS / old.name).exists():
            old.unlink()
    written = []
    for source in sorted(SOURCE_MACROS.glob("*.bas")):
        target = PACKAGED_MACROS / source.name
        target.write_bytes(source.read_bytes())
        written.append(target)
    return written


def master() -> list[Path]:
    """The slide master, once built, written to the package data and to presentations/."""
    from egov_bsc_xl.deck.master import write_master

    return [write_master(PACKAGED_MASTER), write_master(USER_MASTER)]


def templates() -> list[Path]:
    """Both blank templates (UDF formulas), built with the macros of the package data."""
    from egov_bsc_xl.workbook import contract
    from egov_bsc_xl.workbook.template.build import build_template

    return [
        build_template(template_path(lang), lang, overwrite=True) for lang in contract.LANGUAGES
    ]


STEPS = {"macros": macros, "master": master, "templates": templates}  # in this order


def main(argv: list[str] | None = None) -> int:
    wanted = sys.argv[1:] if argv is None else argv
    unknown = [w for w in wanted if w not in STEPS]
    if unknown:
        print(__doc__, file=sys.stderr)
        print(f"unknown: {' '.join(unknown)}", file=sys.stderr)
        return 2
    for name, step in STEPS.items():
        if not wanted or name in wanted:
            for path in step():
                print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
