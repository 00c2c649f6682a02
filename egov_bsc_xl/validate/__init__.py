"""The checks of SPEC 6: every issue in one pass, in the workbook's language."""

from egov_bsc_xl.validate.rules import validate

__all__ = ["validate"]
