"""The only layer that imports xlwings: UDFs and button entry points."""
