"""The Excel functions, importable as plain Python functions (xlwings' `UDF Modules` points here)."""

from egov_bsc_xl.xl.udfs import BSC_ACHIEVEMENT, BSC_STATUS, BSC_WEIGHTED_SCORE
from egov_bsc_xl.xl.udfs_book import BSC_OVERALL_SCORE, BSC_PERSPECTIVE_SCORES

__all__ = [
    "BSC_ACHIEVEMENT",
    "BSC_STATUS",
    "BSC_WEIGHTED_SCORE",
    "BSC_PERSPECTIVE_SCORES",
    "BSC_OVERALL_SCORE",
]
