"""Data-entry forms out, results collected back (SPEC 9 "Forms"): `egov-bsc forms` and `egov-bsc collect`."""
