"""The checks of SPEC 6: every issue in one pass, in the workbook's language; every code is defined here."""

from egov_bsc_xl.validate.codes import PARSE_CODES, Code
from egov_bsc_xl.validate.rules import CHECKS, ReadBook, parse_issues, validate

__all__ = ["CHECKS", "Code", "PARSE_CODES", "ReadBook", "parse_issues", "validate"]
