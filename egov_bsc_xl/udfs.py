"""The Excel functions, importable as plain Python functions (xlwings' `UDF Modules` points here)."""

from egov_bsc_xl.xl.udfs import BSC_ACHIEVEMENT, BSC_STATUS, BSC_WEIGHTED_SCORE

__all__ = ["BSC_ACHIEVEMENT", "BSC_STATUS", "BSC_WEIGHTED_SCORE"]
