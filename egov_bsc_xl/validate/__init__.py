"""The checks of SPEC 6."""
