"""calc and model know nothing of files, Excel or PowerPoint (STYLE.md)."""

import subprocess
import sys

FORBIDDEN = ("xlwings", "openpyxl", "pptx", "xlsxwriter", "python_calamine", "fastexcel")


def test_importing_calc_and_model_pulls_in_no_office_library():
    code = (
        "import sys, egov_bsc_xl.calc.engine, egov_bsc_xl.calc.functions, egov_bsc_xl.model;"
        f"print([m for m in {FORBIDDEN!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
