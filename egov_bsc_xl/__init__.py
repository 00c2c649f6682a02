"""egov-bsc-xl: a Balanced Scorecard for e-Government (SPBE) that lives in Excel."""

__version__ = "0.1.0"
